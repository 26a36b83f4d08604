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
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # The content's size hint changed (a channel, kernel or map came or went), and
            # so has ours: the layout around us caches hints until told.
            self.updateGeometry()
        return False

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
    """A :class:`FittingScrollArea` over a column of equal items (kernels, maps) that
    shows whole items only.

    Items share the room down to their smallest size. When even that does not fit, the
    part of the view that would show a cut item is left blank, and scrolling stops on
    item edges: a cut kernel would read as a smaller kernel, and a cut number as another
    number. An item taller than the whole view is squeezed, as in a plain scroll area.

    Parameters
    ----------
    content
        The widget whose vertical layout holds the items.
    items
        Returns the items, top to bottom.
    """

    def __init__(self, content: QWidget, items: Callable[[], list[QWidget]]) -> None:
        super().__init__(content)
        self._items = items
        self._snapping = False  # what a snap changes sends the events that ask for one

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        super().eventFilter(watched, event)
        if watched is self.widget() and event.type() in _MOVES:
            self._snap()  # items added, removed or resized move the edges
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._snap()

    def _snap(self) -> None:
        if self._snapping:
            return
        self._snapping = True
        try:
            self._snap_to_items()
        finally:
            self._snapping = False

    def _snap_to_items(self) -> None:
        # Only size hints and our own size go in, never the items' current geometry, which
        # what is set here changes: otherwise each snap would ask for the next.
        content = self.widget()
        items = [w for w in self._items() if not w.isHidden()]
        layout = content.layout() if content is not None else None
        minimum, spare = 0, 0
        if content is not None and layout is not None and len(items) > 1:
            count, spacing = len(items), max(0, layout.spacing())
            smallest = max(items[0].minimumSizeHint().height(), items[0].minimumHeight())
            total = count * smallest + (count - 1) * spacing
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
            down = total > self.height()
            across = content.sizeHint().width() > self.width() - (bar if down else 0)
            room = self.height() - (bar if across else 0)
            # While every item fits at its smallest, they share the room (and scroll inside,
            # on whole cells); past that, they scroll here, whole, at their smallest.
            if total > room and smallest <= room:
                minimum = total
                pitch = smallest + spacing
                spare = room - ((room + spacing) // pitch * pitch - spacing)
        if content is not None and content.minimumHeight() != minimum:
            content.setMinimumHeight(minimum)
        if self.viewportMargins().bottom() != spare:
            self.setViewportMargins(0, 0, 0, spare)

    def show_item(self, item: QWidget) -> None:
        """Scroll, on item edges, so that *item* shows whole (its top if too tall)."""
        _show_pixels(self.verticalScrollBar(), self.viewport().height(), item.y(), item.height())
        _show_pixels(self.horizontalScrollBar(), self.viewport().width(), item.x(), item.width())


def _show_pixels(bar: QScrollBar, extent: int, start: int, length: int) -> None:
    """Scroll one axis, in pixels, as little as shows *start*..*start + length*."""
    value = bar.value()
    if start >= value and start + length <= value + extent:
        return
    bar.setValue(start if start < value or length > extent else start + length - extent)
