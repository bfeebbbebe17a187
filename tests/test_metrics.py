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


def test_dense_and_packed_targets_and_appended_outputs():
    """Mixed or packed targets count by the argmax of their label part; outputs beyond the
    classes (a projected embedding) are ignored."""
    labels = np.array([0, 0, 1, 1, 2, 2, 2, 2])
    predicted = np.array([0, 1, 1, 1, 2, 0, 2, 2])
    n = len(SCENES)
    logits = np.full((8, n), -5.0)
    logits[np.arange(8), predicted] = 5.0
    extra = np.full((8, 4), 100.0)  # would win every argmax if it were read
    outputs = np.concatenate([logits, extra], axis=1)
    mixed = 0.7 * np.eye(n)[labels] + 0.3 * np.eye(n)[(labels + 1) % n]
    teacher = np.eye(n)[(labels + 2) % n]  # a disagreeing teacher must not change the label
    packed = np.concatenate([mixed, teacher, np.zeros((8, 4))], axis=1)
    for targets in (labels, np.eye(n)[labels], mixed, packed):
        macro, accuracy = metrics.MacroAccuracy(n), metrics.Accuracy(n)
        macro.update_state(targets, outputs)
        accuracy.update_state(targets, outputs)
        assert np.isclose(macro.result().numpy(), np.mean([1 / 2, 1, 3 / 4]))
        assert np.isclose(accuracy.result().numpy(), 6 / 8)
    again = metrics.Accuracy.from_config(metrics.Accuracy(n).get_config())
    assert again.num_classes == n and again.name == "accuracy"
