"""The stage of a transposed convolution: stepped by input cells, its output map shows the
running sums and each cell's count of contributions (shaded: the checkerboard of kernel 3
at stride 2), the input cell read and the cells it adds to lit; stepped by output cells,
its input drawn stuffed with zeros and padded, the window over it, the equation as a
convolution's. The switch between the two from the View menu and from the Layers panel
(undo brings it back), its kernels typed in its block, the receptive field lit over the
stuffed map.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from test_qt_small_screen import open_window, settle
from test_qt_stage_stack import grid_of, look, move_to

from convstudio.engine.layers import Conv2d, ConvTranspose2d, Pool2d
from convstudio.model import Scene, format_number
from convstudio.model.stack_marks import field_of
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.kernel_panel import KernelSlice

NINE = np.arange(1.0, 10.0).reshape(1, 3, 3)
FIRST = 9  # steps of the 1×1 convolution before the transposed one


def checkerboard(stepping: str = "scatter") -> Scene:
    """3×3 input passed on by a 1×1 convolution, then kernel 3 of ones at stride 2: 7×7."""
    layers = (Conv2d(np.ones((1, 1, 1, 1))), ConvTranspose2d(np.ones((3, 3)), stride=2))
    if stepping != "scatter":
        layers = (layers[0], ConvTranspose2d(np.ones((3, 3)), stride=2, stepping=stepping))
    return Scene(NINE, layers=layers, title="checkerboard")


@pytest.fixture
def scatter(qtbot):
    return open_window(qtbot, checkerboard(), (1280, 720))


@pytest.fixture
def gather(qtbot):
    return open_window(qtbot, checkerboard("gather"), (1280, 720))


def counts(grid) -> list[list[str | None]]:
    model = grid.model
    return [[look(grid, r, c).badge for c in range(model.columnCount())] for r in range(7)]


def texts(grid) -> list[list[str]]:
    model = grid.model
    return [[model.data(model.index(r, c)) for c in range(7)] for r in range(7)]


# ---------------------------------------------------------------- scatter


def test_a_scatter_map_shows_running_sums_and_counts_after_each_step(scatter):
    studio = scatter.studio
    grid = grid_of(scatter, 1)
    studio.playback.seek(FIRST)  # nothing scattered yet: every cell empty
    settle()
    assert all(text == "" for row in texts(grid) for text in row)
    assert all(badge is None for row in counts(grid) for badge in row)
    studio.playback.seek(FIRST + 2)  # input cells 1 and 2 scattered
    settle()
    assert texts(grid)[0] == ["1", "1", "3", "2", "2", "", ""]
    assert counts(grid)[0] == ["1", "1", "2", "1", "1", None, None]
    assert texts(grid)[3] == [""] * 7
    # The step's cells: written (and what the value read is multiplied by), no others.
    written = {(r, c) for r in range(7) for c in range(7) if look(grid, r, c).border}
    assert written == {(r, c) for r in range(3) for c in range(2, 5)}
    assert look(grid, 0, 2).weight == "1" and look(grid, 0, 0).weight is None
    # The input cell read is lit in the map before (the 1×1 convolution's output).
    source = scatter.output_panel.maps[0].model
    read = {
        (r, c)
        for r in range(3)
        for c in range(3)
        if source.data(source.index(r, c), LOOK_ROLE).background == look(grid, 0, 2).background
    }
    assert read == {(0, 1)}


def test_the_finished_scatter_shows_the_checkerboard_of_counts(scatter):
    studio = scatter.studio
    studio.playback.seek(studio.playback.total)
    settle()
    grid = grid_of(scatter, 1)
    rows = counts(grid)
    assert rows[0] == ["1", "1", "2", "1", "2", "1", "1"]
    assert rows[2] == ["2", "2", "4", "2", "4", "2", "2"]
    # Shaded by the count: four contributions darker than two, two darker than one.
    one, two, four = (look(grid, 0, 0), look(grid, 0, 2), look(grid, 2, 2))
    assert one.background.lightness() > two.background.lightness() > four.background.lightness()
    assert texts(grid)[2][2] == "12"  # 1 + 2 + 4 + 5
    # The cells are sized for the counts and the step's weights: two lines.
    assert grid.table.model().badge_texts() == ("4",)


def test_the_equation_of_a_scatter_step_names_the_input_cell(scatter):
    studio = scatter.studio
    studio.playback.seek(FIRST + 5)
    settle()
    lines = scatter.equation.text().splitlines()
    assert lines[0] == "Layer 2, input row 2, column 2 = 5"
    assert "5 × (1, 1, 1, 1, 1, 1, 1, 1, 1)" in lines[1]  # the model's words
    # Where the products go: the cells lit on the output map, in words.
    assert lines[-1] == "Added into output rows 3–5, columns 3–5"


def test_a_click_on_a_scattered_cell_shows_the_step_that_completes_it(qtbot, scatter):
    studio = scatter.studio
    grid = grid_of(scatter, 1)
    rect = grid.table.visualRect(grid.model.index(2, 2))
    qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert studio.current_layer == 1 and studio.layer_position(1) == 5


# ---------------------------------------------------------------- gather


def test_gather_draws_the_input_stuffed_and_padded_with_the_window_over_it(gather):
    studio = gather.studio
    studio.playback.seek(FIRST + 7 + 3)  # output row 2, column 3 (1-based)
    settle()
    source = gather.output_panel.maps[0].model
    assert (source.rowCount(), source.columnCount()) == (9, 9)
    shown = [source.data(source.index(2, c)) for c in range(9)]
    assert shown == ["0", "0", "1", "0", "2", "0", "3", "0", "0"]
    inserted = source.data(source.index(4, 5), LOOK_ROLE)  # between input (1, 1) and (1, 2)
    padding = source.data(source.index(0, 0), LOOK_ROLE)
    assert inserted.italic and inserted.background == padding.background
    assert source.data(source.index(4, 5), Qt.ItemDataRole.ToolTipRole) == (
        "A zero put between the map's cells"
    )
    assert source.headerData(3, Qt.Orientation.Vertical) == ""
    assert source.headerData(0, Qt.Orientation.Vertical) == "pad"
    assert source.headerData(4, Qt.Orientation.Vertical) == "2"
    window = {
        (r, c)
        for r in range(9)
        for c in range(9)
        if source.data(source.index(r, c), LOOK_ROLE).background.name() == "#ffd54a"
    }
    assert window == {(r, c) for r in range(1, 4) for c in range(2, 5)}
    assert gather.equation.text().splitlines()[0] == "Layer 2, output row 2, column 3 = 3"
    # A gather map fills cell by cell, without counts.
    grid = grid_of(gather, 1)
    assert look(grid, 0, 0).badge is None and grid.model.data(grid.model.index(1, 2)) == "3"
    assert grid.model.data(grid.model.index(1, 3)) == ""


def test_pointing_at_a_gathered_cell_lights_its_field_over_the_stuffed_map(gather):
    studio = gather.studio
    studio.playback.seek(studio.playback.total)
    settle()
    grid = grid_of(gather, 1)
    move_to(grid.table, 2, 2)
    assert field_of(studio).cell == (2, 0, 2, 2)
    source = gather.output_panel.maps[0].model
    lit = {
        (r, c) for r in range(9) for c in range(9) if source.data(source.index(r, c), LOOK_ROLE).lit
    }
    # Output (2, 2) reads input cells 0..1 along each axis: drawn at plane 2 and 4.
    assert lit == {(r, c) for r in (2, 4) for c in (2, 4)}


# ---------------------------------------------------------------- the switch


def test_the_view_menu_switches_the_stepping_and_undo_brings_it_back(scatter):
    studio = scatter.studio
    studio.playback.seek(FIRST + 4)
    settle()
    actions = scatter.stepping_actions
    assert scatter.stepping_menu.isEnabled() and actions["scatter"].isChecked()
    actions["gather"].trigger()
    settle()
    assert studio.document.scene.layers[1].stepping == "gather"
    assert actions["gather"].isChecked() and not actions["scatter"].isChecked()
    assert studio.current_layer == 1 and studio.layer_position(1) == 1
    assert grid_of(scatter, 1).model.counts_shown is False
    assert scatter.output_panel.maps[0].model.rowCount() == 9
    assert "stepped by output cells" in grid_of(scatter, 1).parent().heading.text()
    scatter.undo_action.trigger()
    settle()
    assert studio.document.scene.layers[1].stepping == "scatter"
    assert actions["scatter"].isChecked()
    assert grid_of(scatter, 1).model.counts_shown


def test_the_view_menu_s_switch_is_off_without_a_transposed_convolution(qtbot):
    window = open_window(qtbot, Scene(NINE, layers=(Conv2d(np.ones((1, 1, 1, 1))),)))
    assert not window.stepping_menu.isEnabled()
    window.set_stepping("gather")  # nothing to change: no crash, no edit
    assert not window.studio.document.can_undo


def test_the_layers_panel_switches_the_stepping_of_the_current_layer(scatter):
    studio = scatter.studio
    panel = scatter.layers_panel
    panel.list.setCurrentRow(1)
    settle()
    combo = panel.setting_widgets["stepping"]
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "scatter"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "input cells (scatter)",
        "output cells (gather)",
    ]
    combo.setCurrentIndex(combo.findData("gather"))
    settle()
    assert studio.document.scene.layers[1].stepping == "gather"
    assert studio.current_layer == 1 and studio.layer_position(1) == 1
    studio.document.undo()
    settle()
    assert panel.setting_widgets["stepping"].currentData() == "scatter"


# ---------------------------------------------------------------- the block


def test_the_transposed_convolution_s_kernels_are_typed_in_its_block(scatter):
    studio = scatter.studio
    (block,) = [b for b in scatter.stage.blocks if b.layer == 1]
    assert "transposed convolution 3×3, stride 2" in block.heading.text()
    (piece,) = block.kernel_slices()
    assert isinstance(piece, KernelSlice) and not piece.model.flipped
    piece.model.setData(piece.model.index(0, 2), "5")
    assert studio.document.scene.layers[1].kernels[0, 0, 0, 2] == 5
    settle()
    studio.playback.seek(studio.playback.total)
    settle()
    # Output (0, 2): input 1 times the weight typed (5), input 2 times weight (0, 0) (1).
    assert texts(grid_of(scatter, 1))[0][2] == "7"


# ---------------------------------------------------------------- a first layer of another type


def test_the_input_shows_the_window_of_a_first_layer_that_is_not_a_convolution(qtbot):
    x = np.arange(16.0).reshape(1, 4, 4)
    layers = (Pool2d("max_pool2d", 2, padding=1), Conv2d(np.ones((1, 1, 1, 1))))
    window = open_window(qtbot, Scene(x, layers=layers))
    inputs = window.input_panel.model
    assert (inputs.rowCount(), inputs.columnCount()) == (6, 6)  # padded by 1
    assert inputs.headerData(0, Qt.Orientation.Vertical) == "pad"
    window.studio.playback.seek(2)  # the pool's output (0, 1): input rows −1..0, cols 1..2
    settle()
    read = {
        (r, c)
        for r in range(6)
        for c in range(6)
        if inputs.data(inputs.index(r, c), LOOK_ROLE).background.name() == "#ffd54a"
    }
    assert read == {(r, c) for r in (0, 1) for c in (2, 3)}
    # Typing into a cell past the padding edits that input cell.
    inputs.setData(inputs.index(1, 1), "7")
    assert window.studio.document.scene.input[0, 0, 0] == 7


def test_stepped_by_output_cells_the_kernel_shows_flipped_as_the_equation_uses_it(qtbot):
    kernels = np.array([[1.0, 2.0], [3.0, 4.0]])
    scene = Scene(NINE, layers=(ConvTranspose2d(kernels, stride=2, stepping="gather"),))
    window = open_window(qtbot, scene)
    (block,) = window.stage.blocks
    (piece,) = block.kernel_slices()
    model = piece.model
    assert model.flipped and piece.title.text() == "flipped"
    shown = [[model.data(model.index(r, c)) for c in range(2)] for r in range(2)]
    assert shown == [["4", "3"], ["2", "1"]]
    window.studio.playback.seek(1)
    settle()
    # The equation's weights, term by term, are the kernel as shown.
    assert window.studio.layer_step[1].weights == (4.0, 3.0, 2.0, 1.0)
    # Typed where it shows: the weight typed at (0, 0) as shown is the kernel's (1, 1).
    model.setData(model.index(0, 0), "9")
    assert window.studio.document.scene.layers[0].kernels[0, 0, 1, 1] == 9


def test_pointing_at_a_scattered_cell_lights_the_input_cells_it_adds_up(qtbot):
    scene = Scene(NINE, layers=(ConvTranspose2d(np.ones((3, 3)), stride=2),))
    window = open_window(qtbot, scene)
    (block,) = window.stage.blocks
    move_to(block.maps[0].table, 2, 3)  # between input columns 0 and 1, on input row 1
    inputs = window.input_panel.model
    lit = {
        (r, c) for r in range(3) for c in range(3) if inputs.data(inputs.index(r, c), LOOK_ROLE).lit
    }
    assert lit == {(0, 1), (1, 1)}


def every_option(stepping: str) -> Scene:
    """Two channels, a 1×1 convolution to two maps, then a transposed convolution with two
    groups, padding, output padding, dilation and a bias, then another at stride 1."""
    x = np.arange(18.0).reshape(2, 3, 3) % 5
    rng = np.random.default_rng(1)
    layers = (
        Conv2d(np.array([[[[1.0]], [[0.0]]], [[[0.0]], [[1.0]]]])),
        ConvTranspose2d(
            rng.integers(-2, 3, (2, 2, 3, 3)).astype(float),
            bias=np.array([1.0, -1.0, 0.5, 0.0]),
            stride=2,
            padding=1,
            output_padding=1,
            dilation=1,
            groups=2,
            stepping=stepping,
        ),
        ConvTranspose2d(np.ones((4, 1, 2, 2)), stride=1, padding=(1, 0), stepping=stepping),
    )
    return Scene(x, layers=layers)


@pytest.mark.parametrize("stepping", ["scatter", "gather"])
def test_every_option_steps_through_and_every_map_ends_full(qtbot, stepping):
    window = open_window(qtbot, every_option(stepping))
    studio = window.studio
    evaluation = studio.evaluation
    playback = studio.playback
    while playback.position < playback.total:
        playback.next()
        for block in window.stage.blocks:  # every cell answers, at every step
            for grid in block.maps:
                model = grid.model
                for r in range(model.rowCount()):
                    for c in range(model.columnCount()):
                        model.data(model.index(r, c), LOOK_ROLE)
        assert window.equation.text()
    settle()
    for block in window.stage.blocks:
        for grid in block.maps:
            values = evaluation.maps[block.layer + 1][grid.model.channel]
            rows, cols = values.shape
            assert [
                [
                    grid.model.data(grid.model.index(*grid.model.padded.position(r, c)))
                    for c in range(cols)
                ]
                for r in range(rows)
            ] == [[format_number(v) for v in row] for row in values]
    # Four output maps of the grouped layer, each its kernels' heading with its bias.
    (grouped,) = [b for b in window.stage.blocks if b.layer == 1]
    assert len(grouped.kernels) == 4 and sorted(grouped.biases) == [0, 1, 2, 3]
    assert [len(k) for k in grouped.kernels] == [1, 1, 1, 1]
    window.close()
