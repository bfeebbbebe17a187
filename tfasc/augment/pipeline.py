"""The ``tf.data`` pipelines ``model.fit`` reads: cached features (or waveforms) through every
augmentation ``[augment]`` turns on, with their targets.

Per training batch, in this order:

1. with DIR on, the inputs are int16 waveforms (:mod:`tfasc.augment.waveforms`): device-``a``
   clips are convolved with a random impulse response (:mod:`tfasc.augment.dir`), then the
   features are computed by :func:`tfasc.features.log_mel`;
2. device translation of the device-``a`` clips DIR left alone (:mod:`.translation`), so a clip
   is given at most one simulated device;
3. Freq-MixStyle, time rolling, frequency and time masking;
4. mixup of features and targets (labels and teacher targets alike).

Targets are integer labels, or dense rows (one-hot labels, possibly packed with teacher
targets by :mod:`tfasc.distill`) when mixup or distillation needs them.
"""

from __future__ import annotations

import dataclasses

import numpy as np

import tfasc.augment.dir as dir_augmentation
from tfasc import features as fe
from tfasc import run as runs
from tfasc.augment.masking import freq_mask, time_mask
from tfasc.augment.mixstyle import freq_mixstyle
from tfasc.augment.mixup import mixup
from tfasc.augment.rolling import time_roll
from tfasc.augment.translation import Translator, translate_batch
from tfasc.augment.waveforms import WaveformSet, cached_waveforms
from tfasc.config import AugmentConfig
from tfasc.data.audio import PCM16_SCALE
from tfasc.feature_cache import FeatureSet
from tfasc.keras import tf


def needs_dense_targets(augment: AugmentConfig) -> bool:
    """mixup mixes targets, so they must be dense rows."""
    return augment.mixup_p > 0


@dataclasses.dataclass
class TrainingInputs:
    """What the training pipeline reads besides the targets."""

    features: FeatureSet
    """The cached training features (their rows are the examples)."""
    waveforms: WaveformSet | None = None
    """The same examples' waveforms, with DIR on."""
    impulse_responses: dir_augmentation.ImpulseResponseBank | None = None
    translator: Translator | None = None

    def __len__(self) -> int:
        return len(self.features)


def training_inputs(run: runs.Run, features: FeatureSet, *, progress: bool = True):
    """Reads (or caches) what ``run.config.augment`` needs beyond the features: the
    waveforms and impulse-response bank of DIR, the device translator.

    Raises:
        tfasc.augment.dir.ImpulseResponseError: a bad impulse-response folder, or no
            parallel recordings to estimate a bank from.
        tfasc.augment.translation.TranslatorError: not a translator, or one trained on
            another front end.
    """
    augment, data, frontend = run.config.augment, run.config.data, run.frontend
    inputs = TrainingInputs(features)
    if augment.dir:
        dataset, clips = run.dataset(), run.clips("train")
        if augment.dir_bank is not None:
            bank = dir_augmentation.load_bank(augment.dir_bank, frontend.sample_rate)
        else:
            bank = dir_augmentation.estimate_bank(dataset, clips, frontend.sample_rate,
                                                  taps=augment.dir_taps)  # fmt: skip
        waves = cached_waveforms(dataset, clips, frontend, cache_dir=data.cache_dir,
                                 on_error=data.on_error, long_clips=data.long_clips,
                                 progress=progress)  # fmt: skip
        if not (
            np.array_equal(waves.filenames, features.filenames)
            and np.array_equal(waves.slices, features.slices)
        ):
            raise RuntimeError("cached waveforms and features disagree on their examples")
        inputs.waveforms, inputs.impulse_responses = waves, bank
    if augment.translator is not None:
        inputs.translator = Translator.load(augment.translator, frontend)
    return inputs


def _dense(targets, num_classes: int):
    if targets.shape.rank == 1:
        return tf.one_hot(tf.cast(targets, tf.int32), num_classes)
    return targets


def training_dataset(
    inputs: TrainingInputs,
    targets: np.ndarray,
    batch_size: int,
    augment: AugmentConfig,
    frontend: fe.FrontendConfig,
    *,
    num_classes: int,
    seed: int | None = None,
) -> tf.data.Dataset:
    """Shuffled, augmented batches ``(features, targets)`` for ``model.fit``.

    Args:
        inputs: from :func:`training_inputs` (or just the features).
        targets: ``(N,)`` labels or ``(N, K)`` dense targets, one row per example.
        batch_size: global batch size.
        augment: which augmentations and how often.
        frontend: the model's front end (computes the features of DIR-augmented waveforms).
        num_classes: C, to make labels one-hot when mixup needs dense targets.
        seed: shuffling seed.
    """
    is_reference = inputs.features.devices == dir_augmentation.REFERENCE_DEVICE
    waveforms = inputs.waveforms
    if waveforms is None:
        data = tf.data.Dataset.from_tensor_slices((inputs.features.features, targets, is_reference))
    else:
        data = tf.data.Dataset.from_tensor_slices((np.arange(len(inputs)), targets, is_reference))
    data = data.shuffle(len(inputs), seed=seed, reshuffle_each_iteration=True).batch(batch_size)
    bank = inputs.impulse_responses
    responses = None if bank is None else tf.constant(bank.responses)
    translator = inputs.translator
    dense = needs_dense_targets(augment)

    def load_waves(index):
        pcm = tf.numpy_function(waveforms.gather, [index], tf.int16, stateful=False)
        pcm = tf.ensure_shape(pcm, [None, waveforms.samples])
        return tf.cast(pcm, tf.float32) / PCM16_SCALE

    def augment_batch(x, y, reference):
        untouched = reference
        if waveforms is not None:
            waves, convolved = dir_augmentation.dir_augment(load_waves(x), reference, responses,
                                                            augment.dir_p)  # fmt: skip
            x = fe.log_mel(waves, frontend)
            untouched = reference & ~convolved
        if translator is not None:
            x = translate_batch(translator.model, x, untouched, augment.translation_p,
                                len(translator.devices))  # fmt: skip
        if augment.mixstyle_p > 0:
            x = freq_mixstyle(x, augment.mixstyle_alpha, augment.mixstyle_p)
        x = time_roll(x, augment.roll_frames)
        x = freq_mask(x, augment.freq_mask_bins, augment.freq_masks)
        x = time_mask(x, augment.time_mask_frames, augment.time_masks)
        if dense:
            x, y = mixup(x, _dense(y, num_classes), augment.mixup_alpha, augment.mixup_p)
        return x, y

    data = data.map(augment_batch, num_parallel_calls=tf.data.AUTOTUNE)
    return data.prefetch(tf.data.AUTOTUNE)


def evaluation_dataset(features: FeatureSet, targets: np.ndarray, batch_size: int):
    """Batches ``(features, targets)`` in order, without augmentation (validation)."""
    data = tf.data.Dataset.from_tensor_slices((features.features, targets))
    return data.batch(batch_size).prefetch(tf.data.AUTOTUNE)
