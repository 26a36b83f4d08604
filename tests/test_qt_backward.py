"""The backward pass stepped in the window, both ways: the Step menu's switch (offered
with a target only) extends the steps, the keys step through the loss, a weight's
gradient, the gradient sent back and the update; the grids and the equation show each
step's numbers; switching off returns to the forward pass."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from test_model_backward import cnn_with_target, engine_steps, learn_x, seek_part
from test_model_stack import small_cnn
from test_qt_small_screen import check_whole_stage, open_window, settle

from convstudio.engine.layers import Conv2d
from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.backward import backward_of
from convstudio.model.numbers import format_number
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.equation_view import backward_lines
from convstudio.qt.kernel_panel import _GRAD_CURRENT
from convstudio.qt.layer_block import _WINNER
from convstudio.qt.stage import Stage


def shown(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def look(model, row: int, col: int):
    return model.data(model.index(row, col), LOOK_ROLE)


def learn_x_window(qtbot):
    return open_window(qtbot, learn_x().document.scene)


def test_the_switch_is_offered_with_a_target_and_extends_the_steps(qtbot):
    window = learn_x_window(qtbot)
    studio = window.studio
    forward = studio.evaluation.n_steps
    assert window.backward_action.isEnabled() and not window.backward_action.isChecked()
    window.backward_action.trigger()  # view → model
    assert backward_of(studio).on and window.backward_action.isChecked()
    total = forward + engine_steps(studio).n_steps
    assert studio.playback.total == total
    assert window.transport.slider.maximum() == total
    # End, then PageUp: the last update step is current.
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert studio.playback.position == total
    backward_of(studio).set_on(False)  # model → view
    assert not window.backward_action.isChecked()
    assert studio.playback.total == forward
    settle()
    assert window.equation.text().splitlines()[0].startswith("Output row 4, column 4")


def test_a_scene_without_a_target_offers_no_switch(qtbot):
    window = open_window(qtbot, load_scene(scene_path(DEFAULT_SCENE)))
    assert not window.backward_action.isEnabled()
    assert window.studio.playback.total == window.studio.evaluation.n_steps


def test_pagedown_steps_from_the_forward_pass_into_the_loss(qtbot):
    window = learn_x_window(qtbot)
    studio = window.studio
    window.set_backward(True)
    studio.playback.seek(studio.evaluation.n_steps)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    settle()
    lines = window.equation.text().splitlines()
    assert lines[0] == "Loss: ∂L/∂Y = 2(Y − T)/N, cell by cell"
    assert lines[1] == "∂L/∂Y = 2 × (0 − 429) / 16 = −53.625"
    output = window.output_panel.model
    assert shown(output)[0][:2] == ["-53.625", ""]
    assert look(output, 0, 0).border  # the cell written
    assert window.output_panel.title.text().startswith("∂L/∂ ")
    # T beside Y: the target's cell is marked in the Training panel.
    target = window.training_panel.target_grids[0].model()
    assert look(target, 0, 0).border and look(target, 0, 1) is None
    # And back: the forward pass's last step, its map and title as before.
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    settle()
    assert shown(output)[0][0] == "0"
    assert not window.output_panel.title.text().startswith("∂L/∂")
    assert look(target, 0, 0) is None


def test_a_weights_gradient_shows_in_the_kernel_and_lights_the_input(qtbot):
    window = learn_x_window(qtbot)
    studio = window.studio
    window.set_backward(True)
    seek_part(studio, "kernels", 0, 0)
    settle()
    engine = engine_steps(studio)
    grad = engine.gradients[0].parameters["kernels"][0, 0]
    kernel = window.kernel_panel.model
    # The first weight's gradient is computed; the others are not yet.
    assert not kernel.flipped
    cells = shown(kernel)
    assert cells[0][0] == format_number(grad[0, 0])
    assert cells[2][2] == ""
    assert look(kernel, 0, 0) == _GRAD_CURRENT
    step = backward_of(studio).current
    assert step is not None
    inputs = window.input_panel.grids[0].table.model()
    met = [cell for cell in step.factor_cells if cell is not None]
    p = window.input_panel.grids[0].table.model()._plane
    for _c, r, col in met:
        r, col = p.position(r, col)
        assert look(inputs, r, col).border
    text = window.equation.text().splitlines()
    assert text[0] == "Layer 1: ∂L/∂W"
    assert text[1].startswith("∂L/∂W = (−53.625)×")
    assert text[1].endswith("= " + format_number(grad[0, 0]).replace("-", "−"))
    # The whole output's gradient is shown, every cell read.
    output = window.output_panel.model
    assert all(
        look(output, r, c).background == look(output, 0, 0).background
        for r in range(4)
        for c in range(4)
    )
    assert shown(output)[0][0] == "-53.625"
    assert not look(output, 3, 3).border  # the forward pass's last cell is not current


def test_the_forward_output_of_a_stack_marks_no_current_cell_in_the_backward_pass(qtbot):
    window = open_window(qtbot, cnn_with_target().document.scene)
    studio = window.studio
    window.set_backward(True)
    studio.playback.seek(16)
    settle()
    output = window.output_panel.model
    index = output.cell_index(3, 3)
    assert output.data(index, LOOK_ROLE).border  # layer 1's last step
    seek_part(studio, "input", 2, 0)
    settle()
    assert not output.data(index, LOOK_ROLE).border
    (block,) = [b for b in window.stage.blocks if b.layer == 2]
    assert "background" in block.heading.styleSheet()  # the layer stepped back is marked


def test_the_update_shows_the_new_weights(qtbot):
    window = learn_x_window(qtbot)
    studio = window.studio
    window.set_backward(True)
    seek_part(studio, "update", 0, 8)  # the last weight: all nine new
    settle()
    new = engine_steps(studio).updated()[0].kernels[0, 0]
    kernel = window.kernel_panel.model
    assert shown(kernel) == [[format_number(v) for v in row] for row in new]
    assert window.equation.text().splitlines()[0] == "Layer 1: update W ← W − η·∂L/∂W"
    # Off: the weights themselves again (zero).
    window.backward_action.trigger()
    settle()
    assert shown(kernel) == [["0"] * 3] * 3


def test_a_later_layer_s_input_gradient_fills_its_map(qtbot):
    window = open_window(qtbot, cnn_with_target().document.scene)
    studio = window.studio
    window.set_backward(True)
    engine = engine_steps(studio)
    (pool,) = [b for b in window.stage.blocks if b.layer == 2]  # max pool → map 3
    grid = pool.maps[0]
    seek_part(studio, "input", 3, 0)  # conv 2×2 sends its dL/dY back to map 3
    settle()
    expected = engine.gradients[3].input[0]
    cells = shown(grid.model)
    p = grid.model.padded
    values = [[cells[p.position(r, c)[0]][p.position(r, c)[1]] for c in range(2)] for r in range(2)]
    assert values == [[format_number(v) for v in row] for row in expected]
    assert grid.title.text().startswith("∂L/∂ ")
    assert window.equation.text().splitlines()[0] == "Layer 4: ∂L/∂X, sent back"
    # The max pool's own steps: the gradient to the winner, the pool's input filling.
    seek_part(studio, "input", 2, 0)
    settle()
    assert "winner" in window.equation.text()
    (relu,) = [b for b in window.stage.blocks if b.layer == 1]
    relu_cells = shown(relu.maps[0].model)
    filled = [v for row in relu_cells for v in row if v not in ("", None)]
    # The first window's four cells are known: the winner's gradient and three zeros.
    assert len(filled) == 4 and filled.count("0") >= 3
    winner = [float(v) for v in filled if v != "0"]
    progress = engine.input_progress(2, 1)
    np.testing.assert_allclose(winner, progress[np.nonzero(progress)])


def test_the_kernel_makes_room_for_its_gradients_when_switched_on(qtbot):
    window = learn_x_window(qtbot)
    kernel = window.kernel_panel.model
    with qtbot.waitSignal(kernel.content_changed):
        window.set_backward(True)
    grad = engine_steps(window.studio).gradients[0].parameters["kernels"][0, 0]
    assert format_number(grad[0, 0]) in set(kernel.texts()[0])
    with qtbot.waitSignal(kernel.content_changed):
        window.set_backward(False)
    assert format_number(grad[0, 0]) not in set(kernel.texts()[0])


def test_a_max_pool_s_window_and_winner_show_while_its_gradient_is_sent_back(qtbot):
    window = open_window(qtbot, cnn_with_target().document.scene)
    studio = window.studio
    window.set_backward(True)
    (pool,) = [b for b in window.stage.blocks if b.layer == 2]
    model = pool.kernels[0][0].table.model()
    seek_part(studio, "input", 2, 1)  # the pool's second window, sent back
    settle()
    forward = studio.evaluation.layers[2].step(studio.evaluation.maps[2], 1)
    values = [v for row in shown(model) for v in row]
    assert values == [format_number(v) for v in forward.values]
    rows, cols = model.rowCount(), model.columnCount()
    winners = [(r, c) for r in range(rows) for c in range(cols) if look(model, r, c) == _WINNER]
    assert winners == [divmod(forward.winner, cols)]
    # A step that sends nothing back through the pool: the window is empty again.
    seek_part(studio, "loss", 3, 0)
    settle()
    assert all(v in ("", None) for row in shown(model) for v in row)


def test_each_step_s_equation_stresses_the_number_it_writes_and_nothing_else():
    """Bold is the step's result wherever the sentence puts it: not the last word (the
    "here" of "… = 0: the gradient stops here", the "cells" of "… added to 9 cells")."""
    studio = cnn_with_target()
    backward = backward_of(studio)
    backward.set_on(True)
    steps = backward.steps
    assert steps is not None
    rules = set()
    for index in range(steps.n_steps):
        equation = backward.equation(index)
        assert equation is not None and equation.result
        line = backward_lines(backward, index)[1]
        bold = [piece.text for word in line for piece in word if piece.bold]
        assert bold == [equation.result], (index, str(equation))
        rules.add((steps.step(index).part, steps.step(index).rule))
    parts = {part for part, _rule in rules} | {rule for _part, rule in rules}
    assert {"loss", "kernels", "bias", "conv2d", "max", "relu", "update"} <= parts


def test_a_kernel_s_title_says_when_it_shows_gradients_or_new_weights(qtbot, monkeypatch):
    """The kernel's cells show ∂L/∂W (24567, in the weights' red), then the new weights:
    its title says so, as a map's does, and has the room for it."""
    window = learn_x_window(qtbot)
    studio = window.studio
    window.set_backward(True)
    settle()
    counted = []
    layout = Stage._relayout
    monkeypatch.setattr(Stage, "_relayout", lambda self: (counted.append(1), layout(self)))
    title = window.kernel_panel.kernel_titles[0]
    assert title.text() == "Kernel 3×3"
    # Room for every title it will show: the stage lays out for it once, not at a step.
    heading = window.kernel_panel.headings[0]
    assert heading.title_texts == ("∂L/∂ Kernel 3×3", "Kernel 3×3, updated")
    seek_part(studio, "kernels", 0, 4)
    settle()
    assert title.text() == "∂L/∂ Kernel 3×3"
    assert title.width() >= title.sizeHint().width() - 2
    check_whole_stage(window)
    seek_part(studio, "update", 0, 0)
    settle()
    assert title.text() == "Kernel 3×3, updated"
    assert title.width() >= title.sizeHint().width() - 2
    seek_part(studio, "loss", 0, 0)
    settle()
    assert title.text() == "Kernel 3×3"
    assert counted == []  # a new title at a step never lays the stage out again
    window.set_backward(False)
    settle()
    assert heading.title_texts == ()


def test_a_later_layer_s_kernels_are_titled_as_they_show(qtbot):
    scene = small_cnn()
    two = Conv2d(np.array([[[[1.0, -1.0], [0.5, 2.0]]], [[[0.0, 1.0], [1.0, 0.0]]]]))
    scene = scene.replace(layers=(*scene.layers[:3], two))
    final = Studio(scene).evaluation.final
    assert final is not None and final.shape[0] == 2
    window = open_window(qtbot, scene.replace(target=np.ones(final.shape)), (1920, 1080))
    studio = window.studio
    window.set_backward(True)
    settle()
    (block,) = [b for b in window.stage.blocks if b.layer == 3]
    titles = [pieces[0].title for pieces in block.kernels]
    assert [t.text() for t in titles] == ["Kernel 1", "Kernel 2"]
    seek_part(studio, "kernels", 3, 0)
    settle()
    assert [t.text() for t in titles] == ["∂L/∂ Kernel 1", "∂L/∂ Kernel 2"]
    check_whole_stage(window)
    seek_part(studio, "update", 3, 0)
    settle()
    assert [t.text() for t in titles] == ["Kernel 1, updated", "Kernel 2, updated"]
    seek_part(studio, "kernels", 0, 0)  # the first layer's: this one's are weights again
    settle()
    assert [t.text() for t in titles] == ["Kernel 1", "Kernel 2"]
