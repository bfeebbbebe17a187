"""Reading TAU audio: soundfile for decoding, soxr for resampling, one length policy.

tensorflow-io is not used: its newest release (0.37.1) fails to load with TensorFlow 2.21
(undefined symbol in ``libtensorflow_io.so``).

**Length policy** (:func:`read_slices`). A model takes clips of ``seconds`` (the front end's
``clip_seconds``); a file is never cut or padded silently:

- a file shorter than the clip by at most ``tolerance`` (1 %) is zero-padded at the end and
  reported (``Slices.padded``; the feature cache lists such files in ``FeatureSet.padded``
  and warns once); shorter than that is an error;
- a file longer than the clip by at most ``tolerance`` is trimmed to the clip;
- a longer file (a 10-s TAU 2020 recording read for a 1-s front end) is an error with
  ``long_clips="error"`` (the default), naming its length and the two ways out. With
  ``long_clips="slice"`` it is cut into consecutive clip-length slices, each one example
  with the recording's label and device (as the QTI system trained on 10-s TAU 2020); a
  final partial slice is kept, zero-padded, when it is short by at most ``tolerance``, and
  dropped otherwise.

A WAV file whose data chunk is shorter than its header says (a truncated copy) is an error:
libsndfile would silently read it as a shorter file.
"""

from __future__ import annotations

import dataclasses
import pathlib
import warnings

import numpy as np

PCM16_SCALE = 32768.0
"""int16 PCM <-> float in [-1, 1): ``float = pcm / 32768``, as soundfile and libsndfile read it;
the C front end (``kPcmScale``) and every writer in tfasc use the same scale."""

TOLERANCE = 0.01
"""Relative slack on a file's length: at most 1 % short is zero-padded, 1 % long trimmed."""

LONG_CLIPS = ("error", "slice")
"""What to do with a file longer than the clip: refuse it, or cut it into clip-length slices."""


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


class PaddedAudioWarning(UserWarning):
    """A file a little shorter than the clip length was zero-padded (within the tolerance)."""


@dataclasses.dataclass(frozen=True)
class Slices:
    """The clip-length examples read from one file."""

    audio: np.ndarray
    """``(slices, samples)`` float32 at the requested rate; one row unless sliced."""
    padded: int
    """Frames (at the file's rate) of zero padding added to the last slice; 0 if none."""


def _check_riff(path: pathlib.Path) -> None:
    """Raises if a RIFF/WAVE file's data chunk is shorter than its header declares.

    Reads only the chunk headers. Files that are not RIFF/WAVE, and data sizes of 0 or
    0xFFFFFFFF (written by streaming encoders that never fill them in), are left to
    libsndfile.
    """
    size = path.stat().st_size
    block_align = None
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:] != b"WAVE":
            return
        offset = 12
        while offset + 8 <= size:
            handle.seek(offset)
            chunk = handle.read(8)
            name, length = chunk[:4], int.from_bytes(chunk[4:], "little")
            if name == b"fmt " and length >= 16:
                block_align = int.from_bytes(handle.read(16)[12:14], "little") or None
            if name == b"data":
                present = size - offset - 8
                if length in (0, 0xFFFFFFFF) or length <= present:
                    return
                if block_align:
                    raise AudioError(
                        f"{path}: truncated (header says {length // block_align} frames, "
                        f"{present // block_align} present)"
                    )
                raise AudioError(f"{path}: truncated (header says {length} data bytes, {present})")
            offset += 8 + length + (length & 1)


def read_wav(path) -> tuple[np.ndarray, int]:
    """Decodes a mono audio file at its own rate: ``(samples float32 in [-1, 1], rate)``.

    Raises:
        AudioError: missing, unreadable or truncated file, more than one channel, NaN or
            infinite samples.
    """
    import soundfile

    path = pathlib.Path(path)
    if not path.is_file():
        raise AudioError(f"{path}: audio file not found")
    _check_riff(path)
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
    return audio, rate


def _resample(audio: np.ndarray, rate: int, sample_rate: int) -> np.ndarray:
    import soxr

    if rate == sample_rate:
        return audio
    return soxr.resample(audio, rate, sample_rate, quality="HQ").astype(np.float32)


def read_slices(
    path,
    sample_rate: int,
    *,
    seconds: float,
    tolerance: float = TOLERANCE,
    long_clips: str = "error",
) -> Slices:
    """Reads a file as clips of ``seconds`` at ``sample_rate`` by the module's length policy.

    Args:
        path: the audio file (mono).
        sample_rate: rate of the returned clips (soxr high-quality resampling of the whole
            file, then cut).
        seconds: clip length.
        tolerance: relative slack on the length (see the module docstring).
        long_clips: ``"error"`` or ``"slice"`` for a file longer than the clip.

    Raises:
        AudioError: a bad file (see :func:`read_wav`), one too short, or one too long with
            ``long_clips="error"``.
        ValueError: an unknown ``long_clips``.
    """
    if long_clips not in LONG_CLIPS:
        raise ValueError(f"unknown long_clips {long_clips!r}; allowed: {', '.join(LONG_CLIPS)}")
    audio, rate = read_wav(path)
    clip = int(round(seconds * rate))
    frames = audio.shape[0]
    if frames < clip * (1 - tolerance):
        raise AudioError(
            f"{path}: too short ({frames / rate:.3f} s, expected {seconds:g} s; "
            f"files at most {tolerance:.0%} short are zero-padded)"
        )
    if frames <= clip * (1 + tolerance):
        count = 1
    elif long_clips == "error":
        raise AudioError(
            f"{path}: {frames / rate:.3f} s long, the front end takes {seconds:g}-s clips; "
            f'pass long_clips="slice" to cut it into {seconds:g}-s examples with its label, '
            f"or use a front end with clip_seconds={frames / rate:g}"
        )
    else:
        count, rest = divmod(frames, clip)
        if rest >= clip * (1 - tolerance):  # a last slice short by at most the tolerance
            count += 1
    padded = max(0, count * clip - frames)
    samples = int(round(seconds * sample_rate))
    audio = _resample(audio, rate, sample_rate)[: count * samples]
    audio = np.pad(audio, (0, count * samples - audio.shape[0]))
    return Slices(audio=audio.reshape(count, samples), padded=padded)


def read_audio(
    path,
    sample_rate: int,
    *,
    seconds: float | None = None,
    tolerance: float = TOLERANCE,
) -> np.ndarray:
    """Reads a mono audio file as float32 in [-1, 1], resampled to ``sample_rate``.

    Args:
        path: the audio file.
        sample_rate: rate of the returned signal (soxr high-quality resampling).
        seconds: expected duration; the result is exactly one clip of ``seconds`` by the
            module's length policy (a file up to ``tolerance`` short is zero-padded with a
            :class:`PaddedAudioWarning`; a longer file is an error, never cut). None
            returns the whole file.
        tolerance: relative slack on the duration.

    Raises:
        AudioError: missing, unreadable or truncated file, more than one channel, NaN or
            infinite samples, too short or too long.
    """
    if seconds is None:
        return _resample(*read_wav(path), sample_rate)
    result = read_slices(path, sample_rate, seconds=seconds, tolerance=tolerance)
    if result.padded:
        warnings.warn(
            f"{path}: {result.padded} frames short of {seconds:g} s, zero-padded",
            PaddedAudioWarning,
            stacklevel=2,
        )
    return result.audio[0]
