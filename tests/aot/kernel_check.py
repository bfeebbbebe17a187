"""Single ops through tfasc's kernels and through the TFLite reference kernels, compared.

A case is a one-op graph (:class:`tfasc.flatbuffer.Graph`) with random shapes, zero points,
scales (hence multipliers and shifts) and weights. :func:`run_cases` compiles every case
twice with :func:`tfasc.aot.compiler.compile_graph` (``kernels="reference"`` and the
kernels under test), joins them into one program (``kernel_tests.cc``, CMake target
``aot_kernel_tests``), builds it for a board, runs it on random inputs and returns the
mismatching output values per case. The reference kernels are the oracle: the AOT's
reference path is bit-exact with the TFLM interpreter (tests/aot/test_*).
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from tfasc import firmware, mcu
from tfasc.aot.compiler import compile_graph
from tfasc.flatbuffer import Graph, Operator, Tensor
from tfasc.mcu import build, qemu

VECTORS = 3
"""Random inputs per case."""


class GraphBuilder:
    """Tensors and one operator of a test graph."""

    def __init__(self):
        self.tensors: list[Tensor] = []

    def tensor(self, shape, dtype="int8", scale=None, zero_point=0, data=None, scales=None):
        scales = tuple(scales) if scales is not None else ((scale,) if scale else ())
        zero_points = (zero_point,) * len(scales) if scales else ()
        t = Tensor(len(self.tensors), f"t{len(self.tensors)}", tuple(int(d) for d in shape),
                   dtype, tuple(float(np.float32(s)) for s in scales), zero_points,
                   len(self.tensors), None if data is None else np.asarray(data))  # fmt: skip
        self.tensors.append(t)
        return t

    def activation(self, rng, shape, scale_range=(0.01, 0.2)):
        """An int8 activation with a random scale and zero point."""
        return self.tensor(
            shape, scale=rng.uniform(*scale_range), zero_point=int(rng.integers(-128, 128))
        )

    def graph(self, name, inputs, output, options) -> Graph:
        op = Operator(0, name, tuple(t.index for t in inputs), (output.index,), options)
        variables = tuple(t.index for t in inputs if t.data is None)
        return Graph(tuple(self.tensors), (op,), variables, (output.index,))


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    graph: Graph


def random_weights(rng, shape, sparsity=0.0):
    w = rng.integers(-127, 128, shape).astype(np.int8)
    if sparsity:
        w[rng.random(shape) < sparsity] = 0
    return w


def conv_case(rng, name, hw, cin, cout, kernel, stride=(1, 1), padding=0, groups=1,
              dilation=(1, 1), activation=0, per_channel=True, depthwise=False,
              sparsity=0.0) -> Case:  # fmt: skip
    """CONV_2D (or DEPTHWISE_CONV_2D) with random quantization."""
    from tfasc.aot.quantization import out_size

    b = GraphBuilder()
    x = b.activation(rng, (1, *hw, cin))
    oh = out_size(padding, hw[0], kernel[0], stride[0], dilation[0])
    ow = out_size(padding, hw[1], kernel[1], stride[1], dilation[1])
    w_shape = (1, *kernel, cout) if depthwise else (cout, *kernel, cin // groups)
    channels = cout
    scales = rng.uniform(0.002, 0.02, channels) if per_channel else [rng.uniform(0.002, 0.02)]
    w = b.tensor(w_shape, scales=scales, data=random_weights(rng, w_shape, sparsity))
    bias = b.tensor((cout,), "int32", scales=[1.0] * cout,
                    data=rng.integers(-5000, 5000, cout).astype(np.int32))  # fmt: skip
    fan_in = kernel[0] * kernel[1] * (1 if depthwise else cin // groups)
    y = b.tensor((1, oh, ow, cout), scale=x.scale * float(np.mean(scales)) * 150 * np.sqrt(fan_in),
                 zero_point=int(rng.integers(-128, 128)))  # fmt: skip
    options = {"Padding": padding, "StrideH": stride[0], "StrideW": stride[1],
               "DilationHFactor": dilation[0], "DilationWFactor": dilation[1],
               "FusedActivationFunction": activation}  # fmt: skip
    if depthwise:
        options["DepthMultiplier"] = cout // cin
    op = "DEPTHWISE_CONV_2D" if depthwise else "CONV_2D"
    return Case(name, b.graph(op, [x, w, bias], y, options))


def _headers_and_sources(cases, kernels, sparse):
    blocks = []
    for i, case in enumerate(cases):
        sources = {}
        for variant, which in (("ref", "reference"), ("opt", kernels)):
            ns = f"case{i}_{variant}"
            model = compile_graph(case.graph, ns, which, contract=False, header_name=f"{ns}.h",
                                  sparse=sparse)  # fmt: skip
            sources[variant] = model
        blocks.append((i, case, sources))
    return blocks


def kernel_test_files(cases: list[Case], kernels: str, vectors: int = VECTORS,
                      sparse: str = "auto") -> dict[str, str]:  # fmt: skip
    """``kernel_tests.cc`` and one header per compiled case."""
    files, body, calls = {}, [], []
    for i, case, models in _headers_and_sources(cases, kernels, sparse):
        g = case.graph
        sizes = [g.tensors[t].size for t in g.inputs]
        out_size = g.tensors[g.outputs[0]].size
        for variant, model in models.items():
            files[f"case{i}_{variant}.h"] = model.header
            body.append(model.source)
        fills = "".join(
            f"    Fill(case{i}_ref::InputAt({k}), case{i}_opt::InputAt({k}), {n}, {i} * 7919 + v * 31 + {k});\n"
            for k, n in enumerate(sizes)
        )
        calls.append(
            f"  for (int v = 0; v < kVectors; ++v) {{\n{fills}"
            f"    case{i}_ref::Invoke();\n    case{i}_opt::Invoke();\n"
            f"    Report({i}, v, case{i}_ref::Output(), case{i}_opt::Output(), {out_size});\n  }}\n"
        )
    includes = "".join(f'#include "{name}"\n' for name in sorted(files))
    includes += "".join(
        f"namespace case{i}_{v} {{\nint8_t* InputAt(int i);\n}}\n"
        for i in range(len(cases))
        for v in ("ref", "opt")
    )
    main = (
        "#include <cstdint>\n#include <cstdio>\n\n#include \"board.h\"\n"
        f"{includes}\nnamespace {{\n\nconstexpr int kVectors = {vectors};\nint g_failed = 0;\n\n"
        "void Fill(int8_t* a, int8_t* b, int n, uint32_t seed) {\n"
        "  uint32_t s = seed * 2654435761u + 12345u;\n"
        "  for (int i = 0; i < n; ++i) {\n"
        "    s = s * 1664525u + 1013904223u;\n"
        "    a[i] = b[i] = static_cast<int8_t>(s >> 24);\n  }\n}\n\n"
        "void Report(int c, int v, const int8_t* ref, const int8_t* opt, int n) {\n"
        "  int bad = 0, first = -1;\n"
        "  for (int i = 0; i < n; ++i) {\n"
        "    if (ref[i] != opt[i]) {\n      if (first < 0) first = i;\n      ++bad;\n    }\n  }\n"
        "  if (bad) ++g_failed;\n"
        "  std::printf(\"TFASC case %d %d %d %d %d %d\\n\", c, v, bad, first,\n"
        "              first < 0 ? 0 : ref[first], first < 0 ? 0 : opt[first]);\n}\n\n}  // namespace\n\n"
        "int main() {\n  board_init();\n" + "".join(calls) +
        "  std::printf(\"TFASC done %d\\n\", g_failed);\n  return g_failed ? 1 : 0;\n}\n"
    )  # fmt: skip
    files["kernel_tests.cc"] = "\n".join(body) + "\n" + main
    return files


@dataclasses.dataclass(frozen=True)
class CaseResult:
    name: str
    mismatches: int
    """Output values that differ, over every vector."""
    first: tuple[int, int, int] | None
    """(index, reference value, tfasc value) of the first difference."""


def run_cases(cases: list[Case], board: str, build_dir, kernels: str | None = None,
              sparse: str = "auto"):  # fmt: skip
    """Builds the cases for ``board`` (its own kernels unless given) and runs them."""
    target = mcu.BOARDS[board]
    kernels = kernels or target.kernels
    generated, cmake = build_dir / "generated", build_dir / "cmake"
    firmware.write_firmware(generated, kernel_test_files(cases, kernels, sparse=sparse))
    defines = {} if kernels == target.kernels else {"TFASC_DEFINES": "TFASC_KERNELS_PORTABLE"}
    exe = build.build(target, "aot_kernel_tests", generated, cmake,
                      {**build.kernel_include_dirs(), **defines})  # fmt: skip
    _, text = qemu.run(exe, target, timeout=600, icount=False)
    if "TFASC done" not in text:
        raise AssertionError(f"the kernel tests did not finish on {board}:\n{text[-3000:]}")
    found = {i: [0, None] for i in range(len(cases))}
    for m in re.finditer(r"^TFASC case (\d+) \d+ (\d+) (-?\d+) (-?\d+) (-?\d+)", text, re.M):
        c, bad = int(m.group(1)), int(m.group(2))
        found[c][0] += bad
        if bad and found[c][1] is None:
            found[c][1] = (int(m.group(3)), int(m.group(4)), int(m.group(5)))
    return [CaseResult(cases[i].name, n, first) for i, (n, first) in found.items()]


def fc_case(
    rng, name, batches, depth, units, per_channel=False, activation=0, sparsity=0.0
) -> Case:
    """FULLY_CONNECTED on (batches, depth)."""
    b = GraphBuilder()
    x = b.activation(rng, (batches, depth))
    scales = rng.uniform(0.002, 0.02, units) if per_channel else [rng.uniform(0.002, 0.02)]
    w = b.tensor((units, depth), scales=scales, data=random_weights(rng, (units, depth), sparsity))
    bias = b.tensor((units,), "int32", scales=[1.0] * units,
                    data=rng.integers(-5000, 5000, units).astype(np.int32))  # fmt: skip
    y = b.tensor((batches, units), scale=x.scale * float(np.mean(scales)) * 150 * np.sqrt(depth),
                 zero_point=int(rng.integers(-128, 128)))  # fmt: skip
    return Case(name, b.graph("FULLY_CONNECTED", [x, w, bias], y,
                              {"FusedActivationFunction": activation}))  # fmt: skip


def pool_case(rng, name, op, hw, c, filt, stride, padding=1, activation=0) -> Case:
    """MAX_POOL_2D / AVERAGE_POOL_2D (input and output quantization equal, as TFLite's)."""
    from tfasc.aot.quantization import out_size

    b = GraphBuilder()
    x = b.activation(rng, (1, *hw, c))
    oh, ow = (
        out_size(padding, hw[0], filt[0], stride[0]),
        out_size(padding, hw[1], filt[1], stride[1]),
    )
    y = b.tensor((1, oh, ow, c), scale=x.scale, zero_point=x.zero_point)
    options = {"Padding": padding, "StrideH": stride[0], "StrideW": stride[1],
               "FilterHeight": filt[0], "FilterWidth": filt[1], "FusedActivationFunction": activation}  # fmt: skip
    return Case(name, b.graph(op, [x], y, options))


def binary_case(rng, name, op, a_shape, b_shape, const_b=False, activation=0) -> Case:
    """ADD / SUB / MUL / SQUARED_DIFFERENCE with broadcasting (b constant if asked)."""
    g = GraphBuilder()
    a = g.activation(rng, a_shape)
    if const_b:
        b = g.tensor(b_shape, scale=rng.uniform(0.01, 0.2), zero_point=int(rng.integers(-128, 128)),
                     data=rng.integers(-128, 128, b_shape).astype(np.int8))  # fmt: skip
    else:
        b = g.activation(rng, b_shape)
    out_shape = np.broadcast_shapes(a_shape, b_shape)
    scale = {"MUL": a.scale * b.scale * 60, "SQUARED_DIFFERENCE": max(a.scale, b.scale) ** 2 * 300}
    y = g.tensor(out_shape, scale=scale.get(op, max(a.scale, b.scale) * 1.5),
                 zero_point=int(rng.integers(-128, 128)))  # fmt: skip
    options = {} if op == "SQUARED_DIFFERENCE" else {"FusedActivationFunction": activation}
    return Case(name, g.graph(op, [a, b], y, options))


def mean_case(rng, name, shape, axes, keep_dims=True) -> Case:
    """MEAN over ``axes``."""
    g = GraphBuilder()
    x = g.activation(rng, shape)
    axis = g.tensor((len(axes),), "int32", data=np.array(axes, np.int32))
    out = tuple(1 if i in axes else d for i, d in enumerate(shape))
    if not keep_dims:
        out = tuple(d for i, d in enumerate(shape) if i not in axes)
    y = g.tensor(out, scale=x.scale * rng.uniform(0.5, 2), zero_point=int(rng.integers(-128, 128)))
    return Case(name, g.graph("MEAN", [x, axis], y, {"KeepDims": keep_dims}))


def random_cases(rng, count: int) -> list[Case]:
    """``count`` cases of every kernel family with random shapes, zero points and scales."""
    makers = [_random_conv, _random_depthwise, _random_fc, _random_pool, _random_binary,
              _random_mean]  # fmt: skip
    return [makers[i % len(makers)](rng, i) for i in range(count)]


def _choice(rng, values):
    return values[int(rng.integers(len(values)))]


def _random_conv(rng, i) -> Case:
    kernel = _choice(rng, [(1, 1), (1, 1), (3, 3), (5, 5), (7, 7), (3, 1), (1, 3), (2, 2)])
    groups = _choice(rng, [1, 1, 1, 2, 4])
    cin = (
        groups * int(rng.integers(1, 9))
        if groups > 1
        else _choice(rng, [1, 2, 3, 4, 5, 8, 12, 16, 24, 33])
    )
    cout = groups * int(rng.integers(1, 7)) if groups > 1 else int(rng.integers(1, 22))
    stride = (int(rng.integers(1, 3)), int(rng.integers(1, 3)))
    dilation = (1, 1) if rng.random() < 0.8 or stride != (1, 1) else (2, int(rng.integers(1, 3)))
    effective = ((kernel[0] - 1) * dilation[0] + 1, (kernel[1] - 1) * dilation[1] + 1)
    hw = (
        int(rng.integers(effective[0], effective[0] + 9)),
        int(rng.integers(effective[1], effective[1] + 9)),
    )
    return conv_case(rng, f"conv{i} {hw} {cin}->{cout} k{kernel} s{stride} g{groups}", hw, cin, cout,
                     kernel, stride, int(rng.integers(2)), groups, dilation,
                     activation=_choice(rng, [0, 1, 3]), per_channel=rng.random() < 0.7)  # fmt: skip


def _random_depthwise(rng, i) -> Case:
    kernel = _choice(rng, [(3, 3), (3, 3), (3, 1), (1, 3), (5, 5), (2, 3)])
    cin = _choice(rng, [1, 3, 4, 7, 16, 20, 33, 40])
    multiplier = _choice(rng, [1, 1, 1, 2])
    stride = _choice(rng, [(1, 1), (1, 1), (2, 2), (1, 2), (2, 1)])
    hw = (int(rng.integers(kernel[0], 12)), int(rng.integers(kernel[1], 12)))
    return conv_case(rng, f"dw{i} {hw} {cin}x{multiplier} k{kernel} s{stride}", hw, cin,
                     cin * multiplier, kernel, stride, int(rng.integers(2)),
                     activation=_choice(rng, [0, 1]), per_channel=rng.random() < 0.7,
                     depthwise=True)  # fmt: skip


def _random_fc(rng, i) -> Case:
    batches, depth, units = (
        int(rng.integers(1, 4)),
        int(rng.integers(1, 130)),
        int(rng.integers(1, 40)),
    )
    return fc_case(rng, f"fc{i} {batches}x{depth}->{units}", batches, depth, units,
                   per_channel=rng.random() < 0.5, activation=_choice(rng, [0, 1]))  # fmt: skip


def _random_pool(rng, i) -> Case:
    op = _choice(rng, ["MAX_POOL_2D", "AVERAGE_POOL_2D"])
    filt = _choice(rng, [(2, 2), (3, 3), (5, 5), (3, 1), (1, 4)])
    stride = _choice(rng, [(1, 1), (2, 2), filt])
    padding = int(rng.integers(2))
    hw = (int(rng.integers(filt[0], 14)), int(rng.integers(filt[1], 14)))
    c = _choice(rng, [1, 3, 4, 16, 17, 40])
    return pool_case(rng, f"pool{i} {op} {hw}x{c} f{filt} s{stride} p{padding}", op, hw, c, filt,
                     stride, padding, activation=_choice(rng, [0, 1]))  # fmt: skip


def _random_binary(rng, i) -> Case:
    op = _choice(rng, ["ADD", "SUB", "MUL", "SQUARED_DIFFERENCE"])
    full = (1, int(rng.integers(1, 10)), int(rng.integers(1, 20)), int(rng.integers(1, 24)))
    pattern = _choice(rng, ["same", "row", "column", "channel", "scalar", "rows"])
    other = {
        "same": full, "row": (1, full[1], 1, 1), "column": (1, 1, full[2], full[3]),
        "channel": (full[3],), "scalar": (), "rows": (full[1], 1, full[3]),
    }[pattern]  # fmt: skip
    a, b = (full, other) if rng.random() < 0.7 else (other, full)
    constant = pattern in ("scalar", "rows", "channel") and rng.random() < 0.5
    if constant and a is not full:
        a, b = b, a
    return binary_case(rng, f"{op.lower()}{i} {a} {b}", op, a, b, const_b=constant,
                       activation=_choice(rng, [0, 1]))  # fmt: skip


def _random_mean(rng, i) -> Case:
    shape = (1, int(rng.integers(1, 20)), int(rng.integers(1, 40)), int(rng.integers(1, 9)))
    axes = _choice(rng, [[2, 3], [1, 2], [3], [1], [1, 2, 3], [1, 3]])
    return mean_case(rng, f"mean{i} {shape} {axes}", shape, axes, keep_dims=rng.random() < 0.7)
