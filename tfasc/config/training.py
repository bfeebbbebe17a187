"""The training run's sections (data, model, augmentation, optimizer, runtime, distillation,
device fine-tuning), the device translator's and the export's, and :class:`TrainConfig`, the
tree of them a training TOML file holds."""

from __future__ import annotations

import dataclasses
import inspect
import os
import pathlib

from tfasc import DEVICES, UNSEEN_DEVICES, features, models
from tfasc.config.sections import (
    ConfigError,
    Section,
    build,
    check_range,
    choice,
    read_toml,
    to_dict,
    where,
)
from tfasc.data import audio, tau

STRATEGIES = ("default", "mirrored", "multi_worker")
"""``tf.distribute`` strategies: default, mirrored (all local devices), multi_worker."""

ON_ERROR = ("raise", "skip")
"""What a bad audio file does: stop the run, or leave the file out and list it."""

LONG_CLIPS = audio.LONG_CLIPS
"""Audio longer than the front end's clip: an error, or cut into clip-length slices."""

EXPORT_MODES = ("float32", "dynamic", "int8")
"""TFLite conversion modes (:data:`tfasc.convert.MODES`)."""

CHECKPOINTS = ("best", "last")
"""Checkpoints of a run: best validation macro accuracy, or the last epoch."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataConfig(Section):
    """Which audio a run trains and validates on."""

    TABLE = "data"
    PATHS = ("root", "cache_dir")

    root: str
    """TAU (or synthetic TAU) data-set directory."""
    split: int | None = None
    """DCASE2024 training subset in percent (5, 10, 25, 50, 100); None uses fold1_train."""
    cache_dir: str | None = None
    """Feature cache root; None uses ``$TFASC_CACHE`` or ``~/.cache/tfasc``."""
    on_error: str = "raise"
    """Bad audio files: ``raise`` or ``skip`` (skipped files are listed in the run)."""
    long_clips: str = "error"
    """Audio longer than the clip length (10-s TAU 2020): ``error`` or ``slice``."""

    def _check(self):
        choice(self, "split", tau.SPLITS, optional=True)
        choice(self, "on_error", ON_ERROR)
        choice(self, "long_clips", LONG_CLIPS)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ModelConfig(Section):
    """The architecture and its front end."""

    TABLE = "model"

    name: str = "dcase2022_baseline"
    """Registered model name (``tfasc models``)."""
    args: dict = dataclasses.field(default_factory=dict)
    """Keyword arguments of the model builder (checked against its signature)."""
    frontend: str | None = None
    """Front-end preset; None uses the model's own."""

    def _check(self):
        try:
            spec = models.spec(self.name)
            if self.frontend is not None:
                features.preset(self.frontend)
        except ValueError as error:
            raise ConfigError(
                f"{where(self, 'frontend' if 'preset' in str(error) else 'name')}: {error}"
            ) from None
        parameters = inspect.signature(spec.builder).parameters
        if not any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
            fixed = {"input_shape", "num_classes"}
            allowed = sorted(set(parameters) - fixed)
            unknown = sorted(set(self.args) - set(allowed))
            if unknown or fixed & set(self.args):
                bad = unknown or sorted(fixed & set(self.args))
                raise ConfigError(
                    f"[model.args] {', '.join(bad)}: not an argument of model {self.name!r}; "
                    f"allowed: {', '.join(allowed) or 'none'}"
                )

    @property
    def frontend_config(self) -> features.FrontendConfig:
        """The front-end settings the model takes."""
        return features.preset(self.frontend or models.spec(self.name).frontend)


@dataclasses.dataclass(frozen=True, kw_only=True)
class AugmentConfig(Section):
    """Device augmentation of the training batches (:mod:`tfasc.augment`)."""

    TABLE = "augment"
    PATHS = ("dir_bank", "translator")

    mixstyle_p: float = 0.4
    """Probability of Freq-MixStyle per batch (0 disables)."""
    mixstyle_alpha: float = 0.3
    """Beta(α, α) parameter of Freq-MixStyle."""
    mixup_p: float = 0.0
    """Probability that a batch is mixed by mixup, features and targets alike (0 disables)."""
    mixup_alpha: float = 0.3
    """Beta(α, α) parameter of mixup."""
    freq_mask_bins: int = 0
    """Widest frequency mask in mel bins (0 disables)."""
    freq_masks: int = 1
    """Frequency masks per example."""
    time_mask_frames: int = 0
    """Widest time mask in frames (0 disables)."""
    time_masks: int = 1
    """Time masks per example."""
    roll_frames: int = 0
    """Largest time roll in frames, either way (0 disables)."""
    dir: bool = False
    """Device impulse response convolution of device-``a`` clips on the waveform (the
    training features are then computed on the fly from cached waveforms)."""
    dir_p: float = 0.6
    """Probability that a device-``a`` clip is convolved with a random impulse response."""
    dir_bank: str | None = None
    """Folder of mono WAV impulse responses (e.g. MicIRP); None estimates one response per
    training device (b, c, s1-s3, never s4-s6) from the parallel training recordings."""
    dir_taps: int = 1024
    """Length of the estimated impulse responses in samples."""
    translator: str | None = None
    """Device translator folder (``tfasc translator train``); None disables translation."""
    translation_p: float = 0.3
    """Probability that a device-``a`` clip not convolved by DIR is translated to a random
    device of the translator."""

    def _check(self):
        for name in ("mixstyle_p", "mixup_p", "dir_p", "translation_p"):
            check_range(self, name, 0.0, 1.0)
        check_range(self, "mixstyle_alpha", 0.0, None, open_low=True)
        check_range(self, "mixup_alpha", 0.0, None, open_low=True)
        for name in ("freq_mask_bins", "time_mask_frames", "roll_frames"):
            check_range(self, name, 0, None)
        for name in ("freq_masks", "time_masks", "dir_taps"):
            check_range(self, name, 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class OptimizerConfig(Section):
    """Adam with cosine decay and cross-entropy."""

    TABLE = "optimizer"

    epochs: int = 30
    """Training epochs."""
    batch_size: int = 64
    """Global batch size (split across replicas)."""
    learning_rate: float = 1e-3
    """Peak learning rate of Adam with cosine decay."""
    label_smoothing: float = 0.0
    """Label smoothing of the cross-entropy."""

    def _check(self):
        check_range(self, "epochs", 1, None)
        check_range(self, "batch_size", 1, None)
        check_range(self, "learning_rate", 0.0, None, open_low=True)
        check_range(self, "label_smoothing", 0.0, 1.0, open_high=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class RuntimeConfig(Section):
    """Seeds and devices."""

    TABLE = "runtime"

    seed: int = 0
    """Seed of weights, shuffling and augmentation."""
    strategy: str = "default"
    """tf.distribute strategy: default, mirrored (all local devices) or multi_worker."""
    cpu_replicas: int = 1
    """With ``mirrored`` and no GPU: split the CPU into this many logical devices."""

    def _check(self):
        choice(self, "strategy", STRATEGIES)
        check_range(self, "cpu_replicas", 1, None)


EMBEDDING_LOSSES = ("mse", "cosine")
"""Embedding-distillation losses: mean squared error, or 1 − cosine similarity."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DistillConfig(Section):
    """Knowledge distillation from teacher runs (:mod:`tfasc.distill`).

    Teacher outputs are computed once per clip and cached beside the feature cache.
    """

    TABLE = "distill"

    teachers: list = dataclasses.field(default_factory=list)
    """Run directories of the logit-distillation ensemble (empty: no logit distillation)."""
    label_weight: float = 0.02
    """λ: loss = λ·CE + (1 − λ)·T²·KL(teacher ‖ student)."""
    temperature: float = 2.0
    """T of the logit distillation."""
    embedding_teacher: str | None = None
    """Run directory whose second-to-last feature map the student learns to reproduce through
    a projection head (None: no embedding distillation)."""
    embedding_loss: str = "mse"
    """``mse`` or ``cosine`` (1 − cosine similarity) between projection and teacher embedding."""
    embedding_weight: float = 1.0
    """Weight of the embedding loss beside the label (or logit-distillation) loss."""
    embedding_layer: str | None = None
    """Student layer whose output feeds the projection head; None: the input of its
    classifier (its second-to-last feature map)."""

    def _check(self):
        if not all(isinstance(t, str) for t in self.teachers):
            raise ConfigError(f"{where(self, 'teachers')} must be a list of run directories")
        absolute = [str(pathlib.Path(os.path.expanduser(t)).absolute()) for t in self.teachers]
        object.__setattr__(self, "teachers", absolute)
        if self.embedding_teacher is not None:
            path = pathlib.Path(os.path.expanduser(self.embedding_teacher)).absolute()
            object.__setattr__(self, "embedding_teacher", str(path))
        check_range(self, "label_weight", 0.0, 1.0)
        check_range(self, "temperature", 0.0, None, open_low=True)
        choice(self, "embedding_loss", EMBEDDING_LOSSES)
        check_range(self, "embedding_weight", 0.0, None, open_low=True)

    @property
    def logits(self) -> bool:
        """Logit distillation is on."""
        return bool(self.teachers)

    @property
    def embedding(self) -> bool:
        """Embedding distillation is on."""
        return self.embedding_teacher is not None


@dataclasses.dataclass(frozen=True, kw_only=True)
class FinetuneConfig(Section):
    """Device-specific fine-tuning of a trained run (DCASE2025 Task 1 baseline recipe)."""

    TABLE = "finetune"

    epochs: int = 50
    """Epochs per device."""
    learning_rate: float = 5e-4
    """AdamW learning rate (constant)."""
    weight_decay: float = 0.01
    """AdamW decoupled weight decay (PyTorch's default)."""
    batch_size: int | None = None
    """Batch size; None uses the run's."""
    devices: list | None = None
    """Devices to fine-tune for; None: every device of the run's training clips."""
    checkpoint: str = "best"
    """Checkpoint of the general model the device models start from."""

    def _check(self):
        check_range(self, "epochs", 1, None)
        check_range(self, "learning_rate", 0.0, None, open_low=True)
        check_range(self, "weight_decay", 0.0, None)
        if self.batch_size is not None:
            check_range(self, "batch_size", 1, None)
        choice(self, "checkpoint", CHECKPOINTS)
        if self.devices is not None:
            for device in self.devices:
                if device not in DEVICES or device in UNSEEN_DEVICES:
                    raise ConfigError(
                        f"{where(self, 'devices')}: {device!r} is not a training device "
                        f"({', '.join(d for d in DEVICES if d not in UNSEEN_DEVICES)})"
                    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class TranslatorConfig(Section):
    """Training of a device translator (``tfasc translator train``)."""

    TABLE = "translator"

    devices: list = dataclasses.field(default_factory=lambda: ["b", "c", "s1", "s2", "s3"])
    """Target devices (training devices only: b, c, s1-s3)."""
    epochs: int = 40
    """Training epochs."""
    batch_size: int = 32
    """Pairs per batch."""
    learning_rate: float = 2e-3
    """Adam learning rate."""
    channels: int = 32
    """Channels of the translator's convolutions."""
    holdout: float = 0.2
    """Fraction of the parallel recordings held out to measure the translation."""
    seed: int = 0
    """Seed of the held-out recordings and of the weights."""

    def _check(self):
        allowed = [d for d in DEVICES if d not in UNSEEN_DEVICES and d != "a"]
        bad = [d for d in self.devices if d not in allowed]
        if bad or not self.devices:
            raise ConfigError(
                f"{where(self, 'devices')}: {bad or 'empty'}; allowed: {', '.join(allowed)}"
            )
        check_range(self, "epochs", 1, None)
        check_range(self, "batch_size", 1, None)
        check_range(self, "learning_rate", 0.0, None, open_low=True)
        check_range(self, "channels", 1, None)
        check_range(self, "holdout", 0.0, 1.0, open_high=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class TrainConfig(Section):
    """Everything a training run needs; :meth:`from_toml` reads it from a file."""

    TABLE = ""
    PATHS = ("out_dir",)

    data: DataConfig
    """Data set, subset, cache and bad-file policy."""
    model: ModelConfig = dataclasses.field(default_factory=ModelConfig)
    """Architecture, builder arguments and front end."""
    augment: AugmentConfig = dataclasses.field(default_factory=AugmentConfig)
    """Device augmentation."""
    optimizer: OptimizerConfig = dataclasses.field(default_factory=OptimizerConfig)
    """Epochs, batch size, learning rate."""
    runtime: RuntimeConfig = dataclasses.field(default_factory=RuntimeConfig)
    """Seed and tf.distribute strategy."""
    distill: DistillConfig = dataclasses.field(default_factory=DistillConfig)
    """Logit and embedding distillation from teacher runs."""
    finetune: FinetuneConfig = dataclasses.field(default_factory=FinetuneConfig)
    """Device-specific fine-tuning (``tfasc finetune-devices``)."""
    out_dir: str = "runs/default"
    """Run directory (checkpoints, logs, backup)."""

    @property
    def frontend_config(self) -> features.FrontendConfig:
        """The front-end settings of the model."""
        return self.model.frontend_config

    @classmethod
    def from_dict(cls, values: dict, source: str = "config") -> TrainConfig:
        """Builds a validated config from TOML-shaped values (tables as nested dicts).

        Flat keys of tfasc 0.1 (:data:`LEGACY_KEYS`) are moved to their table first.

        Raises:
            ConfigError: unknown key, wrong type or value out of range, naming ``source``
                and the key.
        """
        return build(cls, _migrate(dict(values), source), source, "")

    @classmethod
    def from_toml(cls, path, overrides: dict | None = None) -> TrainConfig:
        """Reads a TOML file; ``overrides`` (``{"optimizer.epochs": 3}``, None values
        ignored) win over the file.

        Raises:
            FileNotFoundError: no such file.
            ConfigError: invalid TOML or an invalid value, naming the file and key.
        """
        values = read_toml(path, "training config", overrides, migrate=_migrate)
        if "root" not in values.get("data", {}):
            raise ConfigError(
                f"{path}: [data] root is missing: set it in the file or pass --data DIR"
            )
        return build(cls, values, str(path), "")

    def replace(self, **dotted) -> TrainConfig:
        """A copy with some values replaced by dotted key, e.g. ``replace(**{"optimizer.epochs":
        3})``; the result is validated like a file."""
        values = to_dict(self)
        for key, value in dotted.items():
            table, _, name = key.rpartition(".")
            (values[table] if table else values)[name] = value
        return build(TrainConfig, values, "config", "")


@dataclasses.dataclass(frozen=True, kw_only=True)
class ExportConfig(Section):
    """How a run's checkpoint becomes a ``.tflite`` model."""

    TABLE = "export"

    mode: str = "int8"
    """``float32``, ``dynamic`` (int8 weights) or ``int8`` (full integer, what TFLM runs)."""
    checkpoint: str = "best"
    """``best`` (validation macro accuracy) or ``last``."""
    num_calibration: int = 200
    """Training clips (random, seeded by the run) that calibrate the int8 ranges."""

    def _check(self):
        choice(self, "mode", EXPORT_MODES)
        choice(self, "checkpoint", CHECKPOINTS)
        check_range(self, "num_calibration", 1, None)


LEGACY_KEYS = {
    "data_root": "data.root", "split": "data.split", "cache_dir": "data.cache_dir",
    "on_error": "data.on_error", "model_args": "model.args", "frontend": "model.frontend",
    "mixstyle_p": "augment.mixstyle_p", "mixstyle_alpha": "augment.mixstyle_alpha",
    "epochs": "optimizer.epochs", "batch_size": "optimizer.batch_size",
    "learning_rate": "optimizer.learning_rate",
    "label_smoothing": "optimizer.label_smoothing", "seed": "runtime.seed",
    "strategy": "runtime.strategy", "cpu_replicas": "runtime.cpu_replicas",
}  # fmt: skip
"""Flat keys of tfasc 0.1 configs -> ``table.key``; ``model = "name"`` becomes
``[model] name``."""


def _migrate(values: dict, source: str) -> dict:
    if isinstance(values.get("model"), str):
        values["model"] = {"name": values["model"]}
    for old, new in LEGACY_KEYS.items():
        if old not in values:
            continue
        table, key = new.split(".")
        target = values.setdefault(table, {})
        if not isinstance(target, dict):
            break  # reported by _build as a wrong type
        if key in target:
            raise ConfigError(
                f"{source}: {old} and [{table}] {key} both given; keep [{table}] {key}"
            )
        target[key] = values.pop(old)
    return values
