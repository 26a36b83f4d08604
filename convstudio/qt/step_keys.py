"""Keep the stepping keys for stepping, whatever control has the focus.

A teacher clicks a spin box, then presses → or the remote's PageDown: without this,
the spin box's text field would take the key and the class would see nothing move.
Only a cell being edited keeps the arrows, Home, End and Space (and Shift+Space,
which plays training) for its text. Ctrl+Z
after a spin box's arrows undoes the setting (the box would keep it for its own text).
While presenting, typed keys and double-clicks never reach a control, and no mouse button
or wheel reaches a control on the stage (the bias's arrows, a cell, a scroll bar): nothing
can change a number by accident. The pointer still moves over the stage (hovering a weight
lights what it multiplies).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QSinglePointEvent, QWheelEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_ALWAYS = {Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}
# The layer keys: a spin box, which would only refuse them as text, lets them jump.
_LAYER_KEYS = {Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight}
_UNLESS_EDITING = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Space,
}

# Shift+Space plays or pauses training: a text field (the learning rate just typed) would
# take it as a space.
_SHIFTED = {Qt.Key.Key_Space}


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


# A widget with this dynamic property set (a quiz's guess box) still takes typed keys, and
# clicks on the stage, while presenting.
TAKES_KEYS_WHILE_PRESENTING = "takes_keys_while_presenting"
_UNDO_REDO = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_TYPED = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonDblClick)
# What a control on the stage never gets while presenting (the pointer's moves still go).
_POINTED = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
)


def _takes_keys(widget: QWidget | None) -> bool:
    """True when *widget*, or a widget it is part of, is marked to take keys while presenting."""
    while widget is not None:
        if widget.property(TAKES_KEYS_WHILE_PRESENTING):
            return True
        widget = widget.parentWidget()
    return False


class StepKeysFilter(QObject):
    """Application event filter: stepping keys go to the window's shortcuts.

    Attributes
    ----------
    read_only
        Set while presenting: keys that no shortcut takes, and double-clicks, are dropped
        on their way to the window that owns this filter; so are mouse buttons, the wheel
        and context menus on their way to :attr:`read_only_area` or any widget in it.
    read_only_area
        The part of the window that is shown, never edited, while presenting (the stage).
        Every control in it obeys :attr:`read_only`, those made later too: none has to ask.
    """

    read_only = False
    read_only_area: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.read_only and self._dropped(watched, event):
            return True
        if isinstance(event, QWheelEvent) and _wheel_scrolls_past(watched, event):
            return True
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if any(event.matches(key) for key in _UNDO_REDO) and _in_spin_box(watched):
            return True  # not overridden: the window's Undo / Redo fires
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if modifiers == Qt.KeyboardModifier.ShiftModifier and key in _SHIFTED:
            return not _editing_a_cell(watched)
        if modifiers:
            return False
        if key in _ALWAYS:
            return True  # not overridden: the shortcut fires
        if key in _LAYER_KEYS and _in_spin_box(watched):
            return True
        return key in _UNLESS_EDITING and not _editing_a_cell(watched)

    def _dropped(self, watched: QObject, event: QEvent) -> bool:
        """Whether *event* must not reach *watched* while presenting."""
        kind = event.type()
        if kind not in _TYPED and kind not in _POINTED:
            return False
        if isinstance(watched, QWindow):
            # The window system's click, before Qt gives the focus to the widget under it:
            # dropped here, a click on the stage does not even move the focus (a cell's
            # focus frame, a spin box's cursor would show to the class).
            # A release goes to the widget that had the press (a slider dragged onto the
            # stage must hear of it): it is judged there, below.
            window = self.parent()
            if (
                kind in _POINTED
                and kind != QEvent.Type.MouseButtonRelease
                and isinstance(event, QSinglePointEvent)
                and isinstance(window, QWidget)
                and window.windowHandle() is watched
            ):
                return self._on_stage(window.childAt(event.position().toPoint()))
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.parent():
            return False  # a dialog over the window still types and clicks
        if _takes_keys(watched):
            return False
        if kind in _TYPED:
            return True  # a shortcut has already had its chance: nothing else may type
        return self._on_stage(watched)

    def _on_stage(self, widget: QWidget | None) -> bool:
        area = self.read_only_area
        if widget is None or area is None or _takes_keys(widget):
            return False
        return widget is area or area.isAncestorOf(widget)


def _wheel_scrolls_past(watched: QObject, event: QWheelEvent) -> bool:
    """A wheel over a spin box or a combo box without the focus, in a panel that scrolls,
    scrolls the panel: scrolling down the side panel must not change the settings that
    pass under the pointer. Returns whether the event was taken."""
    if not isinstance(watched, (QAbstractSpinBox, QComboBox)) or watched.hasFocus():
        return False
    area = watched.parent()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parent()
    if area is None:
        return False  # not in a scrolling panel: the wheel sets the value, as Qt does
    bar = area.verticalScrollBar()
    lines = event.angleDelta().y() / 120 * QApplication.wheelScrollLines()
    bar.setValue(bar.value() - round(lines * bar.singleStep()))
    return True
