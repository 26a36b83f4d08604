"""A convolution as a matrix, and its im2col form.

For one input channel ``c`` and one kernel (output channel) ``o`` of a convolution, the
matrix ``M`` gives ``vec(output[o]) = M · vec(input[c])`` plus the other channels' share
and the bias; rows and columns run over the cells in row-major order. A transposed
convolution's matrix is the transpose of the matrix of the convolution with the same
kernel, stride, padding and dilation (:func:`transposed_matrix`).

Two constructions, tested against each other:

- the direct one (:func:`layer_matrix`): every output cell, every tap of the kernel, the
  input cell that tap reads (padding reads none, or copies a cell for the other modes);
- the generic one (:func:`matrix_from_forward`): the layer's forward pass on each basis map
  (one cell 1, the rest 0), bias removed; it works for any linear layer.

im2col (:func:`layer_im2col`) is how libraries compute a convolution: one row per output
cell holding its window's values (the input channels of the kernel's group, then window
rows, then columns: the order of a step's terms), times the kernel as a vector.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import ConvSettingsError
from .geometry import as_pair, pad_index
from .layers.base import Layer, Shape, as_map

#: The layer types that have a matrix here.
MATRIX_KINDS = ("conv2d", "conv_transpose2d")


class NoMatrixError(ConvSettingsError):
    """A layer that is not a convolution (keeps its ``kind``)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"a {kind} layer has no matrix: only convolutions are shown as one")


@dataclass(frozen=True)
class Im2col:
    """One kernel's im2col form: ``windows @ kernel`` is its output, bias removed.

    Attributes
    ----------
    windows
        ``(H_out·W_out, C_g·kH·kW)``: one row per output cell (row-major), its window's
        values (padding and inserted zeros as read: 0 for zeros padding), over the input
        channels of the kernel's group, then the window's rows, then its columns.
    kernel
        ``(C_g·kH·kW,)``: the weights in the same order, as applied (a true convolution's
        and a transposed convolution's kernel flipped).
    channels
        The input channels of the columns, in order (``kH·kW`` columns each).
    kernel_size
        ``(kH, kW)``: a channel's columns are the window's rows of ``kW``.
    """

    windows: np.ndarray
    kernel: np.ndarray
    channels: tuple[int, ...]
    kernel_size: tuple[int, int] = (1, 1)

    @property
    def output(self) -> np.ndarray:
        """``windows @ kernel``: the kernel's output map flattened, without its bias."""
        result: np.ndarray = self.windows @ self.kernel
        return result


def _conv_taps(
    n: int, before: int, after: int, k: int, stride: int, dilation: int, mode: str
) -> np.ndarray:
    """``(n_out, k)``: the input position tap *i* of output position *r* reads (−1: a zero
    of zero padding), along one axis of a convolution."""
    n_out = (n + before + after - dilation * (k - 1) - 1) // stride + 1
    padded = pad_index(n, before, after, mode)
    positions = np.arange(n_out)[:, None] * stride + np.arange(k)[None, :] * dilation
    taps: np.ndarray = padded[positions]
    return taps


def _gather_taps(
    n: int, n_out: int, k: int, stride: int, padding: int, dilation: int
) -> np.ndarray:
    """``(n_out, k)``: the input position tap *i* of a transposed convolution's gather form
    reads at output position *r* (−1: an inserted zero or padding).

    The gather form reads the input with ``stride − 1`` zeros between its cells and
    ``dilation·(k − 1) − padding`` of padding (negative: cropped), at stride 1, with the
    kernel flipped: stuffed position ``q = r − that padding + i·dilation`` is input cell
    ``q / stride`` when that divides exactly and is inside.
    """
    before = dilation * (k - 1) - padding
    q = np.arange(n_out)[:, None] - before + np.arange(k)[None, :] * dilation
    source = np.floor_divide(q, stride)
    inside = (q >= 0) & (q % stride == 0) & (source < n)
    taps: np.ndarray = np.where(inside, source, -1)
    return taps


def _taps_matrix(
    rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, in_hw: tuple[int, int]
) -> np.ndarray:
    """The matrix of a kernel *weights* (as applied) whose taps read *rows* × *cols*."""
    ho, kh = rows.shape
    wo, kw = cols.shape
    h, w = in_hw
    matrix = np.zeros((ho * wo, h * w))
    r = rows[:, None, :, None]  # (ho, 1, kh, 1)
    c = cols[None, :, None, :]  # (1, wo, 1, kw)
    out = np.arange(ho)[:, None, None, None] * wo + np.arange(wo)[None, :, None, None]
    shape = (ho, wo, kh, kw)
    r, c, out = (np.broadcast_to(a, shape) for a in (r, c, out))
    weight = np.broadcast_to(weights[None, None], shape)
    read = (r >= 0) & (c >= 0)
    # Other padding modes copy an input cell into several padded places: the weights add.
    np.add.at(matrix, (out[read], r[read] * w + c[read]), weight[read])
    return matrix


def conv_matrix(
    kernel: np.ndarray,
    in_hw: tuple[int, int],
    *,
    stride: Any = 1,
    padding: tuple[int, int, int, int] = (0, 0, 0, 0),
    dilation: Any = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """The matrix of a 2-D convolution (cross-correlation) of one channel by *kernel*.

    Parameters
    ----------
    kernel
        ``(kH, kW)``, as applied (already flipped for a true convolution).
    in_hw
        The input's rows and columns.
    stride, dilation
        An int or a ``(rows, columns)`` pair.
    padding
        ``(top, bottom, left, right)``.
    padding_mode
        ``zeros``, ``reflect``, ``replicate`` or ``circular``.

    Returns
    -------
    numpy.ndarray
        ``(H_out·W_out, H·W)``.
    """
    kernel = np.asarray(kernel, dtype=np.float64)
    (sh, sw), (dh, dw) = as_pair(stride, "stride"), as_pair(dilation, "dilation")
    top, bottom, left, right = padding
    kh, kw = kernel.shape
    rows = _conv_taps(in_hw[0], top, bottom, kh, sh, dh, padding_mode)
    cols = _conv_taps(in_hw[1], left, right, kw, sw, dw, padding_mode)
    return _taps_matrix(rows, cols, kernel, in_hw)


def transposed_output_size(
    n: int, k: int, stride: int, padding: int, dilation: int, output_padding: int
) -> int:
    """A transposed convolution's output length: (n − 1)·s − 2p + d·(k − 1) + op + 1."""
    return (n - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1


def transposed_matrix(
    kernel: np.ndarray,
    in_hw: tuple[int, int],
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    output_padding: Any = 0,
) -> np.ndarray:
    """The matrix of a transposed convolution of one channel by *kernel*, from its gather
    form (the stuffed, padded input convolved with the kernel flipped).

    It is the transpose of :func:`conv_matrix` of the same kernel, stride, padding and
    dilation on an input of this one's output size (``output_padding`` only adds rows
    and columns that the convolution's windows do not reach).

    Returns
    -------
    numpy.ndarray
        ``(H_out·W_out, H·W)``.
    """
    kernel = np.asarray(kernel, dtype=np.float64)
    pairs = [
        as_pair(v, name)
        for v, name in (
            (stride, "stride"),
            (padding, "padding"),
            (dilation, "dilation"),
            (output_padding, "output_padding"),
        )
    ]
    (sh, sw), (ph, pw), (dh, dw), (oh, ow) = pairs
    kh, kw = kernel.shape
    h, w = in_hw
    ho = transposed_output_size(h, kh, sh, ph, dh, oh)
    wo = transposed_output_size(w, kw, sw, pw, dw, ow)
    rows = _gather_taps(h, ho, kh, sh, ph, dh)
    cols = _gather_taps(w, wo, kw, sw, pw, dw)
    return _taps_matrix(rows, cols, kernel[::-1, ::-1], in_hw)


# ------------------------------------------------------------ layers


def _groups(layer: Layer, in_channels: int) -> tuple[int, int, int]:
    """``(groups, input channels per group, output channels per group)``."""
    kernels = np.asarray(getattr(layer, "kernels"))  # noqa: B009
    groups = int(getattr(layer, "groups", 1))
    if layer.kind == "conv2d":
        return groups, in_channels // groups, kernels.shape[0] // groups
    return groups, in_channels // groups, kernels.shape[1]  # (C_in, C_out/groups, kH, kW)


def _check_kind(layer: Layer) -> None:
    if layer.kind not in MATRIX_KINDS:
        raise NoMatrixError(layer.kind)


def kernel_count(layer: Layer, input_shape: Shape) -> int:
    """How many kernels (output channels) *layer* has: the matrices' choices of ``kernel``."""
    _check_kind(layer)
    return layer.output_shape(input_shape)[0]


def group_channels(layer: Layer, input_shape: Shape, kernel: int) -> range:
    """The input channels kernel (output channel) *kernel* reads."""
    _check_kind(layer)
    _, per_group, outs = _groups(layer, input_shape[0])
    group = kernel // outs
    return range(group * per_group, (group + 1) * per_group)


def group_kernels(layer: Layer, input_shape: Shape, channel: int) -> range:
    """The kernels (output channels) that read input *channel*."""
    _check_kind(layer)
    _, per_group, outs = _groups(layer, input_shape[0])
    group = channel // per_group
    return range(group * outs, (group + 1) * outs)


def kernel_slice(layer: Layer, input_shape: Shape, channel: int, kernel: int) -> np.ndarray | None:
    """The ``(kH, kW)`` weights that carry input *channel* into output *kernel*, as stored
    (torch's layout), or ``None`` when the two are in different groups."""
    _check_kind(layer)
    _, per_group, outs = _groups(layer, input_shape[0])
    if channel not in group_channels(layer, input_shape, kernel):
        return None
    kernels = np.asarray(getattr(layer, "kernels"), dtype=np.float64)  # noqa: B009
    weights: np.ndarray = (
        kernels[kernel, channel % per_group]
        if layer.kind == "conv2d"
        else kernels[channel, kernel % outs]
    )
    return weights


def layer_matrix(layer: Layer, input_shape: Shape, channel: int, kernel: int) -> np.ndarray:
    """The matrix ``M`` of *layer* from input *channel* to output channel *kernel*.

    ``vec(output[kernel]) = Σ_channels M · vec(input[channel]) + bias``. A channel and a
    kernel in different groups give the zero matrix (the kernel does not read it).

    Parameters
    ----------
    layer
        A ``conv2d`` or ``conv_transpose2d`` layer (anything else: :class:`NoMatrixError`).
    input_shape
        The layer's input ``(C, H, W)``.
    channel, kernel
        0-based.

    Returns
    -------
    numpy.ndarray
        ``(H_out·W_out, H·W)``.
    """
    _check_kind(layer)
    _, h, w = input_shape
    _, ho, wo = layer.output_shape(input_shape)
    weights = kernel_slice(layer, input_shape, channel, kernel)
    if weights is None:
        return np.zeros((ho * wo, h * w))
    if layer.kind == "conv2d":
        g = layer.geometry(input_shape)  # type: ignore[attr-defined]
        if getattr(layer, "flip", False):
            weights = weights[::-1, ::-1]
        return conv_matrix(
            weights,
            (h, w),
            stride=g.stride,
            padding=(g.pad_top, g.pad_bottom, g.pad_left, g.pad_right),
            dilation=g.dilation,
            padding_mode=g.padding_mode,
        )
    return transposed_matrix(
        weights,
        (h, w),
        stride=getattr(layer, "stride", 1),
        padding=getattr(layer, "padding", 0),
        dilation=getattr(layer, "dilation", 1),
        output_padding=getattr(layer, "output_padding", 0),
    )


def matrix_from_forward(layer: Layer, input_shape: Shape, channel: int, kernel: int) -> np.ndarray:
    """The matrix of any linear *layer* from input *channel* to output channel *kernel*,
    read off its forward pass: column ``j`` is the output for the basis map whose cell ``j``
    of *channel* is 1, minus the output for zeros (the bias)."""
    c, h, w = input_shape
    zero = np.zeros((c, h, w))
    offset = layer.forward(zero)[kernel].ravel()
    columns = []
    for cell in range(h * w):
        basis = zero.copy()
        basis[channel].flat[cell] = 1.0
        columns.append(layer.forward(basis)[kernel].ravel() - offset)
    return np.stack(columns, axis=1)


def layer_im2col(layer: Layer, x: np.ndarray, kernel: int) -> Im2col:
    """Kernel *kernel*'s im2col form on input *x* (a transposed convolution's: of its
    gather form, the stuffed and padded input with the kernel flipped)."""
    _check_kind(layer)
    x = as_map(x)
    shape: Shape = (x.shape[0], x.shape[1], x.shape[2])
    channels = tuple(group_channels(layer, shape, kernel))
    _, h, w = shape
    slices = [kernel_slice(layer, shape, c, kernel) for c in channels]
    if layer.kind == "conv2d":
        g = layer.geometry(shape)  # type: ignore[attr-defined]
        kh, kw = g.kernel_height, g.kernel_width
        rows = _conv_taps(
            h, g.pad_top, g.pad_bottom, kh, g.stride[0], g.dilation[0], g.padding_mode
        )
        cols = _conv_taps(
            w, g.pad_left, g.pad_right, kw, g.stride[1], g.dilation[1], g.padding_mode
        )
        flip = bool(getattr(layer, "flip", False))
    else:
        _, ho, wo = layer.output_shape(shape)
        kernels = np.asarray(getattr(layer, "kernels"))  # noqa: B009
        kh, kw = kernels.shape[2:]
        (sh, sw), (ph, pw), (dh, dw) = (
            as_pair(getattr(layer, name, default), name)
            for name, default in (("stride", 1), ("padding", 0), ("dilation", 1))
        )
        rows = _gather_taps(h, ho, kh, sh, ph, dh)
        cols = _gather_taps(w, wo, kw, sw, pw, dw)
        flip = True
    weights = np.stack([s[::-1, ::-1] if flip else s for s in slices if s is not None])
    # (ho, wo, channels, kh, kw): each output cell's window, zeros where it reads none.
    padded = np.concatenate([x[list(channels)], np.zeros((len(channels), h, 1))], axis=2)
    padded = np.concatenate([padded, np.zeros((len(channels), 1, w + 1))], axis=1)
    r = np.where(rows < 0, h, rows)  # the extra zero row and column stand for "none"
    c = np.where(cols < 0, w, cols)
    windows = padded[:, r[:, None, :, None], c[None, :, None, :]]  # (ch, ho, wo, kh, kw)
    windows = np.moveaxis(windows, 0, 2).reshape(rows.shape[0] * cols.shape[0], -1)
    return Im2col(windows=windows, kernel=weights.ravel(), channels=channels, kernel_size=(kh, kw))


__all__ = [
    "MATRIX_KINDS",
    "Im2col",
    "NoMatrixError",
    "conv_matrix",
    "group_channels",
    "group_kernels",
    "kernel_count",
    "kernel_slice",
    "layer_im2col",
    "layer_matrix",
    "matrix_from_forward",
    "transposed_matrix",
    "transposed_output_size",
]
