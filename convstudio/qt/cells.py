"""Number grids: a table view and a delegate that paints cells for the back row.

Table models give each cell a :class:`CellLook` through :data:`LOOK_ROLE`; the
delegate paints the number large, the kernel weight over it, and the highlight.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
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
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
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


PLAIN = CellLook()
# PySide enums are Python objects: combining them on every cell costs measurable time.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_CENTER = Qt.AlignmentFlag.AlignCenter
_TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
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
        painter.fillRect(rect, look.background)
        if look.hatch:
            painter.fillRect(rect, self._hatch)
        painter.setPen(look.foreground)
        painter.setFont(self._italic_font if look.italic else self._value_font)
        if look.weight is not None:
            # Weight in the top-right corner, value below it: both readable at once.
            third = rect.height() // 3
            painter.drawText(rect.adjusted(2, third, -2, -1), _CENTER, text)
            painter.setFont(self._weight_font)
            painter.setPen(style.WEIGHT_FG)
            painter.drawText(rect.adjusted(2, 1, -4, 0), _TOP_RIGHT, "×" + look.weight)
        else:
            painter.drawText(rect, _CENTER, text)
        if look.border:
            painter.setPen(self._border_pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if option.state & _HAS_FOCUS:  # type: ignore[attr-defined]
            painter.setPen(self._focus_pen)
            painter.drawRect(rect.adjusted(3, 3, -4, -4))
        painter.restore()

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

    Signals
    -------
    paste_requested(int, int, str)
        Ctrl+V at (row, column) with the clipboard's text; the owner decides.
    """

    paste_requested = Signal(int, int, str)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self.set_zoom(1.0)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        if isinstance(model, GridModel):
            model.content_changed.connect(self.fit_cells)
        self.fit_cells()

    def fit_cells(self) -> None:
        """Widen the cells so that the longest number and weight label fit whole."""
        model = self.model()
        values, weights = model.texts() if isinstance(model, GridModel) else ((), ())
        value_metrics = QFontMetrics(self._delegate.value_font)
        weight_metrics = QFontMetrics(self._delegate.weight_font)
        needed = max(
            [value_metrics.horizontalAdvance(t) + 16 for t in values]
            + [weight_metrics.horizontalAdvance("×" + t) + 10 for t in weights]
            + [self._base_width]
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
        self._base_width = max(54, round(62 * zoom))
        self.horizontalHeader().setDefaultSectionSize(self._base_width)
        self.verticalHeader().setDefaultSectionSize(max(54, round(56 * zoom)))
        self.horizontalHeader().setMinimumSectionSize(10)
        self.verticalHeader().setMinimumSectionSize(10)
        self.fit_cells()
        self.updateGeometry()
        self.viewport().update()

    def sizeHint(self) -> QSize:
        """Room for every cell, so layouts show whole small grids without scrolling."""
        model = self.model()
        if model is None:
            return super().sizeHint()
        width = (
            self.verticalHeader().sizeHint().width()
            + self.horizontalHeader().defaultSectionSize() * model.columnCount()
            + 2 * self.frameWidth()
        )
        height = (
            self.horizontalHeader().sizeHint().height()
            + self.verticalHeader().defaultSectionSize() * model.rowCount()
            + 2 * self.frameWidth()
        )
        return QSize(width + 2, height + 2)

    def minimumSizeHint(self) -> QSize:
        """Room for 3×3 cells: a window never has to grow past the screen for a large grid."""
        hint = self.sizeHint()
        header = self.horizontalHeader()
        rows = self.verticalHeader()
        cap_w = rows.sizeHint().width() + 3 * header.defaultSectionSize() + 4
        cap_h = header.sizeHint().height() + 3 * rows.defaultSectionSize() + 4
        return QSize(min(hint.width(), cap_w), min(hint.height(), cap_h))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()  # what was scrolled into view may need scrolling again

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
