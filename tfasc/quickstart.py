"""The quickstart: the whole product on a small synthetic TAU set, from audio to the board.

synthetic TAU -> features -> ``model.fit`` -> evaluation -> int8 in TFLite Micro -> firmware
on an emulated Cortex-M (test vectors bit-exact with TFLM, and one WAV clip through the C
front end and the model on the board, its label beside the Python pipeline's).

Everything goes to one folder whose ``quickstart.json`` records the settings; a second
quickstart into the same folder with other settings is refused before anything in it
changes (``overwrite=True`` / ``--overwrite`` replaces it).
"""

from __future__ import annotations

import json
import pathlib
import time

import numpy as np

from tfasc import SCENES, atomic, evaluate, export, mcu, tflm, train
from tfasc import run as runs
from tfasc.config import DataConfig, ModelConfig, OptimizerConfig, RuntimeConfig, TrainConfig
from tfasc.data import audio, synth

SETTINGS_FILE = "quickstart.json"

METRICS = ("accuracy", "macro_accuracy", "log_loss", "seen_accuracy", "unseen_accuracy")


def _check_settings(out: pathlib.Path, settings: dict, overwrite: bool) -> None:
    path = out / SETTINGS_FILE
    if not path.is_file():
        if out.exists() and any(out.iterdir()) and not overwrite:
            raise runs.RunError(
                f"{out}: exists, is not empty and holds no {SETTINGS_FILE}; choose a new --out"
            )
        return
    try:
        previous = json.loads(path.read_text())
    except (OSError, ValueError):
        previous = {}
    if previous != settings and not overwrite:
        changes = runs.differences(previous, settings)
        raise runs.RunMismatchError(
            f"{out}: holds a quickstart made with other settings ({'; '.join(changes)}); "
            "pass --overwrite to replace it, or choose a new --out"
        )


def _on_board(flatbuffer, frontend, eval_set, dataset, board: str, vectors: int, log) -> dict:
    """Test vectors bit-exact on ``board`` and one WAV clip through the C front end."""
    interpreter = tflm.TFLMModel(flatbuffer)
    inputs = interpreter.input_quantization.quantize(eval_set.features[:vectors])
    result = mcu.mcu_test(flatbuffer, board=board, inputs=inputs)
    log(mcu.summary(result))
    wav = dataset.path(str(eval_set.filenames[0]))
    clip = audio.to_pcm16(audio.read_audio(wav, frontend.sample_rate))[: frontend.num_samples]
    pipeline = mcu.mcu_pipeline(flatbuffer, frontend, [clip], board=board)
    on_board, in_python = SCENES[pipeline.labels[0]], SCENES[pipeline.expected_labels[0]]
    log(f"{wav.name} on {board}: label {on_board!r} (C front end + model), {in_python!r} in Python")
    return {
        "board": board,
        "vectors": len(inputs),
        "bit_exact_vectors": len(inputs) - result.mismatches,
        "flash_bytes": result.flash_bytes,
        "ram_bytes": result.ram_bytes,
        "arena_bytes": result.arena_bytes,
        "instructions_per_inference": result.instructions_per_inference,
        "clip": wav.name,
        "clip_label_on_board": on_board,
        "clip_label_in_python": in_python,
        "frontend_instructions_per_clip": int(np.median(pipeline.frontend_instructions)),
        "model_instructions_per_clip": int(np.median(pipeline.model_instructions)),
    }


def quickstart(
    out_dir="quickstart",
    *,
    size: float = 0.01,
    slices: int = 10,
    epochs: int = 12,
    model: str = "dcase2022_baseline",
    seed: int = 0,
    board: str = "mps2-an386",
    vectors: int = 3,
    overwrite: bool = False,
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
        board: emulated board of the last step (``tfasc.mcu.BOARDS``).
        vectors: evaluation clips run on the board and compared with TFLM bit for bit.
        overwrite: replace a quickstart with other settings in ``out_dir``.
        progress: progress bars.
        log: where the step lines go.

    Raises:
        tfasc.run.RunMismatchError: ``out_dir`` holds a quickstart with other settings.
        tfasc.mcu.ToolchainError: the Arm toolchain or QEMU is missing (``tools/setup.sh``
            installs them).
    """
    out = pathlib.Path(out_dir).absolute()
    settings = {"size": size, "slices": slices, "epochs": epochs, "model": model, "seed": seed}
    _check_settings(out, settings, overwrite)
    train_config = TrainConfig(
        data=DataConfig(root=str(out / "data"), cache_dir=str(out / "cache")),
        model=ModelConfig(name=model),
        optimizer=OptimizerConfig(epochs=epochs),
        runtime=RuntimeConfig(seed=seed),
        out_dir=str(out / "run"),
    )
    if board not in mcu.BOARDS:
        raise ValueError(f"unknown board {board!r}; allowed: {', '.join(mcu.BOARDS)}")
    timings = {}

    def step(name, start):
        timings[name] = round(time.time() - start, 1)
        log(f"[tfasc quickstart] {name}: {timings[name]} s")

    start = time.time()
    data = synth.generate(out / "data", seed=seed, size=size, slices_per_recording=slices,
                          progress=progress, overwrite=True)  # fmt: skip
    atomic.write_json(out / SETTINGS_FILE, settings)
    step("synthetic TAU", start)

    start = time.time()
    result = train.train(train_config, overwrite=True, progress=progress)
    step("features + training", start)

    start = time.time()
    float_report = evaluate.evaluate_run(result.run_dir, progress=progress)
    for name, content in evaluate.report_files(float_report).items():
        atomic.write_bytes(result.run_dir / name, content)
    step("evaluation", start)
    log(evaluate.format_table(float_report))

    start = time.time()
    flatbuffer = export.export_run(result.run_dir)
    atomic.write_bytes(out / "model_int8.tflite", flatbuffer)
    tflm_report = evaluate.evaluate_run(result.run_dir, tflite_model=flatbuffer, progress=False)
    for name, content in evaluate.report_files(tflm_report, "evaluation_tflm").items():
        atomic.write_bytes(result.run_dir / name, content)
    interpreter = tflm.TFLMModel(flatbuffer)
    step("int8 TFLite in TFLM", start)

    start = time.time()
    run = runs.load(result.run_dir)
    eval_set = run.features("evaluate", progress=False)
    board_summary = _on_board(
        flatbuffer, run.frontend, eval_set, run.dataset(), board, vectors, log
    )
    step(f"firmware on {board}", start)

    summary = {
        "model": model,
        "data": str(out / "data"),
        "clips": data["clips_by_fold"],
        "float": {k: float_report[k] for k in (*METRICS, "accuracy_95ci")},
        "int8_tflm": {k: tflm_report[k] for k in (*METRICS, "accuracy_95ci")},
        "tflite_bytes": len(flatbuffer),
        "tflm_arena_bytes": interpreter.arena_used(),
        "mcu": board_summary,
        "seconds": timings,
    }
    atomic.write_json(out / "summary.json", summary)
    low, high = summary["float"]["accuracy_95ci"]
    log(
        f"[tfasc quickstart] float accuracy {100 * summary['float']['accuracy']:.1f} % "
        f"(95 % interval {100 * low:.0f}-{100 * high:.0f} % on {float_report['count']} clips), "
        f"int8 in TFLM {100 * summary['int8_tflm']['accuracy']:.1f} %; "
        f"{len(flatbuffer):,} B model, {summary['tflm_arena_bytes']:,} B TFLM arena"
    )
    m = board_summary
    log(
        f"[tfasc quickstart] {board}: {m['bit_exact_vectors']}/{m['vectors']} vectors bit-exact "
        f"with TFLM, flash {m['flash_bytes'] / 1000:.1f} kB, RAM {m['ram_bytes'] / 1000:.1f} kB, "
        f"{m['instructions_per_inference'] / 1e6:.1f} M instructions per inference "
        f"(+ {m['frontend_instructions_per_clip'] / 1e6:.1f} M for the C front end); "
        f"total {sum(timings.values()):.0f} s"
    )
    return summary
