"""CP-ResNet-style teacher: a wide ResNet whose receptive field is limited by its kernel sizes.

Reference: Koutini, Eghbal-zadeh, Dorfer, Widmer, "The Receptive Field as a Regularizer in
Deep Convolutional Neural Networks for Acoustic Scene Classification", EUSIPCO 2019, and
Koutini, Eghbal-zadeh, Widmer, "Receptive-Field-Regularized CNN Variants for Acoustic Scene
Classification", DCASE2019 Workshop (code: github.com/kkoutini/cpjku_dcase19, ``cp_resnet``).

CP-ResNet limits the receptive field by turning the later 3×3 convolutions into 1×1 ones
(its ``rho`` hyper-parameter picks where). This module fixes one such configuration, close to
the authors' small-``rho`` setting; it is a teacher for distillation, not a reproduction of a
published number. Stem: 5×5 conv stride 2 + BN + ReLU with ``w`` channels. Basic residual
blocks ``conv k1 → BN → ReLU → conv k2 → BN`` (+ identity, or 1×1 conv + BN when the width
changes), then ReLU. Classifier: 1×1 conv to the classes, BN, mean over (F, T).
"""

from __future__ import annotations

from tfasc.keras import BN_DEFAULTS, keras
from tfasc.models.registry import register

# Koutini et al. 2019 (CP-ResNet); one row per basic block:
# (width factor of base_channels, first kernel k1, second kernel k2, 2x2 max-pool after).
CP_RESNET_BLOCKS = (
    (1, 3, 1, True),
    (1, 3, 3, True),
    (1, 3, 3, False),
    (1, 3, 1, True),
    (2, 3, 1, False),
    (2, 1, 1, False),
    (2, 1, 1, False),
    (2, 1, 1, False),
    (4, 1, 1, False),
    (4, 1, 1, False),
    (4, 1, 1, False),
    (4, 1, 1, False),
)


@register(
    "cp_resnet_teacher",
    frontend="dcase2024",
    description="CP-ResNet-style receptive-field-regularized wide ResNet teacher (Koutini 2019)",
)
def cp_resnet_teacher(
    input_shape=(256, 65, 1),
    num_classes: int = 10,
    base_channels: int = 128,
    blocks=CP_RESNET_BLOCKS,
    name: str = "cp_resnet_teacher",
) -> keras.Model:
    """Builds the CP-ResNet-style teacher (about 3.9 M parameters at ``base_channels=128``).

    Args:
        input_shape: ``(n_mels, frames, 1)``.
        num_classes: number of scene classes.
        base_channels: width ``w`` of the stem and first stage (stages: w, 2w, 4w).
        blocks: block-spec table ``(width factor, k1, k2, max-pool after)``.
        name: model name.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.

    Example:
        >>> teacher = cp_resnet_teacher(base_channels=64)
    """
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)

    def conv_bn(x, filters, kernel, name):
        x = keras.layers.Conv2D(filters, kernel, padding="same", use_bias=False, name=name)(x)
        return keras.layers.BatchNormalization(name=f"{name}_bn", **BN_DEFAULTS)(x)

    # Head: 5x5 stride-2 conv.
    x = keras.layers.Conv2D(
        base_channels, 5, strides=2, padding="same", use_bias=False, name="stem_conv"
    )(inputs)
    x = keras.layers.BatchNormalization(name="stem_bn", **BN_DEFAULTS)(x)
    x = keras.layers.ReLU(name="stem_relu")(x)  # (B, F/2, T/2, w)

    # Body: basic residual blocks; 1x1 kernels beyond the receptive-field limit.
    for index, (width, k1, k2, pool) in enumerate(blocks, start=1):
        filters = int(base_channels * width)
        shortcut = x
        if x.shape[-1] != filters:
            shortcut = conv_bn(x, filters, 1, f"block{index}_shortcut")
        y = conv_bn(x, filters, k1, f"block{index}_conv1")
        y = keras.layers.ReLU(name=f"block{index}_relu1")(y)
        y = conv_bn(y, filters, k2, f"block{index}_conv2")
        x = keras.layers.Add(name=f"block{index}_add")([y, shortcut])
        x = keras.layers.ReLU(name=f"block{index}_relu2")(x)
        if pool:
            x = keras.layers.MaxPooling2D(2, name=f"block{index}_pool")(x)

    # Classifier: 1x1 conv + BN, mean over (F, T).
    x = conv_bn(x, num_classes, 1, "head_conv")  # (B, F', T', classes)
    x = keras.layers.AveragePooling2D(tuple(x.shape[1:3]), name="head_pool")(x)
    logits = keras.layers.Flatten(name="logits")(x)
    return keras.Model(inputs, logits, name=name)
