"""Tests of tfasc.layers.BCResBlock."""

import numpy as np
import pytest

from tests.helpers import bcres_block_weights
from tests.layer_test_case import run_layer_test
from tfasc.keras import keras, tf
from tfasc.layers import BCResBlock
from tfasc.layers.bcres_block import TemporalDepthwiseConv


def test_bcres_block_transition_layer(tmp_path):
    """Transition block with frequency stride 2 and temporal dilation."""
    kwargs = {"filters": 6, "stride": 2, "dilation": 2, "sub_bands": 5, "dropout": 0.1}
    # Trainable: 1x1 (4·6) + BN (2·6) + freq dw (3·6) + SSN (2·6·5) + temporal dw (3·6) +
    # BN (2·6) + 1x1 (6·6); non-trainable: the moving mean and variance of BN, SSN, BN.
    trainable = 4 * 6 + 2 * 6 + 3 * 6 + 60 + 3 * 6 + 2 * 6 + 6 * 6
    non_trainable = 2 * 6 + 2 * 6 * 5 + 2 * 6
    assert bcres_block_weights(4, 6) == (trainable, non_trainable) == (180, 84)
    layer = run_layer_test(
        BCResBlock, kwargs, (10, 7, 4), tmp_path, (5, 7, 6),
        trainable=trainable, non_trainable=non_trainable,
    )  # fmt: skip
    assert layer.transition


def test_bcres_block_normal_is_relu_of_residual_sum():
    x = np.random.default_rng(0).standard_normal((2, 10, 7, 4)).astype(np.float32)
    block = BCResBlock(4, dilation=4)
    y = block(x, training=False).numpy()
    assert not block.transition and y.shape == x.shape
    assert (y >= 0).all() and (y > 0).any()
    # y = ReLU(f1 + f2 + x) with the temporal branch f1 broadcast over frequency: where
    # y > 0, y - f2 - x is the same for every frequency bin.
    f2 = block.freq_norm(block.freq_conv(x), training=False).numpy()
    f1 = np.where(y > 0, y - f2 - x, np.nan)  # (B, F, T, C)
    spread = np.nanmax(f1, axis=1) - np.nanmin(f1, axis=1)
    assert np.nanmax(spread) < 1e-4


def test_bcres_block_normal_block_rejects_stride():
    with pytest.raises(ValueError, match="identity shortcut"):
        BCResBlock(4, stride=2)(keras.Input((10, 7, 4)))


def test_temporal_depthwise_conv_equals_dilated_conv():
    x = np.random.default_rng(2).standard_normal((2, 1, 19, 3)).astype(np.float32)
    layer = TemporalDepthwiseConv(3, dilation=4)
    y = layer(x).numpy()
    kernel = layer.depthwise_kernel.numpy()
    expected = tf.nn.depthwise_conv2d(x, kernel, (1, 1, 1, 1), "SAME", dilations=(1, 4)).numpy()
    np.testing.assert_allclose(y, expected, atol=1e-5)
