"""Teacher runs: front-end check, outputs computed once per clip and cached by content."""

import numpy as np
import pytest

from tests.distill.conftest import student_config
from tfasc import distill
from tfasc import run as runs
from tfasc.distill import teachers as teacher_module


@pytest.fixture
def student(synth_tau, feature_cache, tmp_path):
    return runs.prepare(student_config(synth_tau, feature_cache, tmp_path / "student"))


def test_front_end_of_a_teacher_must_be_the_students(synth_tau, feature_cache, tmp_path, student):
    other = runs.prepare(student_config(synth_tau, feature_cache, tmp_path / "wide", **{
        "model.name": "cp_resnet_teacher"}))  # fmt: skip
    other.initialize()  # a run directory on the dcase2024 front end (256 mels)
    with pytest.raises(distill.TeacherError) as error:
        distill.load_teachers([tmp_path / "wide"], student.frontend)
    message = str(error.value)
    assert str(tmp_path / "wide") in message and "front end differs from the student's" in message
    assert "sample_rate 32000 (student 44100)" in message and "n_mels 256 (student 40)" in message
    with pytest.raises(distill.TeacherError, match="no best checkpoint yet"):  # never trained
        distill.load_teachers([tmp_path / "wide"], other.frontend)
    with pytest.raises(runs.RunError, match="not a tfasc run directory"):
        distill.load_teachers([tmp_path], student.frontend)


def test_ensemble_logits_are_computed_once_and_keyed_by_content(teacher_runs, student, monkeypatch):
    teachers = distill.load_teachers(list(teacher_runs.values()), student.frontend)
    features = student.features("evaluate", progress=False)
    logits = distill.ensemble_logits(teachers, student, "evaluate", features)
    assert logits.shape == (2, len(features), 10) and logits.dtype == np.float32
    for teacher, row in zip(teachers, logits, strict=True):
        expected = teacher.load_model().predict(features.features, verbose=0)
        np.testing.assert_allclose(row, expected, rtol=1e-5, atol=1e-5)

    def no_model(self):
        raise AssertionError("a cached teacher output was recomputed")

    monkeypatch.setattr(teacher_module.Teacher, "load_model", no_model)
    np.testing.assert_array_equal(
        distill.ensemble_logits(teachers, student, "evaluate", features), logits
    )
    monkeypatch.undo()
    embeddings = distill.teacher_embeddings(teachers[0], student, "evaluate", features)
    assert embeddings.shape == (len(features), 32)  # cp_resnet_teacher: 4 x 8 channels
    # Another checkpoint content is another entry (a retrained teacher is never read stale).
    changed = teachers[0].__class__(teachers[0].run, teachers[0].checkpoint, "0" * 64)
    entry = teacher_module._entry(student, "evaluate", "logits", [changed, teachers[1]])
    assert entry != teacher_module._entry(student, "evaluate", "logits", teachers)
    assert entry.parent.name == "teachers" and not entry.exists()
