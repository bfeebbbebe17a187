"""Keras layers of tfasc (tf_keras), all registered for ``.keras`` serialization."""

from tfasc.layers.bcres_block import BCResBlock
from tfasc.layers.rep_conv import RepConv2D
from tfasc.layers.resnorm import ResNorm
from tfasc.layers.strided_depthwise import StridedDepthwiseConv2D
from tfasc.layers.subspectral_norm import SubSpectralNorm

__all__ = ["BCResBlock", "RepConv2D", "ResNorm", "StridedDepthwiseConv2D", "SubSpectralNorm"]
