"""The ``[tune]`` table of a budget-constrained architecture search (``tfasc tune``) and
reading a training TOML file that carries one."""

from __future__ import annotations

import dataclasses
import json

from tfasc import complexity
from tfasc.config.sections import ConfigError, Section, build, check_range, choice, read_toml
from tfasc.config.training import TrainConfig, _migrate

TUNE_FAMILIES = ("bcresnet_mod", "rep_mobile")
"""Model families with a search space (:data:`tfasc.tune.SEARCH_SPACES`)."""

ORACLES = ("random", "bayesian")
"""keras-tuner search algorithms: random search, Bayesian optimization (Gaussian process)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class TuneConfig(Section):
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
        choice(self, "family", TUNE_FAMILIES)
        choice(self, "oracle", ORACLES)
        for name in ("max_trials", "epochs", "max_param_bytes", "max_macs", "max_rejections"):
            check_range(self, name, 1, None)
        if self.initial_points is not None:
            check_range(self, "initial_points", 1, None)
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
    values = read_toml(path, "tuning config", overrides, migrate=_migrate)
    tune_config = build(TuneConfig, values.pop("tune", {}), str(path), "tune")
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
    return build(TrainConfig, values, str(path), ""), tune_config
