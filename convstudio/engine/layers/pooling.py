"""Max and average pooling with the semantics of ``torch.nn.functional.max_pool2d``/``avg_pool2d``.

Sizes follow torch's ``pooling_output_shape``: ⌊(n + 2p − d(k−1) − 1 + (s−1 if ceil)) / s⌋ + 1,
and in ceil mode a last window that would start in the right/bottom padding is dropped.
Padding may be at most half the window (torch refuses more). Max pooling never picks a
padding cell; average pooling divides by the window's cells inside the padded input
(``count_include_pad``) or inside the input only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import AXIS_WORDS, InvalidDilationError, InvalidStrideError, plural
from ..geometry import IntOrPair, Pair, as_pair
from .base import (
    Cell,
    Gradients,
    LayerSettingsError,
    LayerStep,
    Progress,
    Shape,
    Window,
    as_map,
    cell_of,
    check_parameter_names,
)

POOLS: tuple[str, ...] = ("max_pool2d", "avg_pool2d")


class PoolKernelSizeError(LayerSettingsError):
    """A pooling window below 1."""

    def __init__(self, kernel_size: int) -> None:
        self.kernel_size = kernel_size
        super().__init__(f"The pooling window must be at least 1, not {kernel_size}.")


class PoolPaddingError(LayerSettingsError):
    """Padding over half the pooling window (torch refuses it)."""

    def __init__(self, axis: int, padding: int, kernel_size: int) -> None:
        self.axis = axis
        self.padding = padding
        self.kernel_size = kernel_size
        super().__init__(
            f"The padding of {padding} {AXIS_WORDS[axis]} is more than half the window of "
            f"{kernel_size}: padding may be at most {kernel_size // 2}."
        )


class PoolTooSmallError(LayerSettingsError):
    """The window does not fit in the (padded) input: no output cell."""

    def __init__(self, axis: int, input_size: int, extent: int, padding: int) -> None:
        self.axis = axis
        self.input_size = input_size
        self.extent = extent
        self.padding = padding
        word = AXIS_WORDS[axis]
        padded = f" ({input_size + 2 * padding} with padding)" if padding else ""
        super().__init__(
            f"The input has {plural(input_size, word[:-1])}{padded}, fewer than the window's "
            f"{extent}: no window fits."
        )


class PoolEmptyWindowError(LayerSettingsError):
    """A dilated window that reads only padding (torch would give −inf there)."""

    def __init__(self, axis: int, position: int) -> None:
        self.axis = axis
        self.position = position
        super().__init__(
            f"Window {position + 1} along the {AXIS_WORDS[axis]} reads only padding: use less "
            "padding or a smaller dilation."
        )


def pool_output_size(
    size: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool
) -> int:
    """torch's ``pooling_output_shape`` along one axis (can be 0 or less: nothing fits)."""
    numerator = size + 2 * padding - dilation * (kernel - 1) - 1 + (stride - 1 if ceil_mode else 0)
    out = numerator // stride + 1  # floor division, as torch's div_rtn
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1  # the last window must start inside the input or the left padding
    return out


@dataclass(frozen=True)
class Pool2d:
    """Max or average pooling over each channel.

    Parameters
    ----------
    kind
        ``"max_pool2d"`` or ``"avg_pool2d"``.
    kernel_size
        The window, an int or ``(rows, cols)``.
    stride
        ``None`` for the window's size (torch's default), else an int or a pair.
    padding
        Each side, at most half the window.
    dilation
        Spacing of the window's cells (max pooling only; torch's avg_pool2d has none).
    ceil_mode
        Round the output size up, keeping a last partial window that starts in the input.
    count_include_pad
        Average pooling: count padding cells in the divisor.
    """

    kind: str
    kernel_size: IntOrPair
    stride: IntOrPair | None = None
    padding: IntOrPair = 0
    dilation: IntOrPair = 1
    ceil_mode: bool = False
    count_include_pad: bool = True

    def __post_init__(self) -> None:
        if self.kind not in POOLS:
            raise ValueError(f"unknown pooling {self.kind!r}; use one of {POOLS}")
        if self.kind == "avg_pool2d" and as_pair(self.dilation, "dilation") != (1, 1):
            raise ValueError("avg_pool2d has no dilation")

    # -- geometry -------------------------------------------------------------------------

    def window(self) -> Window:
        """The window's geometry; checks the settings that need no input."""
        kernel = as_pair(self.kernel_size, "kernel_size")
        stride = kernel if self.stride is None else as_pair(self.stride, "stride")
        padding = as_pair(self.padding, "padding")
        dilation = as_pair(self.dilation, "dilation")
        for value in kernel:
            if value < 1:
                raise PoolKernelSizeError(value)
        for value in stride:
            if value < 1:
                raise InvalidStrideError(value)
        for value in dilation:
            if value < 1:
                raise InvalidDilationError(value)
        for axis in (0, 1):
            if padding[axis] < 0 or padding[axis] > kernel[axis] // 2:
                raise PoolPaddingError(axis, padding[axis], kernel[axis])
        return Window(kernel=kernel, stride=stride, padding=padding, dilation=dilation)

    def output_shape(self, input_shape: Shape) -> Shape:
        """``(C, H_out, W_out)``, or a :class:`LayerSettingsError` with the numbers."""
        w = self.window()
        sizes = []
        for axis in (0, 1):
            size = input_shape[1 + axis]
            out = pool_output_size(
                size, w.kernel[axis], w.stride[axis], w.padding[axis], w.dilation[axis],
                self.ceil_mode,
            )  # fmt: skip
            if out < 1:
                extent = w.dilation[axis] * (w.kernel[axis] - 1) + 1
                raise PoolTooSmallError(axis, size, extent, w.padding[axis])
            taps = self._positions(axis, out, w)
            empty = np.flatnonzero(((taps < 0) | (taps >= size)).all(axis=1))
            if empty.size:
                raise PoolEmptyWindowError(axis, int(empty[0]))
            sizes.append(out)
        return input_shape[0], sizes[0], sizes[1]

    def _positions(self, axis: int, out: int, w: Window) -> np.ndarray:
        """``(out, taps)``: the input position of each tap of each window (may be outside)."""
        starts = np.arange(out) * w.stride[axis] - w.padding[axis]
        return starts[:, None] + np.arange(w.kernel[axis])[None, :] * w.dilation[axis]

    def _divisors(self, size: Pair, out: Pair, w: Window) -> np.ndarray:
        """``(H_out, W_out)``: what each average divides by, as torch's kernel computes it."""
        counts = []
        for axis in (0, 1):
            start = np.arange(out[axis]) * w.stride[axis] - w.padding[axis]
            end = np.minimum(start + w.kernel[axis], size[axis] + w.padding[axis])
            if self.count_include_pad:
                counts.append(end - start)
            else:
                counts.append(np.minimum(end, size[axis]) - np.maximum(start, 0))
        return counts[0][:, None] * counts[1][None, :]

    # -- forward --------------------------------------------------------------------------

    def _taps(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, Window]:
        """(padded input, window rows, window columns, window) with rows/columns in padded
        coordinates; padding holds the neutral value (−inf for max, 0 for a sum)."""
        c, h, wd = x.shape
        _, ho, wo = self.output_shape((c, h, wd))
        w = self.window()
        rows, cols = self._positions(0, ho, w), self._positions(1, wo, w)
        fill = -np.inf if self.kind == "max_pool2d" else 0.0
        # Pad as far as any window reaches (ceil mode may reach past the padding).
        before = (max(0, -int(rows.min())), max(0, -int(cols.min())))
        after = (max(0, int(rows.max()) - h + 1), max(0, int(cols.max()) - wd + 1))
        padded = np.full((c, h + before[0] + after[0], wd + before[1] + after[1]), fill)
        padded[:, before[0] : before[0] + h, before[1] : before[1] + wd] = x
        return padded, rows + before[0], cols + before[1], w

    def _max_and_winner(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The max of every window and the padded (row, column) of the first largest cell."""
        padded, rows, cols, _ = self._taps(x)
        c, ho, wo = x.shape[0], rows.shape[0], cols.shape[0]
        out = np.full((c, ho, wo), -np.inf)
        win_row = np.zeros((c, ho, wo), dtype=np.intp)
        win_col = np.zeros((c, ho, wo), dtype=np.intp)
        for i in range(rows.shape[1]):
            for j in range(cols.shape[1]):
                tap = padded[:, rows[:, i][:, None], cols[:, j][None, :]]
                better = tap > out  # strictly: the first of equal values keeps the win
                out = np.where(better, tap, out)
                win_row = np.where(better, rows[:, i][None, :, None], win_row)
                win_col = np.where(better, cols[:, j][None, None, :], win_col)
        return out, win_row, win_col

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The pooled map, ``(C, H_out, W_out)``."""
        x = as_map(x)
        if self.kind == "max_pool2d":
            return self._max_and_winner(x)[0]
        padded, rows, cols, w = self._taps(x)
        out = np.zeros((x.shape[0], rows.shape[0], cols.shape[0]))
        for i in range(rows.shape[1]):
            for j in range(cols.shape[1]):
                out += padded[:, rows[:, i][:, None], cols[:, j][None, :]]
        mean: np.ndarray = out / self._divisors(x.shape[1:], out.shape[1:], w)
        return mean

    # -- steps ----------------------------------------------------------------------------

    def step_count(self, input_shape: Shape) -> int:
        """One step per output cell."""
        c, ho, wo = self.output_shape(input_shape)
        return c * ho * wo

    def step(self, x: np.ndarray, index: int) -> LayerStep:
        """Step *index*: one window's max or mean, with every cell it reads."""
        x = as_map(x)
        shape = (x.shape[0], x.shape[1], x.shape[2])
        out_shape = self.output_shape(shape)
        channel, row, col = cell_of(index, out_shape)
        w = self.window()
        rows = self._positions(0, out_shape[1], w)[row]
        cols = self._positions(1, out_shape[2], w)[col]
        reads: list[Cell | None] = []
        values: list[float] = []
        padding_value = -np.inf if self.kind == "max_pool2d" else 0.0
        for r in rows:
            for c in cols:
                inside = 0 <= r < shape[1] and 0 <= c < shape[2]
                reads.append((channel, int(r), int(c)) if inside else None)
                values.append(float(x[channel, r, c]) if inside else padding_value)
        if self.kind == "max_pool2d":
            winner = int(np.argmax(values))  # the first largest, as torch picks it
            return LayerStep(
                index=index,
                writes=((channel, row, col),),
                reads=tuple(reads),
                operation="max",
                values=tuple(values),
                result=values[winner],
                winner=winner,
            )
        divisor = int(self._divisors(shape[1:], out_shape[1:], w)[row, col])
        return LayerStep(
            index=index,
            writes=((channel, row, col),),
            reads=tuple(reads),
            operation="mean",
            values=tuple(values),
            result=float(sum(values)) / divisor,
            divisor=divisor,
        )

    def parameter_count(self, input_shape: Shape) -> int:
        """None: pooling learns nothing."""
        return 0

    def macs(self, input_shape: Shape) -> int:
        """None with learned weights (comparisons and sums are not counted)."""
        return 0

    # -- backward -------------------------------------------------------------------------

    def backward(self, x: np.ndarray, grad_output: np.ndarray) -> Gradients:
        """Max: each gradient goes to its window's winner. Mean: spread over the window."""
        x = as_map(x)
        grad_output = np.asarray(grad_output, dtype=np.float64)
        c, h, wd = x.shape
        if self.kind == "max_pool2d":
            _, win_row, win_col = self._max_and_winner(x)
            padded, *_ = self._taps(x)
            grad_padded = np.zeros(padded.shape)
            channels = np.broadcast_to(np.arange(c)[:, None, None], win_row.shape)
            np.add.at(grad_padded, (channels, win_row, win_col), grad_output)
        else:
            padded, rows, cols, w = self._taps(x)
            share = grad_output / self._divisors((h, wd), grad_output.shape[1:], w)
            grad_padded = np.zeros(padded.shape)
            channels = np.arange(c)[:, None, None]
            for i in range(rows.shape[1]):
                for j in range(cols.shape[1]):
                    taps = (channels, rows[:, i][None, :, None], cols[:, j][None, None, :])
                    np.add.at(grad_padded, taps, share)
        # The input sits at the same offset in every padded copy: cut the padding away.
        top, left = self.window().padding  # where _taps put the input
        return Gradients(input=grad_padded[:, top : top + h, left : left + wd].copy())

    def with_parameters(self, parameters: dict[str, np.ndarray]) -> Pool2d:
        """Itself: pooling has no parameters."""
        check_parameter_names(parameters, ())
        return self

    def progress(self, x: np.ndarray, done: int) -> Progress | None:
        """None: step *k* writes output cell *k*, finished."""
        return None
