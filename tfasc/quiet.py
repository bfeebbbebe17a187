"""Quiet output: what TensorFlow and its C++ libraries print that a user does not need.

TensorFlow 2.21 logs its start-up through absl before absl is initialized, so
``TF_CPP_MIN_LOG_LEVEL`` no longer hides the oneDNN, CUDA-stub and CPU-feature lines, and
the TFLite converter and the TFLM interpreter print from C++ straight to file descriptor 2.
:func:`captured_stderr` captures such output at the file-descriptor level;
:func:`quiet_import` drops the known start-up lines and passes everything else through.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile

STARTUP_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called"
    r"|[IW]0000 00:00:\S+ +\d+ (port|cudart_stub|cpu_feature_guard|cuda_\w+|gpu_\w+)\.cc"
    r"|To enable the following instructions:"
    r"|E0000 00:00:\S+ +\d+ cuda_\w+\.cc)"
)
"""Start-up lines of TensorFlow that carry no information for a tfasc user."""


@contextlib.contextmanager
def captured_stderr():
    """Captures what C/C++ code writes to file descriptor 2; yields a dict with ``text``."""
    sys.stderr.flush()
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        captured = {}
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured["text"] = sink.read().decode(errors="replace")


@contextlib.contextmanager
def quiet_import():
    """Runs an import block with TensorFlow's start-up lines dropped, other output kept."""
    with captured_stderr() as captured:
        yield
    kept = [line for line in captured["text"].splitlines() if not STARTUP_NOISE.match(line)]
    if kept:
        print("\n".join(kept), file=sys.stderr)
