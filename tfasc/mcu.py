"""Builds an int8 model into firmware, runs it on an emulated Cortex-M, reads the results.

``mcu_test`` compiles a ``.tflite`` model ahead of time (:mod:`tfasc.aot`), embeds test
vectors whose expected outputs come from the TFLite Micro interpreter
(:class:`tfasc.tflm.TFLMModel`), builds it with ``arm-none-eabi-g++`` for a QEMU board
(``micro/targets/``), runs it with ``qemu-system-arm -icount shift=0`` and returns the
outputs, the bit-exact comparison, instructions per inference and the memory footprint.

Boards: ``mps2-an386`` (Cortex-M4F) and ``mps3-an547`` (Cortex-M55); ``host`` builds the
same firmware for the PC (no instruction count), which is what the AOT tests use.

Example:
    >>> result = mcu_test(open("model.tflite", "rb").read(), board="mps2-an386")
    >>> result.bit_exact, result.instructions_per_inference, result.flash_bytes
    (True, 181234567, 120832)
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import numpy as np

from tfasc import aot, firmware, tflm

MICRO_DIR = pathlib.Path(__file__).resolve().parent.parent / "micro"
"""The repository's ``micro/`` folder (board support, AOT runtime, harness sources)."""


class ToolchainError(RuntimeError):
    """A build or emulation tool is missing or failed; the message says which and why."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Board:
    """A build target."""

    name: str
    """Board name as QEMU spells it (``mps2-an386``), or ``host``."""
    directory: str
    """Folder under ``micro/targets/`` holding ``board.c`` (and ``linker.ld``)."""
    cpu_flags: tuple[str, ...] = ()
    """Compiler flags selecting the core and its floating-point unit."""
    defines: tuple[str, ...] = ()
    """Preprocessor defines of this board's build."""
    code_bytes: int = 0
    """Size of the memory region holding code and constants."""
    ram_bytes: int = 0
    """Size of the memory region holding data, bss, heap and stack."""

    @property
    def emulated(self) -> bool:
        return self.name != "host"


BOARDS = {
    "mps2-an386": Board(
        name="mps2-an386",
        directory="mps2_an386",
        cpu_flags=("-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard", "-mthumb"),
        code_bytes=4 << 20,
        ram_bytes=4 << 20,
    ),
    "mps3-an547": Board(
        name="mps3-an547",
        directory="mps3_an547",
        cpu_flags=("-mcpu=cortex-m55", "-mfloat-abi=hard", "-mthumb"),
        # The vendored CMSIS-DSP subset lacks the Helium (MVE) FFT twiddle tables: use its
        # portable C path, which GCC may still auto-vectorize for MVE.
        defines=("ARM_MATH_AUTOVECTORIZE",),
        code_bytes=512 << 10,
        ram_bytes=4 << 20,
    ),
    "host": Board(name="host", directory="host"),
}
"""Supported boards by name."""

_PACKAGES = {
    "arm-none-eabi-g++": "gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib",
    "arm-none-eabi-size": "binutils-arm-none-eabi",
    "qemu-system-arm": "qemu-system-arm",
    "g++": "g++",
    "gcc": "gcc",
    "arm-none-eabi-gcc": "gcc-arm-none-eabi",
}


@dataclasses.dataclass(frozen=True, kw_only=True)
class MCUResult:
    """What one firmware run measured."""

    board: str
    """Board name."""
    outputs: np.ndarray
    """``(vectors, outputs)`` int8 outputs printed by the firmware."""
    expected: np.ndarray
    """``(vectors, outputs)`` int8 outputs of the TFLM interpreter."""
    instructions: tuple[int, ...]
    """Retired instructions of each ``Invoke()`` (0 on the host)."""
    arena_bytes: int
    """Size of the statically planned AOT tensor arena."""
    sections: dict[str, int]
    """Section sizes of the firmware image in bytes (``arm-none-eabi-size -A``)."""
    elf: str
    """Path of the firmware image (inside ``build_dir``)."""

    @property
    def bit_exact(self) -> bool:
        """True when every output equals TFLM's bit for bit."""
        return self.outputs.shape == self.expected.shape and bool(
            np.array_equal(self.outputs, self.expected)
        )

    @property
    def mismatches(self) -> int:
        """Number of vectors whose output differs from TFLM's."""
        if self.outputs.shape != self.expected.shape:
            return len(self.expected)
        return int(np.any(self.outputs != self.expected, axis=1).sum())

    @property
    def instructions_per_inference(self) -> int:
        """Median retired instructions of one inference."""
        return int(np.median(self.instructions)) if self.instructions else 0

    @property
    def flash_bytes(self) -> int:
        """Code and constants: ``.text + .rodata + .ARM.exidx/extab`` plus ``.data``'s image."""
        keys = (".text", ".rodata", ".ARM.exidx", ".ARM.extab", ".data")
        return sum(self.sections.get(k, 0) for k in keys)

    @property
    def ram_bytes(self) -> int:
        """Static RAM: ``.data + .bss`` (the arena is in ``.bss``) ``+ .heap + .stack``."""
        return sum(self.sections.get(k, 0) for k in (".data", ".bss", ".heap", ".stack"))


def require_tools(board: Board) -> None:
    """Raises :class:`ToolchainError` naming the Debian packages to install if a tool is missing."""
    tools = ["gcc", "g++"] if not board.emulated else [
        "arm-none-eabi-gcc", "arm-none-eabi-g++", "arm-none-eabi-size", "qemu-system-arm"
    ]  # fmt: skip
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        packages = " ".join(dict.fromkeys(" ".join(_PACKAGES[t] for t in missing).split()))
        raise ToolchainError(
            f"{', '.join(missing)} not found; install it with `apt-get install {packages}`"
        )


def _include_dirs() -> list[str]:
    import tensorflow
    import xmos_ai_tools

    xmos = pathlib.Path(xmos_ai_tools.__file__).parent / "runtime" / "include"
    gemmlowp = pathlib.Path(tensorflow.__file__).parent / "include" / "external" / "gemmlowp"
    for path in (xmos, gemmlowp):
        if not path.is_dir():
            raise ToolchainError(f"kernel headers not found at {path}")
    return [str(MICRO_DIR / "aot" / "include"), str(xmos), str(gemmlowp)]


def build(
    model: aot.AOTModel,
    board: Board,
    build_dir,
    main_source,
    extra_sources=(),
    extra_includes=(),
    extra_c_sources=(),
    defines=(),
) -> pathlib.Path:
    """Compiles the generated model, the runtime, the board support and ``main_source``.

    Returns:
        Path of the executable (an ELF for the emulated boards).
    """
    require_tools(board)
    build_dir = pathlib.Path(build_dir)
    model.write(build_dir)
    targets = MICRO_DIR / "targets"
    includes = [str(build_dir), str(targets), *map(str, extra_includes), *_include_dirs()]
    c_sources = [str(targets / board.directory / "board.c"), *map(str, extra_c_sources)]
    if board.emulated:
        c_sources.append(str(targets / "common" / "cortex_m.c"))
    cc_sources = [
        str(build_dir / "model.cc"),
        str(MICRO_DIR / "aot" / "aot_runtime.cc"),
        str(main_source),
        *map(str, extra_sources),
    ]
    # -ffp-contract=off: no fused multiply-adds, so float steps inside the kernels (e.g.
    # RSQRT's) round as on the x86 build of the TFLM interpreter the outputs are checked
    # against; Cortex-M4F/M55 have VFMA and GCC fuses by default.
    common = [
        "-O2", "-ffp-contract=off", "-DTF_LITE_STATIC_MEMORY",
        *(f"-D{d}" for d in (*board.defines, *defines)),
        *(f"-I{d}" for d in includes),
    ]  # fmt: skip
    if board.emulated:
        compilers = ("arm-none-eabi-gcc", "arm-none-eabi-g++")
        common += [*board.cpu_flags, "-DNDEBUG", "-ffunction-sections", "-fdata-sections"]
        link = [
            "--specs=rdimon.specs", "-nostartfiles", f"-L{targets / 'common'}",
            f"-T{targets / board.directory / 'linker.ld'}", "-Wl,--gc-sections",
        ]  # fmt: skip
        exe = build_dir / "firmware.elf"
    else:
        compilers, link, exe = ("gcc", "g++"), ["-lm"], build_dir / "firmware"
    objects = []
    for source in c_sources:
        objects.append(str(build_dir / f"{len(objects)}_{pathlib.Path(source).stem}.o"))
        _check_call([compilers[0], *common, "-std=c11", "-c", source, "-o", objects[-1]])
    _check_call([
        compilers[1], *common, "-std=c++17", "-fno-exceptions", "-fno-rtti", *cc_sources,
        *objects, *link, "-o", str(exe),
    ])  # fmt: skip
    return exe


def _check_call(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ToolchainError(f"build failed ({' '.join(command)}):\n{result.stderr[-4000:]}")


def section_sizes(elf) -> dict[str, int]:
    """Section sizes of an ELF from ``arm-none-eabi-size -A``."""
    out = subprocess.run(
        ["arm-none-eabi-size", "-A", str(elf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    return sizes


def run(exe, board: Board, timeout: float = 300.0, icount: bool = True):
    """Runs the firmware (in QEMU for the emulated boards); returns ``(returncode, stdout)``."""
    if board.emulated:
        command = [
            "qemu-system-arm", "-M", board.name, "-nographic", "-monitor", "none",
            "-serial", "null", "-semihosting-config", "enable=on,target=native",
            "-kernel", str(exe),
        ]  # fmt: skip
        if icount:
            command[1:1] = ["-icount", "shift=0,align=off,sleep=off"]
    else:
        command = [str(exe)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ToolchainError(f"{board.name}: the firmware did not finish in {timeout} s") from error
    return result.returncode, result.stdout + result.stderr


def parse_output(text: str, num_vectors: int, output_size: int):
    """Reads the ``TFASC out`` / ``TFASC instructions`` lines of the firmware."""
    outputs = np.zeros((num_vectors, output_size), np.int8)
    instructions = [0] * num_vectors
    seen = set()
    for match in re.finditer(r"^TFASC out (\d+)((?: -?\d+)*)\s*$", text, re.MULTILINE):
        v = int(match.group(1))
        values = [int(x) for x in match.group(2).split()]
        if v < num_vectors and len(values) == output_size:
            outputs[v] = values
            seen.add(v)
    for match in re.finditer(r"^TFASC instructions (\d+) (\d+)\s*$", text, re.MULTILINE):
        if int(match.group(1)) < num_vectors:
            instructions[int(match.group(1))] = int(match.group(2))
    if len(seen) != num_vectors:
        raise ToolchainError(
            f"the firmware printed {len(seen)} of {num_vectors} outputs:\n{text[-2000:]}"
        )
    return outputs, tuple(instructions)


def write_vectors(inputs: np.ndarray, expected: np.ndarray, directory) -> None:
    """Writes ``test_vectors.h/.cc`` (the generator of ``tfasc export-c``) into ``directory``."""
    firmware.write_firmware(directory, firmware.test_vector_files(
        np.asarray(inputs, np.int8), np.asarray(expected, np.int8), "tfasc.mcu test vectors"))  # fmt: skip


def test_vectors(flatbuffer: bytes, num_vectors: int, seed: int = 0):
    """Random int8 inputs (quantized N(0, 1) features) and the TFLM interpreter's outputs."""
    return firmware.make_test_vectors(tflm.TFLMModel(flatbuffer), num_vectors, seed)


def mcu_test(
    flatbuffer: bytes,
    board: str = "mps2-an386",
    num_vectors: int = 20,
    inputs: np.ndarray | None = None,
    build_dir=None,
    timeout: float = 300.0,
    icount: bool = True,
) -> MCUResult:
    """Builds the model into firmware for ``board``, runs it and compares with TFLM.

    Args:
        flatbuffer: int8 ``.tflite`` bytes.
        board: a key of :data:`BOARDS`.
        num_vectors: random test vectors to run (ignored when ``inputs`` is given).
        inputs: int8 model inputs ``(N, ...)`` to use instead of random ones.
        build_dir: where the generated sources and the image go (a temporary folder if None).
        timeout: seconds before the emulator is stopped.
        icount: run QEMU with ``-icount shift=0`` (instruction counts; slower).

    Returns:
        The outputs, the TFLM outputs, instructions per inference and section sizes.

    Raises:
        ValueError: on an unknown board.
        ToolchainError: a tool is missing (naming its Debian package), a build fails or the
            firmware does not finish.
        tfasc.aot.AOTError: the model cannot be compiled.
    """
    if board not in BOARDS:
        raise ValueError(f"unknown board {board!r}; allowed: {', '.join(BOARDS)}")
    target = BOARDS[board]
    require_tools(target)
    model = aot.compile_model(flatbuffer)
    if inputs is None:
        inputs, expected = test_vectors(flatbuffer, num_vectors)
    else:
        inputs = np.asarray(inputs, np.int8)
        expected = tflm.TFLMModel(flatbuffer).invoke_batch(inputs).astype(np.int8)
    with _build_dir(build_dir) as directory:
        write_vectors(inputs, expected, directory)
        exe = build(model, target, directory, MICRO_DIR / "aot" / "vectors_main.cc",
                    extra_sources=[directory / "test_vectors.cc"])  # fmt: skip
        returncode, text = run(exe, target, timeout=timeout, icount=icount)
        outputs, instructions = parse_output(
            text, len(inputs), expected.reshape(len(inputs), -1).shape[1]
        )
        if returncode not in (0, 1):
            raise ToolchainError(f"{board}: the firmware exited with {returncode}:\n{text[-2000:]}")
        sections = section_sizes(exe) if target.emulated else {}
        return MCUResult(
            board=board,
            outputs=outputs,
            expected=expected.reshape(len(inputs), -1),
            instructions=instructions,
            arena_bytes=model.arena_bytes,
            sections=sections,
            elf=str(exe),
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class PipelineResult:
    """Labels of the full on-board pipeline (PCM -> C front end -> model) and of Python's."""

    board: str
    """Board name."""
    labels: tuple[int, ...]
    """Label index the firmware chose for each clip."""
    expected_labels: tuple[int, ...]
    """Label index of the Python pipeline (tfasc.features + TFLM interpreter)."""
    outputs: np.ndarray
    """``(clips, outputs)`` int8 outputs of the firmware."""
    expected: np.ndarray
    """``(clips, outputs)`` int8 outputs of the Python pipeline."""
    frontend_instructions: tuple[int, ...]
    """Retired instructions of the C front end per clip (0 on the host)."""
    model_instructions: tuple[int, ...]
    """Retired instructions of the model per clip (0 on the host)."""
    sections: dict[str, int]
    """Section sizes of the firmware image in bytes."""

    @property
    def labels_match(self) -> bool:
        """True when every clip gets Python's label."""
        return self.labels == self.expected_labels


def python_pipeline(flatbuffer: bytes, frontend, pcm: np.ndarray):
    """int16 clips ``(N, samples)`` -> (labels, int8 outputs) with tfasc.features and TFLM."""
    from tfasc import features

    model = tflm.TFLMModel(flatbuffer)
    waveform = np.asarray(pcm, np.float32) / np.float32(32768.0)
    feats = features.log_mel(waveform, frontend).numpy()  # (N, n_mels, frames, 1)
    outputs = model.invoke_batch(model.input_quantization.quantize(feats)).astype(np.int8)
    return tuple(int(i) for i in np.argmax(outputs, axis=1)), outputs


def mcu_pipeline(
    flatbuffer: bytes,
    frontend,
    clips,
    board: str = "mps2-an386",
    build_dir=None,
    timeout: float = 300.0,
    icount: bool = True,
) -> PipelineResult:
    """Runs int16 PCM -> C log-mel -> AOT model -> label on ``board`` for every clip.

    Args:
        flatbuffer: int8 ``.tflite`` bytes whose input is the front end's log-mel.
        frontend: the front-end settings (``tfasc.features.FrontendConfig`` or preset name).
        clips: int16 arrays of ``frontend.num_samples`` samples, or paths of 16-bit mono
            WAV files at the front end's sample rate.
        board: a key of :data:`BOARDS`.
        build_dir: where the generated sources and the image go (temporary if None).
        timeout: seconds before the emulator is stopped.
        icount: run QEMU with ``-icount shift=0`` (instruction counts).

    Returns:
        The firmware's and Python's labels and outputs, instruction counts and section sizes.
    """
    from tfasc import features

    if board not in BOARDS:
        raise ValueError(f"unknown board {board!r}; allowed: {', '.join(BOARDS)}")
    target = BOARDS[board]
    require_tools(target)
    frontend = features.as_config(frontend)
    model = aot.compile_model(flatbuffer)
    pcm = np.stack([_read_clip(c, frontend) for c in clips])
    expected_labels, expected = python_pipeline(flatbuffer, frontend, pcm)
    repo = MICRO_DIR.parent
    with _build_dir(build_dir) as directory:
        paths = []
        for i, clip in enumerate(pcm):
            paths.append(directory / f"clip{i}.pcm")
            clip.astype("<i2").tofile(paths[-1])
        (directory / "clips.h").write_text(
            "// Generated by tfasc.mcu: clips the firmware reads through semihosting.\n"
            "#ifndef TFASC_CLIPS_H_\n#define TFASC_CLIPS_H_\n\n"
            f"constexpr int kNumClips = {len(paths)};\n"
            f"const char* const kClipPaths[{len(paths)}] = {{\n"
            + "".join(f'    "{p.resolve()}",\n' for p in paths)
            + "};\n\n#endif  // TFASC_CLIPS_H_\n"
        )
        firmware.write_firmware(
            directory,
            firmware.frontend_table_files(frontend, tflm.TFLMModel(flatbuffer).input_quantization),
        )
        exe = build(
            model,
            target,
            directory,
            MICRO_DIR / "aot" / "pipeline_main.cc",
            extra_sources=[directory / "frontend_tables.cc"],
            extra_includes=[repo / d for d in firmware.FRONTEND_INCLUDE_DIRS],
            extra_c_sources=[repo / s for s in firmware.FRONTEND_C_SOURCES],
            defines=[*firmware.FRONTEND_DEFINES, f"TFASC_LOGMEL_FFT_LEN={frontend.n_fft}"],
        )
        returncode, text = run(exe, target, timeout=timeout, icount=icount)
        if returncode != 0:
            raise ToolchainError(f"{board}: the pipeline firmware exited with {returncode}:\n"
                                 f"{text[-2000:]}")  # fmt: skip
        outputs, _ = parse_output(text, len(pcm), expected.shape[1])
        labels, front, back = [0] * len(pcm), [0] * len(pcm), [0] * len(pcm)
        for m in re.finditer(r"^TFASC label (\d+) (\d+) (\d+) (\d+)\s*$", text, re.MULTILINE):
            c = int(m.group(1))
            labels[c], front[c], back[c] = int(m.group(2)), int(m.group(3)), int(m.group(4))
        return PipelineResult(
            board=board,
            labels=tuple(labels),
            expected_labels=expected_labels,
            outputs=outputs,
            expected=expected,
            frontend_instructions=tuple(front),
            model_instructions=tuple(back),
            sections=section_sizes(exe) if target.emulated else {},
        )


def _read_clip(clip, frontend) -> np.ndarray:
    """An int16 clip of exactly ``frontend.num_samples`` samples (zero-padded or cut)."""
    if isinstance(clip, (str, os.PathLike)):
        import soundfile

        data, rate = soundfile.read(str(clip), dtype="int16", always_2d=True)
        if rate != frontend.sample_rate or data.shape[1] != 1:
            raise ValueError(
                f"{clip}: need mono 16-bit audio at {frontend.sample_rate} Hz, got "
                f"{data.shape[1]} channel(s) at {rate} Hz"
            )
        clip = data[:, 0]
    clip = np.asarray(clip)
    if clip.dtype != np.int16:
        raise ValueError(f"clips must be int16 PCM, got {clip.dtype}")
    out = np.zeros(frontend.num_samples, np.int16)
    out[: min(len(clip), len(out))] = clip[: len(out)]
    return out


class _build_dir:
    """A given folder, or a temporary one removed afterwards."""

    def __init__(self, path):
        self.path = path
        self._tmp = None

    def __enter__(self) -> pathlib.Path:
        if self.path is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="tfasc-mcu-")
            return pathlib.Path(self._tmp.name)
        path = pathlib.Path(self.path)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def __exit__(self, *exc):
        if self._tmp is not None:
            self._tmp.cleanup()


def summary(result: MCUResult) -> str:
    """A few human-readable lines about one :func:`mcu_test` run."""
    n = len(result.outputs)
    lines = [
        f"board: {result.board}",
        f"bit-exact with TFLM: {result.bit_exact} ({n - result.mismatches}/{n} vectors)",
        f"instructions per inference: {result.instructions_per_inference:,}",
        f"AOT arena: {result.arena_bytes:,} B",
    ]
    if result.sections:
        lines.append(f"flash: {result.flash_bytes:,} B, static RAM: {result.ram_bytes:,} B")
    return "\n".join(lines)


def pipeline_summary(result: PipelineResult) -> str:
    """A few human-readable lines about one :func:`mcu_pipeline` run."""
    lines = [f"labels on {result.board}: {list(result.labels)}",
             f"labels in Python:   {list(result.expected_labels)}",
             f"labels match: {result.labels_match}"]  # fmt: skip
    if any(result.frontend_instructions):
        front = int(np.median(result.frontend_instructions))
        back = int(np.median(result.model_instructions))
        lines.append(f"instructions per clip: front end {front:,}, model {back:,}")
    return "\n".join(lines)


def frontend_for(flatbuffer: bytes):
    """The front-end preset whose log-mel shape is the model's input shape."""
    from tfasc import features

    shape = tflm.TFLMModel(flatbuffer).input_shape[1:]
    for config in features.PRESETS.values():
        if config.input_shape == shape:
            return config
    raise ValueError(f"no front-end preset makes the model input {shape}; pass --frontend")
