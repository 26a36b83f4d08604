"""Weight sharing and local connection: which cells meet which weights, and how often.

Every function works on the geometry alone (no values). Along each axis the windows'
taps form a small 0/1 matrix (window × padded position); a window's cells are the
product of its rows and its columns, so every 2-D count is an outer product of two
axis counts. Padded coordinates are those of the padded input; an *input value* is a
cell of the input itself, which padding modes other than zeros copy into the padding:
its counts include the uses of its copies.
"""

from __future__ import annotations

import numpy as np

from .geometry import ConvGeometry

IntArray = np.ndarray  # int64 counts
BoolArray = np.ndarray


def _axis(g: ConvGeometry, axis: int) -> tuple[int, int, int, int, int]:
    """(windows, stride, taps, dilation, padded length) along *axis*."""
    if axis == 0:
        return g.out_height, g.stride[0], g.kernel_height, g.dilation[0], g.padded_height
    return g.out_width, g.stride[1], g.kernel_width, g.dilation[1], g.padded_width


def _tap_positions(g: ConvGeometry, axis: int) -> IntArray:
    """``(windows, taps)``: the padded position of each tap of each window."""
    n_out, stride, taps, dilation, _ = _axis(g, axis)
    return np.arange(n_out)[:, None] * stride + np.arange(taps)[None, :] * dilation


def _reads(g: ConvGeometry, axis: int) -> IntArray:
    """``(windows, padded length)``: 1 where a window has a tap on a padded position."""
    n_out, *_, padded = _axis(g, axis)
    reads = np.zeros((n_out, padded), dtype=np.int64)
    positions = _tap_positions(g, axis)
    reads[np.arange(n_out)[:, None], positions] = 1  # distinct taps: never twice
    return reads


def _sources(g: ConvGeometry, axis: int) -> IntArray:
    """``(padded length, input length)``: 1 where a padded position holds an input value."""
    index = g.row_index() if axis == 0 else g.col_index()
    n = g.in_height if axis == 0 else g.in_width
    sources = np.zeros((index.size, n), dtype=np.int64)
    real = index >= 0  # -1: a zero of zero padding, no input value
    sources[np.flatnonzero(real), index[real]] = 1
    return sources


def _kernels_seeing(g: ConvGeometry, out_channel: int | None) -> IntArray:
    """``(C_in,)``: how many of the kernels considered see each input channel."""
    if out_channel is None:
        return np.full(g.in_channels, g.kernels_per_group, dtype=np.int64)
    seen = np.zeros(g.in_channels, dtype=np.int64)
    channels = g.input_channels_of(out_channel)
    seen[channels.start : channels.stop] = 1
    return seen


def _check_kernel(g: ConvGeometry, out_channel: int | None) -> None:
    if out_channel is not None and not 0 <= out_channel < g.out_channels:
        raise IndexError(f"kernel {out_channel} is outside 0..{g.out_channels - 1}")


def window_counts(g: ConvGeometry, out_channel: int | None = None) -> IntArray:
    """In how many windows each padded cell takes part.

    Parameters
    ----------
    g
        The convolution's geometry.
    out_channel
        Count the windows of this kernel only (0 on the channels it does not see);
        ``None`` counts every window of the run, kernel after kernel.

    Returns
    -------
    numpy.ndarray
        int64, ``(C_in, padded height, padded width)``. Padding cells count too: they
        are multiplied like any other.
    """
    _check_kernel(g, out_channel)
    plane = np.outer(_reads(g, 0).sum(axis=0), _reads(g, 1).sum(axis=0))
    return _kernels_seeing(g, out_channel)[:, None, None] * plane[None]


def input_window_counts(g: ConvGeometry, out_channel: int | None = None) -> IntArray:
    """In how many windows each input value takes part, itself or through a copy in padding.

    On the worked example (6×6, 3×3, stride 1, no padding) a corner takes part in 1
    window and a middle cell in 9: no padding uses the edges less.

    Parameters
    ----------
    g
        The convolution's geometry.
    out_channel
        As for :func:`window_counts`.

    Returns
    -------
    numpy.ndarray
        int64, ``(C_in, H, W)``. A window that reads a value twice (a value and its
        copy in replicate padding) counts once.
    """
    _check_kernel(g, out_channel)
    rows = (_reads(g, 0) @ _sources(g, 0) > 0).sum(axis=0)
    cols = (_reads(g, 1) @ _sources(g, 1) > 0).sum(axis=0)
    return _kernels_seeing(g, out_channel)[:, None, None] * np.outer(rows, cols)[None]


def _tap_reads(g: ConvGeometry, axis: int, tap: int) -> IntArray:
    """``(padded length,)``: how many windows put *tap* on each padded position."""
    *_, padded = _axis(g, axis)
    return np.bincount(_tap_positions(g, axis)[:, tap], minlength=padded)


def _weight_channel(g: ConvGeometry, out_channel: int, depth: int) -> int:
    _check_kernel(g, out_channel)
    if not 0 <= depth < g.channels_per_group:
        raise IndexError(f"slice {depth} is outside 0..{g.channels_per_group - 1}")
    return g.input_channels_of(out_channel).start + depth


def weight_cells(g: ConvGeometry, out_channel: int, depth: int, i: int, j: int) -> IntArray:
    """How many times tap ``(i, j)`` of slice *depth* of a kernel lies on each padded cell.

    Weight sharing: the one weight at that tap multiplies every one of these cells,
    one window after another.

    Parameters
    ----------
    g
        The convolution's geometry.
    out_channel, depth
        The kernel and its slice (the slice's input channel is the only one met).
    i, j
        The tap, in the kernel as it slides (flipped first for a true convolution).

    Returns
    -------
    numpy.ndarray
        int64, ``(C_in, padded height, padded width)``, 0 or 1 (distinct windows put
        a tap on distinct cells).
    """
    channel = _weight_channel(g, out_channel, depth)
    out = np.zeros((g.in_channels, g.padded_height, g.padded_width), dtype=np.int64)
    out[channel] = np.outer(_tap_reads(g, 0, i), _tap_reads(g, 1, j))
    return out


def weight_uses(g: ConvGeometry, out_channel: int, depth: int, i: int, j: int) -> IntArray:
    """How many times the weight at tap ``(i, j)`` multiplies each input value over the run.

    Parameters
    ----------
    g, out_channel, depth, i, j
        As for :func:`weight_cells`.

    Returns
    -------
    numpy.ndarray
        int64, ``(C_in, H, W)``: 0 or 1 with zero padding, more where other padding
        modes put copies of a value under the same tap.
    """
    channel = _weight_channel(g, out_channel, depth)
    out = np.zeros((g.in_channels, g.in_height, g.in_width), dtype=np.int64)
    rows = _tap_reads(g, 0, i) @ _sources(g, 0)
    cols = _tap_reads(g, 1, j) @ _sources(g, 1)
    out[channel] = np.outer(rows, cols)
    return out


def weight_cell_at(
    g: ConvGeometry, step: int, out_channel: int, depth: int, i: int, j: int
) -> tuple[int, int, int] | None:
    """The padded cell ``(channel, row, column)`` that tap ``(i, j)`` multiplies at *step*.

    Returns
    -------
    tuple of int or None
        ``None`` when *step* belongs to another kernel: this weight is idle then.
    """
    channel = _weight_channel(g, out_channel, depth)
    if not 0 <= step < g.n_steps:
        raise IndexError(f"step {step} is outside 0..{g.n_steps - 1}")
    kernel, rest = divmod(step, g.out_height * g.out_width)
    if kernel != out_channel:
        return None
    row, col = divmod(rest, g.out_width)
    return (
        channel,
        row * g.stride[0] + i * g.dilation[0],
        col * g.stride[1] + j * g.dilation[1],
    )


def _outputs(g: ConvGeometry, channel: int, rows: IntArray, cols: IntArray) -> BoolArray:
    if not 0 <= channel < g.in_channels:
        raise IndexError(f"channel {channel} is outside 0..{g.in_channels - 1}")
    plane = np.outer(rows > 0, cols > 0)
    group = channel // g.channels_per_group
    seeing = np.zeros(g.out_channels, dtype=bool)
    seeing[group * g.kernels_per_group : (group + 1) * g.kernels_per_group] = True
    return seeing[:, None, None] & plane[None]


def outputs_of_cell(g: ConvGeometry, channel: int, row: int, col: int) -> BoolArray:
    """The output cells whose window covers padded cell ``(channel, row, col)``.

    Local connection: an output value depends on the few cells under its window only.

    Returns
    -------
    numpy.ndarray
        bool, ``(C_out, H_out, W_out)``; only the maps of kernels that see *channel*.
    """
    return _outputs(g, channel, _reads(g, 0)[:, row], _reads(g, 1)[:, col])


def outputs_of_input(g: ConvGeometry, channel: int, row: int, col: int) -> BoolArray:
    """The output cells whose window reads input value ``(channel, row, col)``.

    As :func:`outputs_of_cell`, in input coordinates, and through copies in padding too.
    """
    rows = (_reads(g, 0) @ _sources(g, 0))[:, row]
    cols = (_reads(g, 1) @ _sources(g, 1))[:, col]
    return _outputs(g, channel, rows, cols)
