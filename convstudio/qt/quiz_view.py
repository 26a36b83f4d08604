"""The quiz bar: the class's guess (a value, or the output's size), Reveal, and the score.

Large type: it is read from the back of the room. The rules are the model's
(:mod:`convstudio.model.quiz`); this bar only shows them and hands guesses in.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..model import NumberError, Studio, parse_number
from ..model.quiz import QuizError, QuizState, SizeVerdict, parse_size, quiz_of
from ..model.stage import Length, QuizSpec, Rect
from . import style
from .binding import bind
from .cells import MEASURE_ZOOM, set_geometry
from .equation_view import RIGHT_FG

GUESS_DIGITS = 9  # the guess box shows this many digits


class QuizView(QWidget):
    """Shown while the quiz is on: what to guess, a box for it, Reveal, the verdict, the score.

    It has no layout of its own: :meth:`quiz_spec` measures its parts in the language in
    use, and the stage places them (:meth:`place`) where
    :func:`convstudio.model.stage.plan_stage` says.

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
        self.prompt = QLabel(self)
        self.guess_box = QLineEdit(self)
        self.guess_box.setClearButtonEnabled(False)
        self.reveal_button = QPushButton(self.tr("Reveal"), self)
        self.reveal_button.setToolTip(self.tr("Show the answer (→ or PageDown does too)"))
        self.said = QLabel(self)  # the answer about the size, with its formula
        self.said.setWordWrap(True)
        self.said.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.score = QLabel(self)
        self._zoom = 1.0
        self.guess_box.returnPressed.connect(self._on_q_guess_entered)
        self.reveal_button.clicked.connect(self._on_q_reveal_clicked)
        self._shown: tuple[object, ...] = ()
        self.set_zoom(1.0)
        bind(self, self.quiz.changed, self.set_quiz)
        bind(self, studio.frame_changed, self.set_quiz)
        self.set_quiz()

    @property
    def parts(self) -> tuple[QWidget, ...]:
        """The row's parts, left to right, as :meth:`quiz_spec` measures them."""
        return (self.prompt, self.guess_box, self.reveal_button, self.score)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        for widget in (self.prompt, self.guess_box, self.reveal_button, self.said):
            widget.setFont(self._font(zoom))
        self.score.setFont(self._font(zoom, bold=True))

    @staticmethod
    def _font(zoom: float, *, bold: bool = False) -> QFont:
        return style.font(style.EQUATION_PT, bold=bold, zoom=zoom)

    # ------------------------------------------------------------ measuring

    def texts(self) -> dict[QWidget, list[str]]:
        """Every text each part may show before the stage lays out again, in the language
        in use: the prompts of every state, the score with room for one more digit."""
        right, total = self.quiz.score
        digits = "8" * (len(str(max(right, total))) + 1)
        return {
            self.prompt: [
                self.tr("Output size (rows × columns):"),
                self.tr("Your guess:"),
                self.tr("Next step: → or PageDown"),
            ],
            self.guess_box: ["0" * GUESS_DIGITS],
            self.reveal_button: [self.reveal_button.text()],
            self.score: [self._score_text(int(digits), int(digits))],
        }

    def quiz_spec(self) -> QuizSpec:
        """The parts, measured for :func:`convstudio.model.stage.plan_stage`: each as wide
        as its widest text at the zoom, and the frame its widget draws around it."""
        texts = self.texts()
        parts = []
        for widget in self.parts:
            bold = widget is self.score
            measured = [_text_size(self._font(MEASURE_ZOOM, bold=bold), t) for t in texts[widget]]
            text_w = max(w for w, _ in measured) / MEASURE_ZOOM
            text_h = max(h for _, h in measured) / MEASURE_ZOOM
            # What the widget draws around its text (a button's bevel, a box's frame): its
            # size hint less the text it was sized for, at the zoom it is drawn at now.
            now = QFontMetricsF(self._font(self._zoom, bold=bold))
            hint = widget.sizeHint()
            if isinstance(widget, QLineEdit):  # sized for 17 x's, whatever it holds
                extra_w = hint.width() - 17 * now.horizontalAdvance("x")
            elif isinstance(widget, QPushButton):
                extra_w = hint.width() - now.horizontalAdvance(widget.text())
            else:  # a label draws nothing around its text
                extra_w = 0.0
            extra_h = 0.0 if isinstance(widget, QLabel) else hint.height() - now.height()
            # A little over the measure: glyphs at a small size round wider than scaled.
            width = Length(max(0.0, extra_w) + 6, text_w * 1.02)
            parts.append((width, Length(max(0.0, extra_h) + 2, text_h)))
        verdict = self.quiz.size_verdict
        if verdict is None:
            return QuizSpec(tuple(parts))
        said = self._size_words(verdict)
        font = self._font(MEASURE_ZOOM)
        longest = max(_text_size(font, w)[0] for w in said.split() or [said])
        heights: dict[tuple[float, int], int] = {}

        def said_height(zoom: float, width: int) -> int:
            key = (zoom, width)
            if key not in heights:
                box = QFontMetricsF(self._font(zoom)).boundingRect(
                    QRectF(0, 0, max(1, width - 4), 1e6), Qt.TextFlag.TextWordWrap, said
                )
                heights[key] = math.ceil(box.height()) + 4
            return heights[key]

        return QuizSpec(tuple(parts), said_height, Length(8, longest / MEASURE_ZOOM))

    def place(self, parts: tuple[Rect, ...], said: Rect) -> None:
        """Put the row's parts and the answer where the stage's plan says (in this
        widget's coordinates)."""
        for widget, rect in zip(self.parts, parts, strict=True):
            set_geometry(widget, rect)
        set_geometry(self.said, said)

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
        shown = (quiz.on, state, self._studio.conv_position, self._studio.evaluation)
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
        self.score.setText(self._score_text(*quiz.score))

    def _score_text(self, right: int, total: int) -> str:
        return self.tr("{0} of {1} right").format(right, total)

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


def _text_size(font: QFont, text: str) -> tuple[float, float]:
    """Width and height of *text* on one line, laid out as drawn (a Chinese text's glyphs
    come from a fallback font, taller than the default one)."""
    box = QFontMetricsF(font).boundingRect(QRectF(0, 0, 1e6, 1e6), 0, text)
    return box.width(), box.height()
