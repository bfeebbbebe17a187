"""Knowledge distillation from teacher logits, as the DCASE2023-2024 leaders train students.

loss = λ·CE(labels, student) + (1 − λ)·T²·KL(p_teacher ‖ softmax(student / T)),

with λ = 0.02 and T = 2 by default (Schmid et al., CP-JKU DCASE2023/2024; the T² factor keeps
the gradient scale independent of T, Hinton et al. 2015). The teacher distribution
``p_teacher = softmax(mean of the ensemble's logits / T)`` is computed once per clip
(:func:`soft_targets`), never per step, and travels with the labels: the loss reads
``y_true = [soft labels (C) | teacher probabilities at T (C)]``, so mixup can mix both with
the same weights (a mixture of the two teachers' distributions) and ``model.fit`` needs no
custom training step; the pair works under any ``tf.distribute`` strategy.

Example:
    >>> targets = soft_targets([teacher_a_logits, teacher_b_logits], temperature=2.0)
    >>> y = pack_targets(labels, targets)          # (N, 2 C)
    >>> student.compile(optimizer, loss=DistillationLoss(0.02, 2.0))
    >>> student.fit(features, y)
"""

from __future__ import annotations

import numpy as np

from tfasc.keras import keras, tf


def soft_targets(ensemble_logits, temperature: float = 2.0) -> np.ndarray:
    """Teacher probabilities at ``temperature`` from the mean logits of an ensemble.

    Args:
        ensemble_logits: one ``(N, C)`` logit array per teacher (or a single array).
        temperature: the distillation temperature T.

    Returns:
        ``(N, C)`` float32 probabilities, rows summing to 1.
    """
    stacked = np.asarray(ensemble_logits, np.float64)
    mean = stacked.mean(axis=0) if stacked.ndim == 3 else stacked
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    scaled = mean / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    probabilities = np.exp(scaled)
    return (probabilities / probabilities.sum(axis=1, keepdims=True)).astype(np.float32)


def pack_targets(
    labels, teacher_probabilities=None, *, embeddings=None, num_classes: int | None = None
) -> np.ndarray:
    """``[one-hot labels | teacher probabilities | teacher embeddings]`` as float32 targets.

    Args:
        labels: ``(N,)`` class indices.
        teacher_probabilities: ``(N, C)`` from :func:`soft_targets`, or None.
        embeddings: ``(N, E)`` teacher embeddings (:mod:`tfasc.distill.embedding`), or None.
        num_classes: C; default the width of ``teacher_probabilities``.

    Returns:
        ``(N, C [+ C] [+ E])`` targets, in that column order.
    """
    labels = np.asarray(labels).reshape(-1)
    parts = []
    if teacher_probabilities is not None:
        teacher_probabilities = np.asarray(teacher_probabilities, np.float32)
        num_classes = num_classes or teacher_probabilities.shape[1]
        parts.append(teacher_probabilities)
    if embeddings is not None:
        parts.append(np.asarray(embeddings, np.float32))
    if num_classes is None:
        raise ValueError("pack_targets needs num_classes when there are no teacher probabilities")
    for part in parts:
        if len(part) != len(labels):
            raise ValueError(f"{len(labels)} labels but {len(part)} teacher targets")
    onehot = np.eye(num_classes, dtype=np.float32)[labels]
    return np.concatenate([onehot, *parts], axis=1)


@keras.utils.register_keras_serializable(package="tfasc")
class DistillationLoss(keras.losses.Loss):
    """Label cross-entropy plus temperature-scaled KL to the teacher, on packed targets.

    Args:
        label_weight: λ, the weight of the label cross-entropy (0.02 in the DCASE recipes).
        temperature: T (2 in the DCASE recipes).

    Shapes:
        ``y_true``: ``(B, 2 C)`` from :func:`pack_targets` (possibly mixed by mixup);
        ``logits``: ``(B, C)`` student logits.
    """

    def __init__(
        self, label_weight: float = 0.02, temperature: float = 2.0, name="distillation", **kwargs
    ):
        super().__init__(name=name, **kwargs)
        if not 0.0 <= label_weight <= 1.0:
            raise ValueError(f"label_weight must be in [0, 1], got {label_weight}")
        if temperature <= 0:
            raise ValueError(f"temperature must be positive, got {temperature}")
        self.label_weight = label_weight
        self.temperature = temperature

    def call(self, y_true, logits):
        classes = tf.shape(logits)[-1]
        labels, teacher = y_true[:, :classes], y_true[:, classes:]  # (B, C) each
        ce = keras.losses.categorical_crossentropy(labels, logits, from_logits=True)
        log_student = tf.nn.log_softmax(logits / self.temperature, axis=-1)
        log_teacher = tf.math.log(tf.maximum(teacher, 1e-12))
        kl = tf.reduce_sum(teacher * (log_teacher - log_student), axis=-1)
        t2 = self.temperature**2
        return self.label_weight * ce + (1.0 - self.label_weight) * t2 * kl

    def get_config(self):
        return {
            **super().get_config(),
            "label_weight": self.label_weight,
            "temperature": self.temperature,
        }
