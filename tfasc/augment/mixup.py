"""mixup (Zhang et al., ICLR 2018) on a batch of inputs and their dense targets.

Each example ``b`` is mixed with a partner ``π(b)`` (a random permutation of the batch):
``x'_b = λ_b·x_b + (1 − λ_b)·x_π(b)`` and the same for its targets, ``λ_b ~ Beta(α, α)``.
The targets are every column the loss reads: one-hot labels, and with distillation the
teacher probabilities and embeddings packed beside them (:mod:`tfasc.distill`), so labels
and teacher targets are mixed alike. Applied to a whole batch with probability ``p``.
"""

from __future__ import annotations

from tfasc.augment.sampling import beta
from tfasc.keras import tf


def mixup(x: tf.Tensor, targets: tf.Tensor, alpha: float = 0.3, p: float = 1.0):
    """mixup of inputs ``(B, ...)`` (features or waveforms) and targets ``(B, K)``.

    Args:
        x: a batch of inputs of any rank.
        targets: ``(B, K)`` float targets (one-hot or soft labels, packed teacher targets).
        alpha: the Beta(α, α) parameter.
        p: probability that the batch is mixed.

    Returns:
        ``(x', targets')`` of the same shapes and dtypes.
    """

    def mix():
        batch = tf.shape(x)[0]
        lam = beta([batch], alpha)  # (B,)
        partner = tf.random.shuffle(tf.range(batch))
        lam_x = tf.reshape(tf.cast(lam, x.dtype), [-1] + [1] * (x.shape.rank - 1))
        lam_t = tf.cast(lam[:, tf.newaxis], targets.dtype)
        mixed_x = lam_x * x + (1 - lam_x) * tf.gather(x, partner)
        mixed_t = lam_t * targets + (1 - lam_t) * tf.gather(targets, partner)
        return mixed_x, mixed_t

    return tf.cond(tf.random.uniform([]) < p, mix, lambda: (x, targets))
