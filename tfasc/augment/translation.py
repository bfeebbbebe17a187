"""Spectrogram-to-spectrogram device translation (Kim, Yang, Kim, Chang, QTI, DCASE2021
Task 1A): a small network trained on parallel recordings maps a device-``a`` log-mel
spectrogram to how a chosen training device records the same sound; applied to device-``a``
training clips as augmentation with probability ``p``.

**Pairs** come from the recording identity TAU file names carry: clips of the same
``scene-city-location-segment`` (and slice) recorded by device ``a`` and by another device
hold the same sound (:func:`translation_pairs`), so the translator trains on real TAU as on
synthetic TAU. Whole recordings are held out (:func:`split_pairs`) to measure it.

**Network** (:func:`build_translator`): the target device is an input. Per device and mel
bin it learns an offset (a device's frequency response is an additive per-bin offset in
log-mel) and four context values (noise floor, band limits) broadcast over time; a
three-layer convolutional residual on ``[features | context]`` models what is not an offset
(the noise floor filling quiet bins, soft clipping). Output = input + offset + residual.

**Measure** (:func:`translation_distance`): mean absolute log-mel difference in dB between
translated and true target, against untranslated and true target, on held-out pairs.

Example:
    >>> translator = train_translator(features, frontend, TranslatorConfig())
    >>> translator.report["held_out"]["removed"]  # fraction of the distance removed
    >>> translator.save("translators/dcase2022")   # `tfasc translator train` does this
"""

from __future__ import annotations

import dataclasses
import json
import pathlib

import numpy as np

from tfasc import atomic
from tfasc.augment.dir import REFERENCE_DEVICE, TRAINING_DEVICES
from tfasc.augment.sampling import coin, uniform_int
from tfasc.config import TranslatorConfig
from tfasc.data.tau import parse_filename
from tfasc.feature_cache import FeatureSet
from tfasc.features import FrontendConfig
from tfasc.keras import keras, tf

MODEL_FILE = "translator.keras"
INFO_FILE = "translator.json"


class TranslatorError(ValueError):
    """A translator that cannot be trained or used as asked; the message says why."""


@keras.utils.register_keras_serializable(package="tfasc")
class DeviceBands(keras.layers.Layer):
    """Learned values per (device, mel bin), broadcast over time.

    Args:
        num_devices: target devices.
        channels: values per device and bin.

    Shapes:
        inputs ``[features (B, F, T, 1), device (B,) int]`` -> ``(B, F, T, channels)``.
    """

    def __init__(self, num_devices: int, channels: int, **kwargs):
        super().__init__(**kwargs)
        self.num_devices = num_devices
        self.channels = channels

    def build(self, input_shape):
        bins = input_shape[0][1]
        self.table = self.add_weight(
            name="table", shape=(self.num_devices, bins, self.channels), initializer="zeros"
        )
        super().build(input_shape)

    def call(self, inputs):
        features, device = inputs
        bands = tf.gather(self.table, tf.cast(tf.reshape(device, [-1]), tf.int32))  # (B, F, K)
        return bands[:, :, tf.newaxis, :] + tf.zeros_like(features[..., :1])  # (B, F, T, K)

    def get_config(self):
        return {**super().get_config(), "num_devices": self.num_devices, "channels": self.channels}


def build_translator(input_shape, num_devices: int, channels: int = 32) -> keras.Model:
    """The translator: ``[features (B, F, T, 1), target device (B,)] -> (B, F, T, 1)``."""
    features = keras.Input(input_shape, name="features")
    device = keras.Input((), dtype="int32", name="device")
    offset = DeviceBands(num_devices, 1, name="offset")([features, device])
    context = DeviceBands(num_devices, 4, name="context")([features, device])
    x = keras.layers.Concatenate(name="with_context")([features, context])
    x = keras.layers.Conv2D(channels, 3, padding="same", activation="relu", name="conv1")(x)
    x = keras.layers.Conv2D(channels, 3, padding="same", activation="relu", name="conv2")(x)
    residual = keras.layers.Conv2D(1, 1, kernel_initializer="zeros", name="residual")(x)
    outputs = keras.layers.Add(name="translated")([features, offset, residual])
    return keras.Model([features, device], outputs, name="device_translator")


@dataclasses.dataclass
class TranslationPairs:
    """Parallel examples: a device-``a`` input and the same sound through ``device``."""

    source: np.ndarray
    """``(N, F, T, 1)`` device-``a`` features."""
    target: np.ndarray
    """``(N, F, T, 1)`` features of the same example recorded by the target device."""
    device: np.ndarray
    """``(N,)`` index of the target device in ``devices``."""
    recording: np.ndarray
    """``(N,)`` recording identity (``scene-city-location-segment``)."""
    devices: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.device)

    def subset(self, mask) -> TranslationPairs:
        return TranslationPairs(self.source[mask], self.target[mask], self.device[mask],
                                self.recording[mask], self.devices)  # fmt: skip


def translation_pairs(features: FeatureSet, devices=TRAINING_DEVICES) -> TranslationPairs:
    """Every (device ``a``, device ``d``) pair of examples of the same recording, slice and
    1-s part, for ``d`` in ``devices``.

    Raises:
        TranslatorError: an unseen device (s4–s6) asked for, or no pair at all.
    """
    outside = [d for d in devices if d not in TRAINING_DEVICES]
    if outside:
        raise TranslatorError(
            f"translation targets must be training devices ({', '.join(TRAINING_DEVICES)}), "
            f"got {', '.join(outside)}"
        )
    rows = {}
    for row, (name, part) in enumerate(zip(features.filenames, features.slices, strict=True)):
        parsed = parse_filename(str(name))
        rows[(parsed["recording"], parsed["slice_index"], int(part), parsed["device"])] = row
    source, target, device, recording = [], [], [], []
    for (rec, index, part, dev), row in sorted(rows.items()):
        if dev != REFERENCE_DEVICE:
            continue
        for d, name in enumerate(devices):
            other = rows.get((rec, index, part, name))
            if other is not None:
                source.append(row)
                target.append(other)
                device.append(d)
                recording.append(rec)
    if not source:
        raise TranslatorError(
            f"no parallel recordings of device a and {', '.join(devices)} among the clips "
            "(pairs need the same scene-city-location-segment recorded by both)"
        )
    return TranslationPairs(features.features[source], features.features[target],
                            np.array(device, np.int32), np.array(recording), tuple(devices))  # fmt: skip


def split_pairs(pairs: TranslationPairs, holdout: float, seed: int = 0):
    """``(training, held out)``: a seeded ``holdout`` fraction of the recordings held out."""
    recordings = np.unique(pairs.recording)
    rng = np.random.default_rng(seed)
    count = int(round(holdout * len(recordings)))
    if holdout > 0 and (count < 1 or count >= len(recordings)):
        raise TranslatorError(
            f"{len(recordings)} parallel recordings cannot be split with holdout {holdout}"
        )
    held = set(rng.permutation(recordings)[:count])
    mask = np.array([r in held for r in pairs.recording])
    return pairs.subset(~mask), pairs.subset(mask)


def translation_distance(model: keras.Model, pairs: TranslationPairs, frontend) -> dict:
    """Mean absolute log-mel difference (dB) to the true target, untranslated and translated.

    Returns:
        ``{"untranslated_db", "translated_db", "removed", "pairs", "per_device": {...}}``;
        ``removed`` is the fraction of the untranslated distance the translation removes.
    """
    translated = model.predict([pairs.source, pairs.device], batch_size=64, verbose=0)

    def distances(mask):
        before = frontend.norm_std * np.abs(pairs.source[mask] - pairs.target[mask]).mean()
        after = frontend.norm_std * np.abs(translated[mask] - pairs.target[mask]).mean()
        return {
            "untranslated_db": float(before),
            "translated_db": float(after),
            "removed": float(1 - after / before),
            "pairs": int(mask.sum()),
        }

    result = distances(np.ones(len(pairs), bool))
    result["per_device"] = {
        name: distances(pairs.device == d)
        for d, name in enumerate(pairs.devices)
        if (pairs.device == d).any()
    }
    return result


@dataclasses.dataclass
class Translator:
    """A trained translator, its front end, target devices and measured distances."""

    model: keras.Model
    frontend: FrontendConfig
    devices: tuple[str, ...]
    report: dict = dataclasses.field(default_factory=dict)

    def save(self, directory) -> None:
        """Writes ``translator.keras`` and ``translator.json`` (front end, devices, report)."""
        directory = pathlib.Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.model.save(directory / MODEL_FILE)
        info = {"frontend": self.frontend.to_dict(), "devices": list(self.devices),
                "report": self.report}  # fmt: skip
        atomic.write_json(directory / INFO_FILE, info)

    @classmethod
    def load(cls, directory, frontend: FrontendConfig | None = None) -> Translator:
        """Reads a saved translator; with ``frontend``, refuses one trained on other features.

        Raises:
            TranslatorError: not a translator folder, or another front end.
        """
        directory = pathlib.Path(directory)
        if not (directory / INFO_FILE).is_file() or not (directory / MODEL_FILE).is_file():
            raise TranslatorError(
                f"{directory}: not a device translator ({INFO_FILE} and {MODEL_FILE} expected; "
                "make one with `tfasc translator train`)"
            )
        info = json.loads((directory / INFO_FILE).read_text())
        own = FrontendConfig(**info["frontend"])
        if frontend is not None and own != frontend:
            changed = [k for k, v in own.to_dict().items() if frontend.to_dict()[k] != v]
            raise TranslatorError(
                f"{directory}: translator trained on another front end than the model's "
                f"(differs in {', '.join(changed)})"
            )
        model = keras.models.load_model(directory / MODEL_FILE)
        return cls(model, own, tuple(info["devices"]), info.get("report", {}))


def train_translator(
    features: FeatureSet, frontend: FrontendConfig, settings: TranslatorConfig | None = None,
    *, progress: bool = False,
) -> Translator:  # fmt: skip
    """Trains a translator on the parallel pairs of ``features`` (e.g. the training fold).

    A ``settings.holdout`` fraction of the recordings is held out; the report has the
    distances on them (``held_out``) and on the training pairs (``training``).
    """
    settings = settings or TranslatorConfig()
    pairs = translation_pairs(features, tuple(settings.devices))
    fit_pairs, held_out = split_pairs(pairs, settings.holdout, settings.seed)
    keras.utils.set_random_seed(settings.seed)
    model = build_translator(features.features.shape[1:], len(pairs.devices), settings.channels)
    model.compile(keras.optimizers.Adam(settings.learning_rate), loss="mae")
    model.fit(
        [fit_pairs.source, fit_pairs.device],
        fit_pairs.target,
        batch_size=settings.batch_size,
        epochs=settings.epochs,
        shuffle=True,
        verbose=2 if progress else 0,
    )
    report = {"training": translation_distance(model, fit_pairs, frontend)}
    if len(held_out):
        report["held_out"] = translation_distance(model, held_out, frontend)
    return Translator(model, frontend, pairs.devices, report)


def translate_batch(model: keras.Model, x: tf.Tensor, candidates: tf.Tensor, p: float,
                    num_devices: int) -> tf.Tensor:  # fmt: skip
    """Each candidate example (device ``a``) is translated to a random target device with
    probability ``p``; the others pass unchanged. ``x``: ``(B, F, T, 1)``."""
    batch = tf.shape(x)[0]
    applied = candidates & coin(batch, p)
    device = uniform_int([batch], 0, num_devices - 1)
    translated = model([x, device], training=False)
    return tf.where(applied[:, tf.newaxis, tf.newaxis, tf.newaxis], translated, x)
