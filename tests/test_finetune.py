"""Device-specific fine-tuning: one model per training device from the general model,
resumable and guarded like a run, and the general vs device-specific evaluation."""

import numpy as np
import pytest

from tfasc import config, finetune
from tfasc import run as runs
from tfasc.keras import keras
from tfasc.losses import SparseCrossentropy


def test_one_model_per_training_device(finetuned_run):
    run = runs.load(finetuned_run)
    models = finetune.device_models(run)
    assert list(models) == ["a", "b", "c", "s1", "s2", "s3"]  # never s4-s6: no training clips
    general = run.load_model("best")
    train_set = run.features("train", progress=False)
    loss = SparseCrossentropy()
    for device, path in models.items():
        model = keras.models.load_model(path)
        assert [w.shape for w in model.weights] == [w.shape for w in general.weights]
        # Fine-tuned on its own device's clips: it fits them better than the general model.
        rows = train_set.devices == device
        own = loss(train_set.labels[rows], model.predict(train_set.features[rows], verbose=0))
        base = loss(train_set.labels[rows], general.predict(train_set.features[rows], verbose=0))
        assert float(own) < float(base), device


def test_rerun_resumes_and_other_settings_are_refused(finetuned_run):
    run = runs.load(finetuned_run)
    before = {p: p.stat().st_mtime_ns for p in run.path("devices").iterdir()}
    again = finetune.finetune_devices(finetuned_run, progress=False)
    assert again.trained == [] and list(again.models) == ["a", "b", "c", "s1", "s2", "s3"]
    other = config.FinetuneConfig(epochs=11)
    with pytest.raises(runs.RunMismatchError, match="settings.epochs: 10 -> 11"):
        finetune.finetune_devices(finetuned_run, other, progress=False)
    assert {p: p.stat().st_mtime_ns for p in run.path("devices").iterdir()} == before


def test_general_versus_device_specific_evaluation(finetuned_run):
    run = runs.load(finetuned_run)
    result = finetune.evaluate_devices(finetuned_run, progress=False)
    data = run.features("evaluate", progress=False)
    general = run.load_model("best").predict(data.features, verbose=0).argmax(1)
    for device, row in result["per_device"].items():
        rows = data.devices == device
        assert row["count"] == rows.sum()
        assert row["general_accuracy"] == pytest.approx(np.mean(general[rows] == data.labels[rows]))
        if device in ("s4", "s5", "s6"):  # unknown devices keep the general model
            assert row["model"] == "general"
            assert row["device_accuracy"] == row["general_accuracy"]
        else:
            model = keras.models.load_model(run.path(f"devices/{device}.keras"))
            own = model.predict(data.features[rows], verbose=0).argmax(1)
            assert row["model"] == f"devices/{device}.keras"
            assert row["device_accuracy"] == pytest.approx(np.mean(own == data.labels[rows]))
    routed = result["device_specific"]
    assert routed["count"] == len(data) and set(routed["per_device"]) == set(result["per_device"])
    table = finetune.format_devices(result)
    assert table.splitlines()[0].split() == ["device", "clips", "general", "device", "model"]
    assert len(table.splitlines()) == 2 + len(result["per_device"])


def test_refusals(finetuned_run, synth_tau, feature_cache, tmp_path):
    fresh = runs.prepare(config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        out_dir=str(tmp_path / "fresh"))).initialize()  # fmt: skip
    with pytest.raises(runs.RunError, match="no best checkpoint yet"):
        finetune.finetune_devices(fresh.directory, progress=False)
    with pytest.raises(runs.RunError, match="no device models yet"):
        finetune.evaluate_devices(fresh.directory, progress=False)
