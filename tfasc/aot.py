"""Ahead-of-time compiler: an int8 ``.tflite`` model to C++ without an interpreter.

The generated ``model.cc`` calls the TFLite reference int8 kernels
(``tensorflow/lite/kernels/internal/reference``, namespace ``tflite_micro``, shipped in the
``xmos-ai-tools`` wheel) op by op, with every quantization parameter precomputed here exactly
as TFLite Micro computes it in its ``Prepare`` functions (``QuantizeMultiplier`` on doubles,
``CalculateActivationRangeQuantized``, ...), the weights as ``const`` arrays, and one static
tensor arena planned offline (tensor lifetimes + greedy first-fit by size, like TFLM's
``GreedyMemoryPlanner``). ``RESHAPE`` and ``SQUEEZE`` alias their input instead of copying.

The result is bit-exact with the TFLM interpreter (``tfasc.export.TFLMModel``); the tests in
``tests/micro/test_aot.py`` check it op by op.

Example:
    >>> aot = compile_model(open("model.tflite", "rb").read())
    >>> aot.arena_bytes, aot.ops
    (34304, ('CONV_2D', 'MAX_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED'))
    >>> aot.write("build/aot")  # model.h, model.cc
"""

from __future__ import annotations

import dataclasses
import math
import pathlib

import numpy as np

from tfasc import flatbuffer as fb
from tfasc import ops
from tfasc.csource import c_array

SUPPORTED_OPS = ops.supported("aot")
"""Builtin ops the generator lowers (int8 activations, int8 weights, int32 biases)."""

ARENA_ALIGNMENT = 16
"""Byte alignment of every buffer in the planned arena."""

MAX_ARENA_BYTES = 64 << 20
"""Larger arenas are rejected as malformed (no microcontroller has that much RAM)."""


AOTError = fb.ModelError
"""Base of the errors below: the model cannot be compiled; the message names the culprit."""
MalformedModelError = fb.MalformedModelError
UnsupportedOpError = fb.UnsupportedOpError
Tensor, Operator, Graph = fb.Tensor, fb.Operator, fb.Graph


def parse(flatbuffer: bytes) -> Graph:
    """The model's graph (:func:`tfasc.flatbuffer.parse`), checked to have one input and output."""
    graph = fb.parse(flatbuffer)
    if graph.subgraphs != 1:
        raise MalformedModelError("malformed .tflite: expected exactly one subgraph")
    if len(graph.inputs) != 1 or len(graph.outputs) != 1 or -1 in graph.inputs + graph.outputs:
        raise UnsupportedOpError("only models with one input and one output are supported")
    return graph


# ----------------------------------------------------------------------------------------------
# TFLite's quantization arithmetic (tensorflow/lite/kernels/internal/quantization_util.cc).


def _round(x: float) -> float:
    """``std::round``: halves away from zero."""
    a = abs(x)
    f = math.floor(a)
    if a - f >= 0.5:
        f += 1
    return math.copysign(f, x)


def _f32(x: float) -> float:
    return float(np.float32(x))


def quantize_multiplier(real: float) -> tuple[int, int]:
    """TFLite's ``QuantizeMultiplier``: ``real = m * 2**(shift - 31)`` with ``m`` in Q0.31."""
    if real == 0.0:
        return 0, 0
    if not math.isfinite(real) or real < 0:
        raise AOTError(f"invalid rescaling multiplier {real}")
    q, shift = math.frexp(real)
    q_fixed = int(_round(q * (1 << 31)))
    if q_fixed == 1 << 31:
        q_fixed //= 2
        shift += 1
    if shift < -31:
        shift, q_fixed = 0, 0
    return q_fixed, shift


def _quantize_multiplier_smaller_than_one(real: float) -> tuple[int, int]:
    if not 0.0 < real < 1.0:
        raise AOTError(f"rescaling multiplier {real} is not in (0, 1)")
    return quantize_multiplier(real)


def _calculate_input_radius(integer_bits: int, left_shift: int, total_bits: int = 31) -> int:
    max_rescaled = (
        1.0 * ((1 << integer_bits) - 1) * (1 << (total_bits - integer_bits)) / (1 << left_shift)
    )
    return math.floor(max_rescaled)


def _activation_range(activation: int, out: Tensor) -> tuple[int, int]:
    """``CalculateActivationRangeQuantized`` for int8 (``f / scale`` in float32)."""
    name = fb.ACTIVATIONS.get(activation, f"activation {activation}")

    def quantize(f):
        return out.zero_point + int(_round(_f32(np.float32(f) / np.float32(out.scale))))

    if name == "NONE":
        return -128, 127
    if name == "RELU":
        return max(-128, quantize(0.0)), 127
    if name == "RELU6":
        return max(-128, quantize(0.0)), min(127, quantize(6.0))
    if name == "RELU_N1_TO_1":
        return max(-128, quantize(-1.0)), min(127, quantize(1.0))
    raise UnsupportedOpError(f"fused activation {name} is not supported")


def _compute_padding(stride, dilation, in_size, filter_size, out_size) -> int:
    effective = (filter_size - 1) * dilation + 1
    return max(((out_size - 1) * stride + effective - in_size) // 2, 0)


def _out_size(padding: int, in_size, filter_size, stride, dilation=1) -> int:
    effective = (filter_size - 1) * dilation + 1
    if stride <= 0:
        raise MalformedModelError("malformed .tflite: stride must be positive")
    if padding == 0:  # SAME
        return (in_size + stride - 1) // stride
    if padding == 1:  # VALID
        return (in_size + stride - effective) // stride
    raise MalformedModelError(f"malformed .tflite: unknown padding {padding}")


# ----------------------------------------------------------------------------------------------
# Code generation.


def _braced(values) -> str:
    body = c_array(values, str, 24)
    return "{\n" + body + "}" if body else "{}"


class _Emitter:
    """Collects constants, scratch buffers and the per-op C++ of one graph."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.constants: list[str] = []
        self.emitted: set[int] = set()
        self.scratch: dict[int, int] = {}  # op index -> bytes
        self.alias: dict[int, int] = {}  # tensor -> tensor whose buffer it shares
        self.shapes: dict[tuple[int, ...], str] = {}

    def tensor(self, index: int, what: str, op: Operator) -> Tensor:
        if index < 0:
            raise MalformedModelError(f"malformed .tflite: {op.name} (op {op.index}) lacks {what}")
        return self.graph.tensors[index]

    def const(self, t: Tensor) -> str:
        name = f"kTensor{t.index}"
        if t.index not in self.emitted:
            ctype = {"int8": "int8_t", "int32": "int32_t", "int16": "int16_t"}[t.dtype]
            self.constants.append(
                f"// {t.name} {list(t.shape)}\nalignas(16) const {ctype} {name}[{t.size}] = "
                f"{_braced(t.data)};\n"
            )
            self.emitted.add(t.index)
        return name

    def ptr(self, t: Tensor, ctype: str = "int8_t") -> str:
        if t.data is not None:
            return self.const(t)
        return f"reinterpret_cast<{ctype}*>(Buffer({t.index}))"

    def shape(self, dims) -> str:
        dims = tuple(int(d) for d in dims) or (1,)
        if dims not in self.shapes:
            self.shapes[dims] = f"kShape{len(self.shapes)}"
            self.constants.append(
                f"const int32_t {self.shapes[dims]}[{len(dims)}] = {_braced(dims)};\n"
            )
        return f"RuntimeShape({len(dims)}, {self.shapes[dims]})"


def _int8_activation(t: Tensor, op: Operator | None, role: str) -> None:
    if t.dtype != "int8":
        where = f"{op.name} (op {op.index}): " if op else ""
        raise UnsupportedOpError(
            f"{where}{role} tensor {t.name!r} is {t.dtype}; only int8 activations are supported"
        )
    if len(t.scales) != 1 or not (math.isfinite(t.scale) and t.scale > 0):
        raise MalformedModelError(f"malformed .tflite: tensor {t.index} has scales {t.scales}")
    if not -128 <= t.zero_point <= 127:
        raise MalformedModelError(f"malformed .tflite: tensor {t.index} zero point")


def _int8_io(e: _Emitter, op: Operator) -> tuple[Tensor, Tensor]:
    """The first input and the output of ``op``, both checked to be int8 activations."""
    x = e.tensor(op.inputs[0], "an input", op)
    y = e.tensor(op.outputs[0], "an output", op)
    _int8_activation(x, op, "input")
    _int8_activation(y, op, "output")
    return x, y


def _check(condition: bool, op: Operator, detail: str) -> None:
    if not condition:
        raise MalformedModelError(
            f"malformed .tflite: {op.name} (op {op.index}) is inconsistent: {detail}"
        )


def _filter_scales(w: Tensor, channels: int, op: Operator) -> tuple[float, ...]:
    if w.dtype != "int8" or w.data is None:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): weights must be constant int8")
    if len(w.scales) not in (1, channels) or not all(math.isfinite(s) and s > 0 for s in w.scales):
        raise MalformedModelError(f"malformed .tflite: tensor {w.index} has scales {w.scales}")
    return w.scales if len(w.scales) == channels else w.scales * channels


def _bias(e: _Emitter, op: Operator, index: int, channels: int) -> str:
    if index < 0:
        return "static_cast<const int32_t*>(nullptr)"
    b = e.graph.tensors[index]
    if b.dtype != "int32" or b.data is None or b.size != channels:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): bias must be constant int32")
    return e.const(b)


def _per_channel(e: _Emitter, op: Operator, x: Tensor, w_scales, y: Tensor, ctype_shift: str):
    mults, shifts = zip(
        *(quantize_multiplier(_f32(x.scale) * _f32(s) / _f32(y.scale)) for s in w_scales),
        strict=False,
    )
    e.constants.append(
        f"const int32_t kMultiplier{op.index}[{len(mults)}] = {_braced(mults)};\n"
        f"const {ctype_shift} kShift{op.index}[{len(shifts)}] = {_braced(shifts)};\n"
    )
    return f"kMultiplier{op.index}", f"kShift{op.index}"


def _lower_conv(e: _Emitter, op: Operator) -> str:
    depthwise = op.name == "DEPTHWISE_CONV_2D"
    x = e.tensor(op.inputs[0], "an input", op)
    w = e.tensor(op.inputs[1], "weights", op)
    y = e.tensor(op.outputs[0], "an output", op)
    _int8_activation(x, op, "input")
    _int8_activation(y, op, "output")
    _check(len(x.shape) == 4 and len(w.shape) == 4 and len(y.shape) == 4, op, "ranks")
    n, h, wd, cin = x.shape
    cout = y.shape[3]
    o = op.options
    kh, kw = w.shape[1], w.shape[2]
    dh, dw = o.get("DilationHFactor", 1), o.get("DilationWFactor", 1)
    sh, sw = o.get("StrideH", 1), o.get("StrideW", 1)
    _check(min(dh, dw, sh, sw) > 0, op, "strides and dilations must be positive")
    oh, ow = _out_size(o["Padding"], h, kh, sh, dh), _out_size(o["Padding"], wd, kw, sw, dw)
    _check(y.shape == (n, oh, ow, cout), op, f"output shape {y.shape}")
    if depthwise:
        _check(w.shape[0] == 1 and w.shape[3] == cout and cout % cin == 0, op, "filter shape")
    else:
        _check(w.shape[0] == cout and cin % w.shape[3] == 0, op, "filter shape")
        _check(cout % (cin // w.shape[3]) == 0, op, "groups")
    scales = _filter_scales(w, cout, op)
    bias = _bias(e, op, op.inputs[2] if len(op.inputs) > 2 else -1, cout)
    mult, shift = _per_channel(e, op, x, scales, y, "int32_t")
    lo, hi = _activation_range(o["FusedActivationFunction"], y)
    ph, pw = _compute_padding(sh, dh, h, kh, oh), _compute_padding(sw, dw, wd, kw, ow)
    params = "DepthwiseParams" if depthwise else "ConvParams"
    kernel = "DepthwiseConvPerChannel" if depthwise else "ConvPerChannel"
    extra = f"  p.depth_multiplier = {cout // cin};\n" if depthwise else ""
    return (
        f"  {params} p = {{}};\n"
        f"  p.padding_values.height = {ph};\n  p.padding_values.width = {pw};\n"
        f"  p.stride_height = {sh};\n  p.stride_width = {sw};\n"
        f"  p.dilation_height_factor = {dh};\n  p.dilation_width_factor = {dw};\n{extra}"
        f"  p.input_offset = {-x.zero_point};\n  p.output_offset = {y.zero_point};\n"
        f"  p.quantized_activation_min = {lo};\n  p.quantized_activation_max = {hi};\n"
        f"  reference_integer_ops::{kernel}(\n"
        f"      p, {mult}, {shift}, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(w.shape)}, {e.ptr(w)}, {e.shape([cout])}, {bias},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def _lower_fully_connected(e: _Emitter, op: Operator) -> str:
    x = e.tensor(op.inputs[0], "an input", op)
    w = e.tensor(op.inputs[1], "weights", op)
    y = e.tensor(op.outputs[0], "an output", op)
    _int8_activation(x, op, "input")
    _int8_activation(y, op, "output")
    _check(len(w.shape) == 2, op, "weights must be 2-D")
    units, depth = w.shape
    _check(x.size % depth == 0 and y.size == x.size // depth * units, op, "shapes")
    _check(y.shape[-1] == units, op, "output depth")
    scales = _filter_scales(w, units, op)
    bias = _bias(e, op, op.inputs[2] if len(op.inputs) > 2 else -1, units)
    lo, hi = _activation_range(op.options["FusedActivationFunction"], y)
    if any(w.zero_points):
        raise UnsupportedOpError(f"{op.name} (op {op.index}): asymmetric weights")
    head = (
        f"  FullyConnectedParams p = {{}};\n"
        f"  p.input_offset = {-x.zero_point};\n  p.output_offset = {y.zero_point};\n"
        f"  p.quantized_activation_min = {lo};\n  p.quantized_activation_max = {hi};\n"
    )
    tail = (
        f"{e.shape([x.size // depth, depth])}, {e.ptr(x)}, {e.shape(w.shape)}, {e.ptr(w)},\n"
        f"      {e.shape([units])}, {bias}, {e.shape([y.size // units, units])}, {e.ptr(y)});\n"
    )
    if len(w.scales) > 1:
        mult, shift = _per_channel(e, op, x, scales, y, "int")
        return (
            head
            + f"  reference_integer_ops::FullyConnectedPerChannel(\n      p, {mult}, {shift}, {tail}"
        )
    m, s = quantize_multiplier(_f32(x.scale) * _f32(w.scale) / _f32(y.scale))
    return (
        head + f"  p.output_multiplier = {m};\n  p.output_shift = {s};\n"
        f"  reference_integer_ops::FullyConnected(\n      p, {tail}"
    )


def _lower_pool(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(len(x.shape) == 4 and len(y.shape) == 4, op, "ranks")
    o = op.options
    n, h, w, c = x.shape
    fh, fw, sh, sw = o["FilterHeight"], o["FilterWidth"], o["StrideH"], o["StrideW"]
    _check(min(fh, fw) > 0, op, "filter size")
    oh, ow = _out_size(o["Padding"], h, fh, sh), _out_size(o["Padding"], w, fw, sw)
    _check(y.shape == (n, oh, ow, c), op, f"output shape {y.shape}")
    lo, hi = _activation_range(o["FusedActivationFunction"], y)
    kernel = "MaxPool" if op.name == "MAX_POOL_2D" else "AveragePool"
    return (
        f"  PoolParams p = {{}};\n"
        f"  p.stride_height = {sh};\n  p.stride_width = {sw};\n"
        f"  p.filter_height = {fh};\n  p.filter_width = {fw};\n"
        f"  p.padding_values.height = {_compute_padding(sh, 1, h, fh, oh)};\n"
        f"  p.padding_values.width = {_compute_padding(sw, 1, w, fw, ow)};\n"
        f"  p.quantized_activation_min = {lo};\n  p.quantized_activation_max = {hi};\n"
        f"  reference_integer_ops::{kernel}(p, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def _broadcast_shape(a, b, op) -> tuple[int, ...]:
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + tuple(a), (1,) * (rank - len(b)) + tuple(b)
    out = []
    for da, db in zip(a, b, strict=False):
        _check(da == db or 1 in (da, db), op, f"shapes {a} and {b} do not broadcast")
        out.append(max(da, db))
    _check(rank <= 6, op, "more than 6 dimensions")
    return tuple(out)


def _lower_binary(e: _Emitter, op: Operator) -> str:
    a = e.tensor(op.inputs[0], "an input", op)
    b = e.tensor(op.inputs[1], "a second input", op)
    y = e.tensor(op.outputs[0], "an output", op)
    for t, role in ((a, "input"), (b, "input"), (y, "output")):
        _int8_activation(t, op, role)
    out_shape = _broadcast_shape(a.shape, b.shape, op)
    _check(math.prod(out_shape) == y.size, op, f"output shape {y.shape}")
    lo, hi = _activation_range(op.options.get("FusedActivationFunction", 0), y)
    lines = [
        "  ArithmeticParams p = {};",
        f"  p.input1_offset = {-a.zero_point};",
        f"  p.input2_offset = {-b.zero_point};",
        f"  p.output_offset = {y.zero_point};",
        f"  p.quantized_activation_min = {lo};",
        f"  p.quantized_activation_max = {hi};",
    ]
    if op.name == "SUB":  # TFLM's sub_common.cc computes these in float32
        f32 = np.float32
        twice_max = f32(2) * max(f32(a.scale), f32(b.scale))
        m1, s1 = _quantize_multiplier_smaller_than_one(float(f32(a.scale) / twice_max))
        m2, s2 = _quantize_multiplier_smaller_than_one(float(f32(b.scale) / twice_max))
        mo, so = _quantize_multiplier_smaller_than_one(
            float(twice_max / (f32(1 << 20) * f32(y.scale)))
        )
        lines += [
            "  p.left_shift = 20;",
            f"  p.input1_multiplier = {m1};\n  p.input1_shift = {s1};",
            f"  p.input2_multiplier = {m2};\n  p.input2_shift = {s2};",
            f"  p.output_multiplier = {mo};\n  p.output_shift = {so};",
        ]
    elif op.name == "SQUARED_DIFFERENCE":
        left_shift = 7
        twice_max = 2.0 * max(_f32(a.scale), _f32(b.scale))
        m1, s1 = _quantize_multiplier_smaller_than_one(_f32(a.scale) / twice_max)
        m2, s2 = _quantize_multiplier_smaller_than_one(_f32(b.scale) / twice_max)
        denominator = _f32(np.float32(1 << (2 * left_shift)) * np.float32(y.scale))
        mo, so = quantize_multiplier(twice_max * twice_max / denominator)
        lines += [
            f"  p.left_shift = {left_shift};",
            f"  p.input1_multiplier = {m1};\n  p.input1_shift = {s1};",
            f"  p.input2_multiplier = {m2};\n  p.input2_shift = {s2};",
            f"  p.output_multiplier = {mo};\n  p.output_shift = {so};",
        ]
    elif op.name == "ADD":
        left_shift = 20
        twice_max = 2 * max(_f32(a.scale), _f32(b.scale))
        m1, s1 = _quantize_multiplier_smaller_than_one(_f32(a.scale) / twice_max)
        m2, s2 = _quantize_multiplier_smaller_than_one(_f32(b.scale) / twice_max)
        mo, so = _quantize_multiplier_smaller_than_one(
            twice_max / ((1 << left_shift) * _f32(y.scale))
        )
        lines += [
            f"  p.left_shift = {left_shift};",
            f"  p.input1_multiplier = {m1};\n  p.input1_shift = {s1};",
            f"  p.input2_multiplier = {m2};\n  p.input2_shift = {s2};",
            f"  p.output_multiplier = {mo};\n  p.output_shift = {so};",
        ]
    else:
        m, s = quantize_multiplier(_f32(a.scale) * _f32(b.scale) / _f32(y.scale))
        lines += [f"  p.output_multiplier = {m};\n  p.output_shift = {s};"]
    same = a.shape == b.shape
    args = (
        f"p, {e.shape(a.shape)}, {e.ptr(a)},\n      {e.shape(b.shape)}, {e.ptr(b)},"
        f"\n      {e.shape(out_shape)}, {e.ptr(y)}"
    )
    if op.name == "SQUARED_DIFFERENCE":
        if same:
            call = (f"reference_integer_ops::ElementWise({y.size}, p, {e.ptr(a)}, {e.ptr(b)}, "
                    f"{e.ptr(y)},\n      reference_integer_ops::CheckArithmeticParams, "
                    "tfasc_aot::SquaredDifference);")  # fmt: skip
        else:
            call = (f"reference_integer_ops::BroadcastBinaryFunction6DSlow({args},\n"
                    "      reference_integer_ops::CheckArithmeticParams, "
                    "tfasc_aot::SquaredDifference);")  # fmt: skip
    elif op.name == "SUB":
        _check(len(out_shape) <= 5, op, "SUB supports up to 5 dimensions")
        call = f"reference_ops::{'Sub' if same else 'BroadcastQuantSubSlow'}({args});"
    else:
        kernel = "Add" if op.name == "ADD" else "Mul"
        name = kernel if same else f"Broadcast{kernel}6DSlow"
        call = f"reference_integer_ops::{name}({args});"
    lines.append(f"  {call}")
    return "\n".join(lines) + "\n"


def _lower_softmax(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(x.shape == y.shape, op, "shapes")
    if y.zero_point != -128 or np.float32(y.scale) != np.float32(1.0 / 256):
        raise UnsupportedOpError(f"SOFTMAX (op {op.index}): output must have scale 1/256, zp -128")
    beta = _f32(op.options.get("Beta", 1.0))
    real = min(beta * _f32(x.scale) * (1 << (31 - 5)), (1 << 31) - 1.0)
    if not real > 1.0:
        raise UnsupportedOpError(f"SOFTMAX (op {op.index}): input scale {x.scale} is too small")
    mult, left_shift = quantize_multiplier(real)
    diff_min = -1 * _calculate_input_radius(5, left_shift)
    return (
        f"  SoftmaxParams p = {{}};\n"
        f"  p.input_multiplier = {mult};\n  p.input_left_shift = {left_shift};\n"
        f"  p.diff_min = {diff_min};\n"
        f"  reference_ops::Softmax(p, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def _lower_logistic(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(x.size == y.size, op, "shapes")
    if y.zero_point != -128:
        raise UnsupportedOpError(f"LOGISTIC (op {op.index}): output zero point must be -128")
    real = _f32(x.scale) * float(1 << (31 - 4))
    q, left_shift = math.frexp(real)
    mult = int(_round(q * (1 << 31)))
    radius = _calculate_input_radius(4, left_shift, 31)
    return (
        f"  reference_integer_ops::Logistic({x.zero_point}, {radius}, {mult}, {left_shift},"
        f" {x.size},\n      {e.ptr(x)}, {e.ptr(y)});\n"
    )


def _const_ints(e: _Emitter, op: Operator, index: int, what: str) -> list[int]:
    t = e.tensor(index, what, op)
    if t.data is None or t.dtype not in ("int32", "int64"):
        raise UnsupportedOpError(f"{op.name} (op {op.index}): {what} must be a constant int32")
    return [int(v) for v in t.data.reshape(-1)]


def _lower_mean(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    axes = _const_ints(e, op, op.inputs[1], "the axis")
    rank = len(x.shape)
    _check(rank > 0 and all(-rank <= a < rank for a in axes), op, f"axis {axes}")
    resolved = sorted({a % rank for a in axes})
    expected = [1 if i in resolved else d for i, d in enumerate(x.shape)]
    if not op.options.get("KeepDims", False):
        expected = [d for i, d in enumerate(x.shape) if i not in resolved]
    _check(math.prod(expected) == y.size, op, f"output shape {y.shape}")
    m, s = quantize_multiplier(_f32(x.scale) / _f32(y.scale))
    e.scratch[op.index] = 4 * y.size
    out_dims = list(y.shape) or [1]
    return (
        f"  static const int kInDims[] = {{{', '.join(map(str, x.shape))}}};\n"
        f"  static const int kOutDims[] = {{{', '.join(map(str, out_dims))}}};\n"
        f"  static const int kAxis[] = {{{', '.join(map(str, axes))}}};\n"
        f"  int temp_index[{rank}];\n  int resolved_axis[{max(len(axes), 1)}];\n"
        f"  reference_ops::QuantizedMeanOrSum<int8_t, int32_t>(\n"
        f"      {e.ptr(x)}, {x.zero_point}, kInDims, {rank}, {e.ptr(y)}, {m}, {s},"
        f" {y.zero_point},\n"
        f"      kOutDims, {len(out_dims)}, kAxis, {len(axes)},"
        f" {str(bool(op.options.get('KeepDims', False))).lower()}, temp_index, resolved_axis,\n"
        f"      reinterpret_cast<int32_t*>(Scratch({op.index})), false);\n"
    )


def _lower_pad(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    pads = _const_ints(e, op, op.inputs[1], "the paddings")
    rank = len(x.shape)
    _check(1 <= rank <= 5 and len(pads) == 2 * rank and min(pads) >= 0, op, "paddings")
    expected = tuple(d + pads[2 * i] + pads[2 * i + 1] for i, d in enumerate(x.shape))
    _check(expected == y.shape, op, f"output shape {y.shape}")
    value = y.zero_point
    if len(op.inputs) > 2 and op.inputs[2] >= 0:
        v = e.tensor(op.inputs[2], "the pad value", op)
        _check(v.data is not None and v.dtype == "int8" and v.size == 1, op, "pad value")
        value = int(v.data.reshape(-1)[0])
    left = ", ".join(str(pads[2 * i]) for i in range(rank))
    right = ", ".join(str(pads[2 * i + 1]) for i in range(rank))
    return (
        f"  PadParams p = {{}};\n  p.left_padding_count = {rank};\n"
        f"  p.right_padding_count = {rank};\n"
        + "".join(f"  p.left_padding[{i}] = {pads[2 * i]};\n" for i in range(rank))
        + "".join(f"  p.right_padding[{i}] = {pads[2 * i + 1]};\n" for i in range(rank))
        + f"  const int8_t pad_value = {value};  // paddings ({left}) / ({right})\n"
        f"  reference_ops::Pad(p, {e.shape(x.shape)}, {e.ptr(x)}, &pad_value,\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def _lower_quantize(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(x.size == y.size, op, "shapes")
    m, s = quantize_multiplier(_f32(x.scale) / _f32(y.scale))
    return (
        f"  reference_ops::Requantize<int8_t, int8_t>({e.ptr(x)}, {x.size}, {m}, {s},"
        f" {x.zero_point}, {y.zero_point}, {e.ptr(y)});\n"
    )


def _lower_concatenation(e: _Emitter, op: Operator) -> str:
    y = e.tensor(op.outputs[0], "an output", op)
    _int8_activation(y, op, "output")
    xs = [e.tensor(i, "an input", op) for i in op.inputs]
    rank = len(y.shape)
    axis = op.options.get("Axis", 0)
    _check(rank > 0 and -rank <= axis < rank, op, f"axis {axis}")
    axis %= rank
    if op.options.get("FusedActivationFunction", 0):
        raise UnsupportedOpError(f"CONCATENATION (op {op.index}): fused activation")
    for x in xs:
        _int8_activation(x, op, "input")
        if (_f32(x.scale), x.zero_point) != (_f32(y.scale), y.zero_point):
            raise UnsupportedOpError(
                f"CONCATENATION (op {op.index}): inputs must share the output quantization "
                "(as TFLite Micro requires)"
            )
        _check(len(x.shape) == rank, op, "ranks")
        _check(all(x.shape[i] == y.shape[i] for i in range(rank) if i != axis), op, "shapes")
    _check(sum(x.shape[axis] for x in xs) == y.shape[axis], op, "concatenated size")
    shapes = "".join(f"  const RuntimeShape s{i} = {e.shape(x.shape)};\n" for i, x in enumerate(xs))
    return (
        shapes
        + f"  const RuntimeShape* shapes[] = {{{', '.join(f'&s{i}' for i in range(len(xs)))}}};\n"
        f"  const int8_t* data[] = {{{', '.join(e.ptr(x) for x in xs)}}};\n"
        f"  ConcatenationParams p = {{}};\n  p.axis = {axis};\n  p.inputs_count = {len(xs)};\n"
        f"  reference_ops::Concatenation(p, shapes, data, {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def _lower_reshape(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(x.size == y.size, op, f"{x.shape} -> {y.shape}")
    if x.data is not None:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): reshape of a constant")
    e.alias[y.index] = x.index
    return f"  // {list(x.shape)} -> {list(y.shape)}: shares the input buffer.\n"


def _lower_rsqrt(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    _check(x.size == y.size, op, "shapes")
    # TFLM elementwise.cc: 1 / (sqrtf(input_scale) * output_scale), in float32.
    product = np.sqrt(np.float32(x.scale)) * np.float32(y.scale)
    m, s = quantize_multiplier(1.0 / float(product))
    return (
        f"  tfasc_aot::Rsqrt({e.ptr(x)}, {x.size}, {x.zero_point}, {m}, {s}, {y.zero_point},"
        f" {e.ptr(y)});\n"
    )


def _lower_strided_slice(e: _Emitter, op: Operator) -> str:
    x, y = _int8_io(e, op)
    rank = len(x.shape)
    begin = _const_ints(e, op, op.inputs[1], "begin")
    end = _const_ints(e, op, op.inputs[2], "end")
    strides = _const_ints(e, op, op.inputs[3], "strides")
    o = op.options
    _check(1 <= rank <= 5 and len(begin) == len(end) == len(strides) == rank, op, "ranks")
    _check(all(s != 0 for s in strides), op, "zero stride")
    if o.get("EllipsisMask", 0) or o.get("NewAxisMask", 0):
        raise UnsupportedOpError(f"STRIDED_SLICE (op {op.index}): ellipsis/new-axis masks")
    index = []
    for i in range(rank):
        if o.get("ShrinkAxisMask", 0) >> i & 1:
            index.append(begin[i])
            continue
        start = None if o.get("BeginMask", 0) >> i & 1 else begin[i]
        stop = end[i] + (begin[i] if o.get("Offset", False) else 0)
        stop = None if o.get("EndMask", 0) >> i & 1 else stop
        index.append(slice(start, stop, strides[i]))
    try:
        size = np.empty(x.shape, np.bool_)[tuple(index)].size
    except IndexError as error:
        raise MalformedModelError(
            f"malformed .tflite: STRIDED_SLICE (op {op.index}): {error}"
        ) from None
    _check(size == y.size, op, f"output shape {y.shape}")
    fields = "".join(
        f"  p.start_indices[{i}] = {begin[i]};\n  p.stop_indices[{i}] = {end[i]};\n"
        f"  p.strides[{i}] = {strides[i]};\n"
        for i in range(rank)
    )
    return (
        f"  StridedSliceParams p = {{}};\n  p.start_indices_count = {rank};\n"
        f"  p.stop_indices_count = {rank};\n  p.strides_count = {rank};\n{fields}"
        f"  p.begin_mask = {o.get('BeginMask', 0)};\n  p.end_mask = {o.get('EndMask', 0)};\n"
        f"  p.shrink_axis_mask = {o.get('ShrinkAxisMask', 0)};\n"
        f"  p.offset = {str(bool(o.get('Offset', False))).lower()};\n"
        f"  reference_ops::StridedSlice(p, {e.shape(x.shape)}, {e.ptr(x)},"
        f" {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


_LOWERINGS = {
    "ADD": _lower_binary,
    "AVERAGE_POOL_2D": _lower_pool,
    "CONCATENATION": _lower_concatenation,
    "CONV_2D": _lower_conv,
    "DEPTHWISE_CONV_2D": _lower_conv,
    "FULLY_CONNECTED": _lower_fully_connected,
    "LOGISTIC": _lower_logistic,
    "MAX_POOL_2D": _lower_pool,
    "MEAN": _lower_mean,
    "MUL": _lower_binary,
    "PAD": _lower_pad,
    "PADV2": _lower_pad,
    "QUANTIZE": _lower_quantize,
    "RESHAPE": _lower_reshape,
    "RSQRT": _lower_rsqrt,
    "SOFTMAX": _lower_softmax,
    "SQUARED_DIFFERENCE": _lower_binary,
    "SQUEEZE": _lower_reshape,
    "STRIDED_SLICE": _lower_strided_slice,
    "SUB": _lower_binary,
}
assert set(_LOWERINGS) == set(SUPPORTED_OPS)


# ----------------------------------------------------------------------------------------------
# Arena planning.


@dataclasses.dataclass(frozen=True)
class Allocation:
    """One arena buffer: the tensors (or scratch) sharing it, its lifetime and its offset."""

    key: str
    nbytes: int
    first: int
    last: int
    offset: int


def _align(n: int) -> int:
    return (n + ARENA_ALIGNMENT - 1) // ARENA_ALIGNMENT * ARENA_ALIGNMENT


def plan_arena(buffers: list[tuple[str, int, int, int]]) -> tuple[list[Allocation], int]:
    """Greedy offline planning: largest buffers first, each at the lowest fitting offset.

    Args:
        buffers: ``(key, nbytes, first_op, last_op)`` per buffer; two buffers may share
            memory when their ``[first_op, last_op]`` intervals do not intersect.

    Returns:
        The allocations (in input order) and the arena size in bytes.
    """
    order = sorted(range(len(buffers)), key=lambda i: (-buffers[i][1], buffers[i][2]))
    placed: list[Allocation] = []
    result: dict[int, Allocation] = {}
    for i in order:
        key, nbytes, first, last = buffers[i]
        live = sorted(
            (a for a in placed if not (a.last < first or last < a.first)), key=lambda a: a.offset
        )
        offset = 0
        for a in live:
            if offset + nbytes <= a.offset:
                break
            offset = max(offset, _align(a.offset + a.nbytes))
        alloc = Allocation(key, nbytes, first, last, offset)
        placed.append(alloc)
        result[i] = alloc
    allocations = [result[i] for i in range(len(buffers))]
    size = _align(max((a.offset + a.nbytes for a in allocations), default=0))
    return allocations, size


# ----------------------------------------------------------------------------------------------
# The compiler.


@dataclasses.dataclass(frozen=True)
class AOTModel:
    """Generated C++ for one model.

    Attributes:
        header: ``model.h`` (the API: ``Input()``, ``Output()``, ``Invoke()``, sizes).
        source: ``model.cc`` (weights, requantization constants, arena, op calls).
        namespace: C++ namespace of the API.
        ops: builtin op names in first-use order.
        arena_bytes: size of the statically planned tensor arena.
        input_shape: shape of the int8 input.
        output_shape: shape of the int8 output.
        input_quantization: ``(scale, zero_point)`` of the input.
        output_quantization: ``(scale, zero_point)`` of the output.
        allocations: the arena plan.
    """

    header: str
    source: str
    namespace: str
    ops: tuple[str, ...]
    arena_bytes: int
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    input_quantization: tuple[float, int]
    output_quantization: tuple[float, int]
    allocations: tuple[Allocation, ...]

    def write(self, directory) -> list[pathlib.Path]:
        """Writes ``model.h`` and ``model.cc`` into ``directory``; returns their paths."""
        directory = pathlib.Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        paths = [directory / "model.h", directory / "model.cc"]
        paths[0].write_text(self.header)
        paths[1].write_text(self.source)
        return paths


def compile_model(flatbuffer: bytes, namespace: str = "tfasc_model") -> AOTModel:
    """Compiles an int8 ``.tflite`` model into C++ calling the reference kernels.

    Args:
        flatbuffer: the ``.tflite`` bytes (int8 input and output).
        namespace: C++ namespace of the generated API.

    Returns:
        The generated sources and the arena plan.

    Raises:
        MalformedModelError: the flatbuffer is truncated, corrupted or inconsistent.
        UnsupportedOpError: an op (named, with its index), type or option is not supported.
    """
    graph = parse(flatbuffer)
    for op in graph.operators:
        if op.name not in _LOWERINGS:
            raise UnsupportedOpError(
                f"op {op.name} (operator {op.index}) is not supported by the AOT generator; "
                f"supported: {', '.join(SUPPORTED_OPS)}"
            )
        if not op.outputs or len(op.outputs) != 1 or op.outputs[0] < 0 or not op.inputs:
            raise MalformedModelError(f"malformed .tflite: operator {op.index} has no output")
    e = _Emitter(graph)
    bodies = []
    for op in graph.operators:
        try:
            body = _LOWERINGS[op.name](e, op)
        except AOTError:
            raise
        except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError) as error:
            raise MalformedModelError(
                f"malformed .tflite: {op.name} (op {op.index}): {type(error).__name__} {error}"
            ) from error
        bodies.append(f"  {{  // {op.index}: {op.name}\n{_indent(body)}  }}\n")

    x, y = graph.tensors[graph.inputs[0]], graph.tensors[graph.outputs[0]]
    _int8_activation(x, None, "model input")
    _int8_activation(y, None, "model output")
    allocations, arena_bytes, offsets = _plan(graph, e)
    if arena_bytes > MAX_ARENA_BYTES:
        raise MalformedModelError(f"malformed .tflite: the arena would need {arena_bytes} bytes")
    ops = tuple(dict.fromkeys(op.name for op in graph.operators))
    header = _HEADER.format(
        ns=namespace,
        guard=namespace.upper(),
        in_size=x.size,
        out_size=y.size,
        arena=arena_bytes,
        in_shape=", ".join(map(str, x.shape)),
        out_shape=", ".join(map(str, y.shape)),
        in_scale=repr(_f32(x.scale)),
        in_zp=x.zero_point,
        out_scale=repr(_f32(y.scale)),
        out_zp=y.zero_point,
        ops=", ".join(ops),
    )
    buffer_cases = "".join(
        f"    case {t}: return g_arena + {off};\n" for t, off in sorted(offsets["t"].items())
    )
    scratch_cases = "".join(
        f"    case {i}: return g_arena + {off};\n" for i, off in sorted(offsets["s"].items())
    )
    source = _SOURCE.format(
        ns=namespace,
        constants="\n".join(e.constants),
        buffer_cases=buffer_cases,
        scratch_cases=scratch_cases or "",
        input=graph.inputs[0],
        output=graph.outputs[0],
        body="".join(bodies),
    )
    return AOTModel(
        header=header,
        source=source,
        namespace=namespace,
        ops=ops,
        arena_bytes=arena_bytes,
        input_shape=x.shape,
        output_shape=y.shape,
        input_quantization=(x.scale, x.zero_point),
        output_quantization=(y.scale, y.zero_point),
        allocations=tuple(allocations),
    )


def _indent(text: str) -> str:
    return "".join("  " + line if line.strip() else line for line in text.splitlines(True))


def _plan(graph: Graph, e: _Emitter):
    """Lifetimes of the non-constant tensors (aliases merged) and scratch, then the plan."""

    def root(t: int) -> int:
        seen = 0
        while t in e.alias:
            t, seen = e.alias[t], seen + 1
            if seen > len(graph.tensors):
                raise MalformedModelError("malformed .tflite: cyclic reshapes")
        return t

    n_ops = len(graph.operators)
    span: dict[int, list[int]] = {}

    def touch(t: int, i: int):
        if t < 0 or graph.tensors[t].data is not None:
            return
        r = root(t)
        lo, hi = span.get(r, [i, i])
        span[r] = [min(lo, i), max(hi, i)]

    for t in graph.inputs:
        touch(t, -1)
    for i, op in enumerate(graph.operators):
        for t in op.inputs + op.outputs:
            touch(t, i)
    for t in graph.outputs:
        touch(t, n_ops)
    nbytes = {}
    for t in range(len(graph.tensors)):
        if t in span or (graph.tensors[t].data is None and root(t) in span):
            r = root(t)
            nbytes[r] = max(nbytes.get(r, 0), graph.tensors[t].nbytes)
    buffers = [(f"tensor{r}", nbytes[r], lo, hi) for r, (lo, hi) in sorted(span.items())]
    buffers += [(f"scratch{i}", n, i, i) for i, n in sorted(e.scratch.items())]
    allocations, size = plan_arena(buffers)
    by_key = {a.key: a.offset for a in allocations}
    offsets = {
        "t": {
            t: by_key[f"tensor{root(t)}"]
            for t in range(len(graph.tensors))
            if graph.tensors[t].data is None and f"tensor{root(t)}" in by_key
        },
        "s": {i: by_key[f"scratch{i}"] for i in e.scratch},
    }
    return allocations, size, offsets


_HEADER = """\
// Generated by tfasc.aot from a .tflite model. Do not edit: regenerate instead.
#ifndef {guard}_MODEL_H_
#define {guard}_MODEL_H_

#include <cstdint>

namespace {ns} {{

// Ops: {ops}.
constexpr int kInputSize = {in_size};    // int8 input, shape ({in_shape})
constexpr int kOutputSize = {out_size};  // int8 output, shape ({out_shape})
constexpr int kArenaSize = {arena};      // bytes, planned offline
constexpr float kInputScale = {in_scale}f;
constexpr int kInputZeroPoint = {in_zp};
constexpr float kOutputScale = {out_scale}f;
constexpr int kOutputZeroPoint = {out_zp};

// The input buffer: write kInputSize int8 values before Invoke().
int8_t* Input();
// The output buffer: kOutputSize int8 values, valid after Invoke().
const int8_t* Output();
// Runs the model once.
void Invoke();

}}  // namespace {ns}

#endif  // {guard}_MODEL_H_
"""

_SOURCE = """\
// Generated by tfasc.aot from a .tflite model. Do not edit: regenerate instead.
#include "model.h"

#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/concatenation.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/add.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/fully_connected.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/mul.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/pooling.h"
#include "tensorflow/lite/kernels/internal/reference/pad.h"
#include "tensorflow/lite/kernels/internal/reference/reduce.h"
#include "tensorflow/lite/kernels/internal/reference/requantize.h"
#include "tensorflow/lite/kernels/internal/reference/softmax.h"
#include "tensorflow/lite/kernels/internal/reference/strided_slice.h"
#include "tensorflow/lite/kernels/internal/reference/sub.h"
#include "tfasc_aot_kernels.h"

namespace {ns} {{
namespace {{

using namespace tflite_micro;  // NOLINT: generated code calling the reference kernels.

{constants}
alignas(16) uint8_t g_arena[kArenaSize];

uint8_t* Buffer(int tensor) {{
  switch (tensor) {{
{buffer_cases}    default: return nullptr;
  }}
}}

uint8_t* Scratch(int op) {{
  switch (op) {{
{scratch_cases}    default: return nullptr;
  }}
}}

}}  // namespace

int8_t* Input() {{ return reinterpret_cast<int8_t*>(Buffer({input})); }}

const int8_t* Output() {{ return reinterpret_cast<const int8_t*>(Buffer({output})); }}

void Invoke() {{
{body}}}

}}  // namespace {ns}
"""
