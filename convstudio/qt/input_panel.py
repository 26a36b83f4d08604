"""The input grid: padded, editable, with the receptive field drawn over it.

Cells that the hovered weight multiplies are lit (model/sharing.py says which), and
each cell can show in how many windows it takes part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set

import numpy as np
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..engine import StepDetail
from ..engine.layers import Conv2d
from ..model import (
    MAX_GRID,
    EditError,
    NumberError,
    Studio,
    format_number,
    parse_block,
    parse_number,
)
from ..model.backward import backward_of
from ..model.sharing import Mark, hover_of
from ..model.stack_marks import NO_CELLS, PaddedMap, StepCells, field_of, padded_map, step_cells
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, GridModel, GridPiece, NumberTable
from .size_controls import SizeControls

AnyIndex = QModelIndex | QPersistentModelIndex
Report = Callable[[str], None]


def _weight_text(weight: float) -> str:
    """A weight as written after ×: negative ones in parentheses, ×(−1) not ×-1."""
    text = format_number(weight)
    return f"({text})" if weight < 0 else text


class PaddedInputModel(GridModel):
    """One input channel with its padding, as a table; the current receptive field marked.

    Parameters
    ----------
    studio
        The studio to show and edit.
    channel
        Which input channel.
    report
        Called with a sentence when an edit is refused.
    """

    def __init__(self, studio: Studio, channel: int, report: Report) -> None:
        super().__init__()
        self._studio = studio
        self._channel = channel
        self._report = report
        self._scene = None
        self._field: dict[tuple[int, int], str] = {}
        self._field_box: tuple[int, int, int, int] | None = None
        self.hover = hover_of(studio)
        self._field_hover = field_of(studio)
        self._show_counts = False
        self._marks: dict[tuple[int, int], Mark] = {}
        self._field_lit: frozenset[tuple[int, int]] = frozenset()
        self._backward = backward_of(studio)
        self._load()
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self.hover.changed, self._on_hover_changed)
        bind(self, self._field_hover.changed, self._on_field_changed)

    # ------------------------------------------------------------ caches

    def _load(self) -> None:
        """Recompute everything that depends on the scene."""
        studio = self._studio
        self._scene = studio.document.scene
        x = self._scene.input[self._channel]
        self._height, self._width = x.shape
        # The focused convolution's padding and window, when it is the one reading the input
        # (a stack may focus a later one: the input is then shown as it is).
        evaluation = studio.evaluation
        self._reads_input = evaluation.conv_index == 0
        problem = evaluation.problem if self._reads_input else None
        # Focused on a later layer: the first layer, when it is a convolution, still pads
        # the input and reads its windows here.
        self._first_conv = None
        if not self._reads_input and evaluation.maps and isinstance(evaluation.layers[0], Conv2d):
            problem = self._first_conv = evaluation.layers[0].problem(evaluation.maps[0])
        # A stack whose first layer is another type (a transposed convolution, a pool): the
        # input as that layer reads it (stuffed, padded), its current step's cells marked.
        self._reader: PaddedMap | None = None
        if problem is None and not self._reads_input and evaluation.maps:
            self._reader = padded_map(evaluation, 0, self._channel)
        self._plane = PaddedMap(x, 0, 0, self._height, self._width)
        if self._reader is not None:
            self._plane = self._reader
            self._values = self._reader.values
            self._source_rows = np.full(self._values.shape[0], -1)
            self._source_cols = np.full(self._values.shape[1], -1)
            self._unreached_rows = set()
            self._unreached_cols = set()
            self._mode = "zeros"
        elif problem is None:
            # Impossible settings: show the bare input; the settings panel says why.
            self._values = x
            self._source_rows = np.arange(self._height)
            self._source_cols = np.arange(self._width)
            self._unreached_rows: set[int] = set()
            self._unreached_cols: set[int] = set()
            self._mode = "zeros"
        else:
            g = problem.geometry
            self._values = problem.padded()[self._channel]
            self._plane = PaddedMap(self._values, g.pad_top, g.pad_left, self._height, self._width)
            self._source_rows, self._source_cols = g.row_index(), g.col_index()
            self._unreached_rows = set(g.unreached(0).tolist())
            self._unreached_cols = set(g.unreached(1).tolist())
            self._mode = g.padding_mode
        self._field, self._field_box = self._current_field()
        self._reads = self._reads_now()
        self._marks = self._marks_now()
        self._field_lit = self._field_lit_now()

    def _reads_now(self) -> StepCells:
        """The cells the first layer's current step reads here, when it is not a
        convolution (a convolution's window is :attr:`_field`, with its weights); in the
        backward pass, the input values a weight of the first layer met."""
        if self._backward.current is not None:
            cells = self._backward.map_cells(0).reads
            channel = self._channel
            return StepCells(
                reads=self._plane.plane_cells((r, c) for ch, r, c in cells if ch == channel)
            )
        if self._reader is None:  # the common case: asks nothing of the studio
            return NO_CELLS
        found = self._studio.layer_step
        if found is None or found[0] != 0:
            return NO_CELLS
        layer, step = found
        return step_cells(self._studio.evaluation, layer, step, 0, self._channel, self._reader)

    def _marks_now(self) -> dict[tuple[int, int], Mark]:
        if not self._reads_input:
            return {}
        return self.hover.input_marks(self._channel, show_counts=self._show_counts)

    def _field_lit_now(self) -> frozenset[tuple[int, int]]:
        """The receptive field of the map cell pointed at (a stack), in padded cells."""
        return self._plane.plane_cells(self._field_hover.lit(0))

    def _on_field_changed(self) -> None:
        scene = self._studio.document.scene
        if scene is not self._scene or self._channel >= scene.input.shape[0]:
            return  # a new scene is on its way: frame_changed reloads everything
        old, self._field_lit = self._field_lit, self._field_lit_now()
        if old != self._field_lit:
            self._emit_cells(old ^ self._field_lit)

    def _current_step(self) -> StepDetail | None:
        """The current step when it reads the input: the focused convolution's, or the
        first layer's when the focus is on a later one."""
        if self._reads_input:
            return self._studio.current
        studio, problem = self._studio, self._first_conv
        step = studio.forward_step
        if problem is None or step is None or studio.evaluation.maps == ():
            return None
        layer, k = studio.evaluation.locate(step)
        return problem.step(k) if layer == 0 else None

    def _current_field(self) -> tuple[dict[tuple[int, int], str], tuple[int, int, int, int] | None]:
        step = self._current_step()
        if step is None or self._channel not in step.in_channels:
            return {}, None
        depth = self._channel - step.in_channels[0]
        weights = step.weights[depth]
        cells = {
            (int(r), int(c)): _weight_text(weights[i, j])
            for i, r in enumerate(step.padded_rows)
            for j, c in enumerate(step.padded_cols)
        }
        box = (
            int(step.padded_rows[0]),
            int(step.padded_cols[0]),
            int(step.padded_rows[-1]),
            int(step.padded_cols[-1]),
        )
        return cells, box

    def _on_frame_changed(self) -> None:
        if self._channel >= self._studio.document.scene.input.shape[0]:
            return  # this channel is gone; its panel removes this grid
        old_shape = self._values.shape
        if self._studio.document.scene is not self._scene:
            self._load()
            if self._values.shape != old_shape:
                self.beginResetModel()
                self.endResetModel()
            else:
                self._emit_changed((0, 0, old_shape[0] - 1, old_shape[1] - 1))
            self.content_changed.emit()
            return
        old_box = self._field_box
        self._field, self._field_box = self._current_field()
        old_reads, self._reads = self._reads, self._reads_now()
        if old_reads != self._reads:
            cells = {*old_reads.reads, *self._reads.reads}
            self._emit_changed(
                (
                    min(r for r, _ in cells),
                    min(c for _, c in cells),
                    max(r for r, _ in cells),
                    max(c for _, c in cells),
                )
            )
        boxes = [b for b in (old_box, self._field_box) if b is not None]
        if boxes:
            self._emit_changed(
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
            )
        self._update_marks()  # a hovered weight moves with the step

    def _on_hover_changed(self) -> None:
        scene = self._studio.document.scene
        if scene is not self._scene or self._channel >= scene.input.shape[0]:
            return  # a new scene is on its way: frame_changed reloads everything
        self._update_marks()

    def set_show_counts(self, show: bool) -> None:
        """Show on every input cell in how many windows it takes part (a view option)."""
        if show != self._show_counts:
            self._show_counts = show
            self._update_marks()
            self.content_changed.emit()  # the cells make room for the counts, or give it back

    def _update_marks(self) -> None:
        old = self._marks
        self._marks = self._marks_now()
        if old or self._marks:
            changed = {
                c for c in old.keys() | self._marks.keys() if old.get(c) != self._marks.get(c)
            }
            self._emit_cells(changed)

    def _emit_cells(self, cells: Set[tuple[int, int]]) -> None:
        """Repaint these cells: one by one when few, else the rectangle around them."""
        if len(cells) <= 32:
            for row, col in cells:
                index = self.index(row, col)
                self.dataChanged.emit(index, index)
        else:
            rows = [r for r, _ in cells]
            cols = [c for _, c in cells]
            self._emit_changed((min(rows), min(cols), max(rows), max(cols)))

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        kernels = self._studio.document.scene.kernels
        first = self._studio.evaluation.layers[0] if self._first_conv is not None else None
        if isinstance(first, Conv2d):  # the weights shown here are the first layer's
            kernels = first.kernels
        return (
            {format_number(v) for v in np.unique(self._values)},
            {_weight_text(v) for v in np.unique(kernels)},
        )

    def badge_texts(self) -> Iterable[str]:
        # Room only while every cell shows its count: a count that comes and goes with the
        # pointer (Shift held) goes left of the value, and the stage does not move under it.
        if not self._show_counts:
            return ()
        widest = self.hover.widest_count()
        return (str(widest),) if widest else ()

    def _emit_changed(self, box: tuple[int, int, int, int]) -> None:
        # Only the rectangle that changed is repainted: this keeps a step under a millisecond.
        self.dataChanged.emit(self.index(box[0], box[1]), self.index(box[2], box[3]))

    # ------------------------------------------------------------ Qt model API

    def shape(self) -> tuple[int, int]:
        rows, cols = self._values.shape
        return rows, cols

    def _inside(self, row: int, col: int) -> bool:
        return self._plane.inside(row, col)

    def _cell(self, row: int, col: int) -> tuple[int, int]:
        """The input cell at table cell (row, col) (inside: see :meth:`_inside`)."""
        cell = self._plane.cell_at(row, col)
        assert cell is not None
        return cell

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(self._values[row, col])
        if role == LOOK_ROLE:
            inside = self._inside(row, col)
            weight = self._field.get((row, col))
            mark = self._marks.get((row, col))
            read = (row, col) in self._reads.reads
            if weight is not None or read:
                background = style.FIELD_BG
            else:
                background = style.INPUT_BG if inside else style.PADDING_BG
            return CellLook(
                background=background,
                foreground=style.TEXT_FG if inside else style.PADDING_FG,
                italic=not inside,
                hatch=inside
                and (
                    row - self._plane.top in self._unreached_rows
                    or col - self._plane.left in self._unreached_cols
                ),
                weight=weight,
                border=weight is not None or (read and inside),
                lit=(mark is not None and mark.lit) or (row, col) in self._field_lit,
                badge=None if mark is None or mark.badge is None else str(mark.badge),
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._describe(row, col)
        return None

    def _describe(self, row: int, col: int) -> str:
        if self._inside(row, col):
            own_row, own_col = self._cell(row, col)
            text = self.tr("Input row {0}, column {1}").format(own_row + 1, own_col + 1)
            if own_row in self._unreached_rows or own_col in self._unreached_cols:
                return text + self.tr(": no window reaches this cell")
            if self._reader is not None:
                return text
            return text + self._windows_sentence(own_row, own_col)
        if self._plane.inserted(row, col):
            return self.tr("A zero put between the input's cells")
        source_row, source_col = self._source_rows[row], self._source_cols[col]
        if source_row < 0 or source_col < 0:
            return self.tr("Padding: zero")
        return self.tr("Padding ({0}): a copy of input row {1}, column {2}").format(
            self._mode, source_row + 1, source_col + 1
        )

    def _windows_sentence(self, row: int, col: int) -> str:
        """In how many windows the cell takes part: fewer at the edges without padding."""
        count = self.hover.window_count(self._channel, row, col)
        if count is None:
            return ""
        if self._studio.document.scene.kernels.shape[0] == 1:
            text = self.tr("It takes part in {0} of the {1} windows.")
        else:
            text = self.tr("It takes part in {0} of the {1} windows of kernel {2}.")
        return "\n" + text.format(count.windows, count.total, count.kernel + 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        p = self._plane
        own = p.map_col(section) if horizontal else p.map_row(section)
        if own is not None:
            return str(own + 1)
        if p.between_cols(section) if horizontal else p.between_rows(section):
            return ""  # zeros put between the input's rows
        # A row or column of padding; the table's headers are as wide as this (header_lengths).
        return self.tr("pad")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._inside(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._inside(index.row(), index.column()):
            return False
        try:
            number = parse_number(str(value))
        except NumberError as exc:
            self._report(self.tr("{0} The cell keeps its value.").format(exc))
            return False
        try:
            self._studio.document.set_input_value(
                self._channel, *self._cell(index.row(), index.column()), number
            )
        except EditError as exc:
            # Never raised into Qt: an exception out of setData can bring PySide down.
            self._report(str(exc))
            return False
        return True

    def paste(self, row: int, col: int, text: str) -> None:
        """Paste a block of numbers with its top-left at table cell (row, col)."""
        try:
            block = parse_block(text)
            p = self._plane
            # From the first input cell at or after the table cell (padding, zeros put in).
            first_row = max(0, -(-(row - p.top) // p.spacing[0]))
            first_col = max(0, -(-(col - p.left) // p.spacing[1]))
            self._studio.document.paste_input(self._channel, first_row, first_col, block)
        except (NumberError, EditError) as exc:
            self._report(self.tr("{0} Nothing was pasted.").format(exc))


class ChannelGrid(GridPiece):
    """One input channel: its name (when there are several) and its padded grid."""

    def __init__(
        self, studio: Studio, channel: int, report: Report, parent: QWidget | None = None
    ) -> None:
        super().__init__(NumberTable(weights_over_values=True), parent)
        self._studio = studio
        self.channel = channel
        self.model = PaddedInputModel(studio, channel, report)
        self.table.setModel(self.model)
        self.table.setToolTip(
            self.tr(
                "Type a number into any white cell; grey cells are padding. "
                "Ctrl+V pastes a block copied from a spreadsheet."
            )
        )
        self.table.paste_requested.connect(self.model.paste)
        self.table.hover_moved.connect(self._on_q_hover_moved)
        # The stage may shrink the grid after a step scrolled it: follow the field again.
        self.table.resized.connect(lambda: self.follow_field(studio.current))

    @property
    def min_window(self) -> int:  # type: ignore[override]
        """The receptive field's extent: a grid that scrolls still shows it whole."""
        scene = self._studio.document.scene
        kh, kw = scene.kernels.shape[2:]
        dh, dw = scene.dilation
        return max((kh - 1) * dh + 1, (kw - 1) * dw + 1)

    def _on_q_hover_moved(self, row: int, col: int, _shift: bool) -> None:
        if row < 0:
            self.model.hover.leave_channel(self.channel)
        else:
            self.model.hover.point_at_cell(self.channel, row, col)

    def follow_field(self, step: StepDetail | None) -> None:
        """Scroll so that the whole receptive field is in view (large grids scroll)."""
        if step is None or self.channel not in step.in_channels:
            return
        self.table.show_block(
            (int(step.padded_rows[0]), int(step.padded_cols[0])),
            (int(step.padded_rows[-1]), int(step.padded_cols[-1])),
        )


class InputPanel(QWidget):
    """The input: one grid per channel (placed by the stage), and the size controls and
    fill buttons (:attr:`size_controls`, which the window puts in its side panel).

    Parameters
    ----------
    studio
        The studio to show and edit.
    report
        Called with a sentence when an edit is refused.
    """

    def __init__(self, studio: Studio, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self._report = report
        self._zoom = 1.0
        self._show_counts = False
        self.size_controls = SizeControls(self.tr("Input"), MAX_GRID)
        self.title = self.size_controls.title
        self.rows = self.size_controls.rows
        self.cols = self.size_controls.cols
        self.random_button = QPushButton(self.tr("Random"))
        self.random_button.setToolTip(self.tr("Fill the input with random whole numbers 0–255"))
        self.zeros_button = QPushButton(self.tr("Zeros"))
        self.zeros_button.setToolTip(self.tr("Set every input cell to 0"))
        # The size, then the fill buttons under it: the side panel is narrow.
        self.controls = QWidget()
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.random_button)
        fill_row.addWidget(self.zeros_button)
        fill_row.addStretch(1)
        column = QVBoxLayout(self.controls)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.size_controls)
        column.addLayout(fill_row)
        self.grids: list[ChannelGrid] = []

        self.size_controls.size_requested.connect(self._on_q_size_requested)
        self.random_button.clicked.connect(lambda: studio.document.fill_input("random"))
        self.zeros_button.clicked.connect(lambda: studio.document.fill_input("zeros"))
        self._sync_channels()
        bind(self, studio.document.scene_changed, self.set_scene)
        bind(self, studio.frame_changed, self.follow_field)
        self.set_scene(studio.document.scene)

    @property
    def table(self) -> NumberTable:
        """The first channel's grid (the only one for a grey input)."""
        return self.grids[0].table

    @property
    def model(self) -> PaddedInputModel:
        return self.grids[0].model

    def _sync_channels(self) -> None:
        """One grid per input channel: add or remove grids when the count changes."""
        count = self._studio.document.scene.input.shape[0]
        while len(self.grids) > count:
            grid = self.grids.pop()
            grid.hide()
            grid.deleteLater()
        while len(self.grids) < count:
            grid = ChannelGrid(self._studio, len(self.grids), self._report, self)
            grid.table.set_zoom(self._zoom)
            grid.model.set_show_counts(self._show_counts)
            grid.show()
            self.grids.append(grid)

    def follow_field(self) -> None:
        """Keep the receptive field in view on every channel."""
        step = self._studio.current
        for grid in self.grids:
            grid.follow_field(step)
        self._show_titles()

    def _show_titles(self) -> None:
        scene = self._studio.document.scene
        step = self._studio.current
        several = len(self.grids) > 1
        if not several and self.grids:
            # One channel: its title gives the size, n of the lesson's formula.
            _, rows, cols = scene.input.shape
            text = self.tr("Input {0}×{1}").format(rows, cols)
            self.grids[0].title_texts = ()
            if self.grids[0].title.text() != text:
                self.grids[0].title.setText(text)
            self.grids[0].title.setEnabled(True)
            self.grids[0].title.setToolTip("")
            self.grids[0].title.show()
            return
        for grid in self.grids:
            grid.title.show()
            name = (
                scene.channel_names[grid.channel]
                if scene.channel_names
                else self.tr("channel {0}").format(grid.channel + 1)
            )
            unseen = step is not None and grid.channel not in step.in_channels
            # Short, to fit over a narrow grid: the kernel is the one marked ▶.
            not_seen = self.tr("{0}  (not seen)").format(name)
            text = not_seen if unseen else name
            # The stage makes room for the wider of the two: a step never cuts the title.
            grid.title_texts = (name, not_seen) if scene.groups > 1 else (name,)
            tip = (
                self.tr("Kernel {0} does not see {1}.").format(step.out_channel + 1, name)
                if unseen and step
                else ""
            )
            if grid.title.text() != text:  # a new text re-lays out the window: only on change
                grid.title.setText(text)
            grid.title.setToolTip(tip)
            grid.title.setEnabled(not unseen)

    def set_scene(self, scene: object = None) -> None:
        """Show the current input size and channels; never writes the document."""
        _, h, w = self._studio.document.scene.input.shape
        self.size_controls.set_size(h, w)
        self._sync_channels()
        self._show_titles()
        for grid in self.grids:
            grid.table.updateGeometry()

    @property
    def show_counts(self) -> bool:
        return self._show_counts

    def set_show_counts(self, show: bool) -> None:
        """Show on every input cell in how many windows of the current kernel it takes part.

        A view option, as heat maps are (View ▸ Window counts): 1 at a corner and 9 in
        the middle of the worked example, the edges used less without padding.
        """
        self._show_counts = show
        for grid in self.grids:
            grid.model.set_show_counts(show)

    def set_zoom(self, zoom: float) -> None:
        """The zoom of grids made from now on (the stage sets the others')."""
        self._zoom = zoom

    def _on_q_size_requested(self, rows: int, cols: int) -> None:
        try:
            self._studio.document.resize_input(rows, cols)
        except EditError as exc:
            self._report(str(exc))
            self.set_scene()
