"""Sparse storage of pruned convolution weights, and where it wins.

A pruned layer's im2col rows (one per output channel) are stored as their nonzero values
and the positions of those values in the row (``tfasc_aot::SparseWeights``, conv.h): uint8
positions when the row is at most 256 long, else uint16, plus where each channel's values
start. ``tfasc_aot::ConvSparse`` skips the zeros and gives the same bits as the dense
kernel (the int32 sums are exact in any order).

Two bytes per nonzero (three with uint16 positions) against one per weight: storage shrinks
only below a density of one half. The kernels also pay per nonzero more than the dense ones
pay per weight, so each variant breaks even at its own density (:data:`BREAK_EVEN`);
``sparse="auto"`` stores a layer sparse only where both flash and the planned variants'
instructions drop.

Example:
    >>> rows = np.array([[0, 3, 0, 0], [0, 0, 0, -1]], np.int8)
    >>> layout(rows)
    ([0, 1, 2], [1, 3], [3, -1])
"""

from __future__ import annotations

import numpy as np

import tfasc.aot.kernels as kernels

POLICIES = ("auto", "never", "always")
"""``sparse=`` values: where it wins, nowhere, every convolution with a zero weight."""

BREAK_EVEN = {"portable": 0.6, "dsp": 0.35, "mve": 0.14}
"""Density (nonzero fraction) below which a variant's sparse kernel costs less than its
dense one. DSP: about 3 instructions per nonzero and four pixels (two loads, four
multiply-adds) against 1.06 per weight; Helium: 16 nonzeros of four pixels cost 10
instructions as 64 dense MACs do, but each VLDRB gather takes about one cycle per byte on
Cortex-M55, so it is counted as 16 here: (2 + 4 * 17) / 64 per nonzero against 10 / 64 per
weight (instruction counts alone would favour the gathers from a density of one)."""


def layout(rows: np.ndarray) -> tuple[list[int], list[int], list[int]]:
    """``(starts, positions, values)`` of int8 rows (one per output channel)."""
    starts, positions, values = [0], [], []
    for row in rows:
        (nonzero,) = np.nonzero(row)
        positions += nonzero.tolist()
        values += row[nonzero].tolist()
        starts.append(len(values))
    return starts, positions, values


def sparse_bytes(rows: np.ndarray) -> int:
    """Flash bytes of the sparse layout (without alignment)."""
    nonzeros = int(np.count_nonzero(rows))
    position = 1 if rows.shape[1] <= 256 else 2
    return 2 * (rows.shape[0] + 1) + nonzeros * (1 + position)


def chooses_sparse(rows: np.ndarray, policy: str, kernel_variants: str) -> bool:
    """Whether a layer's rows are stored sparse under ``policy`` for ``kernel_variants``.

    Raises:
        ValueError: an unknown policy.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown sparse policy {policy!r}; allowed: {', '.join(POLICIES)}")
    if policy == "never" or np.count_nonzero(rows) == rows.size:
        return False
    if policy == "always":
        return True
    density = np.count_nonzero(rows) / rows.size
    cheaper = all(density < BREAK_EVEN[v] for v in kernels.variants(kernel_variants))
    return cheaper and sparse_bytes(rows) < rows.size


def scratch_bytes(depth: int, in_place: bool, kernel_variants: str) -> int:
    """``ConvSparseScratchBytes`` (conv.h): four int8 columns (one for portable C)."""
    if in_place:
        return 0
    return max((1 if v == "portable" else 4) * depth for v in kernels.variants(kernel_variants))


BLOCK_PIXELS = {"portable": 1, "dsp": 4, "mve": 4}
"""``kConvSparseBlockPixels`` (conv.h)."""
