"""Training with model.fit: outputs, resume after a real kill, mirrored strategy."""

import csv
import json
import os
import subprocess
import sys
import textwrap

import pytest

from tfasc import evaluate, train


def _config(synth_tau, cache, out, **kw):
    return train.TrainConfig(
        data_root=str(synth_tau),
        out_dir=str(out),
        cache_dir=str(cache),
        epochs=kw.pop("epochs", 2),
        batch_size=16,
        **kw,
    )


def _epochs(run_dir):
    with open(run_dir / "log.csv") as handle:
        return [int(row["epoch"]) for row in csv.DictReader(handle)]


def test_train_then_evaluate(synth_tau, feature_cache, tmp_path):
    config = _config(synth_tau, feature_cache, tmp_path / "run", label_smoothing=0.1)
    result = train.train(config, progress=False)
    for name in ("best.keras", "last.keras", "config.json", "log.csv"):
        assert (result.run_dir / name).is_file(), name
    assert any((result.run_dir / "tensorboard").rglob("events.out.tfevents*"))
    assert _epochs(result.run_dir) == [0, 1]
    assert {"loss", "accuracy", "macro_accuracy", "val_macro_accuracy"} <= set(result.history)

    report = evaluate.evaluate_run(result.run_dir, progress=False)
    assert 0.0 <= report["accuracy"] <= 1.0 and report["count"] > 0
    assert (
        json.loads((result.run_dir / "evaluation.json").read_text())["accuracy"]
        == report["accuracy"]
    )
    assert (result.run_dir / "evaluation_confusion.png").stat().st_size > 1000
    assert "macro acc" in (result.run_dir / "evaluation.txt").read_text()

    # Rerunning a finished run trains nothing more.
    train.train(config, progress=False)
    assert _epochs(result.run_dir) == [0, 1]


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from tfasc import train
    from tfasc.keras import keras

    class KillMidEpoch(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            print(f"EPOCH_START {epoch}", flush=True)
            self.epoch = epoch
        def on_train_batch_end(self, batch, logs=None):
            if sys.argv[2] == "kill" and self.epoch == 2 and batch == 1:
                os.kill(os.getpid(), signal.SIGKILL)

    config = train.TrainConfig.from_toml(sys.argv[1])
    train.train(config, progress=False, callbacks=[KillMidEpoch()])
    """
)


def test_killed_run_resumes_losing_at_most_one_epoch(synth_tau, feature_cache, tmp_path):
    run = tmp_path / "run"
    toml = tmp_path / "config.toml"
    toml.write_text(
        f'data_root = "{synth_tau}"\nout_dir = "{run}"\ncache_dir = "{feature_cache}"\n'
        "epochs = 4\nbatch_size = 8\nmixstyle_p = 0.0\n"
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


def test_mirrored_strategy_over_two_logical_cpus(synth_tau, feature_cache, tmp_path):
    script = textwrap.dedent(
        f"""
        from tfasc import train
        strategy = train.make_strategy("mirrored", cpu_replicas=2)
        print("REPLICAS", strategy.num_replicas_in_sync)
        config = train.TrainConfig(data_root={str(synth_tau)!r}, out_dir={str(tmp_path / "run")!r},
                                   cache_dir={str(feature_cache)!r}, epochs=1, batch_size=16,
                                   strategy="mirrored", cpu_replicas=2)
        result = train.train(config, progress=False)
        print("LOSS", result.history["loss"][-1])
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
    loss = float(done.stdout.split("LOSS")[1].split()[0])
    assert loss == loss and loss > 0  # finite


def test_config_errors_name_the_field(tmp_path):
    with pytest.raises(ValueError, match="unknown model 'nope'"):
        train.TrainConfig(data_root="x", model="nope")
    with pytest.raises(ValueError, match="unknown strategy 'tpu'"):
        train.TrainConfig(data_root="x", strategy="tpu")
    toml = tmp_path / "c.toml"
    toml.write_text('data_root = "x"\nepoch = 3\n')
    with pytest.raises(ValueError, match="unknown key.*epoch"):
        train.TrainConfig.from_toml(toml)
    with pytest.raises(FileNotFoundError, match="missing.toml"):
        train.TrainConfig.from_toml(tmp_path / "missing.toml")
    with pytest.raises(FileNotFoundError, match="not a tfasc run directory"):
        train.load_run(tmp_path)
