"""Small zoo models on small inputs, shared by the compression tests."""

import numpy as np
import pytest

from tfasc.keras import keras

SMALL = {
    "bcresnet": {"input_shape": (40, 32, 1)},
    "bcresnet_mod_budget": {"input_shape": (96, 16, 1), "c": 8},
    "dcase2022_baseline": {"input_shape": (40, 51, 1)},
    "dcase2024_baseline": {"input_shape": (64, 16, 1)},
    "rep_mobile": {"input_shape": (64, 16, 1)},
}
"""Registered models with arguments that make them fast to fit and to run on a board."""

LARGE = ("bcresnet_mod", "bcresnet_mod_teacher", "cp_resnet_teacher")
"""Registered models at their own size (tests marked ``slow``)."""


def random_data(shape, n=48, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, *shape)).astype(np.float32), rng.integers(0, 10, n)


@pytest.fixture
def small_model():
    from tfasc import models

    def make(name):
        keras.utils.set_random_seed(0)  # the weights, and the training that follows
        return models.deploy_form(models.build(name, **SMALL[name]))

    return make
