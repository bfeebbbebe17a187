"""The elementwise ops of the custom layers, as hooks their quantization-aware forms replace.

Each op of a layer's ``forward`` that becomes one int8 op (MUL, ADD, SQUARED_DIFFERENCE) is
called with the sources of its operands — a tensor name of the layer, None for the layer's
input, :data:`CONSTANT` for a constant of the int8 model, or a fixed grid such as
:data:`LOGISTIC_GRID` — and the name of its output. Here they are the float ops;
:mod:`tfasc.compression.fake_quant` computes them with the int8 kernels' arithmetic on
those grids.
"""

from __future__ import annotations

from tfasc.keras import tf

CONSTANT = "constant"
"""Source of an operand that the int8 model holds as a constant (quantized on its own grid)."""

LOGISTIC_GRID = {"min_var": 0.0, "max_var": 255.0 / 256.0}
"""The fixed grid of an int8 LOGISTIC output: steps of 1/256 from zero point -128."""


class ElementwiseOps:
    """Mixin: :meth:`multiply`, :meth:`add` and :meth:`squared_difference` of two operands,
    named by ``sources`` (one per operand, see the module) and by their output ``name``."""

    def multiply(self, x, y, sources, name):
        """``x·y`` (MUL)."""
        return x * y

    def add(self, x, y, sources, name):
        """``x + y`` (ADD)."""
        return x + y

    def squared_difference(self, x, y, sources, name):
        """``(x - y)²`` (SQUARED_DIFFERENCE)."""
        return tf.math.squared_difference(x, y)
