"""The offline arena planner: one static buffer for every activation and scratch buffer.

Like TFLM's ``GreedyMemoryPlanner``: each non-constant tensor lives from the op that
writes it to the last op that reads it (the model input from before the first op, the
output to after the last); aliased tensors (``RESHAPE``) share one buffer; scratch lives
during its op. Buffers are placed largest first, each at the lowest 16-byte aligned offset
that does not overlap a buffer alive at the same time.

Example:
    >>> allocations, size = plan_arena([("a", 100, 0, 1), ("b", 50, 1, 2), ("c", 100, 2, 3)])
    >>> [a.offset for a in allocations], size
    ([0, 112, 0], 176)
"""

from __future__ import annotations

import dataclasses

from tfasc.flatbuffer import Graph, MalformedModelError

ARENA_ALIGNMENT = 16
"""Byte alignment of every buffer in the planned arena."""


@dataclasses.dataclass(frozen=True)
class Allocation:
    """One arena buffer: the tensors (or scratch) sharing it, its lifetime and its offset."""

    key: str
    """``tensor<index>`` (the root of an alias chain) or ``scratch<op index>``."""
    nbytes: int
    first: int
    """First op using the buffer (-1: the model input, before the first op)."""
    last: int
    """Last op using the buffer (the number of ops: the model output, read afterwards)."""
    offset: int
    """Byte offset in the arena."""


@dataclasses.dataclass(frozen=True)
class ArenaPlan:
    """The plan of one graph."""

    allocations: tuple[Allocation, ...]
    size: int
    """Arena bytes (a multiple of :data:`ARENA_ALIGNMENT`)."""
    tensor_offsets: dict[int, int]
    """Non-constant tensor index -> offset of its buffer."""
    scratch_offsets: dict[int, int]
    """Op index -> offset of its scratch buffer."""


def _align(n: int) -> int:
    return (n + ARENA_ALIGNMENT - 1) // ARENA_ALIGNMENT * ARENA_ALIGNMENT


def plan_arena(buffers: list[tuple[str, int, int, int]]) -> tuple[list[Allocation], int]:
    """Greedy offline planning: largest buffers first, each at the lowest fitting offset.

    Args:
        buffers: ``(key, nbytes, first_op, last_op)`` per buffer; two buffers may share
            memory when their ``[first_op, last_op]`` intervals do not intersect.

    Returns:
        The allocations (in input order) and the arena size in bytes.
    """
    order = sorted(range(len(buffers)), key=lambda i: (-buffers[i][1], buffers[i][2]))
    placed: list[Allocation] = []
    result: dict[int, Allocation] = {}
    for i in order:
        key, nbytes, first, last = buffers[i]
        live = sorted(
            (a for a in placed if not (a.last < first or last < a.first)), key=lambda a: a.offset
        )
        offset = 0
        for a in live:
            if offset + nbytes <= a.offset:
                break
            offset = max(offset, _align(a.offset + a.nbytes))
        alloc = Allocation(key, nbytes, first, last, offset)
        placed.append(alloc)
        result[i] = alloc
    allocations = [result[i] for i in range(len(buffers))]
    size = _align(max((a.offset + a.nbytes for a in allocations), default=0))
    return allocations, size


def plan_graph(graph: Graph, alias: dict[int, int], scratch: dict[int, int]) -> ArenaPlan:
    """Lifetimes of the graph's non-constant tensors (aliases merged) and scratch, planned.

    Args:
        graph: the parsed model.
        alias: tensor -> tensor whose buffer it shares.
        scratch: op index -> scratch bytes it needs while it runs.

    Raises:
        MalformedModelError: the aliases form a cycle.
    """

    def root(t: int) -> int:
        seen = 0
        while t in alias:
            t, seen = alias[t], seen + 1
            if seen > len(graph.tensors):
                raise MalformedModelError("malformed .tflite: cyclic reshapes")
        return t

    span: dict[int, list[int]] = {}

    def touch(t: int, i: int) -> None:
        if t < 0 or graph.tensors[t].data is not None:
            return
        r = root(t)
        lo, hi = span.get(r, [i, i])
        span[r] = [min(lo, i), max(hi, i)]

    for t in graph.inputs:
        touch(t, -1)
    for i, op in enumerate(graph.operators):
        for t in op.inputs + op.outputs:
            touch(t, i)
    for t in graph.outputs:
        touch(t, len(graph.operators))
    nbytes: dict[int, int] = {}
    for t, tensor in enumerate(graph.tensors):
        if t in span or (tensor.data is None and root(t) in span):
            r = root(t)
            nbytes[r] = max(nbytes.get(r, 0), tensor.nbytes)
    buffers = [(f"tensor{r}", nbytes[r], lo, hi) for r, (lo, hi) in sorted(span.items())]
    buffers += [(f"scratch{i}", n, i, i) for i, n in sorted(scratch.items())]
    allocations, size = plan_arena(buffers)
    by_key = {a.key: a.offset for a in allocations}
    tensor_offsets = {
        t: by_key[f"tensor{root(t)}"]
        for t, tensor in enumerate(graph.tensors)
        if tensor.data is None and f"tensor{root(t)}" in by_key
    }
    return ArenaPlan(
        allocations=tuple(allocations),
        size=size,
        tensor_offsets=tensor_offsets,
        scratch_offsets={i: by_key[f"scratch{i}"] for i in scratch},
    )
