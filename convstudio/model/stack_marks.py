"""What the stage marks on a stack's maps: padding, the current step's cells, and the
receptive field of the cell under the pointer.

The rules live here, in plain Python over the engine's layer protocol; the Qt grids paint
what these say. A map is numbered as :attr:`Evaluation.maps` numbers it: 0 is the input,
``m`` the output of layer ``m − 1``. A map is shown padded as the layer that reads it
pads it (layer ``m``; the last map is read by none).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from psygnal import Signal

from ..engine.layers import Conv2d, Layer, LayerStep, receptive_fields, trace
from .document import Evaluation
from .i18n import translate
from .layer_explain import FUNCTION_NAMES
from .studio import Studio, one_per_studio

Cell = tuple[int, int]


@dataclass(frozen=True)
class PaddedMap:
    """One channel of a map as the layer that reads it sees it.

    Attributes
    ----------
    values
        The padded plane; a max pool's padding (never a winner) is NaN: shown empty.
    top, left
        Rows and columns of padding before the map's own.
    height, width
        The map's own size.
    """

    values: np.ndarray
    top: int
    left: int
    height: int
    width: int

    def inside(self, row: int, col: int) -> bool:
        """Whether padded cell (row, col) is the map's own, not padding."""
        return (
            self.top <= row < self.top + self.height and self.left <= col < self.left + self.width
        )


def padded_map(evaluation: Evaluation, index: int, channel: int) -> PaddedMap:
    """Channel *channel* of map *index*, padded as the layer reading it pads it."""
    plane = evaluation.maps[index][channel]
    height, width = plane.shape
    if index >= len(evaluation.layers):  # the last map: nothing reads it
        return PaddedMap(plane, 0, 0, height, width)
    reader = evaluation.layers[index]
    if isinstance(reader, Conv2d):  # the padding mode's own values (zeros, copies)
        problem = reader.problem(evaluation.maps[index])
        g = problem.geometry
        return PaddedMap(problem.padded()[channel], g.pad_top, g.pad_left, height, width)
    window = reader.window()
    top, left = window.padding
    # A pool in ceil_mode may reach past the padding: the plane grows to every window's end.
    out = evaluation.maps[index + 1]
    (kh, kw), (sh, sw), (dh, dw) = window.kernel, window.stride, window.dilation
    rows = max(height + 2 * top, (out.shape[1] - 1) * sh + (kh - 1) * dh + 1)
    cols = max(width + 2 * left, (out.shape[2] - 1) * sw + (kw - 1) * dw + 1)
    fill = np.nan if reader.kind == "max_pool2d" else 0.0
    values = np.full((rows, cols), fill)
    values[top : top + height, left : left + width] = plane
    return PaddedMap(values, top, left, height, width)


class StepCells(NamedTuple):
    """The cells one step marks in one channel of one map (padded coordinates)."""

    reads: frozenset[Cell] = frozenset()
    winner: Cell | None = None
    writes: frozenset[Cell] = frozenset()


NO_CELLS = StepCells()


def step_cells(
    evaluation: Evaluation, layer: int, step: LayerStep, index: int, channel: int, padded: PaddedMap
) -> StepCells:
    """What step *step* of *layer* marks in channel *channel* of map *index*: the window it
    reads (padding included) when the map is the layer's input, the cell it writes when
    it is the layer's output."""
    if index == layer + 1:
        return StepCells(writes=frozenset((r, c) for ch, r, c in step.writes if ch == channel))
    if index != layer:
        return NO_CELLS
    channels = {cell[0] for cell in step.reads if cell is not None}
    if channel not in channels:
        return NO_CELLS
    window = evaluation.layers[layer].window()
    (kh, kw), (sh, sw), (dh, dw) = window.kernel, window.stride, window.dilation
    _, out_row, out_col = step.writes[0]
    # Where the window starts in the map as *padded* shows it (with or without padding).
    top, left = padded.top - window.padding[0], padded.left - window.padding[1]
    rows = [out_row * sh + i * dh + top for i in range(kh)]
    cols = [out_col * sw + j * dw + left for j in range(kw)]
    reads = frozenset((r, c) for r in rows for c in cols)
    winner = None
    if step.winner is not None:
        cell = step.reads[step.winner]
        if cell is not None:
            winner = (cell[1] + padded.top, cell[2] + padded.left)
    return StepCells(reads=reads, winner=winner)


class PointedCell(NamedTuple):
    """A cell of a map (1 is the first layer's output): map, channel, row, column."""

    map: int
    channel: int
    row: int
    col: int


class FieldHover:
    """The map cell under the pointer, and its receptive field in every earlier map.

    One per studio (:func:`field_of`); the grids write it from their hover and paint what
    :meth:`lit` says.

    Signals
    -------
    changed()
        Another cell is pointed at, or none.
    """

    changed = Signal()

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self.cell: PointedCell | None = None
        self._spans: dict[int, tuple[tuple[int, int], tuple[int, int]] | None] = {}
        self._evaluation: Evaluation | None = None

    def point_at(self, index: int, channel: int, row: int, col: int) -> None:
        """The pointer is over cell (row, col) of channel *channel* of map *index* (≥ 1)."""
        cell = PointedCell(index, channel, row, col)
        if cell != self.cell:
            self.cell = cell
            self._evaluation = None
            self.changed.emit()

    def leave(self, index: int, channel: int) -> None:
        """The pointer left that map's grid: forget its cell, not one pointed at since."""
        if self.cell is not None and self.cell[:2] == (index, channel):
            self.clear()

    def clear(self) -> None:
        if self.cell is not None:
            self.cell = None
            self.changed.emit()

    def _traced(self) -> dict[int, tuple[tuple[int, int], tuple[int, int]] | None]:
        studio = self._studio()
        cell = self.cell
        evaluation = None if studio is None else studio.evaluation
        if evaluation is None or cell is None:
            return {}
        if evaluation is not self._evaluation:
            self._evaluation = evaluation
            self._spans = {}
            maps = evaluation.maps
            if 1 <= cell.map < len(maps) and cell.channel < maps[cell.map].shape[0]:
                _, rows, cols = maps[cell.map].shape
                if cell.row < rows and cell.col < cols:
                    spans = trace(
                        evaluation.layers, maps[0].shape, cell.map - 1, cell.row, cell.col
                    )
                    for index, (r, c) in enumerate(spans):
                        self._spans[index] = None if r is None or c is None else (r, c)
        return self._spans

    def lit(self, index: int) -> frozenset[Cell]:
        """The cells of map *index* (its own coordinates, every channel) that the pointed
        cell depends on: empty for the pointed map and the maps after it."""
        span = self._traced().get(index)
        if span is None:
            return frozenset()
        (r0, r1), (c0, c1) = span
        return frozenset((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))

    def size(self) -> tuple[int, int] | None:
        """The pointed cell's receptive field in input pixels (the recurrence's, padding
        included), or ``None`` when no cell is pointed at."""
        studio = self._studio()
        cell = self.cell
        if studio is None or cell is None or not self._traced():
            return None
        layers = studio.evaluation.layers[: cell.map]
        return receptive_fields(layers)[-1].size

    def size_text(self) -> str | None:
        """ "receptive field 5×5", or ``None``."""
        size = self.size()
        return None if size is None else _field_words(size)


def field_text(evaluation: Evaluation, index: int) -> str | None:
    """ "receptive field 5×5" of every cell of map *index* (the recurrence's: the same
    for all its cells), or ``None`` for the input or an impossible stack."""
    if not 1 <= index < len(evaluation.maps):
        return None
    return _field_words(receptive_fields(evaluation.layers[:index])[-1].size)


def _field_words(size: tuple[int, int]) -> str:
    #: {0} rows, {1} columns of the input one cell of a map sees.
    return translate("FieldHover", "receptive field {0}×{1}").format(*size)


field_of = one_per_studio(FieldHover)
"""The one :class:`FieldHover` of a studio, shared by every grid of the stage."""


def cell_step(shape: tuple[int, int, int], channel: int, row: int, col: int) -> int:
    """The step (within its layer) that writes output cell (channel, row, col) of a map of
    *shape*: every layer steps its output cells in order, channel by channel."""
    _, rows, cols = shape
    return (channel * rows + row) * cols + col


def layer_title(number: int, layer: Layer) -> str:
    """The heading of a layer's block: "Layer 3: max pool 2×2, stride 2" (1-based)."""
    window = layer.window()
    (kh, kw), (sh, sw) = window.kernel, window.stride
    stride = f"{sh}" if sh == sw else f"{sh}×{sw}"
    if isinstance(layer, Conv2d):
        if (sh, sw) == (1, 1):
            #: {0} the layer's number, {1}×{2} the kernel's size.
            text = translate("LayerTitle", "Layer {0}: convolution {1}×{2}")
        else:
            #: {3} the stride.
            text = translate("LayerTitle", "Layer {0}: convolution {1}×{2}, stride {3}")
        return text.format(number, kh, kw, stride)
    if layer.kind == "max_pool2d":
        text = translate("LayerTitle", "Layer {0}: max pool {1}×{2}, stride {3}")
        return text.format(number, kh, kw, stride)
    if layer.kind == "avg_pool2d":
        text = translate("LayerTitle", "Layer {0}: average pool {1}×{2}, stride {3}")
        return text.format(number, kh, kw, stride)
    name = FUNCTION_NAMES.get(layer.kind, layer.kind)
    #: {1} the activation's name: ReLU, LeakyReLU, σ, tanh.
    return translate("LayerTitle", "Layer {0}: {1}").format(number, name)
