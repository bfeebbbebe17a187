"""The architecture as a test: data flows one way through the layers of tfasc.

Every module under ``tfasc/`` belongs to one layer; it may import tfasc modules of its own
layer or lower ones only, there are no import cycles, and no function imports a tfasc module
to hide one (only the command line, which nothing imports, imports lazily so that
``tfasc --help`` starts fast). No module is longer than about 600 lines.
"""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tfasc"

LAYERS = [
    ("base", ["tfasc", "tfasc.keras", "tfasc.quiet", "tfasc.atomic", "tfasc.csource",
              "tfasc.flatbuffer", "tfasc.ops", "tfasc.tflm"]),
    ("data", ["tfasc.data"]),
    ("features", ["tfasc.features", "tfasc.feature_cache"]),
    ("models", ["tfasc.layers", "tfasc.models", "tfasc.complexity", "tfasc.convert"]),
    ("train", ["tfasc.augment", "tfasc.metrics", "tfasc.losses", "tfasc.distill", "tfasc.config",
               "tfasc.run", "tfasc.train", "tfasc.tune"]),
    ("compress", ["tfasc.compression"]),
    ("evaluate", ["tfasc.evaluate", "tfasc.finetune"]),
    ("export", ["tfasc.export"]),
    ("firmware", ["tfasc.firmware", "tfasc.device_set"]),
    ("aot", ["tfasc.aot"]),
    ("mcu", ["tfasc.mcu"]),
    ("top", ["tfasc.quickstart", "tfasc.compress", "tfasc.cli"]),
]  # fmt: skip
"""Lowest first. A prefix covers the package and everything in it."""

LAZY_IMPORTS_ALLOWED = {"tfasc.cli"}
MAX_LINES = 600


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    best, level = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, level = len(prefix), index
    if level is None:
        raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")
    return level


def _imports(tree: ast.Module, module: str):
    """``(imported tfasc module, line, inside a function)`` for every import."""
    package = (
        module
        if (ROOT.parent / module.replace(".", "/") / "__init__.py").exists()
        else module.rpartition(".")[0]
    )

    def targets(node):
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            prefix = ".".join(base)
            head = f"{prefix}.{node.module}" if node.module else prefix
        else:
            head = node.module or ""
        return [
            f"{head}.{alias.name}" if _is_module(f"{head}.{alias.name}") else head
            for alias in node.names
        ]

    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in targets(child):
                    if target == "tfasc" or target.startswith("tfasc."):
                        found.append((target, child.lineno, in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def _is_module(name: str) -> bool:
    path = ROOT.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


MODULES = {
    _module_name(path): path for path in sorted(ROOT.rglob("*.py")) if "templates" not in path.parts
}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_downward(module):
    tree = ast.parse(MODULES[module].read_text())
    own = layer_of(module)
    for target, line, lazy in _imports(tree, module):
        if target == "tfasc":
            continue  # the package itself (constants) is the lowest layer
        assert layer_of(target) <= own, (
            f"{module}:{line} (layer {LAYERS[own][0]}) imports {target}, which is in the higher "
            f"layer {LAYERS[layer_of(target)][0]}"
        )
        assert not lazy or module in LAZY_IMPORTS_ALLOWED, (
            f"{module}:{line} imports {target} inside a function"
        )


def test_no_import_cycles():
    graph = {
        module: {t for t, _, lazy in _imports(ast.parse(path.read_text()), module) if not lazy}
        for module, path in MODULES.items()
    }
    graph = {m: {t for t in targets if t in graph and t != m} for m, targets in graph.items()}
    state = {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in graph[node]:
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt) :] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for module in graph:
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = len(MODULES[module].read_text().splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it along its concepts"


def test_the_checker_catches_an_upward_import():
    tree = ast.parse("from tfasc import train\n\ndef f():\n    from tfasc import mcu\n")
    found = _imports(tree, "tfasc.features")
    assert [(t, lazy) for t, _, lazy in found] == [("tfasc.train", False), ("tfasc.mcu", True)]
    assert layer_of("tfasc.train") > layer_of("tfasc.features")
    assert layer_of("tfasc.models.bcresnet") == layer_of("tfasc.layers")
