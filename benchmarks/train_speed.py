"""Training and inference throughput of the DCASE2024 baseline: tfasc's ``model.fit`` against
the PyTorch reference network, side by side on the same CPU.

The PyTorch side is the simplified CP-Mobile of the DCASE2024 baseline written here (same
layout as :mod:`tfasc.models.dcase2024_baseline`: 61,148 parameters, checked at start-up),
trained with Adam and cross-entropy on the same random 256 x 65 batches of 64. The two are
measured in turns (``--rounds`` times, tfasc then PyTorch), each turn timing ``--steps``
training steps after ``--warmup`` untimed ones, so that machine load affects both alike; the
medians and their ratio are printed and written to ``benchmarks/results/train_speed.json``.
Without torch installed (``pip install torch==2.13.0``), only tfasc is measured.

tfasc variants: ``default`` (what ``tfasc train`` does), ``xla`` (the training step compiled
with ``jit_compile``), ``grouped`` (the layer before: the unequal-stride depthwise
convolutions trained as TensorFlow's grouped ``Conv2D`` instead of
:class:`tfasc.layers.strided_depthwise.StridedDepthwiseConv2D`).

    .venv/bin/python benchmarks/train_speed.py [--variants default,xla,grouped] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import pathlib
import platform
import statistics
import time
from unittest import mock

import numpy as np

from tfasc import SCENES, atomic, models, train
from tfasc.config import OptimizerConfig
from tfasc.keras import keras, tf
from tfasc.layers import rep_conv

BATCH = 64
INPUT = (256, 65, 1)


class _Timer(keras.callbacks.Callback):
    def __init__(self, warmup: int):
        super().__init__()
        self.warmup = warmup
        self.start = None

    def on_train_batch_end(self, batch, logs=None):
        if batch + 1 == self.warmup:
            self.start = time.perf_counter()


def build(variant: str) -> keras.Model:
    """The DCASE2024 baseline; ``grouped``: with plain grouped ``Conv2D`` layers."""
    keras.utils.set_random_seed(0)
    with contextlib.ExitStack() as stack:
        if variant == "grouped":
            stack.enter_context(
                mock.patch.object(rep_conv, "StridedDepthwiseConv2D", keras.layers.Conv2D)
            )
        return models.build("dcase2024_baseline")


def tfasc_training(steps: int, warmup: int, variant: str) -> float:
    """Clips per second of ``model.fit`` on the DCASE2024 baseline (tfasc's training path)."""
    model = build(variant)
    train.compile_model(
        model, OptimizerConfig(epochs=1), warmup + steps, jit_compile=variant == "xla"
    )
    rng = np.random.default_rng(0)
    x = rng.standard_normal((BATCH * 8, *INPUT)).astype(np.float32)
    y = rng.integers(0, len(SCENES), BATCH * 8)
    data = tf.data.Dataset.from_tensor_slices((x, y)).repeat().batch(BATCH).prefetch(2)
    timer = _Timer(warmup)
    model.fit(data, steps_per_epoch=warmup + steps, epochs=1, verbose=0, callbacks=[timer])
    return steps * BATCH / (time.perf_counter() - timer.start)


def tfasc_inference(batches: int, variant: str) -> float:
    """Clips per second of inference (a ``tf.function`` of the model, training=False)."""
    model = build(variant)
    x = np.random.default_rng(1).standard_normal((BATCH, *INPUT)).astype(np.float32)
    step = tf.function(lambda v: model(v, training=False), jit_compile=variant == "xla")
    step(x)
    start = time.perf_counter()
    for _ in range(batches):
        step(x).numpy()
    return batches * BATCH / (time.perf_counter() - start)


def torch_network():
    """The DCASE2024 baseline in PyTorch (Schmid et al.'s simplified CP-Mobile)."""
    import torch.nn as nn

    def conv_bn(c_in, c_out, k, stride, groups=1, relu=True):
        layers = [nn.Conv2d(c_in, c_out, k, stride, k // 2, groups=groups, bias=False),
                  nn.BatchNorm2d(c_out)]  # fmt: skip
        return nn.Sequential(*layers, nn.ReLU()) if relu else nn.Sequential(*layers)

    class Block(nn.Module):
        def __init__(self, c_in, c_out, expansion, stride):
            super().__init__()
            hidden = models.dcase2024_baseline.make_divisible(c_in * expansion, 8)
            self.body = nn.Sequential(
                conv_bn(c_in, hidden, 1, 1),
                conv_bn(hidden, hidden, 3, stride, groups=hidden),
                conv_bn(hidden, c_out, 1, 1, relu=False),
            )
            self.residual = c_in == c_out
            self.pool = nn.AvgPool2d(3, stride, 1) if self.residual and stride != (1, 1) else None

        def forward(self, x):
            y = self.body(x)
            if self.residual:
                y = y + (self.pool(x) if self.pool is not None else x)
            return y.relu()

    strides = models.dcase2024_baseline.BASELINE_STRIDES
    specs, c_in, index = [], 32, 0
    for blocks, c_out in zip((3, 2, 1), (32, 56, 104), strict=True):
        for _ in range(blocks):
            index += 1
            specs.append(Block(c_in, c_out, 2.1, strides.get(index, (1, 1))))
            c_in = c_out
    return nn.Sequential(
        conv_bn(1, 8, 3, 2), conv_bn(8, 32, 3, 2), *specs,
        nn.Conv2d(104, len(SCENES), 1, bias=False), nn.BatchNorm2d(len(SCENES)),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(),
    )  # fmt: skip


def torch_training(steps: int, warmup: int) -> float:
    import torch

    torch.manual_seed(0)
    net = torch_network()
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(BATCH, 1, *INPUT[:2])
    y = torch.randint(0, len(SCENES), (BATCH,))
    net.train()
    for i in range(warmup + steps):
        if i == warmup:
            start = time.perf_counter()
        optimizer.zero_grad()
        loss_fn(net(x), y).backward()
        optimizer.step()
    return steps * BATCH / (time.perf_counter() - start)


def torch_inference(batches: int) -> float:
    import torch

    net = torch_network().eval()
    x = torch.randn(BATCH, 1, *INPUT[:2])
    with torch.no_grad():
        net(x)
        start = time.perf_counter()
        for _ in range(batches):
            net(x)
    return batches * BATCH / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=8)
    parser.add_argument("--variants", default="default,grouped,xla",
                        help="tfasc: default, grouped, xla")  # fmt: skip
    parser.add_argument(
        "--out", default=pathlib.Path(__file__).parent / "results" / "train_speed.json"
    )
    args = parser.parse_args()
    try:
        import torch

        assert sum(p.numel() for p in torch_network().parameters()) == 61_148
    except ImportError:
        torch = None
    variants = args.variants.split(",")
    runs = {f"tfasc_{v}": {"train": [], "inference": []} for v in variants}
    if torch is not None:
        runs["pytorch"] = {"train": [], "inference": []}
    for round_ in range(args.rounds):
        for v in variants:
            runs[f"tfasc_{v}"]["train"].append(tfasc_training(args.steps, args.warmup, v))
            runs[f"tfasc_{v}"]["inference"].append(tfasc_inference(args.steps, v))
        if torch is not None:
            runs["pytorch"]["train"].append(torch_training(args.steps, args.warmup))
            runs["pytorch"]["inference"].append(torch_inference(args.steps))
        print(f"round {round_ + 1}:", {k: round(v["train"][-1], 1) for k, v in runs.items()})
    summary = {
        name: {kind: round(statistics.median(values), 1) for kind, values in r.items()}
        for name, r in runs.items()
    }
    if torch is not None:
        for name in summary:
            for kind in ("train", "inference"):
                summary[name][f"{kind}_vs_pytorch"] = round(
                    summary[name][kind] / summary["pytorch"][kind], 2
                )
    result = {
        "command": "python benchmarks/train_speed.py",
        "model": "dcase2024_baseline (61,148 parameters), batch 64, 256x65 input, Adam",
        "machine": f"{platform.processor() or platform.machine()}, "
        f"{len(tf.config.list_physical_devices('CPU'))} TF CPU device(s)",
        "torch": torch.__version__ if torch is not None else None,
        "clips_per_second_median": summary,
        "rounds": runs,
    }
    atomic.write_json(args.out, result)
    for name, values in summary.items():
        print(f"{name:16s} {values}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
