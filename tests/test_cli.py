"""The command line: each command end to end on tiny data, and errors as one line."""

import json
import subprocess
import sys

from tfasc import cli


def test_help_lists_commands():
    done = subprocess.run(
        [sys.executable, "-m", "tfasc.cli", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    for command in ("synth", "train", "evaluate", "export", "quickstart"):
        assert command in done.stdout


def test_train_evaluate_export(synth_tau, feature_cache, tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text(
        f'data_root = "{synth_tau}"\ncache_dir = "{feature_cache}"\nbatch_size = 16\n'
    )
    run = tmp_path / "run"
    assert cli.main(["train", str(config), "--out", str(run), "--epochs", "1"]) == 0
    assert cli.main(["evaluate", str(run)]) == 0
    assert "macro acc" in capsys.readouterr().out
    model = tmp_path / "m.tflite"
    assert cli.main(["export", str(run), "--out", str(model)]) == 0
    assert model.stat().st_size > 40000 and not (tmp_path / "m.tflite.tmp").exists()
    assert cli.main(["evaluate", str(run), "--tflite", str(model)]) == 0
    assert json.loads((run / "evaluation_tflm.json").read_text())["count"] > 0


def test_errors_are_one_line(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('data_root = "x"\nmodel = "resnet9000"\n')
    assert cli.main(["train", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tfasc train: error: unknown model 'resnet9000'")
    assert cli.main(["evaluate", str(tmp_path)]) == 2
    assert "not a tfasc run directory" in capsys.readouterr().err


def test_quickstart_command(tmp_path, capsys):
    out = tmp_path / "qs"
    args = ["quickstart", "--out", str(out), "--size", "0.003", "--slices", "2", "--epochs", "1"]
    assert cli.main(args) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["tflite_bytes"] > 40000 and summary["tflm_arena_bytes"] > 0
    assert 0 <= summary["int8_tflm"]["accuracy"] <= 1
    assert (out / "model_int8.tflite").is_file() and (out / "run" / "evaluation.txt").is_file()
    assert "int8 in TFLM" in capsys.readouterr().out
