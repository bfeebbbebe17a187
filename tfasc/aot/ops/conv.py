"""CONV_2D (grouped too) and DEPTHWISE_CONV_2D.

Parameters as TFLM's ``conv_common.cc`` / ``depthwise_conv_common.cc`` prepare them:
per-channel multipliers, SAME/VALID padding, the fused activation's clamp. With
``kernels="reference"`` the ops call ``reference_integer_ops::*ConvPerChannel``; otherwise
CONV_2D calls ``tfasc_aot::Conv`` (im2col rows, the input offset folded into the bias) and
DEPTHWISE_CONV_2D, and grouped convolutions with one input channel per group and as many
outputs as inputs (a depthwise convolution in CONV_2D's layout), ``tfasc_aot::Depthwise``
(:mod:`tfasc.aot.ops.depthwise`). A layer whose accumulator could exceed int32 keeps the
reference kernel.
"""

from __future__ import annotations

import dataclasses

import numpy as np

import tfasc.aot.kernels as kernels
import tfasc.aot.ops.depthwise as depthwise
import tfasc.aot.sparse as sparse
from tfasc.aot.arena import Overlap
from tfasc.aot.emitter import Emitter, check, check_int8, filter_scales
from tfasc.aot.quantization import activation_range, compute_padding, out_size
from tfasc.flatbuffer import Operator, Tensor


@dataclasses.dataclass(frozen=True)
class Window:
    """The checked geometry of one convolution (batch, then (H, W, C) in and out)."""

    batches: int
    in_hwc: tuple[int, int, int]
    out_hwc: tuple[int, int, int]
    kernel: tuple[int, int]
    stride: tuple[int, int]
    dilation: tuple[int, int]
    padding: tuple[int, int]


def window(e: Emitter, op: Operator, x: Tensor, w: Tensor, y: Tensor) -> Window:
    """The window of a CONV_2D / DEPTHWISE_CONV_2D, its shapes checked."""
    check(len(x.shape) == 4 and len(w.shape) == 4 and len(y.shape) == 4, op, "ranks")
    n, h, wd, cin = x.shape  # (N, H, W, C)
    cout = y.shape[3]
    o = op.options
    kh, kw = w.shape[1], w.shape[2]
    dh, dw = o.get("DilationHFactor", 1), o.get("DilationWFactor", 1)
    sh, sw = o.get("StrideH", 1), o.get("StrideW", 1)
    check(min(dh, dw, sh, sw) > 0, op, "strides and dilations must be positive")
    oh, ow = out_size(o["Padding"], h, kh, sh, dh), out_size(o["Padding"], wd, kw, sw, dw)
    check(y.shape == (n, oh, ow, cout), op, f"output shape {y.shape}")
    ph, pw = compute_padding(sh, dh, h, kh, oh), compute_padding(sw, dw, wd, kw, ow)
    return Window(n, (h, wd, cin), (oh, ow, cout), (kh, kw), (sh, sw), (dh, dw), (ph, pw))


def lower_conv(e: Emitter, op: Operator) -> str:
    is_depthwise = op.name == "DEPTHWISE_CONV_2D"
    x = e.tensor(op.inputs[0], "an input", op)
    w = e.tensor(op.inputs[1], "weights", op)
    y = e.tensor(op.outputs[0], "an output", op)
    check_int8(x, op, "input")
    check_int8(y, op, "output")
    g = window(e, op, x, w, y)
    cin, cout = g.in_hwc[2], g.out_hwc[2]
    if is_depthwise:
        check(w.shape[0] == 1 and w.shape[3] == cout and cout % cin == 0, op, "filter shape")
    else:
        check(w.shape[0] == cout and cin % w.shape[3] == 0, op, "filter shape")
        check(cout % (cin // w.shape[3]) == 0, op, "groups")
    scales = filter_scales(w, cout, op)
    lo, hi = activation_range(op.options["FusedActivationFunction"], y.scale, y.zero_point)
    if e.tfasc_kernels():
        lowered = None
        if is_depthwise:
            lowered = depthwise.lower(e, op, x, w.data, y, g, scales, (lo, hi))
        elif w.shape[3] == 1 and cin == cout and cin > 1:  # groups == channels
            filters = np.transpose(w.data, (3, 1, 2, 0))  # (1, kh, kw, C), depthwise's layout
            lowered = depthwise.lower(e, op, x, filters, y, g, scales, (lo, hi))
        else:
            lowered = _lower_tfasc_conv(e, op, x, w, y, g, scales, (lo, hi))
        if lowered is not None:
            return lowered
    return _lower_reference(e, op, x, w, y, g, scales, (lo, hi))


def _lower_reference(e, op, x, w, y, g: Window, scales, clamp) -> str:
    is_depthwise = op.name == "DEPTHWISE_CONV_2D"
    cin, cout = g.in_hwc[2], g.out_hwc[2]
    bias = e.bias(op, 2, cout)
    mult, shift = e.per_channel(op, x, scales, y, "int32_t")
    params = "DepthwiseParams" if is_depthwise else "ConvParams"
    kernel = "DepthwiseConvPerChannel" if is_depthwise else "ConvPerChannel"
    extra = f"  p.depth_multiplier = {cout // cin};\n" if is_depthwise else ""
    return (
        f"  {params} p = {{}};\n"
        f"  p.padding_values.height = {g.padding[0]};\n  p.padding_values.width = {g.padding[1]};\n"
        f"  p.stride_height = {g.stride[0]};\n  p.stride_width = {g.stride[1]};\n"
        f"  p.dilation_height_factor = {g.dilation[0]};\n"
        f"  p.dilation_width_factor = {g.dilation[1]};\n{extra}"
        f"  p.input_offset = {-x.zero_point};\n  p.output_offset = {y.zero_point};\n"
        f"  p.quantized_activation_min = {clamp[0]};\n  p.quantized_activation_max = {clamp[1]};\n"
        f"  reference_integer_ops::{kernel}(\n"
        f"      p, {mult}, {shift}, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(w.shape)}, {e.ptr(w)}, {e.shape([cout])}, {bias},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def im2col_rows(weights: np.ndarray) -> tuple[np.ndarray, int]:
    """OHWI filters as one row per output channel, zero-padded to a multiple of 4."""
    rows = weights.reshape(weights.shape[0], -1)
    depth = -(-rows.shape[1] // 4) * 4
    return np.pad(rows, ((0, 0), (0, depth - rows.shape[1]))), depth


def _lower_tfasc_conv(e, op, x, w, y, g: Window, scales, clamp) -> str | None:
    cin, cout = g.in_hwc[2], g.out_hwc[2]
    groups = cin // w.shape[3]
    rows, depth = im2col_rows(w.data)
    constants = kernels.conv_constants(e, op, x, rows, kernels.bias_values(e, op, cout), scales, y)
    if constants is None:
        return None
    in_place = g.kernel == (1, 1) and groups == 1 and depth == cin and g.padding == (0, 0)
    shape = ", ".join(
        map(str, (*g.in_hwc, *g.out_hwc, *g.kernel, *g.stride, *g.dilation, *g.padding, groups))
    )
    return matmul_call(e, op, x, y, rows, f"{{{shape}, {depth}}}", constants, clamp,
                       g.batches, in_place, g)  # fmt: skip


def matmul_call(e, op, x, y, rows, shape: str, constants, clamp, batches: int, in_place: bool,
                g: Window | None = None) -> str:  # fmt: skip
    """The ``tfasc_aot::Conv`` or ``ConvSparse`` call of a CONV_2D or FULLY_CONNECTED.

    Declares the weights (dense im2col rows, or their nonzeros where :mod:`tfasc.aot.sparse`
    chooses so), the scratch and, given the window ``g`` of a one-batch convolution, the
    overlap of output and input.
    """
    bias, mult, shift, is_bounded = constants
    depth = rows.shape[1]
    if sparse.chooses_sparse(rows, e.sparse, e.kernels) and np.count_nonzero(rows) < 1 << 16:
        starts, positions, values = sparse.layout(rows)
        index = "uint8_t" if depth <= 256 else "uint16_t"
        names = (
            e.array(f"kStarts{op.index}", "uint16_t", starts, "sparse: each channel's start"),
            e.array(f"kIndex{op.index}", index, positions, "positions in the im2col row"),
            e.array(f"kValues{op.index}", "int8_t", values, "nonzero weights"),
        )
        index8, index16 = (names[1], "nullptr") if depth <= 256 else ("nullptr", names[1])
        weights = "w"
        declare = (
            f"  const tfasc_aot::SparseWeights w = {{{names[0]}, {index8}, {index16},"
            f" {names[2]}}};\n"
        )
        kernel, companion, blocks = "ConvSparse", "ConvSparseScratchBytes", sparse.BLOCK_PIXELS
        scratch = sparse.scratch_bytes(depth, in_place, e.kernels)
    else:
        weights = e.array(f"kWeights{op.index}", "int8_t", rows, "im2col rows")
        declare = ""
        kernel, companion, blocks = "Conv", "ConvScratchBytes", kernels.CONV_BLOCK_PIXELS
        scratch = kernels.conv_scratch_bytes(depth, in_place, e.kernels)
    if scratch:
        e.scratch[op.index] = scratch
    if g is not None and batches == 1:
        gap = max(
            kernels.window_gap(g.in_hwc, g.out_hwc, g.stride, g.padding, blocks[v])
            for v in kernels.variants(e.kernels)
        )
        e.overlaps[op.index] = [Overlap(x.index, y.index, gap)]
    step_in, step_out = x.size // batches, y.size // batches
    offset_in, offset_out = (f" + b * {step_in}", f" + b * {step_out}") if batches > 1 else ("", "")
    scratch_ptr = f"reinterpret_cast<int8_t*>(Scratch({op.index}))" if scratch else "nullptr"
    body = (
        f"  tfasc_aot::{kernel}(s, q, {e.ptr(x)}{offset_in}, {weights}, {e.ptr(y)}{offset_out},"
        f" {scratch_ptr});\n"
    )
    if batches > 1:
        body = f"  for (int b = 0; b < {batches}; ++b) {{\n  {body}  }}\n"
    return (
        f"  static constexpr tfasc_aot::ConvShape s = {shape};\n"
        + kernels.scratch_check(f"tfasc_aot::{companion}(s)", scratch, e.kernels)
        + f"  const tfasc_aot::ConvQuant q = {{{x.zero_point}, {y.zero_point}, {clamp[0]},"
        f" {clamp[1]}, {bias}, {mult}, {shift}, {str(is_bounded).lower()}}};\n" + declare + body
    )


LOWERINGS = {"CONV_2D": lower_conv, "DEPTHWISE_CONV_2D": lower_conv}
