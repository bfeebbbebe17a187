"""What the op lowerings share: the :class:`Emitter` of one graph and its checked accessors.

A lowering (``tfasc.aot.ops``) receives the emitter and one operator and returns the C++ of
that op's call. Through the emitter it declares constants (weights, multipliers, shapes),
asks for the arena buffer of a tensor, lets an output alias its input (``RESHAPE``) and
requests scratch memory (``MEAN``); the arena planner (:mod:`tfasc.aot.arena`) then places
every buffer. The checks below turn an inconsistent model into one error naming the op.
"""

from __future__ import annotations

import math

import numpy as np

from tfasc.aot.arena import Overlap
from tfasc.aot.quantization import f32, quantize_multiplier
from tfasc.csource import c_array
from tfasc.flatbuffer import Graph, MalformedModelError, Operator, Tensor, UnsupportedOpError

_CTYPES = {"int8": "int8_t", "int32": "int32_t", "int16": "int16_t"}


def braced(values) -> str:
    """A C initializer list, 24 values to a line (``{}`` when empty)."""
    body = c_array(values, str, 24)
    return "{\n" + body + "}" if body else "{}"


class Emitter:
    """Collects the constants, scratch buffers and tensor aliases of one graph's C++."""

    def __init__(self, graph: Graph, kernels: str = "reference", sparse: str = "auto"):
        self.graph = graph
        self.kernels = kernels
        """``tfasc.aot.compiler.KERNELS``: what the ops call and which variant's scratch
        the arena holds."""
        self.sparse = sparse
        """``tfasc.aot.sparse.POLICIES``: where pruned weights are stored without zeros."""
        self.overlaps: dict[int, list[Overlap]] = {}
        """Op index -> the input/output overlaps its kernel allows (:mod:`tfasc.aot.arena`)."""
        self.constants: list[str] = []
        """C++ definitions of the constants, in first-use order."""
        self.scratch: dict[int, int] = {}
        """Op index -> bytes of scratch memory it needs while it runs."""
        self.alias: dict[int, int] = {}
        """Tensor -> tensor whose buffer it shares."""
        self._emitted: set[int] = set()
        self._shapes: dict[tuple[int, ...], str] = {}

    def tensor(self, index: int, what: str, op: Operator) -> Tensor:
        """The tensor at ``index`` of ``op`` (``what`` names the role in errors)."""
        if index < 0:
            raise MalformedModelError(f"malformed .tflite: {op.name} (op {op.index}) lacks {what}")
        return self.graph.tensors[index]

    def const(self, t: Tensor) -> str:
        """The name of the ``const`` array holding constant tensor ``t`` (declared once)."""
        name = f"kTensor{t.index}"
        if t.index not in self._emitted:
            self.constants.append(
                f"// {t.name} {list(t.shape)}\nalignas(16) const {_CTYPES[t.dtype]} {name}"
                f"[{t.size}] = {braced(t.data)};\n"
            )
            self._emitted.add(t.index)
        return name

    def array(self, name: str, ctype: str, values, comment: str = "") -> str:
        """Declares ``alignas(16) const ctype name[] = {values}``; returns ``name``."""
        values = [int(v) for v in np.asarray(values).reshape(-1)]
        head = f"// {comment}\n" if comment else ""
        self.constants.append(
            f"{head}alignas(16) const {ctype} {name}[{max(len(values), 1)}] = "
            f"{braced(values or [0])};\n"
        )
        return name

    def tfasc_kernels(self) -> bool:
        """True unless the ops call the TFLite reference kernels."""
        return self.kernels != "reference"

    def ptr(self, t: Tensor, ctype: str = "int8_t") -> str:
        """A C++ pointer expression to ``t``'s data: its constant or its arena buffer."""
        if t.data is not None:
            return self.const(t)
        return f"reinterpret_cast<{ctype}*>(Buffer({t.index}))"

    def shape(self, dims) -> str:
        """A ``RuntimeShape`` over a shared constant dimension array."""
        dims = tuple(int(d) for d in dims) or (1,)
        if dims not in self._shapes:
            self._shapes[dims] = f"kShape{len(self._shapes)}"
            self.constants.append(
                f"const int32_t {self._shapes[dims]}[{len(dims)}] = {braced(dims)};\n"
            )
        return f"RuntimeShape({len(dims)}, {self._shapes[dims]})"

    def per_channel(self, op: Operator, x: Tensor, w_scales, y: Tensor, shift_type: str):
        """Per-channel multipliers and shifts as TFLM's ``PopulateConvolutionQuantizationParams``.

        Returns:
            The names of the two declared constant arrays.
        """
        mults, shifts = per_channel_multipliers(x, w_scales, y)
        self.constants.append(
            f"const int32_t kMultiplier{op.index}[{len(mults)}] = {braced(mults)};\n"
            f"const {shift_type} kShift{op.index}[{len(shifts)}] = {braced(shifts)};\n"
        )
        return f"kMultiplier{op.index}", f"kShift{op.index}"

    def bias(self, op: Operator, position: int, channels: int) -> str:
        """The constant int32 bias of input ``position`` of ``op``, or a null pointer."""
        index = op.inputs[position] if len(op.inputs) > position else -1
        if index < 0:
            return "static_cast<const int32_t*>(nullptr)"
        b = self.graph.tensors[index]
        if b.dtype != "int32" or b.data is None or b.size != channels:
            raise UnsupportedOpError(f"{op.name} (op {op.index}): bias must be constant int32")
        return self.const(b)

    def const_ints(self, op: Operator, index: int, what: str) -> list[int]:
        """The values of a constant int32/int64 operand (axes, paddings, slice bounds)."""
        t = self.tensor(index, what, op)
        if t.data is None or t.dtype not in ("int32", "int64"):
            raise UnsupportedOpError(f"{op.name} (op {op.index}): {what} must be a constant int32")
        return [int(v) for v in t.data.reshape(-1)]

    def int8_io(self, op: Operator) -> tuple[Tensor, Tensor]:
        """The first input and the output of ``op``, both checked to be int8 activations."""
        x = self.tensor(op.inputs[0], "an input", op)
        y = self.tensor(op.outputs[0], "an output", op)
        check_int8(x, op, "input")
        check_int8(y, op, "output")
        return x, y


def per_channel_multipliers(x: Tensor, w_scales, y: Tensor) -> tuple[list[int], list[int]]:
    """``QuantizeMultiplier(input scale * weight scale / output scale)`` per channel."""
    pairs = [quantize_multiplier(f32(x.scale) * f32(s) / f32(y.scale)) for s in w_scales]
    return [m for m, _ in pairs], [s for _, s in pairs]


def check_int8(t: Tensor, op: Operator | None, role: str) -> None:
    """Raises unless ``t`` is an int8 activation with one valid scale and zero point."""
    if t.dtype != "int8":
        where = f"{op.name} (op {op.index}): " if op else ""
        raise UnsupportedOpError(
            f"{where}{role} tensor {t.name!r} is {t.dtype}; only int8 activations are supported"
        )
    if len(t.scales) != 1 or not (math.isfinite(t.scale) and t.scale > 0):
        raise MalformedModelError(f"malformed .tflite: tensor {t.index} has scales {t.scales}")
    if not -128 <= t.zero_point <= 127:
        raise MalformedModelError(f"malformed .tflite: tensor {t.index} zero point")


def check(condition: bool, op: Operator, detail: str) -> None:
    """Raises :class:`MalformedModelError` naming ``op`` unless ``condition`` holds."""
    if not condition:
        raise MalformedModelError(
            f"malformed .tflite: {op.name} (op {op.index}) is inconsistent: {detail}"
        )


def filter_scales(w: Tensor, channels: int, op: Operator) -> tuple[float, ...]:
    """The per-output-channel scales of constant int8 weights (one scale broadcast)."""
    if w.dtype != "int8" or w.data is None:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): weights must be constant int8")
    if len(w.scales) not in (1, channels) or not all(math.isfinite(s) and s > 0 for s in w.scales):
        raise MalformedModelError(f"malformed .tflite: tensor {w.index} has scales {w.scales}")
    return w.scales if len(w.scales) == channels else w.scales * channels
