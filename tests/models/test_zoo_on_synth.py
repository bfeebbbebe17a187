"""Every registered model: one epoch of ``model.fit`` on synthetic TAU through the library's
training path, then full-int8 conversion that runs in the TFLite Micro interpreter.

The budget-size models run by default; the large ones (teachers, full-width
BC-ResNet-Mod) are marked slow.
"""

import numpy as np
import pytest

from tfasc import config, convert, export, models, tflm, train
from tfasc import flatbuffer as fb
from tfasc.data import tau
from tfasc.feature_cache import compute_features
from tfasc.keras import keras

LARGE = {"bcresnet_mod", "bcresnet_mod_teacher", "cp_resnet_teacher"}


def _conv_ops(flatbuffer: bytes) -> int:
    operators = fb.parse(flatbuffer).operators
    return sum(op.name in ("CONV_2D", "DEPTHWISE_CONV_2D") for op in operators)


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in LARGE else n for n in models.available()],
)
def test_trains_on_synthetic_tau_and_runs_in_tflm(name, synth_tau, feature_cache, tmp_path):
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        model=config.ModelConfig(name=name),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=32),
        out_dir=str(tmp_path / "run"),
    )
    result = train.train(settings, progress=False)
    assert np.isfinite(result.history["loss"][0])

    flatbuffer = export.export_run(result.run_dir, config.ExportConfig(num_calibration=32))
    if name == "rep_mobile":  # exported in its deploy form: one convolution per RepConv2D
        deploy = models.reparameterize(keras.models.load_model(result.best_model))
        assert _conv_ops(flatbuffer) == _conv_ops(convert.to_tflite(deploy, "float32"))
    dataset = tau.load(synth_tau)
    evaluate = compute_features(
        dataset,
        dataset.fold("evaluate")[:8],
        settings.frontend_config,
        cache_dir=feature_cache,
        progress=False,
    )
    logits = tflm.TFLMModel(flatbuffer).predict(evaluate.features)
    assert logits.shape == (8, 10) and np.isfinite(logits).all()
