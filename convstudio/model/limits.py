"""Every limit of what the window shows and edits, defined once.

The document refuses an edit or an opened scene beyond them; the Qt layer reads its
spin boxes' ranges from here. The command line's ``compute`` takes larger scenes, bounded
by their work instead (:mod:`convstudio.model.budget`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from ..engine import as_pair
from ..engine.layers import Conv2d, ConvTranspose2d, Pool2d, StackLayerError
from ..engine.layers import shapes as stack_shapes
from .i18n import translate

if TYPE_CHECKING:  # scene.py reads numbers.py, which reads MAX_ABS_VALUE from here
    from .scene import Scene


class LimitError(ValueError):
    """A scene beyond a limit; ``str()`` names the limit and the value."""


@dataclass(frozen=True)
class Limit:
    """One limit: the allowed range, and how a sentence names it.

    Attributes
    ----------
    minimum, maximum
        The range, both included.
    phrase
        Gives the range in words in the user's language, with ``{0}`` and ``{1}`` for the
        two ends (a function: the language is chosen after this module is read).
    """

    minimum: int
    maximum: int
    phrase: Callable[[], str]

    @property
    def words(self) -> str:
        """The range in words: "1 to 4 input channels"."""
        return self.phrase().format(self.minimum, self.maximum)


# Each phrase completes "the window takes …" and tells a spin box's range.
INPUT_SIDE = Limit(1, 32, lambda: translate("Limits", "an input of {0} to {1} rows and columns"))
KERNEL_SIDE = Limit(1, 9, lambda: translate("Limits", "a kernel of {0} to {1} rows and columns"))
CHANNELS = Limit(1, 4, lambda: translate("Limits", "{0} to {1} input channels"))
KERNELS = Limit(1, 8, lambda: translate("Limits", "{0} to {1} kernels"))
# Groups divide both the channels and the kernels, so they can never exceed the channels.
GROUPS = Limit(1, CHANNELS.maximum, lambda: translate("Limits", "{0} to {1} groups"))
# Enough rings for "full" with a 9×9 kernel at dilation 4: 4·(9−1) = 32.
PADDING = Limit(0, 32, lambda: translate("Limits", "{0} to {1} rings of padding"))
STRIDE = Limit(1, 8, lambda: translate("Limits", "a stride of {0} to {1}"))
DILATION = Limit(1, 4, lambda: translate("Limits", "a dilation of {0} to {1}"))
# A transposed convolution's output padding is smaller than its stride or its dilation.
OUTPUT_PADDING = Limit(
    0, STRIDE.maximum - 1, lambda: translate("Limits", "an output padding of {0} to {1}")
)
# A pooling window as large as a kernel may be.
POOL_SIDE = Limit(
    1,
    KERNEL_SIDE.maximum,
    lambda: translate("Limits", "a pooling window of {0} to {1} rows and columns"),
)

# Every number of a scene: typed, pasted, from a preset or a file. Beyond this a float64
# sum of products loses the units digit a student checks by hand.
MAX_ABS_VALUE = 1e12

# The matrix view's M (output cells × input cells of one channel): 4 million entries are
# 32 MB, a 32×32 input to a 64×64 output; a stride-8 transposed one would reach 67 million.
MAX_MATRIX_ENTRIES = 4_000_000

# The names other modules used before this one existed.
MAX_GRID = INPUT_SIDE.maximum
MAX_KERNEL = KERNEL_SIDE.maximum
MAX_CHANNELS = CHANNELS.maximum
MAX_KERNELS = KERNELS.maximum


def check_scene_limits(scene: Scene) -> None:
    """Refuse *scene* if the window cannot show or edit it.

    Every layer is checked, not only the focused convolution: each convolution's kernels,
    groups, stride, dilation and padding, each pooling window, the number of layers, and
    the size of every map a layer reads (the input, and each layer's output that the next
    layer reads: a map the window shows as it shows an input). A refusal about a layer of
    a stack names it ("Layer 3 (max_pool2d): …"); a scene of one convolution is refused in
    the words it always was.

    Raises
    ------
    LimitError
        Naming the first limit passed, with the scene's value and the allowed range.
    """
    layers = scene.layers
    limit = _layers_limit()
    channels, height, width = scene.input.shape
    if len(layers) > limit.maximum:  # no file holds more, so compute takes no more either
        raise LimitError(
            #: {0} is "There are 7 layers", {1} the range ("1 to 6 layers").
            translate("Limits", "{0}; the window takes {1}.").format(
                _has_layers(len(layers)), limit.words
            )
        )
    _check(CHANNELS, channels, None, lambda: _has_channels(channels))
    if scene.is_stack:
        _check(INPUT_SIDE, max(height, width), None, lambda: _has_input((height, width)))
    for index, layer in enumerate(layers):
        name = (index + 1, layer.kind) if scene.is_stack else None
        if isinstance(layer, Conv2d):
            # A scene of one convolution checks its input amid the kernel's, as it always did.
            _check_conv(layer, name, None if scene.is_stack else (height, width))
        elif isinstance(layer, ConvTranspose2d):
            _check_transpose(layer, name)
        elif isinstance(layer, Pool2d):
            _check_pool(layer, name)
    try:
        sizes = stack_shapes(layers, (channels, height, width))
    except StackLayerError as error:  # the evaluation says why; the maps before it count
        sizes = stack_shapes(layers[: error.layer], (channels, height, width))
    # Each map a later layer reads is shown as an input is (the last output as it always was).
    for index in range(1, min(len(sizes), len(layers))):
        _, rows, cols = sizes[index]
        name = (index + 1, layers[index].kind)
        _check(INPUT_SIDE, max(rows, cols), name, partial(_has_input, (rows, cols)))
    if not np.all(np.abs(scene.input) <= MAX_ABS_VALUE):  # false for NaN
        raise LimitError(_not_finite("input").format("±10¹²"))
    for index, layer in enumerate(layers):
        if not isinstance(layer, (Conv2d, ConvTranspose2d)):
            continue
        name = (index + 1, layer.kind) if scene.is_stack else None
        for what, array in (("weights", layer.kernels), ("biases", layer.bias)):
            if array is not None and not np.all(np.abs(array) <= MAX_ABS_VALUE):
                raise LimitError(_named(name, _not_finite(what).format("±10¹²")))


Named = tuple[int, str] | None  # a layer of a stack: its number from 1 and its type


def _layers_limit() -> Limit:
    # layer_format reads scene.py, which reads this module: read its maximum when needed.
    from .layer_format import MAX_LAYERS

    return Limit(1, MAX_LAYERS, lambda: translate("Limits", "{0} to {1} layers"))


def _check(limit: Limit, value: int, name: Named, has: Callable[[], str]) -> None:
    """Refuse *value* beyond *limit*; *has* says what the scene has, *name* which layer."""
    if value <= limit.maximum:
        return
    #: {0} is what the scene has ("The input has 5 channels"), {1} the range
    #: ("1 to 4 input channels"), {2} the command convstudio compute.
    text = translate("Limits", "{0}; the window takes {1}. (“{2}” takes larger scenes.)")
    raise LimitError(_named(name, text.format(has(), limit.words, "convstudio compute")))


def _named(name: Named, text: str) -> str:
    """*text* after the layer's name ("Layer 3 (max_pool2d): …") when it names one."""
    if name is None:
        return text
    #: a refusal about a layer: its number from 1, its type (conv2d, max_pool2d), why
    return translate("Layers", "Layer {0} ({1}): {2}").format(name[0], name[1], text)


def _check_conv(layer: Conv2d, name: Named, input_side: tuple[int, int] | None) -> None:
    """The limits of one convolution layer (and of the input, given its *input_side*)."""
    kernels, _, kh, kw = layer.kernels.shape
    stride, dilation = as_pair(layer.stride, "stride"), as_pair(layer.dilation, "dilation")
    checks: list[tuple[Limit, int, Callable[[], str]]] = [
        (KERNELS, kernels, lambda: _has_kernels(kernels)),
        (GROUPS, layer.groups, lambda: _has_groups(layer.groups)),
    ]
    if input_side is not None:  # a scene of one convolution checked its input here
        checks.append((INPUT_SIDE, max(input_side), lambda: _has_input(input_side)))
    checks += [
        (KERNEL_SIDE, max(kh, kw), lambda: _has_kernel((kh, kw))),
        (STRIDE, max(stride), lambda: _has_stride(stride)),
        (DILATION, max(dilation), lambda: _has_dilation(dilation)),
    ]
    if not isinstance(layer.padding, str):
        padding = as_pair(layer.padding, "padding")
        checks.append((PADDING, max(padding), lambda: _has_padding(padding)))
    for limit, value, has in checks:
        _check(limit, value, name, has)


def _check_transpose(layer: ConvTranspose2d, name: Named) -> None:
    """The limits of one transposed convolution: its output maps (as a convolution's
    kernels), groups, kernel, stride, dilation, padding and output padding."""
    _, per_group, kh, kw = layer.kernels.shape
    maps = per_group * layer.groups
    stride, dilation = as_pair(layer.stride, "stride"), as_pair(layer.dilation, "dilation")
    padding = as_pair(layer.padding, "padding")
    extra = as_pair(layer.output_padding, "output_padding")
    checks: list[tuple[Limit, int, Callable[[], str]]] = [
        (KERNELS, maps, lambda: _has_kernels(maps)),
        (GROUPS, layer.groups, lambda: _has_groups(layer.groups)),
        (KERNEL_SIDE, max(kh, kw), lambda: _has_kernel((kh, kw))),
        (STRIDE, max(stride), lambda: _has_stride(stride)),
        (DILATION, max(dilation), lambda: _has_dilation(dilation)),
        (PADDING, max(padding), lambda: _has_padding(padding)),
        (OUTPUT_PADDING, max(extra), lambda: _has_output_padding(extra)),
    ]
    for limit, value, has in checks:
        _check(limit, value, name, has)


def _check_pool(layer: Pool2d, name: Named) -> None:
    """The limits of one pooling layer: its window, its stride when it has one of its own
    (else the window's size, within the window's limit), its dilation. (Padding is at most
    half the window, which the engine refuses otherwise.)"""
    kernel = as_pair(layer.kernel_size, "kernel_size")
    _check(POOL_SIDE, max(kernel), name, lambda: _has_pool(kernel))
    if layer.stride is not None:
        stride = as_pair(layer.stride, "stride")
        _check(STRIDE, max(stride), name, lambda: _has_stride(stride))
    dilation = as_pair(layer.dilation, "dilation")
    _check(DILATION, max(dilation), name, lambda: _has_dilation(dilation))


# What a scene has of what a limit bounds, in words: "The input has 5 channels".


def _has_layers(count: int) -> str:
    return translate("Limits", "There are {0} layers").format(count)


def _has_channels(count: int) -> str:
    return translate("Limits", "The input has {0} channels").format(count)


def _has_kernels(count: int) -> str:
    return translate("Limits", "There are {0} kernels").format(count)


def _has_groups(count: int) -> str:
    return translate("Limits", "The groups are {0}").format(count)


def _has_input(size: tuple[int, int]) -> str:
    return translate("Limits", "The input is {0}×{1}").format(*size)


def _has_kernel(size: tuple[int, int]) -> str:
    return translate("Limits", "The kernel is {0}×{1}").format(*size)


def _has_pool(size: tuple[int, int]) -> str:
    return translate("Limits", "The pooling window is {0}×{1}").format(*size)


def _has_stride(pair: tuple[int, int]) -> str:
    return translate("Limits", "The stride is {0}").format(_pair_text(pair))


def _has_dilation(pair: tuple[int, int]) -> str:
    return translate("Limits", "The dilation is {0}").format(_pair_text(pair))


def _has_padding(pair: tuple[int, int]) -> str:
    return translate("Limits", "The padding is {0}").format(_pair_text(pair))


def _has_output_padding(pair: tuple[int, int]) -> str:
    return translate("Limits", "The output padding is {0}").format(_pair_text(pair))


def _not_finite(what: str) -> str:
    """The sentence refusing numbers of *what* beyond ``{0}`` (±10¹²)."""
    if what == "input":
        return translate(
            "Limits",
            "Some input are not finite numbers within {0}; "
            "a scene holds only numbers that can be saved and read back.",
        )
    if what == "weights":
        return translate(
            "Limits",
            "Some weights are not finite numbers within {0}; "
            "a scene holds only numbers that can be saved and read back.",
        )
    return translate(
        "Limits",
        "Some biases are not finite numbers within {0}; "
        "a scene holds only numbers that can be saved and read back.",
    )


def _pair_text(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]}×{pair[1]}"


__all__ = [
    "CHANNELS",
    "DILATION",
    "GROUPS",
    "INPUT_SIDE",
    "KERNELS",
    "KERNEL_SIDE",
    "MAX_ABS_VALUE",
    "MAX_CHANNELS",
    "MAX_GRID",
    "MAX_KERNEL",
    "MAX_KERNELS",
    "OUTPUT_PADDING",
    "PADDING",
    "POOL_SIDE",
    "STRIDE",
    "Limit",
    "LimitError",
    "check_scene_limits",
]
