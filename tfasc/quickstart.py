"""The quickstart: synthetic TAU -> features -> train -> evaluate -> int8 in TFLite Micro."""

from __future__ import annotations

import pathlib
import time

from tfasc import evaluate, export, tflm, train
from tfasc.data import synth


def quickstart(
    out_dir="quickstart",
    *,
    size: float = 0.01,
    slices: int = 10,
    epochs: int = 12,
    model: str = "dcase2022_baseline",
    seed: int = 0,
    progress: bool = True,
    log=print,
) -> dict:
    """Runs the whole pipeline on a small synthetic TAU and returns a summary.

    Args:
        out_dir: everything goes here: ``data/``, ``cache/``, ``run/``, ``model_int8.tflite``,
            ``summary.json``.
        size: fraction of the TAU 2020 recordings to synthesize (0.01: about 2,400 1-s clips).
        slices: 1-s slices per 10-s recording.
        epochs: training epochs.
        model: registered model name.
        seed: seed of data and training.
        progress: progress bars.
        log: where the step lines go.
    """
    out = pathlib.Path(out_dir)
    timings = {}

    def step(name, start):
        timings[name] = round(time.time() - start, 1)
        log(f"[tfasc quickstart] {name}: {timings[name]} s")

    start = time.time()
    data_dir = out / "data"
    data = synth.generate(
        data_dir,
        seed=seed,
        size=size,
        slices_per_recording=slices,
        progress=progress,
        overwrite=True,
    )
    step("synthetic TAU", start)

    start = time.time()
    config = train.TrainConfig(
        data_root=str(data_dir),
        out_dir=str(out / "run"),
        model=model,
        epochs=epochs,
        seed=seed,
        cache_dir=str(out / "cache"),
    )
    result = train.train(config, progress=progress)
    step("features + training", start)

    start = time.time()
    float_report = evaluate.evaluate_run(result.run_dir, progress=progress)
    step("evaluation", start)
    log(evaluate.format_table(float_report))

    start = time.time()
    flatbuffer = export.export_run(result.run_dir, "int8")
    tflite_path = out / "model_int8.tflite"
    tflite_path.write_bytes(flatbuffer)
    tflm_report = evaluate.evaluate_run(result.run_dir, tflite_model=flatbuffer, progress=False)
    interpreter = tflm.TFLMModel(flatbuffer)
    step("int8 TFLite in TFLM", start)

    summary = {
        "model": model,
        "data": str(data_dir),
        "clips": data["clips_by_fold"],
        "float": {
            k: float_report[k]
            for k in ("accuracy", "macro_accuracy", "log_loss", "seen_accuracy", "unseen_accuracy")
        },
        "int8_tflm": {
            k: tflm_report[k]
            for k in ("accuracy", "macro_accuracy", "log_loss", "seen_accuracy", "unseen_accuracy")
        },
        "tflite_bytes": len(flatbuffer),
        "tflm_arena_bytes": interpreter.arena_used(),
        "seconds": timings,
    }
    evaluate.write_json(summary, out / "summary.json")
    log(
        f"[tfasc quickstart] float accuracy {100 * summary['float']['accuracy']:.1f} % "
        f"(macro {100 * summary['float']['macro_accuracy']:.1f} %), int8 in TFLM "
        f"{100 * summary['int8_tflm']['accuracy']:.1f} %; {len(flatbuffer)} B model, "
        f"{summary['tflm_arena_bytes']} B arena; total {sum(timings.values()):.0f} s"
    )
    return summary
