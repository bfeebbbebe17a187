"""mixup: inputs and targets mixed with the same λ and partner, λ ~ Beta(α, α), probability p."""

import numpy as np

from tfasc.augment import mixup
from tfasc.keras import tf


def batch(seed=0, size=16):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((size, 6, 5, 1)).astype(np.float32)
    # Targets whose rows are linearly independent, so λ and the partner can be read back.
    targets = np.concatenate([np.eye(size, dtype=np.float32), rng.random((size, 3), np.float32)], 1)
    return x, targets


def test_inputs_and_targets_get_the_same_mix():
    x, targets = batch()
    tf.random.set_seed(0)
    mixed_x, mixed_t = (v.numpy() for v in mixup(tf.constant(x), tf.constant(targets), 0.3, 1.0))
    assert mixed_x.shape == x.shape and mixed_t.shape == targets.shape
    size = len(x)
    for b in range(size):
        # The first `size` target columns are one-hot: row b holds λ_b at b, 1 - λ_b at π(b).
        onehot = mixed_t[b, :size]
        others = np.where(np.arange(size) == b, -1.0, onehot)
        partner = int(others.argmax()) if onehot[b] < 1 - 1e-6 else b
        lam = onehot[b]
        if partner == b:  # drew itself (or λ = 1): unchanged
            np.testing.assert_allclose(mixed_x[b], x[b], atol=1e-6)
            continue
        assert abs(onehot[b] + onehot[partner] - 1) < 1e-5
        np.testing.assert_allclose(mixed_x[b], lam * x[b] + (1 - lam) * x[partner], atol=1e-5)
        np.testing.assert_allclose(
            mixed_t[b], lam * targets[b] + (1 - lam) * targets[partner], atol=1e-5
        )
    # Every row of targets still sums like the originals (a convex combination).
    np.testing.assert_allclose(mixed_t[:, :size].sum(axis=1), 1.0, atol=1e-5)


def test_lambda_follows_beta_and_p_zero_is_identity():
    """λ ~ Beta(0.3, 0.3): mean 1/2, variance 0.156 (4 standard errors)."""
    tf.random.set_seed(1)
    lams = []
    for seed in range(30):
        x, targets = batch(seed)
        _, mixed_t = mixup(tf.constant(x), tf.constant(targets), 0.3, 1.0)
        onehot = mixed_t.numpy()[:, : len(x)]
        lams += [onehot[b, b] for b in range(len(x)) if onehot[b, b] < 1 - 1e-6]
    lams = np.array(lams)
    # λ and 1 − λ are read from the same mixture, so λ is only known up to λ ↔ 1 − λ when
    # the partner pair is mutual; the diagonal entry is λ_b itself.
    assert len(lams) > 300
    assert abs(lams.mean() - 0.5) < 4 * 0.395 / np.sqrt(len(lams))
    assert abs(lams.var() - 0.156) < 4 * 0.1 / np.sqrt(len(lams))
    x, targets = batch()
    same_x, same_t = mixup(tf.constant(x), tf.constant(targets), 0.3, 0.0)
    np.testing.assert_array_equal(same_x.numpy(), x)
    np.testing.assert_array_equal(same_t.numpy(), targets)


def test_waveforms_and_tf_data():
    waves = np.random.default_rng(2).standard_normal((8, 100)).astype(np.float32)
    targets = np.eye(8, dtype=np.float32)
    data = (
        tf.data.Dataset.from_tensor_slices((waves, targets))
        .batch(4)
        .map(lambda w, t: mixup(w, t, 0.3, 1.0))
    )
    for w, t in data:
        assert w.shape == (4, 100) and t.shape == (4, 8)
        np.testing.assert_allclose(t.numpy().sum(axis=1), 1.0, atol=1e-5)
