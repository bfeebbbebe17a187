import numpy as np
import pytest
import soundfile

from tfasc.data.audio import AudioError, read_audio


def _wav(path, data, rate=44100, subtype="PCM_16"):
    soundfile.write(str(path), data, rate, subtype=subtype)
    return path


def test_reads_and_resamples(tmp_path):
    t = np.arange(44100) / 44100
    path = _wav(tmp_path / "tone.wav", 0.5 * np.sin(2 * np.pi * 440 * t))
    same = read_audio(path, 44100, seconds=1.0)
    assert same.dtype == np.float32 and same.shape == (44100,)
    resampled = read_audio(path, 32000, seconds=1.0)
    assert resampled.shape == (32000,)
    spectrum = np.abs(np.fft.rfft(resampled))
    assert abs(np.argmax(spectrum) * 32000 / 32000 - 440) <= 1


def test_other_input_rate_is_resampled(tmp_path):
    path = _wav(tmp_path / "x.wav", np.zeros(48000), rate=48000)
    assert read_audio(path, 44100, seconds=1.0).shape == (44100,)


@pytest.mark.parametrize(
    "case", ["missing", "garbage", "truncated", "stereo", "nan", "short", "empty"]
)
def test_bad_audio_is_named(tmp_path, case):
    path = tmp_path / f"{case}.wav"
    noise = np.random.default_rng(0).uniform(-0.5, 0.5, 44100)
    if case == "garbage":
        path.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunk" * 10)
    elif case == "truncated":
        _wav(path, noise)
        path.write_bytes(path.read_bytes()[: 44 + 2 * 22050])
    elif case == "stereo":
        _wav(path, np.stack([noise, noise], axis=1))
    elif case == "nan":
        _wav(path, np.where(np.arange(44100) == 7, np.nan, noise), subtype="FLOAT")
    elif case == "short":
        _wav(path, noise[:20000])
    elif case == "empty":
        path.write_bytes(b"")
    with pytest.raises(AudioError) as info:
        read_audio(path, 44100, seconds=1.0)
    assert str(path) in str(info.value)
