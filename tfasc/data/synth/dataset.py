"""Writing a synthetic TAU set to disk: audio, tables, README, and reading its parallel groups.

Each 10-s recording becomes ``slices_per_recording`` 1-s files ``X-0-dev.wav`` ... as in TAU
2022. A segment's scene signal is rendered once and passed through the chain of every
device that recorded it, so the clips of one ``recording`` (``parallel.csv``,
:func:`parallel_groups`) hold the same sound through different devices. Files are written to
a temporary name and renamed, so an interrupted run can simply be rerun: complete files are
kept.
"""

from __future__ import annotations

import collections
import csv
import io
import json
import multiprocessing
import os
import pathlib
import time

import soundfile

from tfasc import __version__, atomic
from tfasc.data.audio import to_pcm16
from tfasc.data.synth.devices import DEVICE_MODEL_VERSION, render_device
from tfasc.data.synth.recipes import CLIP_SECONDS, RECORDING_SECONDS, SR, key_rng
from tfasc.data.synth.selection import Recording, select_recordings, training_splits
from tfasc.data.synth.sources import render_scene

_MARKER = "synth.json"


def _table(header: tuple[str, ...], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _render_segment(task: tuple) -> tuple[int, int]:
    """Renders one segment through each of its devices; returns (written, skipped) clips."""
    root, seed, slices, recordings, resume = task
    root = pathlib.Path(root)
    todo = [
        (rec, i)
        for rec in recordings
        for i in range(slices)
        if not (resume and (root / rec.clip(i)).is_file())
    ]
    if not todo:
        return 0, len(recordings) * slices
    first = recordings[0]
    scene = render_scene(
        first.scene,
        location=first.identifier,
        segment=first.segment,
        seed=seed,
        seconds=slices * CLIP_SECONDS,
    )
    missing = set(todo)
    for rec in recordings:
        if not any((rec, i) in missing for i in range(slices)):
            continue
        y = to_pcm16(render_device(scene, rec.device, SR, key_rng(seed, "device", rec.name)))
        for i in range(slices):
            if (rec, i) not in missing:
                continue
            with atomic.writer(root / rec.clip(i)) as handle:
                soundfile.write(
                    handle,
                    y[i * SR * CLIP_SECONDS : (i + 1) * SR * CLIP_SECONDS],
                    SR,
                    subtype="PCM_16",
                    format="WAV",
                )
    return len(todo), len(recordings) * slices - len(todo)


def _prepare(out: pathlib.Path, params: dict, overwrite: bool, clips: set[str]) -> bool:
    """Checks ``out`` and writes the marker; returns whether existing clips may be kept.

    When not resuming, the ``clips`` to write that already exist are deleted before the marker
    is written (so that an interrupted overwrite never resumes onto foreign files), and so is
    every other clip of a previous synthetic set.
    """
    marker = out / _MARKER
    previous = None
    if marker.is_file():
        try:
            previous = json.loads(marker.read_text(encoding="utf-8"))
        except ValueError:
            previous = None
    ours = isinstance(previous, dict) and previous.get("generator") == params["generator"]
    if previous == params:
        resume = True
    elif out.exists() and any(out.iterdir()) and not overwrite:
        if ours:
            differences = ", ".join(
                f"{key} {previous.get(key)!r} (requested {value!r})"
                for key, value in params.items()
                if previous.get(key) != value
            )
            what = f"holds a synthetic data set with other parameters: {differences}"
            replace = "to replace it"
        else:
            what = "is not empty and is not a tfasc synthetic data set"
            replace = (
                "to write the synthetic set into it anyway (files of the same names are replaced)"
            )
        raise FileExistsError(
            f"{out}: {what}; pass overwrite=True (`tfasc synth --overwrite`) {replace}, "
            "or choose another folder"
        )
    else:
        resume = False
    out.mkdir(parents=True, exist_ok=True)
    (out / "audio").mkdir(exist_ok=True)
    for stale in (out / "audio").glob(".*.tmp"):  # left by an interrupted run
        stale.unlink()
    if not resume:
        for path in (out / "audio").glob("*.wav"):
            if ours or f"audio/{path.name}" in clips:
                path.unlink()
    atomic.write_text(marker, json.dumps(params, indent=2) + "\n")
    return resume


def generate(
    out_dir,
    *,
    seed: int = 0,
    size: float = 0.01,
    slices_per_recording: int = 10,
    progress: bool = True,
    workers: int | None = None,
    overwrite: bool = False,
) -> dict:
    """Writes a synthetic TAU Urban Acoustic Scenes 2022 Mobile development set.

    Args:
        out_dir: output directory; created if needed. A non-empty directory is refused unless
            it holds a synthetic set of the same parameters (then the run resumes: complete
            clips are kept) or ``overwrite`` is True (then every clip is rewritten).
        seed: data-set seed: the choice of segments and all audio follow from it.
        size: fraction (0, 1] of the 23,035 TAU 2020 recordings to take.
        slices_per_recording: 1-s files per 10-s recording (1-10), slices ``0..n-1``.
        progress: show a tqdm progress bar.
        workers: processes to render with; None = the CPUs available; 1 = in-process.
        overwrite: write into a non-empty directory that is not this same synthetic set.

    Returns:
        summary dict: ``out_dir``, ``seed``, ``size``, ``slices_per_recording``,
        ``recordings``, ``segments``, ``clips``, ``clips_by_device``, ``clips_by_fold``,
        ``written``, ``skipped``, ``workers``, ``seconds``, ``clips_per_second``.
    """
    if not 1 <= slices_per_recording <= RECORDING_SECONDS // CLIP_SECONDS:
        raise ValueError(f"slices_per_recording must be in 1..10, got {slices_per_recording!r}")
    start = time.perf_counter()
    out = pathlib.Path(out_dir)
    params = {
        "generator": "tfasc.data.synth",
        "tfasc_version": __version__,
        "device_model": DEVICE_MODEL_VERSION,
        "seed": int(seed),
        "size": float(size),
        "slices_per_recording": int(slices_per_recording),
    }
    recordings = select_recordings(size, seed)
    targets = {rec.clip(i) for rec in recordings for i in range(slices_per_recording)}
    resume = _prepare(out, params, overwrite, targets)

    segments = collections.defaultdict(list)
    for rec in recordings:
        segments[rec.segment].append(rec)
    tasks = [
        (str(out), int(seed), slices_per_recording, recs, resume) for recs in segments.values()
    ]
    if workers is None:
        workers = (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1)
        )
    workers = max(1, min(int(workers), len(tasks)))
    from tqdm.auto import tqdm

    bar = tqdm(
        total=len(recordings) * slices_per_recording,
        unit="clip",
        disable=not progress,
        desc=f"synth {out.name}",
    )
    written = skipped = 0
    if workers == 1:
        results = map(_render_segment, tasks)
        pool = None
    else:
        pool = multiprocessing.get_context("spawn").Pool(workers)
        results = pool.imap_unordered(_render_segment, tasks)
    try:
        for done, kept in results:
            written += done
            skipped += kept
            bar.update(done + kept)
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()

    _write_tables(out, recordings, seed, slices_per_recording)
    clips = len(recordings) * slices_per_recording
    atomic.write_text(out / "README.md", _readme(params, len(recordings), clips))
    seconds = time.perf_counter() - start
    return {
        "out_dir": str(out),
        "seed": int(seed),
        "size": float(size),
        "slices_per_recording": slices_per_recording,
        "recordings": len(recordings),
        "segments": len(segments),
        "clips": clips,
        "clips_by_device": dict(
            collections.Counter(r.device for r in recordings for _ in range(slices_per_recording))
        ),
        "clips_by_fold": dict(
            collections.Counter(
                r.fold or "meta_only" for r in recordings for _ in range(slices_per_recording)
            )
        ),
        "written": written,
        "skipped": skipped,
        "workers": workers,
        "seconds": seconds,
        "clips_per_second": written / seconds if seconds > 0 else float("inf"),
    }


def _write_tables(out: pathlib.Path, recordings: list[Recording], seed: int, slices: int):
    def rows(recs, *columns):
        for r in recs:
            for i in range(slices):
                values = {
                    "filename": r.clip(i),
                    "scene_label": r.scene,
                    "identifier": r.identifier,
                    "source_label": r.device,
                    "recording": f"{r.segment}-{i}",
                }
                yield [values[c] for c in columns]

    meta = ("filename", "scene_label", "identifier", "source_label")
    labelled = ("filename", "scene_label")
    train = [r for r in recordings if r.fold == "train"]
    evaluate = [r for r in recordings if r.fold == "evaluate"]
    setup = out / "evaluation_setup"
    atomic.write_text(out / "meta.csv", _table(meta, rows(recordings, *meta)))
    atomic.write_text(setup / "fold1_train.csv", _table(labelled, rows(train, *labelled)))
    atomic.write_text(setup / "fold1_evaluate.csv", _table(labelled, rows(evaluate, *labelled)))
    atomic.write_text(setup / "fold1_test.csv", _table(("filename",), rows(evaluate, "filename")))
    for percent, subset in training_splits(recordings, seed).items():
        atomic.write_text(
            out / "split_setup" / f"split{percent}.csv", _table(labelled, rows(subset, *labelled))
        )
    parallel = ("filename", "recording", "source_label")
    atomic.write_text(out / "parallel.csv", _table(parallel, rows(recordings, *parallel)))


def _readme(params: dict, recordings: int, clips: int) -> str:
    return f"""# Synthetic TAU Urban Acoustic Scenes 2022 Mobile development set

**This is synthetic audio**, generated by `tfasc.data.synth` (tfasc {params["tfasc_version"]})
with seed {params["seed"]} and size {params["size"]} ({recordings} 10-s recordings of the real
TAU 2020 Mobile metadata, {params["slices_per_recording"]} 1-s slices each: {clips} clips).
File names, locations, devices and folds follow the real metadata; the sound is procedural.

- `meta.csv`, `evaluation_setup/fold1_{{train,evaluate,test}}.csv`,
  `split_setup/split{{5,10,25,50,100}}.csv`: as in TAU 2022 Mobile / DCASE2024.
- `parallel.csv` (`filename`, `recording`, `source_label`): clips with the same `recording`
  hold the same scene sound recorded by different devices (parallel recordings).
- `synth.json`: the generation parameters (a rerun with the same ones resumes).
"""


def parallel_groups(root) -> dict[str, dict[str, str]]:
    """Parallel recordings of a synthetic set: ``{recording: {device: filename}}``.

    Only groups recorded by at least two devices are returned; ``recording`` is
    ``scene-city-loc-segment-slice``.
    """
    groups = collections.defaultdict(dict)
    with open(pathlib.Path(root) / "parallel.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups[row["recording"]][row["source_label"]] = row["filename"]
    return {key: devices for key, devices in groups.items() if len(devices) > 1}
