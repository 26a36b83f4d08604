"""Starting Qt: the application object, the main window, and rendering without a display."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ..model import Scene, Studio
from ..model.userfiles import Autosave
from . import style
from .main_window import MainWindow, user_data_folder

# The offscreen platform says the first two on every show and raise; libpng reports a damaged
# PNG that the window already explains in plain words. None means anything to a user.
_QUIET = ("propagateSizeHints", "does not support raise", "libpng error")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(noise in message for noise in _QUIET):
        sys.stderr.write(message + "\n")


def application() -> QApplication:
    """The one QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_message)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("ConvStudio")
        app.setOrganizationName("ConvStudio")
        # Menus, dialogs and tooltips at projector size too, not only the grids.
        app.setFont(style.font(style.UI_PT))
    assert isinstance(app, QApplication)
    return app


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected error becomes a message in the window, never a dead app."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb)  # for a bug report, on the terminal
        window.messages.show_message(
            f"Something went wrong ({kind.__name__}: {error}). Your numbers are unchanged; "
            "Ctrl+Z undoes the last edit."
        )

    sys.excepthook = hook


def run_window(scene: Scene, path: Path | None = None) -> int:
    """Open the main window on *scene* and run until it closes; returns the exit status."""
    app = application()
    window = MainWindow(Studio(scene), path, autosave=Autosave(user_data_folder()))
    window.restore_geometry()
    _install_excepthook(window)
    window.show()
    window.remove_interrupted_saves()
    window.restore_unsaved_work()
    return app.exec()


def _fit_into(image: QImage, size: tuple[int, int], background: QColor) -> QImage:
    scaled = image.scaled(
        size[0],
        size[1],
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    canvas = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    canvas.fill(background)
    painter = QPainter(canvas)
    painter.drawImage((size[0] - scaled.width()) // 2, (size[1] - scaled.height()) // 2, scaled)
    painter.end()
    return canvas


def render_png(
    scene: Scene, target: Path, *, step: int | None = None, size: tuple[int, int] = (1280, 720)
) -> None:
    """Draw the window at *step* (0-based; ``None`` = every step done) into a PNG file.

    Works with no display: the offscreen platform is chosen before Qt starts.

    Raises
    ------
    OSError
        When the PNG cannot be written.
    """
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application()
    studio = Studio(scene)
    window = MainWindow(studio, remember_geometry=False)
    smallest = window.minimumSizeHint()
    window.resize(max(size[0], smallest.width()), max(size[1], smallest.height()))
    window.show()
    studio.playback.seek(studio.playback.total if step is None else step + 1)
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()  # no keyboard-focus box on a slide
    QApplication.processEvents()
    image = window.grab().toImage()
    if (image.width(), image.height()) != size:
        # Smaller than the window can be laid out: draw it at its smallest and scale that
        # into the size asked for, so a slide template still gets exactly its size.
        image = _fit_into(image, size, window.palette().window().color())
    window.close()
    window.deleteLater()
    # Encode in memory, then write atomically with the scene files' own writer: libpng
    # prints "libpng error: Write Error" straight to stderr when a file write fails, and
    # Qt reports a full disk as "Unknown error".
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..model.scene import atomic_write_bytes

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"cannot encode the PNG for {target}")
    buffer.close()
    try:
        atomic_write_bytes(target, data.data())
    except OSError as exc:
        raise OSError(f"cannot write {target}: {exc.strerror or exc}") from None
