"""DCASE2024 baseline (simplified CP-Mobile): the published 61,148 parameters and 29,419,156 MACs."""

import pytest

from tests.helpers import cp_mobile_blocks, cp_mobile_counts
from tests.layer_test_case import run_model_test
from tfasc import complexity, models
from tfasc.models.dcase2024_baseline import BASELINE_STRIDES, make_divisible


def baseline_counts(base_channels=32, input_hw=(256, 65), n_blocks=(3, 2, 1), strides=None):
    """The baseline's sizes from its layout: stem base/4 → base, stages base·1.8^i."""
    base = make_divisible(base_channels, 8)
    stages = [make_divisible(base * 1.8**i, 8) for i in range(len(n_blocks))]
    strides = BASELINE_STRIDES if strides is None else strides
    blocks = cp_mobile_blocks(stages, n_blocks, 2.1, strides, base)
    return cp_mobile_counts(input_hw, (base // 4, base), blocks, 10, fused=False)


def test_published_counts():
    model = models.build("dcase2024_baseline")
    c = complexity.keras_complexity(model)
    assert model.output_shape == (None, 10)
    assert c.params == 61_148
    bn = sum(row.params for row in c.layers if row.kind == "BatchNormalization")
    assert (c.params - bn, bn) == (58_440, 2_708)
    assert c.macs == 29_419_156  # torchinfo: 29,416,448 conv + 2,708 BN
    assert c.within_budget()
    # The layout formula reproduces the published numbers.
    assert baseline_counts() == (61_148, 29_419_156, 2_708)


def test_make_divisible():
    assert [make_divisible(v) for v in (32, 57.6, 103.68, 67.2, 117.6)] == [32, 56, 104, 64, 120]


def test_width_multiplier():
    """Half width: stem 4 → 16, stages 16, 32, 48 (51.84 rounds down to 48, within 10 %),
    expansions 32, 32, 32, 32, 64, 64."""
    small = complexity.keras_complexity(models.build("dcase2024_baseline", base_channels=16))
    assert (small.params, small.macs) == (18_624, 8_449_916)
    assert baseline_counts(base_channels=16) == (18_624, 8_449_916, 1_404)


def test_model_equal_strides(tmp_path):
    """Fast check; unequal strides (grouped convs, XLA-compiled in fit) are in the slow test."""
    model = models.build(
        "dcase2024_baseline", input_shape=(32, 17, 1), strides={3: (2, 2)}, n_blocks=(3, 1)
    )
    counts = baseline_counts(input_hw=(32, 17), n_blocks=(3, 1), strides={3: (2, 2)})
    assert (counts.params, counts.norm_params) == (24_588, 1_428)
    flatbuffer = run_model_test(
        model, tmp_path, trainable=24_588, non_trainable=1_428, num_classes=10
    )  # BN moving mean and variance: as many as the BN γ/β
    assert set(complexity.tflite_complexity(flatbuffer).ops) <= {
        "CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE",
    }  # fmt: skip


@pytest.mark.slow
def test_model(tmp_path):
    """The full baseline on a short input; sizes do not depend on the input (global pooling)."""
    model = models.build("dcase2024_baseline", input_shape=(64, 17, 1))
    flatbuffer = run_model_test(
        model, tmp_path, trainable=61_148, non_trainable=2_708, num_classes=10
    )
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops
    # Keras' count_params() adds the 2,708 BN moving statistics to the published 61,148.
    assert model.count_params() == 61_148 + 2_708
