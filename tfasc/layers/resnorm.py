"""Residual Normalization (ResNorm), the device-robust input normalization of QTI's DCASE2021 system.

Reference:
    Kim, Yang, Kim, Chang, "Domain Generalization on Efficient Acoustic Scene Classification
    using Residual Normalization", DCASE2021 Workshop (Task 1A winner).
"""

from __future__ import annotations

from tfasc.keras import keras, tf
from tfasc.layers.int8_ops import CONSTANT, ElementwiseOps

TENSORS = ("mean", "centered", "squared", "variance", "variance_eps", "inv_std", "normalized",
           "shortcut", "output")  # fmt: skip
"""The intermediate tensors of :meth:`ResNorm.forward`, in the order they are computed."""


@keras.utils.register_keras_serializable(package="tfasc")
class ResNorm(ElementwiseOps, keras.layers.Layer):
    """``y = lam·x + IN(x)``: instance normalization with a scaled shortcut.

    ``IN`` normalizes each frequency bin of each example to zero mean and unit variance over
    ``axis`` — by default (time, channels) of a ``(B, F, T, C)`` tensor. Per-frequency gains
    (what a microphone imprints on a log-mel spectrogram) are removed by ``IN``, while the
    shortcut ``lam·x`` keeps the absolute level the classifier may still need. The layer has
    no weights, so it behaves the same in training and inference.

    Int8 TFLite: MEAN, SUB/SQUARED_DIFFERENCE, RSQRT, MUL and ADD, all run by TFLite Micro.

    Args:
        lam: weight ``λ`` of the shortcut (0.1 in the paper's public re-implementations).
        epsilon: added to the variance before the square root.
        axis: axes the statistics are computed over, for inputs ``(B, F, T, C)``. The
            default ``(2, 3)`` gives per-example, per-frequency statistics (the paper's
            ResNorm); ``(1, 2)`` would give ordinary instance norm per channel.
        **kwargs: standard ``keras.layers.Layer`` arguments.

    Shapes:
        ``(B, F, T, C)`` in, the same shape out.

    Example:
        >>> x = keras.Input((256, 65, 1))
        >>> y = ResNorm()(x)  # (B, 256, 65, 1)
    """

    def __init__(self, lam: float = 0.1, epsilon: float = 1e-5, axis=(2, 3), **kwargs):
        super().__init__(**kwargs)
        self.lam = float(lam)
        self.epsilon = float(epsilon)
        self.axis = tuple(int(a) for a in axis)

    def build(self, input_shape):
        rank = len(input_shape)
        for a in self.axis:
            if a == 0 or a == -rank or not -rank <= a < rank:
                raise ValueError(
                    f"ResNorm axis {self.axis} must name non-batch axes of a rank-{rank} input"
                )
        super().build(input_shape)

    def call(self, inputs):
        return self.forward(inputs, lambda name, tensor: tensor)

    def forward(self, x, at, training=None):
        """ResNorm of ``x`` (B, F, T, C) with ``at(name, tensor)`` applied to every
        intermediate tensor as it is computed, in the order of :data:`TENSORS`: the
        identity in :meth:`call`, a fake quantizer in quantization-aware training.

        One line per op of the int8 model (MEAN, SUB, SQUARED_DIFFERENCE, MEAN, ADD, RSQRT,
        MUL, MUL, ADD). In int8, ``variance + ε`` (``variance_eps``) rounds ε away in bins of
        zero variance (common after a ReLU) and RSQRT gives its largest value there; the
        fake-quant form's :meth:`inverse_sqrt` does the same (a float rsqrt(0) is inf: NaN
        ranges and gradients). ``training`` is unused here (the layer is the same in
        training and inference).
        """
        mean = at("mean", self.mean_of(None, x, "mean"))  # (B, F, 1, 1)
        centered = at("centered", x - mean)
        squared = at("squared", self.squared_difference(x, mean, (None, "mean"), "squared"))
        variance = at("variance", self.mean_of("squared", squared, "variance"))
        shifted = at("variance_eps", self.add(variance, self.epsilon, ("variance", CONSTANT),
                                              "variance_eps"))  # fmt: skip
        inv_std = at("inv_std", self.inverse_sqrt(shifted, "inv_std", training))
        normalized = at("normalized", self.multiply(centered, inv_std, ("centered", "inv_std"),
                                                    "normalized"))  # fmt: skip
        shortcut = at("shortcut", self.multiply(x, self.lam, (None, CONSTANT), "shortcut"))
        return at("output", self.add(shortcut, normalized, ("shortcut", "normalized"),
                                     "output"))  # (B, F, T, C)  # fmt: skip

    def mean_of(self, source: str | None, x, name: str):
        """The mean of the intermediate tensor ``source`` (value ``x``; None: the layer's
        input) over ``axis``, that becomes tensor ``name`` (the fake-quant form computes it
        as the int8 MEAN does)."""
        return tf.reduce_mean(x, axis=self.axis, keepdims=True)

    def inverse_sqrt(self, x, name: str, training=None):
        """``1/sqrt(x)`` (RSQRT) into tensor ``name``."""
        return tf.math.rsqrt(x)

    def tensors(self) -> tuple:
        """The names :meth:`forward` gives its intermediate tensors."""
        return TENSORS

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"lam": self.lam, "epsilon": self.epsilon, "axis": list(self.axis)})
        return config
