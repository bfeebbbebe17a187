import json

import numpy as np
import pytest
import soundfile

from tfasc import feature_cache as cache
from tfasc import features
from tfasc.data import tau
from tfasc.data.audio import AudioError, PaddedAudioWarning, from_pcm16, to_pcm16

RATE = 44100
META_HEADER = "filename\tscene_label\tidentifier\tsource_label\n"


def _tau_set(root, names, frames=RATE, seed=0):
    """A TAU layout with noise files ``names``; all in the train fold."""
    (root / "audio").mkdir(parents=True)
    (root / "evaluation_setup").mkdir()
    rng = np.random.default_rng(seed)
    meta, train = [META_HEADER], ["filename\tscene_label\n"]
    for name in names:
        parts = tau.parse_filename(name)
        pcm = to_pcm16(rng.uniform(-0.3, 0.3, frames))
        soundfile.write(root / name, pcm, RATE, subtype="PCM_16")
        meta.append(f"{name}\t{parts['scene']}\t{parts['location']}\t{parts['device']}\n")
        train.append(f"{name}\t{parts['scene']}\n")
    (root / "meta.csv").write_text("".join(meta))
    (root / "evaluation_setup" / "fold1_train.csv").write_text("".join(train))
    return tau.load(root)


NAMES_2022 = [f"audio/bus-milan-3-4-{i}-a.wav" for i in range(3)]
NAMES_2020 = ["audio/bus-milan-3-4-a.wav", "audio/park-lyon-2-9-s2.wav"]


def test_cached_once_and_keyed_by_settings(synth_tau, tmp_path, monkeypatch):
    dataset = tau.load(synth_tau)
    clips = dataset.fold("evaluate")[:10]
    first = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=4, progress=False
    )
    assert first.features.shape == (10, 40, 51, 1)
    assert list(first.filenames) == [c.filename for c in clips]
    np.testing.assert_array_equal(first.slices, np.zeros(10))
    np.testing.assert_array_equal(first.labels, tau.labels(clips))
    assert first.skipped == first.padded == []

    calls = []
    original = cache._compute_shard
    monkeypatch.setattr(cache, "_compute_shard", lambda *a: calls.append(1) or original(*a))
    again = cache.compute_features(dataset, clips, "dcase2022", cache_dir=tmp_path, progress=False)
    assert not calls  # served from the cache
    np.testing.assert_array_equal(again.features, first.features)

    other = features.preset("dcase2022", norm_mean=-30.0)
    cache.compute_features(dataset, clips, other, cache_dir=tmp_path, shard_size=4, progress=False)
    assert len(calls) == 3  # new settings, new entry
    cache.compute_features(dataset, clips[:9], other, cache_dir=tmp_path, progress=False)
    assert len(calls) == 4  # new file list, new entry
    # A run that would skip bad files reuses a complete entry that had none.
    cache.compute_features(dataset, clips[:9], other, cache_dir=tmp_path, on_error="skip")
    assert len(calls) == 4
    cache.compute_features(dataset, clips[:9], other, cache_dir=tmp_path, long_clips="slice")
    assert len(calls) == 5  # another long-clip policy, another entry
    manifests = [json.loads(p.read_text()) for p in tmp_path.glob("*/manifest.json")]
    assert len(manifests) == 4
    assert {json.dumps(m["policy"], sort_keys=True) for m in manifests} == {
        '{"long_clips": "error", "on_error": "raise", "tolerance": 0.01}',
        '{"long_clips": "slice", "on_error": "raise", "tolerance": 0.01}',
    }


def test_resumes_after_interruption(synth_tau, tmp_path, monkeypatch):
    dataset = tau.load(synth_tau)
    clips = dataset.fold("train")[:12]
    original = cache._compute_shard
    calls = []

    def failing(dataset_, chunk, *rest):
        calls.append(chunk[0].filename)
        if len(calls) == 2:
            raise KeyboardInterrupt  # killed while computing the second shard
        return original(dataset_, chunk, *rest)

    monkeypatch.setattr(cache, "_compute_shard", failing)
    with pytest.raises(KeyboardInterrupt):
        cache.compute_features(
            dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=4, progress=False
        )
    entry = next(tmp_path.iterdir())
    first = "shard_0000000_0000004.npz"
    assert sorted(p.name for p in entry.iterdir()) == [first]  # nothing half-written
    stamp = (entry / first).stat().st_mtime_ns
    result = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=4, progress=False
    )
    assert len(calls) == 4  # shards 2 and 3 only
    assert (entry / first).stat().st_mtime_ns == stamp
    assert len(result) == 12 and (entry / "manifest.json").is_file()
    # Resuming with another shard size never mixes shards of other clip ranges.
    (entry / "manifest.json").unlink()
    again = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=5, progress=False
    )
    assert list(again.filenames) == [c.filename for c in clips]
    np.testing.assert_array_equal(again.features, result.features)


def test_bad_file_raises_naming_its_row_or_is_skipped(synth_tau, tmp_path):
    dataset = tau.load(synth_tau)
    clips = dataset.fold("evaluate")[:3]
    broken = dataset.path(clips[1])
    original = broken.read_bytes()
    fold = synth_tau / "evaluation_setup" / "fold1_evaluate.csv"
    try:
        soundfile.write(str(broken), np.zeros((44100, 2)), 44100)
        with pytest.raises(AudioError) as info:
            cache.compute_features(dataset, clips, "dcase2022", cache_dir=False, progress=False)
        assert str(info.value) == f"{broken}: 2 channels, expected mono (listed in {fold}, row 3)"
        result = cache.compute_features(
            dataset, clips, "dcase2022", cache_dir=tmp_path, on_error="skip", progress=False
        )
        assert len(result) == 2 and clips[1].filename not in result.filenames
        assert result.skipped == [str(info.value)]
        # The skipping entry is not reused by a run that stops at bad files.
        with pytest.raises(AudioError, match="2 channels"):
            cache.compute_features(dataset, clips, "dcase2022", cache_dir=tmp_path, progress=False)
        assert len(list(tmp_path.iterdir())) == 1  # the failed run left no entry behind
    finally:
        broken.write_bytes(original)


def test_a_failed_run_leaves_no_cache_folder(tmp_path):
    dataset = _tau_set(tmp_path / "tau", NAMES_2022)
    dataset.path(NAMES_2022[2]).write_bytes(b"")
    clips = dataset.fold("train")
    folder = tmp_path / "new" / "cache"
    with pytest.raises(AudioError, match="unreadable audio"):
        cache.compute_features(dataset, clips, "dcase2022", cache_dir=folder, shard_size=2)
    assert not (tmp_path / "new").exists()


def test_skipping_every_clip_is_one_error(tmp_path):
    dataset = _tau_set(tmp_path / "tau", NAMES_2022)
    for name in NAMES_2022:
        dataset.path(name).write_bytes(b"RIFF")
    folder = tmp_path / "cache"
    with pytest.raises(AudioError) as info:
        cache.compute_features(
            dataset,
            dataset.fold("train"),
            "dcase2022",
            cache_dir=folder,
            on_error="skip",
            description="train features",
        )
    message = str(info.value)
    assert message.startswith(
        f"{tmp_path / 'tau'}: all 3 clips (train features) are bad and were skipped, nothing "
        f"is left; first errors: {dataset.path(NAMES_2022[0])}: unreadable audio"
    )
    assert "fold1_train.csv, row 4)" in message  # the third error, with its row
    assert not folder.exists()


def test_long_recordings_are_refused_or_sliced(tmp_path):
    """10-s TAU 2020 recordings with a 1-s front end."""
    dataset = _tau_set(tmp_path / "tau", NAMES_2020, frames=10 * RATE)
    clips = dataset.fold("train")
    with pytest.raises(AudioError) as info:
        cache.compute_features(dataset, clips, "dcase2022", cache_dir=tmp_path / "cache")
    assert str(info.value).startswith(
        f"{dataset.path(NAMES_2020[0])}: 10.000 s long, the front end takes 1-s clips; "
        'pass long_clips="slice"'
    )
    assert str(info.value).endswith(
        f"(listed in {tmp_path / 'tau' / 'evaluation_setup' / 'fold1_train.csv'}, row 2)"
    )
    assert not (tmp_path / "cache").exists()

    sliced = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path / "cache", long_clips="slice"
    )
    assert sliced.features.shape == (20, 40, 51, 1)
    assert list(sliced.filenames) == [NAMES_2020[0]] * 10 + [NAMES_2020[1]] * 10
    np.testing.assert_array_equal(sliced.slices, list(range(10)) * 2)
    np.testing.assert_array_equal(sliced.labels, [1] * 10 + [4] * 10)  # bus, park
    assert list(sliced.devices) == ["a"] * 10 + ["s2"] * 10
    # Each slice's features are those of the 1-s file holding its samples.
    pcm, _ = soundfile.read(dataset.path(NAMES_2020[1]), dtype="int16")
    one_s = features.log_mel(from_pcm16(pcm).reshape(10, RATE), "dcase2022").numpy()
    np.testing.assert_allclose(sliced.features[10:], one_s, atol=1e-5)
    # Full-length features instead: a front end for 10-s clips.
    ten_s = features.preset("dcase2022", clip_seconds=10.0)
    full = cache.compute_features(dataset, clips, ten_s, cache_dir=False)
    assert full.features.shape == (2, 40, 501, 1)


def test_files_a_little_short_are_padded_and_listed(tmp_path):
    dataset = _tau_set(tmp_path / "tau", NAMES_2022)
    short = dataset.path(NAMES_2022[1])
    pcm, _ = soundfile.read(short, dtype="int16")
    soundfile.write(short, pcm[:-30], RATE, subtype="PCM_16")
    with pytest.warns(PaddedAudioWarning, match="1 file"):
        result = cache.compute_features(
            dataset, dataset.fold("train"), "dcase2022", cache_dir=False
        )
    assert result.padded == [
        f"{short}: 30 frames short of 1 s, zero-padded "
        f"(listed in {tmp_path / 'tau' / 'evaluation_setup' / 'fold1_train.csv'}, row 3)"
    ]
    assert len(result) == 3
    # A truncated copy (header says more frames than the file holds) is an error.
    soundfile.write(short, pcm, RATE, subtype="PCM_16")
    short.write_bytes(short.read_bytes()[:-60])
    with pytest.raises(AudioError, match="truncated .header says 44100 frames, 44070 present"):
        cache.compute_features(dataset, dataset.fold("train"), "dcase2022", cache_dir=False)
