"""Embedding distillation: the second-to-last feature map, the projection head, the loss."""

import numpy as np
import pytest

from tfasc import models
from tfasc.distill import (
    DistillationLoss,
    EmbeddingDistillationLoss,
    classifier_input,
    embedding_model,
    with_projection,
)
from tfasc.keras import keras


@pytest.mark.parametrize(
    "name, args, layer, shape",
    [
        ("dcase2022_baseline", {}, "dropout_5", (None, 100)),
        ("cp_resnet_teacher", {"base_channels": 8}, "block12_relu2", (None, 2, 3, 32)),
        ("bcresnet_mod_teacher", {"c": 10}, "stage4_pool", None),
        ("dcase2024_baseline", {}, None, None),
        ("rep_mobile", {}, None, None),
    ],
)
def test_classifier_input_is_the_second_to_last_feature_map(name, args, layer, shape):
    model = models.build(name, input_shape=(40, 51, 1), **args)
    tensor = classifier_input(model)
    # The layer consuming it is the classifier: the last layer with weights (BN aside).
    consumers = [layer for layer in model.layers if layer.input is tensor]
    assert len(consumers) == 1 and consumers[0].weights
    assert consumers[0].name in ("logits", "head_conv")
    if layer is not None:
        assert tensor.node.layer.name.startswith(layer.split("_")[0])
    if shape is not None:
        assert tuple(tensor.shape) == shape
    embedding = embedding_model(model)
    assert len(embedding.output_shape) == 2 and embedding.output_shape[1] == tensor.shape[-1]


def test_named_layer_and_missing_layer():
    model = models.build("dcase2022_baseline")
    assert classifier_input(model, "dense1").shape[-1] == 100
    with pytest.raises(ValueError, match="has no layer 'nope'"):
        classifier_input(model, "nope")


def test_projection_head_is_the_only_extra_weight():
    student = models.build("dcase2022_baseline")
    fit_model = with_projection(student, 24)
    assert fit_model.output_shape == (None, 10 + 24)
    own = {id(w) for w in student.weights}
    extra = [w for w in fit_model.weights if id(w) not in own]
    assert sorted(w.name for w in extra) == sorted(
        ["embedding_projection/kernel:0", "embedding_projection/bias:0"]
    )
    assert extra[0].shape[0] == 100 or extra[1].shape[0] == 100  # on the 100-unit embedding
    x = np.random.default_rng(0).standard_normal((3, 40, 51, 1)).astype(np.float32)
    np.testing.assert_allclose(
        fit_model.predict(x, verbose=0)[:, :10], student.predict(x, verbose=0), atol=1e-5
    )


def test_loss_equals_closed_form():
    rng = np.random.default_rng(1)
    c, e, b = 4, 6, 5
    labels = np.eye(c)[rng.integers(0, c, b)]
    teacher = rng.standard_normal((b, e))
    logits, projected = rng.standard_normal((b, c)), rng.standard_normal((b, e))
    y_true = np.concatenate([labels, teacher], 1).astype(np.float32)
    y_pred = np.concatenate([logits, projected], 1).astype(np.float32)
    log_p = logits - logits.max(1, keepdims=True)
    log_p -= np.log(np.exp(log_p).sum(1, keepdims=True))
    ce = -(labels * log_p).sum(1)
    mse = ((teacher - projected) ** 2).mean(1)
    cos = (
        (teacher * projected).sum(1)
        / np.linalg.norm(teacher, axis=1)
        / np.linalg.norm(projected, axis=1)
    )
    got = EmbeddingDistillationLoss(c, e, "mse", 0.5)(y_true, y_pred).numpy()
    assert got == pytest.approx(np.mean(ce + 0.5 * mse), rel=1e-5)
    got = EmbeddingDistillationLoss(c, e, "cosine", 2.0)(y_true, y_pred).numpy()
    assert got == pytest.approx(np.mean(ce + 2.0 * (1 - cos)), rel=1e-5)
    with pytest.raises(ValueError, match="unknown embedding loss 'l1'"):
        EmbeddingDistillationLoss(c, e, "l1")


def test_config_round_trip_with_a_distillation_class_loss():
    loss = EmbeddingDistillationLoss(10, 8, "cosine", 0.3, class_loss=DistillationLoss(0.1, 3.0))
    again = keras.losses.deserialize(keras.losses.serialize(loss))
    assert (again.num_classes, again.embedding_dim, again.kind, again.weight) == (10, 8, "cosine",
                                                                                 0.3)  # fmt: skip
    assert isinstance(again.class_loss, DistillationLoss)
    assert (again.class_loss.label_weight, again.class_loss.temperature) == (0.1, 3.0)
