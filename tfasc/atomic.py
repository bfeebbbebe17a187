"""Atomic file writes: a temporary file in the same folder, then one rename.

Every file tfasc writes (features, run state, reports, firmware sources, models) goes
through here, so a reader never sees half a file and an interrupted write leaves the
previous version in place. New files get the usual permissions (``0666`` minus the umask),
not ``mkstemp``'s ``0600``.

Example:
    >>> write_json("runs/a/report.json", {"accuracy": 0.5})
    >>> with writer("features.npz") as handle:
    ...     np.savez(handle, x=x)
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import tempfile


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def writer(path, mode: str = "wb", encoding: str | None = None):
    """Opens a temporary file beside ``path``; on success it replaces ``path``.

    Args:
        path: the destination; its folder is created if missing.
        mode: ``"wb"`` or ``"w"``.
        encoding: text encoding for ``"w"`` (default UTF-8).

    Yields:
        The open temporary file. If the block raises, the temporary file is removed and
        ``path`` is left as it was.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"unknown mode {mode!r}; allowed: wb, w")
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        text = {"encoding": encoding or "utf-8", "newline": "\n"} if mode == "w" else {}
        with os.fdopen(handle, mode, **text) as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path, data: bytes) -> pathlib.Path:
    """Writes ``data`` to ``path`` atomically; returns the path."""
    with writer(path, "wb") as stream:
        stream.write(data)
    return pathlib.Path(path)


def write_text(path, text: str) -> pathlib.Path:
    """Writes UTF-8 ``text`` (``\\n`` line ends) to ``path`` atomically; returns the path."""
    with writer(path, "w") as stream:
        stream.write(text)
    return pathlib.Path(path)


def write_json(path, data) -> pathlib.Path:
    """Writes ``data`` as indented JSON to ``path`` atomically; returns the path."""
    return write_text(path, json.dumps(data, indent=2, default=str) + "\n")
