"""One small synthetic set shared by the tests of tfasc.data.synth."""

import pytest

from tests.data.synth.helpers import SLICES
from tfasc.data import synth


@pytest.fixture(scope="package")
def small_set(tmp_path_factory):
    """0.6 % of the TAU 2020 recordings, 2 slices each (about 300 clips, 6 s on one core)."""
    root = tmp_path_factory.mktemp("synth") / "tau"
    summary = synth.generate(
        root, seed=0, size=0.006, slices_per_recording=SLICES, progress=False, workers=1
    )
    return root, summary
