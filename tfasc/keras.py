"""The one Keras of tfasc: tf_keras (Keras 2).

``tfasc/__init__.py`` always runs before this submodule and sets ``TF_USE_LEGACY_KERAS=1``
before TensorFlow loads. Use ``from tfasc.keras import keras, tf`` everywhere in the library.
"""

from tfasc.quiet import quiet_import

with quiet_import():
    import tensorflow as tf
    import tf_keras as keras

    tf.config.list_physical_devices()  # CUDA's probe prints here on machines without a GPU

BN_DEFAULTS = {"momentum": 0.9, "epsilon": 1e-5}
"""PyTorch's ``BatchNorm2d`` defaults (its momentum 0.1 is Keras' 0.9), for every model whose
reference implementation is PyTorch. Keras' own defaults (0.99, 1e-3) leave the moving
statistics of deep networks far from the data after a few hundred steps."""


def copy_model(model: "keras.Model") -> "keras.Model":
    """An independent copy of a functional model: new layers, the same weights.

    tfmot's pruning wrappers share the wrapped layers' variables: a model is copied before
    it is wrapped when the original must stay as it is.
    """
    clone = keras.models.clone_model(
        model, clone_function=lambda layer: layer.__class__.from_config(layer.get_config())
    )
    clone.set_weights(model.get_weights())
    return clone


__all__ = ["BN_DEFAULTS", "copy_model", "keras", "tf"]
