"""An output map as a heat map with a colour bar (pyqtgraph), filled as the steps go.

Values of both signs get a diverging colour map centred on 0, so that the sign reads at
a glance; others a sequential one. Cells not computed yet stay blank (NaN).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QShowEvent, QTransform
from PySide6.QtWidgets import QWidget

from ..model import Studio
from . import style
from .binding import bind

DIVERGING = "CET-D1"
SEQUENTIAL = "viridis"


def colour_levels(values: np.ndarray) -> tuple[str, tuple[float, float]]:
    """The colour map name and levels for *values*: symmetric about 0 if signs are mixed."""
    if values.size == 0:
        return SEQUENTIAL, (0.0, 1.0)
    low, high = float(values.min()), float(values.max())
    if low < 0 < high:
        extent = max(-low, high)
        return DIVERGING, (-extent, extent)
    if low == high:
        return SEQUENTIAL, (low - 0.5, high + 0.5)
    return SEQUENTIAL, (low, high)


class HeatMapView(pg.GraphicsLayoutWidget):
    """Map *channel* of the output as colours, with a colour bar."""

    def __init__(self, studio: Studio, channel: int, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")  # white, like the number grids, for the projector
        self._studio = studio
        self._channel = channel
        self.plot = self.addPlot()
        self.plot.invertY(True)
        self.plot.setDefaultPadding(0.0)
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        # Centre cell (0, 0) on the origin, as the numbers' grid is laid out.
        self.image.setTransform(QTransform().translate(-0.5, -0.5))
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(
            values=(0, 1), colorMap=pg.colormap.get(SEQUENTIAL), interactive=False, width=14
        )
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.bar.axis.setTextPen(pg.mkPen(style.TEXT_FG))  # dark, not the default light grey
        self.bar.axis.setPen(pg.mkPen(style.TEXT_FG))
        self._values = np.zeros((0, 0))
        self.set_zoom(1.0)
        self._evaluation = None
        bind(self, studio.frame_changed, self.set_frame)
        self.set_frame()

    def sizeHint(self) -> QSize:
        return QSize(200, 160)

    def set_zoom(self, zoom: float) -> None:
        """Title and colour-bar numbers at the size of the window's other text."""
        font = style.font(style.UI_PT, zoom=zoom)
        self.bar.axis.setStyle(tickFont=font)
        self.bar.axis.setWidth(QFontMetrics(font).horizontalAdvance("−00000") + 10)
        self._title_pt = font.pointSizeF()
        self._show_title()

    def _show_title(self) -> None:
        output = self._studio.evaluation.output
        several = output is not None and output.shape[0] > 1
        text = self.tr("Map {0}").format(self._channel + 1) if several else ""
        self.plot.setTitle(
            text, size=f"{self._title_pt:g}pt", color=style.TEXT_FG.name(), bold=True
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.set_frame()  # it skipped the frames it was hidden for

    def set_frame(self) -> None:
        """Show the cells computed so far; never writes the model."""
        if self.isHidden():
            return  # no cost while switched off: showEvent catches up
        evaluation = self._studio.evaluation
        output = evaluation.output
        if output is None or self._channel >= output.shape[0]:
            self.image.clear()
            self.bar.hide()  # no colours to explain
            return
        self.bar.show()
        values = output[self._channel]
        if evaluation is not self._evaluation:
            # New numbers: new colours, fixed for the whole run so that filling in
            # cells never recolours the ones already shown.
            self._evaluation = evaluation
            self._show_title()
            name, levels = colour_levels(output)
            self.bar.setColorMap(pg.colormap.get(name))
            self.bar.setLevels(levels)
        first = self._channel * values.size
        done = np.clip(self._studio.conv_position - first, 0, values.size)
        shown = np.full(values.size, np.nan)
        shown[:done] = values.ravel()[:done]
        self._values = shown.reshape(values.shape)
        self.image.setImage(self._values, autoLevels=False, levels=self.bar.levels())

    def shown(self) -> np.ndarray:
        """The values drawn now (NaN where not computed yet), for tests."""
        return self._values
