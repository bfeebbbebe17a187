"""Time rolling: each example of a batch ``(B, F, T, C)`` rotated circularly along time.

The shift of each example is uniform in ``[-max_shift, max_shift]`` frames (as the CP-JKU
DCASE systems roll their inputs); frames pushed off one end re-enter at the other.
"""

from __future__ import annotations

from tfasc.augment.sampling import uniform_int
from tfasc.keras import tf


def time_roll(x: tf.Tensor, max_shift: int) -> tf.Tensor:
    """Rolls each example by its own random number of frames (``y[..., t] = x[..., t - s]``)."""
    if max_shift <= 0:
        return x
    batch, frames = tf.shape(x)[0], tf.shape(x)[2]
    shift = uniform_int([batch, 1], -max_shift, max_shift)  # (B, 1)
    source = tf.math.floormod(tf.range(frames)[tf.newaxis, :] - shift, frames)  # (B, T)
    return tf.gather(x, source, axis=2, batch_dims=1)
