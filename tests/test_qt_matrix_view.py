"""View ▸ As a matrix: the action shows it in the stage's place, the steps move its lit row
(and scroll it into view), its channel and kernel boxes write the model's choice, and a
layer that is not linear is refused in a line."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from convstudio.engine.layers import Conv2d
from convstudio.model import Scene, Studio
from convstudio.model.matrix_view import matrix_choice_of
from convstudio.qt.main_window import MainWindow
from convstudio.qt.matrix_view import MatrixView
from tests.test_model_matrix import two_kernels
from tests.test_model_stack import small_cnn


@pytest.fixture
def window(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def key(window, key_code):
    QTest.keyClick(QApplication.focusWidget() or window, key_code)


def test_the_action_and_its_key_show_the_matrix_in_the_stages_place(qtbot, window):
    assert window.matrix_view.isHidden() and window.stage.isVisible()
    key(window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: window.matrix_view.isVisible())
    assert window.matrix_action.isChecked() and window.stage.isHidden()
    product = window.matrix_view.matrix_canvas.product
    assert product is not None and product.matrix.shape == (16, 36)
    window.matrix_action.trigger()
    assert window.matrix_view.isHidden() and window.stage.isVisible()
    assert not window.matrix_action.isChecked()


def test_stepping_moves_the_lit_row_both_ways(qtbot, window, studio):
    window.set_matrix_shown(True)
    canvas = window.matrix_view.matrix_canvas
    studio.playback.seek(3)
    assert canvas.product.lit_row == 2
    key(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: canvas.product.lit_row == 3)
    key(window, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: canvas.product.lit_row == 2)
    # The im2col tab follows the same step.
    assert window.matrix_view.im2col_canvas.product.lit_row == 2


def test_a_hidden_view_waits_until_it_is_shown(qtbot, window, studio):
    view = window.matrix_view
    studio.playback.seek(5)
    assert view.picture is None or view.picture.lit_row != 4
    window.set_matrix_shown(True)
    assert view.picture.lit_row == 4


def test_choosing_a_kernel_and_a_channel_in_the_view_changes_what_the_model_shows(qtbot):
    studio = Studio(two_kernels())
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    studio.playback.seek(2)
    assert view.kernel_box.isVisible() and view.channel_box.count() == 2
    view.kernel_box.activated.emit(1)
    choice = matrix_choice_of(studio)
    assert choice.chosen(0) == (None, 1)
    assert view.picture.kernel == 1 and view.kernel_box.currentIndex() == 1
    view.channel_box.activated.emit(1)
    assert choice.picture().channel == 1 == view.picture.channel
    x = studio.evaluation.maps[0][1].ravel()
    np.testing.assert_array_equal(view.matrix_canvas.product.top, x)
    # The model's choice shows in the boxes too (model → view).
    choice.choose(kernel=0)
    assert view.kernel_box.currentIndex() == 0


def test_one_kernel_and_one_channel_need_no_boxes(qtbot, studio):
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    assert view.kernel_box.isHidden() and view.channel_box.isHidden()


def test_a_layer_that_is_not_linear_is_refused_in_a_line(qtbot):
    studio = Studio(small_cnn())
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    studio.show_layer(1)
    studio.playback.next()
    assert view.refusal.isVisible() and view.tabs.isHidden()
    assert view.refusal.text() == "Layer 2 (ReLU) has no matrix: it is not linear."
    studio.show_layer(0)
    assert view.refusal.isHidden() and view.tabs.isVisible()


def test_a_large_matrix_scrolls_to_follow_the_step(qtbot):
    rng = np.random.default_rng(2)
    scene = Scene(rng.integers(0, 9, (16, 16)).astype(float), layers=(Conv2d(np.ones((3, 3))),))
    studio = Studio(scene)
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    canvas = view.matrix_canvas
    assert canvas.plan.scrolls
    bar = canvas.verticalScrollBar()
    studio.playback.seek(1)
    assert bar.value() == 0
    studio.playback.seek(14 * 14)  # the last output cell: the last row of M
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0)
    across = canvas.horizontalScrollBar()
    assert across.value() > 0  # the entries the last row reads are at the right


def test_the_view_is_kept_shown_through_a_new_language(qtbot, window):
    window.set_matrix_shown(True)
    window.retranslate()
    assert window.matrix_action.isChecked() and not window.matrix_view.isHidden()
    assert window.stage.isHidden()


def test_the_im2col_tab_is_laid_out_when_shown(qtbot, studio):
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    studio.playback.seek(4)
    assert view.im2col_canvas.plan is None  # a hidden tab waits
    view.tabs.setCurrentWidget(view.im2col_canvas)
    qtbot.waitUntil(lambda: view.im2col_canvas.plan is not None)
    assert view.im2col_canvas.product.matrix.shape == (16, 9)
    assert view.caption.text().startswith("im2col: 16×9")


def test_a_scatter_step_scrolls_its_column_and_the_rows_it_reaches_into_view(qtbot):
    from convstudio.engine.layers import ConvTranspose2d

    x = np.arange(36, dtype=float).reshape(6, 6)
    scene = Scene(x, layers=(ConvTranspose2d(np.ones((3, 3)), stride=2),))
    studio = Studio(scene)
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    canvas = view.matrix_canvas
    studio.playback.seek(36)  # the last input cell scattered: the bottom right of the output
    assert canvas.product.lit_column == 35
    # It reaches output rows 11 to 13, columns 11 to 13: M's rows 140 to 168. More than the
    # room: from the first.
    qtbot.waitUntil(lambda: canvas.viewport().rect().contains(canvas.entry_rect(140, 35).toRect()))
    assert canvas.verticalScrollBar().value() > 0


def test_a_step_keeps_the_layout_and_an_edit_makes_a_new_one(qtbot, studio):
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    studio.playback.seek(2)
    canvas = view.matrix_canvas
    plan = canvas.plan
    studio.playback.seek(9)
    assert canvas.plan is plan  # a step moves the lit row only: nothing measured again
    studio.document.set_input_value(0, 0, 0, 7)
    assert canvas.plan is not plan
    assert canvas.product.top[0] == 7


def test_pointing_at_an_entry_says_what_it_is(qtbot, studio):
    view = MatrixView(studio)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    studio.playback.seek(1)
    canvas = view.matrix_canvas
    centre = canvas.entry_rect(0, 2).center()
    assert canvas.entry_at(centre) == (0, 2)
    assert canvas.product.entry_text(0, 2) == "Output cell (1, 1) adds input cell (1, 3) × 1."
    assert canvas.product.entry_text(0, 1) == (
        "Output cell (1, 1) does not read input cell (1, 2): 0."
    )
    # As the pointer's tooltip.
    point = centre.toPoint()
    help_event = QHelpEvent(QEvent.Type.ToolTip, point, canvas.viewport().mapToGlobal(point))
    QApplication.sendEvent(canvas.viewport(), help_event)
    qtbot.waitUntil(lambda: QToolTip.text() == "Output cell (1, 1) adds input cell (1, 3) × 1.")
    QToolTip.hideText()
    view.tabs.setCurrentWidget(view.im2col_canvas)
    qtbot.waitUntil(lambda: view.im2col_canvas.plan is not None)
    # The worked example: output (1, 1)'s window, its row 2, column 3 is input cell (2, 3).
    assert view.im2col_canvas.product.entry_text(0, 5) == (
        "The window of output cell (1, 1), channel 1, row 2, column 3: 75."
    )


def test_m_shows_the_matrix_while_presenting_too_and_stepping_follows(qtbot, window, studio):
    window.set_presenting(True, full_screen=False)
    key(window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: window.matrix_view.isVisible())
    assert window.stage.isHidden()
    key(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.matrix_view.matrix_canvas.product.lit_row == 0)
    window.set_presenting(False, full_screen=False)
    assert window.matrix_view.isVisible()
