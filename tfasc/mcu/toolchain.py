"""The external tools the firmware needs, and the error when one is missing or fails."""

from __future__ import annotations

import pathlib
import shutil
import sys

from tfasc.mcu.boards import Board

PACKAGES = {
    "cmake": "cmake",
    "gcc": "gcc",
    "g++": "g++",
    "arm-none-eabi-gcc": "gcc-arm-none-eabi",
    "arm-none-eabi-g++": "gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib",
    "arm-none-eabi-size": "binutils-arm-none-eabi",
    "qemu-system-arm": "qemu-system-arm",
}
"""Tool -> the Debian packages that install it."""


class ToolchainError(RuntimeError):
    """A build or emulation tool is missing or failed; the message says which and why."""

    def __init__(self, message: str, output: str = ""):
        super().__init__(message)
        self.output = output
        """The whole output of the failed command (the message holds its end)."""


def find_tool(name: str) -> str | None:
    """``name`` on the PATH, else beside the running interpreter (a venv's ``cmake`` wheel)."""
    found = shutil.which(name)
    if found is None:
        beside = pathlib.Path(sys.executable).parent / name
        found = str(beside) if beside.is_file() else None
    return found


def tools_for(board: Board) -> list[str]:
    """The tools building and running firmware for ``board`` needs."""
    if board.emulated:
        return ["cmake", "arm-none-eabi-gcc", "arm-none-eabi-g++", "arm-none-eabi-size",
                "qemu-system-arm"]  # fmt: skip
    return ["cmake", "gcc", "g++"]


def require_tools(board: Board) -> None:
    """Raises :class:`ToolchainError` naming the Debian packages to install if a tool is missing."""
    missing = [t for t in tools_for(board) if find_tool(t) is None]
    if missing:
        packages = " ".join(dict.fromkeys(" ".join(PACKAGES[t] for t in missing).split()))
        raise ToolchainError(
            f"{', '.join(missing)} not found; install it with `apt-get install {packages}`"
        )
