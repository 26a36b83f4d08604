"""What the stage marks for a transposed convolution, in the model: its input map as it
reads it (stuffed with zeros between the cells and padded, or cut by a negative padding,
when stepped by output cells; as it is when stepped by input cells), the cells a scatter
step and a gather step mark, the running sums and counts of a scatter, the cell a click
jumps to, and the switch between the two ways (undoable, at a sensible step).

The scenes: a 1×1 convolution that passes the input on, then the transposed convolution
(the stack's first layer is a convolution, as every scene has one).
"""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.engine.layers import Conv2d, ConvTranspose2d
from convstudio.model import Scene, Studio
from convstudio.model.stack_marks import (
    PaddedMap,
    field_of,
    field_text,
    layer_title,
    padded_map,
    progress_of,
    scatter_targets,
    step_cells,
    stepping_layer,
)

IDENTITY = Conv2d(np.ones((1, 1, 1, 1)))
NINE = np.arange(1.0, 10.0).reshape(1, 3, 3)


def stack(transposed: ConvTranspose2d, x: np.ndarray = NINE, *more) -> Studio:
    return Studio(Scene(x, layers=(IDENTITY, transposed, *more)))


def checkerboard(stepping: str = "scatter") -> Studio:
    """3×3 input, kernel 3 of ones, stride 2: a 7×7 output with uneven counts."""
    return stack(ConvTranspose2d(np.ones((3, 3)), stride=2, stepping=stepping))


# ---------------------------------------------------------------- the map as it is read


def test_a_map_read_by_output_cells_is_stuffed_and_padded():
    studio = checkerboard("gather")
    p = padded_map(studio.evaluation, 1, 0)
    # Two zeros of padding (d·(k − 1) − p = 2), one zero between neighbouring cells.
    assert (p.top, p.left, p.spacing) == (2, 2, (2, 2))
    assert p.values.shape == (9, 9)
    assert p.values[2, 2:7:2].tolist() == [1, 2, 3]
    assert p.values[3].tolist() == [0] * 9
    assert p.position(1, 2) == (4, 6)
    assert p.cell_at(4, 6) == (1, 2)
    assert p.cell_at(3, 6) is None and p.inserted(3, 6)  # between rows 1 and 2
    assert p.cell_at(0, 0) is None and not p.inserted(0, 0)  # padding
    assert p.between_rows(3) and not p.between_rows(1) and not p.between_rows(4)


def test_a_negative_padding_cuts_the_stuffed_map():
    # k 3, s 2, p 3 on 4×4: 3×3 out; the equivalent convolution's padding is 2 − 3 = −1.
    x = np.arange(16.0).reshape(1, 4, 4)
    studio = stack(ConvTranspose2d(np.ones((3, 3)), stride=2, padding=3, stepping="gather"), x)
    p = padded_map(studio.evaluation, 1, 0)
    assert (p.top, p.left) == (-1, -1)
    assert p.values.shape == (5, 5)
    assert p.position(0, 0) == (-1, -1)  # cut off
    assert p.plane_cells([(0, 0), (1, 1)]) == {(1, 1)}
    assert p.cell_at(1, 1) == (1, 1) and p.values[1, 1] == x[0, 1, 1]
    assert p.cell_at(0, 0) is None and p.inserted(0, 0)


def test_a_map_read_by_input_cells_is_shown_as_it_is():
    p = padded_map(checkerboard("scatter").evaluation, 1, 0)
    assert p == PaddedMap(p.values, 0, 0, 3, 3)
    assert p.values.tolist() == NINE[0].tolist()


def test_an_ordinary_map_converts_as_before():
    p = PaddedMap(np.zeros((5, 5)), 1, 1, 3, 3)
    assert p.position(0, 0) == (1, 1) and p.cell_at(3, 3) == (2, 2)
    assert p.cell_at(0, 2) is None and not p.inserted(0, 2)


# ---------------------------------------------------------------- the cells a step marks


def test_a_scatter_step_reads_one_cell_and_writes_the_kernel_s_cells():
    studio = checkerboard()
    evaluation = studio.evaluation
    studio.playback.seek(9 + 5)  # the 5th input cell: row 1, column 1 (0-based)
    layer, step = studio.layer_step
    assert layer == 1 and step.operation == "scatter"
    source = padded_map(evaluation, 1, 0)
    assert step_cells(evaluation, layer, step, 1, 0, source).reads == {(1, 1)}
    target = padded_map(evaluation, 2, 0)
    writes = step_cells(evaluation, layer, step, 2, 0, target).writes
    assert writes == {(r, c) for r in range(2, 5) for c in range(2, 5)}


def test_a_gather_step_reads_its_window_over_the_stuffed_map():
    studio = checkerboard("gather")
    evaluation = studio.evaluation
    studio.playback.seek(9 + 7 + 3)  # output row 1, column 2 (0-based)
    layer, step = studio.layer_step
    assert step.writes == ((0, 1, 2),)
    source = padded_map(evaluation, 1, 0)
    cells = step_cells(evaluation, layer, step, 1, 0, source)
    assert cells.reads == {(r, c) for r in range(1, 4) for c in range(2, 5)}
    # The terms that are input cells sit where the map's cells are drawn.
    read = {source.position(*cell[1:]) for cell in step.reads if cell is not None}
    assert read == {(2, 2), (2, 4)} and read <= cells.reads


# ---------------------------------------------------------------- running sums and counts


def test_the_progress_is_the_layer_s_and_computed_once_per_frame():
    studio = checkerboard()
    progress = progress_of(studio)
    assert progress.of(0) is None  # the convolution fills cell by cell
    studio.playback.seek(9 + 2)
    now = progress.of(1)
    assert now is progress.of(1)  # asked by every grid: computed once
    expected = studio.evaluation.layers[1].progress(studio.evaluation.maps[1], 2)
    assert np.array_equal(now.values, expected.values)
    assert now.counts[0, 0].tolist() == [1, 1, 2, 1, 1, 0, 0]
    final = progress.final(1)
    assert final.counts[0, :3].tolist() == [[1, 1, 2, 1, 2, 1, 1]] * 2 + [[2, 2, 4, 2, 4, 2, 2]]


def test_every_running_sum_is_among_the_texts_the_cells_are_sized_for():
    studio = checkerboard()
    texts = progress_of(studio).texts(1)
    # Cell (2, 2) adds 1, 2, 4 and 5 (the corners' windows): 1, 3, 7, 12.
    assert {"1", "3", "7", "12"} <= texts
    assert progress_of(studio).texts(0) == frozenset()


def test_a_click_on_a_scattered_cell_shows_the_step_that_completes_it():
    studio = checkerboard()
    studio.show_cell(0, 2, 2, layer=1)
    # Cell (2, 2) gets its last contribution from input cell (1, 1): the 5th step.
    assert studio.layer_position(1) == 5
    studio.show_cell(0, 0, 0, layer=1)
    assert studio.layer_position(1) == 1


# ---------------------------------------------------------------- the title


def test_the_block_s_title_names_the_type_the_stride_and_the_way_it_steps():
    scatter, gather = (checkerboard(m).evaluation.layers[1] for m in ("scatter", "gather"))
    assert layer_title(2, scatter) == (
        "Layer 2: transposed convolution 3×3, stride 2, stepped by input cells"
    )
    assert layer_title(2, gather).endswith("stepped by output cells")


# ---------------------------------------------------------------- the switch


def test_the_switch_is_one_undoable_edit_and_starts_the_layer_again():
    studio = checkerboard()
    studio.playback.seek(9 + 4)
    studio.set_stepping(1, "gather")
    assert studio.document.scene.layers[1].stepping == "gather"
    assert studio.evaluation.counts == (9, 49)
    assert studio.current_layer == 1 and studio.layer_position(1) == 1
    studio.document.undo()
    assert studio.document.scene.layers[1].stepping == "scatter"
    assert studio.evaluation.counts == (9, 9)


@pytest.mark.parametrize(("before", "after"), [(5, 5), (9 + 9 + 2, 9 + 49 + 2)])
def test_the_switch_keeps_the_steps_before_and_after_the_layer(before, after):
    studio = stack(ConvTranspose2d(np.ones((3, 3)), stride=2), NINE, Conv2d(np.ones((1, 1, 1, 1))))
    studio.playback.seek(before)
    studio.set_stepping(1, "gather")
    assert studio.position == after


def test_the_menu_s_switch_changes_the_layer_being_stepped_else_the_first():
    studio = stack(
        ConvTranspose2d(np.ones((2, 2)), stride=2),
        NINE,
        ConvTranspose2d(np.ones((1, 1, 2, 2)), stride=2),
    )
    assert stepping_layer(studio) == 1
    studio.show_layer(2)
    assert stepping_layer(studio) == 2
    studio.show_layer(0)
    assert stepping_layer(studio) == 1
    assert stepping_layer(Studio(Scene(NINE, layers=(IDENTITY,)))) is None


def test_a_scatter_step_says_where_its_products_go():
    studio = checkerboard()
    studio.playback.seek(9 + 1)  # input cell (0, 0): output rows and columns 0–2
    step = studio.layer_step[1]
    assert scatter_targets(step) == "Added into output rows 1–3, columns 1–3"
    assert scatter_targets(step, maps=2) == "Added into output rows 1–3, columns 1–3 of map 1"
    studio.playback.seek(5)  # the 1×1 convolution's step: not a scatter
    assert scatter_targets(studio.layer_step[1]) is None


def test_a_receptive_field_of_half_pixels_is_written_as_a_decimal():
    # Kernel 2 at stride 2: r = 1 + (2 − 1)·1/2 = 3/2 input pixels.
    studio = Studio(Scene(NINE, layers=(ConvTranspose2d(np.ones((2, 2)), stride=2),)))
    assert field_text(studio.evaluation, 1) == "receptive field 1.5×1.5"
    hover = field_of(studio)
    hover.point_at(1, 0, 2, 3)
    assert hover.size_text() == "receptive field 1.5×1.5"
    assert hover.lit(0) == {(1, 1)}  # output (2, 3) comes from input (1, 1) alone
