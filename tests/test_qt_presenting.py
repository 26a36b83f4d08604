"""Presenting: the stage full screen, the remote's keys, and no number changed by accident."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from convstudio.qt.cells import NumberTable
from convstudio.qt.main_window import MainWindow


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
