"""Quiz mode in the views: "?" while hidden, the number once revealed; guesses typed in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_qt_language import speaking  # noqa: F401 (a fixture)

from convstudio.model.quiz import QuizState, Score, quiz_of
from convstudio.qt.equation_view import EquationView
from convstudio.qt.output_panel import OutputPanel
from convstudio.qt.quiz_view import QuizView


@pytest.fixture
def views(qtbot, studio, messages):
    equation, output, bar = (
        EquationView(studio),
        OutputPanel(studio),
        QuizView(studio, messages.append),
    )
    for view in (equation, output, bar):
        qtbot.addWidget(view)
        view.show()
    quiz_of(studio).set_on(True)
    return equation, output, bar


def type_guess(bar, text):
    bar.guess_box.clear()
    bar.guess_box.insert(text)
    QTest.keyClick(bar.guess_box, Qt.Key.Key_Return)


# ---------------------------------------------------------------- model → widget


def test_a_hidden_value_shows_a_question_mark(studio, views):
    equation, output, bar = views
    studio.playback.next()
    assert equation.text().split("\n")[0] == "Output row 1, column 1 = ?"
    assert equation.text().endswith("204×1 = ?")
    assert output.model.index(0, 0).data() == "?"
    assert bar.guess_box.isEnabled() and bar.score.text() == "0 of 0 right"


def test_revealed_it_shows_the_number(studio, views):
    equation, output, bar = views
    studio.playback.next()
    quiz_of(studio).reveal()
    assert equation.text().split("\n")[0] == "Output row 1, column 1 = 429"
    assert output.model.index(0, 0).data() == "429"
    assert not bar.guess_box.isEnabled()
    studio.playback.next()  # the earlier cell stays shown, the new one is hidden
    assert [output.model.index(0, c).data() for c in range(3)] == ["429", "?", ""]


def test_off_nothing_is_hidden(studio, views):
    equation, output, bar = views
    studio.playback.next()
    quiz_of(studio).set_on(False)
    assert output.model.index(0, 0).data() == "429"
    assert equation.text().endswith("= 429")
    assert bar.isHidden()


def test_a_settings_change_hides_the_map_until_its_size_is_guessed(studio, views):
    equation, output, bar = views
    studio.document.update_settings(padding=1)
    assert output.model.rowCount() == 0 and output.title.text() == "Output  ?×?"
    assert "how large is the output" in equation.text()
    assert bar.prompt.text() == "Output size (rows × columns):"
    type_guess(bar, "6×6")
    assert output.model.rowCount() == 6 and output.title.text() == "Output  6×6"
    assert bar.said.text().startswith("Your 6×6: right!")
    assert "⌊(6 + 2·1 − 3)/1⌋ + 1 = 6" in bar.said.text()
    assert bar.score.text() == "1 of 1 right"


# ---------------------------------------------------------------- widget → model


def test_a_typed_guess_records_a_verdict(studio, views, messages):
    equation, output, bar = views
    studio.playback.next()
    type_guess(bar, "430")
    quiz = quiz_of(studio)
    assert quiz.verdict is not None and not quiz.verdict.right
    assert quiz.score == Score(0, 1) and messages == []
    assert (
        equation.text().split("\n")[0]
        == "Output row 1, column 1 = 429 — your 430: wrong, it is 429"
    )
    assert output.model.index(0, 0).data() == "429"
    studio.playback.next()
    type_guess(bar, "505")
    assert equation.text().split("\n")[0].endswith("— your 505: right!")
    assert bar.score.text() == "1 of 2 right"


def test_a_bad_guess_says_why_and_records_nothing(studio, views, messages):
    _, output, bar = views
    studio.playback.next()
    type_guess(bar, "four hundred")
    assert messages == ["“four hundred” is not a number."]
    quiz = quiz_of(studio)
    assert quiz.state is QuizState.HIDDEN and quiz.score == Score(0, 0)
    assert output.model.index(0, 0).data() == "?"


def test_a_bad_size_says_what_to_type(studio, views, messages):
    _, output, bar = views
    studio.document.update_settings(stride=2)
    type_guess(bar, "2")
    assert len(messages) == 1 and "rows × columns" in messages[0]
    assert quiz_of(studio).asking_size and output.model.rowCount() == 0


def test_the_reveal_button(qtbot, studio, views):
    _, output, bar = views
    studio.playback.next()
    qtbot.mouseClick(bar.reveal_button, Qt.MouseButton.LeftButton)
    assert output.model.index(0, 0).data() == "429"
    assert quiz_of(studio).score == Score(0, 0)


# ---------------------------------------------------------------- on the stage, whole


def whole_width(label) -> float:
    """The width *label*'s text needs as drawn (Chinese glyphs from a fallback font)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    metrics = QFontMetricsF(label.font())
    return metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, label.text()).width()


def wrapped_height(label) -> float:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    metrics = QFontMetricsF(label.font())
    box = QRectF(0, 0, label.width(), 1e6)
    return metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, label.text()).height()


def check_whole(window, widgets) -> None:
    """Each of *widgets* shows its text whole, inside the stage and over no other part."""
    from test_qt_small_screen import in_stage

    stage = window.stage.rect()
    for widget in widgets:
        assert widget.isVisible(), widget.text()
        rect = in_stage(window, widget)
        assert stage.contains(rect), widget.text()
        if widget.wordWrap():  # the answer wraps: all its lines, top to bottom
            assert widget.height() >= wrapped_height(widget), widget.text()
        else:
            assert widget.width() >= whole_width(widget), widget.text()
            assert widget.height() >= widget.fontMetrics().height() - 1, widget.text()
    equation = in_stage(window, window.equation)
    grids = [in_stage(window, p) for p in (*window.input_panel.grids, *window.output_panel.maps)]
    for widget in widgets:
        rect = in_stage(window, widget)
        assert not rect.intersects(equation) and not any(rect.intersects(g) for g in grids)


@pytest.mark.parametrize("language", ["en", "zh_TW"])
@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_quiz_reads_whole_on_the_stage(
    qtbot,
    speaking,  # noqa: F811
    language,
    presenting,
    size,
):
    from test_qt_small_screen import lesson_window, settle

    speaking(language)
    window = lesson_window(qtbot, "worked-example.json", size, presenting)
    bar, quiz = window.quiz_view, quiz_of(window.studio)
    quiz.set_on(True)
    settle()
    # The size question, then a wrong answer with its formula (it wrapped, clipped).
    window.studio.document.update_settings(stride=2)
    settle()
    check_whole(window, [bar.prompt, bar.score])
    quiz.guess_size(4, 4)
    settle()
    check_whole(window, [bar.prompt, bar.score, bar.said])
    # A value guessed and revealed: the score counts it.
    window.studio.playback.next()
    quiz.guess(0)
    settle()
    check_whole(window, [bar.prompt, bar.score])
    expected = {"en": "0 of 2 right", "zh_TW": "答對 0 題，共 2 題"}[language]
    assert bar.score.text() == expected
