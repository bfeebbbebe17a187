"""Training form → deploy form: fuse every ``RepConv2D`` of a model into one convolution."""

from __future__ import annotations

from tfasc.keras import keras
from tfasc.layers.rep_conv import RepConv2D
from tfasc.layers.strided_depthwise import grouped_form


def reparameterize(model: keras.Model) -> keras.Model:
    """Returns the deploy form of a model built from :class:`~tfasc.layers.RepConv2D`.

    The graph is cloned; every ``RepConv2D`` becomes a plain ``Conv2D`` /
    ``DepthwiseConv2D`` with bias holding :meth:`RepConv2D.fused_weights` (same name and
    activation); every other layer keeps a copy of its weights. In inference mode the deploy
    model computes the same function as ``model`` (up to float rounding) with fewer
    parameters. Batch norms outside ``RepConv2D`` are left as they are: the TFLite
    converter folds them into the preceding convolution.

    Args:
        model: a functional or sequential model whose ``RepConv2D`` layers are top-level
            layers (not nested inside another custom layer).

    Returns:
        A new, built ``keras.Model`` with the same inputs, outputs and name.

    Raises:
        ValueError: when a ``RepConv2D`` is nested inside another layer.

    Example:
        >>> deploy = reparameterize(build("rep_mobile"))
        >>> np.allclose(deploy(x), model(x, training=False), atol=1e-4)
    """
    for layer in model.layers:
        if isinstance(layer, RepConv2D):
            continue
        nested = [
            sub.name
            for sub in layer._flatten_layers(include_self=False)
            if isinstance(sub, RepConv2D)
        ]
        if nested:
            raise ValueError(
                f"layer {layer.name!r} nests RepConv2D layers {nested}; reparameterize() "
                "fuses top-level RepConv2D layers only"
            )

    def clone(layer):
        if isinstance(layer, RepConv2D):
            return layer.deploy_layer()
        return layer.__class__.from_config(layer.get_config())

    deploy = keras.models.clone_model(model, clone_function=clone)
    for original in model.layers:
        if not isinstance(original, RepConv2D):
            deploy.get_layer(original.name).set_weights(original.get_weights())
    return deploy


def deploy_form(model: keras.Model) -> keras.Model:
    """The model as it is exported: re-parameterized when it holds ``RepConv2D`` layers, and
    its unequal-stride depthwise convolutions as Keras's grouped ``Conv2D``
    (:func:`~tfasc.layers.strided_depthwise.grouped_form`, the same function)."""
    if any(isinstance(layer, RepConv2D) for layer in model.layers):
        model = reparameterize(model)
    return grouped_form(model)
