"""CONV_2D (grouped too) and DEPTHWISE_CONV_2D onto ``reference_integer_ops::*ConvPerChannel``.

Parameters as TFLM's ``conv_common.cc`` / ``depthwise_conv_common.cc`` prepare them:
per-channel multipliers, SAME/VALID padding, the fused activation's clamp.
"""

from __future__ import annotations

from tfasc.aot.emitter import Emitter, check, check_int8, filter_scales
from tfasc.aot.quantization import activation_range, compute_padding, out_size
from tfasc.flatbuffer import Operator


def lower_conv(e: Emitter, op: Operator) -> str:
    depthwise = op.name == "DEPTHWISE_CONV_2D"
    x = e.tensor(op.inputs[0], "an input", op)
    w = e.tensor(op.inputs[1], "weights", op)
    y = e.tensor(op.outputs[0], "an output", op)
    check_int8(x, op, "input")
    check_int8(y, op, "output")
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
    if depthwise:
        check(w.shape[0] == 1 and w.shape[3] == cout and cout % cin == 0, op, "filter shape")
    else:
        check(w.shape[0] == cout and cin % w.shape[3] == 0, op, "filter shape")
        check(cout % (cin // w.shape[3]) == 0, op, "groups")
    scales = filter_scales(w, cout, op)
    bias = e.bias(op, 2, cout)
    mult, shift = e.per_channel(op, x, scales, y, "int32_t")
    lo, hi = activation_range(o["FusedActivationFunction"], y.scale, y.zero_point)
    ph, pw = compute_padding(sh, dh, h, kh, oh), compute_padding(sw, dw, wd, kw, ow)
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


LOWERINGS = {"CONV_2D": lower_conv, "DEPTHWISE_CONV_2D": lower_conv}
