"""A teacher's work is kept: questions before it is lost, lessons as copies, failed saves that
change nothing, autosave and restore after a crash, damaged files set aside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from convstudio.model import load_scene, resource_dir, save_scene
from convstudio.model.userfiles import Autosave
from convstudio.qt import main_window
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
    chosen = [str(tmp_path / "no-such-folder" / "x.json")]
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args: (chosen[0], "")),
    )
    window.ask_unsaved = lambda action: SAVE
    assert window.close() is False  # the save failed: nothing may be lost
    assert "Could not save" in window.messages.text()
    chosen[0] = str(target)
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
    offered = []
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda parent, caption, start, filters: offered.append(start) or ("", "")),
    )
    edit(studio)
    assert window.save_scene_dialog() is False
    documents = main_window.QStandardPaths.writableLocation(
        main_window.QStandardPaths.StandardLocation.DocumentsLocation
    )
    assert Path(offered[0]).parent == Path(documents)
    assert Path(offered[0]).suffix == ".json"
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
