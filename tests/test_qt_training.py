"""The Training panel both ways: the session shown in its widgets, the widgets changing
the session; the driver playing at speed; the dock in the window."""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.trainer import TrainingState, loss_text, training_of
from convstudio.qt.main_window import MainWindow
from convstudio.qt.training_panel import TrainingPanel


@pytest.fixture
def panel(qtbot, studio, messages):
    view = TrainingPanel(studio, messages.append)
    qtbot.addWidget(view)
    view.show()
    return view


def ready(studio: Studio) -> None:
    """Target = the X kernel's map, kernels zeroed: the lesson's first training."""
    session = training_of(studio)
    session.set_target_from_kernels()
    session.zero_kernels()


# ------------------------------------------------------------ model → widgets


def test_the_session_shows_in_the_widgets(panel, studio):
    session = panel.session
    assert panel.loss_label.text() == loss_text(None)  # no target yet
    assert panel.no_target.isVisible() and not panel.target_grids
    ready(studio)
    assert not panel.no_target.isVisible()
    assert len(panel.target_grids) == 1
    np.testing.assert_array_equal(
        panel.target_grids[0].model().values(), studio.document.scene.target[0]
    )
    assert panel.target_grids[0].model().data(panel.target_grids[0].model().index(0, 0)) == "429"
    session.set_learning_rate(2e-6)
    assert panel.rate.text() == "0.000002"
    session.set_momentum(0.5)
    assert panel.momentum.value() == 0.5
    session.set_steps(7)
    assert panel.steps.value() == 7
    session.step()
    assert panel.loss_label.text() == loss_text(session.loss)
    assert panel.position_label.text() == "Training step 1"
    steps, losses = panel.curve.drawn()
    np.testing.assert_array_equal(steps, [0, 1])
    np.testing.assert_allclose(losses, session.losses)
    assert panel.back_button.isEnabled() and not panel.forward_button.isEnabled()
    session.back()
    assert panel.forward_button.isEnabled() and not panel.back_button.isEnabled()
    assert panel.curve.shown_line.value() == 0


def test_the_loss_follows_an_edit_without_training(panel, studio):
    # Soak, seed 2: the loss stayed 0 after an input value was typed under a target.
    studio_session = training_of(studio)
    studio_session.set_target_from_kernels()
    assert panel.loss_label.text() == loss_text(0.0)
    studio.document.set_input_value(0, 2, 3, -49.7)
    assert studio_session.loss > 0
    assert panel.loss_label.text() == loss_text(studio_session.loss)


def test_the_loss_follows_new_weights_before_any_training_step(panel, studio):
    """Target from the kernels (L = 0), then Zero or Scramble: the loss and its curve
    show the new weights' loss at once, not the 0 of the weights before."""
    ready(studio)
    session = panel.session
    assert session.loss == 448479.875
    assert panel.loss_label.text() == loss_text(448479.875)
    _steps, losses = panel.curve.drawn()
    np.testing.assert_allclose(losses, [448479.875])
    studio.document.set_kernel_value(0, 0, 0, 0, 1.0)  # a weight typed: the same
    assert panel.loss_label.text() == loss_text(session.loss) != loss_text(448479.875)


def test_playing_shows_pause_and_the_run(panel, studio):
    ready(studio)
    session = panel.session
    session.set_steps(5)
    session.play()
    assert panel.play_button.toolTip().startswith("Pause")
    panel.driver.tick()
    assert panel.position_label.text().endswith("of 5")
    qtbot_wait_finished(panel)
    assert panel.play_button.toolTip().startswith("Play")
    assert len(panel.curve.drawn()[0]) == 6


def qtbot_wait_finished(panel: TrainingPanel) -> None:
    while panel.session.state is TrainingState.PLAYING:
        panel.driver.tick()


def test_the_loss_exploding_is_said_in_the_panel_and_reported(panel, studio, messages):
    ready(studio)
    panel.session.set_learning_rate(0.01)
    panel.session.set_steps(500)
    panel.session.play()
    qtbot_wait_finished(panel)
    assert panel.session.state is TrainingState.OVERFLOW
    assert "±10¹², the largest number the window holds" in panel.status.text()
    assert panel.status.isVisible()
    assert messages == []  # said once, in the panel
    panel.session.reset()
    assert not panel.status.isVisible()
    # The curve holds finite losses only.
    assert np.all(np.isfinite(panel.curve.drawn()[1]))


# ------------------------------------------------------------ widgets → model


def test_the_widgets_change_the_session(panel, studio, qtbot):
    session = panel.session
    panel.target_button.click()
    np.testing.assert_array_equal(studio.document.scene.target, studio.evaluation.final)
    panel._rng = np.random.default_rng(5)
    panel.scramble_button.click()
    assert not np.all(studio.document.scene.kernels == 0)
    panel.zero_button.click()
    assert np.all(studio.document.scene.kernels == 0)
    panel.rate.setText("3e-6")
    panel.rate.editingFinished.emit()
    assert session.learning_rate == 3e-6
    panel.momentum.setValue(0.3)
    assert session.momentum == 0.3
    panel.steps.setValue(4)
    assert session.steps == 4
    panel.step_button.click()
    assert session.position == 1
    panel.play_button.click()
    assert session.state is TrainingState.PLAYING
    qtbot.waitUntil(lambda: session.state is TrainingState.FINISHED)  # the real timer
    assert session.position == 5
    panel.back_button.click()
    assert session.position == 4
    panel.forward_button.click()
    assert session.position == 5
    panel.reset_button.click()
    assert session.position == 0
    assert np.all(studio.document.scene.kernels == 0)


def test_a_preset_target_from_the_menu(panel, studio):
    action = next(iter(panel.preset_actions.values()))
    action.trigger()
    assert studio.document.scene.target is not None
    assert np.array_equal(studio.document.scene.kernels[0, 0], [[1, 0, 1], [0, 1, 0], [1, 0, 1]])


@pytest.mark.parametrize("typed", ["0", "-1", "abc", "nan"])
def test_a_refused_learning_rate_is_reported_and_the_box_shows_the_old_one(panel, messages, typed):
    panel.rate.setText(typed)
    panel.rate.editingFinished.emit()
    assert panel.session.learning_rate == 1e-6
    assert panel.rate.text() == "0.000001"
    assert len(messages) == 1 and "learning rate" in messages[0]


def test_the_rate_as_it_is_typed_again_shows_as_the_model_has_it(panel, messages):
    # Soak: "0.000005  " (the rate, and spaces) stayed in the box after Enter.
    panel.rate.setText(" 0.000001  ")
    panel.rate.editingFinished.emit()
    assert panel.rate.text() == "0.000001" and not messages


def test_play_without_a_target_is_refused_in_words(panel, messages):
    panel.play_button.click()
    assert panel.session.state is TrainingState.IDLE
    assert len(messages) == 1 and "no target" in messages[0]


def test_the_driver_catches_up_when_ticks_come_late(panel, studio, monkeypatch):
    ready(studio)
    panel.session.set_steps(100)
    clock = [1000.0]
    monkeypatch.setattr("convstudio.qt.training_panel.time.perf_counter", lambda: clock[0])
    panel.session.play()
    panel.driver.timer.stop()  # ticked by hand below
    clock[0] += 0.59  # 0.59 s with no tick: 40 steps due at 66⅔ per second (39.3 up)
    panel.driver.tick()
    assert panel.session.position == 40
    panel.driver.tick()  # on time: one step
    assert panel.session.position == 41


# ------------------------------------------------------------ the window


def test_the_window_has_a_training_dock_toggled_by_t(qtbot, messages):
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.training_dock.isVisible()
    window.training_action.trigger()
    assert window.training_dock.isVisible() and window.training_action.isChecked()
    assert window.training_panel.curve is not None  # made when first shown
    ready(studio)
    window.train_play_action.trigger()
    assert window.training_panel.session.state is TrainingState.PLAYING
    window.train_play_action.trigger()
    assert window.training_panel.session.state is TrainingState.PAUSED
    window.training_action.trigger()
    assert not window.training_dock.isVisible()


def test_a_new_language_keeps_the_dock_and_the_session(qtbot):
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.set_training_shown(True)
    ready(studio)
    session = training_of(studio)
    session.step()
    session.set_steps(3)
    session.play()
    window.retranslate()
    assert window.training_dock.isVisible()
    assert window.training_panel.session is session
    qtbot.waitUntil(lambda: len(window.findChildren(type(window.training_dock))) == 1)
    # A run playing goes on with the new panel's timer.
    qtbot.waitUntil(lambda: session.state is TrainingState.FINISHED)
    assert session.position == 4


def test_a_scene_with_a_target_opens_the_training_panel(qtbot, tmp_path):
    from convstudio.model import save_scene

    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.training_dock.isVisible()
    scene = studio.document.scene
    path = tmp_path / "learn.json"
    save_scene(scene.replace(target=studio.evaluation.final), path)
    assert window.open_scene(path)
    assert window.training_dock.isVisible() and window.training_action.isChecked()
    # Opened with one from the start too.
    other = MainWindow(Studio(load_scene(path)), path, remember_geometry=False)
    qtbot.addWidget(other)
    other.show()
    assert other.training_dock.isVisible()


def test_presenting_keeps_the_training_panel_and_its_key(qtbot):
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.set_training_shown(True)
    ready(studio)
    window.set_presenting(True, full_screen=False)
    # The class watches the loss fall: the panel stays, and Shift+Space still plays.
    assert window.training_dock.isVisible() and window.side_panel.isHidden()
    window.train_play_action.trigger()
    assert window.training_panel.session.state is TrainingState.PLAYING
    window.set_presenting(False, full_screen=False)
    window.training_panel.session.pause()


def active_window(qtbot) -> MainWindow:
    """The window on the worked example, active (shortcuts only fire in the active
    window), with a target and the kernels zeroed."""
    from PySide6.QtWidgets import QApplication

    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    ready(studio)
    return window


def test_the_keys_t_and_shift_space(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = active_window(qtbot)
    studio = window.studio

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(QApplication.focusWidget(), key, modifier)

    press(Qt.Key.Key_T)
    assert window.training_dock.isVisible()
    press(Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert window.training_panel.session.state is TrainingState.PLAYING
    assert studio.playback.state.value != "playing"  # Space alone plays the steps, not this
    press(Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert window.training_panel.session.state is TrainingState.PAUSED
    press(Qt.Key.Key_T)
    assert not window.training_dock.isVisible()


@pytest.mark.parametrize(
    "focused",
    [
        lambda w: w.training_panel.rate,
        lambda w: w.training_panel.steps,
        lambda w: w.input_panel.table,
    ],
    ids=["learning rate", "steps", "input table"],
)
def test_shift_space_plays_training_whatever_has_the_focus(qtbot, focused):
    # Soak: a rate typed and Enter left the focus in the rate field, where Shift+Space
    # typed two spaces instead of playing.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = active_window(qtbot)
    window.set_training_shown(True)
    widget = focused(window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    text = window.training_panel.rate.text()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    session = window.training_panel.session
    assert session.state is TrainingState.PLAYING
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert session.state is TrainingState.PAUSED
    assert window.training_panel.rate.text() == text
    assert QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
