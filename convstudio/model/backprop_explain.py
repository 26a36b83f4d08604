"""The equation of each step of the backward pass and update, with its numbers.

Written in the lesson's notation, in the order of :class:`~convstudio.engine.backprop.
TrainingSteps`: ``∂L/∂Y = 2 × (429 − 0) / 16 = 53.625``, a weight's gradient as the sum of
∂L/∂Y times the input values that weight met, a gradient sent back through a layer as its
forward step weighed its inputs (a ReLU's input and a max pool's winner named, since the
map showing them then shows their gradient), and the update ``W = 1 − 0.001 × 12 =
0.988``. The words around them go through :func:`~convstudio.model.i18n.translate`.

Each equation comes in three parts, :class:`GradText`: the number the step writes is set
apart, so that it can be stressed wherever a language's sentence puts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.backprop import GradStep, TrainingSteps
from ..engine.layers import LayerStep
from .i18n import translate
from .layer_explain import FUNCTION_NAMES
from .numbers import format_number, plain_decimal


@dataclass(frozen=True)
class GradText:
    """A step's equation as the text before its result, the result, and the text after
    (``str()`` joins them)."""

    before: str
    result: str
    after: str = ""

    def __str__(self) -> str:
        return self.before + self.result + self.after


def _fill(template: str, *args: str | GradText) -> GradText:
    """*template* ("{0}: the gradient stops here") filled with *args*; the one
    :class:`GradText` among them (else the first argument) carries the result, wherever
    the template puts it."""
    key = next((i for i, a in enumerate(args) if isinstance(a, GradText)), 0)
    texts = [str(a) for a in args]
    mark = "{" + str(key) + "}"
    if mark not in template:  # cannot happen with a checked translation: unstressed
        return GradText(template.format(*texts), "")
    left, right = template.split(mark, 1)
    inner = args[key]
    part = inner if isinstance(inner, GradText) else GradText("", inner)
    return GradText(
        left.format(*texts) + part.before, part.result, part.after + right.format(*texts)
    )


def _shown(value: float) -> str:
    return format_number(value).replace("-", "−")


def _paren(value: float) -> str:
    text = _shown(value)
    return f"({text})" if value < 0 else text


def _products(grads: tuple[float, ...], factors: tuple[float, ...]) -> str:
    return " + ".join(f"{_paren(g)}×{_paren(f)}" for g, f in zip(grads, factors, strict=True))


def grad_equation(steps: TrainingSteps, index: int) -> GradText:
    """Step *index* of *steps*' equation with its numbers (formulas are the same in every
    language; the words around some are translated)."""
    step = steps.step(index)
    result = _shown(step.result)
    if step.part == "loss":
        (y,), (t,) = step.grads, step.factors
        count = steps.maps[-1].size  # N: every output value is in the mean
        return GradText(f"∂L/∂Y = 2 × ({_shown(y)} − {_paren(t)}) / {count} = ", result)
    if step.part == "kernels":
        return GradText(f"∂L/∂W = {_products(step.grads, step.factors)} = ", result)
    if step.part == "bias":
        return GradText(f"∂L/∂b = {' + '.join(_paren(g) for g in step.grads)} = ", result)
    if step.part == "update":
        (grad,), (old,) = step.grads, step.factors
        name = "b" if step.rule == "bias" else "W"
        # η as the Training panel shows it: a class reads 0.000005, not 5e-06.
        rate = plain_decimal(steps.lr)
        return GradText(f"{name} = {_shown(old)} − {rate} × {_paren(grad)} = ", result)
    undone = steps.undone(index)
    assert undone is not None  # every other part is written above
    return _sent_back(step, undone[1])


def _sent_back(step: GradStep, forward: LayerStep) -> GradText:
    """An ``"input"`` step: the *forward* step's ∂L/∂Y sent back to the cells it read."""
    rule, grads, factors, writes = step.rule, step.grads, step.factors, step.writes
    if rule == "scatter":  # a transposed convolution's input cell gathers back
        return GradText(f"∂L/∂X = {_products(grads, factors) or '0'} = ", _shown(step.result))
    g = grads[0]
    if rule == "conv2d":
        products = ", ".join(f"{_paren(g)}×{_paren(f)}" for f in factors)
        #: {0}: the gradient, {1}: the products, one per cell; {2}: how many cells.
        template = translate("BackpropExplain", "∂L/∂Y = {0} sent back: {1} added to {2} cells")
        return _fill(template, GradText("", _shown(g)), products, str(len(writes)))
    if rule == "max":
        #: {0}: the gradient; {1}: the window's largest value (its winner); {2}: how many
        #: other cells the window has.
        template = translate(
            "BackpropExplain",
            "∂L/∂Y = {0} goes to the window's winner, {1}, alone; its other {2} cells get 0",
        )
        winner = _shown(forward.result)
        return _fill(template, GradText("", _shown(g)), winner, str(len(writes) - 1))
    if rule == "mean":
        share = g * factors[0]
        divisor = round(1 / factors[0])
        #: {0}: the gradient; {1}: the divisor; {2}: each cell's share; {3}: how many cells.
        template = translate(
            "BackpropExplain", "∂L/∂Y = {0} shared: {0} / {1} = {2} to each of {3} cells"
        )
        return _fill(
            template, _shown(g), str(divisor), GradText("", _shown(share)), str(len(writes))
        )
    # An activation: its local derivative at the input value the forward step met, which
    # the map no longer shows (it shows that map's gradient now).
    name = f"{FUNCTION_NAMES[rule]}′({_shown(forward.values[0])})"
    factor = factors[0]
    equation = GradText(
        f"{_paren(g)} × {name} = {_paren(g)} × {_shown(factor)} = ", _shown(g * factor)
    )
    if factor == 0:
        #: {0}: the equation, ending in 0.
        return _fill(translate("BackpropExplain", "{0}: the gradient stops here"), equation)
    return equation
