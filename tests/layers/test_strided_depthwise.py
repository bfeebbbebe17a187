"""StridedDepthwiseConv2D: the shared layer checks, the training path equal to the grouped
convolution (outputs and gradients), and the export unchanged."""

from unittest import mock

import numpy as np
import pytest

from tests.layer_test_case import run_layer_test
from tfasc import flatbuffer as fb
from tfasc import models
from tfasc.convert import to_tflite
from tfasc.keras import keras, tf
from tfasc.layers import StridedDepthwiseConv2D, rep_conv


def test_strided_depthwise_layer(tmp_path):
    run_layer_test(
        StridedDepthwiseConv2D,
        {"filters": 6, "kernel_size": 3, "strides": (2, 1), "groups": 6, "padding": "same"},
        (12, 9, 6),
        tmp_path,
        expected_output_shape=(6, 9, 6),
        trainable=9 * 6 + 6,  # one 3x3 filter per channel and a bias
        non_trainable=0,
    )


@pytest.mark.parametrize(
    "shape, kernel, strides, padding",
    [
        ((17, 12, 6), 3, (2, 1), "same"),
        ((16, 13, 6), 3, (1, 2), "same"),
        ((16, 13, 5), (3, 5), (2, 3), "same"),
        ((15, 14, 4), 3, (2, 1), "valid"),
        ((9, 8, 4), 5, (1, 2), "valid"),
    ],
)
def test_training_path_equals_the_grouped_convolution(shape, kernel, strides, padding):
    layer = StridedDepthwiseConv2D(shape[-1], kernel, strides=strides, groups=shape[-1],
                                   padding=padding, bias_initializer="random_normal")  # fmt: skip
    x = tf.constant(np.random.default_rng(0).standard_normal((2, *shape)), tf.float32)
    results = []
    for training in (False, True):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = layer(x, training=training)
            weights = tf.sin(tf.reshape(tf.range(tf.size(y), dtype=tf.float32), tf.shape(y)))
            loss = tf.reduce_sum(y * weights)
        grads = tape.gradient(loss, [x, *layer.trainable_weights])
        results.append([y.numpy(), *(g.numpy() for g in grads)])
    for grouped, fast in zip(*results, strict=True):  # output, input and weight gradients
        np.testing.assert_allclose(fast, grouped, atol=1e-4)


def test_rejects_what_it_cannot_subsample():
    with pytest.raises(ValueError, match="odd kernel size"):
        StridedDepthwiseConv2D(4, 2, strides=(2, 1), groups=4)(tf.zeros((1, 8, 8, 4)))
    with pytest.raises(ValueError, match="filters == groups == input channels"):
        StridedDepthwiseConv2D(8, 3, strides=(2, 1), groups=4)(tf.zeros((1, 8, 8, 4)))


def test_dcase2024_baseline_converts_as_with_the_grouped_conv2d():
    def flatbuffer():
        keras.utils.set_random_seed(0)
        return to_tflite(models.build("dcase2024_baseline"), "float32")

    def content(model):  # everything but the tensor names (they carry the layer class)
        return model.ops, [(t.shape, t.dtype, t.data) for t in model.tensors]

    fast = fb.parse(flatbuffer())
    with mock.patch.object(rep_conv, "StridedDepthwiseConv2D", keras.layers.Conv2D):
        grouped = fb.parse(flatbuffer())
    assert "CONV_2D" in fast.ops and "DEPTHWISE_CONV_2D" in fast.ops
    fast_ops, fast_tensors = content(fast)
    grouped_ops, grouped_tensors = content(grouped)
    assert fast_ops == grouped_ops and len(fast_tensors) == len(grouped_tensors)
    for (shape, dtype, data), (shape2, dtype2, data2) in zip(
        fast_tensors, grouped_tensors, strict=True
    ):
        assert tuple(shape) == tuple(shape2) and dtype == dtype2
        assert (data is None) == (data2 is None) and (data is None or np.array_equal(data, data2))


def test_unknown_sizes_at_trace_time():
    layer = StridedDepthwiseConv2D(4, 3, strides=(1, 2), groups=4, padding="same")
    layer.build((None, None, None, 4))
    step = tf.function(
        lambda x, training: layer(x, training=training),
        input_signature=[tf.TensorSpec([None, None, None, 4]), tf.TensorSpec([], tf.bool)],
    )
    for shape in ((10, 13), (9, 16)):
        x = tf.constant(np.random.default_rng(1).standard_normal((2, *shape, 4)), tf.float32)
        np.testing.assert_allclose(step(x, True), step(x, False), atol=1e-5)
