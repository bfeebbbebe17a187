"""The shipped configs (tfasc/configs/*.toml) at smoke-test scale: one epoch, batch 16, a
narrow model, on the dcase2022 front end (40 mels, the features every test shares)."""

import pathlib

import tfasc
from tfasc import config

CONFIGS = pathlib.Path(tfasc.__file__).parent / "configs"

SMALL = {
    "dcase2022_baseline": {},
    "dcase2024_baseline": {"base_channels": 8},
    "rep_mobile": {"width": 0.25},
    "bcresnet_mod": {"c": 10},
    "bcresnet_mod_teacher": {"c": 10},
    "cp_resnet_teacher": {"base_channels": 8},
}
"""Builder arguments that make each config's model small enough for a smoke run."""


def smoke_config(name: str, synth_tau, cache, out, **overrides) -> config.TrainConfig:
    """``tfasc/configs/NAME.toml`` with the data, cache and run folder given, at smoke scale;
    ``overrides`` (dotted keys) win."""
    path = CONFIGS / f"{name}.toml"
    model = config.TrainConfig.from_toml(path, {"data.root": str(synth_tau)}).model.name
    return config.TrainConfig.from_toml(path, {
        "data.root": str(synth_tau), "data.cache_dir": str(cache), "out_dir": str(out),
        "optimizer.epochs": 1, "optimizer.batch_size": 16, "model.args": SMALL[model],
        "model.frontend": "dcase2022", **overrides,
    })  # fmt: skip
