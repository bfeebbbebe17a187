"""What a complexity count returns: per-layer rows, totals, and the DCASE budget they meet.

Both counters (:mod:`tfasc.complexity.keras_counter`, torchinfo convention, and
:mod:`tfasc.complexity.tflite_counter`, NeSsi convention) return a :class:`Complexity`, so
reports, the CLI and the budget check treat the two views alike.
"""

from __future__ import annotations

import dataclasses
import json

DCASE_MAX_PARAM_BYTES = 128_000
"""DCASE Task 1 (2022-2025) parameter-memory limit: 128 kB (read as 128,000 bytes, the
stricter reading of "kB")."""
DCASE_MAX_MACS = 30_000_000
"""DCASE Task 1 (2022-2025) limit on multiply-accumulates per 1-s clip: 30 M."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class LayerComplexity:
    """One row of a complexity table (a Keras layer or a TFLite operator)."""

    name: str
    """Layer name, or the operator's output-tensor name."""
    kind: str
    """Layer class or TFLite operator."""
    output_shape: tuple
    """Output shape without the batch dimension."""
    params: int
    """Trainable parameters (Keras) or parameter elements of the operator's constants."""
    macs: int
    """Multiply-accumulates for one example."""
    param_bytes: int
    """Parameter bytes: one per parameter (Keras, int8) or the constants' bytes (TFLite)."""
    nonzero_bytes: int
    """Like ``param_bytes`` counting non-zero values only."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Complexity:
    """Per-layer rows and totals of one model.

    Peak activation memory is an estimate for a batch of one: layers (operators) run in
    topological order, a tensor lives from the layer that produces it to the last layer
    that reads it, and the peak is the largest sum of live tensors while a layer runs (its
    inputs and outputs together). Temporaries inside composite layers and kernel scratch
    buffers are not included, and TFLM's arena also holds its own bookkeeping, so the arena
    a model needs (``TFLMModel.arena_used``) is somewhat larger.
    """

    name: str
    """Model name."""
    layers: tuple[LayerComplexity, ...]
    """Per-layer (per-operator) rows, in execution order."""
    peak_activation_bytes: int
    """Peak activation memory estimate (one byte per activation in the Keras view, the
    tensors' own dtypes in the TFLite view)."""
    param_bytes_by_dtype: dict = dataclasses.field(default_factory=dict)
    """TFLite only: parameter bytes per dtype, e.g. ``{"int8": 45816, "int32": 696}``."""
    other_constant_bytes: int = 0
    """TFLite only: bytes of constants that are not parameters (shapes, axes, paddings)."""
    ops: tuple[str, ...] = ()
    """TFLite only: builtin operators used, in first-use order."""

    @property
    def params(self) -> int:
        return sum(layer.params for layer in self.layers)

    @property
    def macs(self) -> int:
        return sum(layer.macs for layer in self.layers)

    @property
    def param_bytes(self) -> int:
        return sum(layer.param_bytes for layer in self.layers)

    @property
    def nonzero_bytes(self) -> int:
        return sum(layer.nonzero_bytes for layer in self.layers)

    def within_budget(
        self, max_param_bytes: int = DCASE_MAX_PARAM_BYTES, max_macs: int = DCASE_MAX_MACS
    ) -> bool:
        """Whether parameter bytes and MACs fit the (DCASE) limits."""
        return self.param_bytes <= max_param_bytes and self.macs <= max_macs

    def summary(self) -> dict:
        """Totals as a JSON-ready dict."""
        out = {
            "params": self.params,
            "macs": self.macs,
            "param_bytes": self.param_bytes,
            "nonzero_bytes": self.nonzero_bytes,
            "peak_activation_bytes": self.peak_activation_bytes,
            "within_dcase_budget": self.within_budget(),
        }
        if self.param_bytes_by_dtype:
            out["param_bytes_by_dtype"] = dict(self.param_bytes_by_dtype)
            out["other_constant_bytes"] = self.other_constant_bytes
            out["ops"] = list(self.ops)
        return out

    def table(self) -> str:
        """A markdown table: one row per layer with parameters and MACs, then the totals."""
        lines = [
            "| layer | kind | output | params | MACs | param bytes | non-zero bytes |",
            "|---|---|---|---:|---:|---:|---:|",
        ]
        for row in self.layers:
            shape = "×".join(str(d) for d in row.output_shape)
            lines.append(
                f"| {row.name} | {row.kind} | {shape} | {row.params:,} | {row.macs:,} "
                f"| {row.param_bytes:,} | {row.nonzero_bytes:,} |"
            )
        lines.append(
            f"| **total** | | | **{self.params:,}** | **{self.macs:,}** "
            f"| **{self.param_bytes:,}** | **{self.nonzero_bytes:,}** |"
        )
        lines.append("")
        lines.append(f"Peak activation memory (estimate): {self.peak_activation_bytes:,} bytes")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def to_json(results: dict) -> str:
    """Serializes ``{name: Complexity.summary()}``-style results, sorted and indented."""
    return json.dumps(results, indent=2, sort_keys=True)
