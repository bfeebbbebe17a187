"""The offline arena planner (tfasc.aot.arena): buffers share memory only when disjoint."""

from tests.aot.bit_exact import convert
from tfasc import aot, models
from tfasc.aot.kernels import window_gap
from tfasc.flatbuffer import parse
from tfasc.keras import keras


def test_arena_plan_reuses_dead_buffers():
    allocations, size = aot.plan_arena(
        [("a", 100, 0, 1), ("b", 50, 1, 2), ("c", 100, 2, 3), ("d", 10, 0, 3)]
    )
    offsets = {a.key: a.offset for a in allocations}
    assert offsets["c"] == offsets["a"] == 0  # a dies before c is born
    assert size == 112 + 64 + 16  # a/c, then b, then d (16-byte aligned)
    for x in allocations:
        for y in allocations:
            if x is not y and not (x.last < y.first or y.last < x.first):
                assert x.offset + x.nbytes <= y.offset or y.offset + y.nbytes <= x.offset


def test_dcase2022_baseline_needs_two_feature_maps_with_the_reference_kernels():
    model = aot.compile_model(convert(models.build("dcase2022_baseline")), kernels="reference")
    # Two 40x51x16 int8 feature maps are alive at once; nothing more is needed.
    assert model.arena_bytes == 2 * 40 * 51 * 16 == 65280
    assert all(a.offset % aot.ARENA_ALIGNMENT == 0 for a in model.allocations)


def test_streaming_kernels_let_outputs_overlap_their_inputs():
    model = aot.compile_model(convert(models.build("dcase2022_baseline")), kernels="portable")
    offset = {a.key: a.offset for a in model.allocations}
    size = {a.key: a.nbytes for a in model.allocations}
    conv1_in, conv1_out, conv2_out = "tensor0", "tensor10", "tensor11"
    # The 7x7 SAME conv2 reads rows oy-3..oy+3 of output row oy: its output may start 3 rows
    # and 4 pixels of 16 channels (2512 B, 16-aligned) below its input.
    assert offset[conv1_out] - offset[conv2_out] == 3 * 51 * 16 + 4 * 16 == 2512
    # conv1 (1 -> 16 channels) writes 16 bytes per pixel it reads 1 byte of: its output starts
    # 30768 B (the gap rounded up to 16) below the model input, which ends inside it.
    assert offset[conv1_in] - offset[conv1_out] == 30768
    assert window_gap((40, 51, 1), (40, 51, 16), (1, 1), (3, 3), 1) == 30757
    # One 37.2 kB block instead of two 32.6 kB maps.
    assert model.arena_bytes == 37200 == offset[conv1_in] + size[conv1_in] + 8


def test_an_input_read_later_is_not_overlapped():
    inputs = keras.Input((12, 10, 8))  # (B, F, T, C)
    x = keras.layers.Conv2D(8, 1, activation="relu")(inputs)
    y = keras.layers.Conv2D(8, 3, padding="same")(x)
    flatbuffer = convert(keras.Model(inputs, keras.layers.Add()([x, y])))
    graph = parse(flatbuffer)
    conv1, conv2 = (op for op in graph.operators if op.name == "CONV_2D")
    model = aot.compile_model(flatbuffer, kernels="portable")
    a = {alloc.key: alloc for alloc in model.allocations}
    residual, out = a[f"tensor{conv1.outputs[0]}"], a[f"tensor{conv2.outputs[0]}"]
    # The 3x3 conv's input is read again by ADD: its output must not overlap it...
    assert (
        residual.offset + residual.nbytes <= out.offset
        or out.offset + out.nbytes <= residual.offset
    )
    # ...while the model input, read only by the 1x1 conv, is overlapped by that conv's output.
    first = a[f"tensor{graph.inputs[0]}"]
    assert (
        first.offset < residual.offset + residual.nbytes
        and residual.offset < first.offset + first.nbytes
    )
