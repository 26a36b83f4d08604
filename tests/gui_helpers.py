"""What the view tests do the same way: type into a cell as a user would, answer a file
dialog."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit


def type_into_cell(qtbot, table, row, col, typed):
    """Open the cell's editor as a double-click would, replace its text, and press Return."""
    index = table.model().index(row, col)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit), "the cell did not open an editor"
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    if typed.isascii():
        QTest.keyClicks(editor, typed)
    else:  # QTest types ASCII only (it asserts on anything else)
        editor.insert(typed)
    # The delegate commits on Return through a queued call, then closes the editor.
    with qtbot.waitSignal(table.itemDelegate().closeEditor, timeout=2000):
        QTest.keyClick(editor, Qt.Key.Key_Return)


class FileDialogs:
    """Stands in for the user at every file dialog of the app (``file_dialog.run``).

    ``answer`` is the file chosen next (``None``: the dialog is cancelled); ``shown`` keeps
    each dialog's title, the folder it opened in and the file it offered (or ``None``).
    """

    def __init__(self, monkeypatch) -> None:
        from convstudio.qt import file_dialog

        self.answer: str | Path | None = None
        self.shown: list[tuple[str, Path, Path | None]] = []
        monkeypatch.setattr(file_dialog, "run", self._run)

    def _run(self, dialog) -> bool:
        offered = dialog.selectedFiles()
        folder = Path(dialog.directory().absolutePath())
        self.shown.append((dialog.windowTitle(), folder, Path(offered[0]) if offered else None))
        if self.answer is None:
            return False
        dialog.selectFile(str(self.answer))
        return True
