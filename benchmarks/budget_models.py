"""Trained DCASE-budget models: float vs int8 (TFLM) accuracy, and the int8 model on a board.

Trains each model with the library's ``model.fit`` path on the default-size synthetic TAU
of ``benchmarks/synthtau_baseline.py`` (generated if missing), evaluates the best
checkpoint as a Keras model and as a full-int8 model in the TFLite Micro interpreter, then
runs the int8 model on the QEMU Cortex-M4F board with real evaluation features as inputs
and compares every output with TFLM bit for bit. Writes
``benchmarks/results/budget_models.json``.

    .venv/bin/python benchmarks/budget_models.py [--epochs 10] [--models a,b]
"""

import argparse
import json
import pathlib
import time

import numpy as np

from tfasc import atomic, config, evaluate, export, mcu, tflm, train
from tfasc.data import synth

MODELS = ("dcase2022_baseline", "dcase2024_baseline", "rep_mobile", "bcresnet_mod_budget")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--size", type=float, default=0.05)
    parser.add_argument("--board", default="mps2-an386")
    parser.add_argument("--vectors", type=int, default=20)
    parser.add_argument("--work", default="build/synthtau_baseline")
    parser.add_argument(
        "--out", default=pathlib.Path(__file__).parent / "results" / "budget_models.json"
    )
    args = parser.parse_args()

    work = pathlib.Path(args.work)
    synth.generate(work / "data", seed=0, size=args.size)
    out = pathlib.Path(args.out)
    results = json.loads(out.read_text())["models"] if out.is_file() else {}
    for name in args.models.split(","):
        start = time.time()
        settings = config.TrainConfig(
            data=config.DataConfig(root=str(work / "data"), cache_dir=str(work / "cache")),
            model=config.ModelConfig(name=name),
            optimizer=config.OptimizerConfig(epochs=args.epochs),
            out_dir=str(work / f"run_{name}_{args.epochs}"),
        )
        result = train.train(settings)
        float_report = evaluate.evaluate_run(result.run_dir)
        flatbuffer = export.export_run(result.run_dir)
        int8_report = evaluate.evaluate_run(result.run_dir, tflite_model=flatbuffer)

        evaluate_set = result.run.features("evaluate")
        order = np.random.default_rng(0).permutation(len(evaluate_set))[: args.vectors]
        features = evaluate_set.features[order]
        interpreter = tflm.TFLMModel(flatbuffer)
        board = mcu.mcu_test(
            flatbuffer, board=args.board, inputs=interpreter.input_quantization.quantize(features)
        )
        float_labels = np.argmax(result.run.load_model().predict(features, verbose=0), axis=1)
        int8_labels = np.argmax(board.outputs, axis=1)
        results[name] = {
            "epochs": args.epochs,
            "float": {k: float_report[k] for k in ("accuracy", "macro_accuracy", "log_loss",
                                                   "seen_accuracy", "unseen_accuracy")},
            "int8_tflm": {k: int8_report[k] for k in ("accuracy", "macro_accuracy", "log_loss",
                                                      "seen_accuracy", "unseen_accuracy")},
            "board": args.board,
            "board_vectors": len(features),
            "board_bit_exact_with_tflm": board.bit_exact,
            "board_label_agreement_with_float": float(np.mean(float_labels == int8_labels)),
            "instructions_per_inference": board.instructions_per_inference,
            "seconds": round(time.time() - start, 1),
        }  # fmt: skip
        print(name, json.dumps(results[name], indent=1))
        atomic.write_json(
            out,
            {"command": "python benchmarks/budget_models.py", "size": args.size, "models": results},
        )


if __name__ == "__main__":
    main()
