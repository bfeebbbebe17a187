"""Is synthetic TAU meaningful? The DCASE2022 baseline CNN trained on a default-size set.

Generates synthetic TAU (``tfasc synth`` defaults: size 0.05 of the TAU 2020 recordings,
10 1-s slices each), trains ``dcase2022_baseline`` with the library's ``model.fit`` path,
evaluates the best checkpoint on the evaluate fold (float and int8 in TFLM) and writes
``benchmarks/results/synthtau_baseline.json`` with accuracy and log loss per device, seen vs
unseen, beside the baseline's published per-device log loss on the real TAU 2022 data (mean of
10 runs, DCASE2022 Task 1 results page): the synthetic devices should be about as hard as
the real ones, not harsher.

    .venv/bin/python benchmarks/synthtau_baseline.py [--size 0.05] [--epochs 20] [--work DIR]
"""

import argparse
import math
import pathlib
import time

from tfasc import SCENES, atomic, config, evaluate, export, train
from tfasc.data import synth

PUBLISHED_LOG_LOSS = {
    "a": 1.109, "b": 1.439, "c": 1.374, "s1": 1.621, "s2": 1.559, "s3": 1.531,
    "s4": 1.813, "s5": 1.800, "s6": 1.931,
}  # fmt: skip
"""DCASE2022 baseline on the real TAU 2022 development set, log loss per device (published)."""

SEEN = ("a", "b", "c", "s1", "s2", "s3")
UNSEEN = ("s4", "s5", "s6")


def device_gap(log_loss: dict) -> dict:
    """Mean log loss of seen and unseen devices, their ratio, and the worst device's share of
    chance (ln 10)."""
    seen = sum(log_loss[d] for d in SEEN) / len(SEEN)
    unseen = sum(log_loss[d] for d in UNSEEN) / len(UNSEEN)
    worst = max(log_loss, key=log_loss.get)
    return {
        "seen_log_loss": round(seen, 3),
        "unseen_log_loss": round(unseen, 3),
        "unseen_over_seen": round(unseen / seen, 3),
        "worst_device": worst,
        "worst_over_chance": round(log_loss[worst] / math.log(len(SCENES)), 3),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--work", default="build/synthtau_baseline")
    parser.add_argument(
        "--out", default=pathlib.Path(__file__).parent / "results" / "synthtau_baseline.json"
    )
    args = parser.parse_args()

    work = pathlib.Path(args.work)
    start = time.time()
    data = synth.generate(work / "data", seed=args.seed, size=args.size)
    synth_seconds = time.time() - start

    start = time.time()
    settings = config.TrainConfig(
        data=config.DataConfig(root=str(work / "data"), cache_dir=str(work / "cache")),
        model=config.ModelConfig(name="dcase2022_baseline"),
        optimizer=config.OptimizerConfig(epochs=args.epochs),
        runtime=config.RuntimeConfig(seed=args.seed),
        out_dir=str(work / "run"),
    )
    result = train.train(settings)
    train_seconds = time.time() - start
    float_report = evaluate.evaluate_run(result.run_dir)
    int8_report = evaluate.evaluate_run(
        result.run_dir, tflite_model=export.export_run(result.run_dir)
    )
    print(evaluate.format_table(float_report))

    def summary(report):
        return {
            "accuracy": report["accuracy"],
            "macro_accuracy": report["macro_accuracy"],
            "log_loss": report["log_loss"],
            "seen_accuracy": report["seen_accuracy"],
            "unseen_accuracy": report["unseen_accuracy"],
            "per_device": {d: v["accuracy"] for d, v in report["per_device"].items()},
            "per_device_log_loss": {d: v["log_loss"] for d, v in report["per_device"].items()},
            "device_gap": device_gap({d: v["log_loss"] for d, v in report["per_device"].items()}),
            "per_class": report["per_class"],
        }

    atomic.write_json(
        args.out,
        {
            "command": f"python benchmarks/synthtau_baseline.py --size {args.size} "
            f"--epochs {args.epochs}",
            "device_model": synth.DEVICE_MODEL_VERSION,
            "model": "dcase2022_baseline",
            "size": args.size,
            "seed": args.seed,
            "epochs": args.epochs,
            "clips": data["clips"],
            "clips_by_fold": data["clips_by_fold"],
            "chance_accuracy": 1 / len(SCENES),
            "published_real_tau2022": {
                "per_device_log_loss": PUBLISHED_LOG_LOSS,
                "device_gap": device_gap(PUBLISHED_LOG_LOSS),
            },
            "float": summary(float_report),
            "int8_tflm": summary(int8_report),
            "synth_seconds": round(synth_seconds, 1),
            "train_seconds": round(train_seconds, 1),
        },
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
