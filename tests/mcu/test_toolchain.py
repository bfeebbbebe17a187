"""Missing tools are named with the Debian packages that install them."""

import pytest

from tfasc import mcu
from tfasc.mcu import toolchain


def test_missing_tool_names_the_package(monkeypatch):
    monkeypatch.setattr(toolchain, "find_tool", lambda tool: None if "qemu" in tool else "/bin/x")
    with pytest.raises(mcu.ToolchainError, match="apt-get install qemu-system-arm"):
        mcu.require_tools(mcu.BOARDS["mps3-an547"])
    monkeypatch.setattr(toolchain, "find_tool", lambda tool: None if tool == "cmake" else "/bin/x")
    with pytest.raises(
        mcu.ToolchainError, match="cmake not found; install it with `apt-get install cmake`"
    ):
        mcu.require_tools(mcu.BOARDS["host"])


def test_unknown_board_lists_the_boards():
    with pytest.raises(ValueError, match="allowed: mps2-an386, mps3-an547, host"):
        mcu.mcu_test(b"", board="esp32")
