"""Freq-MixStyle: per-frequency statistics mixed between examples, identity at p = 0."""

import numpy as np
import pytest

from tfasc.augment import freq_mixstyle
from tfasc.keras import tf

B, F, T, C = 8, 12, 20, 2


def features(seed=0, batch=B):
    """A batch whose bins have distinct per-example, per-frequency offsets and scales."""
    rng = np.random.default_rng(seed)
    mean = rng.normal(0, 3, (batch, F, 1, 1))
    std = rng.uniform(0.5, 3, (batch, F, 1, 1))
    return (rng.standard_normal((batch, F, T, C)) * std + mean).astype(np.float32)


def statistics(x):
    """Per-example, per-frequency mean and std over (time, channels), as the augmentation."""
    return x.mean(axis=(2, 3)), x.std(axis=(2, 3))


def recover_mix(x, y, eps=1e-6):
    """``(partner, λ, mean residual, std residual)`` for every example b of the output.

    The partner j and λ fit mean_y[b] = λ·mean_x[b] + (1 - λ)·mean_x[j] over all F bins (least
    squares); the std residual is that of std_y[b] = λ·std_x[b] + (1 - λ)·std_x[j] with the
    same λ. An example whose statistics did not change (it drew itself, or λ = 1) is its own
    partner with λ = 1.
    """
    mean_x, std_x = statistics(x)
    std_x = np.sqrt(std_x**2 + eps)  # the augmentation's std includes ε
    mean_y, std_y = statistics(y)
    found = []
    for b in range(len(x)):
        if np.allclose(mean_y[b], mean_x[b], atol=1e-4) and np.allclose(
            std_y[b], std_x[b], atol=1e-4
        ):
            found.append((b, 1.0, 0.0, 0.0))  # partner is itself (or λ = 1)
            continue
        best = None
        for j in range(len(x)):
            if j == b:
                continue
            # mean_y - mean_x[j] = λ·(mean_x[b] - mean_x[j])
            d, r = mean_x[b] - mean_x[j], mean_y[b] - mean_x[j]
            lam = float(d @ r / (d @ d))
            residual = np.abs(lam * d - r).max()
            if best is None or residual < best[2]:
                ds, rs = std_x[b] - std_x[j], std_y[b] - std_x[j]
                std_residual = np.abs(lam * ds - rs).max()
                best = (j, lam, residual, std_residual)
        found.append(best)
    return found


def test_statistics_are_the_lambda_mix_of_the_partners():
    x = features()
    tf.random.set_seed(3)
    y = freq_mixstyle(tf.constant(x), alpha=0.3, p=1.0).numpy()
    found = recover_mix(x, y)
    partners = [j for j, *_ in found]
    lams = np.array([lam for _, lam, *_ in found])
    # Every output bin's mean and std are the same λ-mix of two examples' (to float32
    # precision), λ in [0, 1], and no two examples took the same partner (a permutation).
    assert max(max(res, std_res) for _, _, res, std_res in found) < 1e-4
    assert ((lams >= -1e-4) & (lams <= 1 + 1e-4)).all()
    mixed = [j for b, j in enumerate(partners) if j != b]
    assert len(set(mixed)) == len(mixed)
    # Mixed for real: several examples take much of another example's statistics.
    assert (lams < 0.9).sum() >= 2
    # The normalized pattern is kept: within each bin, y is an affine map of x.
    for b in range(B):
        for f in range(F):
            corr = np.corrcoef(x[b, f].ravel(), y[b, f].ravel())[0, 1]
            assert corr > 1 - 1e-5


def test_lambda_follows_beta():
    """λ ~ Beta(0.3, 0.3): mean 1/2, variance α²/((2α)²(2α + 1)) = 0.156 (uniform: 0.083)."""
    tf.random.set_seed(0)
    lams = []
    for seed in range(40):
        x = features(seed)
        y = freq_mixstyle(tf.constant(x), alpha=0.3, p=1.0).numpy()
        lams += [lam for b, (j, lam, *_) in enumerate(recover_mix(x, y)) if j != b]
    lams = np.clip(lams, 0, 1)
    # Of the 320 examples, about 1/8 drew themselves as the partner (λ unobservable).
    assert len(lams) >= 250
    # 4 standard errors: sd(λ) = 0.395 / sqrt(n), sd(variance) about 0.1 / sqrt(n).
    assert abs(lams.mean() - 0.5) < 4 * 0.395 / np.sqrt(len(lams))
    assert abs(lams.var() - 0.156) < 4 * 0.1 / np.sqrt(len(lams))


def test_identity_when_p_is_zero():
    x = features()
    np.testing.assert_array_equal(freq_mixstyle(tf.constant(x), p=0.0).numpy(), x)


def test_applied_with_probability_p():
    """1,000 batches at p = 0.4: 400 expected, binomial sd 15.5; 4 sd either side."""
    x = tf.constant(features(batch=4))
    mix = tf.function(lambda x: freq_mixstyle(x, p=0.4))
    tf.random.set_seed(1)
    changed = sum(not np.array_equal(mix(x).numpy(), x.numpy()) for _ in range(1000))
    assert abs(changed - 400) <= 4 * 15.5


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64, tf.float16])
def test_shape_and_dtype_are_preserved(dtype):
    x = tf.constant(features(), dtype=dtype)
    y = freq_mixstyle(x, p=1.0)
    assert y.shape == x.shape and y.dtype == dtype
    assert np.isfinite(y.numpy()).all()


def test_under_tf_function_with_unknown_batch():
    spec = tf.TensorSpec((None, F, T, C), tf.float32)
    mix = tf.function(lambda x: freq_mixstyle(x, p=1.0), input_signature=[spec])
    x = features(batch=5)
    tf.random.set_seed(2)
    y = mix(tf.constant(x)).numpy()
    assert y.shape == x.shape
    found = recover_mix(x, y)
    assert max(max(res, std_res) for _, _, res, std_res in found) < 1e-4


def test_inside_tf_data():
    """As the trainer uses it: mapped over batches of (features, labels)."""
    x = np.concatenate([features(seed) for seed in range(3)])
    labels = np.arange(len(x))
    dataset = (
        tf.data.Dataset.from_tensor_slices((x, labels))
        .batch(B)
        .map(lambda f, y: (freq_mixstyle(f, p=1.0), y))
    )
    tf.random.set_seed(4)
    for i, (mixed, y) in enumerate(dataset):
        np.testing.assert_array_equal(y.numpy(), labels[i * B : (i + 1) * B])
        assert mixed.shape == (B, F, T, C) and mixed.dtype == tf.float32
        found = recover_mix(x[i * B : (i + 1) * B], mixed.numpy())
        assert max(max(res, std_res) for _, _, res, std_res in found) < 1e-4
