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

:func:`tfasc.compression.qat.quantize` puts them in place of every ``ResNorm`` and
``BCResBlock``; :func:`tfasc.compression.qat.init_ranges` starts their ranges at the float
layer's tensors (:func:`intermediates`).
"""

from __future__ import annotations

from tfasc.keras import keras
from tfasc.layers import BCResBlock, ResNorm


def _quantizer():
    import tensorflow_model_optimization as tfmot

    return tfmot.quantization.keras.quantizers.MovingAverageQuantizer(
        num_bits=8, per_axis=False, symmetric=False, narrow_range=False
    )


def intermediates(layer, inputs) -> dict:
    """``{name: tensor}`` of the intermediate tensors of a ``ResNorm`` or ``BCResBlock`` on
    ``inputs``, in inference (float)."""
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
            return utils.smart_cond(
                training,
                lambda: self._quantizer(tensor, True, weights=ranges),
                lambda: self._quantizer(tensor, False, weights=ranges),
            )

        return self.forward(inputs, fake_quantize, training=training)

    def range_variables(self) -> dict:
        """``{tensor name: (min variable, max variable)}``."""
        return {name: (r["min_var"], r["max_var"]) for name, r in self._ranges.items()}


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedResNorm(FakeQuantTensors, ResNorm):
    """:class:`ResNorm` whose intermediate tensors are fake-quantized to 8 bits (same
    arguments and function)."""


@keras.utils.register_keras_serializable(package="tfasc")
class QuantizedBCResBlock(FakeQuantTensors, BCResBlock):
    """:class:`BCResBlock` whose intermediate tensors are fake-quantized to 8 bits (same
    arguments and function; its kernels are fake-quantized by its tfmot QuantizeConfig)."""


QUANTIZED = {ResNorm: QuantizedResNorm, BCResBlock: QuantizedBCResBlock}
"""Custom layer class -> its fake-quantized form."""
