"""The C log-mel front end (micro/frontend) against tfasc.features, on shared golden clips.

Python makes int16 clips (tone, noise, chirp, a synthetic TAU street_traffic clip), computes
the expected int8 model input with ``tfasc.features.log_mel`` and a fixed input
quantization, and the host build of the C front end (CMSIS-DSP float32 FFT + generated
tables) must give identical int8 on >= 99.9 % of elements and never differ by more than 1.

Every golden clip must meet the 99.9 % bound except the pure digital chirp (nothing but the
-101 dBFS int16 floor, energy swept over the whole band): its mel bands 95-105 dB below the
peak sit at float32 FFT round-off, where TensorFlow's own float32 result agrees with a
float64 computation on only 99.86 % of int8 elements, so no float32 front end can match it
better; it is held to 99.5 % (see micro/frontend/README.md). The front end's -80 dB floor
(``FrontendConfig.amin = 1e-8``) keeps round-off out of the quieter clips.

Loud tonal audio without any noise (a log sine sweep and a chord at -1 dBFS) lifts more
bands above that floor while the FFT round-off grows with the peak: there the two front
ends agree on >= 98.5 % (dcase2024) and >= 99.8 % (dcase2022); every difference is one
step, in a band more than 70 dB below the clip's peak.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess

import numpy as np
import pytest
import soundfile

from tfasc import features, firmware, mcu
from tfasc.data import synth
from tfasc.data.audio import from_pcm16, to_pcm16
from tfasc.mcu import build
from tfasc.tflm import Quantization

QUANTIZATION = Quantization(scale=0.025, zero_point=8)
"""A typical calibrated input quantization: features in about [-3.4, 3.0]."""


def golden_clips(config: features.FrontendConfig) -> dict[str, np.ndarray]:
    """int16 clips of ``config.num_samples`` samples at ``config.sample_rate``."""
    sr, n = config.sample_rate, config.num_samples
    t = np.arange(n) / sr
    rng = np.random.default_rng(2024)
    f_end = 0.45 * sr
    street = synth.render_scene(
        "street_traffic",
        location="lisbon-1000",
        segment="street_traffic-lisbon-1000-40000",
        seconds=config.clip_seconds,
        sr=sr,
    )
    digital = {
        "tone": 0.1 * np.sin(2 * np.pi * 1000.0 * t) + 0.03 * np.sin(2 * np.pi * 3150.0 * t),
        "chirp": 0.1 * np.sin(2 * np.pi * (50.0 * t + (f_end - 50.0) / 2 * t**2 / t[-1])),
        "burst": np.where((t > 0.3) & (t < 0.6), 0.2 * np.sin(2 * np.pi * 440 * t), 0),
    }
    clips = {
        f"{name}_device_a": synth.render_device(x, "a", sr, rng) for name, x in digital.items()
    }
    clips["noise"] = 0.05 * rng.standard_normal(n)
    clips["tau_street_traffic"] = synth.render_device(street, "a", sr, rng)
    clips.update({f"{name}_digital": x for name, x in digital.items()})
    return {name: to_pcm16(clip).astype("<i2") for name, clip in clips.items()}


def logmel_main(config: features.FrontendConfig, tmp_path) -> pathlib.Path:
    """The host tool ``logmel_main`` built (CMake) with ``config``'s tables."""
    if shutil.which("gcc") is None or shutil.which("g++") is None:
        pytest.skip("needs gcc and g++")
    generated = tmp_path / "generated"
    firmware.write_firmware(generated, firmware.frontend_table_files(config, QUANTIZATION))
    return build.build(mcu.BOARDS["host"], "logmel_main", generated, tmp_path / "cmake",
                       {"TFASC_WARNINGS_AS_ERRORS": "ON"})  # fmt: skip


def run(command: list) -> subprocess.CompletedProcess:
    result = subprocess.run(list(map(str, command)), check=False, capture_output=True, text=True)
    assert result.returncode == 0, f"{command} exited {result.returncode}: {result.stderr}"
    return result


def c_and_python(config, clips: dict, tmp_path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per clip: the C front end's int8 output and tfasc.features' float features."""
    program = logmel_main(config, tmp_path)
    args = []
    for name, pcm in clips.items():
        pcm.astype("<i2").tofile(tmp_path / f"{name}.pcm")
        args += [tmp_path / f"{name}.pcm", tmp_path / f"{name}.bin"]
    run([program, *args])
    out = {}
    for name, pcm in clips.items():
        feats = features.log_mel(from_pcm16(pcm)[np.newaxis], config).numpy()[0, ..., 0]
        out[name] = (np.fromfile(tmp_path / f"{name}.bin", np.int8).reshape(feats.shape), feats)
    return out


@pytest.mark.parametrize("preset", ["dcase2022", "dcase2024"])
def test_c_frontend_matches_python(preset, tmp_path):
    config = features.preset(preset)
    report = {}
    for name, (got, feats) in c_and_python(config, golden_clips(config), tmp_path).items():
        diff = np.abs(got.astype(np.int16) - QUANTIZATION.quantize(feats).astype(np.int16))
        report[name] = (float((diff == 0).mean()), int(diff.max()))
    print(preset, report)
    for name, (identical, max_diff) in report.items():
        assert max_diff <= 1, f"{preset}/{name}: int8 differs by {max_diff}"
        # Pure digital signals reach float32 FFT round-off in their -80..-100 dB bins, where
        # TensorFlow itself is off its float64 result on ~1 % of elements (module docstring).
        floor = 0.995 if name == "chirp_digital" else 0.999  # see the module docstring
        assert identical >= floor, f"{preset}/{name}: only {identical:.4%} identical"


def loud_tonal_clips(config: features.FrontendConfig) -> dict[str, np.ndarray]:
    """A log sine sweep (20 Hz to 0.95 x Nyquist) and an A-major chord, -1 dBFS, no noise."""
    t = np.arange(config.num_samples) / config.sample_rate
    f0, f1 = 20.0, 0.95 * config.sample_rate / 2
    k = np.log(f1 / f0)
    sweep = 0.9 * np.sin(2 * np.pi * f0 * t[-1] / k * (np.exp(t / t[-1] * k) - 1))
    chord = sum(0.3 * np.sin(2 * np.pi * f * t) for f in (440.0, 554.37, 659.26))
    return {"log_sweep": to_pcm16(sweep), "chord": to_pcm16(chord)}


# Share of identical int8 elements on loud_tonal_clips (measured: dcase2022 99.85 % sweep,
# 100 % chord; dcase2024 98.86 % sweep, 99.31 % chord), as micro/frontend/README.md states.
TONAL_FLOOR = {"dcase2022": 0.998, "dcase2024": 0.985}


@pytest.mark.parametrize("preset", ["dcase2022", "dcase2024"])
def test_c_frontend_on_loud_tonal_audio(preset, tmp_path):
    """Where the two float32 FFTs' round-off decides: only bands far below the peak differ."""
    config = features.preset(preset)
    for name, (got, feats) in c_and_python(config, loud_tonal_clips(config), tmp_path).items():
        diff = np.abs(got.astype(np.int16) - QUANTIZATION.quantize(feats).astype(np.int16))
        identical = float((diff == 0).mean())
        print(preset, name, f"{identical:.4%}")
        assert diff.max() <= 1, f"{preset}/{name}: int8 differs by {diff.max()}"
        assert identical >= TONAL_FLOOR[preset], f"{preset}/{name}: only {identical:.4%}"
        db = feats * config.norm_std + config.norm_mean
        below_peak = db.max() - db[diff != 0]
        assert below_peak.size == 0 or below_peak.min() > 70, f"{preset}/{name}: {below_peak.min()}"


def test_wav_input_equals_raw_pcm(tmp_path):
    config = features.preset("dcase2022")
    program = logmel_main(config, tmp_path)
    pcm = golden_clips(config)["noise"][: config.num_samples - 1000]  # short: zero-padded
    pcm.tofile(tmp_path / "clip.pcm")
    soundfile.write(tmp_path / "clip.wav", pcm, config.sample_rate, subtype="PCM_16")
    run(
        [
            program,
            tmp_path / "clip.pcm",
            tmp_path / "a.bin",
            tmp_path / "clip.wav",
            tmp_path / "b.bin",
        ]
    )
    assert (tmp_path / "a.bin").read_bytes() == (tmp_path / "b.bin").read_bytes()

    soundfile.write(tmp_path / "bad.wav", pcm, 16000, subtype="PCM_16")
    result = subprocess.run(
        [str(program), str(tmp_path / "bad.wav"), str(tmp_path / "c.bin")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "16000 Hz" in result.stderr
