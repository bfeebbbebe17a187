"""Where a QAT model and its own int8 model part: tensor by tensor, with and without emulation.

Takes a finished row of ``benchmarks/compression.py`` (its compression run directory in
``--work``), trains the QAT stage again exactly as the pipeline does
(:func:`tfasc.compression.pipeline.train_quantization_aware`, same seed and settings),
exports it, and compares the QAT model with the int8 model in TFLM
(:func:`tfasc.compression.int8_error.qat_mismatch`): once as trained (the int8 kernels'
rounding emulated, :mod:`tfasc.compression.fake_quant`) and once with that emulation off
(a float op followed by a fake quantization, as before the emulation). Also the top-1
agreement of each with the int8 model on every evaluation clip, and the same QAT stage
trained without the emulation. Writes one entry per row to
``benchmarks/results/qat_mismatch.json`` and prints the Markdown table.

    .venv/bin/python benchmarks/qat_mismatch.py [--row bcresnet_mod_budget/scratch] [--clips 100]
"""

import argparse
import contextlib
import json
import pathlib

import numpy as np

from tfasc import atomic, config, tflm
from tfasc import run as runs
from tfasc.compression import fake_quant, int8_error, pipeline, qat
from tfasc.keras import keras

OUT = pathlib.Path(__file__).parent / "results" / "qat_mismatch.json"


def measure(row_dir: pathlib.Path, clips: int) -> dict:
    settings = json.loads((row_dir / pipeline.STATE_FILE).read_text())["config"]
    compress_config = config.CompressConfig.from_dict(settings, str(row_dir))
    source = runs.load(compress_config.source)
    train_set = source.features("train", progress=False)
    evaluate_set = source.features("evaluate", progress=False)
    calibration = pipeline.calibration_clips(compress_config, train_set)
    pruned = row_dir / "pruned.keras"
    model = keras.models.load_model(pruned if pruned.is_file() else row_dir / "dense.keras")
    teacher = row_dir / "teacher.npy"  # the pipeline distills from it when it is there
    teacher = np.load(teacher) if teacher.is_file() else None

    def trained(emulate_int8):
        qat_model, trainable, _ = pipeline.train_quantization_aware(
            compress_config, model, train_set, calibration, teacher, emulate_int8=emulate_int8
        )
        flatbuffer, _, how = qat.export_int8(qat_model, trainable, calibration)
        qat_model.make_predict_function(force=True)  # the emulation is read when traced
        labels = tflm.TFLMModel(flatbuffer).predict(evaluate_set.features).argmax(axis=1)
        return qat_model, flatbuffer, how, labels

    def qat_labels(qat_model, flatbuffer):  # on the int8 model's own inputs, as the pipeline
        inputs = tflm.TFLMModel(flatbuffer).input_quantization.on_grid(evaluate_set.features)
        return qat_model.predict(inputs, verbose=0).argmax(axis=1)

    def accuracy(labels):
        return float(np.mean(labels == evaluate_set.labels))

    qat_model, flatbuffer, how, int8_labels = trained(True)
    result = {"export": how, "clips_compared": clips, "evaluation_clips": len(evaluate_set),
              "int8_accuracy": accuracy(int8_labels)}  # fmt: skip
    for mode in ("emulated", "plain"):
        plain = mode == "plain"
        with fake_quant.without_emulation(qat_model) if plain else contextlib.nullcontext():
            qat_model.make_predict_function(force=True)
            labels = qat_labels(qat_model, flatbuffer)
            rows = int8_error.qat_mismatch(qat_model, flatbuffer, evaluate_set.features[:clips])
        result[mode] = {
            "agreement": float(np.mean(labels == int8_labels)),
            "qat_accuracy": accuracy(labels),
            "tensors": [row.__dict__ for row in rows],
        }
    # The same QAT stage trained without the emulation (evaluated with it, as exported).
    other, other_flatbuffer, _, other_int8 = trained(False)
    labels = qat_labels(other, other_flatbuffer)
    result["trained_without_emulation"] = {
        "int8_accuracy": accuracy(other_int8),
        "qat_accuracy": accuracy(labels),
        "agreement": float(np.mean(labels == other_int8)),
    }
    return result


def table(result: dict) -> str:
    """Markdown: identical fraction / largest difference per tensor, plain vs emulated."""
    plain = {r["tensor"]: r for r in result["plain"]["tensors"]}  # one row's result
    lines = ["| tensor | int8 op | identical, max steps: plain | emulated |", "|---|---|---:|---:|"]
    for r in result["emulated"]["tensors"]:
        p = plain[r["tensor"]]
        lines.append(f"| `{r['tensor']}` | {r['op']} | {100 * p['equal']:.1f} % / {p['max_steps']} "
                     f"| {100 * r['equal']:.1f} % / {r['max_steps']} |")  # fmt: skip
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--row", default="bcresnet_mod_budget/scratch")
    parser.add_argument("--work", default="build/compression")
    parser.add_argument("--clips", type=int, default=100)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    row_dir = pathlib.Path(args.work).absolute() / args.row.replace("/", "__")
    out = pathlib.Path(args.out)
    saved = json.loads(out.read_text()) if out.is_file() else {}
    rows = saved.get("rows", {})
    rows[args.row] = result = measure(row_dir, args.clips)
    synth_summary = pathlib.Path(args.work) / "data" / "synth.json"
    if synth_summary.is_file():  # the data the row was trained on (benchmarks/compression.py)
        result["size"] = json.loads(synth_summary.read_text())["size"]
    atomic.write_json(out, {"command": "python benchmarks/qat_mismatch.py --row ROW", "rows": rows})
    for mode in ("plain", "emulated", "trained_without_emulation"):
        print(f"{mode}: agreement {100 * result[mode]['agreement']:.1f} %, QAT accuracy "
              f"{100 * result[mode]['qat_accuracy']:.1f} %")  # fmt: skip
    print(
        f"int8 accuracy {100 * result['int8_accuracy']:.1f} % (trained without emulation: "
        f"{100 * result['trained_without_emulation']['int8_accuracy']:.1f} %)"
    )
    print(table(result))


if __name__ == "__main__":
    main()
