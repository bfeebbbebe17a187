"""A compression run's config (``tfasc compress``): the trained run it starts from, pruning,
distillation from the dense model, quantization-aware training, export and verification."""

from __future__ import annotations

import dataclasses

from tfasc.config.sections import ConfigError, Section, build, check_range, choice, read_toml
from tfasc.config.training import CHECKPOINTS

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
class PruneConfig(Section):
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
    prune_depthwise: bool = False
    """Also prune depthwise kernels (kept dense by default: see
    :mod:`tfasc.compression.magnitude`)."""
    max_params: int = 128_000
    """``structured``: parameter budget (DCASE: 128 kB of int8 parameters)."""
    max_macs: int = 30_000_000
    """``structured``: MAC budget per clip (DCASE: 30 M)."""

    def _check(self):
        choice(self, "method", PRUNE_METHODS)
        choice(self, "schedule", PRUNE_SCHEDULES)
        check_range(self, "sparsity", 0.0, 1.0, open_high=True)
        if self.target_nonzero is not None:
            check_range(self, "target_nonzero", 1, None)
        check_range(self, "steps", 1, None)
        check_range(self, "epochs", 0, None)
        check_range(self, "learning_rate", 0.0, None, open_low=True)
        check_range(self, "max_params", 1, None)
        check_range(self, "max_macs", 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class KDConfig(Section):
    """Distillation from the dense model while the compressed one is fine-tuned."""

    TABLE = "distill"

    enabled: bool = True
    """Distill from the dense (uncompressed) model; false: labels only."""
    label_weight: float = 0.5
    """λ of ``tfasc.distill.DistillationLoss`` (weight of the label cross-entropy)."""
    temperature: float = 2.0
    """Distillation temperature T."""

    def _check(self):
        check_range(self, "label_weight", 0.0, 1.0)
        check_range(self, "temperature", 0.0, None, open_low=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class QATConfig(Section):
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
        check_range(self, "epochs", 1, None)
        check_range(self, "learning_rate", 0.0, None, open_low=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class VerifyConfig(Section):
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
        check_range(self, "vectors", 1, None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class CompressConfig(Section):
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
        choice(self, "checkpoint", CHECKPOINTS)
        choice(self, "mode", COMPRESS_EXPORT_MODES)
        check_range(self, "num_calibration", 1, None)
        check_range(self, "batch_size", 1, None)
        if self.qat.enabled and self.mode != "int8":
            raise ConfigError(f"[qat] enabled needs mode 'int8', got mode {self.mode!r}")

    @classmethod
    def from_dict(cls, values: dict, source: str = "config") -> CompressConfig:
        """A validated config from TOML-shaped values.

        Raises:
            ConfigError: unknown key, wrong type or value out of range, naming ``source``.
        """
        return build(cls, dict(values), source, "")

    @classmethod
    def from_toml(cls, path, overrides: dict | None = None) -> CompressConfig:
        """Reads a compression config; ``overrides`` (``{"prune.sparsity": 0.5}``) win.

        Raises:
            FileNotFoundError: no such file.
            ConfigError: invalid TOML or value, naming the file and key.
        """
        values = read_toml(path, "compression config", overrides)
        if "source" not in values:
            raise ConfigError(f"{path}: source is missing: the training run to compress")
        return build(cls, values, str(path), "")
