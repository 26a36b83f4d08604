"""Shapes, padding and output sizes of a 2-D convolution (no arithmetic on values)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import (
    BiasShapeError,
    ChannelMismatchError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    KernelTooLargeError,
    NegativePaddingError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    ShapeError,
    TooLargeError,
    UnknownPaddingError,
)

Pair = tuple[int, int]
IntOrPair = int | tuple[int, int] | list[int]
PaddingSpec = int | tuple[int, int] | list[int] | str
PADDING_WORDS: tuple[str, ...] = ("valid", "same", "full")
PADDING_MODES: tuple[str, ...] = ("zeros", "reflect", "replicate", "circular")
# About 800 MB of float64: far beyond any lesson, well before the machine runs out of memory.
MAX_CELLS = 100_000_000


def as_pair(value: IntOrPair, name: str = "value") -> Pair:
    """Return *value* as an ``(h, w)`` pair of ints.

    Parameters
    ----------
    value
        An int, or a sequence of two ints.
    name
        What the value is, for the error message.
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be an int or a pair of ints, not {value!r}")
    if isinstance(value, (int, np.integer)):
        return int(value), int(value)
    try:
        first, second = value
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an int or a pair of ints, not {value!r}") from None
    for item in (first, second):
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            raise TypeError(f"{name} must be an int or a pair of ints, not {value!r}")
    return int(first), int(second)


def output_size(n: int, f: int, *, padding: int = 0, stride: int = 1, dilation: int = 1) -> int:
    """Output length along one axis: ⌊(n + 2p − d(f−1) − 1)/s⌋ + 1.

    Parameters
    ----------
    n
        Input length.
    f
        Kernel length.
    padding
        Padding added on each side.
    stride
        Step between windows.
    dilation
        Spacing between kernel taps.

    Returns
    -------
    int
        The number of window positions, which is 0 or less when the kernel does not fit.
    """
    return (n + 2 * padding - dilation * (f - 1) - 1) // stride + 1


def resolve_padding(
    padding: PaddingSpec, kernel: Pair, dilation: Pair, stride: Pair
) -> tuple[int, int, int, int]:
    """Turn a padding spec into explicit ``(top, bottom, left, right)`` amounts.

    ``"same"`` puts the odd extra row/column at the bottom/right, as torch does.
    """
    if isinstance(padding, str):
        if padding not in PADDING_WORDS:
            raise UnknownPaddingError("padding", padding, PADDING_WORDS)
        if padding == "valid":
            return 0, 0, 0, 0
        totals = [d * (k - 1) for k, d in zip(kernel, dilation, strict=True)]
        if padding == "full":
            return totals[0], totals[0], totals[1], totals[1]
        if stride != (1, 1):
            raise SamePaddingStrideError(stride)
        (th, tw) = totals
        return th // 2, th - th // 2, tw // 2, tw - tw // 2
    ph, pw = as_pair(padding, "padding")
    for p in (ph, pw):
        if p < 0:
            raise NegativePaddingError(p)
    return ph, ph, pw, pw


def pad_index(n: int, before: int, after: int, mode: str) -> np.ndarray:
    """Source index in the input of every position along a padded axis.

    Parameters
    ----------
    n
        Input length.
    before, after
        Padding amounts.
    mode
        One of ``zeros``, ``reflect``, ``replicate``, ``circular``.

    Returns
    -------
    numpy.ndarray
        Integer array of length ``before + n + after``; ``-1`` marks a zero.
    """
    idx = np.arange(-before, n + after)
    if mode == "zeros":
        return np.where((idx >= 0) & (idx < n), idx, -1)
    if mode == "replicate":
        return np.clip(idx, 0, n - 1)
    if mode == "circular":
        return idx % n
    if mode == "reflect":
        if n == 1:
            return np.zeros_like(idx)
        period = 2 * (n - 1)
        folded = idx % period
        return np.where(folded < n, folded, period - folded)
    raise UnknownPaddingError("padding mode", mode, PADDING_MODES)


@dataclass(frozen=True)
class ConvGeometry:
    """Every shape and amount of one convolution, validated.

    Attributes
    ----------
    in_channels, in_height, in_width
        Input shape.
    out_channels, kernel_height, kernel_width
        Kernel shape; each kernel has ``in_channels // groups`` slices.
    groups
        Channel groups.
    stride, dilation
        ``(h, w)`` pairs.
    pad_top, pad_bottom, pad_left, pad_right
        Explicit padding.
    padding_mode
        How padded cells get their values.
    has_bias
        Whether a bias is added.
    """

    in_channels: int
    in_height: int
    in_width: int
    out_channels: int
    kernel_height: int
    kernel_width: int
    groups: int
    stride: Pair
    dilation: Pair
    pad_top: int
    pad_bottom: int
    pad_left: int
    pad_right: int
    padding_mode: str
    has_bias: bool = False

    @property
    def padded_height(self) -> int:
        return self.in_height + self.pad_top + self.pad_bottom

    @property
    def padded_width(self) -> int:
        return self.in_width + self.pad_left + self.pad_right

    @property
    def extent(self) -> Pair:
        """Rows and columns one dilated window spans."""
        return (
            self.dilation[0] * (self.kernel_height - 1) + 1,
            self.dilation[1] * (self.kernel_width - 1) + 1,
        )

    @property
    def out_height(self) -> int:
        return (self.padded_height - self.extent[0]) // self.stride[0] + 1

    @property
    def out_width(self) -> int:
        return (self.padded_width - self.extent[1]) // self.stride[1] + 1

    @property
    def output_shape(self) -> tuple[int, int, int]:
        return self.out_channels, self.out_height, self.out_width

    @property
    def channels_per_group(self) -> int:
        return self.in_channels // self.groups

    @property
    def kernels_per_group(self) -> int:
        return self.out_channels // self.groups

    @property
    def n_steps(self) -> int:
        """One step per output value."""
        return self.out_channels * self.out_height * self.out_width

    @property
    def parameters(self) -> int:
        """Weights, plus one bias per kernel when there is a bias."""
        weights = (
            self.out_channels * self.channels_per_group * self.kernel_height * self.kernel_width
        )
        return weights + (self.out_channels if self.has_bias else 0)

    @property
    def macs_per_output(self) -> int:
        """Multiply-accumulates for one output value."""
        return self.channels_per_group * self.kernel_height * self.kernel_width

    @property
    def macs(self) -> int:
        """Multiply-accumulates for the whole output."""
        return self.n_steps * self.macs_per_output

    def input_channels_of(self, out_channel: int) -> range:
        """Input channels that kernel *out_channel* sees."""
        group = out_channel // self.kernels_per_group
        size = self.channels_per_group
        return range(group * size, (group + 1) * size)

    def row_index(self) -> np.ndarray:
        """Source input row of every padded row (``-1`` for a zero)."""
        return pad_index(self.in_height, self.pad_top, self.pad_bottom, self.padding_mode)

    def col_index(self) -> np.ndarray:
        """Source input column of every padded column (``-1`` for a zero)."""
        return pad_index(self.in_width, self.pad_left, self.pad_right, self.padding_mode)

    def unreached(self, axis: int) -> np.ndarray:
        """Input rows (axis 0) or columns (axis 1) that no window touches."""
        n = (self.in_height, self.in_width)[axis]
        before = (self.pad_top, self.pad_left)[axis]
        count = (self.out_height, self.out_width)[axis]
        taps = (self.kernel_height, self.kernel_width)[axis]
        starts = np.arange(count) * self.stride[axis]
        touched = (starts[:, None] + np.arange(taps)[None, :] * self.dilation[axis]).ravel()
        reached = np.zeros(n, dtype=bool)
        inside = touched[(touched >= before) & (touched < before + n)] - before
        reached[inside] = True
        return np.flatnonzero(~reached)


def standard_shapes(
    x_shape: tuple[int, ...], w_shape: tuple[int, ...]
) -> tuple[tuple[int, int, int], tuple[int, int, int, int]]:
    """Map the accepted input and weight shapes to (C, H, W) and (O, C/g, kH, kW)."""
    if len(x_shape) == 2:
        x3 = (1, *x_shape)
    elif len(x_shape) == 3:
        x3 = x_shape
    else:
        raise ShapeError("input", x_shape, "H×W or C×H×W")
    if len(w_shape) == 2:
        w4 = (1, 1, *w_shape)
    elif len(w_shape) == 3:
        w4 = (1, *w_shape)
    elif len(w_shape) == 4:
        w4 = w_shape
    else:
        raise ShapeError("kernel", w_shape, "kH×kW, C×kH×kW or O×C×kH×kW")
    if min(x3) < 1:
        raise ShapeError("input", x_shape, "at least 1 in every dimension")
    if min(w4) < 1:
        raise ShapeError("kernel", w_shape, "at least 1 in every dimension")
    return (int(x3[0]), int(x3[1]), int(x3[2])), (
        int(w4[0]),
        int(w4[1]),
        int(w4[2]),
        int(w4[3]),
    )


def plan(
    x_shape: tuple[int, ...],
    w_shape: tuple[int, ...],
    *,
    stride: IntOrPair = 1,
    padding: PaddingSpec = 0,
    dilation: IntOrPair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    bias_length: int | None = None,
) -> ConvGeometry:
    """Validate settings against shapes and return the convolution's geometry.

    Raises
    ------
    ConvSettingsError
        A subclass that names the impossible setting and carries its numbers.
    """
    (c_in, h, w), (c_out, depth, kh, kw) = standard_shapes(x_shape, w_shape)
    s = as_pair(stride, "stride")
    d = as_pair(dilation, "dilation")
    for value in s:
        if value < 1:
            raise InvalidStrideError(value)
    for value in d:
        if value < 1:
            raise InvalidDilationError(value)
    if padding_mode not in PADDING_MODES:
        raise UnknownPaddingError("padding mode", padding_mode, PADDING_MODES)
    top, bottom, left, right = resolve_padding(padding, (kh, kw), d, s)
    if groups < 1 or c_in % groups or c_out % groups:
        raise GroupsError(c_in, c_out, groups)
    if depth * groups != c_in:
        raise ChannelMismatchError(c_in, depth, groups)
    if bias_length is not None and bias_length != c_out:
        raise BiasShapeError(c_out, bias_length)
    if padding_mode in ("reflect", "circular"):
        for axis, (size, amounts) in enumerate(((h, (top, bottom)), (w, (left, right)))):
            for amount in amounts:
                too_big = amount >= size if padding_mode == "reflect" else amount > size
                if too_big:
                    raise PaddingTooLargeError(padding_mode, axis, amount, size)
    geometry = ConvGeometry(
        in_channels=c_in,
        in_height=h,
        in_width=w,
        out_channels=c_out,
        kernel_height=kh,
        kernel_width=kw,
        groups=groups,
        stride=s,
        dilation=d,
        pad_top=top,
        pad_bottom=bottom,
        pad_left=left,
        pad_right=right,
        padding_mode=padding_mode,
        has_bias=bias_length is not None,
    )
    for axis, padded in enumerate((geometry.padded_height, geometry.padded_width)):
        if geometry.extent[axis] > padded:
            raise KernelTooLargeError(axis, padded, geometry.extent[axis], d[axis])
    padded_cells = c_in * geometry.padded_height * geometry.padded_width
    if padded_cells > MAX_CELLS:
        raise TooLargeError("padded input", padded_cells, MAX_CELLS)
    if geometry.n_steps > MAX_CELLS:
        raise TooLargeError("output", geometry.n_steps, MAX_CELLS)
    return geometry
