"""Rep-Mobile: a CP-Mobile network built from re-parameterizable convolutions.

References:
    Han et al., "Rep-Mobile" system, DCASE2024 Task 1 (winner, technical report):
    CP-Mobile-style blocks whose convolutions train with parallel branches and are
    re-parameterized into single convolutions for inference.
    Schmid et al., DCASE2024 Task 1 baseline (simplified CP-Mobile), for the block layout.
    Vasu et al., "MobileOne", CVPR 2023; Ding et al., "RepVGG", CVPR 2021, for the branches.

Every convolution is a :class:`~tfasc.layers.RepConv2D`: the 3×3 stem and depthwise
convolutions train as 3×3+BN, 1×1+BN and (where the shape allows) identity-BN branches;
the 1×1 convolutions as ``conv_branches`` parallel 1×1+BN branches (plus identity-BN
where C_in == C_out). ``tfasc.models.reparameterize`` turns the trained model into plain
convolutions with bias; that deploy form is what is exported and counted.

The layout and widths follow the DCASE2024 baseline (the Rep-Mobile report builds on
CP-Mobile; its exact widths are not in our sources), scaled by one width multiplier:

| block | C_out | expansion | stride (F, T) |
|-------|-------|-----------|---------------|
| b1    | 32    | 2.0       | 1, 1          |
| b2    | 32    | 2.0       | 1, 1          |
| b3    | 32    | 2.0       | 1, 2          |
| b4    | 56    | 2.0       | 2, 1          |
| b5    | 56    | 2.0       | 1, 1          |
| b6    | 104   | 2.0       | 1, 1          |

:func:`stage_specs` writes the same table for other stage depths and expansion rates (the
search space of ``tfasc tune``).

The expansion rate is 2.0 instead of the baseline's 2.1 (expansion 112 instead of 120 in
b5 and b6): after fusion every convolution has a bias, whose additions torchinfo counts
(C_out·H·W each), and with 2.1 the deploy form would need 30.2 M MACs.

Deploy form on the ``dcase2024`` input (256×65) at ``width=1``: see
``benchmarks/results/complexity.json`` (within the DCASE budget, 128 kB and 30 M MACs).
"""

from __future__ import annotations

from tfasc.keras import keras
from tfasc.layers.rep_conv import RepConv2D
from tfasc.models.dcase2024_baseline import make_divisible, residual_relu
from tfasc.models.registry import register

STEM_CHANNELS = (8, 32)
"""Channels of the two 3×3 stride-2 stem convolutions (before the width multiplier)."""

BLOCK_SPECS = (
    # (C_out, expansion rate, (stride F, stride T))
    (32, 2.0, (1, 1)),
    (32, 2.0, (1, 1)),
    (32, 2.0, (1, 2)),
    (56, 2.0, (2, 1)),
    (56, 2.0, (1, 1)),
    (104, 2.0, (1, 1)),
)
"""Inverted-bottleneck blocks of Rep-Mobile (CP-Mobile layout)."""

STAGE_CHANNELS = (32, 56, 104)
"""Output channels of the three stages of :data:`BLOCK_SPECS` (3, 2 and 1 blocks)."""


def stage_specs(depths=(3, 2, 1), expansion: float = 2.0) -> tuple:
    """Block specs of the CP-Mobile stages with other depths and one expansion rate.

    Stage ``i`` has ``depths[i]`` blocks of :data:`STAGE_CHANNELS` ``[i]`` channels; the last
    block of stage 1 strides time by 2 and the first block of stage 2 frequency by 2, as in
    :data:`BLOCK_SPECS` (which ``stage_specs()`` returns).

    Args:
        depths: blocks of each of the three stages, each at least 1.
        expansion: expansion rate of every block.

    Returns:
        ``((C_out, expansion, (s_f, s_t)), ...)`` for :func:`rep_mobile`'s ``block_specs``.
    """
    if len(depths) != len(STAGE_CHANNELS) or min(depths) < 1:
        raise ValueError(f"stage depths must be three counts of at least 1, got {depths}")
    specs = []
    for stage, (channels, depth) in enumerate(zip(STAGE_CHANNELS, depths, strict=True)):
        for index in range(depth):
            strides = (1, 1)
            if stage == 0 and index == depth - 1:
                strides = (1, 2)
            elif stage == 1 and index == 0:
                strides = (2, 1)
            specs.append((channels, expansion, strides))
    return tuple(specs)


def rep_block(
    x, out_channels, expansion_rate, strides, conv_branches, name, kernel_size=3, **branches
):
    """Re-parameterizable inverted bottleneck: 1×1 expand → k×k depthwise → 1×1 project.

    Args:
        x: input ``(B, F, T, C_in)``.
        out_channels: ``C_out``.
        expansion_rate: expansion channels are ``make_divisible(C_in · rate, 8)``.
        strides: ``(s_f, s_t)`` of the depthwise convolution.
        conv_branches: parallel k×k branches of every ``RepConv2D``.
        name: layer-name prefix.
        kernel_size: odd kernel size of the depthwise convolution.
        **branches: further ``RepConv2D`` branch options (``use_asymmetric``,
            ``branch_weights``).

    Returns:
        ``(B, F / s_f, T / s_t, C_out)``; residual (through 3×3 average pooling when strided)
        where ``C_in == C_out``.
    """
    in_channels = x.shape[-1]
    expanded = make_divisible(in_channels * expansion_rate, 8)
    common = {"num_conv_branches": conv_branches, **branches}
    y = RepConv2D(expanded, 1, activation="relu", name=f"{name}_expand", **common)(x)
    y = RepConv2D(
        expanded, kernel_size, strides=strides, depthwise=True, activation="relu",
        name=f"{name}_depthwise", **common,
    )(y)  # fmt: skip
    y = RepConv2D(out_channels, 1, name=f"{name}_project", **common)(y)
    return residual_relu(y, x, strides, name)


@register(
    "rep_mobile",
    frontend="dcase2024",
    description="Rep-Mobile (DCASE2024 winner idea): CP-Mobile of re-parameterizable convs",
)
def rep_mobile(
    input_shape=(256, 65, 1),
    num_classes: int = 10,
    width: float = 1.0,
    conv_branches: int = 1,
    block_specs=BLOCK_SPECS,
    kernel_size: int = 3,
    asymmetric: bool = False,
    branch_weights: bool = False,
    name: str = "rep_mobile",
) -> keras.Model:
    """Builds Rep-Mobile in its training form (call ``reparameterize`` before export).

    Args:
        input_shape: ``(n_mels, frames, 1)``.
        num_classes: number of scene classes.
        width: width multiplier on every channel count (rounded to multiples of 8).
        conv_branches: parallel k×k conv+BN branches per ``RepConv2D`` (MobileOne's k).
        block_specs: ``(C_out, expansion, strides)`` per block; :data:`BLOCK_SPECS`
            (:func:`stage_specs` for other depths and expansion rates).
        kernel_size: odd kernel size of the depthwise convolutions (the stem stays 3×3).
        asymmetric: add 1×k and k×1 branches to every k×k ``RepConv2D`` (stem and
            depthwise convolutions).
        branch_weights: scale every branch by a learnable softplus(α) (RepCTFA).
        name: model name.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.

    Example:
        >>> model = build("rep_mobile")
        >>> model.fit(...)
        >>> deploy = tfasc.models.reparameterize(model)  # same outputs, plain convolutions
    """
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)

    branches = {"use_asymmetric": asymmetric, "branch_weights": branch_weights}

    # Stem: two 3×3 stride-2 re-parameterizable convolutions.
    x = inputs
    for i, channels in enumerate(STEM_CHANNELS, start=1):
        x = RepConv2D(
            make_divisible(channels * width, 8), 3, strides=2, activation="relu",
            num_conv_branches=conv_branches, name=f"stem{i}", **branches,
        )(x)  # fmt: skip

    # Body: re-parameterizable inverted bottlenecks.
    for i, (channels, expansion, strides) in enumerate(block_specs, start=1):
        x = rep_block(
            x, make_divisible(channels * width, 8), expansion, strides, conv_branches, f"b{i}",
            kernel_size=kernel_size, **branches,
        )  # fmt: skip

    # Classifier: 1×1 conv (+BN) to the classes, global average pooling.
    x = RepConv2D(num_classes, 1, num_conv_branches=conv_branches, name="head_conv", **branches)(x)
    x = keras.layers.AveragePooling2D(tuple(x.shape[1:3]), name="head_pool")(x)  # (B, 1, 1, K)
    logits = keras.layers.Flatten(name="logits")(x)
    return keras.Model(inputs, logits, name=name)
