"""BC-ResNet-Mod (QTI DCASE2021): the 315 k size, the DCASE-budget variant, and teachers."""

import numpy as np
import pytest

from tests.helpers import bcres_block_weights, non_trainable_count, trainable_count
from tests.layer_test_case import run_model_test
from tfasc import complexity, convert, models, ops, tflm
from tfasc import flatbuffer as fb
from tfasc.keras import keras
from tfasc.models.bcresnet_mod import BCRESNET_MOD_STAGES, STEM_WIDTH
from tfasc.models.cp_resnet import CP_RESNET_BLOCKS

SMALL_INPUT = (80, 24, 1)  # behaviour tests; the counts use the real 256 x 65 input
# One block per stage and ResNorm at the input only. ResNorm after a stage normalizes sparse
# post-ReLU maps; at random initialization its int8 error (0.46-1.22 on logits of ~2, seeds
# 0-2) exceeds run_model_test's tolerance, so the int8 check here leaves it out (open issue:
# QAT or a float/int16 ResNorm in the export path).
ONE_BLOCK_STAGES = [(w, 1, pool, False) for w, _, pool, _ in BCRESNET_MOD_STAGES]


def bcresnet_mod_weights(c, stages=BCRESNET_MOD_STAGES, num_classes=10):
    """(trainable, non-trainable) weights from the layout: 5×5 stem conv with bias (2c),
    BC-ResBlocks (SubSpectralNorm with 5 sub-bands), 1×1 head conv with bias; ResNorm and
    pooling have none."""
    channels = int(c * STEM_WIDTH)
    trainable, non_trainable = 25 * channels + channels, 0
    for width, blocks, _pool, _resnorm in stages:
        for _ in range(blocks):
            block = bcres_block_weights(channels, int(c * width))
            trainable, non_trainable = trainable + block[0], non_trainable + block[1]
            channels = int(c * width)
    return trainable + channels * num_classes + num_classes, non_trainable


def cp_resnet_weights(base_channels=128, blocks=CP_RESNET_BLOCKS, num_classes=10):
    """(trainable, non-trainable) weights from the block table: 5×5 stem + BN, basic blocks
    (k1×k1 and k2×k2 convs + BN, 1×1 conv + BN shortcut where the width changes), 1×1 head +
    BN; no biases, so the non-trainable weights are the BN moving statistics, 2·C each."""
    channels = base_channels
    conv = 25 * channels
    bn = 2 * channels
    for width, k1, k2, _pool in blocks:
        filters = int(base_channels * width)
        conv += k1 * k1 * channels * filters + k2 * k2 * filters * filters
        bn += 4 * filters
        if channels != filters:
            conv, bn = conv + channels * filters, bn + 2 * filters
        channels = filters
    conv, bn = conv + channels * num_classes, bn + 2 * num_classes
    return conv + bn, bn


def test_c80_is_within_one_percent_of_315k():
    """317,450 trainable parameters: stem 4,160, stages 20,800+7,840 / 26,400+16,560 /
    48,000+28,480 / 76,000+2x43,600, head 2,010 — 0.78 % above the reported 315 k."""
    model = models.build("bcresnet_mod")
    assert model.input_shape == (None, 256, 65, 1)
    assert trainable_count(model) == 317_450
    assert bcresnet_mod_weights(80) == (317_450, non_trainable_count(model))
    assert abs(317_450 / 315_000 - 1) < 0.01


def test_budget_variant_fits_dcase_limits():
    """c = 40 and a pooled stem: 87,130 parameters (pooling adds none) and 14,287,920 MACs
    (torchinfo rules) on the 256 x 65 input, within 128 kB of int8 parameters and 30 M MACs."""
    c = complexity.keras_complexity(models.build("bcresnet_mod_budget"))
    assert (c.params, c.macs) == (87_130, 14_287_920)
    assert bcresnet_mod_weights(40)[0] == 87_130
    assert c.within_budget()


@pytest.mark.slow
def test_budget_variant_int8_file_fits_and_runs_in_tflm():
    """The converted int8 file: every weight and bias constant counted (SubSpectralNorm's
    per-bin scale/offset included): 112,511 of them, 111,201 int8 + 1,310 int32 biases,
    116,441 bytes; NeSsi MACs 14,636,560 (the README table's numbers); runs in TFLM."""
    model = complexity.trained_like(models.build("bcresnet_mod_budget"))
    x = np.random.default_rng(0).standard_normal((4, *model.input_shape[1:])).astype(np.float32)
    flatbuffer = convert.to_tflite(model, "int8", x)
    c = complexity.tflite_complexity(flatbuffer)
    assert c.param_bytes_by_dtype == {"int8": 111_201, "int32": 4 * 1_310}
    assert (c.params, c.param_bytes, c.macs) == (112_511, 116_441, 14_636_560)
    got = tflm.TFLMModel(flatbuffer).predict(x[:1])
    assert got.shape == (1, 10) and np.isfinite(got).all()


@pytest.mark.parametrize(
    "name, overrides, weights",
    [
        ("bcresnet_mod", {"c": 10, "stages": ONE_BLOCK_STAGES}, (4_680, 980)),
        ("bcresnet_mod_budget", {"stages": ONE_BLOCK_STAGES}, (48_690, 3_920)),
        ("bcresnet_mod_teacher", {"c": 16, "stages": ONE_BLOCK_STAGES}, (9_882, 1_568)),
        (
            "cp_resnet_teacher",
            {"base_channels": 8, "blocks": CP_RESNET_BLOCKS[::3]},
            (4_748, 388),
        ),
    ],
)
def test_model(name, overrides, weights, tmp_path):
    """fit, .keras round trip, int8 in TFLM: small input, one block per stage (fast)."""
    if name == "cp_resnet_teacher":
        assert cp_resnet_weights(8, CP_RESNET_BLOCKS[::3]) == weights
    else:
        c = overrides.get("c", {"bcresnet_mod_budget": 40}.get(name))
        assert bcresnet_mod_weights(c, ONE_BLOCK_STAGES) == weights
    model = models.build(name, input_shape=SMALL_INPUT, **overrides)
    trainable, non_trainable = weights
    flatbuffer = run_model_test(
        model, tmp_path, trainable=trainable, non_trainable=non_trainable, num_classes=10
    )
    assert not set(fb.parse(flatbuffer).ops) - set(ops.supported("tflm_int8"))


def test_teacher_sizes():
    """BC-ResNet-Mod at c = 160 (about 4x the c = 80 model: widths double) and CP-ResNet at
    base 128 (stem 3,456; blocks 164,352 / 295,424 / 295,424 / 164,352 at width 128,
    394,752 + 3 x 132,096 at 256, 527,360 + 3 x 526,336 at 512; head 5,140)."""
    assert trainable_count(models.build("bcresnet_mod_teacher")) == 1_207_690
    assert bcresnet_mod_weights(160)[0] == 1_207_690
    teacher = models.build("cp_resnet_teacher")
    assert (trainable_count(teacher), non_trainable_count(teacher)) == (3_825_556, 16_148)
    assert cp_resnet_weights() == (3_825_556, 16_148)


def test_resnorm_after_stages_trains():
    """The full layout (ResNorm after every stage) trains one step and saves/loads."""
    stages = [(w, 1, pool, True) for w, _, pool, _ in BCRESNET_MOD_STAGES]
    model = models.build("bcresnet_mod", input_shape=SMALL_INPUT, c=10, stages=stages)
    x = np.random.default_rng(0).standard_normal((4, *SMALL_INPUT)).astype(np.float32)
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    history = model.fit(x, np.arange(4), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_stem_kernel_and_dilations():
    """A 3×3 stem has 16 fewer taps per stem channel (2c = 80); temporal dilation 2 keeps
    the parameters and widens each temporal depthwise kernel from 3 to 5 taps (zeros
    included, see TemporalDepthwiseConv): 2 more MACs per channel and frame, on the 4-frame
    maps of stages 3 (2 blocks of 80) and 4 (3 blocks of 100)."""
    small = complexity.keras_complexity(models.build("bcresnet_mod_budget", stem_kernel=3))
    assert small.params == 87_130 - 16 * 80
    dilated = complexity.keras_complexity(
        models.build("bcresnet_mod_budget", dilations=(1, 1, 2, 2))
    )
    assert (dilated.params, dilated.macs) == (87_130, 14_287_920 + 2 * 4 * (2 * 80 + 3 * 100))
    with pytest.raises(ValueError, match="one per stage"):
        models.build("bcresnet_mod", dilations=(1, 2))
