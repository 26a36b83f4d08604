"""Number grids: a table view and a delegate that paints cells for the back row.

Table models give each cell a :class:`CellLook` through :data:`LOOK_ROLE`; the
delegate paints the number large, the kernel weight over it, and the highlight.
A :class:`NumberTable` reports the cell under the pointer (and Shift) so that its
owner can light what that cell reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from . import style

LOOK_ROLE = Qt.ItemDataRole.UserRole + 1


class CellLook(NamedTuple):
    """How one cell is painted."""

    background: QColor = style.INPUT_BG
    foreground: QColor = style.TEXT_FG
    italic: bool = False
    hatch: bool = False
    weight: str | None = None
    border: bool = False
    lit: bool = False  # reached by the hovered weight or cell: drawn in LIT_BG
    badge: str | None = None  # a count: top-left, or left of the value beside a wide weight


PLAIN = CellLook()
# PySide enums are Python objects: combining them on every cell costs measurable time.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_CENTER = Qt.AlignmentFlag.AlignCenter
_TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus


def cell_data(index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """The model's data for *index*, asked of the Python model directly.

    ``QModelIndex.data()`` converts to a QVariant and back for every painted cell;
    calling the model's own method skips that round trip.
    """
    model = index.model()
    return model.data(index, role) if model is not None else None


AnyIndex = QModelIndex | QPersistentModelIndex


class GridModel(QAbstractTableModel):
    """A table model whose cells a :class:`NumberTable` sizes to fit.

    Signals
    -------
    content_changed()
        The set of texts the cells can show changed (not emitted for a mere step).
    """

    content_changed = Signal()

    def shape(self) -> tuple[int, int]:
        """Rows and columns of the grid shown."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shape()[0]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shape()[1]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Rows and columns numbered from 1, as the lesson counts them."""
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        """Every value text a cell may show, and every weight label (without the ×)."""
        return (), ()

    def badge_texts(self) -> Iterable[str]:
        """Every badge a cell may show beside a weight (the cells make room for both)."""
        return ()


class CellDelegate(QStyledItemDelegate):
    """Paints a :class:`CellLook`; edits with a large line edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self.value_font = self._value_font = style.font(style.VALUE_PT, zoom=zoom)
        self._italic_font = style.font(style.VALUE_PT, zoom=zoom)
        self._italic_font.setItalic(True)
        self.weight_font = self._weight_font = style.font(style.WEIGHT_PT, bold=True, zoom=zoom)
        self.badge_font = self._badge_font = style.font(style.BADGE_PT, bold=True, zoom=zoom)
        self._badge_metrics = QFontMetrics(self._badge_font)
        self._weight_metrics = QFontMetrics(self._weight_font)
        self._badge_pad = max(3, round(4 * zoom))
        self._border_pen = QPen(style.FIELD_BORDER, max(2, round(3 * zoom)))
        self._border_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self._focus_pen = QPen(QColor("#1f5fbf"), 2, Qt.PenStyle.DashLine)
        self._hatch = QBrush(style.UNREACHED_HATCH, Qt.BrushStyle.BDiagPattern)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # Called for every visible cell on every repaint: look-ups are hoisted out of here.
        model = index.model()
        look: CellLook = model.data(index, LOOK_ROLE) or PLAIN
        text: str = model.data(index, _DISPLAY) or ""
        rect: QRect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, style.LIT_BG if look.lit else look.background)
        if look.hatch:
            painter.fillRect(rect, self._hatch)
        painter.setPen(look.foreground)
        painter.setFont(self._italic_font if look.italic else self._value_font)
        top_line = look.weight is not None or look.badge is not None
        if top_line:
            # Weight and count on the top line, value below: all readable at once.
            third = rect.height() // 3
            value_rect = rect.adjusted(2, third, -2, -1)
            badge_box = None if look.badge is None else self._badge_box(rect, look.badge)
            if badge_box is not None and look.weight is not None:
                room = rect.width() - self._weight_metrics.horizontalAdvance("×" + look.weight)
                if badge_box.width() + 8 > room:
                    # No room beside the weight: the count goes left of the value instead
                    # (NumberTable.fit_cells makes one of the two fit).
                    badge_box.moveTop(value_rect.center().y() - badge_box.height() // 2)
                    value_rect.setLeft(badge_box.right() + 4)  # apart: "9" "131", not "9131"
            painter.drawText(value_rect, _CENTER, text)
            if badge_box is not None:
                self._paint_badge(painter, badge_box, look.badge or "")
        else:
            painter.drawText(rect, _CENTER, text)
        if look.weight is not None:
            painter.setFont(self._weight_font)
            painter.setPen(style.WEIGHT_FG)
            painter.drawText(rect.adjusted(2, 1, -4, 0), _TOP_RIGHT, "×" + look.weight)
        if look.border:
            painter.setPen(self._border_pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if option.state & _HAS_FOCUS:  # type: ignore[attr-defined]
            painter.setPen(self._focus_pen)
            # Around the value only under a weight or count: those stay legible.
            top = rect.height() // 3 if top_line else 3
            painter.drawRect(rect.adjusted(3, top, -4, -4))
        painter.restore()

    def _badge_box(self, rect: QRect, badge: str) -> QRect:
        """Where a count goes: the cell's top-left corner, inside the field's border."""
        width = self._badge_metrics.horizontalAdvance(badge) + 2 * self._badge_pad
        return QRect(rect.left() + 3, rect.top() + 3, width, self._badge_metrics.height())

    def _paint_badge(self, painter: QPainter, box: QRect, badge: str) -> None:
        """A count: white on dark blue, legible over any background."""
        pad = self._badge_pad
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.BADGE_BG)
        painter.drawRoundedRect(box, pad, pad)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the border drawn next must not be filled
        painter.setFont(self._badge_font)
        painter.setPen(style.BADGE_FG)
        painter.drawText(box, _CENTER, badge)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFont(self._value_font)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        # A step repaints the cells under the moving window, and Qt then reloads any open
        # editor among them: keep what the user has typed (PageDown steps while editing).
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)


class NumberTable(QTableView):
    """A grid of numbers with fixed, zoomable cells, copy, and paste.

    Parameters
    ----------
    weights_over_values
        Cells may show a kernel weight over the value, so they need two lines' height.
        Kernels and maps show one number per cell and take less room.

    Signals
    -------
    paste_requested(int, int, str)
        Ctrl+V at (row, column) with the clipboard's text; the owner decides.
    hover_moved(int, int, bool)
        The pointer is over cell (row, column), or has left the cells (−1, −1); and
        whether Shift is held. Emitted on a change only.
    """

    paste_requested = Signal(int, int, str)
    hover_moved = Signal(int, int, bool)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None, *, weights_over_values: bool = False) -> None:
        super().__init__(parent)
        self._two_lines = weights_over_values
        self._delegate = CellDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setStyleSheet(f"QTableView {{ gridline-color: {style.GRID_LINE.name()}; }}")
        # Prefer the size that shows every cell; shrink (and scroll) only when space runs out.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)  # moves without a button pressed: hovering lights cells
        self._hover = (-1, -1, False)
        self._shift_watch = _ShiftWatch(self._on_shift, self)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self.set_zoom(1.0)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        if model is not None and model.parent() is None:
            # The table owns its model: both go together, and the model's bindings to the
            # studio (qt/binding.py) are undone when Qt deletes it. A parentless model would
            # be kept alive by its own bindings and stay connected for ever.
            model.setParent(self)
        if isinstance(model, GridModel):
            model.content_changed.connect(self.fit_cells)
        self.fit_cells()

    def fit_cells(self) -> None:
        """Widen the cells so that the longest number and weight label fit whole."""
        model = self.model()
        values, weights = model.texts() if isinstance(model, GridModel) else ((), ())
        badges = model.badge_texts() if isinstance(model, GridModel) else ()
        value_metrics = QFontMetrics(self._delegate.value_font)
        weight_metrics = QFontMetrics(self._delegate.weight_font)
        badge_metrics = QFontMetrics(self._delegate.badge_font)
        weight_width = max((weight_metrics.horizontalAdvance("×" + t) for t in weights), default=0)
        # A count shares the top line with the weight: room for the widest of each.
        value_width = max((value_metrics.horizontalAdvance(t) for t in values), default=0)
        badge_width = max((badge_metrics.horizontalAdvance(t) for t in badges), default=0)
        beside = 0
        if badge_width and weights:
            # A count goes beside the weight, or else left of the value (CellDelegate.paint):
            # room for the cheaper of the two, so that counts seldom widen the cells.
            # The same sums as the delegate's: it draws exactly what fits here.
            badge_width += 2 * self._delegate._badge_pad
            beside = badge_width + min(weight_width + 8, value_width + 9)
        needed = max(
            [value_width + 16, weight_width + 10 if weights else 0, beside, self._base_width]
        )
        if needed != self.horizontalHeader().defaultSectionSize():
            self.horizontalHeader().setDefaultSectionSize(needed)
            self.updateGeometry()

    def set_zoom(self, zoom: float) -> None:
        """Scale cells and fonts (1.0 is the default)."""
        self._delegate.set_zoom(zoom)
        header_font = style.font(style.UI_PT, zoom=zoom)
        self.horizontalHeader().setFont(header_font)
        self.verticalHeader().setFont(header_font)
        if self._two_lines:
            self._base_width = max(54, round(62 * zoom))
            # Weight line over value line, and no more: a 3-channel lesson's receptive field
            # must still show whole at 1280×720.
            row_height = (
                QFontMetrics(self._delegate.weight_font).height()
                + QFontMetrics(self._delegate.value_font).height()
                + max(2, round(4 * zoom))
            )
        else:  # one number per cell: as tall as the number and a margin
            self._base_width = max(34, round(44 * zoom))
            value_height = QFontMetrics(self._delegate.value_font).height()
            row_height = value_height + max(12, round(14 * zoom))
        self.horizontalHeader().setDefaultSectionSize(self._base_width)
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.horizontalHeader().setMinimumSectionSize(10)
        self.verticalHeader().setMinimumSectionSize(10)
        self.fit_cells()
        self.updateGeometry()
        self.viewport().update()

    def show_headers(self, visible: bool) -> None:
        """Show the row and column numbers, or leave their room to the cells."""
        self.horizontalHeader().setVisible(visible)
        self.verticalHeader().setVisible(visible)
        self.updateGeometry()

    def _header_room(self) -> QSize:
        """Width of the row numbers and height of the column numbers, if shown."""
        rows, columns = self.verticalHeader(), self.horizontalHeader()
        return QSize(
            0 if rows.isHidden() else rows.sizeHint().width(),
            0 if columns.isHidden() else columns.sizeHint().height(),
        )

    def sizeHint(self) -> QSize:
        """Room for every cell, so layouts show whole small grids without scrolling."""
        model = self.model()
        if model is None:
            return super().sizeHint()
        headers = self._header_room()
        width = (
            headers.width()
            + self.horizontalHeader().defaultSectionSize() * model.columnCount()
            + 2 * self.frameWidth()
        )
        height = (
            headers.height()
            + self.verticalHeader().defaultSectionSize() * model.rowCount()
            + 2 * self.frameWidth()
        )
        return QSize(width + 2, height + 2)

    def minimumSizeHint(self) -> QSize:
        """Room for 3×3 cells: a window never has to grow past the screen for a large grid."""
        hint = self.sizeHint()
        headers = self._header_room()
        cap_w = headers.width() + 3 * self.horizontalHeader().defaultSectionSize() + 4
        cap_h = headers.height() + 3 * self.verticalHeader().defaultSectionSize() + 4
        return QSize(min(hint.width(), cap_w), min(hint.height(), cap_h))

    def show_block(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        """Scroll so that cells *first* to *last* (row, column) show whole, if they fit.

        A block already in view stays put (a scroll repaints the whole grid); otherwise it
        is centred, starting on a cell edge, so that the next steps need no scrolling.
        """
        viewport = self.viewport()
        rows, columns = self.verticalScrollBar(), self.horizontalScrollBar()
        _show_cells(rows, viewport.height(), self.rowHeight(0), first[0], last[0])
        _show_cells(columns, viewport.width(), self.columnWidth(0), first[1], last[1])

    def whole_cells_size(self, room: QSize) -> QSize:
        """The size within *room* that shows whole rows and columns only.

        A table a few pixels larger than its whole cells shows a sliver of one more cell
        when scrolled to the end; beside the numbers, its cut digits read as other numbers.
        A table that scrolls one way also gets the room of that scroll bar.
        """
        model = self.model()
        if model is None:
            return room
        headers = self._header_room()
        fixed = QSize(
            headers.width() + 2 * self.frameWidth(), headers.height() + 2 * self.frameWidth()
        )
        cell = QSize(
            self.horizontalHeader().defaultSectionSize(), self.verticalHeader().defaultSectionSize()
        )
        full = QSize(
            fixed.width() + cell.width() * model.columnCount(),
            fixed.height() + cell.height() * model.rowCount(),
        )
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        across = room.width() < full.width()  # scrolls sideways: a bar under the cells
        down = room.height() < full.height()
        for _ in range(2):  # one axis's bar can make the other scroll, at most once each
            across = across or (down and room.width() < full.width() + bar)
            down = down or (across and room.height() < full.height() + bar)

        def snap(room: int, fixed: int, full: int, cell: int, scrolls: bool) -> int:
            if not scrolls:
                return full
            return fixed + max(1, (room - fixed) // max(1, cell)) * cell

        return QSize(
            snap(
                room.width(),
                fixed.width() + (bar if down else 0),
                full.width() + (bar if down else 0),
                cell.width(),
                across,
            ),
            snap(
                room.height(),
                fixed.height() + (bar if across else 0),
                full.height() + (bar if across else 0),
                cell.height(),
                down,
            ),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()  # what was scrolled into view may need scrolling again

    # ------------------------------------------------------------ hover

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        shift = bool(event.modifiers() & _SHIFT)
        if index.isValid():
            self._hover_at(index.row(), index.column(), shift)
        else:
            self._hover_at(-1, -1, shift)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Leave:
            self._hover_at(-1, -1, False)
        return super().viewportEvent(event)

    def _hover_at(self, row: int, col: int, shift: bool) -> None:
        if (row, col, shift) == self._hover:
            return
        self._hover = (row, col, shift)
        # Shift pressed or released with the pointer still: whoever has the keyboard focus.
        app = QCoreApplication.instance()
        if app is not None:
            if row >= 0:
                app.installEventFilter(self._shift_watch)
            else:
                app.removeEventFilter(self._shift_watch)
        self.hover_moved.emit(row, col, shift)

    def _on_shift(self, held: bool) -> None:
        row, col, _ = self._hover
        if row >= 0:
            self._hover_at(row, col, held)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            index = self.currentIndex()
            text = QGuiApplication.clipboard().text()
            if index.isValid() and text:
                self.paste_requested.emit(index.row(), index.column(), text)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        super().keyPressEvent(event)

    def selected_text(self) -> str:
        """The selected block as tab-separated rows, for a spreadsheet."""
        indexes = self.selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        model = self.model()
        return "\n".join(
            "\t".join(str(cell_data(model.index(r, c)) or "") for c in cols) for r in rows
        )


class _ShiftWatch(QObject):
    """Tells when Shift goes down or up, wherever the key event goes (installed on the
    application only while the pointer is over a table)."""

    def __init__(self, changed: Callable[[bool], None], parent: QObject) -> None:
        # A child of its table: when the table goes, so does the filter (the application
        # forgets a deleted filter), and no key reaches a table that no longer exists.
        super().__init__(parent)
        self._changed = changed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Shift
        ):
            self._changed(kind == QEvent.Type.KeyPress)
        return False


def _show_cells(bar: QScrollBar, extent: int, cell: int, first: int, last: int) -> None:
    """Scroll one axis (scrolled per item: the bar's value is the first cell shown)."""
    if cell <= 0:
        return
    whole = max(1, extent // cell)  # cells that show whole
    if bar.value() <= first and last < bar.value() + whole:
        return
    span = last - first + 1
    bar.setValue(max(0, first - max(0, (whole - span) // 2)))


class WholeCellsHost(QWidget):
    """A title over a :class:`NumberTable` that shows whole cells only.

    On every resize the table is given the size of whole rows and columns that fits the
    room it has. The host still asks for the table's natural size: asking for the size it
    gave would shrink the room the next size is computed from.
    """

    def __init__(self, table: NumberTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # The table's cells changed size (wider numbers, a zoom) with no resize of ours.
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_table()
        return handled

    def _fit_table(self) -> None:
        room = QSize(self.width(), self.height() - self.table.y())
        size = self.table.whole_cells_size(room)
        if size != self.table.minimumSize() or size != self.table.maximumSize():
            self.table.setFixedSize(size)

    def _natural(self, size: QSize, table_size: QSize) -> QSize:
        """*size*, a hint of our layout, with the table's *table_size* in place of the size
        it was given: the title sits over the table, so heights add and widths do not."""
        given = self.table.minimumSize() if self.table.minimumWidth() > 0 else table_size
        others_wider = size.width() > given.width()
        return QSize(
            max(size.width(), table_size.width()) if others_wider else table_size.width(),
            size.height() - given.height() + table_size.height(),
        )

    def sizeHint(self) -> QSize:
        return self._natural(super().sizeHint(), self.table.sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._natural(super().minimumSizeHint(), self.table.minimumSizeHint())
