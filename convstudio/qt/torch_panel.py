"""The torch.nn.Conv2d(...) call for the current settings, with a copy button."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..model import Studio, torch_call
from . import style
from .binding import bind


class TorchPanel(QWidget):
    """Shows the PyTorch layer that computes what the window shows."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = studio.document
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the call to the clipboard"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.code, 1)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy)
        bind(self, self._document.scene_changed, self.set_scene)
        self.set_zoom(1.0)
        self.set_scene()

    def set_zoom(self, zoom: float) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(style.MIN_PT, style.UI_PT * zoom))
        self.code.setFont(mono)
        # The call scrolls inside its own box; asking for three lines only keeps the tab
        # from scrolling too (two scroll bars, and Copy out of sight) on a short window.
        self.code.setMinimumHeight(3 * QFontMetrics(mono).lineSpacing() + 12)

    def set_scene(self, scene: object = None) -> None:
        """Show the call; never writes the document."""
        self.code.setPlainText(torch_call(self._document.scene))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.toPlainText())
