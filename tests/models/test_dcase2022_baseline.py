"""DCASE2022 baseline: the published 46,512 bytes and 29,234,920 MACs from its int8 file."""

import numpy as np
import pytest

from tests.layer_test_case import run_model_test
from tfasc import complexity, convert, models


@pytest.fixture(scope="module")
def int8_file():
    model = complexity.trained_like(models.build("dcase2022_baseline"))
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
    # 46,118 trainable (the Keras count above); BN moving statistics 2·(16 + 16 + 32).
    model = models.build("dcase2022_baseline")
    run_model_test(model, tmp_path, trainable=46_118, non_trainable=128, num_classes=10)
