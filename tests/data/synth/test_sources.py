"""Tests of rendering a scene's sources (tfasc.data.synth.sources)."""

import numpy as np
import pytest

from tfasc import SCENES
from tfasc.data import synth


@pytest.mark.parametrize("scene", SCENES)
def test_scene_signal_has_the_recipe_level(scene):
    x = synth.render_scene(scene, location="lyon-1", segment=f"{scene}-lyon-1-5", seconds=1)
    assert x.shape == (44100,) and x.dtype == np.float64 and np.isfinite(x).all()
    dbfs = 20 * np.log10(np.sqrt(np.mean(x**2)))
    # The location shifts the level by N(0, 2.5) dB and the segment by N(0, 1.5) dB.
    assert abs(dbfs - synth.RECIPES[scene].level_db) < 10, dbfs


def test_scene_signal_follows_seed_and_segment():
    def render(seed=0, segment="bus-lyon-1-5"):
        return synth.render_scene("bus", location="lyon-1", segment=segment, seed=seed, seconds=1)

    a = render()
    np.testing.assert_array_equal(a, render())
    assert not np.allclose(a, render(seed=1))
    assert not np.allclose(a, render(segment="bus-lyon-1-6"))
    assert synth.render_scene(
        "bus", location="lyon-1", segment="s", seconds=0.5, sr=16000
    ).shape == (8000,)


def test_unknown_scene_is_refused():
    with pytest.raises(ValueError, match="unknown scene 'library'"):
        synth.render_scene("library", location="lyon-1", segment="x")
