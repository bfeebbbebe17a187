"""The compiler: parse the model, lower every op, plan the arena, fill the C++ templates.

``compile_model`` returns an :class:`AOTModel` holding ``model.h`` (the API: ``Input()``,
``Output()``, ``Invoke()`` and the arena size) and ``model.cc`` (weights, requantization
constants, the arena and one block per op), made from ``templates/model.{h,cc}.in``.
``model.cc`` includes the firmware contract ``model_settings.h`` (``tfasc.firmware``) and
checks at compile time that it describes this model's input and output.

``kernels`` chooses what the ops call: ``"reference"`` the TFLite reference kernels, any
other value tfasc's own kernels (``micro/aot/include/tfasc_aot``), whose variant (portable,
DSP, Helium) the C++ compiler picks from the target's feature macros. Their scratch memory
differs by variant, so the arena is planned for one (``"portable"``, ``"dsp"``, ``"mve"``)
or for the largest of them (``"any"``, code that builds for every core); ``model.cc``
checks at compile time that each kernel's scratch fits.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import string

from tfasc.aot.arena import Allocation, plan_graph
from tfasc.aot.emitter import Emitter, check_int8
from tfasc.aot.ops import LOWERINGS
from tfasc.aot.sparse import POLICIES
from tfasc.csource import c_float
from tfasc.flatbuffer import Graph, MalformedModelError, ModelError, UnsupportedOpError, parse
from tfasc.ops import supported

MAX_ARENA_BYTES = 64 << 20
"""Larger arenas are rejected as malformed (no microcontroller has that much RAM)."""

KERNELS = ("reference", "portable", "dsp", "mve", "any")
"""What the generated code calls: the TFLite reference kernels, or tfasc's kernels with the
arena planned for one variant (or for any)."""


def _template(name: str) -> string.Template:
    return string.Template(
        importlib.resources.files("tfasc.aot").joinpath("templates", name).read_text()
    )


@dataclasses.dataclass(frozen=True)
class AOTModel:
    """Generated C++ for one model.

    Attributes:
        header: ``model.h`` (the API: ``Input()``, ``Output()``, ``Invoke()``, arena size).
        source: ``model.cc`` (weights, requantization constants, arena, op calls).
        namespace: C++ namespace of the API.
        ops: builtin op names in first-use order.
        arena_bytes: size of the statically planned tensor arena.
        input_shape: shape of the int8 input.
        output_shape: shape of the int8 output.
        input_quantization: ``(scale, zero_point)`` of the input.
        output_quantization: ``(scale, zero_point)`` of the output.
        allocations: the arena plan.
    """

    header: str
    source: str
    namespace: str
    ops: tuple[str, ...]
    arena_bytes: int
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    input_quantization: tuple[float, int]
    output_quantization: tuple[float, int]
    allocations: tuple[Allocation, ...]

    @property
    def files(self) -> dict[str, str]:
        """``{"model.h": header, "model.cc": source}`` (``tfasc.firmware.write_firmware``)."""
        return {"model.h": self.header, "model.cc": self.source}


def parse_single(flatbuffer: bytes, source: str = "the model") -> Graph:
    """The graph of ``flatbuffer`` (:func:`tfasc.flatbuffer.parse`), one input, one output."""
    graph = parse(flatbuffer, source)
    if graph.subgraphs != 1:
        raise MalformedModelError(f"malformed .tflite ({source}): expected exactly one subgraph")
    if len(graph.inputs) != 1 or len(graph.outputs) != 1 or -1 in graph.inputs + graph.outputs:
        raise UnsupportedOpError("only models with one input and one output are supported")
    return graph


def compile_model(
    flatbuffer: bytes,
    namespace: str = "tfasc_model",
    source: str = "the model",
    kernels: str = "any",
    sparse: str = "auto",
) -> AOTModel:
    """Compiles an int8 ``.tflite`` model into C++.

    Args:
        flatbuffer: the ``.tflite`` bytes (int8 input and output).
        namespace: C++ namespace of the generated API.
        source: how errors name the model (e.g. its file name).
        kernels: one of :data:`KERNELS` (the module docstring says what each means).
        sparse: where pruned weights are stored without their zeros
            (:data:`tfasc.aot.sparse.POLICIES`: ``auto`` where it saves flash and
            instructions, ``never``, ``always``).

    Returns:
        The generated sources and the arena plan.

    Raises:
        ValueError: an unknown ``kernels``.
        MalformedModelError: the flatbuffer is truncated, corrupted or inconsistent.
        UnsupportedOpError: an op (named, with its index), type or option is not supported.
    """
    if kernels not in KERNELS:
        raise ValueError(f"unknown kernels {kernels!r}; allowed: {', '.join(KERNELS)}")
    return compile_graph(parse_single(flatbuffer, source), namespace, kernels, sparse=sparse)


def compile_graph(
    graph: Graph,
    namespace: str,
    kernels: str = "any",
    contract: bool = True,
    header_name: str = "model.h",
    sparse: str = "auto",
) -> AOTModel:
    """:func:`compile_model` on a parsed graph.

    Args:
        graph: the model (one subgraph).
        namespace: C++ namespace of the generated API.
        kernels: one of :data:`KERNELS`.
        contract: check ``model_settings.h`` (firmware); False leaves it out and adds
            ``int8_t* InputAt(int i)`` for graphs with several inputs (the kernel tests).
        header_name: the header ``model.cc`` includes.
        sparse: as for :func:`compile_model`.
    """
    if kernels not in KERNELS:
        raise ValueError(f"unknown kernels {kernels!r}; allowed: {', '.join(KERNELS)}")
    if sparse not in POLICIES:
        raise ValueError(f"unknown sparse policy {sparse!r}; allowed: {', '.join(POLICIES)}")
    for op in graph.operators:
        if op.name not in LOWERINGS:
            raise UnsupportedOpError(
                f"op {op.name} (operator {op.index}) is not supported by the AOT generator; "
                f"supported: {', '.join(supported('aot'))}"
            )
        if not op.outputs or len(op.outputs) != 1 or op.outputs[0] < 0 or not op.inputs:
            raise MalformedModelError(f"malformed .tflite: operator {op.index} has no output")
    e = Emitter(graph, kernels, sparse)
    bodies = []
    for op in graph.operators:
        try:
            body = LOWERINGS[op.name](e, op)
        except ModelError:
            raise
        except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError) as error:
            raise MalformedModelError(
                f"malformed .tflite: {op.name} (op {op.index}): {type(error).__name__} {error}"
            ) from error
        bodies.append(
            f"  {{  // {op.index}: {op.name}\n{_indent(body)}  }}\n  TFASC_AOT_OP_DONE({op.index});\n"
        )

    x, y = graph.tensors[graph.inputs[0]], graph.tensors[graph.outputs[0]]
    for t in graph.inputs:
        check_int8(graph.tensors[t], None, "model input")
    check_int8(y, None, "model output")
    plan = plan_graph(graph, e.alias, e.scratch, e.overlaps)
    if plan.size > MAX_ARENA_BYTES:
        raise MalformedModelError(f"malformed .tflite: the arena would need {plan.size} bytes")
    ops = tuple(dict.fromkeys(op.name for op in graph.operators))
    header = _template("model.h.in").substitute(
        namespace=namespace, guard=namespace.upper(), ops=", ".join(ops), arena_bytes=plan.size
    )
    check_contract = _template("contract.in").substitute(
        input_elements=x.size,
        input_zero_point=x.zero_point,
        input_scale=c_float(x.scale),
        input_shape=", ".join(map(str, x.shape)),
        output_elements=y.size,
        output_zero_point=y.zero_point,
        output_scale=c_float(y.scale),
        output_shape=", ".join(map(str, y.shape)),
    )
    model_cc = _template("model.cc.in").substitute(
        header=header_name,
        namespace=namespace,
        contract=check_contract if contract else "",
        settings='#include "model_settings.h"\n' if contract else "",
        kernels=kernels,
        isa_check=_ISA_CHECKS[kernels],
        input_at="" if contract else _input_at(graph),
        constants="\n".join(e.constants),
        buffer_cases=_cases(plan.tensor_offsets),
        scratch_cases=_cases(plan.scratch_offsets),
        input=graph.inputs[0],
        output=graph.outputs[0],
        body="".join(bodies),
    )
    return AOTModel(
        header=header,
        source=model_cc,
        namespace=namespace,
        ops=ops,
        arena_bytes=plan.size,
        input_shape=x.shape,
        output_shape=y.shape,
        input_quantization=(x.scale, x.zero_point),
        output_quantization=(y.scale, y.zero_point),
        allocations=plan.allocations,
    )


_ISA_CHECKS = {
    "reference": "",
    "any": "",
    **{
        name: f"static_assert(tfasc_aot::kIsa == tfasc_aot::Isa::{isa},\n"
        f'              "the arena was planned for the {name} kernels: compile for that core '
        f'or with kernels=\\"any\\"");\n'
        for name, isa in (("portable", "kPortable"), ("dsp", "kDsp"), ("mve", "kMve"))
    },
}


def _input_at(graph: Graph) -> str:
    cases = "".join(
        f"    case {i}: return reinterpret_cast<int8_t*>(Buffer({t}));\n"
        for i, t in enumerate(graph.inputs)
    )
    return f"int8_t* InputAt(int i) {{\n  switch (i) {{\n{cases}    default: return nullptr;\n  }}\n}}\n\n"


def _cases(offsets: dict[int, int]) -> str:
    return "".join(f"    case {k}: return g_arena + {off};\n" for k, off in sorted(offsets.items()))


def _indent(text: str) -> str:
    return "".join("  " + line if line.strip() else line for line in text.splitlines(True))
