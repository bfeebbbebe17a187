"""Synthetic TAU Urban Acoustic Scenes 2022 Mobile development set.

The real TAU audio cannot be downloaded on our machines, so tests and benchmarks run on a
data set generated here in exactly the TAU 2022 Mobile layout::

    OUT/audio/<scene>-<city>-<loc>-<segment>-<slice>-<device>.wav   1 s, 44.1 kHz, mono, PCM_16
    OUT/meta.csv                          filename, scene_label, identifier, source_label
    OUT/evaluation_setup/fold1_train.csv  filename, scene_label
    OUT/evaluation_setup/fold1_evaluate.csv
    OUT/evaluation_setup/fold1_test.csv   filename
    OUT/split_setup/split{5,10,25,50,100}.csv   DCASE2024 nested training subsets
    OUT/parallel.csv                      filename, recording, source_label (synthetic extra)
    OUT/README.md, OUT/synth.json         provenance (synthetic extras)

All tables are tab-separated with a header, as in TAU. The package has one module per step:

- :mod:`.selection`: which recordings of the real TAU 2020 Mobile metadata a set of a given
  ``size`` holds (whole segments, stratified by fold, device and scene), and the nested
  DCASE2024 training splits;
- :mod:`.recipes`: what each scene is made of (:data:`RECIPES`), perturbed per location;
- :mod:`.sources`: rendering a recipe's sources into one segment's scene signal
  (:func:`render_scene`);
- :mod:`.devices`: the fixed chain of each recording device (:func:`device_model`,
  :func:`render_device`);
- :mod:`.dataset`: writing the set (:func:`generate`) and reading its parallel recordings
  (:func:`parallel_groups`).

**Parallel recordings.** A segment's scene signal is rendered once and passed through the
chain of every device that recorded it, so the clips of one ``recording`` (``parallel.csv``,
:func:`parallel_groups`) hold the same sound through different devices: the data device
translation is learned from.

**Determinism.** Every random draw comes from ``numpy.random.SeedSequence`` keyed by the
seed and a name (location, segment, recording), so the bytes written do not depend on the
order or the number of workers. Files are written to a temporary name and renamed, so an
interrupted run can simply be rerun: complete files are kept.

Example::

    from tfasc.data import synth

    summary = synth.generate("/tmp/tau-synth", seed=0, size=0.002)  # 53 recordings, 530 clips
    groups = synth.parallel_groups("/tmp/tau-synth")  # {recording: {device: filename}}
"""

from tfasc.data.synth.dataset import generate, parallel_groups
from tfasc.data.synth.devices import (
    DEVICE_MODEL_VERSION,
    DEVICE_SEED,
    DeviceModel,
    device_model,
    render_device,
)
from tfasc.data.synth.recipes import CLIP_SECONDS, RECIPES, RECORDING_SECONDS, SR, SceneRecipe
from tfasc.data.synth.selection import (
    Recording,
    select_recordings,
    tau2020_recordings,
    training_splits,
)
from tfasc.data.synth.sources import render_scene

__all__ = [
    "CLIP_SECONDS",
    "DEVICE_MODEL_VERSION",
    "DEVICE_SEED",
    "RECIPES",
    "RECORDING_SECONDS",
    "SR",
    "DeviceModel",
    "Recording",
    "SceneRecipe",
    "device_model",
    "generate",
    "parallel_groups",
    "render_device",
    "render_scene",
    "select_recordings",
    "tau2020_recordings",
    "training_splits",
]
