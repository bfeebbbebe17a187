"""The compression pipeline: a trained run's model → re-parameterize → prune → QAT → ``.tflite``.

A compression run is a directory of its own, guarded like a training run::

    OUT/compress.json    config and fingerprint (source run, its checkpoint's SHA-256)
    OUT/dense.keras      the source model in deploy form (RepConv2D fused)
    OUT/teacher.npy      the dense model's soft targets on the training clips (distillation)
    OUT/pruned.keras     after pruning and fine-tuning (progressive: pruned_step<k>.keras)
    OUT/model.tflite     the exported model (after QAT when enabled)
    OUT/ptq.tflite       the pruned model quantized after training only (int8 with QAT)
    OUT/qat.json         QAT history and the QAT model's float outputs' labels
    OUT/tensorboard/     PruningSummaries (per-layer sparsity) of every pruning fit

Every finished stage is a file; a rerun with the same settings resumes after the last one,
a rerun with other settings is refused (:class:`tfasc.run.RunMismatchError`) before anything
changes, unless ``overwrite``.

Example:
    >>> result = compress(CompressConfig.from_toml("tfasc/configs/bcresnet_mod_compress.toml"))
    >>> result.report["nonzero_params"], len(result.flatbuffer)
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import pathlib
import shutil

import numpy as np

import tfasc
from tfasc import SCENES, atomic, convert, models, ops, tflm
from tfasc import flatbuffer as fb
from tfasc import run as runs
from tfasc.complexity import keras_complexity
from tfasc.compression import fake_quant, finetune, int8_ready, magnitude, qat, structured
from tfasc.config import CompressConfig, to_dict
from tfasc.keras import keras

STATE_FILE = "compress.json"


@dataclasses.dataclass
class CompressResult:
    """What :func:`compress` produced."""

    directory: pathlib.Path
    """The compression run directory."""
    source: runs.Run
    """The training run that was compressed."""
    dense: keras.Model
    """The source model in deploy form (the float reference and distillation teacher)."""
    model: keras.Model
    """The pruned float model (before QAT)."""
    flatbuffer: bytes
    """The exported model (``config.mode``; QAT-trained when enabled)."""
    ptq_flatbuffer: bytes | None
    """The pruned model quantized after training (int8 runs only)."""
    qat_labels: np.ndarray | None
    """Labels of the QAT model in float on the evaluate fold (QAT runs only)."""
    report: dict
    """Complexity, sparsity per layer, stage histories (JSON-ready)."""


def _sha256(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(config: CompressConfig, source: runs.Run) -> dict:
    """Everything that determines a compression result (paths left out)."""
    settings = to_dict(config)
    settings.pop("out_dir")
    settings.pop("source")
    return {
        "tfasc": tfasc.__version__,
        "config": settings,
        "source": source.fingerprint,
        "checkpoint_sha256": _sha256(source.checkpoint(config.checkpoint)),
    }


def check_model_ops(model: keras.Model, mode: str, calibration: np.ndarray) -> None:
    """Raises ``ExportError`` naming the ops of ``model`` the firmware cannot run.

    The int8 firmware runs what both TFLite Micro and the tfasc AOT compiler support
    (:mod:`tfasc.ops`); other modes are checked by the converter itself.
    """
    if mode != "int8":
        return
    graph = fb.parse(convert.to_tflite(model, "int8", calibration[:8]))
    bad = ops.unsupported(graph.ops, "aot")
    if bad:
        raise convert.ExportError(
            f"model {model.name!r} uses ops the board firmware (tfasc AOT) cannot run: "
            f"{', '.join(bad)}"
        )


def _prepare(config: CompressConfig, overwrite: bool) -> tuple[pathlib.Path, runs.Run, dict]:
    source = runs.load(config.source)
    if not source.path(f"{config.checkpoint}.keras").is_file():
        raise runs.RunError(f"{source.directory}: no {config.checkpoint} checkpoint; train first")
    directory = pathlib.Path(config.out_dir).absolute()
    new = fingerprint(config, source)
    state = directory / STATE_FILE
    if directory.exists() and any(directory.iterdir()):
        if not state.is_file():
            raise runs.RunError(f"{directory}: exists and is not a compression run (no "
                                f"{STATE_FILE}); choose a new out_dir")  # fmt: skip
        old = json.loads(state.read_text())["fingerprint"]
        if old != new:
            if not overwrite:
                changes = "; ".join(runs.differences(old, new))
                raise runs.RunMismatchError(
                    f"{directory}: holds a compression run made with other settings "
                    f"({changes}); pass --overwrite to replace it, or choose a new out_dir"
                )
            shutil.rmtree(directory)
    return directory, source, new


def _stage(path: pathlib.Path, make, save, load):
    """``load(path)`` when the stage is done, else ``make()``, saved atomically."""
    if path.exists():
        return load(path)
    value = make()
    temporary = path.with_name(path.name + ".tmp" + path.suffix)
    save(value, temporary)
    temporary.replace(path)
    return value


def _keras_stage(path, make):
    return _stage(path, make, lambda model, p: model.save(p), keras.models.load_model)


def _npy_stage(path, make):
    def save(array, p):
        with open(p, "wb") as handle:
            np.save(handle, array)

    return _stage(path, make, save, np.load)


def _bytes_stage(path, make):
    return _stage(path, make, lambda data, p: p.write_bytes(data), lambda p: p.read_bytes())


def _prune(config, dense, train_set, teacher, directory, log) -> keras.Model:
    prune = config.prune
    batches = int(np.ceil(len(train_set) / config.batch_size))
    fit = dict(batch_size=config.batch_size, seed=config.seed, teacher=teacher,
               label_weight=config.distill.label_weight,
               temperature=config.distill.temperature)  # fmt: skip
    sparsity = prune.sparsity
    if prune.target_nonzero is not None:
        sparsity = magnitude.sparsity_for_nonzero(dense, prune.target_nonzero,
                                                  prune_first_conv=prune.prune_first_conv,
                                                  prune_depthwise=prune.prune_depthwise)  # fmt: skip
    if prune.method == "structured":

        def shrink():
            plan = structured.plan_channels(dense, max_params=prune.max_params,
                                            max_macs=prune.max_macs)  # fmt: skip
            log(f"structured: channels {plan.channels()}, {plan.params:,} params, "
                f"{plan.macs:,} MACs")  # fmt: skip
            small = structured.prune_channels(dense, plan)
            finetune.fine_tune(small, train_set, epochs=prune.epochs,
                               learning_rate=prune.learning_rate, **fit)  # fmt: skip
            return small

        return _keras_stage(directory / "pruned.keras", shrink)
    steps = prune.steps if prune.method == "progressive" else 1
    epochs = [prune.epochs // steps + (k < prune.epochs % steps) for k in range(steps)]
    model = dense
    for k in range(steps):
        target = sparsity * (k + 1) / steps
        if prune.method == "progressive" or prune.schedule == "constant":
            schedule = magnitude.constant_schedule(target, frequency=max(1, batches // 4))
        else:
            schedule = magnitude.polynomial_schedule(
                target, end_step=max(1, (epochs[k] * batches) // 2),
                frequency=max(1, batches // 4))  # fmt: skip

        def step(model=model, schedule=schedule, k=k):
            wrapped = magnitude.prune(model, schedule, prune_first_conv=prune.prune_first_conv,
                                      prune_depthwise=prune.prune_depthwise)  # fmt: skip
            callbacks = magnitude.pruning_callbacks(directory / "tensorboard" / f"step{k + 1}")
            finetune.fine_tune(wrapped, train_set, epochs=max(1, epochs[k]),
                               learning_rate=prune.learning_rate, callbacks=callbacks, **fit)  # fmt: skip
            magnitude.apply_masks(wrapped)
            return magnitude.strip(wrapped)

        name = f"pruned_step{k + 1}.keras" if steps > 1 else "pruned.keras"
        model = _keras_stage(directory / name, step)
        log(f"pruned to {100 * target:.1f} % ({k + 1}/{steps}), "
            f"sparsity {100 * magnitude.model_sparsity(model):.1f} % of all weights")  # fmt: skip
    return model


def calibration_clips(config: CompressConfig, train_set) -> np.ndarray:
    """The ``num_calibration`` training clips (drawn with ``seed``) that calibrate ranges."""
    rng = np.random.default_rng(config.seed)
    return train_set.features[rng.permutation(len(train_set))[: config.num_calibration]]


def train_quantization_aware(config: CompressConfig, model: keras.Model, train_set,
                             calibration: np.ndarray, teacher=None, *,
                             emulate_int8: bool = True) -> tuple:  # fmt: skip
    """The QAT stage on a (pruned) model: ``(QAT model, the float model it was made from,
    training history)`` (SubSpectralNorm scales folded first, ranges from ``calibration``).
    ``emulate_int8=False`` trains without the int8 kernels' emulation
    (:func:`~tfasc.compression.fake_quant.without_emulation`; the returned model has it)."""
    trainable = int8_ready.fold_subspectral_scales(model, for_training=True)
    q = qat.quantize(trainable, preserve_sparsity=config.qat.preserve_sparsity,
                     calibration=calibration)  # fmt: skip
    callbacks = [qat.keep_zeros(q)] if config.qat.preserve_sparsity else []
    plain = contextlib.nullcontext() if emulate_int8 else fake_quant.without_emulation(q)
    with plain:
        history = finetune.fine_tune(
            q, train_set, epochs=config.qat.epochs, learning_rate=config.qat.learning_rate,
            batch_size=config.batch_size, seed=config.seed, teacher=teacher,
            label_weight=config.distill.label_weight, temperature=config.distill.temperature,
            callbacks=callbacks,
        )  # fmt: skip
    return q, trainable, history


def compress(config: CompressConfig, *, overwrite: bool = False, log=print) -> CompressResult:
    """Runs (or resumes) a compression run and returns its models, bytes and report.

    Raises:
        tfasc.run.RunMismatchError: ``out_dir`` holds a run with other settings.
        tfasc.run.RunError: the source is not a finished training run.
        tfasc.convert.ExportError: the model uses an op the firmware cannot run.
        ValueError: structured pruning of a model it does not support, or a target
            non-zero count below what stays dense.
    """
    directory, source, new = _prepare(config, overwrite)
    train_set = source.features("train", progress=False)
    evaluate_set = source.features("evaluate", progress=False)
    calibration = calibration_clips(config, train_set)
    dense = models.deploy_form(source.load_model(config.checkpoint))
    check_model_ops(dense, config.mode, calibration)
    if config.prune.method == "structured":
        structured.check_supported(dense)
    directory.mkdir(parents=True, exist_ok=True)
    if not (directory / STATE_FILE).is_file():
        atomic.write_json(directory / STATE_FILE, {"config": to_dict(config), "fingerprint": new})
    dense = _keras_stage(directory / "dense.keras", lambda: dense)
    keras.utils.set_random_seed(config.seed)

    teacher = None
    if config.distill.enabled and config.prune.method != "none":
        teacher = _npy_stage(directory / "teacher.npy", lambda: finetune.teacher_targets(
            dense, train_set.features, config.distill.temperature))  # fmt: skip

    model = dense
    if config.prune.method != "none":
        model = _prune(config, dense, train_set, teacher, directory, log)

    qat_labels = None
    ptq = None
    if config.mode == "int8":
        deploy = int8_ready.fold_subspectral_scales(model)
        ptq = _bytes_stage(directory / "ptq.tflite",
                           lambda: convert.to_tflite(deploy, "int8", calibration))  # fmt: skip
    if config.qat.enabled:

        def quantization_aware():
            q, trainable, history = train_quantization_aware(config, model, train_set,
                                                             calibration, teacher)  # fmt: skip
            flatbuffer, reference, export = qat.export_int8(q, trainable, calibration)
            inputs = evaluate_set.features
            if export == "qat_ranges":  # the QAT model quantizes its input: give it the int8 one
                inputs = tflm.TFLMModel(flatbuffer).input_quantization.on_grid(inputs)
            labels = finetune.predict_logits(reference, inputs).argmax(axis=1)
            atomic.write_json(directory / "qat.json", {"history": history, "export": export,
                              "labels": labels.tolist(), "sparsity": qat.sparsity(q)})  # fmt: skip
            return flatbuffer

        flatbuffer = _bytes_stage(directory / "model.tflite", quantization_aware)
        qat_labels = np.asarray(json.loads((directory / "qat.json").read_text())["labels"])
    elif config.mode == "int8":
        flatbuffer = ptq
    else:
        flatbuffer = _bytes_stage(directory / "model.tflite",
                                  lambda: convert.to_tflite(model, config.mode, calibration))  # fmt: skip
    return CompressResult(directory, source, dense, model, flatbuffer, ptq, qat_labels,
                          model_report(dense, model))  # fmt: skip


def model_report(dense: keras.Model, model: keras.Model) -> dict:
    """Parameters, MACs, non-zero parameters and bytes, sparsity per layer (JSON-ready)."""

    def summary(m):
        c = keras_complexity(m)
        return {"params": c.params, "macs": c.macs, "nonzero_params": magnitude.nonzero_params(m),
                "nonzero_kb": c.nonzero_bytes / 1000, "sparsity": magnitude.model_sparsity(m),
                "within_dcase_budget": c.within_budget()}  # fmt: skip

    return {
        "classes": len(SCENES),
        "dense": summary(dense),
        "compressed": summary(model),
        "layers": [
            dataclasses.asdict(row) | {"sparsity": row.sparsity}
            for row in magnitude.sparsity_report(model)
        ],  # fmt: skip
    }
