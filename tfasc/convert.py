"""TFLite conversion: ``to_tflite`` converts a Keras model to a ``.tflite`` flatbuffer.

The TFLM interpreter that runs the result is :mod:`tfasc.tflm`. The converter's own C++
log lines (MLIR pass statistics, "fully_quantize: ...") are captured and shown only when the
conversion fails.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import numpy as np

from tfasc import flatbuffer as fb
from tfasc import ops
from tfasc.keras import keras, tf
from tfasc.quiet import captured_stderr

MODES = ("float32", "dynamic", "int8", "int16x8", "float16")
"""``float32``: no quantization; ``dynamic``: int8 weights, float activations;
``int8``: full-integer model with int8 input and output (what TFLM on an MCU runs);
``int16x8``: int16 activations and int8 weights, int16 input and output (TFLite's
``EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8``; TFLM runs it when every op has
an int16 kernel: ``tfasc.ops.OpSupport.tflm_int16``); ``float16``: float16 weights, float
computation."""

CALIBRATED = ("int8", "int16x8")
"""Modes that need representative data."""


class ExportError(ValueError):
    """A model cannot be converted or run as asked; the message names the culprit."""


def _representative_dataset(data, num_samples: int, mode: str = "int8"):
    if data is None:
        raise ExportError(f"mode {mode!r} needs representative_data (a few hundred input examples)")
    if isinstance(data, np.ndarray) or tf.is_tensor(data):
        array = np.asarray(data, np.float32)[:num_samples]
        return lambda: ([example[np.newaxis]] for example in array)

    def generate():
        for i, example in enumerate(data):
            if i >= num_samples:
                break
            example = np.asarray(example, np.float32)
            yield [example if example.ndim == 4 else example[np.newaxis]]

    return generate


def to_tflite(
    model: keras.Model,
    mode: str = "int8",
    representative_data: np.ndarray | Iterable | None = None,
    num_calibration_samples: int = 200,
) -> bytes:
    """Converts a Keras model to a TFLite flatbuffer.

    Args:
        model: the Keras model (for pruned or QAT models, strip their wrappers first).
        mode: one of :data:`MODES`.
        representative_data: calibration inputs for ``int8``: an array ``(N, ...)`` or an
            iterable of examples.
        num_calibration_samples: at most this many calibration examples are used.

    Returns:
        The ``.tflite`` flatbuffer.

    Raises:
        ValueError: on an unknown mode.
        ExportError: when an op cannot be converted in the requested mode, naming it.
    """
    if mode not in MODES:
        raise ValueError(f"unknown export mode {mode!r}; allowed: {', '.join(MODES)}")
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    if mode != "float32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if mode == "float16":
        converter.target_spec.supported_types = [tf.float16]
    if mode in CALIBRATED:
        converter.representative_dataset = _representative_dataset(
            representative_data, num_calibration_samples, mode
        )
        int16 = mode == "int16x8"
        ops_set = tf.lite.OpsSet
        converter.target_spec.supported_ops = [
            ops_set.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8
            if int16
            else ops_set.TFLITE_BUILTINS_INT8
        ]
        converter.inference_input_type = tf.int16 if int16 else tf.int8
        converter.inference_output_type = tf.int16 if int16 else tf.int8
    try:
        with captured_stderr(), warnings.catch_warnings():
            # Emitted for every int8-input model: the input range comes from calibration.
            warnings.filterwarnings("ignore", "Statistics for quantized inputs were expected")
            flatbuffer = converter.convert()
    except Exception as error:  # the converter raises ConverterError and friends
        ops = sorted(set(re.findall(r"'?(tf\.\w+|tfl\.\w+)'?", str(error))))
        detail = f" (ops: {', '.join(ops)})" if ops else ""
        raise ExportError(
            f"model {model.name!r} cannot be converted to {mode} TFLite{detail}: "
            f"{str(error).strip().splitlines()[0] if str(error).strip() else error!r}"
        ) from error
    if mode in CALIBRATED:
        check_tflm_ops(flatbuffer, "tflm_int16" if mode == "int16x8" else "tflm_int8")
    return flatbuffer


def check_tflm_ops(flatbuffer: bytes, path: str = "tflm_int8") -> None:
    """Raises :class:`ExportError` naming every op TFLM cannot run in int8 (or int16x8 with
    ``path="tflm_int16"``)."""
    bad = ops.unsupported(fb.parse(flatbuffer).ops, path)
    if bad:
        kind = "int16x8" if path == "tflm_int16" else "int8"
        raise ExportError(
            f"the {kind} model uses ops that TFLite Micro does not support: {', '.join(bad)}"
        )
