"""micro/ C/C++ sources follow .clang-format (Google style, 100 columns); third_party is vendored."""

import pathlib
import shutil
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def clang_format() -> str:
    found = shutil.which("clang-format")
    beside = pathlib.Path(sys.executable).parent / "clang-format"  # the PyPI wheel in a venv
    if found is None and beside.is_file():
        found = str(beside)
    if found is None:
        pytest.skip("clang-format is not installed (pip install clang-format)")
    return found


def test_micro_sources_are_clang_formatted():
    sources = sorted(
        p for p in (REPO / "micro").rglob("*")
        if p.suffix in (".c", ".cc", ".h") and "third_party" not in p.relative_to(REPO).parts
    )  # fmt: skip
    assert len(sources) >= 15
    result = subprocess.run(
        [clang_format(), "--dry-run", "-Werror", *map(str, sources)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
