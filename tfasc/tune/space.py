"""The search space of a model family: hyperparameters, builder arguments, candidates.

:data:`SEARCH_SPACES` lists the hyperparameters of each family as data; the builder's
defaults are one point of each space. :class:`FamilyHyperModel` declares them to keras-tuner,
builds (and compiles) a trial's model, and counts a candidate's deploy form with
:mod:`tfasc.complexity` without training it (:meth:`FamilyHyperModel.candidate`).
"""

from __future__ import annotations

import dataclasses
import json
from typing import NamedTuple

from tfasc import SCENES, complexity, config, models
from tfasc.keras import keras
from tfasc.models.bcresnet_mod import BCRESNET_MOD_STAGES
from tfasc.models.rep_mobile import stage_specs
from tfasc.train import compile_model
from tfasc.tune.backend import kt


class Dimension(NamedTuple):
    """One hyperparameter: its choices and the builder's default value."""

    choices: tuple
    default: object


SEARCH_SPACES = {
    # Rep-Mobile (tfasc.models.rep_mobile): width multiplier, blocks per CP-Mobile stage,
    # one expansion rate, depthwise kernel size, parallel k×k branches, asymmetric 1×k/k×1
    # branches (Rep-Mobile, RepCTFA) and softplus(α) branch weights (RepCTFA).
    "rep_mobile": {
        "width": Dimension((0.5, 0.75, 1.0, 1.25), 1.0),
        "stage1_blocks": Dimension((1, 2, 3, 4), 3),
        "stage2_blocks": Dimension((1, 2, 3), 2),
        "stage3_blocks": Dimension((1, 2), 1),
        "expansion": Dimension((1.5, 2.0, 2.5, 3.0), 2.0),
        "kernel_size": Dimension((3, 5), 3),
        "conv_branches": Dimension((1, 2), 1),
        "asymmetric": Dimension((False, True), False),
        "branch_weights": Dimension((False, True), False),
    },
    # BC-ResNet-Mod (tfasc.models.bcresnet_mod): width c, blocks and temporal dilation per
    # stage, stem kernel size and the stem's max-pool (bcresnet_mod_budget uses 2).
    "bcresnet_mod": {
        "c": Dimension((20, 30, 40, 60, 80), 80),
        "stage1_blocks": Dimension((1, 2, 3), 2),
        "stage2_blocks": Dimension((1, 2, 3), 2),
        "stage3_blocks": Dimension((1, 2, 3), 2),
        "stage4_blocks": Dimension((1, 2, 3, 4), 3),
        "stage1_dilation": Dimension((1, 2, 4), 1),
        "stage2_dilation": Dimension((1, 2, 4), 1),
        "stage3_dilation": Dimension((1, 2, 4), 1),
        "stage4_dilation": Dimension((1, 2, 4), 1),
        "stem_kernel": Dimension((3, 5), 5),
        "stem_pool": Dimension((1, 2), 1),
    },
}
"""Hyperparameters per family; the defaults give the builder's default architecture."""


def _rep_mobile_args(v: dict) -> dict:
    depths = (v["stage1_blocks"], v["stage2_blocks"], v["stage3_blocks"])
    return {
        "width": v["width"],
        "block_specs": stage_specs(depths, v["expansion"]),
        "kernel_size": v["kernel_size"],
        "conv_branches": v["conv_branches"],
        "asymmetric": v["asymmetric"],
        "branch_weights": v["branch_weights"],
    }


def _bcresnet_mod_args(v: dict) -> dict:
    stages = tuple(
        (width, v[f"stage{i}_blocks"], pool, resnorm)
        for i, (width, _, pool, resnorm) in enumerate(BCRESNET_MOD_STAGES, start=1)
    )
    return {
        "c": v["c"],
        "stages": stages,
        "dilations": tuple(v[f"stage{i}_dilation"] for i in range(1, len(stages) + 1)),
        "stem_kernel": v["stem_kernel"],
        "stem_pool": v["stem_pool"],
    }


BUILDER_ARGS = {"rep_mobile": _rep_mobile_args, "bcresnet_mod": _bcresnet_mod_args}
"""Hyperparameter values -> builder arguments, per family."""


def search_space(tune_config: config.TuneConfig, fixed_args: dict | None = None) -> dict:
    """The family's :data:`SEARCH_SPACES` entry restricted by ``[tune.space]``.

    Raises:
        config.ConfigError: an unknown hyperparameter, a value of the wrong type, or a
            ``[model.args]`` key that the search sets.
    """
    family = tune_config.family
    space = dict(SEARCH_SPACES[family])
    for name, choices in tune_config.space.items():
        if name not in space:
            raise config.ConfigError(
                f"[tune.space] {name}: not a hyperparameter of {family}; known: {', '.join(space)}"
            )
        kind = type(space[name].default)
        values = []
        for value in choices:
            if kind is float and type(value) is int:
                value = float(value)
            if type(value) is not kind:
                raise config.ConfigError(
                    f"[tune.space] {name}: {value!r} is not {config.type_name(kind)}"
                )
            values.append(value)
        default = space[name].default if space[name].default in values else values[0]
        space[name] = Dimension(tuple(values), default)
    searched = set(BUILDER_ARGS[family](defaults(space)))
    clash = sorted(searched & set(fixed_args or {}))
    if clash:
        raise config.ConfigError(
            f"[model.args] {', '.join(clash)}: set by the {family} search; restrict the "
            "search with [tune.space] instead"
        )
    return space


def defaults(space: dict) -> dict:
    """The default value of every hyperparameter of ``space``."""
    return {name: dimension.default for name, dimension in space.items()}


def _declare(hp, name: str, dimension: Dimension):
    """One hyperparameter of keras-tuner: its ``Choice`` turns bools into ints, so a choice
    of bools is a ``Boolean``, and a single value is ``Fixed``."""
    if len(dimension.choices) == 1:
        return hp.Fixed(name, dimension.choices[0])
    if isinstance(dimension.default, bool):
        return hp.Boolean(name, default=dimension.default)
    return hp.Choice(name, list(dimension.choices), default=dimension.default)


def _jsonable(value):
    return json.loads(json.dumps(value))  # tuples -> lists, as in JSON and TOML


def candidate_key(args: dict) -> str:
    """The cache key of a candidate: its builder arguments as sorted JSON."""
    return json.dumps(args, sort_keys=True)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Candidate:
    """One point of the search space and its complexity (deploy form)."""

    values: dict
    """Hyperparameter values."""
    args: dict
    """Builder arguments (JSON types)."""
    params: int | None = None
    """Parameters of the deploy form (None when it does not build)."""
    macs: int | None = None
    """MACs per clip."""
    int8_bytes: int | None = None
    """Parameter bytes at int8."""
    error: str | None = None
    """Why the candidate does not build for this input, if it does not."""

    def over_budget(self, tune_config: config.TuneConfig) -> str | None:
        """Why the candidate cannot be trained, or None when it fits."""
        if self.error is not None:
            return f"does not build: {self.error}"
        reasons = []
        if self.int8_bytes > tune_config.max_param_bytes:
            reasons.append(f"{self.int8_bytes:,} int8 bytes > {tune_config.max_param_bytes:,}")
        if self.macs > tune_config.max_macs:
            reasons.append(f"{self.macs:,} MACs > {tune_config.max_macs:,}")
        return "over budget: " + ", ".join(reasons) if reasons else None

    def row(self) -> dict:
        return dataclasses.asdict(self)


class FamilyHyperModel(kt.HyperModel):
    """The search space of one model family as a keras-tuner HyperModel.

    Args:
        family: ``rep_mobile`` or ``bcresnet_mod``.
        space: :func:`search_space`.
        input_shape: model input ``(F, T, 1)`` of the front end.
        fixed_args: builder arguments of every candidate (``[model.args]``).
        optimizer: settings compiled into every trial (its ``epochs`` set the schedule).
        steps_per_epoch: training steps per epoch; None builds uncompiled models (the
            chief of a distributed search never trains).
        seed: weight-initialization seed of every trial.
        int8_file: count the converted int8 file instead of the Keras deploy form.
    """

    def __init__(self, family, space, input_shape, *, fixed_args=None, optimizer=None,
                 steps_per_epoch=None, seed=0, int8_file=False):  # fmt: skip
        super().__init__(name=family)
        self.family = family
        self.space = space
        self.input_shape = tuple(input_shape)
        self.fixed_args = dict(fixed_args or {})
        self.optimizer = optimizer
        self.steps_per_epoch = steps_per_epoch
        self.seed = seed
        self.int8_file = int8_file
        self.loss = None
        """The trials' loss (None: cross-entropy); :func:`tfasc.tune.tune` sets it."""

    def builder_args(self, hp) -> dict:
        """Builder arguments for the values of ``hp`` (declaring the hyperparameters)."""
        values = {name: _declare(hp, name, dimension) for name, dimension in self.space.items()}
        return {**self.fixed_args, **_jsonable(BUILDER_ARGS[self.family](values))}

    def build(self, hp) -> keras.Model:
        keras.utils.set_random_seed(self.seed)
        model = models.build(
            self.family,
            input_shape=self.input_shape,
            num_classes=len(SCENES),
            **self.builder_args(hp),
        )
        if self.steps_per_epoch is not None:
            compile_model(model, self.optimizer, self.steps_per_epoch, self.loss)
        return model

    def candidate(self, values: dict, hyperparameters) -> Candidate:
        """Builds the candidate of ``values`` and counts its deploy form (not cached)."""
        hp = hyperparameters.copy()
        hp.values = dict(values)
        args = self.builder_args(hp)
        try:
            keras_view, int8_view = complexity.registered_model_complexity(
                self.family,
                int8=self.int8_file,
                input_shape=self.input_shape,
                num_classes=len(SCENES),
                **args,
            )
        except ValueError as error:
            return Candidate(values=dict(values), args=args, error=str(error))
        finally:
            keras.backend.clear_session()
        view = int8_view or keras_view
        return Candidate(values=dict(values), args=args, params=view.params, macs=view.macs,
                         int8_bytes=view.param_bytes)  # fmt: skip
