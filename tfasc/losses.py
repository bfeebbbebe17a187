"""Training losses (serializable, so checkpoints load without custom objects)."""

from __future__ import annotations

from tfasc.keras import keras, tf


@keras.utils.register_keras_serializable(package="tfasc")
class SparseCrossentropy(keras.losses.Loss):
    """Cross-entropy of logits ``(B, C)`` against integer labels, with label smoothing.

    Args:
        label_smoothing: weight moved from the true class to a uniform distribution.
    """

    def __init__(self, label_smoothing: float = 0.0, name="sparse_crossentropy", **kwargs):
        super().__init__(name=name, **kwargs)
        self.label_smoothing = label_smoothing

    def call(self, y_true, logits):
        labels = tf.cast(tf.reshape(y_true, [-1]), tf.int32)
        onehot = tf.one_hot(labels, tf.shape(logits)[-1])
        return keras.losses.categorical_crossentropy(
            onehot, logits, from_logits=True, label_smoothing=self.label_smoothing
        )

    def get_config(self):
        return {**super().get_config(), "label_smoothing": self.label_smoothing}
