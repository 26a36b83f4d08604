"""Channels and kernels in the views: one input grid per channel, one kernel table per
(kernel, slice), one output map per kernel, and the equation with a line per channel."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import type_into_cell
from lesson import WORKED_INPUT
from PySide6.QtCore import Qt

from convstudio.model import RGB, Studio, load_scene, resource_dir
from convstudio.qt import style
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.equation_view import EquationView
from convstudio.qt.input_panel import ChannelGrid, InputPanel
from convstudio.qt.kernel_panel import KernelPanel
from convstudio.qt.output_panel import OutputsPanel

ONES = [["1", "0", "1"], ["0", "1", "0"], ["1", "0", "1"]]
CENTRE = [["0", "0", "0"], ["0", "1", "0"], ["0", "0", "0"]]
CROSS = [["0", "(-1)", "0"], ["(-1)", "0", "(-1)"], ["0", "(-1)", "0"]]
SOBEL = [["1", "2", "1"], ["0", "0", "0"], ["(-1)", "(-2)", "(-1)"]]
RED, GREEN, BLUE = 0, 1, 2


def lesson(name: str) -> Studio:
    return Studio(load_scene(resource_dir() / "scenes" / name))


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def input_panel(qtbot, studio, messages=None):
    return shown(qtbot, InputPanel(studio, (messages if messages is not None else []).append))


def kernel_panel(qtbot, studio, messages=None):
    return shown(qtbot, KernelPanel(studio, (messages if messages is not None else []).append))


def marked(grid):
    """{(row, col): weight} of the cells of *grid* drawn as the receptive field."""
    model = grid.model
    out = {}
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            look = model.index(r, c).data(LOOK_ROLE)
            if look.weight is not None or look.border:
                assert look.border and look.weight is not None, (r, c, look)
                assert look.background == style.FIELD_BG
                out[(r, c)] = look.weight
    return out


def field(top, left, weights):
    return {(top + i, left + j): w for i, row in enumerate(weights) for j, w in enumerate(row)}


def titles(panel):
    return [(g.title.text(), g.title.isVisible(), g.title.isEnabled()) for g in panel.grids]


def grid_values(grid):
    model = grid.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# ---------------------------------------------------------------- input: one grid per channel


def test_one_channel_has_one_grid_titled_with_its_size(qtbot, studio):
    panel = input_panel(qtbot, studio)
    assert len(panel.grids) == 1
    assert panel.grids[0].channel == 0
    assert panel.grids[0].title.text() == "Input 6×6"
    studio.document.resize_input(5, 7)
    assert panel.grids[0].title.text() == "Input 5×7"
    assert panel.table is panel.grids[0].table


def test_rgb_has_three_named_grids(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = input_panel(qtbot, studio)
    assert [g.channel for g in panel.grids] == [0, 1, 2]
    assert titles(panel) == [("R", True, True), ("G", True, True), ("B", True, True)]
    assert grid_values(panel.grids[RED])[0] == ["18", "54", "51", "239", "244", "188"]
    assert grid_values(panel.grids[GREEN])[0] == ["241", "160", "175", "229", "148", "198"]
    assert grid_values(panel.grids[BLUE])[5] == ["24", "49", "248", "177", "225", "51"]


def test_numbered_channels_are_titled_by_number(qtbot, studio):
    panel = input_panel(qtbot, studio)
    studio.document.set_channels(2)
    assert len(panel.grids) == 2
    # A widget added to a shown layout is shown by a queued call: let it run.
    qtbot.waitUntil(lambda: panel.grids[1].isVisible())
    assert titles(panel) == [("channel 1", True, True), ("channel 2", True, True)]
    assert grid_values(panel.grids[1]) == [["0"] * 6] * 6  # a new channel is zeros
    studio.document.set_channels(3, RGB)
    assert [t[0] for t in titles(panel)] == ["R", "G", "B"]


def test_three_channels_to_one_removes_the_grids_and_steps_cleanly(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = input_panel(qtbot, studio)
    studio.playback.seek(6)  # the field on every channel
    assert all(marked(g) for g in panel.grids)
    studio.document.set_channels(1)
    assert len(panel.grids) == 1
    assert panel.grids[0].title.text() == "Input 6×6"
    qtbot.waitUntil(lambda: len(panel.findChildren(ChannelGrid)) == 1)
    # Every step from here draws on the one grid left, with the R slice of the kernel.
    studio.playback.first()
    studio.playback.next()
    assert marked(panel.grids[0]) == field(0, 0, ONES)
    studio.playback.last()
    assert marked(panel.grids[0]) == field(3, 3, ONES)
    studio.playback.previous()
    assert marked(panel.grids[0]) == field(3, 2, ONES)
    np.testing.assert_array_equal(studio.evaluation.output[0][0], [429, 505, 686, 856])


def test_growing_the_channels_again_makes_fresh_grids(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = input_panel(qtbot, studio)
    studio.document.set_channels(1)
    studio.document.set_channels(3, RGB)
    assert [g.channel for g in panel.grids] == [0, 1, 2]
    assert grid_values(panel.grids[BLUE]) == [["0"] * 6] * 6
    studio.playback.seek(1)
    assert [bool(marked(g)) for g in panel.grids] == [True, True, True]


def test_the_receptive_field_is_on_every_channel_the_kernel_sees(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = input_panel(qtbot, studio)
    assert [marked(g) for g in panel.grids] == [{}, {}, {}]
    studio.playback.seek(1)
    assert marked(panel.grids[RED]) == field(0, 0, ONES)
    assert marked(panel.grids[GREEN]) == field(0, 0, CENTRE)
    assert marked(panel.grids[BLUE]) == field(0, 0, CROSS)
    studio.playback.seek(7)  # row 2, column 3
    assert [marked(g) for g in panel.grids] == [
        field(1, 2, ONES),
        field(1, 2, CENTRE),
        field(1, 2, CROSS),
    ]
    assert titles(panel) == [("R", True, True), ("G", True, True), ("B", True, True)]


def test_depthwise_marks_only_the_channel_the_current_kernel_sees(qtbot):
    studio = lesson("depthwise.json")
    panel = input_panel(qtbot, studio)
    studio.playback.seek(1)  # kernel 1, output (1, 1)
    assert [marked(g) for g in panel.grids] == [field(0, 0, ONES), {}, {}]
    assert titles(panel) == [
        ("R", True, True),
        ("G  (not seen)", True, False),
        ("B  (not seen)", True, False),
    ]
    studio.playback.show_step(16 + 5)  # kernel 2, output row 2, column 2
    assert [marked(g) for g in panel.grids] == [{}, field(1, 1, CENTRE), {}]
    assert titles(panel) == [
        ("R  (not seen)", True, False),
        ("G", True, True),
        ("B  (not seen)", True, False),
    ]
    assert panel.grids[0].title.toolTip() == "Kernel 2 does not see R."
    studio.playback.last()  # kernel 3, output (4, 4)
    assert [marked(g) for g in panel.grids] == [{}, {}, field(3, 3, SOBEL)]
    assert [t[0] for t in titles(panel)] == [
        "R  (not seen)",
        "G  (not seen)",
        "B",
    ]
    assert [g.title.toolTip() for g in panel.grids] == [
        "Kernel 3 does not see R.",
        "Kernel 3 does not see G.",
        "",
    ]
    studio.playback.first()  # no step: every channel plain
    assert titles(panel) == [("R", True, True), ("G", True, True), ("B", True, True)]


def test_editing_a_cell_of_channel_2_writes_input_channel_1(qtbot):
    studio = lesson("rgb-one-kernel.json")
    messages: list[str] = []
    panel = input_panel(qtbot, studio, messages)
    before = studio.document.scene.input.copy()
    type_into_cell(qtbot, panel.grids[GREEN].table, 2, 3, "7")
    x = studio.document.scene.input
    assert x[1, 2, 3] == 7
    expected = before.copy()
    expected[1, 2, 3] = 7
    np.testing.assert_array_equal(x, expected)  # R and B untouched
    assert panel.grids[GREEN].model.index(2, 3).data() == "7"
    assert panel.grids[RED].model.index(2, 3).data() == "113"
    assert messages == []


def test_editing_a_padded_channel_writes_the_input_cell_under_it(qtbot):
    studio = lesson("rgb-one-kernel.json")
    studio.document.update_settings(padding=1)
    panel = input_panel(qtbot, studio)
    type_into_cell(qtbot, panel.grids[BLUE].table, 1, 1, "-4")  # input row 1, column 1
    assert studio.document.scene.input[2, 0, 0] == -4
    np.testing.assert_array_equal(studio.document.scene.input[0], WORKED_INPUT)


# ---------------------------------------------------------------- kernels: one table per slice


def test_one_kernel_of_one_slice_is_titled_with_its_size_and_has_no_bias(qtbot, studio):
    panel = kernel_panel(qtbot, studio)
    assert set(panel.slices) == {(0, 0)}
    assert not panel.slices[0, 0].title.isVisible()
    assert [t.text() for t in panel.kernel_titles] == ["Kernel 3×3"]
    assert [b.isVisible() for b in panel.biases] == [False]


def test_an_rgb_kernel_has_a_slice_per_channel(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = kernel_panel(qtbot, studio)
    assert set(panel.slices) == {(0, 0), (0, 1), (0, 2)}
    assert [panel.slices[0, d].title.text() for d in range(3)] == [
        "× R",
        "× G",
        "× B",
    ]
    assert all(panel.slices[0, d].title.isVisible() for d in range(3))
    assert [t.text() for t in panel.kernel_titles] == ["Kernel 3×3"]
    assert panel.kernel_titles[0].isVisible()
    assert grid_values(panel.slices[0, 2]) == [
        ["0", "-1", "0"],
        ["-1", "0", "-1"],
        ["0", "-1", "0"],
    ]


def test_numbered_channels_name_the_slices_by_number(qtbot, studio):
    panel = kernel_panel(qtbot, studio)
    studio.document.set_channels(2)
    assert {k: s.title.text() for k, s in panel.slices.items()} == {
        (0, 0): "× channel 1",
        (0, 1): "× channel 2",
    }


def test_two_kernels_show_six_slices_and_their_biases(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = kernel_panel(qtbot, studio)
    assert set(panel.slices) == {(k, d) for k in range(2) for d in range(3)}
    assert {k: s.title.text() for k, s in panel.slices.items()} == {
        (k, d): f"× {n}" for k in range(2) for d, n in enumerate("RGB")
    }
    assert [t.isVisible() for t in panel.kernel_titles] == [True, True]
    assert [b.isVisible() for b in panel.biases] == [True, True]
    assert [b.value() for b in panel.biases] == [-100, 50]
    assert grid_values(panel.slices[1, 0])[1] == ["2", "0", "-2"]


def test_a_bias_spin_box_writes_its_kernels_bias(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = kernel_panel(qtbot, studio)
    panel.biases[1].setValue(2.5)
    assert studio.document.scene.bias.tolist() == [-100, 2.5]
    # Kernel 2 is a vertical-edge kernel on each channel: left column minus right column,
    # weighted 1, 2, 1. R: 163 − 405, G: 900 − 330, B: 724 − 561.
    assert studio.evaluation.output[1, 0, 0] == (163 - 405) + (900 - 330) + (724 - 561) + 2.5
    assert studio.evaluation.output[0, 0, 0] == -217  # kernel 1 untouched
    assert panel.biases[0].keyboardTracking() is False


def test_bias_spin_boxes_appear_only_with_the_bias(qtbot, studio):
    panel = kernel_panel(qtbot, studio)
    studio.document.set_bias_enabled(True)
    assert [(b.isVisible(), b.value()) for b in panel.biases] == [(True, 0)]
    panel.biases[0].setValue(3)
    assert studio.document.scene.bias.tolist() == [3]
    assert studio.evaluation.output[0, 0, 0] == 429 + 3
    studio.document.set_kernel_count(2)
    assert [(b.isVisible(), b.value()) for b in panel.biases] == [(True, 3), (True, 0)]
    studio.document.set_bias_enabled(False)
    assert [b.isVisible() for b in panel.biases] == [False, False]
    assert studio.document.scene.bias is None


def test_a_bias_set_in_the_document_shows_in_its_spin_box(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = kernel_panel(qtbot, studio)
    studio.document.set_bias_value(0, 12)
    assert [b.value() for b in panel.biases] == [12, 50]
    studio.document.undo()
    assert [b.value() for b in panel.biases] == [-100, 50]


def test_editing_a_slice_writes_that_kernel_and_slice(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = kernel_panel(qtbot, studio)
    before = studio.document.scene.kernels.copy()
    type_into_cell(qtbot, panel.slices[1, 2].table, 0, 2, "5")
    expected = before.copy()
    expected[1, 2, 0, 2] = 5
    np.testing.assert_array_equal(studio.document.scene.kernels, expected)


def test_depthwise_kernels_name_the_channel_each_sees(qtbot):
    studio = lesson("depthwise.json")
    panel = kernel_panel(qtbot, studio)
    assert set(panel.slices) == {(0, 0), (1, 0), (2, 0)}
    assert [panel.slices[k, 0].title.text() for k in range(3)] == [
        "× R",
        "× G",
        "× B",
    ]
    assert grid_values(panel.slices[2, 0]) == [["1", "2", "1"], ["0", "0", "0"], ["-1", "-2", "-1"]]


def test_the_current_kernel_is_marked(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = kernel_panel(qtbot, studio)
    assert [t.text() for t in panel.kernel_titles] == ["Kernel 1", "Kernel 2"]
    studio.playback.seek(1)
    assert [t.text() for t in panel.kernel_titles] == ["▶ Kernel 1", "Kernel 2"]
    studio.playback.seek(16)  # the last cell of map 1
    assert [t.text() for t in panel.kernel_titles] == ["▶ Kernel 1", "Kernel 2"]
    studio.playback.next()
    assert [t.text() for t in panel.kernel_titles] == ["Kernel 1", "▶ Kernel 2"]
    # One kernel fewer: the position is clamped into kernel 1 and the mark follows.
    studio.document.set_kernel_count(1)
    assert [t.text() for t in panel.kernel_titles] == ["Kernel 3×3"]  # the one, its size


def test_three_channels_to_one_leaves_one_slice(qtbot):
    studio = lesson("rgb-one-kernel.json")
    panel = kernel_panel(qtbot, studio)
    studio.document.set_channels(1)
    assert set(panel.slices) == {(0, 0)}
    assert not panel.slices[0, 0].title.isVisible()
    assert grid_values(panel.slices[0, 0]) == ONES


# ---------------------------------------------------------------- outputs: one map per kernel


def test_one_kernel_has_one_map_titled_output(qtbot, studio):
    panel = shown(qtbot, OutputsPanel(studio))
    assert [m.title.text() for m in panel.maps] == ["Output  4×4"]


def test_one_map_per_kernel(qtbot, studio):
    panel = shown(qtbot, OutputsPanel(studio))
    studio.document.set_kernel_count(3)
    assert [m.title.text() for m in panel.maps] == ["Map 1  4×4", "Map 2  4×4", "Map 3  4×4"]
    assert [m.model.rowCount() for m in panel.maps] == [4, 4, 4]
    studio.document.update_settings(stride=(1, 2))
    assert [m.title.text() for m in panel.maps] == ["Map 1  4×2", "Map 2  4×2", "Map 3  4×2"]
    studio.document.set_kernel_count(1)
    assert [m.title.text() for m in panel.maps] == ["Output  4×2"]


def test_clicking_a_cell_of_map_2_jumps_to_its_step(qtbot):
    studio = lesson("rgb-two-kernels.json")
    panel = shown(qtbot, OutputsPanel(studio))
    assert [m.title.text() for m in panel.maps] == ["Map 1  4×4", "Map 2  4×4"]
    table = panel.maps[1].table
    rect = table.visualRect(table.model().index(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Step = kernel·H·W + row·W + col = 16 + 4 + 2; position = step + 1.
    assert studio.position == 23
    step = studio.current
    assert (step.out_channel, step.out_row, step.out_col) == (1, 1, 2)
    map_1 = panel.maps[0].model
    assert all(map_1.index(r, c).data() != "" for r in range(4) for c in range(4))
    map_2 = panel.maps[1].model
    assert map_2.index(1, 2).data(LOOK_ROLE).border
    assert map_2.index(1, 3).data() == ""


def test_clicking_map_2_of_a_wide_output_counts_its_columns(qtbot):
    studio = lesson("rgb-two-kernels.json")
    studio.document.update_settings(stride=(1, 2))  # 4×2 maps
    panel = shown(qtbot, OutputsPanel(studio))
    table = panel.maps[1].table
    rect = table.visualRect(table.model().index(3, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert studio.position == 1 * 8 + 3 * 2 + 1 + 1
    assert (studio.current.out_channel, studio.current.out_row, studio.current.out_col) == (1, 3, 1)


# ---------------------------------------------------------------- equation: a line per channel


@pytest.fixture
def two_kernels_equation(qtbot):
    studio = lesson("rgb-two-kernels.json")
    view = EquationView(studio)
    qtbot.addWidget(view)
    view.resize(1600, 300)
    view.show()
    qtbot.waitExposed(view)
    return studio, view


def test_the_equation_has_a_line_per_channel_and_a_sum_with_the_bias(two_kernels_equation):
    studio, view = two_kernels_equation
    studio.playback.seek(1)
    assert view.text().split("\n") == [
        "Output row 1, column 1 = -217",
        "channel R: 18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429",
        "channel G: 241×0 + 160×0 + 175×0 + 213×0 + 57×1 + 14×0 + 233×0 + 1×0 + 127×0 = 57",
        "channel B: 179×0 + 159×(-1) + 87×0 + 216×(-1) + 41×0 + 219×(-1) + 113×0 + 9×(-1) "
        "+ 36×0 = -603",
        "429 + 57 + (-603) + bias (-100) = -217",
    ]


def test_the_equation_of_map_2(two_kernels_equation):
    studio, view = two_kernels_equation
    studio.playback.show_step(16)
    lines = view.text().split("\n")
    assert lines[0] == "Output row 1, column 1 of map 2 = 541"
    assert [line.split(":")[0] for line in lines[1:4]] == ["channel R", "channel G", "channel B"]
    # Left column minus right column, weighted 1, 2, 1: (18 + 2·55 + 35) − (51 + 2·75 + 204).
    assert lines[1].endswith("= -242")
    assert lines[4] == "(-242) + 570 + 163 + bias 50 = 541"
    # A bias of 0 is shown too, so the class sees that the layer has one.
    studio.document.set_bias_value(1, 0)
    assert view.text().split("\n")[4] == "(-242) + 570 + 163 + bias 0 = 491"


def test_the_equation_follows_a_new_bias(two_kernels_equation):
    studio, view = two_kernels_equation
    studio.playback.seek(1)
    studio.document.set_bias_value(0, 3)
    assert view.text().split("\n")[-1] == "429 + 57 + (-603) + bias 3 = -114"
    assert view.text().split("\n")[0] == "Output row 1, column 1 = -114"


@pytest.mark.parametrize("value", [2_500_000.5, -1e12, 0.125, 1e-7])
def test_a_bias_shows_and_keeps_any_value_a_scene_may_hold(qtbot, studio, value):
    from convstudio.qt.kernel_panel import KernelPanel

    studio.document.set_bias_value(0, value)
    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    box = panel.biases[0]
    assert box.value() == value  # not clipped to ±10⁶ nor rounded to 2 decimals
    box.setValue(box.value())  # touching it writes nothing new
    assert studio.document.scene.bias[0] == value


def test_a_bias_is_typed_as_a_cell_is(qtbot, studio):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from convstudio.qt.kernel_panel import KernelPanel

    studio.document.set_bias_enabled(True)
    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    box = panel.biases[0]
    box.lineEdit().selectAll()
    QTest.keyClicks(box, "-1,5")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert studio.document.scene.bias[0] == -1.5
    assert box.text() == "bias -1.5"
    assert box.sizeHint().width() < 300
