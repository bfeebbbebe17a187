"""The offline arena planner (tfasc.aot.arena): buffers share memory only when disjoint."""

from tests.aot.bit_exact import convert
from tfasc import aot, models


def test_arena_plan_reuses_dead_buffers():
    allocations, size = aot.plan_arena(
        [("a", 100, 0, 1), ("b", 50, 1, 2), ("c", 100, 2, 3), ("d", 10, 0, 3)]
    )
    offsets = {a.key: a.offset for a in allocations}
    assert offsets["c"] == offsets["a"] == 0  # a dies before c is born
    assert size == 112 + 64 + 16  # a/c, then b, then d (16-byte aligned)
    for x in allocations:
        for y in allocations:
            if x is not y and not (x.last < y.first or y.last < x.first):
                assert x.offset + x.nbytes <= y.offset or y.offset + y.nbytes <= x.offset


def test_dcase2022_baseline_needs_two_feature_maps():
    model = aot.compile_model(convert(models.build("dcase2022_baseline")))
    # Two 40x51x16 int8 feature maps are alive at once; nothing more is needed.
    assert model.arena_bytes == 2 * 40 * 51 * 16 == 65280
    assert all(a.offset % aot.ARENA_ALIGNMENT == 0 for a in model.allocations)
