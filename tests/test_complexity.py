"""Complexity accounting: torchinfo rules on Keras layers, NeSsi rules on .tflite files."""

import json

import numpy as np

from tfasc import complexity, convert
from tfasc.keras import keras
from tfasc.layers import RepConv2D


def small_model():
    inputs = keras.Input((8, 6, 2))
    x = keras.layers.Conv2D(4, 3, padding="same", name="conv")(inputs)  # bias
    x = keras.layers.BatchNormalization(name="bn")(x)
    x = keras.layers.DepthwiseConv2D(3, strides=2, padding="same", use_bias=False, name="dw")(x)
    x = keras.layers.Conv2D(4, 3, strides=(1, 2), groups=4, padding="same", name="grouped")(x)
    x = keras.layers.MaxPooling2D(2, name="pool")(x)
    x = keras.layers.Flatten(name="flatten")(x)
    outputs = keras.layers.Dense(3, name="dense")(x)
    return keras.Model(inputs, outputs, name="small")


def test_torchinfo_rules():
    c = complexity.keras_complexity(small_model())
    macs = {row.name: row.macs for row in c.layers}
    assert macs["conv"] == 3 * 3 * 2 * 4 * 48 + 4 * 48
    assert macs["bn"] == 2 * 4
    assert macs["dw"] == 3 * 3 * 4 * 12  # (4, 3, 4) output
    assert macs["grouped"] == 3 * 3 * 1 * 4 * 8 + 4 * 8  # (4, 2, 4) output, groups=4
    assert macs["pool"] == macs["flatten"] == 0
    assert macs["dense"] == 8 * 3 + 3  # pooled to (2, 1, 4)
    assert c.params == (72 + 4) + 8 + 36 + (36 + 4) + (24 + 3)
    assert c.macs == sum(macs.values())
    assert c.param_bytes == c.params and c.within_budget()
    # Peak: the conv output and the batch-norm output (192 bytes each) while BN runs.
    assert c.peak_activation_bytes == 192 + 192


def test_composite_layers_are_traced():
    inputs = keras.Input((8, 6, 4))
    outputs = RepConv2D(4, 3, name="rep")(inputs)
    c = complexity.keras_complexity(keras.Model(inputs, outputs))
    positions = 8 * 6
    # 3×3 conv, 1×1 conv, and three batch norms (k×k, 1×1, identity), no bias.
    assert c.macs == 9 * 4 * 4 * positions + 4 * 4 * positions + 3 * 2 * 4


def test_nonzero_bytes():
    model = small_model()
    dense = model.get_layer("dense")
    kernel, bias = dense.get_weights()
    kernel[:2] = 0
    dense.set_weights([kernel, np.ones_like(bias)])
    c = complexity.keras_complexity(model)
    row = next(r for r in c.layers if r.name == "dense")
    assert row.nonzero_bytes == (8 - 2) * 3 + 3


def test_tflite_rules_and_report():
    inputs = keras.Input((8, 6, 1))
    x = keras.layers.Conv2D(4, 3, padding="same", name="conv")(inputs)
    x = keras.layers.AveragePooling2D((2, 3), name="pool")(x)  # (4, 2, 4)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(3, bias_initializer="ones", name="dense")(x)
    model = keras.Model(inputs, outputs)
    x = np.random.default_rng(0).standard_normal((8, 8, 6, 1)).astype(np.float32)
    flatbuffer = convert.to_tflite(model, "int8", x)
    c = complexity.tflite_complexity(flatbuffer, nessi_compatible=False)
    assert c.ops == ("CONV_2D", "AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED")
    assert c.macs == 9 * 4 * 48 + 8 * 4 * 6 + 32 * 3
    # NeSsi takes the dense input size from the last axis before the flatten (4, not 32).
    quirk = complexity.tflite_complexity(flatbuffer)
    assert c.macs - quirk.macs == (32 - 4) * 3
    assert c.param_bytes_by_dtype["int8"] == 36 + 96
    assert c.param_bytes_by_dtype["int32"] == 4 * (4 + 3)
    assert c.other_constant_bytes == 8  # the flatten's int32 shape
    assert c.peak_activation_bytes >= 48 + 192
    summary = json.loads(complexity.to_json({"m": c.summary()}))["m"]
    assert summary["macs"] == c.macs and summary["ops"][0] == "CONV_2D"
    table = c.table()
    assert "| **total** |" in table and "FULLY_CONNECTED" in table


def test_cli(capsys):
    from tfasc import cli

    assert cli.main(["models"]) == 0
    assert "dcase2024_baseline" in capsys.readouterr().out
    assert cli.main(["complexity", "dcase2024_baseline", "--no-tflite", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["Keras deploy form (torchinfo)"]["macs"] == 29_419_156
