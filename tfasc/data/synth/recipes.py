"""Scene recipes of the synthetic TAU set: what each of the 10 scenes is made of.

Each scene is a stochastic mixture of procedural sources (:mod:`.sources` renders them); a
location's seed perturbs the recipe (:func:`perturb`: spectral envelope ripple, event rates,
levels, fundamental frequencies, reverberation), a recording's seed draws the events.
Confusable pairs share sources.

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

Every random draw comes from :func:`key_rng`, keyed by the seed and a name (location,
segment, recording), so the audio does not depend on the order of rendering.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np

SR = 44100
"""Sample rate of the generated audio (Hz)."""
CLIP_SECONDS = 1
"""Length of one TAU 2022 file (s)."""
RECORDING_SECONDS = 10
"""Length of one TAU 2020 recording (s), cut into 1-s slices."""

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


def key_rng(seed: int, *names: str) -> np.random.Generator:
    """A generator that depends only on the seed and the names (not on call order)."""
    digest = hashlib.sha256("\x1f".join(map(str, names)).encode()).digest()
    words = np.frombuffer(digest[:16], np.uint32).tolist()
    return np.random.default_rng(np.random.SeedSequence([int(seed), *words]))


def perturb(recipe: SceneRecipe, rng: np.random.Generator) -> SceneRecipe:
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
