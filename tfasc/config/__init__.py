"""Typed configuration of training and export, read from TOML and validated at the boundary.

A training config is a tree of frozen, keyword-only dataclasses; a TOML file has one table
per branch (see ``tfasc/configs/``)::

    out_dir = "runs/baseline"
    [data]
    root = "TAU-urban-acoustic-scenes-2022-mobile-development"
    [model]
    name = "dcase2022_baseline"
    [optimizer]
    epochs = 30

Every value is checked against its field's type and range before any work starts; an error
names the file, the key and what was expected (:class:`ConfigError`). Relative paths are
resolved against the working directory when the config is read, so a run directory holds
absolute paths and works from anywhere.

TOML files of tfasc 0.1 had flat keys (``data_root``, ``epochs``, ``model_args``, ...);
they keep working: :data:`LEGACY_KEYS` maps each to its new place.

One module per kind of run: :mod:`.training` (``tfasc train``, ``tfasc export``), :mod:`.search`
(``tfasc tune``), :mod:`.compression` (``tfasc compress``), on the shared machinery of
:mod:`.sections`; everything is importable from ``tfasc.config``.
"""

from tfasc.config.compression import (  # noqa: F401
    BOARDS,
    COMPRESS_EXPORT_MODES,
    PRUNE_METHODS,
    PRUNE_SCHEDULES,
    CompressConfig,
    KDConfig,
    PruneConfig,
    QATConfig,
    VerifyConfig,
)
from tfasc.config.search import (  # noqa: F401
    ORACLES,
    TUNE_FAMILIES,
    TuneConfig,
    read_tune_toml,
)
from tfasc.config.sections import (  # noqa: F401
    ConfigError,
    Section,
    build,
    check_range,
    choice,
    read_toml,
    to_dict,
    to_toml,
    type_name,
    where,
)
from tfasc.config.training import (  # noqa: F401
    CHECKPOINTS,
    EMBEDDING_LOSSES,
    EXPORT_MODES,
    LEGACY_KEYS,
    LONG_CLIPS,
    ON_ERROR,
    STRATEGIES,
    AugmentConfig,
    DataConfig,
    DistillConfig,
    ExportConfig,
    FinetuneConfig,
    ModelConfig,
    OptimizerConfig,
    RuntimeConfig,
    TrainConfig,
    TranslatorConfig,
)
