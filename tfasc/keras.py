"""The one Keras of tfasc: tf_keras (Keras 2), imported after ``TF_USE_LEGACY_KERAS=1``.

Use ``from tfasc.keras import keras, tf`` everywhere in the library.
"""

import tfasc  # noqa: F401  (sets TF_USE_LEGACY_KERAS before TensorFlow loads)
import tensorflow as tf
import tf_keras as keras

__all__ = ["keras", "tf"]
