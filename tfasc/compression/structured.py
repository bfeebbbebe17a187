"""Structured (channel) pruning: remove whole channels and rebuild a smaller dense model.

Unstructured sparsity does not lower the DCASE complexity figures (since 2022 they count
every parameter, zeros included); removing channels does. This module prunes the models
built from :class:`~tfasc.layers.BCResBlock` stages (``bcresnet_mod`` and its budget and
teacher variants): a *channel group* is a set of channels that must be kept or removed
together —

* the stem: the stem convolution's outputs (read by the first transition 1×1);
* each stage: every block of a stage shares its channels through the identity shortcuts
  (the transition block's 1×1 output, every depthwise kernel, SubSpectralNorm and batch
  norm of the stage, every temporal 1×1 in and out), read by the next stage's transition
  1×1 or by the classifier.

The importance of a channel is the L1 norm of the filters that write it, scaled by the
normalization that follows (``|γ/σ|`` of the transition batch norm, the mean ``|scale|`` of
SubSpectralNorm over its sub-bands), each term divided by its mean over the group's
channels and summed over the group's blocks. One keep ratio applies to every group; the
largest ratio whose rebuilt model fits the budget (parameters and MACs by
:func:`tfasc.complexity.keras_complexity`) is found by bisection, and the most important
channels of each group are kept with their trained weights. ResNorm normalizes over
channels, so the rebuilt model is fine-tuned afterwards.

Example:
    >>> plan = plan_channels(model, max_params=128_000, max_macs=30_000_000)
    >>> small = prune_channels(model, plan)  # a dense model within the DCASE budget
"""

from __future__ import annotations

import dataclasses

import numpy as np

from tfasc.complexity import keras_complexity
from tfasc.keras import keras
from tfasc.layers import BCResBlock


@dataclasses.dataclass(frozen=True)
class ChannelPlan:
    """Which channels of each group a structured pruning keeps."""

    keep: dict
    """Group name (``stem``, ``stage1``, ...) -> sorted kept channel indices."""
    ratio: float
    """The keep ratio that produced it."""
    params: int
    """Trainable parameters of the rebuilt model."""
    macs: int
    """MACs of the rebuilt model."""

    def channels(self) -> dict:
        """Group name -> number of kept channels."""
        return {group: len(indices) for group, indices in self.keep.items()}


def _groups(model: keras.Model) -> tuple[str, dict, dict]:
    """``(stem layer name, {group: [blocks]}, {block name: group})`` or a ValueError."""
    blocks = [layer for layer in model.layers if isinstance(layer, BCResBlock)]
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)
             and not isinstance(layer, keras.layers.DepthwiseConv2D)]  # fmt: skip
    if not blocks or not convs or model.layers.index(convs[0]) > model.layers.index(blocks[0]):
        raise ValueError(
            f"structured pruning needs a model of a stem convolution followed by BCResBlock "
            f"stages (bcresnet_mod, bcresnet_mod_budget, bcresnet_mod_teacher); "
            f"{model.name!r} is not one"
        )
    groups: dict[str, list] = {}
    of_block: dict[str, str] = {}
    stage = 0
    for block in blocks:
        if block.transition:
            stage += 1
        elif stage == 0:
            raise ValueError(f"{model.name!r}: block {block.name!r} has no transition before it")
        groups.setdefault(f"stage{stage}", []).append(block)
        of_block[block.name] = f"stage{stage}"
    return convs[0].name, groups, of_block


def check_supported(model: keras.Model) -> None:
    """Raises ``ValueError`` unless ``model`` is made of a stem and BCResBlock stages."""
    _groups(model)


def _normalized(values: np.ndarray) -> np.ndarray:
    mean = float(np.mean(values))
    return values / mean if mean > 0 else values


def _bn_scale(bn) -> np.ndarray:
    gamma, _, _, variance = (w.numpy() for w in bn.weights)
    return np.abs(gamma) / np.sqrt(variance + bn.epsilon)


def channel_importance(model: keras.Model) -> dict[str, np.ndarray]:
    """Group name -> importance of each of its channels (see the module docstring)."""
    stem, groups, _ = _groups(model)
    kernel = model.get_layer(stem).kernel.numpy()  # (kh, kw, in, out)
    scores = {"stem": _normalized(np.abs(kernel).sum(axis=(0, 1, 2)))}
    for group, blocks in groups.items():
        total = 0.0
        for block in blocks:
            if block.transition:
                k = np.abs(block.transition_conv.kernel.numpy()).sum(axis=(0, 1, 2))
                total = total + _normalized(k * _bn_scale(block.transition_bn))
            norm = block.freq_norm
            ssn = np.abs(norm.gamma.numpy()) / np.sqrt(norm.moving_variance.numpy() + norm.epsilon)
            freq = np.abs(block.freq_conv.depthwise_kernel.numpy()).sum(axis=(0, 1, 3))
            total = total + _normalized(freq * ssn.mean(axis=0))
            pointwise = np.abs(block.pointwise_conv.kernel.numpy())  # (1, 1, C, C)
            total = total + _normalized(pointwise.sum(axis=(0, 1, 2)))
        scores[group] = total
    return scores


def _counts(model: keras.Model, ratio: float) -> dict[str, int]:
    stem, groups, _ = _groups(model)
    sizes = {"stem": model.get_layer(stem).filters}
    sizes.update({group: blocks[0].filters for group, blocks in groups.items()})
    counts = {group: max(1, int(round(ratio * size))) for group, size in sizes.items()}
    # A transition block must keep C_in != C_out (else it would be rebuilt without its 1x1).
    names = list(counts)
    for previous, group in zip(names, names[1:], strict=False):
        if counts[group] == counts[previous]:
            counts[group] += 1 if counts[group] < sizes[group] else -1
    return counts


def plan_channels(model: keras.Model, *, max_params: int, max_macs: int,
                  iterations: int = 12) -> ChannelPlan:  # fmt: skip
    """The largest uniform keep ratio whose rebuilt model fits the budget.

    Raises:
        ValueError: not a BCResBlock-stage model, or even one channel per group is over budget.
    """
    scores = channel_importance(model)

    def plan(ratio: float) -> ChannelPlan:
        counts = _counts(model, ratio)
        keep = {g: np.sort(np.argsort(-scores[g], kind="stable")[:n]) for g, n in counts.items()}
        result = keras_complexity(_rebuild(model, {g: len(k) for g, k in keep.items()}))
        return ChannelPlan({g: k.tolist() for g, k in keep.items()}, ratio, result.params,
                           result.macs)  # fmt: skip

    def fits(p: ChannelPlan) -> bool:
        return p.params <= max_params and p.macs <= max_macs

    full = plan(1.0)
    if fits(full):
        return full
    low, high = 0.0, 1.0
    best = None
    for _ in range(iterations):
        middle = (low + high) / 2
        candidate = plan(middle)
        if fits(candidate):
            best, low = candidate, middle
        else:
            high = middle
    if best is None:
        raise ValueError(f"{model.name!r} cannot be pruned to {max_params:,} parameters and "
                         f"{max_macs:,} MACs by removing channels")  # fmt: skip
    return best


def _rebuild(model: keras.Model, counts: dict[str, int]) -> keras.Model:
    """The architecture of ``model`` with ``counts`` channels per group (fresh weights)."""
    stem, _, of_block = _groups(model)

    def clone(layer):
        config = layer.get_config()
        if layer.name == stem:
            config["filters"] = counts["stem"]
        elif layer.name in of_block:
            config["filters"] = counts[of_block[layer.name]]
        return layer.__class__.from_config(config)

    return keras.models.clone_model(model, clone_function=clone)


def _copy_block(old: BCResBlock, new: BCResBlock, keep_in, keep) -> None:
    if old.transition:
        new.transition_conv.set_weights(
            [old.transition_conv.kernel.numpy()[:, :, keep_in][..., keep]]
        )
        new.transition_bn.set_weights([w.numpy()[keep] for w in old.transition_bn.weights])
    new.freq_conv.set_weights([old.freq_conv.depthwise_kernel.numpy()[:, :, keep]])
    new.freq_norm.set_weights([w.numpy()[:, keep] for w in old.freq_norm.weights])
    new.temporal_conv.set_weights([old.temporal_conv.depthwise_kernel.numpy()[:, :, keep]])
    new.temporal_bn.set_weights([w.numpy()[keep] for w in old.temporal_bn.weights])
    new.pointwise_conv.set_weights([old.pointwise_conv.kernel.numpy()[:, :, keep][..., keep]])


def prune_channels(model: keras.Model, plan: ChannelPlan) -> keras.Model:
    """A smaller dense model holding the kept channels' trained weights.

    Args:
        model: the trained model (a BCResBlock-stage model).
        plan: from :func:`plan_channels` on the same model.
    """
    stem, _, of_block = _groups(model)
    keep = {group: np.asarray(indices) for group, indices in plan.keep.items()}
    small = _rebuild(model, {group: len(indices) for group, indices in keep.items()})
    current = None  # kept input channels of the next layer
    for old in model.layers:
        new = small.get_layer(old.name)
        if old.name == stem:
            kernel, *bias = old.get_weights()
            new.set_weights([kernel[..., keep["stem"]], *(b[keep["stem"]] for b in bias)])
            current = keep["stem"]
        elif old.name in of_block:
            group = keep[of_block[old.name]]
            _copy_block(old, new, current, group)
            current = group
        elif isinstance(old, keras.layers.Conv2D) and current is not None:  # the classifier
            kernel, *bias = old.get_weights()
            new.set_weights([kernel[:, :, current], *bias])
        elif old.weights:
            new.set_weights(old.get_weights())
    return small
