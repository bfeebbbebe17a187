"""Evaluation as on the DCASE results pages: accuracy, class-macro accuracy, log loss, per
device and per class, seen versus unseen devices; a text table, JSON and a confusion plot.
"""

from __future__ import annotations

import json
import pathlib

import numpy as np

from tfasc import DEVICES, SCENES, UNSEEN_DEVICES, tflm
from tfasc.keras import keras, tf


@keras.utils.register_keras_serializable(package="tfasc")
class MacroAccuracy(keras.metrics.Metric):
    """Class-macro accuracy (mean per-class recall) of logits against integer labels.

    This is the DCASE Task 1 ranking metric. Classes without examples are left out of the
    mean. Works under ``tf.distribute`` (the confusion matrix is summed across replicas).

    Args:
        num_classes: number of classes.
    """

    def __init__(self, num_classes: int = len(SCENES), name="macro_accuracy", **kwargs):
        super().__init__(name=name, **kwargs)
        self.num_classes = num_classes
        self.confusion = self.add_weight(
            name="confusion", shape=(num_classes, num_classes), initializer="zeros"
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = tf.reshape(tf.cast(y_true, tf.int32), [-1])
        y_pred = tf.argmax(
            tf.reshape(y_pred, [-1, self.num_classes]), axis=-1, output_type=tf.int32
        )
        self.confusion.assign_add(
            tf.math.confusion_matrix(y_true, y_pred, self.num_classes, dtype=tf.float32)
        )

    def result(self):
        support = tf.reduce_sum(self.confusion, axis=1)
        recall = tf.math.divide_no_nan(tf.linalg.diag_part(self.confusion), support)
        present = tf.cast(support > 0, tf.float32)
        return tf.math.divide_no_nan(tf.reduce_sum(recall * present), tf.reduce_sum(present))

    def reset_state(self):
        self.confusion.assign(tf.zeros_like(self.confusion))

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes}


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def report(logits, labels, devices, *, classes=SCENES) -> dict:
    """All DCASE Task 1 figures for one set of predictions.

    Args:
        logits: ``(N, C)`` model outputs (logits; log loss uses their softmax).
        labels: ``(N,)`` true class indices.
        devices: ``(N,)`` device names.
        classes: class names.

    Returns:
        A JSON-ready dict: ``accuracy``, ``macro_accuracy``, ``log_loss``, ``per_device``
        (accuracy, macro accuracy, count), ``per_class``, ``device_class`` accuracy matrix,
        ``seen``/``unseen`` device accuracy and the ``confusion`` matrix.
    """
    logits = np.asarray(logits, np.float64)
    labels = np.asarray(labels)
    devices = np.asarray(devices).astype(str)
    predicted = logits.argmax(axis=1)
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
    per_device = {
        d: {
            "accuracy": float(correct[devices == d].mean()),
            "macro_accuracy": macro(devices == d),
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
    unseen_mask = np.isin(devices, UNSEEN_DEVICES)
    log_probs = _log_softmax(logits)
    return {
        "count": int(len(labels)),
        "accuracy": float(correct.mean()),
        "macro_accuracy": macro(everything),
        "log_loss": float(-log_probs[np.arange(len(labels)), labels].mean()),
        "seen_accuracy": float(correct[~unseen_mask].mean()) if (~unseen_mask).any() else None,
        "unseen_accuracy": float(correct[unseen_mask].mean()) if unseen_mask.any() else None,
        "per_device": per_device,
        "per_class": {
            classes[c]: float(correct[labels == c].mean()) if (labels == c).any() else None
            for c in range(n)
        },
        "device_class": device_class,
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
    summary = f"log loss {result['log_loss']:.3f}"
    if result["seen_accuracy"] is not None and result["unseen_accuracy"] is not None:
        summary += (
            f" | seen devices {100 * result['seen_accuracy']:.1f} %"
            f" | unseen devices {100 * result['unseen_accuracy']:.1f} %"
        )
    lines.append(summary)
    return "\n".join(lines)


def plot_confusion(result: dict, path) -> pathlib.Path:
    """Writes a row-normalized confusion-matrix PNG and returns its path."""
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
    path = pathlib.Path(path)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def write_json(data: dict, path) -> pathlib.Path:
    """Writes JSON atomically (temporary name, then rename)."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    tmp.replace(path)
    return path


def evaluate_run(
    run_dir,
    *,
    data_root=None,
    which: str = "best",
    tflite_model: bytes | None = None,
    out_dir=None,
    progress: bool = True,
) -> dict:
    """Evaluates a training run on the evaluate fold; writes JSON, table and confusion PNG.

    Args:
        run_dir: a run directory written by :func:`tfasc.train.train`.
        data_root: data set to evaluate on (default: the run's own).
        which: ``best`` or ``last`` checkpoint.
        tflite_model: evaluate this ``.tflite`` flatbuffer in the TFLM interpreter instead
            of the Keras checkpoint.
        out_dir: where to write ``evaluation[_tflm].json/.txt/.png`` (default ``run_dir``).

    Returns:
        The :func:`report` dict.
    """
    from tfasc import train

    if which not in ("best", "last"):
        raise ValueError(f"unknown checkpoint {which!r}; allowed: best, last")
    run_dir = pathlib.Path(run_dir)
    config, _ = train.load_run(run_dir)
    data = train.fold_features(config, "evaluate", data_root=data_root, progress=progress)
    if tflite_model is None:
        model = keras.models.load_model(run_dir / f"{which}.keras")
        logits = model.predict(data.features, batch_size=128, verbose=0)
        stem = "evaluation"
    else:
        logits = tflm.TFLMModel(tflite_model).predict(data.features)
        stem = "evaluation_tflm"
    result = report(logits, data.labels, data.devices)
    out_dir = pathlib.Path(out_dir or run_dir)
    write_json(result, out_dir / f"{stem}.json")
    (out_dir / f"{stem}.txt").write_text(format_table(result) + "\n")
    plot_confusion(result, out_dir / f"{stem}_confusion.png")
    return result
