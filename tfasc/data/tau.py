"""Loaders for TAU Urban Acoustic Scenes 2020 Mobile and 2022 Mobile as they lie on disk.

Layout (both years)::

    ROOT/meta.csv                           filename, scene_label, identifier, source_label
    ROOT/audio/<scene>-<city>-<loc>-<segment>[-<slice>]-<device>.wav
    ROOT/evaluation_setup/fold1_train.csv   filename, scene_label
    ROOT/evaluation_setup/fold1_evaluate.csv
    ROOT/split_setup/split{5,10,25,50,100}.csv   (DCASE2024 training subsets; also looked
                                                  for in evaluation_setup/)

All tables are tab-separated with a header row. 2020 files are 10-s recordings
(``X-a.wav``); 2022 cut each into ten 1-s files (``X-0-a.wav`` ... ``X-9-a.wav``).
Tables may start with a UTF-8 byte-order mark. Every malformed input raises
:class:`TAUDataError` naming the file and row: a file a table lists twice, a fold row that
disagrees with meta.csv, and (:meth:`TAUDataset.check_disjoint`) a clip in both the training
and the evaluation list. Each :class:`Clip` remembers the table row it was read from
(``Clip.listed``), so errors about its audio can name it too.
"""

from __future__ import annotations

import csv
import dataclasses
import pathlib

import numpy as np

from tfasc import DEVICES, SCENES

SPLITS = (5, 10, 25, 50, 100)
"""Percentages of the DCASE2024 nested training subsets."""

FOLDS = ("train", "evaluate", "test")


class TAUDataError(ValueError):
    """Malformed TAU data: the message names the file (and row) at fault."""


@dataclasses.dataclass(frozen=True)
class Clip:
    """One audio file of a TAU data set."""

    filename: str
    """Path relative to the data-set root, e.g. ``audio/airport-lisbon-1000-40000-0-a.wav``."""
    scene: str
    """Scene label, one of ``tfasc.SCENES``."""
    location: str
    """Recording location ``city-locationid`` (the ``identifier`` column)."""
    device: str
    """Recording device, one of ``tfasc.DEVICES``."""
    city: str
    """City of the recording."""
    recording: str
    """``scene-city-loc-segment``: identical for parallel recordings of all devices."""
    slice_index: int | None
    """Index of the 1-s slice in its 10-s recording (2022), or None (2020)."""
    listed: str = dataclasses.field(default="", compare=False, repr=False)
    """Where the clip was read from, ``PATH, row N`` (meta.csv, or the fold or split table
    that listed it); not part of the clip's identity."""

    @property
    def label(self) -> int:
        return SCENES.index(self.scene)


def parse_filename(filename: str) -> dict:
    """Splits a TAU file name into its parts.

    ``audio/airport-lisbon-1000-40000-a.wav`` (2020) or
    ``audio/airport-lisbon-1000-40000-3-a.wav`` (2022).

    Returns:
        dict with ``scene``, ``city``, ``location`` (``city-loc``), ``recording``,
        ``slice_index`` (int or None) and ``device``.

    Raises:
        TAUDataError: if the name does not follow the scheme.
    """
    stem = pathlib.PurePosixPath(filename).name
    if not stem.endswith(".wav"):
        raise TAUDataError(f"{filename}: not a .wav file name")
    parts = stem[: -len(".wav")].split("-")
    if len(parts) not in (5, 6) or not all(parts):
        raise TAUDataError(f"{filename}: expected scene-city-location-segment[-slice]-device.wav")
    scene, city, loc, segment = parts[:4]
    device = parts[-1]
    if scene not in SCENES:
        raise TAUDataError(f"{filename}: unknown scene {scene!r}")
    if device not in DEVICES:
        raise TAUDataError(f"{filename}: unknown device {device!r}")
    slice_index = None
    if len(parts) == 6:
        if not parts[4].isdigit():
            raise TAUDataError(f"{filename}: slice index {parts[4]!r} is not a number")
        slice_index = int(parts[4])
    return {
        "scene": scene,
        "city": city,
        "location": f"{city}-{loc}",
        "recording": f"{scene}-{city}-{loc}-{segment}",
        "slice_index": slice_index,
        "device": device,
    }


def to_2022_names(filename_2020: str, slices: int = 10) -> list[str]:
    """The 1-s file names of the 2022 set cut from one 2020 recording (``X-a.wav``)."""
    if parse_filename(filename_2020)["slice_index"] is not None:
        raise TAUDataError(f"{filename_2020}: already a 2022 (1-s slice) file name")
    head, device = filename_2020[: -len(".wav")].rsplit("-", 1)
    return [f"{head}-{i}-{device}.wav" for i in range(slices)]


def read_table(path: pathlib.Path, columns: tuple[str, ...]) -> list[dict]:
    """Reads a tab-separated UTF-8 table with a header, checking the required ``columns``.

    Returns:
        one dict per non-empty row, with the row's line number (header = 1) under ``_row``.
    """
    path = pathlib.Path(path)
    if not path.is_file():
        raise TAUDataError(f"{path}: file not found")
    with open(path, newline="", encoding="utf-8-sig") as handle:  # a byte-order mark is fine
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if header is None:
            raise TAUDataError(f"{path}: empty file (no header)")
        header = [name.strip() for name in header]
        missing = [name for name in columns if name not in header]
        if missing:
            raise TAUDataError(
                f"{path}: missing column(s) {', '.join(missing)} (header: {header}); "
                "TAU tables are tab-separated"
            )
        rows = []
        for row_number, row in enumerate(reader, start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise TAUDataError(
                    f"{path}, row {row_number}: {len(row)} fields, header has {len(header)}"
                )
            record = dict(zip(header, (cell.strip() for cell in row), strict=True))
            record["_row"] = row_number
            rows.append(record)
    return rows


class TAUDataset:
    """A TAU Urban Acoustic Scenes Mobile development set on disk.

    Args:
        root: the directory holding ``meta.csv``, ``audio/`` and ``evaluation_setup/``.

    Example:
        >>> data = TAUDataset("TAU-urban-acoustic-scenes-2022-mobile-development")
        >>> train, test = data.fold("train"), data.fold("evaluate")
        >>> subset = data.split(25)  # DCASE2024 25 % training subset
    """

    def __init__(self, root):
        self.root = pathlib.Path(root)
        if not self.root.is_dir():
            raise TAUDataError(f"{self.root}: data-set directory not found")
        self.clips: dict[str, Clip] = {}
        meta_path = self.root / "meta.csv"
        columns = ("filename", "scene_label", "identifier", "source_label")
        for row in read_table(meta_path, columns):
            where = f"{meta_path}, row {row['_row']}"
            try:
                parts = parse_filename(row["filename"])
            except TAUDataError as error:
                raise TAUDataError(f"{where}: {error}") from None
            for column, part in (
                ("scene_label", "scene"),
                ("source_label", "device"),
                ("identifier", "location"),
            ):
                if row[column] != parts[part]:
                    raise TAUDataError(
                        f"{where}: {column} {row[column]!r} disagrees with the file name "
                        f"{row['filename']!r}"
                    )
            if row["filename"] in self.clips:
                raise TAUDataError(f"{where}: duplicate file {row['filename']!r}")
            self.clips[row["filename"]] = Clip(
                filename=row["filename"],
                scene=parts["scene"],
                location=parts["location"],
                device=parts["device"],
                city=parts["city"],
                recording=parts["recording"],
                slice_index=parts["slice_index"],
                listed=where,
            )
        if not self.clips:
            raise TAUDataError(f"{meta_path}: no clips listed")

    def __len__(self) -> int:
        return len(self.clips)

    def _listed(self, path: pathlib.Path, with_labels: bool) -> list[Clip]:
        columns = ("filename", "scene_label") if with_labels else ("filename",)
        result, rows = [], {}
        for row in read_table(path, columns):
            where = f"{path}, row {row['_row']}"
            clip = self.clips.get(row["filename"])
            if clip is None:
                raise TAUDataError(f"{where}: {row['filename']!r} is not in meta.csv")
            if with_labels and row["scene_label"] != clip.scene:
                raise TAUDataError(
                    f"{where}: scene_label {row['scene_label']!r} "
                    f"disagrees with meta.csv ({clip.scene!r})"
                )
            if clip.filename in rows:
                raise TAUDataError(
                    f"{path}, rows {rows[clip.filename]} and {row['_row']}: "
                    f"duplicate file {clip.filename!r}"
                )
            rows[clip.filename] = row["_row"]
            result.append(dataclasses.replace(clip, listed=where))
        return result

    def fold(self, name: str, fold: int = 1) -> list[Clip]:
        """Clips of ``evaluation_setup/fold{fold}_{name}.csv`` (train, evaluate or test)."""
        if name not in FOLDS:
            raise ValueError(f"unknown fold part {name!r}; allowed: {', '.join(FOLDS)}")
        path = self.root / "evaluation_setup" / f"fold{fold}_{name}.csv"
        return self._listed(path, with_labels=name != "test")

    def split(self, percent: int) -> list[Clip]:
        """Clips of the DCASE2024 training subset ``split{percent}.csv``."""
        if percent not in SPLITS:
            raise ValueError(f"unknown split {percent!r}; allowed: {', '.join(map(str, SPLITS))}")
        for folder in ("split_setup", "evaluation_setup", "."):
            path = self.root / folder / f"split{percent}.csv"
            if path.is_file():
                return self._listed(path, with_labels=True)
        raise TAUDataError(f"{self.root}/split_setup/split{percent}.csv: file not found")

    @staticmethod
    def check_disjoint(train: list[Clip], evaluate: list[Clip]) -> None:
        """Refuses a clip that is both in the training and in the evaluation clips.

        Args:
            train: the training clips, e.g. ``data.fold("train")`` or ``data.split(25)``.
            evaluate: the clips evaluated on, e.g. ``data.fold("evaluate")``.

        Raises:
            TAUDataError: naming the first shared clip and where each list has it.
        """
        evaluated = {clip.filename: clip for clip in evaluate}
        for clip in train:
            other = evaluated.get(clip.filename)
            if other is not None:
                shared = sum(c.filename in evaluated for c in train)
                raise TAUDataError(
                    f"{clip.filename!r} is listed for training{_at(clip)} and for "
                    f"evaluation{_at(other)}; {shared} clip(s) are in both, and the training "
                    "and evaluation clips must be disjoint"
                )

    def path(self, clip: Clip | str) -> pathlib.Path:
        return self.root / (clip.filename if isinstance(clip, Clip) else clip)


def _at(clip: Clip) -> str:
    return f" ({clip.listed})" if clip.listed else ""


def labels(clips: list[Clip]) -> np.ndarray:
    """Scene indices (into ``tfasc.SCENES``) of the clips."""
    return np.array([clip.label for clip in clips], np.int64)


def load(root) -> TAUDataset:
    """Opens a TAU Mobile development set (2020 or 2022 layout)."""
    return TAUDataset(root)
