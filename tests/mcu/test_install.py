"""The checkout installs as a package that runs ``tfasc mcu-test`` from any directory.

The install goes into a fresh virtual environment (no pip of its own, no build isolation,
nothing downloaded): a ``.pth`` file makes this interpreter's site-packages importable
there for the dependencies, and the CLI then runs from a folder outside the checkout, so
``micro/`` must come from the installed package (``tfasc/micro``).
"""

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import tomllib

import numpy as np
import pytest

from tfasc.convert import to_tflite
from tfasc.keras import keras

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "tfasc").rglob("__init__.py")
    }
    assert listed == found | {"tfasc.micro"}


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """What a copy of the checkout leaves out: caches, builds, and top-level run outputs."""
    skipped = {n for n in names if n in ("__pycache__", ".git") or n.endswith(".egg-info")}
    if pathlib.Path(folder) == REPO:
        skipped |= {".venv", "build", "quickstart", "runs", "data"} & set(names)
    return skipped


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # only what is installed
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True, env=env,
                            check=False, **kwargs)  # fmt: skip
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.mcu
@pytest.mark.skipif(shutil.which("g++") is None or shutil.which("cmake") is None,
                    reason="needs g++ and cmake")  # fmt: skip
def test_installed_package_runs_mcu_test_outside_the_checkout(tmp_path):
    source = tmp_path / "checkout"  # a copy: building writes build/ and *.egg-info into it
    shutil.copytree(REPO, source, ignore=_not_sources)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    purelib = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    dependencies = sysconfig.get_paths()["purelib"]
    (pathlib.Path(purelib.stdout.strip()) / "tfasc-dependencies.pth").write_text(
        dependencies + "\n"
    )
    _run([python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
          "--quiet", source])  # fmt: skip

    inputs = keras.Input((8,))
    model = keras.Model(inputs, keras.layers.Dense(4)(keras.layers.Dense(6)(inputs)))
    calibration = np.random.default_rng(0).normal(size=(32, 8)).astype(np.float32)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "model.tflite").write_bytes(to_tflite(model, "int8", calibration))
    located = _run([python, "-c", "import tfasc.mcu; print(tfasc.mcu.micro_dir())"], cwd=elsewhere)
    assert pathlib.Path(located.stdout.strip()).is_relative_to(venv)
    result = _run([venv / "bin" / "tfasc", "mcu-test", "model.tflite", "--board", "host",
                   "--vectors", "2"], cwd=elsewhere)  # fmt: skip
    assert "bit-exact with TFLM: True (2/2 vectors)" in result.stdout
