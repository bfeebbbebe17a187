"""Fine-tuning after a compression step, through ``model.fit``, optionally distilled.

Distillation uses :mod:`tfasc.distill`: the dense model is the teacher, its logits are
computed once per clip before pruning (:func:`teacher_targets`) and travel packed with the
labels, so the pruned or quantization-aware student trains under plain ``model.fit`` with
``DistillationLoss``.

Example:
    >>> targets = teacher_targets(dense, train_set.features, temperature=2.0)
    >>> fine_tune(pruned, train_set, epochs=4, learning_rate=5e-4, teacher=targets,
    ...           callbacks=pruning_callbacks())
"""

from __future__ import annotations

import numpy as np

from tfasc import SCENES, distill, feature_cache
from tfasc import train as training
from tfasc.augment import pipeline
from tfasc.config import AugmentConfig, OptimizerConfig
from tfasc.keras import keras


def predict_logits(model: keras.Model, features: np.ndarray, batch_size: int = 128) -> np.ndarray:
    """Inference-mode outputs of ``model`` on ``features``."""
    return model.predict(features, batch_size=batch_size, verbose=0)


def teacher_targets(teacher: keras.Model, features: np.ndarray, temperature: float) -> np.ndarray:
    """The teacher's probabilities at ``temperature`` for every example (computed once)."""
    return distill.soft_targets(predict_logits(teacher, features), temperature)


def fine_tune(
    model: keras.Model,
    train_set: feature_cache.FeatureSet,
    *,
    epochs: int,
    learning_rate: float,
    batch_size: int = 64,
    seed: int = 0,
    augment: AugmentConfig | None = None,
    teacher: np.ndarray | None = None,
    label_weight: float = 0.5,
    temperature: float = 2.0,
    callbacks=(),
    verbose: int = 0,
) -> dict:
    """Trains ``model`` for ``epochs`` with Adam and cosine decay; returns the history.

    Args:
        model: the model to train (possibly wrapped for pruning or quantization).
        train_set: training features and labels.
        epochs: epochs of fine-tuning (0 returns at once).
        learning_rate: peak learning rate.
        batch_size: batch size.
        seed: shuffling seed.
        augment: augmentation of the cached features (Freq-MixStyle, masking, rolling; not
            DIR, which needs waveforms, nor mixup), None for none.
        teacher: ``(N, C)`` teacher probabilities (:func:`teacher_targets`) to distill from,
            or None for plain cross-entropy.
        label_weight: λ of :class:`tfasc.distill.DistillationLoss`.
        temperature: T of the distillation loss (the one ``teacher`` was computed at).
        callbacks: Keras callbacks (pruning needs :func:`~.magnitude.pruning_callbacks`).
        verbose: ``fit`` verbosity.
    """
    if epochs <= 0:
        return {}
    if augment is not None and (augment.dir or augment.mixup_p > 0):
        raise ValueError(
            "compression fine-tuning takes feature augmentations only (no DIR, no mixup)"
        )
    steps = int(np.ceil(len(train_set) / batch_size))
    optimizer = OptimizerConfig(epochs=epochs, batch_size=batch_size, learning_rate=learning_rate)
    training.compile_model(model, optimizer, steps)
    augment = augment or AugmentConfig(mixstyle_p=0.0)
    targets = train_set.labels
    if teacher is not None:
        targets = distill.pack_targets(train_set.labels, teacher)
        schedule = keras.optimizers.schedules.CosineDecay(
            learning_rate, decay_steps=max(1, epochs * steps), alpha=0.01
        )
        model.compile(
            optimizer=keras.optimizers.Adam(schedule),
            loss=distill.DistillationLoss(label_weight, temperature),
        )
    keras.utils.set_random_seed(seed)
    history = model.fit(
        pipeline.training_dataset(
            pipeline.TrainingInputs(train_set),
            targets,
            batch_size,
            augment,
            frontend=None,
            num_classes=len(SCENES),
            seed=seed,
        ),  # fmt: skip
        epochs=epochs,
        callbacks=list(callbacks),
        verbose=verbose,
    )
    return {key: [float(v) for v in values] for key, values in history.history.items()}


def accuracy(model: keras.Model, feature_set: feature_cache.FeatureSet) -> float:
    """Top-1 accuracy of ``model`` on a feature set."""
    labels = np.argmax(predict_logits(model, feature_set.features), axis=1)
    return float(np.mean(labels == feature_set.labels))
