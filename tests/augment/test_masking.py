"""Frequency and time masking: band widths, counts, which axis, and the fill value."""

import numpy as np
import pytest

from tfasc.augment import freq_mask, time_mask
from tfasc.keras import tf

B, F, T = 64, 20, 30


def ones():
    return tf.ones((B, F, T, 2))


def masked_bands(y, axis):
    """Per example: the set of masked indices along ``axis`` (a masked index is all zero)."""
    other = tuple(a for a in (1, 2, 3) if a != axis)
    return [np.flatnonzero((y[b] == 0).all(axis=tuple(a - 1 for a in other))) for b in range(B)]


@pytest.mark.parametrize("mask, axis, size", [(freq_mask, 1, F), (time_mask, 2, T)])
def test_one_band_per_example_of_at_most_the_width(mask, axis, size):
    tf.random.set_seed(0)
    y = mask(ones(), 6).numpy()
    bands = masked_bands(y, axis)
    widths = [len(band) for band in bands]
    assert max(widths) <= 6 and len(set(widths)) > 3  # widths 0..6 all appear in 64 draws
    for band in bands:
        if len(band):  # one contiguous band
            assert band[-1] - band[0] + 1 == len(band)
    # Everything else is untouched; the whole index is masked (all bins of the other axis).
    assert ((y == 0) | (y == 1)).all()
    assert sum(widths) * (T if axis == 1 else F) * 2 == (y == 0).sum()
    starts = {band[0] for band in bands if len(band)}
    assert len(starts) > 5 and max(starts) <= size - 1


def test_count_fill_value_and_disabled():
    tf.random.set_seed(1)
    y = freq_mask(ones(), 3, count=4, value=-2.0).numpy()
    widths = [len(np.flatnonzero((y[b] == -2).all(axis=(1, 2)))) for b in range(B)]
    assert max(widths) <= 12 and max(widths) > 3  # several bands in some examples
    np.testing.assert_array_equal(freq_mask(ones(), 0).numpy(), ones().numpy())
    np.testing.assert_array_equal(time_mask(ones(), 5, count=0).numpy(), ones().numpy())


def test_width_larger_than_the_axis_and_unknown_batch():
    spec = tf.TensorSpec((None, F, 4, 1), tf.float32)
    mask = tf.function(lambda x: time_mask(x, 10), input_signature=[spec])
    y = mask(tf.ones((B, F, 4, 1))).numpy()
    assert y.shape == (B, F, 4, 1) and (y == 0).any()
