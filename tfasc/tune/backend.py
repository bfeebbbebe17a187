"""keras-tuner on tf_keras: the one place where keras-tuner is imported.

Every module of :mod:`tfasc.tune` takes keras-tuner from here (``from tfasc.tune.backend
import kt``); see :func:`_import_keras_tuner` for why it cannot be a plain import.
"""

from __future__ import annotations

import sys

from tfasc.keras import keras


def _import_keras_tuner():
    """keras-tuner on tf_keras, the one place where that is arranged.

    keras-tuner 1.4 decides whether it runs on multi-backend Keras 3 by ``import keras``
    (``keras_tuner/src/backend/config.py``). TensorFlow 2.16+ installs Keras 3, so it picks
    Keras 3 even under ``TF_USE_LEGACY_KERAS=1`` and then rejects every tf_keras model
    ("Expected the model-building function ... to return a valid Keras Model instance";
    keras-tuner issues #1039 and #1027, fix PR #1040 unmerged). While keras-tuner imports,
    ``sys.modules["keras"]`` is tf_keras: tf_keras has no ``keras.version()``, so
    ``multi_backend()`` is falsy and keras-tuner's backend is ``tensorflow.keras``, which is
    tf_keras here. ``sys.modules`` is restored afterwards, so ``import keras`` elsewhere still
    gives Keras 3.

    Raises:
        ImportError: keras-tuner was imported earlier on Keras 3 (import tfasc.tune first).
    """
    if "keras_tuner" not in sys.modules:
        saved = sys.modules.get("keras")
        sys.modules["keras"] = keras
        try:
            import keras_tuner
        finally:
            if saved is None:
                sys.modules.pop("keras", None)
            else:
                sys.modules["keras"] = saved
    import keras_tuner
    from keras_tuner.src.backend import config as backend_config

    if backend_config.multi_backend():
        raise ImportError(
            "keras_tuner was imported on Keras 3 before tfasc.tune, and rejects tf_keras "
            "models; import tfasc.tune before keras_tuner"
        )
    return keras_tuner


kt = _import_keras_tuner()
"""The keras_tuner package, running on tf_keras."""

from keras_tuner.src.distribute import utils as distribute  # noqa: E402
from keras_tuner.src.engine.trial import TrialStatus  # noqa: E402

__all__ = ["TrialStatus", "distribute", "kt"]
