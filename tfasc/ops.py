"""The one table of TFLite builtin ops and what each deployment path supports.

Three paths run an int8 model: the TFLite Micro interpreter (``tfasc.tflm``, and a
firmware engineer's TFLM build through the generated ``model_ops.h``), and tfasc's own
ahead-of-time compiler (``tfasc.aot``) on the boards. Export, firmware generation and the AOT
compiler all ask this table, so an op is added in one place.

Example:
    >>> unsupported(["CONV_2D", "GELU"], "aot")
    ['GELU']
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, kw_only=True)
class OpSupport:
    """What one builtin op can run on."""

    resolver: str | None
    """``MicroMutableOpResolver`` method that registers it (checked against the
    ``micro_mutable_op_resolver.h`` of upstream TFLM and of xmos-ai-tools), or None."""
    tflm_int8: bool
    """TFLM has an int8 kernel for it (what ``tfasc export --mode int8`` accepts)."""
    aot: bool
    """``tfasc.aot`` lowers it onto the reference int8 kernels."""
    tflm_int16: bool = False
    """TFLM runs it with int16 activations and int8 weights (``int16x8`` export), bit-exact
    with TFLite: measured by converting a one-op model and running both interpreters."""


INT16_OPS = frozenset({
    "ADD", "AVERAGE_POOL_2D", "CONCATENATION", "CONV_2D", "DEPTHWISE_CONV_2D",
    "FULLY_CONNECTED", "LOGISTIC", "MAX_POOL_2D", "MEAN", "MUL", "PAD", "QUANTIZE", "RELU",
    "RESHAPE", "SOFTMAX", "STRIDED_SLICE", "SUB", "TANH",
})  # fmt: skip
"""Ops TFLM ran in 16x8 bit-exactly with TFLite (tflite-micro and ai-edge-litert of
2026-12). Not: SQUARED_DIFFERENCE (the kernels take float32/int32 only) and RSQRT (runs, but
its int16 output differs from TFLite's), so ResNorm cannot run in 16x8."""


def _op(resolver, tflm_int8=True, aot=False) -> OpSupport:
    return OpSupport(resolver=resolver, tflm_int8=tflm_int8, aot=aot)


OPS: dict[str, OpSupport] = {
    "ABS": _op("AddAbs", tflm_int8=False),
    "ADD": _op("AddAdd", aot=True),
    "ARG_MAX": _op("AddArgMax", tflm_int8=False),
    "ARG_MIN": _op("AddArgMin", tflm_int8=False),
    "AVERAGE_POOL_2D": _op("AddAveragePool2D", aot=True),
    "BATCH_MATMUL": _op("AddBatchMatMul"),
    "CONCATENATION": _op("AddConcatenation", aot=True),
    "CONV_2D": _op("AddConv2D", aot=True),
    "DEPTHWISE_CONV_2D": _op("AddDepthwiseConv2D", aot=True),
    "DEQUANTIZE": _op("AddDequantize"),
    "EXPAND_DIMS": _op("AddExpandDims", tflm_int8=False),
    "FULLY_CONNECTED": _op("AddFullyConnected", aot=True),
    "HARD_SWISH": _op("AddHardSwish"),
    "LEAKY_RELU": _op("AddLeakyRelu"),
    "LOGISTIC": _op("AddLogistic", aot=True),
    "MAXIMUM": _op("AddMaximum", tflm_int8=False),
    "MAX_POOL_2D": _op("AddMaxPool2D", aot=True),
    "MEAN": _op("AddMean", aot=True),
    "MINIMUM": _op("AddMinimum", tflm_int8=False),
    "MUL": _op("AddMul", aot=True),
    "PACK": _op("AddPack"),
    "PAD": _op("AddPad", aot=True),
    "PADV2": _op("AddPadV2", tflm_int8=False, aot=True),
    "PRELU": _op("AddPrelu", tflm_int8=False),
    "QUANTIZE": _op("AddQuantize", aot=True),
    "REDUCE_MAX": _op("AddReduceMax", tflm_int8=False),
    "RELU": _op("AddRelu"),
    "RELU6": _op("AddRelu6"),
    "RESHAPE": _op("AddReshape", aot=True),
    "RSQRT": _op("AddRsqrt", aot=True),
    "SHAPE": _op("AddShape"),
    "SOFTMAX": _op("AddSoftmax", aot=True),
    "SPLIT": _op("AddSplit"),
    "SPLIT_V": _op("AddSplitV", tflm_int8=False),
    "SQUARED_DIFFERENCE": _op("AddSquaredDifference", aot=True),
    "SQUEEZE": _op("AddSqueeze", aot=True),
    "STRIDED_SLICE": _op("AddStridedSlice", aot=True),
    "SUB": _op("AddSub", aot=True),
    "SUM": _op("AddSum"),
    "TANH": _op("AddTanh"),
    "TRANSPOSE": _op("AddTranspose"),
    "UNPACK": _op("AddUnpack"),
}
OPS = {name: dataclasses.replace(op, tflm_int16=name in INT16_OPS) for name, op in OPS.items()}
"""Builtin op name -> :class:`OpSupport`."""

PATHS = {
    "tflm_int8": "TFLite Micro (int8)",
    "tflm_int16": "TFLite Micro (int16 activations, int8 weights)",
    "resolver": "the TFLM op resolver (model_ops.h)",
    "aot": "the tfasc AOT compiler",
}
"""Deployment paths by field name of :class:`OpSupport`, with how errors name them."""


def supported(path: str) -> tuple[str, ...]:
    """Ops that ``path`` (a key of :data:`PATHS`) supports, sorted."""
    if path not in PATHS:
        raise ValueError(f"unknown deployment path {path!r}; allowed: {', '.join(PATHS)}")
    return tuple(sorted(name for name, op in OPS.items() if getattr(op, path)))


def unsupported(ops, path: str) -> list[str]:
    """The ops of ``ops`` that ``path`` cannot run, in their order, each once."""
    allowed = set(supported(path))
    return [op for op in dict.fromkeys(ops) if op not in allowed]


def resolver_methods(ops) -> list[str]:
    """``MicroMutableOpResolver`` methods for ``ops`` (unsupported ones must be checked first)."""
    return [OPS[op].resolver for op in dict.fromkeys(ops)]
