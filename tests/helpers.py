"""Helpers shared by the test modules: weight counts, and the published architectures' sizes
derived from their layouts (so an exact count in a test says where it comes from).

Weights that look trained (non-zero biases, non-trivial normalization statistics) come from
the library's :func:`tfasc.complexity.trained_like`.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from tfasc import config
from tfasc.models.dcase2024_baseline import make_divisible


def trainable_count(layer) -> int:
    """Scalar trainable weights of a layer or model (what PyTorch counts as parameters)."""
    return sum(math.prod(w.shape) for w in layer.trainable_weights)


def non_trainable_count(layer) -> int:
    """Scalar non-trainable weights (normalization moving statistics) of a layer or model."""
    return sum(math.prod(w.shape) for w in layer.non_trainable_weights)


def bcres_block_weights(c_in: int, filters: int, sub_bands: int = 5) -> tuple[int, int]:
    """(trainable, non-trainable) weights of one BC-ResBlock, from the official block.

    Frequency branch: [1×1 conv c_in·f + BN 2f, transition only], depthwise (3, 1) conv 3f,
    SubSpectralNorm 2·f·S; temporal branch: depthwise (1, 3) conv 3f, BN 2f, 1×1 conv f².
    Every norm keeps as many moving statistics as it has γ/β. No biases.
    """
    f = filters
    trainable = 3 * f + 2 * f * sub_bands + 3 * f + 2 * f + f * f
    non_trainable = 2 * f * sub_bands + 2 * f
    if c_in != f:  # transition block
        trainable += c_in * f + 2 * f
        non_trainable += 2 * f
    return trainable, non_trainable


class Counts(NamedTuple):
    """Sizes of a network by the torchinfo rules (see :mod:`tfasc.complexity`); a tuple."""

    params: int
    """Trainable parameters."""
    macs: int
    """Multiply-accumulates per example."""
    norm_params: int
    """Batch-norm γ/β among ``params`` (as many moving statistics exist)."""


def cp_mobile_counts(
    input_hw: tuple[int, int],
    stem: tuple[int, ...],
    blocks: tuple[tuple[int, int, tuple[int, int]], ...],
    num_classes: int,
    fused: bool,
) -> Counts:
    """Sizes of a CP-Mobile network (DCASE2024 baseline, Rep-Mobile) from its layout alone.

    Args:
        input_hw: input (F, T).
        stem: channels of the 3×3 stride-2 stem convolutions.
        blocks: ``(C_out, expansion channels, (s_f, s_t))`` per inverted bottleneck
            (1×1 expand, 3×3 depthwise with the stride, 1×1 project).
        num_classes: channels of the 1×1 head convolution.
        fused: False: every convolution is bias-free and followed by a batch norm (2·C
            parameters, 2·C MACs); True: every convolution has a bias (C parameters,
            C·H·W MACs), the re-parameterized deploy form.

    Returns:
        The counts; "same" padding, so a stride s gives ceil(n / s) outputs.
    """
    h, w = input_hw
    params = macs = norm = 0

    def conv(taps: int, c_in_per_group: int, c_out: int):
        nonlocal params, macs, norm
        params += taps * c_in_per_group * c_out
        macs += taps * c_in_per_group * c_out * h * w
        if fused:
            params, macs = params + c_out, macs + c_out * h * w
        else:
            params, macs, norm = params + 2 * c_out, macs + 2 * c_out, norm + 2 * c_out

    channels = 1
    for width in stem:
        h, w = math.ceil(h / 2), math.ceil(w / 2)
        conv(9, channels, width)
        channels = width
    for c_out, expanded, (s_f, s_t) in blocks:
        conv(1, channels, expanded)
        h, w = math.ceil(h / s_f), math.ceil(w / s_t)
        conv(9, 1, expanded)
        conv(1, expanded, c_out)
        channels = c_out
    conv(1, channels, num_classes)
    return Counts(params, macs, norm)


def cp_mobile_blocks(stage_channels, n_blocks, expansion_rate, strides, first_channels):
    """``blocks`` for :func:`cp_mobile_counts`: expansion ``make_divisible(C_in·rate, 8)``.

    Args:
        stage_channels: output channels of each stage.
        n_blocks: blocks per stage.
        expansion_rate: inverted-bottleneck expansion.
        strides: ``{block number (1-based): (s_f, s_t)}``; others stride 1.
        first_channels: channels entering the first block (the stem's output).
    """
    blocks, channels, number = [], first_channels, 0
    for c_out, count in zip(stage_channels, n_blocks, strict=True):
        for _ in range(count):
            number += 1
            expanded = make_divisible(channels * expansion_rate, 8)
            blocks.append((c_out, expanded, strides.get(number, (1, 1))))
            channels = c_out
    return tuple(blocks)


def tiny_config(data, cache, out, **changes) -> config.TrainConfig:
    """The test suite's training settings: 2 epochs of batch 16 on ``data``; ``changes`` are
    dotted keys (``{"optimizer.epochs": 1}``)."""
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(data), cache_dir=str(cache)),
        optimizer=config.OptimizerConfig(epochs=2, batch_size=16),
        out_dir=str(out),
    )
    return settings.replace(**changes) if changes else settings
