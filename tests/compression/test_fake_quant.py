"""ResNorm and BC-ResBlock with every intermediate tensor fake-quantized in QAT."""

import numpy as np
import pytest

from tests.compression.conftest import random_data
from tfasc import tflm
from tfasc.compression import fake_quant, qat
from tfasc.keras import keras
from tfasc.layers import BCResBlock, ResNorm


def _model(block_filters=6):
    keras.utils.set_random_seed(0)
    x = inputs = keras.Input((24, 12, 1))
    x = ResNorm(name="resnorm")(x)
    x = keras.layers.Conv2D(4, 3, padding="same", name="stem")(x)
    x = BCResBlock(block_filters, name="transition_block")(x)
    x = BCResBlock(block_filters, dilation=2, name="normal_block")(x)
    x = ResNorm(name="stage_resnorm")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, keras.layers.Dense(10, name="logits")(x))


def _wrapped(qat_model, name):
    (wrapper,) = [w for w in qat_model.layers if getattr(w, "layer", None) is not None
                  and w.layer.name == name]  # fmt: skip
    return wrapper.layer


def test_intermediate_tensors_are_named_as_forward_computes_them():
    model = _model()
    x, _ = random_data(model.input_shape[1:], n=4)
    resnorm = model.get_layer("resnorm")
    tensors = fake_quant.intermediates(resnorm, x)
    assert tuple(tensors) == resnorm.tensors()
    np.testing.assert_allclose(tensors["output"], resnorm(x), rtol=1e-6)
    for name, absent in (("transition_block", "sum"), ("normal_block", "transition")):
        block = model.get_layer(name)
        assert absent not in block.tensors()
        inputs = keras.Model(model.inputs, block.input)(x)
        tensors = fake_quant.intermediates(block, inputs)
        assert tuple(tensors) == block.tensors()
        np.testing.assert_allclose(tensors["output"], block(inputs, training=False), atol=1e-6)


def test_every_intermediate_range_starts_at_the_float_tensor():
    model = _model()
    x, _ = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    for name in ("resnorm", "normal_block"):
        layer = _wrapped(qat_model, name)
        assert isinstance(layer, fake_quant.FakeQuantTensors)
        inputs = keras.Model(model.inputs, model.get_layer(name).input)(x)
        tensors = fake_quant.intermediates(model.get_layer(name), inputs)
        ranges = layer.range_variables()
        assert set(ranges) == set(tensors)
        for tensor, (low, high) in ranges.items():
            assert float(low.numpy()) == pytest.approx(min(0.0, float(np.min(tensors[tensor]))))
            assert float(high.numpy()) == pytest.approx(max(0.0, float(np.max(tensors[tensor]))))


def test_qat_model_simulates_the_int8_model():
    """With every tensor of ResNorm and the BC-ResBlocks fake-quantized, the converter takes
    every range from QAT (no calibrated tensor, no float island) and the int8 model stays a
    few output steps from the QAT model."""
    model = _model()
    x, y = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    qat_model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    qat_model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    flatbuffer, reference, how = qat.export_int8(qat_model, model, x)
    assert how == "qat_ranges" and reference is qat_model
    int8 = tflm.TFLMModel(flatbuffer)
    step = int8.output_quantization.scale
    error = np.abs(int8.predict(x) - qat_model.predict(x, verbose=0)).max()
    assert error <= 4 * step
