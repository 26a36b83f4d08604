"""The studio: a document and its playback, kept in step with each other."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

from psygnal import Signal

from ..engine import StepDetail
from .document import Document, Evaluation
from .playback import Playback
from .scene import Scene

T = TypeVar("T")


class Studio:
    """What the window shows: the document, the playback position and the current step.

    Parameters
    ----------
    scene
        The scene to open.

    Signals
    -------
    frame_changed()
        The picture changed: another step, or another scene. Views read
        :attr:`position`, :attr:`current` and :attr:`evaluation` then.
    """

    frame_changed = Signal()

    def __init__(self, scene: Scene) -> None:
        self.document = Document(scene)
        self.playback = Playback(self.document.evaluation.n_steps)
        self._current: StepDetail | None = None
        self._current_valid = False
        self._applying_evaluation = False
        # The playback's own events wait until the document has announced the new scene:
        # views hear of the scene first, and every view sees one consistent moment.
        self._playback_signals = (
            self.playback.total_changed,
            self.playback.position_changed,
            self.playback.state_changed,
        )
        self.document.add_preparer(self._prepare)
        self.playback.position_changed.connect(self._on_position_changed)

    @property
    def evaluation(self) -> Evaluation:
        return self.document.evaluation

    @property
    def position(self) -> int:
        """Steps done: output cells whose step is below this are filled."""
        return self.playback.position

    @property
    def current(self) -> StepDetail | None:
        """Detail of the current step, computed on first use after each change."""
        if not self._current_valid:
            step = self.playback.current_step
            problem = self.evaluation.problem
            self._current = None if step is None or problem is None else problem.step(step)
            self._current_valid = True
        return self._current

    def show_cell(self, channel: int, row: int, col: int) -> None:
        """Jump to the step that fills output cell (channel, row, col)."""
        problem = self.evaluation.problem
        if problem is not None:
            self.playback.show_step(problem.step_of_cell(channel, row, col))

    def _prepare(self, evaluation: Evaluation) -> Callable[[], None]:
        """Put the playback and the current step in step with *evaluation*, silently."""
        self._current_valid = False
        for signal in self._playback_signals:
            signal.pause()
        self.playback.set_total(evaluation.n_steps)
        return self._announce_frame

    def _announce_frame(self) -> None:
        # A position clamped by the new total must not emit a second frame: one is enough.
        self._applying_evaluation = True
        try:
            for signal in self._playback_signals:
                signal.resume()
        finally:
            self._applying_evaluation = False
        self.frame_changed.emit()

    def _on_position_changed(self, _position: int) -> None:
        self._current_valid = False
        if not self._applying_evaluation:
            self.frame_changed.emit()


def one_per_studio(make: Callable[[Studio], T]) -> Callable[[Studio], T]:
    """A function giving the one object *make* builds for each studio, on first use.

    For state that several views of one studio share (the hover, the quiz) but that the
    studio itself need not know of; the studio is not kept alive by it.
    """
    made: weakref.WeakKeyDictionary[Studio, T] = weakref.WeakKeyDictionary()

    def of(studio: Studio) -> T:
        found = made.get(studio)
        if found is None:
            found = made[studio] = make(studio)
        return found

    return of
