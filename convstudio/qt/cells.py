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
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
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
    QLabel,
    QLineEdit,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..model.stage import NONE, GridPlace, GridSpec, Length, Rect
from . import style

LOOK_ROLE = Qt.ItemDataRole.UserRole + 1
# Texts are measured at this zoom and scaled down: large glyphs round less.
MEASURE_ZOOM = 4.0
BADGE_PAD = 4  # pixels around a count, per unit of zoom


def _text_width(metrics: QFontMetricsF, text: str) -> float:
    """Width of *text* as drawn (a Chinese word's glyphs come from a fallback font)."""
    return metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, text).width()


def _text_height(metrics: QFontMetricsF, text: str) -> float:
    return metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, text).height()


def digit_height(metrics: QFontMetricsF) -> float:
    """The height of the digits drawn in a font: what the back row must read."""
    return metrics.tightBoundingRect("0123456789").height()


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
        # Under a weight, the value starts just below the weight's glyphs (the cell is no
        # taller than the two need: NumberTable.cell_lengths).
        self._value_top = self._weight_metrics.ascent() + 1
        self._badge_pad = max(3, round(BADGE_PAD * zoom))
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
        # Nothing of a cell is drawn past it: a step repaints only the cells that changed,
        # and a neighbour left as it was would keep whatever this cell drew over it.
        painter.setClipRect(rect)
        painter.fillRect(rect, style.LIT_BG if look.lit else look.background)
        if look.hatch:
            painter.fillRect(rect, self._hatch)
        painter.setPen(look.foreground)
        painter.setFont(self._italic_font if look.italic else self._value_font)
        top_line = look.weight is not None or look.badge is not None
        if top_line:
            # Weight and count on the top line, value below: all readable at once.
            value_rect = rect.adjusted(2, self._value_top, -2, -1)
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
            # The pen is centred on the path: inset by half its width, it fills the cell's
            # edge exactly (at 1920×1080 the wider pen used to reach 2 pixels past it).
            half = self._border_pen.widthF() / 2
            painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
        if option.state & _HAS_FOCUS:  # type: ignore[attr-defined]
            painter.setPen(self._focus_pen)
            # Around the value only under a weight or count: those stay legible.
            top = self._value_top if top_line else 3
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
        editor.setFrame(False)  # the cell is as tall as its digits need: no room for a frame
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
    cells_changed = Signal()  # the cells need another size: the stage lays out again

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
        # Prefer the size that shows every cell; shrink (and scroll) only when space runs out.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)  # moves without a button pressed: hovering lights cells
        self._hover = (-1, -1, False)
        self._shift_watch = _ShiftWatch(self._on_shift, self)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self._zoom = 1.0
        self._lengths = (NONE, NONE)
        self._shape = (0, 0)
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
        if model is not None:
            # More or fewer rows and columns (padding came): the stage lays out again.
            for signal in (
                model.modelReset,
                model.layoutChanged,
                model.rowsInserted,
                model.rowsRemoved,
                model.columnsInserted,
                model.columnsRemoved,
            ):
                signal.connect(self._on_shape_changed)
        self._shape = self._model_shape()
        self.fit_cells()

    def _model_shape(self) -> tuple[int, int]:
        model = self.model()
        return (model.rowCount(), model.columnCount()) if model is not None else (0, 0)

    def _on_shape_changed(self, *_: object) -> None:
        shape = self._model_shape()
        if shape != self._shape:
            self._shape = shape
            self.cells_changed.emit()

    def fit_cells(self) -> None:
        """Size the cells for the current texts at the current zoom (the numbers grew)."""
        lengths = self.cell_lengths()
        if lengths != self._lengths:
            self._lengths = lengths
            self._apply_lengths()
            self.cells_changed.emit()

    def cell_lengths(self) -> tuple[Length, Length]:
        """The width and height of a cell, as they grow with the zoom.

        Wide enough for the longest number, weight label and count at any zoom: the texts
        are measured at a large size (where hinting's rounding is small) and scaled.
        """
        model = self.model()
        values, weights = model.texts() if isinstance(model, GridModel) else ((), ())
        badges = model.badge_texts() if isinstance(model, GridModel) else ()
        value_m, weight_m, badge_m = (
            QFontMetricsF(style.font(points, bold=bold, zoom=MEASURE_ZOOM))
            for points, bold in (
                (style.VALUE_PT, False),
                (style.WEIGHT_PT, True),
                (style.BADGE_PT, True),
            )
        )

        def per_zoom(metrics: QFontMetricsF, texts: Iterable[str], prefix: str = "") -> float:
            widest = max((metrics.horizontalAdvance(prefix + t) for t in texts), default=0.0)
            return widest / MEASURE_ZOOM

        value_w = per_zoom(value_m, values)
        weight_w = per_zoom(weight_m, weights, "×")
        badge_w = per_zoom(badge_m, badges)
        beside = 0.0
        if badge_w and weights:
            # A count goes beside the weight, or else left of the value (CellDelegate.paint):
            # room for the cheaper of the two, so that counts seldom widen the cells.
            badge_w += 2 * BADGE_PAD
            beside = badge_w + min(weight_w + 8, value_w + 9)
        # The widest number and a margin of a third of a digit each side: numbers fill
        # their cells (a single digit gets a cell no narrower than tall, nearly).
        base = 40.0 if self._two_lines else 32.0
        width = Length(3, max(value_w + 8, weight_w + 6 if weights else 0.0, beside, base))
        value_h = value_m.height() / MEASURE_ZOOM
        if self._two_lines:
            # The weight's glyphs over the value's digits and a margin, and no more: the digits
            # fill the cell (not the fonts' line boxes, mostly empty), and the receptive field
            # of a 3-channel lesson still shows whole at 1280×720.
            digits = digit_height(value_m) / MEASURE_ZOOM
            height = Length(4, weight_m.ascent() / MEASURE_ZOOM + 1 + 1.5 * digits)
        else:  # one number per cell: as tall as the number and a margin
            height = Length(4, max(value_h, 1.6 * digit_height(value_m) / MEASURE_ZOOM))
        return width, height

    def header_lengths(self) -> tuple[Length, Length]:
        """The width of the row numbers and the height of the column numbers (if shown)."""
        if self.verticalHeader().isHidden():
            return NONE, NONE
        metrics = QFontMetricsF(style.font(style.UI_PT, zoom=MEASURE_ZOOM))
        model = self.model()
        rows = model.rowCount() if model is not None else 1
        # The widest row header in the language in use (a padding row's word), whole.
        texts = [str(max(1, rows))]
        if model is not None:
            vertical = Qt.Orientation.Vertical
            texts += [str(model.headerData(r, vertical) or "") for r in range(rows)]
        digits = max(_text_width(metrics, t) for t in texts) / MEASURE_ZOOM
        line = max(metrics.height(), *(_text_height(metrics, t) for t in texts)) / MEASURE_ZOOM
        return Length(12, digits + 4), Length(6, line + 2)

    def grid_spec(
        self, title: Length = NONE, title_width: Length = NONE, min_window: int = 1
    ) -> GridSpec:
        """This grid for :func:`convstudio.model.stage.plan_stage`."""
        model = self.model()
        rows, cols = (model.rowCount(), model.columnCount()) if model is not None else (1, 1)
        width, height = self._lengths
        row_numbers, column_numbers = self.header_lengths()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return GridSpec(
            rows=max(1, rows),
            cols=max(1, cols),
            cell_width=width,
            cell_height=height,
            row_numbers=row_numbers,
            column_numbers=column_numbers,
            title=title,
            title_width=title_width,
            frame=2 * self.frameWidth(),
            scroll_bar=bar,
            min_window=min_window,
        )

    def set_zoom(self, zoom: float) -> None:
        """Scale the cells and fonts (1.0 is the default)."""
        self._zoom = zoom
        self._delegate.set_zoom(zoom)
        # The headers' font goes in the style sheet: a style sheet re-polishes the headers
        # when it likes, and a font set on them directly does not always survive that.
        points = style.UI_PT * zoom
        sheet = (
            f"QTableView {{ gridline-color: {style.GRID_LINE.name()}; }}"
            f" QHeaderView {{ font-size: {points:.2f}pt; }}"
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
        self.setFont(style.font(style.UI_PT, zoom=zoom))
        self.horizontalHeader().setMinimumSectionSize(4)
        self.verticalHeader().setMinimumSectionSize(4)
        self._lengths = self.cell_lengths()
        self._apply_lengths()
        self.viewport().update()

    def _apply_lengths(self) -> None:
        zoom = self._zoom
        width, height = self._lengths
        row_numbers, column_numbers = self.header_lengths()
        self._set_sizes(
            width.at(zoom), height.at(zoom), row_numbers.at(zoom), column_numbers.at(zoom)
        )

    def _set_sizes(self, width: int, height: int, row_numbers: int, column_numbers: int) -> None:
        self.horizontalHeader().setDefaultSectionSize(width)
        self.verticalHeader().setDefaultSectionSize(height)
        if not self.verticalHeader().isHidden():
            self.verticalHeader().setFixedWidth(row_numbers)
            self.horizontalHeader().setFixedHeight(column_numbers)
        self.updateGeometry()

    def set_place(self, place: GridPlace, zoom: float) -> None:
        """Fonts at *zoom*, and cells and numbers as large as the stage's *place* says."""
        self.set_zoom(zoom)
        self._set_sizes(
            place.cell_width, place.cell_height, place.row_numbers, place.column_numbers
        )
        self.show_scroll_bars(place.scrolls_across, place.scrolls_down)

    def show_scroll_bars(self, across: bool, down: bool) -> None:
        """Scroll bars where the stage shows part of the cells; none elsewhere."""
        on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(on if across else off)
        self.setVerticalScrollBarPolicy(on if down else off)

    def show_headers(self, visible: bool) -> None:
        """Show the row and column numbers, or leave their room to the cells."""
        self.horizontalHeader().setVisible(visible)
        self.verticalHeader().setVisible(visible)
        self._apply_lengths()

    def sizeHint(self) -> QSize:
        """Room for every cell (a grid shown on its own, outside the stage)."""
        model = self.model()
        if model is None:
            return super().sizeHint()
        width, height = self._lengths
        row_numbers, column_numbers = self.header_lengths()
        zoom, frame = self._zoom, 2 * self.frameWidth()
        return QSize(
            row_numbers.at(zoom) + width.at(zoom) * model.columnCount() + frame,
            column_numbers.at(zoom) + height.at(zoom) * model.rowCount() + frame,
        )

    def show_block(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        """Scroll so that cells *first* to *last* (row, column) show whole, if they fit.

        A block already in view stays put (a scroll repaints the whole grid); otherwise it
        is centred, starting on a cell edge, so that the next steps need no scrolling.
        """
        viewport = self.viewport()
        rows, columns = self.verticalScrollBar(), self.horizontalScrollBar()
        _show_cells(rows, viewport.height(), self.rowHeight(0), first[0], last[0])
        _show_cells(columns, viewport.width(), self.columnWidth(0), first[1], last[1])

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


class GridPiece(QWidget):
    """A title over a :class:`NumberTable`: one grid of the stage.

    It has no layout of its own: the stage (``qt/stage.py``) places the title and the
    table where :func:`convstudio.model.stage.plan_stage` says.
    """

    def __init__(self, table: NumberTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.hide()
        # Every text the title may show as the steps go: room is made for the widest.
        self.title_texts: tuple[str, ...] = ()
        self.table = table
        table.setParent(self)

    def title_font(self, zoom: float) -> QFont:
        """The title's font at *zoom*."""
        return style.font(style.UI_PT, bold=True, zoom=zoom)

    min_window = 1  # the fewest rows and columns shown when the grid must scroll

    def grid_spec(self) -> GridSpec:
        """The title and the table, measured for the stage."""
        if self.title.isHidden():
            return self.table.grid_spec(min_window=self.min_window)
        metrics = QFontMetricsF(self.title_font(MEASURE_ZOOM))
        texts = (self.title.text(), *self.title_texts)
        width = max(metrics.horizontalAdvance(t) for t in texts) / MEASURE_ZOOM
        return self.table.grid_spec(
            title=Length(2, metrics.height() / MEASURE_ZOOM),
            title_width=Length(4, width),
            min_window=self.min_window,
        )

    def place(self, place: GridPlace, zoom: float, origin: Rect) -> None:
        """Put the title and the table where *place* says, at *zoom*; *origin* is where
        the parent is in the same coordinates."""
        self.title.setFont(self.title_font(zoom))
        self.table.set_place(place, zoom)
        outline = place.outline
        set_geometry(self, outline.moved(-origin.x, -origin.y))
        set_geometry(self.title, place.title.moved(-outline.x, -outline.y))
        set_geometry(self.table, place.table.moved(-outline.x, -outline.y))


def set_geometry(widget: QWidget, rect: Rect) -> None:
    """Put *widget* at *rect* (in its parent's coordinates)."""
    widget.setGeometry(rect.x, rect.y, rect.width, rect.height)
