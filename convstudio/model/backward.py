"""One training step's backward pass and update, stepped after the forward pass on the
same grids.

A :class:`BackwardPass` (one per studio, :func:`backward_of`) adds the steps of
:class:`~convstudio.engine.backprop.TrainingSteps` after the forward pass's (through
:meth:`Studio.set_extension`: the keys, the slider and play go through them), with the
Training session's learning rate. It says what every grid shows at the current step; the
Qt grids paint it:

- a map shows its gradient ∂L/∂(map) once the section that computes it has begun (the
  loss's for the last map, the layer's ``"input"`` section for the map it reads), filled
  as that section goes (the input gradient's running sums); before that, its values;
- the current step's cells: the gradients it reads and the input values a weight met;
  the cells it writes;
- a layer's kernels show ∂L/∂W while their gradients are computed, and the new weights
  while they are updated (the biases likewise).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from psygnal import Signal

from ..engine.backprop import GradStep, Section, TrainingSteps
from ..engine.layers import LayerStep
from .backprop_explain import GradText, grad_equation
from .document import Evaluation
from .i18n import translate
from .numbers import format_number
from .studio import Studio, one_per_studio
from .trainer import training_of

Cell3 = tuple[int, int, int]


class MapGradient(NamedTuple):
    """The gradient a map shows: its values and which cells have one yet."""

    values: np.ndarray
    done: np.ndarray


class GradCells(NamedTuple):
    """The cells (channel, row, column) the current step marks on one map."""

    reads: frozenset[Cell3] = frozenset()
    writes: frozenset[Cell3] = frozenset()


NO_GRAD_CELLS = GradCells()


class BackwardPass:
    """The switch "step through the backward pass", and what the grids show in it.

    Signals
    -------
    changed()
        Switched on or off, or its availability changed.
    """

    changed = Signal()

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self._on = False
        self._session = training_of(studio)
        self._steps: tuple[Evaluation, float, np.ndarray | None, TrainingSteps | None] | None = None
        self._step: tuple[TrainingSteps, int, GradStep] | None = None
        self._progress: tuple[TrainingSteps, int, int, MapGradient] | None = None
        self._texts: dict[int, tuple[TrainingSteps, frozenset[str]]] = {}
        self._rate = self._session.learning_rate
        self._session.changed.connect(self._on_session_changed)

    def _on_session_changed(self) -> None:
        # Another learning rate: the update's numbers change (the views read them again).
        rate = self._session.learning_rate
        if rate != self._rate:
            self._rate = rate
            if self._on:
                self.changed.emit()

    # ------------------------------------------------------------ the switch

    @property
    def on(self) -> bool:
        """Whether the backward pass's steps follow the forward pass's."""
        return self._on

    @property
    def available(self) -> bool:
        """Whether the scene has a target of its last map's shape (a backward pass exists)."""
        studio = self._studio()
        return studio is not None and self._of(studio.evaluation) is not None

    def set_on(self, on: bool) -> None:
        """Step through the backward pass after the forward pass (*on*), or the forward pass
        alone. Without a target there is no backward pass: it stays off."""
        studio = self._studio()
        on = bool(on) and studio is not None
        if on == self._on:
            return
        self._on = on
        if studio is not None:
            studio.set_extension(self._count if on else None, self._layer)
        self.changed.emit()

    def _layer(self, done: int) -> int | None:
        """The layer of the backward pass's step once *done* of its steps are done."""
        steps = self.steps
        if steps is None or not 0 < done <= steps.n_steps:
            return None
        return steps.sections[steps.locate(done - 1)[0]].layer

    def _count(self, evaluation: Evaluation) -> int:
        steps = self._of(evaluation)
        return 0 if steps is None else steps.n_steps

    def _of(self, evaluation: Evaluation) -> TrainingSteps | None:
        """The training step's steps for *evaluation* at the session's learning rate."""
        studio = self._studio()
        if studio is None:
            return None
        target = studio.document.scene.target
        lr = self._session.learning_rate
        known = self._steps
        if known is not None and known[0] is evaluation and known[1] == lr and known[2] is target:
            return known[3]
        steps = None
        final = evaluation.final
        fits = target is not None and final is not None and final.shape == target.shape
        if fits and target is not None and evaluation.maps:
            steps = TrainingSteps(evaluation.layers, evaluation.maps[0], target, lr)
        self._steps = (evaluation, lr, target, steps)
        return steps

    # ------------------------------------------------------------ where it is

    @property
    def steps(self) -> TrainingSteps | None:
        """The backward pass shown, or ``None`` (off, or no target)."""
        studio = self._studio()
        if not self._on or studio is None:
            return None
        return self._of(studio.evaluation)

    @property
    def done(self) -> int:
        """Steps of the backward pass done (0 while the forward pass is shown)."""
        studio = self._studio()
        return 0 if studio is None or self.steps is None else studio.extension_done

    @property
    def current(self) -> GradStep | None:
        """The current step of the backward pass, or ``None`` (in the forward pass)."""
        steps, done = self.steps, self.done
        if steps is None or done == 0 or done > steps.n_steps:
            return None
        known = self._step
        if known is None or known[0] is not steps or known[1] != done - 1:
            known = self._step = (steps, done - 1, steps.step(done - 1))
        return known[2]

    @property
    def undone_step(self) -> tuple[int, LayerStep] | None:
        """The forward step whose gradient the current step sends back (an ``"input"``
        step): its layer and :class:`LayerStep`, so that a pooling window shows the window
        and its winner again. ``None`` for any other step."""
        steps = self.steps
        if steps is None or self.current is None:
            return None
        return steps.undone(self.done - 1)

    @property
    def section(self) -> Section | None:
        """The section of the current step."""
        found = self._at(None)
        return None if found is None else found[1]

    def _at(self, index: int | None) -> tuple[GradStep, Section] | None:
        """Step *index* of the backward pass (``None``: the current one) and its section."""
        steps = self.steps
        if steps is None:
            return None
        if index is None:
            step = self.current
            if step is None:
                return None
            index = self.done - 1
        else:
            step = steps.step(index)
        return step, steps.sections[steps.locate(index)[0]]

    def heading(self, index: int | None = None) -> str | None:
        """The heading of step *index* (``None``: the current one): "Layer 2: ∂L/∂W"."""
        found = self._at(index)
        if found is None:
            return None
        section = found[1]
        if section.part == "loss":
            return translate("BackwardPass", "Loss: ∂L/∂Y = 2(Y − T)/N, cell by cell")
        if section.part == "update":
            if section.parameter == "bias":
                text = translate("BackwardPass", "Layer {0}: update b ← b − η·∂L/∂b")
            else:
                text = translate("BackwardPass", "Layer {0}: update W ← W − η·∂L/∂W")
        elif section.part == "kernels":
            text = translate("BackwardPass", "Layer {0}: ∂L/∂W")
        elif section.part == "bias":
            text = translate("BackwardPass", "Layer {0}: ∂L/∂b")
        else:
            text = translate("BackwardPass", "Layer {0}: ∂L/∂X, sent back")
        return text.format(section.layer + 1)

    def equation(self, index: int | None = None) -> GradText | None:
        """The equation of step *index* (``None``: the current one) with its numbers, its
        result set apart (``str()`` gives the whole text)."""
        steps = self.steps
        if steps is None:
            return None
        if index is None:
            if self.current is None:
                return None
            index = self.done - 1
        return grad_equation(steps, index)

    # ------------------------------------------------------------ the maps

    def _section_start(self, part: str, layer: int) -> int | None:
        steps = self.steps
        assert steps is not None
        for number, section in enumerate(steps.sections):
            if section.part == part and section.layer == layer:
                return steps.offset(number)
        return None

    def map_gradient(self, index: int) -> MapGradient | None:
        """The gradient map *index* shows now (0 the input, ``m`` layer ``m − 1``'s
        output), or ``None``: it shows its values (its gradient not begun, or none)."""
        steps, done = self.steps, self.done
        if steps is None or done == 0 or index == 0:
            return None
        last = len(steps.layers)
        if index == last:
            start = self._section_start("loss", last - 1)
            assert start is not None
            count = min(done - start, steps.maps[-1].size)
            grad = steps.grad_outputs[-1]
            flat = np.zeros(grad.size, dtype=bool)
            flat[:count] = True
            return MapGradient(grad, flat.reshape(grad.shape))
        start = self._section_start("input", index)
        if start is None or done <= start:
            return None
        count = min(done - start, steps.layers[index].step_count(_shape3(steps.maps[index])))
        return self._input_gradient(steps, index, count)

    def _input_gradient(self, steps: TrainingSteps, index: int, count: int) -> MapGradient:
        """dL/d(map *index*) after *count* of its layer's "input" steps: the running sums,
        carried on from the last frame's when stepping forward (play costs one step)."""
        known = self._progress
        if known is not None and known[0] is steps and known[1] == index and known[2] <= count:
            values, touched = known[3].values.copy(), known[3].done.copy()
            begin = known[2]
        else:
            values = np.zeros(steps.maps[index].shape)
            touched = np.zeros(values.shape, dtype=bool)
            begin = 0
        for k in range(begin, count):
            offset = self._section_start("input", index)
            assert offset is not None
            for cell, value in steps.step(offset + k).contributions():
                values[cell] += value
                touched[cell] = True
        result = MapGradient(values, touched)
        self._progress = (steps, index, count, result)
        return result

    def texts(self, index: int) -> frozenset[str]:
        """Every number map *index*'s gradient shows on the way (its running sums too):
        its cells are made wide enough for them at once. Empty without a backward pass."""
        steps = self.steps
        if steps is None or not 1 <= index <= len(steps.layers):
            return frozenset()
        known = self._texts.get(index)
        if known is not None and known[0] is steps:
            return known[1]
        values = steps.grad_outputs[index - 1].reshape(-1)
        if self._section_start("input", index) is not None:  # filled by running sums
            values = steps.input_partial_sums(index)
        found = frozenset(format_number(float(v)) for v in np.unique(values))
        self._texts[index] = (steps, found)
        return found

    def title(self, index: int, plain: str) -> str:
        """Map *index*'s title *plain* ("Output 4×4"), or "∂L/∂ Output 4×4" while the map
        shows its gradient."""
        return plain if self.map_gradient(index) is None else gradient_title(plain)

    def parameter_title(self, layer: int, plain: str) -> str:
        """The title *plain* ("Kernel 3×3") of layer *layer*'s kernels, as they show now:
        "∂L/∂ Kernel 3×3" while their gradients are computed, "Kernel 3×3, updated" while
        the new weights are made (the grid no longer shows the weights)."""
        if self.parameter(layer, "kernels") is None:
            return plain
        section = self.section
        assert section is not None
        return gradient_title(plain) if section.part == "kernels" else updated_title(plain)

    def map_cells(self, index: int) -> GradCells:
        """The cells the current step marks on map *index*."""
        step = self.current
        if step is None:
            return NO_GRAD_CELLS
        output, inputs = step.layer + 1, step.layer
        if step.part == "loss":
            return GradCells(writes=_cells(step.writes)) if index == output else NO_GRAD_CELLS
        if step.part in ("kernels", "bias"):
            if index == output:
                return GradCells(reads=_cells(step.grad_cells))
            if index == inputs and step.part == "kernels":
                found = (cell for cell in step.factor_cells if cell is not None)
                return GradCells(reads=_cells(found))
            return NO_GRAD_CELLS
        if step.part == "input":
            if index == output:
                return GradCells(reads=_cells(step.grad_cells))
            if index == inputs:
                return GradCells(writes=_cells(step.writes))
        return NO_GRAD_CELLS

    def target_cell(self) -> Cell3 | None:
        """The target's cell a loss step reads (T beside Y), or ``None``."""
        step = self.current
        if step is None or step.part != "loss":
            return None
        (cell,) = _cells(step.writes)
        return cell

    # ------------------------------------------------------------ the kernels

    def parameter(
        self, layer: int, name: str
    ) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]] | None:
        """What layer *layer*'s parameter *name* (``"kernels"``, ``"bias"``) shows now, or
        ``None``: its weights. Else (values, which elements are done, the current element
        or ``()``): ∂L/∂W while its gradients are computed, the new weights while they are
        updated."""
        steps, step = self.steps, self.current
        if steps is None or step is None or step.layer != layer:
            return None
        section = self.section
        assert section is not None
        if section.part == "update" and section.parameter == name:
            old = np.asarray(getattr(steps.layers[layer], name), dtype=np.float64)
            values = old - steps.lr * steps.gradients[layer].parameters[name]
        elif section.part == name:
            values = steps.gradients[layer].parameters[name]
        else:
            return None
        number = steps.sections.index(section)
        count = self.done - steps.offset(number)
        done = np.zeros(values.size, dtype=bool)
        done[:count] = True
        return values, done.reshape(values.shape), step.writes[0]


def parameter_titles(plain: str) -> tuple[str, str]:
    """Every title a kernel titled *plain* takes in the backward pass (room is made for
    the widest): its gradient's and its new weights'."""
    return gradient_title(plain), updated_title(plain)


def parameter_texts(backward: BackwardPass, layer: int, name: str) -> frozenset[str]:
    """Every number layer *layer*'s parameter *name* shows in the backward pass (its
    gradients and its new weights): its cells are made wide enough for them at once."""
    steps = backward.steps
    if steps is None or not 0 <= layer < len(steps.layers):
        return frozenset()
    grads = steps.gradients[layer].parameters.get(name)
    if grads is None:
        return frozenset()
    old = np.asarray(getattr(steps.layers[layer], name), dtype=np.float64)
    values = np.concatenate([grads.reshape(-1), (old - steps.lr * grads).reshape(-1)])
    return frozenset(format_number(float(v)) for v in np.unique(values))


def gradient_title(plain: str) -> str:
    """ "∂L/∂ Output 4×4": the title of a map (or a kernel) showing its gradient."""
    #: {0} the map's own title ("Output 4×4", "Map 2 3×3", "Kernel 3×3").
    return _first_line(translate("BackwardPass", "∂L/∂ {0}"), plain)


def updated_title(plain: str) -> str:
    """ "Kernel 3×3, updated": the title of a kernel showing its new weights."""
    #: {0} the kernel's own title ("Kernel 3×3", "Kernel 2").
    return _first_line(translate("BackwardPass", "{0}, updated"), plain)


def _first_line(template: str, plain: str) -> str:
    # A title of several lines ("Kernel 3×3", then "flipped (true convolution)") is
    # named on its first: the others keep their width.
    first, newline, rest = plain.partition("\n")
    return template.format(first) + newline + rest


def _cells(cells: Iterable[tuple[int, ...]]) -> frozenset[Cell3]:
    return frozenset((int(c[0]), int(c[1]), int(c[2])) for c in cells)


def _shape3(x: np.ndarray) -> tuple[int, int, int]:
    return x.shape[0], x.shape[1], x.shape[2]


backward_of = one_per_studio(BackwardPass)
"""The one :class:`BackwardPass` of a studio, shared by every grid and the menu."""
