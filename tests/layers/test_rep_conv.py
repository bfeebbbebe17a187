"""RepConv2D: the shared layer checks, and fusion equal to the branches in inference mode."""

import numpy as np
import pytest

from tests.layer_test_case import run_layer_test
from tfasc.complexity import trained_like
from tfasc.keras import keras
from tfasc.layers import RepConv2D
from tfasc.models import reparameterize


def test_rep_conv_layer(tmp_path):
    layer = run_layer_test(
        RepConv2D,
        {"filters": 8, "kernel_size": 3, "strides": 1, "activation": "relu"},
        (12, 9, 8),
        tmp_path,
        expected_output_shape=(12, 9, 8),
        # 3x3 conv 9·8·8 + 1x1 conv 8·8, three BNs (3x3, 1x1, identity) of 2·8 γ/β and
        # 2·8 moving statistics each; no biases.
        trainable=9 * 8 * 8 + 8 * 8 + 3 * 2 * 8,
        non_trainable=3 * 2 * 8,
    )
    assert layer.has_identity and layer.scale_conv is not None


def test_rep_conv_depthwise_layer(tmp_path):
    run_layer_test(
        RepConv2D,
        {"kernel_size": 3, "strides": 2, "depthwise": True, "deploy": False},
        (12, 9, 4),
        tmp_path,
        expected_output_shape=(6, 5, 4),
        # Depthwise 3x3 (9·4) and 1x1 (4) branches with a BN each; no identity (stride 2).
        trainable=9 * 4 + 4 + 2 * 2 * 4,
        non_trainable=2 * 2 * 4,
    )


def test_rep_conv_asymmetric_weighted_layer(tmp_path):
    layer = run_layer_test(
        RepConv2D,
        {"filters": 8, "kernel_size": 3, "use_asymmetric": True, "branch_weights": True},
        (12, 9, 8),
        tmp_path,
        expected_output_shape=(12, 9, 8),
        # 3x3 9·8·8, 1x1 8·8, 1x3 and 3x1 3·8·8 each; five BNs (3x3, 1x1, 1x3, 3x1,
        # identity) of 2·8 γ/β and 2·8 moving statistics; one α per branch (5).
        trainable=9 * 8 * 8 + 8 * 8 + 2 * 3 * 8 * 8 + 5 * 2 * 8 + 5,
        non_trainable=5 * 2 * 8,
    )
    assert layer.row_conv.kernel_size == (1, 3) and layer.column_conv.kernel_size == (3, 1)
    np.testing.assert_allclose(np.logaddexp(0, layer.branch_alpha.numpy()), 1.0, rtol=1e-6)


def test_asymmetric_branches_need_a_two_dimensional_window():
    layer = RepConv2D(4, (1, 3), use_asymmetric=True, branch_weights=True)
    layer.build((None, 6, 6, 4))
    assert layer.row_conv is None and layer.column_conv is None
    # 1x3 conv, the 1x1 branch (k > 1) and identity: three weights α.
    assert layer.branch_alpha.shape == (3,)


BRANCH_SETS = {
    "kxk+1x1+id": {"num_conv_branches": 2},
    "asymmetric+softplus": {"use_asymmetric": True, "branch_weights": True},
}


@pytest.mark.parametrize("branches", list(BRANCH_SETS))
@pytest.mark.parametrize("depthwise", [False, True])
@pytest.mark.parametrize("strides", [1, 2, (1, 2)])
@pytest.mark.parametrize("size", [(12, 9), (11, 8)])
def test_fusion_equals_branches(branches, depthwise, strides, size):
    channels = 6
    filters = None if depthwise and strides != (1, 2) else channels
    kernel_size = 3 if branches == "kxk+1x1+id" else (5, 3)  # asymmetric: uneven window too
    inputs = keras.Input((*size, channels))
    x = RepConv2D(
        filters,
        kernel_size,
        strides=strides,
        depthwise=depthwise,
        activation="relu",
        name="rep",
        **BRANCH_SETS[branches],
    )(inputs)
    model = keras.Model(inputs, x)
    trained_like(model)
    rep = model.get_layer("rep")
    if rep.branch_alpha is not None:  # distinct branch scales softplus(α) between 0.3 and 2
        rng = np.random.default_rng(2)
        rep.branch_alpha.assign(rng.uniform(-1.0, 2.0, rep.branch_alpha.shape))
        assert rep.branch_alpha.shape == (5 if strides == 1 else 4,)
    deploy = reparameterize(model)

    assert rep.has_identity == (strides == 1)
    fused = deploy.get_layer("rep")
    expected = keras.layers.Conv2D
    if depthwise and strides != (1, 2):
        expected = keras.layers.DepthwiseConv2D
    assert type(fused) is expected
    if depthwise and strides == (1, 2):
        assert fused.groups == channels
    assert fused.use_bias and fused.padding == "same"
    assert deploy.count_params() < model.count_params()

    x = np.random.default_rng(1).standard_normal((3, *size, channels)).astype(np.float32)
    reference = model(x, training=False).numpy()
    np.testing.assert_allclose(deploy(x).numpy(), reference, atol=1e-4)
    # The deploy flag builds the same single convolution.
    again = RepConv2D.from_config({**rep.get_config(), "deploy": True})
    again.build(x.shape)
    again.conv.set_weights(fused.get_weights())
    np.testing.assert_allclose(again(x).numpy(), reference, atol=1e-4)


def test_regular_conv_changes_channels_without_identity():
    layer = RepConv2D(5, (3, 5), strides=1)
    y = layer(np.zeros((1, 8, 8, 3), np.float32))
    assert y.shape == (1, 8, 8, 5) and not layer.has_identity
    kernel, bias = layer.fused_weights()
    assert kernel.shape == (3, 5, 3, 5) and bias.shape == (5,)


def test_rejects_bad_arguments():
    with pytest.raises(ValueError, match="odd"):
        RepConv2D(4, 2)
    with pytest.raises(ValueError, match="filters"):
        RepConv2D()
    with pytest.raises(ValueError, match="keeps the channels"):
        RepConv2D(8, depthwise=True)(np.zeros((1, 4, 4, 3), np.float32))
