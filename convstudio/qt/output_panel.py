"""The output map: filled cell by cell as the steps go; click a cell to jump to it.

Hovering an input cell lights the output cells it contributes to (model/sharing.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..model import Studio, format_number
from ..model.quiz import quiz_of
from ..model.sharing import hover_of
from ..model.stage import GridPlace, Rect
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, GridModel, GridPiece, NumberTable

if TYPE_CHECKING:
    from .heatmap_view import HeatMapView

AnyIndex = QModelIndex | QPersistentModelIndex
_EMPTY = CellLook(background=style.EMPTY_BG)
_FILLED = CellLook(background=style.FILLED_BG)
_CURRENT = CellLook(background=style.CURRENT_BG, border=True)
# Reached by the hovered input cell (made once: data() runs for every painted cell).
_EMPTY_LIT, _FILLED_LIT, _CURRENT_LIT = (
    look._replace(lit=True) for look in (_EMPTY, _FILLED, _CURRENT)
)


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
        self._load()
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self._hover.changed, self._on_hover_changed)
        bind(self, self._quiz.changed, self._reload)

    def _on_hover_changed(self) -> None:
        if self._studio.evaluation is not self._evaluation or not self._values.size:
            return  # a new scene is on its way (frame_changed reloads everything), or no map
        old, self._lit = self._lit, self._hover.output_lit(self._channel)
        for row, col in old ^ self._lit:  # at most one window's worth of cells each
            index = self.index(row, col)
            self.dataChanged.emit(index, index)

    def _load(self) -> None:
        self._evaluation = self._studio.evaluation
        output = self._evaluation.output
        if output is None or self._channel >= output.shape[0] or self._quiz.asking_size:
            self._values = np.zeros((0, 0))  # no output, this map is gone, or a quiz
        else:
            self._values = output[self._channel]
        self._first_step = self._channel * self._values.size
        self._position = self._studio.conv_position
        self._lit = self._hover.output_lit(self._channel)

    def _reload(self) -> None:
        old_shape = self._values.shape
        self._load()
        if self._values.shape != old_shape:
            self.beginResetModel()
            self.endResetModel()
        elif self._values.size:
            rows, cols = self._values.shape
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
        # Cells that changed: those filled or emptied between the two positions, and the
        # old and new current cells (steps old-1 and new-1).
        low = max(0, min(old, new) - 1 - self._first_step)
        high = min(size - 1, max(old, new) - 1 - self._first_step)
        if high < low:
            return
        if high - low < cols:  # a short move: repaint just those cells
            for step in range(low, high + 1):
                index = self.index(step // cols, step % cols)
                self.dataChanged.emit(index, index)
        else:
            self.dataChanged.emit(self.index(low // cols, 0), self.index(high // cols, cols - 1))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        # Every value the map will show, so that filling it never widens the cells.
        return {format_number(v) for v in np.unique(self._values)}, ()

    def _step(self, row: int, col: int) -> int:
        return self._first_step + row * self._values.shape[1] + col

    def shape(self) -> tuple[int, int]:
        rows, cols = self._values.shape
        return rows, cols

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        step = self._step(index.row(), index.column())
        done = step < self._position
        if role == Qt.ItemDataRole.DisplayRole:
            if not done:
                return ""
            if step == self._position - 1 and self._quiz.value_hidden:
                return "?"  # the class predicts it first
            return format_number(self._values[index.row(), index.column()])
        if role == LOOK_ROLE:
            lit = (index.row(), index.column()) in self._lit
            if step == self._position - 1:
                return _CURRENT_LIT if lit else _CURRENT
            if done:
                return _FILLED_LIT if lit else _FILLED
            return _EMPTY_LIT if lit else _EMPTY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Output row {0}, column {1}: click to show its step").format(
                index.row() + 1, index.column() + 1
            )
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
        # The stage may shrink the table after a step scrolled it.
        self.table.resized.connect(self.follow_current)
        bind(self, studio.document.evaluation_changed, self.set_evaluation)
        bind(self, studio.frame_changed, self.follow_current)
        bind(self, self._quiz.changed, self.set_evaluation)
        self.set_evaluation()

    def follow_current(self) -> None:
        """Scroll so that the cell being computed is in view."""
        step = self._studio.current
        if step is not None and step.out_channel == self._channel:
            self.table.show_block((step.out_row, step.out_col), (step.out_row, step.out_col))

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
            self.title.setText(f"{name}  {output.shape[1]}×{output.shape[2]}")
        if output is not None:
            # Room for the size and for the quiz's question: neither is cut when it comes.
            self.title_texts = (name + "  ?×?", f"{name}  {output.shape[1]}×{output.shape[2]}")

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
        self._studio.show_cell(self._channel, index.row(), index.column())


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
            panel.show_heat_map(visible)
