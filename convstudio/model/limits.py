"""Every limit of what the window shows and edits, defined once.

The document refuses an edit or an opened scene beyond them; the Qt layer reads its
spin boxes' ranges from here. The command line's ``compute`` takes larger scenes, bounded
by their work instead (:mod:`convstudio.model.budget`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

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
        The range in words, with ``{0}`` and ``{1}`` for the two ends.
    """

    minimum: int
    maximum: int
    phrase: str

    @property
    def words(self) -> str:
        """The range in words: "1 to 4 input channels"."""
        return self.phrase.format(self.minimum, self.maximum)


INPUT_SIDE = Limit(1, 32, "an input of {0} to {1} rows and columns")
KERNEL_SIDE = Limit(1, 9, "a kernel of {0} to {1} rows and columns")
CHANNELS = Limit(1, 4, "{0} to {1} input channels")
KERNELS = Limit(1, 8, "{0} to {1} kernels")
# Groups divide both the channels and the kernels, so they can never exceed the channels.
GROUPS = Limit(1, CHANNELS.maximum, "{0} to {1} groups")
# Enough rings for "full" with a 9×9 kernel at dilation 4: 4·(9−1) = 32.
PADDING = Limit(0, 32, "{0} to {1} rings of padding")
STRIDE = Limit(1, 8, "a stride of {0} to {1}")
DILATION = Limit(1, 4, "a dilation of {0} to {1}")

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
    checks: list[tuple[Limit, int, str]] = [
        (CHANNELS, channels, f"The input has {channels} channels"),
        (KERNELS, kernels, f"There are {kernels} kernels"),
        (GROUPS, scene.groups, f"The groups are {scene.groups}"),
        (INPUT_SIDE, max(height, width), f"The input is {height}×{width}"),
        (KERNEL_SIDE, max(kh, kw), f"The kernel is {kh}×{kw}"),
        (STRIDE, max(scene.stride), f"The stride is {_pair_text(scene.stride)}"),
        (DILATION, max(scene.dilation), f"The dilation is {_pair_text(scene.dilation)}"),
    ]
    if not isinstance(scene.padding, str):
        checks.append((PADDING, max(scene.padding), f"The padding is {_pair_text(scene.padding)}"))
    for limit, value, said in checks:
        if value > limit.maximum:
            raise LimitError(
                f"{said}; the window takes {limit.words}. "
                "(“convstudio compute” takes larger scenes.)"
            )
    arrays = [("input", scene.input), ("weights", scene.kernels)]
    if scene.bias is not None:
        arrays.append(("biases", scene.bias))
    for what, array in arrays:
        if not np.all(np.abs(array) <= MAX_ABS_VALUE):  # also false for NaN
            raise LimitError(
                f"Some {what} are not finite numbers within ±10¹²; "
                "a scene holds only numbers that can be saved and read back."
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
