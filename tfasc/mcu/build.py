"""The firmware build: the CMake project ``micro/CMakeLists.txt``, configured once per folder.

Python writes the generated sources (model, settings, vectors, tables) into one folder and
calls ``cmake -S micro -B BUILD -DCMAKE_TOOLCHAIN_FILE=micro/cmake/<board>.cmake
-DTFASC_GENERATED_DIR=...`` and ``cmake --build BUILD --target TARGET``; every compiler flag
lives in CMake. A folder is configured again only when its settings or the set of generated
files change.

Example:
    >>> exe = build(BOARDS["mps2-an386"], "aot_vectors", "out/generated", "out/cmake")
    >>> exe.name
    'aot_vectors.elf'
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import tfasc
from tfasc.mcu.boards import Board
from tfasc.mcu.toolchain import ToolchainError, find_tool, require_tools

TARGETS = (
    "aot_vectors",
    "aot_pipeline",
    "aot_kernel_tests",
    "logmel_main",
    "firmware_sources",
    "tflm_harness",
    "tflm_harness_objects",
    "board_selftest",
)
"""Targets of ``micro/CMakeLists.txt`` (its header says what each builds)."""

_LIBRARIES = ("firmware_sources", "tflm_harness_objects")


def micro_dir() -> pathlib.Path:
    """The C/C++ sources: ``tfasc/micro`` in an installed wheel, ``micro/`` in a checkout.

    Raises:
        ToolchainError: neither is there (a broken installation).
    """
    package = pathlib.Path(tfasc.__file__).resolve().parent
    for candidate in (package / "micro", package.parent / "micro"):
        if (candidate / "CMakeLists.txt").is_file():
            return candidate
    raise ToolchainError(
        f"the firmware sources (micro/CMakeLists.txt) are neither in {package / 'micro'} nor "
        f"in {package.parent / 'micro'}; reinstall tfasc"
    )


def _package_dir(name: str) -> pathlib.Path:
    """A package's folder without importing it (``tensorflow`` takes seconds to import)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ToolchainError(f"the Python package {name} is not installed")
    return pathlib.Path(next(iter(spec.submodule_search_locations)))


def kernel_include_dirs() -> dict[str, str]:
    """The cache variables locating the TFLite reference kernels and gemmlowp.

    The kernels' headers come with the ``xmos-ai-tools`` wheel, gemmlowp's ``fixedpoint.h``
    with the ``tensorflow`` wheel.
    """
    xmos = _package_dir("xmos_ai_tools") / "runtime" / "include"
    gemmlowp = _package_dir("tensorflow") / "include" / "external" / "gemmlowp"
    for path in (xmos, gemmlowp):
        if not path.is_dir():
            raise ToolchainError(f"kernel headers not found at {path}")
    return {"TFASC_KERNELS_INCLUDE_DIR": str(xmos), "TFASC_GEMMLOWP_INCLUDE_DIR": str(gemmlowp)}


def aot_variables(board: Board, kernels: str, defines: tuple[str, ...] = ()) -> dict[str, str]:
    """The cache variables of an AOT firmware build with ``kernels`` for ``board``.

    The kernel headers (:func:`kernel_include_dirs`), ``defines`` (e.g. ``TFASC_PROFILE``)
    and ``TFASC_KERNELS_PORTABLE`` when the portable kernels are asked for on a core with
    SIMD.

    Raises:
        ValueError: ``kernels`` names a SIMD variant the board's core does not run.
    """
    if kernels in ("dsp", "mve") and kernels != board.kernels:
        raise ValueError(f"{board.name} runs the {board.kernels} kernels, not {kernels}")
    names = list(defines)
    if kernels == "portable" and board.kernels != "portable":
        names.append("TFASC_KERNELS_PORTABLE")
    variables = kernel_include_dirs()
    if names:
        variables["TFASC_DEFINES"] = ";".join(names)
    return variables


def executable(board: Board, target: str, build_dir) -> pathlib.Path:
    """Where ``target``'s program lands in ``build_dir``."""
    return pathlib.Path(build_dir) / (target + (".elf" if board.emulated else ""))


def configure(board: Board, generated_dir, build_dir, variables: dict | None = None) -> str:
    """``cmake -S micro -B build_dir`` for ``board``, unless ``build_dir`` is configured alike.

    Args:
        board: the target board (its toolchain file).
        generated_dir: the folder of generated sources (``TFASC_GENERATED_DIR``).
        build_dir: the CMake binary folder (created).
        variables: further cache variables (``TFASC_LOGMEL_FFT_LEN``, ``TFLM_ROOT``, ...).

    Returns:
        CMake's output, or ``""`` when the folder was already configured alike.

    Raises:
        ToolchainError: a tool is missing or CMake fails.
    """
    require_tools(board)
    micro = micro_dir()
    build_dir = pathlib.Path(build_dir).resolve()
    generated_dir = pathlib.Path(generated_dir).resolve()
    settings = {"TFASC_GENERATED_DIR": str(generated_dir), **(variables or {})}
    if board.toolchain:
        settings["CMAKE_TOOLCHAIN_FILE"] = str(micro / "cmake" / board.toolchain)
    stamp = {
        "micro": str(micro),
        "settings": {k: str(v) for k, v in sorted(settings.items())},
        "generated": sorted(p.name for p in generated_dir.iterdir()),
    }
    stamp_path = build_dir / "tfasc-configure.json"
    previous = json.loads(stamp_path.read_text()) if stamp_path.is_file() else None
    if previous == stamp and (build_dir / "CMakeCache.txt").is_file():
        return ""
    toolchain = settings.get("CMAKE_TOOLCHAIN_FILE")
    if previous is not None and previous["settings"].get("CMAKE_TOOLCHAIN_FILE") != toolchain:
        shutil.rmtree(build_dir)  # a toolchain file applies only to a fresh build folder
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp_path.unlink(missing_ok=True)  # written again only if this configure succeeds
    output = _run([find_tool("cmake"), "-S", str(micro), "-B", str(build_dir),
                   *(f"-D{k}={v}" for k, v in settings.items())], "configure")  # fmt: skip
    stamp_path.write_text(json.dumps(stamp, indent=1) + "\n")
    return output


def build(
    board: Board, target: str, generated_dir, build_dir, variables: dict | None = None
) -> pathlib.Path:
    """Configures (if needed) and builds ``target``; returns its program.

    Args:
        board: the target board.
        target: one of :data:`TARGETS`.
        generated_dir: the folder of generated sources the target needs.
        build_dir: the CMake binary folder.
        variables: further cache variables, as for :func:`configure`.

    Returns:
        The program (an ELF for the boards); for the object-only targets, ``build_dir``.

    Raises:
        ValueError: an unknown target.
        ToolchainError: a tool is missing, the generated folder lacks the target's files, or
            the build fails (its output in ``error.output``).
    """
    if target not in TARGETS:
        raise ValueError(f"unknown firmware target {target!r}; allowed: {', '.join(TARGETS)}")
    configure(board, generated_dir, build_dir, variables)
    jobs = str(min(4, os.cpu_count() or 1))
    listed = _run([find_tool("cmake"), "--build", str(build_dir), "--target", "help"], "list")
    if not re.search(rf"\b{target}\b", listed):
        raise ToolchainError(
            f"{board.name}: target {target} is not defined: {generated_dir} lacks the files it "
            "needs (see micro/CMakeLists.txt)"
        )
    _run([find_tool("cmake"), "--build", str(build_dir), "--target", target, "-j", jobs], target)
    return pathlib.Path(build_dir) if target in _LIBRARIES else executable(board, target, build_dir)


@contextlib.contextmanager
def workspace(path=None):
    """``(generated, cmake)``: the two folders of one build, under ``path`` (kept) or under a
    temporary folder removed afterwards."""
    with contextlib.ExitStack() as stack:
        if path is None:
            root = pathlib.Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tfasc-")))
        else:
            root = pathlib.Path(path)
        generated, cmake = root / "generated", root / "cmake"
        generated.mkdir(parents=True, exist_ok=True)
        yield generated, cmake


def _run(command: list, what: str) -> str:
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise ToolchainError(f"firmware {what} failed ({' '.join(map(str, command))}):\n"
                             f"{output[-4000:]}", output)  # fmt: skip
    return output


def section_sizes(elf) -> dict[str, int]:
    """Section sizes of an ELF from ``arm-none-eabi-size -A``."""
    out = subprocess.run(
        ["arm-none-eabi-size", "-A", str(elf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    return sizes
