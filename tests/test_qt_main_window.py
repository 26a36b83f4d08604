"""The whole window: the views wired to one studio, the stepping keys, undo, files, zoom."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import Qt, QtMsgType
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from convstudio.model import PlaybackState, load_scene, save_scene
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.equation_view import HINT
from convstudio.qt.main_window import MainWindow

TITLE = "Worked example: 6×6 input, 3×3 kernel — ConvStudio"


@pytest.fixture
def window(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    # Shortcuts only fire in the active window.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press where a user's would go: to the focused widget."""
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def open_editor(qtbot, table, row, col):
    index = table.model().index(row, col)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    focus(qtbot, editor)
    return editor


def commit(qtbot, table, editor):
    with qtbot.waitSignal(table.itemDelegate().closeEditor, timeout=2000):
        QTest.keyClick(editor, Qt.Key.Key_Return)


def field_cells(window):
    model = window.input_panel.model
    return {
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data(LOOK_ROLE).border
    }


# ---------------------------------------------------------------- smoke


def test_opens_on_the_worked_example(window):
    assert window.windowTitle() == TITLE
    assert window.input_panel.size_controls.text() == "Input 6×6"
    assert window.kernel_panel.size_controls.text() == "Kernel 3×3"
    assert window.output_panel.title.text() == "Output  4×4"
    assert window.settings_panel.formula_rows.text().endswith("= 4")
    assert window.transport.position_label.text() == "Step 0 of 16"
    assert window.equation.text() == HINT
    assert not window.undo_action.isEnabled()
    assert not window.messages.isVisible()
    # The stage takes the room there is: larger than the default size, even at 1280×720.
    assert window.zoom > 1.0


def test_every_view_follows_one_step(window, studio):
    studio.playback.seek(6)
    assert window.transport.position_label.text() == "Step 6 of 16"
    assert field_cells(window) == {(r, c) for r in range(1, 4) for c in range(1, 4)}
    assert window.output_panel.model.index(1, 1).data() == "792"
    assert window.equation.text().splitlines()[-1].endswith("= 792")


def test_impossible_settings_from_the_controls_are_refused(window, studio):
    panel = window.settings_panel
    panel.stride.setValue(2)
    studio.playback.seek(3)
    panel.padding.setCurrentIndex(panel.padding.findData("same"))  # 'same' at stride 2
    assert window.messages.isVisible()
    assert window.messages.text().startswith("'same' padding only works with stride 1")
    assert window.messages.text().endswith("The settings stay as they were.")
    # Nothing was lost: the scene, the output and the step are as they were.
    assert panel.padding.currentData() == "valid" and not panel.error.isVisible()
    assert window.output_panel.title.text() == "Output  2×2"
    assert window.transport.position_label.text() == "Step 3 of 4"
    assert studio.document.scene.padding == (0, 0)


def test_a_smaller_scene_at_the_last_step_shows_a_step_that_exists(window, studio):
    studio.playback.last()
    window.input_panel.rows.setValue(4)
    window.input_panel.cols.setValue(4)  # a 2×2 output: 4 steps
    assert studio.position == 4
    assert window.transport.slider.value() == 4
    assert window.transport.position_label.text() == "Step 4 of 4"


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "focused",
    [
        lambda w: w.input_panel.table,
        lambda w: w.input_panel.rows,
        lambda w: w.settings_panel.stride,
        lambda w: w.settings_panel.padding,
        lambda w: w.transport.speed,
    ],
    ids=["input table", "input rows", "stride", "padding choice", "speed"],
)
def test_stepping_keys_step_whatever_has_the_focus(qtbot, window, studio, focused):
    widget = focused(window)
    focus(qtbot, widget)
    scene = studio.document.scene
    press(Qt.Key.Key_Right)
    assert studio.position == 1
    press(Qt.Key.Key_PageDown)
    assert studio.position == 2
    press(Qt.Key.Key_Left)
    assert studio.position == 1
    press(Qt.Key.Key_PageUp)
    assert studio.position == 0
    press(Qt.Key.Key_End)
    assert studio.position == 16
    press(Qt.Key.Key_Home)
    assert studio.position == 0
    press(Qt.Key.Key_Space)
    assert studio.playback.state is PlaybackState.PLAYING
    assert window.driver.timer.isActive()
    press(Qt.Key.Key_Space)
    assert studio.playback.state is not PlaybackState.PLAYING
    # The focused control took none of the keys.
    assert studio.document.scene is scene
    assert QApplication.focusWidget() is widget


def test_arrows_in_a_cell_editor_move_the_cursor_not_the_step(qtbot, window, studio):
    table = window.input_panel.table
    editor = open_editor(qtbot, table, 0, 0)
    editor.selectAll()
    QTest.keyClicks(editor, "12")
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Right)
    assert studio.position == 0
    QTest.keyClicks(editor, "3")
    press(Qt.Key.Key_Space)
    assert studio.playback.state is PlaybackState.STOPPED
    assert editor.text() == "123 "
    assert table.state() == QAbstractItemView.State.EditingState
    # The presenter remote's keys always step, even while editing: what was typed is
    # applied first, so the step uses it.
    press(Qt.Key.Key_PageDown)
    assert studio.position == 1
    assert studio.document.scene.input[0, 0, 0] == 123
    assert table.state() != QAbstractItemView.State.EditingState
    assert studio.current.values[0, 0, 0] == 123
    assert not window.messages.isVisible()


def test_typing_on_a_cell_starts_editing_it(qtbot, window, studio):
    table = window.input_panel.table
    focus(qtbot, table)
    table.setCurrentIndex(table.model().index(2, 3))
    QTest.keyClicks(table, "7")
    editor = table.indexWidget(table.model().index(2, 3))
    assert isinstance(editor, QLineEdit)
    commit(qtbot, table, editor)
    assert studio.document.scene.input[0, 2, 3] == 7
    assert studio.position == 0


# ---------------------------------------------------------------- undo


def test_edit_then_undo_and_redo(qtbot, window, studio):
    table = window.input_panel.table
    editor = open_editor(qtbot, table, 1, 1)
    editor.selectAll()
    QTest.keyClicks(editor, "99")
    commit(qtbot, table, editor)
    assert studio.document.scene.input[0, 1, 1] == 99
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()
    assert studio.document.scene.input[0, 1, 1] == 121
    assert table.model().index(1, 1).data() == "121"
    assert not window.undo_action.isEnabled()
    assert window.redo_action.isEnabled()

    window.redo_action.trigger()
    assert table.model().index(1, 1).data() == "99"


def test_ctrl_z_undoes_a_kernel_edit(qtbot, window, studio):
    kernel = window.kernel_panel
    kernel.model.setData(kernel.model.index(0, 0), "5", Qt.ItemDataRole.EditRole)
    assert studio.document.scene.kernels[0, 0, 0, 0] == 5
    focus(qtbot, kernel.table)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.document.scene.kernels[0, 0, 0, 0] == 1
    assert kernel.model.index(0, 0).data() == "1"


def test_a_refused_edit_shows_its_message(qtbot, window, studio):
    table = window.input_panel.table
    editor = open_editor(qtbot, table, 0, 0)
    editor.selectAll()
    QTest.keyClicks(editor, "twelve")
    commit(qtbot, table, editor)
    assert studio.document.scene.input[0, 0, 0] == 18
    assert window.messages.isVisible()
    assert window.messages.text() == "“twelve” is not a number. The cell keeps its value."
    assert not window.undo_action.isEnabled()


# ---------------------------------------------------------------- files


def test_a_damaged_scene_file_is_refused(tmp_path, window, studio):
    before = studio.document.scene
    studio.playback.seek(3)
    path = tmp_path / "damaged.json"
    path.write_text(
        '{"format": "convstudio-scene", "version": 1, "input": [[1, 2], [3]], "kernels": [[1]]}',
        encoding="utf-8",
    )
    assert window.open_scene(path) is False
    assert studio.document.scene is before
    assert studio.position == 3
    assert window.path is None
    assert window.windowTitle() == TITLE
    assert window.messages.isVisible()
    message = window.messages.text()
    assert message.startswith("Could not open the scene. damaged.json: ")
    assert "row 2 has 1 entries, but the first has 2" in message
    assert message.endswith("Your work is unchanged.")


def test_a_file_that_is_not_json_is_refused(tmp_path, window, studio):
    before = studio.document.scene
    path = tmp_path / "notes.json"
    path.write_text("input: 1, 2, 3\n", encoding="utf-8")
    assert window.open_scene(path) is False
    assert studio.document.scene is before
    assert "notes.json is not valid JSON (line 1, column 1" in window.messages.text()


def test_a_scene_too_large_for_the_window_is_refused(tmp_path, window, studio):
    before = studio.document.scene
    path = tmp_path / "large.json"
    save_scene(before.replace(input=np.zeros((40, 40))), path)
    assert window.open_scene(path) is False
    assert studio.document.scene is before
    assert (
        "The input is 40×40; the window takes an input of 1 to 32 rows and columns"
        in window.messages.text()
    )


def test_a_scene_whose_settings_cannot_work_together_is_refused(tmp_path, window, studio):
    before = studio.document.scene
    studio.playback.seek(3)
    path = tmp_path / "groups.json"
    save_scene(before.replace(groups=2), path)  # 2 groups of 1 channel: impossible
    assert window.open_scene(path) is False
    assert studio.document.scene is before and studio.position == 3
    assert window.messages.text() == (
        "Could not open the scene. groups.json has settings that cannot work together: "
        "2 groups must divide both the 1 input channel and the 1 kernel, and they do not. "
        "Your work is unchanged."
    )


def test_opening_a_scene(tmp_path, window, studio):
    path = tmp_path / "ones.json"
    data = {
        "format": "convstudio-scene",
        "version": 1,
        "title": "Ones",
        "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
        "kernels": [[1, 1], [1, 1]],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    studio.playback.seek(5)
    assert window.open_scene(path) is True
    assert studio.document.scene.input.shape == (1, 3, 3)
    assert studio.position == 0
    assert window.path == path
    assert window.windowTitle() == "Ones — ConvStudio"
    assert window.output_panel.title.text() == "Output  2×2"
    assert window.input_panel.model.index(2, 2).data() == "9"
    assert not window.messages.isVisible()
    # Opening is an edit like any other: undo brings the lesson back.
    window.undo_action.trigger()
    assert studio.document.scene.input.shape == (1, 6, 6)


def test_save_writes_what_load_reads_back(tmp_path, window, studio):
    studio.document.set_input_value(0, 0, 0, -1.5)
    studio.document.update_settings(padding="same")
    path = tmp_path / "lesson.json"
    assert window.save_scene(path) is True
    assert load_scene(path).same_as(studio.document.scene)
    assert window.path == path
    assert not window.messages.isVisible()


def test_save_into_a_missing_folder_says_so(tmp_path, window):
    path = tmp_path / "missing" / "lesson.json"
    assert window.save_scene(path) is False
    assert not path.exists()
    assert window.path is None
    assert window.messages.text().startswith(f"Could not save to {path}: ")


# ---------------------------------------------------------------- zoom and closing


def cell_width(table) -> int:
    return table.horizontalHeader().defaultSectionSize()


def test_zoom_grows_with_the_window(qtbot, window):
    table = window.input_panel.table
    small_zoom, small_cell = window.zoom, cell_width(table)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.size().width() == 1920)
    assert window.zoom > 1.5 * small_zoom  # the room grew by half, and so did the numbers
    assert cell_width(table) > 1.5 * small_cell
    width, _ = table.cell_lengths()
    assert cell_width(table) == width.at(window.zoom)
    # The user's zoom comes on top: larger still, and the grids scroll.
    fit = window.zoom
    window.step_zoom(+1)
    assert window.user_zoom == 1.15
    assert window.zoom == round(fit * 1.15, 2)
    assert cell_width(table) == width.at(window.zoom)
    assert window.stage.plan.scrolls


def test_the_window_shrinks_back_after_growing(qtbot, window):
    small = window.zoom
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.zoom > small)
    window.resize(1280, 720)
    assert (window.width(), window.height()) == (1280, 720)
    assert window.zoom == small


def test_zoom_steps_at_the_default_size(window):
    fit = window.zoom
    window.step_zoom(-1)
    assert (window.user_zoom, window.zoom) == (0.9, round(fit * 0.9, 2))
    # "244" must show whole in the smaller cells.
    table = window.input_panel.table
    assert cell_width(table) >= table.fontMetrics().horizontalAdvance("244")
    for _ in range(10):
        window.step_zoom(-1)
    assert window.user_zoom == 0.5  # the smallest step
    window.set_user_zoom(1.0)
    assert window.zoom == fit
    assert not window.stage.plan.scrolls


def test_closing_stops_playback_and_warns_nothing(qtlog, window, studio):
    studio.playback.play()
    studio.playback.tick()
    assert window.driver.timer.isActive()
    assert window.close()
    assert not window.isVisible()
    assert studio.playback.state is PlaybackState.PAUSED
    assert not window.driver.timer.isActive()
    bad = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}
    warnings = [
        r.message for r in qtlog.records if r.type in bad and "propagateSizeHints" not in r.message
    ]
    assert warnings == []


def test_a_deleted_window_leaves_the_studio_working(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    window.show()
    qtbot.waitExposed(window)
    table = window.input_panel.table
    window.close()
    shiboken6.delete(window)
    assert not shiboken6.isValid(table)
    # Every view was bound for its lifetime only: nothing calls into deleted widgets now.
    studio.document.set_input_value(0, 0, 0, 1)
    studio.playback.play()
    studio.playback.tick()
    studio.document.update_settings(padding="same")
    assert studio.position == 1
    assert studio.evaluation.output.shape == (1, 6, 6)


def test_the_title_marks_edits_and_a_saved_copy_takes_its_file_name(window, studio, tmp_path):
    assert window.windowTitle() == TITLE
    studio.document.set_input_value(0, 0, 0, 1)
    assert window.windowTitle() == TITLE.replace(" — ", "* — ")
    studio.document.undo()
    assert window.windowTitle() == TITLE  # back to what was opened
    studio.document.set_input_value(0, 0, 0, 1)
    assert window.save_scene(tmp_path / "my-try.json")
    assert window.windowTitle() == "my-try — ConvStudio"
    from convstudio.model import load_scene

    assert load_scene(tmp_path / "my-try.json").title == "my-try"


def test_a_scene_beyond_the_controls_is_refused_and_the_work_kept(window, studio, tmp_path):
    import json

    path = tmp_path / "pad40.json"
    path.write_text(
        json.dumps(
            {
                "format": "convstudio-scene",
                "version": 1,
                "input": [[1, 2], [3, 4]],
                "kernels": [[1]],
                "padding": 40,
            }
        )
    )
    before = studio.document.scene
    assert not window.open_scene(path)
    assert studio.document.scene is before
    assert "padding is 40" in window.messages.text()


def test_the_kernel_box_jumps_to_a_kernel_and_follows_the_steps(window, studio):
    jump = window.kernel_jump
    assert jump.isHidden()  # one kernel: nothing to choose
    studio.document.set_kernel_count(3)
    assert not jump.isHidden()
    assert [jump.itemText(i) for i in range(jump.count())] == ["kernel 1", "kernel 2", "kernel 3"]
    jump.activated.emit(2)
    assert studio.position == 2 * 16 + 1  # the first step of map 3
    assert studio.current.out_channel == 2
    studio.playback.seek(17)
    assert jump.currentIndex() == 1


def test_file_open_image_shows_the_image_window(qtbot, window, tmp_path):
    from test_image_mode import write_png

    rng = np.random.default_rng(0)
    path = write_png(tmp_path / "photo.png", rng.integers(0, 256, (20, 24, 3), dtype=np.uint8))
    with qtbot.waitSignal(window.image_window().image_loaded):  # decoded on a worker
        assert window.open_image(path)
        assert window.image_window().isVisible()
    assert window.image_window().result.shape == (1, 18, 22)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG broken")
    assert not window.open_image(tmp_path / "broken.png")
    assert "Could not open the image" in window.messages.text()


def test_qt_noise_stays_off_the_terminal_and_real_warnings_reach_it(capsys):
    from PySide6.QtCore import QMessageLogContext

    from convstudio.qt.app import _qt_message

    context = QMessageLogContext()
    _qt_message(QtMsgType.QtWarningMsg, context, "libpng error: Read Error")
    _qt_message(QtMsgType.QtWarningMsg, context, "This plugin does not support raise()")
    _qt_message(QtMsgType.QtWarningMsg, context, "QPainter::end: Painter not active")
    assert capsys.readouterr().err == "QPainter::end: Painter not active\n"


def test_a_file_too_large_for_the_window_is_refused_before_it_is_read(tmp_path, window, studio):
    before = studio.document.scene
    path = tmp_path / "huge.json"
    # Valid JSON, but 3 MB: the window takes at most 4 × 32 × 32 numbers, far less than that.
    path.write_text('{"format": "convstudio-scene", "version": 1,' + " " * 3_000_000 + "}")
    assert window.open_scene(path) is False
    assert studio.document.scene is before
    assert "too large" in window.messages.text()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"input": np.zeros((5, 6, 6)), "kernels": np.zeros((1, 5, 3, 3))}, "5 channels"),
        ({"kernels": np.zeros((9, 1, 3, 3))}, "9 kernels"),
        ({"dilation": 6}, "dilation is 6"),
        ({"stride": (1, 9)}, "stride is 1×9"),
        ({"padding": 33}, "padding is 33"),
    ],
)
def test_scenes_beyond_the_controls_never_open(tmp_path, window, studio, change, words):
    before = studio.document.scene
    path = tmp_path / "beyond.json"
    save_scene(before.replace(**change), path)
    assert window.open_scene(path) is False
    assert studio.document.scene is before
    assert words in window.messages.text()
    assert window.settings_panel.channels.value() == 1
    assert window.settings_panel.dilation.value() == 1


def test_more_kernels_never_flash_a_window_of_their_own(qtbot, window, studio):
    """A kernel title made visible before it had a parent was a window of its own: it took
    the activation, and the next Return in a cell left the keyboard focus nowhere."""
    shown: list[str] = []
    for count in (3, 8, 2):
        window.settings_panel.kernels.setValue(count)
        shown += [
            type(w).__name__
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not window
        ]
    assert shown == []
    assert QApplication.activeWindow() is window
    table = window.kernel_panel.table
    editor = open_editor(qtbot, table, 0, 0)
    editor.setText("5")
    commit(qtbot, table, editor)
    assert studio.document.scene.kernels[0, 0, 0, 0] == 5
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)


def test_an_editor_left_open_over_a_grid_that_goes_neither_crashes_nor_misplaces(
    qtbot, window, studio
):
    """An editor still open in kernel 3 when the scene lost kernels 2 and 3: its commit, on
    the next focus change, wrote into a kernel that no longer existed and PySide crashed."""
    window.settings_panel.kernels.setValue(3)
    table = window.kernel_panel.slices[2, 0].table
    editor = open_editor(qtbot, table, 0, 0)
    editor.setText("5")
    studio.document.set_kernel_count(1)  # not through a control: the editor keeps the focus
    window.input_panel.table.setFocus()  # the stale editor commits now
    assert studio.document.scene.kernels.shape[0] == 1
    assert "no longer in the scene" in window.messages.text()


def test_opening_a_scene_applies_the_number_being_typed_to_the_scene_it_was_typed_in(
    qtbot, window, studio, tmp_path
):
    path = tmp_path / "other.json"
    save_scene(studio.document.scene.replace(title="Other"), path)
    editor = open_editor(qtbot, window.kernel_panel.table, 0, 0)
    editor.setText("7")
    assert window.open_scene(path)
    assert studio.document.scene.title == "Other"
    assert studio.document.scene.kernels[0, 0, 0, 0] == 1  # not the 7
    studio.document.undo()
    assert studio.document.scene.kernels[0, 0, 0, 0] == 7  # kept in the scene it was typed in


def test_a_new_lesson_shows_the_side_panel_from_its_top(qtbot, window):
    from convstudio.model.lessons import lessons

    window.resize(900, 500)  # a short window: the side panel scrolls
    assert window.open_lesson(lessons()[0])
    bar = window.side_panel.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the teacher read the costs at the bottom
    assert window.open_lesson(lessons()[1])
    assert bar.value() == 0  # the new note's title is in sight
    assert window.note.isVisible()


def test_a_lessons_note_goes_when_a_photos_region_replaces_its_scene(qtbot, window, tmp_path):
    from test_image_mode import write_png

    from convstudio.model.lessons import lessons

    assert window.open_lesson(lessons()[1])
    assert window.note.lesson is not None and window.note.isVisible()
    rng = np.random.default_rng(0)
    photo = write_png(tmp_path / "photo.png", rng.integers(0, 256, (20, 24, 3), dtype=np.uint8))
    with qtbot.waitSignal(window.image_window().image_loaded):  # decoded on a worker
        assert window.open_image(photo)
    images = window.image_window()
    images.set_region(2, 3, 8, 8)
    assert images.apply_region()
    assert window.note.lesson is None and not window.note.isVisible()
    assert window.step_lesson(+1)  # from a scene of no lesson: the first
    assert window.note.lesson == lessons()[0]


def test_the_open_dialog_starts_in_the_documents_or_the_last_folder_never_in_the_app(
    qtbot, studio, tmp_path, monkeypatch
):
    from gui_helpers import FileDialogs
    from PySide6.QtCore import QSettings

    from convstudio.model import resource_dir
    from convstudio.qt.file_dialog import LAST_FOLDER, documents_folder

    dialogs = FileDialogs(monkeypatch)
    settings = QSettings()
    settings.setValue(LAST_FOLDER, str(resource_dir() / "scenes"))  # browsed there once
    window = MainWindow(studio, remember_geometry=True)
    qtbot.addWidget(window)
    try:
        window.open_scene_dialog()  # a lesson's copy: no folder of its own
        assert dialogs.shown[-1][1] == documents_folder()
        folder = tmp_path / "lecture"
        folder.mkdir()
        save_scene(studio.document.scene.replace(title="Mine"), folder / "mine.json")
        dialogs.answer = folder / "mine.json"
        window.open_scene_dialog()
        assert window.path == folder / "mine.json"
        window.path = None  # a scene with no file: the folder last used
        dialogs.answer = None
        window.open_scene_dialog()
        window.open_image_dialog()
        assert [shown[1] for shown in dialogs.shown[-2:]] == [folder, folder]
        for _, start, _ in dialogs.shown:
            assert not start.resolve().is_relative_to(resource_dir().resolve())
    finally:
        window.close()  # before the settings are tidied: closing keeps the geometry
        settings.remove(LAST_FOLDER)
        settings.remove("window/geometry")


def test_every_file_dialog_is_the_apps_one():
    """Qt's static dialogs would be the platform's, in the system's language, and start
    wherever the caller said: only ``file_dialog`` makes a QFileDialog."""
    from pathlib import Path

    import convstudio

    package = Path(convstudio.__file__).parent
    making = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "QFileDialog" in path.read_text(encoding="utf-8")
    ]
    assert making == ["qt/file_dialog.py"]
