"""Teacher runs for the distillation tests: the registered teachers trained by the same
pipeline as any model (narrow, one epoch, on the students' dcase2022 front end)."""

import pytest

from tfasc import config, train


def student_config(synth_tau, cache, out, **changes) -> config.TrainConfig:
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(cache)),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        augment=config.AugmentConfig(mixstyle_p=0.0),
        out_dir=str(out),
    )
    return settings.replace(**changes) if changes else settings


TEACHERS = {"cp_resnet_teacher": {"base_channels": 8}, "bcresnet_mod_teacher": {"c": 10}}


@pytest.fixture(scope="session")
def teacher_runs(synth_tau, feature_cache, tmp_path_factory):
    """``{name: run directory}`` of both registered teachers, trained for one epoch."""
    root = tmp_path_factory.mktemp("teachers")
    runs = {}
    for name, args in TEACHERS.items():
        settings = student_config(synth_tau, feature_cache, root / name, **{
            "model.name": name, "model.args": args, "model.frontend": "dcase2022",
        })  # fmt: skip
        runs[name] = train.train(settings, progress=False).run_dir
    return runs
