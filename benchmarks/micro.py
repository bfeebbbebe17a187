"""Every int8 zoo model on emulated Cortex-M: footprint, instructions, bit-exactness.

For each registered model (untrained weights: the numbers depend on the architecture only)
this converts it to int8 TFLite, compiles it ahead of time (tfasc.aot), builds it for each
QEMU board and runs a few test vectors with ``-icount shift=0``. It records flash
(``.text + .rodata`` + ``.data`` image, without the test vectors' bytes), static RAM (``.data + .bss + heap + stack``, the
arena is in ``.bss``), the AOT arena vs the TFLM interpreter's arena
(``TFLMModel.arena_used()``, recording allocator), instructions per inference and per MAC
(true MACs from ``tfasc.complexity``), and whether the outputs equal TFLM's bit for bit.

Usage: ``python benchmarks/micro.py [--models a,b] [--vectors 2]``; writes
``benchmarks/results/micro.json`` and prints a markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import subprocess
import time

import numpy as np

from tfasc import aot, complexity, mcu, models
from tfasc.convert import to_tflite
from tfasc.tflm import TFLMModel

RESULTS = pathlib.Path(__file__).parent / "results" / "micro.json"
BOARDS = ("mps2-an386", "mps3-an547")


def int8_model(name: str) -> bytes:
    """The registered model (deploy form), untrained, converted to int8 with N(0, 1) inputs."""
    model = models.deploy_form(models.build(name))
    calibration = np.random.default_rng(0).normal(size=(32, *model.input_shape[1:]))
    return to_tflite(model, "int8", calibration.astype(np.float32), num_calibration_samples=32)


def measure(name: str, num_vectors: int) -> dict:
    start = time.monotonic()
    flatbuffer = int8_model(name)
    tflm = TFLMModel(flatbuffer)
    tflm.invoke(np.zeros(tuple(tflm.input_details["shape"]), np.int8))
    view = complexity.tflite_complexity(flatbuffer, nessi_compatible=False, name=name)
    entry = {
        "model": name,
        "tflite_bytes": len(flatbuffer),
        "params": view.params,
        "macs": view.macs,
        "ops": list(aot.compile_model(flatbuffer).ops),
        "tflm_arena_bytes": tflm.arena_used(),
        "boards": {},
    }
    input_bytes = int(np.prod(tflm.input_details["shape"]))
    output_bytes = int(np.prod(tflm.output_details["shape"]))
    for board in BOARDS:
        # The test vectors live in flash too: when they make the image overflow the board,
        # retry with 2 vectors; flash is reported without the vectors' bytes.
        for vectors in dict.fromkeys((num_vectors, min(num_vectors, 2))):
            try:
                result = mcu.mcu_test(flatbuffer, board=board, num_vectors=vectors, timeout=600)
                break
            except mcu.ToolchainError as error:
                reason = "does not fit" if "overflowed" in str(error) else str(error)[-300:]
        else:
            entry["boards"][board] = {"fits": False, "reason": reason}
            continue
        vector_bytes = len(result.outputs) * (input_bytes + output_bytes)
        entry["boards"][board] = {
            "fits": True,
            "bit_exact": result.bit_exact,
            "vectors": len(result.outputs),
            "flash_bytes": result.flash_bytes - vector_bytes,
            "flash_bytes_with_vectors": result.flash_bytes,
            "static_ram_bytes": result.ram_bytes,
            "aot_arena_bytes": result.arena_bytes,
            "instructions_per_inference": result.instructions_per_inference,
            "instructions_per_mac": round(result.instructions_per_inference / view.macs, 2),
            "sections": {k: v for k, v in result.sections.items() if not k.startswith(".debug")},
        }
    entry["seconds"] = round(time.monotonic() - start, 1)
    return entry


def markdown(entries: list[dict]) -> str:
    rows = [
        (
            "| model | board | bit-exact | flash (kB) | static RAM (kB) | AOT arena (kB) "
            "| TFLM arena (kB) | MACs (M) | instructions (M) | instr./MAC |"
        ),
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for e in entries:
        for board, b in e["boards"].items():
            if not b["fits"]:
                rows.append(f"| {e['model']} | {board} | {b['reason']} | | | | | | | |")
                continue
            rows.append(
                f"| {e['model']} | {board} | {'yes' if b['bit_exact'] else 'NO'} "
                f"({b['vectors']}) | {b['flash_bytes'] / 1000:.1f} "
                f"| {b['static_ram_bytes'] / 1000:.1f} | {b['aot_arena_bytes'] / 1000:.1f} "
                f"| {e['tflm_arena_bytes'] / 1000:.1f} | {e['macs'] / 1e6:.2f} "
                f"| {b['instructions_per_inference'] / 1e6:.1f} | {b['instructions_per_mac']} |"
            )
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", help="comma-separated names (default: every registered)")
    parser.add_argument("--vectors", type=int, default=2, help="test vectors per board")
    args = parser.parse_args(argv)
    names = args.models.split(",") if args.models else models.available()
    previous = {}
    if RESULTS.exists():
        previous = {e["model"]: e for e in json.loads(RESULTS.read_text())["models"]}
    for name in names:
        print(f"{name} ...", flush=True)
        try:
            previous[name] = measure(name, args.vectors)
        except aot.AOTError as error:
            previous[name] = {"model": name, "error": str(error), "boards": {}}
        print(json.dumps(previous[name]["boards"], indent=1), flush=True)
    entries = [previous[n] for n in sorted(previous)]
    versions = {
        tool: subprocess.run([tool, "--version"], capture_output=True, text=True, check=False)
        .stdout.split("\n")[0]
        for tool in ("arm-none-eabi-gcc", "qemu-system-arm")
    }  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "description": __doc__.split("\n\n")[1].replace("\n", " "),
        "host": platform.platform(),
        "tools": versions,
        "compile_flags": "-O2 (reference kernels, no CMSIS-NN)",
        "models": entries,
    }, indent=1) + "\n")  # fmt: skip
    print(markdown([e for e in entries if "error" not in e]))
    for e in entries:
        if "error" in e:
            print(f"{e['model']}: {e['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
