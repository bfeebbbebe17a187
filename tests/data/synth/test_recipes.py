"""Tests of the scene recipes (tfasc.data.synth.recipes)."""

import dataclasses

import numpy as np
import soundfile

from tests.data.synth.helpers import log_mel, rows
from tfasc import SCENES
from tfasc.data import synth
from tfasc.data.synth.recipes import key_rng, perturb


def test_one_recipe_per_scene():
    assert tuple(synth.RECIPES) == SCENES
    assert all(len(recipe.bed) == 10 for recipe in synth.RECIPES.values())


def test_key_rng_depends_on_seed_and_names_only():
    draw = key_rng(3, "location", "bus", "lyon-1").uniform(size=4)
    np.testing.assert_array_equal(draw, key_rng(3, "location", "bus", "lyon-1").uniform(size=4))
    assert not np.array_equal(draw, key_rng(4, "location", "bus", "lyon-1").uniform(size=4))
    assert not np.array_equal(draw, key_rng(3, "location", "bus", "lyon-2").uniform(size=4))


def test_a_location_perturbs_what_the_recipe_has_and_nothing_else():
    recipe = synth.RECIPES["park"]
    local = perturb(recipe, key_rng(0, "location", "park", "lyon-1"))
    assert local == perturb(recipe, key_rng(0, "location", "park", "lyon-1"))
    for field in dataclasses.fields(recipe):
        before, after = getattr(recipe, field.name), getattr(local, field.name)
        if before is None or field.name in ("bed_am", "vehicle_tones"):
            assert after == before, field.name
        elif field.name == "reverb_s" and before == 0:
            assert after == 0
        else:
            assert after != before, field.name


def test_scenes_are_learnable_on_held_out_locations(small_set):
    """Nearest-centroid on mean log-mel: train fold -> evaluation fold (unseen locations)."""
    root, _ = small_set

    def features(part):
        listed = rows(root, f"evaluation_setup/fold1_{part}.csv")
        x = np.array([log_mel(soundfile.read(root / r["filename"])[0]).mean(0) for r in listed])
        return x, np.array([SCENES.index(r["scene_label"]) for r in listed])

    x_train, y_train = features("train")
    x_eval, y_eval = features("evaluate")
    classes = np.unique(y_train)
    assert len(classes) == len(SCENES)
    centroids = np.stack([x_train[y_train == k].mean(0) for k in classes])
    predicted = classes[np.argmin(((x_eval[:, None] - centroids[None]) ** 2).sum(-1), axis=1)]
    accuracy = float(np.mean(predicted == y_eval))
    print(f"nearest-centroid accuracy {accuracy:.3f} on {len(y_eval)} evaluation clips")
    assert accuracy > 2 / len(SCENES)
    assert accuracy < 0.95  # not trivial
