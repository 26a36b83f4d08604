"""The equation view: the current step written out with the real numbers.

The view only shows; it never writes the model, so only the model → widget direction
exists here (the output panel's tests click cells to change the step)."""

from __future__ import annotations

import numpy as np
import pytest
from lesson import impossible_scene

from convstudio.model import PlaybackState, Studio
from convstudio.qt import style
from convstudio.qt.equation_view import HINT, EquationView, equation_lines, plain_text

FIRST = "18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429"
SECOND = "54×1 + 51×0 + 239×1 + 121×0 + 75×1 + 78×0 + 24×1 + 204×0 + 113×1 = 505"


@pytest.fixture
def view(qtbot, studio):
    view = EquationView(studio)
    qtbot.addWidget(view)
    view.resize(1200, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def lines(view):
    return view.text().split("\n")


def test_before_the_first_step_it_says_how_to_start(view):
    assert view.text() == HINT


def test_the_first_and_second_steps(view, studio):
    studio.playback.seek(1)
    assert lines(view) == ["Output row 1, column 1 = 429", FIRST]
    studio.playback.next()
    assert lines(view) == ["Output row 1, column 2 = 505", SECOND]
    studio.playback.previous()
    assert lines(view)[1] == FIRST


def test_the_last_step(view, studio):
    studio.playback.last()
    assert lines(view) == [
        "Output row 4, column 4 = 657",
        "235×1 + 25×0 + 130×1 + 159×0 + 78×1 + 233×0 + 214×1 + 245×0 + 0×1 = 657",
    ]
    studio.playback.first()
    assert view.text() == HINT


def test_playing_updates_the_equation_at_each_tick(view, studio):
    studio.playback.play()
    studio.playback.tick()
    studio.playback.tick()
    assert studio.playback.state is PlaybackState.PLAYING
    assert lines(view)[1] == SECOND


def test_an_edit_rewrites_the_current_equation(view, studio):
    studio.playback.seek(1)
    studio.document.set_input_value(0, 0, 0, -5)
    assert lines(view)[1].startswith("(-5)×1 + 54×0")
    assert lines(view)[1].endswith("= 406")
    studio.document.set_kernel_value(0, 0, 0, 1, 0.5)
    assert lines(view)[1].startswith("(-5)×1 + 54×0.5 + 51×1")
    assert lines(view)[1].endswith("= 433")


def test_padding_values_are_grey_and_italic(view, studio):
    studio.document.update_settings(padding="same")
    studio.playback.seek(1)
    assert lines(view)[1] == "0×1 + 0×0 + 0×1 + 0×0 + 18×1 + 54×0 + 0×1 + 55×0 + 121×1 = 139"
    words = equation_lines(studio.current)[1]
    values = [word[0] for word in words if len(word) == 2]  # (value, weight) words
    assert [v.italic for v in values] == [True, True, True, True, False, False, True, False, False]
    assert all(v.colour == style.PADDING_FG for v in values if v.italic)
    assert all(v.colour == style.TEXT_FG for v in values if not v.italic)
    assert all(word[1].colour == style.WEIGHT_FG for word in words if len(word) == 2)
    assert plain_text(equation_lines(studio.current)) == view.text()


def test_the_bias_is_added_on_its_own_line(view, studio):
    studio.document.set_scene(studio.document.scene.replace(bias=np.array([-10.0])))
    studio.playback.seek(1)
    assert lines(view) == ["Output row 1, column 1 = 419", FIRST, "429 + bias (-10) = 419"]


def test_several_channels_and_maps(view, studio):
    x = studio.document.scene.input[0]
    w = np.ones((2, 2, 2, 2))
    w[1] *= 2
    studio.document.set_scene(studio.document.scene.replace(input=np.stack([x, x + 1]), kernels=w))
    studio.playback.seek(26)  # map 2 (5×5 = 25 steps each), row 1, column 1
    assert lines(view) == [
        "Output row 1, column 1 of map 2 = 1000",
        "channel 1: 18×2 + 54×2 + 55×2 + 121×2 = 496",
        "channel 2: 19×2 + 55×2 + 56×2 + 122×2 = 504",
        "496 + 504 = 1000",
    ]


@pytest.mark.parametrize("studio", [Studio(impossible_scene())], ids=["opened impossible"])
def test_impossible_settings(view, studio):
    assert (
        view.text() == "No output: the settings are impossible (see the red note under the output)."
    )
    studio.document.resize_kernel(3, 3)  # mended
    assert view.text() == HINT


def test_a_large_kernel_wraps_instead_of_clipping(qtbot, view, studio):
    studio.document.resize_input(12, 12)
    studio.document.set_kernel(np.arange(81, dtype=float).reshape(9, 9))
    studio.playback.seek(1)
    assert lines(view)[1].count("×") == 81
    canvas = view.canvas
    narrow, wide = canvas.heightForWidth(400), canvas.heightForWidth(4000)
    assert narrow > wide > 0
    # Once laid out (a posted event), the canvas is as wide as the view, tall enough for
    # every row of terms, and the view scrolls vertically to reach them.
    qtbot.waitUntil(lambda: canvas.height() >= canvas.heightForWidth(canvas.width()))
    assert canvas.width() <= view.viewport().width()
    assert view.verticalScrollBar().maximum() >= canvas.height() - view.viewport().height()
    assert view.verticalScrollBar().maximum() > 0


def test_quiz_mode_hides_every_sum_not_the_products(view, studio):
    from convstudio.model.quiz import quiz_of

    studio.document.set_scene(studio.document.scene.replace(bias=np.array([-10.0])))
    studio.playback.seek(1)
    quiz_of(studio).set_on(True)
    assert lines(view) == [
        "Output row 1, column 1 = ?",
        FIRST[: -len("429")] + "?",
        "? + bias (-10) = ?",
    ]
    quiz_of(studio).reveal()
    assert lines(view) == ["Output row 1, column 1 = 419", FIRST, "429 + bias (-10) = 419"]
