"""Tests of tfasc.layers.ResNorm."""

import numpy as np
import pytest

from tests.layer_test_case import run_layer_test
from tfasc.layers import ResNorm


def test_resnorm_layer(tmp_path):
    # No weights: λ and ε are constants, and IN uses each example's own statistics.
    run_layer_test(
        ResNorm, {"lam": 0.1, "epsilon": 1e-5}, (8, 6, 2), tmp_path, (8, 6, 2),
        trainable=0, non_trainable=0,
    )  # fmt: skip


def test_resnorm_matches_numpy_reference():
    x = np.random.default_rng(0).normal(3.0, 2.0, (3, 8, 6, 2)).astype(np.float32)
    mean = x.mean(axis=(2, 3), keepdims=True)
    var = x.var(axis=(2, 3), keepdims=True)
    expected = 0.1 * x + (x - mean) / np.sqrt(var + 1e-5)
    np.testing.assert_allclose(ResNorm()(x).numpy(), expected, rtol=1e-4, atol=1e-4)


def test_resnorm_removes_per_frequency_gain():
    """A per-frequency offset (a device's EQ on log-mel features) only survives via λ·x."""
    x = np.random.default_rng(1).standard_normal((2, 8, 6, 1)).astype(np.float32)
    gain = np.linspace(-3, 3, 8, dtype=np.float32)[None, :, None, None]
    layer = ResNorm(lam=0.0)
    np.testing.assert_allclose(layer(x + gain).numpy(), layer(x).numpy(), atol=1e-4)


def test_resnorm_rejects_batch_axis():
    with pytest.raises(ValueError, match="non-batch"):
        ResNorm(axis=(0, 2))(np.zeros((2, 4, 4, 1), np.float32))
