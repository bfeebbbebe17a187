"""Random draws shared by the augmentations: Beta variates and per-example coin flips."""

from __future__ import annotations

from tfasc.keras import tf


def beta(shape, alpha: float, dtype=tf.float32) -> tf.Tensor:
    """Beta(α, α) variates of ``shape`` (as the ratio of two Gamma(α) variates)."""
    a = tf.random.gamma(shape, alpha)
    b = tf.random.gamma(shape, alpha)
    return tf.cast(a / (a + b), dtype)


def coin(batch, p: float) -> tf.Tensor:
    """``(batch,)`` booleans, each True with probability ``p``."""
    return tf.random.uniform([batch]) < p


def uniform_int(shape, low, high) -> tf.Tensor:
    """Integers uniform in ``[low, high]`` (both ends included; ``low``/``high`` may be
    tensors broadcast against ``shape``)."""
    u = tf.random.uniform(shape)
    low = tf.cast(low, tf.float32)
    span = tf.cast(high, tf.float32) - low + 1.0
    return tf.cast(tf.minimum(tf.floor(low + u * span), tf.cast(high, tf.float32)), tf.int32)
