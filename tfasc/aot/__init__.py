"""Ahead-of-time compiler: an int8 ``.tflite`` model to C++ without an interpreter.

The generated ``model.cc`` calls int8 kernels op by op, with every quantization parameter
precomputed exactly as TFLite Micro computes it in its ``Prepare`` functions
(:mod:`tfasc.aot.quantization`), the weights as ``const`` arrays, and one static tensor
arena planned offline (:mod:`tfasc.aot.arena`). ``RESHAPE`` and ``SQUEEZE`` alias their
input instead of copying. The kernels are tfasc's own (``micro/aot/include/tfasc_aot``:
convolution, depthwise, fully connected, pooling, elementwise, mean; portable C, DSP and
Helium variants behind one signature, :mod:`tfasc.aot.kernels`), whose outputs may overlap
their inputs in the arena, or with ``kernels="reference"`` the TFLite reference int8
kernels (``tensorflow/lite/kernels/internal/reference``, namespace ``tflite_micro``,
shipped in the ``xmos-ai-tools`` wheel); ops without a tfasc kernel always call those.

Modules: :mod:`~tfasc.aot.quantization` (TFLite's multiplier, activation-range and padding
arithmetic), :mod:`~tfasc.aot.emitter` (what the lowerings share), :mod:`~tfasc.aot.kernels`
(what tfasc's kernels need: scratch sizes, overlaps, folded biases), :mod:`~tfasc.aot.ops`
(one module per op family), :mod:`~tfasc.aot.arena` (the planner) and
:mod:`~tfasc.aot.compiler` (``compile_model``, the C++ templates in ``templates/``).

The result is bit-exact with the TFLM interpreter (``tfasc.tflm.TFLMModel``); the tests in
``tests/aot/`` check it op by op.

Example:
    >>> model = compile_model(open("model.tflite", "rb").read())
    >>> model.arena_bytes, model.ops
    (34304, ('CONV_2D', 'MAX_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED'))
    >>> sorted(model.files)  # written by tfasc.firmware.write_firmware
    ['model.cc', 'model.h']
"""

from tfasc.aot.arena import ARENA_ALIGNMENT, Allocation, ArenaPlan, plan_arena
from tfasc.aot.compiler import KERNELS, MAX_ARENA_BYTES, AOTModel, compile_graph, compile_model
from tfasc.aot.quantization import quantize_multiplier
from tfasc.flatbuffer import MalformedModelError, UnsupportedOpError
from tfasc.flatbuffer import ModelError as AOTError
from tfasc.ops import supported

SUPPORTED_OPS = supported("aot")
"""Builtin ops the compiler lowers (int8 activations, int8 weights, int32 biases)."""

__all__ = [
    "ARENA_ALIGNMENT",
    "MAX_ARENA_BYTES",
    "SUPPORTED_OPS",
    "AOTError",
    "AOTModel",
    "KERNELS",
    "Allocation",
    "ArenaPlan",
    "MalformedModelError",
    "UnsupportedOpError",
    "compile_graph",
    "compile_model",
    "plan_arena",
    "quantize_multiplier",
]
