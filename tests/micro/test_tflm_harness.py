"""The TFLM harness (micro/tflm) on the DCASE2022 baseline int8 model.

On our machines the only TFLM C++ build is the xmos-ai-tools wheel's host library, which
has no interpreter (micro/tflm/README.md): the harness and the generated headers are
compiled against its headers and the link is checked to lack exactly the interpreter. With
``TFLM_ROOT`` pointing at a tflite-micro tree (microlite built), the harness is built with
CMake, run, and must match the Python TFLM interpreter bit for bit on every test vector.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess

import numpy as np
import pytest

from tests.micro import host_build
from tfasc import firmware, models
from tfasc.convert import to_tflite

pytestmark = pytest.mark.mcu

INTERPRETER_SYMBOLS = re.compile(r"tflite_micro::(MicroInterpreter|MicroAllocator)::")


def xmos_runtime() -> pathlib.Path:
    xmos_ai_tools = pytest.importorskip("xmos_ai_tools")
    return pathlib.Path(xmos_ai_tools.__file__).parent / "runtime"


def gemmlowp_include() -> pathlib.Path:
    import tensorflow

    return pathlib.Path(tensorflow.__file__).parent / "include/external/gemmlowp"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    model = models.build("dcase2022_baseline")
    calibration = np.random.default_rng(0).standard_normal((16, 40, 51, 1)).astype(np.float32)
    flatbuffer = to_tflite(model, "int8", calibration)
    out = tmp_path_factory.mktemp("firmware")
    firmware.write_firmware(out, firmware.firmware_files(flatbuffer, "dcase2022", num_vectors=20))
    return out


def test_harness_compiles_against_xmos_tflm_and_lacks_only_the_interpreter(generated, tmp_path):
    host_build.require_compilers()
    runtime = xmos_runtime()
    flags = [
        "-std=c++17", "-O0", "-DTFASC_TFLM_NAMESPACE=tflite_micro",
        "-DTF_LITE_STRIP_ERROR_STRINGS", "-DTFASC_WITH_FRONTEND", f"-I{generated}",
        f"-I{runtime / 'include'}", f"-I{gemmlowp_include()}", *host_build.frontend_flags(),
    ]  # fmt: skip
    objects = host_build.compile_frontend_objects(tmp_path / "frontend")
    for source in (host_build.REPO / "micro/tflm/harness.cc", *generated.glob("*.cc")):
        obj = tmp_path / (source.stem + ".o")
        host_build.run(["g++", *flags, "-Wall", "-c", str(source), "-o", str(obj)])
        objects.append(obj)
    link = subprocess.run(
        ["g++", *map(str, objects), str(runtime / "lib/libhost_xtflitemicro.a"), "-lm",
         "-o", str(tmp_path / "harness")],
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    if link.returncode == 0:
        pytest.fail("the xmos host library now links: run the harness here (see README)")
    missing = set(re.findall(r"undefined reference to `([^']*)'", link.stderr))
    assert missing, link.stderr
    assert all(INTERPRETER_SYMBOLS.search(symbol) for symbol in missing), sorted(missing)


@pytest.mark.skipif(not os.environ.get("TFLM_ROOT"), reason="TFLM_ROOT (tflite-micro tree) not set")
def test_harness_bit_exact_with_tflm_root(generated, tmp_path):
    build = tmp_path / "build"
    host_build.run(["cmake", "-S", str(host_build.REPO / "micro/tflm"), "-B", str(build),
                    f"-DTFASC_GENERATED_DIR={generated}", f"-DTFLM_ROOT={os.environ['TFLM_ROOT']}"])  # fmt: skip
    host_build.run(["cmake", "--build", str(build)])
    result = host_build.run([str(build / "tflm_harness")])
    assert "test vectors: 20 passed, 0 failed" in result.stdout, result.stdout
