"""tfasc tune end to end on tiny synthetic TAU: library, command line, resume, refusals and
the distributed chief/worker search."""

import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

from tests.tune.test_oracle import SMALL_SPACE
from tfasc import cli, complexity, config, models, tune


def write_config(path, data, cache, out, **tune_values):
    """A search of the four-candidate SMALL_SPACE on the dcase2022 front end (40 x 51),
    one epoch per trial, within 1 M MACs (two candidates fit)."""
    values = {"max_trials": 3, "epochs": 1, "max_macs": 1_000_000, **tune_values}
    space = "\n".join(f"{name} = {json.dumps(choices)}" for name, choices in SMALL_SPACE.items())
    path.write_text(
        f'out_dir = "{out}"\n[data]\nroot = "{data}"\ncache_dir = "{cache}"\n'
        '[model]\nfrontend = "dcase2022"\n[optimizer]\nbatch_size = 32\n[tune]\n'
        + "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items())
        + f"[tune.space]\n{space}\n"
    )
    return path


def _error_line(capsys, command):
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tfasc {command}: error: "), lines
    return lines[0]


def test_search_trains_only_candidates_within_budget(synth_tau, feature_cache, tmp_path, capsys):
    out = tmp_path / "search"
    toml = write_config(tmp_path / "tune.toml", synth_tau, feature_cache, out)
    train_config, tune_config = config.read_tune_toml(toml)
    result = tune.tune(train_config, tune_config, progress=False)

    # Two candidates fit and are the only trials trained; the two others were rejected
    # before a trial existed, and the search went on past them (max_trials is 3: it ends
    # because the space is exhausted).
    assert result.role == "standalone" and result.trained_here == ("0", "1")
    assert [t["status"] for t in result.trials] == ["COMPLETED", "COMPLETED"]
    assert sorted((t["params"], t["macs"]) for t in result.trials) == [
        (11_522, 653_430), (13_570, 743_030)
    ]  # fmt: skip
    assert all(t["values"]["width"] == 0.5 and 0 <= t["score"] <= 1 for t in result.trials)
    assert sorted(r["macs"] for r in result.rejected) == [1_818_590, 1_988_830]
    assert all(r["reason"].startswith("over budget: ") for r in result.rejected)
    assert result.best["score"] == max(t["score"] for t in result.trials)

    # The command line on the same settings resumes: nothing is trained again, the report
    # is written.
    assert cli.main(["tune", str(toml)]) == 0
    printed = capsys.readouterr().out
    assert result.table() in printed and "Rejected before training" in printed
    assert json.loads((out / "tune.json").read_text()) == json.loads(json.dumps(result.summary()))
    assert (out / "tune.md").read_text() == result.table() + "\n"
    assert json.loads((out / "tune.json").read_text())["rejected_count"] == 2

    # best.toml trains the best candidate with the config's own training settings.
    best = config.TrainConfig.from_toml(out / "best.toml")
    assert best.model.name == "rep_mobile" and best.model.args == result.best["args"]
    assert best.out_dir == str(out / "best") and best.optimizer == train_config.optimizer
    model = models.build("rep_mobile", input_shape=best.frontend_config.input_shape,
                         **best.model.args)  # fmt: skip
    counted = complexity.keras_complexity(models.deploy_form(model))
    assert (counted.params, counted.macs) == (result.best["params"], result.best["macs"])

    # Other settings in the same directory are refused before anything changes.
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    assert cli.main(["tune", str(toml), "--epochs", "2"]) == 2
    assert "holds a search with other settings (tune.epochs: 1 -> 2)" in _error_line(capsys, "tune")
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_no_candidate_fails_before_anything_is_written(synth_tau, tmp_path, capsys):
    out = tmp_path / "search"
    toml = write_config(tmp_path / "tune.toml", synth_tau, tmp_path / "cache", out,
                        max_macs=600_000)  # fmt: skip
    assert cli.main(["tune", str(toml)]) == 2
    line = _error_line(capsys, "tune")
    assert "no candidate of the rep_mobile search space (4 candidates, 4 tried) fits" in line
    assert not out.exists() and not (tmp_path / "cache").exists()  # no features computed


def test_incomplete_distributed_environment(monkeypatch):
    monkeypatch.setenv("KERASTUNER_ORACLE_IP", "127.0.0.1")
    monkeypatch.delenv("KERASTUNER_ORACLE_PORT", raising=False)
    with pytest.raises(tune.TuneError, match="KERASTUNER_ORACLE_PORT is not"):
        tune.distributed_role()
    monkeypatch.setenv("KERASTUNER_ORACLE_PORT", "http")
    monkeypatch.setenv("KERASTUNER_TUNER_ID", "tuner0")
    with pytest.raises(tune.TuneError, match="must be a port number, got 'http'"):
        tune.distributed_role()
    monkeypatch.setenv("KERASTUNER_ORACLE_PORT", "8000")
    assert tune.distributed_role() == "worker"
    monkeypatch.setenv("KERASTUNER_TUNER_ID", "chief")
    assert tune.distributed_role() == "chief"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow  # about 1-2 minutes on 2 cores: two TensorFlow processes, two trials
def test_distributed_chief_and_worker(synth_tau, feature_cache, tmp_path):
    """keras-tuner's chief/worker mode in two local processes: the chief serves the budget
    oracle, the worker trains both trials, the chief writes the report."""
    toml = write_config(tmp_path / "tune.toml", synth_tau, feature_cache, tmp_path / "unused",
                        max_trials=2)  # fmt: skip
    env = {**os.environ, "KERASTUNER_ORACLE_IP": "127.0.0.1",
           "KERASTUNER_ORACLE_PORT": str(_free_port())}  # fmt: skip
    command = [sys.executable, "-m", "tfasc.cli", "tune", str(toml), "--out"]
    chief = subprocess.Popen(
        [*command, str(tmp_path / "chief")], env={**env, "KERASTUNER_TUNER_ID": "chief"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        worker = subprocess.run(
            [*command, str(tmp_path / "worker")], env={**env, "KERASTUNER_TUNER_ID": "tuner0"},
            capture_output=True, text=True, timeout=400,
        )  # fmt: skip
        chief_output, _ = chief.communicate(timeout=120)
    finally:
        if chief.poll() is None:
            chief.kill()
            chief.wait()
    assert worker.returncode == 0, worker.stderr[-3000:]
    assert "worker finished (trained trials: 0, 1); the chief writes the results" in worker.stdout
    assert chief.returncode == 0, chief_output[-3000:]
    summary = json.loads((tmp_path / "chief" / "tune.json").read_text())
    assert [t["status"] for t in summary["trials"]] == ["COMPLETED", "COMPLETED"]
    assert all(np.isfinite(t["score"]) for t in summary["trials"])
    assert summary["trained"] == 2 and summary["rejected_count"] <= 2
    assert (tmp_path / "chief" / "best.toml").is_file()
    assert not (tmp_path / "worker" / "tune.json").exists()
