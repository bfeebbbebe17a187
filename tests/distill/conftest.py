"""Student settings of the distillation tests (the teachers: ``teacher_runs`` of
tests/conftest.py, trained by their shipped configs)."""

from tfasc import config


def student_config(synth_tau, cache, out, **changes) -> config.TrainConfig:
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(cache)),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        augment=config.AugmentConfig(mixstyle_p=0.0),
        out_dir=str(out),
    )
    return settings.replace(**changes) if changes else settings
