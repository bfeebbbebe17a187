"""Budget-constrained architecture search with keras-tuner (``tfasc tune``).

A :class:`FamilyHyperModel` spans widths, depths, kernel sizes, dilations, expansion rates
and ``RepConv2D`` branch sets of one model family (:data:`SEARCH_SPACES`). Before a trial
is created, the oracle builds the candidate, counts its deploy form with
:mod:`tfasc.complexity` (parameters, MACs, int8 bytes; cached per candidate) and rejects it
when it is over the budget (DCASE: 128,000 bytes and 30 M MACs): rejected candidates are
never trained, are not trials, and so count neither toward ``max_trials`` nor toward
keras-tuner's ``max_consecutive_failed_trials`` (a failed trial would, and three in a row
end the search). The objective is the validation class-macro accuracy; every trial trains
with the config's data, augmentation and optimizer through the same ``model.fit`` pipeline
as ``tfasc train``.

Distributed search uses keras-tuner's chief/worker mode: with ``KERASTUNER_TUNER_ID``
(``chief`` for the chief, e.g. ``tuner0`` for workers), ``KERASTUNER_ORACLE_IP`` and
``KERASTUNER_ORACLE_PORT`` set, the chief serves the oracle (the budget check runs there)
and workers train the trials; the chief returns the results.

Modules: :mod:`~tfasc.tune.backend` (keras-tuner on tf_keras), :mod:`~tfasc.tune.space`
(search spaces, the HyperModel, candidates), :mod:`~tfasc.tune.oracle` (the budget check),
:mod:`~tfasc.tune.search` (:func:`tune`, its result and report files).

Example:
    >>> train_config, tune_config = tfasc.config.read_tune_toml("tune.toml")
    >>> result = tfasc.tune.tune(train_config, tune_config)
    >>> print(result.table())
"""

from tfasc.tune.backend import kt
from tfasc.tune.oracle import BudgetBayesianOptimization, BudgetRandomSearch, NoCandidateError
from tfasc.tune.search import (
    OBJECTIVE,
    SETTINGS_FILE,
    TuneError,
    TuneResult,
    distributed_role,
    report_files,
    tune,
)
from tfasc.tune.space import SEARCH_SPACES, Candidate, Dimension, FamilyHyperModel, search_space

__all__ = [
    "OBJECTIVE",
    "SEARCH_SPACES",
    "SETTINGS_FILE",
    "BudgetBayesianOptimization",
    "BudgetRandomSearch",
    "Candidate",
    "Dimension",
    "FamilyHyperModel",
    "NoCandidateError",
    "TuneError",
    "TuneResult",
    "distributed_role",
    "kt",
    "report_files",
    "search_space",
    "tune",
]
