"""``mcu_test``: the AOT-compiled model on test vectors, on a board, compared with TFLM.

The model is compiled ahead of time (:mod:`tfasc.aot`); test vectors whose expected outputs
come from the TFLite Micro interpreter (:class:`tfasc.tflm.TFLMModel`) and the firmware
contract ``model_settings.h`` are generated (:mod:`tfasc.firmware`); the CMake target
``aot_vectors`` is built for the board and run (in QEMU with ``-icount shift=0``).

Example:
    >>> result = mcu_test(open("model.tflite", "rb").read(), board="mps2-an386")
    >>> result.bit_exact, result.instructions_per_inference, result.flash_bytes
    (True, 207312345, 84640)
"""

from __future__ import annotations

import dataclasses

import numpy as np

import tfasc.mcu.build as build
import tfasc.mcu.qemu as qemu
from tfasc import aot, firmware, tflm
from tfasc.mcu.boards import board as board_named
from tfasc.mcu.toolchain import ToolchainError, require_tools


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
    kernels: str = "reference"
    """What the ops called (``tfasc.aot.KERNELS``)."""
    op_instructions: dict[int, int] = dataclasses.field(default_factory=dict)
    """Op index -> retired instructions of the first inference (``profile=True`` only)."""

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
        """Median retired instructions of one inference (the first left out when profiled)."""
        counts = self.instructions[1:] if self.op_instructions else self.instructions
        return int(np.median(counts)) if counts else 0

    @property
    def flash_bytes(self) -> int:
        """Code and constants: ``.text + .rodata + .ARM.exidx/extab`` plus ``.data``'s image;
        the test vectors (``.test_data``, a memory of their own) are not counted."""
        keys = (".text", ".rodata", ".ARM.exidx", ".ARM.extab", ".data")
        return sum(self.sections.get(k, 0) for k in keys)

    @property
    def ram_bytes(self) -> int:
        """Static RAM: ``.data + .bss`` (the arena is in ``.bss``) ``+ .heap + .stack``."""
        return sum(self.sections.get(k, 0) for k in (".data", ".bss", ".heap", ".stack"))


def test_vectors(flatbuffer: bytes, num_vectors: int, seed: int = 0):
    """Random int8 inputs (quantized N(0, 1) features) and the TFLM interpreter's outputs."""
    return firmware.make_test_vectors(tflm.TFLMModel(flatbuffer), num_vectors, seed)


test_vectors.__test__ = False  # not a pytest test, although its name starts with "test"


def vector_files(
    model: aot.AOTModel, interpreter: tflm.TFLMModel, inputs: np.ndarray, expected: np.ndarray
) -> dict[str, str]:
    """The generated sources of the ``aot_vectors`` firmware: model, settings, vectors."""
    source = "tfasc.mcu test vectors"
    return {
        **model.files,
        **firmware.settings_files(interpreter, source=source),
        **firmware.test_vector_files(
            np.asarray(inputs, np.int8), np.asarray(expected, np.int8), source
        ),
    }


def mcu_test(
    flatbuffer: bytes,
    board: str = "mps2-an386",
    num_vectors: int = 20,
    inputs: np.ndarray | None = None,
    build_dir=None,
    timeout: float = 300.0,
    icount: bool = True,
    kernels: str | None = None,
    profile: bool = False,
    sparse: str = "auto",
) -> MCUResult:
    """Builds the model into firmware for ``board``, runs it and compares with TFLM.

    Args:
        flatbuffer: int8 ``.tflite`` bytes.
        board: a key of :data:`tfasc.mcu.BOARDS`.
        num_vectors: random test vectors to run (ignored when ``inputs`` is given).
        inputs: int8 model inputs ``(N, ...)`` to use instead of random ones.
        build_dir: where the generated sources and the build go (a temporary folder if None).
        timeout: seconds before the emulator is stopped.
        icount: run QEMU with ``-icount shift=0`` (instruction counts; slower).
        kernels: what the ops call (``tfasc.aot.KERNELS``); None: the board's SIMD kernels
            (:attr:`tfasc.mcu.Board.kernels`).
        profile: also count the instructions of every op in the first inference (which
            then includes the printing of the counts; later inferences do not).
        sparse: where pruned weights are stored without their zeros
            (``tfasc.aot.sparse.POLICIES``).

    Returns:
        The outputs, the TFLM outputs, instructions per inference and section sizes.

    Raises:
        ValueError: an unknown board, fewer than one test vector, or SIMD kernels the
            board's core does not run.
        ToolchainError: a tool is missing (naming its Debian package), a build fails or the
            firmware does not finish.
        tfasc.aot.AOTError: the model cannot be compiled.
    """
    target = board_named(board)
    require_tools(target)
    kernels = kernels or target.kernels
    variables = build.aot_variables(target, kernels, ("TFASC_PROFILE",) if profile else ())
    model = aot.compile_model(flatbuffer, kernels=kernels, sparse=sparse)
    interpreter = tflm.TFLMModel(flatbuffer)
    if inputs is None:
        if num_vectors < 1:
            raise ValueError(f"num_vectors must be at least 1, got {num_vectors}")
        inputs, expected = firmware.make_test_vectors(interpreter, num_vectors)
    else:
        inputs = np.asarray(inputs, np.int8)
        expected = interpreter.invoke_batch(inputs).astype(np.int8)
    expected = expected.reshape(len(inputs), -1)
    with build.workspace(build_dir) as (generated, cmake):
        files = vector_files(model, interpreter, inputs, expected)
        firmware.write_firmware(generated, files)
        exe = build.build(target, "aot_vectors", generated, cmake, variables)
        returncode, text = qemu.run(exe, target, timeout=timeout, icount=icount)
        outputs, instructions = qemu.parse_outputs(text, len(inputs), expected.shape[1])
        if returncode not in (0, 1):
            raise ToolchainError(f"{board}: the firmware exited with {returncode}:\n{text[-2000:]}")
        return MCUResult(
            board=board,
            outputs=outputs,
            expected=expected,
            instructions=instructions,
            arena_bytes=model.arena_bytes,
            sections=build.section_sizes(exe) if target.emulated else {},
            elf=str(exe),
            kernels=kernels,
            op_instructions=qemu.parse_ops(text) if profile else {},
        )


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
