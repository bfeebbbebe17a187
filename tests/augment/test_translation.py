"""Device translation: parallel pairs from TAU names, the network, the measured distance on
held-out recordings, saving, refusals, and its use as an augmentation."""

import numpy as np
import pytest

from tfasc import config, features
from tfasc.augment import translation
from tfasc.augment.translation import Translator, TranslatorError
from tfasc.data import synth, tau
from tfasc.feature_cache import compute_features
from tfasc.keras import tf


@pytest.fixture(scope="module")
def train_features(synth_tau, feature_cache):
    data = tau.load(synth_tau)
    return compute_features(data, data.fold("train"), "dcase2022",
                            cache_dir=feature_cache, progress=False)  # fmt: skip


@pytest.fixture(scope="module")
def translator(train_features):
    return translation.train_translator(
        train_features, features.preset("dcase2022"), config.TranslatorConfig(epochs=40)
    )


def test_pairs_come_from_the_recording_identity(synth_tau, train_features):
    pairs = translation.translation_pairs(train_features)
    train_names = set(train_features.filenames)
    expected = {
        (rec, device)
        for rec, group in synth.parallel_groups(synth_tau).items()
        if "a" in group and group["a"] in train_names
        for device, name in group.items()
        if device != "a" and name in train_names
    }
    assert len(pairs) == len(expected) == 51
    assert pairs.devices == ("b", "c", "s1", "s2", "s3")
    assert set(pairs.recording) == {rec.rsplit("-", 1)[0] for rec, _ in expected}
    with pytest.raises(TranslatorError, match="must be training devices.*got s5"):
        translation.translation_pairs(train_features, ("b", "s5"))
    held = translation.split_pairs(pairs, 0.2, seed=0)[1]
    fit = translation.split_pairs(pairs, 0.2, seed=0)[0]
    assert not set(held.recording) & set(fit.recording) and len(held) + len(fit) == len(pairs)


def test_translation_removes_at_least_half_the_distance_on_held_out_recordings(translator):
    held_out = translator.report["held_out"]
    assert held_out["pairs"] >= 10
    assert held_out["translated_db"] <= 0.5 * held_out["untranslated_db"]
    assert held_out["removed"] >= 0.5
    assert set(held_out["per_device"]) <= {"b", "c", "s1", "s2", "s3"}


def test_save_load_and_refusals(translator, tmp_path):
    translator.save(tmp_path / "t")
    frontend = features.preset("dcase2022")
    again = Translator.load(tmp_path / "t", frontend)
    assert again.devices == translator.devices and again.report == translator.report
    x = np.random.default_rng(0).standard_normal((2, 40, 51, 1)).astype(np.float32)
    device = np.array([0, 3], np.int32)
    np.testing.assert_allclose(again.model.predict([x, device], verbose=0),
                               translator.model.predict([x, device], verbose=0), atol=1e-6)  # fmt: skip
    with pytest.raises(TranslatorError, match="another front end.*sample_rate"):
        Translator.load(tmp_path / "t", features.preset("dcase2024"))
    with pytest.raises(TranslatorError, match="not a device translator"):
        Translator.load(tmp_path)


def test_translate_batch_changes_only_candidates(translator):
    x = np.random.default_rng(1).standard_normal((32, 40, 51, 1)).astype(np.float32)
    candidates = np.arange(32) < 16
    tf.random.set_seed(0)
    out = translation.translate_batch(translator.model, tf.constant(x), candidates, 1.0, 5).numpy()
    np.testing.assert_array_equal(out[16:], x[16:])
    for b in range(16):  # each candidate is the translation to one of the five devices
        options = translator.model.predict([np.repeat(x[b : b + 1], 5, 0), np.arange(5)],
                                           verbose=0)  # fmt: skip
        assert min(np.abs(out[b] - option).max() for option in options) < 1e-4
    same = translation.translate_batch(translator.model, tf.constant(x), candidates, 0.0, 5)
    np.testing.assert_array_equal(same.numpy(), x)
