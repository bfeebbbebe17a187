"""Ops that move values without arithmetic: RESHAPE, SQUEEZE, PAD, PADV2, STRIDED_SLICE,
CONCATENATION.

RESHAPE and SQUEEZE emit no code: the output aliases the input's arena buffer.
"""

from __future__ import annotations

import numpy as np

from tfasc.aot.emitter import Emitter, check, check_int8
from tfasc.aot.quantization import f32
from tfasc.flatbuffer import MalformedModelError, Operator, UnsupportedOpError


def lower_reshape(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    check(x.size == y.size, op, f"{x.shape} -> {y.shape}")
    if x.data is not None:
        raise UnsupportedOpError(f"{op.name} (op {op.index}): reshape of a constant")
    e.alias[y.index] = x.index
    return f"  // {list(x.shape)} -> {list(y.shape)}: shares the input buffer.\n"


def lower_pad(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    pads = e.const_ints(op, op.inputs[1], "the paddings")
    rank = len(x.shape)
    check(1 <= rank <= 5 and len(pads) == 2 * rank and min(pads) >= 0, op, "paddings")
    expected = tuple(d + pads[2 * i] + pads[2 * i + 1] for i, d in enumerate(x.shape))
    check(expected == y.shape, op, f"output shape {y.shape}")
    value = y.zero_point
    if len(op.inputs) > 2 and op.inputs[2] >= 0:  # PADV2's constant value
        v = e.tensor(op.inputs[2], "the pad value", op)
        check(v.data is not None and v.dtype == "int8" and v.size == 1, op, "pad value")
        value = int(v.data.reshape(-1)[0])
    left = ", ".join(str(pads[2 * i]) for i in range(rank))
    right = ", ".join(str(pads[2 * i + 1]) for i in range(rank))
    return (
        f"  PadParams p = {{}};\n  p.left_padding_count = {rank};\n"
        f"  p.right_padding_count = {rank};\n"
        + "".join(f"  p.left_padding[{i}] = {pads[2 * i]};\n" for i in range(rank))
        + "".join(f"  p.right_padding[{i}] = {pads[2 * i + 1]};\n" for i in range(rank))
        + f"  const int8_t pad_value = {value};  // paddings ({left}) / ({right})\n"
        f"  reference_ops::Pad(p, {e.shape(x.shape)}, {e.ptr(x)}, &pad_value,\n"
        f"      {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def lower_strided_slice(e: Emitter, op: Operator) -> str:
    x, y = e.int8_io(op)
    rank = len(x.shape)
    begin = e.const_ints(op, op.inputs[1], "begin")
    end = e.const_ints(op, op.inputs[2], "end")
    strides = e.const_ints(op, op.inputs[3], "strides")
    o = op.options
    check(1 <= rank <= 5 and len(begin) == len(end) == len(strides) == rank, op, "ranks")
    check(all(s != 0 for s in strides), op, "zero stride")
    if o.get("EllipsisMask", 0) or o.get("NewAxisMask", 0):
        raise UnsupportedOpError(f"STRIDED_SLICE (op {op.index}): ellipsis/new-axis masks")
    index = []
    for i in range(rank):
        if o.get("ShrinkAxisMask", 0) >> i & 1:
            index.append(begin[i])
            continue
        start = None if o.get("BeginMask", 0) >> i & 1 else begin[i]
        stop = end[i] + (begin[i] if o.get("Offset", False) else 0)
        stop = None if o.get("EndMask", 0) >> i & 1 else stop
        index.append(slice(start, stop, strides[i]))
    try:
        size = np.empty(x.shape, np.bool_)[tuple(index)].size
    except IndexError as error:
        raise MalformedModelError(
            f"malformed .tflite: STRIDED_SLICE (op {op.index}): {error}"
        ) from None
    check(size == y.size, op, f"output shape {y.shape}")
    fields = "".join(
        f"  p.start_indices[{i}] = {begin[i]};\n  p.stop_indices[{i}] = {end[i]};\n"
        f"  p.strides[{i}] = {strides[i]};\n"
        for i in range(rank)
    )
    return (
        f"  StridedSliceParams p = {{}};\n  p.start_indices_count = {rank};\n"
        f"  p.stop_indices_count = {rank};\n  p.strides_count = {rank};\n{fields}"
        f"  p.begin_mask = {o.get('BeginMask', 0)};\n  p.end_mask = {o.get('EndMask', 0)};\n"
        f"  p.shrink_axis_mask = {o.get('ShrinkAxisMask', 0)};\n"
        f"  p.offset = {str(bool(o.get('Offset', False))).lower()};\n"
        f"  reference_ops::StridedSlice(p, {e.shape(x.shape)}, {e.ptr(x)},"
        f" {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


def lower_concatenation(e: Emitter, op: Operator) -> str:
    y = e.tensor(op.outputs[0], "an output", op)
    check_int8(y, op, "output")
    xs = [e.tensor(i, "an input", op) for i in op.inputs]
    rank = len(y.shape)
    axis = op.options.get("Axis", 0)
    check(rank > 0 and -rank <= axis < rank, op, f"axis {axis}")
    axis %= rank
    if op.options.get("FusedActivationFunction", 0):
        raise UnsupportedOpError(f"CONCATENATION (op {op.index}): fused activation")
    for x in xs:
        check_int8(x, op, "input")
        if (f32(x.scale), x.zero_point) != (f32(y.scale), y.zero_point):
            raise UnsupportedOpError(
                f"CONCATENATION (op {op.index}): inputs must share the output quantization "
                "(as TFLite Micro requires)"
            )
        check(len(x.shape) == rank, op, "ranks")
        check(all(x.shape[i] == y.shape[i] for i in range(rank) if i != axis), op, "shapes")
    check(sum(x.shape[axis] for x in xs) == y.shape[axis], op, "concatenated size")
    shapes = "".join(f"  const RuntimeShape s{i} = {e.shape(x.shape)};\n" for i, x in enumerate(xs))
    return (
        shapes
        + f"  const RuntimeShape* shapes[] = {{{', '.join(f'&s{i}' for i in range(len(xs)))}}};\n"
        f"  const int8_t* data[] = {{{', '.join(e.ptr(x) for x in xs)}}};\n"
        f"  ConcatenationParams p = {{}};\n  p.axis = {axis};\n  p.inputs_count = {len(xs)};\n"
        f"  reference_ops::Concatenation(p, shapes, data, {e.shape(y.shape)}, {e.ptr(y)});\n"
    )


LOWERINGS = {
    "CONCATENATION": lower_concatenation,
    "PAD": lower_pad,
    "PADV2": lower_pad,
    "RESHAPE": lower_reshape,
    "SQUEEZE": lower_reshape,
    "STRIDED_SLICE": lower_strided_slice,
}
