"""Shared fixtures: one small synthetic TAU data set per test session."""

import os

import pytest

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(scope="session")
def synth_tau(tmp_path_factory):
    """A synthetic TAU 2022 Mobile set: 0.4 % of the TAU 2020 recordings, 3 slices each."""
    from tfasc.data import synth

    root = tmp_path_factory.mktemp("synth") / "tau"
    synth.generate(root, seed=7, size=0.004, slices_per_recording=3, progress=False)
    return root


@pytest.fixture(scope="session")
def feature_cache(tmp_path_factory):
    """A feature-cache directory shared by the tests of one session."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def finetuned_run(synth_tau, feature_cache, tmp_path_factory):
    """A DCASE2022-baseline run (one epoch) with a model fine-tuned for each training device
    (a, b, c, s1-s3; 10 epochs each): the run directory."""
    from tfasc import config, finetune, train

    settings = config.TrainConfig(
        data=config.DataConfig(root=str(synth_tau), cache_dir=str(feature_cache)),
        optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
        augment=config.AugmentConfig(mixstyle_p=0.0),
        finetune=config.FinetuneConfig(epochs=10),
        out_dir=str(tmp_path_factory.mktemp("finetune") / "run"),
    )
    run_dir = train.train(settings, progress=False).run_dir
    finetune.finetune_devices(run_dir, progress=False)
    return run_dir


@pytest.fixture(scope="session")
def teacher_runs(synth_tau, feature_cache, tmp_path_factory):
    """``{name: run directory}`` of both registered teachers, trained by their shipped
    configs (``tfasc/configs/cp_resnet_teacher.toml``, ``bcresnet_mod_teacher.toml``: DIR,
    Freq-MixStyle, rolling) at smoke scale on the dcase2022 front end."""
    from tests.recipes import smoke_config
    from tfasc import train

    root = tmp_path_factory.mktemp("teachers")
    return {
        name: train.train(
            smoke_config(name, synth_tau, feature_cache, root / name), progress=False
        ).run_dir  # fmt: skip
        for name in ("cp_resnet_teacher", "bcresnet_mod_teacher")
    }
