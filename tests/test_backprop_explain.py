"""Each step of the backward pass and update writes its equation with its numbers."""

from __future__ import annotations

import numpy as np
from lesson import WORKED_INPUT, WORKED_KERNEL

from convstudio.engine.backprop import TrainingSteps
from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d
from convstudio.model.backprop_explain import grad_equation
from convstudio.model.numbers import format_number


def first_of(steps, part):
    return steps.offset([s.part for s in steps.sections].index(part))


def test_the_worked_example_s_loss_weight_and_update():
    steps = TrainingSteps(
        [Conv2d(WORKED_KERNEL, bias=[0.0])], WORKED_INPUT, np.zeros((1, 4, 4)), 0.001
    )
    assert grad_equation(steps.step(0), 0.001) == "∂L/∂Y = 2 × (429 − 0) / N = 53.625"
    weight = grad_equation(steps.step(first_of(steps, "kernels")), 0.001)
    assert weight.startswith("∂L/∂W = 53.625×18 + 63.125×54 + ")
    total = steps.gradients[0].parameters["kernels"][0, 0, 0, 0]
    assert weight.endswith(f"= {format_number(total)}")
    bias = grad_equation(steps.step(first_of(steps, "bias")), 0.001)
    assert bias.startswith("∂L/∂b = 53.625 + 63.125 + ")
    update = steps.step(first_of(steps, "update"))
    text = grad_equation(update, 0.001)
    assert text.startswith("W = 1 − 0.001 × ")
    assert text.endswith(f"= {update.result:.3f}".rstrip("0").replace("-", "−"))


def test_gradients_sent_back_through_each_kind_of_layer():
    x = np.array([[[-2.0, 3.0], [1.0, 4.0]]])
    one = Conv2d(np.ones((1, 1, 1, 1)))
    relu = TrainingSteps([one, Activation("relu")], x, np.ones((1, 2, 2)), 0.1)
    start = first_of(relu, "input")
    assert grad_equation(relu.step(start), 0.1) == (
        "(−0.5) × ReLU′ = (−0.5) × 0 = 0: the gradient stops here"
    )
    assert grad_equation(relu.step(start + 1), 0.1) == "1 × ReLU′ = 1 × 1 = 1"
    pool = TrainingSteps([one, Pool2d("max_pool2d", 2)], x, np.zeros((1, 1, 1)), 0.1)
    assert grad_equation(pool.step(first_of(pool, "input")), 0.1) == (
        "∂L/∂Y = 8 goes to the window's winner only; its other 3 get 0"
    )
    mean = TrainingSteps([one, Pool2d("avg_pool2d", 2)], x, np.zeros((1, 1, 1)), 0.1)
    assert grad_equation(mean.step(first_of(mean, "input")), 0.1) == (
        "∂L/∂Y = 3 shared: 3 / 4 = 0.75 to each of 4 cells"
    )
    conv = TrainingSteps([one, Conv2d([[1.0, -1.0]])], x, np.zeros((1, 2, 1)), 0.1)
    assert grad_equation(conv.step(first_of(conv, "input")), 0.1) == (
        "∂L/∂Y = −5 sent back: (−5)×1, (−5)×(−1) added to 2 cells"
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
    assert grad_equation(step, 0.1) == "∂L/∂X = 1.333×2 + 3.333×(−1) = −0.667"
