"""Builds the C/C++ parts of ``micro/`` for the host with gcc, for the micro tests."""

from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

from tfasc import firmware

REPO = pathlib.Path(__file__).resolve().parents[2]


def require_compilers() -> None:
    for tool in ("gcc", "g++"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Runs a command; on failure the assertion shows its output."""
    result = subprocess.run(command, check=False, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    )
    return result


def frontend_flags() -> list[str]:
    return [f"-D{d}" for d in firmware.FRONTEND_DEFINES] + [
        f"-I{REPO / d}" for d in firmware.FRONTEND_INCLUDE_DIRS
    ]


def compile_frontend_objects(out_dir: pathlib.Path) -> list[pathlib.Path]:
    """Compiles the front end's C sources (CMSIS-DSP FFT + logmel.c) into ``out_dir``."""
    require_compilers()
    out_dir.mkdir(parents=True, exist_ok=True)
    objects = []
    for source in firmware.FRONTEND_C_SOURCES:
        obj = out_dir / (pathlib.Path(source).stem + ".o")
        run(
            [
                "gcc",
                "-O2",
                "-std=c11",
                "-Wall",
                "-Werror",
                *frontend_flags(),
                "-c",
                str(REPO / source),
                "-o",
                str(obj),
            ]
        )
        objects.append(obj)
    return objects


def link_logmel_main(
    tables_dir: pathlib.Path, objects: list[pathlib.Path], out: pathlib.Path
) -> pathlib.Path:
    """Links ``micro/frontend/logmel_main.cc`` with generated tables in ``tables_dir``."""
    run(
        [
            "g++",
            "-O2",
            "-std=c++17",
            "-Wall",
            "-Wextra",
            "-Werror",
            *frontend_flags(),
            f"-I{tables_dir}",
            str(REPO / "micro/frontend/logmel_main.cc"),
            str(tables_dir / "frontend_tables.cc"),
            *map(str, objects),
            "-lm",
            "-o",
            str(out),
        ]
    )
    return out
