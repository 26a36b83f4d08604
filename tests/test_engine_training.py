"""Training in the engine: the loss, a step of gradient descent, and whole runs against a
plain numpy gradient-descent loop written here from the definitions; overflow stops a run
and keeps the last finite weights; random stacks' gradients against finite differences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine.layers import (
    Activation,
    Conv2d,
    Pool2d,
    StackLayerError,
    backward,
    forward,
    shapes,
)
from convstudio.engine.training import TrainRun, mse_loss, train, train_step

FLOATS = st.floats(-3, 3, allow_nan=False, allow_infinity=False, allow_subnormal=False)


# -- the loop a student would write, from the definitions -------------------------------------


def slow_conv(x, k, b):
    """A valid convolution (cross-correlation) at stride 1 of one 2-D map, plus b."""
    kh, kw = k.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = b + sum(x[r + i, c + j] * k[i, j] for i in range(kh) for j in range(kw))
    return out


def slow_conv_back(x, k, dy):
    """dL/dx, dL/dk, dL/db of slow_conv: each product x·k met dy once."""
    dx, dk = np.zeros_like(x), np.zeros_like(k)
    for r in range(dy.shape[0]):
        for c in range(dy.shape[1]):
            for i in range(k.shape[0]):
                for j in range(k.shape[1]):
                    dk[i, j] += dy[r, c] * x[r + i, c + j]
                    dx[r + i, c + j] += dy[r, c] * k[i, j]
    return dx, dk, dy.sum()


def slow_max_pool(x):
    """2×2 windows at stride 2; also where each window's (first) largest value was."""
    out = np.zeros((x.shape[0] // 2, x.shape[1] // 2))
    where = {}
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            cells = [(2 * r + i, 2 * c + j) for i in range(2) for j in range(2)]
            best = cells[0]
            for cell in cells:
                if x[cell] > x[best]:
                    best = cell
            out[r, c], where[r, c] = x[best], best
    return out, where


def numpy_descent(x, k1, b1, k2, b2, target, lr, steps):
    """conv → ReLU → max pool 2 → conv, by plain gradient descent on the mean squared error."""
    losses = []
    for _ in range(steps):
        z = slow_conv(x, k1, b1)
        a = np.maximum(z, 0)
        p, where = slow_max_pool(a)
        y = slow_conv(p, k2, b2)
        losses.append(np.mean((y - target) ** 2))
        dy = 2 * (y - target) / y.size
        dp, dk2, db2 = slow_conv_back(p, k2, dy)
        da = np.zeros_like(a)
        for cell, (r, c) in where.items():
            da[r, c] += dp[cell]
        dz = da * (z > 0)
        _, dk1, db1 = slow_conv_back(x, k1, dz)
        k1, b1, k2, b2 = k1 - lr * dk1, b1 - lr * db1, k2 - lr * dk2, b2 - lr * db2
    return losses, k1, b1, k2, b2


def test_a_run_follows_a_plain_numpy_gradient_descent_loop():
    rng = np.random.default_rng(20)
    x = rng.normal(size=(10, 10))
    k1, k2 = rng.normal(size=(3, 3)), rng.normal(size=(2, 2))
    hidden = [Conv2d(rng.normal(size=(3, 3)), [0.3]), Activation("relu"),
              Pool2d("max_pool2d", 2), Conv2d(rng.normal(size=(2, 2)), [-0.2])]  # fmt: skip
    target = forward(hidden, x)[-1]
    layers = [Conv2d(k1, [0.1]), Activation("relu"), Pool2d("max_pool2d", 2),
              Conv2d(k2, [0.0])]  # fmt: skip
    run = train(layers, x, target, steps=25, lr=0.02)
    losses, e1, c1, e2, c2 = numpy_descent(x, k1, 0.1, k2, 0.0, target[0], 0.02, 25)
    assert run.stopped is None
    np.testing.assert_allclose(run.losses, losses, rtol=1e-10)
    assert run.losses[-1] < run.losses[0]
    np.testing.assert_allclose(run.layers[0].kernels[0, 0], e1, rtol=1e-10)
    np.testing.assert_allclose(run.layers[0].bias, [c1], rtol=1e-10)
    np.testing.assert_allclose(run.layers[3].kernels[0, 0], e2, rtol=1e-10)
    np.testing.assert_allclose(run.layers[3].bias, [c2], rtol=1e-10)
    assert run.layers[1] is layers[1] and run.layers[2] is layers[2]


def test_the_lessons_x_kernel_is_learned_from_its_map():
    # Issue 20's first lesson: from zero, gradient descent finds the X kernel.
    x = WORKED_INPUT / 255  # the lesson scales pixels to 0..1 before training
    run = train([Conv2d(np.zeros((3, 3)))], x, WORKED_OUTPUT / 255, steps=300, lr=0.2)
    assert run.stopped is None
    np.testing.assert_allclose(run.layers[0].kernels[0, 0], WORKED_KERNEL, atol=0.02)
    assert run.layers[0].bias is None  # a layer without bias stays without


# -- the loss ---------------------------------------------------------------------------------


def test_mse_loss_and_its_gradient_with_numbers():
    y = np.array([[[1.0, 2.0], [3.0, 4.0]]])
    t = np.array([[[1.0, 0.0], [3.0, 8.0]]])
    loss, grad = mse_loss(y, t)
    assert loss == (0 + 4 + 0 + 16) / 4
    np.testing.assert_array_equal(grad, [[[0.0, 1.0], [0.0, -2.0]]])  # 2(y − t)/4


def test_mse_loss_refuses_a_target_of_another_shape():
    with pytest.raises(ValueError, match="target"):
        mse_loss(np.zeros((1, 2, 2)), np.zeros((1, 2, 3)))


def test_a_loss_too_large_for_a_float_is_infinite_without_a_warning():
    with np.errstate(all="raise"):
        loss, _ = mse_loss(np.array([1e200]), np.array([-1e200]))
    assert loss == np.inf


# -- one step ---------------------------------------------------------------------------------


def test_a_step_updates_by_minus_the_learning_rate_times_the_gradient():
    rng = np.random.default_rng(1)
    x, target = rng.normal(size=(2, 5, 5)), rng.normal(size=(3, 3, 3))
    layers = (Conv2d(rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)), Activation("tanh"))
    before = layers[0].kernels.copy()
    step = train_step(layers, x, target, lr=0.1)
    maps = forward(layers, x)
    loss, grad_y = mse_loss(maps[-1], target)
    grads = backward(layers, maps, grad_y)
    assert step.loss == loss
    np.testing.assert_array_equal(step.grad_output, grad_y)
    np.testing.assert_array_equal(step.maps[-1], maps[-1])
    np.testing.assert_array_equal(step.gradients[0].parameters["kernels"],
                                  grads[0].parameters["kernels"])  # fmt: skip
    conv = step.layers[0]
    assert isinstance(conv, Conv2d)
    np.testing.assert_array_equal(
        conv.kernels, layers[0].kernels - 0.1 * grads[0].parameters["kernels"]
    )
    np.testing.assert_array_equal(conv.bias, layers[0].bias - 0.1 * grads[0].parameters["bias"])
    assert step.layers[1] is layers[1]
    assert step.velocity is None
    assert step.finite
    np.testing.assert_array_equal(layers[0].kernels, before)  # a step makes new layers


def test_momentum_keeps_a_velocity_as_torch_sgd():
    rng = np.random.default_rng(2)
    x, target = rng.normal(size=(1, 4, 4)), rng.normal(size=(1, 2, 2))
    layers = (Conv2d(rng.normal(size=(3, 3)), [0.5]),)
    first = train_step(layers, x, target, lr=0.1, momentum=0.9)
    g1 = first.gradients[0].parameters
    assert first.velocity is not None
    np.testing.assert_array_equal(first.velocity[0]["kernels"], g1["kernels"])  # v₁ = g₁
    second = train_step(first.layers, x, target, lr=0.1, momentum=0.9, velocity=first.velocity)
    g2 = second.gradients[0].parameters
    v2 = 0.9 * g1["bias"] + g2["bias"]
    np.testing.assert_allclose(second.velocity[0]["bias"], v2)
    np.testing.assert_allclose(second.layers[0].bias, first.layers[0].bias - 0.1 * v2)
    run = train(layers, x, target, steps=2, lr=0.1, momentum=0.9)
    np.testing.assert_array_equal(run.layers[0].kernels, second.layers[0].kernels)


def test_with_parameters_replaces_only_what_it_is_given():
    conv = Conv2d(np.ones((2, 1, 3, 3)), None, stride=2, padding=1, flip=True)
    changed = conv.with_parameters({"kernels": np.zeros((2, 1, 3, 3))})
    assert changed.kernels.sum() == 0 and changed.bias is None
    assert (changed.stride, changed.padding, changed.flip) == (2, 1, True)
    assert not changed.kernels.flags.writeable
    np.testing.assert_array_equal(conv.with_parameters({}).kernels, conv.kernels)
    for layer in (Activation("relu"), Pool2d("avg_pool2d", 2)):
        assert layer.with_parameters({}) is layer
        with pytest.raises(ValueError):
            layer.with_parameters({"kernels": np.ones(1)})
    with pytest.raises(ValueError):
        conv.with_parameters({"weights": np.ones(1)})


# -- overflow ---------------------------------------------------------------------------------


def test_an_exploding_run_stops_and_keeps_the_last_finite_weights():
    x = WORKED_INPUT  # pixels 0..255: a learning rate of 0.01 is far too large
    run = train([Conv2d(np.zeros((3, 3)), [0.0])], x, WORKED_OUTPUT, steps=500, lr=0.01)
    assert run.stopped == "overflow"
    done = len(run.losses)
    assert 0 < done < 500
    assert all(np.isfinite(run.losses))
    assert run.losses[-1] > 1e100  # it exploded before it overflowed
    # The weights kept are those after the last step done: a run of that many steps.
    again = train([Conv2d(np.zeros((3, 3)), [0.0])], x, WORKED_OUTPUT, steps=done, lr=0.01)
    assert again.stopped is None and again.losses == run.losses
    np.testing.assert_array_equal(run.layers[0].kernels, again.layers[0].kernels)
    assert np.all(np.isfinite(run.layers[0].kernels))
    # The step that was not done is one whose new weights or loss are not finite.
    failed = train_step(run.layers, x, WORKED_OUTPUT, 0.01)
    assert not failed.finite


def test_a_first_step_that_overflows_keeps_the_starting_weights():
    layers = (Conv2d(np.full((3, 3), 1e200)),)
    run = train(layers, WORKED_INPUT, WORKED_OUTPUT, steps=3, lr=0.1)
    assert run == TrainRun(losses=[], layers=layers, stopped="overflow")


# -- gradients of random stacks against finite differences ------------------------------------


@st.composite
def stacks(draw):
    layers = []
    c = draw(st.integers(1, 2))
    channels = c
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["conv", "conv", "act", "pool"]))
        if kind == "conv":
            c_out = draw(st.integers(1, 2))
            k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            layers.append(
                Conv2d(
                    draw(hnp.arrays(np.float64, (c_out, c, *k), elements=FLOATS)),
                    bias=draw(st.none() | hnp.arrays(np.float64, (c_out,), elements=FLOATS)),
                    stride=draw(st.integers(1, 2)),
                    padding=draw(st.integers(0, 1)),
                    dilation=draw(st.integers(1, 2)),
                    padding_mode=draw(
                        st.sampled_from(["zeros", "reflect", "replicate", "circular"])
                    ),
                    flip=draw(st.booleans()),
                )
            )
            c = c_out
        elif kind == "act":
            layers.append(Activation(draw(st.sampled_from(["sigmoid", "tanh", "leaky_relu"])), 0.1))
        else:
            layers.append(Pool2d("avg_pool2d", 2, stride=1, padding=draw(st.integers(0, 1))))
    return channels, layers


@given(stacks(), st.integers(4, 7), st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_stacks_gradients_match_finite_differences(stack, side, seed):
    # Smooth layers only (max and ReLU have kinks, checked layer by layer elsewhere).
    channels, layers = stack
    try:
        shapes(layers, (channels, side, side))
    except StackLayerError:
        assume(False)
    # Random values, not a shrunk all-zero input (leaky ReLU has a kink at 0).
    x = np.random.default_rng(seed).uniform(-1, 1, (channels, side, side))
    target = forward(layers, x)[-1] + 0.5
    step = train_step(layers, x, target, lr=0.0)

    def loss_with(index, name, value):
        changed = list(layers)
        changed[index] = layers[index].with_parameters({name: value})
        return mse_loss(forward(changed, x)[-1], target)[0]

    def numeric(f, at, eps=1e-6):
        grad = np.zeros_like(at)
        for cell in np.ndindex(at.shape):
            up, down = at.copy(), at.copy()
            up[cell] += eps
            down[cell] -= eps
            grad[cell] = (f(up) - f(down)) / (2 * eps)
        return grad

    expected = numeric(lambda x_: mse_loss(forward(layers, x_)[-1], target)[0], x)
    np.testing.assert_allclose(step.gradients[0].input, expected, atol=1e-6, rtol=1e-5)
    for index, layer in enumerate(layers):
        for name, grad in step.gradients[index].parameters.items():
            at = np.array(getattr(layer, name))
            expected = numeric(lambda v, i=index, n=name: loss_with(i, n, v), at)
            np.testing.assert_allclose(grad, expected, atol=1e-6, rtol=1e-5)
