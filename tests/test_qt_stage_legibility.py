"""The stage read from the back row: every lesson's digits at least the floor, the padding
headers named in the language in use and whole, the note at the stage's size, the step bar
unchanged while the quiz asks the size.

The digits' height is computed from the plan (the font the cells are drawn in at the planned
zoom); ``benchmarks/bench_legibility.py`` reads the same frames back by OCR.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from test_qt_language import speaking  # noqa: F401 (a fixture)
from test_qt_small_screen import (
    LESSONS,
    SIZES,
    check_whole_stage,
    lesson_window,
    open_window,
    settle,
)
from test_qt_stage_stack import STACKS

from convstudio.model.quiz import quiz_of
from convstudio.model.stage import LEGIBILITY_FLOORS
from convstudio.qt import style

FLOORS = LEGIBILITY_FLOORS  # the classroom's floors, defined once in the model


def digit_height(metrics: QFontMetricsF) -> float:
    """The height of the digits drawn in a font (the OCR's word boxes measure the same)."""
    return metrics.tightBoundingRect("0123456789").height()


def first_map_table(window):
    """The first output map's table: the output panel's, or in a stack without one (a
    transposed convolution alone) the first layer's block's."""
    if window.output_panel.maps and window.stage.head_layer is not None:
        return window.output_panel.maps[0].table
    return window.stage.blocks[0].maps[0].table


def planned_digit_height(window) -> float:
    """The output digits' height as drawn: the cells' font at the plan's zoom."""
    table = first_map_table(window)
    return digit_height(QFontMetricsF(table.itemDelegate().value_font))


@pytest.mark.parametrize("language", ["en", "zh_TW"])
@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_draws_its_digits_at_least_the_floor(
    qtbot,
    speaking,  # noqa: F811
    name,
    size,
    presenting,
    language,
):
    speaking(language)
    window = lesson_window(qtbot, name, size, presenting)
    window.studio.playback.seek(window.studio.playback.total)
    settle()
    plan = window.stage.plan
    assert plan is not None and not plan.scrolls
    # The cells' font is the plan's: drawn at its zoom.
    assert first_map_table(window).itemDelegate().value_font.pointSizeF() == (
        pytest.approx(style.VALUE_PT * plan.zoom)
    )
    scene = window.studio.document.scene
    # A stack has more to show: it is held to the floors of several channels; so is a
    # scene with a target, which shares the screen with the Training panel and its curve.
    several = scene.input.shape[0] > 1 or scene.is_stack or scene.target is not None
    assert planned_digit_height(window) >= FLOORS[(several, presenting, size)]


@pytest.mark.parametrize("language", ["en", "zh_TW"])
@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(STACKS))
def test_every_stack_draws_its_digits_at_least_the_multi_channel_floor(
    qtbot,
    speaking,  # noqa: F811
    name,
    size,
    presenting,
    language,
):
    """The stacks of ``test_qt_stage_stack.py`` (until the stack lessons ship): the whole
    stage shows, every layer's maps at the plan's zoom, the digits at the floor of several
    channels."""
    speaking(language)
    window = open_window(qtbot, STACKS[name](), size, presenting)
    window.studio.playback.seek(window.studio.playback.total)
    settle()
    check_whole_stage(window)
    assert window.stage.blocks
    zoom = window.stage.plan.zoom
    for block in window.stage.blocks:
        for grid in block.maps:
            font = grid.table.itemDelegate().value_font
            assert font.pointSizeF() == pytest.approx(style.VALUE_PT * zoom)
    assert planned_digit_height(window) >= FLOORS[(True, presenting, size)]


def test_digits_fill_more_of_a_cell_under_a_weight(qtbot):
    """The value under a weight fills at least 0.4 of its cell's height (0.37 before)."""
    window = lesson_window(qtbot, "zero-padding.json", (1920, 1080), True)
    table = window.input_panel.grids[0].table
    digits = digit_height(QFontMetricsF(table.itemDelegate().value_font))
    assert digits / table.rowHeight(0) >= 0.4


@pytest.mark.parametrize("language", ["en", "zh_TW", "zh_CN"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_padding_headers_are_named_in_the_language_and_whole(
    qtbot,
    speaking,  # noqa: F811
    language,
    size,
):
    speaking(language)
    window = lesson_window(qtbot, "zero-padding.json", size, True)
    table = window.input_panel.grids[0].table
    model = table.model()
    word = {"en": "pad", "zh_TW": "填充", "zh_CN": "填充"}[language]
    for orientation in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal):
        assert model.headerData(0, orientation) == word
    header = table.verticalHeader()
    metrics = QFontMetricsF(header.font())
    text = metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, word)
    # Whole in the row header (it was cut to "pa"): the word and the header's margins.
    assert header.width() >= text.width() + 4
    assert table.rowHeight(0) >= text.height()


def test_the_note_while_presenting_has_the_stages_text_size(qtbot):
    window = lesson_window(qtbot, "worked-example.json", (1920, 1080))
    window.set_presenting(True, full_screen=False)
    settle()
    equation = window.equation.font().pointSizeF()
    for label in (window.note.title, window.note.text):
        assert label.font().pointSizeF() >= style.EQUATION_PT
        assert label.font().pointSizeF() >= 0.6 * equation
    window.set_presenting(False, full_screen=False)
    assert window.note.text.font().pointSizeF() == style.UI_PT


@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
def test_the_step_bar_keeps_its_slider_and_layout_while_the_size_is_asked(qtbot, presenting):
    window = lesson_window(qtbot, "worked-example.json", (1280, 720), presenting)
    bar = window.transport
    speed = bar.speed.geometry()
    quiz = quiz_of(window.studio)
    quiz.set_on(True)
    window.studio.document.update_settings(stride=2)
    settle()
    assert quiz.asking_size
    assert "?" in bar.position_label.text()  # the number of steps would tell the size
    asking = {w: w.geometry() for w in (bar.slider, bar.speed, bar.position_label)}
    # The slider's place is kept (blank), the speed box does not stretch across it.
    assert bar.slider.width() > bar.width() // 3
    assert bar.speed.geometry() == speed
    quiz.guess_size(2, 2)
    settle()
    assert not quiz.asking_size and bar.slider.isVisible()
    assert {w: w.geometry() for w in asking} == asking
