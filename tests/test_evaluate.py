import json

import numpy as np

from tfasc import SCENES, evaluate


def _case():
    labels = np.array([0, 0, 1, 1, 2, 2, 2, 2])
    predicted = np.array([0, 1, 1, 1, 2, 0, 2, 2])
    devices = np.array(["a", "a", "b", "s4", "a", "s4", "s5", "b"])
    logits = np.full((8, len(SCENES)), -5.0)
    logits[np.arange(8), predicted] = 5.0
    return logits, labels, devices


def test_report_numbers():
    logits, labels, devices = _case()
    result = evaluate.report(logits, labels, devices)
    assert result["accuracy"] == 6 / 8
    assert np.isclose(result["macro_accuracy"], np.mean([1 / 2, 1, 3 / 4]))
    assert result["per_device"]["a"]["accuracy"] == 2 / 3
    assert result["per_device"]["s4"] == {"accuracy": 0.5, "macro_accuracy": 0.5, "count": 2}
    assert result["seen_accuracy"] == 4 / 5 and result["unseen_accuracy"] == 2 / 3
    assert result["device_class"]["a"]["airport"] == 0.5
    assert result["device_class"]["a"]["park"] is None
    assert np.array(result["confusion"]).sum() == 8
    p_true = np.exp(5) / (np.exp(5) + 9 * np.exp(-5))
    p_wrong = np.exp(-5) / (np.exp(5) + 9 * np.exp(-5))
    assert np.isclose(result["log_loss"], -(6 * np.log(p_true) + 2 * np.log(p_wrong)) / 8)
    json.dumps(result)


def test_macro_accuracy_metric_matches_report():
    logits, labels, devices = _case()
    metric = evaluate.MacroAccuracy(len(SCENES))
    metric.update_state(labels[:3], logits[:3])
    metric.update_state(labels[3:], logits[3:])
    assert np.isclose(
        metric.result().numpy(), evaluate.report(logits, labels, devices)["macro_accuracy"]
    )
    metric.reset_state()
    assert metric.result().numpy() == 0.0


def test_table_and_plot(tmp_path):
    result = evaluate.report(*_case())
    table = evaluate.format_table(result)
    assert "unseen devices 66.7 %" in table and table.splitlines()[0].split()[1:4] == [
        "a",
        "b",
        "s4",
    ]
    png = evaluate.plot_confusion(result, tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
