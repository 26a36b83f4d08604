"""Layers of a small network behind one protocol (:class:`Layer`), and the stack that
composes them without knowing their types."""

from .activation import ACTIVATIONS, Activation
from .base import (
    ELEMENTWISE,
    Gradients,
    Layer,
    LayerSettingsError,
    LayerStep,
    Progress,
    Shape,
    Window,
)
from .convolution import Conv2d
from .pooling import (
    POOLS,
    Pool2d,
    PoolEmptyWindowError,
    PoolKernelSizeError,
    PoolPaddingError,
    PoolTooSmallError,
    pool_output_size,
)
from .stack import (
    Field,
    Length,
    StackLayerError,
    backward,
    forward,
    receptive_fields,
    shapes,
    trace,
)
from .transpose import (
    STEPPINGS,
    ConvTranspose2d,
    OutputPaddingError,
    TransposeKernelLayoutError,
    TransposeTooSmallError,
    transpose_output_size,
)

__all__ = [
    "ACTIVATIONS",
    "ELEMENTWISE",
    "POOLS",
    "STEPPINGS",
    "Activation",
    "Conv2d",
    "ConvTranspose2d",
    "Field",
    "Gradients",
    "Layer",
    "LayerSettingsError",
    "LayerStep",
    "Length",
    "OutputPaddingError",
    "Pool2d",
    "PoolEmptyWindowError",
    "PoolKernelSizeError",
    "PoolPaddingError",
    "PoolTooSmallError",
    "Progress",
    "Shape",
    "StackLayerError",
    "TransposeKernelLayoutError",
    "TransposeTooSmallError",
    "Window",
    "backward",
    "forward",
    "pool_output_size",
    "receptive_fields",
    "shapes",
    "trace",
    "transpose_output_size",
]
