"""Teacher runs and their outputs, computed once per clip and cached beside the feature cache.

A teacher is a finished training run (``tfasc train`` with the teacher's config: the
registered ``cp_resnet_teacher`` or ``bcresnet_mod_teacher`` go through the same pipeline as
any model); an ensemble is a list of run directories. Its outputs on a list of clips are
stored under ``CACHE/teachers/KEY.npy``, where ``CACHE`` is the feature cache root and
``KEY`` hashes the content (SHA-256) of every teacher checkpoint, what is extracted (logits,
or the embedding of which layer) and the feature-cache key of the clips (front end, clip
policy, data-set folder, file list). A retrained teacher, another front end or other clips
compute new outputs; training steps only read them.

A teacher must take the student's features: a teacher run whose front end differs from the
student's is refused (:class:`TeacherError`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib

import numpy as np

from tfasc import atomic, feature_cache
from tfasc import run as runs
from tfasc.distill.embedding import embedding_model
from tfasc.features import FrontendConfig
from tfasc.keras import keras

FORMAT = 1
"""Version of the cached arrays; part of the key."""

PREDICT_BATCH = 64


class TeacherError(ValueError):
    """A teacher run that cannot teach this student; the message names the run."""


@dataclasses.dataclass(frozen=True)
class Teacher:
    """One teacher run and the checkpoint it teaches with."""

    run: runs.Run
    checkpoint: pathlib.Path
    digest: str
    """SHA-256 of the checkpoint file's content."""

    def load_model(self):
        return keras.models.load_model(self.checkpoint)


def _sha256(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _frontend_differences(teacher: FrontendConfig, student: FrontendConfig) -> str:
    a, b = teacher.to_dict(), student.to_dict()
    return ", ".join(f"{key} {a[key]!r} (student {b[key]!r})" for key in a if a[key] != b[key])


def load_teachers(run_dirs, frontend: FrontendConfig, which: str = "best") -> list[Teacher]:
    """The teacher runs ``run_dirs``, checked against the student's front end.

    Raises:
        TeacherError: a run's front end differs from ``frontend`` (naming the run and each
            differing setting), or it has no ``which`` checkpoint yet.
        tfasc.run.RunError: a directory that is not a run.
    """
    teachers = []
    for run_dir in run_dirs:
        run = runs.load(run_dir)
        if run.frontend != frontend:
            raise TeacherError(
                f"teacher run {run.directory}: its front end differs from the student's "
                f"({_frontend_differences(run.frontend, frontend)}); a teacher must take the "
                "student's features: train it with the student's [model] frontend"
            )
        try:
            checkpoint = run.checkpoint(which)
        except runs.RunError as error:
            raise TeacherError(f"teacher {error}") from None
        teachers.append(Teacher(run, checkpoint, _sha256(checkpoint)))
    return teachers


def _entry(student: runs.Run, part: str, what: str, teachers: list[Teacher]) -> pathlib.Path:
    data = student.config.data
    dataset = student.dataset()
    key = feature_cache.cache_key(
        dataset,
        student.clips(part),
        student.frontend,
        on_error=data.on_error,
        long_clips=data.long_clips,
    )
    digest = hashlib.sha256(f"tfasc teacher outputs {FORMAT}\n{what}\n{key}\n".encode())
    for teacher in teachers:
        digest.update(f"{teacher.digest}\n".encode())
    root = pathlib.Path(data.cache_dir) if data.cache_dir else feature_cache.default_cache_dir()
    return root / "teachers" / f"{digest.hexdigest()[:24]}.npy"


def _cached(entry: pathlib.Path, rows: int, compute) -> np.ndarray:
    if entry.is_file():
        values = np.load(entry)
        if values.shape[-2 if values.ndim == 3 else 0] == rows:
            return values
    values = compute()
    with atomic.writer(entry) as handle:
        np.save(handle, values)
    return values


def ensemble_logits(
    teachers: list[Teacher], student: runs.Run, part: str, features: feature_cache.FeatureSet
) -> np.ndarray:
    """``(teachers, N, C)`` logits of every teacher on the student's ``part`` features.

    Args:
        teachers: from :func:`load_teachers`.
        student: the student's run (its clips, front end, clip policy and cache root).
        part: ``train`` or ``evaluate``.
        features: the student's features of ``part`` (the rows of the result).
    """

    def compute():
        logits = []
        for teacher in teachers:
            model = teacher.load_model()
            logits.append(model.predict(features.features, batch_size=PREDICT_BATCH, verbose=0))
            del model
        return np.stack(logits).astype(np.float32)

    return _cached(_entry(student, part, "logits", teachers), len(features), compute)


def teacher_embeddings(
    teacher: Teacher,
    student: runs.Run,
    part: str,
    features: feature_cache.FeatureSet,
    layer: str | None = None,
) -> np.ndarray:
    """``(N, E)`` embeddings (second-to-last feature map, averaged over frequency and time)
    of ``teacher`` on the student's ``part`` features; ``layer`` names another layer."""

    def compute():
        model = embedding_model(teacher.load_model(), layer)
        return model.predict(features.features, batch_size=PREDICT_BATCH, verbose=0).astype(
            np.float32
        )

    what = f"embedding {layer or 'classifier input'}"
    return _cached(_entry(student, part, what, [teacher]), len(features), compute)
