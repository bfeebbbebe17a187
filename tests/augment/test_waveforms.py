"""The waveform cache: the feature cache's rows, int16, memory-mapped, read once."""

import numpy as np

from tfasc import feature_cache, features
from tfasc.augment import cached_waveforms
from tfasc.augment import waveforms as waveform_module
from tfasc.data import tau


def test_rows_match_the_feature_cache_and_make_its_features(synth_tau, tmp_path, monkeypatch):
    data = tau.load(synth_tau)
    clips = data.fold("evaluate")
    frontend = features.preset("dcase2022")
    waves = cached_waveforms(data, clips, frontend, cache_dir=tmp_path, shard_size=20,
                             progress=False)  # fmt: skip
    cached = feature_cache.compute_features(data, clips, frontend, cache_dir=tmp_path,
                                            progress=False)  # fmt: skip
    assert len(waves) == len(cached) and waves.samples == 44100 and len(waves.shards) == 3
    for key in ("labels", "devices", "filenames", "slices"):
        np.testing.assert_array_equal(getattr(waves, key), getattr(cached, key))
    assert all(isinstance(shard, np.memmap) and shard.dtype == np.int16 for shard in waves.shards)
    order = np.array([50, 0, 21, 20, 7])
    pcm = waves.gather(order)
    # The on-the-fly front end of the int16 waveforms is the cached features (which were
    # computed from float audio before rounding to 16 bits: within a rounding step).
    again = features.log_mel(pcm.astype(np.float32) / 32768, frontend).numpy()
    assert np.abs(again - cached.features[order]).max() < 0.01

    def no_read(*args, **kwargs):
        raise AssertionError("a cached waveform was read again")

    monkeypatch.setattr(waveform_module, "read_slices", no_read)
    second = cached_waveforms(data, clips, frontend, cache_dir=tmp_path, progress=False)
    np.testing.assert_array_equal(second.gather(order), pcm)
    assert (tmp_path / "waveforms").is_dir()
