"""Device-robust augmentation, one concept per module.

- :mod:`.mixstyle`: Freq-MixStyle (per-frequency statistics mixed between examples);
- :mod:`.mixup`: mixup of inputs and (packed) targets;
- :mod:`.masking`: frequency and time masking;
- :mod:`.rolling`: time rolling;
- :mod:`.dir`: device impulse response convolution of device-``a`` waveforms, and the
  impulse-response bank (a WAV folder, or estimated from parallel recordings);
- :mod:`.waveforms`: the int16 waveform cache DIR trains from;
- :mod:`.translation`: spectrogram-to-spectrogram device translation (QTI 2021);
- :mod:`.pipeline`: the ``tf.data`` pipelines that apply them in training;
- :mod:`.sampling`: the random draws they share.
"""

from tfasc.augment.dir import (
    ImpulseResponseBank,
    ImpulseResponseError,
    dir_augment,
    estimate_bank,
    load_bank,
)
from tfasc.augment.masking import freq_mask, time_mask
from tfasc.augment.mixstyle import freq_mixstyle
from tfasc.augment.mixup import mixup
from tfasc.augment.pipeline import (
    TrainingInputs,
    evaluation_dataset,
    needs_dense_targets,
    training_dataset,
    training_inputs,
)
from tfasc.augment.rolling import time_roll
from tfasc.augment.translation import Translator, TranslatorError, train_translator
from tfasc.augment.waveforms import WaveformSet, cached_waveforms

__all__ = [
    "ImpulseResponseBank",
    "ImpulseResponseError",
    "TrainingInputs",
    "Translator",
    "TranslatorError",
    "WaveformSet",
    "cached_waveforms",
    "dir_augment",
    "estimate_bank",
    "evaluation_dataset",
    "freq_mask",
    "freq_mixstyle",
    "load_bank",
    "mixup",
    "needs_dense_targets",
    "time_mask",
    "time_roll",
    "train_translator",
    "training_dataset",
    "training_inputs",
]
