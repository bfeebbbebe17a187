"""Sub-Spectral Normalization: batch norm with separate statistics per frequency sub-band.

Reference:
    Chang, Park, Cho, Park, Yun, Hwang, "SubSpectral Normalization for Neural Audio Data
    Processing", ICASSP 2021; used in every block of BC-ResNet (Kim et al., Interspeech 2021,
    github.com/Qualcomm-AI-research/bcresnet, ``subspectralnorm.py``).
"""

from __future__ import annotations

import numpy as np

from tfasc.keras import keras, tf


def sub_band_index(num_freqs: int, sub_bands: int) -> np.ndarray:
    """Sub-band of each frequency bin: contiguous groups, sizes as ``np.array_split``.

    With ``num_freqs % sub_bands == 0`` these are the official BC-ResNet groups (the PyTorch
    code views ``(N, C, F, T)`` as ``(N, C·S, F/S, T)``, i.e. ``F/S`` consecutive bins each).
    """
    if not 1 <= sub_bands <= num_freqs:
        raise ValueError(f"cannot split {num_freqs} frequency bins into {sub_bands} sub-bands")
    return np.concatenate(
        [
            np.full(len(band), s)
            for s, band in enumerate(np.array_split(np.arange(num_freqs), sub_bands))
        ]
    ).astype(np.int32)


@keras.utils.register_keras_serializable(package="tfasc")
class SubSpectralNorm(keras.layers.Layer):
    """Batch normalization whose statistics and affine weights differ per frequency sub-band.

    The frequency axis is split into ``sub_bands`` contiguous groups; each (sub-band,
    channel) pair has its own batch statistics (over batch, the group's bins and time) and
    its own ``gamma``/``beta``: ``2·C·S`` trainable parameters, as the official BC-ResNet's
    ``BatchNorm2d(C·S)``. When ``F`` is not a multiple of ``sub_bands`` the groups differ by
    one bin (``np.array_split``); the official code requires divisibility.

    Moving statistics follow Keras: ``moving = momentum·moving + (1 - momentum)·batch`` with
    the biased batch variance (``momentum=0.9`` is PyTorch's default 0.1).

    At inference the layer is a fixed per-(frequency, channel) affine map, ``x·scale + offset``
    with ``(F, 1, C)`` constants: the int8 TFLite model holds one MUL and one ADD, both run by
    TFLite Micro (no RESHAPE is needed because the constants are expanded to every bin, at the
    price of ``2·F·C`` instead of ``2·S·C`` constant bytes).

    Args:
        sub_bands: number of frequency sub-bands ``S`` (5 in BC-ResNet).
        momentum: momentum of the moving statistics.
        epsilon: added to the variance before the square root.
        **kwargs: standard ``keras.layers.Layer`` arguments.

    Shapes:
        ``(B, F, T, C)`` in, the same shape out; ``F >= sub_bands``.

    Example:
        >>> x = keras.Input((20, 101, 16))
        >>> y = SubSpectralNorm(sub_bands=5)(x)  # 2·16·5 = 160 trainable weights
    """

    def __init__(self, sub_bands: int = 5, momentum: float = 0.9, epsilon: float = 1e-5, **kwargs):
        super().__init__(**kwargs)
        self.sub_bands = int(sub_bands)
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)

    def build(self, input_shape):
        if len(input_shape) != 4:
            raise ValueError(f"SubSpectralNorm expects (B, F, T, C) inputs, got {input_shape}")
        num_freqs, channels = int(input_shape[1]), int(input_shape[-1])
        band = sub_band_index(num_freqs, self.sub_bands)
        self._band = tf.constant(band)  # (F,)
        # Averages per-bin statistics into per-band ones (every bin has B·T samples).
        one_hot = np.eye(self.sub_bands, dtype=np.float32)[band].T  # (S, F)
        self._band_average = tf.constant(one_hot / one_hot.sum(axis=1, keepdims=True))
        shape = (self.sub_bands, channels)
        self.gamma = self.add_weight(name="gamma", shape=shape, initializer="ones")
        self.beta = self.add_weight(name="beta", shape=shape, initializer="zeros")
        self.moving_mean = self.add_weight(
            name="moving_mean", shape=shape, initializer="zeros", trainable=False
        )
        self.moving_variance = self.add_weight(
            name="moving_variance", shape=shape, initializer="ones", trainable=False
        )
        super().build(input_shape)

    def _per_bin(self, values):
        """``(S, C)`` per-band values → ``(F, 1, C)``, broadcastable over ``(B, F, T, C)``."""
        num_freqs, channels = self._band.shape[0], values.shape[-1]
        return tf.reshape(tf.gather(values, self._band), (num_freqs, 1, channels))

    def _per_band(self, values):
        """``(F, C)`` per-bin averages → ``(S, C)`` per-band averages."""
        return tf.matmul(self._band_average, values)

    def affine(self, inputs, training=None) -> tuple:
        """``(scale, offset)``, each ``(F, 1, C)``, with the layer's output
        ``inputs·scale + offset``: from the moving statistics in inference (the int8 model's
        MUL and ADD constants), from the batch statistics of ``inputs`` in training (which
        also updates the moving ones)."""
        if training:
            x = inputs  # (B, F, T, C)
            mean = self._per_band(tf.reduce_mean(x, axis=[0, 2]))  # (S, C)
            centered = x - self._per_bin(mean)  # (B, F, T, C)
            variance = self._per_band(tf.reduce_mean(tf.square(centered), axis=[0, 2]))
            self.moving_mean.assign(self.momentum * self.moving_mean + (1.0 - self.momentum) * mean)
            self.moving_variance.assign(
                self.momentum * self.moving_variance + (1.0 - self.momentum) * variance
            )
        else:
            mean, variance = self.moving_mean, self.moving_variance
        scale = self.gamma * tf.math.rsqrt(variance + self.epsilon)  # (S, C)
        return self._per_bin(scale), self._per_bin(self.beta - mean * scale)

    def call(self, inputs, training=None):
        scale, offset = self.affine(inputs, training)
        return inputs * scale + offset  # (B, F, T, C)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update(
            {"sub_bands": self.sub_bands, "momentum": self.momentum, "epsilon": self.epsilon}
        )
        return config
