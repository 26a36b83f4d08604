"""Each step of the backward pass and update writes its equation with its numbers."""

from __future__ import annotations

import numpy as np
from lesson import WORKED_INPUT, WORKED_KERNEL

from convstudio.engine.backprop import TrainingSteps
from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d
from convstudio.model.backprop_explain import GradText, grad_equation
from convstudio.model.numbers import format_number


def text(steps, index) -> str:
    return str(grad_equation(steps, index))


def first_of(steps, part):
    return steps.offset([s.part for s in steps.sections].index(part))


def test_the_worked_example_s_loss_weight_and_update():
    steps = TrainingSteps(
        [Conv2d(WORKED_KERNEL, bias=[0.0])], WORKED_INPUT, np.zeros((1, 4, 4)), 0.001
    )
    # N is written as the number it is: the 16 values of the 4×4 map.
    assert grad_equation(steps, 0) == GradText("∂L/∂Y = 2 × (429 − 0) / 16 = ", "53.625")
    weight = text(steps, first_of(steps, "kernels"))
    assert weight.startswith("∂L/∂W = 53.625×18 + 63.125×54 + ")
    total = steps.gradients[0].parameters["kernels"][0, 0, 0, 0]
    assert weight.endswith(f"= {format_number(total)}")
    bias = text(steps, first_of(steps, "bias"))
    assert bias.startswith("∂L/∂b = 53.625 + 63.125 + ")
    update = steps.step(first_of(steps, "update"))
    written = text(steps, first_of(steps, "update"))
    assert written.startswith("W = 1 − 0.001 × ")
    assert written.endswith(f"= {update.result:.3f}".rstrip("0").replace("-", "−"))


def test_the_update_writes_the_learning_rate_as_the_training_panel_does():
    """η = 0.000005 (lessons 27 and 30): in plain decimals, not Python's 5e-06."""
    steps = TrainingSteps([Conv2d(WORKED_KERNEL)], WORKED_INPUT, np.zeros((1, 4, 4)), 0.000005)
    written = text(steps, first_of(steps, "update"))
    assert written.startswith("W = 1 − 0.000005 × ")
    assert "e-" not in written


def test_gradients_sent_back_through_each_kind_of_layer():
    x = np.array([[[-2.0, 3.0], [1.0, 4.0]]])
    one = Conv2d(np.ones((1, 1, 1, 1)))
    relu = TrainingSteps([one, Activation("relu")], x, np.ones((1, 2, 2)), 0.1)
    start = first_of(relu, "input")
    # The activation's input is named: its map shows its gradient by now.
    assert grad_equation(relu, start) == GradText(
        "(−0.5) × ReLU′(−2) = (−0.5) × 0 = ", "0", ": the gradient stops here"
    )
    assert text(relu, start + 1) == "1 × ReLU′(3) = 1 × 1 = 1"
    pool = TrainingSteps([one, Pool2d("max_pool2d", 2)], x, np.zeros((1, 1, 1)), 0.1)
    assert grad_equation(pool, first_of(pool, "input")) == GradText(
        "∂L/∂Y = ", "8", " goes to the window's winner, 4, alone; its other 3 cells get 0"
    )
    mean = TrainingSteps([one, Pool2d("avg_pool2d", 2)], x, np.zeros((1, 1, 1)), 0.1)
    assert grad_equation(mean, first_of(mean, "input")) == GradText(
        "∂L/∂Y = 3 shared: 3 / 4 = ", "0.75", " to each of 4 cells"
    )
    conv = TrainingSteps([one, Conv2d([[1.0, -1.0]])], x, np.zeros((1, 2, 1)), 0.1)
    assert grad_equation(conv, first_of(conv, "input")) == GradText(
        "∂L/∂Y = ", "−5", " sent back: (−5)×1, (−5)×(−1) added to 2 cells"
    )


def test_the_result_is_set_apart_where_a_translation_puts_it(monkeypatch):
    """zh_TW writes "{0}：梯度到此為止" with no space: the result is still the 0 alone."""
    words = {"{0}: the gradient stops here": "{0}：梯度到此為止"}
    monkeypatch.setattr(
        "convstudio.model.backprop_explain.translate", lambda _c, t: words.get(t, t)
    )
    x = np.array([[[-2.0, 3.0], [1.0, 4.0]]])
    relu = TrainingSteps(
        [Conv2d(np.ones((1, 1, 1, 1))), Activation("relu")], x, np.ones((1, 2, 2)), 0.1
    )
    assert grad_equation(relu, first_of(relu, "input")) == GradText(
        "(−0.5) × ReLU′(−2) = (−0.5) × 0 = ", "0", "：梯度到此為止"
    )


def test_a_transposed_convolution_s_input_cell_gathers_back():
    """Stepped by scatter, input cell 1 was sent to two output cells (kernel 1×2, stride 1);
    its gradient gathers their ∂L/∂Y back, times the same weights."""
    layers = [Conv2d(np.ones((1, 1, 1, 1))), ConvTranspose2d([[2.0, -1.0]])]
    x = np.array([[[1.0, 3.0]]])  # output: 2, 6 − 1 = 5, −3
    steps = TrainingSteps(layers, x, np.zeros((1, 1, 3)), 0.1)
    step = steps.step(first_of(steps, "input"))
    assert step.writes == ((0, 0, 0),)
    assert step.grad_cells == ((0, 0, 0), (0, 0, 1))
    # ∂L/∂Y = 2Y/3 = 4/3, 10/3, −2
    assert text(steps, first_of(steps, "input")) == "∂L/∂X = 1.333×2 + 3.333×(−1) = −0.667"
