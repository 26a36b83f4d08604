"""Every limit of what the window shows and edits, defined once.

The document refuses an edit or an opened scene beyond them; the Qt layer reads its
spin boxes' ranges from here. The command line's ``compute`` takes larger scenes, bounded
by their work instead (:mod:`convstudio.model.budget`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .scene import Scene


class LimitError(ValueError):
    """A scene beyond a limit; ``str()`` names the limit and the value."""


@dataclass(frozen=True)
class Limit:
    """One limit: the name the user reads and the allowed range."""

    name: str
    minimum: int
    maximum: int


INPUT_SIDE = Limit("input side", 1, 32)
KERNEL_SIDE = Limit("kernel side", 1, 9)
CHANNELS = Limit("input channels", 1, 4)
KERNELS = Limit("kernels", 1, 8)
# Groups divide both the channels and the kernels, so they can never exceed the channels.
GROUPS = Limit("groups", 1, CHANNELS.maximum)
# Enough rings for "full" with a 9×9 kernel at dilation 4: 4·(9−1) = 32.
PADDING = Limit("padding", 0, 32)
STRIDE = Limit("stride", 1, 8)
DILATION = Limit("dilation", 1, 4)

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
                f"{said}; the window shows {limit.name} from {limit.minimum} to "
                f"{limit.maximum}. (“convstudio compute” takes larger scenes.)"
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
