"""TFLite's quantization arithmetic (tfasc.aot.quantization) on values with known results."""

import pytest

from tfasc import aot
from tfasc.aot import quantization as q
from tfasc.flatbuffer import MalformedModelError, ModelError, UnsupportedOpError


def test_quantize_multiplier_matches_tflite():
    assert aot.quantize_multiplier(0.0) == (0, 0)
    assert aot.quantize_multiplier(0.5) == (1 << 30, 0)
    assert aot.quantize_multiplier(1.0) == (1 << 30, 1)
    assert aot.quantize_multiplier(0.75) == (3 << 29, 0)
    # A significand that rounds up to 2**31 is halved and the shift incremented.
    assert aot.quantize_multiplier(1 - 2**-40) == (1 << 30, 1)
    # Tiny multipliers flush to zero like TFLite's.
    assert aot.quantize_multiplier(2.0**-40) == (0, 0)
    with pytest.raises(ModelError, match="invalid rescaling multiplier"):
        aot.quantize_multiplier(float("nan"))
    with pytest.raises(ModelError, match="not in"):
        q.quantize_multiplier_smaller_than_one(1.5)


def test_std_round_goes_away_from_zero():
    assert [q.std_round(x) for x in (0.5, 1.5, 2.5, -0.5, -2.5, 2.4)] == [1, 2, 3, -1, -3, 2]


def test_activation_range_divides_in_float32():
    # RELU6 with scale 6/255 and zero point -128: 6 / scale = 255 exactly -> clamp 127.
    assert q.activation_range(3, 6 / 255, -128) == (-128, 127)
    assert q.activation_range(1, 0.05, -10) == (-10, 127)  # RELU
    assert q.activation_range(0, 0.05, 3) == (-128, 127)  # NONE
    assert q.activation_range(2, 0.01, 0) == (-100, 100)  # RELU_N1_TO_1
    with pytest.raises(UnsupportedOpError, match="TANH"):
        q.activation_range(4, 0.1, 0)


def test_out_size_and_padding_follow_tflite():
    # SAME: ceil(in / stride); VALID: (in - effective + stride) // stride.
    assert q.out_size(0, 51, 3, 2) == 26 and q.out_size(1, 51, 3, 2) == 25
    assert q.out_size(1, 20, 3, 1, dilation=2) == 16
    assert q.compute_padding(2, 1, 51, 3, 26) == 1 and q.compute_padding(1, 1, 10, 3, 8) == 0
    with pytest.raises(MalformedModelError, match="stride"):
        q.out_size(0, 10, 3, 0)
    with pytest.raises(MalformedModelError, match="unknown padding 7"):
        q.out_size(7, 10, 3, 1)
