"""A teacher's work is kept: questions before it is lost, lessons as copies, failed saves that
change nothing, autosave and restore after a crash, damaged files set aside."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import FileDialogs
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from convstudio.model import load_scene, resource_dir, save_scene
from convstudio.model.userfiles import Autosave
from convstudio.qt import main_window
from convstudio.qt.file_dialog import documents_folder
from convstudio.qt.main_window import CANCEL, DISCARD, SAVE, MainWindow


def dead_pid() -> int:
    """The pid of a process that has finished (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def window(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    return window


def edit(studio):
    studio.document.set_input_value(0, 0, 0, 99)


def test_quitting_an_edited_scene_asks_and_cancel_keeps_the_window(window, studio, questions):
    window.close()  # nothing edited: no question
    assert questions == []
    window.show()
    edit(studio)
    window.ask_unsaved = lambda action: questions.append(action) or CANCEL
    assert window.close() is False
    assert window.isVisible() and questions == ["quit"]
    window.ask_unsaved = lambda action: DISCARD
    assert window.close() is True


def test_quit_with_save_saves_first_and_a_failed_save_keeps_the_window(
    window, studio, tmp_path, monkeypatch
):
    edit(studio)
    target = tmp_path / "kept.json"
    dialogs = FileDialogs(monkeypatch)
    dialogs.answer = tmp_path / "no-such-folder" / "x.json"
    window.ask_unsaved = lambda action: SAVE
    assert window.close() is False  # the save failed: nothing may be lost
    assert "Could not save" in window.messages.text()
    dialogs.answer = target
    assert window.close() is True
    assert load_scene(target).input[0, 0, 0] == 99


def test_opening_another_scene_over_an_edited_one_asks(window, studio, tmp_path, questions):
    path = tmp_path / "other.json"
    save_scene(studio.document.scene.replace(title="Other"), path)
    edit(studio)
    edited = studio.document.scene
    window.ask_unsaved = lambda action: questions.append(action) or CANCEL
    assert window.open_scene(path) is False
    assert studio.document.scene is edited
    assert questions == ["open another scene"]
    window.ask_unsaved = lambda action: DISCARD
    assert window.open_scene(path) is True
    assert studio.document.scene.title == "Other"


def test_a_shipped_lesson_opens_as_an_untitled_copy_saved_in_documents(
    window, studio, monkeypatch, tmp_path
):
    lesson = resource_dir() / "scenes" / "dilation.json"
    before = lesson.read_bytes()
    assert window.open_scene(lesson)
    assert window.path is None  # "Save" never writes into the app's own files
    dialogs = FileDialogs(monkeypatch)  # cancelled
    edit(studio)
    assert window.save_scene_dialog() is False
    [(_, folder, offered)] = dialogs.shown
    assert folder == documents_folder() and offered is not None
    assert offered.parent == documents_folder() and offered.suffix == ".json"
    assert lesson.read_bytes() == before


def test_a_failed_save_changes_nothing(window, studio, tmp_path):
    edit(studio)
    scene, title = studio.document.scene, window.windowTitle()
    undo_depth = len(studio.document._undo)
    assert window.save_scene(tmp_path / "missing-folder" / "mine.json") is False
    assert studio.document.scene is scene
    assert window.path is None and window.windowTitle() == title
    assert len(studio.document._undo) == undo_depth
    assert window.is_modified()


def test_a_title_no_file_system_can_hold_still_saves(window, studio, tmp_path):
    studio.document.set_scene(studio.document.scene.replace(title="bad \ud800 title"))
    path = tmp_path / "odd.json"
    assert window.save_scene(path)
    assert not window.is_modified()


def test_save_as_has_one_unambiguous_shortcut_each(window):
    seen: dict[str, str] = {}
    for action in window.actions():
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in seen, f"{text} is both {seen[text]!r} and {action.text()!r}"
            seen[text] = action.text()
    assert QKeySequence("Ctrl+Shift+S").toString() in seen


@pytest.fixture
def active(window, qtbot):
    """The window, active: its shortcuts (Ctrl+S) take the keys."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def opened(window, studio, path: Path, title: str = "Mine") -> Path:
    """*path* written with the worked example titled *title*, and opened in *window*."""
    save_scene(studio.document.scene.replace(title=title), path)
    assert window.open_scene(path)
    return path


def test_ctrl_s_writes_back_to_the_file_the_scene_came_from(active, studio, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    path = opened(active, studio, tmp_path / "mine.json")
    assert QKeySequence.keyBindings(QKeySequence.StandardKey.Save)[0] in (
        active.save_action.shortcuts()
    )
    edit(studio)
    assert active.windowTitle() == "Mine* — ConvStudio"
    QTest.keyClick(active, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.shown == []  # the file is known: no question
    saved = load_scene(path)
    assert saved.input[0, 0, 0] == 99 and saved.title == "Mine"
    assert active.windowTitle() == "Mine — ConvStudio" and not active.is_modified()
    assert [p.name for p in tmp_path.iterdir()] == ["mine.json"]  # no temporary file left


def test_save_asks_for_a_name_when_there_is_no_file_then_saves_there(
    window, studio, tmp_path, monkeypatch
):
    dialogs = FileDialogs(monkeypatch)
    lesson = resource_dir() / "scenes" / "dilation.json"
    before = lesson.read_bytes()
    assert window.open_scene(lesson)  # a lesson's copy: no file of its own
    edit(studio)
    assert window.save() is False  # cancelled: nothing changes
    assert len(dialogs.shown) == 1 and window.is_modified() and window.path is None
    dialogs.answer = tmp_path / "my-dilation.json"
    assert window.save() is True
    assert window.path == tmp_path / "my-dilation.json" and not window.is_modified()
    assert "*" not in window.windowTitle()
    studio.document.set_input_value(0, 0, 1, 42)
    assert window.save() is True  # now in place, without asking again
    assert len(dialogs.shown) == 2
    assert load_scene(tmp_path / "my-dilation.json").input[0, 0, 1] == 42
    assert lesson.read_bytes() == before


def test_a_failed_save_in_place_changes_nothing_and_says_why(window, studio, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = opened(window, studio, folder / "mine.json")
    edit(studio)
    scene, title = studio.document.scene, window.windowTitle()
    shutil.rmtree(folder)  # the stick was pulled out
    assert window.save() is False
    assert "Could not save" in window.messages.text() and "mine.json" in window.messages.text()
    assert window.messages.isVisible()
    assert studio.document.scene is scene and window.windowTitle() == title
    assert window.path == path and window.is_modified() and dialogs.shown == []


def test_the_unsaved_questions_save_writes_back_in_place(window, studio, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    path = opened(window, studio, tmp_path / "mine.json")
    other = tmp_path / "other.json"
    save_scene(studio.document.scene.replace(title="Other"), other)
    edit(studio)
    window.ask_unsaved = lambda action: SAVE
    assert window.open_scene(other) is True
    assert dialogs.shown == []  # saved where it came from, not "Save as"
    assert load_scene(path).input[0, 0, 0] == 99 and load_scene(path).title == "Mine"
    assert studio.document.scene.title == "Other"


def test_unsaved_work_is_written_and_offered_back_after_a_crash(qtbot, studio, tmp_path):
    folder = tmp_path / "data"
    window = MainWindow(studio, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(window)
    window.autosave_now()
    assert not any(folder.glob("autosave-*.json"))  # nothing edited, nothing written
    edit(studio)
    window.autosave_now()
    (written,) = folder.glob("autosave-*.json")
    # A crash: the file stays, under a pid no longer running.
    crashed = written.rename(folder / f"autosave-{dead_pid()}.json")

    from convstudio.model import Studio, load_scene, scene_path

    fresh = Studio(load_scene(scene_path("worked-example")))
    offered = []
    again = MainWindow(fresh, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(again)
    again.ask_restore = lambda recovered: offered.append(recovered.saved_at) or True
    again.restore_unsaved_work()
    assert len(offered) == 1
    assert fresh.document.scene.input[0, 0, 0] == 99
    assert again.is_modified() and again.windowTitle().startswith("Worked example")
    assert "*" in again.windowTitle()
    assert not crashed.exists()
    window.ask_unsaved = again.ask_unsaved = lambda action: DISCARD


def test_a_live_windows_autosave_is_not_taken_for_a_crash(qtbot, studio, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / f"autosave-{__import__('os').getpid()}.json").write_text("{}")
    window = MainWindow(studio, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(window)
    window.ask_restore = lambda recovered: pytest.fail("offered a live window's work")
    window.restore_unsaved_work()


def test_a_damaged_restore_file_is_set_aside_and_said_once(qtbot, studio, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / f"autosave-{dead_pid()}.json").write_text('{"format": "convstudio-autosave", ')
    window = MainWindow(studio, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(window)
    window.show()
    window.restore_unsaved_work()
    assert "could not be read" in window.messages.text()
    (kept,) = folder.glob("autosave-*.damaged-*.json")
    assert kept.read_text().startswith('{"format"')
    window.messages.hide()
    window.restore_unsaved_work()
    assert not window.messages.isVisible()


def test_interrupted_saves_are_tidied_at_start(window, tmp_path):
    folder = main_window.user_data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / f".kernels.json.convstudio-{dead_pid()}-abc123.tmp"
    left.write_text("half a file")
    mine = folder / ".kernels.json.convstudio-1-abc123.tmp"  # pid 1 is always running
    mine.write_text("a save in progress")
    window.remove_interrupted_saves()
    assert not left.exists() and mine.exists()
    mine.unlink()


def test_a_damaged_settings_file_does_not_stop_the_window(qtbot, studio):
    from PySide6.QtCore import QSettings

    path = Path(QSettings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\xff[window]\ngeometry=@ByteArray(\x01\x02garbage\n[[[")
    window = MainWindow(studio)
    qtbot.addWidget(window)
    window.restore_geometry()
    window.show()
    assert window.isVisible()
    QApplication.processEvents()
    np.testing.assert_array_equal(studio.document.scene.input.shape, (1, 6, 6))
    path.unlink()


def test_a_damaged_user_presets_file_does_not_stop_the_window(qtbot, studio):
    path = main_window.user_data_folder() / "kernels.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "convstudio-kernels", "version": 1}) + "[[[")
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert "could not be read" in window.messages.text()
    for kept in path.parent.glob("kernels.damaged-*.json"):
        kept.unlink()


def test_a_restored_scene_never_keeps_the_note_of_the_lesson_it_replaced(qtbot, studio, tmp_path):
    from convstudio.model import Studio, load_scene, scene_path
    from convstudio.model.lessons import lesson_of

    folder = tmp_path / "data"
    window = MainWindow(studio, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(window)
    edit(studio)  # a scene of the user's own: no lesson
    window.autosave_now()
    (written,) = folder.glob("autosave-*.json")
    written.rename(folder / f"autosave-{dead_pid()}.json")

    lesson = lesson_of(scene_path("small-cnn"))
    fresh = Studio(load_scene(scene_path("small-cnn")))
    again = MainWindow(fresh, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(again)
    again.open_lesson(lesson)
    assert again.note.lesson == lesson
    again.ask_restore = lambda recovered: True
    again.restore_unsaved_work()
    assert fresh.document.scene.input[0, 0, 0] == 99
    assert again.note.lesson is None
    window.ask_unsaved = again.ask_unsaved = lambda action: DISCARD
