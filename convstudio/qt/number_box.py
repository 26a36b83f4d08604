"""A spin box for any number a scene may hold, shown and read as the grids show and read them."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from ..model import NumberError, format_number, parse_number
from ..model.limits import MAX_ABS_VALUE

# Qt rounds a spin box's value to its decimals: enough that a scene's number comes back as it is.
_DECIMALS = 12
# The width asked for: a typical number, not the widest the range allows (13 digits).
_TYPICAL = "−0000.000"


class NumberSpinBox(QDoubleSpinBox):
    """Any finite number within the scene's limit; text as in a cell (``2.5``, ``-3``, ``1,5``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(_DECIMALS)
        self.setRange(-MAX_ABS_VALUE, MAX_ABS_VALUE)
        self.setKeyboardTracking(False)  # a typed number applies on Enter, not digit by digit

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return format_number(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return parse_number(self._number_part(text))
        except NumberError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        body = self._number_part(text).strip()
        if body in ("", "-", "−", "+", ".", ","):
            return QValidator.State.Intermediate, text, pos
        try:
            parse_number(body)
        except NumberError:
            # Still typing ("1e", "2.") may become a number; Enter then refuses it.
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def _number_part(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix())

    def sizeHint(self) -> QSize:
        # Qt sizes the box for the widest value of the range; ask for a typical one instead.
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        widest = metrics.horizontalAdvance(self.prefix() + self.textFromValue(self.minimum()))
        typical = metrics.horizontalAdvance(self.prefix() + _TYPICAL)
        return QSize(hint.width() - widest + typical, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
