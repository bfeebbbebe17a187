"""Where an int8 model loses precision: the error of every tensor against the float model.

The float32 and the full-int8 TFLite conversions of one Keras model keep the same tensor
names (``model/stage1_resnorm/Rsqrt``), so both can be run on the same real inputs with
every intermediate tensor preserved, and each int8 tensor dequantized and compared with its
float twin. The error of a tensor is accumulated (everything upstream contributes); the
*local* error of an op compares its int8 output with the op computed exactly (float64) on
its dequantized int8 inputs: what the op itself loses, whatever came in.

:func:`qat_mismatch` compares a quantization-aware model with its own int8 export instead:
every tensor QAT fake-quantizes lies on the grid of one int8 tensor (the converter takes that
tensor's scale and zero point from the fake-quantization range), so both can be compared in
quantization steps, tensor by tensor: where QAT stops simulating the int8 model.

Example:
    >>> rows = tensor_errors(float_tflite, int8_tflite, features[:64], contains="resnorm")
    >>> print(format_table(rows))
    >>> print(format_mismatch_table(qat_mismatch(qat_model, int8_tflite, features[:64])))
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np

from tfasc import flatbuffer as fb
from tfasc import tflm
from tfasc.compression import fake_quant, qat
from tfasc.keras import keras


@dataclasses.dataclass(frozen=True, kw_only=True)
class TensorError:
    """The int8 error of one tensor on real inputs."""

    op: str
    """Builtin op that produces the tensor."""
    tensor: str
    """Tensor name (shared by the float and the int8 model)."""
    scale: float
    """Quantization step of the int8 tensor."""
    float_rms: float
    """Root mean square of the float tensor."""
    error_rms: float
    """Root mean square of ``dequantized int8 - float``."""
    relative: float
    """``error_rms / float_rms``: accumulated relative error."""
    local: float
    """Relative error of the op alone (exact op on the dequantized int8 inputs), NaN for
    ops without a reference here."""
    underflow: float
    """Fraction of non-zero float values that became the zero point (value 0) in int8."""
    saturated: float
    """Fraction of int8 values at -128 or 127 where the float value lies outside the range."""


def _interpreter(flatbuffer: bytes):
    from ai_edge_litert.interpreter import Interpreter

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Warning: Enabling `experimental_preserve_all_tensors`")
        interpreter = Interpreter(model_content=flatbuffer, experimental_preserve_all_tensors=True)
    interpreter.allocate_tensors()
    return interpreter


_ACTIVATION = {0: lambda v: v, 1: lambda v: np.maximum(v, 0.0), 3: lambda v: np.clip(v, 0.0, 6.0)}


def _reference(op: fb.Operator, inputs: list):
    """The op computed in float64 on dequantized inputs, or None for ops not listed here."""
    binary = {"ADD": np.add, "SUB": np.subtract, "MUL": np.multiply,
              "SQUARED_DIFFERENCE": lambda a, b: (a - b) ** 2}  # fmt: skip
    if op.name in binary:
        out = binary[op.name](inputs[0], inputs[1])
        return _ACTIVATION.get(op.options.get("FusedActivationFunction", 0), lambda v: v)(out)
    if op.name == "MEAN":
        axes = tuple(int(a) for a in np.atleast_1d(inputs[1]))
        return np.mean(inputs[0], axis=tuple(a + 1 if a >= 0 else a for a in axes),
                       keepdims=bool(op.options.get("KeepDims", False)))  # fmt: skip
    if op.name == "RSQRT":
        with np.errstate(divide="ignore"):
            return 1.0 / np.sqrt(np.maximum(inputs[0], 0.0))
    return None


def _run_all(flatbuffer: bytes, features: np.ndarray) -> tuple[dict, dict]:
    """Every tensor's values over ``features`` (stacked on axis 0), and its details."""
    interpreter = _interpreter(flatbuffer)
    details = {d["name"]: d for d in interpreter.get_tensor_details()}
    (inp,) = interpreter.get_input_details()
    scale, zero = inp["quantization"]
    values: dict[str, list] = {}
    for example in features:
        example = example[np.newaxis].astype(np.float32)
        if inp["dtype"] != np.float32:
            info = np.iinfo(inp["dtype"])
            example = np.clip(np.round(example / scale) + zero, info.min, info.max)
        interpreter.set_tensor(inp["index"], example.astype(inp["dtype"]))
        interpreter.invoke()
        for name, d in details.items():
            try:
                values.setdefault(name, []).append(np.array(interpreter.get_tensor(d["index"])))
            except ValueError:  # a tensor without data (e.g. an optional input)
                continue
    return {k: np.stack(v) for k, v in values.items()}, details


def tensor_errors(
    float_tflite: bytes, int8_tflite: bytes, features: np.ndarray, contains: str = ""
) -> list[TensorError]:
    """The error of every int8 activation tensor against the float model, in graph order.

    Args:
        float_tflite: the float32 conversion of the model.
        int8_tflite: the full-int8 conversion of the same model.
        features: real model inputs ``(N, ...)`` (float; quantized here for the int8 model).
        contains: keep only tensors whose name contains this string (e.g. ``"resnorm"``).

    Returns:
        One :class:`TensorError` per op output present in both models.
    """
    float_values, _ = _run_all(float_tflite, features)
    int8_values, details = _run_all(int8_tflite, features)
    graph = fb.parse(int8_tflite, "int8 model")

    constants = {t.name: t for t in graph.tensors if t.is_constant}

    def dequantized(name):
        if name in constants:  # the same for every example
            t = constants[name]
            if not t.scales or len(t.scales) > 1:
                return t.data
            return (t.data.astype(np.float64) - t.zero_point) * t.scale
        values = int8_values[name]
        scale, zero = details[name]["quantization"]
        if not scale:  # int32 axes and other unquantized inputs
            return values[0]
        return (values.astype(np.float64) - zero) * scale

    rows = []
    for op in graph.operators:
        names = [graph.tensors[i].name for i in op.inputs if i >= 0]
        if not all(n in int8_values or n in constants for n in names):
            continue
        with np.errstate(all="ignore"):
            reference = _reference(op, [dequantized(n) for n in names])
        for index in op.outputs:
            name = graph.tensors[index].name
            if name not in float_values or name not in int8_values:
                continue
            scale, zero = details[name]["quantization"]
            if not scale:
                continue
            exact = float_values[name].astype(np.float64)
            q = int8_values[name].astype(np.int64)
            approx = (q - zero) * scale
            float_rms = float(np.sqrt(np.mean(exact**2)))
            error_rms = float(np.sqrt(np.mean((approx - exact) ** 2)))
            rel = error_rms / float_rms if float_rms > 0 else float("inf") * (error_rms > 0)
            local = float("nan")
            if reference is not None:
                finite = np.where(np.isfinite(reference), reference, approx)
                ref_rms = np.sqrt(np.mean(finite**2))
                local = (
                    float(np.sqrt(np.mean((approx - finite) ** 2)) / ref_rms) if ref_rms else 0.0
                )
            low, high = (zero - (-128)) * -scale, (127 - zero) * scale
            nonzero = exact != 0
            rows.append(
                TensorError(
                    op=op.name,
                    tensor=name,
                    scale=float(scale),
                    float_rms=float_rms,
                    error_rms=error_rms,
                    relative=rel,
                    local=local,
                    underflow=float(np.mean(q[nonzero] == zero)) if nonzero.any() else 0.0,
                    saturated=float(np.mean((exact < low) | (exact > high))),
                )
            )
    if contains:
        rows = [row for row in rows if contains in row.tensor]
    return rows


def format_table(rows: list[TensorError]) -> str:
    """A Markdown table of :func:`tensor_errors` rows."""
    lines = [
        "| op | tensor | int8 step | float RMS | error (accumulated) | error (op alone) | "
        "underflow | saturated |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.op} | `{r.tensor}` | {r.scale:.3g} | {r.float_rms:.3g} | "
            f"{100 * r.relative:.1f} % | {100 * r.local:.1f} % | {100 * r.underflow:.1f} % | "
            f"{100 * r.saturated:.1f} % |"
        )
    return "\n".join(lines)


@dataclasses.dataclass(frozen=True, kw_only=True)
class QATMismatch:
    """One fake-quantized tensor of a QAT model against its int8 twin, in int8 steps."""

    tensor: str
    """``layer`` (its output), ``layer:intermediate`` (fake-quant layers) or ``input``."""
    int8_tensor: str
    """Name of the int8 tensor on the same grid."""
    op: str
    """Builtin op that produces the int8 tensor (``INPUT`` for the model input)."""
    equal: float
    """Fraction of values identical in both."""
    within_one: float
    """Fraction of values at most one step apart."""
    max_steps: int
    """Largest difference."""
    mean_steps: float
    """Mean absolute difference."""


def qat_mismatch(qat_model: keras.Model, int8_tflite: bytes, features: np.ndarray) -> list:
    """Every fake-quantized tensor of ``qat_model`` against the int8 tensor on its grid
    (same scale, zero point and shape) in the TFLite Micro interpreter (whose kernels the
    firmware equals bit for bit; LiteRT's optimized MEAN, for one, rounds otherwise), on the
    same inputs, in graph order.

    Args:
        qat_model: a model of :func:`tfasc.compression.qat.quantize`.
        int8_tflite: its int8 export with the QAT ranges (``export_int8`` ``"qat_ranges"``).
        features: real model inputs ``(N, ...)``.

    Returns:
        One :class:`QATMismatch` per tensor that has an int8 twin (a tensor the converter
        folded away, e.g. a batch norm's output before its ReLU, has none).
    """
    interpreter = tflm.TFLMModel(int8_tflite, source="int8 model", preserve_all_tensors=True)
    graph = interpreter.graph
    features = interpreter.input_quantization.on_grid(features)  # both see the same inputs
    per_example = [interpreter.activations(q) for q in interpreter.input_quantization.quantize(
        features)]  # fmt: skip
    tensors = {t.index: t for t in graph.tensors if not t.is_constant and t.dtype == "int8"
               and t.scales}  # fmt: skip
    int8_values = {i: np.stack([values[i] for values in per_example])[:, 0] for i in tensors}
    producers = {i: op.name for op in graph.operators for i in op.outputs}
    slots = qat.range_slots(qat_model)
    wrappers = {getattr(w, "layer", w).name: w for w in qat_model.layers}
    inputs_of = {name: wrappers[name] for name, tensor in slots if tensor is not None}
    outputs_of = [name for name, tensor in slots if tensor is None]
    quantize_layer = next(w for w in qat_model.layers if w.name.startswith("quantize_layer"))
    probe = keras.Model(
        qat_model.inputs,
        [quantize_layer.output if name is None else wrappers[name].output for name in outputs_of]
        + [w.input for w in inputs_of.values()],
    )  # fmt: skip
    outputs = probe.predict(np.asarray(features, np.float32), batch_size=64, verbose=0)
    outputs = outputs if isinstance(outputs, list) else [outputs]
    values = {(name, None): v for name, v in zip(outputs_of, outputs, strict=False)}
    for (name, wrapper), x in zip(inputs_of.items(), outputs[len(outputs_of) :], strict=True):
        recorded = wrapper.layer.quantized_intermediates(wrapper, x)
        values.update({(name, t): v for t, v in recorded.items()})

    taken, rows = set(), []
    for key, pairs in slots.items():
        low, high = pairs[0]
        scale, zero_point = fake_quant.int8_grid({"min_var": low, "max_var": high})
        scale, zero_point = float(scale), int(zero_point)
        value = values[key]
        twins = [i for i, v in int8_values.items() if i not in taken
                 and tensors[i].zero_point == zero_point
                 and abs(tensors[i].scale - scale) <= 1e-5 * scale
                 and v.shape[1:] == value.shape[1:]]  # fmt: skip
        if not twins:
            continue
        twin = min(twins)
        taken.add(twin)
        steps = np.clip(np.round(value / scale) + zero_point, -128, 127).astype(np.int64)
        diff = np.abs(steps - int8_values[twin].astype(np.int64))
        name, tensor = key
        rows.append(
            QATMismatch(
                tensor="input" if name is None else name + (f":{tensor}" if tensor else ""),
                int8_tensor=tensors[twin].name,
                op=producers.get(twin, "INPUT"),
                equal=float(np.mean(diff == 0)),
                within_one=float(np.mean(diff <= 1)),
                max_steps=int(diff.max()),
                mean_steps=float(diff.mean()),
            )
        )
    order = {t.name: t.index for t in tensors.values()}
    return sorted(rows, key=lambda r: order[r.int8_tensor])


def format_mismatch_table(rows: list[QATMismatch]) -> str:
    """A Markdown table of :func:`qat_mismatch` rows."""
    lines = [
        "| QAT tensor | int8 op | identical | within 1 step | max steps | mean steps |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| `{r.tensor}` | {r.op} | {100 * r.equal:.1f} % | {100 * r.within_one:.1f} % "
            f"| {r.max_steps} | {r.mean_steps:.2f} |"
        )
    return "\n".join(lines)
