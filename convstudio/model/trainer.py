"""Training at speed: gradient descent played step by step in the window, as a small state
machine over a history of weights.

A :class:`TrainingSession` (one per studio, :func:`training_of`) starts from the scene's
weights when the first training step is asked for, keeps every step's weights and loss
(so the class can step back through them and reset to the start), and plays N steps at a
time: a driver (a timer in the Qt layer, or a test) calls :meth:`TrainingSession.tick`.
Each tick shows its last step's weights in the document, so the kernels and maps on the
stage follow.

Undo: a training session is *one* undo step. The first move away from the starting
weights records them in the document's undo history; every later step, Back and Forward
replace the shown weights without recording (a run of 300 steps would otherwise push out
the teacher's own edits, 200 at most). Ctrl+Z after training therefore goes back to the
starting weights (the session follows: it shows step 0, its history kept, and redo comes
back to the step that was shown); Reset does exactly that undo. Any other edit of the
document (a kernel typed, a new target, another scene) ends the session: the next step
starts from what the scene then holds.

The stepped backward pass (dL/dY, each layer's gradients and the update shown on the
grids) is not here: :meth:`TrainingSession.last_step` gives the engine's
:class:`~convstudio.engine.training.TrainStep` of the step that led to the weights shown
(its forward maps, dL/dY and every layer's gradients), for a view that steps through it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum
from typing import Any

import numpy as np
from psygnal import Signal

from ..engine.layers import Layer
from ..engine.training import TrainStep, Velocity, mse_loss, train_step
from .document import Document, EditError, evaluate, kept, kernels_for
from .i18n import translate
from .limits import MAX_ABS_VALUE
from .numbers import format_number, shortened
from .playback import Playback
from .presets import KernelPreset
from .scene import Scene, same_layer
from .studio import one_per_studio
from .training import TrainingError, check_learning_rate, limit_text, overflow_text

#: The slowest a run plays, in training steps per second (issue 20).
MIN_RATE = 60.0
#: What the driver aims at: one step per tick of a 15 ms timer, and several in a tick
#: that comes late (a repaint took long), so that a whole run stays above MIN_RATE.
PLAY_RATE = 200 / 3
#: The most training steps of one session (about 3 minutes at 60 steps per second):
#: the history of weights stays small, whatever a lecture does.
MAX_HISTORY = 10_000
DEFAULT_STEPS = 50
MAX_STEPS = MAX_HISTORY
#: The worked example's pixels (0..255) need a small rate: a 3×3 kernel over them is
#: stable below about 6·10⁻⁶ (2 / the largest curvature of the loss).
DEFAULT_LEARNING_RATE = 1e-6
MAX_MOMENTUM = 0.99
#: Scrambled weights are rounded to this many decimals: numbers a class can read.
SCRAMBLE_DECIMALS = 2


class TrainingState(Enum):
    """Where training is: nothing running, playing, halted part-way through a run (Play
    goes on), the run's N steps done, or stopped because the loss exploded."""

    IDLE = "idle"
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"
    OVERFLOW = "overflow"


def loss_text(loss: float | None) -> str:
    """``"L = mean((Y − T)²) = 12.5"``: the loss with its formula, or the formula alone
    when there is none to compute (no target)."""
    formula = "L = mean((Y − T)²)"
    if loss is None:
        return formula
    if not math.isfinite(loss):
        return f"{formula} = ∞"
    return f"{formula} = {format_number(loss)}"


def steps_due(elapsed: float, done: int, rate: float = PLAY_RATE) -> int:
    """How many training steps a tick does: one, or more to catch up when the ticks come
    slower than *rate* (a repaint took long): *done* steps after *elapsed* seconds of
    playing should be ``rate·elapsed``."""
    return max(1, math.ceil(rate * elapsed) - done)


class TrainingSession:
    """Gradient descent on the document's scene, one step at a time or N at speed.

    Parameters
    ----------
    document
        The document whose weights are trained (its scene's target, input and layers).
    playback
        The forward pass's stepping: moved to its end when weights are shown, so that
        every map is whole while the weights change.

    Signals
    -------
    changed()
        What is shown changed: the step shown, the history (a step done, a new session),
        a setting (learning rate, momentum, steps), or the state.
    state_changed(TrainingState)
        Playing started, paused, finished or stopped by an overflow.
    stopped(str)
        A run stopped on its own before its N steps: one plain sentence saying why.
    """

    changed = Signal()
    state_changed = Signal(object)
    stopped = Signal(str)

    def __init__(self, document: Document, playback: Playback | None = None) -> None:
        self._document = document
        self._playback = playback
        self._learning_rate = DEFAULT_LEARNING_RATE
        self._too_large = False  # the last run stopped at the limit, not at an overflow
        self._momentum = 0.0
        self._steps = DEFAULT_STEPS
        self._state = TrainingState.IDLE
        self._forget()
        # A preparer, as the quiz: the session is in step with a new scene before any view
        # hears of it, and holds no handler of the document's signals (views' are counted).
        document.add_preparer(self._prepare)

    def _forget(self) -> None:
        """No session: the next step starts from the scene's weights."""
        self._start: Scene | None = None
        self._history: list[tuple[Layer, ...]] = []
        self._losses: list[float] = []
        self._velocities: list[Velocity | None] = []
        # The learning rate and momentum each step was taken with (small: the steps'
        # maps and gradients are computed again when asked for, not kept).
        self._rates: list[tuple[float, float]] = []
        self._position = 0
        self._goal = 0
        self._undo_pushed = False
        self._applying = False

    # ------------------------------------------------------------ what is shown

    @property
    def state(self) -> TrainingState:
        return self._state

    @property
    def learning_rate(self) -> float:
        """η of ``W ← W − η·dL/dW``."""
        return self._learning_rate

    @property
    def momentum(self) -> float:
        """μ of ``v ← μ·v + dL/dW, W ← W − η·v`` (``torch.optim.SGD``'s); 0: plain descent."""
        return self._momentum

    @property
    def steps(self) -> int:
        """N: how many training steps Play does."""
        return self._steps

    @property
    def position(self) -> int:
        """The training step whose weights are shown: 0 the starting weights."""
        return self._position

    @property
    def last(self) -> int:
        """The last training step done (0 when none)."""
        return max(0, len(self._history) - 1)

    @property
    def goal(self) -> int:
        """The step the run being played (or paused) ends at."""
        return self._goal

    @property
    def losses(self) -> list[float]:
        """The loss of the weights of each step done, from the starting weights on."""
        return list(self._losses)

    @property
    def loss(self) -> float | None:
        """The loss of the weights shown, or ``None`` without a target (or a result)."""
        if self._history:
            return self._losses[self._position]
        scene = self._document.scene
        final = self._document.evaluation.final
        if scene.target is None or final is None or final.shape != scene.target.shape:
            return None
        return _loss(final, scene.target)

    @property
    def target(self) -> np.ndarray | None:
        """The scene's target T."""
        return self._document.scene.target

    @property
    def start_layers(self) -> tuple[Layer, ...] | None:
        """The starting weights of the session, ``None`` before its first step."""
        return self._history[0] if self._history else None

    def layers_at(self, position: int) -> tuple[Layer, ...]:
        """The layers after *position* training steps of this session."""
        return self._history[position]

    def last_step(self) -> TrainStep | None:
        """The engine's training step that led to the weights shown (the forward maps,
        dL/dY, each layer's gradients): the seam for a stepped backward pass."""
        if not self._history or self._position == 0:
            return None
        start = self._start
        assert start is not None and start.target is not None
        before = self._position - 1
        rate, momentum = self._rates[self._position]
        return train_step(
            self._history[before],
            start.input,
            start.target,
            rate,
            momentum,
            self._velocities[before],
        )

    # ------------------------------------------------------------ settings

    def set_learning_rate(self, value: Any) -> None:
        """Use learning rate *value*.

        Raises
        ------
        EditError
            When it is not a number above 0 (in :mod:`.training`'s words, as the command
            line says it); the old one is kept.
        """
        try:
            rate = check_learning_rate(value)
        except TrainingError as exc:
            raise EditError(str(exc)) from None
        if rate > MAX_ABS_VALUE:  # as any number the window takes
            raise EditError(
                translate("Numbers", "{0} is too large: keep numbers within {1}.").format(
                    format_number(rate), "±10¹²"
                )
            )
        if rate != self._learning_rate:
            self._learning_rate = rate
            self.changed.emit()

    def set_momentum(self, value: Any) -> None:
        """Use momentum *value*, 0 (plain gradient descent) to 0.99.

        Raises
        ------
        EditError
            When it is not a number in that range (the old one is kept).
        """
        momentum = _number(value)
        if momentum is None or not 0 <= momentum <= MAX_MOMENTUM:
            raise EditError(
                #: {0} is the momentum typed; {1} and {2} the range; {3} the value kept.
                translate(
                    "Training",
                    "The momentum must be a number from {1} to {2}, not {0}; it stays {3}.",
                ).format(_shown(value), 0, MAX_MOMENTUM, format_number(self._momentum))
            )
        if momentum != self._momentum:
            self._momentum = momentum
            self.changed.emit()

    def set_steps(self, count: int) -> None:
        """Play *count* training steps at a time (1 to :data:`MAX_STEPS`).

        Raises
        ------
        EditError
            When *count* is not a whole number in that range (the old one is kept).
        """
        if isinstance(count, bool) or not isinstance(count, (int, np.integer)):
            count = -1
        if not 1 <= count <= MAX_STEPS:
            raise EditError(
                translate(
                    "Training", "Play takes {0} to {1} training steps at a time, not {2}."
                ).format(1, MAX_STEPS, count)
            )
        if count != self._steps:
            self._steps = int(count)
            self.changed.emit()

    # ------------------------------------------------------------ playing

    def play(self) -> None:
        """Play N training steps from the weights shown (a paused run goes on to its end).

        Steps after the one shown are dropped first (as an edit drops the redo history).

        Raises
        ------
        EditError
            When the scene has no target, or its settings are impossible.
        """
        if self._state is TrainingState.PLAYING:
            return
        self._check_trainable()
        resuming = (
            self._state is TrainingState.PAUSED
            and self._position == self.last
            and self._goal > self._position
        )
        if not resuming:
            self._goal = min(self._position + self._steps, MAX_HISTORY)
        if self._goal <= self._position:
            raise EditError(self._full_text())
        self._set_state(TrainingState.PLAYING)

    def pause(self) -> None:
        """Stop playing, keeping the weights shown; Play goes on with the same run."""
        if self._state is TrainingState.PLAYING:
            self._set_state(TrainingState.PAUSED)

    def toggle(self) -> None:
        """Pause when playing, else play (see :meth:`play`)."""
        if self._state is TrainingState.PLAYING:
            self.pause()
        else:
            self.play()

    def tick(self, steps: int = 1) -> None:
        """While playing, do *steps* training steps (fewer at the run's end) and show the
        last one's weights; finish at the run's last step, stop at an overflow."""
        if self._state is not TrainingState.PLAYING:
            return
        count = min(max(1, steps), self._goal - self._position)
        self._advance(count)
        if self._state is TrainingState.PLAYING and self._position >= self._goal:
            self._set_state(TrainingState.FINISHED)

    def step(self) -> None:
        """One training step from the weights shown, now (pausing a run).

        Raises
        ------
        EditError
            When the scene has no target, its settings are impossible, or the session
            holds :data:`MAX_HISTORY` steps already.
        """
        self._check_trainable()
        if self._history and self._position >= MAX_HISTORY:
            raise EditError(self._full_text())
        self._set_state(TrainingState.IDLE)
        self._advance(1)

    # ------------------------------------------------------------ history

    def seek(self, position: int) -> None:
        """Show the weights after *position* training steps (clamped); pauses a run."""
        if not self._history:
            return
        self._set_state(TrainingState.IDLE)
        position = min(max(0, position), self.last)
        if position != self._position:
            self._position = position
            self._show()
            self.changed.emit()

    def back(self) -> None:
        """Show the training step before the one shown."""
        self.seek(self._position - 1)

    def forward(self) -> None:
        """Show the training step after the one shown (the later steps are kept until a
        new step is done from an earlier one)."""
        self.seek(self._position + 1)

    def reset(self) -> None:
        """Back to the starting weights (the history stays until a new step)."""
        self.seek(0)

    # ------------------------------------------------------------ target and kernels

    def set_target_from_kernels(self) -> None:
        """The target becomes what the current kernels produce: the last layer's output
        now (an undoable edit).

        Raises
        ------
        EditError
            When the settings are impossible (there is no output).
        """
        final = self._document.evaluation.final
        if final is None:
            raise EditError(_no_output_text())
        self._document.set_scene(self._document.scene.replace(target=final.copy()))

    def set_target_from_preset(self, preset: KernelPreset) -> None:
        """The target becomes what the scene produces with *preset* in the current
        convolution; the kernels themselves stay (an undoable edit).

        Raises
        ------
        EditError
            When the preset does not fit the current convolution, or makes settings that
            cannot work.
        """
        scene = self._document.scene
        with_preset = scene.replace(kernels=kernels_for(scene, preset.weights))
        evaluation = evaluate(with_preset)
        if evaluation.error is not None or evaluation.final is None:
            raise EditError(kept(evaluation.error, with_preset.layers))
        self._document.set_scene(scene.replace(target=evaluation.final.copy()))

    def scramble_kernels(self, rng: np.random.Generator | None = None) -> None:
        """Every convolution's weights (and biases, where it has them) random, as PyTorch
        starts a layer: uniform in ±1/√(inputs of a weight), rounded to two decimals
        (an undoable edit). *rng*: a seeded generator for tests."""
        rng = rng or np.random.default_rng()

        def scrambled(name: str, array: np.ndarray, fan_in: int) -> np.ndarray:
            bound = 1.0 / math.sqrt(max(1, fan_in))
            values = rng.uniform(-bound, bound, size=array.shape)
            return np.round(values, SCRAMBLE_DECIMALS) + 0.0  # no −0 shown

        self._set_weights(scrambled)

    def zero_kernels(self) -> None:
        """Every convolution's weights and biases 0 (an undoable edit)."""
        self._set_weights(lambda _name, array, _fan_in: np.zeros_like(array))

    def _set_weights(self, make: Any) -> None:
        layers = []
        for layer in self._document.scene.layers:
            kernels = getattr(layer, "kernels", None)
            if kernels is None:
                layers.append(layer)
                continue
            fan_in = int(np.prod(kernels.shape[1:]))
            parameters = {"kernels": make("kernels", np.asarray(kernels), fan_in)}
            bias = getattr(layer, "bias", None)
            if bias is not None:
                parameters["bias"] = make("bias", np.asarray(bias), fan_in)
            layers.append(layer.with_parameters(parameters))
        self._document.set_scene(self._document.scene.replace(layers=tuple(layers)))

    # ------------------------------------------------------------ inside

    def _check_trainable(self) -> None:
        scene = self._document.scene
        evaluation = self._document.evaluation
        if evaluation.error is not None or evaluation.final is None:
            raise EditError(_no_output_text())
        if scene.target is None:
            raise EditError(
                translate(
                    "Training",
                    "There is no target to train towards: set the target first "
                    "(to what the current kernels or a preset produce).",
                )
            )

    def _full_text(self) -> str:
        return translate(
            "Training",
            "This training holds {0} steps, the most it keeps: reset, or edit the kernels "
            "to start again.",
        ).format(MAX_HISTORY)

    def _begin(self) -> None:
        """Start a session from the scene's weights."""
        scene = self._document.scene
        final = self._document.evaluation.final
        assert scene.target is not None and final is not None  # _check_trainable
        self._start = scene
        self._history = [scene.layers]
        self._losses = [_loss(final, scene.target)]
        self._velocities = [None]
        self._rates = [(0.0, 0.0)]
        self._position = 0
        self._undo_pushed = False

    def _advance(self, count: int) -> None:
        """Do *count* training steps from the weights shown and show the last."""
        if not self._history:
            self._begin()
        if self._position < self.last:  # a new branch: the later steps go
            keep = self._position + 1
            del self._history[keep:], self._losses[keep:]
            del self._velocities[keep:], self._rates[keep:]
        start = self._start
        assert start is not None and start.target is not None
        x, target = start.input, start.target
        overflow = False
        for _ in range(count):
            if len(self._history) > MAX_HISTORY:
                break
            done = train_step(
                self._history[-1],
                x,
                target,
                self._learning_rate,
                self._momentum,
                self._velocities[-1],
            )
            if not done.finite or not _within_limits(done.layers):
                overflow = True
                self._too_large = done.finite  # finite numbers past the window's limit
                break
            self._losses[-1] = done.loss
            self._history.append(done.layers)
            self._velocities.append(done.velocity)
            self._rates.append((self._learning_rate, self._momentum))
            self._losses.append(math.nan)  # known once the next step (or the stage) runs
        self._position = self.last
        self._show()
        final = self._document.evaluation.final
        if final is not None and math.isnan(self._losses[-1]):
            self._losses[-1] = _loss(final, target)
        self.changed.emit()
        if overflow:
            self._set_state(TrainingState.OVERFLOW)
            self.stopped.emit(self.overflow_text())

    def overflow_text(self) -> str:
        """Why the run stopped: the loss exploded at the step after the last one kept, or
        its weights passed the window's limit."""
        if self._too_large:
            return limit_text(self.last + 1)
        return overflow_text(self.last + 1)

    def _show(self) -> None:
        """Put the weights of the step shown into the document (see the module's note on
        undo), and show the forward pass whole."""
        document = self._document
        self._applying = True
        # The forward pass's end, not the playback's: a stepped backward pass may follow it.
        forward = document.evaluation.n_steps
        if self._playback is not None and self._playback.position != forward:
            self._playback.seek(forward)
        try:
            if self._position == 0 and self._undo_pushed:
                document.undo()  # back to the very scene training started from
                self._undo_pushed = False
                return
            scene = document.scene.replace(layers=self._history[self._position])
            before = document.scene
            document.set_scene(scene, undoable=not self._undo_pushed)
            if document.scene is not before:
                self._undo_pushed = True
        finally:
            self._applying = False

    def _prepare(self, _evaluation: object) -> Callable[[], None]:
        """Follow a scene this session did not put there, silently; announce it after."""
        if self._applying:
            return _nothing
        if not self._history:
            # No step yet: the loss shown is the new scene's (Scramble, Zero, a weight
            # typed change it), so the views hear of it as of a step.
            return self.changed.emit
        state = self._state
        # Undo and redo bring back a step of this session (and a layer chosen keeps it):
        # follow it. Anything else starts afresh.
        found = self._find(self._document.scene)
        if found is None:
            self._forget()
        else:
            self._position = found
            self._undo_pushed = found != 0
        self._state = TrainingState.IDLE
        return lambda: self._announce(state)

    def _announce(self, before: TrainingState) -> None:
        if self._state is not before:
            self.state_changed.emit(self._state)
        self.changed.emit()

    def _find(self, scene: Scene) -> int | None:
        start = self._start
        assert start is not None
        if not (
            np.array_equal(scene.input, start.input)
            and _same_target(scene.target, start.target)
            and len(scene.layers) == len(start.layers)
        ):
            return None
        last = self.last
        order: dict[int, None] = dict.fromkeys((self._position, 0, last, *range(last, -1, -1)))
        for k in order:
            if all(same_layer(a, b) for a, b in zip(scene.layers, self._history[k], strict=True)):
                return k
        return None

    def _set_state(self, state: TrainingState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
            self.changed.emit()


def _nothing() -> None:
    pass


def _loss(y: np.ndarray, target: np.ndarray) -> float:
    return mse_loss(y, target)[0]


def _within_limits(layers: tuple[Layer, ...]) -> bool:
    """Whether every weight is one the window takes (within ±10¹², so finite)."""
    for layer in layers:
        for name in ("kernels", "bias"):
            array = getattr(layer, name, None)
            if array is not None and not np.all(np.abs(array) <= MAX_ABS_VALUE):
                return False
    return True


def _same_target(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return format_number(value) if math.isfinite(value) else str(value)
    return shortened(str(value), 24)


def _no_output_text() -> str:
    return translate(
        "Training", "The settings are impossible, so there is no output to train: mend them first."
    )


training_of = one_per_studio(lambda studio: TrainingSession(studio.document, studio.playback))
"""The one :class:`TrainingSession` of a studio."""

__all__ = [
    "DEFAULT_LEARNING_RATE",
    "MAX_HISTORY",
    "MIN_RATE",
    "PLAY_RATE",
    "TrainingSession",
    "TrainingState",
    "loss_text",
    "steps_due",
    "training_of",
]
