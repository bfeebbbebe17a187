"""profile_model and ``tfasc profile`` (tfasc.mcu.profile): per-layer instructions, RAM, flash."""

import json

import pytest

from tests.mcu.conftest import needs_boards
from tfasc import cli, mcu
from tfasc.aot.arena import Allocation
from tfasc.flatbuffer import parse
from tfasc.mcu.profile import _arena_in_use


@pytest.mark.mcu
@needs_boards
def test_profile_of_the_baseline(baseline_tflite):
    profile = mcu.profile_model(baseline_tflite, board="mps3-an547")
    graph = parse(baseline_tflite)
    assert [layer.op for layer in profile.layers] == [op.name for op in graph.operators]
    assert profile.bit_exact and profile.kernels == "mve"
    conv2 = profile.layers[1]
    assert conv2.kernel == "tfasc_aot::Conv" and conv2.macs == 40 * 51 * 16 * 7 * 7 * 16
    # Its constants: 16 im2col rows of 784 int8, and an int32 bias, multiplier, shift per channel.
    assert conv2.flash_bytes == 16 * 784 + 3 * 16 * 4
    # Its arena in use: its output, the 3 rows and 3 + 4 pixels of its input (Helium computes
    # 4 pixels at a time) not yet overwritten, and four im2col rows of scratch: the peak.
    assert conv2.ram_bytes == 40 * 51 * 16 + (3 * 51 + 3 + 4) * 16 + 4 * 784
    assert conv2.ram_bytes == max(layer.ram_bytes for layer in profile.layers)
    assert conv2.ram_bytes <= profile.arena_bytes
    assert profile.layers[5].op == "RESHAPE" and profile.layers[5].instructions == 0
    # The layers add up to the unprofiled inference, up to the loop around the calls.
    total = sum(layer.instructions for layer in profile.layers)
    assert abs(total - profile.instructions) < 1e-3 * profile.instructions
    assert conv2.instructions > 0.6 * total  # the 7x7 16 -> 16 convolution dominates


@pytest.mark.mcu
@needs_boards
def test_profile_command_writes_json_and_chart(baseline_tflite, tmp_path, capsys):
    model = tmp_path / "baseline.tflite"
    model.write_bytes(baseline_tflite)
    assert cli.main(["profile", str(model), "--board", "mps2-an386", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| 1 | CONV_2D | 1x40x51x16 | tfasc_aot::Conv |" in printed
    summary = json.loads((tmp_path / "baseline-mps2-an386-profile.json").read_text())
    assert summary["kernels"] == "dsp" and summary["bit_exact"] is True
    assert len(summary["layers"]) == 8
    png = (tmp_path / "baseline-mps2-an386-profile.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_profile_refuses_the_host(baseline_tflite):
    with pytest.raises(ValueError, match="needs an emulated board"):
        mcu.profile_model(baseline_tflite, board="host")


def test_arena_in_use_counts_overlaps_once():
    allocations = [Allocation("a", 100, 0, 2, 0), Allocation("b", 100, 1, 3, 50),
                   Allocation("c", 10, 3, 4, 400)]  # fmt: skip
    assert _arena_in_use(allocations, 1) == 150
    assert _arena_in_use(allocations, 3) == 110
    assert _arena_in_use(allocations, 5) == 0
