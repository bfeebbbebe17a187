"""Tests of the simulated recording devices (tfasc.data.synth.devices)."""

import numpy as np
import pytest
import soundfile

from tests.data.synth.helpers import log_mel
from tfasc import DEVICES
from tfasc.data import synth


def test_device_models_are_fixed_and_a_is_the_best():
    freqs = np.geomspace(100, 10000, 50)
    a = 20 * np.log10(synth.device_model("a").response(freqs))
    assert np.abs(a).max() < 2.5
    for device in DEVICES[1:]:
        db = 20 * np.log10(synth.device_model(device).response(freqs))
        assert np.ptp(db) > np.ptp(a)
    phone = synth.device_model("s4")
    assert phone.response(np.array([16000.0]))[0] < 0.3  # band-limited
    x = np.random.default_rng(0).normal(0, 0.05, 44100)
    y1 = synth.render_device(x, "s4", 44100, np.random.default_rng(1))
    y2 = synth.render_device(x, "s4", 44100, np.random.default_rng(1))
    assert y1.shape == x.shape and np.array_equal(y1, y2)
    with pytest.raises(ValueError, match="device"):
        synth.device_model("z")


def test_parallel_recordings_share_the_scene_and_differ_by_device(small_set):
    root, _ = small_set
    groups = synth.parallel_groups(root)

    def pattern(filename):  # log-mel time pattern with each band's mean (device EQ) removed
        x, _ = soundfile.read(root / filename)
        spec = log_mel(x)
        return spec, (spec - spec.mean(0)).ravel()

    same, across, device_gap = [], [], []
    keys = sorted(groups)
    for i, key in enumerate(keys[:12]):
        (_, first), (_, second) = sorted(groups[key].items())[:2]
        (spec_a, a), (spec_b, b) = pattern(first), pattern(second)
        same.append(np.corrcoef(a, b)[0, 1])
        device_gap.append(np.abs(spec_a.mean(0) - spec_b.mean(0)).mean())
        other = groups[keys[(i + 1) % len(keys)]]
        across.append(np.corrcoef(a, pattern(min(other.values()))[1])[0, 1])
    print(
        f"parallel log-mel correlation {np.mean(same):.2f}, across segments "
        f"{np.mean(across):.2f}, device gap {np.mean(device_gap):.2f}"
    )
    assert np.mean(same) > 0.6 > np.mean(across) + 0.3, (same, across)
    # The mean log-mel differs by device (natural-log units; device model 4: at least 0.36 here).
    assert min(device_gap) > 0.3
