"""The settings panel: padding and stride controls, the written-out size formula, and the
plain sentence shown when the settings are impossible."""

from __future__ import annotations

import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL, impossible_scene
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from convstudio.model import Scene, Studio
from convstudio.qt.settings_panel import SettingsPanel


@pytest.fixture
def panel(qtbot, studio):
    panel = SettingsPanel(studio)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def formulas(panel):
    return panel.formula_rows.text(), panel.formula_cols.text()


def choose(panel, value):
    panel.padding.setCurrentIndex(panel.padding.findData(value))


# ---------------------------------------------------------------- model → widget


def test_shows_the_worked_example(panel):
    assert panel.padding.currentData() == "valid"
    assert panel.stride.value() == 1
    assert formulas(panel) == (
        "rows:     ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4",
        "columns: ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4",
    )
    assert not panel.error.isVisible()
    assert not panel.notes.isVisible()


def test_same_padding_in_the_document(panel, studio):
    studio.document.update_settings(padding="same")
    assert panel.padding.currentData() == "same"
    assert panel.padding_amount.value() == 1
    assert formulas(panel) == (
        "rows:     ⌊(6 + 2·1 − 3)/1⌋ + 1 = 6",
        "columns: ⌊(6 + 2·1 − 3)/1⌋ + 1 = 6",
    )
    assert not panel.error.isVisible()


def test_a_padding_number_in_the_document(panel, studio):
    studio.document.update_settings(padding=2)
    assert panel.padding.currentData() == "number"
    assert panel.padding_amount.value() == 2
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·2 − 3)/1⌋ + 1 = 8"


def test_uneven_padding_is_written_per_side(panel, studio):
    studio.document.update_settings(padding="same")
    studio.document.resize_kernel(4, 4)  # 'same' pads 1 before and 2 after
    assert formulas(panel) == (
        "rows:     ⌊(6 + 1 + 2 − 4)/1⌋ + 1 = 6",
        "columns: ⌊(6 + 1 + 2 − 4)/1⌋ + 1 = 6",
    )


def test_a_stride_that_does_not_divide_explains_what_is_left_out(panel, studio):
    studio.document.update_settings(stride=2)
    assert panel.stride.value() == 2
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·0 − 3)/2⌋ + 1 = 2"
    assert panel.notes.isVisible()
    assert panel.notes.text() == (
        "(6 + 2·0 − 3)/2 = 1.5 is not whole: the last 1 row and 1 column are never reached.\n"
        "Hatched input cells are never used."
    )
    studio.document.update_settings(stride=3)  # (6 − 3)/3 = 1 exactly
    assert not panel.notes.isVisible()


@pytest.mark.parametrize("studio", [Studio(impossible_scene())], ids=["opened impossible"])
def test_a_kernel_larger_than_the_input_shows_why(panel, studio):
    assert panel.error.isVisible()
    assert panel.error.text() == (
        "The kernel spans 7 rows but the padded input has only 6 rows: make the kernel "
        "smaller or add padding. The output stays empty until this is fixed."
    )
    assert (
        panel.formula_rows.text() == "rows:     ⌊(6 + 2·0 − 7)/1⌋ + 1 < 1: the kernel does not fit"
    )
    assert panel.formula_cols.text() == "columns: ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"
    # Padding makes it possible again, and the sentence goes away.
    studio.document.update_settings(padding=1)
    assert not panel.error.isVisible()
    assert panel.error.text() == ""
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·1 − 7)/1⌋ + 1 = 2"


@pytest.mark.parametrize(
    "studio",
    [Studio(Scene(input=WORKED_INPUT, kernels=WORKED_KERNEL, padding="same", stride=2))],
    ids=["opened impossible"],
)
def test_same_padding_with_a_stride_says_what_to_do_instead(panel, studio):
    assert panel.padding.currentData() == "same"
    assert panel.stride.value() == 2
    assert panel.error.isVisible()
    assert panel.error.text() == (
        "'same' padding only works with stride 1 (the stride is 2): with a larger stride the "
        "output cannot be as large as the input. For the 1 ring 'same' adds at stride 1, "
        "choose “a number” and 1. The output stays empty until this is fixed."
    )
    assert formulas(panel) == ("", "")


# ---------------------------------------------------------------- widget → model


def test_choosing_same_pads_the_scene(panel, studio):
    choose(panel, "same")
    assert studio.document.scene.padding == "same"
    assert studio.evaluation.output.shape == (1, 6, 6)
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·1 − 3)/1⌋ + 1 = 6"


def test_choosing_full(panel, studio):
    choose(panel, "full")
    assert studio.document.scene.padding == "full"
    assert panel.padding_amount.value() == 2
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·2 − 3)/1⌋ + 1 = 8"


def test_choosing_a_number_starts_at_one_ring(panel, studio):
    choose(panel, "number")
    assert studio.document.scene.padding == (1, 1)
    assert panel.padding_amount.value() == 1
    assert panel.padding.currentData() == "number"


def test_choosing_valid_after_a_number(panel, studio):
    studio.document.update_settings(padding=3)
    choose(panel, "valid")
    assert studio.document.scene.padding == "valid"
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"


def test_the_padding_amount_spin_box(panel, studio):
    panel.padding_amount.setValue(3)
    assert studio.document.scene.padding == (3, 3)
    assert panel.padding.currentData() == "number"
    assert studio.evaluation.output.shape == (1, 10, 10)
    panel.padding_amount.setValue(0)
    assert studio.document.scene.padding == (0, 0)
    assert panel.padding.currentData() == "valid"  # the lesson's word for no padding


def test_the_stride_spin_box_by_keyboard(panel, studio):
    panel.stride.setFocus()
    QTest.keyClick(panel.stride, Qt.Key.Key_Up)
    assert studio.document.scene.stride == (2, 2)
    assert studio.evaluation.output.shape == (1, 2, 2)
    assert panel.notes.isVisible()


def test_choosing_same_at_stride_2_from_the_controls_explains_why_not(qtbot, studio):
    messages: list[str] = []
    panel = SettingsPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.stride.setValue(2)
    choose(panel, "same")
    assert messages[-1] == (
        "'same' padding only works with stride 1 (the stride is 2): with a larger stride the "
        "output cannot be as large as the input. For the 1 ring 'same' adds at stride 1, "
        "choose “a number” and 1. The settings stay as they were."
    )
    assert studio.document.scene.padding == (0, 0)
    assert panel.padding.currentData() == "valid"  # the box shows the scene again
    assert studio.evaluation.output.shape == (1, 2, 2)
    assert not panel.error.isVisible()


def test_each_control_change_is_one_undo_step(panel, studio):
    panel.stride.setValue(2)
    choose(panel, "full")
    studio.document.undo()
    assert studio.document.scene.padding == (0, 0)
    assert (panel.padding.currentData(), panel.stride.value()) == ("valid", 2)
    studio.document.undo()
    assert panel.stride.value() == 1
    assert not studio.document.can_undo  # showing the settings did not write the document


def test_raising_the_stride_under_same_padding_keeps_its_rings_and_says_so(qtbot, studio):
    messages: list[str] = []
    panel = SettingsPanel(studio, messages.append)
    qtbot.addWidget(panel)
    studio.document.update_settings(padding="same")
    panel.stride.setValue(2)
    scene = studio.document.scene
    assert (scene.stride, scene.padding) == ((2, 2), (1, 1))
    assert formulas(panel) == (
        "rows:     ⌊(6 + 2·1 − 3)/2⌋ + 1 = 3",
        "columns: ⌊(6 + 2·1 − 3)/2⌋ + 1 = 3",
    )
    assert studio.evaluation.output.shape == (1, 3, 3)
    assert len(messages) == 1 and "only for stride 1" in messages[0]
    studio.document.undo()
    assert (studio.document.scene.stride, studio.document.scene.padding) == ((1, 1), "same")
