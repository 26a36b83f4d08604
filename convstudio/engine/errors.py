"""Errors raised for settings that no convolution can run with.

Every error is a :class:`ValueError` subclass that keeps the numbers involved as
attributes, so that a user interface can phrase its own message; ``str(error)``
is already a plain English sentence.
"""

from __future__ import annotations

AXIS_WORDS = {0: "rows", 1: "columns"}


def plural(count: int, noun: str) -> str:
    """``"1 row"``, ``"6 rows"``: a count with its noun."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class ConvSettingsError(ValueError):
    """Base class of every impossible-settings error of the engine."""


class ShapeError(ConvSettingsError):
    """An input or kernel array has a shape the engine does not accept."""

    def __init__(self, what: str, shape: tuple[int, ...], expected: str) -> None:
        self.what = what
        self.shape = shape
        self.expected = expected
        dims = "×".join(str(n) for n in shape) or "a single number"
        super().__init__(f"The {what} is {dims}, but it must be {expected}.")


class InvalidStrideError(ConvSettingsError):
    """A stride below 1."""

    def __init__(self, stride: int) -> None:
        self.stride = stride
        super().__init__(f"The stride must be at least 1, not {stride}.")


class InvalidDilationError(ConvSettingsError):
    """A dilation below 1."""

    def __init__(self, dilation: int) -> None:
        self.dilation = dilation
        super().__init__(f"The dilation must be at least 1, not {dilation}.")


class NegativePaddingError(ConvSettingsError):
    """A padding below 0."""

    def __init__(self, padding: int) -> None:
        self.padding = padding
        super().__init__(f"The padding cannot be negative ({padding}).")


class UnknownPaddingError(ConvSettingsError):
    """A padding word or padding mode the engine does not know."""

    def __init__(self, what: str, value: object, choices: tuple[str, ...]) -> None:
        self.value = value
        self.choices = choices
        super().__init__(f"Unknown {what} {value!r}; use one of {', '.join(choices)}.")


class SamePaddingStrideError(ConvSettingsError):
    """'same' padding asked for with a stride above 1 (torch refuses it too)."""

    def __init__(self, stride: tuple[int, int]) -> None:
        self.stride = stride
        shown = str(stride[0]) if stride[0] == stride[1] else f"{stride[0]}×{stride[1]}"
        super().__init__(
            f"'same' padding only works with stride 1 (the stride is {shown}): "
            "with a larger stride the output cannot be as large as the input."
        )


class KernelTooLargeError(ConvSettingsError):
    """The kernel (with its dilation) does not fit in the padded input."""

    def __init__(self, axis: int, padded_size: int, kernel_extent: int, dilation: int = 1) -> None:
        self.axis = axis
        self.padded_size = padded_size
        self.kernel_extent = kernel_extent
        self.dilation = dilation
        word = AXIS_WORDS[axis]
        if dilation > 1:  # the kernel may be small: its taps are spread out
            taps = (kernel_extent - 1) // dilation + 1
            spans = f"{kernel_extent} {word} ({taps} taps at dilation {dilation})"
            remedy = "make the kernel or the dilation smaller, or add padding"
        else:
            spans = f"{kernel_extent} {word}"
            remedy = "make the kernel smaller or add padding"
        super().__init__(
            f"The kernel spans {spans} but the padded input has only "
            f"{plural(padded_size, word[:-1])}: {remedy}."
        )


class PaddingTooLargeError(ConvSettingsError):
    """Reflect or circular padding wider than the input allows."""

    def __init__(self, mode: str, axis: int, padding: int, size: int) -> None:
        self.mode = mode
        self.axis = axis
        self.padding = padding
        self.size = size
        word = AXIS_WORDS[axis]
        # Reflect mirrors without repeating the edge, so it needs one cell more than it pads.
        needed = padding + 1 if mode == "reflect" else padding
        super().__init__(
            f"{mode.capitalize()} padding of {padding} needs an input of at least {needed} "
            f"{word}, and it has {size}: reduce the padding or use zeros or replicate padding."
        )


class GroupsError(ConvSettingsError):
    """Groups that do not divide the input and output channels."""

    def __init__(self, in_channels: int, out_channels: int, groups: int) -> None:
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.groups = groups
        if groups < 1:
            text = f"The number of groups must be at least 1, not {groups}."
        else:
            text = (
                f"{groups} groups must divide both the {plural(in_channels, 'input channel')} "
                f"and the {plural(out_channels, 'kernel')}, and they do not."
            )
        super().__init__(text)


class ChannelMismatchError(ConvSettingsError):
    """The kernel's depth does not match the input's channels."""

    def __init__(self, in_channels: int, kernel_depth: int, groups: int) -> None:
        self.in_channels = in_channels
        self.kernel_depth = kernel_depth
        self.groups = groups
        needed = in_channels // groups if groups and in_channels % groups == 0 else in_channels
        super().__init__(
            f"The input has {plural(in_channels, 'channel')}, so each kernel needs "
            f"{plural(needed, 'slice')}"
            f"{f' with {groups} groups' if groups > 1 else ''}, but it has {kernel_depth}."
        )


class BiasShapeError(ConvSettingsError):
    """The bias does not have one value per kernel."""

    def __init__(self, expected: int, got: int) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"The bias needs one value per kernel ({expected}), but it has {got}.")


class TooLargeError(ConvSettingsError):
    """Settings that would need more memory than a lesson can sensibly use."""

    def __init__(self, what: str, size: int, limit: int) -> None:
        self.what = what
        self.size = size
        self.limit = limit
        super().__init__(
            f"The {what} would have {size:,} cells; the most this can compute is {limit:,}. "
            "Use less padding or a smaller input."
        )
