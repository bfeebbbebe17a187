"""Embedding distillation (DCASE2023 teacher–student system, Pham et al.): the student learns
to reproduce the teacher's second-to-last feature map through a small projection head.

The *embedding* of a model is the input of its classifier (the last layer with weights
other than normalization: the logits ``Dense`` or the 1×1 head convolution), averaged over
frequency and time when it is a feature map: the teacher's is computed once per clip and
cached (:mod:`tfasc.distill.teachers`). During training the student's embedding goes through
a linear projection to the teacher's width, and the model that ``model.fit`` trains outputs
``[logits (C) | projection (E)]``; :class:`EmbeddingDistillationLoss` splits it. The
projection head exists only in that training model: the checkpoints and the exported model
are the student alone, parameter for parameter.

Example:
    >>> fit_model = with_projection(student, embedding_dim=512)
    >>> fit_model.compile(optimizer, loss=EmbeddingDistillationLoss(10, 512, "cosine"))
    >>> fit_model.fit(features, pack_targets(labels, embeddings=teacher_embeddings))
    >>> student.save("best.keras")  # without the head
"""

from __future__ import annotations

from tfasc.keras import keras, tf

PROJECTION = "embedding_projection"
"""Name of the projection head's layer in the training model."""


def _is_weightless(layer) -> bool:
    """Layers a walk from the logits back to the classifier passes through."""
    return not layer.weights or isinstance(layer, keras.layers.BatchNormalization)


def classifier_input(model: keras.Model, layer: str | None = None):
    """The symbolic tensor of ``model``'s second-to-last feature map.

    Args:
        model: a functional Keras model ending in a classifier.
        layer: take this layer's output instead of the classifier's input.

    Raises:
        ValueError: no such layer, or the model has no single-input classifier.
    """
    if layer is not None:
        try:
            return model.get_layer(layer).output
        except ValueError:
            raise ValueError(f"model {model.name!r} has no layer {layer!r}") from None
    node = model.output.node
    while True:
        current = node.layer
        if not _is_weightless(current):
            inputs = current.input
            if isinstance(inputs, (list, tuple)):
                raise ValueError(
                    f"model {model.name!r}: classifier {current.name!r} has several inputs"
                )
            return inputs
        parents = node.parent_nodes
        if len(parents) != 1:
            raise ValueError(
                f"model {model.name!r}: no classifier layer found before {current.name!r}; "
                "name the embedding layer ([distill] embedding_layer)"
            )
        node = parents[0]


def _pooled(tensor):
    """A feature map ``(B, F, T, C)`` averaged to ``(B, C)``; vectors pass unchanged."""
    if tensor.shape.rank == 4:
        return keras.layers.GlobalAveragePooling2D(name="embedding_pool")(tensor)
    if tensor.shape.rank != 2:
        raise ValueError(f"embedding of shape {tensor.shape} is neither a vector nor a map")
    return tensor


def embedding_model(model: keras.Model, layer: str | None = None) -> keras.Model:
    """``features -> (B, E)`` embedding of ``model`` (sharing its weights)."""
    return keras.Model(model.inputs, _pooled(classifier_input(model, layer)), name="embedding")


def with_projection(
    student: keras.Model, embedding_dim: int, layer: str | None = None
) -> keras.Model:
    """The training model: ``features -> [student logits | projected embedding]``.

    The projection is one linear ``Dense(embedding_dim)`` on the student's (pooled)
    embedding; every other weight is the student's own.
    """
    projected = keras.layers.Dense(embedding_dim, name=PROJECTION)(
        _pooled(classifier_input(student, layer))
    )
    outputs = keras.layers.Concatenate(name="logits_and_projection")([student.output, projected])
    return keras.Model(student.inputs, outputs, name=f"{student.name}_with_projection")


@keras.utils.register_keras_serializable(package="tfasc")
class EmbeddingDistillationLoss(keras.losses.Loss):
    """A label (or logit-distillation) loss plus ``weight`` × an embedding loss.

    Args:
        num_classes: C; the first C outputs are logits.
        embedding_dim: E; the last E targets are the teacher embedding, the last E outputs
            the student's projection.
        kind: ``"mse"`` (mean squared error) or ``"cosine"`` (1 − cosine similarity).
        weight: weight of the embedding loss.
        class_loss: loss of the label part (all target columns but the last E, against the
            logits), e.g. :class:`~tfasc.distill.loss.DistillationLoss`; default
            cross-entropy on dense labels.

    Shapes:
        ``y_true``: ``(B, K + E)``; ``y_pred``: ``(B, C + E)``.
    """

    def __init__(
        self,
        num_classes: int,
        embedding_dim: int,
        kind: str = "mse",
        weight: float = 1.0,
        class_loss=None,
        name="embedding_distillation",
        **kwargs,
    ):
        super().__init__(name=name, **kwargs)
        if kind not in ("mse", "cosine"):
            raise ValueError(f"unknown embedding loss {kind!r}; allowed: mse, cosine")
        self.num_classes = num_classes
        self.embedding_dim = embedding_dim
        self.kind = kind
        self.weight = weight
        if isinstance(class_loss, dict):
            class_loss = keras.losses.deserialize(class_loss)
        self.class_loss = class_loss or keras.losses.CategoricalCrossentropy(from_logits=True)

    def embedding_loss(self, teacher, projected):
        """Per-example embedding loss ``(B,)``."""
        if self.kind == "mse":
            return tf.reduce_mean(tf.square(teacher - projected), axis=-1)
        cosine = tf.reduce_sum(
            tf.math.l2_normalize(teacher, -1) * tf.math.l2_normalize(projected, -1), axis=-1
        )
        return 1.0 - cosine

    def call(self, y_true, y_pred):
        e = self.embedding_dim
        labels, teacher = y_true[:, :-e], y_true[:, -e:]
        logits, projected = y_pred[:, : self.num_classes], y_pred[:, -e:]
        return self.class_loss.call(labels, logits) + self.weight * self.embedding_loss(
            teacher, projected
        )

    def get_config(self):
        return {
            **super().get_config(),
            "num_classes": self.num_classes,
            "embedding_dim": self.embedding_dim,
            "kind": self.kind,
            "weight": self.weight,
            "class_loss": keras.losses.serialize(self.class_loss),
        }
