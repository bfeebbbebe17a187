"""Fixtures of the board tests: synthetic clips and the DCASE2022 baseline in int8."""

import shutil

import numpy as np
import pytest

from tfasc import features, models
from tfasc.convert import to_tflite
from tfasc.data import synth
from tfasc.data.audio import from_pcm16, to_pcm16
from tfasc.keras import keras

SCENES = ("airport", "bus", "metro", "park", "street_traffic", "tram")

needs_boards = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("arm-none-eabi-g++", "qemu-system-arm")),
    reason="needs gcc-arm-none-eabi and qemu-system-arm (tools/setup.sh)",
)


@pytest.fixture(scope="session")
def clips() -> np.ndarray:
    """One synthetic 1-s device-a clip per scene, int16 at 44.1 kHz."""
    rng = np.random.default_rng(0)
    out = []
    for scene in SCENES:
        x = synth.render_scene(scene, location="lisbon-1000",
                               segment=f"{scene}-lisbon-1000-7", seconds=1.0, sr=44100)  # fmt: skip
        out.append(to_pcm16(synth.render_device(x, "a", 44100, rng)))
    return np.stack(out)


@pytest.fixture(scope="session")
def baseline_tflite(clips) -> bytes:
    """The DCASE2022 baseline, int8, with logits spread enough for labels to differ."""
    keras.utils.set_random_seed(0)
    model = models.build("dcase2022_baseline")
    kernel, bias = model.get_layer("logits").get_weights()
    model.get_layer("logits").set_weights([kernel * 10, bias])
    feats = features.log_mel(from_pcm16(clips), "dcase2022").numpy()
    noise = np.random.default_rng(1).normal(size=(58, *feats.shape[1:])).astype(np.float32)
    return to_tflite(model, "int8", np.concatenate([feats, noise]))
