"""Formatting of C/C++ literals for the generated firmware sources."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np


def c_float(value) -> str:
    """A C float literal that round-trips the float32 value exactly (``0.5f``, ``1e-08f``)."""
    text = str(np.float32(value))
    if "e" not in text and "." not in text and "n" not in text:
        text += ".0"
    return text + "f"


def c_string(text: str) -> str:
    """A C string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_array(
    values: Iterable, formatter: Callable = str, per_line: int = 12, indent: int = 4
) -> str:
    """The items of a C initializer list, ``per_line`` to a line, without the braces.

    Example:
        >>> print("{\\n" + c_array(range(5), per_line=3) + "\\n}")
        {
            0, 1, 2,
            3, 4
        }
    """
    if isinstance(values, (bytes, bytearray)):
        values = np.frombuffer(bytes(values), np.uint8)
    items = [formatter(v) for v in np.asarray(values).reshape(-1)]
    pad = " " * indent
    lines = [", ".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return pad + f",\n{pad}".join(lines) if lines else ""
