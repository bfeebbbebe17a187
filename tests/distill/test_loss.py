"""Logit distillation: the loss against its closed form, targets, and model.fit."""

import numpy as np
import pytest

from tfasc import distill
from tfasc.keras import keras


def _log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def test_soft_targets_average_logits_then_soften():
    a = np.array([[2.0, 0.0, -2.0]])
    b = np.array([[0.0, 2.0, -2.0]])
    got = distill.soft_targets([a, b], temperature=2.0)
    mean = (a + b) / 2 / 2.0
    np.testing.assert_allclose(got, np.exp(_log_softmax(mean)), rtol=1e-6)
    np.testing.assert_allclose(distill.soft_targets(a, 1.0).sum(axis=1), 1.0, rtol=1e-6)
    with pytest.raises(ValueError, match="temperature must be positive"):
        distill.soft_targets(a, 0.0)


def test_loss_equals_closed_form():
    rng = np.random.default_rng(0)
    student = rng.standard_normal((5, 4)).astype(np.float32)
    teacher_logits = rng.standard_normal((5, 4))
    labels = np.array([0, 1, 2, 3, 0])
    lam, t = 0.02, 2.0
    p = distill.soft_targets(teacher_logits, t)
    y = distill.pack_targets(labels, p)
    ce = -_log_softmax(student.astype(np.float64))[np.arange(5), labels]
    kl = (p * (np.log(p) - _log_softmax(student.astype(np.float64) / t))).sum(axis=1)
    expected = np.mean(lam * ce + (1 - lam) * t * t * kl)
    got = distill.DistillationLoss(lam, t)(y, student).numpy()
    assert got == pytest.approx(expected, rel=1e-5)
    # λ = 1 is the plain cross-entropy; a student equal to the teacher has zero KL.
    assert distill.DistillationLoss(1.0, t)(y, student).numpy() == pytest.approx(
        ce.mean(), rel=1e-5
    )
    same = distill.pack_targets(labels, distill.soft_targets(student, t))
    assert distill.DistillationLoss(0.0, t)(same, student).numpy() == pytest.approx(0.0, abs=1e-6)


def test_config_round_trip_and_errors():
    loss = distill.DistillationLoss(0.1, 3.0)
    again = distill.DistillationLoss.from_config(loss.get_config())
    assert (again.label_weight, again.temperature) == (0.1, 3.0)
    with pytest.raises(ValueError, match="label_weight must be in"):
        distill.DistillationLoss(1.5)
    with pytest.raises(ValueError, match="3 labels but 2 teacher targets"):
        distill.pack_targets([0, 1, 2], np.ones((2, 4)) / 4)


def test_a_student_learns_the_teacher_through_fit():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((256, 8)).astype(np.float32)
    teacher_logits = x @ rng.standard_normal((8, 3))
    labels = teacher_logits.argmax(axis=1)
    y = distill.pack_targets(labels, distill.soft_targets(teacher_logits, 2.0))
    student = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3)])
    student.compile(keras.optimizers.Adam(0.05), loss=distill.DistillationLoss())
    before = student.evaluate(x, y, verbose=0)
    student.fit(x, y, epochs=30, batch_size=64, verbose=0)
    assert student.evaluate(x, y, verbose=0) < 0.2 * before
    agreement = np.mean(student.predict(x, verbose=0).argmax(axis=1) == labels)
    assert agreement > 0.95
