"""Image mode: a photo next to what the current kernels make of it, and a region to step.

The whole image is convolved at full resolution whenever the kernels or settings
change (a 512×512 RGB image with 8 kernels takes about 15 ms here, so it runs in
the event loop: no thread, and so no stale result can arrive after a newer one).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..engine import ConvSettingsError
from ..model import MAX_GRID, EditError, Studio
from ..model.image import ImageError, check_image_size, image_output, region_scene
from . import style
from .binding import bind
from .heatmap_view import colour_levels

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp);;All files (*)"


def read_image(path: Path) -> np.ndarray:
    """The pixels of an image file as ``(H, W, 3)`` uint8 RGB.

    Raises
    ------
    ImageError
        When the file is not an image Qt can read, or is too large (checked from the
        header, before decoding).
    """
    if not path.is_file():
        raise ImageError(f"There is no file {path}.")
    reader = QImageReader(str(path))
    size = reader.size()
    if not reader.canRead() or not size.isValid():
        raise ImageError(f"{path.name} is not an image that can be read (PNG or JPEG).")
    check_image_size(size.width(), size.height())
    image = reader.read()
    if image.isNull():
        raise ImageError(f"{path.name} could not be read: {reader.errorString()}.")
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def _image_plot(widget: pg.GraphicsLayoutWidget) -> tuple[pg.PlotItem, pg.ImageItem]:
    plot = widget.addPlot()
    plot.invertY(True)
    plot.setAspectLocked(True)
    plot.setDefaultPadding(0.0)
    # Pixel (r, c) covers [c, c+1] × [r, r+1], so the region frame's whole-number corners
    # fall on pixel edges.
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    return plot, image


class ImageWindow(QWidget):
    """The image, the result of the current kernels on all of it, and a region picker.

    Parameters
    ----------
    studio
        The studio whose kernels and settings apply, and which "Use region" edits.
    report
        Called with a sentence when something cannot be done.
    """

    region_applied = Signal()

    def __init__(self, studio: Studio, report: Callable[[str], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Image — ConvStudio")
        self._studio = studio
        self._report = report
        self.pixels: np.ndarray | None = None
        self.result: np.ndarray | None = None
        self.compute_ms = 0.0

        self.source_view = pg.GraphicsLayoutWidget()
        self.source_view.setBackground("w")
        self.result_view = pg.GraphicsLayoutWidget()
        self.result_view.setBackground("w")
        self._source_plot, self.source_image = _image_plot(self.source_view)
        self._result_plot, self.result_image = _image_plot(self.result_view)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap="viridis", interactive=False)
        self.bar.setImageItem(self.result_image, insert_in=self._result_plot)
        self.region = pg.RectROI(
            [0, 0], [16, 16], pen=pg.mkPen("#c26a00", width=3), snapSize=1.0,
            translateSnap=True, scaleSnap=True,
        )  # fmt: skip
        self._source_plot.addItem(self.region)

        self.colour = QComboBox()
        self.colour.addItems(["grey", "RGB"])
        self.colour.setToolTip("Step through the region as one grey channel or as R, G and B")
        self.map_choice = QComboBox()
        self.map_choice.setToolTip("Which kernel's map to show")
        self.use_region = QPushButton("Step through this region")
        self.use_region.setToolTip(
            f"Make the framed region (up to {MAX_GRID}×{MAX_GRID}) the input"
        )
        self.status = QLabel()
        self.status.setWordWrap(True)

        views = QHBoxLayout()
        views.addWidget(self.source_view, 1)
        views.addWidget(self.result_view, 1)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Region as"))
        controls.addWidget(self.colour)
        controls.addWidget(self.use_region)
        controls.addStretch(1)
        controls.addWidget(QLabel("Map"))
        controls.addWidget(self.map_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(views, 1)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        self.setFont(style.font(style.UI_PT))
        self.resize(1100, 620)

        self.region.sigRegionChanged.connect(self._on_q_region_changed)
        self.use_region.clicked.connect(self.apply_region)
        self.map_choice.activated.connect(lambda _index: self._show_result())
        bind(self, studio.document.scene_changed, self.recompute)

    # ------------------------------------------------------------ loading

    def open_image(self, path: Path) -> bool:
        """Load *path*; on failure say why and keep whatever was shown."""
        try:
            pixels = read_image(path)
        except ImageError as exc:
            self._report(f"Could not open the image. {exc}")
            return False
        self.pixels = pixels
        height, width = pixels.shape[:2]
        self.source_image.setImage(pixels, levels=(0, 255))
        self.region.maxBounds = QRectF(0, 0, width, height)
        side = min(16, width, height)
        self.region.setPos((0, 0), finish=False)
        self.region.setSize((side, side))
        self.setWindowTitle(f"{path.name} ({width}×{height}) — ConvStudio")
        self.recompute()
        return True

    # ------------------------------------------------------------ result

    def recompute(self, *_: object) -> None:
        """Apply the current kernels and settings to the whole image."""
        if self.pixels is None:
            return
        start = time.perf_counter()
        try:
            self.result = image_output(self._studio.document.scene, self.pixels)
        except ConvSettingsError as exc:
            self.result = None
            self.result_image.clear()
            self.bar.hide()
            self.status.setText(f"No result on the image: {exc}")
            return
        self.compute_ms = (time.perf_counter() - start) * 1e3
        maps = self.result.shape[0]
        if self.map_choice.count() != maps:
            self.map_choice.clear()
            self.map_choice.addItems([f"kernel {k + 1}" for k in range(maps)])
        self._show_result()

    def _show_result(self) -> None:
        if self.result is None:
            return
        self.bar.show()
        shown = self.result[max(0, self.map_choice.currentIndex())]
        name, levels = colour_levels(shown)
        self.bar.setColorMap(pg.colormap.get(name))
        self.bar.setLevels(levels)
        self.result_image.setImage(shown, autoLevels=False, levels=levels)
        height, width = shown.shape
        self.status.setText(
            f"Result {width}×{height}, computed at full resolution in {self.compute_ms:.0f} ms."
        )

    # ------------------------------------------------------------ region

    def region_box(self) -> tuple[int, int, int, int]:
        """(top, left, rows, cols) of the framed region, in pixels."""
        x, y = (round(v) for v in self.region.pos())
        w, h = (round(v) for v in self.region.size())
        return y, x, h, w

    def set_region(self, top: int, left: int, rows: int, cols: int) -> None:
        self.region.setPos((left, top), finish=False)
        self.region.setSize((cols, rows))

    def _on_q_region_changed(self, *_: object) -> None:
        w, h = self.region.size()
        if w > MAX_GRID or h > MAX_GRID:
            # A region becomes the grid, which holds at most 32×32.
            self.region.setSize((min(w, MAX_GRID), min(h, MAX_GRID)), update=False)

    def apply_region(self) -> bool:
        """Make the framed region the input of the document (an undoable edit)."""
        if self.pixels is None:
            self._report("Open an image first (File ▸ Open image…).")
            return False
        top, left, rows, cols = self.region_box()
        try:
            scene = region_scene(
                self._studio.document.scene,
                self.pixels,
                top,
                left,
                rows,
                cols,
                colour=self.colour.currentText() == "RGB",
            )
            self._studio.document.set_scene(scene)
        except (ImageError, EditError) as exc:  # EditError: say, a region smaller than the kernel
            self._report(str(exc))
            return False
        self._studio.playback.first()
        self.region_applied.emit()
        return True
