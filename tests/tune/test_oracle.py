"""The budget check in the oracle: over-budget candidates never become trials."""

import json

import pytest

from tfasc import config
from tfasc.tune import (
    OBJECTIVE,
    SEARCH_SPACES,
    BudgetBayesianOptimization,
    BudgetRandomSearch,
    FamilyHyperModel,
    NoCandidateError,
    kt,
    search_space,
)

INPUT = (40, 51, 1)  # the dcase2022 front end: small and fast
SMALL_SPACE = {
    # Four candidates; on 40 x 51 their deploy forms have 653,430 (width 0.5, 3x3),
    # 743,030 (0.5, 5x5), 1,818,590 (1.0, 3x3) and 1,988,830 (1.0, 5x5) MACs.
    "width": [0.5, 1.0], "kernel_size": [3, 5], "stage1_blocks": [1], "stage2_blocks": [1],
    "stage3_blocks": [1], "expansion": [2.0], "conv_branches": [1], "asymmetric": [True],
    "branch_weights": [True],
}  # fmt: skip


class CountingHyperModel(FamilyHyperModel):
    """Counts how often a candidate's complexity is computed."""

    measured = 0

    def candidate(self, values, hyperparameters):
        self.measured += 1
        return super().candidate(values, hyperparameters)


def make_oracle(oracle_class, tmp_path, **settings):
    tune_config = config.TuneConfig(space=SMALL_SPACE, max_trials=10, **settings)
    hypermodel = CountingHyperModel("rep_mobile", search_space(tune_config), INPUT)
    extra = {"num_initial_points": 1} if oracle_class is BudgetBayesianOptimization else {}
    oracle = oracle_class(objective=kt.Objective(OBJECTIVE, direction="max"), max_trials=10,
                          seed=1, hypermodel=hypermodel, tune_config=tune_config, **extra)  # fmt: skip
    oracle._set_project_dir(str(tmp_path), "search")
    return oracle


@pytest.mark.parametrize("oracle_class", [BudgetRandomSearch, BudgetBayesianOptimization])
def test_over_budget_candidates_are_rejected_before_a_trial_exists(oracle_class, tmp_path):
    """Budget 1 M MACs: the two width-1.0 candidates are rejected, the two others become the
    only trials; the search then ends on an exhausted space (not on failed trials) with 8 of
    10 trials unused, and each candidate was measured once."""
    oracle = make_oracle(oracle_class, tmp_path, max_macs=1_000_000)
    oracle.ensure_feasible()
    trials = []
    while (trial := oracle.create_trial("tuner0")).status == "RUNNING":
        oracle.update_trial(trial.trial_id, {OBJECTIVE: 0.1 * (len(trials) + 1)})
        trial.status = "COMPLETED"
        oracle.end_trial(trial)
        trials.append(trial)
    assert trial.status == "STOPPED"
    assert len(trials) == len(oracle.trials) == 2
    assert sorted(t.hyperparameters["kernel_size"] for t in trials) == [3, 5]
    assert {t.hyperparameters["width"] for t in trials} == {0.5}
    assert all(t.status == "COMPLETED" for t in oracle.trials.values())
    trained = [oracle.candidates[oracle.trial_candidates[t.trial_id]] for t in trials]
    assert sorted(c["macs"] for c in trained) == [653_430, 743_030]
    rejected = [oracle.candidates[key] for key in oracle.rejected]
    assert sorted(c["macs"] for c in rejected) == [1_818_590, 1_988_830]
    assert sorted(oracle.rejected.values()) == [
        "over budget: 1,818,590 MACs > 1,000,000", "over budget: 1,988,830 MACs > 1,000,000"
    ]  # fmt: skip
    assert oracle.hypermodel.measured == 4 and len(oracle.candidates) == 4

    # The rejections and the cache are part of the oracle's saved state.
    again = make_oracle(oracle_class, tmp_path)
    again.trials = oracle.trials
    again.set_state(json.loads(json.dumps(oracle.get_state())))
    assert (again.candidates, again.rejected) == (oracle.candidates, oracle.rejected)
    assert again.trial_candidates == oracle.trial_candidates


def test_no_candidate_under_budget_is_one_clear_error(tmp_path):
    oracle = make_oracle(BudgetRandomSearch, tmp_path, max_macs=600_000)
    with pytest.raises(NoCandidateError) as error:
        oracle.ensure_feasible()
    assert str(error.value) == (
        "no candidate of the rep_mobile search space (4 candidates, 4 tried) fits the budget "
        "of 128,000 int8 bytes and 600,000 MACs; the smallest has 11,522 int8 bytes and "
        '653,430 MACs ({"width": 0.5, "stage1_blocks": 1, "stage2_blocks": 1, '
        '"stage3_blocks": 1, "expansion": 2.0, "kernel_size": 3, "conv_branches": 1, '
        '"asymmetric": true, "branch_weights": true}): raise [tune] max_param_bytes / '
        "max_macs or restrict [tune.space] to smaller values"
    )
    assert not oracle.trials


def test_a_space_that_does_not_build_is_one_clear_error(tmp_path):
    """A pooled stem leaves 2 of the 40 mel bins for SubSpectralNorm's 5 sub-bands."""
    fixed = {name: [dimension.default] for name, dimension in SEARCH_SPACES["bcresnet_mod"].items()}
    space = {**fixed, "c": [20], "stem_pool": [2], "stem_kernel": [3, 5]}  # two candidates
    tune_config = config.TuneConfig(family="bcresnet_mod", space=space)
    hypermodel = FamilyHyperModel("bcresnet_mod", search_space(tune_config), INPUT)
    oracle = BudgetRandomSearch(objective=kt.Objective(OBJECTIVE, direction="max"),
                                hypermodel=hypermodel, tune_config=tune_config)  # fmt: skip
    with pytest.raises(NoCandidateError, match=r"\(2 candidates, 2 tried\).*none builds for "
                       "this input"):  # fmt: skip
        oracle.ensure_feasible()
