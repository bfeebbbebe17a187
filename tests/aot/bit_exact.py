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


def single_op_tflite(op_name: str, inputs, output, options=None) -> bytes:
    """A ``.tflite`` model of one int8 op, written with TensorFlow's flatbuffer object API,
    so every scale and zero point is the test's choice (the converter picks its own).

    Args:
        op_name: a builtin op (``"SUB"``).
        inputs: ``(shape, scale, zero_point, data)`` per op input; ``data`` None makes it a
            model input, an int8 array a constant.
        output: ``(shape, scale, zero_point)`` of the op's (and the model's) output.
        options: the op's ``BuiltinOptions`` object (e.g. ``SubOptionsT()``) or None.
    """
    import flatbuffers
    from tensorflow.lite.python import schema_py_generated as schema

    model = schema.ModelT()
    model.version = 3
    model.buffers = [schema.BufferT()]  # buffer 0: empty, by convention
    code = schema.OperatorCodeT()
    code.builtinCode = code.deprecatedBuiltinCode = getattr(schema.BuiltinOperator, op_name)
    code.version = 1
    model.operatorCodes = [code]
    graph = schema.SubGraphT()
    graph.tensors, graph.inputs = [], []

    def tensor(shape, scale, zero_point, data=None):
        t = schema.TensorT()
        t.shape, t.type, t.name = list(shape), schema.TensorType.INT8, f"t{len(graph.tensors)}"
        t.quantization = schema.QuantizationParametersT()
        t.quantization.scale, t.quantization.zeroPoint = [float(scale)], [int(zero_point)]
        t.buffer = 0
        if data is not None:
            buffer = schema.BufferT()
            buffer.data = np.asarray(data, np.int8).reshape(-1).view(np.uint8).tolist()
            model.buffers.append(buffer)
            t.buffer = len(model.buffers) - 1
        graph.tensors.append(t)
        return len(graph.tensors) - 1

    op = schema.OperatorT()
    op.opcodeIndex = 0
    op.inputs = [tensor(*spec) for spec in inputs]
    graph.inputs = [i for i, spec in zip(op.inputs, inputs, strict=True) if spec[3] is None]
    op.outputs = [tensor(*output)]
    graph.outputs = list(op.outputs)
    if options is not None:
        op.builtinOptionsType = getattr(schema.BuiltinOptions, type(options).__name__[:-1])
        op.builtinOptions = options
    graph.operators = [op]
    model.subgraphs = [graph]
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())
