"""BC-ResNet, the broadcasted residual network for keyword spotting.

Reference: Kim, Chang, Lee, Sung, "Broadcasted Residual Learning for Efficient Keyword
Spotting", Interspeech 2021; official code github.com/Qualcomm-AI-research/bcresnet
(``BCResNets(base_c)`` with ``base_c = 8·τ``).

Speech Commands setting: 40 mels × 101 frames, 12 classes. Widths from ``b = int(8·τ)``:

| part        | width  | blocks | freq stride | temporal dilation | out (F × T) |
|-------------|--------|--------|-------------|-------------------|-------------|
| stem 5×5    | 2b     |        | 2           |                   | 20 × 101    |
| stage 1     | b      | 2      | 1           | 1                 | 20 × 101    |
| stage 2     | 1.5b   | 2      | 2           | 2                 | 10 × 101    |
| stage 3     | 2b     | 4      | 2           | 4                 | 5 × 101     |
| stage 4     | 2.5b   | 4      | 1           | 8                 | 5 × 101     |
| head dw 5×5 | 2.5b   |        | (no freq pad) |                 | 1 × 101     |
| head 1×1    | 4b     |        |             |                   | 1 × 101     |
| mean, 1×1   | classes|        |             |                   |             |

The first block of each stage is a transition block (the channel count changes).
Trainable parameters for τ = 1 / 3 / 6 / 8: 9,232 / 54,168 / 187,812 / 321,068, the official
implementation's counts.
"""

from __future__ import annotations

from tfasc.keras import BN_DEFAULTS, keras
from tfasc.layers import BCResBlock
from tfasc.models.registry import register

# (width factor of b, blocks, frequency stride of the first block, temporal dilation).
BCRESNET_STAGES = (
    (1.0, 2, 1, 1),
    (1.5, 2, 2, 2),
    (2.0, 4, 2, 4),
    (2.5, 4, 1, 8),
)
STEM_WIDTH = 2.0
HEAD_WIDTH = 4.0


@register(
    "bcresnet",
    frontend="dcase2022",
    description="BC-ResNet (Kim et al. 2021), KWS sizes tau in {1, 1.5, 2, 3, 6, 8}",
)
def bcresnet(
    input_shape=(40, 101, 1),
    num_classes: int = 10,
    tau: float = 1,
    stages=BCRESNET_STAGES,
    sub_bands: int = 5,
    dropout: float = 0.1,
    name: str | None = None,
) -> keras.Model:
    """Builds BC-ResNet-τ.

    Args:
        input_shape: ``(n_mels, frames, 1)``; ``n_mels`` must be at least 40 (the head's
            5×5 depthwise conv runs unpadded over the 8× downsampled frequency axis).
        num_classes: number of output classes (12 for Speech Commands).
        tau: width multiplier τ; base width ``b = int(8·τ)``.
        stages: block-spec table ``(width factor, blocks, frequency stride, dilation)``.
        sub_bands: SubSpectralNorm sub-bands in every block.
        dropout: spatial dropout rate of every block's temporal branch.
        name: model name; defaults to ``bcresnet_<τ>``.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.

    Example:
        >>> model = bcresnet(input_shape=(40, 101, 1), num_classes=12, tau=1)  # 9,232 params
    """
    base = int(8 * tau)
    name = name or f"bcresnet_{tau:g}".replace(".", "_")
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)

    # Head: 5x5 conv, frequency stride 2.
    x = keras.layers.Conv2D(
        int(base * STEM_WIDTH), 5, strides=(2, 1), padding="same", use_bias=False, name="stem_conv"
    )(inputs)
    x = keras.layers.BatchNormalization(name="stem_bn", **BN_DEFAULTS)(x)
    x = keras.layers.ReLU(name="stem_relu")(x)  # (B, F/2, T, 2b)

    # Body: BC-ResBlock stages.
    for stage, (width, blocks, stride, dilation) in enumerate(stages, start=1):
        for index in range(blocks):
            x = BCResBlock(
                int(base * width),
                stride=stride if index == 0 else 1,
                dilation=dilation,
                sub_bands=sub_bands,
                dropout=dropout,
                name=f"stage{stage}_block{index + 1}",
            )(x)  # (B, F/8, T, 2.5b) after stage 4

    # Classifier: depthwise 5x5 (unpadded in frequency), 1x1 conv, mean, 1x1 conv.
    x = keras.layers.ZeroPadding2D(((0, 0), (2, 2)), name="head_pad")(x)
    x = keras.layers.DepthwiseConv2D(5, use_bias=False, name="head_dwconv")(x)  # (B, F/8-4, T, .)
    x = keras.layers.Conv2D(int(base * HEAD_WIDTH), 1, use_bias=False, name="head_conv")(x)
    x = keras.layers.BatchNormalization(name="head_bn", **BN_DEFAULTS)(x)
    x = keras.layers.ReLU(name="head_relu")(x)
    x = keras.layers.AveragePooling2D(tuple(x.shape[1:3]), name="head_pool")(x)  # (B, 1, 1, 4b)
    x = keras.layers.Flatten(name="flatten")(x)
    logits = keras.layers.Dense(num_classes, name="logits")(x)  # the official 1x1 conv with bias
    return keras.Model(inputs, logits, name=name)
