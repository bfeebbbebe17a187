"""Export of a training run: its checkpoint converted to ``.tflite`` (:mod:`tfasc.convert`).

Models with re-parameterizable branches (``RepConv2D``) are converted in their deploy form
(:func:`tfasc.models.deploy_form`). int8 models are calibrated on ``num_calibration`` random
training clips (seeded by the run), whose features are computed in memory: exporting
writes nothing, not even the feature cache.
"""

from __future__ import annotations

import numpy as np

from tfasc import run as runs
from tfasc.config import ExportConfig
from tfasc.convert import to_tflite
from tfasc.models import deploy_form


def calibration_features(run: runs.Run, count: int, *, data_root=None) -> np.ndarray:
    """Features of ``count`` random training clips of the run (its seed picks them)."""
    clips = run.clips("train", data_root)
    order = np.random.default_rng(run.config.runtime.seed).permutation(len(clips))[:count]
    subset = [clips[i] for i in order]
    return run.features("train", data_root=data_root, clips=subset, cache_dir=False,
                        progress=False).features  # fmt: skip


def export_run(run_dir, settings: ExportConfig | None = None, *, data_root=None) -> bytes:
    """Converts a training run's checkpoint to a ``.tflite`` flatbuffer.

    Args:
        run_dir: a run directory written by :func:`tfasc.train.train`.
        settings: mode, checkpoint and calibration size (default: full int8 of ``best``).
        data_root: another copy of the run's data set to calibrate on.

    Raises:
        tfasc.run.RunError: not a run directory, or the checkpoint does not exist yet.
        tfasc.convert.ExportError: the model cannot be converted in that mode.
    """
    settings = settings or ExportConfig()
    run = runs.load(run_dir)
    model = deploy_form(run.load_model(settings.checkpoint))
    calibration = None
    if settings.mode == "int8":
        calibration = calibration_features(run, settings.num_calibration, data_root=data_root)
    return to_tflite(model, settings.mode, calibration, settings.num_calibration)
