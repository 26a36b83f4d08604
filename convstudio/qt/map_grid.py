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

from ..model import Studio, format_number
from ..model.stack_marks import (
    NO_CELLS,
    PaddedMap,
    StepCells,
    cell_step,
    field_of,
    field_text,
    padded_map,
    step_cells,
)
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, GridModel, GridPiece, NumberTable

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
    layer ``m − 1``), padded as the layer reading it pads it."""

    def __init__(self, studio: Studio, index: int, channel: int) -> None:
        super().__init__()
        self._studio = studio
        self.index_in_stack = index
        self.channel = channel
        self._field = field_of(studio)
        self._load()
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self._field.changed, self._on_field_changed)

    # ------------------------------------------------------------ caches

    def _load(self) -> None:
        self._evaluation = evaluation = self._studio.evaluation
        index, channel = self.index_in_stack, self.channel
        if index < len(evaluation.maps) and channel < evaluation.maps[index].shape[0]:
            self.padded = padded_map(evaluation, index, channel)
        else:  # this map is gone (its block goes with the next scene's)
            self.padded = PaddedMap(np.zeros((0, 0)), 0, 0, 0, 0)
            self._position, self._cells, self._lit = 0, NO_CELLS, frozenset()
            return
        self._position = self._done()
        self._cells = self._step_cells()
        self._lit = self._field_cells()

    def _done(self) -> int:
        """Steps done of the layer that writes this map (all of them for the input)."""
        if self.index_in_stack == 0:
            return 1 << 62
        return self._studio.layer_position(self.index_in_stack - 1)

    def _step_cells(self) -> StepCells:
        found = self._studio.layer_step
        if found is None or not self.padded.values.size:
            return NO_CELLS
        layer, step = found
        return step_cells(
            self._evaluation, layer, step, self.index_in_stack, self.channel, self.padded
        )

    def _field_cells(self) -> frozenset[tuple[int, int]]:
        p = self.padded
        return frozenset((r + p.top, c + p.left) for r, c in self._field.lit(self.index_in_stack))

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
        first = cell_step(self._shape3(), self.channel, 0, 0)
        low = max(min(old_position, self._position) - first, 0)
        high = min(max(old_position, self._position) - first, p.height * p.width)
        if high - low > p.width:  # many cells filled or emptied: their rows at once
            top, bottom = low // p.width + p.top, (high - 1) // p.width + p.top
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, p.values.shape[1] - 1))
        else:
            for k in range(low, high):
                changed.add((k // p.width + p.top, k % p.width + p.left))
        rows, cols = p.values.shape
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
        """Whether map cell (row, col) (its own coordinates) has been computed."""
        if self.index_in_stack == 0:
            return True
        return cell_step(self._shape3(), self.channel, row, col) < self._position

    def current_block(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The first and last cell the current step marks here, to keep in view."""
        cells = [*self._cells.reads, *self._cells.writes]
        if not cells:
            return None
        rows, cols = [r for r, _ in cells], [c for _, c in cells]
        return (min(rows), min(cols)), (max(rows), max(cols))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        return {_text(v) for v in np.unique(self.padded.values)}, ()

    def shape(self) -> tuple[int, int]:
        rows, cols = self.padded.values.shape
        return rows, cols

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        p = self.padded
        inside = p.inside(row, col)
        done = not inside or self.done(row - p.top, col - p.left)
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(p.values[row, col]) if done else ""
        if role == LOOK_ROLE:
            cell = (row, col)
            cells = self._cells
            if cell in cells.writes:
                look = _WRITTEN
            elif cell == cells.winner:
                look = _WINNER
            elif cell in cells.reads:
                look = _READ if inside else _READ_PADDING
            elif not inside:
                look = _PADDING
            else:
                look = _INPUT if done else _EMPTY
            return look._replace(lit=True) if cell in self._lit else look
        if role == Qt.ItemDataRole.ToolTipRole:
            if not inside:
                return self.tr("Padding")
            if self.index_in_stack == 0:
                return self.tr("Input row {0}, column {1}").format(
                    row - p.top + 1, col - p.left + 1
                )
            return self.tr(
                "Row {0}, column {1}: point at it to light its receptive field, "
                "click to show its step"
            ).format(row - p.top + 1, col - p.left + 1)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.padded
        if orientation == Qt.Orientation.Horizontal:
            n, before = p.width, p.left
        else:
            n, before = p.height, p.top
        if before <= section < before + n:
            return str(section - before + 1)
        return self.tr("pad")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


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
        super().__init__(NumberTable(), parent)
        self._studio = studio
        self._name = name
        self.model = MapModel(studio, index, channel)
        self.table.setModel(self.model)
        self.table.show_headers(False)
        self.title.show()
        self._field = field_of(studio)
        self.table.clicked.connect(self._on_q_cell_clicked)
        self.table.hover_moved.connect(self._on_q_hover_moved)
        self.table.resized.connect(self.follow_current)
        bind(self, studio.frame_changed, self.follow_current)
        bind(self, self._field.changed, self.set_title)
        self.set_title()

    def _size_text(self) -> str:
        p = self.model.padded
        size = f"{p.height}×{p.width}"
        return f"{self._name}  {size}" if self._name else size

    def set_title(self) -> None:
        """The map's name and size, and the pointed cell's receptive field when it is
        this map's; never writes the model."""
        plain = self._size_text()
        field = self._field_text()
        text = plain if field is None else self.tr("{0} · {1}").format(plain, field)
        if self.title.text() != text:
            self.title.setText(text)
        # Room for the field's words too: pointing never moves the stage.
        widest = self._field_widest()
        self.title_texts = (
            (plain,) if widest is None else (plain, self.tr("{0} · {1}").format(plain, widest))
        )

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
        p = self.model.padded
        if not p.inside(row, col):
            return None
        return row - p.top, col - p.left

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
