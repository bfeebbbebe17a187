"""Both complexity views of a registered model, with weights that count like trained ones.

The int8 byte count of a converted file depends on the weights, not only on the
architecture: the converter drops an all-zero dense bias and stores identical constants
once (the folded biases of untrained convolutions are all zero). A freshly built model
would therefore under-report the parameter bytes its trained version has.
:func:`trained_like` gives biases and normalization statistics trained-looking values
first; it lives here, beside its users (:func:`registered_model_complexity` and
``tfasc complexity MODEL``), because honest byte counts are its only purpose.
"""

from __future__ import annotations

import numpy as np

from tfasc import convert, models
from tfasc.complexity.keras_counter import keras_complexity
from tfasc.complexity.result import Complexity
from tfasc.complexity.tflite_counter import tflite_complexity
from tfasc.keras import keras


def trained_like(model: keras.Model, seed: int = 0) -> keras.Model:
    """Gives biases and normalization statistics random values, as after training.

    Variances and scales (``moving_variance``, ``gamma``) are drawn from U(0.5, 1.5),
    offsets (``bias``, ``beta``, ``moving_mean``) from N(0, 0.1²); kernels are left as
    initialized.

    Args:
        model: any Keras model; modified in place.
        seed: seed of the random values.

    Returns:
        ``model``.
    """
    rng = np.random.default_rng(seed)
    for variable in model.weights:
        name = variable.name.split("/")[-1]
        if any(key in name for key in ("moving_variance", "gamma")):
            variable.assign(rng.uniform(0.5, 1.5, variable.shape).astype(np.float32))
        elif any(key in name for key in ("bias", "beta", "moving_mean")):
            variable.assign(rng.normal(0.0, 0.1, variable.shape).astype(np.float32))
    return model


def registered_model_complexity(
    name: str, int8: bool = True, calibration_samples: int = 8, **overrides
) -> tuple[Complexity, Complexity | None]:
    """Keras (torchinfo) and int8-TFLite (NeSsi) complexity of a registered model.

    Args:
        name: registry name (``tfasc.models.available()``).
        int8: also convert the deploy form to int8 TFLite and read the file back.
        calibration_samples: random calibration examples for the conversion (the counts
            do not depend on them). Biases and BN statistics are randomized first
            (:func:`trained_like`) so that the int8 file holds what a trained one holds.
        **overrides: builder arguments.

    Returns:
        ``(keras_view, tflite_view)``; ``tflite_view`` is None when ``int8`` is False.
    """
    model = models.deploy_form(trained_like(models.build(name, **overrides)))
    keras_view = keras_complexity(model)
    if not int8:
        return keras_view, None
    rng = np.random.default_rng(0)
    calibration = rng.standard_normal((calibration_samples, *model.input_shape[1:]))
    flatbuffer = convert.to_tflite(model, "int8", calibration.astype(np.float32))
    return keras_view, tflite_complexity(flatbuffer, name=name)
