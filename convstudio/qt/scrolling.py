"""Scroll areas that ask for their content's full size and scroll only when they must."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScrollBar, QStyle, QWidget


class FittingScrollArea(QScrollArea):
    """Shows *content* whole when there is room (its size hint is the content's), and
    scrolls when there is not (its minimum is small), instead of growing the window."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        return content.sizeHint() + QSize(2 * self.frameWidth(), 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 240), min(hint.height(), 200))


_MOVES = (QEvent.Type.Resize, QEvent.Type.LayoutRequest)


class WholeItemsArea(FittingScrollArea):
    """A :class:`FittingScrollArea` over a grid of equal items (channel grids, kernels,
    maps) that shows whole items only.

    When the items do not all fit, the part of the view that would show a cut item is
    left blank, and scrolling stops on item edges: a cut kernel would read as a smaller
    kernel, and a cut number as another number.

    Parameters
    ----------
    content
        The widget that lays out the items.
    items
        Returns the items, in any order.
    """

    def __init__(self, content: QWidget, items: Callable[[], list[QWidget]]) -> None:
        super().__init__(content)
        self._items = items
        self._snapping = False  # new margins resize the content, which asks for a snap
        content.installEventFilter(self)  # items added, removed or resized move the edges

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in _MOVES:
            self._snap()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._snap()

    def _pitch(self) -> tuple[QSize, QSize]:
        """The distance from one item to the next, and an item's size."""
        items = [w for w in self._items() if not w.isHidden()]
        if not items:
            return QSize(), QSize()
        xs = sorted({w.x() for w in items})
        ys = sorted({w.y() for w in items})
        size = items[0].size()
        pitch = QSize(
            xs[1] - xs[0] if len(xs) > 1 else size.width(),
            ys[1] - ys[0] if len(ys) > 1 else size.height(),
        )
        return pitch, size

    def _snap(self) -> None:
        if self._snapping:
            return
        self._snapping = True
        try:
            self._snap_margins()
        finally:
            self._snapping = False

    def _snap_margins(self) -> None:
        pitch, size = self._pitch()
        content = self.widget()
        if content is None or pitch.isEmpty():
            return
        hint = content.sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width, height = self.width(), self.height()
        across = hint.width() > width
        down = hint.height() > height - (bar if across else 0)
        across = across or (down and hint.width() > width - bar)
        room_w = width - (bar if down else 0)
        room_h = height - (bar if across else 0)
        spare_w = _spare(room_w, pitch.width(), size.width()) if across else 0
        spare_h = _spare(room_h, pitch.height(), size.height()) if down else 0
        if self.viewportMargins().right() != spare_w or self.viewportMargins().bottom() != spare_h:
            self.setViewportMargins(0, 0, spare_w, spare_h)

    def show_item(self, item: QWidget) -> None:
        """Scroll, on item edges, so that *item* shows whole (its top left if too large)."""
        _show_span(self.verticalScrollBar(), self.viewport().height(), item.y(), item.height())
        _show_span(self.horizontalScrollBar(), self.viewport().width(), item.x(), item.width())


def _spare(room: int, pitch: int, size: int) -> int:
    """Pixels of *room* left over once it holds as many whole items as it can."""
    whole = max(1, (room - size) // pitch + 1) if room >= size else 1
    return max(0, room - (size + (whole - 1) * pitch))


def _show_span(bar: QScrollBar, extent: int, start: int, length: int) -> None:
    value = bar.value()
    if start >= value and start + length <= value + extent:
        return
    bar.setValue(start if start < value or length > extent else start + length - extent)
