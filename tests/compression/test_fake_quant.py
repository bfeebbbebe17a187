"""ResNorm and BC-ResBlock with every intermediate tensor fake-quantized in QAT."""

import numpy as np
import pytest

from tests.compression.conftest import random_data
from tfasc import flatbuffer as fb
from tfasc import tflm
from tfasc.compression import fake_quant, int8_error, qat
from tfasc.keras import keras
from tfasc.layers import BCResBlock, ResNorm


def _model(block_filters=6):
    keras.utils.set_random_seed(0)
    x = inputs = keras.Input((24, 12, 1))
    x = ResNorm(name="resnorm")(x)
    x = keras.layers.Conv2D(4, 3, padding="same", name="stem")(x)
    x = BCResBlock(block_filters, name="transition_block")(x)
    x = BCResBlock(block_filters, dilation=2, name="normal_block")(x)
    x = ResNorm(name="stage_resnorm")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, keras.layers.Dense(10, name="logits")(x))


def _wrapped(qat_model, name):
    (wrapper,) = [w for w in qat_model.layers if getattr(w, "layer", None) is not None
                  and w.layer.name == name]  # fmt: skip
    return wrapper.layer


def test_intermediate_tensors_are_named_as_forward_computes_them():
    model = _model()
    x, _ = random_data(model.input_shape[1:], n=4)
    resnorm = model.get_layer("resnorm")
    tensors = fake_quant.intermediates(resnorm, x)
    assert tuple(tensors) == resnorm.tensors()
    np.testing.assert_allclose(tensors["output"], resnorm(x), rtol=1e-6)
    for name, absent in (("transition_block", "sum"), ("normal_block", "transition")):
        block = model.get_layer(name)
        assert absent not in block.tensors()
        inputs = keras.Model(model.inputs, block.input)(x)
        tensors = fake_quant.intermediates(block, inputs)
        assert tuple(tensors) == block.tensors()
        np.testing.assert_allclose(tensors["output"], block(inputs, training=False), atol=1e-6)


def test_every_intermediate_range_starts_at_the_float_tensor():
    model = _model()
    x, _ = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    for name in ("resnorm", "normal_block"):
        layer = _wrapped(qat_model, name)
        assert isinstance(layer, fake_quant.FakeQuantTensors)
        inputs = keras.Model(model.inputs, model.get_layer(name).input)(x)
        tensors = fake_quant.intermediates(model.get_layer(name), inputs)
        ranges = layer.range_variables()
        assert set(ranges) == set(tensors)
        for tensor, (low, high) in ranges.items():
            assert float(low.numpy()) == pytest.approx(min(0.0, float(np.min(tensors[tensor]))))
            assert float(high.numpy()) == pytest.approx(max(0.0, float(np.max(tensors[tensor]))))


@pytest.fixture(scope="module")
def trained():
    """``(inputs, QAT model after one epoch, its int8 export, how it was exported, the
    reference model export_int8 returned)`` of :func:`_model`."""
    model = _model()
    x, y = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    qat_model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    qat_model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    flatbuffer, reference, how = qat.export_int8(qat_model, model, x)
    return x, qat_model, flatbuffer, how, reference


def test_qat_model_simulates_the_int8_model(trained):
    """With every tensor of ResNorm and the BC-ResBlocks fake-quantized, the converter takes
    every range from QAT (no calibrated tensor, no float island) and the int8 model stays a
    few output steps from the QAT model."""
    x, qat_model, flatbuffer, how, reference = trained
    assert how == "qat_ranges" and reference is qat_model
    int8 = tflm.TFLMModel(flatbuffer)
    step = int8.output_quantization.scale
    error = np.abs(int8.predict(x) - qat_model.predict(x, verbose=0)).max()
    assert error <= 4 * step


def test_qat_mismatch_pairs_every_fake_quantized_tensor_with_its_int8_twin():
    model = _model()
    x, y = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    flatbuffer, _, how = qat.export_int8(qat_model, model, x)
    assert how == "qat_ranges"
    rows = int8_error.qat_mismatch(qat_model, flatbuffer, x[:8])
    by_name = {r.tensor: r for r in rows}
    assert by_name["input"].op == "INPUT" and by_name["input"].equal == 1.0
    resnorm = [f"resnorm:{t}" for t in model.get_layer("resnorm").tensors()]
    assert set(resnorm) <= set(by_name)
    assert by_name["resnorm:inv_std"].op == "RSQRT"
    assert by_name["normal_block:freq_conv"].op == "DEPTHWISE_CONV_2D"
    assert "logits" in by_name  # a tfmot wrapper's output range
    # fresh ranges from the float model: the first op is the float op on the int8 grid
    assert by_name["resnorm:mean"].within_one == 1.0
    assert len({r.int8_tensor for r in rows}) == len(rows)
    assert "| `resnorm:inv_std` | RSQRT |" in int8_error.format_mismatch_table(rows)
    plain = tflm.TFLMModel(flatbuffer)  # tensors share memory: no activations to read
    with pytest.raises(tflm.TFLMError, match="preserve_all_tensors"):
        plain.activations(plain.input_quantization.quantize(x[:1])[0])


def test_emulated_int8_ops_bring_the_qat_model_closer_to_its_int8_model(trained):
    """The temporal depthwise taps quantized per channel, the frequency pool and SiLU's
    sigmoid rounded as the int8 kernels round them: measured 22 % -> 79 % of the temporal
    convolution's outputs identical to the int8 model's on this model."""
    x, qat_model, flatbuffer, _, _ = trained
    emulated = {r.tensor: r for r in int8_error.qat_mismatch(qat_model, flatbuffer, x[:16])}
    with fake_quant.without_emulation(qat_model):
        plain = {r.tensor: r for r in int8_error.qat_mismatch(qat_model, flatbuffer, x[:16])}
    for name in ("transition_block:temporal_conv", "transition_block:silu"):
        assert emulated[name].equal > plain[name].equal + 0.3, name
    assert emulated["transition_block:freq_conv"].equal > 0.95  # before: no emulation needed


def test_subspectral_constants_are_quantized_as_the_converter_quantizes_them(trained):
    """SubSpectralNorm's MUL and ADD constants in the int8 model are the QAT model's
    fake_quant.int8_constant of its scale and offset, value for value (the QAT model's
    MUL and ADD compute with them)."""
    x, qat_model, flatbuffer, _, _ = trained
    twins = {r.tensor: r.int8_tensor for r in int8_error.qat_mismatch(qat_model, flatbuffer, x[:2])}
    graph = fb.parse(flatbuffer)
    by_name = {t.name: t for t in graph.tensors}
    producer = {op.outputs[0]: op for op in graph.operators}
    block = _wrapped(qat_model, "normal_block")
    scale, offset = block.freq_norm.affine(None, training=False)
    scale, offset = (fake_quant.int8_constant(c).numpy() for c in (scale, offset))
    assert np.ptp(offset) > 0  # trained: the ADD is not folded away
    for tensor, op_name, emulated in (
        ("freq_norm_mul", "MUL", scale),
        ("freq_norm", "ADD", offset),
    ):
        op = producer[by_name[twins[f"normal_block:{tensor}"]].index]
        assert op.name == op_name
        (constant,) = [graph.tensors[i] for i in op.inputs if graph.tensors[i].is_constant]
        values = (constant.data.astype(np.float32) - constant.zero_point) * constant.scale
        np.testing.assert_allclose(values.reshape(emulated.shape), emulated, atol=1e-6)


def test_fake_quant_layers_are_linked_to_the_range_of_their_input(trained):
    """ResNorm's first MEAN reads the layer input: linked to the range that quantizes it,
    it is emulated as the int8 MEAN (measured on this model: 64 % -> 70 % of the stage
    ResNorm's means identical to the int8 model's)."""
    x, qat_model, flatbuffer, _, _ = trained
    links = qat.link_input_ranges(qat_model)
    assert links["resnorm"] == (None, None)  # the model's input quantizer
    assert links["stage_resnorm"] == ("normal_block", "output")
    layer = _wrapped(qat_model, "stage_resnorm")
    linked = {r.tensor: r for r in int8_error.qat_mismatch(qat_model, flatbuffer, x[:16])}
    layer.input_ranges = None
    try:
        unlinked = {r.tensor: r for r in int8_error.qat_mismatch(qat_model, flatbuffer, x[:16])}
    finally:
        qat.link_input_ranges(qat_model)
    assert linked["stage_resnorm:mean"].equal > unlinked["stage_resnorm:mean"].equal + 0.02


@pytest.mark.parametrize("count", [65, 320, 480, 640])
def test_int8_mean_rounds_as_the_int8_mean_kernel(count):
    """fake_quant.int8_mean against the MEAN arithmetic the AOT compiler emits (bit-exact
    with TFLM, tests/aot): the count folded into the multiplier, then two roundings; a
    plain rounded mean differs from it in up to a quarter of the outputs."""
    import tensorflow as tf

    from tfasc.aot.ops.reduce import mean_multiplier
    from tfasc.aot.quantization import f32, multiply_by_quantized_multiplier, quantize_multiplier

    # As ResNorm's variance: the mean of squares (most near 0), at a ~80x finer step.
    rng = np.random.default_rng(count)
    s_in = f32(rng.uniform(0.5, 2.0))
    s_out = f32(s_in / rng.uniform(60, 100))
    zp_in, zp_out = -128, -128
    q = np.minimum(np.round(rng.exponential(1.5, (64, 3, count, 1))), 255).astype(int) + zp_in
    x = tf.constant((q - zp_in) * s_in, tf.float32)
    mean = tf.reduce_mean(x, axis=(2, 3), keepdims=True)

    def ranges(scale, zero_point):
        return {"min_var": tf.constant((-128 - zero_point) * scale, tf.float32),
                "max_var": tf.constant((127 - zero_point) * scale, tf.float32)}  # fmt: skip

    emulated = fake_quant.int8_mean(x, (2, 3), ranges(s_in, zp_in), ranges(s_out, zp_out))
    steps = np.round(emulated.numpy() / s_out).astype(int).reshape(-1) + zp_out
    m, s = mean_multiplier(*quantize_multiplier(s_in / s_out), count)
    sums = (q - zp_in).sum(axis=(2, 3)).reshape(-1)
    kernel = [min(max(multiply_by_quantized_multiplier(int(v), m, s) + zp_out, -128), 127)
              for v in sums]  # fmt: skip
    np.testing.assert_array_equal(steps, kernel)
    plain = np.clip(np.floor(mean.numpy().reshape(-1) / s_out + 0.5) + zp_out, -128, 127)
    if s < 0:  # a right shift after the high multiply: two roundings
        assert np.mean(plain != kernel) > 0.05
    else:  # count 65: no right shift, the kernel rounds the mean correctly
        assert np.mean(plain != kernel) < 0.01


def _grid(scale, zero_point):
    """Fake-quantization ranges whose int8 grid is ``(scale, zero_point)``."""
    return {"min_var": np.float32((-128 - zero_point) * scale),
            "max_var": np.float32((127 - zero_point) * scale)}  # fmt: skip


@pytest.mark.parametrize(
    "op, grids",
    [
        # scales of a QAT ResNorm: centered·inv_std, shortcut + normalized, (x - mean)²
        ("MUL", ((0.02783014, 1), (0.011631752, -128), (0.02333772, 1))),
        ("ADD", ((0.07908869534730911, -128), (0.003675385843962431, -128), (0.0794, -116))),
        ("SQUARED_DIFFERENCE", ((0.046, -10), (0.0413, 5), (0.013, -128))),
    ],
)
def test_elementwise_ops_compute_as_the_int8_kernels(op, grids):
    """fake_quant.int8_mul / int8_add / int8_squared_difference against the TFLM kernel on
    all 65,536 input pairs, bit for bit; a float op rounded onto the output grid differs
    (MUL: the kernel's two roundings; SQUARED_DIFFERENCE: its 7-bit left shift)."""
    import tensorflow as tf
    from tensorflow.lite.python import schema_py_generated as schema

    from tests.aot.bit_exact import single_op_tflite

    (sa, za), (sb, zb), (sy, zy) = grids
    values = np.arange(-128, 128)
    options = {"MUL": schema.MulOptionsT(), "ADD": schema.AddOptionsT(),
               "SQUARED_DIFFERENCE": schema.SquaredDifferenceOptionsT()}[op]  # fmt: skip
    flatbuffer = single_op_tflite(
        op,
        [((1, 256, 1, 1), sa, za, None), ((1, 1, 256, 1), sb, zb, values.reshape(1, 1, 256, 1))],
        ((1, 256, 256, 1), sy, zy),
        options,
    )
    expected = tflm.TFLMModel(flatbuffer).invoke(values.astype(np.int8)).reshape(256, 256)
    kernel = {"MUL": fake_quant.int8_mul, "ADD": fake_quant.int8_add,
              "SQUARED_DIFFERENCE": fake_quant.int8_squared_difference}[op]  # fmt: skip
    x = tf.constant(((values - za) * sa).reshape(256, 1), tf.float32)
    y = tf.constant(((values - zb) * sb).reshape(1, 256), tf.float32)
    emulated = kernel(x, y, _grid(sa, za), _grid(sb, zb), _grid(sy, zy)).numpy()
    steps = np.clip(np.round(emulated / np.float32(sy)) + zy, -128, 127)
    np.testing.assert_array_equal(steps, expected)
    assert len(np.unique(expected)) > 100  # not saturated: the rescaling is exercised
    exact = {"MUL": x * y, "ADD": x + y, "SQUARED_DIFFERENCE": (x - y) ** 2}[op].numpy()
    rounded = np.clip(np.floor(exact / sy + 0.5) + zy, -128, 127)
    if op != "ADD":  # ADD's 20-bit shift leaves it (nearly) correctly rounded
        assert np.mean(rounded != expected) > 1e-3


@pytest.mark.parametrize("layer", ["conv3x3", "conv1x1", "depthwise", "stem"])
def test_convolution_computes_as_the_converter_and_tflm(layer):
    """fake_quant.int8_convolution of a float convolution + batch norm against the
    converter's int8 model of it in TFLM, every output bit for bit: the batch norm folded
    into per-channel weights and an int32 bias, then the per-channel rescaling."""
    import tensorflow as tf

    from tfasc import convert

    keras.utils.set_random_seed(3)
    conv = {"conv3x3": keras.layers.Conv2D(6, 3, padding="same", use_bias=False),
            "conv1x1": keras.layers.Conv2D(6, 1, use_bias=False),
            "depthwise": keras.layers.DepthwiseConv2D((3, 1), padding="same", use_bias=False),
            "stem": keras.layers.Conv2D(6, 5, strides=2, padding="same")}[layer]  # fmt: skip
    norm = keras.layers.BatchNormalization()
    inputs = keras.Input((12, 10, 4))
    model = keras.Model(inputs, norm(conv(inputs)))
    rng = np.random.default_rng(0)
    channels = model.output_shape[-1]
    gamma, beta, mean, variance = norm.weights  # trained-looking, some scales negative
    gamma.assign(rng.normal(0.0, 1.0, channels))
    beta.assign(rng.normal(0.0, 0.5, channels))
    mean.assign(rng.normal(0.0, 0.5, channels))
    variance.assign(rng.uniform(0.5, 1.5, channels))
    x, _ = random_data((12, 10, 4), n=16)
    int8 = tflm.TFLMModel(convert.to_tflite(model, "int8", x))
    q_in, q_out = int8.input_quantization, int8.output_quantization
    steps = q_in.quantize(x)
    expected = int8.invoke_batch(steps).reshape(len(x), *model.output_shape[1:])
    kernel, axis, convolution = fake_quant._kernel_and_convolution(conv)
    scale, offset = fake_quant._folded_norm(norm, kernel.shape[axis])
    emulated = fake_quant.int8_convolution(
        tf.constant(q_in.dequantize(steps), tf.float32), kernel, axis, convolution, scale, offset,
        _grid(q_in.scale, q_in.zero_point), _grid(q_out.scale, q_out.zero_point),
    ).numpy()  # fmt: skip
    ours = np.clip(np.round(emulated / np.float32(q_out.scale)) + q_out.zero_point, -128, 127)
    np.testing.assert_array_equal(ours, expected)


def test_bcresnet_mod_qat_model_is_bit_exact_with_its_int8_model(small_model):
    """Every int8 op of BC-ResNet-Mod emulated (ResNorm, the BC-ResBlocks, the stem and
    classifier convolutions, the classifier's average pool): after QAT, every fake-quantized
    tensor equals its int8 twin in TFLM on every value, and so do the outputs."""
    from tfasc.compression import int8_ready

    model = int8_ready.fold_subspectral_scales(small_model("bcresnet_mod_budget"),
                                               for_training=True)  # fmt: skip
    x, y = random_data(model.input_shape[1:], n=32)
    qat_model = qat.quantize(model, calibration=x)
    qat_model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    qat_model.fit(x, y, epochs=2, batch_size=16, verbose=0)  # ranges and kernels move
    flatbuffer, _, how = qat.export_int8(qat_model, model, x)
    assert how == "qat_ranges"
    rows = int8_error.qat_mismatch(qat_model, flatbuffer, x[:8])
    assert len(rows) > 50
    assert [r.tensor for r in rows if r.equal < 1.0] == []
    int8 = tflm.TFLMModel(flatbuffer)
    expected = int8.invoke_batch(int8.input_quantization.quantize(x))
    qat_model.make_predict_function(force=True)  # traced with the emulation on
    outputs = int8.output_quantization.quantize(qat_model.predict(x, verbose=0))
    np.testing.assert_array_equal(outputs, expected)


def test_inputs_on_the_grid_are_what_the_qat_input_quantizer_keeps():
    """Quantization.on_grid: the int8 model's inputs as floats, which the fake quantization
    at a QAT model's input maps to the same int8 values (raw features can round to the
    other neighbour there)."""
    import tensorflow as tf

    q = tflm.Quantization(scale=0.0462, zero_point=-3)
    x = np.random.default_rng(0).normal(0.0, 2.0, 100_000).astype(np.float32)
    on_grid = q.on_grid(x)
    np.testing.assert_array_equal(q.quantize(on_grid), q.quantize(x))
    grid = _grid(q.scale, q.zero_point)
    kept = tf.quantization.fake_quant_with_min_max_vars(on_grid, grid["min_var"], grid["max_var"])
    np.testing.assert_array_equal(q.quantize(kept.numpy()), q.quantize(x))
