"""The one protocol every layer type implements, and the values it exchanges.

Everything above the engine (the stack, the model, the stage, the equation view) speaks only
this protocol, never a layer's type: a shape or a refusal, the forward pass, numbered steps
that say which cells they read and write and the terms of their equation, the window geometry
for receptive fields, and the backward pass. Maps are always ``(C, H, W)`` float64 arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..errors import ConvSettingsError

Shape = tuple[int, int, int]
Cell = tuple[int, int, int]
Pair = tuple[int, int]


class LayerSettingsError(ConvSettingsError):
    """Settings of a layer that no input of this shape can run with (keeps its numbers)."""


@dataclass(frozen=True)
class Window:
    """How a layer's output cells look at its input, along rows and columns.

    The layer reads its input with ``input_dilation − 1`` zeros inserted between
    neighbouring cells (the "stuffed" input; a transposed convolution's gather form), then
    padded. An output cell ``(r, c)`` reads the stuffed rows ``q = r·stride − padding +
    i·dilation`` for ``i < kernel`` (the same for columns); ``q`` is input row
    ``q / input_dilation`` when that divides exactly and is inside the input, else a zero
    (padding, or a zero put between cells).

    Attributes
    ----------
    kernel, stride, padding, dilation, input_dilation
        ``(rows, columns)`` pairs; ``padding`` is the amount before the first row/column
        (negative when the window starts inside the stuffed input: cells are cut off).
    """

    kernel: Pair = (1, 1)
    stride: Pair = (1, 1)
    padding: Pair = (0, 0)
    dilation: Pair = (1, 1)
    input_dilation: Pair = (1, 1)


ELEMENTWISE = Window()


@dataclass(frozen=True)
class LayerStep:
    """One step of a layer: the cells it reads and writes, and its equation's terms.

    Attributes
    ----------
    index
        The step's number in the layer, 0-based.
    writes
        Output cells ``(channel, row, column)`` this step fills.
    reads
        The input cell of each term, in the equation's order; ``None`` for padding.
    operation
        What the terms are combined with: ``"conv2d"`` (Σ value × weight + bias), ``"max"``,
        ``"mean"`` (Σ value / divisor), an activation's name (``"relu"``, ``"leaky_relu"``,
        ``"sigmoid"``, ``"tanh"``: one term), or ``"scatter"`` (a transposed convolution's
        step by its definition: the one value read, times each weight, is added into each
        cell written).
    values
        The value of each term (padding's value: 0 for a sum; padding never wins a max and
        is listed as ``-inf`` there).
    weights
        One weight per term for ``"conv2d"``; for ``"scatter"``, one per cell written (in
        the order of ``writes``); empty otherwise.
    bias
        Added once (``"conv2d"`` only; 0 otherwise).
    divisor
        What ``"mean"`` divides by (``None`` otherwise).
    winner
        The term ``"max"`` picked (the first largest, as torch does); ``None`` otherwise.
    result
        The value written (``"scatter"``: the value read, which each write adds times its
        weight).
    """

    index: int
    writes: tuple[Cell, ...]
    reads: tuple[Cell | None, ...]
    operation: str
    values: tuple[float, ...]
    result: float
    weights: tuple[float, ...] = ()
    bias: float = 0.0
    divisor: int | None = None
    winner: int | None = None


@dataclass(frozen=True)
class Gradients:
    """What a layer's backward pass gives: dL/d(input) and dL/d(each parameter).

    Attributes
    ----------
    input
        ``(C, H, W)``, the input's shape.
    parameters
        By name (``"kernels"``, ``"bias"``), each in the parameter's own shape; empty for a
        layer without parameters.
    """

    input: np.ndarray
    parameters: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Progress:
    """A layer's output part way through its steps, when its steps do not each write one
    finished cell (a transposed convolution stepped by scatter).

    Attributes
    ----------
    values
        ``(C, H, W)``: what the output holds after the steps done (the bias plus the sums
        of the contributions so far).
    counts
        ``(C, H, W)`` ints: how many contributions each cell has received so far.
    """

    values: np.ndarray
    counts: np.ndarray


@runtime_checkable
class Layer(Protocol):
    """A 2-D layer of a small network, as the stack and every view see it."""

    @property
    def kind(self) -> str:
        """The layer's type, as in the scene file (``"conv2d"``, ``"relu"``, ...)."""
        ...

    def output_shape(self, input_shape: Shape) -> Shape:
        """The output's ``(C, H, W)``, or raise a :class:`ConvSettingsError` with the numbers."""
        ...

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The output for input *x* (``(C, H, W)``), a new float64 array."""
        ...

    def step_count(self, input_shape: Shape) -> int:
        """How many steps this layer offers for an input of this shape."""
        ...

    def step(self, x: np.ndarray, index: int) -> LayerStep:
        """Step *index* of this layer on input *x*, computed on demand."""
        ...

    def window(self) -> Window:
        """The window geometry (``ELEMENTWISE`` for a layer that maps cell to cell)."""
        ...

    def parameter_count(self, input_shape: Shape) -> int:
        """Learned numbers (weights and biases)."""
        ...

    def macs(self, input_shape: Shape) -> int:
        """Multiply-accumulates with learned weights for one forward pass."""
        ...

    def backward(self, x: np.ndarray, grad_output: np.ndarray) -> Gradients:
        """dL/d(input) and dL/d(parameters), given the input and dL/d(output)."""
        ...

    def with_parameters(self, parameters: dict[str, np.ndarray]) -> Layer:
        """The same layer with the named parameters (``"kernels"``, ``"bias"``, as in
        :attr:`Gradients.parameters`) replaced; a layer without parameters is itself."""
        ...

    def progress(self, x: np.ndarray, done: int) -> Progress | None:
        """The output after the first *done* steps, or ``None`` when step *k* writes exactly
        output cell *k* (row-major), finished: then the cells before it are the output's."""
        ...


def check_parameter_names(parameters: dict[str, np.ndarray], names: tuple[str, ...]) -> None:
    """Refuse a parameter a layer does not have (a caller's mistake, not the user's)."""
    unknown = sorted(set(parameters) - set(names))
    if unknown:
        have = ", ".join(names) or "none"
        raise ValueError(f"unknown parameters {unknown}; this layer has: {have}")


def as_map(x: np.ndarray) -> np.ndarray:
    """*x* as a ``(C, H, W)`` float64 array (a 2-D array is one channel)."""
    array = np.asarray(x, dtype=np.float64)
    if array.ndim == 2:
        return array[None]
    if array.ndim != 3:
        raise ValueError(f"a map must be H×W or C×H×W, not {array.ndim}-D")
    return array


def cell_of(index: int, shape: Shape) -> Cell:
    """The cell ``(c, r, col)`` of a row-major *index* over *shape*, checked."""
    channels, rows, cols = shape
    if not 0 <= index < channels * rows * cols:
        raise IndexError(f"step {index} is outside 0..{channels * rows * cols - 1}")
    channel, rest = divmod(index, rows * cols)
    row, col = divmod(rest, cols)
    return channel, row, col
