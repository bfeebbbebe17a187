"""Every shipped config (tfasc/configs/*.toml) parses and trains a few steps on synthetic TAU
with its own recipe (teachers, translator, DIR, splits, device fine-tuning) at smoke scale
(one epoch, a narrow model, the dcase2022 front end: tests/recipes.py), so none can rot. The
teacher configs are trained by the session's ``teacher_runs``."""

import numpy as np
import pytest

from tests.recipes import CONFIGS, smoke_config
from tfasc import config, features, finetune, train
from tfasc.augment import train_translator
from tfasc.data import tau
from tfasc.feature_cache import compute_features

TEACHERS = ("cp_resnet_teacher", "bcresnet_mod_teacher")
STUDENTS = ("dcase2022_baseline", "dcase2024_baseline", "qti2021_bcresnet_mod",
            "dcase2023_embedding_kd", "rep_mobile_2024", "dcase2025_device_finetune")  # fmt: skip


def test_every_config_is_smoke_tested():
    training = [p.stem for p in CONFIGS.glob("*.toml") if not p.stem.endswith("_compress")]
    assert sorted(training) == sorted(TEACHERS + STUDENTS)


def test_compression_configs_read(tmp_path):
    compress = sorted(CONFIGS.glob("*_compress.toml"))
    assert len(compress) == 3
    for path in compress:
        config.CompressConfig.from_toml(path, {"source": str(tmp_path)})


def test_published_recipe_settings():
    read = {n: config.TrainConfig.from_toml(CONFIGS / f"{n}.toml") for n in TEACHERS + STUDENTS}
    assert read["qti2021_bcresnet_mod"].data.long_clips == "slice"
    assert read["qti2021_bcresnet_mod"].model.name == "bcresnet_mod"
    assert read["dcase2023_embedding_kd"].distill.embedding
    rep = read["rep_mobile_2024"]
    assert (rep.distill.label_weight, rep.distill.temperature, rep.augment.dir_p) == (0.02, 2, 0.6)
    assert len(rep.distill.teachers) == 2 and rep.data.split == 100
    baseline = read["dcase2024_baseline"]
    assert (baseline.optimizer.epochs, baseline.optimizer.batch_size) == (150, 256)
    assert (baseline.augment.mixstyle_p, baseline.augment.mixstyle_alpha) == (0.4, 0.3)
    dcase2025 = read["dcase2025_device_finetune"]
    assert dcase2025.data.split == 25
    assert (dcase2025.finetune.epochs, dcase2025.finetune.learning_rate) == (50, 5e-4)


@pytest.fixture(scope="module")
def translator(synth_tau, feature_cache, tmp_path_factory):
    data = tau.load(synth_tau)
    frontend = features.preset("dcase2022")
    train_set = compute_features(data, data.fold("train"), frontend, cache_dir=feature_cache,
                                 long_clips="slice", progress=False)  # fmt: skip
    out = tmp_path_factory.mktemp("config_translator")
    train_translator(train_set, frontend, config.TranslatorConfig(epochs=2)).save(out)
    return out


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n == "rep_mobile_2024" else n for n in STUDENTS],
)  # rep_mobile_2024 combines DIR and the teacher ensemble, each tested by default elsewhere
def test_config_trains_a_few_steps(name, synth_tau, feature_cache, tmp_path, teacher_runs,
                                   translator):  # fmt: skip
    overrides = {
        "qti2021_bcresnet_mod": {"augment.translator": str(translator)},
        "dcase2023_embedding_kd": {"distill.embedding_teacher": str(teacher_runs[TEACHERS[0]])},
        "rep_mobile_2024": {"distill.teachers": [str(t) for t in teacher_runs.values()]},
    }.get(name, {})
    settings = smoke_config(name, synth_tau, feature_cache, tmp_path / "run", **overrides)
    result = train.train(settings, progress=False)
    assert result.epochs_trained == 1 and np.isfinite(result.history["loss"]).all()
    if name == "dcase2025_device_finetune":
        smoke = config.FinetuneConfig(**{**config.to_dict(settings.finetune), "epochs": 1,
                                         "devices": ["a", "b"]})  # fmt: skip
        done = finetune.finetune_devices(result.run_dir, smoke, progress=False)
        assert done.trained == ["a", "b"]
        report = finetune.evaluate_devices(result.run_dir, progress=False)
        assert report["per_device"]["s4"]["model"] == "general"
