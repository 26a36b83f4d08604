"""A stack of layers, each one's output the next one's input: shapes, the forward and
backward passes, receptive fields and traces. Nothing here knows a layer's type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import ConvSettingsError
from .base import Gradients, Layer, LayerSettingsError, Shape, as_map


class StackLayerError(LayerSettingsError):
    """A layer of the stack refused its input; keeps which layer and the layer's own error.

    Attributes
    ----------
    layer
        The layer's index in the stack, 0-based.
    kind
        The layer's type.
    input_shape
        ``(C, H, W)`` of the map it was given.
    error
        The layer's own :class:`ConvSettingsError`.
    """

    def __init__(self, layer: int, kind: str, input_shape: Shape, error: ConvSettingsError):
        self.layer = layer
        self.kind = kind
        self.input_shape = input_shape
        self.error = error
        super().__init__(f"Layer {layer + 1} ({kind}): {error}")


def shapes(layers: Sequence[Layer], input_shape: Shape) -> list[Shape]:
    """The input's shape, then each layer's output shape.

    Raises
    ------
    StackLayerError
        Naming the first layer that cannot take the map it is given.
    """
    result = [input_shape]
    for index, layer in enumerate(layers):
        try:
            result.append(layer.output_shape(result[-1]))
        except ConvSettingsError as error:
            raise StackLayerError(index, layer.kind, result[-1], error) from error
    return result


def forward(layers: Sequence[Layer], x: np.ndarray) -> list[np.ndarray]:
    """The input as a ``(C, H, W)`` map, then every layer's output, in order."""
    maps = [as_map(x)]
    shapes(layers, (maps[0].shape[0], maps[0].shape[1], maps[0].shape[2]))  # refuse first
    for layer in layers:
        maps.append(layer.forward(maps[-1]))
    return maps


def backward(
    layers: Sequence[Layer], maps: Sequence[np.ndarray], grad_output: np.ndarray
) -> list[Gradients]:
    """Each layer's gradients, first layer first, from the maps of :func:`forward`.

    Parameters
    ----------
    layers
        The stack.
    maps
        What :func:`forward` returned (the input, then every output).
    grad_output
        dL/d(the last layer's output).
    """
    gradients: list[Gradients] = []
    grad = np.asarray(grad_output, dtype=np.float64)
    for layer, x in zip(reversed(layers), reversed(maps[:-1]), strict=True):
        gradients.append(layer.backward(x, grad))
        grad = gradients[-1].input
    return gradients[::-1]


Length = int | Fraction
"""A length in input pixels: an ``int``, or an exact :class:`~fractions.Fraction` when it
is not whole (after a transposed convolution, neighbouring cells are a fraction of an
input pixel apart)."""


def _length(value: Fraction) -> Length:
    """*value* as an ``int`` when whole, else the exact fraction."""
    return int(value) if value.denominator == 1 else value


@dataclass(frozen=True)
class Field:
    """How far one cell of a map reaches into the input.

    Attributes
    ----------
    size
        ``(rows, cols)`` of the input that one cell's windows span (padding included).
    jump
        ``(rows, cols)``: input pixels between neighbouring cells of the map.

    Both are ``int`` unless a layer reads its input stuffed with zeros (a transposed
    convolution: ``Window.input_dilation`` above 1); then either may be a
    :class:`~fractions.Fraction` (``Fraction(1, 2)``: half an input pixel).
    """

    size: tuple[Length, Length]
    jump: tuple[Length, Length]


def receptive_fields(layers: Sequence[Layer]) -> list[Field]:
    """The receptive field and jump of each layer's output, by the recurrence
    r = r_prev + (k − 1)·d·j_prev/u, j = j_prev·s/u, starting from r = j = 1 at the input.

    u is the layer's input dilation (1 but for a transposed convolution): its stuffed input
    has u cells per input cell, so its cells are j_prev/u input pixels apart.
    """
    fields = []
    size, jump = [Fraction(1), Fraction(1)], [Fraction(1), Fraction(1)]
    for layer in layers:
        window = layer.window()
        for axis in (0, 1):
            step = jump[axis] / window.input_dilation[axis]
            size[axis] += (window.kernel[axis] - 1) * window.dilation[axis] * step
            jump[axis] = step * window.stride[axis]
        fields.append(
            Field(
                size=(_length(size[0]), _length(size[1])),
                jump=(_length(jump[0]), _length(jump[1])),
            )
        )
    return fields


Span = tuple[int, int] | None


def trace(
    layers: Sequence[Layer], input_shape: Shape, layer: int, row: int, col: int
) -> list[tuple[Span, Span]]:
    """The rows and columns that output cell (*row*, *col*) of layer *layer* depends on.

    Windows are products of rows and columns, so the cells a cell depends on are too: each
    axis is followed back on its own, as the set of positions the windows' taps read inside
    the map (a dilated window has gaps; padding is never part of it, nor are the zeros a
    transposed convolution puts between the cells of its input).

    Returns
    -------
    list
        ``layer + 1`` pairs ``(rows, cols)``: for the input, then for the output of each
        layer before *layer*; each the ``(first, last)`` position read, 0-based and
        inclusive, or ``None`` when the windows read only padding.
    """
    sizes = shapes(layers[: layer + 1], input_shape)
    out = sizes[layer + 1]
    if not (0 <= row < out[1] and 0 <= col < out[2]):
        raise IndexError(f"cell ({row}, {col}) is outside the {out[1]}×{out[2]} map")
    read = [np.array([row]), np.array([col])]
    spans: list[tuple[Span, Span]] = []
    for index in range(layer, -1, -1):
        window = layers[index].window()
        for axis in (0, 1):
            size = sizes[index][1 + axis]
            taps = np.arange(window.kernel[axis]) * window.dilation[axis]
            positions = read[axis][:, None] * window.stride[axis] - window.padding[axis] + taps
            # Stuffed positions: only a multiple of the input dilation is an input cell.
            stuffed = np.unique(positions)
            cells = stuffed[stuffed % window.input_dilation[axis] == 0]
            positions = cells // window.input_dilation[axis]
            read[axis] = positions[(positions >= 0) & (positions < size)]
        if read[0].size == 0 or read[1].size == 0:  # only padding: nothing further back
            read = [read[0][:0], read[1][:0]]
            spans.append((None, None))
            continue
        spans.append(
            (
                (int(read[0][0]), int(read[0][-1])),
                (int(read[1][0]), int(read[1][-1])),
            )
        )
    return spans[::-1]
