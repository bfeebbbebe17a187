"""The one shared layer/model test helper (after keras-hub's ``run_layer_test``).

``run_layer_test`` checks, for one layer: config round-trip, symbolic and eager call,
one ``model.fit`` step, ``.keras`` save/load with identical outputs, and int8 TFLite
conversion that runs in the TFLite Micro interpreter.
"""

from __future__ import annotations

import numpy as np

from tfasc import convert, tflm
from tfasc.keras import keras, tf


def run_model_test(model: keras.Model, tmp_path, num_classes: int | None = None, batch=4):
    """Saving, fitting and TFLM checks for a whole model with one input and one output."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, *model.input_shape[1:])).astype(np.float32)
    reference = model(x, training=False).numpy()

    # .keras save/load gives identical outputs.
    path = tmp_path / f"{model.name}.keras"
    model.save(path)
    restored = keras.models.load_model(path)
    np.testing.assert_array_equal(restored(x, training=False).numpy(), reference)

    # One fit step on a fresh copy.
    clone = keras.models.clone_model(model)
    out_shape = model.output_shape[1:]
    if num_classes is not None:
        y = rng.integers(0, num_classes, batch)
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    else:
        y = rng.standard_normal((batch, *out_shape)).astype(np.float32)
        loss = "mse"
    clone.compile(optimizer="adam", loss=loss)
    history = clone.fit(x, y, batch_size=batch, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    # Full-int8 TFLite that the TFLM interpreter runs, close to the float model.
    flatbuffer = convert.to_tflite(model, "int8", x)
    got = tflm.TFLMModel(flatbuffer).predict(x)
    scale = np.abs(reference).max() + 1e-6
    assert got.shape == reference.reshape(batch, -1).shape
    assert np.abs(got - reference.reshape(batch, -1)).max() <= 0.25 * scale + 0.05
    return flatbuffer


def run_layer_test(layer_cls, init_kwargs: dict, input_shape, tmp_path, expected_output_shape=None):
    """Checks a layer end to end; ``input_shape`` excludes the batch dimension.

    Returns the layer instance built inside the test model.
    """
    layer = layer_cls(**init_kwargs)

    # Config round-trip.
    config = layer.get_config()
    for key in init_kwargs:
        assert key in config, f"get_config() lacks constructor argument {key!r}"
    again = layer_cls.from_config(config)
    assert again.get_config() == config

    # Symbolic call.
    inputs = keras.Input(input_shape)
    outputs = layer(inputs)
    if expected_output_shape is not None:
        assert tuple(outputs.shape[1:]) == tuple(expected_output_shape)

    # Eager call agrees with the symbolic shape.
    x = np.random.default_rng(1).standard_normal((2, *input_shape)).astype(np.float32)
    eager = layer(tf.constant(x), training=False)
    assert tuple(eager.shape[1:]) == tuple(outputs.shape[1:])

    model = keras.Model(inputs, outputs, name=f"{layer_cls.__name__.lower()}_test")
    run_model_test(model, tmp_path)
    return layer
