"""A depthwise convolution with unequal strides that trains fast on CPU and exports as before.

TensorFlow's depthwise kernels only take equal row and column strides, so a depthwise
convolution with strides (2, 1) or (1, 2), as the DCASE2024 baseline has, is a grouped
``Conv2D`` (``groups == channels``, kernel ``(kh, kw, 1, C)``). TensorFlow's CPU gradient of a
grouped convolution is slow (it was the largest single cost of a DCASE2024-baseline training
step, see ``benchmarks/train_speed.py``). In training, this layer computes the same
convolution as a stride-1 depthwise convolution of the same kernel followed by taking every
``s``-th row and column at the offset that reproduces the strided window positions of the
padding mode: identical outputs (up to float rounding), a cheap gradient. Outside training
(evaluation, export) it is exactly the grouped ``Conv2D``, so the converted model, its
``CONV_2D`` op and its complexity figures do not change.
"""

from __future__ import annotations

from tfasc.keras import keras, tf


def window_offset(size, kernel: int, stride: int, padding: str):
    """Index of the first strided window's centre in the stride-1 output of the same padding.

    ``same``: TensorFlow pads ``max((out - 1)·s + k - n, 0)`` in total with the smaller half
    first, a stride-1 convolution pads ``(k - 1) // 2`` first; ``valid``: both start at 0.
    ``size`` is an int or, for a dimension unknown until run time, a scalar tensor.
    """
    if padding == "valid":
        return 0
    out = -(-size // stride)
    total = (out - 1) * stride + kernel - size
    total = max(total, 0) if isinstance(total, int) else tf.maximum(total, 0)
    return (kernel - 1) // 2 - total // 2


@keras.utils.register_keras_serializable(package="tfasc")
class StridedDepthwiseConv2D(keras.layers.Conv2D):
    """Grouped ``Conv2D`` with one filter per channel, trained as a stride-1 depthwise
    convolution and subsampled (see the module docstring); arguments as ``Conv2D`` with
    ``filters == groups == input channels``. Odd kernel sizes and no dilation."""

    def build(self, input_shape):
        super().build(input_shape)
        if self.groups != self.filters or int(input_shape[-1]) != self.filters:
            raise ValueError(f"{self.name}: needs filters == groups == input channels")
        if any(k % 2 == 0 for k in self.kernel_size) or self.dilation_rate != (1, 1):
            raise ValueError(f"{self.name}: needs an odd kernel size and no dilation")

    def call(self, inputs, training=None):
        if not training:
            return super().call(inputs)
        kernel = tf.transpose(self.kernel, [0, 1, 3, 2])  # (kh, kw, C, 1)
        full = tf.nn.depthwise_conv2d(inputs, kernel, [1, 1, 1, 1], self.padding.upper())
        rows, cols = (
            static if static is not None else tf.shape(inputs)[axis]
            for axis, static in ((1, inputs.shape[1]), (2, inputs.shape[2]))
        )
        (sh, sw), (kh, kw) = self.strides, self.kernel_size
        top = window_offset(rows, kh, sh, self.padding)
        left = window_offset(cols, kw, sw, self.padding)
        y = full[:, top::sh, left::sw]  # exactly the strided windows, to the end
        if self.use_bias:
            y = tf.nn.bias_add(y, self.bias)
        return self.activation(y) if self.activation is not None else y


def as_grouped_conv2d(layer: keras.layers.Layer) -> keras.layers.Layer:
    """A built ``StridedDepthwiseConv2D`` as the plain grouped ``Conv2D`` it equals (same
    config and weights), for tools that know only Keras's own layers (tfmot's pruning and
    quantization registries); any other layer unchanged."""
    if not isinstance(layer, StridedDepthwiseConv2D):
        return layer
    plain = keras.layers.Conv2D.from_config(layer.get_config())
    plain.build((None, None, None, layer.filters))  # input channels == filters
    plain.set_weights(layer.get_weights())
    return plain


def grouped_form(model: keras.Model) -> keras.Model:
    """``model`` with every top-level ``StridedDepthwiseConv2D`` as a grouped ``Conv2D``
    (the same function); ``model`` itself when it has none."""
    if not any(isinstance(layer, StridedDepthwiseConv2D) for layer in model.layers):
        return model
    return keras.models.clone_model(model, clone_function=as_grouped_conv2d)
