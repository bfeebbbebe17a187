"""Readers shared by the synthetic-TAU tests."""

import pathlib

import numpy as np

from tfasc.data import synth

META = ("filename", "scene_label", "identifier", "source_label")
SLICES = 2
"""1-s slices per recording in the ``small_set`` fixture."""


def table(path):
    with open(path, newline="", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    assert lines[-1] == "", f"{path}: no final newline"
    return [line.split("\t") for line in lines[:-1]]


def rows(root, name):
    header, *body = table(pathlib.Path(root) / name)
    return [dict(zip(header, row, strict=False)) for row in body]


def files(root):
    """Every file under ``root`` with its bytes."""
    root = pathlib.Path(root)
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def log_mel(x, sr=synth.SR, n_fft=2048, bands=40):
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
