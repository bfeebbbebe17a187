"""The device set in export and firmware: one int8 flatbuffer per device plus the general
model, checked to fit one firmware, and a C selector by device id (compiled and run)."""

import hashlib
import shutil
import subprocess

import numpy as np
import pytest

from tfasc import config, device_set, export
from tfasc.convert import to_tflite
from tfasc.firmware import FirmwareError
from tfasc.keras import keras


@pytest.fixture(scope="module")
def flatbuffers(finetuned_run):
    return device_set.export_device_set(finetuned_run, config.ExportConfig(num_calibration=50))


def test_one_flatbuffer_per_device_and_the_general_model(finetuned_run, flatbuffers):
    assert list(flatbuffers) == ["general", "a", "b", "c", "s1", "s2", "s3"]
    assert len({hashlib.sha256(f).digest() for f in flatbuffers.values()}) == 7  # all differ
    general = export.export_run(finetuned_run, config.ExportConfig(num_calibration=50))
    assert flatbuffers["general"] == general  # the general model is exported as `tfasc export`
    device_set.check_compatible(flatbuffers)


def test_incompatible_sets_are_refused(flatbuffers):
    other = keras.Sequential([keras.Input((40, 51, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(10)])  # other ops  # fmt: skip
    calibration = np.random.default_rng(0).standard_normal((8, 40, 51, 1)).astype(np.float32)
    foreign = to_tflite(other, "int8", calibration)
    with pytest.raises(FirmwareError, match="device model 'b': its"):
        device_set.check_compatible({**flatbuffers, "b": foreign})
    with pytest.raises(FirmwareError, match="needs a 'general' model"):
        device_set.check_compatible({"a": flatbuffers["a"]})
    with pytest.raises(FirmwareError, match="unknown device"):
        device_set.check_compatible({**flatbuffers, "phone": flatbuffers["a"]})


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs a host C++ compiler")
def test_selector_picks_the_device_model_and_the_general_one_otherwise(flatbuffers, tmp_path):
    files = device_set.selector_files(flatbuffers)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "main.cc").write_text(
        '#include <stdio.h>\n#include "device_models.h"\n'
        "static unsigned long sum(const TfascDeviceModel* m) {\n"
        "  unsigned long s = 0;\n"
        "  for (unsigned int i = 0; i < m->model_size; ++i) s = s * 31 + m->model[i];\n"
        "  return s;\n}\n"
        "int main() {\n"
        '  const char* ids[] = {"a", "b", "c", "s1", "s2", "s3", "s4", "phone", nullptr};\n'
        "  for (const char* id : ids) {\n"
        "    const TfascDeviceModel* m = tfasc_model_for_device(id);\n"
        '    printf("%s %s %u %lu %d\\n", id ? id : "null", m->device, m->model_size, sum(m),\n'
        "           (int)((unsigned long)m->model % 16));\n"
        "  }\n}\n"
    )
    binary = tmp_path / "select"
    subprocess.run(["g++", "-std=c++17", "-O0", "-o", str(binary), str(tmp_path / "main.cc"),
                    str(tmp_path / "device_models.cc")], check=True, timeout=300)  # fmt: skip
    lines = subprocess.run([str(binary)], capture_output=True, text=True, check=True).stdout

    def checksum(data: bytes) -> int:
        s = 0
        for byte in data:
            s = (s * 31 + byte) % 2**64
        return s

    expected = {"s4": "general", "phone": "general", "null": "general"}
    for line in lines.splitlines():
        requested, chosen, size, total, alignment = line.split()
        assert chosen == expected.get(requested, requested)
        assert int(size) == len(flatbuffers[chosen])
        assert int(total) == checksum(flatbuffers[chosen])
        assert alignment == "0"  # alignas(16)
    assert "kTfascDeviceModelCount = 7;" in files["device_models.h"]
