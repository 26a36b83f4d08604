"""Quiz mode's rules, without Qt: what is hidden, verdicts, the score, settings and undo."""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.model import NumberError
from convstudio.model.quiz import (
    QuizError,
    QuizState,
    Score,
    is_right,
    parse_size,
    quiz_of,
)


@pytest.fixture
def quiz(studio):
    quiz = quiz_of(studio)
    quiz.set_on(True)
    return quiz


@pytest.fixture
def changes(quiz):
    seen: list[None] = []
    quiz.changed.connect(lambda: seen.append(None))
    return seen


def test_one_quiz_per_studio(studio):
    assert quiz_of(studio) is quiz_of(studio)
    assert quiz_of(studio).state is QuizState.OFF


def test_each_step_is_hidden_until_revealed(studio, quiz, changes):
    assert quiz.state is QuizState.REVEALED  # before the first step: nothing to hide
    studio.playback.next()
    assert quiz.state is QuizState.HIDDEN and quiz.value_hidden
    assert changes == []  # stepping is the studio's event, not the quiz's
    assert quiz.reveal() is True
    assert quiz.state is QuizState.REVEALED and quiz.verdict is None
    assert len(changes) == 1
    assert quiz.reveal() is False  # nothing left: the next-step key steps
    assert len(changes) == 1
    assert quiz.score == Score(0, 0)  # a reveal is not a guess
    studio.playback.next()
    assert quiz.state is QuizState.HIDDEN
    studio.playback.previous()  # back to a step already revealed
    assert quiz.state is QuizState.REVEALED


def test_guesses_are_scored_and_reveal(studio, quiz, changes):
    studio.playback.next()  # 429
    wrong = quiz.guess(430)
    assert (wrong.guess, wrong.truth, wrong.right) == (430, 429, False)
    assert quiz.state is QuizState.REVEALED and quiz.verdict == wrong
    assert len(changes) == 1
    studio.playback.next()  # 505
    assert quiz.verdict is None
    assert quiz.guess(505).right
    assert quiz.score == Score(1, 2)
    with pytest.raises(QuizError):
        quiz.guess(505)  # already revealed: one guess per step
    assert quiz.score == Score(1, 2) and len(changes) == 2


def test_nothing_to_guess_before_the_first_step_or_when_off(studio, quiz):
    with pytest.raises(QuizError):
        quiz.guess(1)
    quiz.set_on(False)
    studio.playback.next()
    assert quiz.state is QuizState.OFF and not quiz.value_hidden
    with pytest.raises(QuizError):
        quiz.guess(429)
    assert quiz.reveal() is False


def test_the_rule_for_right():
    assert is_right(429, 429.0) and not is_right(429.4, 429)  # whole numbers: exact
    assert is_right(106.0, 106.449) and not is_right(105.9, 106.449)  # 0.5 %
    assert is_right(-2.01, -2.005) and not is_right(2.005, -2.005)


def test_turning_on_again_starts_a_new_run(studio, quiz):
    studio.playback.next()
    quiz.guess(429)
    quiz.set_on(False)
    quiz.set_on(True)
    assert quiz.score == Score(0, 0)
    assert quiz.state is QuizState.HIDDEN


def test_a_settings_change_asks_the_size_before_the_map(studio, quiz, changes):
    studio.playback.seek(3)
    studio.document.update_settings(padding=1)
    assert quiz.state is QuizState.ASKING_SIZE and quiz.value_hidden
    assert len(changes) == 1
    studio.document.update_settings(padding=2)  # asked already: said once
    assert quiz.asking_size and len(changes) == 1


def test_a_size_guess_is_scored_with_the_formula(studio, quiz, changes):
    studio.playback.seek(3)
    studio.document.update_settings(padding=1)
    assert studio.position == 3  # the quiz never moves the playback
    with pytest.raises(QuizError):
        quiz.guess(1)  # the size comes first
    verdict = quiz.guess_size(4, 4)
    assert not verdict.right and verdict.truth == (6, 6)
    assert verdict.formulas == ("⌊(6 + 2·1 − 3)/1⌋ + 1 = 6",) * 2
    assert quiz.size_verdict == verdict
    assert quiz.state is QuizState.HIDDEN  # then the value, as at every step
    assert quiz.score == Score(0, 1) and len(changes) == 2
    with pytest.raises(QuizError):
        quiz.guess_size(6, 6)
    studio.playback.next()
    assert quiz.size_verdict is None  # said once, then the lesson moves on


def test_revealing_the_size_scores_nothing(studio, quiz):
    studio.document.update_settings(stride=2)
    assert quiz.reveal() is True
    assert quiz.size_verdict.guess is None and quiz.size_verdict.truth == (2, 2)
    assert quiz.score == Score(0, 0)
    assert quiz.state is QuizState.REVEALED  # position 0: no value to hide


def test_a_value_edit_asks_no_size_but_hides_a_changed_value(studio, quiz, changes):
    studio.playback.next()
    quiz.reveal()
    studio.document.set_input_value(0, 5, 5, 1)  # outside the first window
    assert quiz.state is QuizState.REVEALED
    studio.document.set_input_value(0, 0, 0, 0)  # 429 becomes 411
    assert quiz.state is QuizState.HIDDEN
    studio.document.undo()  # 429 again: it was revealed
    assert quiz.state is QuizState.REVEALED
    assert len(changes) == 1


def test_undo_before_the_answer_takes_the_question_back(studio, quiz, changes):
    studio.playback.next()
    studio.document.update_settings(stride=2)
    assert quiz.asking_size
    studio.document.undo()
    assert not quiz.asking_size and quiz.state is QuizState.HIDDEN
    assert len(changes) == 2  # asked, then taken back
    assert quiz.score == Score(0, 0)


def test_a_size_known_in_this_run_is_not_asked_again(studio, quiz):
    studio.document.update_settings(stride=2)
    quiz.guess_size(2, 2)
    studio.document.undo()  # back to 4×4, which the class saw
    assert not quiz.asking_size
    studio.document.redo()  # and 2×2, which it guessed
    assert not quiz.asking_size
    studio.document.resize_input(7, 7)
    assert quiz.asking_size


def test_the_quiz_changes_neither_document_nor_playback(studio, quiz):
    studio.document.update_settings(stride=2)
    scene, position = studio.document.scene, studio.position
    quiz.guess_size(3, 3)
    quiz.reveal()
    quiz.set_on(False)
    assert studio.document.scene is scene and studio.position == position
    assert not studio.document.can_redo


def test_several_maps_ask_rows_and_columns_only(studio, quiz):
    kernels = np.stack([studio.document.scene.kernels[0]] * 2)
    studio.document.set_kernel(kernels)
    assert not quiz.asking_size  # one more map, of the same size


@pytest.mark.parametrize(
    ("text", "size"), [("4×4", (4, 4)), ("4x5", (4, 5)), (" 6 7 ", (6, 7)), ("3, 2", (3, 2))]
)
def test_sizes_as_typed(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "4", "4×", "a×b", "4×4×4", "-1×2"])
def test_bad_sizes_say_what_to_type(text):
    with pytest.raises(NumberError, match="rows × columns"):
        parse_size(text)
