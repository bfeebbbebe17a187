"""DCASE2024 baseline (simplified CP-Mobile): the published 61,148 parameters and 29,419,156 MACs."""

import numpy as np
import pytest

from tests.layer_test_case import run_model_test
from tfasc import complexity, models
from tfasc.models.dcase2024_baseline import make_divisible


def test_published_counts():
    model = models.build("dcase2024_baseline")
    c = complexity.keras_complexity(model)
    assert model.output_shape == (None, 10)
    assert c.params == 61_148
    bn = sum(row.params for row in c.layers if row.kind == "BatchNormalization")
    assert (c.params - bn, bn) == (58_440, 2_708)
    assert c.macs == 29_419_156  # torchinfo: 29,416,448 conv + 2,708 BN
    assert c.within_budget()


def test_make_divisible():
    assert [make_divisible(v) for v in (32, 57.6, 103.68, 67.2, 117.6)] == [32, 56, 104, 64, 120]


def test_width_multiplier():
    small = complexity.keras_complexity(models.build("dcase2024_baseline", base_channels=16))
    assert small.params < 61_148 / 2


def test_model_equal_strides(tmp_path):
    """Fast check; unequal strides (grouped convs, XLA-compiled in fit) are in the slow test."""
    model = models.build(
        "dcase2024_baseline", input_shape=(32, 17, 1), strides={3: (2, 2)}, n_blocks=(3, 1)
    )
    flatbuffer = run_model_test(model, tmp_path, num_classes=10)
    assert set(complexity.tflite_complexity(flatbuffer).ops) <= {
        "CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE",
    }  # fmt: skip


@pytest.mark.slow
def test_model(tmp_path):
    model = models.build("dcase2024_baseline", input_shape=(64, 17, 1))
    flatbuffer = run_model_test(model, tmp_path, num_classes=10)
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops
    assert np.isfinite(model.count_params())
