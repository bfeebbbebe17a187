import numpy as np
import pytest

from tfasc import models
from tfasc.complexity import keras_complexity, trained_like
from tfasc.compression import structured


@pytest.fixture(scope="module")
def bcresnet_mod():
    return trained_like(models.build("bcresnet_mod"))


def test_keeping_every_channel_is_the_same_model(bcresnet_mod):
    counts = structured._counts(bcresnet_mod, 1.0)
    plan = structured.ChannelPlan({g: list(range(n)) for g, n in counts.items()}, 1.0, 0, 0)
    same = structured.prune_channels(bcresnet_mod, plan)
    x = np.random.default_rng(0).standard_normal((2, 256, 65, 1)).astype(np.float32)
    np.testing.assert_array_equal(same.predict(x, verbose=0), bcresnet_mod.predict(x, verbose=0))


def test_bcresnet_mod_pruned_into_the_dcase_budget(bcresnet_mod):
    plan = structured.plan_channels(bcresnet_mod, max_params=128_000, max_macs=30_000_000)
    # Uniform keep ratio 0.494 (bisection): stem 160 -> 79, stages 80/120/160/200 -> 39/59/79/99.
    assert plan.channels() == {"stem": 79, "stage1": 39, "stage2": 59, "stage3": 79, "stage4": 99}
    small = structured.prune_channels(bcresnet_mod, plan)
    result = keras_complexity(small)
    assert (result.params, result.macs) == (plan.params, plan.macs) == (85_077, 29_777_736)
    assert result.within_budget()
    # The kept channels carry their trained weights.
    keep = np.asarray(plan.keep["stem"])
    np.testing.assert_array_equal(
        small.get_layer("stem_conv").kernel.numpy(),
        bcresnet_mod.get_layer("stem_conv").kernel.numpy()[..., keep],
    )


def test_models_without_bcres_stages_are_refused():
    with pytest.raises(ValueError, match="BCResBlock stages"):
        structured.plan_channels(models.build("dcase2022_baseline"), max_params=10_000,
                                 max_macs=1_000_000)  # fmt: skip


def test_a_budget_no_width_meets(bcresnet_mod):
    with pytest.raises(ValueError, match="cannot be pruned"):
        structured.plan_channels(bcresnet_mod, max_params=100, max_macs=1000, iterations=4)
