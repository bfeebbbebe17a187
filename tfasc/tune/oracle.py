"""Oracles that never create a trial for a candidate over the complexity budget.

keras-tuner counts a failed trial toward ``max_trials`` and ends the search after
``max_consecutive_failed_trials`` (default 3) failures in a row, so an over-budget model must
not become a trial at all. The oracles here check each proposal in ``populate_space``, before
keras-tuner creates a trial: an over-budget (or unbuildable) candidate is recorded as
rejected and another is drawn. Complexity is cached per candidate and saved with the oracle's
state, so a resumed search measures nothing twice.
"""

from __future__ import annotations

import json
import math

from tfasc.tune.backend import TrialStatus, kt
from tfasc.tune.space import Candidate, FamilyHyperModel, candidate_key


class NoCandidateError(ValueError):
    """No candidate of the search space fits the budget."""


class _BudgetOracle:
    """Mixin for a keras-tuner oracle: resample in ``populate_space`` until a candidate fits.

    The algorithm's own proposal comes first; each rejected candidate is recorded (and
    marked as tried, so random sampling does not draw it again) and the next proposal is
    drawn at random, as is one that repeats a tried candidate (Bayesian optimization can
    propose one). A finite space whose every candidate was tried or rejected ends the search
    like keras-tuner's own exhaustion; ``max_rejections`` proposals in a row without a fit
    end it too.
    """

    def __init__(self, *args, hypermodel: FamilyHyperModel, tune_config, **kwargs):
        super().__init__(*args, **kwargs)
        self.hypermodel = hypermodel
        self.tune_config = tune_config
        self.candidates: dict[str, dict] = {}  # builder-args key -> Candidate.row()
        self.rejected: dict[str, str] = {}  # builder-args key -> reason
        self.trial_candidates: dict[str, str] = {}  # trial id -> builder-args key
        self._pending = None

    def measure(self, values: dict) -> Candidate:
        """The candidate of ``values`` with its complexity, cached per builder arguments."""
        hp = self.hyperparameters.copy()
        hp.values = dict(values)
        key = candidate_key(self.hypermodel.builder_args(hp))
        if key not in self.candidates:
            self.candidates[key] = self.hypermodel.candidate(values, self.hyperparameters).row()
        return Candidate(**{**self.candidates[key], "values": dict(values)})

    def _within_budget(self, proposal: dict) -> dict:
        for _ in range(self.tune_config.max_rejections):
            if proposal["status"] != TrialStatus.RUNNING:
                return proposal
            if self._duplicate(proposal["values"]):  # Bayesian optimization repeats points
                proposal = self._random_proposal()
                continue
            candidate = self.measure(proposal["values"])
            reason = candidate.over_budget(self.tune_config)
            if reason is None:
                proposal["key"] = candidate_key(candidate.args)
                return proposal
            self.rejected[candidate_key(candidate.args)] = reason
            self._tried_so_far.add(self._compute_values_hash(proposal["values"]))
            proposal = self._random_proposal()
        return {"status": TrialStatus.STOPPED, "values": None}

    def _random_proposal(self) -> dict:
        values = self._random_values()  # None: every candidate was tried or rejected
        status = TrialStatus.STOPPED if values is None else TrialStatus.RUNNING
        return {"status": status, "values": values}

    def ensure_feasible(self) -> None:
        """Finds a candidate within the budget for the first trial of a new search.

        The hypermodel declares the search space first. Call it before anything is written.

        Raises:
            NoCandidateError: none found among the sampled (or all) candidates.
        """
        hp = kt.HyperParameters()
        self.hypermodel.builder_args(hp)
        self.update_space(hp)
        proposal = self._within_budget(self._random_proposal())
        if proposal["status"] != TrialStatus.RUNNING:
            raise NoCandidateError(self._no_candidate_message())
        self._pending = proposal

    def _no_candidate_message(self) -> str:
        tune_config = self.tune_config
        size = math.prod(len(d.choices) for d in self.hypermodel.space.values())
        measured = [Candidate(**row) for row in self.candidates.values()]
        built = [c for c in measured if c.error is None]
        smallest = ""
        if built:
            small = min(built, key=lambda c: (c.int8_bytes, c.macs))
            smallest = (
                f"; the smallest has {small.int8_bytes:,} int8 bytes and {small.macs:,} MACs "
                f"({json.dumps(small.values)})"
            )
        elif measured:
            smallest = f"; none builds for this input (e.g. {measured[0].error})"
        return (
            f"no candidate of the {tune_config.family} search space ({size:,} candidates, "
            f"{len(self.rejected):,} tried) fits the budget of "
            f"{tune_config.max_param_bytes:,} int8 bytes and {tune_config.max_macs:,} MACs"
            f"{smallest}: raise [tune] max_param_bytes / max_macs or restrict [tune.space] "
            "to smaller values"
        )

    def populate_space(self, trial_id):
        if self._pending is not None:
            proposal, self._pending = self._pending, None
        else:
            proposal = self._within_budget(super().populate_space(trial_id))
        if "key" in proposal:
            self.trial_candidates[trial_id] = proposal.pop("key")
        return proposal

    def get_state(self):
        state = super().get_state()
        state["tfasc"] = {
            "candidates": self.candidates,
            "rejected": self.rejected,
            "trial_candidates": self.trial_candidates,
        }
        return state

    def set_state(self, state):
        super().set_state(state)
        saved = state.get("tfasc", {})
        self.candidates = saved.get("candidates", {})
        self.rejected = saved.get("rejected", {})
        self.trial_candidates = saved.get("trial_candidates", {})


class BudgetRandomSearch(_BudgetOracle, kt.oracles.RandomSearchOracle):
    """Random search that never creates a trial for an over-budget candidate."""


class BudgetBayesianOptimization(_BudgetOracle, kt.oracles.BayesianOptimizationOracle):
    """Bayesian optimization that never creates a trial for an over-budget candidate."""
