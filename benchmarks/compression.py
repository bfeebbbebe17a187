"""Compression of the zoo models: pruning (one-shot, progressive, structured), QAT, int8.

Trains each dense model with ``tfasc.train`` on a synthetic TAU set, compresses it with the
``tfasc compress`` pipeline (:func:`tfasc.compress.compress_and_verify`) and writes one row
per (model, method) to ``benchmarks/results/compression.json``: float, pruned, QAT-int8 and
PTQ-int8 accuracy (seen / unseen), parameters, non-zero parameters and KB, sparsity, TFLM
arena, flash and instructions on both boards, int8-vs-float agreement. Every finished row
is cached in the JSON (a rerun resumes), every training and compression run in ``--work``.

    .venv/bin/python benchmarks/compression.py [--size 0.02] [--rows a,b] [--vectors 5]
"""

import argparse
import json
import pathlib
import sys
import time

import numpy as np

from tfasc import atomic, config, train
from tfasc.compress import compress_and_verify
from tfasc.data import synth

OUT = pathlib.Path(__file__).parent / "results" / "compression.json"

# name: (model, dense epochs, compression settings, seed)
ROWS = {
    "bcresnet_mod_budget/scratch": ("bcresnet_mod_budget", 4, {
        "prune": {"method": "none"}, "qat": {"epochs": 1}}, 0),
    **{f"dcase2022_baseline/{method}_75/seed{seed}": ("dcase2022_baseline", 6, {
        "prune": {"method": method, "schedule": "constant", "sparsity": 0.75, "steps": 3,
                  "epochs": 3, "learning_rate": 5e-4},
        "qat": {"enabled": False}, "seed": seed}, seed)
       for seed in (0, 1, 2) for method in ("one_shot", "progressive")},
    **{f"bcresnet_mod/61kb{suffix}": ("bcresnet_mod", 3, {
        "prune": {"method": "one_shot", "schedule": "polynomial", "target_nonzero": 61000,
                  "epochs": 2, "learning_rate": 5e-4, "prune_depthwise": depthwise},
        "qat": {"epochs": 1}}, 0) for suffix, depthwise in (("", False), ("_dw", True))},
    "bcresnet_mod/structured": ("bcresnet_mod", 3, {
        "prune": {"method": "structured", "epochs": 3, "learning_rate": 1e-3},
        "qat": {"epochs": 1, "preserve_sparsity": False}}, 0),
    "dcase2024_baseline/one_shot_50": ("dcase2024_baseline", 4, {
        "prune": {"method": "one_shot", "sparsity": 0.5, "epochs": 2}, "qat": {"epochs": 1}}, 0),
    "rep_mobile/progressive_50": ("rep_mobile", 4, {
        "prune": {"method": "progressive", "sparsity": 0.5, "steps": 2, "epochs": 2},
        "qat": {"epochs": 1}}, 0),
}  # fmt: skip
"""Benchmark rows. The dcase2022_baseline rows compare progressive with one-shot pruning at
the same final sparsity and the same total fine-tuning epochs, over 3 seeds; ``61kb_dw``
prunes the depthwise kernels too (what every row did before ``prune_depthwise``)."""


def _row(report: dict, seconds: float) -> dict:
    int8 = report.get("qat_int8") or report.get("ptq_int8")
    compressed = report["complexity"]["compressed"]
    return {
        "method": report["method"],
        "float": report["float"],
        "pruned": report["pruned"],
        "qat_int8": report["qat_int8"]["int8"] if "qat_int8" in report else None,
        "ptq_int8": report["ptq_int8"]["int8"] if "ptq_int8" in report else None,
        "ptq_agreement": report.get("ptq_int8", {}).get("agreement"),
        "agreement": int8["agreement"],
        "params": compressed["params"],
        "macs": compressed["macs"],
        "nonzero_params": compressed["nonzero_params"],
        "nonzero_kb": compressed["nonzero_kb"],
        "sparsity": compressed["sparsity"],
        "within_dcase_budget": compressed["within_dcase_budget"],
        "dense_params": report["complexity"]["dense"]["params"],
        "dense_macs": report["complexity"]["dense"]["macs"],
        "litert_equals_tflm": int8["litert_equals_tflm"],
        "litert_optimized_max_lsb": int8.get("litert_optimized_max_lsb"),
        "litert_max_lsb": int8.get("litert_max_lsb"),
        "litert_mismatched_outputs": int8.get("litert_mismatched_outputs"),
        "tflm_arena_kb": int8["tflm_arena_bytes"] / 1000,
        "boards": int8["boards"],
        "seconds": round(seconds, 1),
    }


def _summary(rows: dict) -> dict:
    progressive = {}
    for name, row in rows.items():
        if "/seed" in name:
            key = name.split("/")[1]
            progressive.setdefault(key, []).append(row["pruned"]["accuracy"])
    return {
        "agreement": {name: row["agreement"] for name, row in rows.items()},
        "nonzero_kb": {name: row["nonzero_kb"] for name, row in rows.items()},
        "progressive_vs_one_shot": {
            key: {"mean": float(np.mean(v)), "std": float(np.std(v)), "seeds": len(v)}
            for key, v in progressive.items()
        },
    }


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _groups(acc) -> str:
    return "–" if acc is None else f"{_pct(acc['seen_accuracy'])} / {_pct(acc['unseen_accuracy'])}"


def table(results: dict) -> str:
    """The README table of a results file."""
    lines = [
        "| row | float acc | pruned acc | QAT-int8 acc | PTQ-int8 acc | int8 seen / unseen "
        "| params | MACs | non-zero | non-zero KB | sparsity | arena KB | flash kB (M4 / M55) "
        "| M instr. (M4 / M55) | agreement |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results["rows"].items():
        int8 = r["qat_int8"] or r["ptq_int8"]
        boards = [r["boards"].get(b) for b in ("mps2-an386", "mps3-an547")]
        flash = " / ".join("–" if b is None else f"{b['flash_bytes'] / 1000:.0f}" for b in boards)
        instr = " / ".join(
            "–" if b is None else f"{b['instructions_per_inference'] / 1e6:.1f}" for b in boards
        )
        lines.append(
            f"| {name} | {_pct(r['float']['accuracy'])} | {_pct(r['pruned']['accuracy'])} "
            f"| {_pct((r['qat_int8'] or {}).get('accuracy'))} "
            f"| {_pct((r['ptq_int8'] or {}).get('accuracy'))} | {_groups(int8)} "
            f"| {r['params']:,} | {r['macs'] / 1e6:.2f} M | {r['nonzero_params']:,} "
            f"| {r['nonzero_kb']:.1f} | {_pct(r['sparsity'])} % | {r['tflm_arena_kb']:.1f} "
            f"| {flash} | {instr} | {_pct(r['agreement'])} % |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", action="store_true", help="print the README table and stop")
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--size", type=float, default=0.02)
    parser.add_argument("--vectors", type=int, default=5)
    parser.add_argument("--work", default="build/compression")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    if args.table:
        print(table(json.loads(pathlib.Path(args.out).read_text())))
        return

    work = pathlib.Path(args.work).absolute()
    data = synth.generate(work / "data", seed=0, size=args.size, progress=False)
    out = pathlib.Path(args.out)
    saved = json.loads(out.read_text()) if out.is_file() else {}
    rows = saved.get("rows", {})
    for name in args.rows.split(","):
        if name in rows:
            continue
        model, epochs, settings, seed = ROWS[name]
        start = time.time()
        dense = train.train(config.TrainConfig(
            data=config.DataConfig(root=str(work / "data"), cache_dir=str(work / "cache")),
            model=config.ModelConfig(name=model),
            optimizer=config.OptimizerConfig(epochs=epochs),
            runtime=config.RuntimeConfig(seed=seed),
            out_dir=str(work / f"run_{model}_{epochs}_seed{seed}"),
        ), progress=False)  # fmt: skip
        values = {"source": str(dense.run_dir), "out_dir": str(work / name.replace("/", "__")),
                  "verify": {"vectors": args.vectors}, **settings}  # fmt: skip
        _, report = compress_and_verify(config.CompressConfig.from_dict(values, name))
        rows[name] = {"model": model, "dense_epochs": epochs, "settings": settings,
                      **_row(report, time.time() - start)}  # fmt: skip
        print(name, json.dumps(rows[name]), flush=True)
        atomic.write_json(out, {
            "command": " ".join(["python benchmarks/compression.py", *sys.argv[1:]]),
            "scale": {"size": args.size, "clips": data["clips"],
                      "clips_by_fold": data["clips_by_fold"], "board_vectors": args.vectors,
                      "note": "CPU-only short runs on synthetic TAU: compare methods within "
                              "a model, not the absolute accuracies"},
            "rows": rows,
            "summary": _summary(rows),
        })  # fmt: skip


if __name__ == "__main__":
    main()
