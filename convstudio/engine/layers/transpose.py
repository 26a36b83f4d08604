"""The transposed convolution, with ``torch.nn.functional.conv_transpose2d``'s semantics.

By its definition (*scatter*), every input value times the whole kernel is added into the
output, the kernel's taps ``i·dilation`` apart, at ``row·stride − padding``: neighbouring
inputs land ``stride`` apart, so a kernel larger than the stride overlaps its neighbours'.
The same output is a convolution (*gather*): the input with ``stride − 1`` zeros inserted
between its cells, padded by ``dilation·(k − 1) − padding`` (plus ``output_padding`` after),
convolved at stride 1 with each kernel flipped and its channel axes swapped. The two are two
ways to step the layer; the numbers are the same.

Output size per axis: ``(H − 1)·s − 2p + d·(k − 1) + output_padding + 1``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..errors import (
    AXIS_WORDS,
    BiasShapeError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    NegativePaddingError,
    ShapeError,
    TooLargeError,
)
from ..geometry import MAX_CELLS, IntOrPair, Pair, as_pair
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
from .convolution import Conv2d

STEPPINGS: tuple[str, ...] = ("scatter", "gather")


class OutputPaddingError(LayerSettingsError):
    """An output padding below 0, or not smaller than the stride or the dilation (torch
    refuses it: it would add rows that no input reaches)."""

    def __init__(self, axis: int, output_padding: int, stride: int, dilation: int) -> None:
        self.axis = axis
        self.output_padding = output_padding
        self.stride = stride
        self.dilation = dilation
        if output_padding < 0:
            text = f"The output padding cannot be negative ({output_padding})."
        else:
            text = (
                f"The output padding of {output_padding} {AXIS_WORDS[axis]} must be smaller "
                f"than the stride ({stride}) or the dilation ({dilation})."
            )
        super().__init__(text)


class TransposeKernelLayoutError(LayerSettingsError):
    """Kernels whose first axis is not the input's channels (the layout of a convolution's
    kernels, output channels first, is the usual mistake)."""

    def __init__(self, in_channels: int, shape: tuple[int, ...]) -> None:
        self.in_channels = in_channels
        self.shape = shape
        kh, kw = shape[2], shape[3]
        found = ", ".join(str(n) for n in shape)
        super().__init__(
            "A transposed convolution's kernels must be (C_in, C_out/groups, kH, kW) = "
            f"({in_channels}, …, {kh}, {kw}) for this input, but they are ({found})."
        )


class TransposeTooSmallError(LayerSettingsError):
    """Padding that leaves no output row or column."""

    def __init__(
        self,
        axis: int,
        size: int,
        stride: int,
        padding: int,
        dilation: int,
        kernel: int,
        output_padding: int,
    ) -> None:
        self.axis = axis
        self.size = size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.kernel = kernel
        self.output_padding = output_padding
        self.output = transpose_output_size(size, kernel, stride, padding, dilation, output_padding)
        super().__init__(
            f"The output would have {self.output} {AXIS_WORDS[axis]}: ({size} − 1)·{stride} − "
            f"2·{padding} + {dilation}·({kernel} − 1) + {output_padding} + 1 = {self.output}; "
            "use less padding."
        )


def transpose_output_size(
    size: int, kernel: int, stride: int, padding: int, dilation: int, output_padding: int
) -> int:
    """``(size − 1)·stride − 2·padding + dilation·(kernel − 1) + output_padding + 1``."""
    return (size - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1


def _read_only(array: np.ndarray) -> np.ndarray:
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class _Geometry:
    """The shapes and amounts of one transposed convolution, checked against an input."""

    in_channels: int
    in_size: Pair
    out_channels: int
    kernel: Pair
    stride: Pair
    padding: Pair
    output_padding: Pair
    dilation: Pair
    groups: int

    @property
    def out_size(self) -> Pair:
        h, w = (
            transpose_output_size(
                self.in_size[a],
                self.kernel[a],
                self.stride[a],
                self.padding[a],
                self.dilation[a],
                self.output_padding[a],
            )
            for a in (0, 1)
        )
        return h, w

    @property
    def full_size(self) -> Pair:
        """Every row/column the scatter reaches, before the padding is cut off (and with
        ``output_padding`` more after: zeros no input reaches)."""
        h, w = (
            (self.in_size[a] - 1) * self.stride[a]
            + self.dilation[a] * (self.kernel[a] - 1)
            + 1
            + self.output_padding[a]
            for a in (0, 1)
        )
        return h, w

    @property
    def channels_per_group(self) -> int:
        return self.in_channels // self.groups

    @property
    def kernels_per_group(self) -> int:
        return self.out_channels // self.groups


@dataclass(frozen=True, eq=False)
class ConvTranspose2d:
    """A transposed convolution layer with ``torch.nn.functional.conv_transpose2d``'s
    arguments (zeros padding only, as torch).

    Parameters
    ----------
    kernels
        ``(C_in, C_out/groups, kH, kW)``, torch's layout; a 2-D array is ``(1, 1, kH, kW)``
        and a 3-D one ``(C_in, 1, kH, kW)`` (one output map).
    bias
        ``None`` or one value per output channel.
    stride, padding, output_padding, dilation
        An int or a ``(rows, columns)`` pair. ``padding`` rows and columns are cut off each
        side of the full scatter; ``output_padding`` adds rows and columns after (bottom,
        right), smaller than the stride or the dilation.
    groups
        Channel groups: must divide the input's channels.
    stepping
        ``"scatter"`` (one step per input cell, by the definition) or ``"gather"`` (one
        step per output cell, as the equivalent convolution): how the layer is stepped
        through; the output is the same.
    """

    kernels: np.ndarray
    bias: np.ndarray | None = None
    stride: IntOrPair = 1
    padding: IntOrPair = 0
    output_padding: IntOrPair = 0
    dilation: IntOrPair = 1
    groups: int = 1
    stepping: str = "scatter"

    def __post_init__(self) -> None:
        kernels = np.asarray(self.kernels, dtype=np.float64)
        if kernels.ndim == 2:
            kernels = kernels[None, None]
        elif kernels.ndim == 3:
            kernels = kernels[:, None]
        if kernels.ndim != 4:
            raise ShapeError("kernel", kernels.shape, "kH×kW, C×kH×kW or O×C×kH×kW")
        if min(kernels.shape) < 1:
            raise ShapeError("kernel", kernels.shape, "at least 1 in every dimension")
        object.__setattr__(self, "kernels", _read_only(kernels))
        if self.bias is not None:
            object.__setattr__(self, "bias", _read_only(np.asarray(self.bias).reshape(-1)))
        if self.stepping not in STEPPINGS:
            raise ValueError(f"unknown stepping {self.stepping!r}; use one of {STEPPINGS}")

    @property
    def kind(self) -> str:
        """``"conv_transpose2d"``."""
        return "conv_transpose2d"

    # -- geometry -------------------------------------------------------------------------

    def _settings(self) -> tuple[Pair, Pair, Pair, Pair]:
        """``(stride, padding, output_padding, dilation)``, checked (no input needed)."""
        stride = as_pair(self.stride, "stride")
        padding = as_pair(self.padding, "padding")
        output_padding = as_pair(self.output_padding, "output_padding")
        dilation = as_pair(self.dilation, "dilation")
        for value in stride:
            if value < 1:
                raise InvalidStrideError(value)
        for value in dilation:
            if value < 1:
                raise InvalidDilationError(value)
        for value in padding:
            if value < 0:
                raise NegativePaddingError(value)
        for axis in (0, 1):
            op = output_padding[axis]
            if op < 0 or (op >= stride[axis] and op >= dilation[axis]):
                raise OutputPaddingError(axis, op, stride[axis], dilation[axis])
        if self.groups < 1:
            raise GroupsError(self.kernels.shape[0], self.kernels.shape[1], self.groups)
        return stride, padding, output_padding, dilation

    def _geometry(self, input_shape: Shape) -> _Geometry:
        stride, padding, output_padding, dilation = self._settings()
        c_in, h, w = input_shape
        depth, per_group, kh, kw = self.kernels.shape
        if depth != c_in:
            raise TransposeKernelLayoutError(c_in, self.kernels.shape)
        if c_in % self.groups:
            raise GroupsError(c_in, per_group * self.groups, self.groups)
        c_out = per_group * self.groups
        if self.bias is not None and self.bias.size != c_out:
            raise BiasShapeError(c_out, self.bias.size)
        g = _Geometry(
            in_channels=c_in,
            in_size=(h, w),
            out_channels=c_out,
            kernel=(kh, kw),
            stride=stride,
            padding=padding,
            output_padding=output_padding,
            dilation=dilation,
            groups=self.groups,
        )
        for axis in (0, 1):
            if g.out_size[axis] < 1:
                raise TransposeTooSmallError(
                    axis, (h, w)[axis], stride[axis], padding[axis], dilation[axis],
                    (kh, kw)[axis], output_padding[axis],
                )  # fmt: skip
        full = c_out * g.full_size[0] * g.full_size[1]
        if full > MAX_CELLS:
            raise TooLargeError("output", full, MAX_CELLS)
        return g

    def output_shape(self, input_shape: Shape) -> Shape:
        """``(C_out, H_out, W_out)``, or a :class:`LayerSettingsError` with the numbers."""
        g = self._geometry(input_shape)
        return g.out_channels, g.out_size[0], g.out_size[1]

    def window(self) -> Window:
        """The gather form's geometry: the input stuffed with ``stride − 1`` zeros
        (``input_dilation``), padded by ``d·(k − 1) − p`` (negative: cut), read at stride 1."""
        stride, padding, _, dilation = self._settings()
        kernel = (self.kernels.shape[2], self.kernels.shape[3])
        before = tuple(dilation[a] * (kernel[a] - 1) - padding[a] for a in (0, 1))
        return Window(
            kernel=kernel,
            stride=(1, 1),
            padding=(before[0], before[1]),
            dilation=dilation,
            input_dilation=stride,
        )

    def parameter_count(self, input_shape: Shape) -> int:
        """Weights, plus one bias per output channel when there is a bias."""
        g = self._geometry(input_shape)
        return int(self.kernels.size + (g.out_channels if self.bias is not None else 0))

    def macs(self, input_shape: Shape) -> int:
        """Multiply-adds of the scatter: each input value times each weight of its group
        (products that land in the cut-off padding included, as torch computes them)."""
        g = self._geometry(input_shape)
        per_value = g.kernels_per_group * g.kernel[0] * g.kernel[1]
        return int(g.in_channels * g.in_size[0] * g.in_size[1] * per_value)

    # -- forward --------------------------------------------------------------------------

    def _scatter(self, x: np.ndarray, w: np.ndarray, g: _Geometry) -> np.ndarray:
        """The output without bias: tap by tap, every input value times the tap's weight
        added at ``row·stride + i·dilation`` of the full map, whose padding is then cut."""
        groups, cg, og = g.groups, g.channels_per_group, g.kernels_per_group
        (h, wd), (kh, kw) = g.in_size, g.kernel
        (sh, sw), (dh, dw) = g.stride, g.dilation
        xg = x.reshape(groups, cg, h, wd)
        wg = w.reshape(groups, cg, og, kh, kw)
        full = np.zeros((groups, og, *g.full_size))
        for i in range(kh):
            rows = slice(i * dh, i * dh + (h - 1) * sh + 1, sh)
            for j in range(kw):
                cols = slice(j * dw, j * dw + (wd - 1) * sw + 1, sw)
                full[:, :, rows, cols] += np.einsum("gchw,gco->gohw", xg, wg[:, :, :, i, j])
        (ph, pw), (ho, wo) = g.padding, g.out_size
        return full[:, :, ph : ph + ho, pw : pw + wo].reshape(g.out_channels, ho, wo).copy()

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The transposed convolution of *x*, ``(C_out, H_out, W_out)``."""
        x = as_map(x)
        g = self._geometry((x.shape[0], x.shape[1], x.shape[2]))
        out = self._scatter(x, self.kernels, g)
        if self.bias is not None:
            out += self.bias[:, None, None]
        return out

    def stuffed(self, x: np.ndarray) -> np.ndarray:
        """*x* with ``stride − 1`` zeros inserted between neighbouring cells,
        ``(C, (H − 1)·s + 1, (W − 1)·s + 1)``."""
        x = as_map(x)
        sh, sw = self._settings()[0]
        c, h, w = x.shape
        out = np.zeros((c, (h - 1) * sh + 1, (w - 1) * sw + 1))
        out[:, ::sh, ::sw] = x
        return out

    def gather_form(self, x: np.ndarray) -> tuple[np.ndarray, Conv2d]:
        """The equivalent convolution: ``(padded, conv)`` with ``conv.forward(padded)`` equal
        to ``self.forward(x)``.

        ``padded`` is :meth:`stuffed` *x* padded by ``d·(k − 1) − p`` zeros before and
        ``d·(k − 1) − p + output_padding`` after (cut where that is negative); ``conv`` reads
        it at stride 1 and dilation d with each kernel flipped and its two channel axes
        swapped within each group (``(C_out, C_in/groups, kH, kW)``), and the same bias.
        """
        x = as_map(x)
        g = self._geometry((x.shape[0], x.shape[1], x.shape[2]))
        stuffed = self.stuffed(x)
        before = self.window().padding
        after = [before[a] + g.output_padding[a] for a in (0, 1)]
        # Pad generously, then cut: either side may be negative (padding above d·(k − 1)).
        margin = [max(before[a], after[a], 0) for a in (0, 1)]
        big = np.pad(stuffed, ((0, 0), (margin[0], margin[0]), (margin[1], margin[1])))
        rows, cols = (
            slice(margin[a] - before[a], margin[a] + stuffed.shape[1 + a] + after[a])
            for a in (0, 1)
        )
        padded = big[:, rows, cols].copy()
        return padded, Conv2d(
            self.gather_kernels(),
            self.bias,
            stride=1,
            dilation=g.dilation,
            groups=self.groups,
        )

    def gather_kernels(self) -> np.ndarray:
        """The gather form's kernels, ``(C_out, C_in/groups, kH, kW)``: each of this layer's
        kernels flipped top-bottom and left-right, its channel axes swapped in each group."""
        cin, og, kh, kw = self.kernels.shape
        cg = cin // self.groups if cin % self.groups == 0 else cin
        wg = self.kernels.reshape(self.groups, cg, og, kh, kw)[..., ::-1, ::-1]
        return np.ascontiguousarray(
            wg.transpose(0, 2, 1, 3, 4).reshape(self.groups * og, cg, kh, kw)
        )

    # -- steps ----------------------------------------------------------------------------

    def step_count(self, input_shape: Shape) -> int:
        """Scatter: one step per input cell; gather: one per output cell."""
        g = self._geometry(input_shape)
        if self.stepping == "scatter":
            return g.in_channels * g.in_size[0] * g.in_size[1]
        return g.out_channels * g.out_size[0] * g.out_size[1]

    def step(self, x: np.ndarray, index: int) -> LayerStep:
        """Step *index*: scatter, one input value times its kernels added into the output;
        gather, one output value as Σ value × weight + bias over the stuffed input."""
        x = as_map(x)
        g = self._geometry((x.shape[0], x.shape[1], x.shape[2]))
        if self.stepping == "scatter":
            return self._scatter_step(x, index, g)
        return self._gather_step(x, index, g)

    def _scatter_step(self, x: np.ndarray, index: int, g: _Geometry) -> LayerStep:
        channel, row, col = cell_of(index, (g.in_channels, *g.in_size))
        og = g.kernels_per_group
        first = channel // g.channels_per_group * og
        writes: list[Cell] = []
        weights: list[float] = []
        for local in range(og):
            for i in range(g.kernel[0]):
                r = row * g.stride[0] - g.padding[0] + i * g.dilation[0]
                if not 0 <= r < g.out_size[0]:
                    continue
                for j in range(g.kernel[1]):
                    c = col * g.stride[1] - g.padding[1] + j * g.dilation[1]
                    if 0 <= c < g.out_size[1]:
                        writes.append((first + local, r, c))
                        weights.append(float(self.kernels[channel, local, i, j]))
        value = float(x[channel, row, col])
        return LayerStep(
            index=index,
            writes=tuple(writes),
            reads=((channel, row, col),),
            operation="scatter",
            values=(value,),
            weights=tuple(weights),
            result=value,
        )

    def _gather_step(self, x: np.ndarray, index: int, g: _Geometry) -> LayerStep:
        out_channel, row, col = cell_of(index, (g.out_channels, *g.out_size))
        group, local = divmod(out_channel, g.kernels_per_group)
        cg = g.channels_per_group
        window = self.window()
        kh, kw = g.kernel

        def source(axis: int, position: int, tap: int) -> int | None:
            q = position - window.padding[axis] + tap * g.dilation[axis]
            cell, rest = divmod(q, g.stride[axis])
            return cell if rest == 0 and 0 <= cell < g.in_size[axis] else None

        reads: list[Cell | None] = []
        values: list[float] = []
        weights: list[float] = []
        for channel in range(group * cg, (group + 1) * cg):
            for i in range(kh):
                r = source(0, row, i)
                for j in range(kw):
                    c = source(1, col, j)
                    inside = r is not None and c is not None
                    reads.append((channel, r, c) if r is not None and c is not None else None)
                    values.append(float(x[channel, r, c]) if inside else 0.0)
                    weights.append(float(self.kernels[channel, local, kh - 1 - i, kw - 1 - j]))
        bias = 0.0 if self.bias is None else float(self.bias[out_channel])
        total = float(np.dot(values, weights)) + bias
        return LayerStep(
            index=index,
            writes=((out_channel, row, col),),
            reads=tuple(reads),
            operation="conv2d",
            values=tuple(values),
            weights=tuple(weights),
            bias=bias,
            result=total,
        )

    def progress(self, x: np.ndarray, done: int) -> Progress | None:
        """Scatter: the output after the first *done* input cells have been added in (the
        bias plus their contributions), and each cell's count of contributions so far.
        Gather: ``None`` (each step writes one finished output cell)."""
        if self.stepping == "gather":
            return None
        x = as_map(x)
        g = self._geometry((x.shape[0], x.shape[1], x.shape[2]))
        mask = (np.arange(x.size) < done).reshape(x.shape)
        values = self.forward(np.where(mask, x, 0.0))
        ones = np.ones(self.kernels.shape)
        counts = np.rint(self._scatter(mask.astype(np.float64), ones, g)).astype(np.int64)
        return Progress(values=values, counts=counts)

    # -- parameters and backward ----------------------------------------------------------

    def with_parameters(self, parameters: dict[str, np.ndarray]) -> ConvTranspose2d:
        """The same layer with ``"kernels"`` and/or ``"bias"`` replaced."""
        check_parameter_names(parameters, ("kernels", "bias"))
        kernels = parameters.get("kernels", self.kernels)
        return replace(self, kernels=kernels, bias=parameters.get("bias", self.bias))

    def backward(self, x: np.ndarray, grad_output: np.ndarray) -> Gradients:
        """dL/dx (a convolution of dL/dy with the kernels), dL/dW and dL/db.

        Tap by tap, as the forward pass: tap (i, j) added x times W[:, :, i, j] into a
        strided view of the full map, so dL/dx gathers that view of dL/dy times the same
        weights, and dL/dW[:, :, i, j] sums x times it.
        """
        x = as_map(x)
        g = self._geometry((x.shape[0], x.shape[1], x.shape[2]))
        groups, cg, og = g.groups, g.channels_per_group, g.kernels_per_group
        (h, wd), (kh, kw) = g.in_size, g.kernel
        (sh, sw), (dh, dw) = g.stride, g.dilation
        (ph, pw), (ho, wo) = g.padding, g.out_size
        grad_y = np.asarray(grad_output, dtype=np.float64).reshape(g.out_channels, ho, wo)
        full = np.zeros((groups, og, *g.full_size))
        full[:, :, ph : ph + ho, pw : pw + wo] = grad_y.reshape(groups, og, ho, wo)
        xg = x.reshape(groups, cg, h, wd)
        wg = self.kernels.reshape(groups, cg, og, kh, kw)
        grad_x = np.zeros(xg.shape)
        grad_w = np.zeros(wg.shape)
        for i in range(kh):
            rows = slice(i * dh, i * dh + (h - 1) * sh + 1, sh)
            for j in range(kw):
                cols = slice(j * dw, j * dw + (wd - 1) * sw + 1, sw)
                view = full[:, :, rows, cols]  # (groups, og, h, wd)
                grad_x += np.einsum("gohw,gco->gchw", view, wg[:, :, :, i, j])
                grad_w[:, :, :, i, j] = np.einsum("gchw,gohw->gco", xg, view)
        parameters = {"kernels": grad_w.reshape(self.kernels.shape)}
        if self.bias is not None:
            parameters["bias"] = grad_y.sum(axis=(1, 2))
        return Gradients(input=grad_x.reshape(x.shape), parameters=parameters)
