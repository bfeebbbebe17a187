"""The one Keras of tfasc: tf_keras (Keras 2).

``tfasc/__init__.py`` always runs before this submodule and sets ``TF_USE_LEGACY_KERAS=1``
before TensorFlow loads. Use ``from tfasc.keras import keras, tf`` everywhere in the library.
"""

import tensorflow as tf
import tf_keras as keras

__all__ = ["keras", "tf"]
