"""The TAU loaders on the real TAU 2020 Mobile metadata (../shared/data) and bad input."""

import collections
import pathlib
import shutil

import pytest

from tfasc.data import tau

SHARED = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data"
TAU2020 = SHARED / "tau2020-mobile-development"
TAU2022 = SHARED / "tau2022-mobile-development"
needs_shared = pytest.mark.skipif(not TAU2020.is_dir(), reason="../shared/data not present")


@needs_shared
def test_real_tau2020_metadata():
    data = tau.load(TAU2020)
    assert len(data) == 23035
    devices = collections.Counter(clip.device for clip in data.clips.values())
    assert devices["a"] == 14400 and devices["b"] == 1078 and devices["c"] == 1077
    assert all(devices[f"s{i}"] == 1080 for i in range(1, 7))
    assert len({clip.location for clip in data.clips.values()}) == 514
    assert len({clip.city for clip in data.clips.values()}) == 10

    train, evaluate = data.fold("train"), data.fold("evaluate")
    assert len(train) == 13962 and len(evaluate) == 2968
    train_devices = collections.Counter(clip.device for clip in train)
    assert train_devices == {"a": 10215, "b": 749, "c": 748, "s1": 750, "s2": 750, "s3": 750}
    assert {c.device for c in evaluate} >= {"s4", "s5", "s6"}
    train_locations = {c.location for c in train}
    eval_locations = {c.location for c in evaluate}
    assert len(eval_locations) == 146 and not train_locations & eval_locations
    # Parallel recordings share the recording id across devices.
    by_recording = collections.defaultdict(set)
    for clip in data.clips.values():
        by_recording[clip.recording].add(clip.device)
    assert max(len(d) for d in by_recording.values()) >= 4


def test_2020_to_2022_naming():
    names = tau.to_2022_names("audio/airport-lisbon-1000-40000-a.wav")
    assert names[0] == "audio/airport-lisbon-1000-40000-0-a.wav"
    assert names[-1] == "audio/airport-lisbon-1000-40000-9-a.wav"
    parts = tau.parse_filename(names[3])
    assert parts["slice_index"] == 3 and parts["recording"] == "airport-lisbon-1000-40000"
    assert tau.parse_filename("audio/bus-milan-3-4-s5.wav")["slice_index"] is None
    with pytest.raises(tau.TAUDataError, match="already a 2022"):
        tau.to_2022_names(names[0])


@needs_shared
def test_2022_fixture():
    data = tau.load(TAU2022)
    train = data.fold("train")
    assert [c.slice_index for c in train] == [0, 1, 2]
    assert {tau.to_2022_names("audio/airport-lisbon-1000-40000-a.wav")[i] for i in range(3)} == {
        c.filename for c in train
    }
    evaluate = data.fold("evaluate")
    assert {c.location for c in evaluate} == {"barcelona-203"}
    assert [c.filename for c in data.fold("test")] == [c.filename for c in evaluate]


@pytest.mark.parametrize(
    "name, message",
    [
        ("audio/airport-lisbon-1000-40000-0-zz.wav", "unknown device 'zz'"),
        ("audio/library-lisbon-1000-40000-0-a.wav", "unknown scene 'library'"),
        ("audio/airport-lisbon-40000-a.wav", "expected scene-city-location"),
        ("audio/airport-lisbon-1000-40000-x-a.wav", "slice index 'x'"),
        ("audio/airport-lisbon-1000-40000-0-a.mp3", "not a .wav"),
    ],
)
def test_bad_file_names(name, message):
    with pytest.raises(tau.TAUDataError, match=message):
        tau.parse_filename(name)


def _write(
    root, meta_rows, train_rows=None, header="filename\tscene_label\tidentifier\tsource_label"
):
    (root / "evaluation_setup").mkdir(parents=True, exist_ok=True)
    (root / "meta.csv").write_text(header + "\n" + "\n".join(meta_rows) + "\n")
    if train_rows is not None:
        (root / "evaluation_setup" / "fold1_train.csv").write_text(
            "filename\tscene_label\n" + "\n".join(train_rows) + "\n"
        )
    return root


GOOD = "audio/bus-milan-3-4-0-a.wav\tbus\tmilan-3\ta"


@pytest.mark.parametrize(
    "rows, header, message",
    [
        ([GOOD.replace("\tbus\t", "\ttram\t")], None, r"meta.csv, row 2: scene_label 'tram'"),
        ([GOOD.replace("\ta", "\tb")], None, r"row 2: source_label 'b' disagrees"),
        ([GOOD, GOOD.replace("-a.wav", "-q.wav")], None, r"row 3: .*unknown device 'q'"),
        ([GOOD, GOOD], None, "row 3: duplicate file"),
        ([GOOD + "\textra"], None, "row 2: 5 fields, header has 4"),
        ([GOOD], "filename,scene_label,identifier,source_label", "missing column"),
        ([], None, "no clips listed"),
    ],
)
def test_bad_meta(tmp_path, rows, header, message):
    kwargs = {"header": header} if header else {}
    root = _write(tmp_path, rows, **kwargs)
    with pytest.raises(tau.TAUDataError, match=message) as info:
        tau.load(root)
    assert "meta.csv" in str(info.value)


def test_missing_files_are_named(tmp_path):
    with pytest.raises(tau.TAUDataError, match="data-set directory not found"):
        tau.load(tmp_path / "nowhere")
    with pytest.raises(tau.TAUDataError, match=r"meta.csv: file not found"):
        tau.load(tmp_path)
    root = _write(tmp_path, [GOOD])
    data = tau.load(root)
    with pytest.raises(tau.TAUDataError, match=r"fold1_train.csv: file not found"):
        data.fold("train")
    with pytest.raises(tau.TAUDataError, match=r"split25.csv: file not found"):
        data.split(25)
    with pytest.raises(ValueError, match="unknown split 30"):
        data.split(30)
    with pytest.raises(ValueError, match="unknown fold part 'dev'"):
        data.fold("dev")


def test_fold_rows_are_checked(tmp_path):
    root = _write(tmp_path, [GOOD], ["audio/bus-milan-3-4-0-a.wav\ttram"])
    with pytest.raises(tau.TAUDataError, match=r"fold1_train.csv, row 2: scene_label 'tram'"):
        tau.load(root).fold("train")
    _write(tmp_path, [GOOD], ["audio/bus-milan-3-4-1-a.wav\tbus"])
    with pytest.raises(tau.TAUDataError, match=r"row 2: .*is not in meta.csv"):
        tau.load(root).fold("train")


def test_splits_are_read_from_split_setup(tmp_path):
    root = _write(tmp_path, [GOOD], [GOOD.rsplit("\t", 2)[0]])
    (root / "split_setup").mkdir()
    shutil.copy(root / "evaluation_setup" / "fold1_train.csv", root / "split_setup" / "split5.csv")
    assert [c.filename for c in tau.load(root).split(5)] == ["audio/bus-milan-3-4-0-a.wav"]


OTHER = "audio/bus-milan-3-4-1-a.wav\tbus\tmilan-3\ta"


def test_tables_with_a_byte_order_mark_are_read(tmp_path):
    root = _write(tmp_path, [GOOD, OTHER], [GOOD.rsplit("\t", 2)[0]])
    for path in (root / "meta.csv", root / "evaluation_setup" / "fold1_train.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    data = tau.load(root)
    assert sorted(data.clips) == ["audio/bus-milan-3-4-0-a.wav", "audio/bus-milan-3-4-1-a.wav"]
    assert [c.filename for c in data.fold("train")] == ["audio/bus-milan-3-4-0-a.wav"]


def test_duplicate_fold_rows_name_both_rows(tmp_path):
    first = GOOD.rsplit("\t", 2)[0]
    root = _write(tmp_path, [GOOD, OTHER], [first, OTHER.rsplit("\t", 2)[0], first])
    path = root / "evaluation_setup" / "fold1_train.csv"
    with pytest.raises(tau.TAUDataError) as info:
        tau.load(root).fold("train")
    assert str(info.value) == f"{path}, rows 2 and 4: duplicate file 'audio/bus-milan-3-4-0-a.wav'"


def test_clips_remember_the_row_that_listed_them(tmp_path):
    root = _write(tmp_path, [GOOD, OTHER], [OTHER.rsplit("\t", 2)[0]])
    data = tau.load(root)
    assert data.clips["audio/bus-milan-3-4-1-a.wav"].listed == f"{root / 'meta.csv'}, row 3"
    (clip,) = data.fold("train")
    assert clip.listed == f"{root / 'evaluation_setup' / 'fold1_train.csv'}, row 2"
    assert clip == data.clips[clip.filename]  # where it was listed is not its identity


def test_training_and_evaluation_clips_must_be_disjoint(tmp_path):
    root = _write(tmp_path, [GOOD, OTHER], [GOOD.rsplit("\t", 2)[0], OTHER.rsplit("\t", 2)[0]])
    (root / "evaluation_setup" / "fold1_evaluate.csv").write_text(
        "filename\tscene_label\n" + OTHER.rsplit("\t", 2)[0] + "\n"
    )
    data = tau.load(root)
    train, evaluate = data.fold("train"), data.fold("evaluate")
    data.check_disjoint(train[:1], evaluate)  # disjoint: no error
    with pytest.raises(tau.TAUDataError) as info:
        data.check_disjoint(train, evaluate)
    setup = root / "evaluation_setup"
    assert str(info.value) == (
        f"'audio/bus-milan-3-4-1-a.wav' is listed for training ({setup / 'fold1_train.csv'}, "
        f"row 3) and for evaluation ({setup / 'fold1_evaluate.csv'}, row 2); 1 clip(s) are in "
        "both, and the training and evaluation clips must be disjoint"
    )
