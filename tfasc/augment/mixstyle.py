"""Freq-MixStyle on batches of features ``(B, F, T, C)``.

Freq-MixStyle (Schmid et al., "CP-JKU submission to DCASE22/23"; used by the DCASE2023-24
leaders): normalize each frequency bin of each example by its mean and standard deviation
over (time, channels), then re-scale it with statistics mixed with those of another
example of the batch, ``λ ~ Beta(α, α)``; applied to a whole batch with probability ``p``.
"""

from __future__ import annotations

from tfasc.augment.sampling import beta
from tfasc.keras import tf


def freq_mixstyle(x: tf.Tensor, alpha: float = 0.3, p: float = 0.4, eps: float = 1e-6):
    """Freq-MixStyle on one batch ``(B, F, T, C)``; returns a batch of the same shape and dtype."""

    def mix():
        mean = tf.reduce_mean(x, axis=(2, 3), keepdims=True)  # (B, F, 1, 1)
        std = tf.sqrt(tf.math.reduce_variance(x, axis=(2, 3), keepdims=True) + eps)
        normalized = (x - mean) / std
        lam = beta(tf.stack([tf.shape(x)[0], 1, 1, 1]), alpha, x.dtype)
        perm = tf.random.shuffle(tf.range(tf.shape(x)[0]))
        mixed_mean = lam * mean + (1 - lam) * tf.gather(mean, perm)
        mixed_std = lam * std + (1 - lam) * tf.gather(std, perm)
        return normalized * mixed_std + mixed_mean

    return tf.cond(tf.random.uniform([]) < p, mix, lambda: x)
