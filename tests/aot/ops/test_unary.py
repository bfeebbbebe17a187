"""QUANTIZE and SOFTMAX (the one-input requantizing ops) bit-exact with TFLM."""

import shutil

import pytest

from tests.aot.bit_exact import assert_bit_exact, convert
from tfasc.flatbuffer import parse
from tfasc.keras import keras

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")


def _requantize_model() -> keras.Model:
    """QUANTIZE: the softmax output (scale 1/256) is requantized to the concatenation's."""
    inputs = keras.Input((8,))
    probabilities = keras.layers.Dense(10, activation="softmax")(inputs)
    scores = keras.layers.Dense(4)(inputs) * 5.0
    return keras.Model(inputs, keras.layers.Concatenate()([probabilities, scores]))


def test_requantize_model_is_bit_exact(tmp_path):
    flatbuffer = convert(_requantize_model())
    assert {"QUANTIZE", "SOFTMAX", "CONCATENATION"} <= set(parse(flatbuffer).ops)
    assert_bit_exact(flatbuffer, tmp_path)
