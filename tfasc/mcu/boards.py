"""The build targets: two QEMU Cortex-M boards and the host.

The compiler flags of each board live in its CMake toolchain file (``micro/cmake/``), its
startup and memory map under ``micro/targets/``; this table says which is which and how big
the memories are.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, kw_only=True)
class Board:
    """A build target."""

    name: str
    """Board name as QEMU spells it (``mps2-an386``), or ``host``."""
    directory: str
    """Folder under ``micro/targets/`` holding ``board.c`` (and ``linker.ld``)."""
    toolchain: str | None = None
    """CMake toolchain file under ``micro/cmake/``; None builds with the native compiler."""
    core: str = ""
    """The processor, for people."""
    code_bytes: int = 0
    """Size of the memory region holding code and constants."""
    ram_bytes: int = 0
    """Size of the memory region holding data, bss, heap and stack."""
    kernels: str = "portable"
    """The variant of tfasc's int8 kernels its core runs (``tfasc.aot.KERNELS``): ``dsp``
    (the DSP extension) or ``mve`` (Helium); the C++ compiler picks it from the core's
    feature macros, and the arena is planned for it."""

    @property
    def emulated(self) -> bool:
        """True for the boards that run under QEMU (and count instructions)."""
        return self.toolchain is not None


BOARDS = {
    "mps2-an386": Board(
        name="mps2-an386",
        directory="mps2_an386",
        toolchain="mps2-an386.cmake",
        core="Cortex-M4F",
        code_bytes=4 << 20,
        ram_bytes=4 << 20,
        kernels="dsp",
    ),
    "mps3-an547": Board(
        name="mps3-an547",
        directory="mps3_an547",
        toolchain="mps3-an547.cmake",
        core="Cortex-M55",
        code_bytes=512 << 10,
        ram_bytes=4 << 20,
        kernels="mve",
    ),
    "host": Board(name="host", directory="host", core="this computer"),
}
"""Supported boards by name."""


def board(name: str) -> Board:
    """The :class:`Board` called ``name``; ``ValueError`` listing the allowed names if none."""
    if name not in BOARDS:
        raise ValueError(f"unknown board {name!r}; allowed: {', '.join(BOARDS)}")
    return BOARDS[name]
