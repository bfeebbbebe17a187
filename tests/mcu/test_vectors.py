"""mcu_test on emulated Cortex-M (QEMU mps2-an386 / mps3-an547), compared with TFLM.

The AOT-compiled DCASE2022 baseline (int8) gives outputs identical, bit for bit, to the
TFLite Micro interpreter on 20 test vectors on both boards; a mismatch gives exit status 1.
"""

import pytest

from tests.mcu.conftest import needs_boards
from tfasc import aot, firmware, mcu, tflm
from tfasc.mcu import build, qemu, vectors

pytestmark = [pytest.mark.mcu, needs_boards]

BOARDS = ("mps2-an386", "mps3-an547")


@pytest.mark.parametrize("board", BOARDS)
def test_baseline_is_bit_exact_on_board(baseline_tflite, board):
    result = mcu.mcu_test(baseline_tflite, board=board, num_vectors=20)
    assert result.bit_exact, f"{result.mismatches} of 20 vectors differ from TFLM on {board}"
    # The board's SIMD kernels by default. The conv outputs overlap their inputs: one 37 kB
    # block instead of two 40x51x16 int8 maps (65,280 B with the reference kernels), plus
    # the im2col scratch (DSP: four int16 columns of 784; Helium: four int8 rows of 784).
    assert result.kernels == mcu.BOARDS[board].kernels
    assert result.arena_bytes == {"mps2-an386": 40976, "mps3-an547": 40256}[board]
    assert 60_000 < result.flash_bytes < mcu.BOARDS[board].code_bytes
    # The 20 inputs (40x51 int8) and outputs live in .test_data, a memory of their own (the
    # M55's 512 KiB code memory overflowed with 20 vectors of larger models), not in flash.
    assert 0 <= result.sections[".test_data"] - 20 * (40 * 51 + 10) < 16  # + alignment
    assert result.ram_bytes < mcu.BOARDS[board].ram_bytes
    # 29.2 M MACs: under 1.5 instructions per MAC with the DSP, 0.3 with Helium.
    assert (
        result.instructions_per_inference < {"mps2-an386": 1.5, "mps3-an547": 0.3}[board] * 29.2e6
    )
    # The same work for every vector, up to data-dependent clamps and max-pool branches.
    assert max(result.instructions) - min(result.instructions) < 1e-3 * max(result.instructions)


def test_mismatch_gives_exit_status_one(baseline_tflite, tmp_path):
    interpreter = tflm.TFLMModel(baseline_tflite)
    inputs, expected = firmware.make_test_vectors(interpreter, 2)
    expected = expected.copy()
    expected[1, 0] ^= 1
    files = vectors.vector_files(aot.compile_model(baseline_tflite), interpreter, inputs, expected)
    firmware.write_firmware(tmp_path / "generated", files)
    board = mcu.BOARDS["mps2-an386"]
    exe = build.build(board, "aot_vectors", tmp_path / "generated", tmp_path / "cmake",
                      build.kernel_include_dirs())  # fmt: skip
    returncode, text = qemu.run(exe, board, icount=False)
    assert returncode == 1 and "TFASC done 2 1" in text


def test_zero_vectors_are_refused(baseline_tflite):
    with pytest.raises(ValueError, match="at least 1"):
        mcu.mcu_test(baseline_tflite, board="host", num_vectors=0)
