"""Rep-Mobile: deploy form equal to the training form, smaller, within the DCASE budget."""

import numpy as np
import pytest

from tests.layer_test_case import run_model_test
from tfasc import complexity, models
from tfasc import flatbuffer as fb
from tfasc.keras import keras


def randomize_batch_norms(model, seed=0):
    rng = np.random.default_rng(seed)
    for layer in model._flatten_layers():
        if isinstance(layer, keras.layers.BatchNormalization):
            c = layer.gamma.shape[0]
            layer.set_weights([rng.uniform(0.5, 1.5, c), rng.normal(0, 0.3, c),
                               rng.normal(0, 0.3, c), rng.uniform(0.5, 2.0, c)])  # fmt: skip


@pytest.fixture(scope="module")
def rep_mobile():
    model = models.build("rep_mobile")
    randomize_batch_norms(model)
    return model, models.reparameterize(model)


def test_reparameterize_equals_training_form(rep_mobile):
    model, deploy = rep_mobile
    x = np.random.default_rng(1).standard_normal((2, 256, 65, 1)).astype(np.float32)
    reference = model(x, training=False).numpy()
    assert np.abs(reference).max() > 0.1  # non-trivial outputs
    np.testing.assert_allclose(deploy(x).numpy(), reference, atol=1e-4)


def test_deploy_form_is_smaller_and_within_budget(rep_mobile):
    model, deploy = rep_mobile
    train_form = complexity.keras_complexity(model)
    deploy_form = complexity.keras_complexity(deploy)
    assert deploy_form.params < train_form.params
    assert deploy.count_params() < model.count_params()
    assert not [layer for layer in deploy.layers if "RepConv2D" in type(layer).__name__]
    assert deploy_form.param_bytes <= complexity.DCASE_MAX_PARAM_BYTES
    assert deploy_form.macs <= complexity.DCASE_MAX_MACS
    assert (deploy_form.params, deploy_form.macs) == (57_442, 29_539_392)


def test_width_multiplier():
    wide = complexity.keras_complexity(models.build("rep_mobile", width=1.5))
    assert wide.params > 1.8 * 61_252


SMALL_SPECS = ((16, 2.0, (1, 1)), (16, 2.0, (2, 2)), (24, 2.0, (1, 1)))
"""Equal strides only: grouped convs (unequal strides) are XLA-compiled and slow to fit."""


def test_deploy_int8_in_tflm_small(tmp_path):
    model = models.build("rep_mobile", input_shape=(32, 17, 1), block_specs=SMALL_SPECS)
    randomize_batch_norms(model)
    flatbuffer = run_model_test(models.reparameterize(model), tmp_path, num_classes=10)
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops


@pytest.mark.slow
def test_deploy_int8_in_tflm(tmp_path):
    model = models.build("rep_mobile", input_shape=(64, 17, 1))
    randomize_batch_norms(model)
    flatbuffer = run_model_test(models.reparameterize(model), tmp_path, num_classes=10)
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops
    assert set(fb.parse(flatbuffer).ops) == ops


@pytest.mark.slow
def test_training_form(tmp_path):
    run_model_test(models.build("rep_mobile", input_shape=(64, 17, 1)), tmp_path, num_classes=10)
