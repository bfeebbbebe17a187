"""Complexity of a converted ``.tflite`` file, counted the way NeSsi (the DCASE complexity
tool) counts it.

Parameter bytes are the constant tensors that hold weights and biases (inputs 1-3 of
``CONV_2D``, ``DEPTHWISE_CONV_2D``, ``FULLY_CONNECTED``, ``TRANSPOSE_CONV``, constant
operands of arithmetic ops), split by dtype, each buffer once; other constants (reshape
shapes, axes, paddings) are reported separately. MACs: convolutions
k_h·k_w·C_in·C_out·H_out·W_out without bias, pooling (and ``MEAN``) output elements × window
(``MEAN``: input elements), fully connected in·out; every other op 0. Peak activations use
the tensors' own dtypes.

The DCASE2022 baseline's published 29,234,920 MACs come from a quirk of NeSsi: for a fully
connected layer fed by a flatten (a ``RESHAPE``), NeSsi takes the input size from the last
axis of the tensor *before* the flatten (32 channels of the 2×1×32 map) instead of the
flattened length (64), so the first dense layer counts 32·100 = 3,200 instead of 6,400
MACs. ``nessi_compatible=True`` (the default) reproduces the published number;
``nessi_compatible=False`` gives the true count (29,238,120).

The file is read through :func:`tfasc.flatbuffer.parse`, the one ``.tflite`` reader.

Example:
    >>> c = tflite_complexity(to_tflite(build("dcase2022_baseline"), "int8", x))
    >>> c.param_bytes, c.macs  # trained weights (non-zero dense biases)
    (46512, 29234920)
"""

from __future__ import annotations

import math

import numpy as np

from tfasc import flatbuffer as fb
from tfasc.complexity.result import Complexity, LayerComplexity

# NeSsi's counting rules: which ops hold parameters among their constant inputs, and which
# ops are counted as pooling windows.
_WEIGHT_OPS = {"CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "TRANSPOSE_CONV"}
_ARITHMETIC_OPS = {
    "ADD", "SUB", "MUL", "DIV", "MAXIMUM", "MINIMUM", "SQUARED_DIFFERENCE", "PRELU",
}  # fmt: skip
_POOL_OPS = {"AVERAGE_POOL_2D", "MAX_POOL_2D", "L2_POOL_2D"}


def _macs(graph: fb.Graph, op: fb.Operator, inputs, nessi_compatible: bool) -> int:
    out_shape = graph.tensors[op.outputs[0]].shape
    out_elements = math.prod(out_shape)
    if op.name == "CONV_2D":
        c_out, kh, kw, c_in = graph.tensors[inputs[1]].shape
        return kh * kw * c_in * c_out * (out_elements // out_shape[-1])
    if op.name == "DEPTHWISE_CONV_2D":
        _, kh, kw, channels = graph.tensors[inputs[1]].shape
        return kh * kw * channels * (out_elements // out_shape[-1])
    if op.name == "FULLY_CONNECTED":
        units, in_features = graph.tensors[inputs[1]].shape
        producer = graph.producer(inputs[0])
        if nessi_compatible and producer is not None and producer.name == "RESHAPE":
            in_features = graph.tensors[producer.inputs[0]].shape[-1]
        return in_features * units * (out_elements // units)
    if op.name in _POOL_OPS:
        return out_elements * op.options["FilterHeight"] * op.options["FilterWidth"]
    if op.name == "MEAN":
        return graph.tensors[inputs[0]].size  # every input element is summed once
    return 0


def _peak_activation(graph: fb.Graph) -> int:
    """Peak of the live non-constant tensors, each living from its producer to its last reader."""
    last_use = {j: len(graph.operators) for j in graph.outputs}
    for step, op in enumerate(graph.operators):
        for j in op.inputs:
            if j >= 0 and not graph.tensors[j].is_constant:
                last_use[j] = max(last_use.get(j, -1), step)
    live = {j: graph.tensors[j].nbytes for j in graph.inputs}
    peak = sum(live.values())
    for step, op in enumerate(graph.operators):
        for j in op.outputs:
            live[j] = graph.tensors[j].nbytes
        peak = max(peak, sum(live.values()))
        for j in [k for k in live if last_use.get(k, -1) <= step]:
            del live[j]
    return peak


def tflite_complexity(
    flatbuffer: bytes, nessi_compatible: bool = True, name: str = "tflite"
) -> Complexity:
    """Per-operator parameter bytes, MACs and peak activations read from a ``.tflite`` file.

    Args:
        flatbuffer: the ``.tflite`` bytes.
        nessi_compatible: reproduce NeSsi's fully-connected-after-flatten count (module
            docstring); False gives the true count.
        name: name for the report, and how errors name the model.

    Returns:
        A :class:`~tfasc.complexity.result.Complexity` whose rows are the operators of the
        main subgraph; ``param_bytes_by_dtype`` splits the parameter bytes by dtype.

    Raises:
        tfasc.flatbuffer.MalformedModelError: the bytes are not a valid ``.tflite`` model.
    """
    graph = fb.parse(flatbuffer, source=name)
    counted_buffers = set()
    by_dtype: dict[str, int] = {}
    other_constant_bytes = 0
    rows = []
    for op in graph.operators:
        inputs = [j for j in op.inputs if j >= 0]
        params = param_bytes = nonzero_bytes = 0
        for position, j in enumerate(inputs):
            tensor = graph.tensors[j]
            if not tensor.is_constant or tensor.buffer in counted_buffers:
                continue
            counted_buffers.add(tensor.buffer)
            is_param = (
                op.name in _WEIGHT_OPS and position in (1, 2, 3)
            ) or op.name in _ARITHMETIC_OPS
            if not is_param:
                other_constant_bytes += tensor.data.nbytes
                continue
            params += tensor.data.size
            param_bytes += tensor.data.nbytes
            nonzero_bytes += int(np.count_nonzero(tensor.data)) * tensor.data.itemsize
            by_dtype[tensor.dtype] = by_dtype.get(tensor.dtype, 0) + tensor.data.nbytes
        output = graph.tensors[op.outputs[0]]
        rows.append(
            LayerComplexity(
                name=output.name,
                kind=op.name,
                output_shape=output.shape[1:],
                params=params,
                macs=int(_macs(graph, op, inputs, nessi_compatible)),
                param_bytes=param_bytes,
                nonzero_bytes=nonzero_bytes,
            )
        )
    return Complexity(
        name=name,
        layers=tuple(rows),
        peak_activation_bytes=_peak_activation(graph),
        param_bytes_by_dtype=by_dtype,
        other_constant_bytes=other_constant_bytes,
        ops=graph.ops,
    )
