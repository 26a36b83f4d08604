"""Starting Qt: the application object, the main window, and rendering without a display."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ..model import Scene, Studio
from ..model.desktop import DESKTOP_ID
from ..model.resources import APP_NAME
from ..model.userfiles import Autosave
from ..model.version import APP_VERSION
from . import style
from .about import app_icon
from .language import chosen_language, install_language
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
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setApplicationVersion(APP_VERSION)
        # Every window's icon; on Wayland the desktop entry's name finds it for the task bar.
        app.setWindowIcon(app_icon())
        app.setDesktopFileName(DESKTOP_ID)
        # The remembered language, else the system's (it also sets the font, with CJK glyphs).
        install_language(chosen_language())
        # Menus, dialogs and tooltips at projector size too, not only the grids.
        app.setFont(style.font(style.UI_PT))
    assert isinstance(app, QApplication)
    return app


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected error becomes a message in the window, never a dead app."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb)  # for a bug report, on the terminal
        window.messages.show_message(
            QCoreApplication.translate(
                "app",
                "Something went wrong ({0}: {1}). Your numbers are unchanged; "
                "Ctrl+Z undoes the last edit.",
            ).format(kind.__name__, error)
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


def render_png(
    scene: Scene, target: Path, *, step: int | None = None, size: tuple[int, int] = (1280, 720)
) -> None:
    """Draw the window at *step* (0-based; ``None`` = every step done) into a PNG file.

    Works with no display: the offscreen platform is chosen before Qt starts. The frame
    is the real window at *size* (see :class:`convstudio.qt.export.FrameRenderer`).

    Raises
    ------
    convstudio.qt.export.FrameSizeError
        When *size* is below the smallest window for *scene*.
    OSError
        When the PNG cannot be written (*target* is then unchanged).
    """
    from .export import FrameRenderer, png_bytes, write_file

    with FrameRenderer(scene, size) as renderer:
        data = png_bytes(renderer.frame(renderer.total if step is None else step + 1))
    write_file(target, data)
