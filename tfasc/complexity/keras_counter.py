"""Complexity of a Keras model, counted the way the DCASE2024 organisers counted their
PyTorch baseline with torchinfo.

* parameters = trainable weights (batch-norm moving statistics excluded; Keras'
  ``count_params()`` includes them);
* convolution MACs = k_h·k_w·(C_in / groups)·C_out·H_out·W_out, plus C_out·H_out·W_out
  with a bias (depthwise: k_h·k_w·C·multiplier·H_out·W_out);
* dense MACs = in·out + out (with bias), per output position;
* every normalization layer (``BatchNormalization``, ``SubSpectralNorm``, any layer whose
  class name contains ``Norm`` and holds trainable weights) adds its trainable-parameter
  count (2·C for batch norm);
* activations, pooling, additions, reshapes: 0.

Layers made of other layers or of raw TensorFlow ops (``RepConv2D``, ``BCResBlock``) are
traced once in inference mode and their ``Conv2D``, ``DepthwiseConv2dNative``,
``MatMul``/``BatchMatMul`` and ``BiasAdd`` graph ops counted with the same rules, plus
their normalization sub-layers. ``param_bytes`` counts one byte per parameter (DCASE's
128 kB rule for int8 models); ``nonzero_bytes`` one byte per non-zero parameter (the QTI
report's "non-zero parameters" metric for pruned models). Peak activations count one byte
per activation (int8).

Example:
    >>> c = keras_complexity(tfasc.models.build("dcase2024_baseline"))
    >>> c.params, c.macs
    (61148, 29419156)
"""

from __future__ import annotations

import math

import numpy as np

from tfasc.complexity.result import Complexity, LayerComplexity
from tfasc.keras import keras, tf


def _is_norm(layer) -> bool:
    return isinstance(layer, keras.layers.BatchNormalization) or (
        "Norm" in type(layer).__name__ and bool(layer.trainable_weights)
    )


def _size(variables) -> int:
    return sum(int(np.prod(v.shape)) for v in variables)


def _conv_macs(kernel_shape, output_shape, use_bias: bool) -> int:
    kh, kw, c_in, c_out = kernel_shape  # depthwise (kh, kw, C, multiplier); grouped C_in/g
    positions = math.prod(output_shape[:-1])
    per_position = kh * kw * c_in * c_out
    macs = per_position * positions
    if use_bias:
        macs += math.prod(output_shape)
    return macs


def _leaf_macs(layer, output_shape) -> int | None:
    """torchinfo MACs of a standard leaf layer; None when the layer is not one."""
    if _is_norm(layer) and not list(layer._flatten_layers(include_self=False, recursive=False)):
        return _size(layer.trainable_weights)
    if isinstance(layer, keras.layers.DepthwiseConv2D):
        return _conv_macs(layer.depthwise_kernel.shape, output_shape, layer.use_bias)
    if isinstance(layer, keras.layers.SeparableConv2D):
        depthwise = _conv_macs(layer.depthwise_kernel.shape, output_shape, False)
        pointwise = _conv_macs(layer.pointwise_kernel.shape, output_shape, layer.use_bias)
        return depthwise + pointwise
    if isinstance(layer, keras.layers.Conv2D) and not isinstance(
        layer, keras.layers.Conv2DTranspose
    ):
        return _conv_macs(layer.kernel.shape, output_shape, layer.use_bias)
    if isinstance(layer, keras.layers.Dense):
        units = layer.units
        positions = math.prod(output_shape) // units
        return positions * (int(layer.kernel.shape[0]) * units + (units if layer.use_bias else 0))
    if not layer.weights and not list(layer._flatten_layers(include_self=False, recursive=False)):
        return 0  # activations, pooling, adds, reshapes, dropout
    return None


def _graph_ops(graph):
    """Operations of a graph and of the functions it calls (Keras jit-compiles grouped convs)."""
    for op in graph.get_operations():
        if op.type in ("PartitionedCall", "StatefulPartitionedCall"):
            function = graph._get_function(op.get_attr("f").name)
            if function is not None:
                yield from _graph_ops(function.graph)
                continue
        yield op


def _traced_macs(layer, input_shapes) -> int:
    """MACs of a composite layer: its graph's conv/matmul/bias ops plus its norm layers."""
    shapes = input_shapes if isinstance(input_shapes, list) else [input_shapes]
    specs = [tf.TensorSpec((1, *shape[1:]), tf.float32) for shape in shapes]

    def call(*args):
        return layer(args[0] if len(args) == 1 else list(args), training=False)

    graph = tf.function(call).get_concrete_function(*specs).graph
    macs = 0
    for op in _graph_ops(graph):
        if op.type in ("Conv2D", "DepthwiseConv2dNative"):
            out = op.outputs[0].shape.as_list()[1:]
            macs += _conv_macs(op.inputs[1].shape.as_list(), out, False)
        elif op.type in ("MatMul", "BatchMatMulV2", "BatchMatMulV3", "BatchMatMul"):
            a, _b = (t.shape.as_list() for t in op.inputs)
            transpose_a = (
                op.get_attr("transpose_a") if op.type == "MatMul" else op.get_attr("adj_x")
            )
            inner = a[-2] if transpose_a else a[-1]
            macs += inner * math.prod(op.outputs[0].shape.as_list())
        elif op.type == "BiasAdd":
            macs += math.prod(op.outputs[0].shape.as_list())
    for sub in layer._flatten_layers(include_self=False):
        if _is_norm(sub):
            macs += _size(sub.trainable_weights)
    return macs


def _model_nodes(model):
    """``(layer, node)`` pairs of a functional model in execution order."""
    nodes = []
    for depth in sorted(model._nodes_by_depth, reverse=True):
        for node in model._nodes_by_depth[depth]:
            if not node.is_input:
                nodes.append((node.layer, node))
    return nodes


def _peak_activation(model, nodes) -> int:
    last_use = {}
    for step, (_, node) in enumerate(nodes):
        for tensor in node.keras_inputs:
            last_use[id(tensor)] = step
    for tensor in model.outputs:
        last_use[id(tensor)] = len(nodes)

    def size(tensor):
        return math.prod(d or 1 for d in tensor.shape[1:])

    live = {id(t): size(t) for t in model.inputs}
    peak = sum(live.values())
    for step, (_, node) in enumerate(nodes):
        outputs = tf.nest.flatten(node.outputs)
        for tensor in outputs:
            live[id(tensor)] = size(tensor)
        peak = max(peak, sum(live.values()))
        for key in [k for k in live if last_use.get(k, -1) <= step]:
            del live[key]
    return peak


def keras_complexity(model: keras.Model) -> Complexity:
    """Per-layer parameters, torchinfo MACs, int8 bytes and peak activations of a model.

    Args:
        model: a built functional or sequential Keras model with static input shapes.

    Returns:
        A :class:`~tfasc.complexity.result.Complexity` whose rows are the model's layers.

    Raises:
        ValueError: ``model`` is a subclassed model (no layer graph to walk).
    """
    if not hasattr(model, "_nodes_by_depth"):
        raise ValueError("keras_complexity needs a functional or sequential model")
    nodes = _model_nodes(model)
    rows = []
    seen = set()
    for layer, node in nodes:
        output_shape = (
            tuple(node.outputs.shape[1:])
            if not isinstance(node.outputs, (list, tuple))
            else tuple(node.outputs[0].shape[1:])
        )
        macs = _leaf_macs(layer, (1, *output_shape))
        if macs is None:
            macs = _traced_macs(layer, node.input_shapes)
        first = id(layer) not in seen  # a shared layer's weights count once
        seen.add(id(layer))
        params = _size(layer.trainable_weights) if first else 0
        nonzero = (
            sum(int(np.count_nonzero(w.numpy())) for w in layer.trainable_weights) if first else 0
        )
        rows.append(
            LayerComplexity(
                name=layer.name,
                kind=type(layer).__name__,
                output_shape=output_shape,
                params=params,
                macs=int(macs),
                param_bytes=params,
                nonzero_bytes=nonzero,
            )
        )
    return Complexity(
        name=model.name, layers=tuple(rows), peak_activation_bytes=_peak_activation(model, nodes)
    )
