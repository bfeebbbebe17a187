"""ADD, SUB, MUL, SQUARED_DIFFERENCE: each op's own TFLM arithmetic, and bit-exact models."""

import shutil

import numpy as np
import pytest

from tests.aot.bit_exact import assert_bit_exact, convert
from tfasc.aot.ops.binary import arithmetic_params
from tfasc.aot.quantization import f32
from tfasc.flatbuffer import ModelError, parse
from tfasc.keras import keras, tf
from tfasc.layers import ResNorm

needs_gxx = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")

# float32 scales for which double and float32 arithmetic give other multipliers.
SCALES = (0.11324180662631989, 0.012509339489042759, 0.00316957151517272)


def test_each_op_keeps_its_own_precision_and_shift():
    add, sub = arithmetic_params("ADD", SCALES), arithmetic_params("SUB", SCALES)
    assert add == {
        "left_shift": 20, "input1_multiplier": 1073741824, "input1_shift": 0,
        "input2_multiplier": 1897786890, "input2_shift": -4,  # double
        "output_multiplier": 1198825924, "output_shift": -13,
    }  # fmt: skip
    assert sub == add  # both in double, as TFLM computes them (tests below)
    squared = arithmetic_params("SQUARED_DIFFERENCE", SCALES)
    assert squared["left_shift"] == 7 and squared["input2_multiplier"] == 1897786890  # double
    assert (squared["output_multiplier"], squared["output_shift"]) == (1086057708, -9)
    # (2 * 0.5)^2 / (2^14 * 1e-5) = 6.1: an output multiplier above one (shift 3) is allowed.
    large = arithmetic_params("SQUARED_DIFFERENCE", (0.5, 0.25, f32(1e-5)))
    assert (large["output_multiplier"], large["output_shift"]) == (1638400041, 3)
    with pytest.raises(ModelError, match="not in"):
        arithmetic_params("ADD", (0.5, 0.25, f32(1e-8)))  # ADD requires it below one
    assert arithmetic_params("MUL", SCALES) == {"output_multiplier": 1919554620, "output_shift": -1}


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


def _normalization_model() -> keras.Model:
    """ResNorm (MEAN, SUB, SQUARED_DIFFERENCE, RSQRT), STRIDED_SLICE, broadcast SUB."""
    inputs = keras.Input((16, 12, 1))
    x = ResNorm()(inputs)
    x = keras.layers.Conv2D(6, 3, padding="same", activation="relu")(x)
    x = x[:, 1:15:2, :, :] - tf.reduce_mean(x, axis=2, keepdims=True)[:, 2:9, :, :]
    x = keras.layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, keras.layers.Dense(10)(x))


@needs_gxx
def test_elementwise_model_is_bit_exact(tmp_path):
    flatbuffer = convert(_elementwise_model(), seed=1)
    assert {"MEAN", "ADD", "MUL", "LOGISTIC", "CONCATENATION", "SOFTMAX"} <= set(
        parse(flatbuffer).ops
    )
    assert_bit_exact(flatbuffer, tmp_path)


@needs_gxx
def test_normalization_model_is_bit_exact(tmp_path):
    flatbuffer = convert(_normalization_model(), seed=2)
    ops = set(parse(flatbuffer).ops)
    assert {"SUB", "SQUARED_DIFFERENCE", "RSQRT", "STRIDED_SLICE", "MEAN"} <= ops
    assert_bit_exact(flatbuffer, tmp_path)


# The SUB (x - mean) of a QAT-trained ResNorm (bcresnet_mod_budget, stage 2): input, mean and
# output scales, zero points -128, -128, -116. With float32 multipliers 32 of its 30,720
# outputs were 1 LSB off TFLM's on a real clip.
RESNORM_SUB = (
    (0.07908869534730911, -128),
    (0.003675385843962431, -128),
    (0.07937023043632507, -116),
)


@needs_gxx
@pytest.mark.parametrize("op", ["ADD", "SUB"])
def test_rescaling_ops_equal_tflm_on_every_pair_of_int8_inputs(op, tmp_path):
    """All 65,536 (a, b) pairs through TFLM and the AOT host build: TFLM computes ADD's and
    SUB's multipliers in double (an earlier version here assumed float32 for SUB, which
    these scales expose)."""
    from tensorflow.lite.python import schema_py_generated as schema

    from tests.aot.bit_exact import single_op_tflite
    from tfasc import mcu

    (a, za), (b, zb), (y, zy) = RESNORM_SUB
    values = np.arange(-128, 128, dtype=np.int8)
    flatbuffer = single_op_tflite(
        op,
        [((1, 256, 1, 1), a, za, None), ((1, 1, 256, 1), b, zb, values.reshape(1, 1, 256, 1))],
        ((1, 256, 256, 1), y, zy),
        getattr(schema, f"{op.capitalize()}OptionsT")(),
    )
    result = mcu.mcu_test(flatbuffer, board="host", inputs=values.reshape(1, 1, 256, 1, 1),
                          build_dir=tmp_path)  # fmt: skip
    assert result.bit_exact, (
        f"{int(np.sum(result.outputs != result.expected))} of 65,536 outputs differ from TFLM"
    )
    assert len(np.unique(result.outputs)) > 100  # not saturated: the rescaling is exercised
