"""Reading TAU audio: soundfile for decoding, soxr for resampling.

tensorflow-io is not used: its newest release (0.37.1) fails to load with TensorFlow 2.21
(undefined symbol in ``libtensorflow_io.so``).
"""

from __future__ import annotations

import pathlib

import numpy as np


PCM16_SCALE = 32768.0
"""int16 PCM <-> float in [-1, 1): ``float = pcm / 32768``, as soundfile and libsndfile read it;
the C front end (``kPcmScale``) and every writer in tfasc use the same scale."""


def to_pcm16(x: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1) to int16 PCM (rounded, clipped to the int16 range)."""
    return np.clip(np.round(np.asarray(x, np.float64) * PCM16_SCALE), -32768, 32767).astype(
        np.int16
    )


def from_pcm16(pcm: np.ndarray) -> np.ndarray:
    """int16 PCM to float32 samples in [-1, 1)."""
    return np.asarray(pcm, np.float32) / np.float32(PCM16_SCALE)


class AudioError(ValueError):
    """An audio file that cannot be used; the message names the file."""


def read_audio(
    path,
    sample_rate: int,
    *,
    seconds: float | None = None,
    tolerance: float = 0.01,
) -> np.ndarray:
    """Reads a mono WAV file as float32 in [-1, 1], resampled to ``sample_rate``.

    Args:
        path: the audio file.
        sample_rate: rate of the returned signal (soxr high-quality resampling).
        seconds: expected duration; a file shorter than ``seconds·(1 - tolerance)`` is an
            error, and the result is cut or zero-padded to exactly ``seconds``.
        tolerance: relative slack on the duration.

    Raises:
        AudioError: missing, unreadable or truncated file, more than one channel, NaN or
            infinite samples, or too short.
    """
    import soundfile
    import soxr

    path = pathlib.Path(path)
    if not path.is_file():
        raise AudioError(f"{path}: audio file not found")
    try:
        info = soundfile.info(str(path))
        audio, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError) as error:
        raise AudioError(f"{path}: unreadable audio ({error})") from None
    if audio.shape[0] < info.frames:
        raise AudioError(
            f"{path}: truncated (header says {info.frames} frames, {audio.shape[0]} present)"
        )
    if audio.shape[1] != 1:
        raise AudioError(f"{path}: {audio.shape[1]} channels, expected mono")
    audio = audio[:, 0]
    if not np.all(np.isfinite(audio)):
        raise AudioError(f"{path}: contains NaN or infinite samples")
    if seconds is not None and audio.shape[0] < seconds * rate * (1 - tolerance):
        raise AudioError(
            f"{path}: too short ({audio.shape[0] / rate:.3f} s, expected {seconds:g} s)"
        )
    if rate != sample_rate:
        audio = soxr.resample(audio, rate, sample_rate, quality="HQ").astype(np.float32)
    if seconds is not None:
        length = int(round(seconds * sample_rate))
        audio = np.pad(audio[:length], (0, max(0, length - audio.shape[0])))
    return audio
