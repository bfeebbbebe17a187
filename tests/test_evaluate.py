import json

import numpy as np
import pytest

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
    p_true = np.exp(5) / (np.exp(5) + 9 * np.exp(-5))
    p_wrong = np.exp(-5) / (np.exp(5) + 9 * np.exp(-5))
    assert result["per_device"]["s4"] == pytest.approx(
        {"accuracy": 0.5, "macro_accuracy": 0.5, "count": 2,
         "log_loss": -(np.log(p_true) + np.log(p_wrong)) / 2}
    )  # fmt: skip
    assert result["seen_accuracy"] == 4 / 5 and result["unseen_accuracy"] == 2 / 3
    assert result["device_class"]["a"]["airport"] == 0.5
    assert result["device_class"]["a"]["park"] is None
    assert np.array(result["confusion"]).sum() == 8
    assert np.isclose(result["log_loss"], -(6 * np.log(p_true) + 2 * np.log(p_wrong)) / 8)
    json.dumps(result)


def test_probabilities_are_not_softmaxed_again():
    logits, labels, devices = _case()
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    from_logits = evaluate.report(logits, labels, devices)
    from_probabilities = evaluate.report(probabilities, labels, devices, probabilities=True)
    assert np.isclose(from_probabilities["log_loss"], from_logits["log_loss"])
    # What the old code computed: log-softmax of probabilities, a different number.
    wrong = evaluate.report(probabilities, labels, devices)["log_loss"]
    assert not np.isclose(wrong, from_logits["log_loss"], atol=0.1)
    # Probabilities of exactly 0 are floored at 1e-7, not -inf.
    hard = np.eye(len(SCENES))[[0, 1, 1, 1, 2, 0, 2, 2]]
    assert np.isclose(
        evaluate.report(hard, labels, devices, probabilities=True)["log_loss"],
        -2 * np.log(1e-7 / (1 + 9e-7)) / 8 - 6 * np.log(1 / (1 + 9e-7)) / 8,
    )


def test_wilson_interval():
    low, high = evaluate.wilson_interval(6, 8)
    assert np.isclose(low, 0.40928, atol=1e-5) and np.isclose(high, 0.92852, atol=1e-5)


def test_table_and_plot(tmp_path):
    result = evaluate.report(*_case())
    table = evaluate.format_table(result)
    assert "unseen devices 66.7 %" in table and table.splitlines()[0].split()[1:4] == [
        "a",
        "b",
        "s4",
    ]
    assert "clips                    3      2      2      1       8" in table
    assert "each device x class cell holds 1-2 clips: one clip moves a cell by up to 100" in table
    assert "accuracy 75.0 % (95 % interval 40.9-92.9 %)" in table
    files = evaluate.report_files(result)
    assert sorted(files) == ["evaluation.json", "evaluation.txt", "evaluation_confusion.png"]
    assert files["evaluation_confusion.png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(files["evaluation.json"])["device_class_count"]["a"]["airport"] == 2
