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
import os
import pathlib
import re
import tomllib
import types
import typing

from tfasc import features, models
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
    """Device augmentation of the training batches."""

    TABLE = "augment"

    mixstyle_p: float = 0.4
    """Probability of Freq-MixStyle per batch (0 disables)."""
    mixstyle_alpha: float = 0.3
    """Beta(α, α) parameter of Freq-MixStyle."""

    def _check(self):
        _range(self, "mixstyle_p", 0.0, 1.0)
        _range(self, "mixstyle_alpha", 0.0, None, open_low=True)


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
             dict: "a table"}  # fmt: skip
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


# ----------------------------------------------------------------------------- compression

PRUNE_METHODS = ("none", "one_shot", "progressive", "structured")
"""``none``; ``one_shot``: magnitude pruning to the final sparsity in one schedule;
``progressive``: several small sparsity steps, each fine-tuned (Rep-Mobile); ``structured``:
channels removed until the model fits a parameter / MAC budget, then fine-tuned."""

PRUNE_SCHEDULES = ("polynomial", "constant")
"""tfmot schedules (:data:`tfasc.compression.magnitude.SCHEDULES`)."""

COMPRESS_EXPORT_MODES = ("int8", "int16x8", "float16", "float32")
"""What the compressed model is exported as (:data:`tfasc.convert.MODES`)."""

BOARDS = ("mps2-an386", "mps3-an547")
"""Emulated boards a compressed int8 model is verified on (``tfasc.mcu.BOARDS``)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class PruneConfig(_Section):
    """How the dense model is pruned."""

    TABLE = "prune"

    method: str = "one_shot"
    """One of :data:`PRUNE_METHODS`."""
    schedule: str = "polynomial"
    """Magnitude-pruning schedule: ``polynomial`` (PolynomialDecay) or ``constant``."""
    sparsity: float = 0.8
    """Final fraction of zeros in every pruned kernel, in [0, 1)."""
    target_nonzero: int | None = None
    """Instead of ``sparsity``: the non-zero trainable weights the whole model keeps."""
    steps: int = 4
    """``progressive``: sparsity steps (each followed by fine-tuning)."""
    epochs: int = 4
    """Fine-tuning epochs in total (progressive: split evenly over the steps)."""
    learning_rate: float = 5e-4
    """Peak learning rate of the fine-tuning."""
    prune_first_conv: bool = False
    """Also prune the first convolution (kept dense by default)."""
    max_params: int = 128_000
    """``structured``: parameter budget (DCASE: 128 kB of int8 parameters)."""
    max_macs: int = 30_000_000
    """``structured``: MAC budget per clip (DCASE: 30 M)."""

    def _check(self):
        _choice(self, "method", PRUNE_METHODS)
        _choice(self, "schedule", PRUNE_SCHEDULES)
        _range(self, "sparsity", 0.0, 1.0, open_high=True)
        if self.target_nonzero is not None:
            _range(self, "target_nonzero", 1, None)
        _range(self, "steps", 1, None)
        _range(self, "epochs", 0, None)
        _range(self, "learning_rate", 0.0, None, open_low=True)
        _range(self, "max_params", 1, None)
        _range(self, "max_macs", 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class KDConfig(_Section):
    """Distillation from the dense model while the compressed one is fine-tuned."""

    TABLE = "distill"

    enabled: bool = True
    """Distill from the dense (uncompressed) model; false: labels only."""
    label_weight: float = 0.5
    """λ of ``tfasc.distill.DistillationLoss`` (weight of the label cross-entropy)."""
    temperature: float = 2.0
    """Distillation temperature T."""

    def _check(self):
        _range(self, "label_weight", 0.0, 1.0)
        _range(self, "temperature", 0.0, None, open_low=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class QATConfig(_Section):
    """Quantization-aware training after pruning."""

    TABLE = "qat"

    enabled: bool = True
    """Run QAT (false: post-training quantization only)."""
    epochs: int = 2
    """QAT epochs."""
    learning_rate: float = 1e-4
    """Peak learning rate of QAT."""
    preserve_sparsity: bool = True
    """Pruning-preserving QAT: the zeros of pruned kernels stay zero."""

    def _check(self):
        _range(self, "epochs", 1, None)
        _range(self, "learning_rate", 0.0, None, open_low=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class VerifyConfig(_Section):
    """How every exported int8 model is checked."""

    TABLE = "verify"

    boards: list = dataclasses.field(default_factory=lambda: list(BOARDS))
    """Emulated boards (TFLite == TFLM == each board, bit for bit); empty: none."""
    vectors: int = 20
    """Evaluation clips run on each board."""

    def _check(self):
        for board in self.boards:
            if board not in BOARDS:
                raise ConfigError(f"[verify] boards {board!r} is not one of {', '.join(BOARDS)}")
        _range(self, "vectors", 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class CompressConfig(_Section):
    """A compression run: a trained run's model → prune → QAT → export → verify."""

    TABLE = ""
    PATHS = ("source", "out_dir")

    source: str
    """The finished training run (``tfasc train``) whose model is compressed."""
    out_dir: str = "runs/compressed"
    """The compression run directory (stages, model, report)."""
    checkpoint: str = "best"
    """Checkpoint of the source run: ``best`` or ``last``."""
    mode: str = "int8"
    """Export mode: one of :data:`COMPRESS_EXPORT_MODES`."""
    num_calibration: int = 200
    """Training clips that calibrate the quantized ranges."""
    batch_size: int = 64
    """Batch size of every fine-tuning step."""
    seed: int = 0
    """Seed of the fine-tuning."""
    prune: PruneConfig = dataclasses.field(default_factory=PruneConfig)
    """Pruning method and schedule."""
    distill: KDConfig = dataclasses.field(default_factory=KDConfig)
    """Distillation from the dense model."""
    qat: QATConfig = dataclasses.field(default_factory=QATConfig)
    """Quantization-aware training."""
    verify: VerifyConfig = dataclasses.field(default_factory=VerifyConfig)
    """Verification of the exported model."""

    def _check(self):
        _choice(self, "checkpoint", CHECKPOINTS)
        _choice(self, "mode", COMPRESS_EXPORT_MODES)
        _range(self, "num_calibration", 1, None)
        _range(self, "batch_size", 1, None)
        if self.qat.enabled and self.mode != "int8":
            raise ConfigError(f"[qat] enabled needs mode 'int8', got mode {self.mode!r}")

    @classmethod
    def from_dict(cls, values: dict, source: str = "config") -> CompressConfig:
        """A validated config from TOML-shaped values.

        Raises:
            ConfigError: unknown key, wrong type or value out of range, naming ``source``.
        """
        return _build(cls, dict(values), source, "")

    @classmethod
    def from_toml(cls, path, overrides: dict | None = None) -> CompressConfig:
        """Reads a compression config; ``overrides`` (``{"prune.sparsity": 0.5}``) win.

        Raises:
            FileNotFoundError: no such file.
            ConfigError: invalid TOML or value, naming the file and key.
        """
        path = pathlib.Path(path)
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: compression config not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: invalid TOML ({error})") from None
        for dotted, value in (overrides or {}).items():
            if value is None:
                continue
            table, _, key = dotted.rpartition(".")
            target = values.setdefault(table, {}) if table else values
            target[key] = value
        if "source" not in values:
            raise ConfigError(f"{path}: source is missing: the training run to compress")
        return _build(cls, values, str(path), "")
