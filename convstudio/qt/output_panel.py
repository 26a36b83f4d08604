"""The output map: filled cell by cell as the steps go; click a cell to jump to it.

Hovering an input cell lights the output cells it contributes to (model/sharing.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..model import Studio, format_number
from ..model.backward import NO_GRAD_CELLS, GradCells, MapGradient, backward_of, gradient_title
from ..model.quiz import quiz_of
from ..model.sharing import hover_of
from ..model.stack_marks import (
    NO_CELLS,
    PaddedMap,
    StepCells,
    field_of,
    field_text,
    padded_map,
    step_cells,
)
from ..model.stage import GridPlace, Rect
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, GridModel, GridPiece, NumberTable

if TYPE_CHECKING:
    from ..model.document import Evaluation
    from .heatmap_view import HeatMapView

AnyIndex = QModelIndex | QPersistentModelIndex
_EMPTY = CellLook(background=style.EMPTY_BG)
_FILLED = CellLook(background=style.FILLED_BG)
_CURRENT = CellLook(background=style.CURRENT_BG, border=True)
# Reached by the hovered input cell (made once: data() runs for every painted cell).
_EMPTY_LIT, _FILLED_LIT, _CURRENT_LIT = (
    look._replace(lit=True) for look in (_EMPTY, _FILLED, _CURRENT)
)
# Read by the current step of the layer after this one (a stack), and a max pool's winner.
_READ = CellLook(background=style.FIELD_BG)
_READ_WINNER = CellLook(background=style.FIELD_BG, border=True)


_PADDING = CellLook(background=style.PADDING_BG, foreground=style.PADDING_FG, italic=True)
_PADDING_READ = _PADDING._replace(background=style.FIELD_BG)


def _padding_text(value: float) -> str:
    """A max pool's padding (never a winner) shows empty."""
    return "" if math.isnan(value) else format_number(value)


HEAT_MAP_MIN = 160  # pixels: below this the colour bar's labels do not fit


class OutputModel(GridModel):
    """Output map *channel*: cells whose step is done show their value.

    In quiz mode the current cell shows "?" until revealed, and the map has no cells
    while the class guesses its size.
    """

    def __init__(self, studio: Studio, channel: int) -> None:
        super().__init__()
        self._studio = studio
        self._channel = channel
        self._hover = hover_of(studio)
        self._quiz = quiz_of(studio)
        self._lit: frozenset[tuple[int, int]] = frozenset()
        self._field = field_of(studio)
        self._backward = backward_of(studio)
        self._load()
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self._hover.changed, self._on_hover_changed)
        bind(self, self._field.changed, self._on_hover_changed)
        bind(self, self._quiz.changed, self._reload)
        bind(self, self._backward.changed, self._reload)

    def _on_hover_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation or not self._values.size:
            return  # a new scene is on its way (frame_changed reloads everything), or no map
        old, self._lit = self._lit, self._lit_now()
        for row, col in old ^ self._lit:  # at most one window's worth of cells each
            index = self.cell_index(row, col)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def cell_index(self, row: int, col: int) -> QModelIndex:
        """The table's index of map cell (row, col) (past the padding a stack may show,
        among the zeros a transposed convolution puts between cells); invalid when the
        next layer cuts it off."""
        if self._padded is None:
            return self.index(row, col)
        return self.index(*self._padded.position(row, col))

    def map_cell(self, row: int, col: int) -> tuple[int, int] | None:
        """The map cell at table cell (row, col), or None on padding (or a zero put
        between cells)."""
        if self._padded is not None:
            return self._padded.cell_at(row, col)
        rows, cols = self._values.shape
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def _load(self) -> None:
        self._evaluation = self._studio.evaluation
        output = self._evaluation.output
        if output is None or self._channel >= output.shape[0] or self._quiz.asking_size:
            self._values = np.zeros((0, 0))  # no output, this map is gone, or a quiz
        else:
            self._values = output[self._channel]
        # In a stack, the padding the next layer reads this map with shows around it.
        self._padded: PaddedMap | None = None
        evaluation = self._evaluation
        reader = _map_of_conv(evaluation)
        stack = self._studio.document.scene.is_stack and bool(evaluation.maps)
        if self._values.size and stack and reader < len(evaluation.layers):
            self._padded = padded_map(evaluation, reader, self._channel)
        p = self._padded
        self._table_shape = self._values.shape if p is None else p.values.shape
        self._first_step = self._channel * self._values.size
        self._position = self._studio.conv_position
        self._marked = self._marked_now()
        self._lit = self._lit_now()
        self._gradient, self._grad_cells = self._gradient_now()

    def _gradient_now(self) -> tuple[MapGradient | None, GradCells]:
        """The map's gradient while the backward pass shows it, and the current step's
        cells of the backward pass here."""
        index = _map_of_conv(self._evaluation)
        if not self._values.size or index < 0 or self._backward.current is None:
            return None, NO_GRAD_CELLS
        return self._backward.map_gradient(index), self._backward.map_cells(index)

    def _lit_now(self) -> frozenset[tuple[int, int]]:
        """Reached by the hovered input cell, or in the field of the pointed map cell."""
        lit = self._hover.output_lit(self._channel)
        if self._field.cell is not None:
            lit |= self._field.lit(_map_of_conv(self._evaluation))
        return lit

    def _marked_now(self) -> tuple[int, StepCells]:
        """The step shown as current when it is this convolution's (else −1), and the
        cells the next layer's current step reads here."""
        studio = self._studio
        found = studio.layer_step if studio.document.scene.is_stack else None
        conv = self._evaluation.conv_index
        current = self._position - 1 if studio.extension_done == 0 else -1
        if found is None or conv is None:  # no convolution (transposed ones alone)
            return current, NO_CELLS
        layer, step = found
        if layer != conv + 1 or not self._values.size:
            return (current if layer == conv else -1), NO_CELLS
        rows, cols = self._values.shape
        shown = self._padded or PaddedMap(self._values, 0, 0, rows, cols)
        return -1, step_cells(self._evaluation, layer, step, layer, self._channel, shown)

    def _reload(self) -> None:
        old_shape = self._table_shape
        self._load()
        if self._table_shape != old_shape:
            self.beginResetModel()
            self.endResetModel()
        elif self._values.size:
            rows, cols = self._table_shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
        self.content_changed.emit()

    def _on_frame_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation:
            self._reload()
            return
        old, new = self._position, self._studio.conv_position
        self._position = new
        size = self._values.size
        cols = self._values.shape[1] if size else 0
        if cols == 0:
            return
        old_gradient, old_cells = self._gradient, self._grad_cells
        self._gradient, self._grad_cells = self._gradient_now()
        if old_gradient is not None or self._gradient is not None or old_cells != NO_GRAD_CELLS:
            # The backward pass: its gradient fills any cells (running sums), at once.
            rows, columns = self._table_shape
            self._marked = self._marked_now()
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
            return
        old_marked, self._marked = self._marked, self._marked_now()
        if old_marked != self._marked:  # a stack's later layer: the current cell, the reads
            changed = {*old_marked[1].reads, *self._marked[1].reads}  # table cells
            for step in (old_marked[0], self._marked[0]):
                if step >= self._first_step and step - self._first_step < size:
                    index = self.cell_index(*divmod(step - self._first_step, cols))
                    changed.add((index.row(), index.column()))
            rows, columns = self._table_shape
            for row, col in changed:
                if 0 <= row < rows and 0 <= col < columns:  # a window may reach past it
                    index = self.index(row, col)
                    self.dataChanged.emit(index, index)
        # Cells that changed: those filled or emptied between the two positions, and the
        # old and new current cells (steps old-1 and new-1).
        low = max(0, min(old, new) - 1 - self._first_step)
        high = min(size - 1, max(old, new) - 1 - self._first_step)
        if high < low:
            return
        if high - low < cols:  # a short move: repaint just those cells
            for step in range(low, high + 1):
                index = self.cell_index(step // cols, step % cols)
                if index.isValid():
                    self.dataChanged.emit(index, index)
        else:  # whole rows of the table (a row may be cut off by the next layer: clamped)
            rows, columns = self._table_shape
            top = self.cell_index(low // cols, 0)
            bottom = self.cell_index(high // cols, 0)
            first = top.row() if top.isValid() else 0
            last = bottom.row() if bottom.isValid() else rows - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, columns - 1))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        # Every value the map will show, so that filling it never widens the cells.
        values = self._values if self._padded is None else self._padded.values
        texts = {_padding_text(v) for v in np.unique(values)}
        return texts | self._backward.texts(_map_of_conv(self._evaluation)), ()

    def _step(self, row: int, col: int) -> int:
        return self._first_step + row * self._values.shape[1] + col

    def shape(self) -> tuple[int, int]:
        rows, cols = self._table_shape
        return rows, cols

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        p = self._padded
        if p is None:
            return str(section + 1)
        own = p.map_col(section) if horizontal else p.map_row(section)
        if own is not None:
            return str(own + 1)
        if p.between_cols(section) if horizontal else p.between_rows(section):
            return ""  # zeros a transposed convolution puts between the rows
        return self.tr("pad")  # the padding the next layer of a stack reads

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self.map_cell(index.row(), index.column())
        if cell is None:  # the next layer's padding
            return self._padding_data(index.row(), index.column(), role)
        if self._gradient is not None or self._grad_cells != NO_GRAD_CELLS:
            return self._gradient_data(cell, role)
        step = self._step(*cell)
        done = step < self._position
        current = step == self._marked[0]
        if role == Qt.ItemDataRole.DisplayRole:
            if not done:
                return ""
            if current and self._quiz.value_hidden:
                return "?"  # the class predicts it first
            return format_number(self._values[cell])
        if role == LOOK_ROLE:
            lit = cell in self._lit
            table_cell = (index.row(), index.column())
            if current:
                return _CURRENT_LIT if lit else _CURRENT
            reads = self._marked[1]
            if table_cell in reads.reads:  # the next layer's window reads it
                look = _READ_WINNER if table_cell == reads.winner else _READ
                return look._replace(lit=True) if lit else look
            if done:
                return _FILLED_LIT if lit else _FILLED
            return _EMPTY_LIT if lit else _EMPTY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Output row {0}, column {1}: click to show its step").format(
                cell[0] + 1, cell[1] + 1
            )
        return None

    def _gradient_data(self, cell: tuple[int, int], role: int) -> object:
        """A cell while the backward pass is stepped: its gradient once computed (or its
        value, before its gradient begins), the step's cells marked."""
        key = (self._channel, *cell)
        gradient = self._gradient
        done = gradient is None or bool(gradient.done[key])
        if role == Qt.ItemDataRole.DisplayRole:
            if not done:
                return ""
            return format_number(
                float((self._values if gradient is None else gradient.values[self._channel])[cell])
            )
        if role == LOOK_ROLE:
            if key in self._grad_cells.writes:
                return _CURRENT
            if key in self._grad_cells.reads:
                return _READ
            return _FILLED if done else _EMPTY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Output row {0}, column {1}: click to show its step").format(
                cell[0] + 1, cell[1] + 1
            )
        return None

    def _padding_data(self, row: int, col: int, role: int) -> object:
        assert self._padded is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return _padding_text(self._padded.values[row, col])
        if role == LOOK_ROLE:
            reads = self._marked[1]
            return _PADDING_READ if (row, col) in reads.reads else _PADDING
        if role == Qt.ItemDataRole.ToolTipRole and self._padded.inserted(row, col):
            return self.tr("A zero put between the map's cells")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class OutputPanel(GridPiece):
    """Title and table of one output map (and its heat map, made when first shown)."""

    def __init__(self, studio: Studio, channel: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(NumberTable(), parent)
        self._studio = studio
        self._channel = channel
        self._zoom = 1.0
        self.title.show()
        self.title.setFont(style.font(style.UI_PT, bold=True))
        self.model = OutputModel(studio, channel)
        self.table.setModel(self.model)
        self._quiz = quiz_of(studio)
        # Made when first shown: pyqtgraph is then imported only by those who want colours,
        # which keeps it out of the start-up time.
        self.heat_map: HeatMapView | None = None
        self.table.clicked.connect(self._on_q_cell_clicked)
        self._field = field_of(studio)
        self.table.hover_moved.connect(self._on_q_hover_moved)
        bind(self, self._field.changed, self.set_evaluation)
        # The stage may shrink the table after a step scrolled it.
        self.table.resized.connect(self.follow_current)
        bind(self, studio.document.evaluation_changed, self.set_evaluation)
        bind(self, studio.frame_changed, self.follow_current)
        bind(self, self._quiz.changed, self.set_evaluation)
        self._backward = backward_of(studio)
        bind(self, self._backward.changed, self.set_evaluation)
        bind(self, studio.frame_changed, self._on_frame_changed)
        self.set_evaluation()

    def _on_frame_changed(self) -> None:
        if self._backward.steps is not None:  # "∂L/∂" comes and goes with the gradient
            self.set_evaluation()

    def follow_current(self) -> None:
        """Scroll so that the cell being computed is in view."""
        step = self._studio.current
        if step is not None and step.out_channel == self._channel:
            index = self.model.cell_index(step.out_row, step.out_col)
            if index.isValid():  # a cell the next layer cuts off stays where it is
                row, col = index.row(), index.column()
                self.table.show_block((row, col), (row, col))

    def set_evaluation(self, evaluation: object = None) -> None:
        """Show the output's size; never writes the document."""
        output = self._studio.evaluation.output
        name = self.tr("Output") if output is None or output.shape[0] == 1 else self.tr("Map {0}")
        name = name.format(self._channel + 1)
        if output is not None and self._quiz.asking_size:
            # The size is the question: the title must not answer it.
            self.title.setText(name + "  ?×?")
        elif output is None:
            # One sentence is enough: the other maps' titles stay empty.
            self.title.setText(
                self.tr("Output: none (see the red note)") if self._channel == 0 else ""
            )
        elif self._channel < output.shape[0]:
            text = f"{name}  {output.shape[1]}×{output.shape[2]}"
            text = self._backward.title(self._map_index(), text)
            field = self._field_text()
            text = text if field is None else self.tr("{0} · {1}").format(text, field)
            if self.title.text() != text:
                self.title.setText(text)
        if output is not None:
            # Room for the size and for the quiz's question: neither is cut when it comes.
            sized = f"{name}  {output.shape[1]}×{output.shape[2]}"
            self.title_texts = (name + "  ?×?", sized)
            if self._backward.steps is not None:  # and for its gradient's title
                self.title_texts += (gradient_title(sized),)
            widest = self._field_widest()
            if widest is not None:  # and for a pointed cell's receptive field (a stack)
                self.title_texts += (self.tr("{0} · {1}").format(sized, widest),)

    def _map_index(self) -> int:
        return _map_of_conv(self._studio.evaluation)

    def _field_text(self) -> str | None:
        cell = self._field.cell
        if cell is None or (cell.map, cell.channel) != (self._map_index(), self._channel):
            return None
        return self._field.size_text()

    def _field_widest(self) -> str | None:
        if not self._studio.document.scene.is_stack:
            return None
        return field_text(self._studio.evaluation, self._map_index())

    def _on_q_hover_moved(self, row: int, col: int, _shift: bool) -> None:
        cell = None if row < 0 else self.model.map_cell(row, col)
        if cell is None or not self._studio.document.scene.is_stack:
            self._field.leave(self._map_index(), self._channel)
        else:
            self._field.point_at(self._map_index(), self._channel, *cell)

    def place(self, place: GridPlace, zoom: float, origin: Rect) -> None:
        self._zoom = zoom
        super().place(place, zoom, origin)
        if self.heat_map is not None:
            self.heat_map.set_zoom(zoom)

    def show_heat_map(self, visible: bool) -> None:
        """Show this map's heat map (made on first use) beside its numbers, or hide it."""
        if visible and self.heat_map is None:
            from .heatmap_view import HeatMapView

            # A sibling: the stage places it beside the map.
            self.heat_map = HeatMapView(self._studio, self._channel, self.parentWidget())
            self.heat_map.set_zoom(self._zoom)
        if self.heat_map is not None:
            self.heat_map.setVisible(visible)

    def _on_q_cell_clicked(self, index: QModelIndex) -> None:
        cell = self.model.map_cell(index.row(), index.column())
        if cell is not None:  # not the padding a stack's next layer reads
            self._studio.show_cell(self._channel, *cell)


class OutputsPanel(QWidget):
    """One output map per kernel (the output's channels), placed by the stage."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self._zoom = 1.0
        self.heat_maps_visible = False  # the numbers come first; View ▸ Heat maps adds colours
        self.maps: list[OutputPanel] = []
        self._sync_maps()
        bind(self, studio.document.scene_changed, self._sync_maps)

    @property
    def table(self) -> NumberTable:
        """The first map's table (the only one with one kernel)."""
        return self.maps[0].table

    @property
    def model(self) -> OutputModel:
        return self.maps[0].model

    @property
    def title(self) -> QLabel:
        return self.maps[0].title

    def _sync_maps(self, *_: object) -> None:
        count = self._studio.document.scene.kernels.shape[0]
        while len(self.maps) > count:
            panel = self.maps.pop()
            for widget in (panel.heat_map, panel):
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        while len(self.maps) < count:
            panel = OutputPanel(self._studio, len(self.maps), self)
            panel.table.set_zoom(self._zoom)
            panel.show_heat_map(self.heat_maps_visible)
            panel.show()
            self.maps.append(panel)
        for panel in self.maps:
            panel.set_evaluation()

    def heat_maps(self) -> list[HeatMapView]:
        """The heat maps made so far, map by map."""
        return [m.heat_map for m in self.maps if m.heat_map is not None]

    def set_zoom(self, zoom: float) -> None:
        """The zoom of maps made from now on (the stage sets the others')."""
        self._zoom = zoom

    def set_heat_maps_visible(self, visible: bool) -> None:
        """Show or hide the heat map beside every map's numbers."""
        self.heat_maps_visible = visible
        for panel in self.maps:
            # Not beside maps the stage has hidden (a stack focused on a later layer).
            panel.show_heat_map(visible and not self.isHidden())


def _map_of_conv(evaluation: Evaluation) -> int:
    """The map the focused convolution writes (its index in ``evaluation.maps``), or −1,
    no map, when the stack holds no convolution (transposed ones alone)."""
    conv = evaluation.conv_index
    return -1 if conv is None else conv + 1
