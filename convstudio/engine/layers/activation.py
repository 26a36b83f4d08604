"""Activations, cell by cell: ReLU, leaky ReLU, sigmoid and tanh (``torch.nn.functional``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .base import (
    ELEMENTWISE,
    Gradients,
    LayerStep,
    Progress,
    Shape,
    Window,
    as_map,
    cell_of,
    check_parameter_names,
)

ACTIVATIONS: tuple[str, ...] = ("relu", "leaky_relu", "sigmoid", "tanh")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # Split by sign so that exp never overflows (exp of a large positive number is inf).
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1.0 + e)
    return out


@dataclass(frozen=True)
class Activation:
    """An activation applied to every cell of the map.

    Parameters
    ----------
    kind
        ``"relu"``, ``"leaky_relu"``, ``"sigmoid"`` or ``"tanh"``.
    negative_slope
        The slope of ``leaky_relu`` below zero (torch's default, 0.01); unused otherwise.
    """

    kind: str
    negative_slope: float = 0.01

    def __post_init__(self) -> None:
        if self.kind not in ACTIVATIONS:
            raise ValueError(f"unknown activation {self.kind!r}; use one of {ACTIVATIONS}")

    def output_shape(self, input_shape: Shape) -> Shape:
        """The input's shape: an activation keeps every cell where it is."""
        return input_shape

    def apply(self, x: np.ndarray) -> np.ndarray:
        """The activation of every value of *x* (any shape), as a new array."""
        x = np.asarray(x, dtype=np.float64)
        out: np.ndarray
        if self.kind == "relu":
            out = np.maximum(x, 0.0)
        elif self.kind == "leaky_relu":
            out = np.where(x > 0, x, x * self.negative_slope)
        elif self.kind == "sigmoid":
            out = _sigmoid(x)
        else:
            out = np.tanh(x)
        return out

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The activated map, ``(C, H, W)``."""
        return self.apply(as_map(x))

    def step_count(self, input_shape: Shape) -> int:
        """One step per cell."""
        channels, rows, cols = input_shape
        return channels * rows * cols

    def step(self, x: np.ndarray, index: int) -> LayerStep:
        """Step *index*: the activation of one cell."""
        x = as_map(x)
        cell = cell_of(index, (x.shape[0], x.shape[1], x.shape[2]))
        value = float(x[cell])
        return LayerStep(
            index=index,
            writes=(cell,),
            reads=(cell,),
            operation=self.kind,
            values=(value,),
            result=float(self.apply(np.array(value))),
        )

    def window(self) -> Window:
        """One cell: a 1×1 window at stride 1."""
        return ELEMENTWISE

    def parameter_count(self, input_shape: Shape) -> int:
        """None: an activation learns nothing."""
        return 0

    def macs(self, input_shape: Shape) -> int:
        """None with learned weights."""
        return 0

    def derivative(self, x: np.ndarray) -> np.ndarray:
        """The local derivative at every value of *x* (torch's choice at 0: 0 for ReLU)."""
        x = np.asarray(x, dtype=np.float64)
        out: np.ndarray
        if self.kind == "relu":
            out = (x > 0).astype(np.float64)
        elif self.kind == "leaky_relu":
            out = np.where(x > 0, 1.0, self.negative_slope)
        else:
            y = self.apply(x)
            out = y * (1.0 - y) if self.kind == "sigmoid" else 1.0 - y * y
        return out

    def backward(self, x: np.ndarray, grad_output: np.ndarray) -> Gradients:
        """dL/dx = dL/dy × the local derivative, cell by cell."""
        x = as_map(x)
        return Gradients(input=np.asarray(grad_output, dtype=np.float64) * self.derivative(x))

    def with_parameters(self, parameters: dict[str, np.ndarray]) -> Activation:
        """Itself: an activation has no parameters."""
        check_parameter_names(parameters, ())
        return self

    def progress(self, x: np.ndarray, done: int) -> Progress | None:
        """None: step *k* writes output cell *k*, finished."""
        return None
