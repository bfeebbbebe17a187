"""The one shared layer/model test helper (after keras-hub's ``run_layer_test``).

``run_layer_test`` checks, for one layer: its trainable and non-trainable weight counts,
config round-trip, symbolic and eager call, one ``model.fit`` step, ``.keras`` save/load with
identical outputs, and int8 TFLite conversion that runs in the TFLite Micro interpreter with
outputs within a few quantization steps of the float model (``run_model_test``).
"""

from __future__ import annotations

import numpy as np

from tests.helpers import non_trainable_count, trainable_count
from tfasc import convert, tflm
from tfasc.keras import keras, tf

INT8_STEPS = 10.0
"""Largest int8 error allowed, in steps (the scale) of the int8 output.

Rounding the output alone costs half a step; every requantized tensor on the way adds up to
half of its own step, and a tensor before a ReLU spans about twice the range (so twice the
step) of the ReLU output after it, so each layer can add about a step and the roundings
partly cancel. Measured on every layer and model tested with this helper, six
initialization seeds each: at most 6.4 steps (full-depth BC-ResNet-1, 117 operators, a
slow test), 5.4 in the default run (``bcresnet_mod_budget``, 52 operators), 4.8 for the
BC-ResBlock alone and 0.5 for SubSpectralNorm (one operator: the output rounding only).
10 steps is that worst case times about 1.5, headroom for another seed or TensorFlow
version. The helper used to allow 25 % of the largest |output| plus 0.05, about 32 steps.
"""


def run_model_test(
    model: keras.Model,
    tmp_path,
    *,
    trainable: int,
    non_trainable: int,
    num_classes: int | None = None,
    batch: int = 4,
    int8_steps: float = INT8_STEPS,
) -> bytes:
    """Checks a whole model with one input and one output; returns its int8 flatbuffer.

    Args:
        model: the model under test.
        tmp_path: pytest's ``tmp_path`` (for the ``.keras`` file).
        trainable: expected scalar trainable weights (kernels, biases, BN γ/β).
        non_trainable: expected scalar non-trainable weights (BN moving mean/variance).
        num_classes: fit against integer labels with a from-logits cross-entropy; None:
            against random targets with MSE.
        batch: examples in the test batch (also the int8 calibration set).
        int8_steps: int8 tolerance in output quantization steps (:data:`INT8_STEPS`).
    """
    assert (trainable_count(model), non_trainable_count(model)) == (trainable, non_trainable)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, *model.input_shape[1:])).astype(np.float32)
    reference = model(x, training=False).numpy().reshape(batch, -1)

    # .keras save/load gives identical outputs.
    path = tmp_path / f"{model.name}.keras"
    model.save(path)
    restored = keras.models.load_model(path)
    np.testing.assert_array_equal(restored(x, training=False).numpy().reshape(batch, -1), reference)

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

    # Full-int8 TFLite that the TFLM interpreter runs, within int8_steps output steps.
    flatbuffer = convert.to_tflite(model, "int8", x)
    interpreter = tflm.TFLMModel(flatbuffer)
    got = interpreter.predict(x)
    assert got.shape == reference.shape
    step = interpreter.output_quantization.scale
    error = np.abs(got - reference).max() / step
    assert error <= int8_steps, f"int8 error {error:.2f} output steps (step {step:.3g})"
    return flatbuffer


def run_layer_test(
    layer_cls,
    init_kwargs: dict,
    input_shape,
    tmp_path,
    expected_output_shape=None,
    *,
    trainable: int,
    non_trainable: int,
    int8_steps: float = INT8_STEPS,
):
    """Checks a layer end to end; ``input_shape`` excludes the batch dimension.

    Args:
        layer_cls: the layer class.
        init_kwargs: constructor arguments (each must appear in ``get_config()``).
        input_shape: input shape without the batch dimension.
        tmp_path: pytest's ``tmp_path``.
        expected_output_shape: output shape without the batch dimension, if checked.
        trainable: expected scalar trainable weights of the built layer.
        non_trainable: expected scalar non-trainable weights of the built layer.
        int8_steps: int8 tolerance in output quantization steps (:data:`INT8_STEPS`).

    Returns:
        The layer instance built inside the test model.
    """
    keras.utils.set_random_seed(0)  # the int8 error depends on the initialization
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
    assert (trainable_count(layer), non_trainable_count(layer)) == (trainable, non_trainable)

    # Eager call agrees with the symbolic shape.
    x = np.random.default_rng(1).standard_normal((2, *input_shape)).astype(np.float32)
    eager = layer(tf.constant(x), training=False)
    assert tuple(eager.shape[1:]) == tuple(outputs.shape[1:])

    model = keras.Model(inputs, outputs, name=f"{layer_cls.__name__.lower()}_test")
    run_model_test(
        model, tmp_path, trainable=trainable, non_trainable=non_trainable, int8_steps=int8_steps
    )
    return layer
