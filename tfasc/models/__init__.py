"""The tfasc model zoo. ``build(name, **overrides)`` builds any registered model."""

# Importing a model module registers its architectures.
from tfasc.models import (  # noqa: F401
    bcresnet,
    bcresnet_mod,
    cp_resnet,
    dcase2022_baseline,
    dcase2024_baseline,
    rep_mobile,
)
from tfasc.models.registry import ModelSpec, available, build, register, spec
from tfasc.models.reparameterize import deploy_form, reparameterize

__all__ = [
    "ModelSpec",
    "available",
    "build",
    "deploy_form",
    "register",
    "reparameterize",
    "spec",
]
