"""Rep-Mobile: deploy form equal to the training form, smaller, within the DCASE budget."""

import numpy as np
import pytest

from tests.helpers import cp_mobile_counts
from tests.layer_test_case import run_model_test
from tfasc import complexity, models
from tfasc import flatbuffer as fb
from tfasc.keras import keras
from tfasc.models.dcase2024_baseline import make_divisible
from tfasc.models.rep_mobile import BLOCK_SPECS, STEM_CHANNELS, stage_specs

SMALL_SPECS = ((16, 2.0, (1, 1)), (16, 2.0, (2, 2)), (24, 2.0, (1, 1)))
"""Equal strides only: grouped convs (unequal strides) are XLA-compiled and slow to fit."""


def deploy_counts(width=1.0, input_hw=(256, 65), block_specs=BLOCK_SPECS):
    """The deploy form's sizes from its layout: every convolution fused, with a bias."""
    stem = tuple(make_divisible(c * width, 8) for c in STEM_CHANNELS)
    blocks, channels = [], stem[-1]
    for c_out, expansion, strides in block_specs:
        c_out = make_divisible(c_out * width, 8)
        blocks.append((c_out, make_divisible(channels * expansion, 8), strides))
        channels = c_out
    return cp_mobile_counts(input_hw, stem, tuple(blocks), 10, fused=True)


@pytest.fixture(scope="module")
def rep_mobile():
    # Seeded: outputs reach a few hundred, where float32 sums differ by up to ~8e-5 from
    # one initialization to the next (1e-4 is the tolerance below).
    keras.utils.set_random_seed(0)
    model = complexity.trained_like(models.build("rep_mobile"))
    return model, models.reparameterize(model)


def test_reparameterize_equals_training_form(rep_mobile):
    model, deploy = rep_mobile
    x = np.random.default_rng(1).standard_normal((2, 256, 65, 1)).astype(np.float32)
    reference = model(x, training=False).numpy()
    assert np.abs(reference).max() > 0.1  # non-trivial outputs
    np.testing.assert_allclose(deploy(x).numpy(), reference, atol=1e-4)


def test_deploy_form_is_smaller_and_within_budget(rep_mobile):
    model, deploy = rep_mobile
    train_form = complexity.keras_complexity(model)
    deploy_form = complexity.keras_complexity(deploy)
    # Training form: 3×3 + 1×1 (+ identity) branches, each with a batch norm (4,388 moving
    # statistics); the deploy form keeps one convolution with a bias per RepConv2D, whose
    # additions torchinfo counts at every output position (hence more MACs).
    assert (train_form.params, train_form.macs) == (61_252, 29_324_068)
    assert (deploy.count_params(), model.count_params()) == (57_442, 61_252 + 4_388)
    assert not [layer for layer in deploy.layers if "RepConv2D" in type(layer).__name__]
    assert (deploy_form.params, deploy_form.macs) == (57_442, 29_539_392)
    assert deploy_counts() == (57_442, 29_539_392, 0)
    assert deploy_form.param_bytes <= complexity.DCASE_MAX_PARAM_BYTES
    assert deploy_form.macs <= complexity.DCASE_MAX_MACS


def test_width_multiplier():
    """width 1.5: stem 16, 48; blocks 48, 48, 48, 88, 88, 160 (84 and 156 round up to
    multiples of 8); expansions 96, 96, 96, 96, 176, 176. Over the DCASE budget."""
    wide = complexity.keras_complexity(models.deploy_form(models.build("rep_mobile", width=1.5)))
    assert (wide.params, wide.macs) == (132_634, 67_643_712)
    assert deploy_counts(width=1.5) == (132_634, 67_643_712, 0)
    assert not wide.within_budget()


def test_deploy_int8_in_tflm_small(tmp_path):
    model = complexity.trained_like(
        models.build("rep_mobile", input_shape=(32, 17, 1), block_specs=SMALL_SPECS)
    )
    counts = deploy_counts(input_hw=(32, 17), block_specs=SMALL_SPECS)
    assert counts.params == 9_506
    deploy = models.reparameterize(model)
    flatbuffer = run_model_test(deploy, tmp_path, trainable=9_506, non_trainable=0, num_classes=10)
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops


@pytest.mark.slow
def test_deploy_int8_in_tflm(tmp_path):
    model = complexity.trained_like(models.build("rep_mobile", input_shape=(64, 17, 1)))
    deploy = models.reparameterize(model)
    flatbuffer = run_model_test(deploy, tmp_path, trainable=57_442, non_trainable=0, num_classes=10)
    ops = set(complexity.tflite_complexity(flatbuffer).ops)
    assert ops <= {"CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D", "RESHAPE"}, ops
    assert set(fb.parse(flatbuffer).ops) == ops


@pytest.mark.slow
def test_training_form(tmp_path):
    model = models.build("rep_mobile", input_shape=(64, 17, 1))
    run_model_test(model, tmp_path, trainable=61_252, non_trainable=4_388, num_classes=10)


def test_stage_specs_give_the_block_table():
    assert stage_specs() == BLOCK_SPECS
    assert stage_specs((1, 1, 2), 3.0) == (
        (32, 3.0, (1, 2)), (56, 3.0, (2, 1)), (104, 3.0, (1, 1)), (104, 3.0, (1, 1))
    )  # fmt: skip
    with pytest.raises(ValueError, match="three counts"):
        stage_specs((3, 0, 1))


def test_depthwise_kernel_size():
    """5×5 depthwise convolutions: 16 more taps per expansion channel in each block, and
    16 more MACs per channel and output position; everything else as at 3×3. Expansion
    channels 64, 64, 64, 64, 112, 112 (480) on maps of 64×17, 64×17, 64×9, 32×9, 32×9,
    32×9 (259,072 channel-positions)."""
    wide = complexity.keras_complexity(
        models.deploy_form(models.build("rep_mobile", kernel_size=5))
    )
    channels, (h, w) = STEM_CHANNELS[-1], (64, 17)
    extra_params = extra_macs = 0
    for c_out, expansion, (s_f, s_t) in BLOCK_SPECS:
        expanded = make_divisible(channels * expansion, 8)
        h, w = -(-h // s_f), -(-w // s_t)
        extra_params, extra_macs = extra_params + 16 * expanded, extra_macs + 16 * expanded * h * w
        channels = c_out
    assert (wide.params, wide.macs) == (57_442 + extra_params, 29_539_392 + extra_macs)
    assert (extra_params, extra_macs) == (16 * 480, 16 * 259_072)


def test_asymmetric_weighted_branches_fuse_into_the_same_deploy_form():
    """RepCTFA-style branches (1×3, 3×1, softplus(α) weights) train with more weights and
    fuse into exactly the deploy form of the plain model."""
    shape = (32, 17, 1)
    model = complexity.trained_like(
        models.build("rep_mobile", input_shape=shape, asymmetric=True, branch_weights=True)
    )
    plain = models.build("rep_mobile", input_shape=shape)
    rng = np.random.default_rng(3)
    for layer in model.layers:
        if getattr(layer, "branch_alpha", None) is not None:
            layer.branch_alpha.assign(rng.uniform(-1.5, 0.0, layer.branch_alpha.shape))
    deploy = models.reparameterize(model)
    assert deploy.count_params() == models.reparameterize(plain).count_params()
    assert model.count_params() > plain.count_params()
    x = rng.standard_normal((2, *shape)).astype(np.float32)
    reference = model(x, training=False).numpy()
    assert 0.1 < np.abs(reference).max() < 100  # softplus(α) in (0.2, 0.7): outputs of O(1)
    np.testing.assert_allclose(deploy(x).numpy(), reference, atol=1e-4)
