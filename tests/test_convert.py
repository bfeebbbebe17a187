"""``to_tflite`` modes beyond int8: 16x8 (int16 activations, int8 weights) and float16."""

import numpy as np
import pytest

from tfasc import convert, models, ops, tflm
from tfasc import flatbuffer as fb


@pytest.fixture(scope="module")
def baseline():
    from tfasc.keras import keras

    keras.utils.set_random_seed(0)
    return models.build("dcase2022_baseline")


def test_int16x8_runs_in_tflm_close_to_float(baseline):
    x = np.random.default_rng(0).standard_normal((16, 40, 51, 1)).astype(np.float32)
    flatbuffer = convert.to_tflite(baseline, "int16x8", x)
    graph = fb.parse(flatbuffer)
    assert graph.tensors[graph.inputs[0]].dtype == "int16"
    weights = [t for t in graph.tensors if t.is_constant and len(t.shape) == 4]
    assert weights and all(t.dtype == "int8" for t in weights)
    assert not ops.unsupported(graph.ops, "tflm_int16")
    interpreter = tflm.TFLMModel(flatbuffer)
    q = interpreter.input_quantization
    inputs = np.clip(np.round(x / q.scale) + q.zero_point, -32768, 32767).astype(np.int16)
    outputs = interpreter.output_quantization.dequantize(interpreter.invoke_batch(inputs))
    reference = baseline.predict(x, verbose=0)
    assert np.abs(outputs - reference).max() < 0.02 * np.abs(reference).max()


def test_float16_halves_the_weights(baseline):
    size32 = len(convert.to_tflite(baseline, "float32"))
    flatbuffer = convert.to_tflite(baseline, "float16")
    assert len(flatbuffer) < 0.6 * size32
    assert "float16" in {t.dtype for t in fb.parse(flatbuffer).tensors}


def test_int16x8_without_data_and_unknown_modes(baseline):
    with pytest.raises(convert.ExportError, match="mode 'int16x8' needs representative_data"):
        convert.to_tflite(baseline, "int16x8")
    with pytest.raises(ValueError, match="int16x8, float16"):
        convert.to_tflite(baseline, "int4")


def test_resnorm_cannot_run_in_16x8():
    assert not ops.OPS["SQUARED_DIFFERENCE"].tflm_int16 and not ops.OPS["RSQRT"].tflm_int16
