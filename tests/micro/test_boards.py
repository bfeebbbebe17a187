"""The boards' startup contract (micro/targets) under QEMU: the target ``board_selftest``.

Reset_Handler calls ``main(0, {NULL})`` (a harness reading ``argv`` sees no arguments, not
garbage), a static C++ object with a destructor links (``__dso_handle``, which
``-nostartfiles`` would otherwise drop with crtbegin.o), and the SysTick instruction counter
reads a 2 x 10M-instruction loop exactly (QEMU ``-icount shift=0``).
"""

import re

import pytest

from tests.mcu.conftest import needs_boards
from tfasc import mcu
from tfasc.mcu import build, qemu

pytestmark = [pytest.mark.mcu, needs_boards]


@pytest.mark.parametrize("board", ["mps2-an386", "mps3-an547"])
def test_startup_contract_and_instruction_counter(board, tmp_path):
    target = mcu.BOARDS[board]
    (tmp_path / "generated").mkdir()
    elf = build.build(target, "board_selftest", tmp_path / "generated", tmp_path / "cmake")
    returncode, text = qemu.run(elf, target, timeout=60)
    assert returncode == 0, text
    assert "TFASC selftest argc 0 argv0 null" in text
    assert "TFASC selftest static 42" in text
    count = int(re.search(r"TFASC selftest count (\d+)", text).group(1))
    assert 20_000_000 <= count < 20_000_200, f"{board}: {count}"
