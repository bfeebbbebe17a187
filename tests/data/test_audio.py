import warnings

import numpy as np
import pytest
import soundfile
import soxr

from tfasc.data.audio import (
    AudioError,
    PaddedAudioWarning,
    from_pcm16,
    read_audio,
    read_slices,
    to_pcm16,
)

RATE = 44100


def _wav(path, data, rate=RATE, subtype="PCM_16"):
    soundfile.write(str(path), data, rate, subtype=subtype)
    return path


def _noise(frames, seed=0):
    return np.random.default_rng(seed).uniform(-0.5, 0.5, frames)


def test_reads_and_resamples(tmp_path):
    t = np.arange(RATE) / RATE
    path = _wav(tmp_path / "tone.wav", 0.5 * np.sin(2 * np.pi * 440 * t))
    same = read_audio(path, RATE, seconds=1.0)
    assert same.dtype == np.float32 and same.shape == (RATE,)
    np.testing.assert_array_equal(same, soundfile.read(path, dtype="float32")[0])
    resampled = read_audio(path, 32000, seconds=1.0)
    assert resampled.shape == (32000,)
    assert np.argmax(np.abs(np.fft.rfft(resampled))) == 440  # 1-Hz bins over 1 s
    # Away from the edges the resampled signal is the same tone sampled at 32 kHz.
    t32 = np.arange(32000) / 32000
    np.testing.assert_allclose(
        resampled[500:-500], 0.5 * np.sin(2 * np.pi * 440 * t32)[500:-500], atol=1e-3
    )


def test_other_input_rate_is_resampled(tmp_path):
    path = _wav(tmp_path / "x.wav", np.zeros(48000), rate=48000)
    assert read_audio(path, RATE, seconds=1.0).shape == (RATE,)


def test_pcm16_scale_round_trips():
    pcm = np.array([-32768, -1, 0, 1, 32767], np.int16)
    np.testing.assert_array_equal(from_pcm16(pcm), pcm / 32768)
    np.testing.assert_array_equal(to_pcm16(from_pcm16(pcm)), pcm)
    np.testing.assert_array_equal(to_pcm16([1.0, -1.5, 0.5 / 32768]), [32767, -32768, 0])


@pytest.mark.parametrize(
    "case",
    ["missing", "garbage", "truncated", "truncated_a_little", "stereo", "nan", "short", "empty"],
)
def test_bad_audio_is_named(tmp_path, case):
    path = tmp_path / f"{case}.wav"
    noise = _noise(RATE)
    if case == "garbage":
        path.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunk" * 10)
    elif case == "truncated":
        _wav(path, noise)
        path.write_bytes(path.read_bytes()[: 44 + 2 * 22050])
    elif case == "truncated_a_little":  # libsndfile alone reads it as 44,090 frames
        _wav(path, noise)
        path.write_bytes(path.read_bytes()[:-20])
    elif case == "stereo":
        _wav(path, np.stack([noise, noise], axis=1))
    elif case == "nan":
        _wav(path, np.where(np.arange(RATE) == 7, np.nan, noise), subtype="FLOAT")
    elif case == "short":
        _wav(path, noise[:20000])
    elif case == "empty":
        path.write_bytes(b"")
    with pytest.raises(AudioError) as info:
        read_audio(path, RATE, seconds=1.0)
    assert str(info.value).startswith(f"{path}: ")
    if case.startswith("truncated"):
        frames = 22050 if case == "truncated" else 44090
        assert str(info.value) == f"{path}: truncated (header says 44100 frames, {frames} present)"


def test_a_file_a_little_short_is_padded_with_a_warning(tmp_path):
    noise = to_pcm16(_noise(RATE))  # written as is: int16 data is not rescaled
    path = _wav(tmp_path / "short.wav", noise[: RATE - 10])
    with pytest.warns(PaddedAudioWarning, match="10 frames short of 1 s, zero-padded"):
        audio = read_audio(path, RATE, seconds=1.0)
    assert audio.shape == (RATE,) and not audio[-10:].any()
    np.testing.assert_array_equal(audio[:-10], from_pcm16(noise[: RATE - 10]))
    assert read_slices(path, RATE, seconds=1.0).padded == 10
    # The rule: at most 1 % short is padded, more is an error.
    _wav(path, noise[:43659])  # 441 frames (1.0 %) short
    with pytest.warns(PaddedAudioWarning):
        read_audio(path, RATE, seconds=1.0)
    _wav(path, noise[:43658])
    with pytest.raises(AudioError, match=r"too short \(0.990 s, expected 1 s"):
        read_audio(path, RATE, seconds=1.0)
    # A file of exactly the clip length warns nothing.
    _wav(path, noise)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_slices(path, RATE, seconds=1.0).padded == 0
        read_audio(path, RATE, seconds=1.0)


def test_a_long_file_is_refused_never_cut(tmp_path):
    path = _wav(tmp_path / "ten.wav", _noise(10 * RATE))
    with pytest.raises(AudioError) as info:
        read_audio(path, RATE, seconds=1.0)
    assert str(info.value) == (
        f'{path}: 10.000 s long, the front end takes 1-s clips; pass long_clips="slice" to '
        "cut it into 1-s examples with its label, or use a front end with clip_seconds=10"
    )
    assert read_audio(path, RATE).shape == (10 * RATE,)  # no clip length: the whole file
    assert read_audio(path, RATE, seconds=10.0).shape == (10 * RATE,)
    # Up to 1 % longer than the clip is trimmed.
    _wav(path, _noise(RATE + 441))
    assert read_audio(path, RATE, seconds=1.0).shape == (RATE,)


def test_a_long_file_is_cut_into_clip_slices(tmp_path):
    pcm = to_pcm16(_noise(10 * RATE))
    noise = from_pcm16(pcm)
    path = _wav(tmp_path / "ten.wav", pcm)
    result = read_slices(path, RATE, seconds=1.0, long_clips="slice")
    assert result.padded == 0
    np.testing.assert_array_equal(result.audio, noise.reshape(10, RATE))
    # Resampled as a whole, then cut.
    result = read_slices(path, 32000, seconds=1.0, long_clips="slice")
    whole = soxr.resample(noise, RATE, 32000, quality="HQ").astype(np.float32)
    np.testing.assert_array_equal(result.audio, whole.reshape(10, 32000))
    # A final partial slice is dropped, or kept (zero-padded) if short by at most 1 %.
    _wav(path, pcm[: 2 * RATE + RATE // 2])
    assert read_slices(path, RATE, seconds=1.0, long_clips="slice").audio.shape == (2, RATE)
    _wav(path, pcm[: 3 * RATE - 200])
    result = read_slices(path, RATE, seconds=1.0, long_clips="slice")
    assert result.audio.shape == (3, RATE) and result.padded == 200
    assert not result.audio[2, -200:].any()
    with pytest.raises(ValueError, match="unknown long_clips 'cut'; allowed: error, slice"):
        read_slices(path, RATE, seconds=1.0, long_clips="cut")
