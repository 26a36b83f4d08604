"""The convolution layer: :class:`~convstudio.engine.conv.ConvProblem` behind the protocol,
and its backward pass (torch's ``conv2d`` gradients, for every padding mode)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..conv import ConvProblem, kernels_4d, pad
from ..geometry import ConvGeometry, IntOrPair, PaddingSpec, as_pair, plan, resolve_padding
from .base import (
    Gradients,
    LayerStep,
    Progress,
    Shape,
    Window,
    as_map,
    check_parameter_names,
)


def _read_only(array: np.ndarray) -> np.ndarray:
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


def _fold(index: np.ndarray, size: int) -> np.ndarray:
    """``(size, padded)``: 1 where a padded position copies an input position (-1: none)."""
    fold = np.zeros((size, index.size))
    real = np.flatnonzero(index >= 0)
    fold[index[real], real] = 1.0
    return fold


@dataclass(frozen=True, eq=False)
class Conv2d:
    """A convolution layer with ``torch.nn.functional.conv2d``'s arguments.

    Parameters
    ----------
    kernels
        ``(C_out, C_in/groups, kH, kW)`` (a 2-D or 3-D array is read as for ``conv2d``).
    bias
        ``None`` or one value per kernel.
    stride, padding, dilation, groups, padding_mode, flip
        As for :func:`convstudio.engine.conv2d`.
    """

    kernels: np.ndarray
    bias: np.ndarray | None = None
    stride: IntOrPair = 1
    padding: PaddingSpec = 0
    dilation: IntOrPair = 1
    groups: int = 1
    padding_mode: str = "zeros"
    flip: bool = False

    def __post_init__(self) -> None:
        kernels = kernels_4d(np.asarray(self.kernels, dtype=np.float64))
        object.__setattr__(self, "kernels", _read_only(kernels))
        if self.bias is not None:
            object.__setattr__(self, "bias", _read_only(np.asarray(self.bias).reshape(-1)))

    @property
    def kind(self) -> str:
        """``"conv2d"``."""
        return "conv2d"

    def problem(self, x: np.ndarray) -> ConvProblem:
        """The engine's convolution of *x* with this layer's settings."""
        return ConvProblem(
            as_map(x),
            self.kernels,
            self.bias,
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            groups=self.groups,
            padding_mode=self.padding_mode,
            flip=self.flip,
        )

    def geometry(self, input_shape: Shape) -> ConvGeometry:
        """The validated :class:`~convstudio.engine.ConvGeometry` for this input shape."""
        return plan(
            input_shape,
            self.kernels.shape,
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            groups=self.groups,
            padding_mode=self.padding_mode,
            bias_length=None if self.bias is None else self.bias.size,
        )

    def output_shape(self, input_shape: Shape) -> Shape:
        """``(C_out, H_out, W_out)``, or a :class:`ConvSettingsError` with the numbers."""
        shape = self.geometry(input_shape).output_shape
        return shape[0], shape[1], shape[2]

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The convolution of *x*, ``(C_out, H_out, W_out)``."""
        return self.problem(x).compute()

    def step_count(self, input_shape: Shape) -> int:
        """One step per output value."""
        return int(self.geometry(input_shape).n_steps)

    def step(self, x: np.ndarray, index: int) -> LayerStep:
        """Step *index*: one output value as Σ value × weight + bias."""
        detail = self.problem(x).step(index)
        # -1 marks a zero of zero padding; other modes' padding copies an input cell.
        reads = tuple(
            (channel, int(r), int(c)) if r >= 0 and c >= 0 else None
            for channel in detail.in_channels
            for r in detail.input_rows
            for c in detail.input_cols
        )
        return LayerStep(
            index=index,
            writes=((detail.out_channel, detail.out_row, detail.out_col),),
            reads=reads,
            operation="conv2d",
            values=tuple(float(v) for v in detail.values.ravel()),
            weights=tuple(float(w) for w in detail.weights.ravel()),
            bias=detail.bias,
            result=detail.total,
        )

    def window(self) -> Window:
        """Kernel, stride, the padding before the first row and column, dilation."""
        kh, kw = self.kernels.shape[2:]
        # The amounts before the first row and column do not depend on the input's size.
        stride = as_pair(self.stride, "stride")
        dilation = as_pair(self.dilation, "dilation")
        top, _, left, _ = resolve_padding(self.padding, (kh, kw), dilation, stride)
        return Window(kernel=(kh, kw), stride=stride, padding=(top, left), dilation=dilation)

    def parameter_count(self, input_shape: Shape) -> int:
        """Weights, plus one bias per kernel when there is a bias."""
        return int(self.geometry(input_shape).parameters)

    def macs(self, input_shape: Shape) -> int:
        """Multiply-accumulates for the whole output."""
        return int(self.geometry(input_shape).macs)

    def backward(self, x: np.ndarray, grad_output: np.ndarray) -> Gradients:
        """dL/dx (a transposed convolution of dL/dy), dL/dW and dL/db.

        Tap by tap, as the forward pass: each tap (i, j) of kernel o met the padded input
        under it at every output position, so dL/dW[o, :, i, j] sums dL/dy[o] times that
        input, and the same products scatter dL/dy[o] × W[o, :, i, j] back onto it. The
        padded input's gradient then folds onto the input cells each padded cell copies
        (a zero of zero padding copies nothing).
        """
        x = as_map(x)
        grad_y = np.asarray(grad_output, dtype=np.float64)
        g = self.geometry((x.shape[0], x.shape[1], x.shape[2]))
        w = self.kernels[:, :, ::-1, ::-1] if self.flip else self.kernels
        xp = pad(x, g)
        groups, cg, og = g.groups, g.channels_per_group, g.kernels_per_group
        ho, wo = g.out_height, g.out_width
        (sh, sw), (dh, dw) = g.stride, g.dilation
        xg = xp.reshape(groups, cg, g.padded_height, g.padded_width)
        wg = w.reshape(groups, og, cg, g.kernel_height, g.kernel_width)
        yg = grad_y.reshape(groups, og, ho, wo)
        grad_w = np.zeros(wg.shape)
        grad_xg = np.zeros(xg.shape)
        for i in range(g.kernel_height):
            rows = slice(i * dh, i * dh + (ho - 1) * sh + 1, sh)
            for j in range(g.kernel_width):
                cols = slice(j * dw, j * dw + (wo - 1) * sw + 1, sw)
                window = xg[:, :, rows, cols]  # (groups, cg, ho, wo)
                grad_w[:, :, :, i, j] = np.einsum("gohw,gchw->goc", yg, window)
                grad_xg[:, :, rows, cols] += np.einsum("gohw,goc->gchw", yg, wg[:, :, :, i, j])
        grad_xp = grad_xg.reshape(xp.shape)
        grad_x = _fold(g.row_index(), x.shape[1]) @ grad_xp @ _fold(g.col_index(), x.shape[2]).T
        grad_kernels: np.ndarray = grad_w.reshape(w.shape)
        if self.flip:
            grad_kernels = grad_kernels[:, :, ::-1, ::-1].copy()
        parameters = {"kernels": grad_kernels}
        if self.bias is not None:
            parameters["bias"] = grad_y.sum(axis=(1, 2))
        return Gradients(input=grad_x, parameters=parameters)

    def with_parameters(self, parameters: dict[str, np.ndarray]) -> Conv2d:
        """The same convolution with ``"kernels"`` and/or ``"bias"`` replaced."""
        check_parameter_names(parameters, ("kernels", "bias"))
        kernels = parameters.get("kernels", self.kernels)
        return replace(self, kernels=kernels, bias=parameters.get("bias", self.bias))

    def progress(self, x: np.ndarray, done: int) -> Progress | None:
        """None: step *k* writes output cell *k*, finished."""
        return None
