"""Exports for slides and handouts: a frame as PNG, a run as GIF, the numbers as CSV.

Every picture comes from one place, :class:`FrameRenderer`: the real
:class:`MainWindow`, laid out at the size asked for without being shown on a screen,
sought to a step and grabbed. ``convstudio render``, ``convstudio gif`` and the
window's File ▸ Export menu all draw through it, so a slide is what the user sees.
Files are encoded in memory and written atomically: a failure leaves no partial file.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from ..model import Scene, Studio
from ..model.export import ExportError, check_gif_size, frame_ms, numbers_csv, run_positions
from ..model.files import FileCheckError, check_writable_target
from ..model.scene import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from PIL import Image

    from .main_window import MainWindow

SLIDE_SIZES = ((1280, 720), (1920, 1080))


class FrameSizeError(ExportError):
    """The size asked for is below the smallest the window can be laid out at."""

    def __init__(self, size: tuple[int, int], smallest: tuple[int, int]) -> None:
        self.size = size
        self.smallest = smallest
        super().__init__(
            QCoreApplication.translate(
                "Export",
                "{0}×{1} is smaller than the window can be for this scene (at least {2}×{3}).",
            ).format(*size, *smallest)
        )


def _ensure_application() -> None:
    # With no display Qt would abort the process: a headless command chooses the
    # offscreen platform before the QApplication exists (a running app keeps its own).
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from .app import application

    application()


def _settle() -> None:
    # Layout, the zoom's own posted refit and repaints; user input waits (an export
    # started from the window must not take clicks meant for the window).
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


class FrameRenderer:
    """The main window on *scene* at *size*, drawn off screen, one step at a time.

    Parameters
    ----------
    scene
        What to draw.
    size
        Width and height of the window, in pixels.
    speed
        The playback speed the window shows (steps per second); the default speed if
        ``None``.
    heat_maps
        Show the heat maps, as View ▸ Heat maps does.
    user_zoom
        The user's own zoom (View ▸ Zoom), 1.0 by default.
    present
        Draw the presentation stage (F5) instead of the editing window.

    Raises
    ------
    FrameSizeError
        When *size* is below the smallest the window can be laid out at for *scene*.

    Notes
    -----
    Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        scene: Scene,
        size: tuple[int, int],
        *,
        speed: float | None = None,
        heat_maps: bool = False,
        user_zoom: float = 1.0,
        present: bool = False,
    ) -> None:
        _ensure_application()
        from .main_window import MainWindow

        self.studio = Studio(scene)
        if speed is not None:
            self.studio.playback.set_speed(speed)
        window = MainWindow(self.studio, remember_geometry=False)
        # Laid out and painted as if shown, but never put on a screen: the window's own
        # export must not flash a second window at the user.
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.window = window
        smallest = window.minimumSize()
        if size[0] < smallest.width() or size[1] < smallest.height():
            self.close()
            raise FrameSizeError(size, (smallest.width(), smallest.height()))
        window.resize(*size)
        window.show()
        if present:
            window.set_presenting(True, full_screen=False)
        if heat_maps:
            window.set_heat_maps(True)
        if user_zoom != 1.0:
            window.set_user_zoom(user_zoom)
        _settle()

    @property
    def total(self) -> int:
        """Steps of the scene (the last playback position)."""
        return self.studio.playback.total

    def frame(self, position: int) -> QImage:
        """The window with *position* steps done (``0..total``), as an image of its size."""
        self.studio.playback.seek(position)
        _settle()
        focused = self.window.focusWidget()
        if focused is not None and focused.hasFocus():
            focused.clearFocus()  # no keyboard-focus box on a slide
        self.window.messages.hide()  # a note about the user's files is not the lesson
        _settle()
        return self.window.grab().toImage()

    def close(self) -> None:
        """Close the window and let Qt delete it."""
        self.window.close()
        self.window.deleteLater()

    def __enter__(self) -> FrameRenderer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def png_bytes(image: QImage) -> bytes:
    """*image* encoded as PNG, in memory.

    Encoding in memory keeps libpng from printing "libpng error: Write Error" to
    standard error when a file write fails, and Qt from calling a full disk
    "Unknown error": the caller writes the bytes with the atomic writer.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError(QCoreApplication.translate("Export", "The PNG could not be encoded."))
    buffer.close()
    return data.data()


def _pil_rgb(image: QImage) -> Image.Image:
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    shared = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), rgb.constBits(), "raw", "RGB", rgb.bytesPerLine(), 1
    )
    return shared.copy()  # the QImage's memory goes with it


def gif_bytes(images: Iterable[QImage], duration_ms: int, palette_from: QImage) -> bytes:
    """An animated GIF of *images*, each shown *duration_ms*, looping forever.

    Every frame takes the 256 colours of *palette_from* (the run's last frame, which
    shows every value): one palette keeps a colour from flickering between frames and
    lets each frame store only the cells that changed. Frames are converted one at a
    time as *images* yields them; only the 256-colour frames are kept until encoded.
    """
    from PIL import Image

    # FASTOCTREE: a window's few flat colours need no better, and it is several times
    # faster than the default median cut; no dithering, which would speckle flat areas.
    palette = _pil_rgb(palette_from).quantize(256, method=Image.Quantize.FASTOCTREE)
    frames = (
        _pil_rgb(image).quantize(palette=palette, dither=Image.Dither.NONE) for image in images
    )
    first = next(frames, None)
    if first is None:
        raise ExportError(
            QCoreApplication.translate("Export", "There is no frame to put in a GIF.")
        )
    buffer = io.BytesIO()
    first.save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames,
        duration=duration_ms,
        loop=0,
        # Each frame stores only the rectangle that changed: a step changes a few cells.
        optimize=True,
    )
    return buffer.getvalue()


def render_frame_png(
    scene: Scene, size: tuple[int, int], position: int | None = None, **options: object
) -> bytes:
    """The window at *position* steps done, as PNG bytes.

    Parameters
    ----------
    scene, size, **options
        As for :class:`FrameRenderer`.
    position
        Steps done, ``0..total``; ``None`` (every step done) shows the whole output, and
        a scene whose settings are impossible as the window shows it.
    """
    with FrameRenderer(scene, size, **options) as renderer:  # type: ignore[arg-type]
        return png_bytes(renderer.frame(renderer.total if position is None else position))


def render_run_gif(scene: Scene, size: tuple[int, int], speed: float, **options: object) -> bytes:
    """The whole run of *scene* as an animated GIF: one frame per step, step 1 to the last.

    The empty step 0 is left out (see :func:`convstudio.model.export.run_positions`);
    each frame shows ``1 / speed`` seconds (see :func:`convstudio.model.export.frame_ms`).

    Raises
    ------
    ExportError
        When the scene has no steps or the GIF would be too large.
    FrameSizeError
        When *size* is below the smallest window for *scene*.
    """
    duration = frame_ms(speed)
    with FrameRenderer(scene, size, speed=speed, **options) as renderer:  # type: ignore[arg-type]
        positions = run_positions(renderer.total)
        check_gif_size(len(positions), *size)
        palette_from = renderer.frame(renderer.total)
        return gif_bytes(_frames(renderer, positions), duration, palette_from)


def _frames(renderer: FrameRenderer, positions: Iterable[int]) -> Iterator[QImage]:
    for position in positions:
        yield renderer.frame(position)


def write_file(target: Path, data: bytes | str) -> None:
    """Write *data* (text as UTF-8) to *target* atomically: all of it, or nothing.

    Raises
    ------
    OSError
        When the folder cannot be written or the disk is full; *target* is unchanged.
    """
    if isinstance(data, str):
        atomic_write_text(target, data)
    else:
        atomic_write_bytes(target, data)


# ---------------------------------------------------------------- the window's menu


def choose_size(window: MainWindow, title: str) -> tuple[int, int] | None:
    """Ask which size to export at: the window's own, 1280×720 or 1920×1080.

    Returns ``None`` when the user cancels. Tests replace this function.
    """
    current = (window.width(), window.height())
    sizes = [current, *(s for s in SLIDE_SIZES if s != current)]
    labels = [
        QCoreApplication.translate("Export", "As the window is now ({0}×{1})").format(*current)
    ]
    labels += [f"{w}×{h}" for w, h in sizes[1:]]
    label, ok = QInputDialog.getItem(
        window, title, QCoreApplication.translate("Export", "Size:"), labels, 0, False
    )
    if not ok:
        return None
    return sizes[labels.index(label)]


def _ask_target(window: MainWindow, title: str, suffix: str, name_filter: str) -> Path | None:
    """Ask where to write; ``None`` when cancelled. A name without suffix gets *suffix*."""
    folder = window.path.parent if window.path is not None else None
    title_text = window.studio.document.scene.title or "convstudio"
    stem = "".join("-" if c in '/\\:*?"<>|' or not c.isprintable() else c for c in title_text)
    name = f"{stem.strip(' .')[:80] or 'convstudio'}{suffix}"
    path = window.ask_file(title, name_filter, save=True, folder=folder, name=name)
    if path is None:
        return None
    return path.with_name(path.name + suffix) if not path.suffix else path


def _export(window: MainWindow, path: Path, suffix: str, make: Callable[[], bytes | str]) -> bool:
    """Check *path*, make the data with *make()*, write it; say any failure in the window."""
    if path.suffix.lower() != suffix:
        window.messages.show_message(
            QCoreApplication.translate(
                "Export", "Name the file {0}, not “{1}”. Nothing was written."
            ).format(suffix, path.name)
        )
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        target = check_writable_target(path)
        write_file(target, make())
    except FileCheckError as exc:
        message = QCoreApplication.translate("Export", "{0} Nothing was written.").format(
            exc
        )  # it names the file already
    except ExportError as exc:
        message = QCoreApplication.translate(
            "Export", "Could not export to {0}: {1} Nothing was written."
        ).format(path, _sentence(str(exc)))
    except OSError as exc:
        message = QCoreApplication.translate(
            "Export", "Could not export to {0}: {1}. Nothing was written."
        ).format(path, exc.strerror or exc)
    else:
        return True
    finally:
        QApplication.restoreOverrideCursor()
    window.messages.show_message(message)
    return False


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(".") else text + "."


def _options(window: MainWindow) -> dict[str, object]:
    """What the window shows beyond the scene and the step, for an export of it."""
    return {
        "heat_maps": window.heat_maps_action.isChecked(),
        "user_zoom": window.user_zoom,
    }


def export_frame(window: MainWindow, path: Path, size: tuple[int, int]) -> bool:
    """Write the window at its current step as a PNG of *size*; ``False`` (and a message)
    on failure."""
    studio = window.studio
    return _export(
        window,
        path,
        ".png",
        lambda: render_frame_png(
            studio.document.scene,
            size,
            studio.playback.position,
            speed=studio.playback.speed,
            **_options(window),
        ),
    )


def export_run(window: MainWindow, path: Path, size: tuple[int, int]) -> bool:
    """Write the whole run as an animated GIF of *size* at the playback's speed."""
    studio = window.studio
    return _export(
        window,
        path,
        ".gif",
        lambda: render_run_gif(
            studio.document.scene, size, studio.playback.speed, **_options(window)
        ),
    )


def export_numbers(window: MainWindow, path: Path) -> bool:
    """Write the input, kernels and output as CSV."""
    return _export(window, path, ".csv", lambda: numbers_csv(window.studio.document.scene))


def add_export_actions(window: MainWindow, menu: QMenu) -> None:
    """Add File ▸ Export frame…, Export run… and Export numbers… to *menu*.

    Parameters
    ----------
    window
        The main window (its studio, message bar, path and ``_action``).
    menu
        The File menu.
    """

    def frame() -> None:
        title = QCoreApplication.translate("Export", "Export frame")
        size = choose_size(window, title)
        path = size and _ask_target(
            window, title, ".png", QCoreApplication.translate("Export", "PNG images (*.png)")
        )
        if size and path:
            export_frame(window, path, size)

    def run() -> None:
        title = QCoreApplication.translate("Export", "Export run")
        size = choose_size(window, title)
        path = size and _ask_target(
            window, title, ".gif", QCoreApplication.translate("Export", "GIF animations (*.gif)")
        )
        if size and path:
            export_run(window, path, size)

    def numbers() -> None:
        path = _ask_target(
            window,
            QCoreApplication.translate("Export", "Export numbers"),
            ".csv",
            QCoreApplication.translate("Export", "CSV files (*.csv)"),
        )
        if path:
            export_numbers(window, path)

    menu.addAction(window._action(QCoreApplication.translate("Export", "Export &frame…"), frame))
    menu.addAction(window._action(QCoreApplication.translate("Export", "Export &run…"), run))
    menu.addAction(
        window._action(QCoreApplication.translate("Export", "Export &numbers…"), numbers)
    )
