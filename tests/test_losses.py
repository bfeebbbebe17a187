"""The cross-entropy with label smoothing, against its closed form."""

import numpy as np

from tfasc import losses


def test_sparse_crossentropy_with_label_smoothing():
    logits = np.array([[2.0, 0.0, -1.0], [0.5, 0.5, 0.5]], np.float32)
    labels = np.array([0, 2])
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    for smoothing in (0.0, 0.1):
        target = np.full((2, 3), smoothing / 3)
        target[np.arange(2), labels] += 1 - smoothing
        expected = -(target * log_p).sum(axis=1).mean()
        loss = losses.SparseCrossentropy(smoothing)(labels, logits).numpy()
        assert np.isclose(loss, expected, rtol=1e-6), (smoothing, loss, expected)
    restored = losses.SparseCrossentropy.from_config(losses.SparseCrossentropy(0.2).get_config())
    assert restored.label_smoothing == 0.2
