"""Typed configuration of training and export, read from TOML and validated at the boundary.

A training config is a tree of frozen, keyword-only dataclasses; a TOML file has one table
per branch (see ``tfasc/configs/``)::

    out_dir = "runs/baseline"
    [data]
    root = "TAU-urban-acoustic-scenes-2022-mobile-development"
    [model]
    name = "dcase2022_baseline"
    [optimizer]
    epochs = 30

Every value is checked against its field's type and range before any work starts; an error
names the file, the key and what was expected (:class:`ConfigError`). Relative paths are
resolved against the working directory when the config is read, so a run directory holds
absolute paths and works from anywhere.

TOML files of tfasc 0.1 had flat keys (``data_root``, ``epochs``, ``model_args``, ...);
they keep working: :data:`LEGACY_KEYS` maps each to its new place.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import pathlib
import re
import tomllib
import types
import typing

from tfasc import DEVICES, UNSEEN_DEVICES, complexity, features, models
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


class ConfigError(ValueError):
    """A configuration value of the wrong type or out of range; names the file and key."""


class _Section:
    """Checks every field's type (ints are accepted as floats) and then :meth:`_check`."""

    TABLE = ""
    """The TOML table of this section (empty for the top level)."""
    PATHS = ()
    """Fields holding paths: made absolute against the working directory."""

    def __post_init__(self):
        hints = typing.get_type_hints(type(self))
        for field in dataclasses.fields(self):
            value, annotation = getattr(self, field.name), hints[field.name]
            if not _matches(value, annotation):
                raise ConfigError(
                    f"{_where(self, field.name)} must be {_type_name(annotation)}, "
                    f"got {value!r} ({type(value).__name__})"
                )
            if isinstance(value, int) and float in (annotation, *typing.get_args(annotation)):
                object.__setattr__(self, field.name, float(value))
            if field.name in self.PATHS and value is not None:
                absolute = pathlib.Path(os.path.expanduser(value)).absolute()
                object.__setattr__(self, field.name, str(absolute))
        self._check()

    def _check(self) -> None:
        """Range checks of the section's values."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataConfig(_Section):
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
        _choice(self, "split", tau.SPLITS, optional=True)
        _choice(self, "on_error", ON_ERROR)
        _choice(self, "long_clips", LONG_CLIPS)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ModelConfig(_Section):
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
                f"{_where(self, 'frontend' if 'preset' in str(error) else 'name')}: {error}"
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
class AugmentConfig(_Section):
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
            _range(self, name, 0.0, 1.0)
        _range(self, "mixstyle_alpha", 0.0, None, open_low=True)
        _range(self, "mixup_alpha", 0.0, None, open_low=True)
        for name in ("freq_mask_bins", "time_mask_frames", "roll_frames"):
            _range(self, name, 0, None)
        for name in ("freq_masks", "time_masks", "dir_taps"):
            _range(self, name, 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class OptimizerConfig(_Section):
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
        _range(self, "epochs", 1, None)
        _range(self, "batch_size", 1, None)
        _range(self, "learning_rate", 0.0, None, open_low=True)
        _range(self, "label_smoothing", 0.0, 1.0, open_high=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class RuntimeConfig(_Section):
    """Seeds and devices."""

    TABLE = "runtime"

    seed: int = 0
    """Seed of weights, shuffling and augmentation."""
    strategy: str = "default"
    """tf.distribute strategy: default, mirrored (all local devices) or multi_worker."""
    cpu_replicas: int = 1
    """With ``mirrored`` and no GPU: split the CPU into this many logical devices."""

    def _check(self):
        _choice(self, "strategy", STRATEGIES)
        _range(self, "cpu_replicas", 1, None)


EMBEDDING_LOSSES = ("mse", "cosine")
"""Embedding-distillation losses: mean squared error, or 1 − cosine similarity."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DistillConfig(_Section):
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
            raise ConfigError(f"{_where(self, 'teachers')} must be a list of run directories")
        absolute = [str(pathlib.Path(os.path.expanduser(t)).absolute()) for t in self.teachers]
        object.__setattr__(self, "teachers", absolute)
        if self.embedding_teacher is not None:
            path = pathlib.Path(os.path.expanduser(self.embedding_teacher)).absolute()
            object.__setattr__(self, "embedding_teacher", str(path))
        _range(self, "label_weight", 0.0, 1.0)
        _range(self, "temperature", 0.0, None, open_low=True)
        _choice(self, "embedding_loss", EMBEDDING_LOSSES)
        _range(self, "embedding_weight", 0.0, None, open_low=True)

    @property
    def logits(self) -> bool:
        """Logit distillation is on."""
        return bool(self.teachers)

    @property
    def embedding(self) -> bool:
        """Embedding distillation is on."""
        return self.embedding_teacher is not None


@dataclasses.dataclass(frozen=True, kw_only=True)
class FinetuneConfig(_Section):
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
        _range(self, "epochs", 1, None)
        _range(self, "learning_rate", 0.0, None, open_low=True)
        _range(self, "weight_decay", 0.0, None)
        if self.batch_size is not None:
            _range(self, "batch_size", 1, None)
        _choice(self, "checkpoint", CHECKPOINTS)
        if self.devices is not None:
            for device in self.devices:
                if device not in DEVICES or device in UNSEEN_DEVICES:
                    raise ConfigError(
                        f"{_where(self, 'devices')}: {device!r} is not a training device "
                        f"({', '.join(d for d in DEVICES if d not in UNSEEN_DEVICES)})"
                    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class TranslatorConfig(_Section):
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
                f"{_where(self, 'devices')}: {bad or 'empty'}; allowed: {', '.join(allowed)}"
            )
        _range(self, "epochs", 1, None)
        _range(self, "batch_size", 1, None)
        _range(self, "learning_rate", 0.0, None, open_low=True)
        _range(self, "channels", 1, None)
        _range(self, "holdout", 0.0, 1.0, open_high=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class TrainConfig(_Section):
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
        return _build(cls, _migrate(dict(values), source), source, "")

    @classmethod
    def from_toml(cls, path, overrides: dict | None = None) -> TrainConfig:
        """Reads a TOML file; ``overrides`` (``{"optimizer.epochs": 3}``, None values
        ignored) win over the file.

        Raises:
            FileNotFoundError: no such file.
            ConfigError: invalid TOML or an invalid value, naming the file and key.
        """
        path = pathlib.Path(path)
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: training config not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: invalid TOML ({error})") from None
        values = _migrate(values, str(path))
        for dotted, value in (overrides or {}).items():
            if value is None:
                continue
            table, _, key = dotted.rpartition(".")
            target = values.setdefault(table, {}) if table else values
            target[key] = value
        if "root" not in values.get("data", {}):
            raise ConfigError(
                f"{path}: [data] root is missing: set it in the file or pass --data DIR"
            )
        return _build(cls, values, str(path), "")

    def replace(self, **dotted) -> TrainConfig:
        """A copy with some values replaced by dotted key, e.g. ``replace(**{"optimizer.epochs":
        3})``; the result is validated like a file."""
        values = to_dict(self)
        for key, value in dotted.items():
            table, _, name = key.rpartition(".")
            (values[table] if table else values)[name] = value
        return _build(TrainConfig, values, "config", "")


@dataclasses.dataclass(frozen=True, kw_only=True)
class ExportConfig(_Section):
    """How a run's checkpoint becomes a ``.tflite`` model."""

    TABLE = "export"

    mode: str = "int8"
    """``float32``, ``dynamic`` (int8 weights) or ``int8`` (full integer, what TFLM runs)."""
    checkpoint: str = "best"
    """``best`` (validation macro accuracy) or ``last``."""
    num_calibration: int = 200
    """Training clips (random, seeded by the run) that calibrate the int8 ranges."""

    def _check(self):
        _choice(self, "mode", EXPORT_MODES)
        _choice(self, "checkpoint", CHECKPOINTS)
        _range(self, "num_calibration", 1, None)


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


def to_dict(config) -> dict:
    """A config as TOML-shaped nested dicts (what :meth:`TrainConfig.from_dict` reads)."""
    return dataclasses.asdict(config)


# ----------------------------------------------------------------------------- validation


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


def _type_name(annotation) -> str:
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
             dict: "a table", list: "a list"}  # fmt: skip
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if args:
        return " or ".join(names.get(a, a.__name__) for a in args) + " (or omitted)"
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _matches(value, annotation) -> bool:
    if annotation is typing.Any:
        return True
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(_matches(value, a) for a in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


def _build(cls, values, source: str, table: str):
    """``cls(**values)`` with nested tables built first; errors are prefixed with ``source``."""
    if not isinstance(values, dict):
        raise ConfigError(f"{source}: [{table}] must be a table, got {values!r}")
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(values) - set(fields))
    if unknown:
        where = f"[{table}] " if table else ""
        raise ConfigError(
            f"{source}: unknown key(s) {where}{', '.join(unknown)}; known: {', '.join(fields)}"
        )
    kwargs = {}
    for name, value in values.items():
        if dataclasses.is_dataclass(hints[name]):
            value = _build(hints[name], value, source, name)
        kwargs[name] = value
    try:
        return cls(**kwargs)
    except ConfigError as error:
        raise ConfigError(f"{source}: {error}") from None
    except TypeError as error:  # a required key is missing
        missing = re.findall(r"'(\w+)'", str(error))
        where = f"[{table}] " if table else ""
        raise ConfigError(f"{source}: {where}{', '.join(missing)} is missing") from None


def _where(section, name: str) -> str:
    return f"[{section.TABLE}] {name}" if section.TABLE else name


def _choice(config, name: str, allowed, optional: bool = False) -> None:
    value = getattr(config, name)
    if (value is None and optional) or value in allowed:
        return
    raise ConfigError(
        f"{_where(config, name)} {value!r} is not one of {', '.join(map(str, allowed))}"
    )


def _range(config, name, low, high, open_low=False, open_high=False) -> None:
    value = getattr(config, name)
    too_low = low is not None and (value <= low if open_low else value < low)
    too_high = high is not None and (value >= high if open_high else value > high)
    if too_low or too_high:
        lo = "(" if open_low else "["
        hi = ")" if open_high else "]"
        span = (
            f"{lo}{low if low is not None else '-inf'}, {high if high is not None else 'inf'}{hi}"
        )
        raise ConfigError(f"{_where(config, name)} must be in {span}, got {value!r}")


# ------------------------------------------------------------------------ architecture search

TUNE_FAMILIES = ("bcresnet_mod", "rep_mobile")
"""Model families with a search space (:data:`tfasc.tune.SEARCH_SPACES`)."""

ORACLES = ("random", "bayesian")
"""keras-tuner search algorithms: random search, Bayesian optimization (Gaussian process)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class TuneConfig(_Section):
    """Budget-constrained architecture search (``tfasc tune``): the ``[tune]`` table of a
    training config, whose other tables (data, optimizer, augment, runtime) every trial
    trains with."""

    TABLE = "tune"

    family: str = "rep_mobile"
    """Model family searched: ``rep_mobile`` or ``bcresnet_mod``."""
    oracle: str = "random"
    """Search algorithm: ``random`` or ``bayesian``."""
    max_trials: int = 10
    """Candidates trained (over-budget candidates are rejected before and do not count)."""
    epochs: int = 5
    """Training epochs of every trial (the learning-rate schedule spans them)."""
    max_param_bytes: int = complexity.DCASE_MAX_PARAM_BYTES
    """Budget: int8 parameter bytes of the deploy form (DCASE: 128,000)."""
    max_macs: int = complexity.DCASE_MAX_MACS
    """Budget: multiply-accumulates per clip of the deploy form (DCASE: 30,000,000)."""
    int8_file: bool = False
    """Count each candidate's converted int8 TFLite file (constant bytes, NeSsi MACs) instead
    of the Keras deploy form (torchinfo rules, one byte per parameter); about 20 s each."""
    seed: int = 0
    """Seed of the oracle's sampling (the weights use ``[runtime] seed``)."""
    max_rejections: int = 200
    """Over-budget candidates in a row after which the search stops (or, when none has fit
    yet, fails)."""
    initial_points: int | None = None
    """Bayesian: random trials before the Gaussian process; None: 3 x the hyperparameters."""
    space: dict = dataclasses.field(default_factory=dict)
    """Restricted choices per hyperparameter, e.g. ``width = [0.5, 1.0]`` (``[tune.space]``)."""

    def _check(self):
        _choice(self, "family", TUNE_FAMILIES)
        _choice(self, "oracle", ORACLES)
        for name in ("max_trials", "epochs", "max_param_bytes", "max_macs", "max_rejections"):
            _range(self, name, 1, None)
        if self.initial_points is not None:
            _range(self, "initial_points", 1, None)
        for name, choices in self.space.items():
            scalars = isinstance(choices, list) and all(
                isinstance(c, (bool, int, float, str)) for c in choices
            )
            if not scalars or not choices:
                raise ConfigError(
                    f"[tune.space] {name} must be a non-empty list of values, got {choices!r}"
                )
            if len({json.dumps(c) for c in choices}) != len(choices):
                raise ConfigError(f"[tune.space] {name} lists a value twice: {choices!r}")


def read_tune_toml(path, overrides: dict | None = None) -> tuple[TrainConfig, TuneConfig]:
    """Reads a training TOML with a ``[tune]`` table.

    ``[model] name`` may be left out (it is the searched family); ``[model.args]`` are fixed
    builder arguments of every candidate. ``out_dir`` is the search directory.

    Args:
        path: the TOML file.
        overrides: dotted keys that win over the file (``{"tune.max_trials": 4}``), None
            values ignored.

    Returns:
        ``(train_config, tune_config)``; ``train_config.model.name`` is the family.

    Raises:
        FileNotFoundError: no such file.
        ConfigError: invalid TOML or an invalid value, naming the file and key.
    """
    path = pathlib.Path(path)
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: tuning config not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    values = _migrate(values, str(path))
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        table, _, key = dotted.rpartition(".")
        target = values.setdefault(table, {}) if table else values
        target[key] = value
    tune_config = _build(TuneConfig, values.pop("tune", {}), str(path), "tune")
    model = values.setdefault("model", {})
    if isinstance(model, dict):
        if model.get("name", tune_config.family) != tune_config.family:
            raise ConfigError(
                f"{path}: [model] name {model['name']!r} is not the searched [tune] family "
                f"{tune_config.family!r}; leave [model] name out"
            )
        model["name"] = tune_config.family
    if "root" not in values.get("data", {}):
        raise ConfigError(f"{path}: [data] root is missing: set it in the file or pass --data DIR")
    return _build(TrainConfig, values, str(path), ""), tune_config


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def to_toml(config) -> str:
    """A config as TOML text that :meth:`TrainConfig.from_toml` reads back (None values are
    left out: they are the defaults of the optional fields; tuples become arrays)."""
    return "\n".join(_toml_table(to_dict(config), "")).strip() + "\n"


def _toml_table(values: dict, prefix: str) -> list[str]:
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in values.items()
             if v is not None and not isinstance(v, dict)]  # fmt: skip
    for key, value in values.items():
        if isinstance(value, dict):
            name = f"{prefix}{_toml_key(key)}"
            lines += ["", f"[{name}]", *_toml_table(value, name + ".")]
    return lines


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are TOML basic-string escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"no TOML form for {value!r} ({type(value).__name__})")
