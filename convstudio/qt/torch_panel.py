"""The torch.nn.Conv2d(...) call for the current settings (the torch.nn.Sequential(...)
of a stack), with a copy button."""

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

from ..engine import ConvSettingsError
from ..model import Studio, torch_call
from ..model.layer_explain import torch_sequential
from . import style
from .binding import bind


class TorchPanel(QWidget):
    """Shows the PyTorch layer that computes what the window shows."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = studio.document
        self._stack = False
        self._line_height = 0
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
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
        self._line_height = QFontMetrics(mono).lineSpacing()
        self._fit_height()

    def _fit_height(self) -> None:
        # A stack's Sequential shows whole (up to 9 lines: the side panel scrolls instead).
        lines = min(self.code.document().blockCount(), 9) if self._stack else 3
        bar = self.code.horizontalScrollBar().sizeHint().height() if self._stack else 0
        self.code.setMinimumHeight(max(lines, 3) * self._line_height + 12 + bar)

    def set_scene(self, scene: object = None) -> None:
        """Show the call; never writes the document."""
        scene = self._document.scene
        self._stack = scene.is_stack
        if not scene.is_stack:
            self.code.setPlainText(torch_call(scene))
        else:
            try:
                code = torch_sequential(scene.layers, scene.input.shape)
            except ConvSettingsError:  # a layer that cannot take its map: no module
                code = self.tr("# No PyTorch code: the settings are impossible.")
            # Copied whole, it runs as it is.
            self.code.setPlainText(f"from torch import nn\n{code}")
        self._fit_height()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.toPlainText())
