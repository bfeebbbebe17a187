"""The run directory: what a training run is, and the guard that it never reports stale state.

A run directory holds everything one training run produces::

    RUN/run.json         config, front end and fingerprint; written once, before training
    RUN/best.keras       best epoch by validation macro accuracy (ModelCheckpoint)
    RUN/last.keras       weights after the last epoch
    RUN/log.csv          one row per epoch (CSVLogger, appended on resume)
    RUN/skipped.txt      bad audio files left out (``on_error = "skip"``)
    RUN/padded.txt       files up to 1 % short of the clip length, zero-padded
    RUN/tensorboard/     TensorBoard logs
    RUN/backup/          BackupAndRestore state: a killed run resumes at its last epoch

The *fingerprint* is everything that determines a run's result: the config (without the
paths of the data set, cache and run, so moved data still matches), the front end, the list
of training and validation files with their sizes, the content of the teacher checkpoints,
IR bank and translator the run learns from, and the tfasc version. A run may resume
only when the fingerprint of the new request equals the stored one; otherwise
:func:`prepare` raises :class:`RunMismatchError` saying what differs, before anything in the
directory is changed. ``overwrite=True`` replaces an existing run, but only once the new
run is about to start, and never a folder that is not a tfasc run.

Validation uses the ``evaluate`` fold, as the DCASE baselines do (TAU has no separate
validation split; model selection on it is therefore optimistic).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import pathlib
import shutil

import tfasc
from tfasc import atomic, config, feature_cache, features
from tfasc.data import tau
from tfasc.keras import keras

RUN_FILE = "run.json"
"""The file that makes a folder a tfasc run directory."""


class RunError(ValueError):
    """A run directory that cannot be used as asked; the message says how to proceed."""


class RunMismatchError(RunError):
    """An existing run was made with other settings than the ones asked for now."""


def _clips(dataset: tau.TAUDataset, train_config: config.TrainConfig, part: str) -> list:
    split = train_config.data.split
    return dataset.split(split) if part == "train" and split else dataset.fold(part)


def file_list_digest(dataset: tau.TAUDataset, clips) -> dict:
    """Count and SHA-256 of ``name<TAB>size`` of each clip's file (missing files: -1)."""
    digest = hashlib.sha256()
    for clip in clips:
        path = dataset.path(clip)
        size = path.stat().st_size if path.is_file() else -1
        digest.update(f"{clip.filename}\t{size}\n".encode())
    return {"clips": len(clips), "sha256": digest.hexdigest()}


def content_digest(path) -> str:
    """SHA-256 of a file's content, or of every file below a folder (names and contents);
    ``"missing"`` when there is nothing at ``path``."""
    path = pathlib.Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    if not files:
        return "missing"
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.relative_to(path) if file != path else file.name}\n".encode())
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def input_digests(train_config: config.TrainConfig) -> dict:
    """Content digests of the other runs and folders a run learns from: teacher checkpoints,
    the IR bank, the device translator (so a retrained teacher is a different run)."""
    distill, augment = train_config.distill, train_config.augment
    digests = {
        "distill.teachers": [
            content_digest(pathlib.Path(t) / "best.keras") for t in distill.teachers
        ]
    }
    if distill.embedding_teacher:
        teacher = pathlib.Path(distill.embedding_teacher) / "best.keras"
        digests["distill.embedding_teacher"] = content_digest(teacher)
    for name in ("dir_bank", "translator"):
        if getattr(augment, name):
            digests[f"augment.{name}"] = content_digest(getattr(augment, name))
    return digests


def fingerprint(train_config: config.TrainConfig, dataset: tau.TAUDataset) -> dict:
    """Everything that determines the result of a run (see the module docstring)."""
    settings = config.to_dict(train_config)
    settings.pop("out_dir")
    settings["data"] = {k: v for k, v in settings["data"].items() if k not in ("root", "cache_dir")}
    return {
        "tfasc": tfasc.__version__,
        "config": settings,
        "frontend": train_config.frontend_config.to_dict(),
        "inputs": input_digests(train_config),
        "data": {
            part: file_list_digest(dataset, _clips(dataset, train_config, part))
            for part in ("train", "evaluate")
        },
    }


def _flatten(tree: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def differences(old: dict, new: dict) -> list[str]:
    """``key: old -> new`` for every leaf where two fingerprints differ."""
    a, b = _flatten(old), _flatten(new)
    missing = object()
    return [
        f"{key}: {a.get(key, 'unset')!r} -> {b.get(key, 'unset')!r}"
        for key in sorted(set(a) | set(b))
        if a.get(key, missing) != b.get(key, missing)
    ]


@dataclasses.dataclass(frozen=True)
class Run:
    """One run directory and the settings it was (or is about to be) made with."""

    directory: pathlib.Path
    """Absolute path of the run directory."""
    config: config.TrainConfig
    """The training settings (absolute paths)."""
    fingerprint: dict
    """See :func:`fingerprint`."""
    exists: bool = True
    """False for a run that :func:`prepare` checked but :meth:`initialize` has not written."""
    replaces: bool = False
    """True when :meth:`initialize` replaces an existing run (``overwrite``)."""

    @property
    def frontend(self) -> features.FrontendConfig:
        return self.config.frontend_config

    @property
    def log_path(self) -> pathlib.Path:
        return self.directory / "log.csv"

    def path(self, name: str) -> pathlib.Path:
        """A file or folder of the run (``best.keras``, ``backup``, ...)."""
        return self.directory / name

    def logged_epochs(self) -> list[dict]:
        """The rows of ``log.csv`` (one per finished epoch)."""
        if not self.log_path.is_file():
            return []
        with open(self.log_path, newline="") as handle:
            return list(csv.DictReader(handle))

    @property
    def finished(self) -> bool:
        """All epochs done and the last weights saved."""
        return (
            self.path("last.keras").is_file()
            and len(self.logged_epochs()) >= self.config.optimizer.epochs
        )

    def checkpoint(self, which: str = "best") -> pathlib.Path:
        """The path of the ``best`` or ``last`` checkpoint.

        Raises:
            RunError: it does not exist yet (the run stopped before its first epoch ended).
        """
        if which not in config.CHECKPOINTS:
            raise ValueError(f"unknown checkpoint {which!r}; allowed: best, last")
        path = self.path(f"{which}.keras")
        if not path.is_file():
            raise RunError(
                f"{self.directory}: no {which} checkpoint yet (the run stopped before its "
                f"first epoch ended); resume it with `tfasc train` and the same config"
            )
        return path

    def load_model(self, which: str = "best") -> keras.Model:
        """The Keras model of a checkpoint."""
        return keras.models.load_model(self.checkpoint(which))

    def dataset(self, data_root=None) -> tau.TAUDataset:
        """The run's data set, or the one at ``data_root``."""
        return tau.load(data_root or self.config.data.root)

    def clips(self, part: str, data_root=None) -> list:
        """Clips of ``train`` (the DCASE2024 split if the config names one), ``evaluate``
        or ``test``."""
        return _clips(self.dataset(data_root), self.config, part)

    def features(self, part: str, *, data_root=None, clips=None, cache_dir=None,
                 progress: bool = True) -> feature_cache.FeatureSet:  # fmt: skip
        """Features of a fold part (or of ``clips`` of it) with the run's front end.

        Args:
            part: ``train``, ``evaluate`` or ``test``.
            data_root: another copy of the data set (default: the run's).
            clips: a subset of the part's clips (default: all of them).
            cache_dir: feature cache root; default the run's. ``False`` computes without
                writing a cache.
            progress: show a progress bar.
        """
        dataset = self.dataset(data_root)
        return feature_cache.compute_features(
            dataset,
            clips if clips is not None else _clips(dataset, self.config, part),
            self.frontend,
            cache_dir=self.config.data.cache_dir if cache_dir is None else cache_dir,
            on_error=self.config.data.on_error,
            long_clips=self.config.data.long_clips,
            progress=progress,
            description=f"{part} features",
        )

    def initialize(self) -> Run:
        """Writes ``run.json`` (replacing an old run first if :attr:`replaces`)."""
        if self.exists and not self.replaces:
            return self
        if self.replaces and self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        atomic.write_json(
            self.directory / RUN_FILE,
            {"config": config.to_dict(self.config), "fingerprint": self.fingerprint},
        )
        return dataclasses.replace(self, exists=True, replaces=False)


def prepare(train_config: config.TrainConfig, *, overwrite: bool = False) -> Run:
    """Checks ``train_config.out_dir`` against the request; writes nothing.

    Returns:
        The :class:`Run`: an existing one with the same fingerprint (to resume or to report
        as finished), or a new one to :meth:`Run.initialize` once the model and features
        are ready.

    Raises:
        RunMismatchError: the directory holds a run with another fingerprint (and
            ``overwrite`` is False); the message lists what differs.
        RunError: the directory exists, is not empty and is not a tfasc run.
        tfasc.data.tau.TAUDataError: the data set cannot be read, or a clip is both in the
            training and the validation clips.
    """
    directory = pathlib.Path(train_config.out_dir).absolute()
    dataset = tau.load(train_config.data.root)
    dataset.check_disjoint(_clips(dataset, train_config, "train"), dataset.fold("evaluate"))
    new = fingerprint(train_config, dataset)
    run = Run(directory, train_config, new, exists=False)
    if not directory.exists() or (directory.is_dir() and not any(directory.iterdir())):
        return run
    if not (directory / RUN_FILE).is_file():
        raise RunError(
            f"{directory}: exists and is not a tfasc run directory (no {RUN_FILE}); "
            "choose a new --out (it is never overwritten)"
        )
    old = _read_run_file(directory)["fingerprint"]
    if old == new:
        return Run(directory, train_config, new)
    if overwrite:
        return dataclasses.replace(run, replaces=True)
    changes = differences(old, new)
    raise RunMismatchError(
        f"{directory}: holds a run made with other settings ({'; '.join(changes)}); "
        "pass --overwrite (overwrite=True) to replace it, or choose a new --out"
    )


def _read_run_file(directory: pathlib.Path) -> dict:
    path = directory / RUN_FILE
    try:
        return json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise RunError(f"{path}: unreadable run file ({error})") from None


def load(run_dir) -> Run:
    """The run in ``run_dir`` as it was made.

    Raises:
        RunError: ``run_dir`` is not a tfasc run directory.
    """
    directory = pathlib.Path(run_dir).absolute()
    if not (directory / RUN_FILE).is_file():
        raise RunError(f"{directory}: not a tfasc run directory (no {RUN_FILE})")
    info = _read_run_file(directory)
    train_config = config.TrainConfig.from_dict(info["config"], source=str(directory / RUN_FILE))
    return Run(directory, train_config, info["fingerprint"])
