"""CONV_2D / DEPTHWISE_CONV_2D (and the pools, PAD, FC around them) bit-exact with TFLM."""

import shutil

import pytest

from tests.aot.bit_exact import assert_bit_exact, convert
from tfasc import models
from tfasc.flatbuffer import parse
from tfasc.keras import keras

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")


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


def test_conv_pool_model_is_bit_exact(tmp_path):
    flatbuffer = convert(_conv_pool_model())
    ops = set(parse(flatbuffer).ops)
    assert {"CONV_2D", "DEPTHWISE_CONV_2D", "PAD", "MAX_POOL_2D", "AVERAGE_POOL_2D",
            "RESHAPE", "FULLY_CONNECTED", "CONCATENATION"} <= ops  # fmt: skip
    assert_bit_exact(flatbuffer, tmp_path)


def test_dcase2022_baseline_is_bit_exact(tmp_path):
    result = assert_bit_exact(convert(models.build("dcase2022_baseline")), tmp_path)
    assert result.kernels == "portable"  # the host's tfasc kernels
    assert result.arena_bytes == 37200  # conv outputs overlap their inputs (test_arena.py)
