"""Quantization-aware training (QAT) of every zoo model with tfmot.

Built-in layers use tfmot's default 8-bit scheme (Conv2D + BatchNormalization folded
patterns, ReLU, Add, pooling); the custom layers are annotated with the
:class:`QuantizeConfig` s below, after every ``ResNorm`` and ``BCResBlock`` is replaced by its
:mod:`~tfasc.compression.fake_quant` form, which fake-quantizes each of its intermediate
tensors itself, the output included (tfmot would simulate only the layer output):
:class:`BCResBlockQuantizeConfig` fake-quantizes the kernels of the block (its transition
1×1, the frequency depthwise kernel, the temporal 1×1; the temporal taps are left to the
converter, see ``_kernel_slots``; SubSpectralNorm and the batch norms become per-channel
constants the converter folds). Max-pooling keeps tfmot's default (no range of its own: an
int8 MAX_POOL_2D has its input's scale; a separate output range made the converter
requantize and leave a DEQUANTIZE / QUANTIZE pair in front of the next BC-ResBlock). ``RepConv2D`` models are
re-parameterized before QAT (:func:`tfasc.models.deploy_form`). With ``calibration``, every
activation range starts at the float model's range (:func:`init_ranges`) rather than tfmot's
``[-6, 6]``, which a short fine-tuning barely moves.

Pruning-preserving QAT (``preserve_sparsity=True``) uses tfmot's
``Default8BitPrunePreserveQuantizeScheme`` for the built-in layers it covers (Conv2D, Dense)
and :class:`KeepZeros` — masks taken when QAT starts, applied after every training batch —
for the kernels that scheme leaves out (DepthwiseConv2D, the custom layers'); the symmetric
weight quantizers map zero to zero, so the sparsity survives into the int8 model.

tfmot facts this module handles: it takes ``tf_keras`` functional models only (subclassed
models are rejected, nested models raise), a QuantizeConfig needs ``get_config`` /
``from_config``, and :func:`scope` must be active to clone or load a QAT model.

Example:
    >>> qat_model = quantize(model, calibration=train_features[:200])
    >>> fine_tune(qat_model, train_set, epochs=2, learning_rate=1e-4)
    >>> flatbuffer, reference, how = export_int8(qat_model, model, calibration)
"""

from __future__ import annotations

import numpy as np

from tfasc import convert
from tfasc import flatbuffer as fb
from tfasc.compression import fake_quant, int8_ready
from tfasc.compression.fake_quant import (
    FakeQuantTensors,
    QuantizedAveragePooling2D,
    QuantizedBCResBlock,
    QuantizedConv2D,
    QuantizedResNorm,
)
from tfasc.keras import copy_model, keras, tf
from tfasc.layers import BCResBlock, ResNorm
from tfasc.layers.strided_depthwise import as_grouped_conv2d


def _tfmot():
    import tensorflow_model_optimization as tfmot

    return tfmot


def _kernel_quantizer(attribute: str):
    """The fake quantizer of a kernel: per output channel, symmetric, narrow range — what
    the converter gives a CONV_2D or DEPTHWISE_CONV_2D kernel. Per channel also makes the
    fake-quantized kernel the same as the converter's after it folds a following batch
    norm (a per-channel scale) into it. A depthwise kernel ``(kh, kw, C, 1)`` has its
    channels on axis 2, where tfmot's conv quantizer would take the last axis (one range
    for all channels)."""
    from tensorflow_model_optimization.python.core.quantization.keras.default_8bit import (
        default_8bit_quantizers as quantizers,
    )

    class DepthwiseKernelQuantizer(quantizers.Default8BitConvWeightsQuantizer):
        def build(self, tensor_shape, name, layer):
            return super().build((*tensor_shape[:2], 1, tensor_shape[2]), name, layer)

        def __call__(self, inputs, training, weights, **kwargs):
            outputs = super().__call__(tf.transpose(inputs, (0, 1, 3, 2)), training, weights)
            return tf.transpose(outputs, (0, 1, 3, 2))

    if attribute == "depthwise_kernel":
        return DepthwiseKernelQuantizer()
    return quantizers.Default8BitConvWeightsQuantizer()


class _NoQuantizers:
    """QuantizeConfig body of a layer tfmot adds no quantizer to (a
    :class:`~tfasc.compression.fake_quant.FakeQuantTensors` layer quantizes its own output)."""

    def get_weights_and_quantizers(self, layer):
        return []

    def get_activations_and_quantizers(self, layer):
        return []

    def set_quantize_weights(self, layer, quantize_weights):
        pass

    def set_quantize_activations(self, layer, quantize_activations):
        pass

    def get_output_quantizers(self, layer):
        return []

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _kernel_slots(block: BCResBlock) -> list[tuple]:
    """``(sub-layer, attribute)`` of the kernels fake-quantized in QAT.

    Not the temporal depthwise kernel: ``TemporalDepthwiseConv`` builds its convolution
    kernel from its taps at run time (an einsum), which the converter folds into a constant
    only when the taps are not fake-quantized; a fake-quantized one would leave a TRANSPOSE
    and a matrix product in the int8 model. Its folded kernel is quantized per channel by
    the converter.
    """
    slots = [(block.transition_conv, "kernel")] if block.transition else []
    return slots + [(block.freq_conv, "depthwise_kernel"), (block.pointwise_conv, "kernel")]


def _make_configs():
    """The QuantizeConfig classes (tfmot is imported lazily, so they are built on demand)."""
    base = _tfmot().quantization.keras.QuantizeConfig

    class NoWeightsQuantizeConfig(_NoQuantizers, base):
        """QuantizedResNorm, QuantizedAveragePooling2D: no weights; the layer fake-quantizes
        its tensors itself."""

    class BCResBlockQuantizeConfig(_NoQuantizers, base):
        """QuantizedBCResBlock: its kernels (per channel, symmetric); the block
        fake-quantizes its tensors, output included."""

        def get_weights_and_quantizers(self, layer):
            if not layer.freq_conv.built:  # a block rebuilt by load_model: build its sub-layers
                layer(tf.zeros((1, *layer._build_input_shape[1:])))
            return [
                (getattr(sub, name), _kernel_quantizer(name)) for sub, name in _kernel_slots(layer)
            ]

        def set_quantize_weights(self, layer, quantize_weights):
            for (sub, attribute), weight in zip(
                _kernel_slots(layer), quantize_weights, strict=False
            ):
                setattr(sub, attribute, weight)

    class Conv2DQuantizeConfig(_NoQuantizers, base):
        """QuantizedConv2D: its kernel (per channel, symmetric); the layer fake-quantizes
        its output."""

        def get_weights_and_quantizers(self, layer):
            return [(layer.kernel, _kernel_quantizer("kernel"))]

        def set_quantize_weights(self, layer, quantize_weights):
            layer.kernel = quantize_weights[0]

    from tensorflow_model_optimization.python.core.quantization.keras.default_8bit import (
        default_8bit_quantize_registry as registry,
    )

    class DepthwiseQuantizeConfig(registry.Default8BitConvQuantizeConfig):
        """DepthwiseConv2D: tfmot's own config but with the kernel quantized per channel,
        as the converter quantizes it (tfmot's takes one range: see
        :func:`_kernel_quantizer`). Given by the registry of :func:`_scheme`, not by
        annotation, so tfmot's Conv + BatchNorm layout transforms still apply."""

        def __init__(self):
            super().__init__(["depthwise_kernel"], ["activation"], False)
            self.weight_quantizer = _kernel_quantizer("depthwise_kernel")

        def get_config(self):
            return {}

    classes = (NoWeightsQuantizeConfig, BCResBlockQuantizeConfig, Conv2DQuantizeConfig,
               DepthwiseQuantizeConfig)  # fmt: skip
    for cls in classes:
        cls.__module__ = __name__
    return {cls.__name__: cls for cls in classes}


_CONFIGS: dict = {}


def _scheme():
    """tfmot's default 8-bit scheme with :class:`DepthwiseQuantizeConfig` for
    ``DepthwiseConv2D`` (the prune-preserving scheme keeps tfmot's own)."""
    from tensorflow_model_optimization.python.core.quantization.keras.default_8bit import (
        default_8bit_quantize_registry as registry,
    )
    from tensorflow_model_optimization.python.core.quantization.keras.default_8bit import (
        default_8bit_quantize_scheme as scheme,
    )

    class Registry(registry.Default8BitQuantizeRegistry):
        def __init__(self):
            super().__init__()
            self._layer_quantize_map[keras.layers.DepthwiseConv2D] = configs()[
                "DepthwiseQuantizeConfig"
            ]()

    class Scheme(scheme.Default8BitQuantizeScheme):
        def get_quantize_registry(self):
            return Registry()

    return Scheme()


def configs() -> dict:
    """``{name: QuantizeConfig class}`` for the custom layers."""
    if not _CONFIGS:
        _CONFIGS.update(_make_configs())
    return _CONFIGS


CUSTOM_LAYERS = {QuantizedResNorm: "NoWeightsQuantizeConfig",
                 QuantizedBCResBlock: "BCResBlockQuantizeConfig",
                 QuantizedConv2D: "Conv2DQuantizeConfig",
                 QuantizedAveragePooling2D: "NoWeightsQuantizeConfig"}  # fmt: skip
"""Custom layer class (as :func:`quantize` annotates it) -> name of its QuantizeConfig."""


def scope():
    """``quantize_scope`` with the custom layers and their configs (to clone or load)."""
    objects = {**configs(), "ResNorm": ResNorm, "QuantizedResNorm": QuantizedResNorm,
               "BCResBlock": BCResBlock, "QuantizedBCResBlock": QuantizedBCResBlock,
               "QuantizedConv2D": QuantizedConv2D,
               "QuantizedAveragePooling2D": QuantizedAveragePooling2D}  # fmt: skip
    return _tfmot().quantization.keras.quantize_scope(objects)


def quantize(model: keras.Model, *, preserve_sparsity: bool = False,
             calibration: np.ndarray | None = None) -> keras.Model:  # fmt: skip
    """The quantization-aware form of a functional model (a new model, weights copied).

    Args:
        model: a functional ``tf_keras`` model in deploy form (no ``RepConv2D``).
        preserve_sparsity: keep the zeros of pruned kernels (tfmot's prune-preserve scheme
            plus :class:`KeepZeros`, which the caller adds to ``fit``: see
            :func:`keep_zeros`).
        calibration: inputs whose float activations set the starting activation ranges
            (:func:`init_ranges`); None keeps tfmot's ``[-6, 6]``.

    Raises:
        ValueError: a subclassed or nested model, or a layer no QuantizeConfig covers.
    """
    tfmot = _tfmot()
    qk = tfmot.quantization.keras
    if not getattr(model, "_is_graph_network", False):
        raise ValueError(f"model {model.name!r} is not functional; tfmot quantizes functional "
                         "models only")  # fmt: skip
    nested = [layer.name for layer in model.layers if isinstance(layer, keras.Model)]
    if nested:
        raise ValueError(f"model {model.name!r} nests models {nested}; flatten it first")
    classes = configs()

    consumers = {layer.name: [node.outbound_layer for node in layer.outbound_nodes]
                 for layer in model.layers}  # fmt: skip

    def annotate(layer):
        layer = as_grouped_conv2d(layer)  # tfmot's registry knows Keras's own layers only
        layer = fake_quant.quantized_form(layer, consumers[layer.name]) or layer
        name = CUSTOM_LAYERS.get(type(layer))
        if name is None:
            return qk.quantize_annotate_layer(layer)
        return qk.quantize_annotate_layer(layer, quantize_config=classes[name]())

    with scope():
        annotated = keras.models.clone_model(model, clone_function=annotate)
        # By name within each layer: the fake-quant layers have range variables besides the
        # layer's own, and the annotation wrappers' names prefix the variables.
        wrappers = {getattr(a, "layer", a).name: a for a in annotated.layers}

        def relative(variable):
            return variable.name.split("/", 1)[-1]

        for layer in model.layers:
            targets = {relative(v): v for v in wrappers[layer.name].weights}
            for variable in layer.weights:
                targets[relative(variable)].assign(variable)
        if preserve_sparsity:
            from tensorflow_model_optimization.python.core.quantization.keras.collab_opts.prune_preserve import (  # noqa: E501
                default_8bit_prune_preserve_quantize_scheme as prune_preserve,
            )

            quantized = qk.quantize_apply(
                annotated, prune_preserve.Default8BitPrunePreserveQuantizeScheme()
            )
        else:
            quantized = qk.quantize_apply(annotated, _scheme())
    link_input_ranges(quantized)
    if calibration is not None:
        init_ranges(quantized, model, calibration)
    return quantized


RANGE_SUFFIXES = ("output", "post_activation")
"""Activation quantizers of a tfmot wrapper (``quant_<layer>/<suffix>_min``) that quantize
the wrapped layer's output; kernel quantizers (``LastValueQuantizer``) take each kernel's
range anew at every step and need no start."""


def range_slots(qat_model: keras.Model) -> dict:
    """Every activation range of a QAT model, keyed by the tensor it quantizes.

    Returns:
        ``{(layer, tensor): [(min variable, max variable), ...]}``: ``layer`` is the float
        layer's name (None for the model input), ``tensor`` an intermediate tensor of a
        fake-quant layer (:mod:`~tfasc.compression.fake_quant`) or None for the layer's
        output.
    """
    slots = {}
    for wrapper in qat_model.layers:
        limits = {v.name.split("/")[-1][: -len(":0")]: v for v in wrapper.non_trainable_weights}
        if wrapper.name.startswith("quantize_layer"):
            pairs = {(None, None): [(limits[f"{wrapper.name}_min"], limits[f"{wrapper.name}_max"])]}
        elif isinstance(getattr(wrapper, "layer", None), FakeQuantTensors):
            name = wrapper.layer.name
            pairs = {(name, t): [v] for t, v in wrapper.layer.range_variables().items()}
        else:
            name = wrapper.name.removeprefix("quant_")
            pairs = {(name, None): [(limits[f"{s}_min"], limits[f"{s}_max"])
                                    for s in RANGE_SUFFIXES if f"{s}_min" in limits]}  # fmt: skip
        for key, pair in pairs.items():
            if pair:
                slots.setdefault(key, []).extend(pair)
    return slots


SAME_GRID = (keras.layers.MaxPooling2D, keras.layers.Dropout, keras.layers.SpatialDropout2D,
             keras.layers.Reshape)  # fmt: skip
"""Layers whose int8 output keeps its input's grid (no range of their own in QAT)."""


def link_input_ranges(qat_model: keras.Model) -> dict:
    """Gives every fake-quant layer of a QAT model the range that quantizes its input
    (:attr:`~tfasc.compression.fake_quant.FakeQuantTensors.input_ranges`), so the ops on
    its input emulate their int8 kernel too (ResNorm's first MEAN). :func:`quantize` calls
    it; call it again on a cloned or loaded QAT model (the link is not saved).

    The input's range is that of the layer it comes from (through :data:`SAME_GRID`
    layers): the model's input quantizer, another fake-quant layer's output or a tfmot
    wrapper with one output range; a layer read from elsewhere keeps ``None``.

    Returns:
        ``{layer name: (the layer whose range it took, tensor)}`` of the links made.
    """
    slots = range_slots(qat_model)
    links = {}
    for wrapper in qat_model.layers:
        layer = getattr(wrapper, "layer", None)
        if not isinstance(layer, FakeQuantTensors):
            continue
        source = wrapper
        while True:
            inbound = source.inbound_nodes[0].inbound_layers
            if isinstance(inbound, list):  # several inputs: no single grid
                source = None
                break
            source = inbound
            if not isinstance(getattr(source, "layer", source), SAME_GRID):
                break
        key = None
        if source is not None and source.name.startswith("quantize_layer"):
            key = (None, None)
        elif isinstance(getattr(source, "layer", None), FakeQuantTensors):
            key = (source.layer.name, "output")
        elif source is not None:
            key = (source.name.removeprefix("quant_"), None)
        pairs = slots.get(key, [])
        layer.input_ranges = None
        if len(pairs) == 1:
            layer.input_ranges = {"min_var": pairs[0][0], "max_var": pairs[0][1]}
            links[layer.name] = key
    return links


def init_ranges(qat_model: keras.Model, model: keras.Model, calibration, batch_size: int = 32):
    """Starts every activation range of ``qat_model`` at the min / max (0 included) that the
    same tensor of the float ``model`` takes on ``calibration`` — the ranges post-training
    calibration would give.

    tfmot starts each ``MovingAverageQuantizer`` at ``[-6, 6]`` and moves it by an EMA of
    decay 0.999 per training step: a fine-tuning run of a few hundred steps keeps most of
    that start, and a tensor of a much smaller range (logits within ±0.5) is then quantized
    to a few steps. The input quantizer (``quantize_layer``) starts at the input's range; a
    fake-quant layer's ranges start at the float layer's intermediate tensors.

    Returns:
        ``{variable name: value}`` of the ranges set.
    """
    slots = range_slots(qat_model)
    names = sorted({name for name, tensor in slots if name is not None and tensor is None})
    inner = sorted({name for name, tensor in slots if tensor is not None})  # fake-quant layers
    missing = [name for name in names + inner
               if name not in {layer.name for layer in model.layers}]  # fmt: skip
    if missing:
        raise ValueError(f"QAT model quantizes outputs of layers {missing} that model "
                         f"{model.name!r} lacks")  # fmt: skip
    model = copy_model(model)  # annotating reused the layers: a graph of their own
    probe = keras.Model(model.inputs, [model.get_layer(name).output for name in names]
                        + [model.get_layer(name).input for name in inner])  # fmt: skip
    low, high = {}, {}
    for start in range(0, len(calibration), batch_size):
        batch = np.asarray(calibration[start : start + batch_size], np.float32)
        outputs = probe(batch, training=False)
        outputs = outputs if isinstance(outputs, list) else [outputs]
        tensors = {
            (None, None): batch,
            **{(n, None): t for n, t in zip(names, outputs[: len(names)], strict=True)},
        }
        for name, x in zip(inner, outputs[len(names) :], strict=True):
            values = fake_quant.intermediates(model.get_layer(name), x)
            tensors.update({(name, t): value for t, value in values.items()})
        for key, tensor in tensors.items():
            low[key] = min(low.get(key, 0.0), float(tf.reduce_min(tensor)))
            high[key] = max(high.get(key, 0.0), float(tf.reduce_max(tensor)))
    values = {}
    for key, pairs in slots.items():
        for minimum, maximum in pairs:
            minimum.assign(low[key])
            maximum.assign(high[key])
            values[minimum.name], values[maximum.name] = low[key], high[key]
    return values


def trained_float(qat_model: keras.Model, model: keras.Model) -> keras.Model:
    """A copy of ``model`` (the model :func:`quantize` was given) holding the QAT-trained
    weights, for post-training calibration of the ranges.

    The converter keeps a tensor in float (DEQUANTIZE / QUANTIZE around it, which the board
    firmware cannot run) when the fake-quantization ops around it contradict an int8 op's
    constraints — as a max-pooling output range of its own did before the next
    BC-ResBlock; exporting the QAT weights with calibrated ranges gives a full-int8 model
    then. No zoo model needs it since :mod:`~tfasc.compression.fake_quant`.
    """
    copy = copy_model(model)
    # A wrapped layer's quantized kernels are attributes replaced by tensors (no longer in
    # its ``weights``), so the variables are matched by name ("stem_conv/kernel:0").
    trained = {variable.name: variable for variable in qat_model.weights}
    missing = []
    for variable in copy.weights:
        source = trained.get(variable.name)
        if source is None or tuple(source.shape) != tuple(variable.shape):
            missing.append(variable.name)
        else:
            variable.assign(source)
    if missing:
        raise ValueError(f"QAT model lacks the weights {missing[:5]}")
    return copy


def refresh_kernel_ranges(qat_model: keras.Model) -> None:
    """Sets every kernel quantizer's range from its kernel as it is now, as a training step
    would (tfmot's ``LastValueQuantizer`` takes the range at each step before the optimizer
    updates the kernel, so after training the ranges are one update old: measured 0.1–0.5 %
    off the kernels' per-channel maxima). The converter quantizes with these ranges; the
    int8 emulation in inference (:func:`~tfasc.compression.fake_quant.int8_convolution`)
    with the kernels' own maxima. :func:`export_int8` calls it."""
    for wrapper in qat_model.layers:
        for weight, quantizer, variables in getattr(wrapper, "_weight_vars", []):
            quantizer(weight, True, weights=variables)


def export_int8(qat_model: keras.Model, model: keras.Model, calibration) -> tuple:
    """The full-int8 flatbuffer of a QAT model and the float model it should agree with
    (its kernel ranges refreshed first, :func:`refresh_kernel_ranges`).

    Returns ``(flatbuffer, float model, how)``: with ``how == "qat_ranges"`` the converter
    used the fake-quantization ranges and the float reference is ``qat_model``; when that
    leaves float islands, ``how == "qat_weights_calibrated_ranges"``: the
    QAT weights (:func:`trained_float`, SubSpectralNorm scales folded) with calibrated ranges.
    """
    refresh_kernel_ranges(qat_model)
    with fake_quant.without_emulation(qat_model):
        flatbuffer = convert.to_tflite(qat_model, "int8", calibration)
    if "DEQUANTIZE" not in fb.parse(flatbuffer).ops:
        return flatbuffer, qat_model, "qat_ranges"
    weights = int8_ready.fold_subspectral_scales(trained_float(qat_model, model))
    return convert.to_tflite(weights, "int8", calibration), weights, "qat_weights_calibrated_ranges"


class KeepZeros(keras.callbacks.Callback):
    """Re-applies fixed zero masks to kernels after every training batch.

    Args:
        variables: the kernels to keep sparse; their current zeros become the masks.
    """

    def __init__(self, variables):
        super().__init__()
        self.variables = list(variables)
        self.masks = [(v.numpy() != 0).astype(v.dtype.as_numpy_dtype) for v in self.variables]

    def on_train_batch_end(self, batch, logs=None):
        for variable, mask in zip(self.variables, self.masks, strict=False):
            variable.assign(variable * mask)


def keep_zeros(model: keras.Model) -> KeepZeros:
    """:class:`KeepZeros` over every kernel of a (QAT) model."""
    return KeepZeros([w for w in model.trainable_weights if _is_kernel(w)])


def _is_kernel(variable) -> bool:
    name = variable.name.split("/")[-1]
    return name.startswith(("kernel", "depthwise_kernel"))


def sparsity(model: keras.Model) -> float:
    """Zeros among the kernels of a QAT or plain model."""
    kernels = [w.numpy() for w in model.trainable_weights if _is_kernel(w)]
    total = sum(k.size for k in kernels)
    return float(sum(k.size - np.count_nonzero(k) for k in kernels) / total) if total else 0.0
