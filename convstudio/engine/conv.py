"""2-D convolution (cross-correlation, as in deep learning) with numpy.

The arithmetic loops over the kernel's taps, never over output positions, a band of
output rows at a time so that the working set stays in cache. With one channel per
group each tap adds one weighted, strided view of the padded input (3-4x faster than
im2col here); with several, the taps' views form an im2col matrix per band that one
matmul multiplies by all the kernels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import DTypeLike

from .geometry import ConvGeometry, IntOrPair, PaddingSpec, plan

# Output rows are accumulated in bands of about this many bytes, and the im2col matrix
# of several channels is built in bands of about this many. Each tap of a band is two
# numpy calls that release the GIL; between them the loop holds it. At 512 KB a 4096-wide
# image of 5 maps took 6 rows a band, the GIL was held ~12% of the time, and a worker
# thread preempted while holding it froze the GUI thread for a scheduler's slice (10-25 ms
# on a loaded machine); at 2 MB the calls are 4x fewer, and measured no slower.
_BAND_BYTES = 2 * 1024 * 1024
_IM2COL_BYTES = 512 * 1024
# OpenBLAS splits a product of more multiply-adds than about this over its threads; on a
# loaded machine (the lecture hall's laptop, a shared CI) that made the float32 path up to
# 25x slower, measured here, while one thread never loses more than a few per cent.
_BLAS_WORK = 1 << 20


def pad(x: np.ndarray, geometry: ConvGeometry, dtype: DTypeLike = np.float64) -> np.ndarray:
    """Return the padded input, shape ``(C, H + top + bottom, W + left + right)``.

    Parameters
    ----------
    x
        Input of shape ``(C, H, W)``.
    geometry
        The validated geometry (padding amounts and mode).
    dtype
        The result's type (float64 unless a caller asks for float32).
    """
    g = geometry
    if g.pad_top == g.pad_bottom == g.pad_left == g.pad_right == 0:
        return np.array(x, dtype=dtype)  # a copy: callers may keep it
    if g.padding_mode == "zeros":
        # Preallocating and copying in is several times cheaper than np.pad on small grids.
        out = np.zeros((x.shape[0], g.padded_height, g.padded_width), dtype=dtype)
        out[:, g.pad_top : g.pad_top + g.in_height, g.pad_left : g.pad_left + g.in_width] = x
        return out
    rows = g.row_index()
    cols = g.col_index()
    return np.ascontiguousarray(x[:, rows[:, None], cols[None, :]], dtype=dtype)


def _padded_view(x: np.ndarray, g: ConvGeometry, dtype: DTypeLike = np.float64) -> np.ndarray:
    """The padded input for reading only: without padding, *x* itself (no copy)."""
    if g.pad_top == g.pad_bottom == g.pad_left == g.pad_right == 0:
        return x.astype(dtype, copy=False)
    return pad(x, g, dtype)


def _correlate(
    xp: np.ndarray,
    w: np.ndarray,
    g: ConvGeometry,
    dtype: DTypeLike = np.float64,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Cross-correlate padded input (C, Hp, Wp) with weights (O, C/g, kH, kW).

    Into *out* (``(O, H_out, W_out)`` of *dtype*, overwritten) when given, else a new
    array.

    Both paths loop over the kernel's taps, never over output positions, a band of
    output rows at a time so that the working set stays in cache:

    - one channel per group: each tap adds its weight times a strided view of the input
      (kH·kW vectorised multiply-adds, no copy of the input);
    - several: each tap's view is copied into one matrix (im2col, per band) that is
      multiplied by all the kernels at once, one BLAS call per band. Measured here this
      is twice as fast as a small matmul per tap, which re-reads the output every time.
    """
    groups, cg, og = g.groups, g.channels_per_group, g.kernels_per_group
    kh, kw = g.kernel_height, g.kernel_width
    ho, wo = g.out_height, g.out_width
    sh, sw = g.stride
    dh, dw = g.dilation
    itemsize = np.dtype(dtype).itemsize
    xg: np.ndarray = xp.reshape(groups, cg, g.padded_height, g.padded_width).astype(
        dtype, copy=False
    )
    wg: np.ndarray = w.reshape(groups, og, cg, kh, kw).astype(dtype, copy=False)
    if out is None:
        out = np.empty((g.out_channels, ho, wo), dtype=dtype)
    result = out
    out = out.reshape(groups, og, ho, wo)  # splitting an axis: always a view

    def views(r0: int, rows: int) -> Iterator[tuple[int, int, np.ndarray]]:
        """(i, j, the input under tap (i, j) for output rows r0..r0+rows), as views."""
        for i in range(kh):
            top = r0 * sh + i * dh
            row_slice = slice(top, top + (rows - 1) * sh + 1, sh)
            for j in range(kw):
                col_slice = slice(j * dw, j * dw + (wo - 1) * sw + 1, sw)
                yield i, j, xg[:, :, row_slice, col_slice]  # (groups, cg, rows, wo)

    if cg == 1:
        band = max(1, _BAND_BYTES // max(1, groups * og * wo * itemsize))
        scratch: np.ndarray = np.empty((groups, og, min(band, ho), wo), dtype=dtype)
        for r0 in range(0, ho, band):
            rows = min(ho, r0 + band) - r0
            acc = out[:, :, r0 : r0 + rows]
            tmp = scratch[:, :, :rows]
            for i, j, window in views(r0, rows):
                if i == j == 0:  # the first tap sets the band: no zeroing pass first
                    np.multiply(window, wg[:, :, :, 0, 0][:, :, :, None], out=acc)
                    continue
                np.multiply(window, wg[:, :, :, i, j][:, :, :, None], out=tmp)
                acc += tmp
        return result

    k = cg * kh * kw
    w_rows = wg.reshape(groups, og, k)
    sg, sc, sr, sx = xg.strides
    # Each product stays under _BLAS_WORK multiply-adds, where OpenBLAS uses one thread.
    span = max(1, _BLAS_WORK // max(1, og * k))  # output cells of one product
    band = max(1, min(_IM2COL_BYTES // max(1, groups * k * wo * itemsize), span // wo))
    # One buffer for every band: a fresh large array per band costs page faults.
    buffer: np.ndarray = np.empty(groups * k * min(band, ho) * wo, dtype=dtype)
    for r0 in range(0, ho, band):
        rows = min(ho, r0 + band) - r0
        cols = buffer[: groups * k * rows * wo].reshape(groups, cg, kh, kw, rows, wo)
        # Every tap's view at once, (groups, cg, kh, kw, rows, wo): one copy per band
        # rather than kh·kw (the calls cost as much as the copying on a 3×3 kernel).
        taps = np.lib.stride_tricks.as_strided(
            xg[:, :, r0 * sh :],
            shape=cols.shape,
            strides=(sg, sc, dh * sr, dw * sx, sh * sr, sw * sx),
            writeable=False,
        )
        np.copyto(cols, taps)
        flat = cols.reshape(groups, k, rows * wo)
        # The band's whole rows of the output, as a view: the product lands in place
        # (a copy only when a caller's *out* has rows that cannot be read as one).
        block = out[:, :, r0 : r0 + rows]
        target = block.reshape(groups, og, rows * wo)
        for c0 in range(0, rows * wo, span):
            np.matmul(w_rows, flat[:, :, c0 : c0 + span], out=target[:, :, c0 : c0 + span])
        if not np.may_share_memory(target, block):
            block[...] = target.reshape(block.shape)
    return result


def kernels_4d(w: np.ndarray) -> np.ndarray:
    """*w* as ``(C_out, C_in/groups, kH, kW)``: a 2-D kernel is one kernel of one slice, a
    3-D one a single kernel across channels (the forms :func:`conv2d` accepts)."""
    if w.ndim == 2:
        return w[None, None]
    if w.ndim == 3:
        return w[None]
    return w


def _standardise(x: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (x[None] if x.ndim == 2 else x), kernels_4d(w)


def conv2d(
    x: np.ndarray,
    w: np.ndarray,
    bias: np.ndarray | None = None,
    *,
    stride: IntOrPair = 1,
    padding: PaddingSpec = 0,
    dilation: IntOrPair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    flip: bool = False,
) -> np.ndarray:
    """2-D convolution with the semantics of ``torch.nn.functional.conv2d``.

    Like torch, this is cross-correlation: the kernel is not flipped (unless *flip*).

    Parameters
    ----------
    x
        Input, ``(H, W)`` or ``(C_in, H, W)``.
    w
        Weights: ``(kH, kW)``; ``(C_in, kH, kW)`` for one kernel across all channels;
        or ``(C_out, C_in/groups, kH, kW)``.
    bias
        ``None`` or one value per kernel.
    stride, dilation
        An int or an ``(h, w)`` pair, each at least 1.
    padding
        An int, an ``(h, w)`` pair, ``"valid"``, ``"same"`` (stride 1 only; an odd
        extra row/column goes at the bottom/right) or ``"full"`` (``d·(k−1)`` per side).
    groups
        Channel groups; must divide ``C_in`` and ``C_out``.
    padding_mode
        ``"zeros"``, ``"reflect"``, ``"replicate"`` or ``"circular"``.
    flip
        Flip each kernel left-right and top-bottom first: the convolution of
        mathematics and signal processing, rather than deep learning's cross-correlation.

    Returns
    -------
    numpy.ndarray
        float64, ``(H_out, W_out)`` when ``x`` and ``w`` are both 2-D, else
        ``(C_out, H_out, W_out)``.

    Raises
    ------
    ConvSettingsError
        When the settings are impossible for these shapes.
    """
    problem = ConvProblem(
        x,
        w,
        bias,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        padding_mode=padding_mode,
        flip=flip,
    )
    out = problem.compute()
    both_2d = np.ndim(x) == 2 and np.ndim(w) == 2
    return out[0] if both_2d else out


def correlate_padded(
    xp: np.ndarray,
    w: np.ndarray,
    bias: np.ndarray | None = None,
    *,
    stride: IntOrPair = 1,
    dilation: IntOrPair = 1,
    groups: int = 1,
    flip: bool = False,
    dtype: DTypeLike = np.float32,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Cross-correlate an input that is already padded, in the working type *dtype*.

    The arithmetic of :func:`conv2d`, without its conversions: an input of *dtype*
    (image mode's float32 bands) is read where it lies, never copied to float64 first,
    and the result can be written where the caller keeps it (*out*), with no band-sized
    temporary and copy.

    Parameters
    ----------
    xp
        The padded input, ``(C_in, H, W)``.
    w
        Weights, ``(C_out, C_in/groups, kH, kW)``.
    bias, stride, dilation, groups, flip
        As for :func:`conv2d`.
    dtype
        The working and result type.
    out
        Where to write the result (overwritten): ``(C_out, H_out, W_out)`` of *dtype*,
        a view into a larger array say; a new array when None.

    Returns
    -------
    numpy.ndarray
        ``(C_out, H_out, W_out)`` of *dtype*: *out* when given.

    Raises
    ------
    ConvSettingsError
        When the settings are impossible for these shapes.
    ValueError
        When *out* has another shape or type than the result.
    """
    g = plan(
        xp.shape,
        w.shape,
        stride=stride,
        dilation=dilation,
        groups=groups,
        bias_length=None if bias is None else np.size(bias),
    )
    weights = np.asarray(w, dtype=np.float64)
    if flip:
        weights = weights[:, :, ::-1, ::-1]
    if out is not None and (
        out.shape != (g.out_channels, g.out_height, g.out_width) or out.dtype != np.dtype(dtype)
    ):
        raise ValueError(
            f"out is {out.dtype} {out.shape}; the result is {np.dtype(dtype)} "
            f"{(g.out_channels, g.out_height, g.out_width)}"
        )
    out = _correlate(xp, weights, g, dtype, out)
    if bias is not None:
        out += np.asarray(bias, dtype=np.float64).reshape(-1)[:, None, None].astype(dtype)
    return out


@dataclass(frozen=True)
class StepDetail:
    """Everything one animation step shows: one output value and how it is made.

    Attributes
    ----------
    index
        Step number, 0-based; steps run over kernels, then rows, then columns.
    out_channel, out_row, out_col
        The output cell this step fills.
    in_channels
        Input channels this kernel sees (one per slice of ``values``).
    padded_rows, padded_cols
        Rows and columns of the receptive field in padded coordinates.
    input_rows, input_cols
        The input row/column each of those reads from; ``-1`` for a zero.
    is_padding
        ``(kH, kW)``: True where the cell lies outside the input.
    values, weights, products
        ``(C_in/groups, kH, kW)`` arrays.
    channel_sums
        Sum of products per input channel.
    bias
        The bias added (0 when there is none).
    total
        The output value.
    """

    index: int
    out_channel: int
    out_row: int
    out_col: int
    in_channels: tuple[int, ...]
    padded_rows: np.ndarray
    padded_cols: np.ndarray
    input_rows: np.ndarray
    input_cols: np.ndarray
    is_padding: np.ndarray
    values: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    channel_sums: np.ndarray
    bias: float
    total: float


class ConvProblem:
    """One convolution with its data, answering whole-output and per-step questions.

    Parameters
    ----------
    x, w, bias, stride, padding, dilation, groups, padding_mode, flip
        As for :func:`conv2d`.

    Raises
    ------
    ConvSettingsError
        When the settings are impossible for these shapes.
    """

    def __init__(
        self,
        x: np.ndarray,
        w: np.ndarray,
        bias: np.ndarray | None = None,
        *,
        stride: IntOrPair = 1,
        padding: PaddingSpec = 0,
        dilation: IntOrPair = 1,
        groups: int = 1,
        padding_mode: str = "zeros",
        flip: bool = False,
    ) -> None:
        x = np.asarray(x, dtype=np.float64)
        w = np.asarray(w, dtype=np.float64)
        b = None if bias is None else np.asarray(bias, dtype=np.float64).reshape(-1)
        self.geometry = plan(
            x.shape,
            w.shape,
            stride=stride,
            padding=padding,
            dilation=dilation,
            groups=groups,
            padding_mode=padding_mode,
            bias_length=None if b is None else b.size,
        )
        self._x, self._w = _standardise(x, w)
        if flip:
            self._w = self._w[:, :, ::-1, ::-1]
        self._bias = b
        self._rows = self.geometry.row_index()
        self._cols = self.geometry.col_index()
        self._output: np.ndarray | None = None

    @property
    def n_steps(self) -> int:
        """Number of steps: one per output value."""
        return self.geometry.n_steps

    def output(self) -> np.ndarray:
        """The whole output, ``(C_out, H_out, W_out)``, computed once and read-only."""
        if self._output is None:
            out = self.compute()
            out.flags.writeable = False
            self._output = out
        return self._output

    def compute(self, dtype: DTypeLike = np.float64) -> np.ndarray:
        """A new, writeable ``(C_out, H_out, W_out)`` output (``output()`` caches one).

        Parameters
        ----------
        dtype
            ``numpy.float64`` (exact enough for every lesson), or ``numpy.float32`` for
            a picture of a large image, about twice as fast.
        """
        xp = _padded_view(self._x, self.geometry, dtype)
        out = _correlate(xp, self._w, self.geometry, dtype)
        if self._bias is not None:
            out += self._bias[:, None, None].astype(dtype)
        return out

    def padded(self) -> np.ndarray:
        """The padded input, ``(C_in, Hp, Wp)``."""
        return pad(self._x, self.geometry)

    def cell_of_step(self, index: int) -> tuple[int, int, int]:
        """Output ``(channel, row, col)`` filled by step *index*."""
        g = self.geometry
        if not 0 <= index < g.n_steps:
            raise IndexError(f"step {index} is outside 0..{g.n_steps - 1}")
        channel, rest = divmod(index, g.out_height * g.out_width)
        row, col = divmod(rest, g.out_width)
        return channel, row, col

    def step_of_cell(self, channel: int, row: int, col: int) -> int:
        """Step number that fills output cell ``(channel, row, col)``."""
        g = self.geometry
        return (channel * g.out_height + row) * g.out_width + col

    def step(self, index: int) -> StepDetail:
        """Detail of step *index* (0-based), computed on demand."""
        g = self.geometry
        channel, row, col = self.cell_of_step(index)
        padded_rows = row * g.stride[0] + np.arange(g.kernel_height) * g.dilation[0]
        padded_cols = col * g.stride[1] + np.arange(g.kernel_width) * g.dilation[1]
        input_rows = self._rows[padded_rows]
        input_cols = self._cols[padded_cols]
        in_channels = g.input_channels_of(channel)
        zero = (input_rows[:, None] < 0) | (input_cols[None, :] < 0)
        values = self._x[in_channels.start : in_channels.stop][
            :, input_rows[:, None], input_cols[None, :]
        ]
        values = np.where(zero[None], 0.0, values)
        weights = self._w[channel]
        products = values * weights
        channel_sums = products.sum(axis=(1, 2))
        bias = 0.0 if self._bias is None else float(self._bias[channel])
        outside = (
            (padded_rows[:, None] < g.pad_top)
            | (padded_rows[:, None] >= g.pad_top + g.in_height)
            | (padded_cols[None, :] < g.pad_left)
            | (padded_cols[None, :] >= g.pad_left + g.in_width)
        )
        return StepDetail(
            index=index,
            out_channel=channel,
            out_row=row,
            out_col=col,
            in_channels=tuple(in_channels),
            padded_rows=padded_rows,
            padded_cols=padded_cols,
            input_rows=input_rows,
            input_cols=input_cols,
            is_padding=outside,
            values=values,
            weights=weights,
            products=products,
            channel_sums=channel_sums,
            bias=bias,
            total=float(channel_sums.sum() + bias),
        )
