"""The Keras counter: torchinfo rules per layer, composite layers traced, peak activations."""

import numpy as np
import pytest

from tfasc.complexity import keras_complexity
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
    c = keras_complexity(small_model())
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
    c = keras_complexity(keras.Model(inputs, outputs))
    positions = 8 * 6
    # 3×3 conv, 1×1 conv, and three batch norms (k×k, 1×1, identity), no bias.
    assert c.macs == 9 * 4 * 4 * positions + 4 * 4 * positions + 3 * 2 * 4


def test_shared_layer_weights_count_once():
    inputs = keras.Input((5,))
    dense = keras.layers.Dense(5, name="shared")
    outputs = dense(dense(inputs))
    c = keras_complexity(keras.Model(inputs, outputs))
    assert [(row.params, row.macs) for row in c.layers] == [(30, 30), (0, 30)]


def test_nonzero_bytes():
    model = small_model()
    dense = model.get_layer("dense")
    kernel, bias = dense.get_weights()
    kernel[:2] = 0
    dense.set_weights([kernel, np.ones_like(bias)])
    c = keras_complexity(model)
    row = next(r for r in c.layers if r.name == "dense")
    assert row.nonzero_bytes == (8 - 2) * 3 + 3


def test_rejects_subclassed_models():
    class Subclassed(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(ValueError, match="functional or sequential"):
        keras_complexity(Subclassed())
