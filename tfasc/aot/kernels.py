"""What tfasc's C kernels (``micro/aot/include/tfasc_aot``) need from the compiler.

The kernels come in three variants (portable C, DSP, Helium) with one signature each; the
compiler prepares their constants once for all of them, and plans the arena for one
variant or the largest (``kernels="any"``). This module mirrors, in Python, what the C
headers state:

- the scratch bytes of each kernel (its ``*ScratchBytes`` companion function; the
  generated code ``static_assert``s that the planned scratch is enough);
- the output pixels each kernel computes together, from which :func:`window_gap` derives
  how far below its input an op's output may start (:class:`tfasc.aot.arena.Overlap`);
- the folded bias (``bias + input_offset * sum(weights)``) and the accumulator bound that
  decides whether the DSP's SMMULR requantization is exact for a layer.

Example:
    >>> conv_scratch_bytes(depth=784, in_place=False, kernels="any")
    3920
"""

from __future__ import annotations

import numpy as np

from tfasc.aot.emitter import Emitter, per_channel_multipliers
from tfasc.flatbuffer import Operator, Tensor, UnsupportedOpError

VARIANTS = ("portable", "dsp", "mve")
"""The C kernels' variants, as ``kernels`` names them."""


def variants(kernels: str) -> tuple[str, ...]:
    """The variants a plan for ``kernels`` must hold (all of them for ``"any"``)."""
    return VARIANTS if kernels == "any" else (kernels,)


def scratch_check(call: str, planned: int, kernels: str) -> str:
    """The ``static_assert`` that a kernel's scratch companion ``call`` fits the plan: equal
    to it for one variant (the Python mirror is exact), at most it for ``"any"``."""
    relation = "<=" if kernels == "any" else "=="
    return (
        f"  static_assert({call} {relation} {planned},\n"
        f'                "the arena plan disagrees with {call.split("(")[0]}");\n'
    )


def conv_scratch_bytes(depth: int, in_place: bool, kernels: str) -> int:
    """``ConvScratchBytes`` (conv.h): the im2col rows (four with Helium), and on the DSP
    two int16 columns and one im2col row."""
    sizes = {
        "portable": 0 if in_place else depth,
        "mve": 0 if in_place else 4 * depth,
        "dsp": 4 * depth + (0 if in_place else depth),
    }
    return max(sizes[v] for v in variants(kernels))


CONV_BLOCK_PIXELS = {"portable": 1, "dsp": 2, "mve": 4}
"""``kConvBlockPixels`` (conv.h): output pixels computed together."""


def window_gap(
    in_shape: tuple[int, int, int],
    out_shape: tuple[int, int, int],
    stride: tuple[int, int],
    padding: tuple[int, int],
    block: int,
) -> int:
    """Least ``input offset - output offset`` at which a window op may overwrite its input.

    The kernel computes output pixels in row-major order, ``block`` at a time, and reads
    nothing of a pixel's window after it has written a later block, but may write a block
    while still reading its windows. So every byte of block ``b``'s output must lie below
    the first input byte that block ``b`` or a later one reads.

    Args:
        in_shape: input ``(H, W, C)`` (int8).
        out_shape: output ``(H, W, C)`` (int8).
        stride: ``(stride_h, stride_w)``.
        padding: leading ``(pad_h, pad_w)`` (a window's first tap read is at its origin
            clamped to the input, whatever its size and dilation).
        block: output pixels computed together.

    Returns:
        The gap in bytes (it may be negative: the output may start above the input).
    """
    h, w, c = in_shape
    oh, ow, oc = out_shape
    oy, ox = np.divmod(np.arange(oh * ow), ow)
    rows = np.maximum(oy * stride[0] - padding[0], 0)
    cols = np.maximum(ox * stride[1] - padding[1], 0)
    first_read = np.minimum((rows * w + np.minimum(cols, w - 1)) * c, h * w * c)
    first_read = np.minimum.accumulate(first_read[::-1])[::-1]  # by this pixel or a later one
    block_start = np.arange(0, oh * ow, block)
    block_end = np.minimum(block_start + block, oh * ow) * oc
    return int(np.max(block_end - first_read[block_start]))


def folded_bias(weights: np.ndarray, bias: np.ndarray | None, input_zero_point: int) -> np.ndarray:
    """``bias + input_offset * sum(weights)`` per output channel (int64; rows = channels)."""
    rows = weights.reshape(weights.shape[0], -1).astype(np.int64)
    base = np.zeros(rows.shape[0], np.int64) if bias is None else bias.astype(np.int64)
    return base - input_zero_point * rows.sum(axis=1)


def accumulator_bound(weights: np.ndarray, bias: np.ndarray) -> int:
    """The largest ``|folded bias + sum(x * w)|`` over int8 inputs ``x`` (rows = channels)."""
    rows = np.abs(weights.reshape(weights.shape[0], -1).astype(np.int64))
    return int(np.max(np.abs(bias.astype(np.int64)) + 128 * rows.sum(axis=1), initial=0))


def fits_int32(values: np.ndarray) -> bool:
    """True when every value is an int32."""
    return bool(np.all((values >= -(1 << 31)) & (values < (1 << 31))))


def bounded(bound: int, shifts) -> bool:
    """True when the DSP's SMMULR requantization is exact: every shift negative (a right
    shift), and ``2 * |acc| < 2^31``."""
    return all(s < 0 for s in shifts) and 2 * bound < (1 << 31)


def bias_values(e: Emitter, op: Operator, channels: int) -> np.ndarray | None:
    """The values of the op's constant int32 bias (its third input), or None."""
    index = op.inputs[2] if len(op.inputs) > 2 else -1
    if index < 0:
        return None
    b = e.graph.tensors[index]
    if b.dtype != "int32" or b.data is None or b.size != channels:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): bias must be constant int32")
    return b.data.reshape(-1)


def conv_constants(e: Emitter, op: Operator, x: Tensor, rows, bias, scales, y: Tensor):
    """The constants of a convolution's tfasc kernel, declared: folded bias, multipliers and
    shifts, and whether the DSP's SMMULR requantization is exact (:func:`bounded`).

    Args:
        e: the emitter.
        op: the operator.
        x: its input.
        rows: int8 weights, one row per output channel.
        bias: the int32 bias or None.
        scales: per-output-channel weight scales.
        y: its output.

    Returns:
        ``(bias name, multiplier name, shift name, bounded)``, or None when the accumulator
        could leave int32 (the caller keeps the reference kernel).
    """
    folded = folded_bias(rows, bias, x.zero_point)
    bound = accumulator_bound(rows, folded)
    if not fits_int32(folded) or bound >= (1 << 31):
        return None
    mult, shift = e.per_channel(op, x, scales, y, "int32_t")
    _, shifts = per_channel_multipliers(x, scales, y)
    names = (e.array(f"kBias{op.index}", "int32_t", folded, "bias + input offset * sum(w)"),)
    return names + (mult, shift, bounded(bound, shifts))
