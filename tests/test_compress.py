"""``tfasc compress`` end to end on tiny synthetic TAU: the pipeline, its run directory,
verification on both boards, the command line and its errors."""

import json

import numpy as np
import pytest

from tfasc import cli, config, train
from tfasc import run as runs
from tfasc.compress import compress_and_verify
from tfasc.compression import magnitude, pipeline


@pytest.fixture(scope="module")
def source(synth_tau, feature_cache, tmp_path_factory):
    """A one-epoch dcase2022_baseline run."""
    out = tmp_path_factory.mktemp("compress") / "run"
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        out_dir=str(out),
    )
    return train.train(settings, progress=False).run_dir


def _settings(source, out, **changes):
    values = {"source": str(source), "out_dir": str(out), "batch_size": 16,
              "prune": {"method": "one_shot", "schedule": "constant", "sparsity": 0.5,
                        "epochs": 1},
              "qat": {"epochs": 1}, "verify": {"vectors": 2}}  # fmt: skip
    for key, value in changes.items():
        table, _, name = key.rpartition(".")
        (values.setdefault(table, {}) if table else values)[name] = value
    return config.CompressConfig.from_dict(values)


@pytest.mark.mcu
def test_prune_qat_int8_verified_on_both_boards_and_resumed(source, tmp_path):
    settings = _settings(source, tmp_path / "c")
    result, report = compress_and_verify(settings, log=lambda line: None)
    checks = report["qat_int8"]
    assert checks["clips"] == len(runs.load(source).clips("evaluate"))
    # LiteRT's reference kernels and TFLM: measured equal, or 1 LSB apart on a few outputs
    # (3 of 510 on this QAT model, which has a requantizing QUANTIZE op).
    assert checks["litert_max_lsb"] <= 1
    assert checks["litert_mismatched_outputs"] <= 0.02 * checks["clips"] * 10
    assert set(checks["boards"]) == {"mps2-an386", "mps3-an547"}
    for board in checks["boards"].values():
        assert board["bit_exact_with_tflm"]
        assert board["instructions_per_inference"] > 0 and board["flash_bytes"] > 40_000
    assert checks["tflm_arena_bytes"] > 0 and 0.0 <= checks["agreement"] <= 1.0
    assert {"seen_accuracy", "unseen_accuracy"} <= set(checks["int8"])
    assert "ptq_int8" in report and "pruned" in report and "float" in report
    compressed = report["complexity"]["compressed"]
    # Every kernel but the first conv's at 50 %; biases and BN dense.
    assert 0.4 < compressed["sparsity"] < 0.5
    assert compressed["nonzero_params"] == magnitude.nonzero_params(result.model)
    # The float reference stays the source model: pruning works on a copy of it.
    assert magnitude.model_sparsity(result.dense) < 0.01
    assert report["complexity"]["dense"]["sparsity"] < 0.01
    stages = {p.name: p.stat().st_mtime_ns for p in result.directory.iterdir() if p.is_file()}
    assert {"compress.json", "dense.keras", "pruned.keras", "model.tflite", "ptq.tflite",
            "qat.json", "teacher.npy"} <= set(stages)  # fmt: skip
    again = pipeline.compress(settings, log=lambda line: None)  # resumes: nothing recomputed
    assert again.flatbuffer == result.flatbuffer
    assert {p.name: p.stat().st_mtime_ns for p in result.directory.iterdir()
            if p.is_file()} == stages  # fmt: skip
    with pytest.raises(runs.RunMismatchError, match="prune.sparsity: 0.5 -> 0.6"):
        pipeline.compress(_settings(source, tmp_path / "c", **{"prune.sparsity": 0.6}))


def test_cli_writes_model_and_report(source, tmp_path, capsys):
    toml = tmp_path / "c.toml"
    toml.write_text(
        f'source = "{source}"\nmode = "float16"\nbatch_size = 16\n'
        '[prune]\nmethod = "progressive"\nsparsity = 0.4\nsteps = 2\nepochs = 2\n'
        "[qat]\nenabled = false\n"
    )
    out = tmp_path / "out"
    assert cli.main(["compress", str(toml), "--out", str(out)]) == 0
    assert "KB non-zero" in capsys.readouterr().out
    report = json.loads((out / "report.json").read_text())
    assert report["method"] == "progressive" and report["mode"] == "float16"
    assert (out / "pruned_step1.keras").is_file() and (out / "pruned_step2.keras").is_file()
    assert (out / "model_float16.tflite").stat().st_mode & 0o777 == 0o644
    assert report["complexity"]["compressed"]["sparsity"] > 0.3


@pytest.mark.parametrize(
    "text, message",
    [
        ('[prune]\nmethod = "lottery"', "[prune] method 'lottery' is not one of none, one_shot"),
        ("[prune]\nsparsity = 1.0", "[prune] sparsity must be in [0.0, 1.0), got 1.0"),
        ("[prune]\nsparsity = -0.1", "[prune] sparsity must be in [0.0, 1.0)"),
        ('mode = "int16x8"', "[qat] enabled needs mode 'int8'"),
        ('[verify]\nboards = ["stm32"]', "[verify] boards 'stm32' is not one of"),
        ("[qat]\nepochs = 0", "[qat] epochs must be in [1, inf]"),
    ],
)
def test_bad_configs_are_one_error_line(source, tmp_path, capsys, text, message):
    toml = tmp_path / "c.toml"
    toml.write_text(f'source = "{source}"\nout_dir = "{tmp_path / "o"}"\n{text}\n')
    assert cli.main(["compress", str(toml)]) == 2
    line = capsys.readouterr().err.strip().splitlines()
    assert len(line) == 1 and line[0].startswith("tfasc compress: error: ") and message in line[0]
    assert not (tmp_path / "o").exists()


def test_a_model_with_an_op_the_firmware_cannot_run():
    from tfasc.convert import ExportError
    from tfasc.keras import keras

    x = keras.Input((8, 8, 1))
    model = keras.Model(x, keras.layers.Conv2D(2, 3, activation="tanh")(x), name="tanh_model")
    data = np.random.default_rng(0).standard_normal((8, 8, 8, 1)).astype(np.float32)
    with pytest.raises(ExportError, match="tanh_model.*cannot run: TANH"):
        pipeline.check_model_ops(model, "int8", data)


def test_structured_pruning_of_an_unsupported_model_is_one_error(source, tmp_path, capsys):
    toml = tmp_path / "c.toml"
    toml.write_text(f'source = "{source}"\nout_dir = "{tmp_path / "o"}"\n'
                    '[prune]\nmethod = "structured"\n')  # fmt: skip
    assert cli.main(["compress", str(toml)]) == 2
    assert "BCResBlock stages" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_structured_pruning_is_a_stage_that_resumes(synth_tau, feature_cache, tmp_path):
    """The rebuilt, fine-tuned smaller model is ``pruned.keras``: a rerun loads it instead of
    fine-tuning again (before, only the exported model was kept, so a resumed run reported
    the accuracy of a freshly fine-tuned model other than the one it had exported)."""
    bcres = train.train(config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        model=config.ModelConfig(name="bcresnet_mod_budget"),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        out_dir=str(tmp_path / "run"),
    ), progress=False).run_dir  # fmt: skip
    settings = _settings(bcres, tmp_path / "c", **{"prune.method": "structured",
                         "prune.max_params": 40_000, "qat.enabled": False})  # fmt: skip
    result = pipeline.compress(settings, log=lambda line: None)
    assert result.report["compressed"]["params"] <= 40_000
    stages = {p.name: p.stat().st_mtime_ns for p in result.directory.iterdir() if p.is_file()}
    assert {"pruned.keras", "ptq.tflite"} <= set(stages)
    again = pipeline.compress(settings, log=lambda line: None)
    assert again.flatbuffer == result.flatbuffer
    for a, b in zip(again.model.weights, result.model.weights, strict=True):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    assert {p.name: p.stat().st_mtime_ns for p in result.directory.iterdir()
            if p.is_file()} == stages  # fmt: skip
