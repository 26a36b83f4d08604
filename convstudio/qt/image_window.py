"""Image mode: a photo next to what the current kernels make of it, and a region to step.

The whole image is convolved at full resolution whenever the kernels or settings
change. At 4096² with several large kernels that takes seconds, so it runs on a worker
thread (:mod:`.background`): a preview from a sampled-down image first, then the full
result, with progress; a newer edit cancels older work, whose late answers are dropped.
The worker also colours the maps (uint8 indices into the colour map), so the GUI thread
only swaps pictures. Tiny jobs (the lesson's own sizes) run at once in the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QImageReader, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..engine import ConvSettingsError
from ..model import MAX_GRID, EditError, Scene, Studio
from ..model.image import (
    MAX_DECODE_MB,
    PREVIEW_WORK,
    Cancelled,
    ImageError,
    ImagePlanes,
    check_decode_size,
    check_image_size,
    colour_indices,
    image_format,
    image_geometry,
    image_output,
    image_work,
    preview_step,
    region_scene,
    spare_buffer,
)
from ..model.refusals import reason_text
from . import style
from .background import LatestJob, Ticket
from .binding import bind
from .heatmap_view import colour_levels

# Multiply-adds below which the result is computed at once in the event loop (about
# 2 ms here): quicker than a thread's round trip, and no "Computing…" flicker.
INLINE_WORK = 2_000_000

# Translated where it is used (context "ImageWindow").
# PNG and JPEG only: the files are read as what their content is, and only as these.
IMAGE_FILTER = QT_TRANSLATE_NOOP("ImageWindow", "Images (*.png *.jpg *.jpeg);;All files (*)")


def _reader(path: Path, kind: str) -> QImageReader:
    """A reader of *path* that decodes it as *kind* and as nothing else.

    Qt would otherwise try every plugin it has when the named one refuses the file (its
    SVG reader took 56 s over a 2.6 KB file of nested ``<use>`` elements named .png).
    """
    reader = QImageReader(str(path), kind.encode())
    reader.setAutoDetectImageFormat(False)
    reader.setDecideFormatFromContent(False)
    return reader


def check_image(path: Path) -> str:
    """Refuse at once what cannot be shown, from the file's first bytes and header only.

    Returns
    -------
    str
        The format to decode it as (``"png"`` or ``"jpeg"``).

    Raises
    ------
    ImageError
        When the file is missing, not a PNG or JPEG by its content, cut short, too
        large (from the header), or would take too much memory to decode.
    """
    kind = image_format(path)
    reader = _reader(path, kind)
    size = reader.size()
    if not reader.canRead() or not size.isValid():
        raise ImageError(
            QCoreApplication.translate(
                "image_window", "{0} is not an image that can be read (PNG or JPEG)."
            ).format(path.name)
        )
    check_image_size(size.width(), size.height())
    bits = QImage.toPixelFormat(reader.imageFormat()).bitsPerPixel() or 32
    check_decode_size(path.name, size.width(), size.height(), max(bits, 32))
    return kind


def decode_image(path: Path) -> np.ndarray:
    """The pixels of an image file as ``(H, W, 4)`` uint8 R, G, B, 255.

    The fourth byte makes the array one Qt draws as it is (``Format_RGBX8888``): the
    image view then wraps it without a copy or a conversion on the GUI thread. This may
    run on any thread.

    Raises
    ------
    ImageError
        As :func:`check_image`, or when decoding fails (the message says why).
    """
    kind = check_image(path)
    # Qt's own guard, whatever the header said (Qt's default allows 256 MB).
    QImageReader.setAllocationLimit(MAX_DECODE_MB)
    reader = _reader(path, kind)
    image = reader.read()
    if image.isNull():
        raise ImageError(
            QCoreApplication.translate("image_window", "{0} could not be read: {1}.").format(
                path.name, reader.errorString()
            )
        )
    image = image.convertToFormat(QImage.Format.Format_RGBX8888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 4].reshape(height, width, 4).copy()


def read_image(path: Path) -> np.ndarray:
    """The pixels of an image file as ``(H, W, 3)`` uint8 RGB (a view of :func:`decode_image`).

    Raises
    ------
    ImageError
        As :func:`decode_image`.
    """
    return decode_image(path)[..., :3]


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


@dataclass(frozen=True)
class Picture:
    """A whole-image result made ready to draw (off the GUI thread).

    Attributes
    ----------
    maps
        The float32 result ``(C_out, H', W')`` (of the sampled-down image for a preview).
    colours
        Per map, the colour map's name and levels, and the map as uint8 colour indices.
    size
        ``(H', W')`` of the full-resolution result, the area a preview is stretched over.
    step
        1 for the full result; a preview took every *step*-th pixel.
    ms
        How long the convolution took.
    """

    maps: np.ndarray
    colours: tuple[tuple[str, tuple[float, float], np.ndarray], ...]
    size: tuple[int, int]
    step: int
    ms: float


def _picture(
    maps: np.ndarray, size: tuple[int, int], step: int, ms: float, ticket: Ticket | None
) -> Picture:
    colours = []
    for values in maps:
        if ticket is not None and ticket.cancelled():
            raise Cancelled
        name, levels = colour_levels(values)
        colours.append((name, levels, colour_indices(values, *levels)))
    return Picture(maps, tuple(colours), size, step, ms)


def compute_picture(
    scene: Scene,
    pixels: np.ndarray,
    ticket: Ticket | None = None,
    planes: ImagePlanes | None = None,
    spare: np.ndarray | None = None,
) -> Picture:
    """The full-resolution picture; with a *ticket* (on the worker), a preview first
    when the full result takes long (more than ``PREVIEW_WORK`` multiply-adds).

    *planes*, the image's planes kept from one edit to the next, spare each edit the
    conversion of every pixel (made here, on first use, when missing). *spare*, an
    earlier result nobody holds (:func:`~convstudio.model.image.spare_buffer`), is
    written over when it has the result's shape.
    """
    height, width = pixels.shape[:2]
    g = image_geometry(scene, height, width)
    size = (g.out_height, g.out_width)
    step = preview_step(height, width)
    ready = None if planes is None else planes.planes(scene.input.shape[0])
    if ticket is not None and step > 1 and image_work(g) > PREVIEW_WORK:
        try:
            start = time.perf_counter()
            small = image_output(
                scene,
                pixels[::step, ::step],
                cancelled=ticket.cancelled,
                planes=None if ready is None else ready[:, ::step, ::step],
            )
        except ConvSettingsError:
            pass  # the kernel does not fit the sampled-down image: no preview then
        else:
            ms = (time.perf_counter() - start) * 1e3
            ticket.post(_picture(small, size, step, ms, ticket))
    start = time.perf_counter()
    shape = (g.out_channels, *size)
    maps = image_output(
        scene,
        pixels,
        progress=None if ticket is None else ticket.progress,
        cancelled=None if ticket is None else ticket.cancelled,
        planes=ready,
        out=spare if spare is not None and spare.shape == shape else None,
    )
    return _picture(maps, size, 1, (time.perf_counter() - start) * 1e3, ticket)


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
    image_loaded = Signal()
    """A file given to ``open_image`` is decoded and shown (``pixels`` holds it)."""
    preview_ready = Signal()
    result_ready = Signal()
    """The full-resolution result is shown (``result`` holds it)."""

    def __init__(self, studio: Studio, report: Callable[[str], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self._studio = studio
        self._report = report
        self.pixels: np.ndarray | None = None
        self.result: np.ndarray | None = None
        self.compute_ms = 0.0
        self.inline_work = INLINE_WORK
        self._picture: Picture | None = None
        self._planes: ImagePlanes | None = None  # the pixels as planes, made on first use
        self._dropped: list[object] = []  # a replaced image, to let go of on the worker
        self._opened: tuple[str, int, int] | None = None  # the file's name and size
        self._stale = False  # an edit arrived while the window was hidden
        self._job = LatestJob(self)
        self._job.posted.connect(self._on_preview)
        self._job.progressed.connect(self._on_progress)
        self._job.finished.connect(self._on_result)
        self._job.failed.connect(self._on_failed)
        # Decoding has its own worker: an edit meanwhile recomputes the image shown.
        self._loader = LatestJob(self)
        self._loader.finished.connect(self._on_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._loading: str | None = None  # the name of the file being decoded

        self.source_view = pg.GraphicsLayoutWidget()
        self.source_view.setBackground("w")
        self.result_view = pg.GraphicsLayoutWidget()
        self.result_view.setBackground("w")
        self._source_plot, self.source_image = _image_plot(self.source_view)
        self._result_plot, self.result_image = _image_plot(self.result_view)
        # The bar only labels the colours: the image is drawn from indices already coloured
        # on the worker, so the two are not linked (a linked bar would re-colour the floats
        # on the GUI thread).
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap="viridis", interactive=False)
        self._result_plot.layout.addItem(self.bar, 2, 5)
        self._result_plot.layout.setColumnFixedWidth(4, 5)
        self.region = pg.RectROI(
            [0, 0], [16, 16], pen=pg.mkPen("#c26a00", width=3), snapSize=1.0,
            translateSnap=True, scaleSnap=True,
        )  # fmt: skip
        self._source_plot.addItem(self.region)

        self.colour = QComboBox()
        self.colour.addItems(["", ""])
        self.map_choice = QComboBox()
        self.use_region = QPushButton()
        self.region_label = QLabel()
        self.map_label = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        # Hidden, it keeps its place: the views are not resized (and repainted) each time
        # a computation starts or ends.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()

        views = QHBoxLayout()
        views.addWidget(self.source_view, 1)
        views.addWidget(self.result_view, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.region_label)
        controls.addWidget(self.colour)
        controls.addWidget(self.use_region)
        controls.addStretch(1)
        controls.addWidget(self.map_label)
        controls.addWidget(self.map_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(views, 1)
        layout.addLayout(controls)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.progress)
        layout.addLayout(footer)
        self.setFont(style.font(style.UI_PT))
        # Two lines whatever the message: a status of another length must not change the
        # views' height (a resize repaints both views and their axes, 20 ms a time).
        self.status.setFixedHeight(2 * self.status.fontMetrics().lineSpacing() + 4)
        self.resize(1100, 620)

        self.region.sigRegionChanged.connect(self._on_q_region_changed)
        self.use_region.clicked.connect(self.apply_region)
        self.map_choice.activated.connect(lambda _index: self._show_result())
        bind(self, studio.document.scene_changed, self._on_scene_changed)
        self._retranslate()

    def _retranslate(self) -> None:
        """Put the window's fixed words in the current language."""
        self.setWindowTitle(self._title())
        self.colour.setItemText(0, self.tr("grey"))
        self.colour.setItemText(1, self.tr("RGB"))
        self.colour.setToolTip(
            self.tr("Step through the region as one grey channel or as R, G and B")
        )
        self.map_choice.setToolTip(self.tr("Which kernel's map to show"))
        self.use_region.setText(self.tr("Step through this region"))
        self.use_region.setToolTip(
            self.tr("Make the framed region (up to {0}×{1}) the input").format(MAX_GRID, MAX_GRID)
        )
        self.region_label.setText(self.tr("Region as"))
        self.map_label.setText(self.tr("Map"))
        for k in range(self.map_choice.count()):
            self.map_choice.setItemText(k, self.tr("kernel {0}").format(k + 1))

    def _title(self) -> str:
        if self._opened is None:
            return self.tr("Image — ConvStudio")
        return self.tr("{0} ({1}×{2}) — ConvStudio").format(*self._opened)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    # ------------------------------------------------------------ loading

    def open_image(self, path: Path) -> bool:
        """Start loading *path*; ``image_loaded`` follows once it is shown.

        What the first bytes and the header show to be unusable is refused at once
        (False, and the reason reported); decoding runs on a worker thread, with the
        window responsive meanwhile, and a failure there is reported the same way.
        Whatever was shown stays until the new image is ready.
        """
        try:
            check_image(path)
        except ImageError as exc:
            self._report(self.tr("Could not open the image. {0}").format(exc))
            return False
        self._loading = path.name
        self.progress.setRange(0, 0)  # busy: a decoder does not say how far it is
        self.progress.show()
        self.status.setText(self.tr("Opening {0}…").format(path.name))
        self._loader.start(lambda _ticket: (path.name, decode_image(path)))
        return True

    def _on_loaded(self, loaded: tuple[str, np.ndarray]) -> None:
        name, rgbx = loaded
        self._loading = None
        self.progress.hide()
        # The old image (and its planes) go with the next job's stale arrays, off this thread.
        self._dropped = [self.pixels, self._planes]
        self._planes = None
        self.pixels = rgbx[..., :3]
        height, width = rgbx.shape[:2]
        # Four bytes a pixel and no levels: pyqtgraph wraps the array as it is (with
        # levels it would rescale every pixel on the GUI thread, 0.3 s at 4096²).
        self.source_image.setImage(rgbx, autoLevels=False)
        self.region.maxBounds = QRectF(0, 0, width, height)
        side = min(16, width, height)
        self.region.setPos((0, 0), finish=False)
        self.region.setSize((side, side))
        self._opened = (name, width, height)
        self.setWindowTitle(self._title())
        self.recompute()
        self.image_loaded.emit()

    def _on_load_failed(self, error: object) -> None:
        self._loading = None
        self.progress.hide()
        if not isinstance(error, ImageError):  # memory ran out, or a bug
            error = f"{type(error).__name__}: {error}"
        self.status.setText("")
        self._report(self.tr("Could not open the image. {0}").format(error))

    # ------------------------------------------------------------ result

    def recompute(self, *_: object) -> None:
        """Apply the current kernels and settings to the whole image.

        A small job is done at once; a larger one starts on the worker thread and this
        returns at once (``result`` is None until ``result_ready``).
        """
        self._stale = False
        if self.pixels is None:
            return
        self._job.cancel()
        scene = self._studio.document.scene
        try:
            work = image_work(image_geometry(scene, *self.pixels.shape[:2]))
        except ConvSettingsError as exc:
            self._show_failure(exc)
            return
        if work <= self.inline_work:
            self._dropped = []
            self._on_result(compute_picture(scene, self.pixels, planes=self._planes_of()))
            return
        # Stale: dropping it also halves the peak memory. It is let go on the worker: a
        # 4096² result of 5 maps is 400 MB, and unmapping it takes tens of ms. The last
        # result's maps are written over by the next, if nobody else holds them.
        spare = [] if self.result is None else [self.result]
        stale = [self._picture, *self._dropped]
        self._dropped = []
        self.result = self._picture = None  # what is drawn stays until the new picture
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Computing the result on the whole image…"))
        pixels = self.pixels
        planes = self._planes_of()

        def work(ticket: Ticket) -> Picture:
            stale.clear()
            return compute_picture(scene, pixels, ticket, planes, spare_buffer(spare))

        self._job.start(work)

    def _planes_of(self) -> ImagePlanes:
        """The planes of the image shown (kept while it is; new ones for a new image)."""
        assert self.pixels is not None
        if self._planes is None or self._planes.rgb is not self.pixels:
            self._planes = ImagePlanes(self.pixels)
        return self._planes

    def _on_preview(self, picture: Picture) -> None:
        self._picture = picture
        self._show_result()
        self.preview_ready.emit()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        shown = self._picture is not None and self._picture.step > 1
        self.status.setText(
            (
                self.tr("Preview shown; computing the full-resolution result… {0} %")
                if shown
                else self.tr("Computing the full-resolution result… {0} %")
            ).format(100 * done // total)
        )

    def _on_result(self, picture: Picture) -> None:
        self.progress.hide()
        self._picture = picture
        self.result = picture.maps
        self.compute_ms = picture.ms
        maps = picture.maps.shape[0]
        if self.map_choice.count() != maps:
            self.map_choice.clear()
            self.map_choice.addItems([self.tr("kernel {0}").format(k + 1) for k in range(maps)])
        self._show_result()
        self.result_ready.emit()

    def _on_failed(self, error: object) -> None:
        if isinstance(error, BaseException) and not isinstance(error, ConvSettingsError):
            error = f"{type(error).__name__}: {error}"  # a bug, or memory ran out
        self._show_failure(error)

    def _show_failure(self, error: object) -> None:
        self.progress.hide()
        self.result = None
        self._picture = None
        self.result_image.clear()
        self.bar.hide()
        self.status.setText(self.tr("No result on the image: {0}").format(reason_text(error)))

    def _show_result(self) -> None:
        picture = self._picture
        if picture is None:
            return
        index = min(max(0, self.map_choice.currentIndex()), len(picture.colours) - 1)
        name, levels, indices = picture.colours[index]
        self.bar.show()
        self.bar.setColorMap(pg.colormap.get(name))
        self.bar.setLevels(levels)
        self.result_image.setColorMap(name)
        self.result_image.setImage(indices, autoLevels=False, levels=(0, 255))
        height, width = picture.size
        # A preview is stretched over the area of the full result it stands for.
        self.result_image.setRect(QRectF(0, 0, width, height))
        if picture.step == 1:
            self.status.setText(
                self.tr("Result {0}×{1}, computed at full resolution in {2} ms.").format(
                    width, height, f"{picture.ms:.0f}"
                )
            )
        else:
            rows, cols = indices.shape
            self.status.setText(
                self.tr(
                    "Preview: every {0}th pixel ({1}×{2}, a rough picture: "
                    "the kernels span {0}× more of the photo); computing the full "
                    "{3}×{4} result…"
                ).format(picture.step, cols, rows, width, height)
            )

    def _on_scene_changed(self, *_: object) -> None:
        if self.isVisible():
            self.recompute()
        else:
            self._stale = True  # nobody looks: compute when shown again
            self._job.cancel()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Stop the worker before the window can go away (it stops within one band).
        if self._job.cancel(wait=True):
            self._stale = True
        # A decoder cannot be stopped: its answer, dropped, no longer reaches the window.
        if self._loader.cancel():
            self._loading = None
            self.progress.hide()
        super().closeEvent(event)

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
            self._report(self.tr("Open an image first (File ▸ Open image…)."))
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
                colour=self.colour.currentIndex() == 1,  # RGB
            )
            self._studio.document.set_scene(scene)
        except (ImageError, EditError) as exc:  # EditError: say, a region smaller than the kernel
            self._report(str(exc))
            return False
        self._studio.playback.first()
        self.region_applied.emit()
        return True
