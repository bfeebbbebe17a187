"""BC-ResNet-Mod with Residual Normalization (QTI, DCASE2021 Task 1A winner) and teachers.

Reference: Kim, Yang, Kim, Chang, "Domain Generalization on Efficient Acoustic Scene
Classification using Residual Normalization", DCASE2021 Workshop; technical report
"QTI submission to DCASE 2021: residual normalization for device-imbalanced acoustic scene
classification with efficient design" (76.3 % on TAU 2020 Mobile dev with 315 k parameters).

The exact QTI layout is not public. This is the layout of the public re-implementations
(``BCResNet_Mod(c)``), with ``c`` the width:

| part          | width   | blocks (1 transition + normal) | after the stage       |
|---------------|---------|--------------------------------|-----------------------|
| ResNorm       |         |                                | (at the input)        |
| stem 5×5 /2   | 2c      | conv with bias, no BN/ReLU     |                       |
| stage 1       | c       | 2                              | ResNorm, max-pool 2×2 |
| stage 2       | 1.5c    | 2                              | ResNorm, max-pool 2×2 |
| stage 3       | 2c      | 2                              | ResNorm               |
| stage 4       | 2.5c    | 3                              | ResNorm               |
| head 1×1      | classes | conv with bias, then the mean over (F, T) |            |

Blocks are :class:`tfasc.layers.BCResBlock` without frequency stride or temporal dilation (a
limited receptive field), SubSpectralNorm with 5 sub-bands. ``c = 80`` has 317,450 trainable
parameters (+0.8 % from the reported 315 k).

Front end: the ``dcase2024`` preset (256 mels × 65 frames at 32 kHz). The reports used 256
mels as well; after the stride-2 stem the sub-band splits are 128/64/32 bins into 5 groups of
26/26/26/25/25 (and so on), which :class:`tfasc.layers.SubSpectralNorm` allows.

``bcresnet_mod_budget`` fits the DCASE 2022–2024 complexity limit (≤ 128 kB int8 parameters,
≤ 30 M MACs per 1-s clip on 256 × 65): ``c = 40`` with an extra 2×2 max-pool after the stem
(see ``BUDGET``). Measured: 87,130 trainable parameters and 14.29 M MACs (torchinfo rules);
the int8 TFLite file holds 112,511 parameter constants (111,201 int8 + 1,310 int32 biases,
116,441 bytes — SubSpectralNorm's scale/offset are stored per frequency bin) and 14.64 M
MACs by NeSsi's rules.

Int8: ResNorm after a stage normalizes sparse post-ReLU maps, and its post-training int8
form (MEAN, SQUARED_DIFFERENCE, RSQRT) loses precision there (about 15 % of the logit range at
random initialization); deploy these models through quantization-aware training
(``tfasc compress``: :mod:`tfasc.compression.fake_quant` simulates every int8 tensor of
ResNorm and the BC-ResBlocks), README "Compression".
"""

from __future__ import annotations

from tfasc.keras import keras
from tfasc.layers import BCResBlock, ResNorm
from tfasc.models.registry import register

# (width factor of c, blocks, max-pool size after the stage, ResNorm after the stage).
BCRESNET_MOD_STAGES = (
    (1.0, 2, 2, True),
    (1.5, 2, 2, True),
    (2.0, 2, 1, True),
    (2.5, 3, 1, True),
)
STEM_WIDTH = 2.0

BUDGET = {"c": 40, "stem_pool": 2}
"""``bcresnet_mod_budget``: the DCASE-budget variant's overrides of ``bcresnet_mod``."""
TEACHER = {"c": 160}
"""``bcresnet_mod_teacher``: a 2x wider (1,207,690 parameters) teacher for distillation."""


@register(
    "bcresnet_mod",
    frontend="dcase2024",
    description="BC-ResNet-Mod + ResNorm (QTI, DCASE2021 winner), c=80: 317 k params",
)
def bcresnet_mod(
    input_shape=(256, 65, 1),
    num_classes: int = 10,
    c: int = 80,
    stem_pool: int = 1,
    stages=BCRESNET_MOD_STAGES,
    sub_bands: int = 5,
    dropout: float = 0.1,
    lam: float = 0.1,
    stem_kernel: int = 5,
    dilations=None,
    resnorm: bool = True,
    name: str = "bcresnet_mod",
) -> keras.Model:
    """Builds BC-ResNet-Mod (default ``c = 80``: 317,450 trainable parameters).

    Args:
        input_shape: ``(n_mels, frames, 1)``.
        num_classes: number of scene classes.
        c: width; stages have ``c, 1.5c, 2c, 2.5c`` channels, the stem ``2c``.
        stem_pool: max-pool size after the stem (1: none).
        stages: block-spec table ``(width factor, blocks, pool after, ResNorm after)``.
        sub_bands: SubSpectralNorm sub-bands.
        dropout: spatial dropout rate of every block's temporal branch.
        lam: ResNorm shortcut weight λ.
        stem_kernel: kernel size of the stride-2 stem convolution.
        dilations: temporal dilation of the blocks of each stage (one per stage); None: 1
            everywhere (the limited receptive field of the QTI layout).
        resnorm: False leaves out every ResNorm (the input's and the stages'), the ablation's
            "without ResNorm" row.
        name: model name.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.

    Example:
        >>> model = bcresnet_mod(c=80)  # input (256, 65, 1), 317,450 parameters
    """
    dilations = (1,) * len(stages) if dilations is None else tuple(dilations)
    if len(dilations) != len(stages):
        raise ValueError(f"dilations {dilations}: one per stage needed, {len(stages)} stages")
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)
    x = ResNorm(lam, name="input_resnorm")(inputs) if resnorm else inputs

    # Head: 5x5 stride-2 conv (with bias, linear), optional max-pool.
    x = keras.layers.Conv2D(
        int(c * STEM_WIDTH), stem_kernel, strides=2, padding="same", name="stem_conv"
    )(x)  # (B, F/2, T/2, 2c)
    if stem_pool > 1:
        x = keras.layers.MaxPooling2D(stem_pool, name="stem_pool")(x)

    # Body: BC-ResBlock stages, each followed by ResNorm and max-pooling as specified.
    for stage, ((width, blocks, pool, stage_resnorm), dilation) in enumerate(
        zip(stages, dilations, strict=True), start=1
    ):
        for index in range(blocks):
            x = BCResBlock(
                int(c * width),
                dilation=dilation,
                sub_bands=sub_bands,
                dropout=dropout,
                name=f"stage{stage}_block{index + 1}",
            )(x)
        if resnorm and stage_resnorm:
            x = ResNorm(lam, name=f"stage{stage}_resnorm")(x)
        if pool > 1:
            x = keras.layers.MaxPooling2D(pool, name=f"stage{stage}_pool")(x)

    # Classifier: 1x1 conv to the classes, mean over (F, T).
    x = keras.layers.Conv2D(num_classes, 1, name="head_conv")(x)  # (B, F', T', classes)
    x = keras.layers.AveragePooling2D(tuple(x.shape[1:3]), name="head_pool")(x)
    logits = keras.layers.Flatten(name="logits")(x)  # (B, classes)
    return keras.Model(inputs, logits, name=name)


@register(
    "bcresnet_mod_budget",
    frontend="dcase2024",
    description="BC-ResNet-Mod within the DCASE budget (c=40, pooled stem)",
)
def bcresnet_mod_budget(**overrides) -> keras.Model:
    """:func:`bcresnet_mod` with the ``BUDGET`` settings; same arguments."""
    return bcresnet_mod(**{**BUDGET, "name": "bcresnet_mod_budget", **overrides})


@register(
    "bcresnet_mod_teacher",
    frontend="dcase2024",
    description="BC-ResNet-Mod teacher for distillation (c=160)",
)
def bcresnet_mod_teacher(**overrides) -> keras.Model:
    """:func:`bcresnet_mod` with the ``TEACHER`` settings; same arguments."""
    return bcresnet_mod(**{**TEACHER, "name": "bcresnet_mod_teacher", **overrides})
