import numpy as np

from tests.compression.conftest import random_data
from tfasc import convert, tflm
from tfasc.complexity import trained_like
from tfasc.compression import int8_ready
from tfasc.keras import keras
from tfasc.layers import BCResBlock


def _block_model():
    keras.utils.set_random_seed(0)
    x = keras.Input((20, 12, 1))
    h = keras.layers.Conv2D(8, 3, padding="same", name="stem")(x)
    h = BCResBlock(8, name="block", dropout=0.0)(h)
    return keras.Model(x, keras.layers.GlobalAveragePooling2D()(h))


def _model_with_unbalanced_subspectral_norm():
    """A BC-ResBlock whose SubSpectralNorm scales differ by 10^3 between channels, as a
    trained model's do after its frequency depthwise convolution."""
    model = _block_model()
    norm = model.get_layer("block").freq_norm
    rng = np.random.default_rng(1)
    gamma, beta, mean, variance = (w.numpy() for w in norm.weights)
    channel = np.logspace(-1.5, 1.5, 8)  # per-channel gain of the depthwise output
    norm.set_weights([gamma * channel, beta + rng.normal(0, 0.1, beta.shape),
                      mean, variance * channel**2 * 1e-2])  # fmt: skip
    depthwise = model.get_layer("block").freq_conv
    depthwise.set_weights([depthwise.get_weights()[0] / channel[None, None, :, None]])
    return model


def test_fold_is_the_same_function():
    model = _model_with_unbalanced_subspectral_norm()
    x, _ = random_data((20, 12, 1), n=8)
    folded = int8_ready.fold_subspectral_scales(model)
    np.testing.assert_allclose(folded.predict(x, verbose=0), model.predict(x, verbose=0),
                               rtol=1e-4, atol=1e-5)  # fmt: skip


def test_training_fold_keeps_the_training_function():
    """Batch statistics are scale-invariant: only ε/k² instead of ε differs (negligible when
    the batch variance is far above ε, as here)."""
    model = trained_like(_block_model())
    x, _ = random_data((20, 12, 1), n=8)
    trainable = int8_ready.fold_subspectral_scales(model, for_training=True)
    np.testing.assert_allclose(trainable(x, training=True), model(x, training=True),
                               rtol=1e-3, atol=1e-4)  # fmt: skip


def test_fold_lowers_the_int8_error():
    """Fails with the unfolded block: its depthwise output spans 10^3 in one int8 scale."""
    model = _model_with_unbalanced_subspectral_norm()
    x, _ = random_data((20, 12, 1), n=64)
    reference = model.predict(x, verbose=0)

    def error(m):
        out = tflm.TFLMModel(convert.to_tflite(m, "int8", x)).predict(x)
        return float(np.sqrt(np.mean((out - reference) ** 2) / np.mean(reference**2)))

    before, after = error(model), error(int8_ready.fold_subspectral_scales(model))
    # Measured 2.6 % -> 0.96 % relative RMS error of the outputs (seeded weights).
    assert after < 0.012 and before > 0.022 and after < before / 2, (before, after)
