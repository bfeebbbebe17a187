"""TFLite's quantization arithmetic, computed here exactly as TFLite Micro's ``Prepare`` does.

Mirrors ``tensorflow/lite/kernels/internal/quantization_util.cc`` (``QuantizeMultiplier``
on doubles), ``kernel_util.cc`` (``CalculateActivationRangeQuantized``, which divides in
float32) and ``padding.h`` (output size and padding of SAME / VALID windows). Bit-exactness
with the interpreter depends on every rounding step here being TFLM's, including which
intermediate values are float32 and which are double.

Example:
    >>> quantize_multiplier(0.75)  # 0.75 = (3 << 29) * 2**(0 - 31)
    (1610612736, 0)
"""

from __future__ import annotations

import math

import numpy as np

from tfasc.flatbuffer import ACTIVATIONS, MalformedModelError, ModelError, UnsupportedOpError


def std_round(x: float) -> float:
    """C's ``std::round``: halves away from zero (Python's ``round`` goes to even)."""
    a = abs(x)
    f = math.floor(a)
    if a - f >= 0.5:
        f += 1
    return math.copysign(f, x)


def f32(x) -> float:
    """``x`` rounded to float32, as a Python float (the ``float`` TFLM stores scales in)."""
    return float(np.float32(x))


def quantize_multiplier(real: float) -> tuple[int, int]:
    """TFLite's ``QuantizeMultiplier``: ``real = m * 2**(shift - 31)`` with ``m`` in Q0.31.

    Raises:
        ModelError: ``real`` is negative, infinite or NaN.
    """
    if real == 0.0:
        return 0, 0
    if not math.isfinite(real) or real < 0:
        raise ModelError(f"invalid rescaling multiplier {real}")
    q, shift = math.frexp(real)
    q_fixed = int(std_round(q * (1 << 31)))
    if q_fixed == 1 << 31:
        q_fixed //= 2
        shift += 1
    if shift < -31:
        shift, q_fixed = 0, 0
    return q_fixed, shift


def multiply_by_quantized_multiplier(x: int, multiplier: int, shift: int) -> int:
    """TFLite's ``MultiplyByQuantizedMultiplier`` (double rounding) on an int32 ``x``."""
    left, right = max(shift, 0), max(-shift, 0)
    shifted = ((x << left) + (1 << 31)) % (1 << 32) - (1 << 31)  # int32 wrap, as in C
    high = (shifted * multiplier + (1 << 30)) >> 31
    if right == 0:
        return high
    return (high + (1 << (right - 1)) - (high < 0)) >> right


def quantize_multiplier_smaller_than_one(real: float) -> tuple[int, int]:
    """``QuantizeMultiplierSmallerThanOneExp``: as :func:`quantize_multiplier`, ``real`` in (0, 1)."""
    if not 0.0 < real < 1.0:
        raise ModelError(f"rescaling multiplier {real} is not in (0, 1)")
    return quantize_multiplier(real)


def calculate_input_radius(integer_bits: int, left_shift: int, total_bits: int = 31) -> int:
    """``CalculateInputRadius``: the largest input the fixed-point softmax/logistic accept."""
    max_rescaled = (
        1.0 * ((1 << integer_bits) - 1) * (1 << (total_bits - integer_bits)) / (1 << left_shift)
    )
    return math.floor(max_rescaled)


def activation_range(activation: int, scale: float, zero_point: int) -> tuple[int, int]:
    """``CalculateActivationRangeQuantized`` for int8 (``f / scale`` in float32).

    Args:
        activation: the op's ``FusedActivationFunction`` code.
        scale: output scale.
        zero_point: output zero point.

    Returns:
        ``(quantized_activation_min, quantized_activation_max)``.

    Raises:
        UnsupportedOpError: a fused activation other than NONE, RELU, RELU6, RELU_N1_TO_1.
    """
    name = ACTIVATIONS.get(activation, f"activation {activation}")

    def quantize(f: float) -> int:
        return zero_point + int(std_round(f32(np.float32(f) / np.float32(scale))))

    if name == "NONE":
        return -128, 127
    if name == "RELU":
        return max(-128, quantize(0.0)), 127
    if name == "RELU6":
        return max(-128, quantize(0.0)), min(127, quantize(6.0))
    if name == "RELU_N1_TO_1":
        return max(-128, quantize(-1.0)), min(127, quantize(1.0))
    raise UnsupportedOpError(f"fused activation {name} is not supported")


def compute_padding(stride: int, dilation: int, in_size: int, filter_size: int, out_size: int):
    """``ComputePaddingHeightWidth`` for one dimension: the leading padding."""
    effective = (filter_size - 1) * dilation + 1
    return max(((out_size - 1) * stride + effective - in_size) // 2, 0)


def out_size(padding: int, in_size: int, filter_size: int, stride: int, dilation: int = 1) -> int:
    """``ComputeOutSize`` for one dimension; ``padding`` is the schema's (0 SAME, 1 VALID).

    Raises:
        MalformedModelError: a non-positive stride or an unknown padding.
    """
    effective = (filter_size - 1) * dilation + 1
    if stride <= 0:
        raise MalformedModelError("malformed .tflite: stride must be positive")
    if padding == 0:  # SAME
        return (in_size + stride - 1) // stride
    if padding == 1:  # VALID
        return (in_size + stride - effective) // stride
    raise MalformedModelError(f"malformed .tflite: unknown padding {padding}")
