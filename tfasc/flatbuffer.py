"""The one reader of ``.tflite`` flatbuffers: bytes -> :class:`Graph` (tensors, operators).

Everything in tfasc that looks inside a ``.tflite`` file (the complexity counter, the op
checks of export and firmware, the TFLM wrapper, the AOT compiler) reads it through
:func:`parse`, built on the flatbuffers bindings of the ``tflite`` package. TensorFlow is not
needed. Corrupted or truncated bytes raise :class:`MalformedModelError` naming the file,
never a bare ``struct`` or index error.

Example:
    >>> graph = parse(pathlib.Path("model.tflite").read_bytes(), source="model.tflite")
    >>> graph.ops
    ('CONV_2D', 'MAX_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED')
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import tflite
from tflite.BuiltinOperator import BuiltinOperator

DTYPES = {
    0: "float32", 1: "float16", 2: "int32", 3: "uint8", 4: "int64", 6: "bool", 7: "int16",
    9: "int8", 10: "float64", 15: "uint32", 16: "uint16", 17: "int4",
}  # fmt: skip
"""TFLite ``TensorType`` codes -> dtype names (``int4`` constants stay packed bytes)."""

ITEMSIZE = {"float32": 4, "float16": 2, "int32": 4, "uint8": 1, "int64": 8, "bool": 1,
            "int16": 2, "int8": 1, "float64": 8, "uint32": 4, "uint16": 2, "int4": 1}  # fmt: skip
"""Bytes per element of each dtype (``int4``: one byte per stored byte)."""

ACTIVATIONS = {0: "NONE", 1: "RELU", 2: "RELU_N1_TO_1", 3: "RELU6", 4: "TANH", 5: "SIGN_BIT"}
"""Fused activation codes of the op options."""

_OP_NAMES = {v: k for k, v in vars(BuiltinOperator).items() if not k.startswith("_")}

_OPTION_CLASSES = {
    "CONV_2D": tflite.Conv2DOptions, "DEPTHWISE_CONV_2D": tflite.DepthwiseConv2DOptions,
    "FULLY_CONNECTED": tflite.FullyConnectedOptions, "MAX_POOL_2D": tflite.Pool2DOptions,
    "AVERAGE_POOL_2D": tflite.Pool2DOptions, "L2_POOL_2D": tflite.Pool2DOptions,
    "ADD": tflite.AddOptions, "MUL": tflite.MulOptions, "SUB": tflite.SubOptions,
    "SOFTMAX": tflite.SoftmaxOptions, "MEAN": tflite.ReducerOptions,
    "SUM": tflite.ReducerOptions, "CONCATENATION": tflite.ConcatenationOptions,
    "STRIDED_SLICE": tflite.StridedSliceOptions,
}  # fmt: skip

_OPTION_FIELDS = (
    "Padding", "StrideW", "StrideH", "DilationWFactor", "DilationHFactor", "DepthMultiplier",
    "FilterWidth", "FilterHeight", "FusedActivationFunction", "KeepNumDims", "Beta",
    "KeepDims", "Axis", "BeginMask", "EndMask", "EllipsisMask", "NewAxisMask",
    "ShrinkAxisMask", "Offset",
)  # fmt: skip


class ModelError(ValueError):
    """A ``.tflite`` model that cannot be used as asked; the message names the culprit."""


class MalformedModelError(ModelError):
    """The bytes are not a valid ``.tflite`` flatbuffer (empty, truncated, corrupted)."""


class UnsupportedOpError(ModelError):
    """The model uses an op, type or option that the path asked for does not implement."""


@dataclasses.dataclass(frozen=True)
class Tensor:
    """One tensor of the graph; ``data`` is set for constants."""

    index: int
    """Position in the subgraph's tensor list."""
    name: str
    """Tensor name (bytes that are not UTF-8 are replaced, never an error)."""
    shape: tuple[int, ...]
    """Static shape."""
    dtype: str
    """One of :data:`DTYPES`' names, or ``type<N>`` for a code this reader does not know."""
    scales: tuple[float, ...]
    """Quantization scales (one per channel for per-channel weights), empty if float."""
    zero_points: tuple[int, ...]
    """Quantization zero points, as many as ``scales``."""
    buffer: int
    """Index of the model buffer holding the data (shared constants share it)."""
    data: np.ndarray | None
    """Constant values in ``shape``, or None for activations."""

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    @property
    def nbytes(self) -> int:
        return self.size * ITEMSIZE.get(self.dtype, 1)

    @property
    def scale(self) -> float:
        return self.scales[0]

    @property
    def zero_point(self) -> int:
        return self.zero_points[0]

    @property
    def is_constant(self) -> bool:
        return self.data is not None


@dataclasses.dataclass(frozen=True)
class Operator:
    """One operator: its builtin name, tensor indices (-1 = absent input) and options."""

    index: int
    name: str
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    options: dict


@dataclasses.dataclass(frozen=True)
class Graph:
    """The main subgraph of a ``.tflite`` model."""

    tensors: tuple[Tensor, ...]
    operators: tuple[Operator, ...]
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    subgraphs: int = 1
    """Subgraphs in the file (control flow adds some; only the first is read)."""

    @property
    def ops(self) -> tuple[str, ...]:
        """Builtin operator names in first-use order."""
        return tuple(dict.fromkeys(op.name for op in self.operators))

    def producer(self, tensor: int) -> Operator | None:
        """The operator that writes ``tensor``, or None for inputs and constants."""
        for op in self.operators:
            if tensor in op.outputs:
                return op
        return None


def _checked_length(n: int, buf_len: int, what: str) -> int:
    if n < 0 or n * 4 > buf_len:
        raise MalformedModelError(f"{what} claims {n} entries")
    return n


def _options(op, name: str) -> dict:
    table = op.BuiltinOptions()
    if name not in _OPTION_CLASSES or table is None:
        return {}
    options = _OPTION_CLASSES[name]()
    options.Init(table.Bytes, table.Pos)
    return {f: getattr(options, f)() for f in _OPTION_FIELDS if hasattr(options, f)}


def parse(flatbuffer: bytes, source: str = "model") -> Graph:
    """Parses a ``.tflite`` flatbuffer into a :class:`Graph` (its first subgraph).

    Args:
        flatbuffer: the file's bytes.
        source: how errors name the model (e.g. its path).

    Raises:
        MalformedModelError: the bytes are empty or not a consistent TFLite model; the
            message starts with ``source``.
        UnsupportedOpError: constants stored outside the flatbuffer (models over 2 GB).
    """
    buf = bytes(flatbuffer)
    if not buf:
        raise MalformedModelError(f"{source}: empty file, not a .tflite model")
    if len(buf) < 16 or buf[4:8] != b"TFL3":
        raise MalformedModelError(
            f"{source}: not a .tflite model (no 'TFL3' file identifier; {len(buf)} bytes)"
        )
    try:
        return _parse(buf)
    except ModelError as error:
        raise type(error)(f"{source}: {error}") from None
    except Exception as error:  # flatbuffers reports corruption as struct/index/value errors
        raise MalformedModelError(
            f"{source}: malformed .tflite ({type(error).__name__}: {error})"
        ) from None


def _parse(buf: bytes) -> Graph:
    model = tflite.Model.GetRootAsModel(buf, 0)
    subgraphs = _checked_length(model.SubgraphsLength(), len(buf), "subgraphs")
    if subgraphs < 1:
        raise MalformedModelError("malformed .tflite: no subgraph")
    graph = model.Subgraphs(0)
    n_buffers = _checked_length(model.BuffersLength(), len(buf), "buffers")
    opcodes = []
    for i in range(_checked_length(model.OperatorCodesLength(), len(buf), "operator codes")):
        code = model.OperatorCodes(i)
        value = max(code.BuiltinCode(), code.DeprecatedBuiltinCode())
        opcodes.append(_OP_NAMES.get(value, f"BUILTIN_{value}"))

    tensors = []
    for i in range(_checked_length(graph.TensorsLength(), len(buf), "tensors")):
        t = graph.Tensors(i)
        shape = tuple(int(d) for d in t.ShapeAsNumpy()) if t.ShapeLength() else ()
        if any(d <= 0 or d > 1 << 24 for d in shape) or math.prod(shape) > 1 << 28:
            raise MalformedModelError(f"malformed .tflite: tensor {i} has shape {shape}")
        dtype = DTYPES.get(t.Type(), f"type{t.Type()}")
        scales, zero_points = (), ()
        q = t.Quantization()
        if q is not None and q.ScaleLength():
            scales = tuple(float(s) for s in q.ScaleAsNumpy())
            zero_points = tuple(int(z) for z in q.ZeroPointAsNumpy()) if q.ZeroPointLength() else ()
            if len(zero_points) != len(scales):
                raise MalformedModelError(f"malformed .tflite: tensor {i} quantization")
        b = t.Buffer()
        if not 0 <= b < n_buffers:
            raise MalformedModelError(f"malformed .tflite: tensor {i} uses buffer {b}")
        buffer = model.Buffers(b)
        if buffer.Offset() > 1:
            raise UnsupportedOpError(f"tensor {i}: buffers outside the flatbuffer are unsupported")
        data = None
        if buffer.DataLength():
            raw = buffer.DataAsNumpy().tobytes()
            if dtype not in ITEMSIZE:
                raise UnsupportedOpError(f"tensor {i}: constant of unknown type {dtype}")
            if dtype == "int4":
                data = np.frombuffer(raw, np.uint8)
            else:
                if len(raw) != math.prod(shape) * ITEMSIZE[dtype]:
                    raise MalformedModelError(
                        f"malformed .tflite: tensor {i} has {len(raw)} bytes for shape {shape}"
                    )
                data = np.frombuffer(raw, np.dtype(dtype)).reshape(shape)
        name = (t.Name() or b"").decode(errors="replace")
        tensors.append(Tensor(i, name, shape, dtype, scales, zero_points, b, data))

    def indices(values, what):
        out = tuple(int(v) for v in values)
        if any(not -1 <= v < len(tensors) for v in out):
            raise MalformedModelError(f"malformed .tflite: {what} refers to a missing tensor")
        return out

    operators = []
    for i in range(_checked_length(graph.OperatorsLength(), len(buf), "operators")):
        op = graph.Operators(i)
        if not 0 <= op.OpcodeIndex() < len(opcodes):
            raise MalformedModelError(f"malformed .tflite: operator {i} has a bad opcode index")
        name = opcodes[op.OpcodeIndex()]
        ins = indices(op.InputsAsNumpy() if op.InputsLength() else (), f"operator {i}")
        outs = indices(op.OutputsAsNumpy() if op.OutputsLength() else (), f"operator {i}")
        operators.append(Operator(i, name, ins, outs, _options(op, name)))
    graph_in = indices(graph.InputsAsNumpy() if graph.InputsLength() else (), "the graph inputs")
    graph_out = indices(
        graph.OutputsAsNumpy() if graph.OutputsLength() else (), "the graph outputs"
    )
    return Graph(tuple(tensors), tuple(operators), graph_in, graph_out, subgraphs)
