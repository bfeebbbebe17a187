"""The firmware source generator (tfasc.firmware): contents, sizes, op resolver, writing."""

from __future__ import annotations

import os
import re
import shutil

import numpy as np
import pytest

from tfasc import SCENES, features, firmware, mcu, ops
from tfasc.convert import to_tflite
from tfasc.flatbuffer import parse
from tfasc.keras import keras
from tfasc.mcu import build
from tfasc.tflm import Quantization, TFLMModel


def tiny_model() -> keras.Model:
    inputs = keras.Input((40, 51, 1))  # (B, F, T, 1), dcase2022 front end
    x = keras.layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")(inputs)
    x = keras.layers.DepthwiseConv2D(3, padding="same")(x)
    x = keras.layers.MaxPooling2D((4, 4))(x)
    x = keras.layers.Flatten()(x)
    return keras.Model(inputs, keras.layers.Dense(10)(x))


@pytest.fixture(scope="module")
def model():
    calibration = np.random.default_rng(0).standard_normal((16, 40, 51, 1)).astype(np.float32)
    return tiny_model(), to_tflite(tiny_model(), "int8", calibration)


@pytest.fixture(scope="module")
def files(model):
    return firmware.firmware_files(model[1], "dcase2022", num_vectors=5, source="tiny.tflite")


def constant(text: str, name: str) -> str:
    return re.search(rf"\b{name}(?:\[\w*\])? = (.+?);", text, re.DOTALL).group(1)


def int_array(text: str, name: str) -> np.ndarray:
    body = re.search(rf"\b{name}\[[^\]]*\](?:\[[^\]]*\])? = \{{(.*?)\n\}};", text, re.DOTALL).group(
        1
    )
    return np.array([int(v, 0) for v in re.findall(r"-?0x[0-9a-f]+|-?\d+", body)])


def float_array(text: str, name: str) -> np.ndarray:
    body = re.search(rf"\b{name}\[\d+\] = \{{(.*?)\}};", text, re.DOTALL).group(1)
    return np.array([float(v.strip().rstrip("f")) for v in body.replace("\n", " ").split(",") if v.strip()],
                    np.float32)  # fmt: skip


def test_every_file_has_the_banner(files):
    assert sorted(files) == sorted([
        "model_data.h", "model_data.cc", "model_settings.h", "model_ops.h",
        "test_vectors.h", "test_vectors.cc", "frontend_tables.h", "frontend_tables.cc",
    ])  # fmt: skip
    for text in files.values():
        assert "Do not edit: regenerate when training changes." in text


def test_model_data_round_trips(model, files):
    flatbuffer = model[1]
    assert "alignas(16) const unsigned char g_model_data[]" in files["model_data.cc"]
    assert int(constant(files["model_data.h"], "g_model_data_size")) == len(flatbuffer)
    assert bytes(int_array(files["model_data.cc"], "g_model_data").astype(np.uint8)) == flatbuffer


def test_settings_match_the_model_and_front_end(model, files):
    text, tflm = files["model_settings.h"], TFLMModel(model[1])
    config = features.preset("dcase2022")
    assert int(constant(text, "kSampleRate")) == 44100
    assert int(constant(text, "kFftSize")) == config.n_fft
    assert int(constant(text, "kNumFrames")) == config.num_frames
    assert constant(text, "kInputDims") == "{1, 40, 51, 1}"
    assert np.float32(constant(text, "kInputScale").rstrip("f")) == np.float32(
        tflm.input_quantization.scale
    )
    assert int(constant(text, "kInputZeroPoint")) == tflm.input_quantization.zero_point
    assert int(constant(text, "kOutputZeroPoint")) == tflm.output_quantization.zero_point
    assert re.findall(r'^    "(\w+)",$', text, re.MULTILINE) == list(SCENES)
    used, arena = int(constant(text, "kArenaUsedBytes")), int(constant(text, "kTensorArenaSize"))
    tflm.invoke(np.zeros(tflm.input_details["shape"], np.int8))
    assert used == tflm.arena_used()
    assert arena == firmware.tensor_arena_size(used) and arena % 16 == 0
    assert arena >= used + firmware.ARENA_MARGIN_BYTES


def test_op_resolver_is_exactly_sized(model, files):
    model_ops = parse(model[1]).ops
    text = files["model_ops.h"]
    assert int(constant(text, "kNumModelOps")) == len(set(model_ops))
    assert "MicroMutableOpResolver<kNumModelOps>" in text
    methods = re.findall(r"resolver\.(\w+)\(\)", text)
    assert methods == [ops.OPS[op].resolver for op in dict.fromkeys(model_ops)]


def test_unsupported_op_is_named():
    with pytest.raises(firmware.FirmwareError, match="CUMSUM"):
        firmware.model_ops_header(["CONV_2D", "CUMSUM"])


def test_float_model_is_rejected(model):
    with pytest.raises(firmware.FirmwareError, match="input must be quantized int8"):
        firmware.firmware_files(to_tflite(model[0], "float32"), "dcase2022")


def test_wrong_labels_or_front_end_are_rejected(model):
    with pytest.raises(firmware.FirmwareError, match="3 labels"):
        firmware.firmware_files(model[1], "dcase2022", labels=("a", "b", "c"))
    with pytest.raises(firmware.FirmwareError, match="does not match front end"):
        firmware.firmware_files(model[1], "dcase2024")


def test_test_vectors_are_the_tflm_outputs(model, files):
    tflm = TFLMModel(model[1])
    inputs = int_array(files["test_vectors.cc"], "g_test_inputs").reshape(5, 40, 51, 1)
    outputs = int_array(files["test_vectors.cc"], "g_test_outputs").reshape(5, 10)
    assert int(constant(files["test_vectors.h"], "kNumTestVectors")) == 5
    np.testing.assert_array_equal(tflm.invoke_batch(inputs.astype(np.int8)), outputs)


@pytest.mark.parametrize("preset", ["dcase2022", "dcase2024"])
def test_frontend_tables_rebuild_window_and_mel_matrix(preset):
    config = features.preset(preset)
    text = firmware.frontend_table_files(config, Quantization(0.03, -5))["frontend_tables.cc"]
    offset = (config.n_fft - config.win_length) // 2
    window = float_array(text, "kWindow")
    np.testing.assert_array_equal(
        window, features.fft_window(config)[offset : offset + config.win_length].astype(np.float32)
    )
    starts, lengths = int_array(text, "kMelStart"), int_array(text, "kMelLength")
    offsets, weights = int_array(text, "kMelOffset"), float_array(text, "kMelWeights")
    mel = np.zeros((config.n_mels, config.n_fft // 2 + 1), np.float32)
    for m in range(config.n_mels):
        mel[m, starts[m] : starts[m] + lengths[m]] = weights[offsets[m] : offsets[m] + lengths[m]]
    np.testing.assert_array_equal(mel, features.mel_filters(config))
    assert len(weights) < 3 * (config.n_fft // 2)  # sparse: not n_mels x bins


@pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")
def test_generated_sources_compile(files, tmp_path):
    firmware.write_firmware(tmp_path / "generated", files)
    build.build(mcu.BOARDS["host"], "firmware_sources", tmp_path / "generated", tmp_path / "cmake",
                {"TFASC_WARNINGS_AS_ERRORS": "ON"})  # fmt: skip
    objects = {p.name for p in (tmp_path / "cmake").rglob("*.o")}
    assert {"model_data.cc.o", "test_vectors.cc.o", "frontend_tables.cc.o"} <= objects


def test_settings_without_front_end_or_labels(model):
    """Models whose input is no front end's (the AOT tests' tiny models) still get settings."""
    tflm = TFLMModel(model[1])
    text = firmware.settings_files(tflm)["model_settings.h"]
    assert "kSampleRate" not in text and "kLabels" not in text
    assert int(constant(text, "kInputElements")) == 40 * 51
    assert int(constant(text, "kOutputElements")) == 10
    assert int(constant(text, "kArenaUsedBytes")) == tflm.arena_used()
    with_front_end = firmware.settings_files(tflm, "dcase2022", SCENES)["model_settings.h"]
    assert (
        with_front_end
        == firmware.firmware_files(model[1], "dcase2022", num_vectors=1)["model_settings.h"]
    )


def test_write_is_atomic(tmp_path, monkeypatch):
    firmware.write_firmware(tmp_path, {"a.h": "old a\n", "b.h": "old b\n"})

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(firmware.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        firmware.write_firmware(tmp_path, {"a.h": "new a\n"})
    monkeypatch.undo()
    assert (tmp_path / "a.h").read_text() == "old a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.h", "b.h"]  # no temporaries
    with pytest.raises(ValueError, match="plain name"):
        firmware.write_firmware(tmp_path, {"../evil.h": ""})


def _export_c(tmp_path, model_bytes: bytes, *extra: str, name: str = "tiny.tflite"):
    from tfasc import cli

    (tmp_path / name).write_bytes(model_bytes)
    argv = ["export-c", str(tmp_path / name), "--frontend", "dcase2022",
            "--out", str(tmp_path / "fw"), "--vectors", "2", *extra]  # fmt: skip
    return cli.main(argv)


def test_export_c_command_writes_0644_files(model, tmp_path):
    previous = os.umask(0o022)
    try:
        assert _export_c(tmp_path, model[1]) == 0
    finally:
        os.umask(previous)
    written = sorted((tmp_path / "fw").iterdir())
    assert len(written) == 8
    assert "kNumTestVectors = 2;" in (tmp_path / "fw/test_vectors.h").read_text()
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {"0o644"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "bad.tflite: empty file, not a .tflite model"),
        ("half", r"bad.tflite: malformed .tflite"),
    ],
)
def test_export_c_bad_model_is_one_line_and_writes_nothing(
    model, content, message, tmp_path, capsys
):
    data = model[1][: len(model[1]) // 2] if content == "half" else content
    assert _export_c(tmp_path, data, name="bad.tflite") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and re.match(rf"tfasc export-c: error: .*{message}", err), err
    assert not (tmp_path / "fw").exists()


def test_export_c_unreadable_path_is_one_line(tmp_path, capsys):
    from tfasc import cli

    (tmp_path / "dir.tflite").mkdir()
    argv = ["export-c", str(tmp_path / "dir.tflite"), "--frontend", "dcase2022", "--out", "x"]
    assert cli.main(argv) == 2
    assert capsys.readouterr().err.endswith("dir.tflite: cannot read the model (Is a directory)\n")


def test_export_c_accepts_tensor_names_that_are_not_utf8(model, tmp_path):
    """Names do not reach the firmware: such a model exports like any other (as in mcu-test)."""
    graph = parse(model[1])
    name = graph.tensors[graph.inputs[0]].name.encode()
    patched = bytearray(model[1])
    at = patched.find(name)
    patched[at : at + 2] = b"\xff\xfe"  # not UTF-8
    assert "\ufffd" in parse(bytes(patched)).tensors[graph.inputs[0]].name
    assert _export_c(tmp_path, bytes(patched)) == 0
    clean = firmware.firmware_files(model[1], "dcase2022", num_vectors=2)
    assert (tmp_path / "fw/test_vectors.cc").read_text().split("\n", 2)[2] == clean[
        "test_vectors.cc"
    ].split("\n", 2)[2]  # same vectors, only the banner's file name differs


@pytest.mark.parametrize(("command", "value"), [("export-c", "0"), ("export-c", "-3"),
                                                 ("mcu-test", "0"), ("mcu-test", "two")])  # fmt: skip
def test_vectors_must_be_positive(command, value, tmp_path, capsys):
    from tfasc import cli

    argv = [command, "m.tflite", "--vectors", value]
    argv += ["--frontend", "dcase2022", "--out", str(tmp_path)] if command == "export-c" else []
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith(f"tfasc {command}: error: argument --vectors: ")
    assert ("must be at least 1" in err) if value != "two" else ("whole number" in err)


def test_resolver_methods_exist_in_tflm_header():
    import pathlib

    xmos_ai_tools = pytest.importorskip("xmos_ai_tools")
    header = pathlib.Path(xmos_ai_tools.__file__).parent / (
        "runtime/include/tensorflow/lite/micro/micro_mutable_op_resolver.h"
    )
    declared = set(re.findall(r"TfLiteStatus (Add\w+)\(", header.read_text()))
    assert {op.resolver for op in ops.OPS.values() if op.resolver} <= declared
    assert set(ops.supported("tflm_int8")) <= set(ops.supported("resolver"))
    assert set(ops.supported("aot")) <= set(ops.supported("resolver"))
