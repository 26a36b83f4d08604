"""The rules of editing a stack of layers: a new layer's defaults, which settings a layer
type offers the side panel (read from :data:`~.layer_format.LAYER_TYPES`, so a new type
or key is a new row, not a new widget), and how the channels stay consistent through the
stack.

Channels: a convolution's kernels have one slice per channel of the map it is given
(divided by its groups); a transposed convolution's kernels one per channel (torch's
layout, input channels first). When an edit changes the channels a convolution is given (a layer
added, removed or moved, the input's channels, an earlier convolution's kernel count), its
kernels are fitted, as :meth:`~.document.Document.set_channels` has always fitted a scene's
one convolution: new slices are 0, extra slices are cut, and its groups fall back to 1
when they no longer divide the channels. Undo brings every weight back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine.layers import Conv2d, ConvTranspose2d, Layer
from . import layer_format as lf
from .i18n import translate
from .limits import DILATION, KERNEL_SIDE, OUTPUT_PADDING, PADDING, STRIDE, Limit
from .scene import SceneFileError

# The layer a new convolution starts as: one 3×3 kernel whose centre is 1 in every slice
# (it passes its input through, summed over the channels, until its weights are edited).
NEW_KERNEL_SIZE = 3
# A pooling layer's window when none is given (the key is required in a file).
NEW_POOL_WINDOW = (2, 2)
# A new transposed convolution: a 2×2 kernel of ones at stride 2, which copies each input
# cell into a 2×2 block (upsampling by 2, nearest-neighbour) until its weights are edited.
NEW_TRANSPOSE_SIZE = 2
# Keys a layer's block or the View menu edits, not the side panel's list of settings.
_NOT_LISTED = ("kernels", "bias", "groups", "stepping")

# How the side panel edits a key, by the reader the file format checks it with.
_FORMS: dict[Callable[[Any, str], Any], str] = {
    lf._positive_pair: "pair",
    lf._padding_pair: "pair",
    lf._optional_pair: "optional pair",
    lf._bool: "switch",
    lf._number: "number",
}
# The range of a whole-number key: the window's own limits (one home, limits.py).
_LIMITS = {
    "kernel_size": KERNEL_SIDE,
    "stride": STRIDE,
    "padding": PADDING,
    "dilation": DILATION,
    "output_padding": OUTPUT_PADDING,
}


@dataclass(frozen=True)
class Setting:
    """One setting of a layer type that the side panel edits.

    Attributes
    ----------
    name
        The key, PyTorch's argument name (``kernel_size``, ``ceil_mode``, …).
    form
        ``"pair"`` (a whole number, or rows and columns), ``"optional pair"`` (the same,
        or ``None`` for the default, e.g. a pool's stride: the window's size), ``"switch"``
        (true or false) or ``"number"``.
    limit
        The range of a whole number (``None`` for the others).
    """

    name: str
    form: str
    limit: Limit | None


def settings_of(kind: str) -> tuple[Setting, ...]:
    """The settings the side panel offers for a layer of type *kind*.

    A convolution offers none here: its settings are the scene's (the focused
    convolution's), edited as they always were. A transposed convolution offers its
    stride, padding, output padding and dilation (its weights are edited in its block, its
    stepping from the View menu).
    """
    if kind == "conv2d":
        return ()
    keys, _ = lf.LAYER_TYPES[kind]
    return tuple(
        Setting(key.name, _FORMS.get(key.read, "number"), _LIMITS.get(key.name))
        for key in keys
        if key.name not in _NOT_LISTED
    )


def setting_label(name: str) -> str:
    """A setting's name in the user's language (a key it does not know: the key itself)."""
    labels = {
        "kernel_size": translate("LayerSettings", "Window"),
        "stride": translate("LayerSettings", "Stride"),
        "padding": translate("LayerSettings", "Padding"),
        "dilation": translate("LayerSettings", "Dilation"),
        "ceil_mode": translate("LayerSettings", "Round the size up (ceil mode)"),
        "count_include_pad": translate("LayerSettings", "Count the padding in the divisor"),
        "negative_slope": translate("LayerSettings", "Slope below 0"),
        "output_padding": translate("LayerSettings", "Output padding"),
    }
    return labels.get(name, name)


def layer_values(layer: Layer) -> dict[str, Any]:
    """The settings of *layer* (a pooling layer, an activation or a transposed convolution)
    by key, in the form the file's readers give (pairs as ``(rows, cols)``, a pool's default
    stride ``None``; a transposed convolution's kernels and bias as its arrays)."""
    keys, _ = lf.LAYER_TYPES[layer.kind]
    return {
        key.name: (
            lf._value_of(layer, key.name)
            if key.name in ("kernels", "bias")
            else read_setting(layer.kind, key.name, lf._value_of(layer, key.name))
        )
        for key in keys
    }


def channels_before(layers: Sequence[Layer], index: int, input_channels: int) -> int:
    """The channels of the map layer *index* is given (the input's for the first)."""
    channels = input_channels
    for layer in layers[:index]:
        channels = _channels_after(layer, channels)
    return channels


def _channels_after(layer: Layer, channels: int) -> int:
    """The channels of *layer*'s output, given a map of *channels* channels."""
    if isinstance(layer, Conv2d):
        return int(layer.kernels.shape[0])
    if isinstance(layer, ConvTranspose2d):
        return int(layer.kernels.shape[1]) * layer.groups
    return channels


def new_layer(kind: str, channels: int, like: Layer | None = None) -> Layer:
    """A layer of type *kind* with sensible defaults, given a map of *channels* channels.

    A convolution: one 3×3 kernel with a 1 at the centre of every slice. A transposed
    convolution: a 2×2 kernel of ones at stride 2 from every channel to one map. A pooling
    layer: a 2×2 window. An activation: PyTorch's defaults. *like*: a layer of the same family
    (another activation, another pooling) whose settings of the same name carry over
    (a max pool 3×3 becomes an average pool 3×3).

    Raises
    ------
    KeyError
        For an unknown type.
    """
    keys, make = lf.LAYER_TYPES[kind]
    if kind == "conv2d":
        size = NEW_KERNEL_SIZE
        kernels = np.zeros((1, channels, size, size))
        kernels[:, :, size // 2, size // 2] = 1.0
        return Conv2d(kernels)
    if kind == "conv_transpose2d":
        size = NEW_TRANSPOSE_SIZE
        return ConvTranspose2d(np.ones((channels, 1, size, size)), stride=size)
    weighted = isinstance(like, (Conv2d, ConvTranspose2d))
    carried = {} if like is None or weighted else layer_values(like)
    values: dict[str, Any] = {}
    for key in keys:
        if key.name in carried:
            values[key.name] = carried[key.name]
        elif key.default is lf.REQUIRED:
            values[key.name] = NEW_POOL_WINDOW
        else:
            values[key.name] = key.default
    try:
        return make(values)
    except SceneFileError:  # a carried setting the new type refuses: its defaults
        return new_layer(kind, channels)


def read_setting(kind: str, name: str, value: Any) -> Any:
    """*value* for key *name* of a layer of type *kind*, checked as a file's value is.

    Raises
    ------
    SceneFileError
        Naming the key and what is wrong (the caller names the layer).
    KeyError
        When the type has no such key.
    """
    keys, _ = lf.LAYER_TYPES[kind]
    key = next((key for key in keys if key.name == name), None)
    if key is None:
        raise KeyError(name)
    if isinstance(value, tuple):
        value = list(value)  # the file's form of a pair
    return key.read(value, name)


def with_settings(layer: Layer, values: dict[str, Any]) -> Layer:
    """*layer* with checked *values* (see :func:`read_setting`) in place of its own.

    Raises
    ------
    SceneFileError
        When the settings cannot go together (a pool's padding over half its window).
    """
    _, make = lf.LAYER_TYPES[layer.kind]
    return make({**layer_values(layer), **values})


def fit_channels(layers: Sequence[Layer], input_channels: int, start: int = 0) -> tuple[Layer, ...]:
    """*layers* with every convolution from *start* on fitted to the channels it is given.

    New slices are 0, extra slices are cut; a convolution's groups fall back to 1 when
    they do not divide its channels. A convolution that fits already is kept as it is,
    and so is every layer before *start* (an edit fits only what it may have changed: a
    scene opened impossible keeps its other faults until they are mended).
    """
    out: list[Layer] = []
    channels = input_channels
    for index, layer in enumerate(layers):
        if isinstance(layer, Conv2d) and index >= start:
            groups = layer.groups if channels % layer.groups == 0 else 1
            depth = channels // groups
            if layer.kernels.shape[1] != depth or groups != layer.groups:
                kernels = resized(layer.kernels, 1, depth)
                layer = dataclasses.replace(layer, kernels=kernels, groups=groups)
        elif isinstance(layer, ConvTranspose2d) and index >= start:
            # One kernel per input channel (its first axis): cut or zero-extended; with
            # other groups than divide the channels, one group (its outputs kept per group).
            fits = layer.kernels.shape[0] == channels and channels % layer.groups == 0
            if not fits:
                groups = layer.groups if channels % layer.groups == 0 else 1
                kernels = resized(layer.kernels, 0, channels)
                # One group keeps the output maps: each kernel reaches all of them.
                kernels = resized(kernels, 1, layer.kernels.shape[1] * layer.groups // groups)
                layer = dataclasses.replace(layer, kernels=kernels, groups=groups)
        channels = _channels_after(layer, channels)
        out.append(layer)
    return tuple(out)


def resized(array: np.ndarray, axis: int, length: int) -> np.ndarray:
    """*array* cut or zero-extended to *length* along *axis*."""
    if array.shape[axis] >= length:
        return np.take(array, np.arange(length), axis=axis)
    shape = list(array.shape)
    shape[axis] = length - array.shape[axis]
    return np.concatenate([array, np.zeros(shape)], axis=axis)


__all__ = [
    "Setting",
    "channels_before",
    "fit_channels",
    "layer_values",
    "new_layer",
    "read_setting",
    "resized",
    "setting_label",
    "settings_of",
    "with_settings",
]
