"""Two-input elementwise ops with broadcasting: ADD, SUB, MUL, SQUARED_DIFFERENCE.

ADD, SUB and SQUARED_DIFFERENCE share one structure: both inputs are shifted left, rescaled
to twice the larger input scale, combined, and the result rescaled to the output. What
differs, and must stay as it is in TFLM for bit-exactness, is each op's arithmetic when it
prepares the multipliers (the :data:`RESCALINGS` below):

- ADD (``add_common.cc``) and SUB (``sub_common.cc``): ``left_shift = 20``, multipliers in
  double (measured on the TFLM interpreter: float32 divisions, which an earlier version here
  assumed for SUB, give multipliers a few units off and outputs 1 LSB off for some scales);
- SQUARED_DIFFERENCE (``squared_difference.cc``): ``left_shift = 7`` (the difference is
  squared, so twice the bits), double, and the output multiplier may exceed one.

MUL multiplies the two scales into one output multiplier (``mul_common.cc``).

With tfasc's kernels the op calls ``tfasc_aot::Binary`` (``elementwise.h``) on the output
collapsed to at most three dimensions, each input stepping through it with its own strides
(0 where broadcast); shapes that do not collapse that far keep the reference kernels. An
input with the output's shape may share the output's buffer (the kernel streams).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import numpy as np

import tfasc.aot.kernels as kernels
from tfasc.aot.arena import Overlap
from tfasc.aot.emitter import Emitter, check, check_int8
from tfasc.aot.quantization import (
    activation_range,
    f32,
    multiply_by_quantized_multiplier,
    quantize_multiplier,
    quantize_multiplier_smaller_than_one,
)
from tfasc.flatbuffer import Operator


def _add_multipliers(a: float, b: float, y: float) -> tuple[float, float, float]:
    twice_max = 2 * max(a, b)  # double
    return a / twice_max, b / twice_max, twice_max / ((1 << 20) * y)


def _squared_difference_multipliers(a: float, b: float, y: float) -> tuple[float, float, float]:
    twice_max = 2.0 * max(a, b)  # double; the denominator (1 << 14) * scale in float32
    return (
        a / twice_max,
        b / twice_max,
        twice_max * twice_max / f32(np.float32(1 << 14) * np.float32(y)),
    )


@dataclasses.dataclass(frozen=True)
class Rescaling:
    """How one op prepares the common-scale arithmetic of ``ArithmeticParams``."""

    left_shift: int
    """Bits both inputs are shifted left before the rescaling."""
    multipliers: Callable[[float, float, float], tuple[float, float, float]]
    """(input1, input2, output scale as float32 values) -> the three real multipliers,
    computed in the op's own precision."""
    output_below_one: bool
    """The output multiplier is quantized as smaller than one (ADD, SUB)."""


RESCALINGS = {
    "ADD": Rescaling(left_shift=20, multipliers=_add_multipliers, output_below_one=True),
    "SUB": Rescaling(left_shift=20, multipliers=_add_multipliers, output_below_one=True),
    "SQUARED_DIFFERENCE": Rescaling(
        left_shift=7, multipliers=_squared_difference_multipliers, output_below_one=False
    ),
}
"""Op name -> its :class:`Rescaling`."""


def broadcast_shape(a, b, op: Operator) -> tuple[int, ...]:
    """NumPy-style broadcast of two shapes (at most 6 dimensions, as TFLM's kernels)."""
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + tuple(a), (1,) * (rank - len(b)) + tuple(b)
    out = []
    for da, db in zip(a, b, strict=True):
        check(da == db or 1 in (da, db), op, f"shapes {a} and {b} do not broadcast")
        out.append(max(da, db))
    check(rank <= 6, op, "more than 6 dimensions")
    return tuple(out)


def arithmetic_params(op_name: str, scales: tuple[float, float, float]) -> dict[str, int]:
    """The ``ArithmeticParams`` rescaling fields of an op, as TFLM's ``Prepare`` sets them.

    Args:
        op_name: ADD, SUB, SQUARED_DIFFERENCE (:data:`RESCALINGS`) or MUL.
        scales: input1, input2 and output scales (float32 values).

    Returns:
        Field name -> value (``left_shift``, ``input1_multiplier``, ... ``output_shift``).
    """
    if op_name == "MUL":
        m, s = quantize_multiplier(scales[0] * scales[1] / scales[2])
        return {"output_multiplier": m, "output_shift": s}
    rescaling = RESCALINGS[op_name]
    real1, real2, real_out = rescaling.multipliers(*scales)
    m1, s1 = quantize_multiplier_smaller_than_one(real1)
    m2, s2 = quantize_multiplier_smaller_than_one(real2)
    quantize_out = (
        quantize_multiplier_smaller_than_one if rescaling.output_below_one else quantize_multiplier
    )
    mo, so = quantize_out(real_out)
    return {
        "left_shift": rescaling.left_shift,
        "input1_multiplier": m1,
        "input1_shift": s1,
        "input2_multiplier": m2,
        "input2_shift": s2,
        "output_multiplier": mo,
        "output_shift": so,
    }


def lower_binary(e: Emitter, op: Operator) -> str:
    a = e.tensor(op.inputs[0], "an input", op)
    b = e.tensor(op.inputs[1], "a second input", op)
    y = e.tensor(op.outputs[0], "an output", op)
    for t, role in ((a, "input"), (b, "input"), (y, "output")):
        check_int8(t, op, role)
    out_shape = broadcast_shape(a.shape, b.shape, op)
    check(math.prod(out_shape) == y.size, op, f"output shape {y.shape}")
    lo, hi = activation_range(op.options.get("FusedActivationFunction", 0), y.scale, y.zero_point)
    lines = [
        "  ArithmeticParams p = {};",
        f"  p.input1_offset = {-a.zero_point};",
        f"  p.input2_offset = {-b.zero_point};",
        f"  p.output_offset = {y.zero_point};",
        f"  p.quantized_activation_min = {lo};",
        f"  p.quantized_activation_max = {hi};",
    ]
    params = arithmetic_params(op.name, (f32(a.scale), f32(b.scale), f32(y.scale)))
    if e.tfasc_kernels():
        dims = collapse(a.shape, b.shape, out_shape)
        if dims is not None:
            return _lower_tfasc(e, op, a, b, y, dims, params, (lo, hi))
    lines += [f"  p.{field} = {value};" for field, value in params.items()]
    same = a.shape == b.shape
    args = (
        f"p, {e.shape(a.shape)}, {e.ptr(a)},\n      {e.shape(b.shape)}, {e.ptr(b)},"
        f"\n      {e.shape(out_shape)}, {e.ptr(y)}"
    )
    if op.name == "SQUARED_DIFFERENCE":  # TFLM's own elementwise function, in tfasc_aot_kernels.h
        checked = "reference_integer_ops::CheckArithmeticParams, tfasc_aot::SquaredDifference"
        if same:
            call = (
                f"reference_integer_ops::ElementWise({y.size}, p, {e.ptr(a)}, {e.ptr(b)}, "
                f"{e.ptr(y)},\n      {checked});"
            )
        else:
            call = (
                f"reference_integer_ops::BroadcastBinaryFunction6DSlow({args},\n      {checked});"
            )
    elif op.name == "SUB":
        check(len(out_shape) <= 5, op, "SUB supports up to 5 dimensions")
        call = f"reference_ops::{'Sub' if same else 'BroadcastQuantSubSlow'}({args});"
    else:
        kernel = "Add" if op.name == "ADD" else "Mul"
        call = f"reference_integer_ops::{kernel if same else f'Broadcast{kernel}6DSlow'}({args});"
    lines.append(f"  {call}")
    return "\n".join(lines) + "\n"


def collapse(a_shape, b_shape, out_shape):
    """The output as at most 3 dimensions ``(sizes, a strides, b strides)``, or None.

    Dimensions of size 1 are dropped and neighbours broadcast alike are merged; each input's
    stride is 0 along a dimension it is broadcast in.
    """
    rank = len(out_shape)
    a = (1,) * (rank - len(a_shape)) + tuple(a_shape)
    b = (1,) * (rank - len(b_shape)) + tuple(b_shape)
    merged: list[list] = []
    for d, da, db in zip(out_shape, a, b, strict=True):
        if d == 1:
            continue
        if merged and merged[-1][1:] == [da == 1, db == 1]:
            merged[-1][0] *= d
        else:
            merged.append([d, da == 1, db == 1])
    if len(merged) > 3:
        return None
    merged = [[1, False, False]] * (3 - len(merged)) + merged

    def strides(k: int) -> list[int]:
        result, step = [], 1
        for size, *broadcast in reversed(merged):
            result.append(0 if broadcast[k] else step)
            step *= 1 if broadcast[k] else size
        return result[::-1]

    return [d[0] for d in merged], strides(0), strides(1)


OPS = {"ADD": 0, "SUB": 1, "SQUARED_DIFFERENCE": 2, "MUL": 3}
"""Op name -> ``tfasc_aot::BinaryOp``."""
TABLE_ELEMENTS = 512
"""``kBinaryTableElements`` (elementwise.h)."""


def scratch_bytes(op_name: str, elements: int) -> int:
    """``BinaryScratchBytes``: two tables of 256 int32 for ADD / SUB / SQUARED_DIFFERENCE
    from :data:`TABLE_ELEMENTS` outputs on."""
    return 2 * 256 * 4 if op_name != "MUL" and elements >= TABLE_ELEMENTS else 0


def _largest_combined(op_name: str, a, b, params) -> int:
    """The largest ``|combined|`` (elementwise.h) over all int8 inputs."""
    values = range(-128, 128)
    if op_name == "MUL":
        return max(abs(v - a.zero_point) for v in values) * max(
            abs(v - b.zero_point) for v in values
        )

    def scaled(v, zp, which):
        shifted = (v - zp) << params["left_shift"]
        m, s = params[f"input{which}_multiplier"], params[f"input{which}_shift"]
        return abs(multiply_by_quantized_multiplier(shifted, m, s))

    largest = max(scaled(v, a.zero_point, 1) for v in values) + max(
        scaled(v, b.zero_point, 2) for v in values
    )
    return largest * largest if op_name == "SQUARED_DIFFERENCE" else largest


def _lower_tfasc(e: Emitter, op: Operator, a, b, y, dims, params, clamp) -> str:
    (outer, middle, inner), sa, sb = dims
    elements = outer * middle * inner
    scratch = scratch_bytes(op.name, elements)
    if scratch:
        e.scratch[op.index] = scratch
    e.overlaps[op.index] = [Overlap(t.index, y.index, 0) for t in (a, b) if t.shape == y.shape]
    bounded = _largest_combined(op.name, a, b, params) < (1 << 30) and params["output_shift"] < 0
    quant = ", ".join(
        str(v)
        for v in (
            f"tfasc_aot::BinaryOp({OPS[op.name]})",
            -a.zero_point,
            -b.zero_point,
            params.get("left_shift", 0),
            params.get("input1_multiplier", 0),
            params.get("input1_shift", 0),
            params.get("input2_multiplier", 0),
            params.get("input2_shift", 0),
            params["output_multiplier"],
            params["output_shift"],
            y.zero_point,
            *clamp,
            str(bounded).lower(),
        )
    )
    shape = ", ".join(map(str, (outer, middle, inner, *sa, *sb)))
    scratch_ptr = f"reinterpret_cast<int8_t*>(Scratch({op.index}))" if scratch else "nullptr"
    return (
        f"  static constexpr tfasc_aot::BinaryShape s = {{{shape}}};\n"
        + kernels.scratch_check(
            f"tfasc_aot::BinaryScratchBytes(s, tfasc_aot::BinaryOp({OPS[op.name]}))",
            scratch,
            e.kernels,
        )
        + f"  const tfasc_aot::BinaryQuant q = {{{quant}}};\n"
        f"  tfasc_aot::Binary(s, q, {e.ptr(a)}, {e.ptr(b)}, {e.ptr(y)}, {scratch_ptr});\n"
    )


LOWERINGS = dict.fromkeys(("ADD", "MUL", "SQUARED_DIFFERENCE", "SUB"), lower_binary)
