"""Knowledge distillation: logit and embedding distillation from cached teacher outputs.

- :mod:`.loss`: :class:`DistillationLoss` (λ·CE + (1 − λ)·T²·KL), :func:`soft_targets`,
  :func:`pack_targets`;
- :mod:`.embedding`: the second-to-last feature map, the projection head and
  :class:`EmbeddingDistillationLoss`;
- :mod:`.teachers`: teacher runs, their outputs computed once per clip and cached;
- :mod:`.targets`: the targets and loss ``model.fit`` trains with.
"""

from tfasc.distill.embedding import (
    EmbeddingDistillationLoss,
    classifier_input,
    embedding_model,
    with_projection,
)
from tfasc.distill.loss import DistillationLoss, pack_targets, soft_targets
from tfasc.distill.targets import Targets, TeacherSet, check_teachers, training_targets
from tfasc.distill.teachers import (
    Teacher,
    TeacherError,
    ensemble_logits,
    load_teachers,
    teacher_embeddings,
)

__all__ = [
    "DistillationLoss",
    "EmbeddingDistillationLoss",
    "Targets",
    "Teacher",
    "TeacherError",
    "TeacherSet",
    "check_teachers",
    "classifier_input",
    "embedding_model",
    "ensemble_logits",
    "load_teachers",
    "pack_targets",
    "soft_targets",
    "teacher_embeddings",
    "training_targets",
    "with_projection",
]
