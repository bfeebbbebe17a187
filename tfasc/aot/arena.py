"""The offline arena planner: one static buffer for every activation and scratch buffer.

Like TFLM's ``GreedyMemoryPlanner``: each non-constant tensor lives from the op that
writes it to the last op that reads it (the model input from before the first op, the
output to after the last); aliased tensors (``RESHAPE``) share one buffer; scratch lives
during its op. Buffers are placed largest first, each at the lowest 16-byte aligned offset
that does not overlap a buffer alive at the same time.

An op whose kernel streams (tfasc's kernels write their output in the order they read
their input) may let its output overlap an input that dies there (TinyEngine-style
in-place planning): the lowering states the least distance ``gap`` the output must start
before the input, :class:`Overlap`, and the two buffers are placed as one unit, the output
``gap`` bytes (16-byte aligned) below the input. Chains of such ops form one unit.

Example:
    >>> allocations, size = plan_arena([("a", 100, 0, 1), ("b", 50, 1, 2), ("c", 100, 2, 3)])
    >>> [a.offset for a in allocations], size
    ([0, 112, 0], 176)
    >>> allocations, size = plan_arena([("x", 64, -1, 0), ("y", 64, 0, 1)], [[(0, 16), (1, 0)]])
    >>> [a.offset for a in allocations], size  # y starts 16 bytes below x
    ([16, 0], 80)
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


@dataclasses.dataclass(frozen=True)
class Overlap:
    """An op's output may overlap one of its inputs if it starts ``gap`` bytes before it."""

    input: int
    """Tensor index of the input (used only when the input dies at this op)."""
    output: int
    """Tensor index of the output."""
    gap: int
    """Least ``input offset - output offset`` at which the kernel reads every input byte
    before it overwrites it (at most 0: the output may even share the input's start)."""


def plan_arena(
    buffers: list[tuple[str, int, int, int]], groups: list[list[tuple[int, int]]] | None = None
) -> tuple[list[Allocation], int]:
    """Greedy offline planning: largest units first, each at the lowest fitting offset.

    Args:
        buffers: ``(key, nbytes, first_op, last_op)`` per buffer; two buffers may share
            memory when their ``[first_op, last_op]`` intervals do not intersect.
        groups: units of buffers placed together, as ``(buffer index, offset in the unit)``
            (multiples of 16); their members must not be alive together unless the plan
            that made them (:func:`plan_graph`) allows their overlap. Every other buffer is a
            unit of its own.

    Returns:
        The allocations (in input order) and the arena size in bytes.
    """
    grouped = {i for group in groups or () for i, _ in group}
    units = [list(g) for g in groups or ()] + [
        [(i, 0)] for i in range(len(buffers)) if i not in grouped
    ]
    units.sort(key=lambda u: (-max(buffers[i][1] for i, _ in u), min(buffers[i][2] for i, _ in u)))
    placed: list[Allocation] = []
    result: dict[int, Allocation] = {}
    for unit in units:
        members = [(buffers[i], rel) for i, rel in unit]
        live = [
            [a for a in placed if not (a.last < first or last < a.first)]
            for (_, _, first, last), _ in members
        ]

        pairs = [
            (rel, nbytes, a)
            for ((_, nbytes, _, _), rel), conflicts in zip(members, live, strict=True)
            for a in conflicts
        ]
        candidates = {0} | {
            _align(a.offset + a.nbytes) - rel
            for (_, rel), conflicts in zip(members, live, strict=True)
            for a in conflicts
        }
        base = min(
            c
            for c in candidates
            if c >= 0
            and all(c + r + n <= a.offset or a.offset + a.nbytes <= c + r for r, n, a in pairs)
        )
        for i, rel in unit:
            key, nbytes, first, last = buffers[i]
            alloc = Allocation(key, nbytes, first, last, base + rel)
            placed.append(alloc)
            result[i] = alloc
    allocations = [result[i] for i in range(len(buffers))]
    size = _align(max((a.offset + a.nbytes for a in allocations), default=0))
    return allocations, size


def plan_graph(
    graph: Graph,
    alias: dict[int, int],
    scratch: dict[int, int],
    overlaps: dict[int, list[Overlap]] | None = None,
) -> ArenaPlan:
    """Lifetimes of the graph's non-constant tensors (aliases merged) and scratch, planned.

    Args:
        graph: the parsed model.
        alias: tensor -> tensor whose buffer it shares.
        scratch: op index -> scratch bytes it needs while it runs.
        overlaps: op index -> the overlaps its kernel allows, best first; the first whose
            input dies at that op (and is no model output) is used.

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
    roots = sorted(span)
    buffers = [(f"tensor{r}", nbytes[r], *span[r]) for r in roots]
    buffers += [(f"scratch{i}", n, i, i) for i, n in sorted(scratch.items())]
    position = {r: k for k, r in enumerate(roots)}
    groups = _overlap_groups(graph, overlaps or {}, root, span, position)
    allocations, size = plan_arena(buffers, groups)
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


def _overlap_groups(graph, overlaps, root, span, position) -> list[list[tuple[int, int]]]:
    """Chains of buffers an op lets overlap, as :func:`plan_arena` groups."""
    outputs = {root(t) for t in graph.outputs}
    group_of: dict[int, list[list[int]]] = {}  # root -> its group [[root, offset], ...]
    for i, candidates in sorted(overlaps.items()):
        for o in candidates:
            x, y = root(o.input), root(o.output)
            if x == y or x not in span or y not in span or x in outputs or y in group_of:
                continue
            if span[x][1] != i or span[y][0] != i:
                continue  # the input is read later, or the output is an alias born earlier
            group = group_of.setdefault(x, [[x, 0]])
            offset = next(rel for r, rel in group if r == x) - _align(max(o.gap, 0))
            group.append([y, offset])
            group_of[y] = group
            break
    unique = {id(g): g for g in group_of.values()}.values()
    result = []
    for group in unique:
        low = min(rel for _, rel in group)
        result.append([(position[r], rel - low) for r, rel in group])
    return result
