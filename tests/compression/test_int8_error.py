import numpy as np

from tests.compression.conftest import random_data
from tfasc import convert
from tfasc.compression import int8_error
from tfasc.keras import keras
from tfasc.layers import ResNorm


def test_resnorm_chain_on_sparse_activations():
    x = keras.Input((16, 20, 4))
    h = keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv")(x)
    model = keras.Model(x, ResNorm(name="rn")(h))
    data, _ = random_data((16, 20, 4), n=60)
    data *= np.logspace(-1, 1, 16)[None, :, None, None].astype(np.float32)  # 40 dB tilt
    rows = int8_error.tensor_errors(
        convert.to_tflite(model, "float32"),
        convert.to_tflite(model, "int8", data[:40]),
        data[40:],
    )[1:]  # fmt: skip  (after the convolution: ResNorm's ops; the last is the model output)
    ops = [r.op for r in rows]
    assert ops == ["MEAN", "SQUARED_DIFFERENCE", "MEAN", "ADD", "RSQRT", "SUB", "MUL", "MUL",
                   "ADD"]  # fmt: skip
    # The first MEAN loses little of its own; the squares underflow (most become 0).
    assert rows[0].local < 0.01
    assert rows[1].underflow > 0.5
    # Accumulated error at the output: the normalized low-energy bins are noise.
    assert rows[-1].relative > 0.5
    assert all(np.isfinite(r.relative) for r in rows)
    table = int8_error.format_table(rows)
    assert table.count("\n") == len(rows) + 1 and "SQUARED_DIFFERENCE" in table
