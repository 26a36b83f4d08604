"""What the stage marks on a stack's maps: padding, the current step's cells, and the
receptive field of the cell under the pointer.

The rules live here, in plain Python over the engine's layer protocol; the Qt grids paint
what these say. A map is numbered as :attr:`Evaluation.maps` numbers it: 0 is the input,
``m`` the output of layer ``m − 1``. A map is shown padded as the layer that reads it
pads it (layer ``m``; the last map is read by none).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

import numpy as np
from psygnal import Signal

from ..engine.layers import Conv2d, Layer, LayerStep, receptive_fields, trace
from ..engine.layers.base import Progress
from .document import Evaluation
from .i18n import translate
from .layer_explain import FUNCTION_NAMES
from .layer_format import LAYER_TYPES
from .numbers import format_number
from .studio import Studio, one_per_studio

Cell = tuple[int, int]


@dataclass(frozen=True)
class PaddedMap:
    """One channel of a map as the layer that reads it sees it.

    A layer may read its map stuffed (a transposed convolution's gather form): its cells
    *spacing* apart, zeros inserted between them, then padded; a negative padding cuts
    cells off. Padded coordinates are the plane's; :meth:`position` and :meth:`cell_at`
    convert between them and the map's own cells (every view goes through these).

    Attributes
    ----------
    values
        The padded plane; a max pool's padding (never a winner) is NaN: shown empty.
    top, left
        Where the map's first row and column are in the plane (the padding before them;
        negative when they are cut off).
    height, width
        The map's own size.
    spacing
        ``(rows, columns)`` apart of neighbouring cells in the plane: the reader's input
        dilation (1: no zeros inserted).
    """

    values: np.ndarray
    top: int
    left: int
    height: int
    width: int
    spacing: tuple[int, int] = (1, 1)

    def position(self, row: int, col: int) -> Cell:
        """Where the map's own cell (row, col) is in the plane (maybe outside it: cut off)."""
        return row * self.spacing[0] + self.top, col * self.spacing[1] + self.left

    def map_row(self, row: int) -> int | None:
        """The map's row at plane row *row*, or ``None`` (padding, or a zero inserted)."""
        return _own(row - self.top, self.spacing[0], self.height)

    def map_col(self, col: int) -> int | None:
        """The map's column at plane column *col*, or ``None``."""
        return _own(col - self.left, self.spacing[1], self.width)

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The map's own cell at plane cell (row, col), or ``None`` for padding or a zero
        inserted between cells."""
        r, c = self.map_row(row), self.map_col(col)
        return None if r is None or c is None else (r, c)

    def inside(self, row: int, col: int) -> bool:
        """Whether plane cell (row, col) is one of the map's own, not padding or a zero
        inserted."""
        return self.cell_at(row, col) is not None

    def between_rows(self, row: int) -> bool:
        """Whether plane row *row* lies between two of the map's rows (inserted zeros)."""
        offset = row - self.top
        return 0 < offset < (self.height - 1) * self.spacing[0] and self.map_row(row) is None

    def between_cols(self, col: int) -> bool:
        """Whether plane column *col* lies between two of the map's columns."""
        offset = col - self.left
        return 0 < offset < (self.width - 1) * self.spacing[1] and self.map_col(col) is None

    def inserted(self, row: int, col: int) -> bool:
        """Whether plane cell (row, col) is a zero inserted between the map's cells (not
        padding around them)."""
        (sr, sc), q, p = self.spacing, row - self.top, col - self.left
        within = 0 <= q <= (self.height - 1) * sr and 0 <= p <= (self.width - 1) * sc
        return within and not self.inside(row, col)

    def plane_cells(self, cells: Iterable[Cell]) -> frozenset[Cell]:
        """The map's own *cells*, in plane coordinates (those cut off left out)."""
        rows, cols = self.values.shape
        out = (self.position(r, c) for r, c in cells)
        return frozenset((r, c) for r, c in out if 0 <= r < rows and 0 <= c < cols)


def _own(offset: int, spacing: int, size: int) -> int | None:
    index, rest = divmod(offset, spacing)
    return index if rest == 0 and 0 <= index < size else None


def scatters(layer: Layer) -> bool:
    """Whether *layer* is stepped by its input cells (a transposed convolution by scatter):
    its input is read as it is, and its output fills by running sums."""
    return getattr(layer, "stepping", None) == "scatter"


def padded_map(evaluation: Evaluation, index: int, channel: int) -> PaddedMap:
    """Channel *channel* of map *index*, padded (and stuffed) as the layer reading it
    pads it."""
    plane = evaluation.maps[index][channel]
    height, width = plane.shape
    if index >= len(evaluation.layers):  # the last map: nothing reads it
        return PaddedMap(plane, 0, 0, height, width)
    reader = evaluation.layers[index]
    if isinstance(reader, Conv2d):  # the padding mode's own values (zeros, copies)
        problem = reader.problem(evaluation.maps[index])
        g = problem.geometry
        return PaddedMap(problem.padded()[channel], g.pad_top, g.pad_left, height, width)
    if scatters(reader):  # each step reads one cell of the map as it is
        return PaddedMap(plane, 0, 0, height, width)
    window = reader.window()
    top, left = window.padding
    sr, sc = getattr(window, "input_dilation", (1, 1))
    # A pool in ceil_mode may reach past the padding, a transposed convolution's output
    # padding past the stuffed map's: the plane grows to every window's end.
    out = evaluation.maps[index + 1]
    (kh, kw), (sh, sw), (dh, dw) = window.kernel, window.stride, window.dilation
    rows = max((height - 1) * sr + 1 + 2 * top, (out.shape[1] - 1) * sh + (kh - 1) * dh + 1)
    cols = max((width - 1) * sc + 1 + 2 * left, (out.shape[2] - 1) * sw + (kw - 1) * dw + 1)
    fill = np.nan if reader.kind == "max_pool2d" else 0.0
    values = np.full((max(rows, 0), max(cols, 0)), fill)
    padded = PaddedMap(values, top, left, height, width, (sr, sc))
    # The map's own cells that fall inside the plane (a negative padding cuts some off).
    row_at = np.arange(height) * sr + top
    col_at = np.arange(width) * sc + left
    keep_r = (row_at >= 0) & (row_at < values.shape[0])
    keep_c = (col_at >= 0) & (col_at < values.shape[1])
    values[np.ix_(row_at[keep_r], col_at[keep_c])] = plane[np.ix_(keep_r, keep_c)]
    return padded


class StepCells(NamedTuple):
    """The cells one step marks in one channel of one map (padded coordinates)."""

    reads: frozenset[Cell] = frozenset()
    winner: Cell | None = None
    writes: frozenset[Cell] = frozenset()


NO_CELLS = StepCells()


def step_cells(
    evaluation: Evaluation, layer: int, step: LayerStep, index: int, channel: int, padded: PaddedMap
) -> StepCells:
    """What step *step* of *layer* marks in channel *channel* of map *index* (plane
    coordinates of *padded*): the window it reads (padding and inserted zeros included)
    when the map is the layer's input, or the one cell a scatter step reads; the cells it
    writes when the map is the layer's output (one, or every cell a scatter step adds to)."""
    if index == layer + 1:
        return StepCells(writes=frozenset((r, c) for ch, r, c in step.writes if ch == channel))
    if index != layer:
        return NO_CELLS
    channels = {cell[0] for cell in step.reads if cell is not None}
    if channel not in channels:
        return NO_CELLS
    if step.operation == "scatter":  # one input cell, as it is
        cells = (cell[1:] for cell in step.reads if cell is not None and cell[0] == channel)
        return StepCells(reads=padded.plane_cells(cells))
    window = evaluation.layers[layer].window()
    (kh, kw), (sh, sw), (dh, dw) = window.kernel, window.stride, window.dilation
    _, out_row, out_col = step.writes[0]
    # Where the window starts in the plane of *padded* (with or without padding).
    top, left = padded.top - window.padding[0], padded.left - window.padding[1]
    rows = [out_row * sh + i * dh + top for i in range(kh)]
    cols = [out_col * sw + j * dw + left for j in range(kw)]
    reads = frozenset((r, c) for r in rows for c in cols)
    winner = None
    if step.winner is not None:
        cell = step.reads[step.winner]
        if cell is not None:
            winner = padded.position(cell[1], cell[2])
    return StepCells(reads=reads, winner=winner)


class LayerProgress:
    """What a layer that fills its output by running sums (a transposed convolution
    stepped by scatter, whose :meth:`progress` is not ``None``) holds at the current
    position: computed once per frame however many grids ask.

    One per studio (:func:`progress_of`).
    """

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self._evaluation: Evaluation | None = None
        # layer → (steps done, its progress then); None: the layer fills cell by cell.
        self._now: dict[int, tuple[int, Progress] | None] = {}
        self._final: dict[int, Progress] = {}
        self._texts: dict[int, frozenset[str]] = {}

    def _fresh(self) -> Evaluation | None:
        studio = self._studio()
        evaluation = None if studio is None else studio.evaluation
        if evaluation is not self._evaluation:
            self._evaluation = evaluation
            self._now, self._final, self._texts = {}, {}, {}
        if evaluation is None or not evaluation.maps:
            return None
        return evaluation

    def _progress(self, evaluation: Evaluation, layer: int, done: int) -> Progress | None:
        progress = getattr(evaluation.layers[layer], "progress", None)
        return None if progress is None else progress(evaluation.maps[layer], done)

    def of(self, layer: int) -> Progress | None:
        """Layer *layer*'s output after the steps done of it, with each cell's count of
        contributions; ``None`` for a layer whose steps each finish one cell in order."""
        evaluation = self._fresh()
        studio = self._studio()
        if evaluation is None or studio is None or not 0 <= layer < len(evaluation.layers):
            return None
        done = studio.layer_position(layer)
        if layer in self._now:
            known = self._now[layer]
            if known is None:  # the protocol's: never for any position
                return None
            if known[0] == done:
                return known[1]
        progress = self._progress(evaluation, layer, done)
        self._now[layer] = None if progress is None else (done, progress)
        return progress

    def final(self, layer: int) -> Progress | None:
        """Layer *layer*'s progress after all its steps (the counts of the whole layer:
        the checkerboard), or ``None`` as :meth:`of`."""
        evaluation = self._fresh()
        if evaluation is None or self.of(layer) is None:
            return None
        if layer not in self._final:
            progress = self._progress(evaluation, layer, evaluation.counts[layer])
            assert progress is not None
            self._final[layer] = progress
        return self._final[layer]

    def texts(self, layer: int) -> frozenset[str]:
        """Every running sum layer *layer*'s output shows on the way (empty for a layer
        that fills cell by cell): the cells are made wide enough for them at once."""
        evaluation = self._fresh()
        final = self.final(layer)
        if evaluation is None or final is None:
            return frozenset()
        if layer not in self._texts:
            x, stack_layer = evaluation.maps[layer], evaluation.layers[layer]
            start = self._progress(evaluation, layer, 0)
            assert start is not None
            sums = start.values.copy()
            texts = {format_number(v) for v in np.unique(sums)}
            for k in range(evaluation.counts[layer]):
                step = stack_layer.step(x, k)
                for cell, weight in zip(step.writes, step.weights, strict=False):
                    sums[cell] += step.result * weight
                    texts.add(format_number(float(sums[cell])))
            texts |= {format_number(v) for v in np.unique(final.values)}
            self._texts[layer] = frozenset(texts)
        return self._texts[layer]


progress_of = one_per_studio(LayerProgress)
"""The one :class:`LayerProgress` of a studio, shared by every grid of the stage."""


def scatter_targets(step: LayerStep, maps: int = 1) -> str | None:
    """Where a scatter step adds its products, in the output's numbers from 1: "Added into
    output rows 1–3, columns 3–5" (of map 2, or of maps 1–2, when the output has *maps*
    maps); ``None`` for any other step or one that lands only in cut-off padding."""
    if step.operation != "scatter" or not step.writes:
        return None
    channels, rows, cols = zip(*step.writes, strict=True)

    def span(values: tuple[int, ...]) -> str:
        low, high = min(values) + 1, max(values) + 1
        return f"{low}" if low == high else f"{low}–{high}"

    if maps <= 1:
        #: {0} the output rows ("1–3", or "2"), {1} the columns.
        text = translate("ScatterTargets", "Added into output rows {0}, columns {1}")
    elif min(channels) == max(channels):
        #: {2} the output map's number.
        text = translate("ScatterTargets", "Added into output rows {0}, columns {1} of map {2}")
    else:
        #: {2} the output maps' numbers ("1–2").
        text = translate("ScatterTargets", "Added into output rows {0}, columns {1} of maps {2}")
    return text.format(span(rows), span(cols), span(channels))


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

    def size(self) -> tuple[int | Fraction, int | Fraction] | None:
        """The pointed cell's receptive field in input pixels (the recurrence's, padding
        included; a fraction after a transposed convolution), or ``None`` when no cell is
        pointed at."""
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


def has_stepping(layer: Layer) -> bool:
    """Whether *layer*'s type has the setting ``stepping`` (a transposed convolution)."""
    keys, _ = LAYER_TYPES.get(layer.kind, ((), None))
    return any(key.name == "stepping" for key in keys)


def kernels_flipped(layer: Layer) -> bool:
    """Whether *layer*'s kernels are shown flipped 180°, as its steps apply them: a true
    convolution's, and a transposed convolution's stepped by output cells (the equivalent
    convolution applies the kernel flipped; by input cells it is added as typed)."""
    return bool(getattr(layer, "flip", False)) or (has_stepping(layer) and not scatters(layer))


def stepping_layer(studio: Studio) -> int | None:
    """The layer the View menu's "step by" switch changes: the layer being stepped when
    it has the setting, else the focused layer, else the stack's first that has it;
    ``None`` when none has."""
    layers = studio.document.scene.layers
    having = [i for i, layer in enumerate(layers) if has_stepping(layer)]
    if not having:
        return None
    for layer in (studio.current_layer, studio.document.scene.focus):
        if layer in having:
            return layer
    return having[0]


def field_text(evaluation: Evaluation, index: int) -> str | None:
    """ "receptive field 5×5" of every cell of map *index* (the recurrence's: the same
    for all its cells), or ``None`` for the input or an impossible stack."""
    if not 1 <= index < len(evaluation.maps):
        return None
    return _field_words(receptive_fields(evaluation.layers[:index])[-1].size)


def _field_words(size: tuple[int | Fraction, int | Fraction]) -> str:
    rows, cols = (format_number(float(side)) for side in size)  # 1.5 after a stuffed input
    #: {0} rows, {1} columns of the input one cell of a map sees.
    return translate("FieldHover", "receptive field {0}×{1}").format(rows, cols)


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
    if layer.kind == "conv_transpose2d":
        # Its window is the gather form's (stride 1); its stride spreads the input apart.
        sh, sw = getattr(window, "input_dilation", (1, 1))
        stride = f"{sh}" if sh == sw else f"{sh}×{sw}"
        if scatters(layer):
            #: {0} the layer's number, {1}×{2} the kernel's size, {3} the stride.
            text = translate(
                "LayerTitle",
                "Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by input cells",
            )
        else:
            text = translate(
                "LayerTitle",
                "Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by output cells",
            )
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
