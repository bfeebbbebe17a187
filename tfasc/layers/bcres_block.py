"""Broadcasted residual block (BC-ResBlock) of BC-ResNet.

Reference:
    Kim, Chang, Lee, Sung, "Broadcasted Residual Learning for Efficient Keyword Spotting",
    Interspeech 2021; official code github.com/Qualcomm-AI-research/bcresnet (``BCResBlock``).
"""

from __future__ import annotations

import numpy as np

from tfasc.keras import BN_DEFAULTS, keras, tf
from tfasc.layers.int8_ops import CONSTANT, LOGISTIC_GRID, ElementwiseOps
from tfasc.layers.subspectral_norm import SubSpectralNorm


class TemporalDepthwiseConv(keras.layers.Layer):
    """Depthwise (1, k) convolution over time with dilation, as one undilated convolution.

    TensorFlow runs a dilated depthwise conv as SPACE_TO_BATCH_ND → DEPTHWISE_CONV_2D →
    BATCH_TO_SPACE_ND, and the TFLite converter does not fuse that pattern back. This layer
    keeps ``k`` trainable taps per channel and convolves with the zero-stuffed kernel of width
    ``(k - 1)·dilation + 1`` ("same" padding), so the int8 model holds a single
    DEPTHWISE_CONV_2D (it multiplies the zeros too: ``2·dilation + 1`` taps instead of 3 on
    the ``(1, T)`` temporal map, a negligible cost). Outputs equal the dilated convolution's.

    Args:
        kernel_size: taps ``k`` over time (odd).
        dilation: spacing between taps.
        **kwargs: standard ``keras.layers.Layer`` arguments.

    Shapes:
        ``(B, F, T, C)`` in, the same shape out.
    """

    def __init__(self, kernel_size: int = 3, dilation: int = 1, **kwargs):
        super().__init__(**kwargs)
        self.kernel_size = int(kernel_size)
        self.dilation = int(dilation)
        if self.kernel_size % 2 != 1 or self.dilation < 1:
            raise ValueError("TemporalDepthwiseConv needs an odd kernel_size and dilation >= 1")

    def build(self, input_shape):
        channels = int(input_shape[-1])
        self.depthwise_kernel = self.add_weight(
            name="depthwise_kernel",
            shape=(1, self.kernel_size, channels, 1),
            initializer="glorot_uniform",
        )
        width = (self.kernel_size - 1) * self.dilation + 1
        placement = np.zeros((width, self.kernel_size), np.float32)  # tap k -> column k·d
        placement[np.arange(self.kernel_size) * self.dilation, np.arange(self.kernel_size)] = 1
        self._placement = tf.constant(placement)
        super().build(input_shape)

    def call(self, inputs):
        return self.convolve(inputs, self.depthwise_kernel)

    def convolve(self, inputs, taps):
        """The convolution with ``taps`` ``(1, k, C, 1)`` in place of the layer's own."""
        kernel = tf.einsum("wk,hkcm->hwcm", self._placement, taps)
        return tf.nn.depthwise_conv2d(inputs, kernel, (1, 1, 1, 1), "SAME")  # (B, F, T, C)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_prunable_weights(self):
        """The ``k`` taps per channel (tfmot's ``PrunableLayer`` protocol)."""
        return [self.depthwise_kernel]

    def get_config(self):
        config = super().get_config()
        config.update({"kernel_size": self.kernel_size, "dilation": self.dilation})
        return config


TENSORS = ("transition", "freq_conv", "freq_norm_mul", "freq_norm", "temporal_conv", "silu",
           "pointwise_conv", "sum", "output")  # fmt: skip
"""The intermediate tensors of :meth:`BCResBlock.forward`, in the order they are computed."""


@keras.utils.register_keras_serializable(package="tfasc")
class BCResBlock(ElementwiseOps, keras.layers.Layer):
    """BC-ResBlock: a 2-D frequency branch plus a 1-D temporal branch broadcast over frequency.

    Frequency branch ``f2`` (2-D): a transition 1×1 conv + BN + ReLU when the channel count
    changes, then a depthwise (3, 1) conv over frequency (``stride`` in frequency) and
    SubSpectralNorm. Temporal branch ``f1`` (1-D): the ``f2`` output averaged over
    frequency, a depthwise (1, 3) conv over time with ``dilation``, BN, SiLU, a 1×1 conv and
    spatial (channel) dropout. Output: ``ReLU(f1 + f2 [+ x])`` with ``f1`` broadcast over
    frequency; the identity shortcut ``x`` exists only in normal blocks (same channels).
    All convolutions are bias-free, as in the official code.

    Whether the block is a transition block is decided from the input channels when the
    block is built (``C_in != filters``), like the official ``in_plane != out_plane``.

    TFLite Micro int8 ops: CONV_2D, DEPTHWISE_CONV_2D, MUL/ADD (SubSpectralNorm),
    AVERAGE_POOL_2D (the frequency average: a ``(F, 1)`` average pool, cheaper than MEAN
    and equal to it), LOGISTIC + MUL (SiLU), broadcasting ADD and RELU, plus STRIDED_SLICE
    in strided blocks: TensorFlow's CPU depthwise kernel rejects unequal strides, so the
    frequency stride is a stride-1 conv followed by keeping every ``stride``-th bin — which
    is exactly PyTorch's ``padding=1, stride=2`` (bins centred at 0, 2, 4, ...).

    Args:
        filters: output channels ``C``.
        stride: stride of the frequency depthwise conv (2 in the first block of BC-ResNet
            stages 2 and 3).
        dilation: dilation of the temporal depthwise conv (``2**stage`` in BC-ResNet).
        sub_bands: SubSpectralNorm sub-bands.
        dropout: spatial dropout rate of the temporal branch.
        **kwargs: standard ``keras.layers.Layer`` arguments.

    Shapes:
        ``(B, F, T, C_in)`` in, ``(B, ceil(F / stride), T, filters)`` out.

    Example:
        >>> x = keras.Input((20, 101, 16))
        >>> y = BCResBlock(8)(x)  # transition block: (B, 20, 101, 8)
        >>> y = BCResBlock(8, dilation=2)(y)  # normal block with identity shortcut
    """

    def __init__(
        self,
        filters: int,
        stride: int = 1,
        dilation: int = 1,
        sub_bands: int = 5,
        dropout: float = 0.1,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.filters = int(filters)
        self.stride = int(stride)
        self.dilation = int(dilation)
        self.sub_bands = int(sub_bands)
        self.dropout = float(dropout)

        # f2: optional transition, frequency depthwise conv, SubSpectralNorm.
        self.transition_conv = keras.layers.Conv2D(
            self.filters, 1, use_bias=False, name="transition_conv"
        )
        self.transition_bn = keras.layers.BatchNormalization(name="transition_bn", **BN_DEFAULTS)
        self.freq_conv = keras.layers.DepthwiseConv2D(
            (3, 1), padding="same", use_bias=False, name="freq_conv"
        )
        self.freq_norm = SubSpectralNorm(self.sub_bands, name="freq_norm")
        # f1: temporal depthwise conv, BN, SiLU, 1x1 conv, spatial dropout.
        self.temporal_conv = TemporalDepthwiseConv(3, self.dilation, name="temporal_conv")
        self.temporal_bn = keras.layers.BatchNormalization(name="temporal_bn", **BN_DEFAULTS)
        self.pointwise_conv = keras.layers.Conv2D(
            self.filters, 1, use_bias=False, name="pointwise_conv"
        )
        self.channel_dropout = keras.layers.SpatialDropout2D(self.dropout, name="channel_dropout")

    def build(self, input_shape):
        self.transition = int(input_shape[-1]) != self.filters
        if not self.transition and self.stride != 1:
            raise ValueError(
                "a normal BCResBlock (input channels == filters) has an identity shortcut and "
                f"cannot use stride {self.stride}; change the channel count to make it a "
                "transition block"
            )
        num_freqs = None if input_shape[1] is None else -(-int(input_shape[1]) // self.stride)
        # built here: forward uses its affine constants, not its call
        self.freq_norm.build(tf.TensorShape([None, num_freqs, input_shape[2], self.filters]))
        super().build(input_shape)

    def call(self, inputs, training=None):
        return self.forward(inputs, lambda name, tensor: tensor, training)

    def forward(self, inputs, at, training=None):
        """The block on ``inputs`` with ``at(name, tensor)`` applied to every intermediate
        tensor the int8 model has (in the order of :data:`TENSORS`; ``transition`` in
        transition blocks only, ``sum`` in normal blocks only): the identity in
        :meth:`call`, a fake quantizer in quantization-aware training. Each is the output of
        one int8 op (batch norms and ReLUs fused into the op before them). Not named: the
        ops whose int8 output scale is fixed by their input or by TFLite (the frequency
        average pool keeps its input's scale, LOGISTIC outputs steps of 1/256), which a
        range of their own would only requantize. SubSpectralNorm is its two int8 ops: a MUL
        by its per-bin scale (``freq_norm_mul``) and an ADD of its offset
        (:meth:`SubSpectralNorm.affine`). The convolutions are :meth:`convolve`, the MULs and
        ADDs the :class:`~tfasc.layers.int8_ops.ElementwiseOps` hooks.
        """
        x, source = inputs, None  # (B, F, T, C_in); None: the block's input
        if self.transition:
            x = self.convolve(self.transition_conv, self.transition_bn, x, source, "transition",
                              training)  # (B, F, T, C)  # fmt: skip
            x, source = at("transition", tf.nn.relu(x)), "transition"
        x = at("freq_conv", self.convolve(self.freq_conv, None, x, source, "freq_conv", training))
        if self.stride > 1:
            x = x[:, :: self.stride]  # (B, F', T, C), F' = ceil(F / stride)
        scale, offset = self.freq_norm.affine(x, training)  # SubSpectralNorm: MUL, ADD
        x = at("freq_norm_mul", self.multiply(x, scale, ("freq_conv", CONSTANT), "freq_norm_mul"))
        freq_branch = at("freq_norm", self.add(x, offset, ("freq_norm_mul", CONSTANT), "freq_norm"))

        x = self.frequency_pool(freq_branch)  # (B, 1, T, C)
        x = self.convolve(self.temporal_conv, self.temporal_bn, x, "freq_norm", "temporal_conv",
                          training)  # fmt: skip
        x = at("temporal_conv", x)
        sources = ("temporal_conv", LOGISTIC_GRID)
        x = at("silu", self.multiply(x, self.gate(x), sources, "silu"))  # LOGISTIC + MUL
        x = at("pointwise_conv", self.convolve(self.pointwise_conv, None, x, "silu",
                                               "pointwise_conv", training))  # fmt: skip
        x = self.channel_dropout(x, training=training)  # (B, 1, T, C)

        # broadcast over frequency: (B, F', T, C); in transition blocks the output ADD
        total = "output" if self.transition else "sum"
        x = self.add(x, freq_branch, ("pointwise_conv", "freq_norm"), total)
        if not self.transition:
            x = self.add(at("sum", x), inputs, ("sum", None), "output")
        return at("output", tf.nn.relu(x))

    def frequency_pool(self, x):
        """The average over frequency of the SubSpectralNorm output ``x`` (AVERAGE_POOL_2D)."""
        num_freqs = x.shape[1]
        return tf.nn.avg_pool2d(x, (num_freqs, 1), (num_freqs, 1), "VALID")

    def convolve(self, conv, norm, x, source, name, training=None):
        """``norm(conv(x))``: one int8 convolution of ``x`` (from tensor ``source``, None for
        the block's input) into tensor ``name``, the batch norm (or None) folded into it by
        the converter (the fake-quant form computes it as the int8 kernel does)."""
        y = conv(x)
        return y if norm is None else norm(y, training=training)

    def gate(self, x):
        """The sigmoid of SiLU's ``x·sigmoid(x)`` (LOGISTIC)."""
        return tf.sigmoid(x)

    def tensors(self) -> tuple:
        """The names :meth:`forward` gives its intermediate tensors (a built block)."""
        absent = "sum" if self.transition else "transition"
        return tuple(name for name in TENSORS if name != absent)

    def compute_output_shape(self, input_shape):
        num_freqs = input_shape[1]
        if num_freqs is not None:
            num_freqs = -(-num_freqs // self.stride)
        return tf.TensorShape([input_shape[0], num_freqs, input_shape[2], self.filters])

    def get_prunable_weights(self):
        """Every convolution kernel of the block (tfmot's ``PrunableLayer`` protocol): the
        transition 1×1 (transition blocks), both depthwise kernels and the 1×1 of the temporal
        branch. Norm parameters stay dense. Call it on a built block."""
        kernels = [self.transition_conv.kernel] if self.transition else []
        return kernels + [
            self.freq_conv.depthwise_kernel,
            self.temporal_conv.depthwise_kernel,
            self.pointwise_conv.kernel,
        ]

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "filters": self.filters,
                "stride": self.stride,
                "dilation": self.dilation,
                "sub_bands": self.sub_bands,
                "dropout": self.dropout,
            }
        )
        return config
