"""What the view tests do the same way: type into a cell as a user would."""

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
