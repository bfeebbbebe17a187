"""Keras layers of tfasc (tf_keras), all registered for ``.keras`` serialization."""

from tfasc.layers.rep_conv import RepConv2D

__all__ = ["RepConv2D"]
