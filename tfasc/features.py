"""Batched log-mel front end in TensorFlow, matching ``librosa.feature.melspectrogram``.

The front end maps a batch of waveforms ``(B, samples)`` to log-mel features
``(B, n_mels, frames, 1)`` (frequency first, as the DCASE models expect). It is a plain
TensorFlow function, so it runs inside ``tf.data`` pipelines and inside a Keras model
(:class:`LogMel`). Its definition is exactly librosa's (``center=True`` with zero padding,
periodic Hann window of ``win_length`` centred in ``n_fft``, power spectrum, Slaney mel
filters from ``librosa.filters.mel``) followed by ``10·log10(max(S, amin))`` and a fixed
affine normalization ``(dB - norm_mean) / norm_std``. A fixed normalization (no per-clip
statistics) keeps the model input range stable for int8 quantization and is easy to
reproduce on a microcontroller (``micro/frontend``).
"""

from __future__ import annotations

import dataclasses
import functools
import json

import numpy as np

from tfasc.keras import keras, tf


@dataclasses.dataclass(frozen=True, kw_only=True)
class FrontendConfig:
    """Log-mel front-end settings; ``PRESETS`` holds the DCASE ones."""

    sample_rate: int
    """Sampling rate in Hz the audio is resampled to."""
    n_fft: int
    """FFT size in samples."""
    win_length: int
    """Hann window length in samples (zero-padded to ``n_fft``, centred)."""
    hop_length: int
    """Hop between frames in samples."""
    n_mels: int
    """Number of mel bins."""
    fmin: float = 0.0
    """Lowest mel-filter edge in Hz."""
    fmax: float | None = None
    """Highest mel-filter edge in Hz; None means ``sample_rate / 2``."""
    clip_seconds: float = 1.0
    """Clip length the models are built for."""
    amin: float = 1e-8
    """Floor on the mel power before the log (librosa's ``power_to_db`` amin). 1e-8 (-80 dB)
    lies below the noise floor of real 16-bit recordings yet about 120 dB under a full-scale
    tone, which keeps float32 FFT round-off (about -140 dB) out of the int8 model input, so
    the microcontroller front end can reproduce it."""
    norm_mean: float = -45.0
    """Subtracted from the dB values."""
    norm_std: float = 20.0
    """Divides the dB values after the mean is subtracted."""

    def __post_init__(self):
        if self.win_length > self.n_fft:
            raise ValueError(f"win_length {self.win_length} exceeds n_fft {self.n_fft}")
        for field in ("sample_rate", "n_fft", "win_length", "hop_length", "n_mels"):
            if getattr(self, field) <= 0:
                raise ValueError(f"FrontendConfig.{field} must be positive")
        if self.norm_std <= 0:
            raise ValueError("FrontendConfig.norm_std must be positive")

    @property
    def num_samples(self) -> int:
        """Samples in one clip at ``sample_rate``."""
        return int(round(self.sample_rate * self.clip_seconds))

    @property
    def num_frames(self) -> int:
        """Frames per clip (``center=True``): ``1 + num_samples // hop_length``."""
        return 1 + self.num_samples // self.hop_length

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """Model input shape ``(n_mels, frames, 1)``."""
        return (self.n_mels, self.num_frames, 1)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def key(self) -> str:
        """A stable string identifying these settings (used by the feature cache)."""
        return json.dumps(self.to_dict(), sort_keys=True)


PRESETS: dict[str, FrontendConfig] = {
    # DCASE2022 Task 1 baseline: 44.1 kHz, 40 ms window, 20 ms hop, 40 mels -> 40x51.
    "dcase2022": FrontendConfig(
        sample_rate=44100, n_fft=2048, win_length=1764, hop_length=882, n_mels=40
    ),
    # DCASE2024 Task 1 baseline: 32 kHz, n_fft 4096, window 3072, hop 500, 256 mels -> 256x65.
    "dcase2024": FrontendConfig(
        sample_rate=32000, n_fft=4096, win_length=3072, hop_length=500, n_mels=256
    ),
}


def preset(name: str, **overrides) -> FrontendConfig:
    """Returns a named preset, optionally with some fields replaced."""
    if name not in PRESETS:
        raise ValueError(f"unknown front-end preset {name!r}; choose one of {sorted(PRESETS)}")
    return dataclasses.replace(PRESETS[name], **overrides)


def as_config(config: FrontendConfig | str) -> FrontendConfig:
    return preset(config) if isinstance(config, str) else config


@functools.lru_cache(maxsize=16)
def mel_filters(config: FrontendConfig) -> np.ndarray:
    """Slaney-normalized mel filterbank ``(n_mels, n_fft // 2 + 1)`` from librosa."""
    import librosa

    return librosa.filters.mel(
        sr=config.sample_rate,
        n_fft=config.n_fft,
        n_mels=config.n_mels,
        fmin=config.fmin,
        fmax=config.fmax,
    ).astype(np.float32)


@functools.lru_cache(maxsize=16)
def fft_window(config: FrontendConfig) -> np.ndarray:
    """Periodic Hann window of ``win_length`` zero-padded and centred to ``n_fft``."""
    n = np.arange(config.win_length)
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * n / config.win_length)
    left = (config.n_fft - config.win_length) // 2
    padded = np.zeros(config.n_fft, np.float64)
    padded[left : left + config.win_length] = window
    return padded


@functools.lru_cache(maxsize=16)
def _graph(config: FrontendConfig):
    """The front end of one configuration as a traced ``tf.function`` (any batch size).

    Cached, so its constants are made eagerly (``tf.init_scope``) even when the first call
    comes from inside a graph (a ``tf.data`` map computing features of augmented audio):
    a constant of that graph, cached, would leak into every later graph that uses it."""
    with tf.init_scope():
        window = tf.constant(fft_window(config), tf.float32)
        filters = tf.constant(mel_filters(config).T)  # (n_fft // 2 + 1, n_mels)
    pad = config.n_fft // 2
    db_per_log = 10.0 / np.log(10.0)

    @tf.function(input_signature=[tf.TensorSpec([None, None], tf.float32)])
    def power_and_log(waveform):
        padded = tf.pad(waveform, [[0, 0], [pad, pad]])  # center=True, zero padding
        frames = tf.signal.frame(padded, config.n_fft, config.hop_length) * window
        spectrum = tf.signal.rfft(frames)  # (B, T, n_fft // 2 + 1) complex64
        power = tf.reduce_sum(tf.square(tf.bitcast(spectrum, tf.float32)), axis=-1)
        batch, num_frames = tf.shape(power)[0], tf.shape(power)[1]
        mel = tf.matmul(tf.reshape(power, [-1, power.shape[-1]]), filters)
        mel = tf.transpose(tf.reshape(mel, [batch, num_frames, config.n_mels]), [0, 2, 1])
        db = db_per_log * tf.math.log(tf.maximum(mel, config.amin))
        return mel, db  # (B, n_mels, T) each

    return power_and_log


def mel_power(waveform, config: FrontendConfig | str) -> tf.Tensor:
    """Mel power spectrogram ``(B, n_mels, frames)`` of waveforms ``(B, samples)``."""
    config = as_config(config)
    return _graph(config)(tf.convert_to_tensor(waveform, tf.float32))[0]


def log_mel(waveform, config: FrontendConfig | str) -> tf.Tensor:
    """Normalized log-mel features ``(B, n_mels, frames, 1)`` of waveforms ``(B, samples)``."""
    config = as_config(config)
    db = _graph(config)(tf.convert_to_tensor(waveform, tf.float32))[1]
    return ((db - config.norm_mean) / config.norm_std)[..., tf.newaxis]


def to_db(features: np.ndarray, config: FrontendConfig | str) -> np.ndarray:
    """Undoes the normalization of :func:`log_mel`: features back to dB."""
    config = as_config(config)
    return np.asarray(features) * config.norm_std + config.norm_mean


def librosa_log_mel(waveform: np.ndarray, config: FrontendConfig | str) -> np.ndarray:
    """Reference implementation with librosa, ``(n_mels, frames)`` in dB for one clip."""
    import librosa

    config = as_config(config)
    power = librosa.feature.melspectrogram(
        y=np.asarray(waveform, np.float32),
        sr=config.sample_rate,
        n_fft=config.n_fft,
        win_length=config.win_length,
        hop_length=config.hop_length,
        window="hann",
        center=True,
        pad_mode="constant",
        power=2.0,
        n_mels=config.n_mels,
        fmin=config.fmin,
        fmax=config.fmax,
    )
    return librosa.power_to_db(power, ref=1.0, amin=config.amin, top_db=None)


@keras.utils.register_keras_serializable(package="tfasc")
class LogMel(keras.layers.Layer):
    """Keras layer computing :func:`log_mel`: ``(B, samples)`` -> ``(B, n_mels, frames, 1)``.

    Args:
        config: a :class:`FrontendConfig` or a preset name (``"dcase2022"``,
            ``"dcase2024"``).

    Example:
        >>> wave = keras.Input((32000,))
        >>> features = LogMel("dcase2024")(wave)  # (None, 256, 65, 1)
    """

    def __init__(self, config: FrontendConfig | str | dict = "dcase2024", **kwargs):
        super().__init__(**kwargs)
        if isinstance(config, dict):
            config = FrontendConfig(**config)
        self.config = as_config(config)

    def call(self, inputs):
        return log_mel(inputs, self.config)  # (B, F, T, 1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], *self.config.input_shape)

    def get_config(self):
        return {**super().get_config(), "config": self.config.to_dict()}
