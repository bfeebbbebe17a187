"""Tests of tfasc.layers.SubSpectralNorm."""

import numpy as np
import pytest

from tests.layer_test_case import run_layer_test
from tfasc.layers import SubSpectralNorm
from tfasc.layers.subspectral_norm import sub_band_index


def test_subspectral_norm_layer(tmp_path):
    # γ/β and the moving mean/variance per (channel, sub-band): 2·C·S each, as
    # BatchNorm2d(C·S) in the official BC-ResNet.
    run_layer_test(
        SubSpectralNorm, {"sub_bands": 5}, (10, 4, 3), tmp_path, (10, 4, 3),
        trainable=2 * 3 * 5, non_trainable=2 * 3 * 5,
    )  # fmt: skip


def test_subspectral_norm_uses_statistics_per_sub_band():
    rng = np.random.default_rng(0)
    # Each sub-band of 2 bins has its own offset and scale; each channel too.
    offsets = np.array([0, 5, -3, 10, 1], np.float32).repeat(2)[None, :, None, None]
    scales = np.array([1, 2, 0.5, 3, 1], np.float32).repeat(2)[None, :, None, None]
    x = (rng.standard_normal((16, 10, 7, 3)) * scales + offsets).astype(np.float32)
    x[..., 1] += 4.0
    layer = SubSpectralNorm(sub_bands=5, momentum=0.0)
    y = layer(x, training=True).numpy()
    bands = y.reshape(16, 5, 2, 7, 3)
    np.testing.assert_allclose(bands.mean(axis=(0, 2, 3)), 0, atol=1e-4)
    np.testing.assert_allclose(bands.var(axis=(0, 2, 3)), 1, atol=1e-3)
    # momentum 0: the moving statistics are this batch's per-(sub-band, channel) ones.
    expected_mean = x.reshape(16, 5, 2, 7, 3).mean(axis=(0, 2, 3))
    np.testing.assert_allclose(layer.moving_mean.numpy(), expected_mean, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer(x, training=False).numpy(), y, atol=1e-3)


def test_sub_band_index_is_contiguous_and_official_when_divisible():
    np.testing.assert_array_equal(sub_band_index(10, 5), np.arange(5).repeat(2))
    np.testing.assert_array_equal(sub_band_index(7, 3), [0, 0, 0, 1, 1, 2, 2])
    with pytest.raises(ValueError):
        sub_band_index(4, 5)
