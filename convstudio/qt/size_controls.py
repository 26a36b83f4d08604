"""A grid's title with its rows and columns spin boxes (the input and the kernel share it)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from . import style


class SizeControls(QWidget):
    """``Input [6]×[6]``: a grid's name and its rows × columns as spin boxes.

    Signals
    -------
    size_requested(int, int)
        The user changed a spin box: (rows, columns) asked for.
    """

    size_requested = Signal(int, int)

    def __init__(self, name: str, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.title = QLabel(name)
        self.rows = QSpinBox(minimum=1, maximum=maximum)
        self.cols = QSpinBox(minimum=1, maximum=maximum)
        self.times = QLabel("×")
        # What a presentation shows instead of the spin boxes: the size, not a control.
        self.size_text = QLabel()
        self.size_text.hide()
        self._extras: list[QWidget] = []
        for spin, tip in (
            (self.rows, self.tr("Rows of the {0}: 1 to {1}")),
            (self.cols, self.tr("Columns of the {0}: 1 to {1}")),
        ):
            # Apply a typed size on Enter: "12" must not first cut the grid to 1 row.
            spin.setKeyboardTracking(False)
            spin.setToolTip(tip.format(name.lower(), maximum))
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.size_text, self.rows, self.times, self.cols):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.rows.valueChanged.connect(self._on_q_value_changed)
        self.cols.valueChanged.connect(self._on_q_value_changed)
        self.set_zoom(1.0)

    def add_widget(self, widget: QWidget) -> None:
        """Put *widget* after the spin boxes (buttons that belong to the same grid)."""
        self.layout_.insertWidget(self.layout_.count() - 1, widget)
        self._extras.append(widget)

    def set_editable(self, editable: bool) -> None:
        """Show the spin boxes and buttons, or (presenting) only the size as text."""
        for widget in (self.rows, self.times, self.cols, *self._extras):
            widget.setVisible(editable)
        self.size_text.setText(f"{self.rows.value()}×{self.cols.value()}")
        self.size_text.setVisible(not editable)

    def set_size(self, rows: int, cols: int) -> None:
        """Show *rows* × *cols*; never emits ``size_requested``."""
        with QSignalBlocker(self.rows), QSignalBlocker(self.cols):
            self.rows.setValue(rows)
            self.cols.setValue(cols)
        self.size_text.setText(f"{rows}×{cols}")

    def text(self) -> str:
        """What the controls show, e.g. ``Input 6×6``."""
        return f"{self._name} {self.rows.value()}×{self.cols.value()}"

    def set_zoom(self, zoom: float) -> None:
        self.title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.times.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.size_text.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))

    def _on_q_value_changed(self, _value: int) -> None:
        self.size_requested.emit(self.rows.value(), self.cols.value())
