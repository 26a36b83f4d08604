"""The side panel: everything that is not the stage (sizes, presets, settings, costs,
the PyTorch call), in one column that scrolls, and that View ▸ Side panel (F9) hides."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

from . import style

# The panel is for editing, at a desk: smaller than the stage's text, which presenting
# shows alone, so that the stage keeps the width on a 1280×720 screen.
PANEL_PT = 12
MAX_WIDTH = 330  # pixels: what a 1280-pixel screen can spare beside the stage


class SidePanel(QScrollArea):
    """*sections*, top to bottom, with a line between them.

    Its width is that of its widest section; it scrolls down when the window is short,
    and never across.
    """

    def __init__(self, sections: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        content.setFont(style.font(PANEL_PT))
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 4, 8, 4)
        for index, section in enumerate(sections):
            if index:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                column.addWidget(line)
            column.addWidget(section)
            set_zoom = getattr(section, "set_zoom", None)
            if set_zoom is not None:
                set_zoom(PANEL_PT / style.UI_PT)
        column.addStretch(1)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def insert_top(self, widget: QWidget) -> None:
        """Put *widget* above the sections (the lesson's note); it takes the panel's font."""
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(0, widget)

    def scroll_to_top(self) -> None:
        """Show the panel from its top (the lesson's note) again."""
        self.verticalScrollBar().setValue(0)

    def sizeHint(self) -> QSize:
        content = self.widget()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = (content.sizeHint().width() if content is not None else 300) + bar
        return QSize(min(width, MAX_WIDTH), 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 100)
