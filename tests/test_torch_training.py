"""Training and the gradients of whole stacks against torch (autograd and torch.optim.SGD):
random stacks of every layer type and option, the meaning of "true convolution" (flip,
which torch has not: conv2d with the kernel flipped), padding words, ties in max pooling,
ReLU at 0. Skipped when torch is not installed; the engine tests never need it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

torch = pytest.importorskip("torch")
F = torch.nn.functional

from convstudio.engine import ConvSettingsError, as_pair, resolve_padding  # noqa: E402
from convstudio.engine import layers as layers_module  # noqa: E402
from convstudio.engine.layers import (  # noqa: E402
    Activation,
    Conv2d,
    Pool2d,
    StackLayerError,
    backward,
    forward,
    shapes,
)
from convstudio.engine.training import mse_loss, train  # noqa: E402

FLOATS = st.floats(-3, 3, allow_nan=False, allow_infinity=False, allow_subnormal=False)
CASES = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODES = ["zeros", "reflect", "replicate", "circular"]


def torch_stack(layers):
    """torch's version of *layers*: a function of a (1, C, H, W) tensor, and the leaf
    tensors of the parameters by (layer, name)."""
    params = {}
    steps = []
    for index, layer in enumerate(layers):
        if isinstance(layer, Conv2d):
            params[index, "kernels"] = torch.tensor(np.array(layer.kernels), requires_grad=True)
            if layer.bias is not None:
                params[index, "bias"] = torch.tensor(np.array(layer.bias), requires_grad=True)
        steps.append((index, layer))

    def run(t):
        for index, layer in steps:
            t = torch_layer(layer, t, params.get((index, "kernels")), params.get((index, "bias")))
        return t

    return run, params


def torch_layer(layer, t, w=None, b=None):
    if isinstance(layer, Conv2d):
        kh, kw = layer.kernels.shape[2:]
        stride, dilation = as_pair(layer.stride, "stride"), as_pair(layer.dilation, "dilation")
        top, bottom, left, right = resolve_padding(layer.padding, (kh, kw), dilation, stride)
        mode = "constant" if layer.padding_mode == "zeros" else layer.padding_mode
        t = F.pad(t, (left, right, top, bottom), mode=mode)
        # A true convolution slides the kernel turned half a turn: torch has only that.
        w = torch.flip(w, dims=(2, 3)) if layer.flip else w
        return F.conv2d(t, w, b, stride, 0, dilation, layer.groups)
    if isinstance(layer, Activation):
        return {
            "relu": F.relu,
            "leaky_relu": lambda u: F.leaky_relu(u, layer.negative_slope),
            "sigmoid": torch.sigmoid,
            "tanh": torch.tanh,
        }[layer.kind](t)
    stride = layer.kernel_size if layer.stride is None else layer.stride
    if layer.kind == "max_pool2d":
        return F.max_pool2d(t, layer.kernel_size, stride, layer.padding, layer.dilation,
                            ceil_mode=layer.ceil_mode)  # fmt: skip
    return F.avg_pool2d(t, layer.kernel_size, stride, layer.padding, layer.ceil_mode,
                        layer.count_include_pad)  # fmt: skip


# -- random stacks ----------------------------------------------------------------------------


@st.composite
def conv_layers(draw, c_in):
    groups = draw(st.sampled_from([g for g in (1, 2) if c_in % g == 0]))
    c_out = groups * draw(st.integers(1, 2))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    stride = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    padding = draw(
        st.sampled_from(["valid", "full"] + (["same"] if stride == (1, 1) else []))
        | st.tuples(st.integers(0, 2), st.integers(0, 2))
    )
    layer = Conv2d(
        draw(hnp.arrays(np.float64, (c_out, c_in // groups, *k), elements=FLOATS)),
        bias=draw(st.none() | hnp.arrays(np.float64, (c_out,), elements=FLOATS)),
        stride=stride,
        padding=padding,
        dilation=(draw(st.integers(1, 2)), draw(st.integers(1, 2))),
        groups=groups,
        padding_mode=draw(st.sampled_from(MODES)),
        flip=draw(st.booleans()),
    )
    return layer, c_out


@st.composite
def pool_layers(draw):
    kind = draw(st.sampled_from(["max_pool2d", "avg_pool2d"]))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return Pool2d(
        kind,
        k,
        stride=draw(st.none() | st.tuples(st.integers(1, 2), st.integers(1, 2))),
        padding=(draw(st.integers(0, k[0] // 2)), draw(st.integers(0, k[1] // 2))),
        dilation=1 if kind == "avg_pool2d" else (draw(st.integers(1, 2)), draw(st.integers(1, 2))),
        ceil_mode=draw(st.booleans()),
        count_include_pad=draw(st.booleans()),
    )


@st.composite
def stacks(draw):
    channels = c = draw(st.integers(1, 2))
    layers = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["conv", "conv", "activation", "pool"]))
        if kind == "conv":
            layer, c = draw(conv_layers(c))
        elif kind == "activation":
            layer = Activation(
                draw(st.sampled_from(["relu", "leaky_relu", "sigmoid", "tanh"])),
                negative_slope=draw(st.sampled_from([0.01, 0.2, 1.5])),
            )
        else:
            layer = draw(pool_layers())
        layers.append(layer)
    side = (draw(st.integers(3, 9)), draw(st.integers(3, 9)))
    return layers, (channels, *side)


def computes(layers, shape):
    """Whether the stack takes an input of *shape* (random settings often do not)."""
    try:
        shapes(layers, shape)
    except (StackLayerError, ConvSettingsError):
        return False
    return True


@given(stacks(), st.integers(0, 2**32 - 1))
@CASES
def test_random_stacks_gradients_match_torch_autograd(stack, seed):
    layers, shape = stack
    assume(computes(layers, shape))
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, shape)
    maps = forward(layers, x)
    target = rng.uniform(-1, 1, maps[-1].shape)
    run, params = torch_stack(layers)
    tx = torch.tensor(x[None], requires_grad=True)
    out = run(tx)
    loss = F.mse_loss(out, torch.tensor(target[None]))
    loss.backward()
    ours, grad_y = mse_loss(maps[-1], target)
    np.testing.assert_allclose(maps[-1], out.detach().numpy()[0], rtol=1e-9, atol=1e-9)
    assert ours == pytest.approx(loss.item(), rel=1e-9, abs=1e-12)
    grads = backward(layers, maps, grad_y)
    np.testing.assert_allclose(grads[0].input, tx.grad.numpy()[0], rtol=1e-8, atol=1e-10)
    for (index, name), tensor in params.items():
        np.testing.assert_allclose(
            grads[index].parameters[name], tensor.grad.numpy(), rtol=1e-8, atol=1e-10
        )
        assert set(grads[index].parameters) == {n for (i, n) in params if i == index}


# -- whole runs against torch.optim.SGD -------------------------------------------------------


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_a_run_matches_torch_sgd(momentum):
    rng = np.random.default_rng(11)
    x = rng.uniform(-1, 1, (2, 12, 12))
    layers = [
        Conv2d(
            rng.normal(size=(4, 1, 3, 3)) * 0.5,
            rng.normal(size=4) * 0.1,
            padding=1,
            padding_mode="reflect",
            groups=2,
        ),
        Activation("leaky_relu", 0.1),
        Pool2d("max_pool2d", 2),
        Conv2d(
            rng.normal(size=(3, 4, 2, 2)) * 0.5, None, stride=(1, 2), dilation=(2, 1), flip=True
        ),
        Activation("tanh"),
        Pool2d("avg_pool2d", 2, stride=1, padding=1, count_include_pad=False),
    ]
    target = rng.uniform(-0.5, 0.5, forward(layers, x)[-1].shape)
    ours = train(layers, x, target, steps=30, lr=0.3, momentum=momentum)

    run, params = torch_stack(layers)
    optimizer = torch.optim.SGD(list(params.values()), lr=0.3, momentum=momentum)
    losses = []
    for _ in range(30):
        optimizer.zero_grad()
        loss = F.mse_loss(run(torch.tensor(x[None])), torch.tensor(target[None]))
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    assert ours.stopped is None
    np.testing.assert_allclose(ours.losses, losses, rtol=1e-9)
    for (index, name), tensor in params.items():
        got = getattr(ours.layers[index], name)
        np.testing.assert_allclose(got, tensor.detach().numpy(), rtol=1e-9, atol=1e-12)
    assert ours.layers[3].bias is None


# -- the options torch spells differently -----------------------------------------------------


@given(
    hnp.arrays(np.float64, (2, 6, 7), elements=FLOATS),
    hnp.arrays(np.float64, (3, 2, 3, 2), elements=FLOATS),
    st.tuples(st.integers(1, 2), st.integers(1, 2)),
)
@CASES
def test_a_true_convolution_is_torchs_with_the_kernel_turned_half_a_turn(x, w, stride):
    layer = Conv2d(w, np.array([1.0, -1.0, 0.5]), stride=stride, flip=True)
    tx = torch.tensor(x[None], requires_grad=True)
    tw = torch.tensor(np.ascontiguousarray(w[:, :, ::-1, ::-1]), requires_grad=True)
    out = F.conv2d(tx, tw, torch.tensor([1.0, -1.0, 0.5], dtype=torch.float64), stride)
    g = np.random.default_rng(0).uniform(-1, 1, tuple(out.shape))
    (out * torch.tensor(g)).sum().backward()
    np.testing.assert_allclose(layer.forward(x), out.detach().numpy()[0], rtol=1e-9, atol=1e-9)
    grads = layer.backward(x, g[0])
    np.testing.assert_allclose(grads.input, tx.grad.numpy()[0], rtol=1e-9, atol=1e-9)
    # The gradient of the kernel as the scene holds it: torch's, turned back.
    np.testing.assert_allclose(
        grads.parameters["kernels"], tw.grad.numpy()[:, :, ::-1, ::-1], rtol=1e-9, atol=1e-9
    )


@pytest.mark.filterwarnings("ignore:Using padding='same'")  # torch's note on its speed
@pytest.mark.parametrize("kernel", [(3, 3), (2, 4), (1, 2)])
@pytest.mark.parametrize("dilation", [1, 2])
def test_same_padding_is_torchs_same(kernel, dilation):
    rng = np.random.default_rng(5)
    x, w = rng.normal(size=(1, 6, 7)), rng.normal(size=(2, 1, *kernel))
    layer = Conv2d(w, padding="same", dilation=dilation)
    tx = torch.tensor(x[None], requires_grad=True)
    tw = torch.tensor(w, requires_grad=True)
    out = F.conv2d(tx, tw, padding="same", dilation=dilation)
    g = rng.uniform(-1, 1, tuple(out.shape))
    (out * torch.tensor(g)).sum().backward()
    np.testing.assert_allclose(layer.forward(x), out.detach().numpy()[0], atol=1e-12)
    grads = layer.backward(x, g[0])
    np.testing.assert_allclose(grads.input, tx.grad.numpy()[0], atol=1e-12)
    np.testing.assert_allclose(grads.parameters["kernels"], tw.grad.numpy(), atol=1e-12)


@given(
    hnp.arrays(np.float64, (2, 5, 6), elements=st.integers(0, 2).map(float)),
    pool_layers().filter(lambda layer: layer.kind == "max_pool2d"),
)
@CASES
def test_ties_in_max_pooling_go_where_torch_sends_them(x, layer):
    # Values 0, 1 and 2 only: most windows hold ties.
    try:
        layer.output_shape(x.shape)
    except ConvSettingsError:
        assume(False)
    tx = torch.tensor(x[None], requires_grad=True)
    out = torch_layer(layer, tx)
    g = np.random.default_rng(1).uniform(-1, 1, tuple(out.shape))
    (out * torch.tensor(g)).sum().backward()
    np.testing.assert_array_equal(layer.forward(x), out.detach().numpy()[0])
    np.testing.assert_allclose(layer.backward(x, g[0]).input, tx.grad.numpy()[0], atol=1e-15)


@pytest.mark.parametrize(
    ("kind", "slope"), [("relu", 0.01), ("leaky_relu", 0.01), ("leaky_relu", 0.3)]
)
def test_the_gradient_at_zero_is_torchs(kind, slope):
    x = np.array([[[-1.0, 0.0, 2.0]]])
    layer = Activation(kind, slope)
    tx = torch.tensor(x, requires_grad=True)
    out = torch_layer(layer, tx)
    out.sum().backward()
    np.testing.assert_array_equal(layer.backward(x, np.ones_like(x)).input, tx.grad.numpy())


def test_a_run_through_a_transposed_convolution_matches_torch_sgd():
    # Issue 19's layer, where the engine has it: the update is the protocol's, any layer's.
    transpose = getattr(layers_module, "ConvTranspose2d", None)
    if transpose is None:
        pytest.skip("this engine has no ConvTranspose2d yet")
    rng = np.random.default_rng(19)
    x = rng.uniform(-1, 1, (2, 4, 4))
    w1, b1, w2 = (
        rng.normal(size=(2, 3, 3, 3)) * 0.4,
        rng.normal(size=3),
        rng.normal(size=(1, 3, 2, 2)),
    )
    layers = [
        transpose(w1, b1, stride=2, padding=1, output_padding=1),
        Activation("tanh"),
        Conv2d(w2, None, stride=2),
    ]
    target = rng.uniform(-0.5, 0.5, forward(layers, x)[-1].shape)
    ours = train(layers, x, target, steps=15, lr=0.2, momentum=0.5)

    params = [torch.tensor(p, requires_grad=True) for p in (w1, b1, w2)]
    optimizer = torch.optim.SGD(params, lr=0.2, momentum=0.5)
    losses = []
    for _ in range(15):
        optimizer.zero_grad()
        y = F.conv_transpose2d(torch.tensor(x[None]), params[0], params[1], 2, 1, 1)
        y = F.conv2d(torch.tanh(y), params[2], None, 2)
        loss = F.mse_loss(y, torch.tensor(target[None]))
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    np.testing.assert_allclose(ours.losses, losses, rtol=1e-9)
    np.testing.assert_allclose(ours.layers[0].kernels, params[0].detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(ours.layers[0].bias, params[1].detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(ours.layers[2].kernels, params[2].detach().numpy(), atol=1e-12)
