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

All tables are tab-separated with a header, as in TAU.

**Structure.** The file list follows the real TAU 2020 Mobile metadata shipped in
``resources/tau2020`` (cities, locations, segments, devices, fold membership). ``size`` is the
fraction of its 23,035 10-s recordings to take; whole segments (``scene-city-loc-segment``)
are drawn, so that parallel recordings of a segment by several devices stay together, with a
greedy stratified draw that keeps the (fold, device) and (fold, scene) proportions. Each 10-s
recording becomes ``slices_per_recording`` 1-s files ``X-0-dev.wav`` ... as in TAU 2022.
Because folds are the real ones, device ``a`` dominates training, ``s4``-``s6`` occur only in
the evaluation fold, and training and evaluation locations are disjoint. Files of the real
meta.csv in neither fold stay in meta.csv only, as in TAU.

**Parallel recordings.** A segment's scene signal is rendered once and passed through the
chain of every device that recorded it (:func:`render_device`), so the clips of one
``recording`` (``parallel.csv``, :func:`parallel_groups`) hold the same sound through
different devices: the data device translation is learned from.

**Scenes.** Each scene is a stochastic mixture of procedural sources; a location's seed
perturbs the recipe (spectral envelope ripple, event rates, levels, fundamental frequencies,
reverberation), a recording's seed draws the events. Confusable pairs share sources.

==================  =========================================================================
scene               recipe (besides a class-specific noise bed)
==================  =========================================================================
airport             HVAC hum, crowd + talkers, footsteps, luggage thumps, chime + PA
                    announcements, distant aircraft swells, long reverberation
bus                 diesel engine harmonics with gear shifts, rumble bed following speed,
                    pneumatic hiss, stop bell, rattles, a few talkers, traffic outside
metro               loud low rumble, motor whine with f0 glides (accelerate/brake), rail-joint
                    clicks at a speed-dependent rate, door hiss, chime announcements
metro_station       trains arriving (broadband swells + motor whine), PA announcements,
                    crowd, footsteps, long reverberation
park                quiet pink bed, bird chirp bouts, wind gusts, distant traffic, far voices
public_square       distant crowd, talkers, footsteps, some birds and traffic, wind
shopping_mall       dense crowd + talkers, background music, footsteps, announcements, hum,
                    long reverberation
street_pedestrian   near crowd and talkers, many footsteps, passing vehicles, shop music
street_traffic      frequent passing vehicles with Doppler engine tones, idling engines,
                    horns, tyre noise, little speech
tram                like metro but softer and lower whine, fewer clicks, tram bell,
                    street traffic heard outside
==================  =========================================================================

**Devices.** :func:`render_device` applies a fixed device chain (from ``DEVICE_SEED``, never
from the data-set seed): a smooth frequency response (bumps and tilt in log-frequency, band
limits for the phones), gain, a noise floor and mild soft clipping. ``a`` is nearly flat.

**Determinism.** Every random draw comes from ``numpy.random.SeedSequence`` keyed by the
seed and a name (location, segment, recording), so the bytes written do not depend on the
order or the number of workers. Files are written to a temporary name and renamed, so an
interrupted run can simply be rerun: complete files are kept.

Example::

    from tfasc.data import synth

    summary = synth.generate("/tmp/tau-synth", seed=0, size=0.002)  # 53 recordings, 530 clips
    groups = synth.parallel_groups("/tmp/tau-synth")  # {recording: {device: filename}}
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import functools
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import pathlib
import time

import numpy as np
import scipy.fft
import scipy.signal
import soundfile

from tfasc import DEVICES, SCENES, __version__

SR = 44100
"""Sample rate of the generated audio (Hz)."""
CLIP_SECONDS = 1
"""Length of one TAU 2022 file (s)."""
RECORDING_SECONDS = 10
"""Length of one TAU 2020 recording (s), cut into 1-s slices."""
SPLITS = (5, 10, 25, 50, 100)
"""Percentages of the DCASE2024 nested training subsets."""
DEVICE_SEED = 2020
"""Seed of the fixed device models; independent of the data-set seed."""

_N_FFT = 1024  # STFT used to shape noise-like sources
_HOP = _N_FFT // 4
_BED_HZ = np.array([31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000])
_RESOURCES = pathlib.Path(__file__).parent / "resources" / "tau2020"
_MARKER = "synth.json"


# --------------------------------------------------------------------------------------------
# Scene recipes
# --------------------------------------------------------------------------------------------

Source = tuple[float, float] | None
"""(rate in events/s or fundamental in Hz, level in dB relative to the bed), or None."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class SceneRecipe:
    """Sources of one acoustic scene; levels in dB relative to the noise bed."""

    bed: tuple[float, ...]
    """Noise-bed spectrum in dB at the octave centres 31.5 Hz ... 16 kHz."""
    bed_am: tuple[float, float]
    """Amplitude modulation of the bed: (rate Hz, depth in natural-log units)."""
    level_db: float
    """RMS of the scene at device input, dBFS."""
    reverb_s: float = 0.0
    """Reverberation time (s) applied to everything but the bed."""
    crowd_db: float | None = None
    """Speech-shaped crowd noise with syllabic modulation."""
    talkers: Source = None
    """(mean count, level) of formant-filtered voiced babble talkers."""
    footsteps: Source = None
    """Walkers' steps (total steps/s): decaying band-limited bursts."""
    thumps: Source = None
    """Doors, bangs, luggage: low damped thuds."""
    clicks: Source = None
    """Rail-joint clicks (rate at full speed when a motor is present) or rattles."""
    motor: Source = None
    """(f0, level) of an electric-motor whine gliding with the vehicle speed."""
    engine: Source = None
    """(firing f0, level) of a diesel engine with gear shifts."""
    hum: Source = None
    """(f0, level) of a steady ventilation/mains hum."""
    vehicles: Source = None
    """Passing vehicles: broadband swells."""
    vehicle_tones: bool = False
    """Whether passing vehicles carry Doppler-shifted engine harmonics."""
    announce: Source = None
    """Chime followed by a band-limited PA voice."""
    music_db: float | None = None
    """Background music: scale notes and a bass line in a location-specific key."""
    bells: Source = None
    """Inharmonic bell double strikes (tram bell, stop request)."""
    birds: Source = None
    """Bouts of bird chirps (frequency sweeps)."""
    hiss: Source = None
    """Pneumatic door/brake hiss bursts."""
    horns: Source = None
    """Car horns: short harmonic tones."""
    wind_db: float | None = None
    """Low-frequency wind rumble with gusts."""


# fmt: off
RECIPES: dict[str, SceneRecipe] = {
    "airport": SceneRecipe(
        bed=(-10, -6, -2, 1, 2, 0, -4, -9, -16, -28), bed_am=(0.1, 0.15), level_db=-30,
        reverb_s=1.2, crowd_db=-6, talkers=(2, -2), footsteps=(1.5, -8), thumps=(0.1, -6),
        announce=(0.08, 4), hum=(120, -10), vehicles=(0.05, -6),
    ),
    "bus": SceneRecipe(
        bed=(4, 8, 5, -2, -6, -10, -14, -19, -26, -36), bed_am=(0.2, 0.2), level_db=-26,
        reverb_s=0.2, engine=(35, -2), hiss=(0.05, -2), clicks=(0.4, -8), talkers=(1, -4),
        bells=(0.02, -2), vehicles=(0.1, -8),
    ),
    "metro": SceneRecipe(
        bed=(2, 6, 8, 4, -2, -5, -4, -6, -14, -26), bed_am=(0.2, 0.3), level_db=-24,
        reverb_s=0.3, motor=(300, -4), clicks=(3, 2), hiss=(0.03, 0), announce=(0.06, 2),
        talkers=(0.7, -6),
    ),
    "metro_station": SceneRecipe(
        bed=(0, 2, 0, -4, -6, -6, -8, -12, -18, -28), bed_am=(0.05, 0.4), level_db=-29,
        reverb_s=1.8, crowd_db=-6, talkers=(1.5, -3), footsteps=(2, -5), announce=(0.1, 3),
        vehicles=(0.06, 4), motor=(220, -10), hiss=(0.03, -4),
    ),
    "park": SceneRecipe(
        bed=(-2, -6, -12, -16, -18, -18, -16, -14, -18, -30), bed_am=(0.1, 0.2), level_db=-38,
        birds=(0.4, 4), wind_db=-2, vehicles=(0.08, -8), talkers=(0.3, -10), footsteps=(0.3, -12),
    ),
    "public_square": SceneRecipe(
        bed=(-4, -3, -4, -6, -8, -10, -13, -17, -23, -33), bed_am=(0.1, 0.2), level_db=-35,
        reverb_s=0.1, crowd_db=-6, talkers=(1, -4), footsteps=(1.5, -6), birds=(0.1, -2),
        vehicles=(0.15, -6), wind_db=-8,
    ),
    "shopping_mall": SceneRecipe(
        bed=(-14, -10, -6, -3, 0, -1, -4, -9, -15, -26), bed_am=(0.1, 0.15), level_db=-28,
        reverb_s=1.5, crowd_db=0, talkers=(3, 0), footsteps=(2.5, -6), music_db=-3, announce=(0.03,
        2), hum=(100, -14), thumps=(0.05, -8),
    ),
    "street_pedestrian": SceneRecipe(
        bed=(-8, -6, -5, -4, -3, -4, -7, -12, -19, -30), bed_am=(0.15, 0.2), level_db=-31,
        reverb_s=0.2, crowd_db=-3, talkers=(2, -1), footsteps=(3, -3), vehicles=(0.1, -5),
        thumps=(0.1, -8), music_db=-12,
    ),
    "street_traffic": SceneRecipe(
        bed=(0, 4, 2, 0, 1, 0, -6, -12, -19, -30), bed_am=(0.2, 0.3), level_db=-26, vehicles=(0.5,
        4), vehicle_tones=True, engine=(28, -8), horns=(0.03, 2), talkers=(0.3, -8), footsteps=(0.3,
        -10), wind_db=-8,
    ),
    "tram": SceneRecipe(
        bed=(2, 7, 4, 0, -3, -6, -8, -11, -18, -30), bed_am=(0.15, 0.25), level_db=-27,
        reverb_s=0.3, motor=(180, -8), clicks=(1.5, -2), bells=(0.04, 2), vehicles=(0.1, -6),
        talkers=(0.8, -4), announce=(0.04, 0), hiss=(0.03, -4),
    ),
}
# fmt: on
"""The procedural recipe of each of the 10 TAU scenes (see the table above)."""


def _key_rng(seed: int, *names: str) -> np.random.Generator:
    """A generator that depends only on the seed and the names (not on call order)."""
    digest = hashlib.sha256("\x1f".join(map(str, names)).encode()).digest()
    words = np.frombuffer(digest[:16], np.uint32).tolist()
    return np.random.default_rng(np.random.SeedSequence([int(seed), *words]))


def _perturb(recipe: SceneRecipe, rng: np.random.Generator) -> SceneRecipe:
    """A location's version of a recipe: rates, f0s and levels jittered, bed rippled."""
    changes = {}
    for field in dataclasses.fields(recipe):
        value = getattr(recipe, field.name)
        if field.name == "bed":
            ripple = rng.normal(0, 1.5, len(value)) + rng.normal(0, 0.5) * np.linspace(
                -2, 2, len(value)
            )
            changes["bed"] = tuple(float(v) for v in np.asarray(value) + ripple)
        elif field.name.endswith("_db"):
            if value is not None:
                changes[field.name] = float(value + rng.normal(0, 2.5))
        elif field.name == "reverb_s":
            changes["reverb_s"] = float(value * rng.lognormal(0, 0.2))
        elif isinstance(value, tuple) and len(value) == 2 and field.name != "bed_am":
            changes[field.name] = (
                float(value[0] * rng.lognormal(0, 0.25)),
                float(value[1] + rng.normal(0, 2.5)),
            )
    return dataclasses.replace(recipe, **changes)


# --------------------------------------------------------------------------------------------
# Scene rendering
# --------------------------------------------------------------------------------------------


def _db(value: float) -> float:
    return 10.0 ** (value / 20.0)


def _smooth(rng: np.random.Generator, n: int, rate: float, fs: float) -> np.ndarray:
    """Unit-variance Gaussian noise low-passed to about ``rate`` Hz (sampled at ``fs``)."""
    m = max(n, int(20 * fs / rate))  # long enough for many independent values
    gain = np.exp(-0.5 * (np.fft.rfftfreq(m, 1 / fs) / rate) ** 2)
    x = scipy.fft.irfft(scipy.fft.rfft(rng.standard_normal(m)) * gain, m)[:n]
    weights = np.full(gain.size, 2.0)
    weights[0] = 1.0
    if m % 2 == 0:
        weights[-1] = 1.0
    return x / np.sqrt(np.sum(weights * gain**2) / m)  # divided by the expected std


def _log_bump(freqs: np.ndarray, centre: float, octaves: float) -> np.ndarray:
    return np.exp(-0.5 * (np.log2(np.maximum(freqs, 1.0) / centre) / octaves) ** 2)


def _band(freqs: np.ndarray, low: float, high: float, order: int = 2) -> np.ndarray:
    """Butterworth-like band-pass magnitude."""
    f = np.maximum(freqs, 1e-3)
    return 1 / np.sqrt((1 + (low / f) ** (2 * order)) * (1 + (f / high) ** (2 * order)))


def _unit_ms(env: np.ndarray, axis: int = -1) -> np.ndarray:
    return env / np.sqrt(np.mean(env**2, axis=axis, keepdims=True) + 1e-20)


class _Canvas:
    """Accumulates one scene: STFT power for noise-like sources, a waveform for the rest.

    Noise components add power ``|env_t|^2 |env_f|^2`` on a (frames, bins) grid and are
    rendered with random phase by overlap-add; with unit-mean-square spectra a component's
    RMS equals its time envelope's RMS. Tonal sources and transients add samples directly.
    """

    def __init__(self, n: int, sr: int, rng: np.random.Generator):
        self.n, self.sr, self.rng = n, sr, rng
        self.frames = -(-n // _HOP) + 3
        self.frame_rate = sr / _HOP
        self.t = (np.arange(self.frames) - 1) * _HOP / sr  # frame centres (s)
        self.freqs = np.fft.rfftfreq(_N_FFT, 1 / sr)
        self.bed = np.zeros((self.frames, self.freqs.size))  # dry power
        self.power = np.zeros_like(self.bed)  # reverberated power
        self.wave = np.zeros(n)  # reverberated samples
        self.speed = None  # vehicle speed in [0, 1] per frame, if any

    def noise(self, env_t: np.ndarray, env_f: np.ndarray, level_db: float) -> None:
        self.power += (_db(level_db) * env_t)[:, None] ** 2 * _unit_ms(env_f)[None, :] ** 2

    def at_samples(self, frame_values: np.ndarray) -> np.ndarray:
        return np.interp(np.arange(self.n) / self.sr, self.t, frame_values)

    def add(self, x: np.ndarray, start: int) -> None:
        """Adds ``x`` at sample ``start`` (clipped to the canvas)."""
        lo, hi = max(start, 0), min(start + x.size, self.n)
        if hi > lo:
            self.wave[lo:hi] += x[lo - start : hi - start]

    def render(self, reverb_s: float) -> np.ndarray:
        power = self.power
        wave = self.wave
        if reverb_s > 0.05:
            # Power-domain reverberation tail: exponential decay, faster at high frequencies.
            decay = 6.9 / reverb_s / (1 + self.freqs / 8000)
            a = np.exp(-decay / self.frame_rate)
            tail = np.zeros_like(power)
            acc = np.zeros(power.shape[1])
            for i in range(power.shape[0]):
                acc = a * acc + power[i]
                tail[i] = acc
            wet = min(reverb_s, 1.0) * 0.5
            power = power + wet * tail * (1 - a**2)
            length = int(reverb_s * self.sr)
            ir = self.rng.standard_normal(length) * np.exp(-6.9 * np.arange(length) / length)
            wave = (
                wave
                + np.sqrt(wet) * scipy.signal.oaconvolve(wave, ir / np.linalg.norm(ir))[: self.n]
            )
        amp = np.sqrt(self.bed + power) * np.sqrt(_N_FFT / 1.5)
        phase = self.rng.standard_normal((2, *amp.shape)) / np.sqrt(2)
        frames = scipy.fft.irfft(amp * (phase[0] + 1j * phase[1]), _N_FFT, axis=1)
        frames *= np.hanning(_N_FFT + 1)[:-1]
        parts = _N_FFT // _HOP
        out = np.zeros((self.frames + parts - 1, _HOP))
        for r in range(parts):
            out[r : r + self.frames] += frames[:, r * _HOP : (r + 1) * _HOP]
        out = out.ravel()[(parts - 1) * _HOP : (parts - 1) * _HOP + self.n]
        return out + wave


def _partials(c: _Canvas, f0: np.ndarray, ratios, amps, env: np.ndarray, phases=None):
    """Sum of sinusoids at ``ratios * f0`` (per-sample f0 track) under envelope ``env``."""
    phase = 2 * np.pi * np.cumsum(f0) / c.sr
    out = np.zeros(f0.size)
    phases = c.rng.uniform(0, 2 * np.pi, len(ratios)) if phases is None else phases
    integer = all(float(r).is_integer() for r in ratios)
    if integer:  # harmonics by complex recurrence: cheaper than one sin per partial
        z = np.exp(1j * phase)
        zk = np.ones_like(z)
        power = 0
    for ratio, amp, offset in zip(ratios, amps, phases, strict=False):
        if ratio * f0.max() >= 0.45 * c.sr:
            continue
        if integer:
            while power < ratio:
                zk *= z
                power += 1
            out += amp * (zk.imag * np.cos(offset) + zk.real * np.sin(offset))
        else:
            out += amp * np.sin(ratio * phase + offset)
    return out * env


def _burst(rng, sr, seconds, tau, low, high) -> np.ndarray:
    """A decaying, band-limited noise burst (transient template)."""
    n = int(seconds * sr)
    spectrum = scipy.fft.rfft(rng.standard_normal(n) * np.exp(-np.arange(n) / (tau * sr)))
    x = scipy.fft.irfft(spectrum * _band(np.fft.rfftfreq(n, 1 / sr), low, high), n)
    return x / (np.abs(x).max() + 1e-12)


def _place(c: _Canvas, times: np.ndarray, amps: np.ndarray, template: np.ndarray) -> None:
    """Adds ``template`` at each onset time (s), scaled by ``amps``, by FFT convolution."""
    if len(times) == 0:
        return
    train = np.zeros(c.n)
    idx = (np.asarray(times) * c.sr).astype(int)
    keep = (idx >= 0) & (idx < c.n)
    np.add.at(train, idx[keep], np.asarray(amps)[keep])
    c.wave += scipy.signal.oaconvolve(train, template)[: c.n]


def _poisson_times(rng, rate: float, seconds: float, margin: float = 0.0) -> np.ndarray:
    count = rng.poisson(rate * (seconds + 2 * margin))
    return np.sort(rng.uniform(-margin, seconds + margin, count))


def _bed(c: _Canvas, r: SceneRecipe, rng) -> None:
    env_f = (
        _db(1)
        * 10 ** (np.interp(np.log2(np.maximum(c.freqs, 20)), np.log2(_BED_HZ), r.bed) / 20)
        * _band(c.freqs, 20, 20000, 1)
    )
    rate, depth = r.bed_am
    env_t = np.exp(depth * _smooth(rng, c.frames, rate, c.frame_rate))
    if c.speed is not None:
        env_t *= 0.4 + c.speed
    c.bed += _unit_ms(env_t)[:, None] ** 2 * _unit_ms(env_f)[None, :] ** 2


def _speed(c: _Canvas, rng) -> None:
    """Vehicle speed in [0, 1]: slow random accelerations and braking."""
    c.speed = 1 / (1 + np.exp(-2.5 * _smooth(rng, c.frames, 0.08, c.frame_rate) - 1))


def _motor(c: _Canvas, rng, f0: float, level: float) -> None:
    f = c.at_samples(f0 * (0.3 + 0.9 * c.speed)) * (1 + 0.002 * rng.standard_normal())
    amps = np.array([1, 0.5, 0.35, 0.2, 0.6, 0.1]) * rng.uniform(0.5, 1, 6)
    tone = _partials(c, f, [1, 2, 3, 4, 6, 8], amps, c.at_samples(0.3 + c.speed))
    c.add(_db(level) * _unit_ms(tone), 0)
    # Inverter carrier tone: steady, switching on when the motor draws current.
    carrier = _partials(
        c,
        np.full(c.n, f0 * rng.uniform(6, 9)),
        [1],
        [1],
        c.at_samples(np.clip(2 * np.gradient(c.speed) * c.frame_rate, 0, 1)),
    )
    c.add(_db(level - 6) * carrier, 0)


def _engine(c: _Canvas, rng, f0: float, level: float) -> None:
    shift = rng.uniform(0.12, 0.3)  # gear shifts per second
    rpm = (
        1
        + 0.5 * ((c.t * shift + rng.uniform()) % 1)
        + 0.1 * _smooth(rng, c.frames, 0.3, c.frame_rate)
    )
    f = c.at_samples(f0 * rpm)
    k = np.arange(1, 16)
    amps = k**-0.7 * rng.uniform(0.3, 1, k.size)
    tone = _partials(c, f, k, amps, c.at_samples(0.5 + 0.5 * rpm))
    c.add(_db(level) * _unit_ms(tone), 0)


def _hum(c: _Canvas, rng, f0: float, level: float) -> None:
    k = np.arange(1, 6)
    tone = _partials(c, np.full(c.n, f0), k, rng.uniform(0.2, 1, k.size) / k, 1.0)
    c.add(_db(level) * _unit_ms(tone), 0)


def _voice(c: _Canvas, rng, level: float, gate: np.ndarray, band=None) -> None:
    """One talker: formant-filtered, pitched noise with syllabic modulation (STFT domain)."""
    rate = rng.uniform(3.5, 5.5) * np.exp(0.15 * _smooth(rng, c.frames, 0.5, c.frame_rate))
    phase = 2 * np.pi * np.cumsum(rate) / c.frame_rate + rng.uniform(0, 2 * np.pi)
    syllable = (phase // (2 * np.pi)).astype(int)
    syllable -= syllable[0]
    count = syllable[-1] + 1
    formants = np.stack(
        [
            rng.uniform(300, 850, count),
            rng.uniform(900, 2400, count),
            rng.uniform(2400, 3300, count),
        ],
        axis=1,
    )
    pitch = rng.uniform(100, 230) * np.exp(0.08 * rng.standard_normal(count))
    env = sum(
        a * _log_bump(c.freqs[None, :], formants[:, k, None], 0.12)
        for k, a in enumerate((1.0, 0.6, 0.3))
    )
    env = env * (0.2 + np.cos(np.pi * c.freqs[None, :] / pitch[:, None]) ** 8) + 0.02
    unvoiced = rng.uniform(size=count) < 0.2
    env[unvoiced] = _log_bump(c.freqs, rng.uniform(3500, 6000), 0.5)
    if band is not None:
        env = env * _band(c.freqs, *band, order=3)
    loud = rng.uniform(0.4, 1.0, count)[syllable]
    env_t = (0.5 - 0.5 * np.cos(phase)) ** 1.5 * loud * gate
    c.power += ((_db(level) * env_t)[:, None] * _unit_ms(env)[syllable]) ** 2


def _talkers(c: _Canvas, rng, mean: float, level: float) -> None:
    for _ in range(min(rng.poisson(mean), 6)):
        gate = 1 / (1 + np.exp(-4 * (_smooth(rng, c.frames, 0.25, c.frame_rate) + 0.3)))
        _voice(c, rng, level + rng.uniform(-6, 0), gate)


def _crowd(c: _Canvas, rng, level: float) -> None:
    env_f = _log_bump(c.freqs, 500, 1.3) * _band(c.freqs, 120, 6000)
    env_t = np.exp(0.25 * _smooth(rng, c.frames, 4, c.frame_rate))
    c.noise(_unit_ms(env_t), env_f, level)


def _chime(c: _Canvas, rng, start: float, level: float, notes) -> float:
    """Adds a chime at ``start`` s; returns its end time."""
    t = start
    for f0 in notes:
        n = int(1.2 * c.sr)
        env = np.exp(-np.arange(n) / (0.35 * c.sr))
        tone = _partials(c, np.full(n, f0), [1, 2, 3], [1, 0.3, 0.1], env)
        c.add(_db(level) * tone, int(t * c.sr))
        t += 0.4
    return t + 0.5


def _announce(c, rng, rate, level, notes) -> None:
    seconds = c.n / c.sr
    for start in _poisson_times(rng, rate, seconds, margin=3):
        end = _chime(c, rng, start, level - 6, notes)
        length = rng.uniform(2, 4)
        gate = ((c.t > end) & (c.t < end + length)).astype(float)
        _voice(c, rng, level, gate, band=(300, 3400))


def _music(c, rng, level, key: float, tempo: float) -> None:
    beat = 60 / tempo
    scale = key * 2 ** (np.array([0, 2, 4, 5, 7, 9, 11, 12]) / 12)
    envelope_n = int(beat * 1.5 * c.sr)
    env = np.exp(-np.arange(envelope_n) / (0.25 * c.sr)) * (
        1 - np.exp(-np.arange(envelope_n) / 100)
    )
    for i in range(int(c.n / c.sr / beat * 2) + 1):
        f0 = scale[rng.integers(len(scale))] * (2 if rng.uniform() < 0.3 else 1)
        tone = _partials(c, np.full(envelope_n, f0), [1, 2, 3, 4], [1, 0.4, 0.25, 0.1], env)
        c.add(_db(level) * 0.5 * tone, int(i * beat / 2 * c.sr))
        if i % 4 == 0:  # bass note on the beat
            bass = _partials(
                c,
                np.full(envelope_n, scale[0] / 4 * (1 + (i // 4) % 2 * 0.5)),
                [1, 2],
                [1, 0.5],
                env,
            )
            c.add(_db(level) * 0.7 * bass, int(i * beat / 2 * c.sr))


def _bells(c, rng, rate, level, f0) -> None:
    n = int(1.5 * c.sr)
    env = np.exp(-np.arange(n) / (0.4 * c.sr))
    for start in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        for strike in range(2):
            tone = _partials(c, np.full(n, f0), [1, 2.42, 3.9, 5.6], [1, 0.6, 0.4, 0.2], env)
            c.add(_db(level) * tone, int((start + 0.25 * strike) * c.sr))


def _birds(c, rng, rate, level, species) -> None:
    for start in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        f_hi, f_lo, dur = species[rng.integers(len(species))]
        t = start
        for _ in range(rng.integers(3, 10)):
            n = int(dur * c.sr * rng.uniform(0.8, 1.2))
            sweep = np.geomspace(f_hi, f_lo, n) * rng.uniform(0.95, 1.05)
            tone = _partials(c, sweep, [1, 2], [1, 0.15], np.hanning(n))
            c.add(_db(level + rng.uniform(-6, 0)) * tone, int(t * c.sr))
            t += dur + rng.uniform(0.04, 0.15)


def _vehicles(c, rng, rate, level, tones: bool) -> None:
    seconds = c.n / c.sr
    for t0 in _poisson_times(rng, rate, seconds, margin=3):
        width = rng.uniform(0.7, 2.5)
        env_t = 1 / (1 + ((c.t - t0) / width) ** 2)
        env_f = _log_bump(c.freqs, rng.uniform(500, 1200), 1.5) + 0.7 * _band(c.freqs, 20, 150)
        gain = level + rng.uniform(-8, 0)
        c.noise(env_t, env_f, gain)
        if tones:
            lo, hi = int(max(t0 - 4 * width, 0) * c.sr), int(min(t0 + 4 * width, seconds) * c.sr)
            if hi - lo < c.sr // 10:
                continue
            t = np.arange(lo, hi) / c.sr
            doppler = 1 + 0.06 * np.tanh(-(t - t0) / (0.3 * width))
            k = np.arange(1, 9)
            f = rng.uniform(25, 60) * doppler
            tone = _partials(c, f, k, k**-0.8, 1 / (1 + ((t - t0) / width) ** 2))
            c.add(_db(gain - 4) * _unit_ms(tone) * np.sqrt(np.mean(env_t**2)), lo)


def _wind(c, rng, level) -> None:
    gusts = np.exp(1.0 * _smooth(rng, c.frames, 0.2, c.frame_rate))
    env_f = 1 / (1 + (c.freqs / rng.uniform(80, 200)) ** 2) + 0.1 * _log_bump(c.freqs, 600, 0.8)
    c.noise(_unit_ms(gusts), env_f, level)


def _hiss(c, rng, rate, level) -> None:
    for t0 in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        length = rng.uniform(0.3, 1.0)
        rel = c.t - t0
        env_t = np.where(rel >= 0, np.exp(-rel / length), 0.0)
        c.noise(env_t, _band(c.freqs, 2500, 12000), level)


def _horns(c, rng, rate, level) -> None:
    for t0 in _poisson_times(rng, rate, c.n / c.sr, margin=0.5):
        n = int(rng.uniform(0.2, 0.8) * c.sr)
        env = np.minimum(1, np.minimum(np.arange(n), n - np.arange(n)) / 400)
        tone = _partials(
            c, np.full(n, rng.uniform(350, 500)), np.arange(1, 7), [1, 0.8, 0.6, 0.4, 0.3, 0.2], env
        )
        c.add(_db(level) * 0.3 * tone, int(t0 * c.sr))


def _transients(c, rng, r: SceneRecipe, floor_hz: float) -> None:
    seconds = c.n / c.sr
    if r.footsteps:
        rate, level = r.footsteps
        times, amps = [], []
        for _ in range(max(1, round(rate / 1.8))):  # walkers of about 1.8 steps/s
            period = rng.uniform(0.45, 0.6)
            start, stop = np.sort(rng.uniform(-2, seconds + 2, 2))
            steps = np.arange(start, stop, period)
            times.append(steps + rng.normal(0, 0.02, steps.size))
            amps.append(rng.uniform(0.3, 1, steps.size) * rng.uniform(0.2, 1))
        step = _burst(rng, c.sr, 0.08, 0.012, floor_hz / 3, floor_hz * 3)
        _place(c, np.concatenate(times), _db(level) * 3 * np.concatenate(amps), step)
    if r.thumps:
        rate, level = r.thumps
        times = _poisson_times(rng, rate, seconds)
        n = int(0.4 * c.sr)
        thud = np.sin(2 * np.pi * rng.uniform(60, 120) * np.arange(n) / c.sr) * np.exp(
            -np.arange(n) / (0.08 * c.sr)
        ) + 0.5 * _burst(rng, c.sr, 0.4, 0.02, 50, 2000)
        _place(c, times, _db(level) * 4 * rng.uniform(0.3, 1, times.size), thud)
    if r.clicks:
        rate, level = r.clicks
        if c.speed is not None:  # rail joints: bogie pairs at a rate following the speed
            phase = np.cumsum(rate * c.speed) / c.frame_rate + rng.uniform()
            first = c.t[np.flatnonzero(np.diff(np.floor(phase)) > 0)]
            times = np.concatenate([first, first + rng.uniform(0.12, 0.2)])
        else:
            times = _poisson_times(rng, rate, seconds)
        n = int(0.03 * c.sr)
        click = _burst(rng, c.sr, 0.005, 0.0008, 500, 15000)
        ring = np.sin(2 * np.pi * rng.uniform(2000, 5000) * np.arange(n) / c.sr) * np.exp(
            -np.arange(n) / (0.008 * c.sr)
        )
        ring[: click.size] += click
        _place(c, times, _db(level) * 3 * rng.uniform(0.5, 1, times.size), ring)


def render_scene(
    scene: str,
    *,
    location: str,
    segment: str,
    seed: int = 0,
    seconds: float = RECORDING_SECONDS,
    sr: int = SR,
) -> np.ndarray:
    """Renders the scene signal of one recording segment (before any device).

    Args:
        scene: one of ``tfasc.SCENES``.
        location: location identifier ``city-loc``; its seed perturbs the recipe.
        segment: recording name ``scene-city-loc-segment``; its seed draws the events.
        seed: data-set seed.
        seconds: length of the signal.
        sr: sample rate (Hz).

    Returns:
        float64 array of ``round(seconds * sr)`` samples at about the scene's dBFS level.
    """
    if scene not in RECIPES:
        raise ValueError(f"unknown scene {scene!r}; allowed: {', '.join(SCENES)}")
    loc_rng = _key_rng(seed, "location", scene, location)
    recipe = _perturb(RECIPES[scene], loc_rng)
    # Location traits: chime melody, bird species, music key, bell pitch, floor material.
    notes = 440 * 2 ** (loc_rng.choice([0, 4, 7, 12, -5, 9], 3) / 12)
    species = [
        (loc_rng.uniform(4000, 8000), loc_rng.uniform(2000, 4000), loc_rng.uniform(0.04, 0.15))
        for _ in range(2)
    ]
    key, tempo = 110 * 2 ** (loc_rng.integers(12) / 12), loc_rng.uniform(80, 130)
    bell_hz, floor_hz = loc_rng.uniform(700, 1500), loc_rng.uniform(400, 1500)

    rng = _key_rng(seed, "segment", segment)
    c = _Canvas(round(seconds * sr), sr, rng)
    if recipe.motor:  # rail vehicles: bed, whine and rail clicks follow the speed
        _speed(c, rng)
    _bed(c, recipe, rng)
    if recipe.crowd_db is not None:
        _crowd(c, rng, recipe.crowd_db)
    if recipe.talkers:
        _talkers(c, rng, *recipe.talkers)
    if recipe.motor:
        _motor(c, rng, *recipe.motor)
    if recipe.engine:
        _engine(c, rng, *recipe.engine)
    if recipe.hum:
        _hum(c, rng, *recipe.hum)
    if recipe.vehicles:
        _vehicles(c, rng, *recipe.vehicles, tones=recipe.vehicle_tones)
    if recipe.announce:
        _announce(c, rng, *recipe.announce, notes=notes)
    if recipe.music_db is not None:
        _music(c, rng, recipe.music_db, key, tempo)
    if recipe.bells:
        _bells(c, rng, *recipe.bells, f0=bell_hz)
    if recipe.birds:
        _birds(c, rng, *recipe.birds, species=species)
    if recipe.hiss:
        _hiss(c, rng, *recipe.hiss)
    if recipe.horns:
        _horns(c, rng, *recipe.horns)
    if recipe.wind_db is not None:
        _wind(c, rng, recipe.wind_db)
    _transients(c, rng, recipe, floor_hz)
    x = c.render(recipe.reverb_s)
    gain = _db(recipe.level_db + rng.normal(0, 1.5)) / (np.sqrt(np.mean(x**2)) + 1e-12)
    return x * gain


# --------------------------------------------------------------------------------------------
# Devices
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class DeviceModel:
    """A recording device chain: response, gain, noise floor, soft clipping."""

    bumps: tuple[tuple[float, float, float], ...]
    """Response bumps as (centre Hz, width in octaves, gain dB), smooth in log-frequency."""
    tilt_db_per_octave: float
    """Spectral tilt around 1 kHz."""
    highpass_hz: float
    lowpass_hz: float
    gain_db: float
    noise_dbfs: float
    """RMS of the white self-noise added before the response."""
    drive: float
    """Soft-clipping drive: ``tanh(drive * x) / drive``; 0 is linear."""

    def response(self, freqs: np.ndarray) -> np.ndarray:
        """Magnitude response (linear) at ``freqs`` Hz."""
        octaves = np.log2(np.maximum(freqs, 1.0) / 1000)
        db = self.tilt_db_per_octave * octaves
        for centre, width, gain in self.bumps:
            db = db + gain * _log_bump(freqs, centre, width)
        return 10 ** (db / 20) * _band(freqs, self.highpass_hz, self.lowpass_hz, order=3)


# (bumps, max bump dB, max tilt dB/oct, high-pass Hz range, low-pass Hz range, noise dBFS,
#  drive): a = binaural reference recorder, b/c = phones, s1-s6 = simulated small devices.
_DEVICE_CLASSES = {
    "a": (2, 1.0, 0.1, (15, 20), (19000, 20000), -84, 0.0),
    "b": (3, 6.0, 0.8, (80, 150), (14000, 16000), -72, 1.5),
    "c": (3, 6.0, 0.8, (80, 150), (13000, 15000), -70, 1.5),
}
_SIMULATED = (4, 10.0, 1.5, (150, 400), (6000, 11000), -64, 2.5)


@functools.cache
def device_model(device: str) -> DeviceModel:
    """The fixed model of ``device`` (one of ``tfasc.DEVICES``), drawn from ``DEVICE_SEED``."""
    if device not in DEVICES:
        raise ValueError(f"unknown device {device!r}; allowed: {', '.join(DEVICES)}")
    rng = np.random.default_rng(np.random.SeedSequence([DEVICE_SEED, DEVICES.index(device)]))
    bumps, peak, tilt, hp, lp, noise, drive = _DEVICE_CLASSES.get(device, _SIMULATED)
    return DeviceModel(
        bumps=tuple(
            (
                float(np.exp(rng.uniform(np.log(100), np.log(12000)))),
                float(rng.uniform(0.4, 1.5)),
                float(rng.uniform(-peak, peak)),
            )
            for _ in range(bumps)
        ),
        tilt_db_per_octave=float(rng.uniform(-tilt, tilt)),
        highpass_hz=float(rng.uniform(*hp)),
        lowpass_hz=float(rng.uniform(*lp)),
        gain_db=float(0 if device == "a" else rng.uniform(-6, 6)),
        noise_dbfs=float(noise + rng.uniform(-3, 3)),
        drive=float(drive * rng.uniform(0.7, 1.3)),
    )


def render_device(x: np.ndarray, device: str, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Records the signal ``x`` with ``device``.

    Adds the device's self-noise, applies its frequency response (FFT domain) and gain,
    then soft clipping. The chain is fixed per device; ``rng`` only draws the noise.

    Args:
        x: float signal, shape (samples,), full scale 1.0.
        device: one of ``tfasc.DEVICES``.
        sr: sample rate (Hz).
        rng: generator of the self-noise.

    Returns:
        float64 array of the same shape, within (-1, 1) when ``drive`` > 0.
    """
    model = device_model(device)
    noisy = x + _db(model.noise_dbfs) * rng.standard_normal(x.shape)
    spectrum = scipy.fft.rfft(noisy)
    y = scipy.fft.irfft(spectrum * model.response(np.fft.rfftfreq(x.size, 1 / sr)), x.size)
    y *= _db(model.gain_db)
    if model.drive > 0:
        y = np.tanh(model.drive * y) / model.drive
    return y


def _to_pcm16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 32767), -32768, 32767).astype(np.int16)


# --------------------------------------------------------------------------------------------
# File list: a stratified fraction of the real TAU 2020 metadata
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Recording:
    """One 10-s TAU 2020 recording chosen for the synthetic set."""

    name: str
    """``scene-city-loc-segment-device`` (the 2020 file name without ``audio/``, ``.wav``)."""
    scene: str
    identifier: str
    """Location ``city-loc``."""
    device: str
    fold: str
    """``train``, ``evaluate`` or ``""`` (listed in meta.csv only)."""

    @property
    def segment(self) -> str:
        """``scene-city-loc-segment``: shared by the parallel recordings of all devices."""
        return self.name.rsplit("-", 1)[0]

    def clip(self, index: int) -> str:
        """File name of the 1-s slice ``index`` (TAU 2022)."""
        return f"audio/{self.segment}-{index}-{self.device}.wav"


def _read_gz_table(path: pathlib.Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@functools.cache
def tau2020_recordings() -> tuple[Recording, ...]:
    """All recordings of the real TAU 2020 Mobile development metadata, in meta.csv order."""
    train = {
        r["filename"]
        for r in _read_gz_table(_RESOURCES / "evaluation_setup" / "fold1_train.csv.gz")
    }
    evaluate = {
        r["filename"]
        for r in _read_gz_table(_RESOURCES / "evaluation_setup" / "fold1_evaluate.csv.gz")
    }
    return tuple(
        Recording(
            name=row["filename"][len("audio/") : -len(".wav")],
            scene=row["scene_label"],
            identifier=row["identifier"],
            device=row["source_label"],
            fold="train"
            if row["filename"] in train
            else "evaluate"
            if row["filename"] in evaluate
            else "",
        )
        for row in _read_gz_table(_RESOURCES / "meta.csv.gz")
    )


def select_recordings(size: float, seed: int = 0) -> list[Recording]:
    """A stratified fraction ``size`` of the TAU 2020 recordings, whole segments at a time.

    Segments are grouped into strata of equal scene and (device, fold) signature; each
    stratum gives ``floor(size * count)`` segments, then single segments are added greedily
    while that lowers the squared error of the (fold, device) counts and (a quarter weight)
    of the (side, scene) counts against ``size`` times the real ones. The seed picks which
    segments of a stratum are taken.

    Returns:
        the chosen recordings, in the order of the real meta.csv.
    """
    if not 0 < size <= 1:
        raise ValueError(f"size must be in (0, 1], got {size!r}")
    segments = collections.defaultdict(list)
    for rec in tau2020_recordings():
        segments[rec.segment].append(rec)
    strata = collections.defaultdict(list)
    for name, recs in segments.items():
        strata[(recs[0].scene, tuple(sorted((r.device, r.fold) for r in recs)))].append(name)
    names = sorted(strata)

    def side(recs):  # a segment lies on the training or the evaluation side (or neither)
        return (
            "train"
            if any(r.fold == "train" for r in recs)
            else ("evaluate" if any(r.fold == "evaluate" for r in recs) else "")
        )

    keys = sorted(
        {("device", r.fold, r.device) for recs in segments.values() for r in recs}
        | {("scene", side(recs), recs[0].scene) for recs in segments.values()}
    )
    column = {key: i for i, key in enumerate(keys)}
    counts = np.zeros((len(names), len(keys)))  # recordings each stratum's segment adds
    for i, stratum in enumerate(names):
        recs = segments[strata[stratum][0]]
        for r in recs:
            counts[i, column[("device", r.fold, r.device)]] += 1
        counts[i, column[("scene", side(recs), recs[0].scene)]] += len(recs)
    available = np.array([len(strata[s]) for s in names], float)
    weight = np.array([1.0 if key[0] == "device" else 0.25 for key in keys])
    target = size * (available @ counts)
    take = np.floor(size * available + 1e-9)
    got = take @ counts
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x5E1EC7]))
    tie = rng.uniform(0, 1e-6, len(names))
    while True:
        gain = (weight * counts * (2 * (target - got) - counts)).sum(axis=1) + tie
        gain[take >= available] = -np.inf
        best = int(np.argmax(gain))
        if not gain[best] > 0:
            break
        take[best] += 1
        got += counts[best]
    chosen = set()
    for i, stratum in enumerate(names):
        members = sorted(strata[stratum])
        chosen.update(members[j] for j in rng.permutation(len(members))[: int(take[i])])
    return [r for r in tau2020_recordings() if r.segment in chosen]


def training_splits(recordings: list[Recording], seed: int = 0) -> dict[int, list[Recording]]:
    """DCASE2024-style nested subsets of the training recordings, by percentage.

    Each training recording gets a rank in (0, 1); split ``p`` holds the ranks below
    ``p / 100`` (whole 10-s recordings, so all slices of a recording stay together). Within
    each device the recordings are ordered so that scenes interleave and whole
    locations come together; ranks are evenly spaced per device, so every split keeps the
    device proportions, and the splits are nested by construction.
    """
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 0x5B117]))
    by_device = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in recordings:
        if r.fold == "train":
            by_device[r.device][r.scene].append(r)
    ranks = {}
    for device in sorted(by_device):
        order = []
        for scene in sorted(by_device[device]):
            recs = by_device[device][scene]
            locations = sorted({r.identifier for r in recs})
            loc_rank = dict(zip(locations, rng.permutation(len(locations)), strict=False))
            recs = sorted(recs, key=lambda r: (loc_rank[r.identifier], r.name))
            order += [((k + 0.5) / len(recs), rng.uniform(), r.name) for k, r in enumerate(recs)]
        order.sort()
        ranks.update({name: (j + 0.5) / len(order) for j, (_, _, name) in enumerate(order)})
    train = [r for r in recordings if r.fold == "train"]
    return {p: [r for r in train if ranks[r.name] < p / 100] for p in SPLITS}


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _atomic_write_text(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _table(header: tuple[str, ...], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _render_segment(task: tuple) -> tuple[int, int]:
    """Renders one segment through each of its devices; returns (written, skipped) clips."""
    root, seed, slices, recordings, resume = task
    root = pathlib.Path(root)
    todo = [
        (rec, i)
        for rec in recordings
        for i in range(slices)
        if not (resume and (root / rec.clip(i)).is_file())
    ]
    if not todo:
        return 0, len(recordings) * slices
    first = recordings[0]
    scene = render_scene(
        first.scene,
        location=first.identifier,
        segment=first.segment,
        seed=seed,
        seconds=slices * CLIP_SECONDS,
    )
    missing = set(todo)
    for rec in recordings:
        if not any((rec, i) in missing for i in range(slices)):
            continue
        y = _to_pcm16(render_device(scene, rec.device, SR, _key_rng(seed, "device", rec.name)))
        for i in range(slices):
            if (rec, i) not in missing:
                continue
            path = root / rec.clip(i)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            soundfile.write(
                tmp,
                y[i * SR * CLIP_SECONDS : (i + 1) * SR * CLIP_SECONDS],
                SR,
                subtype="PCM_16",
                format="WAV",
            )
            os.replace(tmp, path)
    return len(todo), len(recordings) * slices - len(todo)


def _prepare(out: pathlib.Path, params: dict, overwrite: bool, clips: set[str]) -> bool:
    """Checks ``out`` and writes the marker; returns whether existing clips may be kept.

    When not resuming, the ``clips`` to write that already exist are deleted before the marker
    is written (so that an interrupted overwrite never resumes onto foreign files), and so is
    every other clip of a previous synthetic set.
    """
    marker = out / _MARKER
    previous = None
    if marker.is_file():
        try:
            previous = json.loads(marker.read_text(encoding="utf-8"))
        except ValueError:
            previous = None
    if previous == params:
        resume = True
    elif out.exists() and any(out.iterdir()) and not overwrite:
        what = (
            f"a synthetic data set with other parameters ({previous})"
            if previous is not None
            else "not a tfasc synthetic data set"
        )
        raise FileExistsError(
            f"{out}: directory is not empty and is {what}; "
            "pass overwrite=True to write into it anyway"
        )
    else:
        resume = False
    out.mkdir(parents=True, exist_ok=True)
    (out / "audio").mkdir(exist_ok=True)
    for stale in (out / "audio").glob(".*.tmp"):  # left by an interrupted run
        stale.unlink()
    if not resume:
        ours = isinstance(previous, dict) and previous.get("generator") == params["generator"]
        for path in (out / "audio").glob("*.wav"):
            if ours or f"audio/{path.name}" in clips:
                path.unlink()
    _atomic_write_text(marker, json.dumps(params, indent=2) + "\n")
    return resume


def generate(
    out_dir,
    *,
    seed: int = 0,
    size: float = 0.01,
    slices_per_recording: int = 10,
    progress: bool = True,
    workers: int | None = None,
    overwrite: bool = False,
) -> dict:
    """Writes a synthetic TAU Urban Acoustic Scenes 2022 Mobile development set.

    Args:
        out_dir: output directory; created if needed. A non-empty directory is refused unless
            it holds a synthetic set of the same parameters (then the run resumes: complete
            clips are kept) or ``overwrite`` is True (then every clip is rewritten).
        seed: data-set seed: the choice of segments and all audio follow from it.
        size: fraction (0, 1] of the 23,035 TAU 2020 recordings to take.
        slices_per_recording: 1-s files per 10-s recording (1-10), slices ``0..n-1``.
        progress: show a tqdm progress bar.
        workers: processes to render with; None = the CPUs available; 1 = in-process.
        overwrite: write into a non-empty directory that is not this same synthetic set.

    Returns:
        summary dict: ``out_dir``, ``seed``, ``size``, ``slices_per_recording``,
        ``recordings``, ``segments``, ``clips``, ``clips_by_device``, ``clips_by_fold``,
        ``written``, ``skipped``, ``workers``, ``seconds``, ``clips_per_second``.
    """
    if not 1 <= slices_per_recording <= RECORDING_SECONDS // CLIP_SECONDS:
        raise ValueError(f"slices_per_recording must be in 1..10, got {slices_per_recording!r}")
    start = time.perf_counter()
    out = pathlib.Path(out_dir)
    params = {
        "generator": "tfasc.data.synth",
        "tfasc_version": __version__,
        "seed": int(seed),
        "size": float(size),
        "slices_per_recording": int(slices_per_recording),
    }
    recordings = select_recordings(size, seed)
    targets = {rec.clip(i) for rec in recordings for i in range(slices_per_recording)}
    resume = _prepare(out, params, overwrite, targets)

    segments = collections.defaultdict(list)
    for rec in recordings:
        segments[rec.segment].append(rec)
    tasks = [
        (str(out), int(seed), slices_per_recording, recs, resume) for recs in segments.values()
    ]
    if workers is None:
        workers = (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1)
        )
    workers = max(1, min(int(workers), len(tasks)))
    from tqdm.auto import tqdm

    bar = tqdm(
        total=len(recordings) * slices_per_recording,
        unit="clip",
        disable=not progress,
        desc=f"synth {out.name}",
    )
    written = skipped = 0
    if workers == 1:
        results = map(_render_segment, tasks)
        pool = None
    else:
        pool = multiprocessing.get_context("spawn").Pool(workers)
        results = pool.imap_unordered(_render_segment, tasks)
    try:
        for done, kept in results:
            written += done
            skipped += kept
            bar.update(done + kept)
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()

    _write_tables(out, recordings, seed, slices_per_recording)
    clips = len(recordings) * slices_per_recording
    _atomic_write_text(out / "README.md", _readme(params, len(recordings), clips))
    seconds = time.perf_counter() - start
    return {
        "out_dir": str(out),
        "seed": int(seed),
        "size": float(size),
        "slices_per_recording": slices_per_recording,
        "recordings": len(recordings),
        "segments": len(segments),
        "clips": clips,
        "clips_by_device": dict(
            collections.Counter(r.device for r in recordings for _ in range(slices_per_recording))
        ),
        "clips_by_fold": dict(
            collections.Counter(
                r.fold or "meta_only" for r in recordings for _ in range(slices_per_recording)
            )
        ),
        "written": written,
        "skipped": skipped,
        "workers": workers,
        "seconds": seconds,
        "clips_per_second": written / seconds if seconds > 0 else float("inf"),
    }


def _write_tables(out: pathlib.Path, recordings: list[Recording], seed: int, slices: int):
    def rows(recs, *columns):
        for r in recs:
            for i in range(slices):
                values = {
                    "filename": r.clip(i),
                    "scene_label": r.scene,
                    "identifier": r.identifier,
                    "source_label": r.device,
                    "recording": f"{r.segment}-{i}",
                }
                yield [values[c] for c in columns]

    meta = ("filename", "scene_label", "identifier", "source_label")
    labelled = ("filename", "scene_label")
    train = [r for r in recordings if r.fold == "train"]
    evaluate = [r for r in recordings if r.fold == "evaluate"]
    setup = out / "evaluation_setup"
    _atomic_write_text(out / "meta.csv", _table(meta, rows(recordings, *meta)))
    _atomic_write_text(setup / "fold1_train.csv", _table(labelled, rows(train, *labelled)))
    _atomic_write_text(setup / "fold1_evaluate.csv", _table(labelled, rows(evaluate, *labelled)))
    _atomic_write_text(setup / "fold1_test.csv", _table(("filename",), rows(evaluate, "filename")))
    for percent, subset in training_splits(recordings, seed).items():
        _atomic_write_text(
            out / "split_setup" / f"split{percent}.csv", _table(labelled, rows(subset, *labelled))
        )
    parallel = ("filename", "recording", "source_label")
    _atomic_write_text(out / "parallel.csv", _table(parallel, rows(recordings, *parallel)))


def _readme(params: dict, recordings: int, clips: int) -> str:
    return f"""# Synthetic TAU Urban Acoustic Scenes 2022 Mobile development set

**This is synthetic audio**, generated by `tfasc.data.synth` (tfasc {params["tfasc_version"]})
with seed {params["seed"]} and size {params["size"]} ({recordings} 10-s recordings of the real
TAU 2020 Mobile metadata, {params["slices_per_recording"]} 1-s slices each: {clips} clips).
File names, locations, devices and folds follow the real metadata; the sound is procedural.

- `meta.csv`, `evaluation_setup/fold1_{{train,evaluate,test}}.csv`,
  `split_setup/split{{5,10,25,50,100}}.csv`: as in TAU 2022 Mobile / DCASE2024.
- `parallel.csv` (`filename`, `recording`, `source_label`): clips with the same `recording`
  hold the same scene sound recorded by different devices (parallel recordings).
- `synth.json`: the generation parameters (a rerun with the same ones resumes).
"""


def parallel_groups(root) -> dict[str, dict[str, str]]:
    """Parallel recordings of a synthetic set: ``{recording: {device: filename}}``.

    Only groups recorded by at least two devices are returned; ``recording`` is
    ``scene-city-loc-segment-slice``.
    """
    groups = collections.defaultdict(dict)
    with open(pathlib.Path(root) / "parallel.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups[row["recording"]][row["source_label"]] = row["filename"]
    return {key: devices for key, devices in groups.items() if len(devices) > 1}
