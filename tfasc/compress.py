"""``tfasc compress``: the compression pipeline, then every check of the exported model.

:func:`tfasc.compression.pipeline.compress` makes the model; :func:`verify` then checks it
the way it will be deployed:

* the TFLite interpreter (``ai_edge_litert``, reference kernels) and the TFLite Micro
  interpreter give the same int8 outputs, bit for bit, on every evaluation clip (LiteRT's
  optimized kernels are compared too: ``litert_optimized_max_lsb``);
* on each emulated board (QEMU), the firmware's outputs equal TFLM's on ``vectors``
  evaluation clips; instructions per inference, flash and RAM of the image;
* accuracy of the float, pruned, QAT-int8 and PTQ-int8 models per device group (seen /
  unseen), and the top-1 agreement of the int8 model with its float model (for QAT the
  QAT model, given the int8 model's own inputs: ``tflm.Quantization.on_grid``);
* the TFLM arena actually used.

Example:
    >>> result = compress_and_verify(CompressConfig.from_toml("compress.toml"))
    >>> result["verify"]["agreement"], result["complexity"]["compressed"]["nonzero_kb"]
"""

from __future__ import annotations

import warnings

import numpy as np

from tfasc import evaluate, mcu, tflm
from tfasc.compression import pipeline
from tfasc.config import CompressConfig
from tfasc.keras import keras

ACCURACY_KEYS = ("accuracy", "macro_accuracy", "seen_accuracy", "unseen_accuracy")


def _accuracy(outputs, feature_set) -> dict:
    result = evaluate.report(outputs, feature_set.labels, feature_set.devices)
    return {key: result[key] for key in ACCURACY_KEYS}


def litert_outputs(flatbuffer: bytes, inputs: np.ndarray, reference: bool = True) -> np.ndarray:
    """Raw outputs of the TFLite interpreter (``ai_edge_litert``) on inputs in the model's
    own input dtype, one example at a time.

    Args:
        flatbuffer: the ``.tflite`` model.
        inputs: ``(N, ...)`` inputs.
        reference: use TFLite's reference kernels (``BUILTIN_REF``), which TFLM's are ported
            from; False: its optimized kernels (XNNPACK and friends), which round some int8
            ops differently (up to a few LSB on ResNorm models).
    """
    from ai_edge_litert.interpreter import Interpreter, OpResolverType

    kind = OpResolverType.BUILTIN_REF if reference else OpResolverType.AUTO
    interpreter = Interpreter(model_content=flatbuffer, experimental_op_resolver_type=kind)
    interpreter.allocate_tensors()
    (inp,), (out,) = interpreter.get_input_details(), interpreter.get_output_details()
    outputs = []
    for example in inputs:
        interpreter.set_tensor(inp["index"], example.reshape(inp["shape"]))
        interpreter.invoke()
        outputs.append(interpreter.get_tensor(out["index"]).reshape(-1).copy())
    return np.stack(outputs)


def verify(flatbuffer: bytes, float_labels: np.ndarray, evaluate_set, *, boards=(),
           vectors: int = 20) -> dict:  # fmt: skip
    """Checks an exported int8 model (see the module docstring).

    Args:
        flatbuffer: the int8 ``.tflite`` model.
        float_labels: top-1 labels of its float model on ``evaluate_set``.
        evaluate_set: evaluation features, labels and devices.
        boards: emulated boards to run it on (``tfasc.mcu.BOARDS``).
        vectors: evaluation clips run on each board.

    Returns:
        JSON-ready results: ``litert_equals_tflm``, ``int8`` accuracy, ``agreement``,
        ``tflm_arena_bytes`` and one entry per board.
    """
    interpreter = tflm.TFLMModel(flatbuffer)
    quantization = interpreter.input_quantization
    inputs = quantization.quantize(evaluate_set.features)
    raw = interpreter.invoke_batch(inputs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        litert = litert_outputs(flatbuffer, inputs)
        optimized = litert_outputs(flatbuffer, inputs, reference=False)
    outputs = interpreter.output_quantization.dequantize(raw)
    labels = outputs.argmax(axis=1)
    result = {
        "litert_equals_tflm": bool(np.array_equal(litert, raw)),
        "litert_max_lsb": int(np.abs(litert.astype(int) - raw.astype(int)).max()),
        "litert_mismatched_outputs": int(np.sum(litert != raw)),
        "litert_optimized_max_lsb": int(np.abs(optimized.astype(int) - raw.astype(int)).max()),
        "clips": len(inputs),
        "int8": _accuracy(outputs, evaluate_set),
        "agreement": float(np.mean(labels == float_labels)),
        "tflm_arena_bytes": interpreter.arena_used(),
        "boards": {},
    }
    order = np.random.default_rng(0).permutation(len(inputs))[:vectors]
    for board in boards:
        run = mcu.mcu_test(flatbuffer, board=board, inputs=inputs[order])
        result["boards"][board] = {
            "vectors": len(order),
            "bit_exact_with_tflm": run.bit_exact,
            "equals_litert": bool(np.array_equal(run.outputs, litert[order])),
            "instructions_per_inference": run.instructions_per_inference,
            "flash_bytes": run.flash_bytes,
            "ram_bytes": run.ram_bytes,
            "aot_arena_bytes": run.arena_bytes,
        }
    return result


def _predict(model: keras.Model, feature_set) -> np.ndarray:
    return model.predict(feature_set.features, batch_size=128, verbose=0)


def compress_and_verify(config: CompressConfig, *, overwrite: bool = False, log=print):
    """Compresses (or resumes), then verifies; returns ``(CompressResult, report dict)``."""
    result = pipeline.compress(config, overwrite=overwrite, log=log)
    evaluate_set = result.source.features("evaluate", progress=False)
    dense_out, pruned_out = _predict(result.dense, evaluate_set), _predict(result.model,
                                                                           evaluate_set)  # fmt: skip
    report = {
        "source": str(result.source.directory),
        "mode": config.mode,
        "method": config.prune.method,
        "float": _accuracy(dense_out, evaluate_set),
        "pruned": _accuracy(pruned_out, evaluate_set),
        "complexity": result.report,
        "flatbuffer_bytes": len(result.flatbuffer),
    }
    if config.mode == "int8":
        float_labels = result.qat_labels if result.qat_labels is not None else pruned_out.argmax(1)
        checks = verify(result.flatbuffer, float_labels, evaluate_set, boards=config.verify.boards,
                        vectors=config.verify.vectors)  # fmt: skip
        report["qat_int8" if config.qat.enabled else "ptq_int8"] = checks
        if config.qat.enabled and result.ptq_flatbuffer is not None:
            ptq = tflm.TFLMModel(result.ptq_flatbuffer).predict(evaluate_set.features)
            report["ptq_int8"] = {"int8": _accuracy(ptq, evaluate_set),
                                  "agreement": float(np.mean(ptq.argmax(1) ==
                                                             pruned_out.argmax(1)))}  # fmt: skip
        log(f"int8: {100 * checks['int8']['accuracy']:.1f} % (float "
            f"{100 * report['pruned']['accuracy']:.1f} %), agreement "
            f"{100 * checks['agreement']:.1f} %, TFLite == TFLM: {checks['litert_equals_tflm']}")  # fmt: skip
        for board, row in checks["boards"].items():
            log(f"{board}: bit-exact {row['bit_exact_with_tflm']}, "
                f"{row['instructions_per_inference'] / 1e6:.1f} M instructions, "
                f"flash {row['flash_bytes'] / 1000:.1f} kB")  # fmt: skip
    return result, report
