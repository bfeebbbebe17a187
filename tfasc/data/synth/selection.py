"""Which recordings a synthetic set holds: a stratified fraction of the real TAU 2020 metadata.

The file list follows the real TAU 2020 Mobile metadata shipped in ``resources/tau2020``
(cities, locations, segments, devices, fold membership). ``size`` is the fraction of its
23,035 10-s recordings to take; whole segments (``scene-city-loc-segment``) are drawn, so
that parallel recordings of a segment by several devices stay together, with a greedy
stratified draw that keeps the (fold, device) and (fold, scene) proportions. Because folds
are the real ones, device ``a`` dominates training, ``s4``-``s6`` occur only in the
evaluation fold, and training and evaluation locations are disjoint. Files of the real
meta.csv in neither fold stay in meta.csv only, as in TAU.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import functools
import gzip
import pathlib

import numpy as np

from tfasc.data.tau import SPLITS

_RESOURCES = pathlib.Path(__file__).parents[1] / "resources" / "tau2020"


@dataclasses.dataclass(frozen=True)
class Recording:
    """One 10-s TAU 2020 recording chosen for the synthetic set."""

    name: str
    """``scene-city-loc-segment-device`` (the 2020 file name without ``audio/``, ``.wav``)."""
    scene: str
    identifier: str
    """Location ``city-loc``."""
    device: str
    fold: str
    """``train``, ``evaluate`` or ``""`` (listed in meta.csv only)."""

    @property
    def segment(self) -> str:
        """``scene-city-loc-segment``: shared by the parallel recordings of all devices."""
        return self.name.rsplit("-", 1)[0]

    def clip(self, index: int) -> str:
        """File name of the 1-s slice ``index`` (TAU 2022)."""
        return f"audio/{self.segment}-{index}-{self.device}.wav"


def _read_gz_table(path: pathlib.Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@functools.cache
def tau2020_recordings() -> tuple[Recording, ...]:
    """All recordings of the real TAU 2020 Mobile development metadata, in meta.csv order."""
    train = {
        r["filename"]
        for r in _read_gz_table(_RESOURCES / "evaluation_setup" / "fold1_train.csv.gz")
    }
    evaluate = {
        r["filename"]
        for r in _read_gz_table(_RESOURCES / "evaluation_setup" / "fold1_evaluate.csv.gz")
    }
    return tuple(
        Recording(
            name=row["filename"][len("audio/") : -len(".wav")],
            scene=row["scene_label"],
            identifier=row["identifier"],
            device=row["source_label"],
            fold="train"
            if row["filename"] in train
            else "evaluate"
            if row["filename"] in evaluate
            else "",
        )
        for row in _read_gz_table(_RESOURCES / "meta.csv.gz")
    )


def select_recordings(size: float, seed: int = 0) -> list[Recording]:
    """A stratified fraction ``size`` of the TAU 2020 recordings, whole segments at a time.

    Segments are grouped into strata of equal scene and (device, fold) signature; each
    stratum gives ``floor(size * count)`` segments, then single segments are added greedily
    while that lowers the squared error of the (fold, device) counts and (a quarter weight)
    of the (side, scene) counts against ``size`` times the real ones. The seed picks which
    segments of a stratum are taken.

    Returns:
        the chosen recordings, in the order of the real meta.csv.
    """
    if not 0 < size <= 1:
        raise ValueError(f"size must be in (0, 1], got {size!r}")
    segments = collections.defaultdict(list)
    for rec in tau2020_recordings():
        segments[rec.segment].append(rec)
    strata = collections.defaultdict(list)
    for name, recs in segments.items():
        strata[(recs[0].scene, tuple(sorted((r.device, r.fold) for r in recs)))].append(name)
    names = sorted(strata)

    def side(recs):  # a segment lies on the training or the evaluation side (or neither)
        return (
            "train"
            if any(r.fold == "train" for r in recs)
            else ("evaluate" if any(r.fold == "evaluate" for r in recs) else "")
        )

    keys = sorted(
        {("device", r.fold, r.device) for recs in segments.values() for r in recs}
        | {("scene", side(recs), recs[0].scene) for recs in segments.values()}
    )
    column = {key: i for i, key in enumerate(keys)}
    counts = np.zeros((len(names), len(keys)))  # recordings each stratum's segment adds
    for i, stratum in enumerate(names):
        recs = segments[strata[stratum][0]]
        for r in recs:
            counts[i, column[("device", r.fold, r.device)]] += 1
        counts[i, column[("scene", side(recs), recs[0].scene)]] += len(recs)
    available = np.array([len(strata[s]) for s in names], float)
    weight = np.array([1.0 if key[0] == "device" else 0.25 for key in keys])
    target = size * (available @ counts)
    take = np.floor(size * available + 1e-9)
    got = take @ counts
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x5E1EC7]))
    tie = rng.uniform(0, 1e-6, len(names))
    while True:
        gain = (weight * counts * (2 * (target - got) - counts)).sum(axis=1) + tie
        gain[take >= available] = -np.inf
        best = int(np.argmax(gain))
        if not gain[best] > 0:
            break
        take[best] += 1
        got += counts[best]
    chosen = set()
    for i, stratum in enumerate(names):
        members = sorted(strata[stratum])
        chosen.update(members[j] for j in rng.permutation(len(members))[: int(take[i])])
    return [r for r in tau2020_recordings() if r.segment in chosen]


def training_splits(recordings: list[Recording], seed: int = 0) -> dict[int, list[Recording]]:
    """DCASE2024-style nested subsets of the training recordings, by percentage.

    Each training recording gets a rank in (0, 1); split ``p`` holds the ranks below
    ``p / 100`` (whole 10-s recordings, so all slices of a recording stay together). Within
    each device the recordings are ordered so that scenes interleave and whole
    locations come together; ranks are evenly spaced per device, so every split keeps the
    device proportions, and the splits are nested by construction.
    """
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x5B117]))
    by_device = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in recordings:
        if r.fold == "train":
            by_device[r.device][r.scene].append(r)
    ranks = {}
    for device in sorted(by_device):
        order = []
        for scene in sorted(by_device[device]):
            recs = by_device[device][scene]
            locations = sorted({r.identifier for r in recs})
            loc_rank = dict(zip(locations, rng.permutation(len(locations)), strict=False))
            recs = sorted(recs, key=lambda r: (loc_rank[r.identifier], r.name))
            order += [((k + 0.5) / len(recs), rng.uniform(), r.name) for k, r in enumerate(recs)]
        order.sort()
        ranks.update({name: (j + 0.5) / len(order) for j, (_, _, name) in enumerate(order)})
    train = [r for r in recordings if r.fold == "train"]
    return {p: [r for r in train if ranks[r.name] < p / 100] for p in SPLITS}
