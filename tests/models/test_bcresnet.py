"""BC-ResNet: the official KWS parameter counts and the Keras → int8 → TFLM path."""

import pytest

from tests.helpers import bcres_block_weights, non_trainable_count, trainable_count
from tests.layer_test_case import run_model_test
from tfasc import flatbuffer as fb
from tfasc import models
from tfasc.models.bcresnet import BCRESNET_STAGES, HEAD_WIDTH, STEM_WIDTH

KWS_INPUT = (40, 101, 1)  # Speech Commands: 40 mels x 101 frames, 12 classes


def bcresnet_weights(tau, num_classes=12, stages=BCRESNET_STAGES, sub_bands=5):
    """(trainable, non-trainable) weights of BC-ResNet-τ from its layout: 5×5 stem + BN,
    BC-ResBlocks, head depthwise 5×5, 1×1 conv + BN, dense with bias."""
    base = int(8 * tau)
    channels = int(base * STEM_WIDTH)
    trainable, non_trainable = 25 * channels + 2 * channels, 2 * channels
    for width, blocks, _stride, _dilation in stages:
        for _ in range(blocks):
            block = bcres_block_weights(channels, int(base * width), sub_bands)
            trainable, non_trainable = trainable + block[0], non_trainable + block[1]
            channels = int(base * width)
    head = int(base * HEAD_WIDTH)
    trainable += 25 * channels + channels * head + 2 * head + head * num_classes + num_classes
    return trainable, non_trainable + 2 * head


@pytest.mark.parametrize("tau, expected", [(1, 9_232), (3, 54_168), (6, 187_812), (8, 321_068)])
def test_official_parameter_counts(tau, expected):
    """BC-ResNet-1/3/6/8 as counted by the official PyTorch code (trainable weights only)."""
    model = models.build("bcresnet", input_shape=KWS_INPUT, num_classes=12, tau=tau)
    assert model.output_shape == (None, 12)
    assert trainable_count(model) == expected
    assert bcresnet_weights(tau) == (expected, non_trainable_count(model))


def test_stage_shapes():
    model = models.build("bcresnet", input_shape=KWS_INPUT, num_classes=12, tau=1)
    shapes = {layer.name: layer.output_shape[1:] for layer in model.layers}
    assert shapes["stem_relu"] == (20, 101, 16)
    assert shapes["stage1_block2"] == (20, 101, 8)
    assert shapes["stage2_block2"] == (10, 101, 12)
    assert shapes["stage3_block4"] == (5, 101, 16)
    assert shapes["stage4_block4"] == (5, 101, 20)
    assert shapes["head_dwconv"] == (1, 101, 20)
    dilations = [layer.dilation for layer in model.layers if hasattr(layer, "dilation")]
    assert dilations == [1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8]


def test_model(tmp_path):
    """fit, .keras round trip, int8 in TFLM: one block per stage, a short clip (fast)."""
    stages = [(width, 1, stride, dilation) for width, _, stride, dilation in BCRESNET_STAGES]
    model = models.build("bcresnet", input_shape=(40, 12, 1), num_classes=12, tau=1, stages=stages)
    assert bcresnet_weights(1, stages=stages) == (4_752, 880)
    flatbuffer = run_model_test(model, tmp_path, trainable=4_752, non_trainable=880, num_classes=12)
    assert set(fb.parse(flatbuffer).ops) <= {
        "CONV_2D", "DEPTHWISE_CONV_2D", "STRIDED_SLICE", "MUL", "ADD", "AVERAGE_POOL_2D",
        "LOGISTIC", "PAD", "RESHAPE", "FULLY_CONNECTED",
    }  # fmt: skip


@pytest.mark.slow
def test_model_full_depth(tmp_path):
    """BC-ResNet-1: the official 9,232 trainable weights and 2,416 BN / SubSpectralNorm
    moving statistics (``bcresnet_weights(1)``)."""
    model = models.build("bcresnet", input_shape=(40, 24, 1), num_classes=12, tau=1)
    run_model_test(model, tmp_path, trainable=9_232, non_trainable=2_416, num_classes=12)
