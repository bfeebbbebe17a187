"""Two-input elementwise ops with broadcasting: ADD, SUB, MUL, SQUARED_DIFFERENCE.

ADD, SUB and SQUARED_DIFFERENCE share one structure: both inputs are shifted left, rescaled
to twice the larger input scale, combined, and the result rescaled to the output. What
differs, and must stay as it is in TFLM for bit-exactness, is each op's arithmetic when it
prepares the multipliers (the :data:`RESCALINGS` below):

- ADD (``add_common.cc``): ``left_shift = 20``, multipliers in double;
- SUB (``sub_common.cc``): ``left_shift = 20``, multipliers in float32;
- SQUARED_DIFFERENCE (``squared_difference.cc``): ``left_shift = 7`` (the difference is
  squared, so twice the bits), double, and the output multiplier may exceed one.

MUL multiplies the two scales into one output multiplier (``mul_common.cc``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import numpy as np

from tfasc.aot.emitter import Emitter, check, check_int8
from tfasc.aot.quantization import (
    activation_range,
    f32,
    quantize_multiplier,
    quantize_multiplier_smaller_than_one,
)
from tfasc.flatbuffer import Operator


def _add_multipliers(a: float, b: float, y: float) -> tuple[float, float, float]:
    twice_max = 2 * max(a, b)  # double
    return a / twice_max, b / twice_max, twice_max / ((1 << 20) * y)


def _sub_multipliers(a: float, b: float, y: float) -> tuple[float, float, float]:
    a, b, y = np.float32(a), np.float32(b), np.float32(y)
    twice_max = np.float32(2) * max(a, b)  # float32 throughout
    return (
        float(a / twice_max),
        float(b / twice_max),
        float(twice_max / (np.float32(1 << 20) * y)),
    )


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
    "SUB": Rescaling(left_shift=20, multipliers=_sub_multipliers, output_below_one=True),
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


LOWERINGS = dict.fromkeys(("ADD", "MUL", "SQUARED_DIFFERENCE", "SUB"), lower_binary)
