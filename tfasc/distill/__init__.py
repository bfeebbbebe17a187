"""Knowledge distillation: logit distillation on packed targets.

- :mod:`.loss`: :class:`DistillationLoss` (λ·CE + (1 − λ)·T²·KL), :func:`soft_targets`,
  :func:`pack_targets`;
"""

from tfasc.distill.loss import DistillationLoss, pack_targets, soft_targets

__all__ = ["DistillationLoss", "pack_targets", "soft_targets"]
