"""The numpy engine: padding, conv2d and per-step detail. No Qt, no printing."""

from .conv import ConvProblem, StepDetail, conv2d, pad
from .errors import (
    BiasShapeError,
    ChannelMismatchError,
    ConvSettingsError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    KernelTooLargeError,
    NegativePaddingError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    ShapeError,
    UnknownPaddingError,
)
from .geometry import (
    PADDING_MODES,
    PADDING_WORDS,
    ConvGeometry,
    as_pair,
    output_size,
    pad_index,
    plan,
    resolve_padding,
)

__all__ = [
    "PADDING_MODES",
    "PADDING_WORDS",
    "BiasShapeError",
    "ChannelMismatchError",
    "ConvGeometry",
    "ConvProblem",
    "ConvSettingsError",
    "GroupsError",
    "InvalidDilationError",
    "InvalidStrideError",
    "KernelTooLargeError",
    "NegativePaddingError",
    "PaddingTooLargeError",
    "SamePaddingStrideError",
    "ShapeError",
    "StepDetail",
    "UnknownPaddingError",
    "as_pair",
    "conv2d",
    "output_size",
    "pad",
    "pad_index",
    "plan",
    "resolve_padding",
]
