"""The set of device-specific models (:mod:`tfasc.finetune`) in export and firmware.

**The documented choice: one complete flatbuffer per device, plus the general model, and a
selector by device id** (not a shared trunk with per-device heads). The DCASE2025 baseline
fine-tunes every layer for each device, so the device models share no weights that a trunk
could hold once; what they do share is the architecture, which is what the firmware is
built around. Every model of a set therefore has the same ops (one exactly sized op
resolver), the same tensor shapes (one arena size) and, calibrated on the same training
clips, the same input quantization (one ``model_settings.h`` and one C front end): this is
checked (:func:`check_compatible`), not assumed. Flash grows by one model per device; RAM
does not grow. The output quantization differs per model and travels in the table.

Firmware: the general model's :func:`tfasc.firmware.firmware_files` give the shared files;
:func:`selector_files` adds ``device_models.h/.cc`` with every flatbuffer (16-byte aligned)
and ``tfasc_model_for_device(device)``, which returns the entry of a known device and the
general model's for any other id (the unseen devices, or NULL).
"""

from __future__ import annotations

import hashlib

from tfasc import DEVICES, export, finetune
from tfasc import flatbuffer as fb
from tfasc import run as runs
from tfasc.config import ExportConfig
from tfasc.convert import to_tflite
from tfasc.csource import c_array, c_float, c_string
from tfasc.firmware import BANNER, FirmwareError, tensor_specs
from tfasc.keras import keras
from tfasc.models import deploy_form
from tfasc.tflm import TFLMModel

GENERAL = "general"
"""Name of the general model in a set (used for unknown devices)."""


def export_device_set(
    run_dir, settings: ExportConfig | None = None, *, data_root=None
) -> dict[str, bytes]:
    """``{"general": flatbuffer, device: flatbuffer, ...}`` of a run and its device models,
    all converted alike (one calibration set, the run's, for all of them).

    Raises:
        tfasc.run.RunError: not a run, or no device models yet.
        tfasc.convert.ExportError: a model cannot be converted in that mode.
    """
    settings = settings or ExportConfig()
    run = runs.load(run_dir)
    specific = finetune.device_models(run)
    if not specific:
        raise runs.RunError(
            f"{run.directory}: no device models yet; make them with `tfasc finetune-devices`"
        )
    calibration = None
    if settings.mode == "int8":
        calibration = export.calibration_features(run, settings.num_calibration,
                                                  data_root=data_root)  # fmt: skip
    models = {GENERAL: run.load_model(settings.checkpoint)}
    models.update({d: keras.models.load_model(path) for d, path in specific.items()})
    return {
        name: to_tflite(deploy_form(model), settings.mode, calibration, settings.num_calibration)
        for name, model in models.items()
    }


def check_compatible(flatbuffers: dict[str, bytes]) -> None:
    """Refuses a set whose models need different firmware (ops, input shape or input
    quantization differ from the general model's).

    Raises:
        FirmwareError: naming the model and what differs.
    """
    if GENERAL not in flatbuffers:
        raise FirmwareError(f"a device set needs a {GENERAL!r} model for unknown devices")
    unknown = sorted(set(flatbuffers) - {GENERAL, *DEVICES})
    if unknown:
        raise FirmwareError(f"unknown device(s) {', '.join(unknown)} in the device set")
    reference = _signature(flatbuffers[GENERAL])
    for name, flatbuffer in flatbuffers.items():
        signature = _signature(flatbuffer)
        for what, ours, theirs in zip(("ops", "input shape", "input quantization"),
                                      signature, reference, strict=True):  # fmt: skip
            if ours != theirs:
                raise FirmwareError(
                    f"device model {name!r}: its {what} {ours} differs from the general "
                    f"model's {theirs}; one firmware cannot carry both"
                )


def _signature(flatbuffer: bytes):
    model = TFLMModel(flatbuffer, source="a device model")
    return (sorted(fb.parse(flatbuffer).ops), model.input_shape, model.input_quantization)


def selector_files(flatbuffers: dict[str, bytes], source: str = "a device set") -> dict[str, str]:
    """``device_models.h`` and ``device_models.cc``: every flatbuffer and the selector.

    Raises:
        FirmwareError: an incompatible set (:func:`check_compatible`), or a model that is
            not full int8.
    """
    check_compatible(flatbuffers)
    order = [GENERAL] + [d for d in DEVICES if d in flatbuffers]
    banner = BANNER.format(source=source)
    header = (
        f"{banner}#ifndef TFASC_GENERATED_DEVICE_MODELS_H_\n"
        "#define TFASC_GENERATED_DEVICE_MODELS_H_\n\n"
        "// One flatbuffer per device plus the general model (entry 0), for unknown devices.\n"
        "// All share the ops, shapes and input quantization of model_settings.h.\n"
        "struct TfascDeviceModel {\n"
        "  const char* device;\n"
        "  const unsigned char* model;\n"
        "  unsigned int model_size;\n"
        "  float output_scale;\n"
        "  int output_zero_point;\n"
        "};\n\n"
        f"constexpr unsigned int kTfascDeviceModelCount = {len(order)};\n"
        "extern const TfascDeviceModel kTfascDeviceModels[kTfascDeviceModelCount];\n\n"
        '// The model of `device` ("a", "b", ...); the general model for any other id or NULL.\n'
        "const TfascDeviceModel* tfasc_model_for_device(const char* device);\n\n"
        "#endif  // TFASC_GENERATED_DEVICE_MODELS_H_\n"
    )
    arrays, entries = [], []
    for index, name in enumerate(order):
        flatbuffer = bytes(flatbuffers[name])
        _, output = tensor_specs(TFLMModel(flatbuffer, source=f"device model {name!r}"))
        arrays.append(
            f"// {name}: sha256 {hashlib.sha256(flatbuffer).hexdigest()}\n"
            f"alignas(16) static const unsigned char kModel{index}[] = {{\n"
            f"{c_array(flatbuffer, lambda b: f'0x{b:02x}', 12)}\n}};\n"
        )
        entries.append(
            f"    {{{c_string(name)}, kModel{index}, {len(flatbuffer)}u, "
            f"{c_float(output.quantization.scale)}, {output.quantization.zero_point}}},"
        )
    body = (
        f'{banner}#include "device_models.h"\n\n#include <string.h>\n\n'
        + "\n".join(arrays)
        + "\nconst TfascDeviceModel kTfascDeviceModels[kTfascDeviceModelCount] = {\n"
        + "\n".join(entries)
        + "\n};\n\n"
        "const TfascDeviceModel* tfasc_model_for_device(const char* device) {\n"
        "  if (device != nullptr) {\n"
        "    for (unsigned int i = 1; i < kTfascDeviceModelCount; ++i) {\n"
        "      if (strcmp(kTfascDeviceModels[i].device, device) == 0) return &kTfascDeviceModels[i];\n"
        "    }\n"
        "  }\n"
        "  return &kTfascDeviceModels[0];\n"
        "}\n"
    )
    return {"device_models.h": header, "device_models.cc": body}
