"""Complexity results: totals, the DCASE budget check, JSON summary and markdown table."""

import json

from tfasc.complexity import (
    DCASE_MAX_MACS,
    DCASE_MAX_PARAM_BYTES,
    Complexity,
    LayerComplexity,
    to_json,
)


def layer(name, params, macs, nonzero=None):
    return LayerComplexity(
        name=name,
        kind="Conv2D",
        output_shape=(4, 2, 8),
        params=params,
        macs=macs,
        param_bytes=params,
        nonzero_bytes=params if nonzero is None else nonzero,
    )


def test_dcase_budget():
    assert (DCASE_MAX_PARAM_BYTES, DCASE_MAX_MACS) == (128_000, 30_000_000)
    edge = Complexity(
        name="edge", layers=(layer("a", 100_000, 20_000_000), layer("b", 28_000, 10_000_000)),
        peak_activation_bytes=0,
    )  # fmt: skip
    assert (edge.params, edge.macs, edge.within_budget()) == (128_000, 30_000_000, True)
    over = Complexity(name="over", layers=(layer("a", 128_001, 1),), peak_activation_bytes=0)
    assert not over.within_budget()
    assert over.within_budget(max_param_bytes=200_000)


def test_summary_table_and_json():
    c = Complexity(
        name="m",
        layers=(layer("conv1", 1_200, 34_000, nonzero=900), layer("conv2", 300, 5_000)),
        peak_activation_bytes=4_096,
        param_bytes_by_dtype={"int8": 1_500},
        other_constant_bytes=8,
        ops=("CONV_2D",),
    )
    assert json.loads(to_json({"m": c.summary()})) == {
        "m": {
            "params": 1_500, "macs": 39_000, "param_bytes": 1_500, "nonzero_bytes": 1_200,
            "peak_activation_bytes": 4_096, "within_dcase_budget": True,
            "param_bytes_by_dtype": {"int8": 1_500}, "other_constant_bytes": 8,
            "ops": ["CONV_2D"],
        }
    }  # fmt: skip
    assert c.table().splitlines()[2:] == [
        "| conv1 | Conv2D | 4×2×8 | 1,200 | 34,000 | 1,200 | 900 |",
        "| conv2 | Conv2D | 4×2×8 | 300 | 5,000 | 300 | 300 |",
        "| **total** | | | **1,500** | **39,000** | **1,500** | **1,200** |",
        "",
        "Peak activation memory (estimate): 4,096 bytes",
    ]
    assert str(c) == c.table()


def test_keras_summary_has_no_tflite_fields():
    c = Complexity(name="k", layers=(layer("a", 1, 1),), peak_activation_bytes=1)
    assert set(c.summary()) == {
        "params", "macs", "param_bytes", "nonzero_bytes", "peak_activation_bytes",
        "within_dcase_budget",
    }  # fmt: skip
