"""Firmware on emulated Cortex-M (QEMU mps2-an386 / mps3-an547), compared with TFLM.

(1) Model only: the AOT-compiled DCASE2022 baseline (int8) gives outputs identical, bit for
bit, to the TFLite Micro interpreter on 20 test vectors on both boards. (2) Full pipeline:
int16 PCM -> C log-mel front end -> model -> label equals the Python pipeline's label
(tfasc.features + TFLM) on every clip. Also: the SysTick instruction counter is exact, a
mismatch gives a non-zero exit status, and a missing tool names its Debian package.
"""

import shutil
import subprocess

import numpy as np
import pytest

from tfasc import features, mcu, models
from tfasc.convert import to_tflite
from tfasc.data import synth
from tfasc.keras import keras

pytestmark = [
    pytest.mark.mcu,
    pytest.mark.skipif(
        any(shutil.which(t) is None for t in ("arm-none-eabi-g++", "qemu-system-arm")),
        reason="needs gcc-arm-none-eabi and qemu-system-arm (tools/setup.sh)",
    ),
]

BOARDS = ("mps2-an386", "mps3-an547")
SCENES = ("airport", "bus", "metro", "park", "street_traffic", "tram")


@pytest.fixture(scope="module")
def clips() -> np.ndarray:
    """One synthetic 1-s device-a clip per scene, int16 at 44.1 kHz."""
    rng = np.random.default_rng(0)
    out = []
    for scene in SCENES:
        x = synth.render_scene(scene, location="lisbon-1000",
                               segment=f"{scene}-lisbon-1000-7", seconds=1.0, sr=44100)  # fmt: skip
        x = synth.render_device(x, "a", 44100, rng)
        out.append(np.clip(np.round(x * 32768), -32768, 32767).astype(np.int16))
    return np.stack(out)


@pytest.fixture(scope="module")
def baseline_tflite(clips) -> bytes:
    """The DCASE2022 baseline, int8, with logits spread enough for labels to differ."""
    keras.utils.set_random_seed(0)
    model = models.build("dcase2022_baseline")
    kernel, bias = model.get_layer("logits").get_weights()
    model.get_layer("logits").set_weights([kernel * 10, bias])
    feats = features.log_mel(clips.astype(np.float32) / 32768, "dcase2022").numpy()
    noise = np.random.default_rng(1).normal(size=(58, *feats.shape[1:])).astype(np.float32)
    return to_tflite(model, "int8", np.concatenate([feats, noise]))


@pytest.mark.parametrize("board", BOARDS)
def test_baseline_is_bit_exact_on_board(baseline_tflite, board):
    result = mcu.mcu_test(baseline_tflite, board=board, num_vectors=20)
    assert result.bit_exact, f"{result.mismatches} of 20 vectors differ from TFLM on {board}"
    # Two 40x51x16 int8 maps; weights (46.5 kB of int8 constants) + code in flash.
    assert result.arena_bytes == 65280
    assert 60_000 < result.flash_bytes < mcu.BOARDS[board].code_bytes
    assert result.ram_bytes < mcu.BOARDS[board].ram_bytes
    # 29.2 M MACs with the reference kernels: a few instructions per MAC.
    assert 5e7 < result.instructions_per_inference < 1e9
    # The same work for every vector, up to data-dependent clamps and max-pool branches.
    assert max(result.instructions) - min(result.instructions) < 1e-3 * max(result.instructions)


@pytest.mark.parametrize("board", BOARDS)
def test_full_pipeline_labels_equal_python(baseline_tflite, clips, board):
    result = mcu.mcu_pipeline(baseline_tflite, "dcase2022", list(clips), board=board)
    assert result.labels == result.expected_labels, mcu.pipeline_summary(result)
    # The C front end is within one int8 step of Python on >= 99.9 % of elements.
    diff = np.abs(result.outputs.astype(int) - result.expected.astype(int))
    assert diff.max() <= 3
    assert min(result.frontend_instructions) > 1e6


def test_instruction_counter_is_exact(tmp_path):
    """A 2 x 10M-instruction loop reads 20M instructions (QEMU -icount shift=0 + SysTick)."""
    source = tmp_path / "loop.c"
    source.write_text(
        '#include <stdio.h>\n#include "board.h"\nint main(void) {\n  board_init();\n'
        "  uint64_t start = board_instructions();\n"
        '  __asm volatile("ldr r0, =10000000\\n1: subs r0, r0, #1\\n bne 1b\\n" ::: "r0", "cc");\n'
        '  printf("COUNT %llu\\n", (unsigned long long)(board_instructions() - start));\n'
        "  return 0;\n}\n"
    )
    targets = mcu.MICRO_DIR / "targets"
    for board in BOARDS:
        b = mcu.BOARDS[board]
        elf = tmp_path / f"{b.directory}.elf"
        subprocess.run(
            ["arm-none-eabi-gcc", "-O2", *b.cpu_flags, f"-I{targets}", str(source),
             str(targets / b.directory / "board.c"), str(targets / "common" / "cortex_m.c"),
             "--specs=rdimon.specs", "-nostartfiles", f"-L{targets / 'common'}",
             f"-T{targets / b.directory / 'linker.ld'}", "-o", str(elf)],
            check=True,
        )  # fmt: skip
        returncode, text = mcu.run(elf, b, timeout=60)
        assert returncode == 0, text
        count = int(text.split("COUNT")[1].split()[0])
        assert 20_000_000 <= count < 20_000_200, f"{board}: {count}"


def test_mismatch_gives_exit_status_one(baseline_tflite, tmp_path):
    inputs, expected = mcu.test_vectors(baseline_tflite, 2)
    expected = expected.copy()
    expected[1, 0] ^= 1
    model = mcu.aot.compile_model(baseline_tflite)
    mcu.write_vectors(inputs, expected, tmp_path)
    board = mcu.BOARDS["mps2-an386"]
    exe = mcu.build(model, board, tmp_path, mcu.MICRO_DIR / "aot" / "vectors_main.cc",
                    extra_sources=[tmp_path / "test_vectors.cc"])  # fmt: skip
    returncode, text = mcu.run(exe, board, icount=False)
    assert returncode == 1 and "TFASC done 2 1" in text


def test_missing_tool_names_the_package(monkeypatch):
    monkeypatch.setattr(mcu.shutil, "which", lambda tool: None if "qemu" in tool else "/bin/x")
    with pytest.raises(mcu.ToolchainError, match="apt-get install qemu-system-arm"):
        mcu.require_tools(mcu.BOARDS["mps3-an547"])
