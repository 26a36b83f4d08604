"""View ▸ As a matrix: the current layer as M · x = y, and its im2col form, in two tabs.

It takes the stage's place in the window (the whole room: a 36×64 matrix reads on a
projector only that large) and follows the steps: the row of the current step is lit, and
scrolled into view when the matrix is larger than the room. What is shown is the model's
(:mod:`convstudio.model.matrix_view`); this module measures, paints and scrolls.

The canvas paints every visible entry itself rather than being a table of cells: the
vector across the top and the result down the right stay put while the matrix scrolls
under them, each over the columns or beside the rows it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollBar,
    QSizePolicy,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..model import Studio
from ..model.matrix_view import (
    MatrixPicture,
    Product,
    ProductPlan,
    im2col_product,
    matrix_choice_of,
    matrix_product,
    plan_product,
)
from ..model.numbers import format_number
from ..model.stage import Length
from . import style
from .binding import bind
from .cells import digit_height

FAINT_FG = QColor("#c3c8cf")  # a zero of M: there, but out of the way of the weights
GROUP_LINE = QColor("#4a5563")  # where a map's row ends, among the rows and columns
MEASURE_PX = 100.0  # texts are measured at this size and scaled
# Below this the numbers scroll (following the step) rather than shrink: an 8×8 input's
# 36×64 matrix still shows whole at 1920×1080 presenting (at 21 px).
SMALLEST_PX = 20.0
LARGEST_PX = 60.0
LABEL_SCALE = 0.62  # row labels and headings, against the numbers
_CENTER = Qt.AlignmentFlag.AlignCenter
_ARGB = QImage.Format.Format_ARGB32_Premultiplied
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _font(pixels: float, *, bold: bool = False) -> QFont:
    font = style.font(style.VALUE_PT, bold=bold)
    font.setPixelSize(max(1, round(pixels)))
    return font


class ProductCanvas(QAbstractScrollArea):
    """One :class:`Product` painted as a teacher writes it: the vector across the top,
    the matrix under it, ``=`` and the result down the right; zeros faint, the current
    row (or column) lit, the top and right entries it involves marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the stepping keys stay the window's
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self._product: Product | None = None
        self._texts: dict[float, str] = {}
        # Each distinct number drawn once per font, then stamped: a 36×64 matrix is
        # 2304 entries of a handful of texts, and drawText costs ~10 µs each.
        self._stamps: dict[tuple[str, int], QPixmap] = {}
        self._stamp_font = 0.0
        self._body: tuple[tuple[float, ...], QImage, np.ndarray] | None = None
        self._tiles: dict[float, QPixmap] = {}
        self._tiles_key: tuple[float, ...] = ()
        self._lengths: tuple[Length, ...] | None = None
        self.plan: ProductPlan | None = None
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)

    @property
    def product(self) -> Product | None:
        return self._product

    def set_product(self, product: Product | None) -> None:
        """Show *product* (``None``: nothing); lay out again only when its texts changed."""
        old = self._product
        self._product = product
        same_layout = (
            old is not None
            and product is not None
            and old.matrix is product.matrix  # the model keeps M while the scene stays
            and np.array_equal(old.top, product.top)
            and np.array_equal(old.right, product.right)
            and old.row_labels == product.row_labels
        )
        if not same_layout:
            self._texts = {}
            self._lengths = None
            self.plan = None
        if self.plan is None and self.isVisible():  # a hidden tab is laid out when shown
            self._relayout()
        self.follow()
        self.viewport().update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.plan is None:
            self._relayout()
            self.follow()

    def _stamp(self, text: str, color: QColor, font: QFont) -> QPixmap:
        key = (text, color.rgba())
        stamp = self._stamps.get(key)
        if stamp is None:
            metrics = QFontMetricsF(font)
            ratio = self.devicePixelRatioF()
            width, height = metrics.horizontalAdvance(text) + 2, metrics.height()
            stamp = QPixmap(max(1, ceil(width * ratio)), max(1, ceil(height * ratio)))
            stamp.setDevicePixelRatio(ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRectF(0, 0, width, height), _CENTER, text)
            painter.end()
            self._stamps[key] = stamp
        return stamp

    def _draw_value(
        self, painter: QPainter, rect: QRectF, value: float, color: QColor, font: QFont
    ) -> None:
        """*value* centred in *rect*, from the stamps."""
        stamp = self._stamp(self._text(value), color, font)
        ratio = stamp.devicePixelRatio()
        w, h = stamp.width() / ratio, stamp.height() / ratio
        painter.drawPixmap(QPointF(rect.center().x() - w / 2, rect.center().y() - h / 2), stamp)

    def _body_image(self, i0: int, i1: int, j0: int, j1: int) -> QImage:
        """Entries *i0*..*i1* × *j0*..*j1* drawn on white, as one image.

        Every cell is a copy of one of a few tiles (a distinct number, faint when 0): the
        zeros, most of M, are one tiled fill, and only the other entries are drawn one by
        one, from their tiles. Kept for the next repaint while the part in view and the
        product stay the same (a step repaints it with one drawImage).
        """
        product, plan = self._product, self.plan
        assert product is not None and plan is not None
        ratio = self.devicePixelRatioF()
        key = (i0, i1, j0, j1, plan.font, ratio)
        body = self._body
        if body is not None and body[0] == key and body[2] is product.matrix:
            return body[1]
        if self._tiles_key != (plan.font, ratio, plan.cell_width, plan.cell_height):
            self._tiles = {}
            self._tiles_key = (plan.font, ratio, plan.cell_width, plan.cell_height)
        cw, ch = plan.cell_width, plan.cell_height
        block = product.matrix[i0:i1, j0:j1]
        rows, cols = block.shape
        image = QImage(round(cols * cw * ratio), round(rows * ch * ratio), _ARGB)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        painter.drawTiledPixmap(QRectF(0, 0, cols * cw, rows * ch), self._tile(0.0))
        for i, j in zip(*np.nonzero(block), strict=True):
            painter.drawPixmap(QPointF(int(j) * cw, int(i) * ch), self._tile(float(block[i, j])))
        painter.end()
        self._body = (key, image, product.matrix)
        return image

    def _tile(self, value: float) -> QPixmap:
        """One cell showing *value* on white (faint when 0), with its top and left lines."""
        tile = self._tiles.get(value)
        if tile is not None:
            return tile
        plan = self.plan
        assert plan is not None
        ratio = self.devicePixelRatioF()
        width, height = plan.cell_width, plan.cell_height
        tile = QPixmap(round(width * ratio), round(height * ratio))
        tile.setDevicePixelRatio(ratio)
        tile.fill(style.INPUT_BG)
        painter = QPainter(tile)
        painter.setFont(_font(plan.font))
        painter.setPen(FAINT_FG if value == 0 else style.TEXT_FG)
        painter.drawText(QRectF(0, 0, width, height), _CENTER, self._text(value))
        # The cell's top and left grid lines are part of it: no line is drawn per cell.
        painter.setPen(QPen(style.GRID_LINE, 0))
        painter.drawLine(QPointF(0, 0), QPointF(width, 0))
        painter.drawLine(QPointF(0, 0), QPointF(0, height))
        painter.end()
        self._tiles[value] = tile
        return tile

    def _text(self, value: float) -> str:
        text = self._texts.get(value)
        if text is None:
            text = self._texts[value] = format_number(value)
        return text

    # ------------------------------------------------------------ layout

    def _measure(self, product: Product) -> tuple[Length, ...]:
        """Every length of the product, affine in the numbers' font size."""
        values = QFontMetricsF(_font(MEASURE_PX))
        labels = QFontMetricsF(_font(MEASURE_PX * LABEL_SCALE))
        scale = 1 / MEASURE_PX
        distinct = np.unique(np.concatenate([product.matrix.ravel(), product.top]))
        widest = max((values.horizontalAdvance(self._text(float(v))) for v in distinct), default=0)
        widest_right = max(
            (values.horizontalAdvance(self._text(float(v))) for v in np.unique(product.right)),
            default=0,
        )
        label_texts = (*product.row_labels, product.top_name)
        widest_label = max(labels.horizontalAdvance(t) for t in label_texts)
        equals = values.horizontalAdvance(" = ")
        digits = digit_height(values)
        cell_width = Length(6, widest * scale)
        cell_height = Length(2, 1.4 * digits * scale)
        label_width = Length(10, widest_label * scale)
        right = Length(10, (equals + widest_right) * scale)
        heading = Length(4, labels.height() * scale) if product.spans else Length()
        return cell_width, cell_height, label_width, right, heading

    def _relayout(self) -> None:
        product = self._product
        if product is None:
            self.plan = None
            return
        if self._lengths is None:
            self._lengths = self._measure(product)
        cell_width, cell_height, labels, right, heading = self._lengths
        rows, cols = product.matrix.shape
        room = (self.viewport().width(), self.viewport().height())
        # The room without scroll bars first; with them when the product scrolls anyway.
        outer = self.maximumViewportSize()
        for width, height in ((outer.width(), outer.height()), room):
            plan = plan_product(
                rows,
                cols,
                (width, height),
                cell_width=cell_width,
                cell_height=cell_height,
                labels=labels,
                right=right,
                heading=heading,
                smallest=SMALLEST_PX,
                largest=LARGEST_PX,
            )
            if not plan.scrolls:
                break
        self.plan = plan
        self._update_ranges()

    def _update_ranges(self) -> None:
        plan = self.plan
        if plan is None:
            return
        viewport = self.viewport()
        for bar, total, extent, step in (
            (self.horizontalScrollBar(), plan.width, viewport.width(), plan.cell_width),
            (self.verticalScrollBar(), plan.height, viewport.height(), plan.cell_height),
        ):
            bar.setRange(0, max(0, total - extent))
            bar.setPageStep(extent)
            bar.setSingleStep(step)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
        self.follow()

    def follow(self) -> None:
        """Scroll so that the lit row (and the entries it reads), or the lit column, show;
        a part already in view stays put."""
        product, plan = self._product, self.plan
        if product is None or plan is None:
            return
        viewport = self.viewport()
        body_w = viewport.width() - plan.labels - plan.right
        body_h = viewport.height() - plan.heading - plan.cell_height
        rows: tuple[int, int] | None
        cols: tuple[int, int] | None
        if product.lit_row is not None:
            rows = (product.lit_row, product.lit_row)
            found = np.flatnonzero(product.matrix[product.lit_row])
            cols = (int(found[0]), int(found[-1])) if found.size else None
        elif product.lit_column is not None:
            found = np.flatnonzero(product.matrix[:, product.lit_column])
            rows = (int(found[0]), int(found[-1])) if found.size else None
            cols = (product.lit_column, product.lit_column)
        else:
            return
        if rows is not None:
            _show(self.verticalScrollBar(), rows, plan.cell_height, body_h)
        if cols is not None:
            _show(self.horizontalScrollBar(), cols, plan.cell_width, body_w)

    # ------------------------------------------------------------ painting

    def _places(self, product: Product, plan: ProductPlan) -> tuple[int, int, int, int]:
        """Where the fixed parts go, in the viewport: the matrix's left edge (after the row
        labels), the result's left edge, the top row's and the matrix's top edges."""
        cols = product.matrix.shape[1]
        dx = self.horizontalScrollBar().value()
        right_x = min(
            plan.labels + cols * plan.cell_width - dx, self.viewport().width() - plan.right
        )
        return plan.labels, right_x, plan.heading, plan.heading + plan.cell_height

    def entry_rect(self, row: int, col: int) -> QRectF:
        """Entry (*row*, *col*) of the matrix, in the viewport (maybe out of view)."""
        assert self._product is not None and self.plan is not None
        left, _, _, body_y = self._places(self._product, self.plan)
        plan = self.plan
        return QRectF(
            left + col * plan.cell_width - self.horizontalScrollBar().value(),
            body_y + row * plan.cell_height - self.verticalScrollBar().value(),
            plan.cell_width,
            plan.cell_height,
        )

    def entry_at(self, point: QPointF) -> tuple[int, int] | None:
        """The matrix's entry (row, column) under *point* of the viewport, or ``None``."""
        product, plan = self._product, self.plan
        if product is None or plan is None:
            return None
        left, right_x, _, body_y = self._places(product, plan)
        if not (left <= point.x() < right_x and point.y() >= body_y):
            return None
        col = int((point.x() - left + self.horizontalScrollBar().value()) // plan.cell_width)
        row = int((point.y() - body_y + self.verticalScrollBar().value()) // plan.cell_height)
        rows, cols = product.matrix.shape
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(QPointF(event.pos()))
            if entry is None or self._product is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._product.entry_text(*entry), self)
            return True
        return super().viewportEvent(event)

    def result_rect(self, row: int) -> QRectF:
        """The value of the result beside *row*, in the viewport (maybe out of view)."""
        assert self._product is not None and self.plan is not None
        _, right_x, _, _ = self._places(self._product, self.plan)
        equals = QFontMetricsF(_font(self.plan.font)).horizontalAdvance(" = ")
        y = self.entry_rect(row, 0).top()
        return QRectF(right_x + 4 + equals, y, self.plan.right - 8 - equals, self.plan.cell_height)

    def paintEvent(self, event: QPaintEvent) -> None:
        product, plan = self._product, self.plan
        painter = QPainter(self.viewport())
        viewport = self.viewport().rect()
        painter.fillRect(viewport, style.INPUT_BG)
        if product is None or plan is None:
            painter.end()
            return
        rows, cols = product.matrix.shape
        cw, ch = plan.cell_width, plan.cell_height
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        vw, vh = viewport.width(), viewport.height()
        left, right_x, top_y, body_y = self._places(product, plan)
        # The matrix's rows in view, no further down (the lines stop at the last row).
        bottom = min(vh, body_y + rows * ch - dy)
        body = QRectF(left, body_y, max(0, right_x - left), max(0, bottom - body_y))
        j0 = max(0, dx // cw)
        j1 = min(cols, (dx + int(body.width())) // cw + 1)
        i0 = max(0, dy // ch)
        i1 = min(rows, (dy + int(body.height())) // ch + 1)

        def col_x(j: int) -> float:
            return left + j * cw - dx

        def row_y(i: int) -> float:
            return body_y + i * ch - dy

        value_font = _font(plan.font)
        label_font = _font(plan.font * LABEL_SCALE)
        bold_label = _font(plan.font * LABEL_SCALE, bold=True)
        matrix = product.matrix
        if self._stamp_font != plan.font:
            self._stamps.clear()
            self._stamp_font = plan.font
        # The body: every entry in view as one image, then the lit row or column over it,
        # then the lines.
        painter.save()
        painter.setClipRect(body)
        if i1 > i0 and j1 > j0:
            painter.drawImage(QPointF(col_x(j0), row_y(i0)), self._body_image(i0, i1, j0, j1))
        lit_cells: list[tuple[int, int]] = []
        if product.lit_row is not None and i0 <= product.lit_row < i1:
            y = row_y(product.lit_row)
            painter.fillRect(QRectF(left, y + 1, body.width(), ch - 1), style.LIT_BG)
            lit_cells = [(product.lit_row, j) for j in range(j0, j1)]
        if product.lit_column is not None and j0 <= product.lit_column < j1:
            x = col_x(product.lit_column)
            painter.fillRect(QRectF(x + 1, body_y, cw - 1, body.height()), style.LIT_BG)
            lit_cells = [(i, product.lit_column) for i in range(i0, i1)]
        for i, j in lit_cells:
            value = float(matrix[i, j])
            rect = QRectF(col_x(j), row_y(i), cw, ch)
            if value != 0:
                painter.fillRect(rect.adjusted(1, 1, 0, 0), style.FIELD_BG)
            color = FAINT_FG if value == 0 else style.TEXT_FG
            self._draw_value(painter, rect, value, color, value_font)
        self._grid_lines(painter, product, (i0, i1, j0, j1), col_x, row_y, body)
        painter.restore()
        # The top row: the vector across, over the columns it multiplies.
        painter.save()
        painter.setClipRect(QRectF(left, 0, body.width(), body_y))
        painter.setFont(value_font)
        for j in range(j0, j1):
            rect = QRectF(col_x(j), top_y, cw, ch)
            if j in product.marked_top:
                painter.fillRect(rect, style.FIELD_BG)
            value = float(product.top[j])
            color = FAINT_FG if value == 0 else style.TEXT_FG
            self._draw_value(painter, rect, value, color, value_font)
        painter.setPen(QPen(GROUP_LINE, 2))
        painter.drawLine(
            QRectF(left, body_y, body.width(), 0).topLeft(),
            QRectF(left, body_y, body.width(), 0).topRight(),
        )
        painter.setFont(label_font)
        painter.setPen(style.PADDING_FG)
        label_metrics = QFontMetricsF(label_font)
        for first, count, long_text, short_text in product.spans:
            if first + count <= j0 or first >= j1:
                continue
            rect = QRectF(col_x(first), 0, count * cw, plan.heading)
            fits = label_metrics.horizontalAdvance(long_text) + 4 <= rect.width()
            text = long_text if fits else short_text
            painter.drawText(
                rect.intersected(QRectF(left, 0, body.width(), plan.heading)), _CENTER, text
            )
        painter.restore()
        # The row labels, left.
        painter.save()
        painter.setClipRect(QRectF(0, body_y, left, body.height()))
        painter.setFont(label_font)
        for i in range(i0, i1):
            rect = QRectF(0, row_y(i), left - 6, ch)
            if i == product.lit_row:
                painter.fillRect(QRectF(0, row_y(i), left, ch), style.LIT_BG)
            painter.setPen(style.PADDING_FG)
            painter.drawText(rect, _RIGHT, product.row_labels[i])
        painter.restore()
        painter.setFont(bold_label)
        painter.setPen(style.TEXT_FG)
        painter.drawText(QRectF(0, top_y, left - 6, ch), _RIGHT, product.top_name)
        # The result, right: "= y".
        painter.save()
        painter.fillRect(QRectF(right_x, 0, vw - right_x, vh), style.INPUT_BG)
        painter.drawText(QRectF(right_x, top_y, plan.right, ch), _CENTER, product.right_name)
        painter.setClipRect(QRectF(right_x, body_y, plan.right, body.height()))
        painter.setFont(value_font)
        equals = QFontMetricsF(value_font).horizontalAdvance(" = ")
        for i in range(i0, i1):
            y = row_y(i)
            rect = self.result_rect(i)
            if i in product.marked_right:
                painter.fillRect(rect, style.CURRENT_BG)
            painter.setPen(FAINT_FG if i not in product.marked_right else style.TEXT_FG)
            painter.drawText(QRectF(right_x + 4, y, equals, ch), _CENTER, "=")
            painter.setPen(style.TEXT_FG)
            painter.drawText(rect, _RIGHT, self._text(float(product.right[i])))
        painter.restore()
        painter.end()

    def _grid_lines(
        self,
        painter: QPainter,
        product: Product,
        span: tuple[int, int, int, int],
        col_x: Callable[[int], float],
        row_y: Callable[[int], float],
        body: QRectF,
    ) -> None:
        """The lines where a map's row ends (the thin ones are in the tiles), and the last
        column's and row's far edges."""
        i0, i1, j0, j1 = span
        rows, cols = product.matrix.shape
        painter.setPen(QPen(GROUP_LINE, 2))
        for j in range(j0, j1 + 1):
            if j % max(1, product.col_group) == 0 or j == cols:
                x = round(col_x(j))
                painter.drawLine(x, round(body.top()), x, round(body.bottom()))
        for i in range(i0, i1 + 1):
            if i % max(1, product.row_group) == 0 or i == rows:
                y = round(row_y(i))
                painter.drawLine(round(body.left()), y, round(body.right()), y)


def _show(bar: QScrollBar, span: tuple[int, int], cell: int, extent: int) -> None:
    """Scroll one axis so that entries *span* show, centred, unless they already do."""
    if cell <= 0 or extent <= 0:
        return
    first, last = span[0] * cell, (span[1] + 1) * cell
    value = bar.value()
    if value <= first and last <= value + extent:
        return
    # Centred when they fit; else from the first (a scatter's rows span several map rows).
    start = first if last - first > extent else (first + last) // 2 - extent // 2
    bar.setValue(max(0, min(bar.maximum(), start)))


class MatrixView(QWidget):
    """The current layer as a matrix (tab "Matrix") and as im2col (tab "im2col").

    Shows :func:`~convstudio.model.matrix_view.matrix_choice_of`'s picture; the channel
    and kernel boxes write the choice. Computes nothing while hidden.
    """

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self._choice = matrix_choice_of(studio)
        self._stale = True
        self.picture: MatrixPicture | None = None
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setFont(style.font(style.UI_PT))
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.channel_box = QComboBox()
        self.kernel_box = QComboBox()
        self.channel_box.activated.connect(self._on_q_channel_chosen)
        self.kernel_box.activated.connect(self._on_q_kernel_chosen)
        choosers = QHBoxLayout()
        choosers.setContentsMargins(0, 0, 0, 0)
        choosers.addWidget(self.caption, 1)
        choosers.addWidget(self.channel_box)
        choosers.addWidget(self.kernel_box)
        self.matrix_canvas = ProductCanvas()
        self.im2col_canvas = ProductCanvas()
        self.tabs = QTabWidget()
        self.tabs.setFont(style.font(style.UI_PT))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.matrix_canvas, self.tr("Matrix"))
        self.tabs.addTab(self.im2col_canvas, self.tr("im2col"))
        self.tabs.currentChanged.connect(lambda _: self._show_caption())
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal.setFont(style.font(style.EQUATION_PT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choosers)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.refusal, 1)
        self.refusal.hide()
        bind(self, studio.frame_changed, self._on_frame)
        bind(self, self._choice.changed, self._on_frame)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_frame(self) -> None:
        if self.isHidden():
            self._stale = True  # drawn when shown: a hidden view costs a step nothing
            return
        self.refresh()

    def refresh(self) -> None:
        """Show the model's picture now."""
        self._stale = False
        self.set_picture(self._choice.picture())

    def set_picture(self, picture: MatrixPicture) -> None:
        """Show *picture*; never writes the model."""
        self.picture = picture
        refused = picture.refusal is not None
        self.refusal.setText(picture.refusal or "")
        self.refusal.setVisible(refused)
        self.tabs.setVisible(not refused)
        for box, count, chosen, word in (
            (self.channel_box, picture.channels, picture.channel, self.tr("Channel {0}")),
            (self.kernel_box, picture.kernels, picture.kernel, self.tr("Kernel {0}")),
        ):
            box.blockSignals(True)
            if box.count() != count:
                box.clear()
                box.addItems([word.format(n + 1) for n in range(count)])
            box.setCurrentIndex(chosen)
            box.blockSignals(False)
            box.setVisible(not refused and count > 1)
        if refused:
            self.caption.setText("")
            self.matrix_canvas.set_product(None)
            self.im2col_canvas.set_product(None)
            return
        self.matrix_canvas.set_product(matrix_product(picture))
        self.im2col_canvas.set_product(im2col_product(picture))
        self._show_caption()

    def _show_caption(self) -> None:
        picture = self.picture
        if picture is None or picture.refusal is not None:
            return
        on_im2col = self.tabs.currentWidget() is self.im2col_canvas
        self.caption.setText(picture.im2col_caption if on_im2col else picture.caption)

    def _on_q_channel_chosen(self, index: int) -> None:
        self._choice.choose(channel=index)

    def _on_q_kernel_chosen(self, index: int) -> None:
        self._choice.choose(kernel=index)
