"""One training step, stepped: each part's steps rebuild the gradients of the whole
backward pass (checked against finite differences and the engine's own backward), and the
update's steps the new weights."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine import ConvSettingsError
from convstudio.engine.backprop import TrainingSteps
from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Layer, Pool2d, shapes
from convstudio.engine.training import mse_loss

FLOATS = st.floats(-4, 4, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def loss_of(layers, x, target):
    y = x
    for layer in layers:
        y = layer.forward(y)
    return float(np.mean((y - target) ** 2))


def numeric(f, array, eps=1e-6):
    """Central differences of f with respect to every element of *array* (changed in place)."""
    grad = np.zeros(array.shape)
    for index in np.ndindex(array.shape):
        old = array[index]
        array[index] = old + eps
        up = f()
        array[index] = old - eps
        down = f()
        array[index] = old
        grad[index] = (up - down) / (2 * eps)
    return grad


@st.composite
def cases(draw):
    """A small random stack (conv, activations, pools), its input and a target."""
    c = draw(st.integers(1, 2))
    h, w = draw(st.integers(4, 7)), draw(st.integers(4, 7))
    layers: list[Layer] = []
    channels = c
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["conv", "conv", "act", "pool", "tconv"]))
        if kind == "tconv":
            groups = draw(st.sampled_from([g for g in (1, 2) if channels % g == 0]))
            per_group = draw(st.integers(1, 2))
            k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            stride = draw(st.integers(1, 2))
            dilation = draw(st.integers(1, 2))
            layers.append(
                ConvTranspose2d(
                    draw(hnp.arrays(np.float64, (channels, per_group, *k), elements=FLOATS)),
                    bias=draw(
                        st.none() | hnp.arrays(np.float64, (groups * per_group,), elements=FLOATS)
                    ),
                    stride=stride,
                    padding=draw(st.integers(0, 1)),
                    output_padding=draw(st.integers(0, max(stride, dilation) - 1)),
                    dilation=dilation,
                    groups=groups,
                    stepping=draw(st.sampled_from(["scatter", "gather"])),
                )
            )
            channels = groups * per_group
        elif kind == "conv":
            groups = draw(st.sampled_from([g for g in (1, 2) if channels % g == 0]))
            out = groups * draw(st.integers(1, 2))
            k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            layers.append(
                Conv2d(
                    draw(hnp.arrays(np.float64, (out, channels // groups, *k), elements=FLOATS)),
                    bias=draw(st.none() | hnp.arrays(np.float64, (out,), elements=FLOATS)),
                    stride=draw(st.integers(1, 2)),
                    padding=draw(st.integers(0, 1)),
                    dilation=draw(st.integers(1, 2)),
                    groups=groups,
                    padding_mode=draw(st.sampled_from(["zeros", "reflect", "replicate"])),
                    flip=draw(st.booleans()),
                )
            )
            channels = out
        elif kind == "act":
            name = draw(st.sampled_from(["relu", "leaky_relu", "sigmoid", "tanh"]))
            layers.append(Activation(name, negative_slope=0.1))
        else:
            layers.append(
                Pool2d(
                    draw(st.sampled_from(["max_pool2d", "avg_pool2d"])),
                    kernel_size=2,
                    padding=draw(st.integers(0, 1)),
                    count_include_pad=draw(st.booleans()),
                )
            )
    x = draw(hnp.arrays(np.float64, (c, h, w), elements=FLOATS))
    try:
        shape = shapes(layers, x.shape)[-1]
    except ConvSettingsError:
        assume(False)
    target = draw(hnp.arrays(np.float64, shape, elements=FLOATS))
    return layers, x, target


def summed(step):
    return sum(g * f for g, f in zip(step.grads, step.factors, strict=True))


@given(cases())
@SLOW
def test_the_steps_rebuild_every_gradient(case):
    layers, x, target = case
    steps = TrainingSteps(layers, x, target, lr=0.1)
    found_kernels = {
        i: np.zeros(g.parameters["kernels"].shape)
        for i, g in enumerate(steps.gradients)
        if g.parameters
    }
    found_bias = {
        i: np.zeros(g.parameters["bias"].shape)
        for i, g in enumerate(steps.gradients)
        if "bias" in g.parameters
    }
    found_input = {i: np.zeros(steps.maps[i].shape) for i in range(1, len(layers))}
    found_loss = np.zeros(steps.maps[-1].shape)
    for index in range(steps.n_steps):
        step = steps.step(index)
        if step.part == "loss":
            (y,), (t,) = step.grads, step.factors
            assert step.result == pytest.approx(2 * (y - t) / target.size)
            found_loss[step.writes[0]] = step.result
        elif step.part == "kernels":
            assert summed(step) == pytest.approx(step.result, abs=1e-9)
            found_kernels[step.layer][step.writes[0]] = summed(step)
        elif step.part == "bias":
            found_bias[step.layer][step.writes[0]] = summed(step)
        elif step.part == "input":
            for cell, value in step.contributions():
                found_input[step.layer][cell] += value
    np.testing.assert_allclose(found_loss, mse_loss(steps.maps[-1], target)[1])
    for i, grad in found_kernels.items():
        np.testing.assert_allclose(grad, steps.gradients[i].parameters["kernels"], atol=1e-9)
    for i, grad in found_bias.items():
        np.testing.assert_allclose(grad, steps.gradients[i].parameters["bias"], atol=1e-9)
    for i, grad in found_input.items():
        np.testing.assert_allclose(grad, steps.gradients[i].input, atol=1e-9)
        np.testing.assert_allclose(
            steps.input_progress(i, layers[i].step_count(steps.maps[i].shape)), grad, atol=1e-9
        )


@given(cases())
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_gradients_are_the_loss_s_slopes(case):
    """Finite differences of the loss itself: the backward pass is not checked against itself."""
    layers, x, target = case
    # Keep away from the kinks of ReLU and max pooling, where a slope has two sides.
    assume(all(not isinstance(layer, Pool2d) or layer.kind == "avg_pool2d" for layer in layers))
    steps = TrainingSteps(layers, x, target, lr=0.1)
    # ...and of inputs on a ReLU's kink (a zero kernel makes them all 0): a slope there
    # has two sides, and differences straddle them.
    for layer, before in zip(layers, steps.maps, strict=False):
        if isinstance(layer, Activation) and layer.kind in ("relu", "leaky_relu"):
            assume(np.all(np.abs(before) > 1e-3))
    for index, layer in enumerate(layers):
        if not isinstance(layer, (Conv2d, ConvTranspose2d)):
            continue
        kernels = np.array(layer.kernels)

        def loss(kernels=kernels, index=index, layer=layer):
            changed = list(layers)
            changed[index] = layer.with_parameters({"kernels": kernels})
            return loss_of(changed, x, target)

        slope = numeric(loss, kernels)
        near_kink = any(
            isinstance(other, Activation) and other.kind in ("relu", "leaky_relu")
            for other in layers
        )
        tolerance = 1e-3 if near_kink else 1e-5
        np.testing.assert_allclose(
            steps.gradients[index].parameters["kernels"], slope, atol=tolerance, rtol=1e-3
        )


@given(cases())
@SLOW
def test_the_update_steps_give_the_updated_layers(case):
    layers, x, target = case
    steps = TrainingSteps(layers, x, target, lr=0.05)
    updated = steps.updated()
    new = {
        i: {
            "kernels": np.array(layer.kernels),
            "bias": None if layer.bias is None else np.array(layer.bias),
        }
        for i, layer in enumerate(layers)
        if isinstance(layer, (Conv2d, ConvTranspose2d))
    }
    for index in range(steps.n_steps):
        step = steps.step(index)
        if step.part == "update":
            (grad,), (old,) = step.grads, step.factors
            assert step.result == pytest.approx(old - 0.05 * grad)
            new[step.layer][step.rule][step.writes[0]] = step.result
    for i, arrays in new.items():
        np.testing.assert_allclose(arrays["kernels"], updated[i].kernels)
        if arrays["bias"] is not None:
            np.testing.assert_allclose(arrays["bias"], updated[i].bias)


def test_the_worked_example_s_first_weight_step():
    """The lesson's X kernel against a target of zeros: dL/dW[0,0] sums dL/dY × the input
    values the top-left weight met, its first term the 429 cell × the input's 18."""
    layer = Conv2d(WORKED_KERNEL)
    target = np.zeros((1, 4, 4))
    steps = TrainingSteps([layer], WORKED_INPUT, target, lr=0.001)
    first = steps.step(0)
    assert first.part == "loss"
    assert first.grads == (float(WORKED_OUTPUT[0, 0]),) == (429.0,)
    assert first.result == pytest.approx(2 * 429 / 16)
    weight = steps.step(16)  # after the 16 loss steps: the first weight
    assert weight.part == "kernels" and weight.writes == ((0, 0, 0, 0),)
    assert weight.grads[0] == pytest.approx(2 * 429 / 16)
    assert weight.factors[:2] == (float(WORKED_INPUT[0, 0]), float(WORKED_INPUT[0, 1]))
    assert weight.factor_cells[0] == (0, 0, 0)
    # One layer: no input steps; 16 loss, 9 kernel and 9 update steps.
    assert [s.part for s in steps.sections] == ["loss", "kernels", "update"]
    assert steps.n_steps == 16 + 9 + 9


def test_max_pool_sends_the_gradient_to_its_winner_only():
    x = np.array([[[1.0, 5.0], [3.0, 2.0]]])
    layers = [Conv2d(np.ones((1, 1, 1, 1))), Pool2d("max_pool2d", kernel_size=2)]
    steps = TrainingSteps(layers, x, np.zeros((1, 1, 1)), lr=0.1)
    sections = [s.part for s in steps.sections]
    start = steps.offset(sections.index("input"))
    step = steps.step(start)
    assert step.rule == "max"
    assert step.writes == ((0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1))
    assert step.factors == (0.0, 1.0, 0.0, 0.0)
    assert step.grads == (pytest.approx(2 * 5.0),)
    # The others are sent 0: known, not still to come.
    assert step.contributions() == [
        ((0, 0, 0), 0.0),
        ((0, 0, 1), pytest.approx(10.0)),
        ((0, 1, 0), 0.0),
        ((0, 1, 1), 0.0),
    ]


def test_relu_stops_where_its_input_was_negative():
    x = np.array([[[-2.0, 3.0]]])
    layers = [Conv2d(np.ones((1, 1, 1, 1))), Activation("relu")]
    steps = TrainingSteps(layers, x, np.zeros((1, 1, 2)), lr=0.1)
    start = steps.offset([s.part for s in steps.sections].index("input"))
    stopped, passed = steps.step(start), steps.step(start + 1)
    assert stopped.factors == (0.0,) and passed.factors == (1.0,)
    assert passed.grads == (pytest.approx(3.0),)


def test_steps_outside_the_pass_are_refused():
    steps = TrainingSteps(
        [Conv2d(np.ones((1, 1, 2, 2)))], np.ones((1, 3, 3)), np.zeros((1, 2, 2)), 0.1
    )
    with pytest.raises(IndexError):
        steps.step(steps.n_steps)
    with pytest.raises(IndexError):
        steps.step(-1)


def test_a_leaky_relu_at_exactly_zero_passes_its_slope_as_the_engines_backward():
    # ReLU makes every input of the leaky ReLU 0: its gradient there is its slope (torch's).
    layers = [Activation("relu"), Activation("leaky_relu", negative_slope=0.1)]
    steps = TrainingSteps(layers, np.full((1, 1, 2), -1.0), np.ones((1, 1, 2)), lr=0.1)
    found = np.zeros((1, 1, 2))
    for index in range(steps.n_steps):
        step = steps.step(index)
        if step.part == "input":
            assert step.factors == (0.1,)
            for cell, value in step.contributions():
                found[cell] += value
    np.testing.assert_allclose(found, steps.gradients[1].input)
    np.testing.assert_allclose(found, 0.1 * steps.grad_outputs[1])


def slow_partial_sums(steps: TrainingSteps, index: int) -> set[float]:
    """Every running sum of layer *index*'s input gradient, stepping every step."""
    number = next(n for n, s in enumerate(steps.sections) if (s.part, s.layer) == ("input", index))
    start, count = steps.offset(number), steps.sections[number].count
    sums = np.zeros(steps.maps[index].shape)
    found = {0.0}
    for k in range(count):
        for cell, value in steps.step(start + k).contributions():
            sums[cell] += value
            found.add(round(float(sums[cell]), 9))
    return found


def fast_partial_sums(steps: TrainingSteps, index: int) -> set[float]:
    return {round(float(v), 9) for v in steps.input_partial_sums(index)}


@given(cases())
@SLOW
def test_the_partial_sums_are_those_stepping_gives(case):
    layers, x, target = case
    steps = TrainingSteps(layers, x, target, lr=0.01)
    for index in range(1, len(layers)):
        assert fast_partial_sums(steps, index) == slow_partial_sums(steps, index)


@pytest.mark.parametrize(
    "pool",
    [
        Pool2d("max_pool2d", 2),  # windows apart: each cell written once, no step needed
        Pool2d("max_pool2d", 3, stride=2),  # windows share a row and a column
        Pool2d("max_pool2d", 2, stride=2, dilation=2),  # spread: the windows interleave
        Pool2d("avg_pool2d", 2, stride=1),
        Activation("tanh"),
    ],
)
def test_overlapping_windows_give_their_running_sums(pool):
    x = np.arange(49.0).reshape(1, 7, 7) % 5
    layers = [Conv2d(np.ones((1, 1, 1, 1))), pool]
    target = np.zeros(shapes(layers, x.shape)[-1])
    steps = TrainingSteps(layers, x, target, lr=0.01)
    assert fast_partial_sums(steps, 1) == slow_partial_sums(steps, 1)
