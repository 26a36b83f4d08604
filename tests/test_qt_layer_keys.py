"""The layer keys and the Layers section in the window: ] and [ (and Alt+PageDown/PageUp)
jump to a layer's first step, editing and presenting; selecting a layer is not an edit."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_qt_small_screen import settle

from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.model import Scene, Studio
from convstudio.qt.language import install_language
from convstudio.qt.main_window import MainWindow


def cnn() -> Scene:
    layers = (
        Conv2d(np.ones((3, 3))),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.ones((2, 2))),
    )
    return Scene(np.arange(100.0).reshape(10, 10), layers=layers)


@pytest.fixture
def stack() -> Studio:
    return Studio(cnn())


@pytest.fixture
def window(qtbot, stack):
    window = MainWindow(stack, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def first_steps(studio):
    return [studio.evaluation.offset(layer) for layer in range(len(studio.evaluation.counts))]


def test_the_step_menu_has_the_layer_actions(window):
    step_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Step"
    )
    texts = [action.text().replace("&", "") for action in step_menu.actions()]
    assert "Next layer" in texts and "Previous layer" in texts


def test_brackets_jump_from_layer_to_layer(window, stack):
    starts = first_steps(stack)  # 0, 64, 128, 144
    press(Qt.Key.Key_BracketRight)
    assert stack.playback.current_step == starts[0]
    press(Qt.Key.Key_BracketRight)
    assert stack.playback.current_step == starts[1]
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_BracketLeft)  # back to the start of this layer first
    assert stack.playback.current_step == starts[1]
    press(Qt.Key.Key_BracketLeft)  # then the layer before
    assert stack.playback.current_step == starts[0]
    for _ in range(5):
        press(Qt.Key.Key_BracketRight)
    assert stack.playback.current_step == starts[3]  # stays on the last layer


def test_alt_page_keys_jump_while_the_plain_ones_step(window, stack):
    starts = first_steps(stack)
    stack.playback.show_step(starts[1])
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert stack.playback.current_step == starts[2]
    press(Qt.Key.Key_PageDown)
    assert stack.playback.current_step == starts[2] + 1
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert stack.playback.current_step == starts[2]


def test_layer_keys_work_while_presenting(window, stack):
    starts = first_steps(stack)
    window.set_presenting(True, full_screen=False)
    press(Qt.Key.Key_BracketRight)
    press(Qt.Key.Key_BracketRight)
    assert stack.playback.current_step == starts[1]
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert stack.playback.current_step == starts[0]
    assert window.layers_panel.isHidden() or not window.layers_panel.isVisible()


def test_the_layers_section_is_in_the_side_panel_and_hides_while_presenting(window):
    panel = window.layers_panel
    assert window.side_panel.isAncestorOf(panel) and panel.isVisible()
    window.set_presenting(True, full_screen=False)
    assert not panel.isVisible()
    window.set_presenting(False)
    assert panel.isVisible()


def test_selecting_a_layer_does_not_mark_the_scene_edited(qtbot, window, stack):
    assert not window.is_modified()
    window.layers_panel.list.setCurrentRow(2)
    assert stack.document.scene.focus == 2
    assert not window.is_modified() and not window.windowTitle().startswith("*")
    assert "*" not in window.windowTitle()
    window.layers_panel.add_actions["relu"].trigger()
    assert window.is_modified() and "*" in window.windowTitle()
    window.undo_action.trigger()
    assert not window.is_modified()


def test_undo_in_the_window_covers_the_layer_edits(window, stack):
    window.layers_panel.list.setCurrentRow(1)
    window.layers_panel.remove_button.click()
    assert [layer.kind for layer in stack.document.scene.layers] == [
        "conv2d",
        "max_pool2d",
        "conv2d",
    ]
    window.undo_action.trigger()
    assert [layer.kind for layer in stack.document.scene.layers] == [
        "conv2d",
        "relu",
        "max_pool2d",
        "conv2d",
    ]
    window.redo_action.trigger()
    assert len(stack.document.scene.layers) == 3


@pytest.fixture
def speaking(qapp):
    from PySide6.QtCore import QCoreApplication, QEvent

    # As tests/test_qt_language.py: earlier windows go first, then each language change
    # reaches only this test's.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield lambda language: install_language(language)
    install_language("en")


@pytest.mark.parametrize("language", ["zh_TW", "zh_CN"])
@pytest.mark.parametrize("kind", ["max_pool2d", "avg_pool2d", "leaky_relu"])
def test_the_layers_section_speaks_chinese(qtbot, speaking, language, kind):
    from test_qt_language import untranslated

    speaking(language)
    studio = Studio(cnn())
    studio.document.set_layer_type(2, kind)
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    settle()
    assert untranslated(window.layers_panel) == []
    assert untranslated(window.costs_panel) == []
    assert untranslated(window.layers_panel.add_menu) == []


def test_brackets_jump_from_a_spin_box_too(qtbot, window, stack):
    spin = window.settings_panel.stride
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (spin, spin.lineEdit()))
    press(Qt.Key.Key_BracketRight)
    press(Qt.Key.Key_BracketRight)
    assert stack.playback.current_step == stack.evaluation.offset(1)
    assert spin.value() == 1 and stack.document.scene.stride == (1, 1)


def test_the_wheel_over_the_side_panel_scrolls_it_and_changes_no_setting(qtbot, window, stack):
    # Scrolling down the panel passes spin boxes and combo boxes under the pointer: only
    # one the user has clicked into (with the focus) takes the wheel.
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

    window.resize(1280, 600)
    qtbot.waitUntil(lambda: window.height() == 600)
    bar = window.side_panel.verticalScrollBar()  # the panel is the scroll area
    assert bar.maximum() > 0
    bar.setValue(0)
    scene = stack.document.scene

    def wheel(widget, steps=-1):
        event = QWheelEvent(
            QPointF(5, 5),
            QPointF(widget.mapToGlobal(QPoint(5, 5))),
            QPoint(0, 0),
            QPoint(0, 120 * steps),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)

    boxes = [
        w
        for w in [
            *window.side_panel.findChildren(QSpinBox),
            *window.side_panel.findChildren(QComboBox),
        ]
        if w.isVisible() and w.isEnabled()
    ]
    assert boxes
    before = bar.value()
    for box in boxes:
        wheel(box)
    assert stack.document.scene.same_as(scene)
    assert bar.value() > before
    # A box with the focus takes the wheel, as it always did.
    spin = next(b for b in boxes if isinstance(b, QSpinBox) and b.value() < b.maximum())
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    value = spin.value()
    wheel(spin, steps=1)
    assert spin.value() != value
