"""``profile_model``: instructions, RAM and flash of every layer on an emulated board.

Like Silicon Labs MLTK's model profiler, for tfasc's AOT firmware: the model is compiled
(:mod:`tfasc.aot`), built with ``TFASC_PROFILE`` (``Invoke()`` marks the end of every op,
``micro/aot/vectors_main.cc`` counts the instructions in between with QEMU's
``-icount shift=0``) and run on test vectors compared with TFLM. Per layer:

- instructions of one inference (QEMU counts instructions, not cycles);
- RAM: the bytes of the arena in use while the layer runs (its inputs, output, scratch and
  every tensor kept for later, overlapping buffers counted once);
- flash: the layer's constants in the image (weights or their nonzeros, folded bias,
  multipliers, shifts), from the ELF's symbol table; code and shared constants are totals.

Example:
    >>> p = profile_model(open("model.tflite", "rb").read(), board="mps3-an547")
    >>> p.layers[0].op, p.layers[0].instructions
    ('CONV_2D', 1547961)
"""

from __future__ import annotations

import dataclasses
import re
import subprocess

import tfasc.mcu.build as build
from tfasc import aot, complexity
from tfasc.flatbuffer import parse
from tfasc.mcu.boards import board as board_named
from tfasc.mcu.vectors import mcu_test


@dataclasses.dataclass(frozen=True)
class LayerProfile:
    """One operator of the profiled model."""

    index: int
    op: str
    output_shape: tuple[int, ...]
    kernel: str
    """The function the op calls (``tfasc_aot::Conv``, ``reference_ops::Softmax``, ...)."""
    macs: int
    instructions: int
    ram_bytes: int
    flash_bytes: int


@dataclasses.dataclass(frozen=True)
class Profile:
    """The per-layer profile of one model on one board."""

    board: str
    kernels: str
    layers: tuple[LayerProfile, ...]
    instructions: int
    """Instructions of one inference (an unprofiled one: without the counting)."""
    arena_bytes: int
    flash_bytes: int
    """The whole image's code and constants (without the test vectors)."""
    code_bytes: int
    """``.text``: the kernels, the runtime and the firmware main."""
    static_ram_bytes: int
    bit_exact: bool

    def summary(self) -> dict:
        """Totals and layers as JSON-ready values."""
        return {
            "board": self.board,
            "kernels": self.kernels,
            "instructions": self.instructions,
            "arena_bytes": self.arena_bytes,
            "flash_bytes": self.flash_bytes,
            "code_bytes": self.code_bytes,
            "static_ram_bytes": self.static_ram_bytes,
            "bit_exact": self.bit_exact,
            "layers": [dataclasses.asdict(layer) for layer in self.layers],
        }

    def table(self) -> str:
        """A markdown table of the layers, then the totals."""
        total = sum(layer.instructions for layer in self.layers) or 1
        rows = [
            "| # | op | output | kernel | MACs | instructions | % | instr./MAC | RAM (B) | flash (B) |",
            "|---:|---|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for layer in self.layers:
            per_mac = f"{layer.instructions / layer.macs:.2f}" if layer.macs else ""
            rows.append(
                f"| {layer.index} | {layer.op} | {'x'.join(map(str, layer.output_shape))} "
                f"| {layer.kernel} | {layer.macs:,} | {layer.instructions:,} "
                f"| {100 * layer.instructions / total:.1f} | {per_mac} | {layer.ram_bytes:,} "
                f"| {layer.flash_bytes:,} |"
            )
        rows.append(
            f"\n{self.board} ({self.kernels} kernels): {self.instructions:,} instructions per "
            f"inference, arena {self.arena_bytes:,} B, flash {self.flash_bytes:,} B (code "
            f"{self.code_bytes:,} B), static RAM {self.static_ram_bytes:,} B, bit-exact with "
            f"TFLM: {self.bit_exact}"
        )
        return "\n".join(rows)


def profile_model(
    flatbuffer: bytes,
    board: str = "mps2-an386",
    kernels: str | None = None,
    sparse: str = "auto",
    num_vectors: int = 3,
    build_dir=None,
    timeout: float = 600.0,
) -> Profile:
    """Profiles every layer of an int8 model on an emulated board.

    Args:
        flatbuffer: int8 ``.tflite`` bytes.
        board: an emulated board of :data:`tfasc.mcu.BOARDS`.
        kernels: what the ops call (``tfasc.aot.KERNELS``); None: the board's SIMD kernels.
        sparse: where pruned weights are stored without zeros (``tfasc.aot.sparse.POLICIES``).
        num_vectors: test vectors (the first is profiled; at least 2 for an unprofiled count).
        build_dir: where the sources and the build go (a temporary folder if None).
        timeout: seconds before the emulator is stopped.

    Returns:
        The :class:`Profile`.

    Raises:
        ValueError: the host (no instruction counter), an unknown board or kernels.
        tfasc.mcu.ToolchainError: a tool is missing, the build or the firmware fails.
    """
    target = board_named(board)
    if not target.emulated:
        raise ValueError("tfasc profile needs an emulated board (mps2-an386, mps3-an547)")
    kernels = kernels or target.kernels
    model = aot.compile_model(flatbuffer, kernels=kernels, sparse=sparse)
    with build.workspace(build_dir) as (generated, _):  # the ELF must outlive mcu_test
        result = mcu_test(flatbuffer, board=board, num_vectors=max(num_vectors, 2),
                          kernels=kernels, profile=True, build_dir=generated.parent,
                          timeout=timeout, sparse=sparse)  # fmt: skip
        flash = constant_bytes(result.elf)
    graph = parse(flatbuffer)
    macs = [layer.macs for layer in complexity.tflite_complexity(flatbuffer, False).layers]
    called = _kernels(model.source)
    layers = tuple(
        LayerProfile(
            index=op.index,
            op=op.name,
            output_shape=graph.tensors[op.outputs[0]].shape,
            kernel=called.get(op.index, "(none: an alias)"),
            macs=macs[op.index],
            instructions=result.op_instructions.get(op.index, 0),
            ram_bytes=_arena_in_use(model.allocations, op.index),
            flash_bytes=sum(n for (kind, i), n in flash.items() if _belongs(kind, i, op, graph)),
        )
        for op in graph.operators
    )
    vector_bytes = len(result.outputs) * (
        graph.tensors[graph.inputs[0]].size + graph.tensors[graph.outputs[0]].size
    )
    return Profile(
        board=board,
        kernels=kernels,
        layers=layers,
        instructions=result.instructions_per_inference,
        arena_bytes=result.arena_bytes,
        flash_bytes=result.flash_bytes - vector_bytes,
        code_bytes=result.sections.get(".text", 0),
        static_ram_bytes=result.ram_bytes,
        bit_exact=result.bit_exact,
    )


_CONSTANT = re.compile(
    r"^[0-9a-f]+ ([0-9a-f]+) [rRdD] .*\bk(Weights|Bias|Multiplier|Shift|Starts|Index|Values"
    r"|Tensor)(\d+)$"
)


def constant_bytes(elf) -> dict[tuple[str, int], int]:
    """``(kind, index) -> bytes`` of the model's constants in an ELF (``kWeights12``...)."""
    out = subprocess.run(["arm-none-eabi-nm", "-S", "-C", str(elf)], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    sizes = {}
    for line in out.splitlines():
        m = _CONSTANT.match(line.strip())
        if m:
            sizes[(m.group(2), int(m.group(3)))] = int(m.group(1), 16)
    return sizes


def _belongs(kind: str, index: int, op, graph) -> bool:
    if kind != "Tensor":
        return index == op.index
    first = next((o for o in graph.operators if index in o.inputs), None)
    return first is not None and first.index == op.index  # a shared constant: its first user


def _arena_in_use(allocations, op: int) -> int:
    """Bytes of the union of the buffers alive at ``op``."""
    spans = sorted((a.offset, a.offset + a.nbytes) for a in allocations if a.first <= op <= a.last)
    used, end = 0, 0
    for lo, hi in spans:
        if hi > end:
            used += hi - max(lo, end)
            end = hi
    return used


def _kernels(source: str) -> dict[int, str]:
    """Op index -> the kernel its block in ``model.cc`` calls."""
    called = {}
    statement = re.compile(r"^\s+(tfasc_aot|reference_ops|reference_integer_ops)::(\w+)[<(]", re.M)
    for m in re.finditer(r"\{  // (\d+): \w+\n(.*?)\n  \}\n  TFASC_AOT_OP_DONE", source, re.S):
        call = statement.search(m.group(2))
        if call:
            called[int(m.group(1))] = f"{call.group(1)}::{call.group(2)}"
    return called
