"""The quiz bar: the class's guess (a value, or the output's size), Reveal, and the score.

Large type: it is read from the back of the room. The rules are the model's
(:mod:`convstudio.model.quiz`); this bar only shows them and hands guesses in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import NumberError, Studio, parse_number
from ..model.quiz import QuizError, QuizState, SizeVerdict, parse_size, quiz_of
from . import style
from .binding import bind
from .equation_view import RIGHT_FG


class QuizView(QWidget):
    """Shown while the quiz is on: what to guess, a box for it, Reveal, the verdict, the score.

    Parameters
    ----------
    studio
        The studio whose quiz (:func:`~convstudio.model.quiz.quiz_of`) this shows.
    report
        Says a sentence to the user (a guess that is not a number).
    """

    def __init__(
        self, studio: Studio, report: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._studio = studio
        self._report = report
        self.quiz = quiz_of(studio)
        self.prompt = QLabel()
        self.guess_box = QLineEdit()
        self.guess_box.setClearButtonEnabled(False)
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setToolTip(self.tr("Show the answer (→ or PageDown does too)"))
        self.said = QLabel()  # the answer about the size, with its formula
        self.said.setWordWrap(True)
        self.score = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.prompt)
        row.addWidget(self.guess_box)
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        row.addWidget(self.score)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.said)  # a row of its own: the formula needs the width
        self.guess_box.returnPressed.connect(self._on_q_guess_entered)
        self.reveal_button.clicked.connect(self._on_q_reveal_clicked)
        self._shown: tuple[object, ...] = ()
        self.set_zoom(1.0)
        bind(self, self.quiz.changed, self.set_quiz)
        bind(self, studio.frame_changed, self.set_quiz)
        self.set_quiz()

    def set_zoom(self, zoom: float) -> None:
        big = style.font(style.EQUATION_PT, zoom=zoom)
        for widget in (self.prompt, self.guess_box, self.reveal_button, self.said, self.score):
            widget.setFont(big)
        self.score.setFont(style.font(style.EQUATION_PT, bold=True, zoom=zoom))
        self.guess_box.setFixedWidth(self.guess_box.fontMetrics().horizontalAdvance("0" * 9))

    def set_quiz(self) -> None:
        """Show what the quiz asks now, the answer about the size and the score."""
        quiz = self.quiz
        self.setVisible(quiz.on)
        state = quiz.state
        asking = state is QuizState.ASKING_SIZE
        if asking:
            self.prompt.setText(self.tr("Output size (rows × columns):"))
            self.guess_box.setPlaceholderText(self.tr("4×4"))
        elif state is QuizState.HIDDEN:
            self.prompt.setText(self.tr("Your guess:"))
            self.guess_box.setPlaceholderText("?")
        else:
            self.prompt.setText(self.tr("Next step: → or PageDown"))
            self.guess_box.setPlaceholderText("")
        open_question = state in (QuizState.ASKING_SIZE, QuizState.HIDDEN)
        self.guess_box.setEnabled(open_question)
        self.reveal_button.setEnabled(open_question)
        # A new question (another step, the size, the quiz turned on) starts with an empty box.
        shown = (quiz.on, state, self._studio.position, self._studio.evaluation)
        if shown != self._shown:
            self.guess_box.clear()
            # Guesses type straight in, unless someone is typing elsewhere (a cell's editor).
            if open_question and not isinstance(QApplication.focusWidget(), QLineEdit):
                self.guess_box.setFocus()
            self._shown = shown
        verdict = quiz.size_verdict
        self.said.setText("" if verdict is None else self._size_words(verdict))
        self.said.setVisible(verdict is not None)
        wrong = verdict is not None and verdict.guess is not None and not verdict.right
        self.said.setStyleSheet(f"color: {(style.ERROR_FG if wrong else RIGHT_FG).name()};")
        right, total = quiz.score
        self.score.setText(self.tr("{0} of {1} right").format(right, total))

    def _size_words(self, verdict: SizeVerdict) -> str:
        rows, cols = verdict.truth
        rows_formula, cols_formula = verdict.formulas
        if rows_formula == cols_formula:  # a square case: say it once
            formulas = self.tr("{0} (rows and columns)").format(rows_formula)
        else:
            formulas = self.tr("rows {0}, columns {1}").format(rows_formula, cols_formula)
        if verdict.guess is None:
            return self.tr("The output is {0}×{1}: {2}").format(rows, cols, formulas)
        said = f"{verdict.guess[0]}×{verdict.guess[1]}"
        if verdict.right:
            return self.tr("Your {0}: right! {1}").format(said, formulas)
        return self.tr("Your {0}: wrong, it is {1}×{2}: {3}").format(said, rows, cols, formulas)

    def _on_q_guess_entered(self) -> None:
        text = self.guess_box.text()
        try:
            if self.quiz.asking_size:
                self.quiz.guess_size(*parse_size(text))
            else:
                self.quiz.guess(parse_number(text))
        except (NumberError, QuizError) as exc:
            self._report(str(exc))

    def _on_q_reveal_clicked(self) -> None:
        self.quiz.reveal()
