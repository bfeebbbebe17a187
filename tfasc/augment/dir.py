"""Device impulse response (DIR) augmentation: device-``a`` waveforms convolved with the
impulse response of another device (Morocutti et al., "Device-robust acoustic scene
classification via impulse response augmentation", EUSIPCO 2023; CP-JKU DCASE2023-24).

With probability ``p`` a device-``a`` clip is convolved with one impulse response drawn at
random from a bank: the full convolution, truncated to the clip length, on the waveform
before the front end (:func:`dir_augment`). Clips of other devices are left as they are.

The bank (:class:`ImpulseResponseBank`) is either

- a folder of mono WAV files the user points at (:func:`load_bank`; the published recipe
  uses the 66 MicIRP microphone responses), resampled to the front end's rate and used as
  they are (no normalization, as in the published recipe); or
- estimated from the parallel recordings of the training devices (:func:`estimate_bank`):
  for each of b, c, s1, s2, s3 (never s4–s6, the devices held out for evaluation) the
  magnitude response relative to device ``a``, ``|H(f)| = |Σ X̄_a X_d| / Σ |X_a|²`` over the
  STFT frames of every pair of clips of the same recording (the H1 estimator, unbiased by
  the device's own noise), turned into a minimum-phase impulse response of ``taps`` samples
  (the phase of a recorder pair is not identifiable; a causal response keeps the truncated
  full convolution meaningful).
"""

from __future__ import annotations

import collections
import dataclasses
import pathlib

import numpy as np

from tfasc import UNSEEN_DEVICES
from tfasc.augment.sampling import coin, uniform_int
from tfasc.data.audio import AudioError, read_audio
from tfasc.data.tau import Clip, TAUDataset
from tfasc.keras import tf

TRAINING_DEVICES = ("b", "c", "s1", "s2", "s3")
"""Devices an estimated bank may come from: the training devices other than ``a``."""

REFERENCE_DEVICE = "a"
"""The device whose clips are convolved, and the reference of estimated responses."""


class ImpulseResponseError(ValueError):
    """An impulse-response bank that cannot be used; the message names the file or folder."""


@dataclasses.dataclass(frozen=True)
class ImpulseResponseBank:
    """Impulse responses at one sample rate, zero-padded to one length."""

    responses: np.ndarray
    """``(K, L)`` float32."""
    sample_rate: int
    names: tuple[str, ...]
    """File names, or ``estimated a->DEVICE``."""

    def __len__(self) -> int:
        return len(self.names)


def _padded(responses: list[np.ndarray]) -> np.ndarray:
    length = max(len(r) for r in responses)
    return np.stack([np.pad(r, (0, length - len(r))) for r in responses]).astype(np.float32)


def load_bank(folder, sample_rate: int) -> ImpulseResponseBank:
    """Reads every impulse response of ``folder`` (mono ``.wav`` files only).

    Raises:
        ImpulseResponseError: the folder is missing or empty, or holds a file that is not a
            WAV or is not mono (naming it); nothing is returned half read.
    """
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        raise ImpulseResponseError(f"{folder}: impulse-response folder not found")
    files = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in files:
        if not path.is_file() or path.suffix.lower() != ".wav":
            raise ImpulseResponseError(
                f"{path}: not a WAV file; an impulse-response folder holds only mono .wav files"
            )
    if not files:
        raise ImpulseResponseError(f"{folder}: no .wav impulse responses in the folder")
    responses = []
    for path in files:
        try:
            responses.append(read_audio(path, sample_rate))
        except AudioError as error:
            raise ImpulseResponseError(f"impulse-response bank {folder}: {error}") from None
        if not np.any(responses[-1]):
            raise ImpulseResponseError(f"{path}: the impulse response is all zeros")
    return ImpulseResponseBank(_padded(responses), sample_rate, tuple(p.name for p in files))


def parallel_pairs(clips: list[Clip], device: str) -> list[tuple[Clip, Clip]]:
    """``(device-a clip, device clip)`` of every recording (and slice) both recorded."""
    groups = collections.defaultdict(dict)
    for clip in clips:
        groups[(clip.recording, clip.slice_index)][clip.device] = clip
    return [
        (group[REFERENCE_DEVICE], group[device])
        for _, group in sorted(groups.items())
        if REFERENCE_DEVICE in group and device in group
    ]


def minimum_phase(magnitude: np.ndarray, taps: int) -> np.ndarray:
    """The minimum-phase impulse response (``taps`` samples, faded out over its last
    quarter) of a magnitude response on the ``n_fft // 2 + 1`` bins of an even ``n_fft``."""
    n_fft = 2 * (len(magnitude) - 1)
    floor = magnitude.max() * 1e-4  # -80 dB
    cepstrum = np.fft.irfft(np.log(np.maximum(magnitude, floor)), n_fft)
    folded = np.zeros(n_fft)
    folded[0], folded[n_fft // 2] = cepstrum[0], cepstrum[n_fft // 2]
    folded[1 : n_fft // 2] = 2 * cepstrum[1 : n_fft // 2]
    response = np.fft.irfft(np.exp(np.fft.rfft(folded)), n_fft)[:taps]
    fade = taps // 4
    response[taps - fade :] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(fade) / fade)
    return response


def _spectra(audio: np.ndarray, n_fft: int) -> np.ndarray:
    hop = n_fft // 2
    if len(audio) < n_fft:
        audio = np.pad(audio, (0, n_fft - len(audio)))
    count = 1 + (len(audio) - n_fft) // hop
    frames = np.lib.stride_tricks.sliding_window_view(audio, n_fft)[::hop][:count]
    return np.fft.rfft(frames * np.hanning(n_fft + 1)[:-1], axis=1)


def estimate_bank(
    dataset: TAUDataset,
    clips: list[Clip],
    sample_rate: int,
    *,
    taps: int = 1024,
    devices=TRAINING_DEVICES,
) -> ImpulseResponseBank:
    """One impulse response per training device, estimated from parallel recordings.

    Args:
        dataset: the data set the clips lie in.
        clips: clips to pair, e.g. the run's training clips; only devices ``a`` and
            ``devices`` are read.
        sample_rate: the front end's rate.
        taps: length of each response.
        devices: devices to estimate (a subset of :data:`TRAINING_DEVICES`).

    Raises:
        ValueError: a device outside the training devices (s4–s6 are never used).
        ImpulseResponseError: no device has a parallel recording with device ``a``.
        tfasc.data.audio.AudioError: an unreadable clip.
    """
    outside = [d for d in devices if d not in TRAINING_DEVICES]
    if outside:
        held_out = " (held out for evaluation)" if set(outside) & set(UNSEEN_DEVICES) else ""
        raise ValueError(
            f"cannot estimate impulse responses of {', '.join(outside)}{held_out}; "
            f"allowed: {', '.join(TRAINING_DEVICES)}"
        )
    n_fft = 2 * taps
    responses, names = [], []
    for device in devices:
        pairs = parallel_pairs(clips, device)
        if not pairs:
            continue
        cross = np.zeros(taps + 1, np.complex128)
        power = np.zeros(taps + 1)
        for reference, other in pairs:
            a = read_audio(dataset.path(reference), sample_rate)
            d = read_audio(dataset.path(other), sample_rate)
            length = min(len(a), len(d))
            spectrum_a, spectrum_d = _spectra(a[:length], n_fft), _spectra(d[:length], n_fft)
            cross += (np.conj(spectrum_a) * spectrum_d).sum(axis=0)
            power += (np.abs(spectrum_a) ** 2).sum(axis=0)
        magnitude = np.abs(cross) / np.maximum(power, power.max() * 1e-10)
        responses.append(minimum_phase(magnitude, taps))
        names.append(f"estimated {REFERENCE_DEVICE}->{device} ({len(pairs)} pairs)")
    if not responses:
        raise ImpulseResponseError(
            f"{dataset.root}: no parallel recordings of device a and {', '.join(devices)} "
            "among the training clips to estimate impulse responses from; give a folder of "
            "WAV impulse responses ([augment] dir_bank)"
        )
    return ImpulseResponseBank(_padded(responses), sample_rate, tuple(names))


def convolve(waves: tf.Tensor, responses: tf.Tensor, index: tf.Tensor) -> tf.Tensor:
    """``full_convolution(waves[b], responses[index[b]])[:samples]`` for every clip b.

    Args:
        waves: ``(B, S)`` float32 waveforms.
        responses: ``(K, L)`` impulse responses.
        index: ``(B,)`` response of each clip.
    """
    samples = tf.shape(waves)[1]
    length = samples + tf.shape(responses)[1] - 1
    n_fft = tf.cast(2 ** tf.math.ceil(tf.math.log(tf.cast(length, tf.float32)) / np.log(2.0)),
                    tf.int32)  # fmt: skip
    spectrum = tf.signal.rfft(waves, [n_fft]) * tf.signal.rfft(tf.gather(responses, index), [n_fft])
    return tf.signal.irfft(spectrum, [n_fft])[:, :samples]


def dir_augment(waves: tf.Tensor, is_reference: tf.Tensor, responses: tf.Tensor, p: float = 0.6):
    """DIR on a batch: each device-``a`` clip is convolved with a random response with
    probability ``p``.

    Args:
        waves: ``(B, S)`` float32 waveforms.
        is_reference: ``(B,)`` bool, True for device-``a`` clips.
        responses: ``(K, L)`` the bank.
        p: probability per device-``a`` clip.

    Returns:
        ``(waves', applied)``: the batch and the ``(B,)`` mask of convolved clips.
    """
    batch = tf.shape(waves)[0]
    applied = is_reference & coin(batch, p)
    index = uniform_int([batch], 0, tf.shape(responses)[0] - 1)
    convolved = convolve(waves, responses, index)
    return tf.where(applied[:, tf.newaxis], convolved, waves), applied
