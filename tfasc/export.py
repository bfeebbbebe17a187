"""Export of a training run: its checkpoint converted to ``.tflite`` (:mod:`tfasc.convert`)."""

from __future__ import annotations

import numpy as np

from tfasc.convert import to_tflite
from tfasc.keras import keras


def export_run(
    run_dir,
    mode: str = "int8",
    *,
    which: str = "best",
    num_calibration: int = 200,
    progress: bool = False,
) -> bytes:
    """Converts a training run's checkpoint, calibrating on its training features.

    Models with re-parameterizable branches (``RepConv2D``) are converted in their deploy
    form (:func:`tfasc.models.reparameterize`).
    """
    import pathlib

    from tfasc import train
    from tfasc.models import deploy_form

    config, _ = train.load_run(run_dir)
    model = deploy_form(keras.models.load_model(pathlib.Path(run_dir) / f"{which}.keras"))
    calibration = None
    if mode == "int8":
        train_set = train.fold_features(config, "train", progress=progress)
        order = np.random.default_rng(config.seed).permutation(len(train_set))
        calibration = train_set.features[order[:num_calibration]]
    return to_tflite(model, mode, calibration, num_calibration)
