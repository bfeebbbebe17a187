"""DEPTHWISE_CONV_2D onto ``tfasc_aot::Depthwise`` (``micro/aot/include/tfasc_aot/depthwise.h``).

Called by :mod:`tfasc.aot.ops.conv` for DEPTHWISE_CONV_2D and for grouped CONV_2D layers
that are depthwise convolutions (one input channel per group, as many outputs as inputs).
The filters stay in TFLite's ``[kernel_h][kernel_w][channels]`` layout; the input offset is
folded into the bias over the whole window, since the kernel's padding taps read the input
zero point.
"""

from __future__ import annotations

import numpy as np

import tfasc.aot.kernels as kernels
from tfasc.aot.arena import Overlap

MAX_TAPS = 64
"""``kDepthwiseMaxTaps`` (depthwise.h)."""


def scratch_bytes(channels: int, multiplier: int, taps: int) -> int:
    """``DepthwiseScratchBytes``: one pixel of the input zero point, when the kernel takes
    its vector path."""
    return (channels + 15) // 16 * 16 if multiplier == 1 and taps <= MAX_TAPS else 0


def lower(e, op, x, filters: np.ndarray, y, g, scales, clamp) -> str | None:
    """The ``tfasc_aot::Depthwise`` call, or None when the reference kernel must stay.

    Args:
        e: the emitter.
        op: the operator.
        x: input tensor.
        filters: ``(1, kernel_h, kernel_w, out_c)`` int8 weights.
        y: output tensor.
        g: the checked window (:class:`tfasc.aot.ops.conv.Window`).
        scales: per-output-channel weight scales.
        clamp: the fused activation's ``(min, max)``.
    """
    cin, cout = g.in_hwc[2], g.out_hwc[2]
    multiplier = cout // cin
    per_channel = filters.reshape(-1, cout).T  # (out_c, taps)
    constants = kernels.conv_constants(
        e, op, x, per_channel, kernels.bias_values(e, op, cout), scales, y
    )
    if constants is None:
        return None
    weights = e.array(f"kWeights{op.index}", "int8_t", filters, "filters [kh][kw][channels]")
    taps = g.kernel[0] * g.kernel[1]
    scratch = scratch_bytes(cin, multiplier, taps)
    if scratch:
        e.scratch[op.index] = scratch
    if g.batches == 1:
        gap = kernels.window_gap(g.in_hwc, g.out_hwc, g.stride, g.padding, 1)
        e.overlaps[op.index] = [Overlap(x.index, y.index, gap)]
    bias, mult, shift, is_bounded = constants
    shape = ", ".join(
        map(str, (*g.in_hwc, *g.out_hwc, *g.kernel, *g.stride, *g.dilation, *g.padding, multiplier))
    )
    step_in, step_out = x.size // g.batches, y.size // g.batches
    scratch_ptr = f"reinterpret_cast<int8_t*>(Scratch({op.index}))" if scratch else "nullptr"
    offset_in, offset_out = (
        (f" + b * {step_in}", f" + b * {step_out}") if g.batches > 1 else ("", "")
    )
    call = (
        f"tfasc_aot::Depthwise(s, q, {e.ptr(x)}{offset_in}, {weights}, {e.ptr(y)}{offset_out},"
        f" {scratch_ptr});\n"
    )
    if g.batches > 1:
        call = f"for (int b = 0; b < {g.batches}; ++b) {{\n    {call}  }}\n"
    return (
        f"  static constexpr tfasc_aot::DepthwiseShape s = {{{shape}}};\n"
        + kernels.scratch_check("tfasc_aot::DepthwiseScratchBytes(s)", scratch, e.kernels)
        + f"  const tfasc_aot::DepthwiseQuant q = {{{x.zero_point}, {y.zero_point}, {clamp[0]},"
        f" {clamp[1]}, {bias}, {mult}, {shift}, {str(is_bounded).lower()}}};\n  {call}"
    )
