"""What the AOT tests share: int8 conversion of a small Keras model and the bit-exact check.

Each model is compiled to C++, built for the host with the reference kernels (the CMake
target ``aot_vectors``, through ``tfasc.mcu`` with board ``host``) and run on 20 random
vectors; its outputs must equal the TFLite Micro interpreter's exactly.
"""

from __future__ import annotations

import numpy as np

from tfasc import mcu
from tfasc.convert import to_tflite
from tfasc.keras import keras

NUM_VECTORS = 20


def convert(model: keras.Model, seed: int = 0) -> bytes:
    """``model`` as int8 ``.tflite``, calibrated on 64 N(0, 1) inputs drawn with ``seed``."""
    shape = (64, *model.input_shape[1:])
    calibration = np.random.default_rng(seed).normal(size=shape).astype(np.float32)
    return to_tflite(model, "int8", calibration)


def assert_bit_exact(flatbuffer: bytes, tmp_path) -> mcu.MCUResult:
    """Runs ``flatbuffer`` on the host build; fails unless every output equals TFLM's."""
    result = mcu.mcu_test(flatbuffer, board="host", num_vectors=NUM_VECTORS, build_dir=tmp_path)
    assert result.outputs.shape == (NUM_VECTORS, result.expected.shape[1])
    assert result.bit_exact, (
        f"{result.mismatches} of {NUM_VECTORS} vectors differ from TFLM:\n"
        f"AOT  {result.outputs[:3]}\nTFLM {result.expected[:3]}"
    )
    return result
