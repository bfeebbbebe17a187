"""TFLite conversion and the TFLite Micro reference interpreter.

``to_tflite`` converts a Keras model to a ``.tflite`` flatbuffer; ``TFLMModel`` runs one in
the real TFLM interpreter of the ``tflite-micro`` package and measures the arena it needs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tempfile
from collections.abc import Iterable

import numpy as np

from tfasc.keras import keras, tf

MODES = ("float32", "dynamic", "int8")
"""``float32``: no quantization; ``dynamic``: int8 weights, float activations;
``int8``: full-integer model with int8 input and output (what TFLM on an MCU runs)."""

TFLM_INT8_OPS = frozenset(
    {
        "ADD",
        "AVERAGE_POOL_2D",
        "CONCATENATION",
        "CONV_2D",
        "DEPTHWISE_CONV_2D",
        "DEQUANTIZE",
        "FULLY_CONNECTED",
        "HARD_SWISH",
        "LOGISTIC",
        "MAX_POOL_2D",
        "MEAN",
        "MUL",
        "PAD",
        "QUANTIZE",
        "RELU",
        "RELU6",
        "RESHAPE",
        "SOFTMAX",
        "SUB",
        "TANH",
        "TRANSPOSE",
        "LEAKY_RELU",
        "SQUEEZE",
        "STRIDED_SLICE",
        "SUM",
        "SPLIT",
        "BATCH_MATMUL",
        "SQUARED_DIFFERENCE",
        "RSQRT",
        "PACK",
        "UNPACK",
        "SHAPE",
    }
)
"""Builtin ops that TFLM implements for int8 tensors (a subset of its op resolver)."""


class ExportError(ValueError):
    """A model cannot be converted or run as asked; the message names the culprit."""


def _representative_dataset(data, num_samples: int):
    if data is None:
        raise ExportError("mode 'int8' needs representative_data (a few hundred input examples)")
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
    if mode in ("dynamic", "int8"):
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if mode == "int8":
        converter.representative_dataset = _representative_dataset(
            representative_data, num_calibration_samples
        )
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
    try:
        flatbuffer = converter.convert()
    except Exception as error:  # the converter raises ConverterError and friends
        ops = sorted(set(re.findall(r"'?(tf\.\w+|tfl\.\w+)'?", str(error))))
        detail = f" (ops: {', '.join(ops)})" if ops else ""
        raise ExportError(
            f"model {model.name!r} cannot be converted to {mode} TFLite{detail}: "
            f"{str(error).strip().splitlines()[0] if str(error).strip() else error!r}"
        ) from error
    if mode == "int8":
        check_tflm_ops(flatbuffer)
    return flatbuffer


def model_ops(flatbuffer: bytes) -> list[str]:
    """Builtin operator names used by a ``.tflite`` model, in first-use order."""
    interpreter = tf.lite.Interpreter(model_content=flatbuffer)
    names = []
    for op in interpreter._get_ops_details():
        if op["op_name"] not in names:
            names.append(op["op_name"])
    return names


def check_tflm_ops(flatbuffer: bytes) -> None:
    """Raises :class:`ExportError` naming every op TFLM cannot run in int8."""
    unsupported = [op for op in model_ops(flatbuffer) if op not in TFLM_INT8_OPS]
    if unsupported:
        raise ExportError(
            f"the int8 model uses ops that TFLite Micro does not support: {', '.join(unsupported)}"
        )


@dataclasses.dataclass(frozen=True)
class Quantization:
    """Affine int8 quantization ``real = scale * (q - zero_point)``."""

    scale: float
    zero_point: int

    def quantize(self, x) -> np.ndarray:
        q = np.round(np.asarray(x, np.float64) / self.scale) + self.zero_point
        return np.clip(q, -128, 127).astype(np.int8)

    def dequantize(self, q) -> np.ndarray:
        return (np.asarray(q, np.float32) - self.zero_point) * np.float32(self.scale)


@contextlib.contextmanager
def _captured_stderr():
    """Captures what C++ code writes to file descriptor 2."""
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        captured = {}
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured["text"] = sink.read().decode(errors="replace")


class TFLMModel:
    """A ``.tflite`` model in the TFLite Micro reference interpreter (``tflite-micro``).

    Args:
        flatbuffer: the ``.tflite`` bytes.
        arena_size: tensor-arena bytes; defaults to a generous 4 MiB plus 10x the model.

    Example:
        >>> tflm = TFLMModel(to_tflite(model, "int8", calibration))
        >>> logits = tflm.predict(features)  # float in, dequantized float out
    """

    def __init__(self, flatbuffer: bytes, arena_size: int | None = None):
        from tflite_micro.python.tflite_micro import runtime

        self.flatbuffer = bytes(flatbuffer)
        self.arena_size = arena_size or (4 << 20) + 10 * len(self.flatbuffer)
        try:
            self._interpreter = runtime.Interpreter.from_bytes(
                self.flatbuffer, arena_size=self.arena_size
            )
        except Exception as error:
            raise ExportError(f"TFLite Micro cannot load the model: {error}") from error
        self.input_details = self._interpreter.get_input_details(0)
        self.output_details = self._interpreter.get_output_details(0)

    @staticmethod
    def _quantization(details) -> Quantization | None:
        params = details.get("quantization_parameters") or {}
        scales = params.get("scales")
        if scales is None or len(scales) == 0:
            return None
        return Quantization(float(scales[0]), int(params["zero_points"][0]))

    @property
    def input_quantization(self) -> Quantization | None:
        return self._quantization(self.input_details)

    @property
    def output_quantization(self) -> Quantization | None:
        return self._quantization(self.output_details)

    def invoke(self, example: np.ndarray) -> np.ndarray:
        """Runs one example given in the model's own input dtype; returns the raw output."""
        dtype = self.input_details["dtype"]
        shape = tuple(self.input_details["shape"])
        example = np.asarray(example)
        if example.dtype != dtype:
            raise ExportError(f"TFLM input must be {np.dtype(dtype).name}, got {example.dtype}")
        example = example.reshape(shape)
        self._interpreter.set_input(example, 0)
        self._interpreter.invoke()
        return np.array(self._interpreter.get_output(0)).reshape(-1)

    def invoke_batch(self, examples: np.ndarray) -> np.ndarray:
        """Runs every example of a batch given in the model's own input dtype."""
        return np.stack([self.invoke(example) for example in examples])

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Float features in, float outputs out (quantizing and dequantizing as needed)."""
        q_in, q_out = self.input_quantization, self.output_quantization
        inputs = q_in.quantize(features) if q_in else np.asarray(features, np.float32)
        outputs = self.invoke_batch(inputs)
        return q_out.dequantize(outputs) if q_out else outputs

    def arena_used(self) -> int:
        """Arena bytes the model actually used, from TFLM's RecordingMicroAllocator.

        Call after at least one :meth:`invoke`.
        """
        with _captured_stderr() as captured:
            self._interpreter.print_allocations()
        match = re.search(
            r"\[RecordingMicroAllocator\] Arena allocation total (\d+) bytes", captured["text"]
        )
        if not match:
            raise ExportError(f"cannot read the arena size from TFLM:\n{captured['text']}")
        return int(match.group(1))


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
