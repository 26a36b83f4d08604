"""The loss curve of a training session (pyqtgraph, log scale), drawn as the steps come.

Made on first use, as the heat maps are: pyqtgraph is imported only then.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from . import style

# A loss of exactly 0 (the target reached) has no logarithm: drawn at this floor.
LOSS_FLOOR = 1e-12
CURVE_PEN = "#0b3d91"  # the badges' dark blue: legible on white at the back of a hall
SHOWN_PEN = "#c26a00"  # the step shown: the field border's orange
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
# Decades between two labelled powers of ten, the fewest that keep labels apart.
DECADE_STEPS = (1, 2, 3, 5, 10, 20, 50)


class DecadeAxis(pg.AxisItem):
    """A log axis labelled at whole powers of ten only, as many as its length holds.

    pyqtgraph labels the minor ticks (2·10⁴, 3·10⁴, …) of a range under about three
    decades, and in a short panel those labels overlap; here minor ticks draw grid lines
    without labels, and the labelled decades thin out (every 2nd, 5th, …) when the axis
    is short or spans many of them.
    """

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802, N803 (pyqtgraph's names)
        first, last = int(np.ceil(minVal - 1e-9)), int(np.floor(maxVal + 1e-9))
        pitch = 1.6 * QFontMetrics(self.style["tickFont"] or self.font()).height()
        room = max(1, int(size // pitch))
        # The labels a step gives are its multiples in range (-10 and 0 of -13…7 by 10).
        step = next(
            (s for s in DECADE_STEPS if last // s - -(-first // s) + 1 <= room), DECADE_STEPS[-1]
        )
        decades = [float(d) for d in range(first, last + 1) if d % step == 0]
        levels: list[tuple[float | None, list[float]]] = [(float(step), decades)]
        if step == 1:
            minor = [
                v + np.log10(m)
                for v in range(int(np.floor(minVal)), int(np.ceil(maxVal)))
                for m in range(2, 10)
            ]
            levels.append((None, [v for v in minor if minVal < v < maxVal]))
        return levels

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        if spacing is None:  # the minor ticks: grid lines, no labels
            return [""] * len(values)
        return ["10" + str(round(v)).translate(SUPERSCRIPT) for v in values]


class LossCurve(pg.PlotWidget):
    """Loss against training step, the y axis logarithmic, the step shown marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background="w", axisItems={"left": DecadeAxis("left")})
        self.plot_item = self.getPlotItem()
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        self.curve = self.plot_item.plot(pen=pg.mkPen(CURVE_PEN, width=3))
        self.shown_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(SHOWN_PEN, width=2))
        self.plot_item.addItem(self.shown_line)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setTextPen(pg.mkPen(style.TEXT_FG))
            axis.setPen(pg.mkPen(style.TEXT_FG))
            # Powers of ten as they are: an SI scale ("x1e12") on a log axis reads wrong.
            axis.enableAutoSIPrefix(False)
        # Ranges set here, not followed by pyqtgraph at every point: an axis whose range
        # stays draws from its cache (redrawing both axes cost most of a tick).
        self.plot_item.disableAutoRange()
        self._ranges: tuple[tuple[int, int], tuple[int, int]] | None = None
        self._steps = np.zeros(0)
        self._values = np.zeros(0)
        self._zoom = 1.0
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        font = style.font(style.UI_PT, zoom=zoom)
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).setStyle(tickFont=font)
        self._zoom = zoom
        self._fit_loss_axis()

    def _fit_loss_axis(self) -> None:
        """As wide as the widest label (10⁻¹², a loss of 0) and, beside it, the axis's name
        (a fixed width: an axis that changes width redraws)."""
        axis = self.plot_item.getAxis("left")
        labels = QFontMetrics(style.font(style.UI_PT, zoom=self._zoom)).horizontalAdvance("10⁻¹²")
        name = axis.label.boundingRect().height() if axis.label.isVisible() else 0.0
        axis.setWidth(int(labels + name + 12))

    def set_labels(self, step: str, loss: str) -> None:
        """The axes' names, in the language in use."""
        self.plot_item.setLabel("bottom", step, color=style.TEXT_FG.name())
        self.plot_item.setLabel("left", loss, color=style.TEXT_FG.name())
        self._fit_loss_axis()

    def set_losses(self, losses: list[float], shown: int, goal: int = 0) -> None:
        """Show *losses* (one per training step from 0, NaN where not known) and mark
        step *shown*; the step axis reaches the run's *goal*, the loss axis whole powers
        of ten around the losses."""
        values = np.asarray(losses, dtype=float)
        known = np.isfinite(values)
        self._steps = np.arange(values.size, dtype=float)[known]
        self._values = np.maximum(values[known], LOSS_FLOOR)
        self.curve.setData(self._steps, self._values)
        self.shown_line.setValue(shown)
        self.shown_line.setVisible(values.size > 0)
        steps = (0, max(goal, values.size - 1, 1))
        if self._values.size:
            logs = np.log10(self._values)
            decades = (
                int(np.floor(logs.min())),
                max(int(np.ceil(logs.max())), 1 + int(np.floor(logs.min()))),
            )
        else:
            decades = (0, 1)
        if (steps, decades) != self._ranges:
            self._ranges = (steps, decades)
            self.plot_item.setXRange(*steps, padding=0.02)
            # Room above and below for the end decades' labels (pyqtgraph hides a label
            # that would stick out of its axis).
            self.plot_item.setYRange(*decades, padding=0.1)

    def drawn(self) -> tuple[np.ndarray, np.ndarray]:
        """The steps and losses drawn now, for tests."""
        return self._steps, self._values

    def sizeHint(self) -> QSize:
        return QSize(420, 200)
