"""What View ▸ As a matrix shows: the current layer's M, the lit row following the steps,
the chosen channel and kernel, the refusal of a layer that is not linear."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convstudio.engine.layers import Activation, Conv2d, LayerStep, Pool2d
from convstudio.model import Scene, Studio
from convstudio.model.document import evaluate
from convstudio.model.matrix_view import matrix_choice_of, matrix_picture, plan_product
from convstudio.model.stage import Length
from tests.test_model_stack import small_cnn


def two_kernels() -> Scene:
    """Two channels of 4×4, two kernels of 2×2 (bias 0.5 and −1), no groups."""
    rng = np.random.default_rng(3)
    x = rng.integers(-5, 6, (2, 4, 4)).astype(float)
    kernels = rng.integers(-3, 4, (2, 2, 2, 2)).astype(float)
    return Scene(x, layers=(Conv2d(kernels, [0.5, -1.0]),))


def test_the_first_step_lights_the_first_row_and_m_times_x_is_that_channels_share():
    studio = Studio(two_kernels())
    studio.playback.seek(1)
    picture = matrix_choice_of(studio).picture()
    assert picture.refusal is None
    assert (picture.channel, picture.kernel, picture.lit_row) == (0, 0, 0)
    assert picture.matrix.shape == (9, 16)
    scene = studio.document.scene
    layer = scene.layers[0]
    total = (
        sum(matrix_picture(studio.evaluation, 0, None, c, 0).output for c in range(2))
        + layer.bias[0]
    )
    np.testing.assert_allclose(total, studio.evaluation.maps[1][0].ravel())
    # The lit row's entries are the kernel's first slice at the cells its window reads.
    assert list(picture.reads()) == [0, 1, 4, 5]
    assert "channel 1 → kernel 1" in picture.caption
    assert "and the bias" in picture.caption


def test_stepping_moves_the_lit_row_and_a_later_kernel_is_shown_by_default():
    studio = Studio(two_kernels())
    choice = matrix_choice_of(studio)
    studio.playback.seek(5)
    assert choice.picture().lit_row == 4
    studio.playback.seek(9 + 3)  # kernel 2's fourth output cell
    picture = choice.picture()
    assert (picture.kernel, picture.lit_row) == (1, 2)


def test_a_chosen_channel_and_kernel_hold_on_their_layer():
    studio = Studio(two_kernels())
    choice = matrix_choice_of(studio)
    studio.playback.seek(2)
    heard = []
    choice.changed.connect(lambda: heard.append(1))
    choice.choose(channel=1, kernel=1)
    assert heard == [1]
    picture = choice.picture()
    assert (picture.channel, picture.kernel) == (1, 1)
    assert picture.lit_row is None  # the current step is kernel 1's, not kernel 2's
    x = studio.evaluation.maps[0][1].ravel()
    np.testing.assert_array_equal(picture.input, x)
    studio.playback.seek(9 + 2)
    assert choice.picture().lit_row == 1


def test_a_kernel_of_another_group_shows_zeros_and_says_so():
    x = np.arange(2 * 3 * 3, dtype=float).reshape(2, 3, 3)
    scene = Scene(x, layers=(Conv2d(np.ones((2, 1, 2, 2)), groups=2),))
    picture = matrix_picture(evaluate(scene), 0, None, channel=1, kernel=0)
    assert not picture.in_group and not picture.matrix.any()
    assert "another group" in picture.caption
    # By default, the kernel's own channel.
    assert matrix_picture(evaluate(scene), 0, None, kernel=1).channel == 1


@pytest.mark.parametrize(
    ("layer", "words"),
    [
        (1, "Layer 2 (ReLU) has no matrix: it is not linear."),
        (2, "Layer 3 (max pool 2×2) has no matrix: it is not linear."),
    ],
)
def test_a_layer_that_is_not_linear_is_refused_in_a_line(layer, words):
    studio = Studio(small_cnn())
    studio.show_layer(layer)
    studio.playback.next()
    picture = matrix_choice_of(studio).picture()
    assert picture.layer == layer
    assert picture.refusal == words


def test_average_pooling_is_linear_but_not_shown():
    scene = Scene(np.ones((4, 4)), layers=(Conv2d(np.ones((1, 1))), Pool2d("avg_pool2d", 2)))
    picture = matrix_picture(evaluate(scene), 1, None)
    assert picture.refusal is not None and "linear, but only convolutions" in picture.refusal


def test_the_later_convolution_of_a_stack_reads_its_own_input():
    studio = Studio(small_cnn())
    studio.show_layer(3)
    studio.playback.next()
    picture = matrix_choice_of(studio).picture()
    assert picture.refusal is None and picture.lit_row == 0
    x = studio.evaluation.maps[3]
    np.testing.assert_array_equal(picture.input, x[0].ravel())
    np.testing.assert_allclose(picture.output, studio.evaluation.maps[4][0].ravel())
    assert picture.im2col is not None
    np.testing.assert_allclose(picture.im2col.output, picture.output)


def test_a_scatter_step_lights_the_column_of_its_input_cell():
    # A scatter step as the transposed convolution's engine gives it (the contract).
    scene = two_kernels()
    step = LayerStep(
        index=5,
        writes=((0, 2, 2),),
        reads=((1, 1, 1),),
        operation="scatter",
        values=(3.0,),
        result=3.0,
    )
    picture = matrix_picture(evaluate(scene), 0, (0, step))
    assert (picture.channel, picture.lit_column, picture.lit_row) == (1, 5, None)


def test_a_too_large_matrix_is_refused(monkeypatch):
    from convstudio.model import matrix_view

    monkeypatch.setattr(matrix_view, "MAX_MATRIX_ENTRIES", 100)
    picture = matrix_picture(evaluate(two_kernels()), 0, None)
    assert picture.refusal == (
        "This layer's matrix would be 9×16: too large to show (at most 100 entries)."
    )


def test_impossible_settings_have_no_matrix():
    scene = Scene(np.ones((2, 2)), layers=(Conv2d(np.ones((3, 3))),))
    picture = matrix_picture(evaluate(scene), 0, None)
    assert picture.refusal == "No matrix: the scene's settings are impossible."


def test_an_activation_alone_never_reaches_the_matrix():
    # A stack keeps a convolution; a non-linear layer's refusal names it by its short name.
    scene = Scene(np.ones((3, 3)), layers=(Conv2d(np.ones((1, 1))), Activation("tanh")))
    assert matrix_picture(evaluate(scene), 1, None).refusal == (
        "Layer 2 (tanh) has no matrix: it is not linear."
    )


def upsampling(stepping: str = "scatter") -> Scene:
    """2×2 → 4×4: a transposed convolution, kernel 2, stride 2 (the issue's first lesson)."""
    from convstudio.engine.layers import ConvTranspose2d

    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    kernel = np.array([[1.0, -1.0], [2.0, 0.5]])
    return Scene(x, layers=(ConvTranspose2d(kernel, stride=2, stepping=stepping),))


def test_a_transposed_convolution_is_shown_as_the_transpose_and_says_so():
    studio = Studio(upsampling())
    studio.playback.seek(2)  # the second input cell scattered
    picture = matrix_choice_of(studio).picture()
    assert picture.refusal is None and picture.transposed
    assert picture.matrix.shape == (16, 4)
    assert (picture.lit_row, picture.lit_column) == (None, 1)
    assert picture.caption.startswith("Mᵀ: the transpose of the matrix of the convolution")
    np.testing.assert_allclose(picture.output, studio.evaluation.maps[1][0].ravel())
    # The column lit is the kernel, landing where that input cell scatters it.
    assert sorted(picture.writes().tolist()) == [2, 3, 6, 7]
    assert "gather form" in picture.im2col_caption


def test_a_transposed_convolution_stepped_by_gather_lights_rows():
    studio = Studio(upsampling("gather"))
    studio.playback.seek(6)
    picture = matrix_choice_of(studio).picture()
    assert (picture.lit_row, picture.lit_column) == (5, None)
    assert picture.im2col is not None
    np.testing.assert_allclose(picture.im2col.output, picture.output)


# -- the product's plan ------------------------------------------------------------------

LENGTHS = st.builds(Length, st.floats(0, 12), st.floats(0.05, 3))


@given(
    st.integers(1, 300),
    st.integers(1, 300),
    st.tuples(st.integers(50, 4000), st.integers(50, 3000)),
    st.lists(LENGTHS, min_size=5, max_size=5),
)
@settings(max_examples=200, deadline=None)
def test_a_product_fits_its_room_at_its_font_or_scrolls_at_the_smallest(rows, cols, room, lengths):
    cell_width, cell_height, labels, right, heading = lengths
    kwargs = dict(
        cell_width=cell_width,
        cell_height=cell_height,
        labels=labels,
        right=right,
        heading=heading,
        smallest=20.0,
        largest=60.0,
    )
    plan = plan_product(rows, cols, room, **kwargs)
    assert 20.0 <= plan.font <= 60.0
    assert plan.width == plan.labels + cols * plan.cell_width + plan.right
    assert plan.height == plan.heading + (rows + 1) * plan.cell_height
    fits = plan.width <= room[0] and plan.height <= room[1]
    assert plan.scrolls == (not fits)
    if plan.scrolls:
        assert plan.font == 20.0
    # More room never gives smaller numbers.
    larger = plan_product(rows, cols, (room[0] + 100, room[1] + 100), **kwargs)
    assert larger.font >= plan.font - 1e-9


def test_the_lessons_convolution_and_its_transpose_are_a_matrix_and_its_transpose():
    from convstudio.model import load_scene, resource_dir

    studio = Studio(load_scene(resource_dir() / "scenes" / "convolution-transpose.json"))
    choice = matrix_choice_of(studio)
    studio.show_layer(0)
    first = choice.picture()
    studio.show_layer(1)
    second = choice.picture()
    assert first.matrix.shape == (4, 16) and second.transposed
    np.testing.assert_array_equal(second.matrix, first.matrix.T)
