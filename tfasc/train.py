"""Training through plain ``model.fit`` on a ``tf.data`` pipeline of cached features.

A run directory holds everything a run produces::

    RUN/config.json      the TrainConfig and front-end settings
    RUN/best.keras       best epoch by validation macro accuracy (ModelCheckpoint)
    RUN/last.keras       weights after the last epoch
    RUN/log.csv          one row per epoch (CSVLogger, appended on resume)
    RUN/tensorboard/     TensorBoard logs
    RUN/backup/          BackupAndRestore state: a killed run resumes at its last epoch

Validation uses the ``evaluate`` fold, as the DCASE baselines do (there is no separate
validation split in TAU; model selection on it is therefore optimistic).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import pathlib
import sys
import tomllib

import numpy as np

from tfasc import SCENES, augment, feature_cache, features, models
from tfasc.data import tau
from tfasc.evaluate import MacroAccuracy, write_json
from tfasc.keras import keras, tf

STRATEGIES = ("default", "mirrored", "multi_worker")


@dataclasses.dataclass(frozen=True, kw_only=True)
class TrainConfig:
    """Everything a training run needs; read from TOML with :meth:`from_toml`."""

    data_root: str
    """TAU (or synthetic TAU) data-set directory."""
    out_dir: str = "runs/default"
    """Run directory (checkpoints, logs, backup)."""
    model: str = "dcase2022_baseline"
    """Registered model name (``tfasc models``)."""
    model_args: dict = dataclasses.field(default_factory=dict)
    """Keyword arguments for the model builder."""
    frontend: str | None = None
    """Front-end preset; None uses the model's own."""
    split: int | None = None
    """DCASE2024 training subset in percent (5, 10, 25, 50, 100); None uses fold1_train."""
    epochs: int = 30
    """Training epochs."""
    batch_size: int = 64
    """Global batch size (split across replicas)."""
    learning_rate: float = 1e-3
    """Peak learning rate of Adam with cosine decay."""
    label_smoothing: float = 0.0
    """Label smoothing of the cross-entropy."""
    mixstyle_p: float = 0.4
    """Probability of Freq-MixStyle per batch (0 disables)."""
    mixstyle_alpha: float = 0.3
    """Beta(α, α) parameter of Freq-MixStyle."""
    seed: int = 0
    """Seed of weights, shuffling and augmentation."""
    strategy: str = "default"
    """tf.distribute strategy: default, mirrored (all local devices) or multi_worker."""
    cpu_replicas: int = 1
    """With ``mirrored`` and no GPU: split the CPU into this many logical devices."""
    cache_dir: str | None = None
    """Feature cache root; None uses ``$TFASC_CACHE`` or ``~/.cache/tfasc``."""
    on_error: str = "raise"
    """Bad audio files: ``raise`` or ``skip`` (skipped files are listed in the run)."""

    def __post_init__(self):
        if self.strategy not in STRATEGIES:
            raise ValueError(
                f"unknown strategy {self.strategy!r}; allowed: {', '.join(STRATEGIES)}"
            )
        models.spec(self.model)  # unknown model -> ValueError listing the registered ones
        if self.frontend is not None:
            features.preset(self.frontend)
        if self.split is not None and self.split not in tau.SPLITS:
            raise ValueError(f"unknown split {self.split}; allowed: {tau.SPLITS}")
        if self.epochs < 1 or self.batch_size < 1:
            raise ValueError("epochs and batch_size must be positive")

    @classmethod
    def from_toml(cls, path, **overrides) -> TrainConfig:
        """Reads a TOML file (keys = field names); ``overrides`` win over the file."""
        path = pathlib.Path(path)
        try:
            values = tomllib.loads(path.read_text())
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: training config not found") from None
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"{path}: invalid TOML ({error})") from None
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"{path}: unknown key(s) {', '.join(unknown)}; known: {sorted(known)}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def frontend_config(self) -> features.FrontendConfig:
        return features.preset(self.frontend or models.spec(self.model).frontend)


@dataclasses.dataclass
class TrainResult:
    """What :func:`train` produced."""

    run_dir: pathlib.Path
    best_model: pathlib.Path
    last_model: pathlib.Path
    history: dict
    skipped: list[str]


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


def make_dataset(feature_set, batch_size: int, *, shuffle: bool, config: TrainConfig | None = None):
    """A ``tf.data`` pipeline ``(features, label)`` over cached features."""
    data = tf.data.Dataset.from_tensor_slices((feature_set.features, feature_set.labels))
    if shuffle:
        data = data.shuffle(
            len(feature_set), seed=config.seed if config else None, reshuffle_each_iteration=True
        )
    data = data.batch(batch_size)
    if config is not None and config.mixstyle_p > 0:
        p, alpha = config.mixstyle_p, config.mixstyle_alpha
        data = data.map(
            lambda x, y: (augment.freq_mixstyle(x, alpha, p), y),
            num_parallel_calls=tf.data.AUTOTUNE,
        )
    return data.prefetch(tf.data.AUTOTUNE)


def fold_features(
    config: TrainConfig, part: str, *, data_root=None, progress: bool = True
) -> feature_cache.FeatureSet:
    """Cached features of a fold part: ``train`` (the DCASE2024 split if the config names
    one), ``evaluate`` or ``test``; ``data_root`` overrides the config's data set."""
    dataset = tau.load(data_root or config.data_root)
    clips = dataset.split(config.split) if part == "train" and config.split else dataset.fold(part)
    return feature_cache.compute_features(
        dataset,
        clips,
        config.frontend_config,
        cache_dir=config.cache_dir,
        on_error=config.on_error,
        progress=progress,
        description=f"{part} features",
    )


def load_features(config: TrainConfig, progress: bool = True):
    """Cached features of the training clips and of the evaluate fold."""
    return (
        fold_features(config, "train", progress=progress),
        fold_features(config, "evaluate", progress=progress),
    )


def _logged_epochs(log_path: pathlib.Path) -> list[dict]:
    if not log_path.is_file():
        return []
    with open(log_path) as handle:
        return list(csv.DictReader(handle))


@keras.utils.register_keras_serializable(package="tfasc")
class SparseCrossentropy(keras.losses.Loss):
    """Cross-entropy of logits ``(B, C)`` against integer labels, with label smoothing.

    Args:
        label_smoothing: weight moved from the true class to a uniform distribution.
    """

    def __init__(self, label_smoothing: float = 0.0, name="sparse_crossentropy", **kwargs):
        super().__init__(name=name, **kwargs)
        self.label_smoothing = label_smoothing

    def call(self, y_true, logits):
        labels = tf.cast(tf.reshape(y_true, [-1]), tf.int32)
        onehot = tf.one_hot(labels, tf.shape(logits)[-1])
        return keras.losses.categorical_crossentropy(
            onehot, logits, from_logits=True, label_smoothing=self.label_smoothing
        )

    def get_config(self):
        return {**super().get_config(), "label_smoothing": self.label_smoothing}


def compile_model(model: keras.Model, config: TrainConfig, steps_per_epoch: int) -> None:
    """Adam with cosine decay, cross-entropy, accuracy and class-macro accuracy."""
    schedule = keras.optimizers.schedules.CosineDecay(
        config.learning_rate, decay_steps=max(1, config.epochs * steps_per_epoch), alpha=0.01
    )
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss=SparseCrossentropy(config.label_smoothing),
        metrics=["accuracy", MacroAccuracy(len(SCENES))],
    )


def train(config: TrainConfig, *, progress: bool = True, callbacks=()) -> TrainResult:
    """Trains ``config.model`` on the data set with ``model.fit``.

    Rerunning with the same ``out_dir`` after an interruption resumes from the last
    completed epoch (BackupAndRestore); a finished run is not trained again.
    """
    run_dir = pathlib.Path(config.out_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    log_path = run_dir / "log.csv"
    logged = _logged_epochs(log_path)
    if (run_dir / "last.keras").is_file() and len(logged) >= config.epochs:
        return TrainResult(
            run_dir=run_dir,
            best_model=run_dir / "best.keras",
            last_model=run_dir / "last.keras",
            skipped=[],
            history={k: [float(row[k]) for row in logged] for k in logged[0] if k != "epoch"},
        )
    keras.utils.set_random_seed(config.seed)
    strategy = make_strategy(config.strategy, config.cpu_replicas)
    train_set, val_set = load_features(config, progress)
    frontend = config.frontend_config
    write_json(
        {"train": dataclasses.asdict(config), "frontend": frontend.to_dict()},
        run_dir / "config.json",
    )

    steps = int(np.ceil(len(train_set) / config.batch_size))
    with strategy.scope():
        model = models.build(
            config.model,
            input_shape=frontend.input_shape,
            num_classes=len(SCENES),
            **config.model_args,
        )
        compile_model(model, config, steps)

    scores = [float(row["val_macro_accuracy"]) for row in logged if row.get("val_macro_accuracy")]
    best = max(scores) if scores else None  # keeps ModelCheckpoint's best across a resume
    fit_callbacks = [
        keras.callbacks.BackupAndRestore(str(run_dir / "backup")),
        keras.callbacks.ModelCheckpoint(
            str(run_dir / "best.keras"),
            monitor="val_macro_accuracy",
            mode="max",
            save_best_only=True,
            initial_value_threshold=best,
        ),
        keras.callbacks.CSVLogger(str(log_path), append=True),
        keras.callbacks.TensorBoard(str(run_dir / "tensorboard"), profile_batch=0),
        *callbacks,
    ]
    history = model.fit(
        make_dataset(train_set, config.batch_size, shuffle=True, config=config),
        validation_data=make_dataset(val_set, config.batch_size, shuffle=False),
        epochs=config.epochs,
        callbacks=fit_callbacks,
        verbose=(1 if sys.stdout.isatty() else 2) if progress else 0,
    )
    model.save(run_dir / "last.keras")
    if not (run_dir / "best.keras").exists():  # resumed after the final epoch
        model.save(run_dir / "best.keras")
    skipped = train_set.skipped + val_set.skipped
    if skipped:
        (run_dir / "skipped.txt").write_text("\n".join(skipped) + "\n")
    return TrainResult(
        run_dir=run_dir,
        best_model=run_dir / "best.keras",
        last_model=run_dir / "last.keras",
        history=history.history,
        skipped=skipped,
    )


def load_run(run_dir) -> tuple[TrainConfig, features.FrontendConfig]:
    """The training and front-end settings of a run directory."""
    path = pathlib.Path(run_dir) / "config.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not a tfasc run directory (no config.json)")
    info = json.loads(path.read_text())
    return TrainConfig(**info["train"]), features.FrontendConfig(**info["frontend"])
