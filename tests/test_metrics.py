"""Class-macro accuracy inside model.fit equals the evaluation report's."""

import numpy as np

from tfasc import SCENES, evaluate, metrics


def test_macro_accuracy_metric_matches_report():
    labels = np.array([0, 0, 1, 1, 2, 2, 2, 2])
    predicted = np.array([0, 1, 1, 1, 2, 0, 2, 2])
    logits = np.full((8, len(SCENES)), -5.0)
    logits[np.arange(8), predicted] = 5.0
    metric = metrics.MacroAccuracy(len(SCENES))
    metric.update_state(labels[:3], logits[:3])
    metric.update_state(labels[3:], logits[3:])
    expected = np.mean([1 / 2, 1, 3 / 4])  # recall of classes 0, 1, 2; absent classes left out
    assert np.isclose(metric.result().numpy(), expected)
    assert np.isclose(evaluate.report(logits, labels, ["a"] * 8)["macro_accuracy"], expected)
    metric.reset_state()
    assert metric.result().numpy() == 0.0
    assert metrics.MacroAccuracy.from_config(metric.get_config()).num_classes == len(SCENES)
