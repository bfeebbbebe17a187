import math

import numpy as np
import pytest

from tests.compression.conftest import random_data
from tfasc.compression import magnitude
from tfasc.keras import keras


def _fit(model, x, y, callbacks, epochs=2):
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x, y, epochs=epochs, batch_size=16, callbacks=callbacks, verbose=0)


@pytest.mark.parametrize("kind", magnitude.SCHEDULES)
def test_every_kernel_pruned_first_conv_dense(small_model, kind, tmp_path):
    model = small_model("bcresnet_mod_budget")
    x, y = random_data(model.input_shape[1:])
    schedule = magnitude.schedule(kind, 0.75, end_step=4, frequency=1)
    wrapped = magnitude.prune(model, schedule, prune_depthwise=True)
    _fit(wrapped, x, y, magnitude.pruning_callbacks(tmp_path / "tb"))
    assert any((tmp_path / "tb").rglob("events.out.tfevents*"))  # PruningSummaries
    stripped = magnitude.strip(wrapped)
    rows = magnitude.sparsity_report(stripped)
    names = {r.weight.split("/")[-1].split(":")[0] for r in rows}
    assert {"kernel", "depthwise_kernel"} <= names
    for row in rows:
        if row.layer == "stem_conv":
            assert row.zeros == 0  # the first convolution stays dense
        else:  # tfmot keeps the round(size * (1 - s)) largest weights
            assert row.zeros == row.size - round(row.size * 0.25), row
    # BC-ResBlock internals are pruned: transition, both depthwise kernels, temporal 1x1.
    block = [r.weight for r in rows if r.layer == "stage1_block1"]
    assert len(block) == 4 and any("temporal_conv/depthwise_kernel" in w for w in block)
    # biases and norm parameters stay dense
    gammas = [w for w in stripped.weights if "gamma" in w.name]
    assert all(np.count_nonzero(g.numpy()) == g.numpy().size for g in gammas)


@pytest.mark.parametrize("prune_depthwise", [True, False])
def test_depthwise_kernels_pruned_on_request(small_model, prune_depthwise):
    """Depthwise kernels (plain layers and inside BC-ResBlocks) stay dense by default."""
    for name in ("dcase2024_baseline", "bcresnet_mod_budget"):
        model = small_model(name)
        x, y = random_data(model.input_shape[1:])
        schedule = magnitude.constant_schedule(0.5, frequency=1)
        wrapped = magnitude.prune(model, schedule, prune_depthwise=prune_depthwise)
        _fit(wrapped, x, y, magnitude.pruning_callbacks(), epochs=1)
        rows = magnitude.sparsity_report(magnitude.strip(wrapped))
        depthwise = [r for r in rows if "depthwise_kernel" in r.weight]
        assert depthwise and len(depthwise) < len(rows)
        for row in depthwise:
            assert row.zeros == (row.size - round(row.size * 0.5) if prune_depthwise else 0)
        first = magnitude.first_conv(model)
        others = [r for r in rows if r not in depthwise and r.layer != first]
        assert others and all(r.zeros == r.size - round(r.size * 0.5) for r in others)


def test_sparsity_for_nonzero_reaches_the_target(small_model):
    model = small_model("dcase2022_baseline")
    x, y = random_data(model.input_shape[1:])
    total = sum(math.prod(w.shape) for w in model.trainable_weights)
    target = total // 4
    sparsity = magnitude.sparsity_for_nonzero(model, target)
    wrapped = magnitude.prune(model, magnitude.constant_schedule(sparsity, frequency=1))
    _fit(wrapped, x, y, magnitude.pruning_callbacks(), epochs=1)
    nonzero = magnitude.nonzero_params(magnitude.strip(wrapped))
    assert target - 0.002 * total <= nonzero <= target
    with pytest.raises(ValueError, match="dense weights"):
        magnitude.sparsity_for_nonzero(model, 10)


@pytest.mark.parametrize("bad", [1.0, -0.1, 1.5, "0.5", True])
def test_bad_sparsity(bad):
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        magnitude.check_sparsity(bad)
    with pytest.raises(ValueError):
        magnitude.schedule("polynomial", bad, end_step=10)


def test_unknown_schedule_and_subclassed_model():
    with pytest.raises(ValueError, match="polynomial, constant"):
        magnitude.schedule("cubic", 0.5, 10)

    class Sub(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(ValueError, match="functional"):
        magnitude.prune(Sub(), magnitude.constant_schedule(0.5))
