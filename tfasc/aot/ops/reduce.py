"""MEAN onto ``reference_ops::QuantizedMeanOrSum`` (any axes, with or without KeepDims).

The reference kernel accumulates in an int32 scratch buffer of the output's size, which the
arena planner places like a tensor that lives only while the op runs. With tfasc's kernels,
a mean over contiguous axes calls ``tfasc_aot::Mean`` (``mean.h``) with the multiplier
adjusted for the count as the reference kernel adjusts it, and needs no scratch.
"""

from __future__ import annotations

import math

import tfasc.aot.kernels as kernels
from tfasc.aot.emitter import Emitter, check
from tfasc.aot.quantization import f32, quantize_multiplier
from tfasc.flatbuffer import Operator


def lower_mean(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    axes = e.const_ints(op, op.inputs[1], "the axis")
    rank = len(x.shape)
    check(rank > 0 and all(-rank <= a < rank for a in axes), op, f"axis {axes}")
    resolved = sorted({a % rank for a in axes})
    keep_dims = bool(op.options.get("KeepDims", False))
    expected = [1 if i in resolved else d for i, d in enumerate(x.shape)]
    if not keep_dims:
        expected = [d for i, d in enumerate(x.shape) if i not in resolved]
    check(math.prod(expected) == y.size, op, f"output shape {y.shape}")
    m, s = quantize_multiplier(f32(x.scale) / f32(y.scale))
    if e.tfasc_kernels() and resolved == list(range(resolved[0], resolved[-1] + 1)):
        return _lower_tfasc(e, x, y, resolved, m, s)
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
        f" {str(keep_dims).lower()}, temp_index, resolved_axis,\n"
        f"      reinterpret_cast<int32_t*>(Scratch({op.index})), false);\n"
    )


def mean_multiplier(multiplier: int, shift: int, count: int) -> tuple[int, int]:
    """``QuantizedMeanOrSum``'s multiplier and shift with ``1 / count`` folded in."""
    fold = min(count.bit_length() - 1, 32, 31 + shift)
    return (multiplier << fold) // count, shift - fold


def _lower_tfasc(e: Emitter, x, y, axes: list[int], m: int, s: int) -> str:
    outer = math.prod(x.shape[: axes[0]])
    reduce = math.prod(x.shape[axes[0] : axes[-1] + 1])
    inner = math.prod(x.shape[axes[-1] + 1 :])
    multiplier, shift = mean_multiplier(m, s, reduce)
    return (
        f"  static constexpr tfasc_aot::MeanShape s = {{{outer}, {reduce}, {inner}}};\n"
        + kernels.scratch_check("tfasc_aot::MeanScratchBytes(s)", 0, e.kernels)
        + f"  const tfasc_aot::MeanQuant q = {{{x.zero_point}, {multiplier}, {shift},"
        f" {y.zero_point}}};\n"
        f"  tfasc_aot::Mean(s, q, {e.ptr(x)}, {e.ptr(y)});\n"
    )


LOWERINGS = {"MEAN": lower_mean}
