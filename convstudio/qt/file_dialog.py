"""Every file dialog of the app: Qt's own, whole in the window's language, starting in a
folder of the user's (the last one used, else their documents), never in the app's files.

Qt's own dialog rather than the platform's: the platform's speaks the system's language,
which need not be the one chosen in the Language menu. Its labels are set here, in the
app's words: the qtbase translation of Qt 6 lacks some of them ("&Look in:").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..model import resource_dir
from . import settings

LAST_FOLDER = "files/last folder"  # the QSettings key


def documents_folder() -> Path:
    """The user's documents folder (their home when there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def start_folder(*, remember: bool = True) -> Path:
    """The folder a dialog opens in: the last one used (when *remember*), else documents."""
    if remember:
        last = settings.read(LAST_FOLDER, str)
        if last and _usable(Path(last)):
            return Path(last)
    return documents_folder()


def _usable(folder: Path) -> bool:
    """An existing folder outside the app's own files (a lesson must never be saved over)."""
    try:
        if not folder.is_dir():
            return False
        folder.resolve().relative_to(resource_dir().resolve())
    except ValueError:
        return True
    except OSError:
        return False
    return False


def make_dialog(
    parent: QWidget | None,
    title: str,
    name_filter: str,
    *,
    save: bool,
    folder: Path,
    name: str = "",
) -> QFileDialog:
    """A file dialog in *folder* (with *name* filled in), every label in the app's words."""
    dialog = QFileDialog(parent, title, str(folder), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    label = QFileDialog.DialogLabel
    translate = QCoreApplication.translate
    words = {
        label.LookIn: translate("FileDialog", "&Look in:"),
        label.FileName: translate("FileDialog", "File &name:"),
        label.FileType: translate("FileDialog", "Files of &type:"),
        label.Reject: translate("FileDialog", "Cancel"),
    }
    if save:
        words[label.Accept] = translate("FileDialog", "&Save")
    else:
        words[label.Accept] = translate("FileDialog", "&Open")
    for which, text in words.items():
        dialog.setLabelText(which, text)
    if name:
        dialog.selectFile(name)
    # Qt's first size shows the names alone: room for their size, type and date too.
    dialog.resize(dialog.sizeHint().expandedTo(QSize(900, 560)))
    return dialog


def run(dialog: QFileDialog) -> bool:
    """Show *dialog* until the user chooses or cancels; whether a file was chosen.

    The one place a file dialog waits for the user: tests replace it.
    """
    return dialog.exec() == QDialog.DialogCode.Accepted.value


def ask_file(
    parent: QWidget | None,
    title: str,
    name_filter: str,
    *,
    save: bool = False,
    folder: Path | None = None,
    name: str = "",
    remember: bool = True,
) -> Path | None:
    """Ask for a file to open (or, with *save*, to write); ``None`` when cancelled.

    Parameters
    ----------
    parent, title, name_filter
        As for :class:`QFileDialog` (the filter already translated).
    save
        A file to write: any name, and Qt asks before one is replaced.
    folder
        Where to start; by default (or when it is gone, or inside the app's own files)
        the folder last used, else the user's documents.
    name
        The file name offered.
    remember
        Start in the folder last used, and remember this one (off for tests and renders).
    """
    start = folder if folder is not None and _usable(folder) else start_folder(remember=remember)
    dialog = make_dialog(parent, title, name_filter, save=save, folder=start, name=name)
    try:
        chosen = run(dialog)
        files = dialog.selectedFiles() if chosen else []
    finally:
        dialog.deleteLater()
    if not files:
        return None
    path = Path(files[0])
    if remember:
        settings.write(LAST_FOLDER, str(path.parent))
    return path
