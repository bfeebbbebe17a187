"""On-disk feature cache: log-mel features of a whole data set, computed once.

A cache entry is keyed by the front-end settings and the list of files (name, size and
modification time), so changing either computes new features. Features are computed in
shards of ``shard_size`` clips; each shard is written to a temporary name and renamed, so an
interrupted run resumes at the first missing shard and a reader never sees half a file.
``manifest.json`` is written last and marks the entry complete.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import json
import os
import pathlib

import numpy as np
from tqdm.auto import tqdm

from tfasc import features as fe
from tfasc.data.audio import AudioError, read_audio
from tfasc.data.tau import Clip, TAUDataset


@dataclasses.dataclass
class FeatureSet:
    """Features and metadata of a list of clips (bad clips skipped, see ``skipped``)."""

    features: np.ndarray
    """``(N, n_mels, frames, 1)`` float32 normalized log-mel features."""
    labels: np.ndarray
    """``(N,)`` scene indices into ``tfasc.SCENES``."""
    devices: np.ndarray
    """``(N,)`` device names."""
    filenames: np.ndarray
    """``(N,)`` file names relative to the data-set root."""
    skipped: list[str] = dataclasses.field(default_factory=list)
    """Errors of the clips left out (``on_error="skip"``)."""

    def __len__(self) -> int:
        return len(self.labels)


def default_cache_dir() -> pathlib.Path:
    base = os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache"
    return pathlib.Path(os.environ.get("TFASC_CACHE", pathlib.Path(base) / "tfasc"))


def cache_key(dataset: TAUDataset, clips: list[Clip], config: fe.FrontendConfig) -> str:
    digest = hashlib.sha256(config.key().encode())
    digest.update(str(dataset.root.resolve()).encode())
    for clip in clips:
        path = dataset.path(clip)
        stat = path.stat() if path.exists() else None
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "missing"
        digest.update(f"\n{clip.filename}\t{stamp}".encode())
    return digest.hexdigest()[:24]


def _atomic_save(path: pathlib.Path, **arrays) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
    os.replace(tmp, path)


def _compute_shard(dataset, clips, config, on_error, pool):
    def load(clip):
        try:
            return read_audio(dataset.path(clip), config.sample_rate, seconds=config.clip_seconds)
        except AudioError as error:
            if on_error == "raise":
                raise
            return error

    audio = list(pool.map(load, clips))
    good = [i for i, item in enumerate(audio) if not isinstance(item, AudioError)]
    skipped = [str(item) for item in audio if isinstance(item, AudioError)]
    if good:
        batch = np.stack([audio[i] for i in good])
        features = fe.log_mel(batch, config).numpy()
    else:
        features = np.zeros((0, *config.input_shape), np.float32)
    return {
        "features": features,
        "labels": np.array([clips[i].label for i in good], np.int64),
        "devices": np.array([clips[i].device for i in good], dtype="U4"),
        "filenames": np.array([clips[i].filename for i in good], dtype=str),
        "skipped": np.array(skipped, dtype=str),
    }


def compute_features(
    dataset: TAUDataset,
    clips: list[Clip],
    config: fe.FrontendConfig | str,
    *,
    cache_dir=None,
    on_error: str = "raise",
    shard_size: int = 256,
    progress: bool = True,
    description: str = "features",
) -> FeatureSet:
    """Log-mel features of ``clips``, from the cache or computed (and cached) now.

    Args:
        dataset: the data set the clips come from.
        clips: the clips, e.g. ``dataset.fold("train")``.
        config: front-end settings or preset name.
        cache_dir: cache root (default ``$TFASC_CACHE`` or ``~/.cache/tfasc``); None
            with ``cache_dir=False`` computes without caching.
        on_error: ``"raise"`` stops at the first bad file; ``"skip"`` leaves bad files out
            and lists them in ``FeatureSet.skipped``.
        shard_size: clips per shard (the unit of resumption).
        progress: show a progress bar.
        description: progress-bar label.

    Raises:
        AudioError: a bad file with ``on_error="raise"``, naming it.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"unknown on_error {on_error!r}; allowed: raise, skip")
    config = fe.as_config(config)
    if not clips:
        raise ValueError("compute_features needs at least one clip")
    entry = None
    if cache_dir is not False:
        root = pathlib.Path(cache_dir) if cache_dir else default_cache_dir()
        entry = root / cache_key(dataset, clips, config)
        entry.mkdir(parents=True, exist_ok=True)
        manifest = entry / "manifest.json"
        if manifest.is_file():
            return _load_entry(entry, json.loads(manifest.read_text())["shards"])
    starts = list(range(0, len(clips), shard_size))
    shards = []
    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool,
        tqdm(total=len(clips), desc=description, unit="clip", disable=not progress) as bar,
    ):
        for index, start in enumerate(starts):
            chunk = clips[start : start + shard_size]
            if entry is not None:
                path = entry / f"shard_{index:05d}.npz"
                if not path.is_file():
                    _atomic_save(path, **_compute_shard(dataset, chunk, config, on_error, pool))
                shards.append(path.name)
            else:
                shards.append(_compute_shard(dataset, chunk, config, on_error, pool))
            bar.update(len(chunk))
    if entry is None:
        return _merge(shards)
    info = {"frontend": config.to_dict(), "clips": len(clips), "shards": shards}
    tmp = entry / "manifest.json.tmp"
    tmp.write_text(json.dumps(info, indent=1))
    os.replace(tmp, entry / "manifest.json")
    return _load_entry(entry, shards)


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
        skipped=[str(s) for p in parts for s in p["skipped"]],
    )
