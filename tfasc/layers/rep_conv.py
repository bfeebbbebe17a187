"""Re-parameterizable convolution (RepVGG / MobileOne branches, as used by Rep-Mobile).

References:
    Ding et al., "RepVGG: Making VGG-style ConvNets Great Again", CVPR 2021.
    Vasu et al., "MobileOne: An Improved One millisecond Mobile Backbone", CVPR 2023.
    Han et al., "Rep-Mobile" (DCASE2024 Task 1 winner, technical report); its asymmetric
    1×k / k×1 branches as reported by a secondary summary of the paper.
    Ding et al., "ACNet: Strengthening the Kernel Skeletons for Powerful CNN via Asymmetric
    Convolution Blocks", ICCV 2019 (the asymmetric branches).
    RepCTFA, DCASE2025 Task 1 (open system): asymmetric branches, each weighted by a learnable
    softplus(α).
"""

from __future__ import annotations

import numpy as np

from tfasc.keras import BN_DEFAULTS, keras, tf
from tfasc.layers.strided_depthwise import StridedDepthwiseConv2D, as_grouped_conv2d

UNIT_ALPHA = float(np.log(np.expm1(1.0)))
"""Initial branch weight α: softplus(α) = 1, so a weighted layer starts as the plain sum."""


def _pair(value) -> tuple[int, int]:
    if isinstance(value, int):
        return (value, value)
    first, second = value
    return (int(first), int(second))


def depthwise_conv2d(
    kernel_size, strides=1, channels: int | None = None, **kwargs
) -> keras.layers.Layer:
    """A depthwise convolution layer that also works with unequal strides.

    TensorFlow's CPU depthwise kernel only supports equal row and column strides, and the
    DCASE2024 baseline strides (1, 2) and (2, 1). Those become a grouped ``Conv2D``
    (``groups == channels``, one filter per channel) that converts to a grouped ``CONV_2D``,
    which TFLite Micro runs, and trains as a subsampled stride-1 depthwise convolution
    (:class:`~tfasc.layers.strided_depthwise.StridedDepthwiseConv2D`); equal strides stay ``DepthwiseConv2D``
    (``DEPTHWISE_CONV_2D``). Both count the same MACs: kh·kw·C·H_out·W_out.

    Args:
        kernel_size: int or ``(kh, kw)``.
        strides: int or ``(sh, sw)``.
        channels: input (= output) channels; required when the strides differ.
        **kwargs: ``padding``, ``use_bias``, ``activation``, ``name``, and
            ``kernel_initializer`` (passed as ``depthwise_initializer`` to
            ``DepthwiseConv2D``).

    Returns:
        ``DepthwiseConv2D`` (kernel ``(kh, kw, C, 1)``) or grouped ``Conv2D``
        (kernel ``(kh, kw, 1, C)``).
    """
    strides = _pair(strides)
    if strides[0] == strides[1]:
        if "kernel_initializer" in kwargs:
            kwargs["depthwise_initializer"] = kwargs.pop("kernel_initializer")
        return keras.layers.DepthwiseConv2D(kernel_size, strides=strides, **kwargs)
    if channels is None:
        raise ValueError(
            f"a depthwise convolution with unequal strides {strides} needs `channels`: "
            "TensorFlow runs it as a grouped Conv2D"
        )
    return StridedDepthwiseConv2D(channels, kernel_size, strides=strides, groups=channels, **kwargs)


def _depthwise_layout(layer: keras.layers.Layer, kernel: np.ndarray) -> np.ndarray:
    """A depthwise kernel in ``DepthwiseConv2D`` layout ``(kh, kw, C, 1)``."""
    if isinstance(layer, keras.layers.DepthwiseConv2D):
        return kernel
    return np.swapaxes(kernel, 2, 3)  # grouped Conv2D: (kh, kw, 1, C)


def fuse_conv_bn(kernel: np.ndarray, bn: keras.layers.BatchNormalization, depthwise: bool):
    """Folds inference-mode batch norm into a bias-free convolution kernel.

    Args:
        kernel: ``(kh, kw, C_in, C_out)`` conv kernel, or ``(kh, kw, C, 1)`` depthwise kernel.
        bn: the batch normalization applied to the convolution's output.
        depthwise: whether ``kernel`` is a depthwise kernel (output channel on axis 2).

    Returns:
        ``(kernel, bias)`` with ``conv(x, kernel) + bias == bn(conv(x, kernel))``.
    """
    gamma, beta, mean, variance = (np.asarray(w, np.float64) for w in bn.get_weights())
    scale = gamma / np.sqrt(variance + bn.epsilon)
    if depthwise:
        fused = kernel * scale[None, None, :, None]
    else:
        fused = kernel * scale[None, None, None, :]
    return fused, beta - mean * scale


@keras.utils.register_keras_serializable(package="tfasc")
class RepConv2D(keras.layers.Layer):
    """Convolution that trains with parallel branches and fuses into one conv with bias.

    Training form (``deploy=False``): the sum of

    - ``num_conv_branches`` k×k convolutions, each followed by batch norm,
    - a 1×1 convolution followed by batch norm (``use_scale_branch``, only when k > 1),
    - a 1×k_w and a k_h×1 convolution, each followed by batch norm (``use_asymmetric``,
      only when both k_h and k_w exceed 1): the centre row and centre column of the window,
    - batch norm of the input itself (``use_identity``, only where stride is 1 and
      ``C_in == filters``),

    each branch optionally scaled by softplus(α) with one learnable α per branch
    (``branch_weights``, α starts at softplus⁻¹(1)), then ``activation``. Every branch is
    linear in the input until its batch norm (and its scale), so in inference mode the sum
    equals one k×k convolution with bias, returned by :meth:`fused_weights`. Deploy form
    (``deploy=True``): that single convolution. ``tfasc.models.reparameterize(model)``
    converts a whole model.

    Padding is always ``"same"`` (TensorFlow's rule). Where that rule pads unevenly
    (stride > 1 on an even length), the branches narrower than the window along an axis
    (1×1; 1×k_w along rows; k_h×1 along columns) read the input from the window's centre tap
    on, so the fusion is exact for every stride and input size.

    Args:
        filters: output channels. Depthwise: None or ``C_in``, and required with unequal
            strides (see :func:`depthwise_conv2d`).
        kernel_size: odd kernel size, int or ``(kh, kw)``.
        strides: int or ``(sh, sw)``.
        depthwise: depthwise convolution (one filter per input channel) instead of a
            full one.
        num_conv_branches: parallel k×k conv+BN branches (MobileOne's over-parameterization
            factor; RepVGG uses 1).
        use_scale_branch: add the 1×1 conv+BN branch (when k > 1).
        use_identity: add the identity-BN branch where the shapes allow it.
        use_asymmetric: add the 1×k_w and k_h×1 conv+BN branches (when k_h, k_w > 1).
        branch_weights: scale every branch by softplus(α), one learnable α per branch.
        activation: activation applied after the branch sum (and after the fused conv).
        deploy: build the fused single-convolution form instead of the branches.
        bn_momentum: momentum of every branch's batch norm.
        bn_epsilon: epsilon of every branch's batch norm.
        kernel_initializer: initializer of the convolution kernels.

    Shapes:
        Input ``(B, H, W, C_in)``; output ``(B, ceil(H / sh), ceil(W / sw), C_out)``.

    Example:
        >>> layer = RepConv2D(32, 3, strides=2)
        >>> y = layer(tf.zeros((1, 64, 17, 16)))  # (1, 32, 9, 32)
        >>> kernel, bias = layer.fused_weights()  # (3, 3, 16, 32), (32,)
        >>> RepConv2D(32, 3, use_asymmetric=True, branch_weights=True)  # RepCTFA's branches
    """

    def __init__(
        self,
        filters: int | None = None,
        kernel_size=3,
        strides=1,
        depthwise: bool = False,
        num_conv_branches: int = 1,
        use_scale_branch: bool = True,
        use_identity: bool = True,
        use_asymmetric: bool = False,
        branch_weights: bool = False,
        activation=None,
        deploy: bool = False,
        bn_momentum: float = BN_DEFAULTS["momentum"],
        bn_epsilon: float = BN_DEFAULTS["epsilon"],
        kernel_initializer="he_normal",
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.filters = filters
        self.kernel_size = _pair(kernel_size)
        self.strides = _pair(strides)
        self.depthwise = depthwise
        self.num_conv_branches = num_conv_branches
        self.use_scale_branch = use_scale_branch
        self.use_identity = use_identity
        self.use_asymmetric = use_asymmetric
        self.branch_weights = branch_weights
        self.activation = keras.activations.get(activation)
        self.deploy = deploy
        self.bn_momentum = bn_momentum
        self.bn_epsilon = bn_epsilon
        self.kernel_initializer = keras.initializers.get(kernel_initializer)

        if any(k % 2 == 0 for k in self.kernel_size):
            raise ValueError(f"RepConv2D needs an odd kernel_size, got {self.kernel_size}")
        if not depthwise and filters is None:
            raise ValueError("RepConv2D needs `filters` unless depthwise=True")
        if num_conv_branches < 1:
            raise ValueError("num_conv_branches must be at least 1")

        # Flat attributes (no nested containers) so that `.keras` saving finds every layer.
        self.conv = None
        self.branch_convs, self.branch_bns = [], []
        self.scale_conv = self.scale_bn = None
        self.row_conv = self.row_bn = self.column_conv = self.column_bn = None
        kh, kw = self.kernel_size
        if deploy:
            self.conv = self._conv(self.kernel_size, use_bias=True, name="conv")
        else:
            for i in range(num_conv_branches):
                self.branch_convs.append(self._conv(self.kernel_size, False, f"conv_{i}"))
                self.branch_bns.append(self._bn(f"conv_{i}_bn"))
            if use_scale_branch and self.kernel_size != (1, 1):
                self.scale_conv = self._conv((1, 1), False, "scale", padding="valid")
                self.scale_bn = self._bn("scale_bn")
            if use_asymmetric and kh > 1 and kw > 1:
                self.row_conv = self._conv((1, kw), False, "row")  # the window's centre row
                self.row_bn = self._bn("row_bn")
                self.column_conv = self._conv((kh, 1), False, "column")  # its centre column
                self.column_bn = self._bn("column_bn")
        self.identity_bn = None  # made in build(), once C_in is known
        self.branch_alpha = None  # made in build() with branch_weights, one α per branch

    def _conv(self, kernel_size, use_bias, name, padding="same"):
        # A fresh initializer per branch: one unseeded instance repeats its values.
        initializer = self.kernel_initializer.__class__.from_config(
            self.kernel_initializer.get_config()
        )
        common = {
            "kernel_size": kernel_size,
            "strides": self.strides,
            "padding": padding,
            "use_bias": use_bias,
            "name": name,
        }
        if self.depthwise:
            return depthwise_conv2d(channels=self.filters, kernel_initializer=initializer, **common)
        return keras.layers.Conv2D(self.filters, kernel_initializer=initializer, **common)

    def _bn(self, name):
        return keras.layers.BatchNormalization(
            momentum=self.bn_momentum, epsilon=self.bn_epsilon, name=name
        )

    def _branches(self):
        """``(conv, bn)`` pairs of the k×k, 1×1 and asymmetric branches, in the order of
        their α (the identity branch, if any, comes last)."""
        pairs = list(zip(self.branch_convs, self.branch_bns, strict=False))
        for conv, bn in (
            (self.scale_conv, self.scale_bn),
            (self.row_conv, self.row_bn),
            (self.column_conv, self.column_bn),
        ):
            if conv is not None:
                pairs.append((conv, bn))
        return pairs

    def _window(self, conv) -> tuple[slice, slice]:
        """Where a branch's kernel sits in the k×k window (rows, columns)."""
        kh, kw = self.kernel_size
        branch_h, branch_w = conv.kernel_size
        rows = slice(None) if branch_h == kh else slice((kh - 1) // 2, (kh + 1) // 2)
        columns = slice(None) if branch_w == kw else slice((kw - 1) // 2, (kw + 1) // 2)
        return rows, columns

    def _aligned_input(self, inputs, conv):
        """The input from the window's centre tap on, along the axes the branch is narrower
        than the window (see the class docstring)."""
        kh, kw = self.kernel_size
        row = self._offsets[0] if conv.kernel_size[0] < kh else 0
        column = self._offsets[1] if conv.kernel_size[1] < kw else 0
        return inputs[:, row:, column:, :] if row or column else inputs

    @property
    def has_identity(self) -> bool:
        """Whether the identity-BN branch exists (stride 1 and ``C_in == C_out``)."""
        return self.identity_bn is not None

    def _scale_offsets(self, input_shape) -> tuple[int, int]:
        """Rows/columns to skip so a branch narrower than the window along an axis reads
        the window's centre tap there (0 at stride 1, where "same" pads evenly)."""
        offsets = []
        for size, k, s in zip(input_shape[1:3], self.kernel_size, self.strides, strict=False):
            if s == 1:
                offsets.append(0)
                continue
            if size is None:
                raise ValueError("RepConv2D with stride > 1 needs static spatial input sizes")
            out = -(-size // s)
            pad_before = max((out - 1) * s + k - size, 0) // 2
            offsets.append((k - 1) // 2 - pad_before)
        return tuple(offsets)

    def build(self, input_shape):
        input_shape = tf.TensorShape(input_shape)
        channels = int(input_shape[-1])
        if self.depthwise and self.filters not in (None, channels):
            raise ValueError(
                f"depthwise RepConv2D keeps the channels: filters={self.filters}, "
                f"input has {channels}"
            )
        self.input_channels = channels
        self.output_channels = channels if self.depthwise else self.filters
        if self.deploy:
            self.conv.build(input_shape)
        else:
            for conv, bn in self._branches():
                conv.build(input_shape)
                bn.build(conv.compute_output_shape(input_shape))
            if self.use_identity and self.strides == (1, 1) and channels == self.output_channels:
                self.identity_bn = self._bn("identity_bn")
                self.identity_bn.build(input_shape)
            self._offsets = self._scale_offsets(input_shape.as_list())
            if self.branch_weights:
                count = len(self._branches()) + (self.identity_bn is not None)
                self.branch_alpha = self.add_weight(
                    name="branch_alpha",
                    shape=(count,),
                    initializer=keras.initializers.Constant(UNIT_ALPHA),
                )
        super().build(input_shape)

    def call(self, inputs, training=None):
        # inputs: (B, H, W, C_in)
        if self.deploy:
            return self.activation(self.conv(inputs))
        outputs = [
            bn(conv(self._aligned_input(inputs, conv)), training=training)
            for conv, bn in self._branches()
        ]
        if self.identity_bn is not None:
            outputs.append(self.identity_bn(inputs, training=training))
        if self.branch_alpha is not None:
            scales = tf.nn.softplus(self.branch_alpha)  # (branches,)
            outputs = [scales[i] * output for i, output in enumerate(outputs)]
        total = outputs[0]
        for output in outputs[1:]:  # pairwise ADD: TFLM has no int8 ADD_N
            total = total + output
        return self.activation(total)  # (B, H', W', C_out)

    def compute_output_shape(self, input_shape):
        input_shape = tf.TensorShape(input_shape).as_list()
        spatial = [
            None if size is None else -(-size // s)
            for size, s in zip(input_shape[1:3], self.strides, strict=False)
        ]
        channels = input_shape[-1] if self.depthwise else self.filters
        return tf.TensorShape([input_shape[0], *spatial, channels])

    def fused_weights(self) -> tuple[np.ndarray, np.ndarray]:
        """The single convolution equal to this layer in inference mode.

        Returns:
            ``(kernel, bias)`` as float32 arrays: kernel ``(kh, kw, C_in, C_out)`` (regular)
            or ``(kh, kw, C, 1)`` (depthwise), bias ``(C_out,)``.
        """
        if not self.built:
            raise ValueError("RepConv2D.fused_weights() needs a built layer")
        if self.deploy:
            kernel, bias = self.conv.get_weights()
            if self.depthwise:
                kernel = _depthwise_layout(self.conv, kernel)
            return kernel, bias
        kh, kw = self.kernel_size
        cy, cx = (kh - 1) // 2, (kw - 1) // 2
        kernel_shape = (kh, kw, self.input_channels, 1 if self.depthwise else self.filters)
        kernel = np.zeros(kernel_shape, np.float64)
        bias = np.zeros(self.output_channels, np.float64)

        scales = np.ones(len(self._branches()) + (self.identity_bn is not None))
        if self.branch_alpha is not None:
            scales = np.logaddexp(0.0, np.asarray(self.branch_alpha.numpy(), np.float64))

        def accumulate(branch_kernel, bn, window, scale):
            nonlocal bias
            fused, fused_bias = fuse_conv_bn(branch_kernel, bn, self.depthwise)
            kernel[window] += scale * fused
            bias = bias + scale * fused_bias

        for index, (conv, bn) in enumerate(self._branches()):
            branch_kernel = np.asarray(conv.get_weights()[0], np.float64)
            if self.depthwise:
                branch_kernel = _depthwise_layout(conv, branch_kernel)
            accumulate(branch_kernel, bn, self._window(conv), scales[index])
        if self.identity_bn is not None:
            eye = np.zeros((1, 1, *kernel_shape[2:]))
            if self.depthwise:
                eye[0, 0, :, 0] = 1.0
            else:
                eye[0, 0] = np.eye(self.input_channels)
            centre = (slice(cy, cy + 1), slice(cx, cx + 1))
            accumulate(eye, self.identity_bn, centre, scales[-1])
        return kernel.astype(np.float32), bias.astype(np.float32)

    def deploy_layer(self) -> keras.layers.Layer:
        """A plain ``Conv2D`` / ``DepthwiseConv2D`` with bias equal to this layer.

        The new layer has this layer's name and activation; it is built and holds
        :meth:`fused_weights`.
        """
        kernel, bias = self.fused_weights()
        common = {
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": "same",
            "use_bias": True,
            "activation": self.activation,
            "name": self.name,
        }
        if self.depthwise:
            layer = depthwise_conv2d(channels=self.input_channels, **common)
            kernel = _depthwise_layout(layer, kernel)  # its own layout (self-inverse)
        else:
            layer = keras.layers.Conv2D(self.filters, **common)
        layer.build((None, None, None, self.input_channels))
        layer.set_weights([kernel, bias])
        return as_grouped_conv2d(layer)  # the deploy form: Keras's own layers only

    def get_config(self):
        config = super().get_config()
        config.update(
            filters=self.filters,
            kernel_size=self.kernel_size,
            strides=self.strides,
            depthwise=self.depthwise,
            num_conv_branches=self.num_conv_branches,
            use_scale_branch=self.use_scale_branch,
            use_identity=self.use_identity,
            use_asymmetric=self.use_asymmetric,
            branch_weights=self.branch_weights,
            activation=keras.activations.serialize(self.activation),
            deploy=self.deploy,
            bn_momentum=self.bn_momentum,
            bn_epsilon=self.bn_epsilon,
            kernel_initializer=keras.initializers.serialize(self.kernel_initializer),
        )
        return config
