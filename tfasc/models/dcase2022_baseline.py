"""DCASE2022 Task 1 baseline CNN (Keras).

Reference: DCASE2022 Task 1 baseline system, "Low-complexity acoustic scene
classification" (Martín-Morató et al., 2022), code ``DCASE2022-task1-baseline``.

Input 40 mels x 51 frames (``dcase2022`` front end). Layers (BN after each conv):

| layer        | filters | kernel | out shape   |
|--------------|---------|--------|-------------|
| conv + BN    | 16      | 7x7    | 40x51x16    |
| conv + BN    | 16      | 7x7    | 40x51x16    |
| max-pool     |         | 5x5    | 8x10x16     |
| conv + BN    | 32      | 7x7    | 8x10x32     |
| max-pool     |         | 4x10   | 2x1x32      |
| dense (ReLU) | 100     |        | 100         |
| dense        | 10      |        | 10          |

45,990 parameters once batch norm is folded; 46,512 bytes of int8 TFLite constants.
"""

from tfasc.keras import keras
from tfasc.models.registry import register


@register("dcase2022_baseline", frontend="dcase2022", description="DCASE2022 Task 1 baseline CNN")
def dcase2022_baseline(
    input_shape=(40, 51, 1),
    num_classes: int = 10,
    filters: tuple[int, int, int] = (16, 16, 32),
    dense_units: int = 100,
    dropout: float = 0.3,
    name: str = "dcase2022_baseline",
) -> keras.Model:
    """Builds the DCASE2022 baseline CNN.

    Args:
        input_shape: ``(n_mels, frames, 1)``.
        num_classes: number of scene classes.
        filters: filters of the three 7x7 convolutions.
        dense_units: width of the hidden dense layer.
        dropout: dropout rate after each pooling and the hidden dense layer.
        name: model name.

    Returns:
        A ``keras.Model`` mapping ``(B, F, T, 1)`` features to ``(B, num_classes)`` logits.
    """
    inputs = keras.Input(input_shape, name="features")  # (B, F, T, 1)

    def conv_bn_relu(x, n, index):
        x = keras.layers.Conv2D(n, 7, padding="same", name=f"conv{index}")(x)
        x = keras.layers.BatchNormalization(name=f"bn{index}")(x)
        return keras.layers.ReLU(name=f"relu{index}")(x)

    # Body.
    x = conv_bn_relu(inputs, filters[0], 1)
    x = conv_bn_relu(x, filters[1], 2)
    x = keras.layers.MaxPooling2D((5, 5), name="pool1")(x)
    x = keras.layers.Dropout(dropout)(x)
    x = conv_bn_relu(x, filters[2], 3)
    x = keras.layers.MaxPooling2D((4, 10), name="pool2")(x)
    x = keras.layers.Dropout(dropout)(x)

    # Classifier.
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(dense_units, activation="relu", name="dense1")(x)
    x = keras.layers.Dropout(dropout)(x)
    logits = keras.layers.Dense(num_classes, name="logits")(x)
    return keras.Model(inputs, logits, name=name)
