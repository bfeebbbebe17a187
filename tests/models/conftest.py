"""Every model test starts from the same random initialization."""

import pytest

from tfasc.keras import keras


@pytest.fixture(autouse=True)
def seeded():
    """Seeds Python, NumPy and TensorFlow, so int8 errors and outputs repeat run to run."""
    keras.utils.set_random_seed(0)
