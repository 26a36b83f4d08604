"""Learning the weights of a stack: the mean squared error and plain gradient descent.

The gradients are the layers' own backward passes (:func:`.layers.backward`); a step
updates every parameter as ``p ← p − η·dL/dp`` (with momentum, as ``torch.optim.SGD``:
``v ← μ·v + dL/dp``, ``p ← p − η·v``). A run stops at the first step whose loss,
gradients or new weights are not finite numbers, and keeps the weights before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .layers import Gradients, Layer
from .layers import backward as stack_backward
from .layers import forward as stack_forward
from .layers.base import as_map

Velocity = list[dict[str, np.ndarray]]


def mse_loss(y: np.ndarray, target: np.ndarray) -> tuple[float, np.ndarray]:
    """The mean squared error over every value, and its gradient.

    Parameters
    ----------
    y
        The last layer's output.
    target
        What it should be, the same shape.

    Returns
    -------
    tuple
        ``L = mean((y − t)²)`` (``inf`` when the squares overflow) and
        ``dL/dy = 2(y − t)/N``, *y*'s shape.
    """
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    if y.shape != t.shape:
        raise ValueError(f"the target is {t.shape}, the output {y.shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        diff = y - t
        loss = float(np.mean(diff * diff))
        grad: np.ndarray = 2.0 * diff / diff.size
    return loss, grad


@dataclass(frozen=True)
class TrainStep:
    """One step of gradient descent.

    Attributes
    ----------
    loss
        The loss before the update (of the layers the step was given).
    gradients
        One :class:`~.layers.Gradients` per layer, first layer first.
    layers
        The layers after the update.
    velocity
        Each layer's velocity by parameter name after the step (momentum); ``None``
        without momentum.
    maps
        The forward pass the gradients come from: the input, then every layer's output.
    grad_output
        dL/d(the last layer's output), ``2(Y − T)/N``.
    """

    loss: float
    gradients: list[Gradients]
    layers: tuple[Layer, ...]
    velocity: Velocity | None = None
    maps: tuple[np.ndarray, ...] = ()
    grad_output: np.ndarray | None = None

    @property
    def finite(self) -> bool:
        """Whether the loss, every gradient and every new weight are finite numbers."""
        if not np.isfinite(self.loss):
            return False
        for grads in self.gradients:
            if not all(np.all(np.isfinite(g)) for g in grads.parameters.values()):
                return False
        return all(
            bool(np.all(np.isfinite(getattr(layer, name))))
            for layer, grads in zip(self.layers, self.gradients, strict=True)
            for name in grads.parameters
        )


def train_step(
    layers: Sequence[Layer],
    x: np.ndarray,
    target: np.ndarray,
    lr: float,
    momentum: float = 0.0,
    velocity: Velocity | None = None,
) -> TrainStep:
    """One step of gradient descent on the mean squared error.

    Parameters
    ----------
    layers
        The stack (its parameters are the starting weights).
    x
        The input, ``(C, H, W)`` (a 2-D array is one channel).
    target
        What the last layer should output, its shape.
    lr
        The learning rate η.
    momentum
        μ; 0 is plain gradient descent.
    velocity
        The previous step's :attr:`TrainStep.velocity` (``None`` at the first step).

    Returns
    -------
    TrainStep
        The loss before the update, the gradients and the updated layers. Nothing is
        checked for overflow here (see :attr:`TrainStep.finite`).
    """
    # Overflow is the caller's to see (TrainStep.finite), not a warning on the console.
    with np.errstate(over="ignore", invalid="ignore"):
        maps = stack_forward(layers, x)
        loss, grad_y = mse_loss(maps[-1], as_map(target))
        gradients = stack_backward(layers, maps, grad_y)
        new_layers: list[Layer] = []
        new_velocity: Velocity | None = [] if momentum else None
        for index, (layer, grads) in enumerate(zip(layers, gradients, strict=True)):
            steps = dict(grads.parameters)
            if new_velocity is not None:
                previous = velocity[index] if velocity is not None else {}
                steps = {
                    name: momentum * previous[name] + g if name in previous else g.copy()
                    for name, g in steps.items()
                }
                new_velocity.append(steps)
            updated = {
                name: np.asarray(getattr(layer, name)) - lr * step for name, step in steps.items()
            }
            new_layers.append(layer.with_parameters(updated) if updated else layer)
    return TrainStep(
        loss=loss,
        gradients=gradients,
        layers=tuple(new_layers),
        velocity=new_velocity,
        maps=tuple(maps),
        grad_output=grad_y,
    )


@dataclass(frozen=True)
class TrainRun:
    """A run of gradient descent.

    Attributes
    ----------
    losses
        The loss before each update done, in order (``len(losses)`` steps were done).
    layers
        The trained layers: after the last step done (the last finite weights).
    stopped
        ``None`` when every step asked for was done; ``"overflow"`` when step
        ``len(losses) + 1`` made the loss, a gradient or a weight non-finite.
    """

    losses: list[float]
    layers: tuple[Layer, ...]
    stopped: str | None = None


def train(
    layers: Sequence[Layer],
    x: np.ndarray,
    target: np.ndarray,
    steps: int,
    lr: float,
    momentum: float = 0.0,
) -> TrainRun:
    """*steps* steps of gradient descent from *layers*' weights.

    A step whose loss, gradients or new weights are not all finite is not done: the run
    stops there with ``stopped="overflow"`` and keeps the weights of the step before.
    """
    current = tuple(layers)
    losses: list[float] = []
    velocity: Velocity | None = None
    for _ in range(steps):
        step = train_step(current, x, target, lr, momentum, velocity)
        if not step.finite:
            return TrainRun(losses=losses, layers=current, stopped="overflow")
        losses.append(step.loss)
        current, velocity = step.layers, step.velocity
    return TrainRun(losses=losses, layers=current)


__all__ = ["TrainRun", "TrainStep", "mse_loss", "train", "train_step"]
