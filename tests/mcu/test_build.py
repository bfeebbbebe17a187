"""The firmware build (tfasc.mcu.build): CMake configured once per folder, sources found."""

import pathlib
import shutil

import pytest

from tfasc import features, firmware, mcu
from tfasc.mcu import build
from tfasc.tflm import Quantization

needs_compilers = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("gcc", "g++")), reason="needs gcc and g++"
)


def test_micro_dir_is_the_checkouts():
    micro = mcu.micro_dir()
    assert micro == pathlib.Path(__file__).resolve().parents[2] / "micro"
    assert (micro / "CMakeLists.txt").is_file() and (micro / "cmake" / "mps2-an386.cmake").is_file()


def test_kernel_headers_are_found_without_importing_tensorflow():
    variables = build.kernel_include_dirs()
    kernels = pathlib.Path(variables["TFASC_KERNELS_INCLUDE_DIR"])
    assert (kernels / "tensorflow/lite/kernels/internal/reference/integer_ops/conv.h").is_file()
    assert (
        pathlib.Path(variables["TFASC_GEMMLOWP_INCLUDE_DIR"]) / "fixedpoint/fixedpoint.h"
    ).is_file()


@needs_compilers
def test_configure_runs_once_per_folder_and_again_when_inputs_change(tmp_path):
    config = features.preset("dcase2022")
    generated, cmake = tmp_path / "generated", tmp_path / "cmake"
    firmware.write_firmware(generated, firmware.frontend_table_files(config, Quantization(0.03, 0)))
    host = mcu.BOARDS["host"]
    exe = build.build(host, "logmel_main", generated, cmake)
    assert exe == cmake / "logmel_main" and exe.is_file()
    stamp = (cmake / "tfasc-configure.json").stat().st_mtime_ns
    build.build(host, "logmel_main", generated, cmake)
    assert (cmake / "tfasc-configure.json").stat().st_mtime_ns == stamp  # not configured again
    build.build(host, "logmel_main", generated, cmake, {"TFASC_LOGMEL_FFT_LEN": 2048})
    assert (cmake / "tfasc-configure.json").stat().st_mtime_ns != stamp
    with pytest.raises(mcu.ToolchainError, match="target aot_vectors is not defined"):
        build.build(host, "aot_vectors", generated, cmake)
    with pytest.raises(ValueError, match="unknown firmware target"):
        build.build(host, "everything", generated, cmake)
