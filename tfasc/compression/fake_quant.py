"""Custom layers with every intermediate tensor fake-quantized, for quantization-aware training.

tfmot fake-quantizes the inputs, weights and outputs of a layer, never the tensors inside
it. ResNorm's int8 model is nine ops (MEAN, SUB, SQUARED_DIFFERENCE, MEAN, ADD, RSQRT, MUL,
MUL, ADD) and a BC-ResBlock's up to ten, each with its own int8 output; with only the layer
outputs fake-quantized, QAT trains a model that computes those tensors in float while the
int8 model rounds every one of them — measured (README "ResNorm and BC-ResNet in int8"):
the largest loss of ``bcresnet_mod_budget`` is a BC-ResBlock's frequency depthwise output,
and ResNorm's squares, neither of them a layer output. :class:`QuantizedResNorm` and
:class:`QuantizedBCResBlock` run their layer's ``forward`` with a tfmot
``MovingAverageQuantizer`` (8 bits, asymmetric, the EMA of the batch min / max, as tfmot's
own activation quantizers) on each tensor of its ``TENSORS``, the output included, so QAT
sees the rounding the int8 model has and the converter takes every range from QAT instead
of from calibration (no float islands, no calibrated tensor the training never saw).

A float op followed by a fake quantization is the correctly rounded int8 result; the int8
kernels round otherwise (most through ``MultiplyByQuantizedMultiplier``'s two roundings), and
the layers compute their ops as the kernels do (:attr:`FakeQuantTensors.emulate_int8`,
straight-through gradients, off while converting: :func:`without_emulation`): every MUL,
ADD and SQUARED_DIFFERENCE of the layers' :class:`~tfasc.layers.int8_ops.ElementwiseOps`
(:func:`int8_mul`, :func:`int8_add`, :func:`int8_squared_difference`; constants such as
SubSpectralNorm's scale and offset on the converter's grid, :func:`int8_constant`),
ResNorm's MEANs (:func:`int8_mean`), the BC-ResBlock's frequency average pool, temporal
depthwise taps and SiLU's sigmoid. Ops on a layer's input need the grid of that input,
which :func:`tfasc.compression.qat.link_input_ranges` links. Bit-exact with TFLM on all
input pairs (tests); measured with :func:`tfasc.compression.int8_error.qat_mismatch` (README
"Where the int8 model leaves its own QAT model"). The BC-ResBlocks' convolutions
(:func:`int8_convolution`, in inference), :class:`QuantizedConv2D` and
:class:`QuantizedAveragePooling2D` complete BC-ResNet-Mod. What stays a float op followed by
a fake quantization: SUB and RSQRT (their int8 kernels measured correctly rounded on these
grids) and the layers tfmot wraps itself (a Conv2D or DepthwiseConv2D with a batch norm
after it, Dense). ``_quantize_multiplier`` and ``_multiply_by_quantized_multiplier`` are
the tensor forms of :mod:`tfasc.aot.quantization`'s, which the AOT firmware is bit-exact
with.

:func:`tfasc.compression.qat.quantize` puts them in place of every ``ResNorm`` and
``BCResBlock``; :func:`tfasc.compression.qat.init_ranges` starts their ranges at the float
layer's tensors (:func:`intermediates`).
"""

from __future__ import annotations

import contextlib

import numpy as np

from tfasc.keras import keras, tf
from tfasc.layers import BCResBlock, ResNorm
from tfasc.layers.bcres_block import TemporalDepthwiseConv
from tfasc.layers.int8_ops import CONSTANT


def _quantizer():
    import tensorflow_model_optimization as tfmot

    return tfmot.quantization.keras.quantizers.MovingAverageQuantizer(
        num_bits=8, per_axis=False, symmetric=False, narrow_range=False
    )


def _round_half_away(x):
    return tf.sign(x) * tf.floor(tf.abs(x) + 0.5)


def int8_grid(ranges) -> tuple:
    """``(scale, int8 zero point)`` of a fake-quantization range (``min_var`` / ``max_var``),
    nudged as ``tf.quantization.fake_quant_with_min_max_vars`` nudges it (and the converter
    quantizes the tensor): float32 scale, zero point rounded half away from zero."""
    low = tf.minimum(ranges["min_var"], 0.0)
    high = tf.maximum(ranges["max_var"], 0.0)
    scale = (high - low) / 255.0
    zero_point = _round_half_away(tf.clip_by_value(-low / scale, 0.0, 255.0))
    return scale, tf.cast(zero_point, tf.int64) - 128


def _quantize_multiplier(real):
    """TFLite's ``QuantizeMultiplier`` on a float64 tensor: ``(multiplier, shift)`` int64,
    ``real = multiplier · 2^(shift - 31)``."""
    two = tf.constant(2.0, tf.float64)
    shift = tf.floor(tf.math.log(real) / tf.math.log(two)) + 1.0
    fraction = real / tf.pow(two, shift)  # in [0.5, 1) up to the rounding of the log
    shift += tf.cast(fraction >= 1.0, tf.float64) - tf.cast(fraction < 0.5, tf.float64)
    fraction = real / tf.pow(two, shift)
    multiplier = tf.cast(tf.floor(fraction * 2.0**31 + 0.5), tf.int64)
    full = tf.equal(multiplier, 1 << 31)
    return tf.where(full, multiplier // 2, multiplier), tf.cast(shift, tf.int64) + tf.cast(
        full, tf.int64
    )


def _multiply_by_quantized_multiplier(x, multiplier, shift):
    """TFLite's ``MultiplyByQuantizedMultiplier`` (double rounding) on int64 tensors."""
    x = x * tf.bitwise.left_shift(tf.constant(1, tf.int64), tf.maximum(shift, 0))
    product = x * multiplier
    nudge = tf.where(product >= 0, tf.constant(1 << 30, tf.int64), 1 - (1 << 30))
    high = tf.truncatediv(product + nudge, tf.constant(1 << 31, tf.int64))
    right = tf.maximum(-shift, 0)
    mask = tf.bitwise.left_shift(tf.constant(1, tf.int64), right) - 1
    remainder = tf.bitwise.bitwise_and(high, mask)
    threshold = tf.bitwise.right_shift(mask, 1) + tf.cast(high < 0, tf.int64)
    return tf.bitwise.right_shift(high, right) + tf.cast(remainder > threshold, tf.int64)


def _steps(x, ranges):
    """``x`` on the grid of ``ranges`` as int64 steps from the zero point, and the scale."""
    scale, _ = int8_grid(ranges)
    return tf.cast(tf.round(x / scale), tf.int64), scale


def _f64(x):
    return tf.cast(x, tf.float64)


def _requantized(raw, real, ranges):
    """``raw`` int64 rescaled by ``real`` (``MultiplyByQuantizedMultiplier``) onto the grid
    of ``ranges``, as a float tensor. Not clipped: the fake quantization that follows clips,
    after its moving range has seen the value (a clipped value could never widen it)."""
    scale, _ = int8_grid(ranges)
    multiplier, shift = _quantize_multiplier(real)
    return tf.cast(_multiply_by_quantized_multiplier(raw, multiplier, shift), tf.float32) * scale


def int8_mean(x, axis, source_ranges, ranges):
    """What the int8 MEAN kernel gives for the mean of ``x`` over ``axis`` (kept), with
    ``x`` on the grid of ``source_ranges`` and the output on that of ``ranges``.

    TFLM's ``QuantizedMeanOrSum`` sums the int8 inputs, then applies ``MultiplyByQuantized
    Multiplier`` with the count folded into the multiplier (``fold = log2(count)`` bits,
    :func:`tfasc.aot.ops.reduce.mean_multiplier`): its two roundings put a result off the
    correctly rounded one by one step in up to a quarter of the outputs (one bit of right
    shift left; measured 14–25 % on ResNorm's variance), which a float mean followed by a
    fake quantization does not show and RSQRT then amplifies.
    """
    steps, s_in = _steps(x, source_ranges)
    s_out, _ = int8_grid(ranges)
    count = tf.cast(tf.reduce_prod(tf.gather(tf.shape(x), list(axis))), tf.int64)
    total = tf.reduce_sum(steps, axis=axis, keepdims=True)
    multiplier, shift = _quantize_multiplier(_f64(s_in) / _f64(s_out))
    bits = tf.cast(tf.math.log(tf.cast(count, tf.float64)) / np.log(2.0) + 1e-9, tf.int64)
    fold = tf.minimum(tf.minimum(bits, 32), 31 + shift)
    multiplier = tf.bitwise.left_shift(multiplier, fold) // count
    q = _multiply_by_quantized_multiplier(total, multiplier, shift - fold)
    return tf.cast(q, tf.float32) * s_out  # unclipped, as _requantized


def int8_mul(x, y, x_ranges, y_ranges, ranges):
    """What the int8 MUL kernel gives for ``x·y`` (inputs on the grids of ``x_ranges`` and
    ``y_ranges``, output on that of ``ranges``): the product of the steps rescaled by
    ``MultiplyByQuantizedMultiplier`` (``mul_common.cc``), whose two roundings put ~1 % of
    the outputs one step off the correctly rounded product (measured on ResNorm's
    ``centered·inv_std``: products within ~1/128 step of a half step)."""
    steps_x, s_x = _steps(x, x_ranges)
    steps_y, s_y = _steps(y, y_ranges)
    s_out, _ = int8_grid(ranges)
    return _requantized(steps_x * steps_y, _f64(s_x) * _f64(s_y) / _f64(s_out), ranges)


def _rescaled_pair(x, y, x_ranges, y_ranges, left_shift):
    """Both inputs of ADD / SUB / SQUARED_DIFFERENCE as TFLM rescales them to a common
    scale: steps shifted left by ``left_shift``, then multiplied by ``scale / (2·largest
    input scale)`` (``MultiplyByQuantizedMultiplierSmallerThanOneExp``). Returns
    ``(x, y, 2·largest scale)``."""
    (steps_x, s_x), (steps_y, s_y) = _steps(x, x_ranges), _steps(y, y_ranges)
    twice_max = 2.0 * tf.maximum(_f64(s_x), _f64(s_y))

    def rescaled(steps, scale):
        multiplier, shift = _quantize_multiplier(_f64(scale) / twice_max)
        return _multiply_by_quantized_multiplier(steps * (1 << left_shift), multiplier, shift)

    return rescaled(steps_x, s_x), rescaled(steps_y, s_y), twice_max


def int8_add(x, y, x_ranges, y_ranges, ranges):
    """What the int8 ADD kernel gives for ``x + y`` (``add_common.cc``: left shift 20, the
    multipliers in double, :data:`tfasc.aot.ops.binary.RESCALINGS`)."""
    a, b, twice_max = _rescaled_pair(x, y, x_ranges, y_ranges, 20)
    s_out, _ = int8_grid(ranges)
    return _requantized(a + b, twice_max / (float(1 << 20) * _f64(s_out)), ranges)


def int8_squared_difference(x, y, x_ranges, y_ranges, ranges):
    """What the int8 SQUARED_DIFFERENCE kernel gives for ``(x - y)²``.

    TFLM's ``squared_difference.cc`` shifts both inputs left by only 7 bits before it
    rescales them to a common scale (the difference carries ~8 bits below one input step),
    squares the difference and rescales it to the output: up to one output step off the
    correctly rounded square (measured: 0.6 % of ResNorm's squares), which the variance's
    MEAN and RSQRT then carry on. The output denominator ``(1 << 14)·scale`` is float32, as
    TFLM computes it (:mod:`tfasc.aot.ops.binary`).
    """
    a, b, twice_max = _rescaled_pair(x, y, x_ranges, y_ranges, 7)
    s_out, _ = int8_grid(ranges)
    denominator = _f64(tf.constant(1 << 14, tf.float32) * s_out)
    return _requantized((a - b) * (a - b), twice_max * twice_max / denominator, ranges)


def int8_convolution(x, kernel, axis, convolution, scale, offset, x_ranges, ranges):
    """What an int8 CONV_2D or DEPTHWISE_CONV_2D gives for ``convolution(x, kernel)·scale +
    offset`` (a batch norm the converter folds in; ``scale`` and ``offset`` per output
    channel, on the kernel's ``axis``: 3 for a convolution's ``(kh, kw, C_in, C_out)``, 2 for
    a depthwise ``(kh, kw, C, 1)``), with ``x`` on the grid of ``x_ranges`` and the output on
    that of ``ranges``.

    As the converter and TFLM compute it: the folded kernel quantized per output channel
    (symmetric, 127 steps, rounded half away from zero), the folded bias in int32 steps of
    ``input scale · weight scale``, the int32 sum of products (computed here on integer
    values in float32, exact below 2^24), and ``MultiplyByQuantizedMultiplier`` per channel
    with ``input scale · weight scale / output scale`` (double): its two roundings put a few
    tenths of a percent of the outputs one step off a float convolution rounded onto the
    grid, and every later op fans them in.
    """
    shape = [1, 1, 1, 1]
    shape[axis] = -1
    folded = kernel * tf.reshape(scale, shape)
    s_w = tf.reduce_max(tf.abs(folded), axis=[a for a in range(4) if a != axis]) / 127.0
    s_w = tf.where(s_w > 0, s_w, 1.0)  # (C_out,)
    weights = _round_half_away(folded / tf.reshape(s_w, shape))
    steps, s_x = _steps(x, x_ranges)
    total = tf.cast(convolution(tf.cast(steps, tf.float32), weights), tf.int64)
    bias = tf.cast(_round_half_away(offset / (s_x * s_w)), tf.int64)
    s_out, _ = int8_grid(ranges)
    return _requantized(total + bias, _f64(s_x) * _f64(s_w) / _f64(s_out), ranges)


def int8_average(x, ranges, axis=(1,)):
    """AVERAGE_POOL_2D over all of ``axis`` (kept) as the int8 kernel computes it, for ``x``
    on the grid of ``ranges``: the mean of the raw int8 values (zero point included),
    rounded half away from zero, on the same grid."""
    steps, scale = _steps(x, ranges)
    _, zero_point = int8_grid(ranges)
    zero_point = tf.cast(zero_point, tf.float32)
    total = tf.reduce_sum(tf.cast(steps, tf.float32) + zero_point, axis=axis, keepdims=True)
    count = float(np.prod([x.shape[a] for a in axis]))
    return (_round_half_away(total / count) - zero_point) * scale


def constant_grid(values) -> dict:
    """The grid the converter quantizes a constant operand of an int8 MUL or ADD on: one
    asymmetric 8-bit range over ``[min(0, min), max(0, max)]`` of its values (measured on
    SubSpectralNorm's constants)."""
    return {"min_var": tf.stop_gradient(tf.minimum(tf.reduce_min(values), 0.0)),
            "max_var": tf.stop_gradient(tf.maximum(tf.reduce_max(values), 0.0))}  # fmt: skip


def int8_constant(values):
    """``values`` on their :func:`constant_grid`, as the int8 model holds them
    (straight-through gradient)."""
    grid = constant_grid(values)
    return tf.quantization.fake_quant_with_min_max_vars(
        values, grid["min_var"], grid["max_var"], num_bits=8
    )


def per_channel_kernel(kernel):
    """``kernel`` ``(..., C, 1)`` as the converter quantizes a depthwise kernel: per output
    channel, symmetric, 127 steps each side, rounded half away from zero (straight-through
    gradient)."""
    step = tf.reduce_max(tf.abs(kernel), axis=(0, 1), keepdims=True) / 127.0
    step = tf.where(step > 0, step, 1.0)
    quantized = _round_half_away(kernel / step) * step
    return kernel + tf.stop_gradient(quantized - kernel)


@contextlib.contextmanager
def without_emulation(model):
    """Within the block, the fake-quant layers of ``model`` compute their plain float ops
    (:attr:`FakeQuantTensors.emulate_int8` off): for the converter, which must see one MEAN,
    AVERAGE_POOL_2D or depthwise kernel, not their int8 emulation (``qat.export_int8``), or
    to train or evaluate a QAT model without the emulation."""
    layers = [getattr(w, "layer", w) for w in model.layers]
    layers = [layer for layer in layers if isinstance(layer, FakeQuantTensors)]
    for layer in layers:
        layer.emulate_int8 = False
    try:
        yield
    finally:
        for layer in layers:
            layer.emulate_int8 = True


def intermediates(layer, inputs) -> dict:
    """``{name: tensor}`` of the intermediate tensors of a ``ResNorm`` or ``BCResBlock`` on
    ``inputs``, in inference (float); a layer of one int8 op (``Conv2D``): its output."""
    if not hasattr(layer, "forward"):
        return {"output": layer(inputs, training=False)}
    tensors = {}
    layer.forward(inputs, lambda name, tensor: tensors.setdefault(name, tensor), training=False)
    return tensors


class FakeQuantTensors:
    """Mixin: one range (``<tensor>_min`` / ``<tensor>_max``, non-trainable) per tensor the
    layer's ``forward`` names, and a ``call`` that fake-quantizes each of them."""

    def build(self, input_shape):
        super().build(input_shape)
        self._quantizer = _quantizer()
        self._ranges = {name: self._quantizer.build(None, name, self) for name in self.tensors()}

    def call(self, inputs, training=None):
        from tensorflow_model_optimization.python.core.keras import utils

        if training is None:
            training = keras.backend.learning_phase()

        def fake_quantize(name, tensor):
            ranges = self._ranges[name]
            quantized = utils.smart_cond(
                training,
                lambda: self._quantizer(tensor, True, weights=ranges),
                lambda: self._quantizer(tensor, False, weights=ranges),
            )
            if self._recorded is not None:
                self._recorded[name] = quantized
            return quantized

        return self.forward(inputs, fake_quantize, training=training)

    _recorded = None

    def quantized_intermediates(self, wrapper, inputs) -> dict:
        """``{name: tensor}`` of the fake-quantized intermediate tensors in inference, from
        one eager call of ``wrapper`` (the tfmot wrapper of this layer, which fake-quantizes
        the kernels first) on ``inputs``."""
        self._recorded = {}
        try:
            wrapper(inputs, training=False)
            return {name: tensor.numpy() for name, tensor in self._recorded.items()}
        finally:
            self._recorded = None

    emulate_int8 = True
    """Compute the ops whose int8 rounding a fake quantization of their output does not
    reproduce as the int8 kernels do (:func:`int8_mean`, and per layer); off while the
    model is converted (:func:`without_emulation`)."""

    input_ranges = None
    """The range (``min_var`` / ``max_var``) of the tensor the layer reads — another layer's
    output quantizer, linked by :func:`tfasc.compression.qat.link_input_ranges` (not saved
    with the model) — for the ops on the layer's input; None: those compute in float."""

    def _grid(self, source, value) -> tuple:
        """``(value on the int8 grid, its ranges or None)`` of an operand from ``source``
        (:mod:`tfasc.layers.int8_ops`): a constant is quantized here; the layer's input
        has a grid once linked (:attr:`input_ranges`)."""
        if source is None:
            return value, self.input_ranges
        if isinstance(source, dict):
            return value, source
        if source == CONSTANT:
            value = tf.convert_to_tensor(value, tf.float32)
            return int8_constant(value), constant_grid(value)
        return value, self._ranges[source]

    def _emulated(self, float_op, kernel, x, y, sources, name):
        """``float_op(x, y)``, with the value of ``kernel`` (an ``int8_*`` function of the
        operands on their grids) where every grid is known."""
        result = float_op(x, y)
        if not self.emulate_int8:
            return result
        (x, x_ranges), (y, y_ranges) = self._grid(sources[0], x), self._grid(sources[1], y)
        if x_ranges is None or y_ranges is None:  # constants quantized, the op in float
            exact = float_op(x, y)
        else:
            exact = kernel(x, y, x_ranges, y_ranges, self._ranges[name])
        return result + tf.stop_gradient(exact - result)  # straight through

    def multiply(self, x, y, sources, name):
        return self._emulated(tf.multiply, int8_mul, x, y, sources, name)

    def add(self, x, y, sources, name):
        return self._emulated(tf.add, int8_add, x, y, sources, name)

    def squared_difference(self, x, y, sources, name):
        return self._emulated(
            tf.math.squared_difference, int8_squared_difference, x, y, sources, name
        )

    def mean_of(self, source, x, name):
        mean = super().mean_of(source, x, name)
        _, source_ranges = self._grid(source, x)
        if not self.emulate_int8 or source_ranges is None:
            return mean
        exact = int8_mean(x, self.axis, source_ranges, self._ranges[name])
        return mean + tf.stop_gradient(exact - mean)  # straight through

    def range_variables(self) -> dict:
        """``{tensor name: (min variable, max variable)}``."""
        return {name: (r["min_var"], r["max_var"]) for name, r in self._ranges.items()}


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedResNorm(FakeQuantTensors, ResNorm):
    """:class:`ResNorm` whose intermediate tensors are fake-quantized to 8 bits (same
    arguments and function)."""

    def inverse_sqrt(self, x, name, training=None):
        """As the int8 RSQRT (correctly rounded on its input's grid, measured against TFLM):
        a zero input (ε rounded away) gives the output grid's largest value, not inf —
        also when training without the emulation; the converter sees the plain op."""
        from tensorflow_model_optimization.python.core.keras import utils

        def saturated():  # finite values and gradients
            largest = self._ranges[name]["max_var"]
            return tf.where(x > 0, tf.math.rsqrt(tf.maximum(x, 1e-12)), largest)

        if self.emulate_int8:
            return saturated()
        plain = super().inverse_sqrt(x, name, training)
        return utils.smart_cond(training, saturated, lambda: plain)


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedBCResBlock(FakeQuantTensors, BCResBlock):
    """:class:`BCResBlock` whose intermediate tensors are fake-quantized to 8 bits (same
    arguments and function; its kernels are fake-quantized by its tfmot QuantizeConfig).

    Also as the int8 model computes them (unless :attr:`emulate_int8` is off, for the
    converter): the frequency average pool rounded onto its input's grid
    (:func:`int8_average`), the temporal depthwise taps quantized per channel
    (:func:`per_channel_kernel`; the converter folds the batch norm into them and
    quantizes the folded kernel per channel, which rounds the taps alike) and SiLU's
    sigmoid on LOGISTIC's fixed int8 grid (steps of 1/256); its MULs and ADDs as every
    fake-quant layer's (:class:`FakeQuantTensors`).
    """

    def convolve(self, conv, norm, x, source, name, training=None):
        from tensorflow_model_optimization.python.core.keras import utils

        if not self.emulate_int8 or not conv.built:  # unbuilt: the first, symbolic call
            return super().convolve(conv, norm, x, source, name, training)
        kernel, axis, convolution = _kernel_and_convolution(conv)
        if isinstance(conv, TemporalDepthwiseConv):  # taps as the folded kernel's, in training too
            y = convolution(x, per_channel_kernel(kernel))
            result = y if norm is None else norm(y, training=training)
        else:
            result = super().convolve(conv, norm, x, source, name, training)
        _, x_ranges = self._grid(source, x)
        if x_ranges is None:
            return result

        def exact():  # inference only: in training the batch norm uses batch statistics
            scale, offset = _folded_norm(norm, kernel.shape[axis])
            value = int8_convolution(x, kernel, axis, convolution, scale, offset, x_ranges,
                                     self._ranges[name])  # fmt: skip
            return result + tf.stop_gradient(value - result)

        return utils.smart_cond(training, lambda: result, exact)

    def frequency_pool(self, x):
        pooled = super().frequency_pool(x)
        if not self.emulate_int8:
            return pooled
        return pooled + tf.stop_gradient(int8_average(x, self._ranges["freq_norm"]) - pooled)

    def gate(self, x):
        sigmoid = super().gate(x)
        if not self.emulate_int8:
            return sigmoid
        # int8 LOGISTIC: output steps of 1/256 from zero point -128 (TFLite's fixed grid)
        steps = tf.minimum(_round_half_away(sigmoid * 256.0), 255.0)
        return sigmoid + tf.stop_gradient(steps / 256.0 - sigmoid)


def _kernel_and_convolution(conv) -> tuple:
    """``(kernel, its output-channel axis, function of (x, kernel))`` of a convolution layer;
    the temporal convolution's kernel is its taps."""
    if isinstance(conv, TemporalDepthwiseConv):
        return conv.depthwise_kernel, 2, conv.convolve
    strides, padding = (1, *conv.strides, 1), conv.padding.upper()
    if isinstance(conv, keras.layers.DepthwiseConv2D):
        return conv.depthwise_kernel, 2, lambda x, k: tf.nn.depthwise_conv2d(x, k, strides, padding)
    return conv.kernel, 3, lambda x, k: tf.nn.conv2d(x, k, strides, padding)


def _folded_norm(norm, channels: int) -> tuple:
    """Per-channel ``(scale, offset)`` of a batch norm in inference (ones and zeros for
    None), what the converter folds into the convolution before it."""
    if norm is None:
        return tf.ones((channels,)), tf.zeros((channels,))
    gamma = 1.0 if norm.gamma is None else norm.gamma
    beta = 0.0 if norm.beta is None else norm.beta
    scale = gamma * tf.math.rsqrt(norm.moving_variance + norm.epsilon)
    return scale, beta - norm.moving_mean * scale


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedConv2D(FakeQuantTensors, keras.layers.Conv2D):
    """A ``Conv2D`` with no batch norm after it — one int8 CONV_2D, its bias and a linear or
    ReLU activation fused in (BC-ResNet-Mod's stem and classifier) — that fake-quantizes its
    output itself and, when its input's grid is linked, computes it as the int8 kernel does
    (:func:`int8_convolution`); its kernel is fake-quantized per channel by its
    QuantizeConfig. tfmot's own Conv2D config would leave the kernel's double rounding to a
    float convolution."""

    def tensors(self) -> tuple:
        return ("output",)

    def forward(self, inputs, at, training=None):
        result = keras.layers.Conv2D.call(self, inputs)
        if self.emulate_int8 and self.input_ranges is not None:  # no batch norm: in training too
            kernel, axis, convolution = _kernel_and_convolution(self)
            scale, bias = _folded_norm(None, self.filters)
            bias = self.bias if self.use_bias else bias
            exact = int8_convolution(inputs, kernel, axis, convolution, scale, bias,
                                     self.input_ranges, self._ranges["output"])  # fmt: skip
            result = result + tf.stop_gradient(self.activation(exact) - result)
        return at("output", result)


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedAveragePooling2D(FakeQuantTensors, keras.layers.AveragePooling2D):
    """An ``AveragePooling2D`` over its whole input (BC-ResNet-Mod's classifier): no range of
    its own — an int8 AVERAGE_POOL_2D keeps its input's grid, where tfmot's own range left a
    requantizing QUANTIZE after it — and, when its input's grid is linked, the average as
    the int8 kernel rounds it (:func:`int8_average`)."""

    def tensors(self) -> tuple:
        return ()

    def forward(self, inputs, at, training=None):
        pooled = keras.layers.AveragePooling2D.call(self, inputs)
        if not self.emulate_int8 or self.input_ranges is None:
            return pooled
        exact = int8_average(inputs, self.input_ranges, axis=(1, 2))
        return pooled + tf.stop_gradient(exact - pooled)


QUANTIZED = {ResNorm: QuantizedResNorm, BCResBlock: QuantizedBCResBlock}
"""Custom layer class -> its fake-quantized form."""


def quantized_form(layer, consumers) -> keras.layers.Layer | None:
    """The fake-quantized form of ``layer`` (a new layer, same config), or None where
    tfmot's own quantization applies: every ``ResNorm`` and ``BCResBlock``, a ``Conv2D``
    with a linear or ReLU activation whose output no batch norm reads (``consumers``: the
    layers that read it) and an ``AveragePooling2D`` over its whole input."""
    if type(layer) in QUANTIZED:
        return QUANTIZED[type(layer)].from_config(layer.get_config())
    plain_conv = (
        type(layer) is keras.layers.Conv2D
        and keras.activations.serialize(layer.activation) in ("linear", "relu")
        and layer.groups == 1
        and tuple(layer.dilation_rate) == (1, 1)
        and not any(isinstance(c, keras.layers.BatchNormalization) for c in consumers)
    )
    if plain_conv:
        return QuantizedConv2D.from_config(layer.get_config())
    whole_map = (
        type(layer) is keras.layers.AveragePooling2D
        and tuple(layer.pool_size) == tuple(layer.input_shape[1:3])
        and layer.padding == "valid"
    )
    return QuantizedAveragePooling2D.from_config(layer.get_config()) if whole_map else None
