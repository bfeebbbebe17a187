"""Training metrics that run inside ``model.fit`` (and under ``tf.distribute``)."""

from __future__ import annotations

from tfasc import SCENES
from tfasc.keras import keras, tf


@keras.utils.register_keras_serializable(package="tfasc")
class MacroAccuracy(keras.metrics.Metric):
    """Class-macro accuracy (mean per-class recall) of logits against integer labels.

    This is the DCASE Task 1 ranking metric. Classes without examples are left out of the
    mean. Works under ``tf.distribute`` (the confusion matrix is summed across replicas).

    Args:
        num_classes: number of classes.
    """

    def __init__(self, num_classes: int = len(SCENES), name="macro_accuracy", **kwargs):
        super().__init__(name=name, **kwargs)
        self.num_classes = num_classes
        self.confusion = self.add_weight(
            name="confusion", shape=(num_classes, num_classes), initializer="zeros"
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = tf.reshape(tf.cast(y_true, tf.int32), [-1])
        y_pred = tf.argmax(
            tf.reshape(y_pred, [-1, self.num_classes]), axis=-1, output_type=tf.int32
        )
        self.confusion.assign_add(
            tf.math.confusion_matrix(y_true, y_pred, self.num_classes, dtype=tf.float32)
        )

    def result(self):
        support = tf.reduce_sum(self.confusion, axis=1)
        recall = tf.math.divide_no_nan(tf.linalg.diag_part(self.confusion), support)
        present = tf.cast(support > 0, tf.float32)
        return tf.math.divide_no_nan(tf.reduce_sum(recall * present), tf.reduce_sum(present))

    def reset_state(self):
        self.confusion.assign(tf.zeros_like(self.confusion))

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes}
