"""Training through plain ``model.fit`` on a ``tf.data`` pipeline of cached features.

The pipeline and its augmentations are built by :mod:`tfasc.augment.pipeline`, the targets
and loss (labels, or packed teacher targets for distillation) by :mod:`tfasc.distill.targets`.

:func:`train` checks the run directory first (:func:`tfasc.run.prepare`: a directory that
holds a run with other settings is an error, a finished run is reported, not retrained),
builds the model, computes or reads the features, and only then writes the run directory
and calls ``model.fit`` with ModelCheckpoint (best validation macro accuracy),
BackupAndRestore (a killed run resumes at the epoch it was killed in), CSVLogger and
TensorBoard.
"""

from __future__ import annotations

import dataclasses
import sys
import time

import numpy as np

from tfasc import SCENES, atomic, augment, distill, models
from tfasc import run as runs
from tfasc.config import STRATEGIES, OptimizerConfig, TrainConfig
from tfasc.keras import keras, tf
from tfasc.losses import SparseCrossentropy
from tfasc.metrics import Accuracy, MacroAccuracy


@dataclasses.dataclass
class TrainResult:
    """What :func:`train` did."""

    run: runs.Run
    """The run directory and its settings."""
    history: dict
    """Per-epoch metrics of every finished epoch (``loss``, ``val_macro_accuracy``, ...)."""
    epochs_trained: int
    """Epochs trained by this call: 0 when the run was already complete."""
    skipped: list[str]
    """Bad audio files left out (``data.on_error = "skip"``)."""

    @property
    def run_dir(self):
        return self.run.directory

    @property
    def best_model(self):
        return self.run.path("best.keras")

    @property
    def last_model(self):
        return self.run.path("last.keras")


def make_strategy(name: str, cpu_replicas: int = 1) -> tf.distribute.Strategy:
    """The ``tf.distribute`` strategy for ``name`` (see :data:`STRATEGIES`).

    ``multi_worker`` uses ``MultiWorkerMirroredStrategy``, configured by the ``TF_CONFIG``
    environment variable of each worker (cluster spec and task index), as documented in
    the README. ``cpu_replicas > 1`` must be set before TensorFlow initializes its devices.
    """
    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; allowed: {', '.join(STRATEGIES)}")
    if name == "default":
        return tf.distribute.get_strategy()
    if name == "multi_worker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    gpus = tf.config.list_physical_devices("GPU")
    if not gpus and cpu_replicas > 1:
        cpu = tf.config.list_physical_devices("CPU")[0]
        try:
            tf.config.set_logical_device_configuration(
                cpu, [tf.config.LogicalDeviceConfiguration()] * cpu_replicas
            )
        except RuntimeError:  # devices already initialized: fine if they are already split
            if len(tf.config.list_logical_devices("CPU")) < cpu_replicas:
                raise RuntimeError(
                    f"cpu_replicas={cpu_replicas} must be set before TensorFlow initializes "
                    "its devices (start a new process)"
                ) from None
    devices = None if gpus else [d.name for d in tf.config.list_logical_devices("CPU")]
    return tf.distribute.MirroredStrategy(
        devices=devices, cross_device_ops=None if gpus else tf.distribute.ReductionToOneDevice()
    )


def compile_model(
    model: keras.Model,
    optimizer: OptimizerConfig,
    steps_per_epoch: int,
    loss=None,
    jit_compile: bool = False,
) -> None:
    """Adam with cosine decay, ``loss`` (default cross-entropy), accuracy and class-macro
    accuracy; ``jit_compile`` compiles the training step with XLA."""
    schedule = keras.optimizers.schedules.CosineDecay(
        optimizer.learning_rate,
        decay_steps=max(1, optimizer.epochs * steps_per_epoch),
        alpha=0.01,
    )
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss=loss or SparseCrossentropy(optimizer.label_smoothing),
        metrics=[Accuracy(len(SCENES)), MacroAccuracy(len(SCENES))],
        jit_compile=jit_compile,
    )


class StudentCheckpoint(keras.callbacks.ModelCheckpoint):
    """ModelCheckpoint that saves ``student`` whatever model ``fit`` trains (a training model
    with a projection head shares the student's layers; the head is not saved)."""

    def __init__(self, student: keras.Model, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.student = student

    def set_model(self, model):
        super().set_model(self.student)


class EpochLine(keras.callbacks.Callback):
    """One line per epoch: losses, accuracy and macro accuracy, validation, seconds."""

    def __init__(self, epochs: int, print_fn=print):
        super().__init__()
        self.epochs = epochs
        self.print_fn = print_fn
        self._start = 0.0

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.time()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}

        def part(prefix):
            return (
                f"loss {logs.get(prefix + 'loss', float('nan')):.3f}, "
                f"accuracy {100 * logs.get(prefix + 'accuracy', float('nan')):.1f} %, "
                f"macro {100 * logs.get(prefix + 'macro_accuracy', float('nan')):.1f} %"
            )

        self.print_fn(
            f"epoch {epoch + 1}/{self.epochs}: {part('')} | validation {part('val_')} "
            f"({time.time() - self._start:.1f} s)"
        )


def _history(rows: list[dict]) -> dict:
    keys = [k for k in (rows[0] if rows else {}) if k != "epoch"]
    return {k: [float(row[k]) for row in rows] for k in keys}


def _skipped(run: runs.Run) -> list[str]:
    path = run.path("skipped.txt")
    return path.read_text().splitlines() if path.is_file() else []


def train(
    train_config: TrainConfig, *, overwrite: bool = False, progress: bool = True, callbacks=()
) -> TrainResult:
    """Trains ``train_config.model`` on the data set with ``model.fit``.

    Rerunning the same config after an interruption resumes from the last completed epoch;
    a finished run is not trained again (``epochs_trained == 0``).

    Args:
        train_config: the validated settings.
        overwrite: replace a run with other settings in ``out_dir`` (never a folder that is
            not a tfasc run).
        progress: progress bars and one line per epoch.
        callbacks: extra Keras callbacks.

    Raises:
        tfasc.run.RunMismatchError: ``out_dir`` holds a run with other settings; nothing in
            it was changed.
        tfasc.run.RunError, tfasc.data.tau.TAUDataError, tfasc.data.audio.AudioError: bad
            run directory or data, named in the message.
    """
    run = runs.prepare(train_config, overwrite=overwrite)
    if run.exists and run.finished:
        return TrainResult(run, _history(run.logged_epochs()), 0, _skipped(run))
    optimizer = train_config.optimizer
    teachers = distill.check_teachers(run)
    keras.utils.set_random_seed(train_config.runtime.seed)
    strategy = make_strategy(train_config.runtime.strategy, train_config.runtime.cpu_replicas)
    with strategy.scope():
        model = models.build(
            train_config.model.name,
            input_shape=run.frontend.input_shape,
            num_classes=len(SCENES),
            **train_config.model.args,
        )
    train_set = run.features("train", progress=progress)
    val_set = run.features("evaluate", progress=progress)
    targets = distill.training_targets(
        run, teachers, train_set, val_set, dense=augment.needs_dense_targets(train_config.augment)
    )
    inputs = augment.training_inputs(run, train_set, progress=progress)
    run = run.initialize()
    with strategy.scope():
        fit_model = model
        if targets.embedding_dim:  # embedding distillation: a projection head, for training only
            fit_model = distill.with_projection(
                model, targets.embedding_dim, train_config.distill.embedding_layer
            )
        steps = int(np.ceil(len(train_set) / optimizer.batch_size))
        compile_model(fit_model, optimizer, steps, targets.loss)

    logged = run.logged_epochs()
    scores = [float(row["val_macro_accuracy"]) for row in logged if row.get("val_macro_accuracy")]
    fit_callbacks = [
        keras.callbacks.BackupAndRestore(str(run.path("backup"))),
        StudentCheckpoint(
            model,
            str(run.path("best.keras")),
            monitor="val_macro_accuracy",
            mode="max",
            save_best_only=True,
            initial_value_threshold=max(scores) if scores else None,  # best across a resume
        ),
        keras.callbacks.CSVLogger(str(run.log_path), append=True),
        keras.callbacks.TensorBoard(str(run.path("tensorboard")), profile_batch=0),
        *([EpochLine(optimizer.epochs)] if progress and not sys.stdout.isatty() else []),
        *callbacks,
    ]
    fit_model.fit(
        augment.training_dataset(
            inputs,
            targets.train,
            optimizer.batch_size,
            train_config.augment,
            run.frontend,
            num_classes=len(SCENES),
            seed=train_config.runtime.seed,
        ),
        validation_data=augment.evaluation_dataset(
            val_set, targets.validation, optimizer.batch_size
        ),  # fmt: skip
        epochs=optimizer.epochs,
        callbacks=fit_callbacks,
        verbose=1 if progress and sys.stdout.isatty() else 0,  # a bar, or EpochLine
    )
    model.save(run.path("last.keras"))
    if not run.path("best.keras").exists():  # resumed after the final epoch
        model.save(run.path("best.keras"))
    skipped = train_set.skipped + val_set.skipped
    for name, lines in (
        ("skipped.txt", skipped),
        ("padded.txt", train_set.padded + val_set.padded),
    ):
        if lines:
            atomic.write_text(run.path(name), "\n".join(lines) + "\n")
    rows = run.logged_epochs()
    return TrainResult(run, _history(rows), len(rows) - len(logged), skipped)
