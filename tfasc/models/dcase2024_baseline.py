"""DCASE2024 Task 1 baseline: simplified CP-Mobile (Keras).

References:
    Schmid et al., "Data-Efficient Low-Complexity Acoustic Scene Classification in the
    DCASE 2024 Challenge" (task description and baseline, 2024), code
    ``CPJKU/dcase2024_task1_baseline`` (``models/baseline.py``).
    Schmid et al., "Efficient Receptive Field Regularization ... CP-Mobile", DCASE2023.

Input 256 mels × 65 frames (``dcase2024`` front end). Stem: two 3×3 stride-2 conv+BN+ReLU
(1 → base/4 → base channels). Three stages of inverted-bottleneck blocks (1×1 expansion,
3×3 depthwise with the block's stride, 1×1 projection; residual where the channels
stay the same, through 3×3 average pooling when the block strides). Head: 1×1 conv to the
classes, BN, global average pooling. Channels of stage i: ``make_divisible(base·m^i, 8)``
→ 32, 56, 104; expansion channels ``make_divisible(C_in·2.1, 8)``. All convolutions are
without bias.

| block | stage | C_in → C_out | expansion | stride (F, T) | out (F × T) | shortcut |
|-------|-------|--------------|-----------|---------------|-------------|----------|
| stem  |       | 1 → 8 → 32   |           | 2, 2          | 64 × 17     |          |
| b1    | 1     | 32 → 32      | 64        | 1, 1          | 64 × 17     | identity |
| b2    | 1     | 32 → 32      | 64        | 1, 1          | 64 × 17     | identity |
| b3    | 1     | 32 → 32      | 64        | 1, 2          | 64 × 9      | avg-pool |
| b4    | 2     | 32 → 56      | 64        | 2, 1          | 32 × 9      |          |
| b5    | 2     | 56 → 56      | 120       | 1, 1          | 32 × 9      | identity |
| b6    | 3     | 56 → 104     | 120       | 1, 1          | 32 × 9      |          |
| head  |       | 104 → 10     |           |               | 1 × 1       |          |

61,148 trainable parameters (conv 58,440 + BN γ/β 2,708) and 29,419,156 MACs counted as
the authors did with torchinfo (see :mod:`tfasc.complexity`).

Differences from the PyTorch code, none of which changes a count: TensorFlow's "same"
padding pads one row less at the top when a stride-2 convolution meets an even length
(PyTorch pads one on each side), and Keras average pooling excludes padding from the
average (PyTorch's ``AvgPool2d`` default includes it). Depthwise convolutions with unequal
strides are grouped ``Conv2D`` layers (see :func:`tfasc.layers.rep_conv.depthwise_conv2d`).
The global average pooling is an ``AveragePooling2D`` over the whole map (TFLite
``AVERAGE_POOL_2D``).
"""

from __future__ import annotations

from tfasc.keras import BN_DEFAULTS, keras
from tfasc.layers.rep_conv import depthwise_conv2d
from tfasc.models.registry import register

BASELINE_STRIDES = {2: (1, 1), 3: (1, 2), 4: (2, 1)}
"""(frequency, time) stride of a block, by 1-based block number; other blocks stride 1."""


def make_divisible(value: float, divisor: int = 8, min_value: int | None = None) -> int:
    """Rounds ``value`` to a multiple of ``divisor`` without losing more than 10 %.

    The MobileNet rule used by the baseline (``models/helpers/utils.py``).
    """
    min_value = divisor if min_value is None else min_value
    rounded = max(min_value, int(value + divisor / 2) // divisor * divisor)
    if rounded < 0.9 * value:
        rounded += divisor
    return rounded


def _conv_bn(x, filters, kernel_size, strides, name, activation=True, depthwise=False):
    if depthwise:
        x = depthwise_conv2d(
            kernel_size,
            strides,
            channels=x.shape[-1],
            padding="same",
            use_bias=False,
            name=f"{name}_conv",
        )(x)
    else:
        x = keras.layers.Conv2D(
            filters,
            kernel_size,
            strides=strides,
            padding="same",
            use_bias=False,
            name=f"{name}_conv",
        )(x)
    x = keras.layers.BatchNormalization(name=f"{name}_bn", **BN_DEFAULTS)(x)
    return keras.layers.ReLU(name=f"{name}_relu")(x) if activation else x


def inverted_bottleneck(x, out_channels: int, expansion_rate: float, strides, name: str):
    """CP-Mobile block: 1×1 expansion → 3×3 depthwise (strided) → 1×1 projection, residual.

    Args:
        x: input ``(B, F, T, C_in)``.
        out_channels: ``C_out``.
        expansion_rate: expansion channels are ``make_divisible(C_in · rate, 8)``.
        strides: ``(frequency, time)`` stride of the depthwise convolution.
        name: layer-name prefix.

    Returns:
        ``(B, F / s_f, T / s_t, C_out)``.
    """
    in_channels = x.shape[-1]
    expanded = make_divisible(in_channels * expansion_rate, 8)
    y = _conv_bn(x, expanded, 1, 1, f"{name}_expand")
    y = _conv_bn(y, expanded, 3, strides, f"{name}_depthwise", depthwise=True)
    y = _conv_bn(y, out_channels, 1, 1, f"{name}_project", activation=False)
    return residual_relu(y, x, strides, name)


def residual_relu(y, x, strides, name: str):
    """``ReLU(y + shortcut(x))`` when channels match, else ``ReLU(y)``; the shortcut of a
    strided block is a 3x3 average pooling with the block's strides (CP-Mobile)."""
    if x.shape[-1] == y.shape[-1]:
        shortcut = x
        if tuple(strides) != (1, 1):
            shortcut = keras.layers.AveragePooling2D(
                3, strides=strides, padding="same", name=f"{name}_shortcut_pool"
            )(x)
        y = keras.layers.Add(name=f"{name}_add")([y, shortcut])
    return keras.layers.ReLU(name=f"{name}_relu")(y)


@register(
    "dcase2024_baseline",
    frontend="dcase2024",
    description="DCASE2024 Task 1 baseline, simplified CP-Mobile (61,148 params, 29.4 M MACs)",
)
def dcase2024_baseline(
    input_shape=(256, 65, 1),
    num_classes: int = 10,
    base_channels: int = 32,
    channels_multiplier: float = 1.8,
    expansion_rate: float = 2.1,
    n_blocks: tuple[int, ...] = (3, 2, 1),
    strides: dict[int, tuple[int, int]] | None = None,
    name: str = "dcase2024_baseline",
) -> keras.Model:
    """Builds the DCASE2024 baseline (simplified CP-Mobile).

    Args:
        input_shape: ``(n_mels, frames, 1)``.
        num_classes: number of scene classes.
        base_channels: stem output channels, the width multiplier of the network.
        channels_multiplier: width growth from one stage to the next.
        expansion_rate: inverted-bottleneck expansion.
        n_blocks: blocks per stage.
        strides: ``{block_number: (s_f, s_t)}``; defaults to :data:`BASELINE_STRIDES`.
        name: model name.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.

    Example:
        >>> model = tfasc.models.build("dcase2024_baseline")
        >>> model.output_shape
        (None, 10)
    """
    strides = BASELINE_STRIDES if strides is None else strides
    base = make_divisible(base_channels, 8)
    stage_channels = [
        make_divisible(base * channels_multiplier**i, 8) for i in range(len(n_blocks))
    ]
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)

    # Stem: two stride-2 convolutions.
    x = _conv_bn(inputs, base // 4, 3, 2, "stem1")
    x = _conv_bn(x, base, 3, 2, "stem2")  # (B, F/4, T/4, base)

    # Body: stages of inverted-bottleneck blocks.
    block = 0
    for _stage, (blocks, channels) in enumerate(
        zip(n_blocks, stage_channels, strict=False), start=1
    ):
        for _ in range(blocks):
            block += 1
            x = inverted_bottleneck(
                x, channels, expansion_rate, strides.get(block, (1, 1)), name=f"b{block}"
            )

    # Classifier: 1×1 conv to the classes, BN, global average pooling.
    x = keras.layers.Conv2D(num_classes, 1, use_bias=False, name="head_conv")(x)
    x = keras.layers.BatchNormalization(name="head_bn", **BN_DEFAULTS)(x)
    x = keras.layers.AveragePooling2D(tuple(x.shape[1:3]), name="head_pool")(x)  # (B, 1, 1, K)
    logits = keras.layers.Flatten(name="logits")(x)
    return keras.Model(inputs, logits, name=name)
