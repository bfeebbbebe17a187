"""The compiler (tfasc.aot.compiler): errors, the generated API, and the firmware contract.

Corrupted models must raise MalformedModelError, never crash or hang; unknown ops must raise
UnsupportedOpError naming the op. ``model.h`` holds only the AOT API; ``model.cc`` refuses to
compile against a ``model_settings.h`` made for another model.
"""

import re
import shutil
import time

import numpy as np
import pytest

from tests.aot.bit_exact import convert
from tfasc import aot, firmware, ops, tflm
from tfasc.aot.ops import LOWERINGS
from tfasc.flatbuffer import parse
from tfasc.keras import keras
from tfasc.mcu import BOARDS, ToolchainError, build


def _dense_model(units: int) -> bytes:
    inputs = keras.Input((8,))
    return convert(keras.Model(inputs, keras.layers.Dense(units)(inputs)))


def test_lowerings_are_the_op_tables_aot_ops():
    assert set(LOWERINGS) == set(ops.supported("aot")) == set(aot.SUPPORTED_OPS)


def test_unsupported_op_is_named():
    inputs = keras.Input((8,))
    model = keras.Model(inputs, keras.layers.Dense(4, activation="tanh")(inputs))
    flatbuffer = convert(model)
    assert "TANH" in parse(flatbuffer).ops
    with pytest.raises(aot.UnsupportedOpError, match=r"TANH \(operator 1\)"):
        aot.compile_model(flatbuffer)


def test_not_a_model_raises_malformed():
    for data in (b"", b"\x00" * 64, b"not a flatbuffer at all, just text" * 4):
        with pytest.raises(aot.MalformedModelError):
            aot.compile_model(data)


def test_fuzzed_models_raise_the_clear_error_or_compile():
    """Truncated and bit-flipped models: MalformedModelError/UnsupportedOpError or success."""
    rng = np.random.default_rng(0)
    original = np.frombuffer(_dense_model(6), np.uint8)
    cases = [original[:n].tobytes() for n in rng.integers(0, len(original), 40)]
    for _ in range(160):
        mutated = original.copy()
        for position in rng.integers(0, len(mutated), rng.integers(1, 4)):
            mutated[position] ^= np.uint8(1 << int(rng.integers(0, 8)))
        cases.append(mutated.tobytes())
    start = time.monotonic()
    outcomes = {"compiled": 0, "malformed": 0, "unsupported": 0}
    for case in cases:
        try:
            aot.compile_model(case)
            outcomes["compiled"] += 1
        except aot.MalformedModelError:
            outcomes["malformed"] += 1
        except aot.UnsupportedOpError:
            outcomes["unsupported"] += 1
    assert outcomes["malformed"] >= 40  # every truncation at least
    assert time.monotonic() - start < 60, "the generator must not hang on corrupted input"


def test_header_holds_only_the_api_and_the_arena():
    model = aot.compile_model(_dense_model(6))
    constants = re.findall(r"constexpr \w+ (\w+) =", model.header)
    assert constants == ["kArenaSize"]
    assert f"kArenaSize = {model.arena_bytes};" in model.header
    assert re.findall(r"^(?:const )?\w+\*? (\w+)\(\);$", model.header, re.MULTILINE) == [
        "Input", "Output", "Invoke",
    ]  # fmt: skip
    assert '#include "model_settings.h"' in model.source
    assert sorted(model.files) == ["model.cc", "model.h"]


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")
def test_model_refuses_the_settings_of_another_model(tmp_path):
    six, seven = _dense_model(6), _dense_model(7)
    interpreter = tflm.TFLMModel(six)
    inputs, expected = firmware.make_test_vectors(interpreter, 1)
    files = {
        **aot.compile_model(six).files,
        **firmware.settings_files(tflm.TFLMModel(seven)),  # 7 outputs, not 6
        **firmware.test_vector_files(inputs, expected),
    }
    firmware.write_firmware(tmp_path / "generated", files)
    with pytest.raises(ToolchainError) as error:
        build.build(BOARDS["host"], "aot_vectors", tmp_path / "generated", tmp_path / "cmake",
                    build.kernel_include_dirs())  # fmt: skip
    assert "model_settings.h describes another model output (shape 1, 6)" in error.value.output
