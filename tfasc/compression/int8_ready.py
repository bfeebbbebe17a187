"""An equivalent model that loses less in int8: SubSpectralNorm scales folded into the kernels.

Measured with :mod:`tfasc.compression.int8_error` on a trained ``bcresnet_mod_budget``
(README, "ResNorm and BC-ResNet in int8"): a large part of the int8 loss is not in ResNorm
but in every BC-ResBlock's frequency depthwise convolution, whose output is quantized per
tensor while SubSpectralNorm then scales its channels by factors that differ by orders of
magnitude: most channels of that tensor are a few quantization steps wide (37–45 % of its
non-zero values become 0 in int8). SubSpectralNorm at inference is ``x·scale + offset``
with ``scale[s, c] = γ[s, c] / sqrt(moving_var[s, c] + ε)``; pulling a per-channel factor
``k[c]`` (the RMS of ``scale[:, c]`` over the sub-bands) into the depthwise kernel
(per-channel int8 weights absorb it) and dividing it out of ``γ`` (with ``moving_mean·k`` so
the offset is unchanged) computes the same function — exactly in inference, to float
rounding — with a depthwise output whose channels have comparable ranges.

Example:
    >>> deploy = fold_subspectral_scales(model)   # same outputs, better int8
"""

from __future__ import annotations

import numpy as np

from tfasc.keras import copy_model, keras
from tfasc.layers import BCResBlock


def fold_subspectral_scales(model: keras.Model, *, for_training: bool = False) -> keras.Model:
    """A copy of ``model`` with every BC-ResBlock's SubSpectralNorm channel scale folded into
    its frequency depthwise kernel; other models are copied as they are.

    Args:
        model: a trained model.
        for_training: False: ``γ/k`` and ``moving_mean·k`` — the same inference function
            (to float rounding), for a model that is exported next. True: ``moving_mean·k``
            and ``moving_var·k²`` with ``γ`` unchanged — the same function in training mode
            (batch statistics are scale-invariant) and in inference up to ``ε/k²`` instead of
            ``ε``, for a model that is trained further (QAT).
    """
    folded = copy_model(model)
    for layer in folded.layers:
        if not isinstance(layer, BCResBlock):
            continue
        norm = layer.freq_norm
        gamma, beta, mean, variance = (w.numpy() for w in norm.weights)  # (S, C) each
        scale = gamma / np.sqrt(variance + norm.epsilon)
        k = np.sqrt(np.mean(scale**2, axis=0))  # (C,)
        k = np.where(k > 0, k, 1.0).astype(np.float32)
        kernel = layer.freq_conv.depthwise_kernel.numpy()  # (3, 1, C, 1)
        layer.freq_conv.set_weights([kernel * k[None, None, :, None]])
        if for_training:
            norm.set_weights([gamma, beta, mean * k, variance * k**2])
        else:
            norm.set_weights([gamma / k, beta, mean * k, variance])
    return folded
