"""DCASE2022 baseline: the published 46,512 bytes and 29,234,920 MACs from its int8 file."""

import numpy as np
import pytest

from tests.layer_test_case import run_model_test
from tfasc import complexity, convert, models
from tfasc.keras import keras


def trained_like(model, seed=0):
    """Random biases and batch-norm statistics, as after training.

    Untrained layers have zero biases, which the converter drops (dense) or stores once for
    identical values (folded convolutions); trained ones do not.
    """
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        weights = layer.get_weights()
        if isinstance(layer, keras.layers.BatchNormalization):
            c = weights[0].shape[0]
            layer.set_weights([rng.uniform(0.5, 1.5, c), rng.normal(0, 0.1, c),
                               rng.normal(0, 0.1, c), rng.uniform(0.5, 2, c)])  # fmt: skip
        elif len(weights) == 2:
            layer.set_weights([weights[0], rng.normal(0, 0.1, weights[1].shape)])
    return model


@pytest.fixture(scope="module")
def int8_file():
    model = trained_like(models.build("dcase2022_baseline"))
    calibration = np.random.default_rng(1).standard_normal((16, 40, 51, 1)).astype(np.float32)
    return convert.to_tflite(model, "int8", calibration)


def test_keras_counts():
    c = complexity.keras_complexity(models.build("dcase2022_baseline"))
    bn_params = 2 * (16 + 16 + 32)
    assert c.params == 46_118 and c.params - bn_params == 45_990  # 45,990 with BN folded


def test_published_constants_and_macs(int8_file):
    c = complexity.tflite_complexity(int8_file)
    assert c.param_bytes_by_dtype == {"int8": 45_816, "int32": 696}
    assert c.param_bytes == 46_512
    assert c.params == 45_990
    assert c.macs == 29_234_920  # NeSsi, with its flatten quirk
    assert complexity.tflite_complexity(int8_file, nessi_compatible=False).macs == 29_238_120
    assert c.ops == ("CONV_2D", "MAX_POOL_2D", "RESHAPE", "FULLY_CONNECTED")


def test_model(tmp_path):
    run_model_test(models.build("dcase2022_baseline"), tmp_path, num_classes=10)
