"""The ablation: what each seed-system method adds, on synthetic TAU, over several seeds.

Rows (same data, front end, epochs and optimizer for every row; the BC-ResNet rows are
cumulative, each adds one method to the row above):

1. DCASE2022 baseline;
2. BC-ResNet-Mod (budget) without ResNorm; 3. + ResNorm; 4. + Freq-MixStyle; 5. + DIR
   (responses estimated from the parallel training recordings, p = 0.6); 6. + device
   translation (p = 0.3); 7. + logit KD (λ = 0.02, T = 2, one BC-ResNet-Mod teacher);
   8. + embedding KD (MSE on the teacher's classifier input);
9. Rep-Mobile and 10. DCASE2024 baseline, each with the best recipe: the augmentation and
   distillation settings of the row among 4-8 with the best mean of seen and unseen
   class-macro accuracy (chosen after those rows are done, on the evaluation fold: a
   reduced-scale study, there is no separate test set).

Scale (defaults; what was used is written into the results): synthetic TAU ``--size 0.02``
(2,840 training, 680 evaluation clips), the 40-mel ``dcase2022`` front end for every row
(1 s at 44.1 kHz, 40 x 51), 10 epochs, batch 64. BC-ResNet-Mod needs at least five
frequency bins in its last stages, so at 40 mels its stem max-pool is left out
(``stem_pool = 1``; the teacher is ``bcresnet_mod`` with the same change, 20 epochs).
Class-macro accuracy of the best checkpoint (float) on seen (a, b, c, s1-s3) and unseen
(s4-s6) devices, mean ± std over ``--seeds``.

Resumable: every finished (row, seed) is stored in ``benchmarks/results/ablation.json`` at
once; a rerun skips them, and an interrupted training run resumes from its last epoch.

    .venv/bin/python benchmarks/ablation.py [--seeds 3] [--size 0.02] [--epochs 10]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import time

from tfasc import atomic, config, evaluate, feature_cache, features, train
from tfasc.augment import translation
from tfasc.data import synth, tau

RESULTS = pathlib.Path(__file__).parent / "results" / "ablation.json"
FRONTEND = "dcase2022"
BCRESNET = {"name": "bcresnet_mod_budget", "args": {"stem_pool": 1}}
NO_MIXSTYLE = {"augment.mixstyle_p": 0.0}
RECIPE_ROWS = ("+ Freq-MixStyle", "+ DIR", "+ device translation", "+ logit KD",
               "+ embedding KD")  # fmt: skip


def rows(work: pathlib.Path) -> list[tuple[str, dict, dict]]:
    """``(row name, model, dotted settings)``; the BC-ResNet rows accumulate."""
    teacher = str(work / "teacher")
    steps = [
        ("BC-ResNet-Mod (budget) without ResNorm", {"args": {"resnorm": False}}, NO_MIXSTYLE),
        ("+ ResNorm", {}, NO_MIXSTYLE),
        ("+ Freq-MixStyle", {}, {"augment.mixstyle_p": 0.4}),
        ("+ DIR", {}, {"augment.dir": True}),
        ("+ device translation", {}, {"augment.translator": str(work / "translator")}),
        ("+ logit KD", {}, {"distill.teachers": [teacher]}),
        ("+ embedding KD", {}, {"distill.embedding_teacher": teacher}),
    ]
    table = [("DCASE2022 baseline", {"name": "dcase2022_baseline", "args": {}}, NO_MIXSTYLE)]
    settings = {}
    for name, model, changes in steps:
        settings = {**settings, **changes}
        args = {**BCRESNET["args"], **model.get("args", {})}
        table.append((name, {"name": BCRESNET["name"], "args": args}, settings))
    return table


def base_config(work: pathlib.Path, epochs: int) -> config.TrainConfig:
    return config.TrainConfig(
        data=config.DataConfig(root=str(work / "data"), cache_dir=str(work / "cache")),
        model=config.ModelConfig(frontend=FRONTEND),
        optimizer=config.OptimizerConfig(epochs=epochs),
    )


def configured(base: config.TrainConfig, model: dict, settings: dict, seed: int, out: str):
    return base.replace(**{
        "model.name": model["name"], "model.args": model["args"], "runtime.seed": seed,
        "out_dir": out, **settings,
    })  # fmt: skip


def measure(settings: config.TrainConfig) -> dict:
    start = time.monotonic()
    result = train.train(settings, progress=False)
    report = evaluate.evaluate_run(result.run_dir, progress=False)
    return {
        "seen": report["seen_macro_accuracy"],
        "unseen": report["unseen_macro_accuracy"],
        "macro_accuracy": report["macro_accuracy"],
        "per_device": {d: v["macro_accuracy"] for d, v in report["per_device"].items()},
        "seconds": round(time.monotonic() - start, 1),
    }


def prepare(work: pathlib.Path, base: config.TrainConfig, epochs: int, size: float) -> dict:
    """The data set, the teacher run and the device translator (each made once)."""
    info = synth.generate(work / "data", seed=0, size=size, progress=False)
    teacher = configured(base, {"name": "bcresnet_mod", "args": {"stem_pool": 1}},
                         NO_MIXSTYLE, 0, str(work / "teacher"))  # fmt: skip
    teacher = teacher.replace(**{"optimizer.epochs": 2 * epochs})
    teacher_result = measure(teacher)
    if not (work / "translator" / translation.MODEL_FILE).is_file():
        dataset = tau.load(work / "data")
        train_set = feature_cache.compute_features(
            dataset, dataset.fold("train"), features.preset(FRONTEND),
            cache_dir=work / "cache", description="train features",
        )  # fmt: skip
        translator = translation.train_translator(
            train_set, features.preset(FRONTEND), config.TranslatorConfig()
        )
        translator.save(work / "translator")
    report = json.loads((work / "translator" / translation.INFO_FILE).read_text())
    return {"clips_by_fold": info["clips_by_fold"], "teacher": teacher_result,
            "translator": report.get("report", report)}  # fmt: skip


def summarize(runs: dict, seeds: int) -> dict:
    values = {
        k: [runs[str(s)][k] for s in range(seeds) if str(s) in runs] for k in ("seen", "unseen")
    }
    n = len(values["seen"])

    def std(v):
        return statistics.stdev(v) if len(v) > 1 else 0.0

    return {
        "seeds": n,
        "seen_mean": statistics.mean(values["seen"]) if n else None,
        "seen_std": std(values["seen"]) if n else None,
        "unseen_mean": statistics.mean(values["unseen"]) if n else None,
        "unseen_std": std(values["unseen"]) if n else None,
    }


def markdown(results: dict) -> str:
    lines = ["| row | seen macro acc. | unseen macro acc. | seeds |", "|---|---:|---:|---:|"]
    for name, s in results["rows"].items():
        if not s["seeds"]:
            continue
        lines.append(
            f"| {name} | {100 * s['seen_mean']:.1f} ± {100 * s['seen_std']:.1f} % "
            f"| {100 * s['unseen_mean']:.1f} ± {100 * s['unseen_std']:.1f} % | {s['seeds']} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--size", type=float, default=0.02)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--work", default="build/ablation")
    parser.add_argument("--out", type=pathlib.Path, default=RESULTS)
    args = parser.parse_args()
    work = pathlib.Path(args.work).absolute()
    scale = {"size": args.size, "epochs": args.epochs, "frontend": FRONTEND, "batch_size": 64}
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    if results.get("scale") != scale:
        results = {"scale": scale, "rows": {}}
    results["command"] = (f"python benchmarks/ablation.py --seeds {args.seeds} --size {args.size} "
                          f"--epochs {args.epochs}")  # fmt: skip
    base = base_config(work, args.epochs)
    results["prepared"] = prepare(work, base, args.epochs, args.size)
    atomic.write_json(args.out, results)

    def run_row(name, model, settings):
        row = results["rows"].get(name, {})
        if (row.get("model"), row.get("settings")) != (model, settings):  # e.g. a new best recipe
            row = results["rows"][name] = {"model": model, "settings": settings, "runs": {}}
        for seed in range(args.seeds):
            if str(seed) in row["runs"]:
                continue
            slug = "".join(c if c.isalnum() else "_" for c in name).strip("_")
            out = str(work / "runs" / f"{slug}_seed{seed}")
            row["runs"][str(seed)] = measure(configured(base, model, settings, seed, out))
            row.update(summarize(row["runs"], args.seeds))
            atomic.write_json(args.out, results)
            print(f"{name} seed {seed}: {row['runs'][str(seed)]}", flush=True)
        row.update(summarize(row["runs"], args.seeds))

    table = rows(work)
    for name, model, settings in table:
        run_row(name, model, settings)
    recipes = {name: settings for name, _, settings in table}

    def score(name):
        s = results["rows"][name]
        return (s["seen_mean"] + s["unseen_mean"]) / 2

    best = max(RECIPE_ROWS, key=score)
    results["best_recipe"] = best
    for name, model in (("Rep-Mobile, best recipe", "rep_mobile"),
                        ("DCASE2024 baseline, best recipe", "dcase2024_baseline")):  # fmt: skip
        run_row(name, {"name": model, "args": {}}, recipes[best])
    atomic.write_json(args.out, results)
    print(f"best recipe: {best}")
    print(markdown(results))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
