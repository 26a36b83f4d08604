"""The kernel panel: weights and size follow the document; edits and size controls write it."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from convstudio.qt import style
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.kernel_panel import KernelPanel

KERNEL = [[1, 0, 1], [0, 1, 0], [1, 0, 1]]


@pytest.fixture
def panel(qtbot, studio, messages):
    panel = KernelPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def grid_text(panel):
    model = panel.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# ---------------------------------------------------------------- model → widget


def test_shows_the_kernel(panel, qtmodeltester):
    assert grid_text(panel) == [[str(v) for v in row] for row in KERNEL]
    assert panel.size_controls.text() == "Kernel 3×3"
    assert (panel.rows.value(), panel.cols.value()) == (3, 3)
    assert panel.model.index(0, 0).data(LOOK_ROLE).foreground == style.WEIGHT_FG
    assert (
        panel.model.index(2, 1)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Weight at row 3, column 2.")
    )
    qtmodeltester.check(panel.model, force_py=True)


def test_a_document_edit_updates_the_weight(panel, studio):
    seen = []
    panel.model.dataChanged.connect(lambda tl, br, *_: seen.append((tl.row(), br.row())))
    studio.document.set_kernel_value(0, 0, 2, 1, -0.25)
    assert panel.model.index(2, 1).data() == "-0.25"
    assert seen and seen[-1] == (0, 2)


def test_a_preset_kernel_replaces_the_grid(panel, studio):
    studio.document.set_kernel([[1, 2], [3, 4]])
    assert grid_text(panel) == [["1", "2"], ["3", "4"]]
    assert (panel.rows.value(), panel.cols.value()) == (2, 2)
    assert panel.size_controls.text() == "Kernel 2×2"
    studio.document.undo()
    assert grid_text(panel) == [[str(v) for v in row] for row in KERNEL]
    assert panel.size_controls.text() == "Kernel 3×3"


def test_a_resize_in_the_document_updates_the_controls(panel, studio):
    studio.document.resize_kernel(5, 2)
    assert (panel.rows.value(), panel.cols.value()) == (5, 2)
    assert panel.size_controls.text() == "Kernel 5×2"
    assert grid_text(panel) == [["1", "0"], ["0", "1"], ["1", "0"], ["0", "0"], ["0", "0"]]


# ---------------------------------------------------------------- widget → model


def test_set_data_writes_the_weight(panel, studio, messages):
    assert panel.model.setData(panel.model.index(1, 0), "2.5", Qt.ItemDataRole.EditRole)
    assert studio.document.scene.kernels[0, 0, 1, 0] == 2.5
    assert messages == []


def test_typing_a_weight(qtbot, panel, studio, messages):
    type_into_cell(qtbot, panel.table, 0, 1, "-3")
    expected = np.array(KERNEL, dtype=float)
    expected[0, 1] = -3
    np.testing.assert_array_equal(studio.document.scene.kernels[0, 0], expected)
    assert panel.model.index(0, 1).data() == "-3"
    assert messages == []


def test_typing_a_non_number_keeps_the_weight(qtbot, panel, studio, messages):
    before = studio.document.scene
    type_into_cell(qtbot, panel.table, 1, 1, "1e400")
    assert studio.document.scene is before
    assert panel.model.index(1, 1).data() == "1"
    assert messages == ["“1e400” is not a finite number. The weight keeps its value."]


def test_size_spin_boxes_resize_the_kernel(panel, studio, messages):
    panel.cols.setValue(4)
    assert studio.document.scene.kernels.shape == (1, 1, 3, 4)
    np.testing.assert_array_equal(studio.document.scene.kernels[0, 0, :, 3], 0)
    panel.rows.setValue(1)
    np.testing.assert_array_equal(studio.document.scene.kernels[0, 0], [[1, 0, 1, 0]])
    assert panel.size_controls.text() == "Kernel 1×4"
    assert (panel.model.rowCount(), panel.model.columnCount()) == (1, 4)
    assert messages == []


def test_spin_box_limits_are_the_documents(panel):
    assert (panel.rows.minimum(), panel.rows.maximum()) == (1, 9)
    assert (panel.cols.minimum(), panel.cols.maximum()) == (1, 9)


def test_each_size_change_is_one_undo_step(panel, studio):
    panel.rows.setValue(4)
    panel.rows.setValue(5)
    studio.document.undo()
    assert studio.document.scene.kernels.shape == (1, 1, 4, 3)
    assert panel.rows.value() == 4
    studio.document.undo()
    assert panel.rows.value() == 3
    assert not studio.document.can_undo  # showing the size did not write the document


def library_in(folder):
    from convstudio.model.library import user_library

    return user_library(folder)


def test_choosing_a_preset_writes_the_kernel_and_saving_one_lists_it(qtbot, studio, tmp_path):
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    index = next(
        i for i in range(panel.presets.count()) if panel.presets.itemText(i).startswith("Sobel x")
    )
    panel.presets.activated.emit(index)
    np.testing.assert_array_equal(
        studio.document.scene.kernels[0, 0], [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    )  # right minus left, as deep learning's cross-correlation applies it
    assert panel.presets.currentIndex() == 0  # back to the "Presets…" prompt
    assert grid_text(panel)[1] == ["-2", "0", "2"]

    studio.document.set_kernel_value(0, 0, 1, 1, 7)
    assert panel.save_preset("mine")
    assert "mine" in panel.preset_names()
    assert [p.name for p in (tmp_path / "kernels").iterdir()] == ["mine.json"]  # one file each
    reopened = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(reopened)
    assert "mine" in reopened.preset_names()
    assert messages == []


# A popup asks the offscreen platform for things it cannot do, and says so.
@pytest.mark.qt_log_ignore("does not support")
def test_the_picker_lists_kernels_another_window_saved_as_it_opens(qtbot, studio, tmp_path):
    panel = KernelPanel(studio, print, library_in(tmp_path))
    other = KernelPanel(studio, print, library_in(tmp_path))
    qtbot.addWidget(panel)
    qtbot.addWidget(other)
    assert other.save_preset("from the other window")
    assert "from the other window" not in panel.preset_names()
    panel.presets.showPopup()
    assert "from the other window" in panel.preset_names()
    panel.presets.hidePopup()


def test_two_windows_saving_at_once_keep_both_kernels(qtbot, studio, tmp_path):
    # One file per kernel: neither save writes over the other's list (kernels.json did).
    first = KernelPanel(studio, print, library_in(tmp_path))
    second = KernelPanel(studio, print, library_in(tmp_path))
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert first.save_preset("one")
    assert second.save_preset("two")
    first.reload_presets()
    assert {"one", "two"} <= set(first.preset_names())


def test_the_last_picker_entry_opens_the_library(qtbot, studio, tmp_path):
    panel = KernelPanel(studio, print, library_in(tmp_path))
    qtbot.addWidget(panel)
    last = panel.presets.count() - 1
    assert panel.presets.itemText(last).startswith("Your kernels")
    panel.presets.activated.emit(last)
    assert panel.library_dialog is not None and panel.library_dialog.isVisible()
    assert panel.presets.currentIndex() == 0
    assert studio.document.scene.kernels.shape == (1, 1, 3, 3)  # no kernel was written
    panel.library_dialog.close()


def test_the_old_kernels_file_is_carried_over_and_kept(qtbot, studio, tmp_path):
    from convstudio.model.presets import KernelPreset, save_presets

    old = tmp_path / "kernels.json"
    save_presets([KernelPreset("from last year", [[1, 2], [3, 4]])], old)
    before = old.read_bytes()
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert "from last year" in panel.preset_names()
    assert messages == []
    assert not old.exists()
    assert (tmp_path / "kernels.carried-over.json").read_bytes() == before
    assert (tmp_path / "kernels" / "from last year.json").exists()
    panel.apply_preset("from last year")
    np.testing.assert_array_equal(studio.document.scene.kernels[0, 0], [[1, 2], [3, 4]])


def test_a_damaged_user_preset_file_is_reported_and_the_builtins_stay(qtbot, studio, tmp_path):
    path = tmp_path / "kernels.json"
    path.write_text("{not json")
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert "Sobel x" in panel.preset_names()
    assert len(messages) == 1 and "not valid JSON" in messages[0]
    # Set aside under a dated name, intact, and said once: the next start is quiet.
    (kept,) = tmp_path.glob("kernels.damaged-*.json")
    assert kept.name in messages[0] and kept.read_text() == "{not json"
    assert not path.exists()
    again = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(again)
    assert len(messages) == 1


DAMAGE = [
    "",
    "\ufeff{}",
    "just text",
    '{"format": "convstudio-kernels", "version": 1, "kernels": [{"name": "x", '
    '"weights": [[1, 2], [3]]}]}',
    '{"format": "something else"}',
    '{"format": "convstudio-kernels", "version": 1, "kernels": [{"name": "x", '
    '"weights": [[' + "9" * 5000 + "]]}]}",
    '{"format": "convstudio-kernels", "version": 1, "kernels": [{"name": "x", '
    '"weights": [[' + "9" * 401 + "]]}]}",
    '{"format": "convstudio-kernels", "version": 1, "kernels": [{"name": "x", '
    '"weights": [[NaN, Infinity], [1e300, 0]]}]}',
    "[" * 5000 + "]" * 5000,
]
DAMAGE_IDS = [
    *("empty", "bom", "text", "ragged", "format"),
    *("5000 digits", "401 digits", "nan", "deep"),
]


@pytest.mark.parametrize("damage", DAMAGE, ids=DAMAGE_IDS)
def test_no_damaged_old_kernels_file_stops_the_panel(qtbot, studio, tmp_path, damage):
    path = tmp_path / "kernels.json"
    path.write_text(damage, encoding="utf-8")
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert "Sobel x" in panel.preset_names()
    assert len(messages) == 1 and "could not be read" in messages[0]
    assert len(messages[0]) < 400  # a short sentence, not the file quoted back
    assert panel.save_preset("fresh")  # saving works, into the library folder
    (kept,) = tmp_path.glob("kernels.damaged-*.json")
    assert kept.read_text(encoding="utf-8") == damage


@pytest.mark.parametrize("damage", DAMAGE, ids=DAMAGE_IDS)
def test_a_damaged_kernel_file_costs_only_itself(qtbot, studio, tmp_path, damage):
    library = library_in(tmp_path)
    library.save("good", np.eye(3))
    bad = library.folder / "x.json"
    bad.write_text(damage.replace("convstudio-kernels", "convstudio-kernel"), encoding="utf-8")
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library)
    qtbot.addWidget(panel)
    assert "good" in panel.preset_names()
    assert len(messages) == 1 and "x.json" in messages[0] and "could not be read" in messages[0]
    assert len(messages[0]) < 400
    assert panel.save_preset("x")  # the damaged file's own name: it is not written over
    (kept,) = library.folder.glob("x.damaged-*.json")
    assert kept.read_text(encoding="utf-8").endswith(damage[-20:])


def test_saving_never_hides_or_loses_kernels(qtbot, studio, tmp_path):
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert not panel.save_preset("Sobel x")  # a built-in's name would hide the user's kernel
    assert "built-in" in messages[-1]
    assert not panel.save_preset("   ")
    assert "needs a name" in messages[-1]
    assert panel.save_preset("mine")
    studio.document.set_kernel_value(0, 0, 0, 0, 9)
    assert panel.save_preset("mine")
    assert "replaced" in messages[-1]
    assert panel.preset_names().count("mine") == 1
    panel.apply_preset("mine")
    assert studio.document.scene.kernels[0, 0, 0, 0] == 9


def test_a_full_disk_keeps_the_kernel_that_was_there(qtbot, studio, tmp_path, monkeypatch):
    from convstudio.model import scene as scene_module

    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert panel.save_preset("mine")
    file = tmp_path / "kernels" / "mine.json"
    before = file.read_bytes()

    def full(_fd, _data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scene_module.os, "write", full)
    studio.document.set_kernel_value(0, 0, 0, 0, 9)
    assert not panel.save_preset("mine")
    assert "No space left on device" in messages[-1]
    monkeypatch.undo()
    assert file.read_bytes() == before
    assert sorted(p.name for p in file.parent.iterdir()) == ["mine.json"]  # no temporary left


def test_a_damaged_file_that_cannot_be_moved_is_never_overwritten(
    qtbot, studio, tmp_path, monkeypatch
):
    from convstudio.model import library

    def cannot_move(_path, _now=None):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(library, "set_aside", cannot_move)
    path = tmp_path / "kernels.json"
    path.write_text("{not json")
    messages: list[str] = []
    panel = KernelPanel(studio, messages.append, library_in(tmp_path))
    qtbot.addWidget(panel)
    assert "could not be set aside" in messages[-1]
    assert panel.save_preset("another")  # into its own file in the library folder
    assert path.read_text() == "{not json"


def test_ctrl_v_pastes_a_block_into_the_kernel(qtbot, panel, studio, messages):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("1\t2\n3\t4\n")
    panel.table.setCurrentIndex(panel.model.index(1, 1))
    QTest.keyClick(panel.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(
        studio.document.scene.kernels[0, 0], [[1, 0, 1], [0, 1, 2], [1, 3, 4]]
    )
    before = studio.document.scene
    QGuiApplication.clipboard().setText(" ".join(["1"] * 10))
    QTest.keyClick(panel.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert studio.document.scene is before
    assert "largest is 9×9" in messages[-1] and "Nothing was pasted" in messages[-1]


# ---------------------------------------------------------------- a preset: one kernel or all


def two_kernel_panel(qtbot, messages):
    from convstudio.model import Studio, load_scene, scene_path

    studio = Studio(load_scene(scene_path("rgb-two-kernels")))
    panel = KernelPanel(studio, messages.append)
    qtbot.addWidget(panel.controls)
    qtbot.addWidget(panel)
    panel.controls.show()
    return studio, panel


def choose(panel, name):
    index = next(
        i for i in range(panel.presets.count()) if panel.presets.itemText(i).startswith(name)
    )
    panel.presets.activated.emit(index)


def test_the_picker_puts_a_preset_into_the_current_kernel_only_or_into_all(qtbot, messages):
    studio, panel = two_kernel_panel(qtbot, messages)
    before = studio.document.scene.kernels.copy()
    problem = studio.evaluation.problem
    kernel_2 = next(s for s in range(problem.n_steps) if problem.step(s).out_channel == 1)
    studio.playback.show_step(kernel_2)
    assert panel.only_current.isVisibleTo(panel.controls)
    assert panel.only_current.text() == "Only into ▶ kernel 2"
    panel.only_current.setChecked(True)
    choose(panel, "Sobel x")
    kernels = studio.document.scene.kernels
    np.testing.assert_array_equal(kernels[0], before[0])  # kernel 1 kept its weights
    assert (kernels[1] == [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]).all()  # every slice of 2
    assert studio.document.kernel_name(1) == "Sobel x" and messages == []

    panel.only_current.setChecked(False)
    choose(panel, "Identity")
    assert (studio.document.scene.kernels[:, :, 1, 1] == 1).all()  # both kernels


def test_a_preset_of_another_size_for_one_kernel_says_why_and_changes_nothing(qtbot, messages):
    studio, panel = two_kernel_panel(qtbot, messages)
    studio.playback.show_step(0)
    panel.only_current.setChecked(True)
    before = studio.document.scene
    choose(panel, "Gaussian 5×5")
    assert studio.document.scene is before
    assert "Every kernel here is 3×3, and this one is 5×5" in messages[-1]


def test_one_kernel_or_no_current_step_offers_no_choice(qtbot, panel, studio, messages):
    assert not panel.only_current.isVisibleTo(panel.controls)  # one kernel: all is one
    two_studio, two = two_kernel_panel(qtbot, messages)
    two.only_current.setChecked(True)
    two_studio.playback.first()  # before the first step: no ▶ kernel
    assert two.only_current.text() == "Only into the ▶ kernel"
    assert not two.only_current.isEnabled()
    choose(two, "Identity")
    assert (two_studio.document.scene.kernels[:, :, 1, 1] == 1).all()  # so into every kernel


# ---------------------------------------------------------------- true convolution: flipped


NINE = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def test_a_true_convolution_shows_the_kernel_flipped_and_says_so(panel, studio):
    studio.document.set_kernel(NINE)
    assert panel.kernel_titles[0].text() == "Kernel 3×3"
    studio.document.set_flip(True)
    # The kernel as it is applied: turned 180°, as the ×w tags on the input show it.
    assert grid_text(panel) == [["9", "8", "7"], ["6", "5", "4"], ["3", "2", "1"]]
    assert panel.kernel_titles[0].text() == "Kernel 3×3\nflipped (true\nconvolution)"
    tip = panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Weight typed at row 3, column 2, shown flipped")
    # A model change shows in the flipped cell; a non-square kernel too.
    studio.document.set_kernel_value(0, 0, 0, 2, -4)
    assert panel.model.index(2, 0).data() == "-4"
    studio.document.set_kernel([[1, 2, 3], [4, 5, 6]])
    assert grid_text(panel) == [["6", "5", "4"], ["3", "2", "1"]]
    studio.document.set_flip(False)
    assert grid_text(panel) == [["1", "2", "3"], ["4", "5", "6"]]
    assert panel.kernel_titles[0].text() == "Kernel 2×3"


def test_several_kernels_say_flipped_in_every_title(qtbot, studio, messages):
    studio.document.set_kernel_count(2)
    studio.document.set_flip(True)
    panel = KernelPanel(studio, messages.append)
    qtbot.addWidget(panel)
    studio.playback.show_step(0)
    assert [t.text() for t in panel.kernel_titles] == [
        "▶ Kernel 1\nflipped (true\nconvolution)",
        "Kernel 2\nflipped (true\nconvolution)",
    ]
    # The heading makes room for every line (the stage lays it out from this).
    one_line = panel.headings[1].lengths()[1]
    studio.document.set_flip(False)
    studio.playback.show_step(0)
    assert panel.kernel_titles[1].text() == "Kernel 2"
    assert panel.headings[1].lengths()[1].per_zoom < one_line.per_zoom


def test_editing_a_flipped_cell_writes_the_weight_it_shows(qtbot, panel, studio, messages):
    studio.document.set_kernel(NINE)
    studio.document.set_flip(True)
    type_into_cell(qtbot, panel.table, 0, 1, "-7")  # shows the weight typed at (3, 2)
    np.testing.assert_array_equal(
        studio.document.scene.kernels[0, 0], [[1, 2, 3], [4, 5, 6], [7, -7, 9]]
    )
    assert panel.model.index(0, 1).data() == "-7"
    assert panel.model.setData(panel.model.index(2, 2), "0.5", Qt.ItemDataRole.EditRole)
    assert studio.document.scene.kernels[0, 0, 0, 0] == 0.5
    assert messages == []


def test_ctrl_v_into_a_flipped_kernel_lands_where_it_shows(qtbot, panel, studio, messages):
    from PySide6.QtGui import QGuiApplication

    studio.document.set_kernel(NINE)
    studio.document.set_flip(True)
    QGuiApplication.clipboard().setText("10\t20\n30\t40\n")
    panel.table.setCurrentIndex(panel.model.index(1, 1))
    QTest.keyClick(panel.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid_text(panel) == [["9", "8", "7"], ["6", "10", "20"], ["3", "30", "40"]]
    np.testing.assert_array_equal(
        studio.document.scene.kernels[0, 0], [[40, 30, 3], [20, 10, 6], [7, 8, 9]]
    )
    # Past the shown kernel's edge it grows there, as shown: the shown cells stay put.
    panel.table.setCurrentIndex(panel.model.index(2, 2))
    QTest.keyClick(panel.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid_text(panel) == [
        ["9", "8", "7", "0"],
        ["6", "10", "20", "0"],
        ["3", "30", "10", "20"],
        ["0", "0", "30", "40"],
    ]
    assert messages == []
