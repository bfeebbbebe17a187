"""Device-robust augmentation, one concept per module.

- :mod:`.mixstyle`: Freq-MixStyle (per-frequency statistics mixed between examples);
- :mod:`.mixup`: mixup of inputs and (packed) targets;
- :mod:`.masking`: frequency and time masking;
- :mod:`.rolling`: time rolling;
- :mod:`.sampling`: the random draws they share.
"""

from tfasc.augment.masking import freq_mask, time_mask
from tfasc.augment.mixstyle import freq_mixstyle
from tfasc.augment.mixup import mixup
from tfasc.augment.rolling import time_roll

__all__ = ["freq_mask", "freq_mixstyle", "mixup", "time_mask", "time_roll"]
