"""The TFLite counter: NeSsi rules on a converted int8 file, read through tfasc.flatbuffer."""

import numpy as np
import pytest

from tfasc import convert
from tfasc import flatbuffer as fb
from tfasc.complexity import tflite_complexity
from tfasc.keras import keras


@pytest.fixture(scope="module")
def int8_file():
    inputs = keras.Input((8, 6, 1))
    x = keras.layers.Conv2D(4, 3, padding="same", name="conv")(inputs)  # (8, 6, 4)
    x = keras.layers.AveragePooling2D((2, 3), name="pool")(x)  # (4, 2, 4)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(3, bias_initializer="ones", name="dense")(x)
    model = keras.Model(inputs, outputs)
    rng = np.random.default_rng(0)
    for name in ("conv", "dense"):  # |w| in [0.5, 1]: no kernel value quantizes to 0
        kernel, bias = model.get_layer(name).get_weights()
        kernel = rng.uniform(0.5, 1.0, kernel.shape) * rng.choice([-1, 1], kernel.shape)
        model.get_layer(name).set_weights([kernel, bias])
    x = rng.standard_normal((8, 8, 6, 1)).astype(np.float32)
    return convert.to_tflite(model, "int8", x)


def test_nessi_rules(int8_file):
    c = tflite_complexity(int8_file, nessi_compatible=False)
    assert c.ops == ("CONV_2D", "AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED")
    assert [row.macs for row in c.layers] == [9 * 4 * 48, 8 * 4 * 6, 0, 32 * 3]
    # NeSsi takes the dense input size from the last axis before the flatten (4, not 32).
    quirk = tflite_complexity(int8_file)
    assert c.macs - quirk.macs == (32 - 4) * 3


def test_parameter_bytes(int8_file):
    c = tflite_complexity(int8_file)
    # int8 kernels 3·3·1·4 + 32·3, int32 biases 4 + 3; the conv bias is zero (untrained).
    assert c.param_bytes_by_dtype == {"int8": 36 + 96, "int32": 4 * (4 + 3)}
    assert c.params == 36 + 4 + 96 + 3
    assert c.param_bytes == 132 + 28
    assert c.nonzero_bytes == 132 + 4 * 3  # all but the conv's zero bias
    assert c.other_constant_bytes == 8  # the flatten's int32 shape (1, 32)
    # While the conv runs: its int8 input 8·6·1 and output 8·6·4.
    assert c.peak_activation_bytes == 48 + 192
    rows = {row.kind: row for row in c.layers}
    assert rows["CONV_2D"].output_shape == (8, 6, 4)


def test_shared_constants_count_once():
    """A conv applied twice: the file holds its int8 kernel once, so it counts once. The
    int32 biases differ (bias scale = input scale x kernel scale), so there are two."""
    inputs = keras.Input((6, 6, 2))
    conv = keras.layers.Conv2D(2, 3, padding="same", bias_initializer="ones", name="conv")
    outputs = conv(conv(inputs))
    x = np.random.default_rng(0).standard_normal((8, 6, 6, 2)).astype(np.float32)
    flatbuffer = convert.to_tflite(keras.Model(inputs, outputs), "int8", x)
    graph = fb.parse(flatbuffer)
    assert graph.ops == ("CONV_2D",) and len(graph.operators) == 2
    assert len({graph.tensors[op.inputs[1]].buffer for op in graph.operators}) == 1
    c = tflite_complexity(flatbuffer)
    assert c.param_bytes_by_dtype == {"int8": 3 * 3 * 2 * 2, "int32": 2 * 4 * 2}
    assert [row.params for row in c.layers] == [36 + 2, 2]


def test_malformed_file_names_the_model():
    with pytest.raises(fb.MalformedModelError, match="^broken.tflite: "):
        tflite_complexity(b"not a model at all", name="broken.tflite")
