"""Model registry: ``build(name, **overrides)`` for every architecture of the zoo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from tfasc import features


@dataclasses.dataclass(frozen=True, kw_only=True)
class ModelSpec:
    """A registered architecture."""

    name: str
    """Registry name, as used by ``build`` and the CLI."""
    builder: Callable
    """``builder(input_shape=..., num_classes=..., **overrides) -> keras.Model``."""
    frontend: str
    """Name of the front-end preset whose features the model takes."""
    description: str
    """One line for ``tfasc models``."""

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return features.preset(self.frontend).input_shape


_REGISTRY: dict[str, ModelSpec] = {}


def register(name: str, *, frontend: str, description: str):
    """Decorator registering a model builder under ``name``."""

    def wrap(builder):
        if name in _REGISTRY:
            raise ValueError(f"model {name!r} is registered twice")
        features.preset(frontend)  # fails early on an unknown preset
        _REGISTRY[name] = ModelSpec(
            name=name, builder=builder, frontend=frontend, description=description
        )
        return builder

    return wrap


def available() -> list[str]:
    """Names of all registered models."""
    return sorted(_REGISTRY)


def spec(name: str) -> ModelSpec:
    if name not in _REGISTRY:
        raise ValueError(f"unknown model {name!r}; registered models: {', '.join(available())}")
    return _REGISTRY[name]


def build(name: str, **overrides):
    """Builds a registered model; ``overrides`` go to its builder.

    The input shape defaults to the model's front-end preset (``input_shape`` overrides it).
    """
    model_spec = spec(name)
    overrides.setdefault("input_shape", model_spec.input_shape)
    return model_spec.builder(**overrides)
