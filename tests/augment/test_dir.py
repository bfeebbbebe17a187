"""DIR: impulse-response banks (a WAV folder, or estimated from the training devices'
parallel recordings, never from s4-s6) and the convolution of device-a clips."""

import shutil

import numpy as np
import pytest
import soundfile

from tfasc.augment import ImpulseResponseError, dir_augment, estimate_bank, load_bank
from tfasc.augment import dir as dir_augmentation
from tfasc.data import tau
from tfasc.data.synth import device_model
from tfasc.keras import tf


def _write(path, data, rate=16000):
    soundfile.write(str(path), data, rate, subtype="FLOAT")


def test_folder_bank_is_resampled_and_padded(tmp_path):
    _write(tmp_path / "b.wav", np.r_[1.0, 0.5, np.zeros(98)])
    _write(tmp_path / "a.wav", np.r_[0.0, 1.0, np.zeros(48)])
    bank = load_bank(tmp_path, 32000)
    assert bank.names == ("a.wav", "b.wav") and bank.sample_rate == 32000
    assert bank.responses.shape == (2, 200) and bank.responses.dtype == np.float32
    assert not bank.responses[0, 100:].any()  # a.wav (50 samples at 16 kHz) zero-padded


@pytest.mark.parametrize(
    "files, message",
    [
        ({"ir.wav": 1, "notes.txt": None}, r"notes\.txt: not a WAV file"),
        ({"mono.wav": 1, "stereo.wav": 2}, r"stereo\.wav: 2 channels, expected mono"),
        ({"zero.wav": 0}, r"zero\.wav: the impulse response is all zeros"),
        ({}, r"no \.wav impulse responses"),
    ],
)
def test_bad_folders_give_one_clear_error(tmp_path, files, message):
    for name, channels in files.items():
        if channels is None:
            (tmp_path / name).write_text("not audio")
        elif channels == 0:
            _write(tmp_path / name, np.zeros(10))
        else:
            _write(tmp_path / name, np.ones((10, channels)) * 0.1)
    with pytest.raises(ImpulseResponseError, match=message):
        load_bank(tmp_path, 16000)
    with pytest.raises(ImpulseResponseError, match="folder not found"):
        load_bank(tmp_path / "missing", 16000)


def test_estimated_bank_recovers_the_training_devices(synth_tau):
    data = tau.load(synth_tau)
    bank = estimate_bank(data, data.fold("train"), 44100, taps=1024)
    assert [name.split()[1] for name in bank.names] == ["a->b", "a->c", "a->s1", "a->s2", "a->s3"]
    assert bank.responses.shape == (5, 1024)
    # Each response is the device's magnitude response relative to device a (gains
    # included) to within 1 dB on average over 200 Hz-5 kHz.
    freqs = np.fft.rfftfreq(8192, 1 / 44100)
    band = (freqs > 200) & (freqs < 5000)
    reference = device_model("a")
    for name, response in zip(bank.names, bank.responses, strict=True):
        device = name.split("->")[1].split()[0]
        model = device_model(device)
        true_db = 20 * np.log10(model.response(freqs) / reference.response(freqs))
        true_db += model.gain_db - reference.gain_db
        estimated_db = 20 * np.log10(np.abs(np.fft.rfft(response, 8192)))
        assert np.abs(estimated_db - true_db)[band].mean() < 1.0, device


def test_never_estimated_from_unseen_devices(synth_tau, tmp_path):
    with pytest.raises(ValueError, match=r"s4 \(held out for evaluation\)"):
        estimate_bank(tau.load(synth_tau), [], 44100, devices=("b", "s4"))
    # Every clip of the set, s4-s6 included: their files are never read, so garbage in
    # them changes nothing.
    copy = tmp_path / "data"
    shutil.copytree(synth_tau, copy)
    data = tau.load(copy)
    clips = list(data.clips.values())
    unseen = [c for c in clips if c.device in ("s4", "s5", "s6")]
    assert unseen and any(dir_augmentation.parallel_pairs(clips, "s4"))  # they have partners
    intact = estimate_bank(data, clips, 16000, taps=256)
    for clip in unseen:
        data.path(clip).write_bytes(b"garbage")
    again = estimate_bank(data, clips, 16000, taps=256)
    assert again.names == intact.names
    np.testing.assert_array_equal(again.responses, intact.responses)


def test_dir_convolves_only_device_a_clips_with_one_response_each():
    rng = np.random.default_rng(0)
    waves = rng.standard_normal((64, 300)).astype(np.float32)
    responses = rng.standard_normal((3, 20)).astype(np.float32)
    is_a = np.arange(64) % 2 == 0
    tf.random.set_seed(0)
    out, applied = (v.numpy() for v in dir_augment(waves, is_a, responses, p=0.6))
    assert not applied[~is_a].any()
    choices = []
    for b in range(64):
        if not applied[b]:
            np.testing.assert_array_equal(out[b], waves[b])
            continue
        full = [np.convolve(waves[b], h)[:300] for h in responses]  # full, truncated
        errors = [np.abs(out[b] - f).max() for f in full]
        assert min(errors) < 1e-4
        choices.append(int(np.argmin(errors)))
    assert set(choices) == {0, 1, 2}  # a random response per clip
    assert 0.3 < applied[is_a].mean() < 0.9  # p = 0.6 of the 32 device-a clips
    same, none = dir_augment(waves, is_a, responses, p=0.0)
    np.testing.assert_array_equal(same.numpy(), waves)
    assert not none.numpy().any()
