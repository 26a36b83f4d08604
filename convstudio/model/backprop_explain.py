"""The equation of each step of the backward pass and update, with its numbers.

Written in the lesson's notation, in the order of :class:`~convstudio.engine.backprop.
TrainingSteps`: ``∂L/∂Y = 2 × (429 − 0) / 16 = 53.625``, a weight's gradient as the sum of
∂L/∂Y times the input values that weight met, a gradient sent back through a layer as its
forward step weighed its inputs, and the update ``W = 1 − 0.001 × 12 = 0.988``. The words
around them go through :func:`~convstudio.model.i18n.translate`.
"""

from __future__ import annotations

from ..engine.backprop import GradStep
from .i18n import translate
from .layer_explain import FUNCTION_NAMES
from .numbers import format_number


def _shown(value: float) -> str:
    return format_number(value).replace("-", "−")


def _paren(value: float) -> str:
    text = _shown(value)
    return f"({text})" if value < 0 else text


def _products(grads: tuple[float, ...], factors: tuple[float, ...]) -> str:
    return " + ".join(f"{_paren(g)}×{_paren(f)}" for g, f in zip(grads, factors, strict=True))


def grad_equation(step: GradStep, lr: float) -> str:
    """The step's equation with its numbers (formulas are the same in every language)."""
    result = _shown(step.result)
    if step.part == "loss":
        (y,), (t,) = step.grads, step.factors
        return f"∂L/∂Y = 2 × ({_shown(y)} − {_paren(t)}) / N = {result}"
    if step.part == "kernels":
        return f"∂L/∂W = {_products(step.grads, step.factors)} = {result}"
    if step.part == "bias":
        return f"∂L/∂b = {' + '.join(_paren(g) for g in step.grads)} = {result}"
    if step.part == "update":
        (grad,), (old,) = step.grads, step.factors
        name = "b" if step.rule == "bias" else "W"
        return f"{name} = {_shown(old)} − {format_number(lr)} × {_paren(grad)} = {result}"
    return _sent_back(step)


def _sent_back(step: GradStep) -> str:
    """An ``"input"`` step: the forward step's ∂L/∂Y sent back to the cells it read."""
    if step.rule == "scatter":  # a transposed convolution's input cell gathers back
        return f"∂L/∂X = {_products(step.grads, step.factors) or '0'} = {_shown(step.result)}"
    g = step.grads[0]
    if step.rule == "conv2d":
        products = ", ".join(f"{_paren(g)}×{_paren(f)}" for f in step.factors)
        #: {0}: the gradient, {1}: the products, one per cell; {2}: how many cells.
        return translate("BackpropExplain", "∂L/∂Y = {0} sent back: {1} added to {2} cells").format(
            _shown(g), products, len(step.writes)
        )
    if step.rule == "max":
        #: {0}: the gradient; {1}: how many other cells the window has.
        return translate(
            "BackpropExplain", "∂L/∂Y = {0} goes to the window's winner only; its other {1} get 0"
        ).format(_shown(g), len(step.writes) - 1)
    if step.rule == "mean":
        share = g * step.factors[0]
        divisor = round(1 / step.factors[0])
        return translate(
            "BackpropExplain", "∂L/∂Y = {0} shared: {0} / {1} = {2} to each of {3} cells"
        ).format(_shown(g), divisor, _shown(share), len(step.writes))
    name = FUNCTION_NAMES[step.rule]
    factor = step.factors[0]
    equation = f"{_paren(g)} × {name}′ = {_paren(g)} × {_shown(factor)} = {_shown(g * factor)}"
    if factor == 0:
        return translate("BackpropExplain", "{0}: the gradient stops here").format(equation)
    return equation
