"""Keep the stepping keys for stepping, whatever control has the focus.

A teacher clicks a spin box, then presses → or the remote's PageDown: without this,
the spin box's text field would take the key and the class would see nothing move.
Only a cell being edited keeps the arrows, Home, End and Space for its text. Ctrl+Z
after a spin box's arrows undoes the setting (the box would keep it for its own text).
While presenting, typed keys and double-clicks never reach a control: nothing can change
a number by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QWidget,
)

_ALWAYS = {Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}
_UNLESS_EDITING = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Space,
}


def _editing_a_cell(widget: QObject | None) -> bool:
    """True when *widget* is the editor of a table cell."""
    while isinstance(widget, QWidget):
        parent = widget.parentWidget()
        if isinstance(parent, QWidget) and isinstance(parent.parentWidget(), QAbstractItemView):
            view = parent.parentWidget()
            return bool(view.state() == QAbstractItemView.State.EditingState)
        widget = parent
    return False


def commit_open_edit() -> None:
    """Apply the number typed in a cell still being edited (before a step moves on)."""
    editor = QApplication.focusWidget()
    if not _editing_a_cell(editor):
        return
    view = editor.parentWidget().parentWidget()
    assert isinstance(view, QAbstractItemView)
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def _in_spin_box(widget: QObject | None) -> bool:
    while isinstance(widget, QWidget):
        if isinstance(widget, QAbstractSpinBox):
            return True
        widget = widget.parentWidget()
    return False


# A widget with this dynamic property set (a quiz's guess box) still takes typed keys while
# presenting.
TAKES_KEYS_WHILE_PRESENTING = "takes_keys_while_presenting"
_UNDO_REDO = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_TYPED = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonDblClick)


class StepKeysFilter(QObject):
    """Application event filter: stepping keys go to the window's shortcuts.

    Attributes
    ----------
    read_only
        Set while presenting: keys that no shortcut takes, and double-clicks, are dropped
        on their way to the window that owns this filter.
    """

    read_only = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.read_only
            and event.type() in _TYPED
            and isinstance(watched, QWidget)
            and watched.window() is self.parent()  # a dialog over the window still types
            and not watched.property(TAKES_KEYS_WHILE_PRESENTING)
        ):
            return True  # a shortcut has already had its chance: nothing else may type
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if any(event.matches(key) for key in _UNDO_REDO) and _in_spin_box(watched):
            return True  # not overridden: the window's Undo / Redo fires
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in _ALWAYS:
            return True  # not overridden: the shortcut fires
        return key in _UNLESS_EDITING and not _editing_a_cell(watched)
