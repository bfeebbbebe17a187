"""tfasc: low-complexity, device-robust acoustic scene classification for TFLite Micro.

Importing tfasc sets ``TF_USE_LEGACY_KERAS=1`` before TensorFlow is imported, so that
``tf.keras`` is tf_keras (Keras 2). tensorflow-model-optimization (pruning, QAT) does not
support Keras 3, and the whole library is written against ``tf_keras``.
"""

import os

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
if os.environ["TF_USE_LEGACY_KERAS"] != "1":
    raise ImportError(
        "tfasc needs TF_USE_LEGACY_KERAS=1 (tf_keras); it is set to "
        f"{os.environ['TF_USE_LEGACY_KERAS']!r} in this environment."
    )
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

__version__ = "0.1.0"

SCENES = (
    "airport",
    "bus",
    "metro",
    "metro_station",
    "park",
    "public_square",
    "shopping_mall",
    "street_pedestrian",
    "street_traffic",
    "tram",
)
"""The 10 TAU Urban Acoustic Scenes labels, in the order of the DCASE results pages."""

DEVICES = ("a", "b", "c", "s1", "s2", "s3", "s4", "s5", "s6")
"""TAU Mobile devices; s4-s6 appear only in the evaluation split."""

UNSEEN_DEVICES = ("s4", "s5", "s6")
