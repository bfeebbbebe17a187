"""FULLY_CONNECTED onto ``reference_integer_ops::FullyConnected[PerChannel]``.

One multiplier for per-tensor weights, one per unit for per-channel weights (TFLM's
``fully_connected_common.cc``); the input is flattened to ``(batches, depth)``. With
tfasc's kernels it is a 1x1 convolution over ``batches`` pixels (``tfasc_aot::Conv``), the
per-tensor multiplier repeated per unit.
"""

from __future__ import annotations

import tfasc.aot.kernels as kernels
import tfasc.aot.ops.conv as conv
from tfasc.aot.emitter import Emitter, check, check_int8, filter_scales
from tfasc.aot.quantization import activation_range, f32, quantize_multiplier
from tfasc.flatbuffer import Operator, UnsupportedOpError


def lower_fully_connected(e: Emitter, op: Operator) -> str:
    x = e.tensor(op.inputs[0], "an input", op)
    w = e.tensor(op.inputs[1], "weights", op)
    y = e.tensor(op.outputs[0], "an output", op)
    check_int8(x, op, "input")
    check_int8(y, op, "output")
    check(len(w.shape) == 2, op, "weights must be 2-D")
    units, depth = w.shape
    check(x.size % depth == 0 and y.size == x.size // depth * units, op, "shapes")
    check(y.shape[-1] == units, op, "output depth")
    scales = filter_scales(w, units, op)
    bias = e.bias(op, 2, units)
    lo, hi = activation_range(op.options["FusedActivationFunction"], y.scale, y.zero_point)
    if any(w.zero_points):
        raise UnsupportedOpError(f"{op.name} (op {op.index}): asymmetric weights")
    if e.tfasc_kernels():
        lowered = _lower_tfasc(e, op, x, w, y, scales, (lo, hi))
        if lowered is not None:
            return lowered
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
        mult, shift = e.per_channel(op, x, scales, y, "int")
        return (
            head
            + f"  reference_integer_ops::FullyConnectedPerChannel(\n      p, {mult}, {shift}, {tail}"
        )
    m, s = quantize_multiplier(f32(x.scale) * f32(w.scale) / f32(y.scale))
    return (
        head + f"  p.output_multiplier = {m};\n  p.output_shift = {s};\n"
        f"  reference_integer_ops::FullyConnected(\n      p, {tail}"
    )


def _lower_tfasc(e: Emitter, op: Operator, x, w, y, scales, clamp) -> str | None:
    units, depth = w.shape
    batches = x.size // depth
    rows, padded = conv.im2col_rows(w.data)
    constants = kernels.conv_constants(e, op, x, rows, kernels.bias_values(e, op, units), scales, y)
    if constants is None:
        return None
    shape = f"{{1, {batches}, {depth}, 1, {batches}, {units}, 1, 1, 1, 1, 1, 1, 0, 0, 1, {padded}}}"
    return conv.matmul_call(e, op, x, y, rows, shape, constants, clamp, 1, padded == depth)


LOWERINGS = {"FULLY_CONNECTED": lower_fully_connected}
