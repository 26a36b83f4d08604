"""One grid for any map of a stack: filled as its layer's steps are done, the current
step's cells lit, the pointed cell's receptive field lit in the maps before it.

The same view serves every layer type: what to mark comes from the engine's
:class:`~convstudio.engine.layers.LayerStep` through ``model/stack_marks.py``. A static
grid (:class:`ArrayModel`) shows a pooling layer's window; a convolution's kernels are the kernel
panel's editable grids (``qt/kernel_panel.KernelSlice``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ..engine.layers.base import Progress
from ..model import Studio, format_number
from ..model.backward import MapGradient, backward_of, gradient_title
from ..model.stack_marks import (
    NO_CELLS,
    PaddedMap,
    StepCells,
    cell_step,
    field_of,
    field_text,
    padded_map,
    progress_of,
    step_cells,
)
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, GridModel, GridPiece, NumberTable
from .input_panel import _weight_text as weight_text

AnyIndex = QModelIndex | QPersistentModelIndex

_INPUT = CellLook(background=style.INPUT_BG)
_PADDING = CellLook(background=style.PADDING_BG, foreground=style.PADDING_FG, italic=True)
_EMPTY = CellLook(background=style.EMPTY_BG)
_READ = CellLook(background=style.FIELD_BG)
_READ_PADDING = _READ._replace(foreground=style.PADDING_FG, italic=True)
_WINNER = CellLook(background=style.FIELD_BG, border=True)
_WRITTEN = CellLook(background=style.CURRENT_BG, border=True)


def _text(value: float) -> str:
    return "" if math.isnan(value) else format_number(value)


class MapModel(GridModel):
    """Channel *channel* of map *index* of the stack (0 the input, ``m`` the output of
    layer ``m − 1``), padded (and stuffed) as the layer reading it pads it.

    A map filled by running sums (a transposed convolution stepped by scatter) shows
    them, and on each cell its count of contributions so far, shaded by the count: the
    uneven counts of an overlapping kernel show as a checkerboard.
    """

    def __init__(self, studio: Studio, index: int, channel: int) -> None:
        super().__init__()
        self._studio = studio
        self.index_in_stack = index
        self.channel = channel
        self._field = field_of(studio)
        self._progress_of = progress_of(studio)
        self._backward = backward_of(studio)
        self._load()
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self._field.changed, self._on_field_changed)
        bind(self, self._backward.changed, self._reload)

    # ------------------------------------------------------------ caches

    def _load(self) -> None:
        self._evaluation = evaluation = self._studio.evaluation
        index, channel = self.index_in_stack, self.channel
        self._progress: Progress | None = None
        self._most = 0
        self._gradient: MapGradient | None = None
        self._grad_cells: StepCells = NO_CELLS
        self._backward_shown = False
        if index < len(evaluation.maps) and channel < evaluation.maps[index].shape[0]:
            self.padded = padded_map(evaluation, index, channel)
        else:  # this map is gone (its block goes with the next scene's)
            self.padded = PaddedMap(np.zeros((0, 0)), 0, 0, 0, 0)
            self._position, self._cells, self._lit = 0, NO_CELLS, frozenset()
            return
        self._position = self._done()
        self._progress = self._progress_now()
        if self._progress is not None:
            final = self._progress_of.final(index - 1)
            self._most = 0 if final is None else int(final.counts[channel].max())
        self._cells = self._step_cells()
        self._lit = self._field_cells()
        self._gradient_now()

    def _gradient_now(self) -> None:
        """While a step of the backward pass is current: the gradient this map shows (or
        ``None``: its values) and the step's cells here (reads and writes, plane cells)."""
        backward, channel = self._backward, self.channel
        self._backward_shown = backward.current is not None
        if not self._backward_shown:
            self._gradient, self._grad_cells = None, NO_CELLS
            return
        self._gradient = backward.map_gradient(self.index_in_stack)
        cells = backward.map_cells(self.index_in_stack)
        p = self.padded
        self._grad_cells = StepCells(
            reads=p.plane_cells((r, c) for ch, r, c in cells.reads if ch == channel),
            writes=p.plane_cells((r, c) for ch, r, c in cells.writes if ch == channel),
        )

    @property
    def counts_shown(self) -> bool:
        """Whether the cells show their counts of contributions (a map filled by scatter)."""
        return self._progress is not None

    def _progress_now(self) -> Progress | None:
        if self.index_in_stack == 0:
            return None
        return self._progress_of.of(self.index_in_stack - 1)

    def _done(self) -> int:
        """Steps done of the layer that writes this map (all of them for the input)."""
        if self.index_in_stack == 0:
            return 1 << 62
        return self._studio.layer_position(self.index_in_stack - 1)

    def _complete(self) -> bool:
        counts = self._evaluation.counts
        layer = self.index_in_stack - 1
        return layer < 0 or layer >= len(counts) or self._position >= counts[layer]

    def _step_cells(self) -> StepCells:
        found = self._studio.layer_step
        self._weights: dict[tuple[int, int], str] = {}
        if found is None or not self.padded.values.size:
            return NO_CELLS
        layer, step = found
        cells = step_cells(
            self._evaluation, layer, step, self.index_in_stack, self.channel, self.padded
        )
        if step.operation == "scatter" and cells.writes:
            # What the value read is multiplied by in each cell it adds to.
            p = self.padded
            for (ch, r, c), w in zip(step.writes, step.weights, strict=False):
                if ch == self.channel:
                    self._weights[p.position(r, c)] = weight_text(w)
        return cells

    def _field_cells(self) -> frozenset[tuple[int, int]]:
        return self.padded.plane_cells(self._field.lit(self.index_in_stack))

    def _reload(self) -> None:
        old_shape = self.padded.values.shape
        self._load()
        if self.padded.values.shape != old_shape:
            self.beginResetModel()
            self.endResetModel()
        elif self.padded.values.size:
            rows, cols = self.padded.values.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
        self.content_changed.emit()

    def _on_frame_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation:
            self._reload()
            return
        if not self.padded.values.size:
            return
        was_shown = self._backward_shown
        self._gradient_now()
        if was_shown or self._backward_shown:
            # The backward pass: a gradient fills any cells (running sums), at once.
            self._position, self._cells = self._done(), self._step_cells()
            rows, cols = self.padded.values.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
            return
        old_position, self._position = self._position, self._done()
        old_cells, self._cells = self._cells, self._step_cells()
        changed = {
            *old_cells.reads,
            *old_cells.writes,
            *self._cells.reads,
            *self._cells.writes,
            *((old_cells.winner,) if old_cells.winner else ()),
            *((self._cells.winner,) if self._cells.winner else ()),
        }
        p = self.padded
        rows, cols = p.values.shape
        if self._progress is not None:
            self._progress = self._progress_now()
            if abs(self._position - old_position) > 1:  # a jump: any cell may have changed
                self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
                return
            # One step: the cells it adds to (the old current step's, or the new one's).
        else:
            first = cell_step(self._shape3(), self.channel, 0, 0)
            low = max(min(old_position, self._position) - first, 0)
            high = min(max(old_position, self._position) - first, p.height * p.width)
            if high - low > p.width:  # many cells filled or emptied: their rows at once
                top = p.position(low // p.width, 0)[0]
                bottom = p.position((high - 1) // p.width, 0)[0]
                top, bottom = max(top, 0), min(bottom, rows - 1)
                if top <= bottom:
                    self.dataChanged.emit(self.index(top, 0), self.index(bottom, cols - 1))
            else:
                changed |= p.plane_cells(divmod(k, p.width) for k in range(low, high))
        for row, col in changed:
            if 0 <= row < rows and 0 <= col < cols:
                index = self.index(row, col)
                self.dataChanged.emit(index, index)

    def _on_field_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation or not self.padded.values.size:
            return  # a new scene is on its way: frame_changed reloads everything
        old, self._lit = self._lit, self._field_cells()
        for row, col in old ^ self._lit:
            index = self.index(row, col)
            self.dataChanged.emit(index, index)

    def _shape3(self) -> tuple[int, int, int]:
        shape = self._evaluation.maps[self.index_in_stack].shape
        return shape[0], shape[1], shape[2]

    # ------------------------------------------------------------ reads

    def done(self, row: int, col: int) -> bool:
        """Whether map cell (row, col) (its own coordinates) shows a value: computed, or
        (filled by scatter) given a contribution so far."""
        if self._gradient is not None:
            return bool(self._gradient.done[self.channel, row, col])
        if self.index_in_stack == 0:
            return True
        progress = self._progress
        if progress is not None:
            return self._complete() or bool(progress.counts[self.channel, row, col])
        return cell_step(self._shape3(), self.channel, row, col) < self._position

    def value(self, row: int, col: int) -> float:
        """The value map cell (row, col) shows now: a running sum while its layer scatters
        into it, else the map's; its gradient while the backward pass shows it."""
        if self._gradient is not None:
            return float(self._gradient.values[self.channel, row, col])
        progress = self._progress
        if progress is not None and not self._complete():
            return float(progress.values[self.channel, row, col])
        return float(self._evaluation.maps[self.index_in_stack][self.channel, row, col])

    def count(self, row: int, col: int) -> int | None:
        """Contributions map cell (row, col) has received so far, or ``None`` for a map
        that fills cell by cell."""
        progress = self._progress
        if progress is None:
            return None
        return int(progress.counts[self.channel, row, col])

    def current_block(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The first and last cell the current step marks here, to keep in view."""
        cells = [*self._cells.reads, *self._cells.writes]
        if not cells:
            return None
        rows, cols = [r for r, _ in cells], [c for _, c in cells]
        return (min(rows), min(cols)), (max(rows), max(cols))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        values = {_text(v) for v in np.unique(self.padded.values)}
        values |= self._backward.texts(self.index_in_stack)
        weights: set[str] = set()
        if self._progress is not None:
            layer = self.index_in_stack - 1
            values |= self._progress_of.texts(layer)
            kernels = getattr(self._evaluation.layers[layer], "kernels", None)
            if kernels is not None:
                weights = {weight_text(w) for w in np.unique(kernels)}
        return values, weights

    def badge_texts(self) -> Iterable[str]:
        return (str(self._most),) if self._progress is not None else ()

    def shape(self) -> tuple[int, int]:
        rows, cols = self.padded.values.shape
        return rows, cols

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        p = self.padded
        cell = p.cell_at(row, col)
        done = cell is None or self.done(*cell)
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return _text(p.values[row, col])
            return _text(self.value(*cell)) if done else ""
        if role == LOOK_ROLE:
            return self._look(row, col, cell, done)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell is None:
                if p.inserted(row, col):
                    return self.tr("A zero put between the map's cells")
                return self.tr("Padding")
            if self.index_in_stack == 0:
                return self.tr("Input row {0}, column {1}").format(cell[0] + 1, cell[1] + 1)
            text = self.tr(
                "Row {0}, column {1}: point at it to light its receptive field, "
                "click to show its step"
            ).format(cell[0] + 1, cell[1] + 1)
            count = self.count(*cell)
            if count is not None:
                #: {0} the cell's words, {1} how many values were added into it so far.
                text = self.tr("{0}. Contributions so far: {1}").format(text, count)
            return text
        return None

    def _look(self, row: int, col: int, cell: tuple[int, int] | None, done: bool) -> CellLook:
        key = (row, col)
        cells = self._cells
        inside = cell is not None
        if self._backward_shown and inside:
            grad = self._grad_cells
            look = _WRITTEN if key in grad.writes else _READ if key in grad.reads else None
            if look is None:
                look = _INPUT if done else _EMPTY
            return look._replace(lit=True) if key in self._lit else look
        if key in cells.writes:
            look = _WRITTEN
        elif key == cells.winner:
            look = _WINNER
        elif key in cells.reads:
            look = _READ if inside else _READ_PADDING
        elif not inside:
            look = _PADDING
        elif self._progress is not None and done:
            look = count_look(self.count(*cell) or 0, self._most)
        else:
            look = _INPUT if done else _EMPTY
        if self._progress is not None and inside:
            count = self.count(*cell)
            if count:
                look = look._replace(badge=str(count), weight=self._weights.get(key))
        return look._replace(lit=True) if key in self._lit else look

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.padded
        horizontal = orientation == Qt.Orientation.Horizontal
        own = p.map_col(section) if horizontal else p.map_row(section)
        if own is not None:
            return str(own + 1)
        # Between two of the map's rows: zeros put there, not padding.
        between = p.between_cols(section) if horizontal else p.between_rows(section)
        return "" if between else self.tr("pad")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def count_look(count: int, most: int) -> CellLook:
    """A cell filled by scatter, shaded by its count of contributions (*most*: the
    largest count of the map): the more values added into it, the darker."""
    if count <= 0 or most <= 0:
        return _INPUT
    # One contribution a light tint (a map where every cell gets one stays calm), the most
    # the full shade: the cells that get more stand out.
    share = 0.0 if most == 1 else (count - 1) / (most - 1)
    return CellLook(background=style.count_background(0.15 + 0.85 * share))


class MapGrid(GridPiece):
    """A title over one map's :class:`MapModel`; pointing at a cell lights its receptive
    field in the maps before it, clicking it shows its step.

    Parameters
    ----------
    name
        The title's first words ("Map 2"), or ``""``: the size alone.
    """

    def __init__(
        self, studio: Studio, index: int, channel: int, name: str, parent: QWidget | None = None
    ) -> None:
        model = MapModel(studio, index, channel)
        # A map filled by scatter: each cell's count (and the step's weight) over its value.
        super().__init__(NumberTable(weights_over_values=model.counts_shown), parent)
        self._studio = studio
        self._name = name
        self.model = model
        self.table.setModel(self.model)
        self.table.show_headers(False)
        self.title.show()
        self._field = field_of(studio)
        self.table.clicked.connect(self._on_q_cell_clicked)
        self.table.hover_moved.connect(self._on_q_hover_moved)
        self.table.resized.connect(self.follow_current)
        bind(self, studio.frame_changed, self.follow_current)
        bind(self, self._field.changed, self.set_title)
        self._backward = backward_of(studio)
        bind(self, self._backward.changed, self.set_title)
        bind(self, studio.frame_changed, self._on_frame_changed)
        self.set_title()

    def _on_frame_changed(self) -> None:
        if self._backward.steps is not None:  # "∂L/∂" comes and goes with the gradient
            self.set_title()

    def _size_text(self) -> str:
        p = self.model.padded
        size = f"{p.height}×{p.width}"
        return f"{self._name}  {size}" if self._name else size

    def set_title(self) -> None:
        """The map's name and size, and the pointed cell's receptive field when it is
        this map's; never writes the model."""
        size = self._size_text()
        plain = self._backward.title(self.model.index_in_stack, size)
        field = self._field_text()
        text = plain if field is None else self.tr("{0} · {1}").format(plain, field)
        if self.title.text() != text:
            self.title.setText(text)
        # Room for the field's words too: pointing never moves the stage.
        widest = self._field_widest()
        self.title_texts = (
            (size,) if widest is None else (size, self.tr("{0} · {1}").format(size, widest))
        )
        if self._backward.steps is not None:  # and for its gradient's title
            self.title_texts += (gradient_title(size),)

    def _field_text(self) -> str | None:
        cell = self._field.cell
        model = self.model
        if cell is None or (cell.map, cell.channel) != (model.index_in_stack, model.channel):
            return None
        return self._field.size_text()

    def _field_widest(self) -> str | None:
        return field_text(self._studio.evaluation, self.model.index_in_stack)

    def follow_current(self) -> None:
        """Keep the current step's cells in view (a large map scrolls)."""
        block = self.model.current_block()
        if block is not None:
            self.table.show_block(*block)

    def _map_cell(self, row: int, col: int) -> tuple[int, int] | None:
        return self.model.padded.cell_at(row, col)

    def _on_q_hover_moved(self, row: int, col: int, _shift: bool) -> None:
        model = self.model
        cell = None if row < 0 else self._map_cell(row, col)
        if cell is None or model.index_in_stack == 0:
            self._field.leave(model.index_in_stack, model.channel)
        else:
            self._field.point_at(model.index_in_stack, model.channel, *cell)

    def _on_q_cell_clicked(self, index: QModelIndex) -> None:
        model = self.model
        cell = self._map_cell(index.row(), index.column())
        if cell is not None and model.index_in_stack > 0:
            layer = model.index_in_stack - 1
            self._studio.show_cell(model.channel, cell[0], cell[1], layer=layer)


class ArrayModel(GridModel):
    """A small grid of numbers read from *values* (a pooling layer's window)
    each time the studio's frame changes; ``None`` shows empty cells. Made for one
    evaluation: a new one makes a new grid (the stage's blocks are made again)."""

    def __init__(
        self,
        studio: Studio,
        shape: tuple[int, int],
        values: Callable[[], np.ndarray | None],
        looks: Callable[[int, int], CellLook] | None = None,
        texts: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self._shape = shape
        self._values_of = values
        self._looks = looks
        self._texts = set(texts)
        self._studio = studio
        self._evaluation = studio.evaluation
        self._values = values()
        bind(self, studio.frame_changed, self._on_frame_changed)

    def _on_frame_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation:
            return  # its block is made again for the new evaluation (qt/stage.py)
        values = self._values_of()
        same = values is self._values or (
            values is not None and self._values is not None and np.array_equal(values, self._values)
        )
        self._values = values
        if not same or self._looks is not None:
            rows, cols = self._shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        return self._texts, ()

    def shape(self) -> tuple[int, int]:
        return self._shape

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self._values
            return "" if values is None else _text(float(values[row, col]))
        if role == LOOK_ROLE:
            if self._looks is None or self._studio.evaluation is not self._evaluation:
                return _INPUT
            return self._looks(row, col)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled
