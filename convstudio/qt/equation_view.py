"""The current step's equation, with the real numbers: 18×1 + 54×0 + … = 429."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ..engine import StepDetail
from ..model import Studio, format_number
from . import style
from .binding import bind

HINT = "Press → or PageDown to take the first step; Space plays."


def _number(value: float) -> str:
    text = format_number(value)
    return f"({text})" if value < 0 else text


def equation_html(step: StepDetail) -> str:
    """Rich text of *step*: one line of products per input channel, then the sum."""
    weight_colour = style.WEIGHT_FG.name()
    padding_colour = style.PADDING_FG.name()
    lines = [
        f"<b>Output row {step.out_row + 1}, column {step.out_col + 1}"
        + (f" of map {step.out_channel + 1}" if step.out_channel else "")
        + "</b>"
    ]
    for depth, channel in enumerate(step.in_channels):
        terms = []
        for i in range(step.values.shape[1]):
            for j in range(step.values.shape[2]):
                value = _number(step.values[depth, i, j])
                if step.is_padding[i, j]:
                    value = f"<i style='color:{padding_colour}'>{value}</i>"
                weight = _number(step.weights[depth, i, j])
                terms.append(f"{value}×<span style='color:{weight_colour}'>{weight}</span>")
        label = f"channel {channel + 1}: " if len(step.in_channels) > 1 else ""
        total = step.channel_sums[depth]
        lines.append(f"{label}{' + '.join(terms)} = <b>{escape(format_number(total))}</b>")
    if len(step.in_channels) > 1 or step.bias:
        parts = [_number(s) for s in step.channel_sums]
        if step.bias:
            parts.append(f"bias {_number(step.bias)}")
        lines.append(f"{' + '.join(parts)} = <b>{escape(format_number(step.total))}</b>")
    return "<br>".join(lines)


class EquationView(QScrollArea):
    """Shows the equation of the current step; wraps long kernels instead of clipping."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.set_zoom(1.0)
        bind(self, studio.frame_changed, self.set_frame)
        self.set_frame()

    def set_zoom(self, zoom: float) -> None:
        self.label.setFont(style.font(style.EQUATION_PT, zoom=zoom))
        self.setMinimumHeight(round(3.2 * self.label.fontMetrics().height()))

    def set_frame(self) -> None:
        """Show the current step; never writes the model."""
        step = self._studio.current
        if step is not None:
            self.label.setText(equation_html(step))
        elif self._studio.evaluation.problem is None:
            self.label.setText("No output: the settings are impossible (see Settings).")
        else:
            self.label.setText(HINT)

    def text(self) -> str:
        """The equation as plain text (for tests and copying)."""
        return self.label.text()
