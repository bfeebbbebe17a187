"""Model complexity: parameters, MACs, parameter memory and activation memory.

Two views of the same model, each with a per-layer table and totals:

- :func:`keras_complexity` counts a Keras model the way the DCASE2024 organisers counted
  their PyTorch baseline with torchinfo:

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
  their normalization sub-layers. ``int8_bytes`` counts one byte per parameter (DCASE's
  128 kB rule for int8 models); ``nonzero_bytes`` one byte per non-zero parameter (the
  QTI report's "non-zero parameters" metric for pruned models).

- :func:`tflite_complexity` reads a converted ``.tflite`` flatbuffer: parameter bytes are
  the constant tensors that hold weights and biases (inputs 1 and 2 of ``CONV_2D``,
  ``DEPTHWISE_CONV_2D``, ``FULLY_CONNECTED``, constant operands of arithmetic ops), split by
  dtype, each buffer once; other constants (reshape shapes, axes, paddings) are reported
  separately. MACs follow NeSsi (the DCASE complexity tool): convolutions as above without
  bias, pooling (and ``MEAN``) as output elements × window, fully connected in·out.

The DCASE2022 baseline's published 29,234,920 MACs come from a quirk of NeSsi: for a fully
connected layer fed by a flatten (a ``RESHAPE``), NeSsi takes the input size from the last
axis of the tensor *before* the flatten (32 channels of the 2×1×32 map) instead of the
flattened length (64), so the first dense layer counts 32·100 = 3,200 instead of 6,400
MACs. ``nessi_compatible=True`` (the default) reproduces the published number;
``nessi_compatible=False`` gives the true count (29,238,120).

Peak activation memory is an estimate for a batch of one with one byte per activation
(int8) in the Keras view and the tensors' own dtypes in the TFLite view: layers (ops) run
in topological order, a tensor lives from the layer that produces it to the last layer
that reads it, and the peak is the largest sum of live tensors while a layer runs (its
inputs and outputs together). Temporaries inside composite layers and kernel scratch
buffers are not included, and TFLM's arena also holds its own bookkeeping, so the arena a
model needs (``TFLMModel.arena_used``) is somewhat larger.
"""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np

from tfasc.keras import keras, tf

DCASE_MAX_PARAM_BYTES = 128_000
"""DCASE Task 1 (2022-2025) parameter-memory limit: 128 kB (read as 128,000 bytes, the
stricter reading of "kB")."""
DCASE_MAX_MACS = 30_000_000
"""DCASE Task 1 (2022-2025) limit on multiply-accumulates per 1-s clip: 30 M."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class LayerComplexity:
    """One row of a complexity table (a Keras layer or a TFLite operator)."""

    name: str
    """Layer name, or the operator's output-tensor name."""
    kind: str
    """Layer class or TFLite operator."""
    output_shape: tuple
    """Output shape without the batch dimension."""
    params: int
    """Trainable parameters (Keras) or parameter elements of the operator's constants."""
    macs: int
    """Multiply-accumulates for one example."""
    param_bytes: int
    """Parameter bytes: one per parameter (Keras, int8) or the constants' bytes (TFLite)."""
    nonzero_bytes: int
    """Like ``param_bytes`` counting non-zero values only."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Complexity:
    """Per-layer rows and totals of one model."""

    name: str
    """Model name."""
    layers: tuple[LayerComplexity, ...]
    """Per-layer (per-operator) rows, in execution order."""
    peak_activation_bytes: int
    """Peak activation memory estimate (see the module docstring)."""
    param_bytes_by_dtype: dict = dataclasses.field(default_factory=dict)
    """TFLite only: parameter bytes per dtype, e.g. ``{"int8": 45816, "int32": 696}``."""
    other_constant_bytes: int = 0
    """TFLite only: bytes of constants that are not parameters (shapes, axes, paddings)."""
    ops: tuple[str, ...] = ()
    """TFLite only: builtin operators used, in first-use order."""

    @property
    def params(self) -> int:
        return sum(layer.params for layer in self.layers)

    @property
    def macs(self) -> int:
        return sum(layer.macs for layer in self.layers)

    @property
    def param_bytes(self) -> int:
        return sum(layer.param_bytes for layer in self.layers)

    @property
    def nonzero_bytes(self) -> int:
        return sum(layer.nonzero_bytes for layer in self.layers)

    def within_budget(
        self, max_param_bytes: int = DCASE_MAX_PARAM_BYTES, max_macs: int = DCASE_MAX_MACS
    ) -> bool:
        """Whether parameter bytes and MACs fit the (DCASE) limits."""
        return self.param_bytes <= max_param_bytes and self.macs <= max_macs

    def summary(self) -> dict:
        """Totals as a JSON-ready dict."""
        out = {
            "params": self.params,
            "macs": self.macs,
            "param_bytes": self.param_bytes,
            "nonzero_bytes": self.nonzero_bytes,
            "peak_activation_bytes": self.peak_activation_bytes,
            "within_dcase_budget": self.within_budget(),
        }
        if self.param_bytes_by_dtype:
            out["param_bytes_by_dtype"] = dict(self.param_bytes_by_dtype)
            out["other_constant_bytes"] = self.other_constant_bytes
            out["ops"] = list(self.ops)
        return out

    def table(self) -> str:
        """A markdown table: one row per layer with parameters and MACs, then the totals."""
        lines = [
            "| layer | kind | output | params | MACs | param bytes | non-zero bytes |",
            "|---|---|---|---:|---:|---:|---:|",
        ]
        for row in self.layers:
            shape = "×".join(str(d) for d in row.output_shape)
            lines.append(
                f"| {row.name} | {row.kind} | {shape} | {row.params:,} | {row.macs:,} "
                f"| {row.param_bytes:,} | {row.nonzero_bytes:,} |"
            )
        lines.append(
            f"| **total** | | | **{self.params:,}** | **{self.macs:,}** "
            f"| **{self.param_bytes:,}** | **{self.nonzero_bytes:,}** |"
        )
        lines.append("")
        lines.append(f"Peak activation memory (estimate): {self.peak_activation_bytes:,} bytes")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


# ---------------------------------------------------------------------------------------
# Keras models (torchinfo convention).


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


def _leaf_macs(layer, input_shapes, output_shape) -> int | None:
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
        A :class:`Complexity` whose rows are the model's layers.

    Example:
        >>> c = keras_complexity(tfasc.models.build("dcase2024_baseline"))
        >>> c.params, c.macs
        (61148, 29419156)
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
        macs = _leaf_macs(layer, node.input_shapes, (1, *output_shape))
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


# ---------------------------------------------------------------------------------------
# TFLite flatbuffers (NeSsi convention).

_WEIGHT_OPS = {"CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "TRANSPOSE_CONV"}
_ARITHMETIC_OPS = {
    "ADD", "SUB", "MUL", "DIV", "MAXIMUM", "MINIMUM", "SQUARED_DIFFERENCE", "PRELU",
}  # fmt: skip
_POOL_OPS = {"AVERAGE_POOL_2D", "MAX_POOL_2D", "L2_POOL_2D"}


def _builtin_names() -> dict[int, str]:
    import tflite

    return {
        value: name
        for name, value in vars(tflite.BuiltinOperator).items()
        if not name.startswith("_") and isinstance(value, int)
    }


def _dtype_names() -> dict[int, tuple[str, int]]:
    import tflite

    sizes = {"INT8": 1, "UINT8": 1, "INT16": 2, "FLOAT16": 2, "INT32": 4, "FLOAT32": 4,
             "INT64": 8, "FLOAT64": 8, "BOOL": 1, "UINT32": 4, "UINT16": 2, "INT4": 1}  # fmt: skip
    return {
        value: (name.lower(), sizes.get(name, 1))
        for name, value in vars(tflite.TensorType).items()
        if not name.startswith("_") and isinstance(value, int)
    }


def tflite_complexity(
    flatbuffer: bytes, nessi_compatible: bool = True, name: str = "tflite"
) -> Complexity:
    """Per-operator parameter bytes, MACs and peak activations read from a ``.tflite`` file.

    Args:
        flatbuffer: the ``.tflite`` bytes.
        nessi_compatible: reproduce NeSsi's fully-connected-after-flatten count (module
            docstring); False gives the true count.
        name: name for the report.

    Returns:
        A :class:`Complexity` whose rows are the operators of the main subgraph;
        ``param_bytes_by_dtype`` splits the parameter bytes by dtype.

    Example:
        >>> c = tflite_complexity(to_tflite(build("dcase2022_baseline"), "int8", x))
        >>> c.param_bytes, c.macs  # trained weights (non-zero dense biases)
        (46512, 29234920)
    """
    import tflite

    model = tflite.Model.GetRootAsModel(bytearray(flatbuffer), 0)
    graph = model.Subgraphs(0)
    op_names = _builtin_names()
    dtypes = _dtype_names()

    def tensor(index):
        return graph.Tensors(index)

    def shape(index):
        return (
            tuple(int(d) for d in tensor(index).ShapeAsNumpy())
            if tensor(index).ShapeLength()
            else ()
        )

    def constant(index):
        buffer = model.Buffers(tensor(index).Buffer())
        return buffer.DataLength() > 0

    def values(index):
        t = tensor(index)
        dtype_name, _ = dtypes[t.Type()]
        raw = model.Buffers(t.Buffer()).DataAsNumpy()
        return np.frombuffer(raw.tobytes(), dtype=np.dtype(dtype_name))

    producers = {}
    operators = []
    for i in range(graph.OperatorsLength()):
        op = graph.Operators(i)
        code = model.OperatorCodes(op.OpcodeIndex())
        kind = op_names.get(max(code.BuiltinCode(), code.DeprecatedBuiltinCode()), "CUSTOM")
        inputs = [j for j in op.InputsAsNumpy().tolist() if j >= 0] if op.InputsLength() else []
        outputs = op.OutputsAsNumpy().tolist()
        operators.append((op, kind, inputs, outputs))
        for j in outputs:
            producers[j] = (kind, inputs)

    counted_buffers = set()
    by_dtype: dict[str, int] = {}
    other_constant_bytes = 0
    rows = []
    ops_used = []
    for op, kind, inputs, outputs in operators:
        if kind not in ops_used:
            ops_used.append(kind)
        out_shape = shape(outputs[0])
        out_elements = math.prod(out_shape)
        params = param_bytes = nonzero_bytes = 0
        for position, j in enumerate(inputs):
            if not constant(j):
                continue
            is_param = (kind in _WEIGHT_OPS and position in (1, 2, 3)) or kind in _ARITHMETIC_OPS
            buffer_index = tensor(j).Buffer()
            if buffer_index in counted_buffers:
                continue
            counted_buffers.add(buffer_index)
            dtype_name, itemsize = dtypes[tensor(j).Type()]
            nbytes = model.Buffers(buffer_index).DataLength()
            if not is_param:
                other_constant_bytes += nbytes
                continue
            data = values(j)
            params += data.size
            param_bytes += nbytes
            nonzero_bytes += int(np.count_nonzero(data)) * itemsize
            by_dtype[dtype_name] = by_dtype.get(dtype_name, 0) + nbytes

        macs = 0
        if kind == "CONV_2D":
            c_out, kh, kw, c_in = shape(inputs[1])
            macs = kh * kw * c_in * c_out * (out_elements // out_shape[-1])
        elif kind == "DEPTHWISE_CONV_2D":
            _, kh, kw, channels = shape(inputs[1])
            macs = kh * kw * channels * (out_elements // out_shape[-1])
        elif kind == "FULLY_CONNECTED":
            units, in_features = shape(inputs[1])
            if nessi_compatible and producers.get(inputs[0], ("",))[0] == "RESHAPE":
                before_flatten = producers[inputs[0]][1][0]
                in_features = shape(before_flatten)[-1]
            macs = in_features * units * (out_elements // units)
        elif kind in _POOL_OPS:
            options = tflite.Pool2DOptions()
            table = op.BuiltinOptions()
            options.Init(table.Bytes, table.Pos)
            macs = out_elements * options.FilterHeight() * options.FilterWidth()
        elif kind == "MEAN":
            macs = math.prod(shape(inputs[0]))  # every input element is summed once
        rows.append(
            LayerComplexity(
                name=tensor(outputs[0]).Name().decode(),
                kind=kind,
                output_shape=out_shape[1:],
                params=params,
                macs=int(macs),
                param_bytes=param_bytes,
                nonzero_bytes=nonzero_bytes,
            )
        )

    # Peak activations: non-constant tensors live from producer to last reader.
    def nbytes(index):
        return math.prod(shape(index)) * dtypes[tensor(index).Type()][1]

    graph_inputs = graph.InputsAsNumpy().tolist()
    graph_outputs = graph.OutputsAsNumpy().tolist()
    last_use = {j: len(operators) for j in graph_outputs}
    for step, (_, _, inputs, _) in enumerate(operators):
        for j in inputs:
            if not constant(j):
                last_use[j] = max(last_use.get(j, -1), step)
    live = {j: nbytes(j) for j in graph_inputs}
    peak = sum(live.values())
    for step, (_, _, _, outputs) in enumerate(operators):
        for j in outputs:
            live[j] = nbytes(j)
        peak = max(peak, sum(live.values()))
        for j in [k for k in live if last_use.get(k, -1) <= step]:
            del live[j]

    return Complexity(
        name=name,
        layers=tuple(rows),
        peak_activation_bytes=peak,
        param_bytes_by_dtype=by_dtype,
        other_constant_bytes=other_constant_bytes,
        ops=tuple(ops_used),
    )


def to_json(results: dict) -> str:
    """Serializes ``{name: Complexity.summary()}``-style results, sorted and indented."""
    return json.dumps(results, indent=2, sort_keys=True)


# ---------------------------------------------------------------------------------------
# Registered models.


def trained_like(model: keras.Model, seed: int = 0) -> keras.Model:
    """Gives biases and normalization statistics random values, as after training.

    Untrained biases are zero: the converter then drops dense biases and stores identical
    folded conv biases once, so an untrained int8 file under-reports the parameter bytes
    of the trained one. Kernels are left as initialized. Modifies ``model`` in place.
    """
    rng = np.random.default_rng(seed)
    for variable in model.weights:
        name = variable.name.split("/")[-1]
        if any(key in name for key in ("moving_variance", "gamma")):
            variable.assign(rng.uniform(0.5, 1.5, variable.shape).astype(np.float32))
        elif any(key in name for key in ("bias", "beta", "moving_mean")):
            variable.assign(rng.normal(0.0, 0.1, variable.shape).astype(np.float32))
    return model


def registered_model_complexity(
    name: str, int8: bool = True, calibration_samples: int = 8, **overrides
) -> tuple[Complexity, Complexity | None]:
    """Keras (torchinfo) and int8-TFLite (NeSsi) complexity of a registered model.

    Args:
        name: registry name (``tfasc.models.available()``).
        int8: also convert the deploy form to int8 TFLite and read the file back.
        calibration_samples: random calibration examples for the conversion (the counts
            do not depend on them). Biases and BN statistics are randomized first
            (:func:`trained_like`) so that the int8 file holds what a trained one holds.
        **overrides: builder arguments.

    Returns:
        ``(keras_view, tflite_view)``; ``tflite_view`` is None when ``int8`` is False.
    """
    from tfasc import convert, models

    model = models.deploy_form(trained_like(models.build(name, **overrides)))
    keras_view = keras_complexity(model)
    if not int8:
        return keras_view, None
    rng = np.random.default_rng(0)
    calibration = rng.standard_normal((calibration_samples, *model.input_shape[1:]))
    flatbuffer = convert.to_tflite(model, "int8", calibration.astype(np.float32))
    return keras_view, tflite_complexity(flatbuffer, name=name)


def model_record(keras_view: Complexity, tflite_view: Complexity | None) -> dict:
    """One model's entry of ``benchmarks/results/complexity.json``."""
    record = {
        "params": keras_view.params,
        "macs": keras_view.macs,
        "int8_kb": round(keras_view.param_bytes / 1000, 1),
        "peak_activation_bytes": keras_view.peak_activation_bytes,
        "within_dcase_budget": keras_view.within_budget(),
    }
    if tflite_view is not None:
        record["tflite_int8"] = {
            "param_bytes": tflite_view.param_bytes,
            "param_bytes_by_dtype": dict(tflite_view.param_bytes_by_dtype),
            "other_constant_bytes": tflite_view.other_constant_bytes,
            "nessi_macs": tflite_view.macs,
            "peak_activation_bytes": tflite_view.peak_activation_bytes,
            "ops": list(tflite_view.ops),
            "within_dcase_budget": tflite_view.within_budget(),
        }
    return record


def markdown_table(records: dict) -> str:
    """README table from ``{model: model_record(...)}``."""
    lines = [
        "| model | params | MACs | int8 KB | int8 .tflite bytes | NeSsi MACs | DCASE budget |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for name in sorted(records):
        r = records[name]
        if "error" in r:
            lines.append(f"| `{name}` | | | | | | error: {r['error']} |")
            continue
        t = r.get("tflite_int8") or {}
        tflite_bytes = f"{t['param_bytes']:,}" if t else ""
        nessi = f"{t['nessi_macs']:,}" if t else ""
        budget = "yes" if r["within_dcase_budget"] else "no"
        lines.append(
            f"| `{name}` | {r['params']:,} | {r['macs']:,} | {r['int8_kb']:.1f} "
            f"| {tflite_bytes} | {nessi} | {budget} |"
        )
    lines.append("")
    lines.append(
        "params: trainable parameters of the deploy form; MACs: torchinfo convention; "
        "int8 KB: one byte per parameter (kB = 1000 B); int8 .tflite bytes: weight and bias "
        "constants of the int8 file (BN folded, int32 biases); budget: ≤ 128 kB and ≤ 30 M MACs."
    )
    return "\n".join(lines)
