"""The TFLM harness (micro/tflm, CMake target ``tflm_harness``) on the DCASE2022 baseline.

On our machines the only TFLM C++ build is the xmos-ai-tools wheel's host library, which
has no interpreter (micro/tflm/README.md): the harness and the generated sources are
compiled against its headers, for the host and both boards, and the host link must lack
exactly the interpreter. The CMake project picks the TFLM library built for the target and
that library's defines (checked on a tree of empty libraries). With ``TFLM_ROOT`` pointing
at a tflite-micro tree (microlite built for the host and the boards), the harness is built
and run, and must match the Python TFLM interpreter bit for bit on every test vector.
"""

from __future__ import annotations

import os
import re
import shutil

import numpy as np
import pytest

from tests.mcu.conftest import needs_boards
from tfasc import firmware, mcu, models
from tfasc.convert import to_tflite
from tfasc.mcu import build, qemu

pytestmark = [
    pytest.mark.mcu,
    pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed"),
]

INTERPRETER_SYMBOLS = re.compile(r"tflite_micro::(MicroInterpreter|MicroAllocator)::")


def xmos_variables() -> dict[str, str]:
    runtime = build.kernel_include_dirs()["TFASC_KERNELS_INCLUDE_DIR"].removesuffix("/include")
    return {"XMOS_AITOOLS_RUNTIME": runtime, "TFASC_WARNINGS_AS_ERRORS": "ON",
            **build.kernel_include_dirs()}  # fmt: skip


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    model = models.build("dcase2022_baseline")
    calibration = np.random.default_rng(0).standard_normal((16, 40, 51, 1)).astype(np.float32)
    flatbuffer = to_tflite(model, "int8", calibration)
    out = tmp_path_factory.mktemp("firmware")
    firmware.write_firmware(out, firmware.firmware_files(flatbuffer, "dcase2022", num_vectors=20))
    return out


def test_harness_compiles_against_xmos_tflm_and_lacks_only_the_interpreter(generated, tmp_path):
    host = mcu.BOARDS["host"]
    build.build(host, "tflm_harness_objects", generated, tmp_path, xmos_variables())
    with pytest.raises(mcu.ToolchainError) as link:
        build.build(host, "tflm_harness", generated, tmp_path, xmos_variables())
    missing = set(re.findall(r"undefined reference to `([^']*)'", link.value.output))
    assert missing, link.value.output[-3000:]
    assert all(INTERPRETER_SYMBOLS.search(symbol) for symbol in missing), sorted(missing)


@needs_boards
@pytest.mark.parametrize("board", ["mps2-an386", "mps3-an547"])
def test_harness_compiles_for_the_boards(generated, board, tmp_path):
    build.build(mcu.BOARDS[board], "tflm_harness_objects", generated, tmp_path, xmos_variables())
    assert len(list(tmp_path.rglob("harness.cc.o*"))) == 2  # the object and its .d file


def _fake_tflm_tree(root, builds):
    for name in builds:
        (root / "gen" / name / "lib").mkdir(parents=True)
        (root / "gen" / name / "lib" / "libtensorflow-microlite.a").write_bytes(b"!<arch>\n")
    return root


@pytest.mark.parametrize(
    ("board", "selected", "defines"),
    [
        ("host", "linux_x86_64_release_gcc", "TF_LITE_STRIP_ERROR_STRINGS"),
        ("mps2-an386", "cortex_m_generic_cortex-m4+fp_default_gcc", ""),
        ("mps3-an547", "cortex_m_generic_cortex-m55_release_with_logs_gcc", ""),
    ],
)
def test_the_library_built_for_the_target_is_chosen(generated, board, selected, defines, tmp_path):
    if mcu.BOARDS[board].emulated and shutil.which("arm-none-eabi-g++") is None:
        pytest.skip("needs gcc-arm-none-eabi")
    tree = _fake_tflm_tree(tmp_path / "tflm", [
        "linux_x86_64_release_gcc", "cortex_m_generic_cortex-m4+fp_default_gcc",
        "cortex_m_generic_cortex-m55_release_with_logs_gcc",
    ])  # fmt: skip
    output = build.configure(mcu.BOARDS[board], generated, tmp_path / "cmake",
                             {"TFLM_ROOT": tree})  # fmt: skip
    library = tree / "gen" / selected / "lib" / "libtensorflow-microlite.a"
    assert f"TFLM harness: {library} (defines: {defines})" in output


def test_two_builds_for_one_target_ask_which(generated, tmp_path):
    tree = _fake_tflm_tree(tmp_path / "tflm", ["linux_x86_64_default_gcc",
                                               "linux_x86_64_release_cmsis_nn_gcc"])  # fmt: skip
    with pytest.raises(mcu.ToolchainError, match="found 2 TFLM builds") as error:
        build.configure(mcu.BOARDS["host"], generated, tmp_path / "cmake", {"TFLM_ROOT": tree})
    assert "set TFLM_GEN_DIR" in error.value.output
    output = build.configure(mcu.BOARDS["host"], generated, tmp_path / "cmake", {
        "TFLM_ROOT": tree, "TFLM_GEN_DIR": tree / "gen/linux_x86_64_default_gcc"})  # fmt: skip
    assert "linux_x86_64_default_gcc/lib/libtensorflow-microlite.a (defines: )" in output


@pytest.mark.skipif(not os.environ.get("TFLM_ROOT"), reason="TFLM_ROOT (tflite-micro tree) not set")
@pytest.mark.parametrize("board", ["host", "mps2-an386", "mps3-an547"])
def test_harness_bit_exact_with_tflm_root(generated, board, tmp_path):
    target = mcu.BOARDS[board]
    exe = build.build(target, "tflm_harness", generated, tmp_path,
                      {"TFLM_ROOT": os.environ["TFLM_ROOT"]})  # fmt: skip
    returncode, text = qemu.run(exe, target, timeout=600, icount=False)
    assert "test vectors: 20 passed, 0 failed" in text, text
    assert re.search(r"arena used: \d+ of \d+ bytes", text), text
    assert returncode == 0, text
