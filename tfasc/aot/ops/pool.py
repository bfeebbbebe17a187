"""MAX_POOL_2D and AVERAGE_POOL_2D onto ``reference_integer_ops::{Max,Average}Pool``, or with
tfasc's kernels onto ``tfasc_aot::{Max,Average}Pool`` (``pooling.h``), whose output may
overlap its input (the kernel streams pixel by pixel)."""

from __future__ import annotations

import tfasc.aot.kernels as kernels
from tfasc.aot.arena import Overlap
from tfasc.aot.emitter import Emitter, check
from tfasc.aot.quantization import activation_range, compute_padding, out_size
from tfasc.flatbuffer import Operator


def lower_pool(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(len(x.shape) == 4 and len(y.shape) == 4, op, "ranks")
    o = op.options
    n, h, w, c = x.shape  # (N, H, W, C)
    fh, fw, sh, sw = o["FilterHeight"], o["FilterWidth"], o["StrideH"], o["StrideW"]
    check(min(fh, fw) > 0, op, "filter size")
    oh, ow = out_size(o["Padding"], h, fh, sh), out_size(o["Padding"], w, fw, sw)
    check(y.shape == (n, oh, ow, c), op, f"output shape {y.shape}")
    lo, hi = activation_range(o["FusedActivationFunction"], y.scale, y.zero_point)
    kernel = "MaxPool" if op.name == "MAX_POOL_2D" else "AveragePool"
    ph, pw = compute_padding(sh, 1, h, fh, oh), compute_padding(sw, 1, w, fw, ow)
    if e.tfasc_kernels():
        if n == 1:
            gap = kernels.window_gap((h, w, c), (oh, ow, c), (sh, sw), (ph, pw), 1)
            e.overlaps[op.index] = [Overlap(x.index, y.index, gap)]
        shape = ", ".join(map(str, (h, w, c, oh, ow, fh, fw, sh, sw, ph, pw, lo, hi)))
        step_in, step_out = x.size // n, y.size // n
        return (
            f"  static constexpr tfasc_aot::PoolShape s = {{{shape}}};\n"
            + kernels.scratch_check("tfasc_aot::PoolScratchBytes(s)", 0, e.kernels)
            + f"  for (int b = 0; b < {n}; ++b) {{\n"
            f"    tfasc_aot::{kernel}(s, {e.ptr(x)} + b * {step_in}, {e.ptr(y)} + b * {step_out});\n"
            f"  }}\n"
        )
    return (
        f"  PoolParams p = {{}};\n"
        f"  p.stride_height = {sh};\n  p.stride_width = {sw};\n"
        f"  p.filter_height = {fh};\n  p.filter_width = {fw};\n"
        f"  p.padding_values.height = {compute_padding(sh, 1, h, fh, oh)};\n"
        f"  p.padding_values.width = {compute_padding(sw, 1, w, fw, ow)};\n"
        f"  p.quantized_activation_min = {lo};\n  p.quantized_activation_max = {hi};\n"
        f"  reference_integer_ops::{kernel}(p, {e.shape(x.shape)}, {e.ptr(x)},\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


LOWERINGS = {"AVERAGE_POOL_2D": lower_pool, "MAX_POOL_2D": lower_pool}
