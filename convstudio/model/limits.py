"""Every limit of what the window shows and edits, defined once.

The document refuses an edit or an opened scene beyond them; the Qt layer reads its
spin boxes' ranges from here. The command line's ``compute`` takes larger scenes, bounded
by their work instead (:mod:`convstudio.model.budget`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

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

# Every number of a scene: typed, pasted, from a preset or a file. Beyond this a float64
# sum of products loses the units digit a student checks by hand.
MAX_ABS_VALUE = 1e12

# The names other modules used before this one existed.
MAX_GRID = INPUT_SIDE.maximum
MAX_KERNEL = KERNEL_SIDE.maximum
MAX_CHANNELS = CHANNELS.maximum
MAX_KERNELS = KERNELS.maximum


def check_scene_limits(scene: Scene) -> None:
    """Refuse *scene* if the window cannot show or edit it.

    Raises
    ------
    LimitError
        Naming the first limit passed, with the scene's value and the allowed range.
    """
    channels, height, width = scene.input.shape
    kernels, _, kh, kw = scene.kernels.shape
    checks = [
        (CHANNELS, channels),
        (KERNELS, kernels),
        (GROUPS, scene.groups),
        (INPUT_SIDE, max(height, width)),
        (KERNEL_SIDE, max(kh, kw)),
        (STRIDE, max(scene.stride)),
        (DILATION, max(scene.dilation)),
    ]
    if not isinstance(scene.padding, str):
        checks.append((PADDING, max(scene.padding)))
    for limit, value in checks:
        if value > limit.maximum:
            raise LimitError(
                #: {0} is what the scene has ("The input has 5 channels"), {1} the range
                #: ("1 to 4 input channels"), {2} the command convstudio compute.
                translate(
                    "Limits",
                    "{0}; the window takes {1}. (“{2}” takes larger scenes.)",
                ).format(_has(scene, limit), limit.words, "convstudio compute")
            )
    for what, array in (("input", scene.input), ("weights", scene.kernels), ("biases", scene.bias)):
        if array is not None and not np.all(np.abs(array) <= MAX_ABS_VALUE):  # false for NaN
            raise LimitError(_not_finite(what).format("±10¹²"))


def _has(scene: Scene, limit: Limit) -> str:
    """What *scene* has of what *limit* bounds, in words: "The input has 5 channels"."""
    if limit is CHANNELS:
        return translate("Limits", "The input has {0} channels").format(scene.input.shape[0])
    if limit is KERNELS:
        return translate("Limits", "There are {0} kernels").format(scene.kernels.shape[0])
    if limit is GROUPS:
        return translate("Limits", "The groups are {0}").format(scene.groups)
    if limit is INPUT_SIDE:
        return translate("Limits", "The input is {0}×{1}").format(*scene.input.shape[1:])
    if limit is KERNEL_SIDE:
        return translate("Limits", "The kernel is {0}×{1}").format(*scene.kernels.shape[2:])
    if limit is STRIDE:
        return translate("Limits", "The stride is {0}").format(_pair_text(scene.stride))
    if limit is DILATION:
        return translate("Limits", "The dilation is {0}").format(_pair_text(scene.dilation))
    assert limit is PADDING and not isinstance(scene.padding, str)
    return translate("Limits", "The padding is {0}").format(_pair_text(scene.padding))


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
    "PADDING",
    "STRIDE",
    "Limit",
    "LimitError",
    "check_scene_limits",
]
