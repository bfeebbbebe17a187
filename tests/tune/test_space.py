"""Search spaces: the defaults are the published architectures; restrictions are checked."""

import inspect
import json

import numpy as np
import pytest

from tfasc import config, models
from tfasc.tune import SEARCH_SPACES, Candidate, FamilyHyperModel, kt, search_space
from tfasc.tune.space import defaults


def _hypermodel(family, input_shape=(256, 65, 1), int8_file=False, **settings):
    space = search_space(config.TuneConfig(family=family, **settings))
    return FamilyHyperModel(family, space, input_shape, int8_file=int8_file)


@pytest.mark.parametrize("family", list(SEARCH_SPACES))
def test_default_values_are_the_builders_defaults(family):
    """The default point of each space is the builder's default architecture (Rep-Mobile:
    57,442 deploy parameters; BC-ResNet-Mod: c = 80, 317,450 parameters)."""
    hp = kt.HyperParameters()
    args = _hypermodel(family).builder_args(hp)
    assert hp.values == defaults(SEARCH_SPACES[family])
    signature = inspect.signature(models.spec(family).builder).parameters
    expected = {name: json.loads(json.dumps(signature[name].default)) for name in args}
    if family == "bcresnet_mod":
        expected["dilations"] = [1, 1, 1, 1]  # None: 1 in every stage
    assert args == expected


def test_budget_variant_is_a_point_of_the_space():
    """bcresnet_mod_budget (c = 40, pooled stem): 87,130 parameters, 14,287,920 MACs."""
    values = {**defaults(SEARCH_SPACES["bcresnet_mod"]), "c": 40, "stem_pool": 2}
    candidate = _hypermodel("bcresnet_mod").candidate(values, kt.HyperParameters())
    assert (candidate.params, candidate.macs, candidate.int8_bytes) == (87_130, 14_287_920, 87_130)
    assert candidate.over_budget(config.TuneConfig()) is None
    small_budget = config.TuneConfig(max_param_bytes=80_000, max_macs=10_000_000)
    assert candidate.over_budget(small_budget) == (
        "over budget: 87,130 int8 bytes > 80,000, 14,287,920 MACs > 10,000,000"
    )


def test_int8_file_counts_the_converted_model():
    """int8 file view: every deploy-form weight as one int8 byte, every bias (one per output
    channel of each convolution) as 4 bytes. Width 0.5, one block per stage: stem 8, 16;
    blocks (expand, depthwise, project) 32, 32, 16 / 32, 32, 32 / 64, 64, 56; head 10."""
    values = {**defaults(SEARCH_SPACES["rep_mobile"]), "width": 0.5, "stage1_blocks": 1,
              "stage2_blocks": 1, "stage3_blocks": 1}  # fmt: skip
    shape = (40, 51, 1)
    keras_view = _hypermodel("rep_mobile", shape).candidate(values, kt.HyperParameters())
    int8_view = _hypermodel("rep_mobile", shape, int8_file=True).candidate(
        values, kt.HyperParameters()
    )
    deploy = models.deploy_form(models.build("rep_mobile", input_shape=shape, **keras_view.args))
    biases = sum(
        layer.bias.shape[0] for layer in deploy.layers if getattr(layer, "bias", None) is not None
    )
    assert biases == 8 + 16 + (32 + 32 + 16) + (32 + 32 + 32) + (64 + 64 + 56) + 10
    assert keras_view.int8_bytes == keras_view.params == 11_522
    assert int8_view.int8_bytes == keras_view.params + 3 * biases


def test_restricted_space_and_its_errors():
    space = search_space(config.TuneConfig(space={"width": [0.5, 1], "asymmetric": [True]}))
    assert space["width"].choices == (0.5, 1.0) and space["width"].default == 1.0
    assert space["asymmetric"].choices == (True,) and space["asymmetric"].default is True
    with pytest.raises(config.ConfigError, match=r"\[tune.space\] depth: not a hyperparameter "
                       r"of rep_mobile; known: width, stage1_blocks"):  # fmt: skip
        search_space(config.TuneConfig(space={"depth": [2]}))
    with pytest.raises(config.ConfigError, match=r"\[tune.space\] kernel_size: 3.0 is not an "):
        search_space(config.TuneConfig(space={"kernel_size": [3.0]}))
    with pytest.raises(config.ConfigError, match=r"\[model.args\] width: set by the rep_mobile"):
        search_space(config.TuneConfig(), {"width": 0.5})


def test_unbuildable_candidates_are_named():
    """A pooled stem on the 40-bin dcase2022 input leaves 2 bins for 5 sub-bands."""
    values = {**defaults(SEARCH_SPACES["bcresnet_mod"]), "c": 20, "stem_pool": 2}
    candidate = _hypermodel("bcresnet_mod", (40, 51, 1)).candidate(values, kt.HyperParameters())
    assert candidate.params is None and "sub" in candidate.error.lower()
    assert candidate.over_budget(config.TuneConfig()).startswith("does not build: ")
    assert Candidate(**candidate.row()) == candidate


def test_hypermodel_builds_a_seeded_compiled_model():
    hypermodel = _hypermodel("rep_mobile", (40, 51, 1), space={"width": [0.5]})
    hypermodel.optimizer, hypermodel.steps_per_epoch = config.OptimizerConfig(epochs=1), 3
    first, second = (hypermodel.build(kt.HyperParameters()) for _ in range(2))
    assert first.optimizer is not None and first.count_params() == second.count_params()
    for a, b in zip(first.get_weights(), second.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_every_tunable_family_has_a_space():
    assert sorted(SEARCH_SPACES) == sorted(config.TUNE_FAMILIES)
    for family, space in SEARCH_SPACES.items():
        for name, dimension in space.items():
            assert dimension.default in dimension.choices, (family, name)
