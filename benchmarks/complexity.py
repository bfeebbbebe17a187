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

from tfasc import complexity, models

RESULTS = pathlib.Path(__file__).parent / "results" / "complexity.json"


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
            records[name] = complexity.model_record(keras_view, tflite_view)
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
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    if args.markdown:
        print(complexity.markdown_table(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
