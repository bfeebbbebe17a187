"""Frequency and time masking (SpecAugment, Park et al., Interspeech 2019) on features.

Each example of a batch ``(B, F, T, C)`` gets ``count`` masks per axis, drawn independently:
a width ``w`` uniform in ``[0, max_width]`` and a start uniform over the positions where the
band fits; masked bins are set to ``value`` (0: the normalized features' mean level,
``norm_mean`` dB, of :mod:`tfasc.features`).
"""

from __future__ import annotations

from tfasc.augment.sampling import uniform_int
from tfasc.keras import tf


def _band_mask(batch, size, max_width: int, count: int) -> tf.Tensor:
    """``(B, size)`` booleans: True inside one of ``count`` random bands per example."""
    positions = tf.range(size)[tf.newaxis, :]  # (1, size)
    masked = tf.zeros([batch, size], tf.bool)
    for _ in range(count):
        width = uniform_int([batch, 1], 0, tf.minimum(max_width, size))
        start = uniform_int([batch, 1], 0, size - width)
        masked |= (positions >= start) & (positions < start + width)
    return masked


def freq_mask(x: tf.Tensor, max_width: int, count: int = 1, value: float = 0.0) -> tf.Tensor:
    """Masks ``count`` random bands of at most ``max_width`` mel bins in each example."""
    if max_width <= 0 or count <= 0:
        return x
    masked = _band_mask(tf.shape(x)[0], tf.shape(x)[1], max_width, count)
    return tf.where(masked[:, :, tf.newaxis, tf.newaxis], tf.cast(value, x.dtype), x)


def time_mask(x: tf.Tensor, max_width: int, count: int = 1, value: float = 0.0) -> tf.Tensor:
    """Masks ``count`` random spans of at most ``max_width`` frames in each example."""
    if max_width <= 0 or count <= 0:
        return x
    masked = _band_mask(tf.shape(x)[0], tf.shape(x)[2], max_width, count)
    return tf.where(masked[:, tf.newaxis, :, tf.newaxis], tf.cast(value, x.dtype), x)
