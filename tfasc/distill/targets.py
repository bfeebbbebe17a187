"""What ``model.fit`` trains against: the targets of every example and the loss reading them.

Without distillation the targets are the integer labels (or one-hot rows when mixup needs
dense targets) and the loss is cross-entropy with the run's label smoothing. With
``[distill] teachers`` they are ``[labels | ensemble probabilities at T]`` and the loss is
:class:`~tfasc.distill.loss.DistillationLoss`; with ``[distill] embedding_teacher`` the
teacher's embedding is appended and :class:`~tfasc.distill.embedding.EmbeddingDistillationLoss`
adds the embedding term. Teacher outputs come from the cache (:mod:`.teachers`); the
teachers are checked (front end, checkpoint) before anything is computed.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from tfasc import SCENES
from tfasc import run as runs
from tfasc.distill.embedding import EmbeddingDistillationLoss
from tfasc.distill.loss import DistillationLoss, pack_targets, soft_targets
from tfasc.distill.teachers import Teacher, ensemble_logits, load_teachers, teacher_embeddings
from tfasc.feature_cache import FeatureSet
from tfasc.keras import keras
from tfasc.losses import SparseCrossentropy


@dataclasses.dataclass
class Targets:
    """Targets of the training and validation examples, and the loss."""

    train: np.ndarray
    validation: np.ndarray
    loss: keras.losses.Loss
    embedding_dim: int | None = None
    """E when the training model must append a projected embedding (embedding KD)."""


@dataclasses.dataclass(frozen=True)
class TeacherSet:
    """The checked teachers of a run: the logit ensemble and the embedding teacher."""

    ensemble: list[Teacher]
    embedding: Teacher | None


def check_teachers(run: runs.Run) -> TeacherSet:
    """Loads and checks the run's teachers (see :func:`.teachers.load_teachers`)."""
    settings = run.config.distill
    ensemble = load_teachers(settings.teachers, run.frontend)
    embedding = None
    if settings.embedding:
        embedding = load_teachers([settings.embedding_teacher], run.frontend)[0]
    return TeacherSet(ensemble, embedding)


def training_targets(
    run: runs.Run,
    teachers: TeacherSet,
    train_set: FeatureSet,
    val_set: FeatureSet,
    *,
    dense: bool,
    num_classes: int = len(SCENES),
) -> Targets:
    """Targets and loss of the run's training settings.

    Args:
        run: the student's run.
        teachers: from :func:`check_teachers`.
        train_set: the training features (their rows are the examples).
        val_set: the validation features.
        dense: targets must be dense rows (mixup).
        num_classes: C.
    """
    settings = run.config.distill
    smoothing = run.config.optimizer.label_smoothing
    if not teachers.ensemble and teachers.embedding is None:
        if not dense:
            return Targets(train_set.labels, val_set.labels, SparseCrossentropy(smoothing))
        return Targets(
            pack_targets(train_set.labels, num_classes=num_classes),
            pack_targets(val_set.labels, num_classes=num_classes),
            keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=smoothing),
        )

    def packed(part: str, features: FeatureSet) -> np.ndarray:
        probabilities = embeddings = None
        if teachers.ensemble:
            logits = ensemble_logits(teachers.ensemble, run, part, features)
            probabilities = soft_targets(logits, settings.temperature)
        if teachers.embedding is not None:
            embeddings = teacher_embeddings(
                teachers.embedding, run, part, features, settings.embedding_layer
            )
        return pack_targets(features.labels, probabilities, embeddings=embeddings,
                            num_classes=num_classes)  # fmt: skip

    train, validation = packed("train", train_set), packed("evaluate", val_set)
    if teachers.ensemble:
        loss = DistillationLoss(settings.label_weight, settings.temperature)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=smoothing)
    if teachers.embedding is None:
        return Targets(train, validation, loss)
    dim = train.shape[1] - num_classes * (2 if teachers.ensemble else 1)
    loss = EmbeddingDistillationLoss(
        num_classes, dim, settings.embedding_loss, settings.embedding_weight, class_loss=loss
    )
    return Targets(train, validation, loss, embedding_dim=dim)
