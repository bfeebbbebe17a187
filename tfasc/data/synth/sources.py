"""Rendering the sound sources of a scene recipe into one recording's scene signal.

Noise-like sources (beds, crowds, voices, vehicles, wind, hiss) add power on an STFT grid
(:class:`_Canvas`) rendered with random phase by overlap-add; tonal sources (motors,
engines, hum, chimes, music, bells, birds, horns) and transients (footsteps, thumps,
clicks) add samples directly. :func:`render_scene` mixes the sources of one scene's recipe,
perturbed for its location, at the scene's level.
"""

from __future__ import annotations

import numpy as np
import scipy.fft
import scipy.signal

from tfasc import SCENES
from tfasc.data.synth.recipes import RECIPES, RECORDING_SECONDS, SR, SceneRecipe, key_rng, perturb

_N_FFT = 1024  # STFT used to shape noise-like sources
_HOP = _N_FFT // 4
_BED_HZ = np.array([31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000])


def from_db(value: float) -> float:
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


def log_bump(freqs: np.ndarray, centre: float, octaves: float) -> np.ndarray:
    return np.exp(-0.5 * (np.log2(np.maximum(freqs, 1.0) / centre) / octaves) ** 2)


def band_pass(freqs: np.ndarray, low: float, high: float, order: int = 2) -> np.ndarray:
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
        self.power += (from_db(level_db) * env_t)[:, None] ** 2 * _unit_ms(env_f)[None, :] ** 2

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
    x = scipy.fft.irfft(spectrum * band_pass(np.fft.rfftfreq(n, 1 / sr), low, high), n)
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
        from_db(1)
        * 10 ** (np.interp(np.log2(np.maximum(c.freqs, 20)), np.log2(_BED_HZ), r.bed) / 20)
        * band_pass(c.freqs, 20, 20000, 1)
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
    c.add(from_db(level) * _unit_ms(tone), 0)
    # Inverter carrier tone: steady, switching on when the motor draws current.
    carrier = _partials(
        c,
        np.full(c.n, f0 * rng.uniform(6, 9)),
        [1],
        [1],
        c.at_samples(np.clip(2 * np.gradient(c.speed) * c.frame_rate, 0, 1)),
    )
    c.add(from_db(level - 6) * carrier, 0)


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
    c.add(from_db(level) * _unit_ms(tone), 0)


def _hum(c: _Canvas, rng, f0: float, level: float) -> None:
    k = np.arange(1, 6)
    tone = _partials(c, np.full(c.n, f0), k, rng.uniform(0.2, 1, k.size) / k, 1.0)
    c.add(from_db(level) * _unit_ms(tone), 0)


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
        a * log_bump(c.freqs[None, :], formants[:, k, None], 0.12)
        for k, a in enumerate((1.0, 0.6, 0.3))
    )
    env = env * (0.2 + np.cos(np.pi * c.freqs[None, :] / pitch[:, None]) ** 8) + 0.02
    unvoiced = rng.uniform(size=count) < 0.2
    env[unvoiced] = log_bump(c.freqs, rng.uniform(3500, 6000), 0.5)
    if band is not None:
        env = env * band_pass(c.freqs, *band, order=3)
    loud = rng.uniform(0.4, 1.0, count)[syllable]
    env_t = (0.5 - 0.5 * np.cos(phase)) ** 1.5 * loud * gate
    c.power += ((from_db(level) * env_t)[:, None] * _unit_ms(env)[syllable]) ** 2


def _talkers(c: _Canvas, rng, mean: float, level: float) -> None:
    for _ in range(min(rng.poisson(mean), 6)):
        gate = 1 / (1 + np.exp(-4 * (_smooth(rng, c.frames, 0.25, c.frame_rate) + 0.3)))
        _voice(c, rng, level + rng.uniform(-6, 0), gate)


def _crowd(c: _Canvas, rng, level: float) -> None:
    env_f = log_bump(c.freqs, 500, 1.3) * band_pass(c.freqs, 120, 6000)
    env_t = np.exp(0.25 * _smooth(rng, c.frames, 4, c.frame_rate))
    c.noise(_unit_ms(env_t), env_f, level)


def _chime(c: _Canvas, rng, start: float, level: float, notes) -> float:
    """Adds a chime at ``start`` s; returns its end time."""
    t = start
    for f0 in notes:
        n = int(1.2 * c.sr)
        env = np.exp(-np.arange(n) / (0.35 * c.sr))
        tone = _partials(c, np.full(n, f0), [1, 2, 3], [1, 0.3, 0.1], env)
        c.add(from_db(level) * tone, int(t * c.sr))
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
        c.add(from_db(level) * 0.5 * tone, int(i * beat / 2 * c.sr))
        if i % 4 == 0:  # bass note on the beat
            bass = _partials(
                c,
                np.full(envelope_n, scale[0] / 4 * (1 + (i // 4) % 2 * 0.5)),
                [1, 2],
                [1, 0.5],
                env,
            )
            c.add(from_db(level) * 0.7 * bass, int(i * beat / 2 * c.sr))


def _bells(c, rng, rate, level, f0) -> None:
    n = int(1.5 * c.sr)
    env = np.exp(-np.arange(n) / (0.4 * c.sr))
    for start in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        for strike in range(2):
            tone = _partials(c, np.full(n, f0), [1, 2.42, 3.9, 5.6], [1, 0.6, 0.4, 0.2], env)
            c.add(from_db(level) * tone, int((start + 0.25 * strike) * c.sr))


def _birds(c, rng, rate, level, species) -> None:
    for start in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        f_hi, f_lo, dur = species[rng.integers(len(species))]
        t = start
        for _ in range(rng.integers(3, 10)):
            n = int(dur * c.sr * rng.uniform(0.8, 1.2))
            sweep = np.geomspace(f_hi, f_lo, n) * rng.uniform(0.95, 1.05)
            tone = _partials(c, sweep, [1, 2], [1, 0.15], np.hanning(n))
            c.add(from_db(level + rng.uniform(-6, 0)) * tone, int(t * c.sr))
            t += dur + rng.uniform(0.04, 0.15)


def _vehicles(c, rng, rate, level, tones: bool) -> None:
    seconds = c.n / c.sr
    for t0 in _poisson_times(rng, rate, seconds, margin=3):
        width = rng.uniform(0.7, 2.5)
        env_t = 1 / (1 + ((c.t - t0) / width) ** 2)
        env_f = log_bump(c.freqs, rng.uniform(500, 1200), 1.5) + 0.7 * band_pass(c.freqs, 20, 150)
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
            c.add(from_db(gain - 4) * _unit_ms(tone) * np.sqrt(np.mean(env_t**2)), lo)


def _wind(c, rng, level) -> None:
    gusts = np.exp(1.0 * _smooth(rng, c.frames, 0.2, c.frame_rate))
    env_f = 1 / (1 + (c.freqs / rng.uniform(80, 200)) ** 2) + 0.1 * log_bump(c.freqs, 600, 0.8)
    c.noise(_unit_ms(gusts), env_f, level)


def _hiss(c, rng, rate, level) -> None:
    for t0 in _poisson_times(rng, rate, c.n / c.sr, margin=1):
        length = rng.uniform(0.3, 1.0)
        rel = c.t - t0
        env_t = np.where(rel >= 0, np.exp(-rel / length), 0.0)
        c.noise(env_t, band_pass(c.freqs, 2500, 12000), level)


def _horns(c, rng, rate, level) -> None:
    for t0 in _poisson_times(rng, rate, c.n / c.sr, margin=0.5):
        n = int(rng.uniform(0.2, 0.8) * c.sr)
        env = np.minimum(1, np.minimum(np.arange(n), n - np.arange(n)) / 400)
        tone = _partials(
            c, np.full(n, rng.uniform(350, 500)), np.arange(1, 7), [1, 0.8, 0.6, 0.4, 0.3, 0.2], env
        )
        c.add(from_db(level) * 0.3 * tone, int(t0 * c.sr))


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
        _place(c, np.concatenate(times), from_db(level) * 3 * np.concatenate(amps), step)
    if r.thumps:
        rate, level = r.thumps
        times = _poisson_times(rng, rate, seconds)
        n = int(0.4 * c.sr)
        thud = np.sin(2 * np.pi * rng.uniform(60, 120) * np.arange(n) / c.sr) * np.exp(
            -np.arange(n) / (0.08 * c.sr)
        ) + 0.5 * _burst(rng, c.sr, 0.4, 0.02, 50, 2000)
        _place(c, times, from_db(level) * 4 * rng.uniform(0.3, 1, times.size), thud)
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
        _place(c, times, from_db(level) * 3 * rng.uniform(0.5, 1, times.size), ring)


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
    loc_rng = key_rng(seed, "location", scene, location)
    recipe = perturb(RECIPES[scene], loc_rng)
    # Location traits: chime melody, bird species, music key, bell pitch, floor material.
    notes = 440 * 2 ** (loc_rng.choice([0, 4, 7, 12, -5, 9], 3) / 12)
    species = [
        (loc_rng.uniform(4000, 8000), loc_rng.uniform(2000, 4000), loc_rng.uniform(0.04, 0.15))
        for _ in range(2)
    ]
    key, tempo = 110 * 2 ** (loc_rng.integers(12) / 12), loc_rng.uniform(80, 130)
    bell_hz, floor_hz = loc_rng.uniform(700, 1500), loc_rng.uniform(400, 1500)

    rng = key_rng(seed, "segment", segment)
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
    gain = from_db(recipe.level_db + rng.normal(0, 1.5)) / (np.sqrt(np.mean(x**2)) + 1e-12)
    return x * gain
