"""Time rolling: each example is a circular shift of itself within the allowed range."""

import numpy as np

from tfasc.augment import time_roll
from tfasc.keras import tf


def test_each_example_is_rolled_by_its_own_shift():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 4, 10, 2)).astype(np.float32)
    tf.random.set_seed(0)
    y = time_roll(tf.constant(x), 3).numpy()
    shifts = []
    for b in range(len(x)):
        matches = [s for s in range(-3, 4) if np.array_equal(y[b], np.roll(x[b], s, axis=1))]
        assert len(matches) == 1, b
        shifts.append(matches[0])
    assert set(shifts) == set(range(-3, 4))  # all 7 shifts appear among 32 examples
    np.testing.assert_array_equal(time_roll(tf.constant(x), 0).numpy(), x)


def test_inside_tf_function():
    spec = tf.TensorSpec((None, 4, 10, 1), tf.float32)
    roll = tf.function(lambda x: time_roll(x, 9), input_signature=[spec])
    x = np.arange(40, dtype=np.float32).reshape(1, 4, 10, 1)
    y = roll(tf.constant(x)).numpy()
    assert sorted(y.ravel()) == sorted(x.ravel())
