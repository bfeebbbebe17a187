"""Front-end throughput: tfasc's batched TensorFlow log-mel vs librosa, in one run.

1-s 32 kHz clips with the ``dcase2024`` preset (n_fft 4096, window 3072, hop 500, 256 mels).
librosa (``librosa.feature.melspectrogram`` + ``power_to_db``) runs clip by clip, as a
data loader would; tfasc runs batches through ``tfasc.features.log_mel``. Both include the
log. Writes ``benchmarks/results/frontend.json``.

    .venv/bin/python benchmarks/frontend.py [--librosa-clips 24] [--tfasc-clips 1024]
"""

import argparse
import json
import os
import pathlib
import platform
import time

import numpy as np

from tfasc import features


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--librosa-clips", type=int, default=24)
    parser.add_argument("--tfasc-clips", type=int, default=1024)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument(
        "--out", default=pathlib.Path(__file__).parent / "results" / "frontend.json"
    )
    args = parser.parse_args()

    config = features.preset("dcase2024")
    rng = np.random.default_rng(0)
    clips = (0.1 * rng.standard_normal((args.tfasc_clips, config.num_samples))).astype(np.float32)
    t = np.arange(config.num_samples) / config.sample_rate
    clips[::3] += (0.3 * np.sin(2 * np.pi * 440 * (1 + t)[None] * t)).astype(np.float32)

    # librosa, clip by clip (one warm-up clip first).
    features.librosa_log_mel(clips[0], config)
    start = time.perf_counter()
    reference = [features.librosa_log_mel(clip, config) for clip in clips[: args.librosa_clips]]
    librosa_rate = args.librosa_clips / (time.perf_counter() - start)

    # tfasc, batched (one warm-up batch first to exclude tracing).
    features.log_mel(clips[: args.batch_size], config).numpy()
    start = time.perf_counter()
    outputs = [
        features.log_mel(clips[i : i + args.batch_size], config).numpy()
        for i in range(0, len(clips), args.batch_size)
    ]
    tfasc_rate = len(clips) / (time.perf_counter() - start)

    ours = features.to_db(np.concatenate(outputs)[: args.librosa_clips, ..., 0], config)
    diffs = [np.abs(o - r)[r >= r.max() - 80].max() for o, r in zip(ours, reference, strict=False)]
    result = {
        "preset": "dcase2024",
        "clip_seconds": config.clip_seconds,
        "librosa_clips_per_s": round(librosa_rate, 2),
        "tfasc_clips_per_s": round(tfasc_rate, 1),
        "speedup": round(tfasc_rate / librosa_rate, 1),
        "max_abs_db_diff": float(max(diffs)),
        "librosa_clips": args.librosa_clips,
        "tfasc_clips": len(clips),
        "batch_size": args.batch_size,
        "cpu_cores": os.cpu_count(),
        "machine": platform.processor() or platform.machine(),
        "command": "python benchmarks/frontend.py",
    }
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
