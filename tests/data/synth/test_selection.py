"""Tests of which recordings a synthetic set holds (tfasc.data.synth.selection)."""

import collections

from tests.data.synth.helpers import SLICES, rows
from tfasc import UNSEEN_DEVICES
from tfasc.data import synth, tau


def test_folds_follow_the_real_structure(small_set):
    root, _ = small_set
    meta = {row["filename"]: row for row in rows(root, "meta.csv")}
    train = rows(root, "evaluation_setup/fold1_train.csv")
    evaluate = rows(root, "evaluation_setup/fold1_evaluate.csv")
    test = rows(root, "evaluation_setup/fold1_test.csv")
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


def test_real_metadata_is_the_tau2020_set():
    recordings = synth.tau2020_recordings()
    assert len(recordings) == 23035
    folds = collections.Counter(r.fold for r in recordings)
    assert (folds["train"], folds["evaluate"]) == (13962, 2968)


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
    assert synth.select_recordings(0.001, seed=5) != synth.select_recordings(0.001, seed=6)


def test_splits_are_nested_whole_recordings_with_device_proportions(small_set):
    root, _ = small_set
    train = rows(root, "evaluation_setup/fold1_train.csv")
    previous = set()
    for percent in tau.SPLITS:
        split = rows(root, f"split_setup/split{percent}.csv")
        names = {r["filename"] for r in split}
        assert previous <= names
        recordings = collections.Counter(n.rsplit("-", 2)[0] + n.rsplit("-", 1)[1] for n in names)
        assert set(recordings.values()) <= {SLICES}  # all slices of a recording together
        previous = names
    assert split == train
    # Proportions, on a larger selection (no audio needed).
    recordings = synth.select_recordings(0.1, seed=0)
    splits = synth.training_splits(recordings, seed=0)
    assert tuple(splits) == tau.SPLITS == (5, 10, 25, 50, 100)
    full = collections.Counter(r.device for r in splits[100])
    for percent in (5, 10, 25, 50):
        got = collections.Counter(r.device for r in splits[percent])
        for device, count in full.items():
            assert abs(got[device] - percent / 100 * count) <= 1, (percent, device)
