"""Training metrics that run inside ``model.fit`` (and under ``tf.distribute``).

Both read integer labels ``(B,)`` or dense targets ``(B, K)`` whose first ``num_classes``
columns are the (possibly mixed or smoothed) label distribution, as mixup and the packed
distillation targets of :mod:`tfasc.distill` give; the true class of a dense row is its
argmax. Likewise only the first ``num_classes`` outputs are logits (a training model may
append a projected embedding, :mod:`tfasc.distill.embedding`).
"""

from __future__ import annotations

from tfasc import SCENES
from tfasc.keras import keras, tf


def class_labels(y_true, num_classes: int) -> tf.Tensor:
    """``(B,)`` int32 classes of integer labels or of dense targets (argmax of the label part)."""
    y_true = tf.convert_to_tensor(y_true)
    if y_true.shape.rank == 2 and y_true.shape[-1] not in (None, 1):
        return tf.argmax(y_true[:, :num_classes], axis=-1, output_type=tf.int32)
    return tf.reshape(tf.cast(y_true, tf.int32), [-1])


def predicted_classes(y_pred, num_classes: int) -> tf.Tensor:
    """``(B,)`` int32 argmax of the first ``num_classes`` outputs."""
    y_pred = tf.reshape(y_pred, [tf.shape(y_pred)[0], -1])
    return tf.argmax(y_pred[:, :num_classes], axis=-1, output_type=tf.int32)


@keras.utils.register_keras_serializable(package="tfasc")
class Accuracy(keras.metrics.MeanMetricWrapper):
    """Accuracy of logits against integer labels or dense (packed) targets.

    Args:
        num_classes: number of classes.
    """

    def __init__(self, num_classes: int = len(SCENES), name="accuracy", **kwargs):
        def correct(y_true, y_pred):
            hits = class_labels(y_true, num_classes) == predicted_classes(y_pred, num_classes)
            return tf.cast(hits, tf.float32)

        super().__init__(correct, name=name, **kwargs)
        self.num_classes = num_classes

    def get_config(self):
        return {"name": self.name, "dtype": self.dtype, "num_classes": self.num_classes}


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
        self.confusion.assign_add(
            tf.math.confusion_matrix(
                class_labels(y_true, self.num_classes),
                predicted_classes(y_pred, self.num_classes),
                self.num_classes,
                dtype=tf.float32,
            )
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
