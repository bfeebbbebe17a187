"""Magnitude pruning with tfmot: which weights are pruned, the schedules, fitting, stripping.

Every convolution and dense kernel of a zoo model can be pruned, including what tfmot leaves
dense by default: ``DepthwiseConv2D`` kernels (tfmot registers the layer with no prunable
weights) and the kernels inside the custom layers (``BCResBlock.get_prunable_weights``: its
transition 1×1, both depthwise kernels and the temporal 1×1). ``RepConv2D`` models are
re-parameterized first (:func:`tfasc.models.deploy_form`), so the fused kernel is what is
pruned and what is exported. What stays dense, by choice: biases, batch-norm and
SubSpectralNorm parameters (a few per channel; zeroing them would shift whole channels),
ResNorm (no weights); unless ``prune_first_conv``, the first convolution, whose kernel
sees the raw features and holds a negligible share of the weights (0.3 % of
``bcresnet_mod``); and unless ``prune_depthwise``, depthwise kernels: a channel has only
its ``k`` taps, so one sparsity for every kernel kills whole channels (measured:
``bcresnet_mod`` pruned to 61 k non-zero weights with its depthwise kernels had 62–68 % of
the depthwise channels of every BC-ResBlock all zero and fell from 35.9 % to chance,
benchmark row ``bcresnet_mod/61kb_dw``), while they are 2.5 % of its weights.

tfmot applies one sparsity to each pruned kernel; :func:`sparsity_for_nonzero` finds the
sparsity that brings a whole model to a non-zero parameter count (QTI's 61.0 KB).

Example:
    >>> pruned = prune(model, polynomial_schedule(0.8, end_step=1000))
    >>> compile_model(pruned, ...); pruned.fit(data, callbacks=pruning_callbacks(log_dir))
    >>> deployed = strip(pruned)
    >>> sparsity_report(deployed)[0]
    LayerSparsity(layer='stage1_block1', weight='transition_conv/kernel:0', size=..., ...)
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from tfasc.keras import copy_model, keras
from tfasc.layers.strided_depthwise import as_grouped_conv2d

SCHEDULES = ("polynomial", "constant")
"""tfmot schedules: ``PolynomialDecay`` (sparsity ramps up cubically) and
``ConstantSparsity`` (the final sparsity from ``begin_step`` on)."""


def _tfmot():
    import tensorflow_model_optimization as tfmot

    return tfmot


@dataclasses.dataclass(frozen=True)
class LayerSparsity:
    """Zeros of one weight tensor."""

    layer: str
    """Layer name."""
    weight: str
    """Weight name."""
    size: int
    """Scalar weights."""
    zeros: int
    """Weights equal to zero."""

    @property
    def sparsity(self) -> float:
        return self.zeros / self.size if self.size else 0.0


def check_sparsity(sparsity: float, what: str = "sparsity") -> float:
    """``sparsity`` as a float in [0, 1), or a ``ValueError`` naming ``what``."""
    if isinstance(sparsity, bool) or not isinstance(sparsity, (int, float)):
        raise ValueError(f"{what} must be a number in [0, 1), got {sparsity!r}")
    if not 0.0 <= sparsity < 1.0:
        raise ValueError(f"{what} must be in [0, 1), got {sparsity!r}")
    return float(sparsity)


def polynomial_schedule(final_sparsity: float, end_step: int, begin_step: int = 0,
                        initial_sparsity: float = 0.0, frequency: int = 10):  # fmt: skip
    """tfmot ``PolynomialDecay`` from ``initial_sparsity`` to ``final_sparsity``."""
    check_sparsity(final_sparsity, "final sparsity")
    check_sparsity(initial_sparsity, "initial sparsity")
    return _tfmot().sparsity.keras.PolynomialDecay(
        initial_sparsity=initial_sparsity,
        final_sparsity=final_sparsity,
        begin_step=begin_step,
        end_step=max(end_step, begin_step + 1),
        frequency=max(1, frequency),
    )


def constant_schedule(sparsity: float, begin_step: int = 0, frequency: int = 10):
    """tfmot ``ConstantSparsity``: ``sparsity`` from ``begin_step`` on."""
    check_sparsity(sparsity)
    return _tfmot().sparsity.keras.ConstantSparsity(
        sparsity, begin_step=begin_step, frequency=max(1, frequency)
    )


def schedule(kind: str, sparsity: float, end_step: int, initial_sparsity: float = 0.0,
             frequency: int = 10):  # fmt: skip
    """The schedule named ``kind`` (:data:`SCHEDULES`) reaching ``sparsity`` by ``end_step``."""
    if kind not in SCHEDULES:
        raise ValueError(f"unknown pruning schedule {kind!r}; allowed: {', '.join(SCHEDULES)}")
    if kind == "constant":
        return constant_schedule(sparsity, frequency=frequency)
    return polynomial_schedule(sparsity, end_step, initial_sparsity=initial_sparsity,
                               frequency=frequency)  # fmt: skip


def _is_conv(layer) -> bool:
    return isinstance(layer, (keras.layers.Conv2D, keras.layers.DepthwiseConv2D))


def first_conv(model: keras.Model) -> str | None:
    """Name of the model's first convolution (in layer order), or None."""
    return next((layer.name for layer in model.layers if _is_conv(layer)), None)


def prunable_weights(layer, *, depthwise: bool = True) -> list:
    """The weights of ``layer`` that magnitude pruning zeroes (see the module docstring);
    ``depthwise=False`` leaves out depthwise kernels."""
    if isinstance(layer, keras.layers.DepthwiseConv2D):
        weights = [layer.depthwise_kernel]
    elif isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense)):
        weights = [layer.kernel]
    elif hasattr(layer, "get_prunable_weights"):  # the class's: prune() overrides instances
        weights = list(type(layer).get_prunable_weights(layer))
    else:
        weights = []
    return [w for w in weights if depthwise or not _is_depthwise(w)]


def _is_depthwise(weight) -> bool:
    return weight.name.split("/")[-1].startswith("depthwise_kernel")


def prune(model: keras.Model, pruning_schedule, *, prune_first_conv: bool = False,
          prune_depthwise: bool = False) -> keras.Model:  # fmt: skip
    """Wraps every prunable layer of a functional model in tfmot's ``PruneLowMagnitude``.

    The wrapped model is built on a copy of ``model`` (tfmot's wrappers would share and zero
    the wrapped layers' variables, and take the layers as they are). Fit it with
    :func:`pruning_callbacks`; :func:`strip` removes the wrappers.

    Args:
        model: a functional ``tf_keras`` model (re-parameterized if it has ``RepConv2D``).
        pruning_schedule: a tfmot ``PruningSchedule`` (:func:`schedule`).
        prune_first_conv: also prune the first convolution.
        prune_depthwise: also prune depthwise kernels.

    Raises:
        ValueError: a subclassed or nested model (tfmot clones functional graphs only).
    """
    tfmot = _tfmot()
    if not getattr(model, "_is_graph_network", False):
        raise ValueError(
            f"model {model.name!r} is not a functional model; tfmot prunes functional models only"
        )
    nested = [layer.name for layer in model.layers if isinstance(layer, keras.Model)]
    if nested:
        raise ValueError(f"model {model.name!r} nests models {nested}; flatten it first")
    skip = set() if prune_first_conv else {first_conv(model)}
    model = copy_model(model)

    def wrap(layer):
        layer = as_grouped_conv2d(layer)  # tfmot's registry knows Keras's own layers only
        weights = prunable_weights(layer, depthwise=prune_depthwise)
        if not weights or layer.name in skip:
            return layer
        if isinstance(layer, keras.layers.DepthwiseConv2D) or hasattr(
            layer, "get_prunable_weights"
        ):
            # tfmot's registry gives DepthwiseConv2D no prunable weights, and a custom layer
            # offers all of its kernels; the wrapper takes any layer with this method.
            layer.get_prunable_weights = lambda: weights
        return tfmot.sparsity.keras.prune_low_magnitude(layer, pruning_schedule=pruning_schedule)

    return keras.models.clone_model(model, clone_function=wrap)


def pruning_callbacks(log_dir: str | None = None) -> list:
    """``UpdatePruningStep`` (required by ``fit``) and, with ``log_dir``, ``PruningSummaries``
    (per-layer sparsity in TensorBoard)."""
    sparsity = _tfmot().sparsity.keras
    callbacks = [sparsity.UpdatePruningStep()]
    if log_dir is not None:
        callbacks.append(sparsity.PruningSummaries(log_dir=str(log_dir)))
    return callbacks


def strip(model: keras.Model) -> keras.Model:
    """The model without pruning wrappers (zeros kept), ready to export or to fine-tune."""
    return _tfmot().sparsity.keras.strip_pruning(model)


def apply_masks(model: keras.Model) -> None:
    """Zeroes the pruned weights of a wrapped model now (tfmot does it at each train step)."""
    for layer in model.layers:
        for weight, mask, _ in getattr(layer, "pruning_vars", ()):
            weight.assign(weight * mask)


def sparsity_report(model: keras.Model) -> list[LayerSparsity]:
    """Zeros of every prunable weight of a (stripped) model, in layer order."""
    rows = []
    for layer in model.layers:
        for weight in prunable_weights(layer):
            values = weight.numpy()
            rows.append(LayerSparsity(layer.name, weight.name, values.size,
                                      int(values.size - np.count_nonzero(values))))  # fmt: skip
    return rows


def model_sparsity(model: keras.Model) -> float:
    """Zeros among all trainable weights of a model."""
    weights = [w.numpy() for w in model.trainable_weights]
    total = sum(w.size for w in weights)
    return sum(w.size - np.count_nonzero(w) for w in weights) / total if total else 0.0


def nonzero_params(model: keras.Model) -> int:
    """Non-zero trainable weights (the DCASE 2021 rule's parameter count)."""
    return int(sum(np.count_nonzero(w.numpy()) for w in model.trainable_weights))


def sparsity_for_nonzero(model: keras.Model, target_nonzero: int, *,
                         prune_first_conv: bool = False,
                         prune_depthwise: bool = False) -> float:  # fmt: skip
    """The per-kernel sparsity that leaves at most ``target_nonzero`` non-zero trainable
    weights in the whole model (dense weights counted in full).

    Raises:
        ValueError: the dense weights alone exceed the target.
    """
    skip = set() if prune_first_conv else {first_conv(model)}
    pruned = sum(
        math.prod(w.shape)
        for layer in model.layers
        if layer.name not in skip
        for w in prunable_weights(layer, depthwise=prune_depthwise)
    )
    total = sum(math.prod(w.shape) for w in model.trainable_weights)
    dense = total - pruned
    if dense >= target_nonzero:
        raise ValueError(
            f"model {model.name!r} keeps {dense:,} dense weights, more than the target "
            f"{target_nonzero:,} non-zero ones"
        )
    # tfmot keeps about size * (1 - s) weights per kernel; its mask (magnitude >= the k-th
    # largest, updated during training) was seen keeping up to 25 more in a 46 k model, so
    # the margin is 0.1 % of the pruned weights.
    return min(0.999, max(0.0, 1.0 - (target_nonzero - dense) / pruned + 1e-3))
