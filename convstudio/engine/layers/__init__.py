"""Layers of a small network behind one protocol (:class:`Layer`), and the stack that
composes them without knowing their types."""

from .activation import ACTIVATIONS, Activation
from .base import ELEMENTWISE, Gradients, Layer, LayerSettingsError, LayerStep, Shape, Window
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
from .stack import Field, StackLayerError, backward, forward, receptive_fields, shapes, trace

__all__ = [
    "ACTIVATIONS",
    "ELEMENTWISE",
    "POOLS",
    "Activation",
    "Conv2d",
    "Field",
    "Gradients",
    "Layer",
    "LayerSettingsError",
    "LayerStep",
    "Pool2d",
    "PoolEmptyWindowError",
    "PoolKernelSizeError",
    "PoolPaddingError",
    "PoolTooSmallError",
    "Shape",
    "StackLayerError",
    "Window",
    "backward",
    "forward",
    "pool_output_size",
    "receptive_fields",
    "shapes",
    "trace",
]
