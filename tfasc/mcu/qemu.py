"""Running firmware (in QEMU for the boards) and reading the lines it prints.

The firmware mains (``micro/aot/*_main.cc``) print machine-readable lines::

    TFASC out <index> <int8 outputs...>
    TFASC instructions <index> <retired instructions>
    TFASC label <clip> <label> <front-end instructions> <model instructions>

Instructions are counted with QEMU ``-icount shift=0`` (one instruction per virtual
nanosecond) and the board's SysTick (``micro/targets/board.h``).
"""

from __future__ import annotations

import re
import subprocess

import numpy as np

from tfasc.mcu.boards import Board
from tfasc.mcu.toolchain import ToolchainError


def run(exe, board: Board, timeout: float = 300.0, icount: bool = True) -> tuple[int, str]:
    """Runs the firmware; returns ``(exit status, stdout + stderr)``.

    Raises:
        ToolchainError: it did not finish within ``timeout`` seconds.
    """
    if board.emulated:
        command = [
            "qemu-system-arm", "-M", board.name, "-nographic", "-monitor", "none",
            "-serial", "null", "-semihosting-config", "enable=on,target=native",
            "-kernel", str(exe),
        ]  # fmt: skip
        if icount:
            command[1:1] = ["-icount", "shift=0,align=off,sleep=off"]
    else:
        command = [str(exe)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ToolchainError(f"{board.name}: the firmware did not finish in {timeout} s") from error
    return result.returncode, result.stdout + result.stderr


def parse_outputs(text: str, count: int, output_size: int) -> tuple[np.ndarray, tuple[int, ...]]:
    """The ``TFASC out`` and ``TFASC instructions`` lines of ``count`` vectors or clips.

    Returns:
        ``(count, output_size)`` int8 outputs and the instructions of each (0 where none).

    Raises:
        ToolchainError: an output line is missing (the firmware stopped early).
    """
    outputs = np.zeros((count, output_size), np.int8)
    instructions = [0] * count
    seen = set()
    for match in re.finditer(r"^TFASC out (\d+)((?: -?\d+)*)\s*$", text, re.MULTILINE):
        v = int(match.group(1))
        values = [int(x) for x in match.group(2).split()]
        if v < count and len(values) == output_size:
            outputs[v] = values
            seen.add(v)
    for match in re.finditer(r"^TFASC instructions (\d+) (\d+)\s*$", text, re.MULTILINE):
        if int(match.group(1)) < count:
            instructions[int(match.group(1))] = int(match.group(2))
    if len(seen) != count:
        raise ToolchainError(
            f"the firmware printed {len(seen)} of {count} outputs:\n{text[-2000:]}"
        )
    return outputs, tuple(instructions)


def parse_ops(text: str) -> dict[int, int]:
    """The ``TFASC op <index> <instructions>`` lines of a profiling build."""
    return {
        int(m.group(1)): int(m.group(2))
        for m in re.finditer(r"^TFASC op (\d+) (\d+)\s*$", text, re.MULTILINE)
    }


def parse_labels(text: str, count: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The ``TFASC label`` lines: per clip its label, front-end and model instructions."""
    labels, front, back = [0] * count, [0] * count, [0] * count
    for m in re.finditer(r"^TFASC label (\d+) (\d+) (\d+) (\d+)\s*$", text, re.MULTILINE):
        c = int(m.group(1))
        if c < count:
            labels[c], front[c], back[c] = int(m.group(2)), int(m.group(3)), int(m.group(4))
    return tuple(labels), tuple(front), tuple(back)
