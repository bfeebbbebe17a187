"""On-disk feature cache: log-mel features of a list of clips, computed once.

An entry is keyed by everything that decides its content: the front-end settings, the clip
policy (``on_error``, ``long_clips``, ``tolerance``: which files are left out, sliced or
padded), the data-set folder and the list of files (name, size and modification time).
Changing any of them computes new features. Features are computed in shards of
``shard_size`` clips; each shard is written atomically (:mod:`tfasc.atomic`), so an
interrupted run resumes at the first missing shard and a reader never sees half a file.
``manifest.json`` is written last and marks the entry complete. A bad file stops the run
with one error naming the file and the table row that lists it, and leaves no entry (or
empty folder) behind.

Example:
    >>> data = tau.load("TAU-urban-acoustic-scenes-2020-mobile-development")
    >>> train = compute_features(data, data.fold("train"), "dcase2022", long_clips="slice")
    >>> train.features.shape, train.slices[:3]  # ten 1-s examples per 10-s recording
    ((139620, 40, 51, 1), array([0, 1, 2]))
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import json
import os
import pathlib
import shutil
import warnings

import numpy as np
from tqdm.auto import tqdm

from tfasc import atomic
from tfasc import features as fe
from tfasc.data.audio import LONG_CLIPS, TOLERANCE, AudioError, PaddedAudioWarning, read_slices
from tfasc.data.tau import Clip, TAUDataset

FORMAT = 2
"""Version of the entry layout; part of the key, so older entries are never read."""

ON_ERROR = ("raise", "skip")


@dataclasses.dataclass
class FeatureSet:
    """Features and metadata of a list of clips, one row per example.

    A file gives one example, or with ``long_clips="slice"`` one per clip-length slice
    (``slices`` tells them apart, so results can be averaged per file).
    """

    features: np.ndarray
    """``(N, n_mels, frames, 1)`` float32 normalized log-mel features."""
    labels: np.ndarray
    """``(N,)`` scene indices into ``tfasc.SCENES``."""
    devices: np.ndarray
    """``(N,)`` device names."""
    filenames: np.ndarray
    """``(N,)`` file names relative to the data-set root."""
    slices: np.ndarray
    """``(N,)`` index of the example's slice within its file (0 for a one-clip file)."""
    skipped: list[str] = dataclasses.field(default_factory=list)
    """Errors of the files left out (``on_error="skip"``)."""
    padded: list[str] = dataclasses.field(default_factory=list)
    """Files up to ``tolerance`` short of the clip length, zero-padded: one line each."""

    def __len__(self) -> int:
        return len(self.labels)


def default_cache_dir() -> pathlib.Path:
    base = os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache"
    return pathlib.Path(os.environ.get("TFASC_CACHE", pathlib.Path(base) / "tfasc"))


def cache_key(
    dataset: TAUDataset,
    clips: list[Clip],
    config: fe.FrontendConfig,
    *,
    on_error: str = "raise",
    long_clips: str = "error",
    tolerance: float = TOLERANCE,
) -> str:
    """The name of the cache entry of these clips, settings and clip policy."""
    policy = {"on_error": on_error, "long_clips": long_clips, "tolerance": tolerance}
    digest = hashlib.sha256(f"tfasc feature cache {FORMAT}\n{config.key()}\n".encode())
    digest.update(json.dumps(policy, sort_keys=True).encode())
    digest.update(str(dataset.root.resolve()).encode())
    for clip in clips:
        path = dataset.path(clip)
        stat = path.stat() if path.exists() else None
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "missing"
        digest.update(f"\n{clip.filename}\t{stamp}".encode())
    return digest.hexdigest()[:24]


def _where(clip: Clip) -> str:
    """Names the table row that lists the clip, for messages about its file."""
    return f" (listed in {clip.listed})" if clip.listed else ""


def _compute_shard(dataset, clips, config, policy, pool):
    def load(clip):
        try:
            return read_slices(
                dataset.path(clip),
                config.sample_rate,
                seconds=config.clip_seconds,
                tolerance=policy["tolerance"],
                long_clips=policy["long_clips"],
            )
        except AudioError as error:
            named = AudioError(f"{error}{_where(clip)}")
            if policy["on_error"] == "raise":
                raise named from None
            return named

    results = list(pool.map(load, clips))
    good = [
        (clip, r) for clip, r in zip(clips, results, strict=True) if not isinstance(r, Exception)
    ]
    counts = [r.audio.shape[0] for _, r in good]
    if good:
        audio = np.concatenate([r.audio for _, r in good])
        batch = len(clips)  # one front-end call per shard of one-clip files
        features = np.concatenate(
            [
                fe.log_mel(audio[start : start + batch], config).numpy()
                for start in range(0, len(audio), batch)
            ]
        )
    else:
        features = np.zeros((0, *config.input_shape), np.float32)
    return {
        "features": features,
        "labels": np.repeat([clip.label for clip, _ in good], counts).astype(np.int64),
        "devices": np.repeat(np.array([clip.device for clip, _ in good], dtype="U4"), counts),
        "filenames": np.repeat(np.array([clip.filename for clip, _ in good], dtype=str), counts),
        "slices": np.array([i for n in counts for i in range(n)], np.int64),
        "skipped": np.array([str(r) for r in results if isinstance(r, Exception)], dtype=str),
        "padded": np.array(
            [
                f"{dataset.path(clip)}: {r.padded} frames short of {config.clip_seconds:g} s, "
                f"zero-padded{_where(clip)}"
                for clip, r in good
                if r.padded
            ],
            dtype=str,
        ),
    }


def _created_folders(path: pathlib.Path) -> list[pathlib.Path]:
    """``path`` and its missing parents, deepest first: the folders a write would create."""
    missing = []
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    return missing


def compute_features(
    dataset: TAUDataset,
    clips: list[Clip],
    config: fe.FrontendConfig | str,
    *,
    cache_dir=None,
    on_error: str = "raise",
    long_clips: str = "error",
    tolerance: float = TOLERANCE,
    shard_size: int = 256,
    progress: bool = True,
    description: str = "features",
) -> FeatureSet:
    """Log-mel features of ``clips``, from the cache or computed (and cached) now.

    Args:
        dataset: the data set the clips come from.
        clips: the clips, e.g. ``dataset.fold("train")``.
        config: front-end settings or preset name; its ``clip_seconds`` is the clip length.
        cache_dir: cache root (default ``$TFASC_CACHE`` or ``~/.cache/tfasc``);
            ``cache_dir=False`` computes without caching.
        on_error: ``"raise"`` stops at the first bad file; ``"skip"`` leaves bad files out
            and lists them in ``FeatureSet.skipped``.
        long_clips: a file longer than the clip (a 10-s TAU 2020 recording for a 1-s front
            end): ``"error"``, or ``"slice"`` into clip-length examples with the file's
            label and device (see :mod:`tfasc.data.audio`).
        tolerance: relative slack on a file's length: files up to this much short are
            zero-padded, warned about and listed in ``FeatureSet.padded``.
        shard_size: clips per shard (the unit of resumption).
        progress: show a progress bar.
        description: names the clip list in the progress bar and in errors.

    Raises:
        AudioError: a bad file with ``on_error="raise"``, naming it and the row listing it;
            or, with ``"skip"``, every file bad (naming the first errors).
        ValueError: no clips, or an unknown ``on_error`` / ``long_clips``.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"unknown on_error {on_error!r}; allowed: {', '.join(ON_ERROR)}")
    if long_clips not in LONG_CLIPS:
        raise ValueError(f"unknown long_clips {long_clips!r}; allowed: {', '.join(LONG_CLIPS)}")
    config = fe.as_config(config)
    if not clips:
        raise ValueError("compute_features needs at least one clip")
    policy = {"on_error": on_error, "long_clips": long_clips, "tolerance": tolerance}
    entry, created = None, []
    if cache_dir is not False:
        root = pathlib.Path(cache_dir) if cache_dir else default_cache_dir()
        # A complete "raise" entry holds exactly what "skip" would: no file was bad.
        for rule in dict.fromkeys((on_error, "raise")):
            key = cache_key(dataset, clips, config, **{**policy, "on_error": rule})
            manifest = root / key / "manifest.json"
            if manifest.is_file():
                shards = json.loads(manifest.read_text())["shards"]
                return _checked(_load_entry(root / key, shards), dataset, clips, description)
        entry = root / cache_key(dataset, clips, config, **policy)
        created = _created_folders(entry)
    try:
        shards, result = _compute(
            dataset, clips, config, policy, entry, shard_size, progress, description
        )
        result = _checked(result, dataset, clips, description)
        if entry is not None:
            info = {
                "format": FORMAT,
                "frontend": config.to_dict(),
                "policy": policy,
                "clips": len(clips),
                "examples": len(result),
                "shards": shards,
            }
            atomic.write_json(entry / "manifest.json", info)
        return result
    except BaseException as error:
        if entry is not None:
            if isinstance(error, AudioError):  # the same files would fail again: drop them
                shutil.rmtree(entry, ignore_errors=True)
            for folder in created:  # an interrupted entry keeps its shards to resume from
                try:
                    folder.rmdir()
                except FileNotFoundError:
                    continue
                except OSError:
                    break
        raise


def _compute(dataset, clips, config, policy, entry, shard_size, progress, description):
    """Shard names and the merged features; existing shards of ``entry`` are reused."""
    names, parts = [], []
    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool,
        tqdm(total=len(clips), desc=description, unit="clip", disable=not progress) as bar,
    ):
        for start in range(0, len(clips), shard_size):
            chunk = clips[start : start + shard_size]
            names.append(f"shard_{start:07d}_{start + len(chunk):07d}.npz")  # clips start:stop
            path = entry / names[-1] if entry is not None else None
            if path is not None and path.is_file():
                with np.load(path) as data:
                    parts.append({key: data[key] for key in data.files})
            else:
                parts.append(_compute_shard(dataset, chunk, config, policy, pool))
                if path is not None:
                    with atomic.writer(path) as handle:
                        np.savez(handle, **parts[-1])
            bar.update(len(chunk))
    return names, _merge(parts)


def _checked(result: FeatureSet, dataset, clips, description: str) -> FeatureSet:
    """Refuses an empty result; warns once about padded files."""
    if not len(result):
        first = "; ".join(result.skipped[:3])
        raise AudioError(
            f"{dataset.root}: all {len(clips)} clips ({description}) are bad and were "
            f"skipped, nothing is left; first errors: {first}"
        )
    if result.padded:
        warnings.warn(
            f"{description}: {len(result.padded)} file(s) were a little short and zero-padded "
            f"(listed in FeatureSet.padded), e.g. {result.padded[0]}",
            PaddedAudioWarning,
            stacklevel=3,
        )
    return result


def _load_entry(entry: pathlib.Path, shards: list[str]) -> FeatureSet:
    parts = []
    for name in shards:
        with np.load(entry / name) as data:
            parts.append({key: data[key] for key in data.files})
    return _merge(parts)


def _merge(parts: list[dict]) -> FeatureSet:
    return FeatureSet(
        features=np.concatenate([p["features"] for p in parts]),
        labels=np.concatenate([p["labels"] for p in parts]),
        devices=np.concatenate([p["devices"] for p in parts]),
        filenames=np.concatenate([p["filenames"] for p in parts]),
        slices=np.concatenate([p["slices"] for p in parts]),
        skipped=[str(s) for p in parts for s in p["skipped"]],
        padded=[str(s) for p in parts for s in p["padded"]],
    )
