"""Every layer type against torch.nn.functional, forwards and backwards (autograd).

Skipped when torch is not installed; the engine tests never need it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

torch = pytest.importorskip("torch")
F = torch.nn.functional

from convstudio.engine import ConvSettingsError  # noqa: E402
from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d  # noqa: E402

FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)
CASES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(layer_fn, x, *params):
    """torch's output and the gradients of sum(output × g) for a fixed random g."""
    tx = torch.from_numpy(x[None]).requires_grad_(True)
    tparams = [None if p is None else torch.from_numpy(p).requires_grad_(True) for p in params]
    out = layer_fn(tx, *tparams)
    g = torch.from_numpy(np.random.default_rng(7).uniform(-1, 1, tuple(out.shape)))
    (out * g).sum().backward()
    grads = [None if p is None else p.grad.numpy() for p in tparams]
    return out.detach().numpy()[0], g.numpy()[0], tx.grad.numpy()[0], grads


@st.composite
def pool_cases(draw):
    kind = draw(st.sampled_from(["max_pool2d", "avg_pool2d"]))
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    p = (draw(st.integers(0, k[0] // 2)), draw(st.integers(0, k[1] // 2)))
    d = (1, 1) if kind == "avg_pool2d" else (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    x = draw(
        hnp.arrays(
            np.float64,
            (draw(st.integers(1, 2)), draw(st.integers(1, 8)), draw(st.integers(1, 8))),
            elements=FLOATS,
            unique=True,  # no ties: torch and we pick the same winner either way
        )
    )
    return kind, k, s, p, d, draw(st.booleans()), draw(st.booleans()), x


@given(pool_cases())
@CASES
def test_pooling_matches_torch(case):
    kind, k, s, p, d, ceil_mode, include_pad, x = case
    layer = Pool2d(kind, k, stride=s, padding=p, dilation=d, ceil_mode=ceil_mode,
                   count_include_pad=include_pad)  # fmt: skip
    try:
        layer.output_shape(x.shape)
    except ConvSettingsError:
        # Refused: torch refuses too, or (a window of padding only) gives -inf.
        try:
            if kind == "max_pool2d":
                out = F.max_pool2d(torch.from_numpy(x[None]), k, s, p, d, ceil_mode=ceil_mode)
            else:
                out = F.avg_pool2d(torch.from_numpy(x[None]), k, s, p, ceil_mode, include_pad)
        except RuntimeError:
            return
        assert out.numel() == 0 or torch.isinf(out).any()
        return

    def fn(tx):
        if kind == "max_pool2d":
            return F.max_pool2d(tx, k, s, p, d, ceil_mode=ceil_mode)
        return F.avg_pool2d(tx, k, s, p, ceil_mode, include_pad)

    out, g, grad_x, _ = run(fn, x)
    np.testing.assert_allclose(layer.forward(x), out, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.backward(x, g).input, grad_x, rtol=1e-12, atol=1e-12)


@given(
    hnp.arrays(np.float64, (2, 3, 4), elements=FLOATS),
    st.sampled_from(["relu", "leaky_relu", "sigmoid", "tanh"]),
)
@CASES
def test_activations_match_torch(x, kind):
    assume(np.all(x != 0))  # the derivative at 0 is a convention
    fn = {
        "relu": F.relu,
        "leaky_relu": lambda t: F.leaky_relu(t, 0.2),
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
    }[kind]
    layer = Activation(kind, negative_slope=0.2)
    out, g, grad_x, _ = run(fn, x)
    np.testing.assert_allclose(layer.forward(x), out, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(layer.backward(x, g).input, grad_x, rtol=1e-12, atol=1e-15)


@st.composite
def conv_cases(draw):
    c_in = draw(st.integers(1, 4))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    c_out = groups * draw(st.integers(1, 4 // groups))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return {
        "x": draw(
            hnp.arrays(
                np.float64,
                (c_in, draw(st.integers(2, 7)), draw(st.integers(2, 7))),
                elements=FLOATS,
            )
        ),
        "w": draw(hnp.arrays(np.float64, (c_out, c_in // groups, *k), elements=FLOATS)),
        "b": draw(st.none() | hnp.arrays(np.float64, (c_out,), elements=FLOATS)),
        "stride": (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
        "padding": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
        "dilation": (draw(st.integers(1, 2)), draw(st.integers(1, 2))),
        "groups": groups,
        "mode": draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"])),
    }


@given(conv_cases())
@CASES
def test_conv_gradients_match_torch_autograd(case):
    layer = Conv2d(
        case["w"],
        case["b"],
        stride=case["stride"],
        padding=case["padding"],
        dilation=case["dilation"],
        groups=case["groups"],
        padding_mode=case["mode"],
    )
    try:
        layer.output_shape(case["x"].shape)
    except ConvSettingsError:
        assume(False)

    def fn(tx, tw, tb):
        if case["mode"] != "zeros":
            ph, pw = case["padding"]
            tx = F.pad(tx, (pw, pw, ph, ph), mode=case["mode"])
            return F.conv2d(tx, tw, tb, case["stride"], 0, case["dilation"], case["groups"])
        return F.conv2d(tx, tw, tb, case["stride"], case["padding"], case["dilation"],
                        case["groups"])  # fmt: skip

    out, g, grad_x, (grad_w, grad_b) = run(fn, case["x"], case["w"], case["b"])
    np.testing.assert_allclose(layer.forward(case["x"]), out, rtol=1e-9, atol=1e-9)
    grads = layer.backward(case["x"], g)
    np.testing.assert_allclose(grads.input, grad_x, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(grads.parameters["kernels"], grad_w, rtol=1e-9, atol=1e-9)
    if case["b"] is not None:
        np.testing.assert_allclose(grads.parameters["bias"], grad_b, rtol=1e-9, atol=1e-9)


@st.composite
def transpose_cases(draw):
    c_in = draw(st.integers(1, 4))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    per_group = draw(st.integers(1, 3))
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return {
        "x": draw(
            hnp.arrays(
                np.float64,
                (c_in, draw(st.integers(1, 6)), draw(st.integers(1, 6))),
                elements=FLOATS,
            )
        ),
        "w": draw(hnp.arrays(np.float64, (c_in, per_group, *k), elements=FLOATS)),
        "b": draw(st.none() | hnp.arrays(np.float64, (groups * per_group,), elements=FLOATS)),
        "stride": stride,
        "padding": (draw(st.integers(0, 3)), draw(st.integers(0, 3))),
        # Sometimes one torch refuses (not smaller than the stride nor the dilation).
        "output_padding": (draw(st.integers(0, 3)), draw(st.integers(0, 3))),
        "dilation": dilation,
        "groups": groups,
        "stepping": draw(st.sampled_from(["scatter", "gather"])),
    }


@given(transpose_cases())
@CASES
def test_transposed_convolution_matches_torch_forwards_and_backwards(case):
    layer = ConvTranspose2d(
        case["w"],
        case["b"],
        stride=case["stride"],
        padding=case["padding"],
        output_padding=case["output_padding"],
        dilation=case["dilation"],
        groups=case["groups"],
        stepping=case["stepping"],
    )

    def fn(tx, tw, tb):
        return F.conv_transpose2d(
            tx, tw, tb, case["stride"], case["padding"], case["output_padding"],
            case["groups"], case["dilation"],
        )  # fmt: skip

    try:
        layer.output_shape(case["x"].shape)
    except ConvSettingsError:
        # Refused: torch refuses too.
        with pytest.raises(RuntimeError):
            fn(torch.from_numpy(case["x"][None]), torch.from_numpy(case["w"]),
               None if case["b"] is None else torch.from_numpy(case["b"]))  # fmt: skip
        return
    out, g, grad_x, (grad_w, grad_b) = run(fn, case["x"], case["w"], case["b"])
    y = layer.forward(case["x"])
    np.testing.assert_allclose(y, out, rtol=1e-9, atol=1e-9)
    assert layer.output_shape(case["x"].shape) == out.shape
    grads = layer.backward(case["x"], g)
    np.testing.assert_allclose(grads.input, grad_x, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(grads.parameters["kernels"], grad_w, rtol=1e-9, atol=1e-9)
    if case["b"] is not None:
        np.testing.assert_allclose(grads.parameters["bias"], grad_b, rtol=1e-9, atol=1e-9)
    # The last step's progress (scatter) or the steps themselves (gather) give torch's output.
    n = layer.step_count(case["x"].shape)
    progress = layer.progress(case["x"], n)
    if progress is not None:
        np.testing.assert_allclose(progress.values, out, rtol=1e-9, atol=1e-9)
    else:
        results = [layer.step(case["x"], k).result for k in range(n)]
        np.testing.assert_allclose(np.reshape(results, out.shape), out, rtol=1e-9, atol=1e-9)
