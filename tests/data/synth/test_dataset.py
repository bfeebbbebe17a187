"""Tests of writing a synthetic TAU set (tfasc.data.synth.dataset)."""

import importlib

import numpy as np
import pytest
import soundfile

from tests.data.synth.helpers import META, SLICES, files, rows, table
from tfasc import DEVICES, SCENES, __version__
from tfasc.data import synth, tau
from tfasc.data.audio import to_pcm16
from tfasc.data.synth.recipes import key_rng

dataset_module = importlib.import_module("tfasc.data.synth.dataset")


def test_layout_and_headers(small_set):
    root, summary = small_set
    assert table(root / "meta.csv")[0] == list(META)
    for name in ("fold1_train.csv", "fold1_evaluate.csv"):
        assert table(root / "evaluation_setup" / name)[0] == ["filename", "scene_label"]
    assert table(root / "evaluation_setup" / "fold1_test.csv")[0] == ["filename"]
    for percent in (5, 10, 25, 50, 100):
        assert table(root / "split_setup" / f"split{percent}.csv")[0] == [
            "filename",
            "scene_label",
        ]
    meta = rows(root, "meta.csv")
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


def test_audio_files_are_1s_int16_mono(small_set):
    root, _ = small_set
    for path in sorted((root / "audio").iterdir())[::7]:
        info = soundfile.info(path)
        assert (info.samplerate, info.channels, info.frames) == (44100, 1, 44100)
        assert (info.format, info.subtype) == ("WAV", "PCM_16")
        x, _ = soundfile.read(path, dtype="int16")
        assert x.shape == (44100,) and 0 < np.abs(x).max() < 32767


def test_clips_are_the_device_signal_in_the_project_pcm_scale(small_set):
    """Each file is ``to_pcm16`` (scale 32768) of the segment's scene through its device."""
    root, _ = small_set
    recordings = synth.select_recordings(0.006, seed=0)
    for rec in recordings[:: max(1, len(recordings) // 4)]:
        first = next(r for r in recordings if r.segment == rec.segment)
        scene = synth.render_scene(
            first.scene, location=first.identifier, segment=rec.segment, seed=0, seconds=SLICES
        )
        y = synth.render_device(scene, rec.device, synth.SR, key_rng(0, "device", rec.name))
        for i in range(SLICES):
            pcm, _ = soundfile.read(root / rec.clip(i), dtype="int16")
            np.testing.assert_array_equal(pcm, to_pcm16(y[i * synth.SR : (i + 1) * synth.SR]))


def test_same_seed_same_bytes_regardless_of_workers(tmp_path):
    kwargs = {"seed": 5, "size": 0.001, "slices_per_recording": 1, "progress": False}
    one = synth.generate(tmp_path / "one", workers=1, **kwargs)
    two = synth.generate(tmp_path / "two", workers=2, **kwargs)
    assert (one["written"], two["written"]) == (one["clips"], two["clips"])
    assert files(tmp_path / "one") == files(tmp_path / "two")


def test_interrupted_run_resumes_to_identical_output(tmp_path, monkeypatch):
    kwargs = {"seed": 2, "size": 0.001, "slices_per_recording": 1, "progress": False, "workers": 1}
    synth.generate(tmp_path / "reference", **kwargs)
    reference = files(tmp_path / "reference")

    render, calls = dataset_module._render_segment, []

    def interrupted(task):
        calls.append(task)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return render(task)

    monkeypatch.setattr(dataset_module, "_render_segment", interrupted)
    with pytest.raises(KeyboardInterrupt):
        synth.generate(tmp_path / "run", **kwargs)
    monkeypatch.undo()
    assert not (tmp_path / "run" / "meta.csv").exists()  # tables come last
    done = len(list((tmp_path / "run" / "audio").glob("*.wav")))
    assert done >= 2
    (tmp_path / "run" / "audio" / ".leftover.wav.123.tmp").write_bytes(b"partial")
    summary = synth.generate(tmp_path / "run", **kwargs)
    assert summary["skipped"] == done and summary["written"] == summary["clips"] - done
    assert files(tmp_path / "run") == reference


def test_refuses_foreign_or_different_directory(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    kwargs = {"size": 0.001, "slices_per_recording": 1, "progress": False, "workers": 1}
    with pytest.raises(FileExistsError, match="not a tfasc synthetic") as info:
        synth.generate(foreign, **kwargs)
    assert "overwrite=True (`tfasc synth --overwrite`)" in str(info.value)
    assert not (foreign / "synth.json").exists()  # nothing written before the check
    synth.generate(foreign, overwrite=True, **kwargs)
    assert (foreign / "notes.txt").read_text() == "mine"
    with pytest.raises(FileExistsError) as info:
        synth.generate(foreign, seed=1, **{**kwargs, "size": 0.002})
    assert str(info.value) == (
        f"{foreign}: holds a synthetic data set with other parameters: seed 0 (requested 1), "
        "size 0.001 (requested 0.002); pass overwrite=True (`tfasc synth --overwrite`) to "
        "replace it, or choose another folder"
    )
    # Overwriting a previous synthetic set leaves only the new clips.
    summary = synth.generate(foreign, seed=1, overwrite=True, **kwargs)
    assert summary["written"] == summary["clips"]
    listed = {row["filename"] for row in rows(foreign, "meta.csv")}
    assert {f"audio/{p.name}" for p in (foreign / "audio").iterdir()} == listed
    with pytest.raises(ValueError, match="size"):
        synth.generate(tmp_path / "bad", size=0)


def test_tau_loader_reads_the_output_unchanged(small_set):
    root, _ = small_set
    data = tau.load(root)
    assert len(data) == len(rows(root, "meta.csv"))
    for part in ("train", "evaluate", "test"):
        want = [r["filename"] for r in rows(root, f"evaluation_setup/fold1_{part}.csv")]
        assert [clip.filename for clip in data.fold(part)] == want
    for percent in (5, 10, 25, 50, 100):
        want = [r["filename"] for r in rows(root, f"split_setup/split{percent}.csv")]
        assert [clip.filename for clip in data.split(percent)] == want


def test_parallel_groups_list_each_recording_by_device(small_set):
    root, _ = small_set
    groups = synth.parallel_groups(root)
    meta = {row["filename"]: row for row in rows(root, "meta.csv")}
    assert len(groups) >= 5
    for recording, devices in groups.items():
        assert len(devices) >= 2
        for device, filename in devices.items():
            scene, city, loc, segment, index, _ = filename[6:-4].split("-")
            assert recording == f"{scene}-{city}-{loc}-{segment}-{index}"
            assert meta[filename]["source_label"] == device
