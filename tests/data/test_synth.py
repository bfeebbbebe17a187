"""Tests of the synthetic TAU 2022 Mobile generator (tfasc.data.synth)."""

import collections
import pathlib

import numpy as np
import pytest
import soundfile

from tfasc import DEVICES, SCENES, UNSEEN_DEVICES, __version__
from tfasc.data import synth

META = ("filename", "scene_label", "identifier", "source_label")
SLICES = 2


def _table(path):
    with open(path, newline="", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    assert lines[-1] == "", f"{path}: no final newline"
    return [line.split("\t") for line in lines[:-1]]


def _rows(root, name):
    header, *rows = _table(pathlib.Path(root) / name)
    return [dict(zip(header, row, strict=False)) for row in rows]


def _files(root):
    """Every file under ``root`` with its bytes."""
    root = pathlib.Path(root)
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _log_mel(x, sr=synth.SR, n_fft=2048, bands=40):
    """(frames, bands) log power in triangular bands on a mel scale."""
    frames = np.lib.stride_tricks.sliding_window_view(x, n_fft)[:: n_fft // 2] * np.hanning(n_fft)
    power = np.abs(np.fft.rfft(frames)) ** 2
    mel = 2595 * np.log10(1 + np.fft.rfftfreq(n_fft, 1 / sr) / 700)
    edges = np.linspace(mel[1], mel[-1], bands + 2)
    weights = np.maximum(
        0,
        np.minimum(
            (mel[None] - edges[:-2, None]) / (edges[1:-1, None] - edges[:-2, None]),
            (edges[2:, None] - mel[None]) / (edges[2:, None] - edges[1:-1, None]),
        ),
    )
    return np.log(power @ weights.T + 1e-10)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """0.6 % of the TAU 2020 recordings, 2 slices each (about 300 clips, 6 s on one core)."""
    root = tmp_path_factory.mktemp("synth") / "tau"
    summary = synth.generate(
        root, seed=0, size=0.006, slices_per_recording=SLICES, progress=False, workers=1
    )
    return root, summary


def test_layout_and_headers(dataset):
    root, summary = dataset
    assert _table(root / "meta.csv")[0] == list(META)
    for name in ("fold1_train.csv", "fold1_evaluate.csv"):
        assert _table(root / "evaluation_setup" / name)[0] == ["filename", "scene_label"]
    assert _table(root / "evaluation_setup" / "fold1_test.csv")[0] == ["filename"]
    for percent in (5, 10, 25, 50, 100):
        assert _table(root / "split_setup" / f"split{percent}.csv")[0] == [
            "filename",
            "scene_label",
        ]
    meta = _rows(root, "meta.csv")
    assert len(meta) == summary["clips"] == summary["recordings"] * SLICES
    for row in meta:
        scene, city, loc, segment, index, device = row["filename"][6:-4].split("-")
        assert row["filename"].startswith("audio/") and row["filename"].endswith(".wav")
        assert (scene, f"{city}-{loc}", device) == (
            row["scene_label"],
            row["identifier"],
            row["source_label"],
        )
        assert scene in SCENES and device in DEVICES and int(index) < SLICES and segment.isdigit()
    on_disk = {f"audio/{p.name}" for p in (root / "audio").iterdir()}
    assert on_disk == {row["filename"] for row in meta}  # no temporary files left
    readme = (root / "README.md").read_text()
    assert "synthetic" in readme and "seed 0" in readme and "size 0.006" in readme
    assert __version__ in readme


def test_audio_files_are_1s_int16_mono(dataset):
    root, _ = dataset
    for path in sorted((root / "audio").iterdir())[::7]:
        info = soundfile.info(path)
        assert (info.samplerate, info.channels, info.frames) == (44100, 1, 44100)
        assert (info.format, info.subtype) == ("WAV", "PCM_16")
        x, _ = soundfile.read(path, dtype="int16")
        assert x.shape == (44100,) and 0 < np.abs(x).max() < 32767


def test_folds_follow_the_real_structure(dataset):
    root, _ = dataset
    meta = {row["filename"]: row for row in _rows(root, "meta.csv")}
    train = _rows(root, "evaluation_setup/fold1_train.csv")
    evaluate = _rows(root, "evaluation_setup/fold1_evaluate.csv")
    test = _rows(root, "evaluation_setup/fold1_test.csv")
    assert [r["filename"] for r in test] == [r["filename"] for r in evaluate]
    for row in train + evaluate:
        assert meta[row["filename"]]["scene_label"] == row["scene_label"]
    train_devices = {meta[r["filename"]]["source_label"] for r in train}
    eval_devices = {meta[r["filename"]]["source_label"] for r in evaluate}
    assert "a" in train_devices and not train_devices & set(UNSEEN_DEVICES)
    assert eval_devices & set(UNSEEN_DEVICES)
    train_locations = {meta[r["filename"]]["identifier"] for r in train}
    eval_locations = {meta[r["filename"]]["identifier"] for r in evaluate}
    assert train_locations and eval_locations and not train_locations & eval_locations
    # Files in neither fold stay in meta only, as in TAU.
    assert len(meta) > len(train) + len(evaluate)
    # Every chosen 2020 recording gives slices 0..n-1, and every device of a segment is kept.
    real = collections.defaultdict(set)
    for rec in synth.tau2020_recordings():
        real[rec.segment].add(rec.device)
    chosen = collections.defaultdict(set)
    for name in meta:
        *segment, index, device = name[6:-4].split("-")
        chosen["-".join(segment)].add((device, int(index)))
    for segment, parts in chosen.items():
        assert parts == {(d, i) for d in real[segment] for i in range(SLICES)}


def test_device_and_scene_proportions_follow_the_real_metadata():
    size = 0.05
    real = synth.tau2020_recordings()
    chosen = synth.select_recordings(size, seed=3)
    # Devices are matched tightly, scenes (a quarter weight in the greedy draw) more loosely.
    for key, slack in ((lambda r: (r.fold, r.device), 3), (lambda r: (r.fold, r.scene), 5)):
        want = collections.Counter(map(key, real))
        got = collections.Counter(map(key, chosen))
        for k, count in want.items():
            assert abs(got[k] - size * count) <= max(slack, 0.1 * size * count), (k, got[k])
    assert abs(len(chosen) - size * len(real)) <= 0.05 * size * len(real)
    assert synth.select_recordings(size, seed=3) == chosen
    assert synth.select_recordings(size, seed=4) != chosen


def test_splits_are_nested_whole_recordings_with_device_proportions(dataset):
    root, _ = dataset
    train = _rows(root, "evaluation_setup/fold1_train.csv")
    previous = set()
    for percent in (5, 10, 25, 50, 100):
        rows = _rows(root, f"split_setup/split{percent}.csv")
        names = {r["filename"] for r in rows}
        assert previous <= names
        recordings = collections.Counter(n.rsplit("-", 2)[0] + n.rsplit("-", 1)[1] for n in names)
        assert set(recordings.values()) <= {SLICES}  # all slices of a recording together
        previous = names
    assert rows == train
    # Proportions, on a larger selection (no audio needed).
    recordings = synth.select_recordings(0.1, seed=0)
    splits = synth.training_splits(recordings, seed=0)
    full = collections.Counter(r.device for r in splits[100])
    for percent in (5, 10, 25, 50):
        got = collections.Counter(r.device for r in splits[percent])
        for device, count in full.items():
            assert abs(got[device] - percent / 100 * count) <= 1, (percent, device)


def test_parallel_recordings_share_the_scene_and_differ_by_device(dataset):
    root, _ = dataset
    groups = synth.parallel_groups(root)
    assert len(groups) >= 5
    assert all(len(devices) >= 2 for devices in groups.values())

    def pattern(filename):  # log-mel time pattern with each band's mean (device EQ) removed
        x, _ = soundfile.read(root / filename)
        spec = _log_mel(x)
        return spec, (spec - spec.mean(0)).ravel()

    same, across, device_gap = [], [], []
    keys = sorted(groups)
    for i, key in enumerate(keys[:12]):
        (_, first), (_, second) = sorted(groups[key].items())[:2]
        (spec_a, a), (spec_b, b) = pattern(first), pattern(second)
        same.append(np.corrcoef(a, b)[0, 1])
        device_gap.append(np.abs(spec_a.mean(0) - spec_b.mean(0)).mean())
        other = groups[keys[(i + 1) % len(keys)]]
        across.append(np.corrcoef(a, pattern(min(other.values()))[1])[0, 1])
    print(
        f"parallel log-mel correlation {np.mean(same):.2f}, across segments "
        f"{np.mean(across):.2f}, device gap {np.mean(device_gap):.2f}"
    )
    assert np.mean(same) > 0.6 > np.mean(across) + 0.3, (same, across)
    assert min(device_gap) > 0.5  # mean log-mel differs by device (natural-log units)


def test_scenes_are_learnable_on_held_out_locations(dataset):
    """Nearest-centroid on mean log-mel: train fold -> evaluation fold (unseen locations)."""
    root, _ = dataset

    def features(part):
        rows = _rows(root, f"evaluation_setup/fold1_{part}.csv")
        x = np.array([_log_mel(soundfile.read(root / r["filename"])[0]).mean(0) for r in rows])
        return x, np.array([SCENES.index(r["scene_label"]) for r in rows])

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


def test_same_seed_same_bytes_regardless_of_workers(tmp_path):
    kwargs = {"seed": 5, "size": 0.001, "slices_per_recording": 1, "progress": False}
    one = synth.generate(tmp_path / "one", workers=1, **kwargs)
    two = synth.generate(tmp_path / "two", workers=2, **kwargs)
    assert (one["written"], two["written"]) == (one["clips"], two["clips"])
    files = _files(tmp_path / "one")
    assert files == _files(tmp_path / "two")
    # Another seed draws other segments and other sound for the same segment.
    assert synth.select_recordings(0.001, seed=5) != synth.select_recordings(0.001, seed=6)
    a, b = (
        synth.render_scene("bus", location="lyon-1", segment="bus-lyon-1-5", seed=s, seconds=1)
        for s in (0, 1)
    )
    assert a.shape == b.shape == (44100,) and not np.allclose(a, b)


def test_interrupted_run_resumes_to_identical_output(tmp_path, monkeypatch):
    kwargs = {"seed": 2, "size": 0.001, "slices_per_recording": 1, "progress": False, "workers": 1}
    synth.generate(tmp_path / "reference", **kwargs)
    reference = _files(tmp_path / "reference")

    render, calls = synth._render_segment, []

    def interrupted(task):
        calls.append(task)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return render(task)

    monkeypatch.setattr(synth, "_render_segment", interrupted)
    with pytest.raises(KeyboardInterrupt):
        synth.generate(tmp_path / "run", **kwargs)
    monkeypatch.undo()
    assert not (tmp_path / "run" / "meta.csv").exists()  # tables come last
    done = len(list((tmp_path / "run" / "audio").glob("*.wav")))
    assert done >= 2
    (tmp_path / "run" / "audio" / ".leftover.wav.123.tmp").write_bytes(b"partial")
    summary = synth.generate(tmp_path / "run", **kwargs)
    assert summary["skipped"] == done and summary["written"] == summary["clips"] - done
    assert _files(tmp_path / "run") == reference


def test_refuses_foreign_or_different_directory(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    kwargs = {"size": 0.001, "slices_per_recording": 1, "progress": False, "workers": 1}
    with pytest.raises(FileExistsError, match="not a tfasc synthetic"):
        synth.generate(foreign, **kwargs)
    synth.generate(foreign, overwrite=True, **kwargs)
    assert (foreign / "notes.txt").read_text() == "mine"
    with pytest.raises(FileExistsError, match="other parameters"):
        synth.generate(foreign, seed=1, **kwargs)
    # Overwriting a previous synthetic set leaves only the new clips.
    summary = synth.generate(foreign, seed=1, overwrite=True, **kwargs)
    assert summary["written"] == summary["clips"]
    listed = {row["filename"] for row in _rows(foreign, "meta.csv")}
    assert {f"audio/{p.name}" for p in (foreign / "audio").iterdir()} == listed
    with pytest.raises(ValueError, match="size"):
        synth.generate(tmp_path / "bad", size=0)


def test_device_models_are_fixed_and_a_is_the_best():
    freqs = np.geomspace(100, 10000, 50)
    a = 20 * np.log10(synth.device_model("a").response(freqs))
    assert np.abs(a).max() < 2.5
    for device in DEVICES[1:]:
        db = 20 * np.log10(synth.device_model(device).response(freqs))
        assert np.ptp(db) > np.ptp(a)
    phone = synth.device_model("s4")
    assert phone.response(np.array([16000.0]))[0] < 0.3  # band-limited
    x = np.random.default_rng(0).normal(0, 0.05, 44100)
    y1 = synth.render_device(x, "s4", 44100, np.random.default_rng(1))
    y2 = synth.render_device(x, "s4", 44100, np.random.default_rng(1))
    assert y1.shape == x.shape and np.array_equal(y1, y2)
    with pytest.raises(ValueError, match="device"):
        synth.device_model("z")


def test_tau_loader_reads_the_output_unchanged(dataset):
    from tfasc.data import tau

    root, _ = dataset
    data = tau.load(root)
    assert len(data) == len(_rows(root, "meta.csv"))
    for part in ("train", "evaluate", "test"):
        want = [r["filename"] for r in _rows(root, f"evaluation_setup/fold1_{part}.csv")]
        assert [clip.filename for clip in data.fold(part)] == want
    for percent in (5, 10, 25, 50, 100):
        want = [r["filename"] for r in _rows(root, f"split_setup/split{percent}.csv")]
        assert [clip.filename for clip in data.split(percent)] == want
