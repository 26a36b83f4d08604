"""The stage of a stack of layers: a block per later layer in the order the data flows, each
map filled as its layer's steps are done, the current step's cells and the current layer
marked, any layer's equation, receptive fields lit across maps, clicks that jump to a cell's
step; read-only while presenting, legible from the back row.

The stack lessons are other files; these scenes are built here: the small CNN of
``tests/test_model_stack.py`` (conv 3×3 → ReLU → max pool 2×2 → conv 2×2 on the worked
example), two and three 3×3 convolutions on 7×7 and 8×8, and an average pool with padding.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_model_stack import small_cnn
from test_qt_small_screen import check_whole_stage, open_window, settle

from convstudio.engine.layers import Conv2d, Pool2d
from convstudio.model import Scene
from convstudio.model.stack_marks import field_of
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.map_grid import MapGrid

CROSS = np.array([[0.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 0.0]])
CORNERS = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])


def two_convs() -> Scene:
    x = np.arange(49, dtype=float).reshape(7, 7) % 10
    return Scene(x, layers=(Conv2d(CORNERS), Conv2d(CROSS)), title="two 3×3")


def three_convs() -> Scene:
    x = np.arange(64, dtype=float).reshape(8, 8) % 9
    layers = (Conv2d(CORNERS), Conv2d(CROSS), Conv2d(np.ones((3, 3))))
    return Scene(x, layers=layers, title="three 3×3")


def average_with_padding() -> Scene:
    x = np.arange(36, dtype=float).reshape(6, 6) % 7
    layers = (
        Conv2d(np.array([[1.0, 0.0], [0.0, 1.0]]), padding=1),
        Pool2d("avg_pool2d", 3, stride=2, padding=1, count_include_pad=False),
    )
    return Scene(x, layers=layers, title="average")


STACKS = {
    "cnn": small_cnn,
    "two": two_convs,
    "three": three_convs,
    "average": average_with_padding,
}


@pytest.fixture
def cnn(qtbot):
    return open_window(qtbot, small_cnn(), (1280, 720))


def blocks(window):
    return window.stage.blocks


def grid_of(window, layer: int) -> MapGrid:
    """The first map grid of *layer*'s block."""
    (block,) = [b for b in blocks(window) if b.layer == layer]
    return block.maps[0]


def shown(grid: MapGrid) -> list[list[str]]:
    model = grid.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def look(grid: MapGrid, row: int, col: int):
    model = grid.model
    return model.data(model.index(row, col), LOOK_ROLE)


def move_to(table, row, col):
    """The pointer moves over a cell, as Qt delivers it: to the table's viewport."""
    centre = QPointF(table.visualRect(table.model().index(row, col)).center())
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        table.viewport().mapToGlobal(centre),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(table.viewport(), event)


def click(qtbot, table, row, col):
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ---------------------------------------------------------------- blocks


def test_each_later_layer_has_a_block_in_the_order_the_data_flows(cnn):
    assert [b.layer for b in blocks(cnn)] == [1, 2, 3]
    assert [b.heading.text() for b in blocks(cnn)] == [
        "Layer 2: ReLU",
        "Layer 3: max pool 2×2, stride 2",
        "Layer 4: convolution 2×2",
    ]
    plan = cnn.stage.plan
    assert len(plan.blocks) == 3
    boxes = [
        plan.input_box(),
        plan.map_box(),
        *(b.box() for b in plan.blocks),
    ]
    for before, after in itertools.pairwise(boxes):
        assert after.x >= before.right or after.y >= before.bottom
    # The pool shows its window, the convolution its kernel, ReLU nothing but its maps.
    kinds = [(len(b.kernels), len(b.maps)) for b in blocks(cnn)]
    assert kinds == [(0, 1), (1, 1), (1, 1)]
    check_whole_stage(cnn)


def test_a_scene_of_one_convolution_has_no_blocks(qtbot, studio):
    window = open_window(qtbot, studio.document.scene)
    assert blocks(window) == [] and window.stage.plan.blocks == ()
    assert window.kernel_panel.isVisible() and window.output_panel.isVisible()


# ---------------------------------------------------------------- model → view


def test_each_map_fills_as_its_layer_s_steps_are_done(cnn):
    studio = cnn.studio
    relu = grid_of(cnn, 1)
    assert all(text == "" for row in shown(relu) for text in row)
    studio.playback.seek(16 + 5)  # the convolution's 16 steps and five of ReLU's
    settle()
    texts = shown(relu)
    assert [t != "" for t in texts[0]] == [True] * 4 and texts[1][0] != ""
    assert texts[1][1] == ""
    assert texts[0][0] == "0"  # ReLU(−71)
    # The written cell is the current one; the read one is lit in the map before.
    assert look(relu, 1, 0).border
    conv_output = cnn.output_panel.maps[0].model
    read = conv_output.data(conv_output.index(1, 0), LOOK_ROLE)
    assert read.background == look(relu, 1, 0).background
    # The convolution's last cell is no longer marked current.
    last = conv_output.data(conv_output.index(3, 3), LOOK_ROLE)
    assert not last.border


def test_an_edit_of_the_input_reaches_every_map(cnn):
    studio = cnn.studio
    studio.playback.seek(studio.playback.total)
    settle()
    before = shown(grid_of(cnn, 3))
    studio.document.set_input_value(0, 0, 0, 9999)
    settle()
    after = shown(grid_of(cnn, 3))
    assert before != after
    final = studio.evaluation.maps[-1][0, 0, 0]
    assert after[0][0] == f"{final:g}"


def test_the_max_pool_marks_its_window_and_winner(cnn):
    studio = cnn.studio
    studio.playback.seek(16 + 16 + 1)  # the pool's first step
    settle()
    pool = next(b for b in blocks(cnn) if b.layer == 2)
    window = pool.kernels[0][0].table.model()
    values = [window.data(window.index(r, c)) for r in range(2) for c in range(2)]
    assert values == ["0", "5", "0", "292"]
    winners = [
        window.data(window.index(r, c), LOOK_ROLE).border for r in range(2) for c in range(2)
    ]
    assert winners == [False, False, False, True]
    # In the ReLU map the window is marked, its winner framed.
    relu = grid_of(cnn, 1)
    assert look(relu, 1, 1).border and not look(relu, 0, 0).border
    assert look(relu, 0, 0).background == look(relu, 1, 1).background


def test_the_average_pool_shows_the_padding_it_reads(qtbot):
    window = open_window(qtbot, average_with_padding())
    studio = window.studio
    studio.show_layer(1)
    settle()
    conv_map = window.output_panel.maps[0].model
    # The pool reads the convolution's 7×7 map with a row and column of padding around it:
    # shown there, the window reaching into it marked; the divisor says what it counts.
    assert (conv_map.rowCount(), conv_map.columnCount()) == (9, 9)
    vertical = Qt.Orientation.Vertical
    assert [conv_map.headerData(r, vertical) for r in (0, 1, 7, 8)] == ["pad", "1", "7", "pad"]
    padding = conv_map.data(conv_map.index(0, 0), LOOK_ROLE)
    inside = conv_map.data(conv_map.index(1, 1), LOOK_ROLE)
    beyond = conv_map.data(conv_map.index(3, 3), LOOK_ROLE)
    assert padding.italic and padding.background == inside.background != beyond.background
    assert conv_map.data(conv_map.index(0, 0)) == "0"
    # A click on padding shows no step; on a cell, its own.
    click(qtbot, window.output_panel.maps[0].table, 0, 0)
    assert studio.current_layer == 1
    click(qtbot, window.output_panel.maps[0].table, 1, 1)
    assert studio.position == 1
    studio.show_layer(1)
    settle()
    text = window.equation.text()
    assert text.startswith("Layer 2, output row 1, column 1 =")
    assert "/ 4 =" in text
    assert "The divisor 4 counts only the input's cells, not the padding." in text


# ---------------------------------------------------------------- equation


def test_the_equation_shows_every_layer_type_with_its_numbers(cnn):
    studio = cnn.studio
    studio.playback.seek(16 + 1)
    settle()
    assert cnn.equation.text().splitlines() == [
        "Layer 2, output row 1, column 1 = 0",
        "ReLU(−71) = 0",
    ]
    studio.playback.seek(16 + 16 + 1)
    settle()
    assert cnn.equation.text().splitlines()[1] == "max(0, 5, 0, 292) = 292"
    studio.playback.seek(studio.playback.total)
    settle()
    assert cnn.equation.text().startswith("Layer 4, output row 1, column 1 =")


def test_the_first_convolution_of_a_stack_names_its_layer(cnn):
    cnn.studio.playback.seek(1)
    settle()
    lines = cnn.equation.text().splitlines()
    assert lines[0] == "Layer 1, output row 1, column 1 = -71"
    assert lines[-1] == "429 + bias (-500) = -71"
    assert cnn.stage.heading.text() == "Layer 1: convolution 3×3"


def test_a_one_convolution_equation_is_unchanged(qtbot, studio):
    window = open_window(qtbot, studio.document.scene)
    studio = window.studio
    studio.playback.seek(1)
    settle()
    assert window.equation.text().splitlines()[0] == "Output row 1, column 1 = 429"


# ---------------------------------------------------------------- view → model


def test_clicking_a_cell_of_a_map_shows_its_step(qtbot, cnn):
    studio = cnn.studio
    grid = grid_of(cnn, 3)  # the last convolution's 1×1 map
    click(qtbot, grid.table, 0, 0)
    assert studio.position == studio.playback.total
    relu = grid_of(cnn, 1)
    click(qtbot, relu.table, 2, 1)
    assert studio.current_layer == 1
    assert studio.layer_position(1) == 2 * 4 + 1 + 1  # cell (2, 1): its 10th step
    assert studio.layer_step[1].writes == ((0, 2, 1),)


def test_pointing_at_a_cell_lights_its_field_in_every_earlier_map(qtbot, cnn):
    studio = cnn.studio
    studio.playback.seek(studio.playback.total)
    settle()
    pool = grid_of(cnn, 2)
    move_to(pool.table, 1, 1)
    field = field_of(studio)
    assert field.cell == (3, 0, 1, 1)
    # The pool's cell (1, 1) reads ReLU rows and columns 2–3, which read input 2–5 (0-based).
    relu = grid_of(cnn, 1)
    lit = {(r, c) for r in range(4) for c in range(4) if look(relu, r, c).lit}
    assert lit == {(r, c) for r in (2, 3) for c in (2, 3)}
    conv = cnn.output_panel.maps[0].model
    lit = {(r, c) for r in range(4) for c in range(4) if conv.data(conv.index(r, c), LOOK_ROLE).lit}
    assert lit == {(r, c) for r in (2, 3) for c in (2, 3)}
    inputs = cnn.input_panel.model
    lit = {
        (r, c) for r in range(6) for c in range(6) if inputs.data(inputs.index(r, c), LOOK_ROLE).lit
    }
    assert lit == {(r, c) for r in range(2, 6) for c in range(2, 6)}
    assert pool.title.text() == "2×2 · receptive field 4×4"
    # Leaving the grid puts the light out and the title back.
    QApplication.sendEvent(pool.table.viewport(), QEvent(QEvent.Type.Leave))
    assert field.cell is None
    assert not look(relu, 2, 2).lit and pool.title.text() == "2×2"


def test_pointing_at_the_last_map_lights_the_whole_field(qtbot):
    window = open_window(qtbot, three_convs(), (1920, 1080))
    grid = grid_of(window, 2)  # 2×2 map of the third convolution
    move_to(grid.table, 0, 0)
    assert grid.title.text() == "2×2 · receptive field 7×7"
    inputs = window.input_panel.model
    lit = {
        (r, c) for r in range(8) for c in range(8) if inputs.data(inputs.index(r, c), LOOK_ROLE).lit
    }
    assert lit == {(r, c) for r in range(7) for c in range(7)}


def test_pointing_at_the_first_output_lights_its_field_in_the_input(qtbot, cnn):
    table = cnn.output_panel.maps[0].table
    move_to(table, 0, 0)
    assert cnn.output_panel.maps[0].title.text() == "Output  4×4 · receptive field 3×3"
    inputs = cnn.input_panel.model
    lit = {
        (r, c) for r in range(6) for c in range(6) if inputs.data(inputs.index(r, c), LOOK_ROLE).lit
    }
    assert lit == {(r, c) for r in range(3) for c in range(3)}


# ---------------------------------------------------------------- the current layer


def test_the_current_layer_is_framed_and_its_heading_marked(cnn):
    studio = cnn.studio
    studio.playback.seek(5)
    settle()
    head = cnn.stage.current_box()
    plan = cnn.stage.plan
    assert head is not None and head.contains(plan.map_box())
    studio.show_layer(2)
    settle()
    assert cnn.stage.current_box() == plan.blocks[1].box()
    headings = [b.heading.styleSheet() for b in blocks(cnn)]
    assert headings[1] != headings[0] == headings[2]


def test_keys_step_across_the_layers(qtbot, cnn):
    studio = cnn.studio
    cnn.set_presenting(True, full_screen=False)
    settle()
    studio.playback.seek(16)
    cnn.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cnn)
    QTest.keyClick(cnn, Qt.Key.Key_PageDown)
    assert studio.position == 17 and studio.current_layer == 1
    QTest.keyClick(cnn, Qt.Key.Key_Left)
    assert studio.position == 16 and studio.current_layer == 0
    # Presenting, a click on a map does not move the playback.
    grid = grid_of(cnn, 3)
    click(qtbot, grid.table, 0, 0)
    assert studio.position == 16


def test_a_stack_focused_on_a_later_convolution_shows_every_layer_in_a_block(qtbot):
    window = open_window(qtbot, small_cnn(focus=3))
    assert [b.layer for b in blocks(window)] == [0, 1, 2, 3]
    assert not window.kernel_panel.isVisible() and not window.output_panel.isVisible()
    studio = window.studio
    studio.playback.seek(3)
    settle()
    # The input is shown as it is (the focused convolution reads another map).
    assert window.input_panel.model.rowCount() == 6
    assert window.equation.text().startswith("Layer 1, output row 1, column 3")
    check = window.stage.plan
    assert check is not None and not check.scrolls


# ---------------------------------------------------------------- smoke and legibility


@pytest.mark.parametrize("name", sorted(STACKS))
def test_a_stack_plays_through_every_step_and_closes_cleanly(qtbot, name):
    window = open_window(qtbot, STACKS[name]())
    playback = window.studio.playback
    seen_layers = set()
    while playback.position < playback.total:
        playback.next()
        seen_layers.add(window.studio.current_layer)
        assert window.equation.text()
    settle()
    assert seen_layers == set(range(len(window.studio.evaluation.layers)))
    # Every map is full at the end.
    for block in blocks(window):
        for grid in block.maps:
            assert all(text != "" for row in shown(grid) for text in row if grid.model)
    window.close()


def test_another_scene_replaces_the_blocks_and_undo_brings_them_back(qtbot, studio):
    window = open_window(qtbot, small_cnn())
    document = window.studio.document
    window.studio.playback.seek(window.studio.playback.total)
    document.set_scene(studio.document.scene)  # the worked example: one convolution
    settle()
    assert blocks(window) == [] and window.output_panel.isVisible()
    document.undo()
    settle()
    assert [b.layer for b in blocks(window)] == [1, 2, 3]
    # An edit makes the blocks again, showing the new numbers.
    document.set_input_value(0, 0, 0, 0)
    settle()
    window.studio.playback.seek(window.studio.playback.total)
    settle()
    final = window.studio.evaluation.maps[-1][0, 0, 0]
    assert shown(grid_of(window, 3)) == [[f"{final:g}"]]


def test_heat_maps_go_with_the_maps_they_stand_beside(qtbot):
    window = open_window(qtbot, small_cnn(focus=3))
    window.set_heat_maps(True)
    settle()
    assert all(m.isHidden() for m in window.output_panel.heat_maps())
    document = window.studio.document
    # (The side panel moves the focus; here an edit of the title carries it.)
    document.set_scene(document.scene.replace(focus=0, title="focused on layer 1"))
    settle()
    heat_maps = window.output_panel.heat_maps()
    assert heat_maps and all(m.isVisible() for m in heat_maps)
    check_whole_stage(window)


def test_focused_on_a_later_layer_the_input_still_shows_the_first_layer_s_window(qtbot):
    scene = Scene(
        np.arange(36, dtype=float).reshape(6, 6),
        layers=(Conv2d(CROSS, padding=1), Conv2d(CORNERS)),
        focus=1,
    )
    window = open_window(qtbot, scene)
    assert [b.layer for b in blocks(window)] == [0, 1]
    inputs = window.input_panel.model
    assert inputs.rowCount() == 8  # the first layer's padding
    window.studio.playback.seek(1)
    settle()
    weights = {
        (r, c): inputs.data(inputs.index(r, c), LOOK_ROLE).weight
        for r in range(8)
        for c in range(8)
        if inputs.data(inputs.index(r, c), LOOK_ROLE).weight is not None
    }
    assert weights == {(r, c): f"{CROSS[r, c]:g}" for r in range(3) for c in range(3)}
    window.studio.show_layer(1)
    settle()
    assert not any(
        inputs.data(inputs.index(r, c), LOOK_ROLE).border for r in range(8) for c in range(8)
    )


def test_an_average_pools_window_draws_its_padding_as_padding(qtbot):
    # The lesson on count_include_pad asks what the divisor counts: the padding in the
    # window must read as padding (grey, italic), not as values of the map.
    from convstudio.model import load_scene, scene_path

    window = open_window(qtbot, load_scene(scene_path("average-pooling")), (1280, 720))
    studio = window.studio
    studio.show_layer(1)  # the pool's first window: its top row and left column are padding
    settle()
    pool = next(b for b in blocks(window) if b.layer == 1)
    model = pool.kernels[0][0].table.model()
    looks = [[model.data(model.index(r, c), LOOK_ROLE) for c in range(2)] for r in range(2)]
    assert [[cell.italic for cell in row] for row in looks] == [[True, True], [True, False]]
    assert looks[0][0].foreground != looks[1][1].foreground


@pytest.mark.parametrize("name", ["one", "cnn"])
def test_the_stage_plans_again_only_when_its_parts_change(qtbot, monkeypatch, name):
    """New weights of the same widths (a training tick) keep the plan, a stack's blocks made
    again take the same places; wider numbers are planned anew."""
    scene = small_cnn() if name == "cnn" else Scene(np.arange(36.0).reshape(6, 6), CROSS)
    window = open_window(qtbot, scene)
    import convstudio.qt.stage as stage_module

    planned = []
    real = stage_module.plan_stage
    monkeypatch.setattr(
        stage_module, "plan_stage", lambda *a, **k: planned.append(1) or real(*a, **k)
    )
    document = window.studio.document
    kernels = np.array(document.scene.kernels)
    # A new scene and evaluation (new blocks for a stack) with numbers of the same widths.
    document.set_scene(document.scene.replace(kernels=kernels.copy()), undoable=False)
    settle()
    assert planned == []
    check_whole_stage(window)
    document.set_scene(document.scene.replace(kernels=kernels * 0 + 123456.5), undoable=False)
    settle()
    assert planned  # wider numbers need wider cells
    check_whole_stage(window)
