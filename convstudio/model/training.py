"""Training a scene's weights towards its target: what may be trained, and the words of
every refusal (the window and the command line say the same sentences).

The engine does the arithmetic (:mod:`convstudio.engine.training`); this module checks a
scene, a learning rate and a number of steps first, and words a run that overflowed.
"""

from __future__ import annotations

import math
from typing import Any

from ..engine.layers import Layer, forward
from ..engine.training import TrainRun, TrainStep, mse_loss, train, train_step
from .i18n import translate
from .numbers import format_number, shortened
from .scene import Scene

# The most steps one run may ask for (the work budget may allow fewer, for a large stack).
MAX_STEPS = 100_000


class TrainingError(ValueError):
    """A run that cannot start (no target, a bad learning rate or number of steps);
    ``str()`` is one line."""


def check_learning_rate(lr: Any) -> float:
    """*lr* as a float when it is a number above 0, else a :class:`TrainingError`."""
    value: float | None = None
    if isinstance(lr, (int, float)) and not isinstance(lr, bool):
        value = float(lr)
    if value is None or not math.isfinite(value) or value <= 0:
        shown = format_number(value) if value is not None and math.isfinite(value) else str(lr)
        raise TrainingError(
            #: {0} is what was given: -0.1, 0, nan
            translate("Training", "The learning rate must be a number above 0, not {0}.").format(
                shown
            )
        )
    return value


def check_steps(steps: Any) -> int:
    """*steps* when it is a whole number from 1 to :data:`MAX_STEPS`, else a
    :class:`TrainingError`."""
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise TrainingError(
            #: {0} and {1}: the allowed range (1 and 100000); {2}: what was given
            translate("Training", "The number of steps must be {0} to {1}, not {2}.").format(
                1, MAX_STEPS, shortened(str(steps))
            )
        )
    return steps


def check_trainable(scene: Scene) -> None:
    """Refuse a scene without a target, in one line (a :class:`TrainingError`)."""
    if scene.target is None:
        raise TrainingError(
            translate(
                "Training",
                "This scene has no target: training needs “target”, the map the last layer "
                "should output.",
            )
        )


def limit_text(step: int) -> str:
    """The sentence for a run that stopped at *step* (1-based) because a weight would pass
    ±10¹², the largest number the window holds; the weights before it were kept."""
    #: {0} is the step whose weights were too large, {1} the one before it (kept)
    return translate(
        "Training",
        "At step {0} a weight would pass ±10¹², the largest number the window holds: the run "
        "stopped and kept the weights after step {1}. Try a smaller learning rate.",
    ).format(step, step - 1)


def overflow_text(step: int) -> str:
    """The sentence for a run that stopped at *step* (1-based): its loss, a gradient or
    a new weight was too large for a number, and the weights before it were kept."""
    if step <= 1:
        return translate(
            "Training",
            "The loss became too large to compute at step 1: the run stopped and kept the "
            "starting weights. Try a smaller learning rate.",
        )
    #: {0} is the step that overflowed, {1} the one before it (whose weights are kept)
    return translate(
        "Training",
        "The loss became too large to compute at step {0}: the run stopped and kept the "
        "weights after step {1}. Try a smaller learning rate.",
    ).format(step, step - 1)


def stopped_text(run: TrainRun) -> str | None:
    """Why *run* stopped early, in words, or ``None`` when it did every step."""
    if run.stopped is None:
        return None
    return overflow_text(len(run.losses) + 1)


def train_scene(scene: Scene, steps: int, lr: float, momentum: float = 0.0) -> TrainRun:
    """*steps* steps of gradient descent on *scene*'s layers towards its target.

    Raises
    ------
    TrainingError
        Without a target, or with a learning rate or number of steps out of range.
    """
    check_trainable(scene)
    lr = check_learning_rate(lr)
    steps = check_steps(steps)
    assert scene.target is not None
    return train(scene.layers, scene.input, scene.target, steps, lr, momentum)


def first_step(scene: Scene, lr: float) -> TrainStep:
    """The first step of a run from *scene*'s weights (its gradients, as the window's
    stepped backward pass shows them)."""
    check_trainable(scene)
    assert scene.target is not None
    return train_step(scene.layers, scene.input, scene.target, lr)


def loss_of(scene: Scene, layers: tuple[Layer, ...] | None = None) -> float:
    """The loss of *scene*'s target with *layers* (the scene's own by default)."""
    check_trainable(scene)
    assert scene.target is not None
    output = forward(scene.layers if layers is None else layers, scene.input)[-1]
    return mse_loss(output, scene.target)[0]


def trained(scene: Scene, run: TrainRun) -> Scene:
    """*scene* with the weights *run* learned (its target and everything else kept)."""
    return scene.replace(layers=run.layers)


__all__ = [
    "MAX_STEPS",
    "TrainRun",
    "TrainStep",
    "TrainingError",
    "check_learning_rate",
    "check_steps",
    "check_trainable",
    "first_step",
    "loss_of",
    "overflow_text",
    "stopped_text",
    "train_scene",
    "trained",
]
