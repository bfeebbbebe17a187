"""The AOT compiler (tfasc.aot) against the TFLite Micro interpreter, bit for bit.

Each small int8 model is compiled to C++, built for the host with g++ together with the
reference kernels and run on 20 random vectors (tfasc.mcu with board "host"); its outputs
must equal TFLM's exactly. Corrupted models must raise MalformedModelError, never crash
or hang; unknown ops must raise UnsupportedOpError naming the op.
"""

import shutil
import time

import numpy as np
import pytest

from tfasc import aot, mcu
from tfasc.convert import to_tflite
from tfasc.flatbuffer import parse
from tfasc.keras import keras, tf

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")

NUM_VECTORS = 20


def _convert(model: keras.Model, seed: int = 0) -> bytes:
    shape = (64, *model.input_shape[1:])
    calibration = np.random.default_rng(seed).normal(size=shape).astype(np.float32)
    return to_tflite(model, "int8", calibration)


def _conv_pool_model() -> keras.Model:
    """CONV_2D (strided, grouped), DEPTHWISE_CONV_2D, PAD, pools, RESHAPE, FC."""
    inputs = keras.Input((20, 16, 3))  # (B, F, T, C)
    x = keras.layers.ZeroPadding2D(((1, 2), (0, 1)))(inputs)
    x = keras.layers.Conv2D(8, 3, strides=2, activation="relu")(x)
    x = keras.layers.Conv2D(8, 3, activation="relu6")(x)
    x = keras.layers.Conv2D(8, 3, padding="same", groups=2)(x)
    x = keras.layers.DepthwiseConv2D(3, depth_multiplier=2, padding="same", activation="relu")(x)
    a = keras.layers.MaxPooling2D(2)(x)
    b = keras.layers.AveragePooling2D(2, strides=1, padding="same")(x)
    x = keras.layers.Flatten()(a)
    y = keras.layers.Flatten()(b)
    x = keras.layers.Dense(16, activation="relu")(keras.layers.Concatenate()([x, y]))
    outputs = keras.layers.Dense(10)(x)
    return keras.Model(inputs, outputs)


def _elementwise_model() -> keras.Model:
    """MEAN, broadcast ADD/MUL, LOGISTIC (SiLU, gating), CONCATENATION, SOFTMAX."""
    inputs = keras.Input((12, 10, 4))
    x = keras.layers.Conv2D(8, 3, padding="same")(inputs)
    x = x * tf.sigmoid(x)  # SiLU: LOGISTIC + MUL
    freq_mean = tf.reduce_mean(x, axis=1, keepdims=True)  # (B, 1, T, C)
    x = x + freq_mean  # broadcast ADD
    gate = tf.sigmoid(keras.layers.GlobalAveragePooling2D(keepdims=True)(x))  # MEAN
    x = x * gate  # broadcast MUL
    x = keras.layers.Add()([x, keras.layers.Conv2D(8, 1)(x)])  # same-shape ADD
    x = keras.layers.Concatenate()([x, inputs])
    x = keras.layers.GlobalAveragePooling2D()(x)  # MEAN over (1, 2)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def _requantize_model() -> keras.Model:
    """QUANTIZE: the softmax output (scale 1/256) is requantized to the concatenation's."""
    inputs = keras.Input((8,))
    probabilities = keras.layers.Dense(10, activation="softmax")(inputs)
    scores = keras.layers.Dense(4)(inputs) * 5.0
    return keras.Model(inputs, keras.layers.Concatenate()([probabilities, scores]))


def _normalization_model() -> keras.Model:
    """ResNorm (MEAN, SUB, SQUARED_DIFFERENCE, RSQRT), STRIDED_SLICE, broadcast SUB."""
    from tfasc.layers import ResNorm

    inputs = keras.Input((16, 12, 1))
    x = ResNorm()(inputs)
    x = keras.layers.Conv2D(6, 3, padding="same", activation="relu")(x)
    x = x[:, 1:15:2, :, :] - tf.reduce_mean(x, axis=2, keepdims=True)[:, 2:9, :, :]
    x = keras.layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, keras.layers.Dense(10)(x))


@pytest.fixture(scope="module")
def conv_pool_tflite() -> bytes:
    return _convert(_conv_pool_model())


@pytest.fixture(scope="module")
def elementwise_tflite() -> bytes:
    return _convert(_elementwise_model(), seed=1)


def _assert_bit_exact(flatbuffer: bytes, tmp_path) -> mcu.MCUResult:
    result = mcu.mcu_test(flatbuffer, board="host", num_vectors=NUM_VECTORS, build_dir=tmp_path)
    assert result.outputs.shape == (NUM_VECTORS, result.expected.shape[1])
    assert result.bit_exact, (
        f"{result.mismatches} of {NUM_VECTORS} vectors differ from TFLM:\n"
        f"AOT  {result.outputs[:3]}\nTFLM {result.expected[:3]}"
    )
    return result


def test_conv_pool_model_is_bit_exact(conv_pool_tflite, tmp_path):
    ops = set(parse(conv_pool_tflite).ops)
    assert {"CONV_2D", "DEPTHWISE_CONV_2D", "PAD", "MAX_POOL_2D", "AVERAGE_POOL_2D",
            "RESHAPE", "FULLY_CONNECTED", "CONCATENATION"} <= ops  # fmt: skip
    _assert_bit_exact(conv_pool_tflite, tmp_path)


def test_elementwise_model_is_bit_exact(elementwise_tflite, tmp_path):
    ops = set(parse(elementwise_tflite).ops)
    assert {"MEAN", "ADD", "MUL", "LOGISTIC", "CONCATENATION", "SOFTMAX"} <= ops
    _assert_bit_exact(elementwise_tflite, tmp_path)


def test_requantize_model_is_bit_exact(tmp_path):
    flatbuffer = _convert(_requantize_model())
    assert {"QUANTIZE", "SOFTMAX", "CONCATENATION"} <= set(parse(flatbuffer).ops)
    _assert_bit_exact(flatbuffer, tmp_path)


def test_normalization_model_is_bit_exact(tmp_path):
    flatbuffer = _convert(_normalization_model(), seed=2)
    ops = set(parse(flatbuffer).ops)
    assert {"SUB", "SQUARED_DIFFERENCE", "RSQRT", "STRIDED_SLICE", "MEAN"} <= ops
    _assert_bit_exact(flatbuffer, tmp_path)


def test_dcase2022_baseline_is_bit_exact(tmp_path):
    from tfasc import models

    flatbuffer = _convert(models.build("dcase2022_baseline"))
    result = _assert_bit_exact(flatbuffer, tmp_path)
    aot_model = aot.compile_model(flatbuffer)
    # Two 40x51x16 int8 feature maps are alive at once; nothing more is needed.
    assert result.arena_bytes == aot_model.arena_bytes == 2 * 40 * 51 * 16


def test_quantize_multiplier_matches_tflite():
    assert aot.quantize_multiplier(0.0) == (0, 0)
    assert aot.quantize_multiplier(0.5) == (1 << 30, 0)
    assert aot.quantize_multiplier(1.0) == (1 << 30, 1)
    assert aot.quantize_multiplier(0.75) == (3 << 29, 0)
    # A significand that rounds up to 2**31 is halved and the shift incremented.
    assert aot.quantize_multiplier(1 - 2**-40) == (1 << 30, 1)
    # Tiny multipliers flush to zero like TFLite's.
    assert aot.quantize_multiplier(2.0**-40) == (0, 0)


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


def test_unsupported_op_is_named():
    inputs = keras.Input((8,))
    model = keras.Model(inputs, keras.layers.Dense(4, activation="tanh")(inputs))
    flatbuffer = _convert(model)
    assert "TANH" in parse(flatbuffer).ops
    with pytest.raises(aot.UnsupportedOpError, match=r"TANH \(operator 1\)"):
        aot.compile_model(flatbuffer)


def test_not_a_model_raises_malformed():
    for data in (b"", b"\x00" * 64, b"not a flatbuffer at all, just text" * 4):
        with pytest.raises(aot.MalformedModelError):
            aot.compile_model(data)


def test_fuzzed_models_raise_the_clear_error_or_compile(elementwise_tflite):
    """Truncated and bit-flipped models: MalformedModelError/UnsupportedOpError or success."""
    rng = np.random.default_rng(0)
    original = np.frombuffer(elementwise_tflite, np.uint8)
    cases = [original[:n].tobytes() for n in rng.integers(0, len(original), 40)]
    for _ in range(160):
        mutated = original.copy()
        for position in rng.integers(0, len(mutated), rng.integers(1, 4)):
            mutated[position] ^= np.uint8(1 << int(rng.integers(0, 8)))
        cases.append(mutated.tobytes())
    start = time.monotonic()
    outcomes = {"compiled": 0, "malformed": 0, "unsupported": 0}
    for case in cases:
        try:
            aot.compile_model(case)
            outcomes["compiled"] += 1
        except aot.MalformedModelError:
            outcomes["malformed"] += 1
        except aot.UnsupportedOpError:
            outcomes["unsupported"] += 1
    assert outcomes["malformed"] >= 40  # every truncation at least
    assert time.monotonic() - start < 60, "the generator must not hang on corrupted input"
