"""Every zoo model survives prune -> QAT -> int8 -> TFLM -> QEMU (small ones by default)."""

import numpy as np
import pytest

from tests.compression.conftest import LARGE, SMALL, random_data
from tfasc import flatbuffer as fb
from tfasc import mcu, models, tflm
from tfasc.compression import magnitude, qat
from tfasc.keras import keras


def _fit(model, x, y, callbacks=()):
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x, y, epochs=1, batch_size=16, callbacks=list(callbacks), verbose=0)


def _survives(model, board: str | None):
    x, y = random_data(model.input_shape[1:])
    schedule = magnitude.constant_schedule(0.5, frequency=1)
    wrapped = magnitude.prune(model, schedule, prune_depthwise=True)  # every kernel sparse
    _fit(wrapped, x, y, magnitude.pruning_callbacks())
    pruned = magnitude.strip(wrapped)
    qat_model = qat.quantize(pruned, preserve_sparsity=True, calibration=x)
    _fit(qat_model, x, y, [qat.keep_zeros(qat_model)])
    assert qat.sparsity(qat_model) == pytest.approx(qat.sparsity(pruned), abs=1e-6)
    assert qat.sparsity(qat_model) > 0.4
    flatbuffer, reference, how = qat.export_int8(qat_model, pruned, x)
    assert how == "qat_ranges"  # every range from QAT, ResNorm's intermediate tensors included
    assert "DEQUANTIZE" not in fb.parse(flatbuffer).ops  # full int8
    interpreter = tflm.TFLMModel(flatbuffer)
    int8 = interpreter.input_quantization.quantize(x[:4])
    if board is not None:
        result = mcu.mcu_test(flatbuffer, board=board, inputs=int8[:2], icount=False)
        assert result.bit_exact
    return reference, interpreter, x


@pytest.mark.mcu
@pytest.mark.parametrize("name", sorted(SMALL))
def test_small_zoo_models(small_model, name):
    reference, interpreter, x = _survives(small_model(name), "mps2-an386")
    # One epoch on random data leaves near-tied logits, so a plain argmax agreement flips by
    # chance: the int8 choice must be the QAT model's best or within 5 % of the QAT logits'
    # spread of it.
    logits = reference.predict(x, verbose=0)
    chosen = interpreter.predict(x).argmax(1)
    shortfall = logits.max(1) - logits[np.arange(len(x)), chosen]
    assert shortfall.max() <= 0.05 * (logits.max() - logits.min())


@pytest.mark.slow
@pytest.mark.parametrize("name", LARGE)
def test_large_zoo_models(name):
    _survives(models.deploy_form(models.build(name)), "mps3-an547")


def test_every_registered_model_is_covered():
    assert set(SMALL) | set(LARGE) == set(models.available())


def test_qat_model_clones_in_scope(small_model):
    """The QuantizeConfigs round-trip through get_config/from_config inside ``qat.scope``.
    (Saving: tfmot's QuantizeLayer does not reload from ``.keras`` and the BC-ResBlock
    wrappers' duplicate weight names break ``.h5``; the pipeline caches the exported
    ``.tflite`` instead of the QAT model.)"""
    qat_model = qat.quantize(small_model("bcresnet_mod_budget"))
    x, _ = random_data(qat_model.input_shape[1:], n=2)
    with qat.scope():
        clone = keras.models.clone_model(qat_model)

    def shapes(model):
        return sorted((w.name.split("/")[-1], tuple(w.shape)) for w in model.weights)

    assert shapes(clone) == shapes(qat_model)
    assert clone.predict(x, verbose=0).shape == (2, 10)


def test_nested_and_subclassed_models_are_refused(small_model):
    inner = small_model("dcase2022_baseline")
    x = keras.Input(inner.input_shape[1:])
    with pytest.raises(ValueError, match="nests models"):
        qat.quantize(keras.Model(x, inner(x)))


def test_activation_ranges_start_at_the_float_ranges(small_model):
    """tfmot starts every activation range at [-6, 6]; ``calibration`` starts it at the
    float model's range, so a short QAT run does not quantize small tensors (logits) to a few
    steps: without it, this model's int8 logits are multiples of 12/255."""
    model = small_model("dcase2022_baseline")
    x, _ = random_data(model.input_shape[1:])
    qat_model = qat.quantize(model, calibration=x)
    ranges = {v.name: float(v.numpy()) for v in qat_model.non_trainable_weights
              if v.name.endswith(("output_min:0", "output_max:0"))}  # fmt: skip
    logits = model.predict(x, verbose=0)
    relu = keras.Model(model.inputs, model.get_layer("relu1").output).predict(x, verbose=0)
    assert ranges["quant_relu1/output_min:0"] == 0.0
    assert ranges["quant_relu1/output_max:0"] == pytest.approx(relu.max(), rel=1e-5)
    (quantize_max,) = [v for v in qat_model.non_trainable_weights
                       if v.name.startswith("quantize_layer") and v.name.endswith("_max:0")]  # fmt: skip
    assert float(quantize_max.numpy()) == pytest.approx(x.max(), rel=1e-6)
    flatbuffer = qat.export_int8(qat_model, model, x)[0]
    int8 = tflm.TFLMModel(flatbuffer)
    step = int8.output_quantization.scale
    assert step < (logits.max() - min(logits.min(), 0)) / 100  # not 12 / 255
    # The QAT model simulates the int8 model: outputs a few output steps apart at most.
    assert np.abs(int8.predict(x) - qat_model.predict(x, verbose=0)).max() <= 3 * step
