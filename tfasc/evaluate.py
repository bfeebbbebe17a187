"""Evaluation as on the DCASE results pages: accuracy, class-macro accuracy, log loss, per
device and per class, seen versus unseen devices; a text table, JSON and a confusion plot.

Everything here returns values; :func:`report_files` gives the bytes of the JSON, table and
PNG that the CLI writes.
"""

from __future__ import annotations

import io
import json

import numpy as np
import scipy.stats

from tfasc import DEVICES, SCENES, UNSEEN_DEVICES, tflm
from tfasc import run as runs

SMALL_CELL = 30
"""Device x class cells with fewer clips than this are flagged as too small to read alone."""


def log_probabilities(outputs, probabilities: bool = False) -> np.ndarray:
    """Log class probabilities of ``(N, C)`` model outputs: log-softmax of logits, or the log
    of (renormalized, floored at 1e-7 as sklearn's log loss does) probabilities."""
    outputs = np.asarray(outputs, np.float64)
    if probabilities:
        p = np.clip(outputs, 1e-7, 1.0)
        return np.log(p / p.sum(axis=1, keepdims=True))
    shifted = outputs - outputs.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def wilson_interval(successes: int, n: int) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion (scipy's ``binomtest``)."""
    if n == 0:
        return (float("nan"), float("nan"))
    interval = scipy.stats.binomtest(successes, n).proportion_ci(0.95, method="wilson")
    return (float(interval.low), float(interval.high))


def report(outputs, labels, devices, *, probabilities: bool = False, classes=SCENES) -> dict:
    """All DCASE Task 1 figures for one set of predictions.

    Args:
        outputs: ``(N, C)`` model outputs: logits, or probabilities if ``probabilities``.
        labels: ``(N,)`` true class indices.
        devices: ``(N,)`` device names.
        probabilities: the outputs are probabilities (a model ending in softmax).
        classes: class names.

    Returns:
        A JSON-ready dict: ``accuracy``, ``macro_accuracy``, ``log_loss``, ``per_device``
        (accuracy, macro accuracy, count), ``per_class``, ``device_class`` accuracy matrix,
        ``seen``/``unseen`` device accuracy (and class-macro accuracy) and the ``confusion`` matrix.
    """
    outputs = np.asarray(outputs, np.float64)
    labels = np.asarray(labels)
    devices = np.asarray(devices).astype(str)
    predicted = outputs.argmax(axis=1)
    correct = predicted == labels
    n = len(classes)
    confusion = np.zeros((n, n), np.int64)
    np.add.at(confusion, (labels, predicted), 1)

    def macro(mask):
        recalls = [
            correct[mask & (labels == c)].mean() for c in range(n) if (mask & (labels == c)).any()
        ]
        return float(np.mean(recalls)) if recalls else float("nan")

    everything = np.ones(len(labels), bool)
    device_names = [d for d in DEVICES if d in set(devices)] + sorted(set(devices) - set(DEVICES))
    log_probs = log_probabilities(outputs, probabilities)
    true_log_probs = log_probs[np.arange(len(labels)), labels]  # (N,)
    per_device = {
        d: {
            "accuracy": float(correct[devices == d].mean()),
            "macro_accuracy": macro(devices == d),
            "log_loss": float(-true_log_probs[devices == d].mean()),
            "count": int((devices == d).sum()),
        }
        for d in device_names
    }
    device_class = {
        d: {
            classes[c]: float(correct[(devices == d) & (labels == c)].mean())
            if ((devices == d) & (labels == c)).any()
            else None
            for c in range(n)
        }
        for d in device_names
    }
    cell_counts = {
        d: {classes[c]: int(((devices == d) & (labels == c)).sum()) for c in range(n)}
        for d in device_names
    }
    unseen_mask = np.isin(devices, UNSEEN_DEVICES)
    return {
        "count": int(len(labels)),
        "accuracy": float(correct.mean()),
        "accuracy_95ci": list(wilson_interval(int(correct.sum()), len(labels))),
        "macro_accuracy": macro(everything),
        "log_loss": float(-true_log_probs.mean()),
        "seen_accuracy": float(correct[~unseen_mask].mean()) if (~unseen_mask).any() else None,
        "unseen_accuracy": float(correct[unseen_mask].mean()) if unseen_mask.any() else None,
        "seen_macro_accuracy": macro(~unseen_mask) if (~unseen_mask).any() else None,
        "unseen_macro_accuracy": macro(unseen_mask) if unseen_mask.any() else None,
        "per_device": per_device,
        "per_class": {
            classes[c]: float(correct[labels == c].mean()) if (labels == c).any() else None
            for c in range(n)
        },
        "device_class": device_class,
        "device_class_count": cell_counts,
        "classes": list(classes),
        "confusion": confusion.tolist(),
    }


def format_table(result: dict) -> str:
    """Per-class rows × per-device columns of accuracy in %, like the DCASE results pages."""
    devices = list(result["per_device"])
    width = max(len(c) for c in result["classes"]) + 2
    header = "scene".ljust(width) + "".join(f"{d:>7}" for d in devices) + f"{'all':>8}"
    lines = [header, "-" * len(header)]

    def cell(value):
        return f"{100 * value:7.1f}" if value is not None else f"{'-':>7}"

    for scene in result["classes"]:
        row = "".join(cell(result["device_class"][d][scene]) for d in devices)
        lines.append(scene.ljust(width) + row + " " + cell(result["per_class"][scene]))
    lines.append("-" * len(header))
    lines.append(
        "macro acc".ljust(width)
        + "".join(cell(result["per_device"][d]["macro_accuracy"]) for d in devices)
        + " "
        + cell(result["macro_accuracy"])
    )
    lines.append(
        "accuracy".ljust(width)
        + "".join(cell(result["per_device"][d]["accuracy"]) for d in devices)
        + " "
        + cell(result["accuracy"])
    )
    lines.append(
        "clips".ljust(width)
        + "".join(f"{result['per_device'][d]['count']:7d}" for d in devices)
        + f" {result['count']:7d}"
    )
    cells = [n for row in result.get("device_class_count", {}).values() for n in row.values() if n]
    if cells and min(cells) < SMALL_CELL:
        lines.append(
            f"each device x class cell holds {min(cells)}-{max(cells)} clips: one clip moves a "
            f"cell by up to {100 / min(cells):.0f} points, so read the rows and columns, not the "
            "cells"
        )
    low, high = result.get("accuracy_95ci", (None, None))
    summary = f"log loss {result['log_loss']:.3f}"
    if low is not None:
        summary = (
            f"accuracy {100 * result['accuracy']:.1f} % (95 % interval {100 * low:.1f}-"
            f"{100 * high:.1f} %) | " + summary
        )
    if result["seen_accuracy"] is not None and result["unseen_accuracy"] is not None:
        summary += (
            f" | seen devices {100 * result['seen_accuracy']:.1f} %"
            f" | unseen devices {100 * result['unseen_accuracy']:.1f} %"
        )
    lines.append(summary)
    return "\n".join(lines)


def plot_confusion(result: dict) -> bytes:
    """A row-normalized confusion-matrix plot as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    confusion = np.asarray(result["confusion"], np.float64)
    normalized = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    classes = result["classes"]
    fig, ax = plt.subplots(figsize=(8, 7))
    image = ax.imshow(normalized, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(classes)), classes, rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), classes)
    for i in range(len(classes)):
        for j in range(len(classes)):
            if confusion[i, j]:
                color = "white" if normalized[i, j] > 0.5 else "black"
                ax.text(
                    j,
                    i,
                    f"{100 * normalized[i, j]:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color=color,
                )
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(
        f"accuracy {100 * result['accuracy']:.1f} %, macro {100 * result['macro_accuracy']:.1f} %"
    )
    fig.colorbar(image, ax=ax, fraction=0.046)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=120)
    plt.close(fig)
    return buffer.getvalue()


def report_files(result: dict, stem: str = "evaluation") -> dict[str, bytes]:
    """``{file name: bytes}`` of one report: ``STEM.json``, ``STEM.txt`` (the table) and
    ``STEM_confusion.png``."""
    return {
        f"{stem}.json": (json.dumps(result, indent=2) + "\n").encode(),
        f"{stem}.txt": (format_table(result) + "\n").encode(),
        f"{stem}_confusion.png": plot_confusion(result),
    }


def evaluate_run(
    run_dir,
    *,
    data_root=None,
    which: str = "best",
    tflite_model: bytes | None = None,
    progress: bool = True,
) -> dict:
    """Evaluates a training run on the evaluate fold.

    Args:
        run_dir: a run directory written by :func:`tfasc.train.train`.
        data_root: data set to evaluate on (default: the run's own).
        which: ``best`` or ``last`` checkpoint.
        tflite_model: evaluate this ``.tflite`` flatbuffer in the TFLM interpreter instead
            of the Keras checkpoint; a model whose output comes from a softmax is read as
            probabilities.
        progress: progress bar while features are computed.

    Returns:
        The :func:`report` dict.

    Raises:
        tfasc.run.RunError: not a run directory, or the checkpoint does not exist yet.
    """
    run = runs.load(run_dir)
    if tflite_model is None:
        model = run.load_model(which)
    else:
        interpreter = tflm.TFLMModel(tflite_model, source="the --tflite model")
        expected = (None, *run.frontend.input_shape)
        if interpreter.input_shape[1:] != expected[1:]:
            raise runs.RunError(
                f"the --tflite model takes {interpreter.input_shape}, the run's front end "
                f"makes {expected}"
            )
    data = run.features("evaluate", data_root=data_root, progress=progress)
    if tflite_model is None:
        return report(model.predict(data.features, batch_size=128, verbose=0), data.labels,
                      data.devices)  # fmt: skip
    return report(
        interpreter.predict(data.features),
        data.labels,
        data.devices,
        probabilities=interpreter.outputs_probabilities,
    )
