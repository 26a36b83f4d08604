"""Presenting: the stage full screen, the remote's keys, and no number changed by accident."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from convstudio.model import RGB
from convstudio.model.playback import PlaybackState
from convstudio.model.sharing import hover_of
from convstudio.qt.cells import NumberTable
from convstudio.qt.heatmap_view import HeatMapView
from convstudio.qt.main_window import MainWindow
from convstudio.qt.number_box import NumberSpinBox
from convstudio.qt.step_keys import TAKES_KEYS_WHILE_PRESENTING


@pytest.fixture
def window(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def key(widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, key, modifier)


def test_no_cell_holds_the_focus_until_the_user_goes_to_a_grid(qtbot, window, studio):
    focused = QApplication.focusWidget()
    assert not isinstance(focused, NumberTable)
    before = studio.document.scene
    QTest.keyClicks(focused, "75")  # a student's stray keys
    assert studio.document.scene is before
    table = window.input_panel.table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert QApplication.focusWidget() is table


def test_present_hides_every_editing_control_and_esc_brings_them_back(qtbot, window):
    key(window, Qt.Key.Key_F5)
    assert window.presenting and window.isFullScreen()
    hidden = [
        window.menuBar(),
        window.side_panel,
        window.input_panel.size_controls.rows,
        window.input_panel.random_button,
        window.kernel_panel.size_controls.cols,
        window.kernel_panel.presets,
        window.transport.speed,
    ]
    assert not any(w.isVisible() for w in hidden)
    assert window.input_panel.grids[0].title.text() == "Input 6×6"  # the size, as text
    assert window.input_panel.grids[0].title.isVisible()
    assert window.transport.isVisible() and window.equation.isVisible()
    key(window, Qt.Key.Key_Escape)
    assert not window.presenting
    assert all(w.isVisible() for w in hidden)


def test_shift_f5_from_a_presenter_remote_presents_too(qtbot, window):
    key(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.presenting and not window.menuBar().isVisible()
    key(window, Qt.Key.Key_Escape)
    assert not window.presenting


def test_the_remotes_keys_step_and_blank_while_presenting(qtbot, window, studio):
    window.set_presenting(True)
    for k in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_Right):
        key(window, k)
    assert studio.position == 3
    key(window, Qt.Key.Key_PageUp)
    assert studio.position == 2
    key(window, Qt.Key.Key_End)
    assert studio.position == 16
    key(window, Qt.Key.Key_B)
    assert window._blank.isVisible() and window._blank.geometry() == window.rect()
    key(window, Qt.Key.Key_B)
    assert not window._blank.isVisible()
    key(window, Qt.Key.Key_Period)
    assert window._blank.isVisible()
    key(window, Qt.Key.Key_Escape)  # leaving brings the stage back too
    assert not window._blank.isVisible()


def test_b_and_full_stop_are_typed_not_blanking_when_not_presenting(qtbot, window):
    key(window, Qt.Key.Key_B)
    assert not window._blank.isVisible()


def test_keys_and_double_clicks_never_change_a_number_while_presenting(qtbot, window, studio):
    table = window.input_panel.table
    window.set_presenting(True)
    table.setFocus()
    before = studio.document.scene
    QTest.keyClicks(table, "99")
    key(table, Qt.Key.Key_Return)
    rect = table.visualRect(table.model().index(0, 0))
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.state() != table.State.EditingState
    assert studio.document.scene is before
    key(window, Qt.Key.Key_PageDown)  # the remote still steps
    assert studio.position == 1


def test_ctrl_z_undoes_a_setting_changed_with_a_spin_boxs_arrows(qtbot, window, studio):
    stride = window.settings_panel.stride
    stride.setFocus()
    key(stride, Qt.Key.Key_Up)  # the arrow key, as the arrow button does
    assert studio.document.scene.stride == (2, 2)
    assert QApplication.focusWidget() is stride.lineEdit() or stride.hasFocus()
    key(stride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.document.scene.stride == (1, 1)
    assert stride.value() == 1


def test_the_quiz_from_the_keys_next_reveals_then_steps_and_guesses_type_while_presenting(
    qtbot, window, studio
):
    window.set_presenting(True)
    key(window, Qt.Key.Key_Q)
    assert window.quiz.on and window.quiz_action.isChecked()
    key(window, Qt.Key.Key_PageDown)  # step 1, its value hidden
    assert studio.position == 1
    box = window.quiz_view.guess_box
    box.setFocus()
    QTest.keyClicks(box, "429")  # typed while presenting: the guess box takes keys
    key(box, Qt.Key.Key_Return)
    assert window.quiz.score.right == 1
    key(window, Qt.Key.Key_PageDown)  # step 2, hidden
    assert studio.position == 2
    key(window, Qt.Key.Key_PageDown)  # reveals, does not step
    assert studio.position == 2 and not window.quiz.value_hidden
    key(window, Qt.Key.Key_PageDown)
    assert studio.position == 3


def test_while_the_size_is_asked_nothing_on_screen_gives_it_away(qtbot, window, studio):
    window.quiz.set_on(True)
    window.settings_panel.stride.setValue(2)  # a change of shape: the class guesses the size
    assert window.quiz.asking_size
    assert window.transport.position_label.text().endswith("of ?")
    assert not window.transport.slider.isVisible()
    assert not window.settings_panel.size_box.isVisible()
    assert window.costs_panel.isHidden()  # the Costs tab shows no output shape
    window.quiz.guess_size(2, 2)
    assert not window.quiz.asking_size
    assert window.transport.position_label.text() == "Step 0 of 4"
    assert window.transport.slider.isVisible() and window.settings_panel.size_box.isVisible()
    assert not window.costs_panel.isHidden()


# ------------------------------------------------------------ the stage is read-only


def _value(widget: QWidget) -> object:
    """What a user could change in *widget* with a click, the wheel or a key."""
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked(), widget.isDown()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractItemView):
        current = widget.currentIndex()
        selected = sorted((i.row(), i.column()) for i in widget.selectedIndexes())
        return (current.row(), current.column()), selected, widget.state()
    if isinstance(widget, HeatMapView):
        return widget.plot.viewRange()
    return None


def _guess_box(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.property(TAKES_KEYS_WHILE_PRESENTING):
            return True
        widget = widget.parentWidget()
    return False


def _wheel(widget: QWidget, pos: QPoint, up: bool) -> None:
    delta = QPoint(0, 120 if up else -120)
    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(),
        delta,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_7,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Return,
)


def _busiest_stage(window, studio, quiz):
    """Three RGB channels, three kernels with biases, heat maps, and the quiz as asked."""
    document = studio.document
    document.set_channels(3, RGB)
    document.set_kernel_count(3)
    document.set_bias_enabled(True)
    window.set_heat_maps(quiz != "size")
    if quiz != "off":
        window.quiz.set_on(True)
    if quiz == "size":
        window.settings_panel.stride.setValue(2)  # a new shape: the class guesses the size
        assert window.quiz.asking_size
    else:
        studio.playback.seek(1)
    if quiz == "value":
        assert window.quiz.value_hidden


@pytest.mark.parametrize("quiz", ["off", "value", "size"])
def test_no_control_on_the_stage_takes_a_click_a_wheel_or_a_key_while_presenting(
    qtbot, window, studio, quiz
):
    _busiest_stage(window, studio, quiz)
    window.set_presenting(True)
    qtbot.waitUntil(lambda: window.stage.plan is not None and not window.stage._stale)
    widgets = [window.stage, *window.stage.findChildren(QWidget)]
    shown = [w for w in widgets if w.isVisible() and not _guess_box(w)]
    # The busiest stage: every kind of control is walked, not only the grids.
    kinds = {type(w) for w in shown}
    assert NumberSpinBox in kinds and NumberTable in kinds
    assert sum(isinstance(w, NumberSpinBox) for w in shown) == 3  # a bias per kernel
    if quiz != "size":
        assert HeatMapView in kinds
    scene, position = studio.document.scene, studio.position
    guesses = window.quiz.score
    values = [_value(w) for w in shown]
    for widget in shown:
        width, height = widget.width(), widget.height()
        # The middle and the corners: a spin box's arrows, a scroll bar's buttons.
        points = {
            QPoint(width // 2, height // 2),
            QPoint(max(0, width - 4), 4),
            QPoint(max(0, width - 4), max(0, height - 4)),
            QPoint(4, 4),
        }
        for point in points:
            for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
                QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, point)
            QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=point)
            _wheel(widget, point, up=True)
            _wheel(widget, point, up=False)
        for k in _KEYS:
            QTest.keyClick(widget, k)
        what = f"{type(widget).__name__} {widget.objectName()!r}"
        assert studio.document.scene is scene, what
        # Neither its own value nor another's (a click in a grid's viewport moves its table's
        # current cell).
        assert [_value(w) for w in shown] == values, what
        assert studio.position == position, what
        assert window.quiz.score == guesses, what
    # The guess box is the one control that still takes keys.
    if quiz != "off":
        box = window.quiz_view.guess_box
        assert box.isVisible() and box.isEnabled()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        QTest.keyClicks(box, "2x2" if quiz == "size" else "7")
        assert box.text() == ("2x2" if quiz == "size" else "7")


def test_a_click_on_the_bias_arrow_neither_changes_the_bias_nor_takes_the_focus(
    qtbot, window, studio
):
    studio.document.set_bias_enabled(True)
    window.set_presenting(True)
    qtbot.waitUntil(lambda: window.stage.plan is not None and not window.stage._stale)
    bias = window.kernel_panel.biases[0]
    assert bias.isVisible()
    focused = QApplication.focusWidget()
    # As the window system delivers it: to the window, which finds the widget under it.
    arrow = bias.mapTo(window, QPoint(bias.width() - 5, 5))
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, arrow
    )
    assert bias.value() == 0 and studio.document.scene.bias[0] == 0
    assert QApplication.focusWidget() is focused
    # The same for a click in a grid: no current cell, no focus frame.
    table = window.kernel_panel.table
    cell = table.viewport().mapTo(window, table.visualRect(table.model().index(1, 1)).center())
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell
    )
    assert QApplication.focusWidget() is focused and not table.currentIndex().isValid()
    # The pointer still moves over the stage: a hovered weight lights what it multiplies.
    QTest.mouseMove(window.windowHandle(), cell)
    weight = hover_of(studio).weight
    assert weight is not None and (weight.row, weight.col) == (1, 1)
    # The step bar under the stage still takes clicks.
    play = window.transport.play_button
    QTest.mouseClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        play.mapTo(window, play.rect().center()),
    )
    assert studio.playback.state is PlaybackState.PLAYING
    # Editing again: the arrow works as before.
    window.set_presenting(False)
    QTest.mouseClick(bias, Qt.MouseButton.LeftButton, pos=QPoint(bias.width() - 5, 5))
    assert studio.document.scene.bias[0] == 1


# ------------------------------------------------------------ the message bar


def _in_window(window, widget):
    return widget.geometry().translated(widget.parentWidget().mapTo(window, QPoint(0, 0)))


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("presenting", [False, True])
def test_a_message_never_covers_the_step_bar_or_the_stage(qtbot, window, size, presenting):
    window.set_presenting(presenting, full_screen=False)
    window.resize(*size)
    long = "The pasted block is 12×3; from row 8, column 1 it needs a 19×3 kernel. " * 3
    window.messages.show_message(long)
    bar, stage, messages = window.transport, window.stage, window.messages
    qtbot.waitUntil(
        lambda: (
            messages.isVisible() and messages.height() >= messages.heightForWidth(messages.width())
        )
    )
    placed = _in_window(window, messages)
    controls = [bar, *(w for w in bar.findChildren(QWidget) if w.isVisible())]
    assert len(controls) > 5  # the buttons, the slider, the step count
    for widget in controls:
        assert not placed.intersects(_in_window(window, widget)), type(widget).__name__
    assert not placed.intersects(_in_window(window, stage))
    assert placed.bottom() < _in_window(window, bar).top()  # just above the step bar
    # The whole message shows, and it gives its room back when it goes.
    assert messages.height() >= messages.heightForWidth(messages.width())
    height = stage.height()
    messages.hide()
    qtbot.waitUntil(lambda: stage.height() > height)
