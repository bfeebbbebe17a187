"""Registered models: trained-like weights give the int8 bytes a trained file has."""

import json

import numpy as np

from tfasc import cli, convert, models
from tfasc.complexity import registered_model_complexity, tflite_complexity, trained_like


def test_trained_like_sets_biases_and_statistics_only():
    model = models.build("dcase2022_baseline")
    kernels = {w.name: w.numpy() for w in model.weights if "kernel" in w.name}
    trained_like(model, seed=3)
    for w in model.weights:
        values, leaf = w.numpy(), w.name.split("/")[-1]
        if "kernel" in leaf:
            np.testing.assert_array_equal(values, kernels[w.name])
        elif "gamma" in leaf or "moving_variance" in leaf:
            assert 0.5 <= values.min() and values.max() <= 1.5, w.name
            assert len(np.unique(values)) == values.size, w.name
        else:  # bias, beta, moving_mean
            assert "bias" in leaf or "beta" in leaf or "moving_mean" in leaf, w.name
            assert np.count_nonzero(values) == values.size, w.name
            assert np.abs(values).max() < 1.0, w.name  # N(0, 0.1²): 1.0 is 10 sigma


def test_dcase2022_baseline_published_numbers():
    """The DCASE2022 baseline's published 46,512 bytes and 29,234,920 NeSsi MACs."""
    keras_view, tflite_view = registered_model_complexity("dcase2022_baseline")
    assert (keras_view.params, keras_view.macs) == (46_118, 29_271_638)
    assert tflite_view.param_bytes_by_dtype == {"int8": 45_816, "int32": 696}
    assert (tflite_view.param_bytes, tflite_view.macs) == (46_512, 29_234_920)


def test_untrained_file_under_reports():
    """Without trained_like the converter drops the zero dense biases (100 + 10) and stores
    the two 16-channel conv blocks' identical zero biases once: 4·(110 + 16) bytes less."""
    model = models.build("dcase2022_baseline")
    calibration = np.random.default_rng(0).standard_normal((8, 40, 51, 1)).astype(np.float32)
    untrained = tflite_complexity(convert.to_tflite(model, "int8", calibration))
    assert untrained.param_bytes_by_dtype == {"int8": 45_816, "int32": 696 - 4 * (110 + 16)}
    assert untrained.param_bytes == 46_512 - 4 * (110 + 16)


def test_keras_view_only():
    keras_view, tflite_view = registered_model_complexity("dcase2024_baseline", int8=False)
    assert tflite_view is None
    assert (keras_view.params, keras_view.macs) == (61_148, 29_419_156)


def test_cli(capsys):
    assert cli.main(["models"]) == 0
    assert "dcase2024_baseline" in capsys.readouterr().out
    assert cli.main(["complexity", "dcase2024_baseline", "--no-tflite", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["Keras deploy form (torchinfo)"]["macs"] == 29_419_156
