"""One-input ops that requantize each value: SOFTMAX, LOGISTIC, RSQRT, QUANTIZE.

SOFTMAX and LOGISTIC use the fixed-point reference kernels with TFLM's input multipliers
and radii (``softmax_common.cc``, ``logistic_common.cc``); RSQRT is TFLM's ``elementwise.cc``
arithmetic in ``tfasc_aot_kernels.h``; QUANTIZE is an int8 -> int8 ``Requantize``.
"""

from __future__ import annotations

import math

import numpy as np

from tfasc.aot.emitter import Emitter, check
from tfasc.aot.quantization import calculate_input_radius, f32, quantize_multiplier, std_round
from tfasc.flatbuffer import Operator, UnsupportedOpError


def lower_softmax(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(x.shape == y.shape, op, "shapes")
    if y.zero_point != -128 or np.float32(y.scale) != np.float32(1.0 / 256):
        raise UnsupportedOpError(f"SOFTMAX (op {op.index}): output must have scale 1/256, zp -128")
    beta = f32(op.options.get("Beta", 1.0))
    real = min(beta * f32(x.scale) * (1 << (31 - 5)), (1 << 31) - 1.0)
    if not real > 1.0:
        raise UnsupportedOpError(f"SOFTMAX (op {op.index}): input scale {x.scale} is too small")
    mult, left_shift = quantize_multiplier(real)
    diff_min = -1 * calculate_input_radius(5, left_shift)
    return (
        f"  SoftmaxParams p = {{}};\n"
        f"  p.input_multiplier = {mult};\n  p.input_left_shift = {left_shift};\n"
        f"  p.diff_min = {diff_min};\n"
        f"  reference_ops::Softmax(p, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def lower_logistic(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(x.size == y.size, op, "shapes")
    if y.zero_point != -128:
        raise UnsupportedOpError(f"LOGISTIC (op {op.index}): output zero point must be -128")
    real = f32(x.scale) * float(1 << (31 - 4))
    q, left_shift = math.frexp(real)
    mult = int(std_round(q * (1 << 31)))
    radius = calculate_input_radius(4, left_shift, 31)
    return (
        f"  reference_integer_ops::Logistic({x.zero_point}, {radius}, {mult}, {left_shift},"
        f" {x.size},\n      {e.ptr(x)}, {e.ptr(y)});\n"
    )


def lower_rsqrt(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(x.size == y.size, op, "shapes")
    # TFLM elementwise.cc: 1 / (sqrtf(input_scale) * output_scale), in float32.
    product = np.sqrt(np.float32(x.scale)) * np.float32(y.scale)
    m, s = quantize_multiplier(1.0 / float(product))
    return (
        f"  tfasc_aot::Rsqrt({e.ptr(x)}, {x.size}, {x.zero_point}, {m}, {s}, {y.zero_point},"
        f" {e.ptr(y)});\n"
    )


def lower_quantize(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(x.size == y.size, op, "shapes")
    m, s = quantize_multiplier(f32(x.scale) / f32(y.scale))
    return (
        f"  reference_ops::Requantize<int8_t, int8_t>({e.ptr(x)}, {x.size}, {m}, {s},"
        f" {x.zero_point}, {y.zero_point}, {e.ptr(y)});\n"
    )


LOWERINGS = {
    "LOGISTIC": lower_logistic,
    "QUANTIZE": lower_quantize,
    "RSQRT": lower_rsqrt,
    "SOFTMAX": lower_softmax,
}
