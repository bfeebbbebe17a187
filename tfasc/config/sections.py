"""The machinery every config section shares: typed, frozen dataclasses checked at
construction (:class:`Section`), building them from TOML-shaped dicts with errors that name
the file and key, reading a TOML file with overrides, and writing one back."""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import re
import tomllib
import types
import typing


class ConfigError(ValueError):
    """A configuration value of the wrong type or out of range; names the file and key."""


class Section:
    """Checks every field's type (ints are accepted as floats) and then :meth:`_check`."""

    TABLE = ""
    """The TOML table of this section (empty for the top level)."""
    PATHS = ()
    """Fields holding paths: made absolute against the working directory."""

    def __post_init__(self):
        hints = typing.get_type_hints(type(self))
        for field in dataclasses.fields(self):
            value, annotation = getattr(self, field.name), hints[field.name]
            if not _matches(value, annotation):
                raise ConfigError(
                    f"{where(self, field.name)} must be {type_name(annotation)}, "
                    f"got {value!r} ({type(value).__name__})"
                )
            if isinstance(value, int) and float in (annotation, *typing.get_args(annotation)):
                object.__setattr__(self, field.name, float(value))
            if field.name in self.PATHS and value is not None:
                absolute = pathlib.Path(os.path.expanduser(value)).absolute()
                object.__setattr__(self, field.name, str(absolute))
        self._check()

    def _check(self) -> None:
        """Range checks of the section's values."""


def to_dict(config) -> dict:
    """A config as TOML-shaped nested dicts (what :meth:`TrainConfig.from_dict` reads)."""
    return dataclasses.asdict(config)


def read_toml(path, what: str, overrides: dict | None = None, migrate=None) -> dict:
    """The tables of a TOML file as nested dicts, ``overrides`` applied.

    Args:
        path: the file.
        what: what the file is, for the not-found error ("training config").
        overrides: dotted keys (``{"optimizer.epochs": 3}``) that win over the file; None
            values are ignored.
        migrate: ``migrate(values, source)`` applied before the overrides (old key names).

    Raises:
        FileNotFoundError: no such file.
        ConfigError: invalid TOML, naming the file.
    """
    path = pathlib.Path(path)
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: {what} not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    if migrate is not None:
        values = migrate(values, str(path))
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        table, _, key = dotted.rpartition(".")
        target = values.setdefault(table, {}) if table else values
        target[key] = value
    return values


def type_name(annotation) -> str:
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
             dict: "a table", list: "a list"}  # fmt: skip
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if args:
        return " or ".join(names.get(a, a.__name__) for a in args) + " (or omitted)"
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _matches(value, annotation) -> bool:
    if annotation is typing.Any:
        return True
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(_matches(value, a) for a in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


def build(cls, values, source: str, table: str):
    """``cls(**values)`` with nested tables built first; errors are prefixed with ``source``."""
    if not isinstance(values, dict):
        raise ConfigError(f"{source}: [{table}] must be a table, got {values!r}")
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(values) - set(fields))
    if unknown:
        where = f"[{table}] " if table else ""
        raise ConfigError(
            f"{source}: unknown key(s) {where}{', '.join(unknown)}; known: {', '.join(fields)}"
        )
    kwargs = {}
    for name, value in values.items():
        if dataclasses.is_dataclass(hints[name]):
            value = build(hints[name], value, source, name)
        kwargs[name] = value
    try:
        return cls(**kwargs)
    except ConfigError as error:
        raise ConfigError(f"{source}: {error}") from None
    except TypeError as error:  # a required key is missing
        missing = re.findall(r"'(\w+)'", str(error))
        where = f"[{table}] " if table else ""
        raise ConfigError(f"{source}: {where}{', '.join(missing)} is missing") from None


def where(section, name: str) -> str:
    return f"[{section.TABLE}] {name}" if section.TABLE else name


def choice(config, name: str, allowed, optional: bool = False) -> None:
    value = getattr(config, name)
    if (value is None and optional) or value in allowed:
        return
    raise ConfigError(
        f"{where(config, name)} {value!r} is not one of {', '.join(map(str, allowed))}"
    )


def check_range(config, name, low, high, open_low=False, open_high=False) -> None:
    value = getattr(config, name)
    too_low = low is not None and (value <= low if open_low else value < low)
    too_high = high is not None and (value >= high if open_high else value > high)
    if too_low or too_high:
        lo = "(" if open_low else "["
        hi = ")" if open_high else "]"
        span = (
            f"{lo}{low if low is not None else '-inf'}, {high if high is not None else 'inf'}{hi}"
        )
        raise ConfigError(f"{where(config, name)} must be in {span}, got {value!r}")


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def to_toml(config) -> str:
    """A config as TOML text that :meth:`TrainConfig.from_toml` reads back (None values are
    left out: they are the defaults of the optional fields; tuples become arrays)."""
    return "\n".join(_toml_table(to_dict(config), "")).strip() + "\n"


def _toml_table(values: dict, prefix: str) -> list[str]:
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in values.items()
             if v is not None and not isinstance(v, dict)]  # fmt: skip
    for key, value in values.items():
        if isinstance(value, dict):
            name = f"{prefix}{_toml_key(key)}"
            lines += ["", f"[{name}]", *_toml_table(value, name + ".")]
    return lines


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are TOML basic-string escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"no TOML form for {value!r} ({type(value).__name__})")
