"""tfasc's C kernels (``micro/aot/include/tfasc_aot``, ``tfasc.aot.kernels``) against the
TFLite reference kernels, bit for bit.

Each case is a one-op graph with random shapes, zero points, scales (so multipliers and
shifts, per channel or per tensor) and weights, compiled twice and run on random inputs in
one program per target (``tests/aot/kernel_check.py``): on the host (portable C) and on
both QEMU boards (the DSP and Helium variants). The default run covers the edge cases
(odd channel counts, padding, stride 2, unequal strides, dilation, depth multiplier 2,
broadcasts, both DSP requantization paths, an accumulator that needs the reference kernel)
plus 48 random cases per target; ``slow`` sweeps more seeds and the portable kernels on a
board.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from tests.aot import kernel_check as kc
from tests.mcu.conftest import needs_boards
from tfasc import aot, mcu
from tfasc.aot import kernels, sparse

TARGETS = [
    "host",
    pytest.param("mps2-an386", marks=[pytest.mark.mcu, needs_boards]),
    pytest.param("mps3-an547", marks=[pytest.mark.mcu, needs_boards]),
]


def edge_cases(rng) -> list[kc.Case]:
    """Shapes and quantizations the random draw may miss."""
    cases = [
        kc.conv_case(rng, "1x1 odd channels", (3, 5), 12, 7, (1, 1)),
        kc.conv_case(rng, "1x1 stride 2", (7, 6), 16, 10, (1, 1), stride=(2, 2)),
        kc.conv_case(rng, "3x3 SAME padding", (6, 5), 8, 9, (3, 3), padding=0),
        kc.conv_case(rng, "7x7 one channel", (9, 11), 1, 16, (7, 7)),
        kc.conv_case(rng, "3x3 stride 2 VALID", (9, 8), 4, 6, (3, 3), stride=(2, 2), padding=1),
        kc.conv_case(rng, "5x5 strides (2, 1)", (7, 9), 3, 5, (5, 5), stride=(2, 1)),
        kc.conv_case(rng, "grouped", (5, 5), 8, 8, (3, 3), groups=2),
        kc.conv_case(rng, "grouped, one channel a group", (6, 6), 16, 16, (3, 3), groups=16),
        kc.conv_case(rng, "dilated", (8, 8), 4, 4, (3, 3), dilation=(2, 1)),
        kc.conv_case(
            rng, "per-tensor, ReLU", (4, 4), 20, 7, (1, 1), activation=1, per_channel=False
        ),  # fmt: skip
        kc.conv_case(rng, "ReLU6", (4, 6), 8, 8, (3, 3), activation=3),
        kc.conv_case(rng, "depth 784", (10, 12), 16, 16, (7, 7)),
        kc.conv_case(rng, "dw 3x3", (6, 7), 20, 20, (3, 3), depthwise=True),
        kc.conv_case(rng, "dw 3x1", (8, 5), 40, 40, (3, 1), depthwise=True),
        kc.conv_case(rng, "dw 1x3 VALID", (1, 9), 12, 12, (1, 3), depthwise=True, padding=1),
        kc.conv_case(rng, "dw stride 2", (9, 8), 16, 16, (3, 3), stride=(2, 2), depthwise=True),
        kc.conv_case(
            rng, "dw strides (1, 2)", (9, 8), 8, 8, (3, 3), stride=(1, 2), depthwise=True
        ),  # fmt: skip
        kc.conv_case(rng, "dw multiplier 2", (5, 5), 6, 12, (3, 3), depthwise=True),
        kc.conv_case(rng, "dw 7 channels", (5, 6), 7, 7, (3, 3), depthwise=True, activation=1),
        kc.conv_case(rng, "dw 33 channels", (4, 4), 33, 33, (3, 3), depthwise=True),
        kc.fc_case(rng, "fc", 1, 64, 100, activation=1),
        kc.fc_case(rng, "fc per channel, odd depth", 3, 30, 7, per_channel=True),
        kc.pool_case(rng, "max 5x5", "MAX_POOL_2D", (40, 51), 16, (5, 5), (5, 5)),
        kc.pool_case(rng, "max SAME, 21 channels", "MAX_POOL_2D", (7, 9), 21, (3, 3), (2, 2), 0),
        kc.pool_case(rng, "avg strides (1, 2)", "AVERAGE_POOL_2D", (8, 9), 32, (3, 3), (1, 2), 0),
        kc.pool_case(rng, "avg global 288 taps", "AVERAGE_POOL_2D", (32, 9), 10, (32, 9), (32, 9)),
        kc.pool_case(rng, "avg 64x1", "AVERAGE_POOL_2D", (64, 4), 40, (64, 1), (1, 1)),
        kc.pool_case(rng, "avg SAME, ReLU", "AVERAGE_POOL_2D", (5, 7), 5, (2, 3), (2, 2), 0, 1),
        kc.binary_case(rng, "add", "ADD", (1, 8, 9, 32), (1, 8, 9, 32), activation=1),
        kc.binary_case(rng, "add, no tables", "ADD", (1, 3, 5), (1, 3, 5)),
        kc.binary_case(rng, "add broadcast over H", "ADD", (1, 1, 16, 40), (1, 16, 16, 40)),
        kc.binary_case(rng, "add constant scalar", "ADD", (1, 32, 1, 1), (), const_b=True),
        kc.binary_case(rng, "sub per row", "SUB", (1, 64, 65, 1), (1, 64, 1, 1)),
        kc.binary_case(
            rng, "squared difference per row", "SQUARED_DIFFERENCE", (1, 64, 65, 1), (1, 64, 1, 1)
        ),  # fmt: skip
        kc.binary_case(rng, "mul by (H, 1, C)", "MUL", (1, 16, 4, 80), (16, 1, 80), const_b=True),
        kc.binary_case(rng, "mul", "MUL", (1, 1, 16, 40), (1, 1, 16, 40)),
        kc.binary_case(rng, "mul per row", "MUL", (1, 32, 8, 60), (1, 32, 1, 1)),
        kc.mean_case(rng, "mean over (W, C)", (1, 64, 65, 1), [2, 3]),
        kc.mean_case(rng, "mean over (W, C), 80 channels", (1, 16, 4, 80), [2, 3]),
        kc.mean_case(rng, "mean over (H, W)", (1, 8, 9, 20), [1, 2], keep_dims=False),
    ]
    # A tiny output scale: shift > 0, the DSP's exact (not SMMULR) requantization.
    cases.append(_rescaled(kc.conv_case(rng, "shift > 0", (4, 4), 8, 4, (1, 1)), 1e-4))
    # A bias near 2^31: the accumulator could leave int32, the reference kernel stays.
    cases.append(_biased(kc.conv_case(rng, "bias near 2^31", (3, 3), 4, 4, (1, 1)), 2**31 - 10))
    # A bias past 2^30: SMMULR's bound fails, the DSP takes the exact path.
    cases.append(_biased(kc.conv_case(rng, "bias past 2^30", (3, 3), 4, 4, (1, 1)), 2**30 + 5))
    return cases


def _replace_tensor(case: kc.Case, index: int, **changes) -> kc.Case:
    tensors = list(case.graph.tensors)
    tensors[index] = dataclasses.replace(tensors[index], **changes)
    return kc.Case(case.name, dataclasses.replace(case.graph, tensors=tuple(tensors)))


def _rescaled(case: kc.Case, factor: float) -> kc.Case:
    y = case.graph.tensors[case.graph.outputs[0]]
    return _replace_tensor(case, y.index, scales=(float(np.float32(y.scale * factor)),))


def _biased(case: kc.Case, value: int) -> kc.Case:
    b = case.graph.tensors[case.graph.operators[0].inputs[2]]
    return _replace_tensor(case, b.index, data=np.full(b.shape, value, np.int32))


def _assert_all_match(results):
    bad = [r for r in results if r.mismatches]
    assert not bad, "\n".join(
        f"{r.name}: {r.mismatches} values differ, first {r.first}" for r in bad
    )


@pytest.mark.parametrize("board", TARGETS)
def test_kernels_match_the_reference_kernels(board, tmp_path):
    rng = np.random.default_rng(0)
    cases = edge_cases(rng) + kc.random_cases(rng, 48)
    _assert_all_match(kc.run_cases(cases, board, tmp_path))


def sparse_cases(rng) -> list[kc.Case]:
    """Pruned convolutions and dense layers (uint8 and uint16 positions, empty channels)."""
    return [
        kc.conv_case(rng, "1x1, 50 %", (5, 6), 16, 12, (1, 1), sparsity=0.5),
        kc.conv_case(rng, "1x1, 90 %", (5, 7), 32, 9, (1, 1), sparsity=0.9),
        kc.conv_case(rng, "3x3, 75 %", (6, 5), 8, 8, (3, 3), sparsity=0.75),
        kc.conv_case(rng, "7x7x16 (uint16 positions), 75 %", (9, 8), 16, 6, (7, 7), sparsity=0.75),
        kc.conv_case(
            rng, "5x5 one channel, stride 2", (9, 11), 1, 16, (5, 5), stride=(2, 2), sparsity=0.6
        ),  # fmt: skip
        kc.conv_case(rng, "grouped, 70 %", (5, 5), 8, 8, (3, 3), groups=2, sparsity=0.7),
        kc.conv_case(rng, "channels without a nonzero", (4, 4), 8, 4, (1, 1), sparsity=0.99),
        kc.conv_case(
            rng, "odd pixels and channels, ReLU", (3, 5), 12, 7, (1, 1), activation=1, sparsity=0.8
        ),  # fmt: skip
        kc.fc_case(rng, "fc, 80 %", 3, 64, 20, sparsity=0.8),
        kc.fc_case(rng, "fc odd depth, per channel", 1, 37, 5, sparsity=0.5, per_channel=True),
    ]


@pytest.mark.parametrize("board", TARGETS)
def test_sparse_kernels_match_the_reference_kernels(board, tmp_path):
    cases = sparse_cases(np.random.default_rng(0))
    _assert_all_match(kc.run_cases(cases, board, tmp_path, sparse="always"))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("board", TARGETS)
def test_kernels_match_on_random_sweeps(board, seed, tmp_path):
    _assert_all_match(kc.run_cases(kc.random_cases(np.random.default_rng(seed), 120), board,
                                   tmp_path))  # fmt: skip


@pytest.mark.slow
@pytest.mark.mcu
@needs_boards
def test_portable_kernels_match_on_a_board(tmp_path):
    rng = np.random.default_rng(6)
    results = kc.run_cases(edge_cases(rng) + kc.random_cases(rng, 48), "mps2-an386", tmp_path,
                           kernels="portable")  # fmt: skip
    _assert_all_match(results)


def test_the_reference_kernel_stays_where_the_accumulator_could_leave_int32():
    rng = np.random.default_rng(0)
    case = _biased(kc.conv_case(rng, "huge bias", (3, 3), 4, 4, (1, 1)), 2**31 - 10)
    source = aot.compile_graph(case.graph, "m", "dsp", contract=False).source
    assert "reference_integer_ops::ConvPerChannel" in source and "tfasc_aot::Conv(" not in source
    ordinary = kc.conv_case(rng, "ordinary", (3, 3), 4, 4, (1, 1))
    assert (
        "tfasc_aot::Conv(" in aot.compile_graph(ordinary.graph, "m", "dsp", contract=False).source
    )


def test_window_gap_of_a_same_3x3_window():
    # Output pixel (oy, ox) first reads input (oy - 1, ox - 1): its 8 channels must lie below
    # it, i.e. one row and two pixels of 8 channels earlier.
    assert kernels.window_gap((6, 10, 8), (6, 10, 8), (1, 1), (1, 1), 1) == (10 + 2) * 8
    # Two pixels at a time: the second pixel's outputs are written before its window's
    # first read is behind it.
    assert kernels.window_gap((6, 10, 8), (6, 10, 8), (1, 1), (1, 1), 2) == (10 + 2) * 8 + 8
    # Stride 2: only the first output pixel must stay below its own window; the later ones
    # fall further and further behind the reads.
    assert kernels.window_gap((8, 8, 4), (4, 4, 4), (2, 2), (0, 0), 1) == 4


def test_scratch_mirrors_are_the_largest_variant_for_any():
    for depth, in_place in ((784, False), (64, True), (52, False)):
        sizes = [kernels.conv_scratch_bytes(depth, in_place, v) for v in kernels.VARIANTS]
        assert kernels.conv_scratch_bytes(depth, in_place, "any") == max(sizes)
    assert kernels.conv_scratch_bytes(784, False, "dsp") == 5 * 784  # 4 int16 columns, 1 row
    assert kernels.conv_scratch_bytes(784, False, "mve") == 4 * 784  # 4 int8 rows
    assert kernels.conv_scratch_bytes(64, True, "mve") == 0  # reads its input rows in place


def test_sparse_storage_is_chosen_only_where_it_wins():
    rng = np.random.default_rng(0)
    rows = kc.random_weights(rng, (32, 64))
    rows[rows == 0] = 1
    pruned = {s: kc.random_weights(rng, (32, 64), s) for s in (0.5, 0.75, 0.9)}
    assert not sparse.chooses_sparse(rows, "always", "dsp")  # no zeros: nothing to skip
    assert not sparse.chooses_sparse(pruned[0.5], "auto", "portable")  # 2 B per nonzero: no saving
    assert sparse.chooses_sparse(pruned[0.75], "auto", "dsp")  # density 0.25 < 0.35
    assert not sparse.chooses_sparse(pruned[0.75], "auto", "mve")  # the gathers cost more
    assert sparse.chooses_sparse(pruned[0.9], "auto", "any")
    assert not sparse.chooses_sparse(pruned[0.9], "never", "any")
    assert sparse.sparse_bytes(pruned[0.9]) == 2 * 33 + 2 * int(np.count_nonzero(pruned[0.9]))
    with pytest.raises(ValueError, match="unknown sparse policy"):
        sparse.chooses_sparse(rows, "sometimes", "dsp")


def test_dsp_bound():
    assert kernels.bounded((1 << 30) - 1, [-1, -5])
    assert not kernels.bounded(1 << 30, [-1])  # 2 * |acc| would reach 2^31
    assert not kernels.bounded(100, [-3, 0])  # a channel without a right shift


def test_the_boards_run_their_simd_kernels():
    assert mcu.BOARDS["mps2-an386"].kernels == "dsp"
    assert mcu.BOARDS["mps3-an547"].kernels == "mve"
    assert mcu.BOARDS["host"].kernels == "portable"
