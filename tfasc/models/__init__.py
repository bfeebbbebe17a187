"""The tfasc model zoo. ``build(name, **overrides)`` builds any registered model."""

from tfasc.models.registry import ModelSpec, available, build, register, spec
from tfasc.models.reparameterize import reparameterize

# Importing a model module registers its architectures.
from tfasc.models import bcresnet  # noqa: E402,F401
from tfasc.models import bcresnet_mod  # noqa: E402,F401
from tfasc.models import cp_resnet  # noqa: E402,F401
from tfasc.models import dcase2022_baseline  # noqa: E402,F401
from tfasc.models import dcase2024_baseline  # noqa: E402,F401
from tfasc.models import rep_mobile  # noqa: E402,F401

__all__ = ["ModelSpec", "available", "build", "register", "reparameterize", "spec"]
