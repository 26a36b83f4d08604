"""The transport bar and the playback driver. Time is never waited for: the driver's timer is
checked for being started with the right interval, and its timeout is emitted by hand."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt

from convstudio.model import Playback, PlaybackState
from convstudio.qt.transport import PlaybackDriver, TransportBar


@pytest.fixture
def playback() -> Playback:
    return Playback(16)


@pytest.fixture
def driver(qapp, playback):
    owner = QObject()
    driver = PlaybackDriver(playback, owner)
    yield driver
    shiboken6.delete(owner)


@pytest.fixture
def bar(qtbot, playback):
    bar = TransportBar(playback)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# ---------------------------------------------------------------- the driver


def test_the_timer_idles_until_play(driver):
    assert not driver.timer.isActive()
    assert driver.timer.interval() == 500  # 2 steps per second


def test_play_starts_the_timer_and_pause_stops_it(driver, playback):
    playback.play()
    assert driver.timer.isActive()
    assert driver.timer.interval() == 500
    playback.pause()
    assert not driver.timer.isActive()
    playback.toggle()
    assert driver.timer.isActive()


def test_the_interval_follows_the_speed(driver, playback):
    playback.set_speed(4)
    assert driver.timer.interval() == 250
    playback.play()
    playback.set_speed(0.25)
    assert driver.timer.interval() == 4000
    assert driver.timer.isActive()
    playback.set_speed(30)
    assert driver.timer.interval() == 33


def test_each_timeout_takes_one_step(driver, playback):
    playback.play()
    driver.timer.timeout.emit()
    driver.timer.timeout.emit()
    assert playback.position == 2
    assert playback.state is PlaybackState.PLAYING
    assert driver.timer.isActive()


def test_the_timer_stops_at_the_last_step(driver, playback):
    playback.seek(14)
    playback.play()
    driver.timer.timeout.emit()
    assert driver.timer.isActive()
    driver.timer.timeout.emit()
    assert playback.position == 16
    assert playback.state is PlaybackState.FINISHED
    assert not driver.timer.isActive()
    # A timeout already queued when it finished does nothing.
    driver.timer.timeout.emit()
    assert playback.position == 16


def test_a_manual_step_while_playing_stops_the_timer(driver, playback):
    playback.play()
    playback.next()
    assert playback.state is PlaybackState.PAUSED
    assert not driver.timer.isActive()


def test_losing_every_step_stops_the_timer(driver, playback):
    playback.play()
    playback.set_total(0)
    assert not driver.timer.isActive()


def test_a_deleted_driver_is_disconnected(qapp, playback):
    owner = QObject()
    driver = PlaybackDriver(playback, owner)
    timer = driver.timer
    shiboken6.delete(owner)
    assert not shiboken6.isValid(timer)
    playback.play()  # would call into the deleted timer if still connected
    playback.set_speed(5)
    assert playback.state is PlaybackState.PLAYING


# ---------------------------------------------------------------- playback → bar


def test_shows_the_position(bar, playback):
    assert (bar.slider.minimum(), bar.slider.maximum(), bar.slider.value()) == (0, 16, 0)
    assert bar.position_label.text() == "Step 0 of 16"
    playback.seek(5)
    assert bar.slider.value() == 5
    assert bar.position_label.text() == "Step 5 of 16"


def test_shows_a_new_total(bar, playback):
    playback.last()
    playback.set_total(4)
    assert (bar.slider.maximum(), bar.slider.value()) == (4, 4)
    assert bar.position_label.text() == "Step 4 of 4"
    playback.set_total(36)
    assert bar.slider.maximum() == 36
    assert bar.position_label.text() == "Step 4 of 36"


def test_shows_the_speed(bar, playback):
    playback.set_speed(7.5)
    assert bar.speed.value() == 7.5


def test_the_play_button_says_what_it_will_do(bar, playback):
    assert bar.play_button.toolTip() == "Play (Space)"
    playback.play()
    assert bar.play_button.toolTip() == "Pause (Space)"
    playback.pause()
    assert bar.play_button.toolTip() == "Play (Space)"


def test_steps_while_playing_do_not_pause_through_the_slider(bar, playback):
    # The slider follows the playback with its signals blocked: were they not, every tick
    # would come back as a manual seek and pause the animation after one step.
    playback.play()
    playback.tick()
    playback.tick()
    assert bar.slider.value() == 2
    assert playback.state is PlaybackState.PLAYING


# ---------------------------------------------------------------- bar → playback


def test_buttons_move_the_playback(qtbot, bar, playback):
    click(qtbot, bar.next_button)
    click(qtbot, bar.next_button)
    assert playback.position == 2
    click(qtbot, bar.previous_button)
    assert playback.position == 1
    click(qtbot, bar.last_button)
    assert playback.position == 16
    assert bar.position_label.text() == "Step 16 of 16"
    click(qtbot, bar.first_button)
    assert playback.position == 0
    click(qtbot, bar.previous_button)  # nothing before the first step
    assert playback.position == 0


def test_the_play_button_toggles(qtbot, bar, playback):
    click(qtbot, bar.play_button)
    assert playback.state is PlaybackState.PLAYING
    click(qtbot, bar.play_button)
    assert playback.state is PlaybackState.STOPPED  # paused before the first tick
    playback.seek(16)
    click(qtbot, bar.play_button)  # from the end, play starts over
    assert playback.state is PlaybackState.PLAYING
    assert playback.position == 0


def test_the_slider_seeks(bar, playback):
    bar.slider.setValue(7)
    assert playback.position == 7
    assert bar.position_label.text() == "Step 7 of 16"
    bar.slider.triggerAction(bar.slider.SliderAction.SliderSingleStepAdd)
    assert playback.position == 8


def test_dragging_the_slider_pauses(bar, playback):
    playback.play()
    bar.slider.setValue(3)
    assert playback.position == 3
    assert playback.state is PlaybackState.PAUSED


def test_the_speed_spin_box_sets_the_speed(qtbot, bar, playback):
    bar.speed.setValue(5.5)
    assert playback.speed == 5.5
    bar.speed.setFocus()
    qtbot.keyClick(bar.speed, Qt.Key.Key_Up)  # one step of 0.5
    assert playback.speed == 6.0
    assert (bar.speed.minimum(), bar.speed.maximum()) == (0.25, 30.0)


def test_a_closed_bar_no_longer_listens(qapp, playback):
    bar = TransportBar(playback)
    label = bar.position_label
    shiboken6.delete(bar)
    assert not shiboken6.isValid(label)
    playback.seek(3)  # would raise on the deleted widgets if still connected
    assert playback.position == 3
