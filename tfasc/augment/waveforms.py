"""Decoded, resampled waveforms of a list of clips, cached as int16 shards.

Augmentation on the waveform (DIR, :mod:`tfasc.augment.dir`) needs the audio in the
training pipeline, which then computes the features on the fly with
:func:`tfasc.features.log_mel`. Decoding and resampling happen once: the clips are read with
the feature cache's length policy (:func:`tfasc.data.audio.read_slices`), one row per
example in the feature cache's order, and stored as int16 PCM (:func:`tfasc.data.audio.to_pcm16`)
under ``CACHE/waveforms/KEY/``, where ``KEY`` is the feature-cache key of the same clips,
front end and clip policy. Each shard is written atomically and ``manifest.json`` last, as
in :mod:`tfasc.feature_cache`; the shards are memory-mapped, so a data set larger than the
memory can be trained on.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib

import numpy as np
from tqdm.auto import tqdm

from tfasc import atomic, feature_cache
from tfasc.data.audio import TOLERANCE, AudioError, read_slices, to_pcm16
from tfasc.data.tau import Clip, TAUDataset
from tfasc.features import FrontendConfig

FORMAT = 1


@dataclasses.dataclass
class WaveformSet:
    """int16 waveforms ``(N, samples)`` with the metadata of a :class:`FeatureSet`."""

    shards: list[np.ndarray]
    """Memory-mapped ``(n_i, samples)`` int16 blocks, in row order."""
    labels: np.ndarray
    devices: np.ndarray
    filenames: np.ndarray
    slices: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def samples(self) -> int:
        return self.shards[0].shape[1]

    def gather(self, indices) -> np.ndarray:
        """``(len(indices), samples)`` int16 rows."""
        offsets = np.cumsum([0] + [len(shard) for shard in self.shards])
        indices = np.asarray(indices).reshape(-1)
        shard = np.searchsorted(offsets, indices, side="right") - 1
        out = np.empty((len(indices), self.samples), np.int16)
        for i, (s, index) in enumerate(zip(shard, indices, strict=True)):
            out[i] = self.shards[s][index - offsets[s]]
        return out


def _read_shard(dataset, clips, frontend, on_error, long_clips, tolerance):
    rows, meta = [], {"labels": [], "devices": [], "filenames": [], "slices": []}
    for clip in clips:
        try:
            audio = read_slices(
                dataset.path(clip),
                frontend.sample_rate,
                seconds=frontend.clip_seconds,
                tolerance=tolerance,
                long_clips=long_clips,
            ).audio
        except AudioError:
            if on_error == "raise":
                raise
            continue  # left out, as the feature cache leaves it out
        rows.append(to_pcm16(audio))
        meta["labels"] += [clip.label] * len(audio)
        meta["devices"] += [clip.device] * len(audio)
        meta["filenames"] += [clip.filename] * len(audio)
        meta["slices"] += list(range(len(audio)))
    pcm = np.concatenate(rows) if rows else np.zeros((0, frontend.num_samples), np.int16)
    return pcm, {
        "labels": np.array(meta["labels"], np.int64),
        "devices": np.array(meta["devices"], dtype="U4"),
        "filenames": np.array(meta["filenames"], dtype=str),
        "slices": np.array(meta["slices"], np.int64),
    }


def cached_waveforms(
    dataset: TAUDataset,
    clips: list[Clip],
    frontend: FrontendConfig,
    *,
    cache_dir=None,
    on_error: str = "raise",
    long_clips: str = "error",
    tolerance: float = TOLERANCE,
    shard_size: int = 256,
    progress: bool = True,
) -> WaveformSet:
    """Waveforms of ``clips`` at the front end's rate and clip length, from the cache or
    read (and cached) now; arguments as :func:`tfasc.feature_cache.compute_features`.

    Raises:
        tfasc.data.audio.AudioError: a bad file with ``on_error="raise"``.
    """
    key = feature_cache.cache_key(
        dataset, clips, frontend, on_error=on_error, long_clips=long_clips, tolerance=tolerance
    )
    root = pathlib.Path(cache_dir) if cache_dir else feature_cache.default_cache_dir()
    entry = root / "waveforms" / f"{key}-{FORMAT}"
    manifest = entry / "manifest.json"
    if not manifest.is_file():
        names = []
        with tqdm(total=len(clips), desc="waveforms", unit="clip", disable=not progress) as bar:
            for start in range(0, len(clips), shard_size):
                chunk = clips[start : start + shard_size]
                names.append(f"shard_{start:07d}_{start + len(chunk):07d}")
                if not (entry / f"{names[-1]}.npz").is_file():
                    pcm, meta = _read_shard(dataset, chunk, frontend, on_error, long_clips,
                                            tolerance)  # fmt: skip
                    with atomic.writer(entry / f"{names[-1]}.npy") as handle:
                        np.save(handle, pcm)
                    with atomic.writer(entry / f"{names[-1]}.npz") as handle:
                        np.savez(handle, **meta)  # written last: the shard is complete
                bar.update(len(chunk))
        atomic.write_json(manifest, {"format": FORMAT, "clips": len(clips), "shards": names})
    names = json.loads(manifest.read_text())["shards"]
    shards, parts = [], []
    for name in names:
        pcm = np.load(entry / f"{name}.npy", mmap_mode="r")
        if len(pcm):
            shards.append(pcm)
        with np.load(entry / f"{name}.npz") as data:
            parts.append({k: data[k] for k in data.files})
    if not shards:
        raise AudioError(f"{dataset.root}: no readable clips among {len(clips)}")
    return WaveformSet(
        shards=shards,
        **{k: np.concatenate([p[k] for p in parts]) for k in parts[0]},
    )
