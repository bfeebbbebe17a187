"""A ``.tflite`` model in the real TFLite Micro interpreter (the ``tflite-micro`` package).

TensorFlow-free: the firmware generator and the board runner use it without importing
TensorFlow. :class:`TFLMModel` quantizes float features, runs them one by one as an MCU
would, dequantizes the outputs and measures the tensor arena the model needs.

Example:
    >>> tflm = TFLMModel(flatbuffer)
    >>> logits = tflm.predict(features)  # float in, dequantized float out
    >>> tflm.arena_used()
    34816
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from tfasc import flatbuffer as fb
from tfasc.quiet import captured_stderr


class TFLMError(fb.ModelError):
    """TFLite Micro cannot load or run the model as asked; the message says why."""


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

    def on_grid(self, x) -> np.ndarray:
        """``x`` rounded onto the grid (float values an int8 tensor can hold): what a float
        model with a fake quantization at its input should be given to see the int8
        model's inputs — TensorFlow's fake quantization rounds in float32 and can take the
        other neighbour of a value within ~1e-7 of a half step (1 value in ~10^5 of the
        features)."""
        return self.dequantize(self.quantize(x))


PROBABILITY_OPS = ("SOFTMAX", "LOGISTIC")
"""Ops whose output is a probability: a model ending in one returns probabilities."""


class TFLMModel:
    """A ``.tflite`` model in the TFLite Micro reference interpreter.

    Args:
        flatbuffer: the ``.tflite`` bytes.
        arena_size: tensor-arena bytes; defaults to a generous 4 MiB plus 10x the model.
        source: how errors name the model (e.g. its path).
        preserve_all_tensors: keep every tensor after an invoke (:meth:`activations`).

    Raises:
        tfasc.flatbuffer.MalformedModelError: the bytes are not a ``.tflite`` model.
        TFLMError: TFLM cannot load it (an unsupported op, too small an arena).
    """

    def __init__(self, flatbuffer: bytes, arena_size: int | None = None, source: str = "model",
                 preserve_all_tensors: bool = False):  # fmt: skip
        from tflite_micro.python.tflite_micro import runtime

        self.flatbuffer = bytes(flatbuffer)
        self.source = source
        self.preserve_all_tensors = preserve_all_tensors
        self.graph = fb.parse(self.flatbuffer, source)
        self.arena_size = arena_size or (4 << 20) + 10 * len(self.flatbuffer)
        try:
            with captured_stderr() as log:
                config = runtime.InterpreterConfig
                self._interpreter = runtime.Interpreter.from_bytes(
                    self.flatbuffer, arena_size=self.arena_size,
                    intrepreter_config=config.kPreserveAllTensors if preserve_all_tensors
                    else config.kAllocationRecording,
                )  # fmt: skip
        except Exception as error:
            detail = log.get("text", "").strip().splitlines()
            why = detail[-1] if detail else str(error)
            raise TFLMError(f"{source}: TFLite Micro cannot load the model: {why}") from None
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
    def input_shape(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.input_details["shape"])

    @property
    def input_quantization(self) -> Quantization | None:
        return self._quantization(self.input_details)

    @property
    def output_quantization(self) -> Quantization | None:
        return self._quantization(self.output_details)

    @property
    def outputs_probabilities(self) -> bool:
        """True when the model's output is produced by a softmax or logistic op."""
        producer = self.graph.producer(self.graph.outputs[0]) if self.graph.outputs else None
        return producer is not None and producer.name in PROBABILITY_OPS

    def invoke(self, example: np.ndarray) -> np.ndarray:
        """Runs one example given in the model's own input dtype; returns the raw output."""
        dtype = self.input_details["dtype"]
        example = np.asarray(example)
        if example.dtype != dtype:
            raise TFLMError(
                f"{self.source}: TFLM input must be {np.dtype(dtype).name}, got {example.dtype}"
            )
        if example.size != int(np.prod(self.input_shape)):
            raise TFLMError(
                f"{self.source}: input has {example.size} values, the model takes "
                f"{self.input_shape}"
            )
        self._interpreter.set_input(example.reshape(self.input_shape), 0)
        self._interpreter.invoke()
        return np.array(self._interpreter.get_output(0)).reshape(-1)

    def activations(self, example: np.ndarray) -> dict[int, np.ndarray]:
        """``{tensor index: values}`` of every non-constant tensor after one :meth:`invoke`
        (needs ``preserve_all_tensors``, which gives each tensor memory of its own)."""
        if not self.preserve_all_tensors:
            raise TFLMError(f"{self.source}: activations need preserve_all_tensors=True")
        self.invoke(example)
        return {
            t.index: np.asarray(self._interpreter.GetTensor(t.index, 0)["tensor_data"]).reshape(
                t.shape
            )
            for t in self.graph.tensors
            if not t.is_constant
        }

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

        The ``tflite-micro`` Python package exposes no API for this number (its interpreter
        wrapper has only ``print_allocations``, which the RecordingMicroAllocator writes to
        standard error from C++), so it is read from that print: this is the only place in
        tfasc that parses TFLM output. Runs the model once on zeros first if it has not run.
        """
        self.invoke(np.zeros(self.input_shape, self.input_details["dtype"]))
        with captured_stderr() as captured:
            self._interpreter.print_allocations()
        match = re.search(
            r"\[RecordingMicroAllocator\] Arena allocation total (\d+) bytes", captured["text"]
        )
        if not match:
            raise TFLMError(f"cannot read the arena size from TFLM:\n{captured['text']}")
        return int(match.group(1))
