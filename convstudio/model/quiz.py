"""Quiz mode: the class predicts each output value, and the output's size, before seeing it.

One :class:`Quiz` per studio (:func:`quiz_of`). It only decides what is hidden and keeps
the verdicts: it never moves the playback or edits the document. The window's "next
step" asks :meth:`Quiz.reveal` first and steps only when there was nothing to reveal.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from psygnal import Signal

from .document import Evaluation
from .explain import explain_size
from .i18n import translate
from .numbers import NumberError, shortened
from .scene import Scene
from .studio import Studio, one_per_studio

RELATIVE_TOLERANCE = 0.005  # 0.5 %: a value with decimals is right when this close


class QuizError(ValueError):
    """A guess the quiz cannot take now; ``str()`` says why in plain words."""


class QuizState(Enum):
    """What the quiz hides now.

    ``REVEALED`` also stands for "nothing to hide" (before the first step, no output).
    """

    OFF = "off"
    ASKING_SIZE = "asking the size"
    HIDDEN = "hiding the value"
    REVEALED = "revealed"


@dataclass(frozen=True)
class Verdict:
    """One guess of an output value and the truth."""

    guess: float
    truth: float

    @property
    def right(self) -> bool:
        return is_right(self.guess, self.truth)


@dataclass(frozen=True)
class SizeVerdict:
    """The output size (rows, columns) guessed, or ``None`` when revealed without a guess.

    Attributes
    ----------
    formulas
        ⌊(n + 2p − f)/s⌋ + 1 written out for rows and columns.
    """

    guess: tuple[int, int] | None
    truth: tuple[int, int]
    formulas: tuple[str, str]

    @property
    def right(self) -> bool:
        return self.guess == self.truth


class Score(NamedTuple):
    """Guesses right, out of guesses made, since the quiz was turned on."""

    right: int
    total: int


def is_right(guess: float, truth: float) -> bool:
    """Whole numbers must be exact; others within 0.5 % (the map shows 3 decimals)."""
    if float(truth).is_integer():
        return guess == truth
    return abs(guess - truth) <= RELATIVE_TOLERANCE * abs(truth)


_SIZE = re.compile(r"^\s*(\d+)\s*(?:[×xX*,;]\s*|\s+)(\d+)\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """Read "4×4", "4x4", "4 4" or "4,4" as (rows, columns).

    Raises
    ------
    NumberError
        With a sentence saying what to type.
    """
    match = _SIZE.match(text)
    if match is None:
        quoted = shortened(text.strip(), 24)
        raise NumberError(
            #: {0} is what the user typed; {1} is 4x4, a size as the user types it.
            translate("Quiz", "“{0}” is not a size: type rows × columns, like {1}.").format(
                quoted, "4x4"
            )
        )
    return int(match[1]), int(match[2])


SizeKey = tuple[object, ...]


def _size_key(scene: Scene) -> SizeKey:
    """Everything the output's rows and columns depend on (not the values, not the maps)."""
    return (
        scene.input.shape[1:],
        scene.kernels.shape[2:],
        scene.stride,
        scene.padding,
        scene.dilation,
    )


class Quiz:
    """Predict, then reveal: what is hidden at the current step, and the verdicts.

    Parameters
    ----------
    studio
        The studio whose steps are quizzed, held weakly.

    Signals
    -------
    changed()
        Once per change of what the quiz hides or says: turned on or off, a guess, a
        reveal, a size asked after a settings change. Stepping emits nothing here (the
        studio's ``frame_changed`` does): what is hidden is read from the current step.
    """

    changed = Signal()

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self._on = False
        self._asking = False
        self._known_sizes: set[SizeKey] = set()  # sizes the class has been told this run
        # step -> (the value revealed, the guess's verdict if there was one); a step whose
        # value has changed since (an edit) is hidden again.
        self._revealed: dict[int, tuple[float, Verdict | None]] = {}
        self._size_verdict: SizeVerdict | None = None
        self._size_verdict_at: tuple[Evaluation, int] | None = None
        self._right = self._total = 0
        self._key: SizeKey | None = None  # the size key of the scene last seen
        # A preparer, not a scene_changed handler: the question is in place before any
        # view hears of the new scene, so no view draws a map the class must guess first.
        studio.document.add_preparer(self._prepare)

    # ------------------------------------------------------------ reads

    @property
    def on(self) -> bool:
        return self._on

    @property
    def state(self) -> QuizState:
        if not self._on:
            return QuizState.OFF
        if self._asking:
            return QuizState.ASKING_SIZE
        studio = self._studio()
        step = None if studio is None else studio.current
        if step is None:
            return QuizState.REVEALED
        seen = self._revealed.get(step.index)
        return QuizState.REVEALED if seen and seen[0] == step.total else QuizState.HIDDEN

    @property
    def asking_size(self) -> bool:
        """The map waits for the class to guess its size."""
        return self.state is QuizState.ASKING_SIZE

    @property
    def value_hidden(self) -> bool:
        """The current output value (and the equation's sums) show "?"."""
        return self.state in (QuizState.ASKING_SIZE, QuizState.HIDDEN)

    @property
    def verdict(self) -> Verdict | None:
        """The verdict on the current step's guess, once revealed."""
        studio = self._studio()
        step = None if studio is None else studio.current
        if self.state is not QuizState.REVEALED or step is None:
            return None
        seen = self._revealed.get(step.index)
        return None if seen is None else seen[1]

    @property
    def size_verdict(self) -> SizeVerdict | None:
        """The answer about the output size, until the next step or edit."""
        studio = self._studio()
        if studio is None or self._size_verdict_at != (studio.evaluation, studio.conv_position):
            return None
        return self._size_verdict

    @property
    def score(self) -> Score:
        return Score(self._right, self._total)

    # ------------------------------------------------------------ writes

    def set_on(self, on: bool) -> None:
        """Turn the quiz on (a new run: score 0, the current value hidden) or off."""
        if on == self._on:
            return
        self._on = on
        self._asking = False
        self._revealed.clear()
        self._size_verdict = self._size_verdict_at = None
        self._right = self._total = 0
        studio = self._studio()
        self._key = None if studio is None else _size_key(studio.document.scene)
        self._known_sizes = set() if self._key is None else {self._key}
        self.changed.emit()

    def guess(self, value: float) -> Verdict:
        """Take the class's guess of the current value: reveal it, score it.

        Raises
        ------
        QuizError
            When no value is hidden (or the size must be guessed first).
        """
        studio = self._studio()
        step = None if studio is None else studio.current
        if self.state is QuizState.ASKING_SIZE:
            raise QuizError(translate("Quiz", "Guess the output's size first: rows × columns."))
        if self.state is not QuizState.HIDDEN or step is None:
            raise QuizError(
                translate("Quiz", "There is no hidden value to guess now: take the next step.")
            )
        verdict = Verdict(value, step.total)
        self._revealed[step.index] = (step.total, verdict)
        self._count(verdict.right)
        self.changed.emit()
        return verdict

    def guess_size(self, rows: int, cols: int) -> SizeVerdict:
        """Take the class's guess of the output size, then let the map be drawn.

        Raises
        ------
        QuizError
            When the quiz is not asking for the size.
        """
        if self.state is not QuizState.ASKING_SIZE:
            raise QuizError(translate("Quiz", "The output's size is not asked now."))
        verdict = self._answer_size((rows, cols))
        self._count(verdict.right)
        self.changed.emit()
        return verdict

    def reveal(self) -> bool:
        """Show what is hidden (the size first, then the value) without a guess.

        Returns
        -------
        bool
            Whether something was revealed: when not, the "next step" key steps.
        """
        state = self.state
        studio = self._studio()
        step = None if studio is None else studio.current
        if state is QuizState.ASKING_SIZE:
            self._answer_size(None)
        elif state is QuizState.HIDDEN and step is not None:
            self._revealed[step.index] = (step.total, None)
        else:
            return False
        self.changed.emit()
        return True

    # ------------------------------------------------------------ helpers

    def _count(self, right: bool) -> None:
        self._right += right
        self._total += 1

    def _answer_size(self, guess: tuple[int, int] | None) -> SizeVerdict:
        studio = self._studio()
        assert studio is not None and studio.evaluation.problem is not None
        g = studio.evaluation.problem.geometry
        explanation = explain_size(studio.document.scene)
        formulas = ("", "") if explanation is None else explanation.formulas
        verdict = SizeVerdict(guess, (g.out_height, g.out_width), formulas)
        self._asking = False
        self._known_sizes.add(_size_key(studio.document.scene))
        self._size_verdict = verdict
        self._size_verdict_at = (studio.evaluation, studio.conv_position)
        return verdict

    def _prepare(self, evaluation: Evaluation) -> Callable[[], None]:
        studio = self._studio()
        if not self._on or studio is None:
            return _nothing
        key = _size_key(studio.document.scene)
        if key != self._key:
            self._revealed.clear()  # the steps are other cells now
        self._key = key
        # Undoing a settings change before the answer takes the question back.
        asking = evaluation.problem is not None and key not in self._known_sizes
        changed = asking != self._asking
        self._asking = asking
        return self.changed.emit if changed else _nothing


def _nothing() -> None:
    pass


quiz_of = one_per_studio(Quiz)
"""The one :class:`Quiz` of a studio, made on first use, shared by every view."""


__all__ = [
    "Quiz",
    "QuizError",
    "QuizState",
    "Score",
    "SizeVerdict",
    "Verdict",
    "is_right",
    "parse_size",
    "quiz_of",
]
