"""The run directory refuses stale or mismatched state before it changes anything."""

import json

import pytest

from tests.helpers import tiny_config
from tfasc import run as runs


def _snapshot(directory):
    return {p.name: p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_fingerprint_covers_results_not_locations(synth_tau, feature_cache, tmp_path):
    settings = tiny_config(synth_tau, feature_cache, tmp_path / "a")
    dataset = runs.tau.load(synth_tau)
    base = runs.fingerprint(settings, dataset)
    assert set(base) == {"tfasc", "config", "frontend", "inputs", "data"}
    assert base["data"]["train"]["clips"] == len(dataset.fold("train"))
    moved = settings.replace(out_dir=str(tmp_path / "b"), **{"data.cache_dir": str(tmp_path)})
    assert runs.fingerprint(moved, dataset) == base
    other = runs.fingerprint(settings.replace(**{"optimizer.learning_rate": 0.01}), dataset)
    assert runs.differences(base, other) == ["config.optimizer.learning_rate: 0.001 -> 0.01"]
    # A file of the data set that changes size changes the fingerprint.
    clip = dataset.fold("train")[0]
    path = dataset.path(clip)
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\0\0")
        changed = runs.fingerprint(settings, runs.tau.load(synth_tau))
        assert runs.differences(base, changed) == [
            f"data.train.sha256: {base['data']['train']['sha256']!r} -> "
            f"{changed['data']['train']['sha256']!r}"
        ]
    finally:
        path.write_bytes(original)


def test_prepare_new_resume_mismatch_overwrite(synth_tau, feature_cache, tmp_path):
    out = tmp_path / "run"
    settings = tiny_config(synth_tau, feature_cache, out)
    new = runs.prepare(settings)
    assert not new.exists and not out.exists()  # prepare writes nothing
    made = new.initialize()
    assert (
        made.exists and json.loads((out / "run.json").read_text())["fingerprint"] == new.fingerprint
    )
    (out / "log.csv").write_text("epoch,loss\n0,1.0\n")
    assert runs.prepare(settings).exists  # same settings: resume

    before = _snapshot(out)
    other = settings.replace(**{"model.name": "bcresnet"})
    with pytest.raises(runs.RunMismatchError, match=r"config\.model\.name: 'dcase2022_baseline' "
                       r"-> 'bcresnet'.*--overwrite .* new --out"):  # fmt: skip
        runs.prepare(other)
    replacing = runs.prepare(other, overwrite=True)
    assert _snapshot(out) == before  # nothing changed until the new run starts
    replacing.initialize()
    assert not (out / "log.csv").exists()
    assert runs.load(out).config.model.name == "bcresnet"


def test_foreign_folders_are_never_taken(synth_tau, feature_cache, tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    for overwrite in (False, True):
        with pytest.raises(runs.RunError, match="not a tfasc run directory .* never overwritten"):
            runs.prepare(tiny_config(synth_tau, feature_cache, out), overwrite=overwrite)
    assert (out / "thesis.tex").read_text() == "precious"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not runs.prepare(tiny_config(synth_tau, feature_cache, empty)).exists


def test_load_and_checkpoints(synth_tau, feature_cache, tmp_path):
    with pytest.raises(runs.RunError, match="not a tfasc run directory"):
        runs.load(tmp_path)
    run = runs.prepare(tiny_config(synth_tau, feature_cache, tmp_path / "run")).initialize()
    loaded = runs.load(tmp_path / "run")
    assert loaded.config == run.config and loaded.fingerprint == run.fingerprint
    with pytest.raises(runs.RunError, match="no best checkpoint yet .* `tfasc train`"):
        loaded.checkpoint("best")
    with pytest.raises(ValueError, match="unknown checkpoint 'worst'"):
        loaded.checkpoint("worst")
    assert not loaded.finished


def test_a_retrained_teacher_makes_another_run(synth_tau, feature_cache, tmp_path):
    teacher = tmp_path / "teacher"
    teacher.mkdir()
    (teacher / "best.keras").write_bytes(b"weights of the first training")
    settings = tiny_config(synth_tau, feature_cache, tmp_path / "student",
                           **{"distill.teachers": [str(teacher)]})  # fmt: skip
    dataset = runs.tau.load(synth_tau)
    before = runs.fingerprint(settings, dataset)
    assert (
        before["inputs"]["distill.teachers"]
        == [runs.content_digest(teacher / "best.keras")]
        != ["missing"]
    )
    (teacher / "best.keras").write_bytes(b"weights of a second training")
    after = runs.fingerprint(settings, dataset)
    assert runs.differences(before, after) == [
        f"inputs.distill.teachers: {before['inputs']['distill.teachers']!r} -> "
        f"{after['inputs']['distill.teachers']!r}"
    ]
    assert runs.content_digest(tmp_path / "nothing") == "missing"
