"""The command line: each command end to end on tiny data, and every error as one line."""

import json
import subprocess
import sys

import numpy as np
import pytest

from tfasc import cli, convert, tflm
from tfasc import run as runs
from tfasc.keras import keras


def test_help_lists_commands():
    done = subprocess.run(
        [sys.executable, "-m", "tfasc.cli", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    for command in ("synth", "train", "evaluate", "export", "quickstart"):
        assert command in done.stdout


def _error_line(capsys, command):
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"tfasc {command}: error: ")
    return lines[0]


@pytest.fixture(scope="module")
def trained(synth_tau, feature_cache, tmp_path_factory):
    """A one-epoch run trained through the CLI, and its int8 model."""
    root = tmp_path_factory.mktemp("cli")
    toml = root / "c.toml"
    toml.write_text(
        f'[data]\nroot = "{synth_tau}"\ncache_dir = "{feature_cache}"\n[optimizer]\nbatch_size = 16\n'
    )
    run = root / "run"
    assert cli.main(["train", str(toml), "--out", str(run), "--epochs", "1"]) == 0
    return toml, run


def test_train_evaluate_export_from_anywhere(trained, synth_tau, tmp_path, capsys, monkeypatch):
    toml, run = trained
    monkeypatch.chdir(tmp_path)  # the run holds absolute paths
    assert cli.main(["train", str(toml), "--out", str(run), "--epochs", "1"]) == 0
    assert "already complete (1 epochs); nothing to train" in capsys.readouterr().out
    assert cli.main(["evaluate", str(run)]) == 0
    assert "macro acc" in capsys.readouterr().out
    model = tmp_path / "m.tflite"
    assert cli.main(["export", str(run), "--out", str(model), "--data", str(synth_tau)]) == 0
    assert model.stat().st_size > 40000 and model.stat().st_mode & 0o777 == 0o644
    assert cli.main(["evaluate", str(run), "--tflite", str(model)]) == 0
    result = json.loads((run / "evaluation_tflm.json").read_text())
    assert result["count"] == len(runs.load(run).clips("evaluate"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tflite"]  # no stray folders


def test_softmax_models_are_read_as_probabilities(trained, tmp_path, capsys):
    _, run = trained
    loaded = runs.load(run)
    base = loaded.load_model()
    with_softmax = keras.Sequential([base, keras.layers.Softmax()])
    data = loaded.features("evaluate", progress=False)
    model = tmp_path / "softmax.tflite"
    model.write_bytes(convert.to_tflite(with_softmax, "int8", data.features[:32]))
    assert tflm.TFLMModel(model.read_bytes()).outputs_probabilities
    assert cli.main(["evaluate", str(run), "--tflite", str(model)]) == 0
    probabilities = tflm.TFLMModel(model.read_bytes()).predict(data.features)
    p = np.clip(probabilities, 1e-7, 1)
    p /= p.sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(p[np.arange(len(p)), data.labels]))
    logged = json.loads((run / "evaluation_tflm.json").read_text())["log_loss"]
    assert logged == pytest.approx(expected, rel=1e-6)


def test_changed_model_in_existing_run_is_refused(trained, capsys):
    toml, run = trained
    before = (run / "best.keras").stat().st_mtime_ns
    code = cli.main(["train", str(toml), "--out", str(run), "--model", "bcresnet"])
    assert code == 2
    line = _error_line(capsys, "train")
    assert "config.model.name: 'dcase2022_baseline' -> 'bcresnet'" in line and "--overwrite" in line
    assert (run / "best.keras").stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "toml, message",
    [
        ('[data]\nroot = "{data}"\n[optimizer]\nepochs = "1"\n', "epochs must be an integer"),
        ('[data]\nroot = "{data}"\n[optimizer]\nbatch_size = 1.5\n', "batch_size must be an integer"),
        ('[data]\nroot = "{data}"\n[optimizer]\nlearning_rate = "fast"\n', "learning_rate must be a number"),
        ('[model]\nname = "bcresnet"\n', "[data] root is missing"),
        ('[data]\nroot = "{data}"\n[model]\nname = "bcresnet"\n[model.args]\nwidth = 2\n',
         "[model.args] width: not an argument"),
        ('[data]\nroot = "{data}"\n[model]\nname = "resnet9000"\n', "unknown model 'resnet9000'"),
    ],
)  # fmt: skip
def test_bad_configs_are_one_line_and_leave_nothing(synth_tau, tmp_path, capsys, toml, message):
    path = tmp_path / "c.toml"
    path.write_text(toml.format(data=synth_tau))
    out, cache = tmp_path / "run", tmp_path / "cache"
    assert cli.main(["train", str(path), "--out", str(out), "--cache", str(cache)]) == 2
    assert message in _error_line(capsys, "train")
    assert not out.exists() and not cache.exists()


def test_run_killed_before_its_first_checkpoint(trained, tmp_path, capsys):
    killed = tmp_path / "killed"
    killed.mkdir()
    (killed / "run.json").write_bytes((trained[1] / "run.json").read_bytes())
    for command in (["evaluate", str(killed)], ["export", str(killed), "--out", "x.tflite"]):
        assert cli.main(command) == 2
        assert "no best checkpoint yet" in _error_line(capsys, command[0])
    assert cli.main(["evaluate", str(tmp_path)]) == 2
    assert "not a tfasc run directory" in _error_line(capsys, "evaluate")


def test_quickstart_command(tmp_path, capsys):
    out = tmp_path / "qs"
    args = ["quickstart", "--out", str(out), "--size", "0.003", "--slices", "2", "--epochs", "1"]
    assert cli.main([*args, "--vectors", "2"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    interpreter = tflm.TFLMModel((out / "model_int8.tflite").read_bytes())
    assert summary["tflite_bytes"] == len(interpreter.flatbuffer)
    assert summary["tflm_arena_bytes"] == interpreter.arena_used()
    assert summary["mcu"]["bit_exact_vectors"] == summary["mcu"]["vectors"] == 2
    assert summary["mcu"]["clip_label_on_board"] == summary["mcu"]["clip_label_in_python"]
    assert summary["mcu"]["instructions_per_inference"] > 29e6 / 2  # 29 M MACs, <= 2 per SMLAD
    assert (out / "run" / "evaluation.txt").is_file()
    printed = capsys.readouterr().out
    assert "int8 in TFLM" in printed and "vectors bit-exact with TFLM" in printed

    # The same folder with another model is refused before anything in it changes.
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert cli.main([*args, "--model", "bcresnet", "--seed", "1"]) == 2
    line = _error_line(capsys, "quickstart")
    assert "model: 'dcase2022_baseline' -> 'bcresnet'" in line and "seed: 0 -> 1" in line
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_translator_train_command(synth_tau, feature_cache, tmp_path, capsys):
    out = tmp_path / "translator"
    argv = ["translator", "train", "--data", str(synth_tau), "--out", str(out), "--epochs", "2",
            "--cache", str(feature_cache)]  # fmt: skip
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    assert "held_out (" in printed and "dB untranslated" in printed
    assert sorted(p.name for p in out.iterdir()) == ["translator.json", "translator.keras"]
    assert cli.main(argv) == 2  # never over a translator without --overwrite
    assert "exists and is not empty; pass --overwrite" in _error_line(capsys, "translator")
    assert cli.main([*argv, "--overwrite", "--devices", "b,s4"]) == 2
    assert "[translator] devices: ['s4']" in _error_line(capsys, "translator")


def test_distillation_flags_and_finetune_devices(trained, finetuned_run, tmp_path, capsys):
    toml, run = trained
    out = tmp_path / "student"
    assert cli.main(["train", str(toml), "--out", str(out), "--epochs", "1", "--teacher",
                     str(run), "--teacher", str(run)]) == 0  # fmt: skip
    assert runs.load(out).config.distill.teachers == [str(run), str(run)]
    capsys.readouterr()
    assert cli.main(["train", str(toml), "--out", str(tmp_path / "x"), "--teacher",
                     str(tmp_path)]) == 2  # fmt: skip
    assert "not a tfasc run directory" in _error_line(capsys, "train")
    assert not (tmp_path / "x").exists()

    export_dir = tmp_path / "devices"
    assert cli.main(["finetune-devices", str(finetuned_run), "--export", str(export_dir)]) == 0
    printed = capsys.readouterr().out
    assert "trained now: none" in printed and "s4" in printed and "general" in printed
    assert json.loads((finetuned_run / "devices" / "evaluation.json").read_text())["per_device"]
    names = sorted(p.name for p in export_dir.iterdir())
    assert names == sorted([f"{d}.tflite" for d in ("general", "a", "b", "c", "s1", "s2", "s3")]
                           + ["device_models.cc", "device_models.h"])  # fmt: skip
    assert cli.main(["finetune-devices", str(finetuned_run), "--epochs", "3"]) == 2
    assert "pass --overwrite" in _error_line(capsys, "finetune-devices")
