"""The training pipeline: DIR on device-a waveforms before the front end, translation of
the device-a clips DIR left alone, mixup of packed targets, and all of it through train()."""

import numpy as np
import pytest

from tfasc import config, features, train
from tfasc.augment import (
    ImpulseResponseBank,
    ImpulseResponseError,
    TrainingInputs,
    cached_waveforms,
    evaluation_dataset,
    train_translator,
    training_dataset,
)
from tfasc.data import tau
from tfasc.distill import pack_targets
from tfasc.feature_cache import compute_features
from tfasc.keras import tf

FRONTEND = features.preset("dcase2022")
FLOOR = (10 * np.log10(FRONTEND.amin) - FRONTEND.norm_mean) / FRONTEND.norm_std  # silence


@pytest.fixture(scope="module")
def inputs(synth_tau, feature_cache):
    data = tau.load(synth_tau)
    clips = data.fold("train")
    feature_set = compute_features(data, clips, FRONTEND, cache_dir=feature_cache, progress=False)
    waves = cached_waveforms(data, clips, FRONTEND, cache_dir=feature_cache, progress=False)
    silence = ImpulseResponseBank(np.zeros((1, 16), np.float32), 44100, ("zero",))
    return TrainingInputs(feature_set, waves, silence)


@pytest.fixture(scope="module")
def translator(inputs):
    return train_translator(inputs.features, FRONTEND, config.TranslatorConfig(epochs=3))


def _rows(dataset):
    """``{example index: features}`` of one pass (targets are the example indices)."""
    rows = {}
    for x, index in dataset:
        rows.update(zip(index.numpy().tolist(), x.numpy(), strict=True))
    return rows


def test_dir_only_on_device_a_then_the_front_end(inputs):
    settings = config.AugmentConfig(dir=True, dir_p=1.0, mixstyle_p=0.0)
    tf.random.set_seed(0)
    rows = _rows(training_dataset(inputs, np.arange(len(inputs)), 16, settings, FRONTEND,
                                  num_classes=10, seed=0))  # fmt: skip
    assert sorted(rows) == list(range(len(inputs)))  # every example once per epoch
    devices = inputs.features.devices
    for index, x in rows.items():
        if devices[index] == "a":  # convolved with the silent response: silence
            np.testing.assert_allclose(x, FLOOR, atol=1e-5)
        else:  # on-the-fly features of the untouched waveform = the cached features
            assert np.abs(x - inputs.features.features[index]).max() < 0.01


def test_translation_takes_the_device_a_clips_dir_left_alone(inputs, translator):
    with_translator = TrainingInputs(inputs.features, inputs.waveforms, inputs.impulse_responses,
                                     translator)  # fmt: skip
    settings = config.AugmentConfig(dir=True, dir_p=0.5, translation_p=1.0, mixstyle_p=0.0)
    tf.random.set_seed(1)
    rows = _rows(training_dataset(with_translator, np.arange(len(inputs)), 16, settings,
                                  FRONTEND, num_classes=10, seed=1))  # fmt: skip
    convolved = translated = 0
    for index, x in rows.items():
        source = features.log_mel(inputs.waveforms.gather([index]) / 32768, FRONTEND).numpy()
        if inputs.features.devices[index] != "a":
            np.testing.assert_allclose(x, source[0], atol=1e-4)
        elif np.allclose(x, FLOOR, atol=1e-5):
            convolved += 1  # DIR, and then not translated
        else:
            options = translator.model.predict([np.repeat(source, 5, 0), np.arange(5)], verbose=0)
            assert min(np.abs(x - option).max() for option in options) < 1e-3
            translated += 1
    assert convolved > 20 and translated > 20  # 123 device-a clips, p = 0.5


def test_mixup_mixes_labels_and_teacher_targets_alike(inputs):
    n = len(inputs)
    teacher = np.random.default_rng(0).dirichlet(np.ones(10), n).astype(np.float32)
    targets = pack_targets(inputs.features.labels, teacher)
    settings = config.AugmentConfig(mixup_p=1.0, mixstyle_p=0.0, freq_mask_bins=4,
                                    time_mask_frames=4, roll_frames=2)  # fmt: skip
    only_features = TrainingInputs(inputs.features)
    batches = list(training_dataset(only_features, targets, 32, settings, FRONTEND,
                                    num_classes=10, seed=0))  # fmt: skip
    mixed = np.concatenate([y.numpy() for _, y in batches])
    assert mixed.shape == targets.shape
    np.testing.assert_allclose(mixed[:, :10].sum(1), 1, atol=1e-5)
    np.testing.assert_allclose(mixed[:, 10:].sum(1), 1, atol=1e-5)
    assert (mixed[:, :10].max(1) < 1 - 1e-3).mean() > 0.5  # most label rows are mixtures
    x, y = next(iter(evaluation_dataset(inputs.features, targets, 8)))
    np.testing.assert_array_equal(x.numpy(), inputs.features.features[:8])
    np.testing.assert_array_equal(y.numpy(), targets[:8])


def test_every_augmentation_through_train(synth_tau, feature_cache, tmp_path, translator):
    translator.save(tmp_path / "translator")
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        augment=config.AugmentConfig(
            dir=True, translator=str(tmp_path / "translator"), mixup_p=0.5, freq_mask_bins=4,
            time_mask_frames=5, roll_frames=3,
        ),
        out_dir=str(tmp_path / "run"),
    )  # fmt: skip
    result = train.train(settings, progress=False)
    assert result.epochs_trained == 1 and np.isfinite(result.history["loss"]).all()
    bad = tmp_path / "irs"
    bad.mkdir()
    (bad / "readme.md").write_text("x")
    out = tmp_path / "refused"
    with pytest.raises(ImpulseResponseError, match=r"readme\.md: not a WAV file"):
        train.train(settings.replace(**{"augment.dir_bank": str(bad), "out_dir": str(out)}),
                    progress=False)  # fmt: skip
    assert not out.exists()
