"""mcu_pipeline: int16 PCM -> C log-mel front end -> model -> label, on the boards.

The firmware's label equals the Python pipeline's (tfasc.features + TFLM) on every clip;
clips the firmware cannot read as the model's input are refused before anything is built.
"""

import numpy as np
import pytest
import soundfile

from tests.mcu.conftest import needs_boards
from tfasc import features, mcu

BOARDS = ("mps2-an386", "mps3-an547")


@pytest.mark.mcu
@needs_boards
@pytest.mark.parametrize("board", BOARDS)
def test_full_pipeline_labels_equal_python(baseline_tflite, clips, board):
    result = mcu.mcu_pipeline(baseline_tflite, "dcase2022", list(clips), board=board)
    assert result.labels == result.expected_labels, mcu.pipeline_summary(result)
    # On these clips (synthetic TAU with the device's self-noise) the C front end gives
    # Python's int8 features exactly (tests/micro/test_frontend.py), so the board's outputs
    # are the Python pipeline's bit for bit, not only its labels.
    np.testing.assert_array_equal(result.outputs, result.expected)
    assert min(result.frontend_instructions) > 1e6


def test_read_clip_pads_and_refuses_what_the_firmware_cannot_read(tmp_path):
    config = features.preset("dcase2022")
    short = np.arange(1000, dtype=np.int16)
    padded = mcu.read_clip(short, config)
    assert padded.shape == (config.num_samples,) and not padded[1000:].any()
    soundfile.write(tmp_path / "ok.wav", short, config.sample_rate, subtype="PCM_16")
    np.testing.assert_array_equal(mcu.read_clip(tmp_path / "ok.wav", config), padded)

    soundfile.write(tmp_path / "rate.wav", short, 16000, subtype="PCM_16")
    stereo = np.stack([short, short], axis=1)
    soundfile.write(tmp_path / "stereo.wav", stereo, config.sample_rate, subtype="PCM_16")
    (tmp_path / "text.wav").write_text("not audio")
    long = np.zeros(config.num_samples + 1, np.int16)
    for clip, message in (
        (tmp_path / "rate.wav", r"rate.wav: need mono 16-bit audio at 44100 Hz, got 1 .* 16000"),
        (tmp_path / "stereo.wav", "stereo.wav: need mono .* got 2 channel"),
        (tmp_path / "text.wav", "text.wav: not a readable audio file"),
        (long, "44101 samples, longer than the model's clip of 44100"),
        (short.astype(np.float32), "int16"),
    ):
        with pytest.raises(ValueError, match=message):
            mcu.read_clip(clip, config)


@pytest.mark.parametrize(("rate", "channels"), [(16000, 1), (44100, 2)])
def test_mcu_test_refuses_a_wrong_clip_before_the_vector_run(
    baseline_tflite, rate, channels, tmp_path, monkeypatch, capsys
):
    from tfasc import cli

    def vector_run(*args, **kwargs):
        raise AssertionError("the vector run started before the clips were checked")

    monkeypatch.setattr(mcu, "mcu_test", vector_run)
    (tmp_path / "model.tflite").write_bytes(baseline_tflite)
    clip = np.zeros((rate // 2, channels), np.int16)
    soundfile.write(tmp_path / "clip.wav", clip, rate, subtype="PCM_16")
    argv = ["mcu-test", str(tmp_path / "model.tflite"), "--board", "host",
            "--wav", str(tmp_path / "clip.wav")]  # fmt: skip
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert (
        f"clip.wav: need mono 16-bit audio at 44100 Hz, got {channels} channel(s) at {rate} Hz"
        in err
    )
