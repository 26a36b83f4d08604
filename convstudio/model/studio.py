"""The studio: a document and its playback, kept in step with each other."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
from psygnal import Signal

from ..engine import StepDetail
from ..engine.layers import Conv2d, Layer, LayerStep
from ..engine.layers.base import Progress
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
        # Steps that follow the forward pass (a training step's backward pass), counted
        # for each evaluation by whoever set them (:meth:`set_extension`).
        self._extension: Callable[[Evaluation], int] | None = None
        self._extension_layer: Callable[[int], int | None] | None = None
        self.playback = Playback(self.document.evaluation.n_steps)
        self._current: StepDetail | None = None
        self._current_valid = False
        self._layer_step: tuple[Evaluation, int, tuple[int, LayerStep]] | None = None
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
        """Steps done in the whole stack."""
        return self.playback.position

    @property
    def conv_position(self) -> int:
        """Steps done of the focused convolution: its output cells whose step is below
        this are filled (the stack's position for a scene of one convolution)."""
        evaluation = self.evaluation
        return evaluation.layer_position(self.playback.position, evaluation.conv_index)

    def layer_position(self, layer: int) -> int:
        """Steps done of *layer*."""
        return self.evaluation.layer_position(self.playback.position, layer)

    @property
    def forward_step(self) -> int | None:
        """The current step when it is one of the forward pass (``None`` before the first,
        and once the steps after the forward pass are being shown)."""
        step = self.playback.current_step
        return step if step is not None and step < self.evaluation.n_steps else None

    @property
    def extension_done(self) -> int:
        """How many of the steps after the forward pass are done (0 in the forward pass)."""
        return max(self.playback.position - self.evaluation.n_steps, 0)

    def set_extension(
        self,
        count: Callable[[Evaluation], int] | None,
        layer: Callable[[int], int | None] | None = None,
    ) -> None:
        """Let *count* (evaluation → number of steps) add steps after the forward pass, or
        (``None``) none: the playback's total becomes the forward pass's plus these, and
        every way of stepping (keys, slider, play) goes through them. *layer* says which
        layer such a step is of (given how many of them are done): :attr:`current_layer`."""
        self._extension = count
        self._extension_layer = layer if count is not None else None
        self.playback.set_total(self._total(self.evaluation))

    def _total(self, evaluation: Evaluation) -> int:
        extra = 0 if self._extension is None else self._extension(evaluation)
        return evaluation.n_steps + extra

    @property
    def current_layer(self) -> int:
        """The layer of the current step (the next one to do; the last layer at the end)."""
        evaluation = self.evaluation
        if not evaluation.counts:
            return evaluation.conv_index or 0
        step = self.forward_step
        done = self.extension_done
        if step is None and done and self._extension_layer is not None:
            layer = self._extension_layer(done)
            if layer is not None:
                return layer
        if step is None:
            position = self.playback.position
            return 0 if position == 0 else len(evaluation.counts) - 1
        return evaluation.locate(step)[0]

    @property
    def current(self) -> StepDetail | None:
        """Detail of the current step when it is one of the focused convolution's,
        computed on first use after each change."""
        if not self._current_valid:
            step = self.forward_step
            evaluation = self.evaluation
            problem = evaluation.problem
            self._current = None
            if step is not None and problem is not None:
                layer, k = evaluation.locate(step)
                if layer == evaluation.conv_index:
                    self._current = problem.step(k)
            self._current_valid = True
        return self._current

    @property
    def layer_step(self) -> tuple[int, LayerStep] | None:
        """The current step's layer and its :class:`LayerStep` (any layer type)."""
        step = self.forward_step
        evaluation = self.evaluation
        if step is None or not evaluation.maps:
            return None
        # Every grid of the stage asks at every frame: computed once per step.
        known = self._layer_step
        if known is None or known[0] is not evaluation or known[1] != step:
            known = self._layer_step = (evaluation, step, evaluation.layer_step(step))
        return known[2]

    def show_cell(self, channel: int, row: int, col: int, layer: int | None = None) -> None:
        """Jump to the step that fills output cell (channel, row, col) of *layer* (by
        default the focused convolution)."""
        evaluation = self.evaluation
        problem = evaluation.problem
        if layer is None or layer == evaluation.conv_index:
            if problem is not None and evaluation.conv_index is not None:
                step = problem.step_of_cell(channel, row, col)
                self.playback.show_step(evaluation.offset(evaluation.conv_index) + step)
            return
        if not evaluation.maps:
            return
        target = evaluation.layers[layer]
        if isinstance(target, Conv2d):
            k = target.problem(evaluation.maps[layer]).step_of_cell(channel, row, col)
        elif _progress(target, evaluation.maps[layer], 0) is not None:
            k = _completing_step(evaluation, layer, (channel, row, col))
        else:  # the other layers step their output cells in row-major order
            _, rows, cols = evaluation.maps[layer + 1].shape
            k = (channel * rows + row) * cols + col
        self.playback.show_step(evaluation.offset(layer) + k)

    def update_layer(self, layer: int, **settings: Any) -> None:
        """Change settings of layer *layer* (see :meth:`Document.update_layer`: one
        undoable edit), keeping the studio at a sensible step when the layer's number of
        steps changes (a transposed convolution stepped the other way, a pool's new size):
        the steps before the layer stay; inside it, its first step; past it, the same step
        of the later layers.

        Raises
        ------
        EditError
            As :meth:`Document.update_layer`.
        """
        evaluation = self.evaluation
        before = self.playback.position
        counts = evaluation.counts
        self.document.update_layer(layer, **settings)
        after = self.evaluation.counts
        if len(after) != len(counts) or after[layer] == counts[layer]:
            return
        offset = evaluation.offset(layer)
        if before <= offset:
            return
        if before >= offset + counts[layer]:  # past it: the same step of the later layers
            self.playback.seek(before - counts[layer] + after[layer])
        else:
            self.show_layer(layer)

    def set_stepping(self, layer: int, stepping: str) -> None:
        """Step transposed convolution *layer* by its input cells (``"scatter"``) or its
        output cells (``"gather"``): :meth:`update_layer` of its setting ``stepping``."""
        self.update_layer(layer, stepping=stepping)

    def show_layer(self, layer: int) -> None:
        """Jump to the first step of *layer*."""
        evaluation = self.evaluation
        if evaluation.counts and 0 <= layer < len(evaluation.counts):
            self.playback.show_step(evaluation.offset(layer))

    def step_layer(self, delta: int) -> None:
        """Make the first step of the next layer current (*delta* +1), or go back (−1):
        to the current layer's first step when a later one of it is current, else to the
        layer before's."""
        evaluation = self.evaluation
        if not evaluation.counts:
            return
        if self.extension_done:  # past the forward pass (the backward pass): no layer to go to
            if delta < 0:
                self.show_layer(len(evaluation.counts) - 1)
            return
        layer = self.current_layer
        step = self.forward_step
        if delta > 0:
            if step is None:  # nothing done yet: the first layer's first step
                self.show_layer(0)
            elif layer + 1 < len(evaluation.counts):
                self.show_layer(layer + 1)
            return
        if step is not None and step > evaluation.offset(layer):
            self.show_layer(layer)
        elif layer > 0:
            self.show_layer(layer - 1)

    def _prepare(self, evaluation: Evaluation) -> Callable[[], None]:
        """Put the playback and the current step in step with *evaluation*, silently."""
        self._current_valid = False
        for signal in self._playback_signals:
            signal.pause()
        self.playback.set_total(self._total(evaluation))
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


def _progress(layer: Layer, x: np.ndarray, done: int) -> Progress | None:
    """The layer's :meth:`progress` (``None`` for a layer without it: one cell a step)."""
    progress = getattr(layer, "progress", None)
    return None if progress is None else progress(x, done)


def _completing_step(evaluation: Evaluation, layer: int, cell: tuple[int, int, int]) -> int:
    """The step of *layer* (filled by running sums) after which output *cell* has all its
    contributions; its last step for a cell that gets none."""
    target, x = evaluation.layers[layer], evaluation.maps[layer]
    count = evaluation.counts[layer]
    final = _progress(target, x, count)
    assert final is not None
    wanted = final.counts[cell]
    if not wanted:
        return count - 1
    low, high = 1, count  # the fewest steps done that give the cell all of them
    while low < high:
        middle = (low + high) // 2
        done = _progress(target, x, middle)
        assert done is not None
        if done.counts[cell] >= wanted:
            high = middle
        else:
            low = middle + 1
    return low - 1


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
