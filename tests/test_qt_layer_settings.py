"""The settings panel's Layer and Window controls: the document's settings show in the
widgets, and every widget writes exactly its own setting back to the document."""

from __future__ import annotations

import numpy as np
import pytest
from lesson import impossible_scene
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from convstudio.model import RGB, Scene, Studio, load_scene, resource_dir
from convstudio.qt.output_panel import OutputsPanel
from convstudio.qt.settings_panel import SettingsPanel


def lesson(name: str) -> Studio:
    return Studio(load_scene(resource_dir() / "scenes" / name))


@pytest.fixture
def panel(qtbot, studio, messages):
    panel = SettingsPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown_window(panel):
    """(padding choice, rows/cols rings, stride pair, dilation pair, mode) as the widgets show."""
    return (
        panel.padding.currentData(),
        (panel.padding_amount.value(), panel.padding_cols.value()),
        (panel.stride.value(), panel.stride_cols.value()),
        (panel.dilation.value(), panel.dilation_cols.value()),
        panel.mode.currentData(),
    )


def shown_layer(panel):
    """(channels, rgb, kernels, groups, bias, flip) as the widgets show."""
    return (
        panel.channels.value(),
        panel.rgb.isChecked(),
        panel.kernels.value(),
        panel.groups.value(),
        panel.bias.isChecked(),
        panel.flip.isChecked(),
    )


def type_into_spin(spin, typed):
    """Replace the spin box's text by *typed*, as a user would, without pressing Enter."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, typed)


# ---------------------------------------------------------------- model → widgets


def test_the_worked_example_shows_a_plain_layer(panel):
    assert shown_layer(panel) == (1, False, 1, 1, False, False)
    assert shown_window(panel) == ("valid", (0, 0), (1, 1), (1, 1), "zeros")
    assert not panel.groups_note.isVisible()
    assert panel.groups_note.text() == ""


def test_every_text_spin_box_applies_on_enter_only(panel):
    spins = [
        panel.channels,
        panel.kernels,
        panel.groups,
        panel.padding_amount,
        panel.padding_cols,
        panel.stride,
        panel.stride_cols,
        panel.dilation,
        panel.dilation_cols,
    ]
    assert [spin.keyboardTracking() for spin in spins] == [False] * len(spins)


def test_rgb_channels_in_the_document(panel, studio):
    studio.document.set_channels(3, RGB)
    assert panel.channels.value() == 3
    assert panel.rgb.isChecked()
    # Numbered channels are not RGB, even three of them.
    studio.document.set_channels(3)
    assert panel.channels.value() == 3
    assert not panel.rgb.isChecked()
    studio.document.set_channels(2)
    assert shown_layer(panel)[:2] == (2, False)


def test_kernel_count_in_the_document(panel, studio):
    studio.document.set_kernel_count(5)
    assert panel.kernels.value() == 5
    studio.document.set_kernel_count(1)
    assert panel.kernels.value() == 1


def test_groups_in_the_document(panel, studio):
    studio.document.set_channels(4)
    studio.document.set_kernel_count(4)
    studio.document.update_settings(groups=2)
    assert shown_layer(panel) == (4, False, 4, 2, False, False)
    # Fewer channels than two groups need: the document falls back to 1 group.
    studio.document.set_channels(3)
    assert panel.groups.value() == 1


def test_bias_and_flip_in_the_document(panel, studio):
    studio.document.set_bias_enabled(True)
    assert panel.bias.isChecked()
    studio.document.set_flip(True)
    assert panel.flip.isChecked()
    studio.document.set_bias_enabled(False)
    assert not panel.bias.isChecked()
    assert panel.flip.isChecked()
    studio.document.set_flip(False)
    assert not panel.flip.isChecked()


def test_per_axis_window_settings_in_the_document(panel, studio):
    studio.document.update_settings(padding=(1, 2), stride=(2, 1), dilation=(1, 2))
    assert shown_window(panel) == ("number", (1, 2), (2, 1), (1, 2), "zeros")
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·1 − 3)/2⌋ + 1 = 3"
    assert panel.formula_cols.text() == "columns: ⌊(6 + 2·2 − 5)/1⌋ + 1 = 6"


def test_padding_mode_in_the_document(panel, studio):
    for mode in ("reflect", "replicate", "circular", "zeros"):
        studio.document.update_settings(padding_mode=mode)
        assert panel.mode.currentData() == mode
        assert panel.mode.currentText() == mode


def test_showing_the_settings_never_writes_the_document(panel, studio):
    studio.document.set_channels(3, RGB)
    studio.document.update_settings(padding=(1, 2), stride=(2, 1), padding_mode="reflect")
    studio.document.set_bias_enabled(True)
    # Three edits, three undo steps: the widgets following them added none.
    for _ in range(3):
        studio.document.undo()
    assert not studio.document.can_undo
    assert shown_layer(panel) == (1, False, 1, 1, False, False)
    assert shown_window(panel) == ("valid", (0, 0), (1, 1), (1, 1), "zeros")


@pytest.mark.parametrize("studio", [Studio(impossible_scene())], ids=["opened impossible"])
def test_valid_padding_shows_no_rings_when_the_settings_are_impossible(panel, studio):
    assert studio.evaluation.problem is None  # a 7×3 kernel, taller than the input
    assert panel.padding.currentData() == "valid"
    assert (panel.padding_amount.value(), panel.padding_cols.value()) == (0, 0)


@pytest.mark.parametrize("studio", [Studio(impossible_scene())], ids=["opened impossible"])
def test_the_cols_box_under_valid_padding_does_not_invent_row_padding(panel, studio):
    panel.padding_cols.setValue(0)
    assert studio.document.scene.padding in ("valid", (0, 0))


@pytest.mark.parametrize(
    "studio",
    [Studio(Scene(np.zeros((2, 6, 6)), np.ones((2, 1, 3, 3)), padding="full", groups=3))],
    ids=["opened impossible"],
)
def test_full_padding_shows_its_rings_when_the_groups_are_impossible(panel, studio):
    assert studio.evaluation.problem is None
    assert (panel.padding_amount.value(), panel.padding_cols.value()) == (2, 2)


# ---------------------------------------------------------------- widgets → model


def test_the_channels_spin_box(panel, studio):
    panel.channels.setValue(3)
    scene = studio.document.scene
    assert scene.input.shape == (3, 6, 6)
    assert scene.kernels.shape == (1, 3, 3, 3)
    assert scene.channel_names == ()
    assert not panel.rgb.isChecked()
    assert studio.evaluation.output.shape == (1, 4, 4)
    panel.channels.setValue(1)
    assert studio.document.scene.input.shape == (1, 6, 6)
    assert studio.document.scene.kernels.shape == (1, 1, 3, 3)


def test_the_rgb_check_box(panel, studio):
    panel.rgb.setChecked(True)
    scene = studio.document.scene
    assert scene.input.shape == (3, 6, 6)
    assert scene.channel_names == ("R", "G", "B")
    assert panel.channels.value() == 3
    # Unchecked: still three channels, now numbered.
    panel.rgb.setChecked(False)
    scene = studio.document.scene
    assert scene.input.shape == (3, 6, 6)
    assert scene.channel_names == ()
    assert panel.channels.value() == 3


def test_the_rgb_check_box_by_mouse(qtbot, panel, studio):
    # On the box itself: a wide layout cell leaves empty space right of the label.
    indicator = QPoint(6, panel.rgb.height() // 2)
    qtbot.mouseClick(panel.rgb, Qt.MouseButton.LeftButton, pos=indicator)
    assert studio.document.scene.channel_names == RGB
    assert panel.channels.value() == 3


def test_the_kernels_spin_box(panel, studio):
    panel.kernels.setValue(3)
    scene = studio.document.scene
    assert scene.kernels.shape == (3, 1, 3, 3)
    assert studio.evaluation.output.shape == (3, 4, 4)
    assert not scene.kernels[1:].any()  # new kernels are zeros


def test_the_kernels_spin_box_grows_the_biases_too(panel, studio):
    panel.bias.setChecked(True)
    panel.kernels.setValue(3)
    assert studio.document.scene.bias.tolist() == [0, 0, 0]


def test_the_groups_spin_box(panel, studio):
    panel.channels.setValue(4)
    panel.kernels.setValue(2)
    panel.groups.setValue(2)
    scene = studio.document.scene
    assert scene.groups == 2
    assert scene.kernels.shape == (2, 2, 3, 3)  # each kernel sees 4/2 channels
    assert studio.evaluation.output.shape == (2, 4, 4)
    assert panel.groups_note.isVisible()
    assert (
        panel.groups_note.text()
        == "2 groups: kernel 1 sees channels 1, 2; kernel 2 sees channels 3, 4."
    )
    panel.groups.setValue(1)
    assert studio.document.scene.kernels.shape == (2, 4, 3, 3)
    assert not panel.groups_note.isVisible()


def test_the_bias_check_box(panel, studio):
    panel.bias.setChecked(True)
    assert studio.document.scene.bias.tolist() == [0]
    panel.bias.setChecked(False)
    assert studio.document.scene.bias is None


def test_the_flip_check_box(panel, studio):
    studio.document.set_kernel([[1, 2, 3], [0, 0, 0], [0, 0, 0]])
    panel.flip.setChecked(True)
    assert studio.document.scene.flip is True
    # Flipped, the top row's weights meet the bottom row of the window, reversed:
    # 3·35 + 2·24 + 1·204.
    assert studio.evaluation.output[0, 0, 0] == 3 * 35 + 2 * 24 + 1 * 204
    panel.flip.setChecked(False)
    assert studio.document.scene.flip is False
    assert studio.evaluation.output[0, 0, 0] == 1 * 18 + 2 * 54 + 3 * 51


def test_the_padding_mode_combo(panel, studio):
    studio.document.update_settings(padding=1)
    panel.mode.setCurrentIndex(panel.mode.findData("replicate"))
    assert studio.document.scene.padding_mode == "replicate"
    assert studio.document.scene.padding == (1, 1)
    # The top-left window now reads copies of the edge: rows 18 18 54 / 18 18 54 / 55 55 121.
    assert studio.evaluation.output[0, 0, 0] == 18 + 54 + 18 + 55 + 121
    panel.mode.setCurrentIndex(panel.mode.findData("zeros"))
    assert studio.document.scene.padding_mode == "zeros"
    assert studio.evaluation.output[0, 0, 0] == 18 + 121


def test_the_stride_pair_moves_together_while_equal(panel, studio):
    panel.stride.setValue(2)
    assert studio.document.scene.stride == (2, 2)
    assert panel.stride_cols.value() == 2
    panel.stride_cols.setValue(3)
    assert studio.document.scene.stride == (2, 3)
    assert panel.stride.value() == 2
    # Now they differ: the rows box changes the rows only.
    panel.stride.setValue(1)
    assert studio.document.scene.stride == (1, 3)
    assert (panel.stride.value(), panel.stride_cols.value()) == (1, 3)
    assert studio.evaluation.output.shape == (1, 4, 2)


def test_the_padding_pair_moves_together_while_equal(panel, studio):
    panel.padding_amount.setValue(2)
    assert studio.document.scene.padding == (2, 2)
    assert panel.padding_cols.value() == 2
    assert panel.padding.currentData() == "number"
    panel.padding_cols.setValue(1)
    assert studio.document.scene.padding == (2, 1)
    panel.padding_amount.setValue(3)
    assert studio.document.scene.padding == (3, 1)
    assert studio.evaluation.output.shape == (1, 10, 6)


def test_the_dilation_pair_moves_together_while_equal(panel, studio):
    panel.dilation.setValue(2)
    assert studio.document.scene.dilation == (2, 2)
    assert panel.dilation_cols.value() == 2
    assert studio.evaluation.output.shape == (1, 2, 2)
    panel.dilation_cols.setValue(1)
    assert studio.document.scene.dilation == (2, 1)
    assert studio.evaluation.output.shape == (1, 2, 4)
    panel.dilation.setValue(1)
    assert studio.document.scene.dilation == (1, 1)


def test_the_cols_spin_boxes_change_only_the_columns(panel, studio):
    panel.padding_cols.setValue(2)
    panel.stride_cols.setValue(2)
    panel.dilation_cols.setValue(2)
    scene = studio.document.scene
    assert (scene.padding, scene.stride, scene.dilation) == ((0, 2), (1, 2), (1, 2))
    assert panel.formula_rows.text() == "rows:     ⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"
    assert panel.formula_cols.text() == "columns: ⌊(6 + 2·2 − 5)/2⌋ + 1 = 3"


def test_a_typed_stride_applies_on_enter_only(panel, studio):
    type_into_spin(panel.stride, "3")
    assert panel.stride.text() == "3"
    assert studio.document.scene.stride == (1, 1)
    QTest.keyClick(panel.stride, Qt.Key.Key_Return)
    assert studio.document.scene.stride == (3, 3)


def test_a_typed_two_digit_padding_is_one_edit(panel, studio):
    type_into_spin(panel.padding_amount, "12")
    assert studio.document.scene.padding == (0, 0)  # not 1 ring, then 12
    assert not studio.document.can_undo
    QTest.keyClick(panel.padding_amount, Qt.Key.Key_Enter)
    assert studio.document.scene.padding == (12, 12)
    studio.document.undo()
    assert studio.document.scene.padding == (0, 0)
    assert not studio.document.can_undo


def test_a_typed_kernel_count_applies_on_enter_only(panel, studio):
    type_into_spin(panel.kernels, "4")
    assert studio.document.scene.kernels.shape[0] == 1
    QTest.keyClick(panel.kernels, Qt.Key.Key_Return)
    assert studio.document.scene.kernels.shape[0] == 4


def test_groups_that_do_not_divide_are_refused_in_words(qtbot, panel, studio, messages):
    outputs = OutputsPanel(studio)
    qtbot.addWidget(outputs)
    panel.channels.setValue(4)
    panel.kernels.setValue(4)
    panel.groups.setValue(3)
    assert messages[-1] == (
        "3 groups must divide both the 4 input channels and the 4 kernels, and they do not. "
        "The settings stay as they were."
    )  # no count of kernels helps: 3 does not divide the 4 channels
    assert studio.document.scene.groups == 1 and panel.groups.value() == 1
    assert not panel.error.isVisible()
    assert studio.evaluation.output.shape == (4, 4, 4)
    assert outputs.maps[3].title.text() == "Map 4  4×4"
    # Two groups divide both.
    panel.groups.setValue(2)
    assert studio.document.scene.groups == 2
    assert studio.evaluation.output.shape == (4, 4, 4)
    assert panel.groups_note.isVisible()


def test_depthwise_groups_note_says_which_channel_each_kernel_sees(qtbot):
    studio = lesson("depthwise.json")
    panel = SettingsPanel(studio)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert shown_layer(panel) == (3, True, 3, 3, False, False)
    assert panel.groups_note.isVisible()
    assert panel.groups_note.text() == (
        "3 groups (depthwise): kernel 1 sees channel R; kernel 2 sees channel G; "
        "kernel 3 sees channel B."
    )
    # Back to one group: every kernel sees every channel, and the note goes.
    panel.groups.setValue(1)
    assert studio.document.scene.kernels.shape == (3, 3, 3, 3)
    assert not panel.groups_note.isVisible()
    assert panel.groups_note.text() == ""


def test_six_kernels_in_three_groups_share_their_channels(qtbot):
    studio = lesson("depthwise.json")
    panel = SettingsPanel(studio)
    qtbot.addWidget(panel)
    panel.kernels.setValue(6)
    assert studio.document.scene.groups == 3
    assert panel.groups_note.text() == (
        "3 groups (depthwise): kernel 1 sees channel R; kernel 2 sees channel R; "
        "kernel 3 sees channel G; kernel 4 sees channel G; kernel 5 sees channel B; "
        "kernel 6 sees channel B."
    )


def test_groups_falling_back_to_1_are_reported(qtbot, messages):
    studio = Studio(load_scene(resource_dir() / "scenes" / "depthwise.json"))
    panel = SettingsPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.kernels.setValue(4)
    assert studio.document.scene.groups == 1 and panel.groups.value() == 1
    assert messages[-1] == (
        "3 groups do not divide 3 channels and 4 kernels, so the groups are back to 1. "
        "Ctrl+Z undoes this."
    )
    studio.document.undo()
    assert studio.document.scene.groups == 3


def test_depthwise_asked_too_early_says_to_set_the_kernels_first(qtbot, messages):
    studio = Studio(load_scene(resource_dir() / "scenes" / "rgb-one-kernel.json"))
    panel = SettingsPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.groups.setValue(3)  # 3 channels, but 1 kernel
    assert messages[-1] == (
        "3 groups must divide both the 3 input channels and the 1 kernel, and they do not. "
        "Set the kernels to a multiple of 3 first, then the groups. "
        "The settings stay as they were."
    )
    panel.kernels.setValue(3)
    panel.groups.setValue(3)
    assert studio.document.scene.groups == 3
