"""The ``tfasc`` command line: parses arguments, calls the library, writes files.

Each subcommand is one ``cmd_*`` function; heavy imports happen inside them so that
``tfasc --help`` is instant.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys


def cmd_synth(args):
    from tfasc.data import synth

    summary = synth.generate(
        args.out,
        seed=args.seed,
        size=args.size,
        slices_per_recording=args.slices,
        overwrite=args.overwrite,
    )
    print(json.dumps(summary, indent=1, default=str))


def cmd_train(args):
    from tfasc import config, train

    overrides = {
        "data.root": args.data,
        "out_dir": args.out,
        "model.name": args.model,
        "optimizer.epochs": args.epochs,
        "runtime.strategy": args.strategy,
        "data.split": args.split,
        "runtime.cpu_replicas": args.cpu_replicas,
        "data.cache_dir": args.cache,
        "data.on_error": "skip" if args.skip_bad_files else None,
        "data.long_clips": args.long_clips,
        "distill.teachers": args.teacher,
        "distill.embedding_teacher": args.embedding_teacher,
        "distill.embedding_loss": args.embedding_loss,
    }
    settings = config.TrainConfig.from_toml(args.config, overrides)
    result = train.train(settings, overwrite=args.overwrite)
    epochs = settings.optimizer.epochs
    if result.epochs_trained == 0:
        print(f"{result.run_dir}: already complete ({epochs} epochs); nothing to train")
    else:
        print(
            f"trained {result.epochs_trained} of {epochs} epochs; best model: {result.best_model}"
        )
    if result.skipped:
        print(f"skipped {len(result.skipped)} bad file(s), listed in {result.run_dir}/skipped.txt")


def cmd_translator_train(args):
    from tfasc import config, feature_cache, features
    from tfasc.augment import translation
    from tfasc.data import tau

    out = pathlib.Path(args.out)
    if out.exists() and any(out.iterdir()) and not args.overwrite:
        raise ValueError(f"{out}: exists and is not empty; pass --overwrite to replace it")
    settings = config.TranslatorConfig(
        **{k: v for k, v in (("devices", args.devices), ("epochs", args.epochs),
                             ("holdout", args.holdout), ("seed", args.seed)) if v is not None}
    )  # fmt: skip
    dataset = tau.load(args.data)
    clips = dataset.split(args.split) if args.split else dataset.fold("train")
    frontend = features.preset(args.frontend)
    train_set = feature_cache.compute_features(
        dataset, clips, frontend, cache_dir=args.cache, long_clips=args.long_clips or "error",
        description="train features",
    )  # fmt: skip
    translator = translation.train_translator(train_set, frontend, settings)
    translator.save(out)
    for part, report in translator.report.items():
        print(
            f"{part} ({report['pairs']} pairs): log-mel distance to the true target "
            f"{report['untranslated_db']:.2f} dB untranslated, {report['translated_db']:.2f} dB "
            f"translated ({100 * report['removed']:.0f} % removed)"
        )
    print(f"wrote {out}/{translation.MODEL_FILE} and {translation.INFO_FILE}")


def cmd_finetune_devices(args):
    import dataclasses

    from tfasc import atomic, device_set, finetune, firmware
    from tfasc import config as configs
    from tfasc import run as runs

    settings = runs.load(args.run).config.finetune
    changes = {k: v for k, v in (("epochs", args.epochs), ("learning_rate", args.learning_rate),
                                 ("weight_decay", args.weight_decay), ("devices", args.devices))
               if v is not None}  # fmt: skip
    settings = configs.FinetuneConfig(**{**dataclasses.asdict(settings), **changes})
    result = finetune.finetune_devices(args.run, settings, overwrite=args.overwrite)
    print(
        f"device models: {', '.join(result.models)} (trained now: {', '.join(result.trained) or 'none'})"
    )
    report = finetune.evaluate_devices(args.run, data_root=args.data)
    print(finetune.format_devices(report))
    atomic.write_json(result.run.path("devices") / "evaluation.json", report)
    print(f"wrote {result.run.path('devices')}/evaluation.json")
    if args.export:
        flatbuffers = device_set.export_device_set(args.run, configs.ExportConfig(mode="int8"),
                                                   data_root=args.data)  # fmt: skip
        files = device_set.selector_files(flatbuffers, source=f"the device set of {args.run}")
        out = pathlib.Path(args.export)
        for name, flatbuffer in flatbuffers.items():
            atomic.write_bytes(out / f"{name}.tflite", flatbuffer)
        for path in firmware.write_firmware(out, files):
            print(f"wrote {path}")
        print(f"wrote {len(flatbuffers)} .tflite models to {out}")


def cmd_tune(args):
    from tfasc import config, tune

    overrides = {
        "data.root": args.data,
        "out_dir": args.out,
        "data.cache_dir": args.cache,
        "tune.max_trials": args.trials,
        "tune.epochs": args.epochs,
        "tune.oracle": args.oracle,
    }
    train_settings, tune_settings = config.read_tune_toml(args.config, overrides)
    result = tune.tune(train_settings, tune_settings, overwrite=args.overwrite)
    if result.role == "worker":
        trained = ", ".join(result.trained_here) or "none"
        print(f"worker finished (trained trials: {trained}); the chief writes the results")
        return
    print(result.table())
    files = tune.report_files(result)
    _write_files(result.directory, files)
    print(f"wrote {', '.join(f'{result.directory}/{name}' for name in files)}")


def cmd_compress(args):
    from tfasc import atomic, config
    from tfasc.compress import compress_and_verify

    overrides = {"out_dir": args.out, "source": args.source}
    settings = config.CompressConfig.from_toml(args.config, overrides)
    result, report = compress_and_verify(settings, overwrite=args.overwrite)
    model_path = result.directory / f"model_{settings.mode}.tflite"
    atomic.write_bytes(model_path, result.flatbuffer)
    atomic.write_json(result.directory / "report.json", report)
    compressed = report["complexity"]["compressed"]
    print(f"wrote {model_path} ({len(result.flatbuffer):,} bytes) and "
          f"{result.directory / 'report.json'}: {compressed['params']:,} params, "
          f"{compressed['nonzero_kb']:.1f} KB non-zero, {compressed['macs'] / 1e6:.2f} M MACs")  # fmt: skip


def _write_files(directory, files: dict) -> None:
    from tfasc import atomic

    for name, content in files.items():
        atomic.write_bytes(pathlib.Path(directory) / name, content)


def cmd_evaluate(args):
    from tfasc import evaluate

    tflite = _read_model(args.tflite) if args.tflite else None
    result = evaluate.evaluate_run(
        args.run, data_root=args.data, which=args.checkpoint, tflite_model=tflite
    )
    print(evaluate.format_table(result))
    stem = "evaluation_tflm" if tflite else "evaluation"
    _write_files(args.run, evaluate.report_files(result, stem))
    print(f"wrote {args.run}/{stem}.json, .txt and _confusion.png")


def cmd_export(args):
    from tfasc import atomic, config, export
    from tfasc import flatbuffer as fb

    settings = config.ExportConfig(
        mode=args.mode, checkpoint=args.checkpoint, num_calibration=args.calibration
    )
    flatbuffer = export.export_run(args.run, settings, data_root=args.data)
    atomic.write_bytes(args.out, flatbuffer)
    ops = ", ".join(fb.parse(flatbuffer).ops)
    print(f"wrote {args.out} ({len(flatbuffer):,} bytes, ops: {ops})")


def _positive_int(text: str) -> int:
    """argparse type of a count that must be at least 1 (``--vectors``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _read_model(path: str) -> bytes:
    """The bytes of a ``.tflite`` file; ``ValueError`` naming it when it cannot be read."""
    try:
        return pathlib.Path(path).read_bytes()
    except OSError as error:
        raise ValueError(f"{path}: cannot read the model ({error.strerror})") from None


def cmd_export_c(args):
    from tfasc import firmware

    tflite = pathlib.Path(args.model)
    labels = tuple(args.labels.split(",")) if args.labels else None
    files = firmware.firmware_files(
        _read_model(args.model),
        args.frontend,
        **({"labels": labels} if labels else {}),
        num_vectors=args.vectors,
        source=tflite.name,
    )
    for path in firmware.write_firmware(args.out, files):
        print(f"wrote {path}")


def cmd_models(args):
    from tfasc import models

    for name in models.available():
        spec = models.spec(name)
        print(f"{name:24s} {spec.frontend:10s} {spec.description}")


def cmd_complexity(args):
    from tfasc import complexity

    if args.model.endswith(".tflite"):
        flatbuffer = pathlib.Path(args.model).read_bytes()
        views = {
            "int8 .tflite (NeSsi)": complexity.tflite_complexity(
                flatbuffer, nessi_compatible=not args.true_macs, name=args.model
            )
        }
    else:
        keras_view, tflite_view = complexity.registered_model_complexity(
            args.model, int8=not args.no_tflite
        )
        views = {"Keras deploy form (torchinfo)": keras_view}
        if tflite_view is not None:
            views["int8 .tflite (NeSsi)"] = tflite_view
    if args.json:
        print(complexity.to_json({title: view.summary() for title, view in views.items()}))
        return
    for title, view in views.items():
        print(f"## {args.model}: {title}\n\n{view.table()}\n{json.dumps(view.summary())}\n")


def cmd_mcu_test(args):
    from tfasc import features, mcu

    flatbuffer = _read_model(args.model)
    try:
        if args.wav:  # every clip is checked before the (long) vector run
            frontend = (
                features.as_config(args.frontend) if args.frontend else mcu.frontend_for(flatbuffer)
            )
            clips = [mcu.read_clip(path, frontend) for path in args.wav]
        result = mcu.mcu_test(
            flatbuffer,
            board=args.board,
            num_vectors=args.vectors,
            build_dir=args.build_dir,
            timeout=args.timeout,
        )
        print(mcu.summary(result))
        ok = result.bit_exact
        if args.wav:
            pipeline = mcu.mcu_pipeline(
                flatbuffer, frontend, clips, board=args.board, timeout=args.timeout
            )
            print(mcu.pipeline_summary(pipeline))
            ok = ok and pipeline.labels_match
    except mcu.ToolchainError as error:
        print(f"tfasc mcu-test: error: {error}", file=sys.stderr)
        raise SystemExit(2) from error
    if not ok:
        raise SystemExit(1)


def cmd_profile(args):
    from tfasc import atomic, mcu

    flatbuffer = _read_model(args.model)
    try:
        profile = mcu.profile_model(
            flatbuffer, board=args.board, kernels=args.kernels, sparse=args.sparse,
            build_dir=args.build_dir, timeout=args.timeout,
        )  # fmt: skip
    except mcu.ToolchainError as error:
        print(f"tfasc profile: error: {error}", file=sys.stderr)
        raise SystemExit(2) from error
    out = pathlib.Path(args.out or ".")
    stem = f"{pathlib.Path(args.model).stem}-{args.board}-profile"
    summary = {"model": str(args.model), **profile.summary()}
    atomic.write_json(out / f"{stem}.json", summary)
    _profile_chart(profile, f"{pathlib.Path(args.model).name} on {args.board}", out / f"{stem}.png")
    print(profile.table())
    print(f"wrote {out / stem}.json and {out / stem}.png")
    if not profile.bit_exact:
        raise SystemExit(1)


def _profile_chart(profile, title: str, path: pathlib.Path) -> None:
    """Bar charts of instructions and arena RAM per layer, one colour per op."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tfasc import atomic

    layers = profile.layers
    ops = sorted({layer.op for layer in layers})
    colours = {op: plt.cm.tab10(i % 10) for i, op in enumerate(ops)}
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(8, 0.22 * len(layers)), 7), sharex=True)
    x = range(len(layers))
    top.bar(x, [layer.instructions / 1e6 for layer in layers],
            color=[colours[layer.op] for layer in layers])  # fmt: skip
    top.set_ylabel("instructions (M)")
    top.set_title(f"{title}: {profile.instructions / 1e6:.1f} M instructions per inference "
                  f"({profile.kernels} kernels)")  # fmt: skip
    bottom.bar(x, [layer.ram_bytes / 1e3 for layer in layers],
               color=[colours[layer.op] for layer in layers])  # fmt: skip
    bottom.set_ylabel("arena in use (kB)")
    bottom.set_xlabel("layer")
    bottom.set_xticks(list(x), [str(layer.index) for layer in layers], fontsize=6)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[op]) for op in ops]
    top.legend(handles, ops, fontsize=7, ncol=3)
    fig.tight_layout()
    with atomic.writer(path, "wb") as f:
        fig.savefig(f, format="png", dpi=110)
    plt.close(fig)


def cmd_quickstart(args):
    from tfasc.quickstart import quickstart

    quickstart(
        args.out,
        size=args.size,
        slices=args.slices,
        epochs=args.epochs,
        model=args.model,
        seed=args.seed,
        board=args.board,
        vectors=args.vectors,
        overwrite=args.overwrite,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tfasc", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("synth", help="write a synthetic TAU 2022 Mobile data set")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--size",
        type=float,
        default=0.05,
        help="fraction of the TAU 2020 recordings (default 0.05)",
    )
    p.add_argument("--slices", type=int, default=10, help="1-s slices per 10-s recording")
    p.add_argument("--overwrite", action="store_true", help="replace a previous synth output")
    p.set_defaults(func=cmd_synth)

    p = commands.add_parser("train", help="train a model with model.fit from a TOML config")
    p.add_argument("config", help="TOML file with TrainConfig fields (see configs/)")
    p.add_argument("--data", help="data-set root (overrides data_root)")
    p.add_argument("--out", help="run directory (overrides out_dir)")
    p.add_argument("--model", help="registered model (overrides model)")
    p.add_argument("--epochs", type=_positive_int)
    p.add_argument("--split", type=int, help="DCASE2024 training subset in percent")
    p.add_argument("--strategy", choices=("default", "mirrored", "multi_worker"))
    p.add_argument(
        "--cpu-replicas", type=_positive_int, help="logical CPU devices for --strategy mirrored"
    )
    p.add_argument("--cache", help="feature cache directory")
    p.add_argument(
        "--skip-bad-files",
        action="store_true",
        help="skip unreadable audio and list it instead of stopping",
    )
    p.add_argument(
        "--long-clips",
        choices=("error", "slice"),
        help="audio longer than the clip length (10-s TAU 2020): stop, or cut into 1-s slices",
    )
    p.add_argument(
        "--teacher",
        action="append",
        metavar="RUN",
        help="teacher run of logit distillation (repeat for an ensemble)",
    )
    p.add_argument("--embedding-teacher", metavar="RUN", help="teacher run of embedding KD")
    p.add_argument("--embedding-loss", choices=("mse", "cosine"), help="embedding-KD loss")
    p.add_argument(
        "--overwrite", action="store_true", help="replace a run with other settings in --out"
    )
    p.set_defaults(func=cmd_train)

    p = commands.add_parser("translator", help="spectrogram-to-spectrogram device translation")
    translator_commands = p.add_subparsers(dest="translator_command", required=True)
    p = translator_commands.add_parser("train", help="train a device translator on parallel clips")
    p.add_argument("--data", required=True, help="TAU (or synthetic TAU) data-set root")
    p.add_argument("--frontend", default="dcase2022", help="front-end preset (dcase2022)")
    p.add_argument("--out", required=True, help="translator folder")
    p.add_argument("--devices", type=lambda t: t.split(","), help="targets (b,c,s1,s2,s3)")
    p.add_argument("--epochs", type=_positive_int)
    p.add_argument("--holdout", type=float, help="recordings held out to measure it (0.2)")
    p.add_argument("--seed", type=int)
    p.add_argument("--split", type=int, help="DCASE2024 training subset in percent")
    p.add_argument("--cache", help="feature cache directory")
    p.add_argument("--long-clips", choices=("error", "slice"), help="10-s TAU 2020 audio")
    p.add_argument("--overwrite", action="store_true", help="replace a non-empty --out")
    p.set_defaults(func=cmd_translator_train)

    p = commands.add_parser(
        "finetune-devices", help="per-device fine-tuned models of a run (DCASE2025), evaluated"
    )
    p.add_argument("run", help="run directory of the general model")
    p.add_argument("--epochs", type=_positive_int, help="epochs per device (default [finetune])")
    p.add_argument("--learning-rate", type=float, help="AdamW learning rate")
    p.add_argument("--weight-decay", type=float, help="AdamW weight decay")
    p.add_argument("--devices", type=lambda t: t.split(","), help="devices (default: all trained)")
    p.add_argument("--data", help="data-set root to evaluate on (default: the run's)")
    p.add_argument("--export", metavar="DIR", help="also write int8 models and device_models.h/.cc")
    p.add_argument(
        "--overwrite", action="store_true", help="replace device models of other settings"
    )
    p.set_defaults(func=cmd_finetune_devices)

    p = commands.add_parser("tune", help="budget-constrained architecture search (keras-tuner)")
    p.add_argument("config", help="TOML with TrainConfig tables and a [tune] table")
    p.add_argument("--data", help="data-set root (overrides [data] root)")
    p.add_argument("--out", help="search directory (overrides out_dir)")
    p.add_argument("--cache", help="feature cache directory")
    p.add_argument("--trials", type=_positive_int, help="overrides [tune] max_trials")
    p.add_argument("--epochs", type=_positive_int, help="overrides [tune] epochs per trial")
    p.add_argument("--oracle", choices=("random", "bayesian"), help="overrides [tune] oracle")
    p.add_argument(
        "--overwrite", action="store_true", help="replace a search with other settings in --out"
    )
    p.set_defaults(func=cmd_tune)

    p = commands.add_parser("evaluate", help="per-device x per-class results of a run")
    p.add_argument("run", help="run directory")
    p.add_argument("--data", help="data-set root (default: the run's)")
    p.add_argument("--checkpoint", choices=("best", "last"), default="best")
    p.add_argument("--tflite", help="evaluate this .tflite in the TFLM interpreter instead")
    p.set_defaults(func=cmd_evaluate)

    p = commands.add_parser(
        "compress", help="prune, quantization-aware train, export and verify a run's model"
    )
    p.add_argument("config", help="compression TOML (see tfasc/configs/*compress*.toml)")
    p.add_argument("--source", help="training run to compress (overrides the file)")
    p.add_argument("--out", help="compression run directory (overrides the file)")
    p.add_argument("--overwrite", action="store_true", help="replace a run with other settings")
    p.set_defaults(func=cmd_compress)

    p = commands.add_parser("export", help="convert a run's model to .tflite")
    p.add_argument("run", help="run directory")
    p.add_argument("--mode", choices=("float32", "dynamic", "int8"), default="int8")
    p.add_argument("--checkpoint", choices=("best", "last"), default="best")
    p.add_argument("--data", help="data-set root to calibrate on (default: the run's)")
    p.add_argument(
        "--calibration", type=_positive_int, default=200, help="int8 calibration clips (200)"
    )
    p.add_argument("--out", required=True, help="output .tflite")
    p.set_defaults(func=cmd_export)

    p = commands.add_parser("export-c", help="firmware sources (C arrays, settings) of a .tflite")
    p.add_argument("model", help="int8 .tflite model")
    p.add_argument("--frontend", required=True, help="front-end preset (dcase2022, dcase2024)")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--vectors", type=_positive_int, default=20, help="test vectors (default 20)")
    p.add_argument("--labels", help="comma-separated labels (default: the 10 TAU scenes)")
    p.set_defaults(func=cmd_export_c)

    p = commands.add_parser("models", help="list the registered models")
    p.set_defaults(func=cmd_models)

    p = commands.add_parser("complexity", help="parameters, MACs, memory of a model or .tflite")
    p.add_argument("model", help="registered model name, or a .tflite file")
    p.add_argument("--no-tflite", action="store_true", help="skip the int8 conversion")
    p.add_argument("--true-macs", action="store_true", help="for a .tflite: no NeSsi flatten quirk")
    p.add_argument("--json", action="store_true", help="totals as JSON")
    p.set_defaults(func=cmd_complexity)

    p = commands.add_parser("mcu-test", help="build a .tflite into firmware, run it in QEMU")
    p.add_argument("model", help="int8 .tflite file")
    p.add_argument("--board", default="mps2-an386", choices=("mps2-an386", "mps3-an547", "host"))
    p.add_argument(
        "--vectors", type=_positive_int, default=20, help="test vectors compared with TFLM"
    )
    p.add_argument(
        "--wav", nargs="+", help="also run 16-bit mono WAV clips through the C front end"
    )
    p.add_argument("--frontend", help="front-end preset of --wav (default: from the input shape)")
    p.add_argument("--build-dir", help="keep the generated sources and firmware here")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds for each QEMU run")
    p.set_defaults(func=cmd_mcu_test)

    p = commands.add_parser(
        "profile", help="instructions, RAM and flash per layer on an emulated board"
    )
    p.add_argument("model", help="int8 .tflite file")
    p.add_argument("--board", default="mps2-an386", choices=("mps2-an386", "mps3-an547"))
    p.add_argument(
        "--kernels", choices=("reference", "portable", "dsp", "mve"),
        help="what the ops call (default: the board's SIMD kernels)",
    )  # fmt: skip
    p.add_argument("--sparse", default="auto", choices=("auto", "never", "always"),
                   help="store pruned weights without zeros")  # fmt: skip
    p.add_argument("--out", help="folder of the JSON and PNG (default: the current one)")
    p.add_argument("--build-dir", help="keep the generated sources and firmware here")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds for the QEMU run")
    p.set_defaults(func=cmd_profile)

    p = commands.add_parser("quickstart", help="synthetic data -> train -> evaluate -> TFLM")
    p.add_argument("--out", default="quickstart", help="output directory")
    p.add_argument("--size", type=float, default=0.01, help="fraction of TAU 2020 recordings")
    p.add_argument("--slices", type=int, default=10, help="1-s slices per 10-s recording")
    p.add_argument("--epochs", type=_positive_int, default=12)
    p.add_argument("--model", default="dcase2022_baseline")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--board", default="mps2-an386", help="emulated board of the last step")
    p.add_argument("--vectors", type=_positive_int, default=3, help="test vectors on the board")
    p.add_argument(
        "--overwrite", action="store_true", help="replace a quickstart with other settings"
    )
    p.set_defaults(func=cmd_quickstart)

    return parser


def main(argv=None) -> int:
    """Runs one command; every expected failure is one ``tfasc CMD: error: ...`` line, exit 2."""
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (ValueError, OSError) as error:  # config, data, run, model errors; missing files
        print(f"tfasc {args.command}: error: {error}", file=sys.stderr)
        return 2
    except RuntimeError as error:  # a missing or failing toolchain
        from tfasc.mcu import ToolchainError

        if not isinstance(error, ToolchainError):
            raise
        print(f"tfasc {args.command}: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
