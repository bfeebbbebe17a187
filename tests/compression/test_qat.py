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
    wrapped = magnitude.prune(model, magnitude.constant_schedule(0.5, frequency=1))
    _fit(wrapped, x, y, magnitude.pruning_callbacks())
    pruned = magnitude.strip(wrapped)
    qat_model = qat.quantize(pruned, preserve_sparsity=True)
    _fit(qat_model, x, y, [qat.keep_zeros(qat_model)])
    assert qat.sparsity(qat_model) == pytest.approx(qat.sparsity(pruned), abs=1e-6)
    assert qat.sparsity(qat_model) > 0.4
    flatbuffer, reference, _ = qat.export_int8(qat_model, pruned, x)
    assert "DEQUANTIZE" not in fb.parse(flatbuffer).ops  # full int8
    interpreter = tflm.TFLMModel(flatbuffer)
    int8 = interpreter.input_quantization.quantize(x[:4])
    if board is not None:
        result = mcu.mcu_test(flatbuffer, board=board, inputs=int8[:2], icount=False)
        assert result.bit_exact
    return reference, interpreter, x


KNOWN_BROKEN = {
    "dcase2022_baseline": "with seed 0, the int8 conversion of the QAT model picks classes "
    "far from the QAT model's own choice; open in the compression issue",
}


@pytest.mark.mcu
@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_BROKEN[n], strict=True))
     if n in KNOWN_BROKEN else n for n in sorted(SMALL)],
)  # fmt: skip
def test_small_zoo_models(small_model, name):
    reference, interpreter, x = _survives(small_model(name), "mps2-an386")
    if name != "bcresnet_mod_budget":  # ResNorm: see test_int8_ready / the README
        # One epoch on random data leaves near-tied logits, so a plain argmax agreement
        # flips by chance: the int8 choice must be the float best or within 5 % of the float
        # logits' spread of it.
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
