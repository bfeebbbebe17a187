"""Parameters, MACs, int8 size and DCASE-budget check of every registered model.

Writes ``benchmarks/results/complexity.json``; ``--markdown`` also prints the README table.
Re-parameterizable models (Rep-Mobile) are counted in their deploy form.

    python benchmarks/complexity.py [--models a,b] [--no-tflite] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

from tfasc import atomic, complexity, models

RESULTS = pathlib.Path(__file__).parent / "results" / "complexity.json"


def model_record(
    keras_view: complexity.Complexity, tflite_view: complexity.Complexity | None
) -> dict:
    """One model's entry of ``benchmarks/results/complexity.json``."""
    record = {
        "params": keras_view.params,
        "macs": keras_view.macs,
        "int8_kb": round(keras_view.param_bytes / 1000, 1),
        "peak_activation_bytes": keras_view.peak_activation_bytes,
        "within_dcase_budget": keras_view.within_budget(),
    }
    if tflite_view is not None:
        record["tflite_int8"] = {
            "param_bytes": tflite_view.param_bytes,
            "param_bytes_by_dtype": dict(tflite_view.param_bytes_by_dtype),
            "other_constant_bytes": tflite_view.other_constant_bytes,
            "nessi_macs": tflite_view.macs,
            "peak_activation_bytes": tflite_view.peak_activation_bytes,
            "ops": list(tflite_view.ops),
            "within_dcase_budget": tflite_view.within_budget(),
        }
    return record


def markdown_table(records: dict) -> str:
    """README table from ``{model: model_record(...)}``."""
    lines = [
        "| model | params | MACs | int8 KB | int8 .tflite bytes | NeSsi MACs | DCASE budget |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for name in sorted(records):
        r = records[name]
        if "error" in r:
            lines.append(f"| `{name}` | | | | | | error: {r['error']} |")
            continue
        t = r.get("tflite_int8") or {}
        tflite_bytes = f"{t['param_bytes']:,}" if t else ""
        nessi = f"{t['nessi_macs']:,}" if t else ""
        budget = "yes" if r["within_dcase_budget"] else "no"
        lines.append(
            f"| `{name}` | {r['params']:,} | {r['macs']:,} | {r['int8_kb']:.1f} "
            f"| {tflite_bytes} | {nessi} | {budget} |"
        )
    lines.append("")
    lines.append(
        "params: trainable parameters of the deploy form; MACs: torchinfo convention; "
        "int8 KB: one byte per parameter (kB = 1000 B); int8 .tflite bytes: weight and bias "
        "constants of the int8 file (BN folded, int32 biases); budget: ≤ 128 kB and ≤ 30 M MACs."
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", help="comma-separated registry names (default: all)")
    parser.add_argument("--no-tflite", action="store_true", help="skip the int8 conversion")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--output", type=pathlib.Path, default=RESULTS)
    args = parser.parse_args(argv)

    names = args.models.split(",") if args.models else models.available()
    records = {}
    for name in names:
        start = time.perf_counter()
        try:
            keras_view, tflite_view = complexity.registered_model_complexity(
                name, int8=not args.no_tflite
            )
            records[name] = model_record(keras_view, tflite_view)
        except Exception as error:  # noqa: BLE001  one broken model must not hide the others
            records[name] = {"error": f"{type(error).__name__}: {error}"[:300]}
        print(f"{name}: {records[name]} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)

    report = {
        "conventions": {
            "params": "trainable weights of the deploy form (BN statistics excluded)",
            "macs": "torchinfo: conv kh*kw*(Cin/groups)*Cout*Hout*Wout (+bias), BN 2*C, "
            "dense in*out+out, activations/pooling/adds 0",
            "int8_kb": "one byte per parameter, 1 kB = 1000 bytes",
            "tflite_int8": "constants of the int8 file; nessi_macs: convs + pooling + dense, "
            "NeSsi's flatten quirk included",
            "budget": {
                "param_bytes": complexity.DCASE_MAX_PARAM_BYTES,
                "macs": complexity.DCASE_MAX_MACS,
            },
        },
        "models": records,
    }
    atomic.write_text(args.output, json.dumps(report, indent=2, sort_keys=True) + "\n")
    if args.markdown:
        print(markdown_table(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
