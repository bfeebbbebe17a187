"""Every int8 zoo model on emulated Cortex-M: footprint, instructions, bit-exactness.

For each registered model (untrained weights drawn with a fixed seed: the numbers depend on
the architecture only, and reruns give the same models) this converts it to int8 TFLite,
compiles it ahead of time (tfasc.aot), builds it for each QEMU board and runs test vectors
with ``-icount shift=0``, three times: with tfasc's SIMD kernels (the boards' default:
DSP on the Cortex-M4F, Helium on the Cortex-M55; profiled per layer), with tfasc's portable
C kernels, and with the TFLite reference kernels (the AOT before tfasc's kernels). It
records flash (``.text + .rodata`` + ``.data`` image, without the test vectors' bytes),
static RAM (``.data + .bss + heap + stack``, the arena is in ``.bss``), the AOT arena vs the
TFLM interpreter's arena (``TFLMModel.arena_used()``, recording allocator), instructions per
inference and per MAC (true MACs from ``tfasc.complexity``), instructions per layer and
per op type, and whether the outputs equal TFLM's bit for bit.

``--sparsity`` also prunes the four DCASE-budget models by weight magnitude (each CONV_2D
and Dense kernel, not the depthwise ones, as tfmot does by default) to 50 / 75 / 90 % and
compares dense storage, sparse storage and the compiler's choice (``sparse="auto"``).
``--budget`` runs one 1-s clip through the C front end and each budget model on both
boards (the whole device budget of a clip).

QEMU counts instructions, not cycles: a Helium instruction takes two or more cycles on a
Cortex-M55, a load or a multiply-accumulate one or more on a Cortex-M4, so instructions are
a lower bound on cycles.

Usage: ``python benchmarks/micro.py [--models a,b] [--vectors 20] [--sparsity] [--budget]``;
writes ``benchmarks/results/micro.json`` and prints markdown tables for the README.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import platform
import subprocess
import time

import numpy as np

from tfasc import aot, complexity, features, mcu, models
from tfasc.convert import to_tflite
from tfasc.data import synth
from tfasc.data.audio import to_pcm16
from tfasc.flatbuffer import parse
from tfasc.keras import keras
from tfasc.tflm import TFLMModel

RESULTS = pathlib.Path(__file__).parent / "results" / "micro.json"
BOARDS = ("mps2-an386", "mps3-an547")
BUDGET_MODELS = ("dcase2022_baseline", "dcase2024_baseline", "rep_mobile", "bcresnet_mod_budget")
SPARSITIES = (0.5, 0.75, 0.9)
SEED = 0

# TFLM built from its own sources, the same models and QEMU counting, measured elsewhere
# (shared/mission.md, "Facts measured on our machines (2026-12)"): instructions per
# inference in millions (reference kernels, CMSIS-NN), arena and flash in kB.
TFLM_FACTS = {
    ("dcase2022_baseline", "mps2-an386"): (290.0, 64.0),
    ("dcase2024_baseline", "mps2-an386"): (378.9, 120.9),
    ("rep_mobile", "mps2-an386"): (372.4, 119.3),
    ("bcresnet_mod_budget", "mps2-an386"): (595.3, 149.1),
    ("dcase2022_baseline", "mps3-an547"): (271.7, 10.8),
    ("dcase2024_baseline", "mps3-an547"): (360.2, 37.9),
    ("rep_mobile", "mps3-an547"): (354.2, 37.6),
    ("bcresnet_mod_budget", "mps3-an547"): (604.8, 92.5),
}
AOT_BEFORE = {  # the AOT with the TFLite reference kernels before tfasc's: arena, flash (kB)
    ("dcase2022_baseline", "mps2-an386"): (65.3, 84.6),
    ("dcase2024_baseline", "mps2-an386"): (208.9, 117.5),
    ("rep_mobile", "mps2-an386"): (208.9, 114.9),
    ("bcresnet_mod_budget", "mps2-an386"): (419.8, 177.6),
    ("dcase2022_baseline", "mps3-an547"): (65.3, 81.4),
    ("dcase2024_baseline", "mps3-an547"): (208.9, 114.5),
    ("rep_mobile", "mps3-an547"): (208.9, 111.8),
    ("bcresnet_mod_budget", "mps3-an547"): (419.8, 175.8),
}


def keras_model(name: str, sparsity: float = 0.0) -> keras.Model:
    """The registered model (deploy form), untrained, its weights drawn with :data:`SEED`;
    pruned by magnitude per layer (CONV_2D and Dense kernels) when ``sparsity`` > 0."""
    keras.utils.set_random_seed(SEED)
    model = models.deploy_form(models.build(name))
    if sparsity:
        for layer in model.layers:
            if type(layer).__name__ in ("Conv2D", "Dense"):
                kernel, *rest = layer.get_weights()
                threshold = np.quantile(np.abs(kernel), sparsity)
                layer.set_weights([np.where(np.abs(kernel) > threshold, kernel, 0), *rest])
    return model


def int8_model(name: str, sparsity: float = 0.0) -> bytes:
    """:func:`keras_model` converted to int8 with 32 N(0, 1) calibration inputs."""
    model = keras_model(name, sparsity)
    calibration = np.random.default_rng(SEED).normal(size=(32, *model.input_shape[1:]))
    return to_tflite(model, "int8", calibration.astype(np.float32), num_calibration_samples=32)


def _run(flatbuffer: bytes, board: str, vectors: int, **kwargs):
    """mcu_test, retried with 2 vectors when the build does not fit (the test vectors have
    a memory of their own since ``.test_data``; kept for models larger than it)."""
    reason = ""
    for n in dict.fromkeys((vectors, min(vectors, 2))):
        try:
            return mcu.mcu_test(flatbuffer, board=board, num_vectors=n, timeout=1800, **kwargs)
        except mcu.ToolchainError as error:
            reason = "does not fit" if "overflowed" in str(error) else str(error)[-300:]
    return reason


def _footprint(result, macs: int) -> dict:
    return {
        "bit_exact": result.bit_exact,
        "vectors": len(result.outputs),
        "flash_bytes": result.flash_bytes,  # without the test vectors (section .test_data)
        "static_ram_bytes": result.ram_bytes,
        "aot_arena_bytes": result.arena_bytes,
        "instructions_per_inference": result.instructions_per_inference,
        "instructions_per_mac": round(result.instructions_per_inference / macs, 3),
    }


def measure(name: str, num_vectors: int, paths: tuple[str, ...]) -> dict:
    start = time.monotonic()
    flatbuffer = int8_model(name)
    tflm = TFLMModel(flatbuffer)
    tflm.invoke(np.zeros(tuple(tflm.input_details["shape"]), np.int8))
    view = complexity.tflite_complexity(flatbuffer, nessi_compatible=False, name=name)
    ops = [op.name for op in parse(flatbuffer).operators]
    entry = {
        "model": name,
        "tflite_bytes": len(flatbuffer),
        "params": view.params,
        "macs": view.macs,
        "ops": list(dict.fromkeys(ops)),
        "tflm_arena_bytes": tflm.arena_used(),
        "boards": {},
    }
    for board in BOARDS:
        result = _run(flatbuffer, board, num_vectors, profile=True)
        if isinstance(result, str):
            entry["boards"][board] = {"fits": False, "reason": result}
            continue
        by_op = collections.Counter()
        for i, n in result.op_instructions.items():
            by_op[ops[i]] += n
        entry["boards"][board] = {
            "fits": True,
            "kernels": result.kernels,
            **_footprint(result, view.macs),
            "sections": {k: v for k, v in result.sections.items() if not k.startswith(".debug")},
            "instructions_by_op": dict(by_op.most_common()),
            "instructions_by_layer": [result.op_instructions.get(i, 0) for i in range(len(ops))],
            "paths": {},
        }
        for kernels in paths:
            other = _run(flatbuffer, board, 2, kernels=kernels)
            entry["boards"][board]["paths"][kernels] = (
                {"fits": False, "reason": other}
                if isinstance(other, str)
                else _footprint(other, view.macs)
            )
    entry["seconds"] = round(time.monotonic() - start, 1)
    return entry


def measure_sparsity(name: str) -> dict:
    """Dense vs sparse storage of the model pruned to each of :data:`SPARSITIES`."""
    entry = {}
    for sparsity in SPARSITIES:
        flatbuffer = int8_model(name, sparsity)
        view = complexity.tflite_complexity(flatbuffer, nessi_compatible=False, name=name)
        row = {"nonzero_param_bytes": view.nonzero_bytes, "param_bytes": view.param_bytes}
        for board in BOARDS:
            row[board] = {}
            for policy in ("never", "always", "auto"):
                result = _run(flatbuffer, board, 3, sparse=policy)
                row[board][policy] = (
                    {"fits": False, "reason": result}
                    if isinstance(result, str)
                    else {
                        "bit_exact": result.bit_exact,
                        "flash_bytes": result.flash_bytes,
                        "instructions_per_inference": result.instructions_per_inference,
                        "sparse_layers": aot.compile_model(
                            flatbuffer, kernels=result.kernels, sparse=policy
                        ).source.count("tfasc_aot::ConvSparse("),
                    }
                )
        entry[str(sparsity)] = row
        print(f"  {name} {sparsity}: {json.dumps(row)}", flush=True)
    return entry


def measure_budget(name: str) -> dict:
    """One synthetic 1-s street_traffic clip: C front end + model on each board."""
    flatbuffer = int8_model(name)
    frontend = mcu.frontend_for(flatbuffer)
    clip = synth.render_scene("street_traffic", location="lisbon-1000",
                              segment="street_traffic-lisbon-1000-7", seconds=1.0,
                              sr=frontend.sample_rate)  # fmt: skip
    pcm = to_pcm16(synth.render_device(clip, "a", frontend.sample_rate, np.random.default_rng(0)))
    preset = next(k for k, v in features.PRESETS.items() if v == frontend)
    entry = {"frontend": preset}
    for board in BOARDS:
        result = mcu.mcu_pipeline(flatbuffer, frontend, [pcm], board=board, timeout=1800)
        front, back = result.frontend_instructions[0], result.model_instructions[0]
        entry[board] = {
            "labels_match": result.labels_match,
            "frontend_instructions": front,
            "model_instructions": back,
            "instructions_per_clip": front + back,
            "real_time_mhz": round((front + back) / 1e6, 1),
        }
    return entry


def markdown(entries: list[dict]) -> str:
    rows = [
        "| model | board | bit-exact | flash (kB) | static RAM (kB) | AOT arena (kB) "
        "| TFLM arena (kB) | MACs (M) | instructions (M) | instr./MAC |",
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


def markdown_vs_tflm(entries: list[dict]) -> str:
    rows = [
        "| model | board | TFLM ref. | TFLM + CMSIS-NN | AOT, TFLite ref. kernels | AOT, portable "
        "| **AOT, SIMD** | SIMD / CMSIS-NN | arena kB (before → now) | flash kB (before → now) "
        "| bit-exact |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    by_name = {e["model"]: e for e in entries}
    for (name, board), (ref, cmsis) in TFLM_FACTS.items():
        b = by_name.get(name, {}).get("boards", {}).get(board)
        if not b or not b["fits"] or set(b.get("paths", {})) != {"portable", "reference"}:
            continue
        paths = b["paths"]
        simd = b["instructions_per_inference"] / 1e6
        arena_before, flash_before = AOT_BEFORE[name, board]
        rows.append(
            f"| {name} | {board} | {ref} | {cmsis} "
            f"| {paths['reference']['instructions_per_inference'] / 1e6:.1f} "
            f"| {paths['portable']['instructions_per_inference'] / 1e6:.1f} | **{simd:.1f}** "
            f"| {simd / cmsis:.2f}× | {arena_before} → {b['aot_arena_bytes'] / 1000:.1f} "
            f"| {flash_before} → {b['flash_bytes'] / 1000:.1f} "
            f"| {'yes' if b['bit_exact'] else 'NO'} ({b['vectors']}) |"
        )
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--models", help="comma-separated names (default: every registered; '' for none)"
    )
    parser.add_argument("--vectors", type=int, default=20, help="test vectors per board")
    parser.add_argument("--paths", default="portable,reference",
                        help="other kernels to measure beside the SIMD ones")  # fmt: skip
    parser.add_argument("--sparsity", action="store_true", help="the pruned budget models too")
    parser.add_argument("--budget", action="store_true", help="front end + model per clip")
    args = parser.parse_args(argv)
    names = models.available() if args.models is None else [n for n in args.models.split(",") if n]
    paths = tuple(p for p in args.paths.split(",") if p)
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    entries = {e["model"]: e for e in previous.get("models", [])}
    for name in names:
        print(f"{name} ...", flush=True)
        try:
            entries[name] = measure(name, args.vectors, paths)
        except aot.AOTError as error:
            entries[name] = {"model": name, "error": str(error), "boards": {}}
        print(json.dumps(entries[name]["boards"], indent=1)[:3000], flush=True)
    sparse = previous.get("sparsity", {})
    budget = previous.get("budget", {})
    for name in BUDGET_MODELS:
        if args.sparsity:
            sparse[name] = measure_sparsity(name)
        if args.budget:
            budget[name] = measure_budget(name)
            print(f"  {name}: {json.dumps(budget[name])}", flush=True)
    ordered = [entries[n] for n in sorted(entries)]
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
        "compile_flags": "-O2 -ffp-contract=off; tfasc kernels: DSP (M4F), Helium (M55)",
        "seed": SEED,
        "tflm_facts_measured_elsewhere": {f"{m} {b}": v for (m, b), v in TFLM_FACTS.items()},
        "models": ordered,
        "sparsity": sparse,
        "budget": budget,
    }, indent=1) + "\n")  # fmt: skip
    print(markdown([e for e in ordered if "error" not in e]))
    print()
    print(markdown_vs_tflm(ordered))
    for e in ordered:
        if "error" in e:
            print(f"{e['model']}: {e['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
