"""Spectrogram-to-spectrogram device translation on synthetic TAU: the held-out distance
and a figure (source, translated, true target).

Generates a synthetic TAU set, computes the training fold's features (``dcase2022`` front
end), trains a translator (``tfasc translator train`` defaults: 40 epochs, 20 % of the
parallel recordings held out) and writes ``benchmarks/results/translation.json`` (mean
absolute log-mel distance to the true target, untranslated and translated, overall and per
device, on the held-out recordings) and ``benchmarks/results/translation.png``.

    .venv/bin/python benchmarks/translation.py [--size 0.02] [--work DIR]
"""

import argparse
import io
import pathlib
import time

import numpy as np

from tfasc import atomic, config, features
from tfasc.augment import translation
from tfasc.data import synth, tau
from tfasc.feature_cache import compute_features

RESULTS = pathlib.Path(__file__).parent / "results"


def figure(translator, pairs, frontend, index: int) -> bytes:
    """PNG of one held-out pair: device a, translated, and the true target device (dB)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    source, target = pairs.source[index : index + 1], pairs.target[index : index + 1]
    device = pairs.device[index : index + 1]
    translated = translator.model.predict([source, device], verbose=0)
    name = pairs.devices[int(device[0])]
    panels = [("device a (source)", source), (f"translated to {name}", translated),
              (f"device {name} (true target)", target)]  # fmt: skip
    target_db = features.to_db(target[0, :, :, 0], frontend)
    low, high = np.percentile(target_db, [1, 99])
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True)
    for ax, (title, x) in zip(axes, panels, strict=True):
        db = features.to_db(x[0, :, :, 0], frontend)
        image = ax.imshow(db, origin="lower", aspect="auto", vmin=low, vmax=high, cmap="magma")
        error = np.abs(db - target_db).mean()
        ax.set_title(f"{title}\n{error:.2f} dB from the target" if x is not target else title)
        ax.set_xlabel("frame")
    axes[0].set_ylabel("mel bin")
    fig.colorbar(image, ax=axes, fraction=0.02, label="dB")
    fig.suptitle(f"held-out recording {pairs.recording[index]} (synthetic TAU, dcase2022 "
                 "front end)", y=1.06)  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", default="build/translation")
    args = parser.parse_args()

    work = pathlib.Path(args.work)
    synth.generate(work / "data", seed=args.seed, size=args.size)
    data = tau.load(work / "data")
    frontend = features.preset("dcase2022")
    train_set = compute_features(data, data.fold("train"), frontend, cache_dir=work / "cache")
    settings = config.TranslatorConfig(seed=args.seed)
    start = time.time()
    translator = translation.train_translator(train_set, frontend, settings)
    seconds = time.time() - start
    held_out = translator.report["held_out"]
    print(f"held out ({held_out['pairs']} pairs): {held_out['untranslated_db']:.2f} dB -> "
          f"{held_out['translated_db']:.2f} dB ({100 * held_out['removed']:.1f} % removed)")  # fmt: skip
    pairs = translation.translation_pairs(train_set, tuple(settings.devices))
    _, held = translation.split_pairs(pairs, settings.holdout, settings.seed)
    example = int(np.flatnonzero(held.device == pairs.devices.index("s2"))[0])
    atomic.write_bytes(RESULTS / "translation.png", figure(translator, held, frontend, example))
    atomic.write_json(RESULTS / "translation.json", {
        "size": args.size, "seed": args.seed, "frontend": "dcase2022",
        "settings": config.to_dict(settings), "train_clips": len(train_set),
        "train_seconds": round(seconds, 1), **translator.report,
    })  # fmt: skip


if __name__ == "__main__":
    main()
