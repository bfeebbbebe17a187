"""Typed configuration: every bad value is one error naming the file and key."""

import pathlib

import pytest

from tfasc import config
from tfasc.config import ConfigError, TrainConfig


def _toml(tmp_path, text: str) -> pathlib.Path:
    path = tmp_path / "c.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "text, message",
    [
        ('[data]\nroot = "x"\n[optimizer]\nepochs = "1"\n',
         r"c\.toml: \[optimizer\] epochs must be an integer, got '1' \(str\)"),
        ('[data]\nroot = "x"\n[optimizer]\nbatch_size = 1.5\n',
         r"\[optimizer\] batch_size must be an integer, got 1\.5 \(float\)"),
        ('[data]\nroot = "x"\n[optimizer]\nlearning_rate = "fast"\n',
         r"\[optimizer\] learning_rate must be a number, got 'fast'"),
        ('[data]\nroot = "x"\n[optimizer]\nepochs = 0\n',
         r"\[optimizer\] epochs must be in \[1, inf\], got 0"),
        ('[data]\nroot = "x"\n[augment]\nmixstyle_p = 1.5\n',
         r"\[augment\] mixstyle_p must be in \[0.0, 1.0\], got 1.5"),
        ('[data]\nroot = "x"\nsplit = 7\n', r"\[data\] split 7 is not one of 5, 10, 25, 50, 100"),
        ('[data]\nroot = "x"\n[runtime]\nstrategy = "tpu"\n',
         r"\[runtime\] strategy 'tpu' is not one of default, mirrored, multi_worker"),
        ('[data]\nroot = "x"\n[model]\nname = "nope"\n', r"\[model\] name: unknown model 'nope'"),
        ('[data]\nroot = "x"\n[model]\nname = "bcresnet"\n[model.args]\nwidht = 3\n',
         r"\[model.args\] widht: not an argument of model 'bcresnet'; allowed: .*tau"),
        ('[data]\nroot = "x"\n[optimizer]\nepoch = 3\n', r"unknown key\(s\) \[optimizer\] epoch"),
        ('[model]\nname = "dcase2022_baseline"\n', r"\[data\] root is missing.*--data"),
        ("[data\n", r"c\.toml: invalid TOML"),
        ('[data]\nroot = true\n', r"\[data\] root must be a string, got True"),
    ],
)  # fmt: skip
def test_bad_values_name_file_and_key(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_toml(_toml(tmp_path, text))


def test_missing_file():
    with pytest.raises(FileNotFoundError, match="missing.toml: training config not found"):
        TrainConfig.from_toml("missing.toml")


def test_legacy_flat_keys_keep_working(tmp_path):
    path = _toml(
        tmp_path,
        'data_root = "d"\nmodel = "bcresnet"\nepochs = 3\nbatch_size = 8\nmixstyle_p = 0.0\n'
        "seed = 5\n[model_args]\ntau = 2\n",
    )
    settings = TrainConfig.from_toml(path)
    assert settings.model == config.ModelConfig(name="bcresnet", args={"tau": 2})
    assert (settings.optimizer.epochs, settings.optimizer.batch_size) == (3, 8)
    assert settings.augment.mixstyle_p == 0.0 and settings.runtime.seed == 5
    with pytest.raises(ConfigError, match="epochs and \\[optimizer\\] epochs both given"):
        TrainConfig.from_toml(
            _toml(tmp_path, 'data_root = "d"\nepochs = 3\n[optimizer]\nepochs = 4\n')
        )


def test_paths_are_absolute_and_overrides_win(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _toml(tmp_path, '[data]\nroot = "data"\n[optimizer]\nepochs = 5\n')
    settings = TrainConfig.from_toml(
        path, {"optimizer.epochs": 2, "out_dir": "run", "data.split": None}
    )
    assert settings.data.root == str(tmp_path / "data")
    assert settings.out_dir == str(tmp_path / "run")
    assert settings.optimizer.epochs == 2 and settings.optimizer.learning_rate == 0.001
    assert isinstance(
        TrainConfig.from_toml(path, {"optimizer.learning_rate": 1}).optimizer.learning_rate, float
    )


def test_round_trip_and_replace():
    settings = TrainConfig(data=config.DataConfig(root="/d"))
    again = TrainConfig.from_dict(config.to_dict(settings))
    assert again == settings
    assert settings.replace(**{"optimizer.epochs": 4}).optimizer.epochs == 4
    with pytest.raises(ConfigError, match="epochs must be in"):
        settings.replace(**{"optimizer.epochs": -1})


def test_direct_construction_is_checked_too():
    with pytest.raises(ConfigError, match=r"\[optimizer\] epochs must be an integer"):
        config.OptimizerConfig(epochs="3")
    assert config.OptimizerConfig(learning_rate=1).learning_rate == 1.0


def test_export_config():
    assert config.ExportConfig() == config.ExportConfig(mode="int8", checkpoint="best")
    with pytest.raises(ConfigError, match=r"\[export\] mode 'int4' is not one of"):
        config.ExportConfig(mode="int4")
    with pytest.raises(ConfigError, match=r"\[export\] num_calibration must be in \[1, inf\]"):
        config.ExportConfig(num_calibration=0)


@pytest.mark.parametrize(
    "text, message",
    [
        ('[augment]\nmixup_p = 2\n', r"\[augment\] mixup_p must be in \[0.0, 1.0\], got 2"),
        ('[augment]\nmixup_alpha = 0\n', r"\[augment\] mixup_alpha must be in \(0.0, inf\]"),
        ('[augment]\nfreq_mask_bins = -1\n', r"\[augment\] freq_mask_bins must be in \[0, inf\]"),
        ('[augment]\ntime_masks = 0\n', r"\[augment\] time_masks must be in \[1, inf\]"),
        ('[augment]\ndir = 1\n', r"\[augment\] dir must be true or false, got 1"),
        ('[augment]\ndir_p = -0.1\n', r"\[augment\] dir_p must be in \[0.0, 1.0\]"),
        ('[augment]\ntranslation_p = 1.5\n', r"\[augment\] translation_p must be in"),
        ('[distill]\nteachers = "run"\n', r"\[distill\] teachers must be a list, got 'run'"),
        ('[distill]\nteachers = [1]\n', r"\[distill\] teachers must be a list of run directories"),
        ('[distill]\nlabel_weight = 1.5\n', r"\[distill\] label_weight must be in \[0.0, 1.0\]"),
        ('[distill]\ntemperature = 0\n', r"\[distill\] temperature must be in \(0.0, inf\]"),
        ('[distill]\nembedding_loss = "l1"\n',
         r"\[distill\] embedding_loss 'l1' is not one of mse, cosine"),
        ('[finetune]\nepochs = 0\n', r"\[finetune\] epochs must be in \[1, inf\]"),
        ('[finetune]\ndevices = ["b", "s4"]\n',
         r"\[finetune\] devices: 's4' is not a training device \(a, b, c, s1, s2, s3\)"),
        ('[finetune]\ncheckpoint = "first"\n', r"\[finetune\] checkpoint 'first' is not one of"),
        ('[distill]\nteacher = ["r"]\n', r"unknown key\(s\) \[distill\] teacher"),
    ],
)  # fmt: skip
def test_recipe_sections_are_checked(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_toml(_toml(tmp_path, '[data]\nroot = "x"\n' + text))


def test_recipe_sections_round_trip_with_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _toml(
        tmp_path,
        '[data]\nroot = "d"\n[augment]\ndir = true\ndir_bank = "irs"\ntranslator = "t"\n'
        'mixup_p = 0.5\n[distill]\nteachers = ["t1", "t2"]\nembedding_teacher = "t1"\n'
        'embedding_loss = "cosine"\n[finetune]\nepochs = 3\ndevices = ["a", "b"]\n',
    )
    settings = TrainConfig.from_toml(path)
    assert settings.augment.dir_bank == str(tmp_path / "irs")
    assert settings.augment.translator == str(tmp_path / "t")
    assert settings.distill.teachers == [str(tmp_path / "t1"), str(tmp_path / "t2")]
    assert settings.distill.embedding_teacher == str(tmp_path / "t1")
    assert settings.distill.logits and settings.distill.embedding
    assert settings.finetune.devices == ["a", "b"] and settings.finetune.learning_rate == 5e-4
    assert TrainConfig.from_dict(config.to_dict(settings)) == settings
    defaults = TrainConfig(data=config.DataConfig(root="/d"))
    assert not defaults.distill.logits and not defaults.distill.embedding
    assert not defaults.augment.dir and defaults.augment.dir_p == 0.6
    assert (defaults.distill.label_weight, defaults.distill.temperature) == (0.02, 2.0)
    assert (defaults.finetune.epochs, defaults.finetune.learning_rate) == (50, 5e-4)


def test_translator_config():
    assert config.TranslatorConfig().devices == ["b", "c", "s1", "s2", "s3"]
    with pytest.raises(ConfigError, match=r"\[translator\] devices: \['s6'\]; allowed: b, c"):
        config.TranslatorConfig(devices=["s6"])
    with pytest.raises(ConfigError, match=r"\[translator\] holdout must be in \[0.0, 1.0\)"):
        config.TranslatorConfig(holdout=1.0)


@pytest.mark.parametrize(
    "text, message",
    [
        ('[tune]\nfamily = "resnet"\n',
         r"c\.toml: \[tune\] family 'resnet' is not one of bcresnet_mod, rep_mobile"),
        ('[tune]\noracle = "grid"\n', r"\[tune\] oracle 'grid' is not one of random, bayesian"),
        ("[tune]\nmax_trials = 0\n", r"\[tune\] max_trials must be in \[1, inf\], got 0"),
        ("[tune]\nepochs = 1.5\n", r"\[tune\] epochs must be an integer, got 1\.5"),
        ("[tune]\nmax_macs = -1\n", r"\[tune\] max_macs must be in \[1, inf\], got -1"),
        ('[tune]\nint8_file = "yes"\n', r"\[tune\] int8_file must be true or false"),
        ("[tune]\nbudget = 3\n", r"unknown key\(s\) \[tune\] budget; known: family"),
        ("[tune.space]\nwidth = []\n", r"\[tune.space\] width must be a non-empty list"),
        ("[tune.space]\nwidth = 0.5\n", r"\[tune.space\] width must be a non-empty list"),
        ("[tune.space]\nwidth = [0.5, 0.5]\n", r"\[tune.space\] width lists a value twice"),
        ('[model]\nname = "bcresnet"\n',
         r"\[model\] name 'bcresnet' is not the searched \[tune\] family 'rep_mobile'"),
    ],
)  # fmt: skip
def test_bad_tune_values_name_file_and_key(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        config.read_tune_toml(_toml(tmp_path, '[data]\nroot = "x"\n' + text))


def test_tune_config_reuses_the_training_tables(tmp_path):
    path = _toml(
        tmp_path,
        '[data]\nroot = "d"\n[model]\nfrontend = "dcase2022"\n[optimizer]\nbatch_size = 8\n'
        '[tune]\nfamily = "bcresnet_mod"\nmax_trials = 4\n[tune.space]\nc = [20, 40]\n',
    )
    train_config, tune_config = config.read_tune_toml(path, {"tune.epochs": 2, "out_dir": "s"})
    assert train_config.model == config.ModelConfig(name="bcresnet_mod", frontend="dcase2022")
    assert train_config.optimizer.batch_size == 8 and train_config.out_dir.endswith("/s")
    assert tune_config == config.TuneConfig(
        family="bcresnet_mod", max_trials=4, epochs=2, space={"c": [20, 40]}
    )
    assert (tune_config.max_param_bytes, tune_config.max_macs) == (128_000, 30_000_000)
    with pytest.raises(FileNotFoundError, match="tuning config not found"):
        config.read_tune_toml(tmp_path / "missing.toml")


def test_to_toml_reads_back(tmp_path):
    settings = TrainConfig(
        data=config.DataConfig(root='/d "quoted"', split=25),
        model=config.ModelConfig(
            name="rep_mobile",
            args={"width": 0.5, "block_specs": [[32, 2.0, [1, 2]]], "asymmetric": True},
        ),
        optimizer=config.OptimizerConfig(learning_rate=2e-4),
    )
    path = _toml(tmp_path, config.to_toml(settings))
    assert TrainConfig.from_toml(path) == settings
    assert "[model.args]\nwidth = 0.5\nblock_specs = [[32, 2.0, [1, 2]]]\n" in path.read_text()
