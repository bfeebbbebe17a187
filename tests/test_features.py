import numpy as np
import pytest

from tfasc import features
from tfasc.keras import keras, tf


def _signals(config, rng):
    n = config.num_samples
    t = np.arange(n) / config.sample_rate
    nyquist = config.sample_rate / 2
    return {
        "white noise": 0.1 * rng.standard_normal(n),
        "pink-ish noise": np.cumsum(rng.standard_normal(n)) * 1e-3,
        "tone 1 kHz": 0.5 * np.sin(2 * np.pi * 1000 * t),
        "tone mix": 0.2 * np.sin(2 * np.pi * 97 * t) + 0.01 * np.sin(2 * np.pi * 6100 * t),
        "chirp": 0.3 * np.sin(2 * np.pi * (50 * t + 0.5 * (0.9 * nyquist - 50) * t**2)),
        "quiet noise": 1e-4 * rng.standard_normal(n),
    }


@pytest.mark.parametrize("name", ["dcase2022", "dcase2024"])
def test_matches_librosa_within_0_01_db(name):
    config = features.preset(name)
    signals = _signals(config, np.random.default_rng(0))
    batch = np.stack(list(signals.values())).astype(np.float32)
    ours = features.to_db(features.log_mel(batch, config).numpy()[..., 0], config)
    for i, label in enumerate(signals):
        reference = features.librosa_log_mel(batch[i], config)
        assert ours[i].shape == reference.shape == config.input_shape[:2]
        within = reference >= reference.max() - 80.0
        assert np.abs(ours[i] - reference)[within].max() <= 0.01, label


def test_synthetic_tau_clips_match_librosa(synth_tau):
    from tfasc.data import audio, tau

    dataset = tau.load(synth_tau)
    config = features.preset("dcase2024")
    clips = dataset.fold("evaluate")[:4]
    batch = np.stack(
        [audio.read_audio(dataset.path(c), config.sample_rate, seconds=1.0) for c in clips]
    )
    ours = features.to_db(features.log_mel(batch, config).numpy()[..., 0], config)
    for i in range(len(clips)):
        reference = features.librosa_log_mel(batch[i], config)
        within = reference >= reference.max() - 80.0
        assert np.abs(ours[i] - reference)[within].max() <= 0.01


def test_preset_shapes():
    assert features.preset("dcase2022").input_shape == (40, 51, 1)
    assert features.preset("dcase2024").input_shape == (256, 65, 1)


def test_bad_settings_are_named():
    with pytest.raises(ValueError, match="unknown front-end preset 'nope'"):
        features.preset("nope")
    with pytest.raises(ValueError, match="win_length"):
        features.preset("dcase2024", win_length=8192)
    with pytest.raises(ValueError, match="hop_length"):
        features.preset("dcase2024", hop_length=0)


def test_runs_inside_tf_data_and_keras():
    config = features.preset("dcase2022")
    waves = np.random.default_rng(1).standard_normal((6, config.num_samples)).astype(np.float32)
    data = (
        tf.data.Dataset.from_tensor_slices(waves)
        .batch(3)
        .map(lambda x: features.log_mel(x, config))
    )
    from_data = np.concatenate([batch.numpy() for batch in data])
    inputs = keras.Input((config.num_samples,))
    model = keras.Model(inputs, features.LogMel(config)(inputs))
    from_model = model.predict(waves, verbose=0)
    assert from_model.shape == (6, 40, 51, 1)
    np.testing.assert_allclose(from_model, from_data, atol=1e-5)
    restored = features.LogMel.from_config(model.layers[-1].get_config())
    assert restored.config == config


def test_front_end_first_used_inside_a_tf_data_map_works_in_the_next_map():
    config = features.FrontendConfig(sample_rate=8000, n_fft=256, win_length=256,
                                     hop_length=128, n_mels=16, clip_seconds=0.25)  # fmt: skip
    waves = np.random.default_rng(0).standard_normal((4, 2000)).astype(np.float32)

    def mapped():
        data = tf.data.Dataset.from_tensor_slices(waves).batch(2)
        return np.concatenate([x.numpy() for x in data.map(lambda w: features.log_mel(w, config))])

    np.testing.assert_allclose(mapped(), mapped())  # the second map once failed
    np.testing.assert_allclose(mapped(), features.log_mel(waves, config).numpy(), atol=1e-5)
