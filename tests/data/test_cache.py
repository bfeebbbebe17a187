import numpy as np
import pytest
import soundfile

from tfasc import features
from tfasc.data import cache, tau
from tfasc.data.audio import AudioError


def test_cached_once_and_keyed_by_settings(synth_tau, tmp_path, monkeypatch):
    dataset = tau.load(synth_tau)
    clips = dataset.fold("evaluate")[:10]
    first = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=4, progress=False
    )
    assert first.features.shape == (10, 40, 51, 1)
    assert list(first.filenames) == [c.filename for c in clips]
    np.testing.assert_array_equal(first.labels, tau.labels(clips))

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
    assert sorted(p.name for p in entry.iterdir()) == ["shard_00000.npz"]  # nothing half-written
    stamp = (entry / "shard_00000.npz").stat().st_mtime_ns
    result = cache.compute_features(
        dataset, clips, "dcase2022", cache_dir=tmp_path, shard_size=4, progress=False
    )
    assert len(calls) == 4  # shards 2 and 3 only
    assert (entry / "shard_00000.npz").stat().st_mtime_ns == stamp
    assert len(result) == 12 and (entry / "manifest.json").is_file()


def test_bad_file_raises_or_is_skipped(synth_tau, tmp_path):
    dataset = tau.load(synth_tau)
    clips = dataset.fold("evaluate")[:3]
    broken = dataset.path(clips[1])
    original = broken.read_bytes()
    try:
        soundfile.write(str(broken), np.zeros((44100, 2)), 44100)
        with pytest.raises(AudioError, match=f"{broken}: 2 channels"):
            cache.compute_features(dataset, clips, "dcase2022", cache_dir=False, progress=False)
        result = cache.compute_features(
            dataset, clips, "dcase2022", cache_dir=tmp_path, on_error="skip", progress=False
        )
        assert len(result) == 2 and clips[1].filename not in result.filenames
        assert len(result.skipped) == 1 and str(broken) in result.skipped[0]
    finally:
        broken.write_bytes(original)
