"""Model complexity: parameters, MACs, parameter memory and activation memory.

Two views of the same model, each a :class:`Complexity` with a per-layer table and totals:

- :func:`keras_complexity` (:mod:`~tfasc.complexity.keras_counter`) counts a Keras model
  the way the DCASE2024 organisers counted their PyTorch baseline with torchinfo;
- :func:`tflite_complexity` (:mod:`~tfasc.complexity.tflite_counter`) reads a converted
  ``.tflite`` file the way NeSsi, the DCASE complexity tool, does.

:func:`registered_model_complexity` gives both for a model of the zoo, and
:data:`DCASE_MAX_PARAM_BYTES` / :data:`DCASE_MAX_MACS` are the DCASE Task 1 budget.

Example:
    >>> keras_view, tflite_view = registered_model_complexity("dcase2024_baseline")
    >>> keras_view.params, keras_view.macs, keras_view.within_budget()
    (61148, 29419156, True)
"""

from tfasc.complexity.keras_counter import keras_complexity
from tfasc.complexity.registered import registered_model_complexity, trained_like
from tfasc.complexity.result import (
    DCASE_MAX_MACS,
    DCASE_MAX_PARAM_BYTES,
    Complexity,
    LayerComplexity,
    to_json,
)
from tfasc.complexity.tflite_counter import tflite_complexity

__all__ = [
    "DCASE_MAX_MACS",
    "DCASE_MAX_PARAM_BYTES",
    "Complexity",
    "LayerComplexity",
    "keras_complexity",
    "registered_model_complexity",
    "tflite_complexity",
    "to_json",
    "trained_like",
]
