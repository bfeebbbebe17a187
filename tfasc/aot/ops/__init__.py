"""The op lowerings of the AOT compiler, one module per op family.

Each module maps op names to a function ``(Emitter, Operator) -> C++`` that checks the op
and returns the call of its reference kernel with every parameter precomputed.
:data:`LOWERINGS` joins them; its keys are exactly the ops ``tfasc.ops`` marks ``aot``.
"""

from __future__ import annotations

from tfasc.aot.ops import binary, conv, fully_connected, pool, reduce, shape, unary

LOWERINGS = {
    **binary.LOWERINGS,
    **conv.LOWERINGS,
    **fully_connected.LOWERINGS,
    **pool.LOWERINGS,
    **reduce.LOWERINGS,
    **shape.LOWERINGS,
    **unary.LOWERINGS,
}
"""Op name -> lowering function."""
