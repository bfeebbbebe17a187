"""Builds an int8 model into firmware, runs it on an emulated Cortex-M, reads the results.

:func:`mcu_test` compiles a ``.tflite`` model ahead of time (:mod:`tfasc.aot`), embeds test
vectors whose expected outputs come from the TFLite Micro interpreter, builds the firmware
with the CMake project ``micro/`` for a QEMU board, runs it with ``qemu-system-arm -icount
shift=0`` and returns the outputs, the bit-exact comparison, instructions per inference and
the memory footprint. :func:`mcu_pipeline` runs int16 PCM through the C front end and the
model on the board and compares the labels with the Python pipeline's. :func:`profile_model`
counts the instructions, RAM and flash of every layer.

Boards (:mod:`~tfasc.mcu.boards`): ``mps2-an386`` (Cortex-M4F) and ``mps3-an547``
(Cortex-M55); ``host`` builds the same firmware for the PC (no instruction count). The
build is :mod:`~tfasc.mcu.build`, running it :mod:`~tfasc.mcu.qemu`.

Example:
    >>> result = mcu_test(open("model.tflite", "rb").read(), board="mps2-an386")
    >>> result.bit_exact, result.instructions_per_inference, result.flash_bytes
    (True, 207312345, 84640)
"""

from tfasc.mcu.boards import BOARDS, Board
from tfasc.mcu.build import micro_dir
from tfasc.mcu.pipeline import (
    PipelineResult,
    frontend_for,
    mcu_pipeline,
    pipeline_summary,
    python_pipeline,
    read_clip,
)
from tfasc.mcu.profile import LayerProfile, Profile, profile_model
from tfasc.mcu.toolchain import ToolchainError, require_tools
from tfasc.mcu.vectors import MCUResult, mcu_test, summary, test_vectors

__all__ = [
    "BOARDS",
    "Board",
    "LayerProfile",
    "MCUResult",
    "PipelineResult",
    "Profile",
    "ToolchainError",
    "frontend_for",
    "mcu_pipeline",
    "mcu_test",
    "micro_dir",
    "pipeline_summary",
    "profile_model",
    "python_pipeline",
    "read_clip",
    "require_tools",
    "summary",
    "test_vectors",
]
