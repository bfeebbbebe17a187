"""Training with model.fit: outputs, resume after a real kill, mirrored strategy, refusals."""

import csv
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from tests.helpers import tiny_config
from tfasc import evaluate, train
from tfasc import run as runs
from tfasc.data.audio import AudioError


def _epochs(run_dir):
    with open(run_dir / "log.csv") as handle:
        return [int(row["epoch"]) for row in csv.DictReader(handle)]


def test_train_then_evaluate(synth_tau, feature_cache, tmp_path):
    settings = tiny_config(synth_tau, feature_cache, tmp_path / "run",
                       **{"optimizer.label_smoothing": 0.1})  # fmt: skip
    result = train.train(settings, progress=False)
    for name in ("best.keras", "last.keras", "run.json", "log.csv"):
        assert (result.run_dir / name).is_file(), name
    assert any((result.run_dir / "tensorboard").rglob("events.out.tfevents*"))
    assert _epochs(result.run_dir) == [0, 1] and result.epochs_trained == 2
    assert {"loss", "accuracy", "macro_accuracy", "val_macro_accuracy"} <= set(result.history)

    # The report is the best checkpoint's predictions on the whole evaluate fold.
    report = evaluate.evaluate_run(result.run_dir, progress=False)
    run = runs.load(result.run_dir)
    data = run.features("evaluate", progress=False)
    predicted = run.load_model("best").predict(data.features, verbose=0).argmax(axis=1)
    assert report["count"] == len(run.clips("evaluate")) == len(data)
    assert report["accuracy"] == pytest.approx(np.mean(predicted == data.labels))
    # ... and its macro accuracy is the one ModelCheckpoint selected the checkpoint by.
    assert report["macro_accuracy"] == pytest.approx(
        max(result.history["val_macro_accuracy"]), abs=1e-6
    )

    # Rerunning a finished run trains nothing more and says so.
    again = train.train(settings, progress=False)
    assert again.epochs_trained == 0 and _epochs(result.run_dir) == [0, 1]
    assert again.history.keys() == result.history.keys()
    for key, values in result.history.items():
        assert again.history[key] == pytest.approx(values, rel=1e-6), key


def test_other_settings_are_refused_before_anything_changes(synth_tau, feature_cache, tmp_path):
    settings = tiny_config(synth_tau, feature_cache, tmp_path / "run", **{"optimizer.epochs": 1})
    train.train(settings, progress=False)
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "run").rglob("*")}
    with pytest.raises(
        runs.RunMismatchError, match="config.model.name: 'dcase2022_baseline' -> 'bcresnet'"
    ):
        train.train(settings.replace(**{"model.name": "bcresnet"}), progress=False)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "run").rglob("*")} == before
    replaced = train.train(
        settings.replace(**{"model.name": "bcresnet"}), overwrite=True, progress=False
    )
    assert (
        replaced.epochs_trained == 1 and runs.load(replaced.run_dir).config.model.name == "bcresnet"
    )
    assert replaced.run.load_model().name.startswith("bcresnet")


def test_bad_audio_leaves_no_run_behind(synth_tau, feature_cache, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(synth_tau, data)
    clip = runs.tau.load(data).fold("evaluate")[0]
    (data / clip.filename).write_bytes(b"RIFF\0\0\0\0WAVEjunk")
    out = tmp_path / "run"
    with pytest.raises(AudioError, match=clip.filename.split("/")[-1]):
        train.train(tiny_config(data, tmp_path / "cache", out), progress=False)
    assert not out.exists()


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from tfasc import config, train
    from tfasc.keras import keras

    class KillMidEpoch(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            print(f"EPOCH_START {epoch}", flush=True)
            self.epoch = epoch
        def on_train_batch_end(self, batch, logs=None):
            if sys.argv[2] == "kill" and self.epoch == 2 and batch == 1:
                os.kill(os.getpid(), signal.SIGKILL)

    settings = config.TrainConfig.from_toml(sys.argv[1])
    train.train(settings, progress=False, callbacks=[KillMidEpoch()])
    """
)


def test_killed_run_resumes_losing_at_most_one_epoch(synth_tau, feature_cache, tmp_path):
    run = tmp_path / "run"
    toml = tmp_path / "config.toml"
    toml.write_text(
        f'out_dir = "{run}"\n[data]\nroot = "{synth_tau}"\ncache_dir = "{feature_cache}"\n'
        "[optimizer]\nepochs = 4\nbatch_size = 8\n[augment]\nmixstyle_p = 0.0\n"
    )
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    killed = subprocess.run(
        [sys.executable, str(script), str(toml), "kill"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert "EPOCH_START 2" in killed.stdout and _epochs(run) == [0, 1]

    resumed = subprocess.run(
        [sys.executable, str(script), str(toml), "run"], capture_output=True, text=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    started = [
        int(line.split()[1])
        for line in resumed.stdout.splitlines()
        if line.startswith("EPOCH_START")
    ]
    assert started == [2, 3]  # only the interrupted epoch is redone
    assert _epochs(run) == [0, 1, 2, 3]

    # A killed run resumed with other settings is refused, not half-resumed.
    toml.write_text(toml.read_text().replace("epochs = 4", "epochs = 5"))
    refused = subprocess.run(
        [sys.executable, str(script), str(toml), "run"], capture_output=True, text=True, timeout=600
    )
    assert refused.returncode != 0 and "config.optimizer.epochs: 4 -> 5" in refused.stderr


def test_mirrored_strategy_over_two_logical_cpus(synth_tau, feature_cache, tmp_path):
    script = textwrap.dedent(
        f"""
        from tfasc import config, evaluate, train
        strategy = train.make_strategy("mirrored", cpu_replicas=2)
        print("REPLICAS", strategy.num_replicas_in_sync)
        settings = config.TrainConfig(
            data=config.DataConfig(root={str(synth_tau)!r}, cache_dir={str(feature_cache)!r}),
            optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
            runtime=config.RuntimeConfig(strategy="mirrored", cpu_replicas=2),
            out_dir={str(tmp_path / "run")!r})
        result = train.train(settings, progress=False)
        report = evaluate.evaluate_run(result.run_dir, progress=False)
        print("LOGGED", result.history["val_macro_accuracy"][-1], "EVALUATED", report["macro_accuracy"])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CUDA_VISIBLE_DEVICES": ""},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "REPLICAS 2" in done.stdout
    logged, evaluated = (float(x) for x in done.stdout.split("LOGGED")[1].split()[::2])
    # The checkpoint saved under the strategy reproduces its logged validation score.
    assert evaluated == pytest.approx(logged, abs=1e-6)
