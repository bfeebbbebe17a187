"""Device-specific fine-tuning (DCASE2025 Task 1): a general model plus one fine-tuned model
per training device, chosen by the device id at inference; unknown devices keep the general
model.

:func:`finetune_devices` starts every device model from the run's general checkpoint and
trains it on that device's training clips only (the DCASE2025 baseline: 50 epochs per device,
AdamW, learning rate 5e-4; ``[finetune]`` of the run's config, or the settings given), with
the run's label smoothing and no augmentation; the last epoch is kept (no model selection
on the evaluation clips). The models are written to the run directory::

    RUN/devices/finetune.json   settings and the SHA-256 of the general checkpoint
    RUN/devices/<device>.keras  one fine-tuned model per device

A device model is written atomically; rerunning resumes with the devices not done yet, and a
request with other settings (or after the general model changed) is refused unless
``overwrite``. :func:`evaluate_devices` reports, per device, the general model's accuracy
beside the device-specific one, and the whole evaluation fold with each clip routed to its
device's model.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil

import numpy as np

from tfasc import DEVICES, SCENES, atomic, evaluate
from tfasc import config as configs
from tfasc import run as runs
from tfasc.keras import keras, tf
from tfasc.losses import SparseCrossentropy
from tfasc.metrics import Accuracy, MacroAccuracy

DEVICES_DIR = "devices"
SETTINGS_FILE = "finetune.json"


@dataclasses.dataclass
class FinetuneResult:
    """What :func:`finetune_devices` did."""

    run: runs.Run
    models: dict[str, object]
    """``{device: path of its fine-tuned model}``."""
    trained: list[str]
    """Devices trained by this call (the others were already done)."""
    history: dict[str, dict]
    """Per-epoch ``loss``/``accuracy`` of the devices trained by this call."""


def training_devices(features) -> list[str]:
    """The devices of a run's training examples, in the order of ``tfasc.DEVICES``."""
    present = set(np.asarray(features.devices).astype(str))
    return [d for d in DEVICES if d in present]


def device_models(run: runs.Run) -> dict[str, object]:
    """``{device: path}`` of the fine-tuned models a run holds (empty when none)."""
    folder = run.path(DEVICES_DIR)
    found = {p.stem: p for p in folder.glob("*.keras") if not p.name.startswith(".")}
    return {d: found[d] for d in DEVICES if d in found}


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _prepare_folder(run: runs.Run, settings, general, overwrite: bool) -> None:
    folder = run.path(DEVICES_DIR)
    stamp = {"settings": configs.to_dict(settings), "general": _sha256(general)}
    settings_path = folder / SETTINGS_FILE
    if settings_path.is_file():
        old = json.loads(settings_path.read_text())
        if old == stamp:
            return
        if not overwrite:
            changes = runs.differences(old, stamp)
            raise runs.RunMismatchError(
                f"{folder}: holds device models made with other settings ({'; '.join(changes)});"
                " pass --overwrite (overwrite=True) to replace them"
            )
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    atomic.write_json(settings_path, stamp)


def finetune_devices(
    run_dir,
    settings: configs.FinetuneConfig | None = None,
    *,
    overwrite: bool = False,
    progress: bool = True,
) -> FinetuneResult:
    """Fine-tunes one model per training device from the run's general model.

    Args:
        run_dir: a finished training run.
        settings: epochs, AdamW settings, devices; default the run's ``[finetune]``.
        overwrite: replace device models made with other settings.
        progress: one line per device.

    Raises:
        tfasc.run.RunError: not a run, or no checkpoint yet.
        tfasc.run.RunMismatchError: device models with other settings exist.
        ValueError: a requested device has no training clips.
    """
    run = runs.load(run_dir)
    settings = settings or run.config.finetune
    general = run.checkpoint(settings.checkpoint)
    train_set = run.features("train", progress=progress)
    available = training_devices(train_set)
    devices = list(settings.devices) if settings.devices else available
    missing = [d for d in devices if d not in available]
    if missing:
        raise ValueError(
            f"{run.directory}: no training clips of device(s) {', '.join(missing)} "
            f"(the run trains on {', '.join(available)})"
        )
    _prepare_folder(run, settings, general, overwrite)
    done = device_models(run)
    batch_size = settings.batch_size or run.config.optimizer.batch_size
    trained, history = [], {}
    # One model and optimizer for all devices, reset to the general weights and a fresh
    # optimizer state before each: the training step is traced once, not once per device.
    model = keras.models.load_model(general)
    initial = model.get_weights()
    model.compile(
        optimizer=keras.optimizers.AdamW(settings.learning_rate, settings.weight_decay),
        loss=SparseCrossentropy(run.config.optimizer.label_smoothing),
        metrics=[Accuracy(len(SCENES)), MacroAccuracy(len(SCENES))],
    )
    for index, device in enumerate(devices):
        if device in done:
            continue
        keras.utils.set_random_seed(run.config.runtime.seed + 1 + DEVICES.index(device))
        model.set_weights(initial)
        for variable in model.optimizer.variables:
            variable.assign(tf.zeros_like(variable))
        rows = train_set.devices == device
        fit = model.fit(
            train_set.features[rows],
            train_set.labels[rows],
            batch_size=batch_size,
            epochs=settings.epochs,
            shuffle=True,
            verbose=0,
        )
        target = run.path(DEVICES_DIR) / f"{device}.keras"
        partial = target.with_name(f".partial-{device}.keras")
        model.save(partial)
        os.replace(partial, target)
        trained.append(device)
        history[device] = {k: [float(v) for v in values] for k, values in fit.history.items()}
        if progress:
            print(f"device {device} ({index + 1}/{len(devices)}, {int(rows.sum())} examples): "
                  f"accuracy {100 * history[device]['accuracy'][-1]:.1f} % after "
                  f"{settings.epochs} epochs")  # fmt: skip
    return FinetuneResult(run, device_models(run), trained, history)


def evaluate_devices(run_dir, *, data_root=None, which: str = "best", progress: bool = True):
    """General versus device-specific results on the evaluation fold.

    Returns:
        ``{"general": report, "device_specific": report, "per_device": {device: {"count",
        "general_accuracy", "device_accuracy", "model"}}}``: the reports are
        :func:`tfasc.evaluate.report` dicts; in ``device_specific`` each clip is classified
        by its device's model, or by the general model for a device without one (the
        unseen s4-s6).

    Raises:
        tfasc.run.RunError: not a run, or it holds no device models yet.
    """
    run = runs.load(run_dir)
    specific = device_models(run)
    if not specific:
        raise runs.RunError(
            f"{run.directory}: no device models yet; make them with `tfasc finetune-devices`"
        )
    data = run.features("evaluate", data_root=data_root, progress=progress)
    general = run.load_model(which).predict(data.features, batch_size=128, verbose=0)
    routed = general.copy()
    for device, path in specific.items():
        rows = data.devices == device
        if rows.any():
            model = keras.models.load_model(path)
            routed[rows] = model.predict(data.features[rows], batch_size=128, verbose=0)
    general_report = evaluate.report(general, data.labels, data.devices)
    routed_report = evaluate.report(routed, data.labels, data.devices)
    per_device = {
        device: {
            "count": general_report["per_device"][device]["count"],
            "general_accuracy": general_report["per_device"][device]["accuracy"],
            "device_accuracy": routed_report["per_device"][device]["accuracy"],
            "model": f"{DEVICES_DIR}/{device}.keras" if device in specific else "general",
        }
        for device in general_report["per_device"]
    }
    return {"general": general_report, "device_specific": routed_report, "per_device": per_device}


def format_devices(result: dict) -> str:
    """One row per device: clips, general accuracy, device-specific accuracy, which model."""
    lines = [f"{'device':8}{'clips':>7}{'general':>10}{'device':>10}  model"]
    for device, row in result["per_device"].items():
        lines.append(
            f"{device:8}{row['count']:7d}{100 * row['general_accuracy']:9.1f}%"
            f"{100 * row['device_accuracy']:9.1f}%  {row['model']}"
        )
    general, routed = result["general"], result["device_specific"]
    lines.append(
        f"{'all':8}{general['count']:7d}{100 * general['accuracy']:9.1f}%"
        f"{100 * routed['accuracy']:9.1f}%  (macro {100 * general['macro_accuracy']:.1f} -> "
        f"{100 * routed['macro_accuracy']:.1f} %)"
    )
    return "\n".join(lines)
