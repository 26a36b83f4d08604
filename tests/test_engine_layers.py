"""The layer protocol: every layer type against a slow loop written from its definition,
gradients against finite differences, receptive fields and traces against a brute-force
dependency search."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT
from reference import ref_source

from convstudio.engine import ConvSettingsError, conv2d
from convstudio.engine.layers import (
    Activation,
    Conv2d,
    Layer,
    Pool2d,
    PoolEmptyWindowError,
    PoolPaddingError,
    PoolTooSmallError,
    StackLayerError,
    backward,
    forward,
    receptive_fields,
    shapes,
    trace,
)

FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- slow, obvious references ----------------------------------------------------------------


def ref_pool_size(n, k, s, p, d, ceil_mode):
    """torch's output size, written out: floor or ceil, then drop a window starting past."""
    span = n + 2 * p - d * (k - 1) - 1
    out = (math.ceil(span / s) if ceil_mode else math.floor(span / s)) + 1
    if ceil_mode and (out - 1) * s >= n + p:
        out -= 1
    return out


def ref_pool(x, kind, k, s, p, d, ceil_mode, count_include_pad):
    """Pooling cell by cell: a window over the input, padding never a value."""
    c, h, w = x.shape
    ho = ref_pool_size(h, k[0], s[0], p[0], d[0], ceil_mode)
    wo = ref_pool_size(w, k[1], s[1], p[1], d[1], ceil_mode)
    out = np.zeros((c, ho, wo))
    for ch in range(c):
        for r in range(ho):
            for col in range(wo):
                cells = []
                for i in range(k[0]):
                    for j in range(k[1]):
                        rr = r * s[0] - p[0] + i * d[0]
                        cc = col * s[1] - p[1] + j * d[1]
                        if 0 <= rr < h and 0 <= cc < w:
                            cells.append(x[ch, rr, cc])
                if kind == "max_pool2d":
                    out[ch, r, col] = max(cells)
                    continue
                if count_include_pad:
                    # Cells of the window inside the padded input (ceil mode may reach past).
                    rows = min(r * s[0] - p[0] + k[0], h + p[0]) - (r * s[0] - p[0])
                    cols = min(col * s[1] - p[1] + k[1], w + p[1]) - (col * s[1] - p[1])
                    divisor = rows * cols
                else:
                    divisor = len(cells)
                out[ch, r, col] = sum(cells) / divisor
    return out


def empty_window(shape, w, sizes):
    """Whether some window reads only padding (a dilated window straddling the input)."""
    for axis in (0, 1):
        for o in range(sizes[axis]):
            taps = [o * w.stride[axis] - w.padding[axis] + i * w.dilation[axis]
                    for i in range(w.kernel[axis])]  # fmt: skip
            if not any(0 <= t < shape[1 + axis] for t in taps):
                return True
    return False


def numeric_gradient(f, x, eps=1e-6):
    """dL/dx of the scalar function *f* by central differences, cell by cell."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[index] += eps
        down[index] -= eps
        grad[index] = (f(up) - f(down)) / (2 * eps)
    return grad


# -- strategies ------------------------------------------------------------------------------


@st.composite
def pools(draw):
    kind = draw(st.sampled_from(["max_pool2d", "avg_pool2d"]))
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    p = (draw(st.integers(0, k[0] // 2)), draw(st.integers(0, k[1] // 2)))
    d = (1, 1) if kind == "avg_pool2d" else (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    layer = Pool2d(
        kind,
        kernel_size=k,
        stride=draw(st.sampled_from([None, s])),
        padding=p,
        dilation=d,
        ceil_mode=draw(st.booleans()),
        count_include_pad=draw(st.booleans()),
    )
    return layer


@st.composite
def maps(draw, channels=(1, 3), side=(1, 8)):
    c = draw(st.integers(*channels))
    h, w = draw(st.integers(*side)), draw(st.integers(*side))
    return draw(hnp.arrays(np.float64, (c, h, w), elements=FLOATS))


# -- activations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "slope", "value", "expected"),
    [
        ("relu", 0.01, -13.0, 0.0),
        ("relu", 0.01, 13.0, 13.0),
        ("leaky_relu", 0.1, -13.0, -1.3),
        ("leaky_relu", 0.1, 2.0, 2.0),
        ("sigmoid", 0.01, 0.0, 0.5),
        ("sigmoid", 0.01, -800.0, 0.0),
        ("tanh", 0.01, 0.5, math.tanh(0.5)),
    ],
)
def test_activation_of_one_value(kind, slope, value, expected):
    layer = Activation(kind, negative_slope=slope)
    assert layer.forward(np.array([[value]]))[0, 0, 0] == pytest.approx(expected)
    step = layer.step(np.array([[value]]), 0)
    assert step.reads == step.writes == ((0, 0, 0),)
    assert step.values == (value,)
    assert step.result == pytest.approx(expected)


@given(maps(), st.sampled_from(["relu", "leaky_relu", "sigmoid", "tanh"]))
@settings(deadline=None)
def test_activation_steps_rebuild_the_forward_pass(x, kind):
    layer = Activation(kind, negative_slope=0.2)
    out = layer.forward(x)
    shape = x.shape
    assert layer.output_shape(shape) == shape
    assert layer.step_count(shape) == x.size
    for index in range(layer.step_count(shape)):
        step = layer.step(x, index)
        (cell,) = step.writes
        assert step.result == out[cell]
    slow = {
        "relu": lambda v: max(v, 0.0),
        "leaky_relu": lambda v: v if v > 0 else 0.2 * v,
        "sigmoid": lambda v: 1 / (1 + math.exp(-v)),
        "tanh": math.tanh,
    }[kind]
    np.testing.assert_allclose(out, np.vectorize(slow)(x), rtol=1e-12, atol=1e-12)


def test_unknown_activation_is_refused():
    with pytest.raises(ValueError, match="swish"):
        Activation("swish")


# -- pooling ---------------------------------------------------------------------------------


def test_max_pool_of_the_lesson_window():
    x = np.array([[1.0, 13.0], [9.0, 11.0]])
    step = Pool2d("max_pool2d", 2).step(x, 0)
    assert step.operation == "max"
    assert step.values == (1.0, 13.0, 9.0, 11.0)
    assert step.winner == 1
    assert step.result == 13.0


def test_avg_pool_says_what_it_divides_by():
    x = np.array([[1.0, 13.0], [9.0, 11.0]])
    step = Pool2d("avg_pool2d", 2).step(x, 0)
    assert (step.operation, step.divisor, step.result) == ("mean", 4, 8.5)
    # A corner window with padding 1: 4 cells counted with the padding, 1 without.
    corner = np.array([[8.0, 0.0], [0.0, 0.0]])
    with_pad = Pool2d("avg_pool2d", 2, stride=2, padding=1).step(corner, 0)
    without = Pool2d("avg_pool2d", 2, stride=2, padding=1, count_include_pad=False)
    assert (with_pad.divisor, with_pad.result) == (4, 2.0)
    assert (without.step(corner, 0).divisor, without.step(corner, 0).result) == (1, 8.0)
    assert with_pad.reads[:3] == (None, None, None)


def test_max_pool_ties_go_to_the_first_cell():
    step = Pool2d("max_pool2d", 2).step(np.full((2, 2), 5.0), 0)
    assert step.winner == 0
    grad = Pool2d("max_pool2d", 2).backward(np.full((2, 2), 5.0), np.ones((1, 1, 1))).input
    np.testing.assert_array_equal(grad[0], [[1.0, 0.0], [0.0, 0.0]])


@given(pools(), maps())
@SLOW
def test_pooling_matches_the_slow_loop(layer, x):
    w = layer.window()
    sizes = [
        ref_pool_size(x.shape[1 + a], w.kernel[a], w.stride[a], w.padding[a], w.dilation[a],
                      layer.ceil_mode)
        for a in (0, 1)
    ]  # fmt: skip
    if min(sizes) < 1:
        with pytest.raises(PoolTooSmallError):
            layer.output_shape(x.shape)
        return
    if empty_window(x.shape, w, sizes):
        with pytest.raises(PoolEmptyWindowError):
            layer.output_shape(x.shape)
        return
    expected = ref_pool(
        x, layer.kind, w.kernel, w.stride, w.padding, w.dilation, layer.ceil_mode,
        layer.count_include_pad,
    )  # fmt: skip
    out = layer.forward(x)
    assert out.shape == layer.output_shape(x.shape) == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)
    for index in range(0, layer.step_count(x.shape), 3):
        step = layer.step(x, index)
        assert step.result == pytest.approx(out[step.writes[0]], rel=1e-12, abs=1e-12)
        for cell, value in zip(step.reads, step.values, strict=True):
            if cell is not None:
                assert x[cell] == value


@pytest.mark.parametrize(
    ("n", "k", "s", "p", "expected"),
    [
        # ceil mode keeps a partial last window that starts inside the input ...
        (5, 2, 2, 0, 3),
        # ... but never one that would start in the right padding.
        (4, 2, 2, 1, 3),
        (6, 3, 3, 1, 3),
        (1, 1, 2, 0, 1),
    ],
)
def test_ceil_mode_edge_cases(n, k, s, p, expected):
    layer = Pool2d("max_pool2d", k, stride=s, padding=p, ceil_mode=True)
    assert layer.output_shape((1, n, n)) == (1, expected, expected)
    assert ref_pool_size(n, k, s, p, 1, True) == expected


def test_pooling_refusals_carry_their_numbers():
    with pytest.raises(PoolPaddingError) as padding:
        Pool2d("max_pool2d", 2, padding=2).output_shape((1, 6, 6))
    assert (padding.value.padding, padding.value.kernel_size) == (2, 2)
    assert "at most 1" in str(padding.value)
    with pytest.raises(PoolTooSmallError) as small:
        Pool2d("max_pool2d", 3).output_shape((1, 2, 6))
    assert (small.value.axis, small.value.input_size, small.value.extent) == (0, 2, 3)
    with pytest.raises(ConvSettingsError):
        Pool2d("avg_pool2d", 0).output_shape((1, 4, 4))
    with pytest.raises(ConvSettingsError):
        Pool2d("avg_pool2d", 2, stride=0).output_shape((1, 4, 4))
    with pytest.raises(PoolEmptyWindowError) as empty:
        Pool2d("max_pool2d", (1, 2), padding=(0, 1), dilation=2).output_shape((1, 1, 1))
    assert (empty.value.axis, empty.value.position) == (1, 0)


# -- convolution behind the protocol -----------------------------------------------------------


def test_conv_layer_gives_the_lesson_numbers():
    x, kernel = WORKED_INPUT, WORKED_KERNEL
    layer = Conv2d(kernel)
    out = layer.forward(x)
    assert out.shape == (1, 4, 4)
    assert out[0, 0, :2].tolist() == [429.0, 505.0]
    np.testing.assert_array_equal(out[0], WORKED_OUTPUT)
    step = layer.step(x, 0)
    assert step.values == (18, 54, 51, 55, 121, 75, 35, 24, 204)
    assert step.weights == (1, 0, 1, 0, 1, 0, 1, 0, 1)
    assert step.result == 429.0
    assert step.reads[0] == (0, 0, 0) and step.reads[-1] == (0, 2, 2)
    assert layer.parameter_count((1, 6, 6)) == 9
    assert layer.macs((1, 6, 6)) == 16 * 9


def test_conv_layer_reads_no_cell_for_zero_padding_and_the_copied_cell_otherwise():
    x = np.arange(9.0).reshape(3, 3)
    zeros = Conv2d(np.ones((3, 3)), padding=1).step(x, 0)
    assert zeros.reads[0] is None and zeros.reads[4] == (0, 0, 0)
    replicate = Conv2d(np.ones((3, 3)), padding=1, padding_mode="replicate").step(x, 0)
    assert replicate.reads[0] == (0, 0, 0)


def test_a_conv_layer_keeps_read_only_weights():
    weights = np.ones((3, 3))
    layer = Conv2d(weights, bias=[1.0])
    weights[0, 0] = 5.0
    assert layer.kernels[0, 0, 0, 0] == 1.0
    with pytest.raises(ValueError):
        layer.kernels[0, 0, 0, 0] = 2.0


# -- gradients against finite differences ----------------------------------------------------


@st.composite
def conv_cases(draw):
    c_in = draw(st.integers(1, 3))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    c_out = groups * draw(st.integers(1, 2))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
    h, w = draw(st.integers(3, 6)), draw(st.integers(3, 6))
    layer = Conv2d(
        draw(hnp.arrays(np.float64, (c_out, c_in // groups, *k), elements=FLOATS)),
        bias=draw(st.none() | hnp.arrays(np.float64, (c_out,), elements=FLOATS)),
        stride=(draw(st.integers(1, 2)), draw(st.integers(1, 2))),
        padding=(draw(st.integers(0, 2)), draw(st.integers(0, 2))),
        dilation=(draw(st.integers(1, 2)), draw(st.integers(1, 2))),
        groups=groups,
        padding_mode=mode,
        flip=draw(st.booleans()),
    )
    x = draw(hnp.arrays(np.float64, (c_in, h, w), elements=FLOATS))
    return layer, x


@given(conv_cases(), st.randoms(use_true_random=False))
@SLOW
def test_conv_gradients_match_finite_differences(case, rng):
    layer, x = case
    try:
        out_shape = layer.output_shape(x.shape)
    except ConvSettingsError:
        assume(False)
    grad_y = np.array([rng.uniform(-1, 1) for _ in range(int(np.prod(out_shape)))]).reshape(
        out_shape
    )

    def loss_of_input(x_):
        return float((layer.forward(x_) * grad_y).sum())

    def loss_of(kernels=layer.kernels, bias=layer.bias):
        other = Conv2d(
            kernels, bias, stride=layer.stride, padding=layer.padding, dilation=layer.dilation,
            groups=layer.groups, padding_mode=layer.padding_mode, flip=layer.flip,
        )  # fmt: skip
        return float((other.forward(x) * grad_y).sum())

    grads = layer.backward(x, grad_y)
    # The loss is linear in x and in W: central differences are exact up to rounding.
    np.testing.assert_allclose(grads.input, numeric_gradient(loss_of_input, x), atol=1e-6)
    np.testing.assert_allclose(
        grads.parameters["kernels"],
        numeric_gradient(lambda w_: loss_of(kernels=w_), np.array(layer.kernels)),
        atol=1e-6,
    )
    if layer.bias is None:
        assert "bias" not in grads.parameters
    else:
        np.testing.assert_allclose(grads.parameters["bias"], grad_y.sum(axis=(1, 2)))


@given(pools(), maps(side=(2, 6)), st.randoms(use_true_random=False))
@SLOW
def test_pool_gradients_match_finite_differences(layer, x, rng):
    try:
        out_shape = layer.output_shape(x.shape)
    except ConvSettingsError:
        assume(False)
    # Distinct values a good way apart: no tie, so the max is differentiable everywhere here.
    x = np.array(rng.sample(range(x.size * 10), x.size), dtype=float).reshape(x.shape)
    grad_y = np.array([rng.uniform(-1, 1) for _ in range(int(np.prod(out_shape)))]).reshape(
        out_shape
    )
    grads = layer.backward(x, grad_y)
    expected = numeric_gradient(lambda x_: float((layer.forward(x_) * grad_y).sum()), x, 1e-3)
    np.testing.assert_allclose(grads.input, expected, atol=1e-6)
    assert grads.parameters == {}


@given(maps(), st.sampled_from(["relu", "leaky_relu", "sigmoid", "tanh"]))
@settings(deadline=None)
def test_activation_gradients_match_finite_differences(x, kind):
    x = np.where(np.abs(x) < 1e-3, 0.5, x)  # ReLU has no derivative at 0
    layer = Activation(kind, negative_slope=0.1)
    grad_y = np.linspace(-1, 1, x.size).reshape(x.shape)
    grads = layer.backward(x, grad_y)
    expected = numeric_gradient(lambda x_: float((layer.forward(x_) * grad_y).sum()), x, 1e-7)
    np.testing.assert_allclose(grads.input, expected, atol=1e-5)


def test_relu_stops_the_gradient_where_the_input_was_negative():
    x = np.array([[-13.0, 4.0], [0.0, 2.0]])
    grad = Activation("relu").backward(x, np.ones((1, 2, 2))).input
    np.testing.assert_array_equal(grad[0], [[0.0, 1.0], [0.0, 1.0]])


# -- stacks: shapes, refusals, receptive fields and traces -----------------------------------


@st.composite
def stacks(draw):
    layers: list[Layer] = []
    channels = draw(st.integers(1, 2))
    c = channels
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["conv", "conv", "relu", "pool"]))
        if kind == "conv":
            c_out = draw(st.integers(1, 2))
            k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            layers.append(
                Conv2d(
                    np.ones((c_out, c, *k)),
                    stride=draw(st.integers(1, 2)),
                    padding=draw(st.integers(0, 2)),
                    dilation=draw(st.integers(1, 2)),
                )
            )
            c = c_out
        elif kind == "relu":
            layers.append(Activation("relu"))
        else:
            layers.append(draw(pools()))
    return channels, layers


def dependencies(layers, input_shape, layer, row, col):
    """Brute force: the input cells (and each map's) that change output (row, col) of
    *layer*. With all-ones kernels, zero padding and zeros everywhere, a cell matters
    exactly when a 1 placed there reaches the output cell."""
    sizes = shapes(layers[: layer + 1], input_shape)
    found = []
    for start in range(layer + 1):
        c, h, w = sizes[start]
        rows, cols = [], []
        for index in np.ndindex(c, h, w):
            x = np.zeros((c, h, w))
            x[index] = 1.0
            maps_ = forward(layers[start : layer + 1], x)
            if np.any(maps_[-1][:, row, col] != 0):
                rows.append(index[1])
                cols.append(index[2])
        found.append(((min(rows), max(rows)), (min(cols), max(cols))) if rows else (None, None))
    return found


@given(stacks(), st.integers(6, 10), st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_trace_matches_a_brute_force_dependency_search(stack, side, data):
    channels, layers = stack
    try:
        sizes = shapes(layers, (channels, side, side))
    except StackLayerError:
        assume(False)
    # Avg pooling with count_include_pad and ones never cancels; max pool of zeros and a 1
    # picks the 1: every cell in a window matters, as the trace says.
    last = len(layers) - 1
    _, h, w = sizes[-1]
    row, col = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    assert trace(layers, (channels, side, side), last, row, col) == dependencies(
        layers, (channels, side, side), last, row, col
    )


@given(stacks())
@settings(deadline=None)
def test_receptive_fields_follow_the_recurrence(stack):
    _, layers = stack
    fields = receptive_fields(layers)
    size, jump = 1, 1
    for layer, field in zip(layers, fields, strict=True):
        window = layer.window()
        size = size + (window.kernel[0] - 1) * window.dilation[0] * jump
        jump = jump * window.stride[0]
        assert field.size[0] == size and field.jump[0] == jump


def test_two_three_by_three_convolutions_see_five_by_five_and_three_see_seven():
    three = [Conv2d(np.ones((3, 3))) for _ in range(3)]
    assert [f.size for f in receptive_fields(three)] == [(3, 3), (5, 5), (7, 7)]
    assert trace(three[:2], (1, 9, 9), 1, 0, 0)[0] == ((0, 4), (0, 4))
    pool = [Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2), Conv2d(np.ones((3, 3)))]
    assert [(f.size, f.jump) for f in receptive_fields(pool)] == [
        ((3, 3), (1, 1)),
        ((4, 4), (2, 2)),
        ((8, 8), (2, 2)),
    ]


def test_a_stack_names_the_layer_that_refuses():
    layers = [Conv2d(np.ones((3, 3))), Activation("relu"), Pool2d("max_pool2d", 2)]
    with pytest.raises(StackLayerError) as refused:
        shapes([*layers, Pool2d("max_pool2d", 2), Pool2d("max_pool2d", 2)], (1, 6, 6))
    assert refused.value.layer == 4
    assert refused.value.kind == "max_pool2d"
    assert refused.value.input_shape == (1, 1, 1)
    assert str(refused.value).startswith("Layer 5 (max_pool2d): ")


def test_the_stack_backward_pass_chains_the_layers():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(1, 6, 6))
    layers = [Conv2d(rng.normal(size=(2, 1, 3, 3)), bias=[0.5, -0.5]), Activation("tanh"),
              Pool2d("avg_pool2d", 2)]  # fmt: skip
    maps_ = forward(layers, x)
    grad_y = rng.normal(size=maps_[-1].shape)
    grads = backward(layers, maps_, grad_y)
    expected = numeric_gradient(lambda x_: float((forward(layers, x_)[-1] * grad_y).sum()), x)
    np.testing.assert_allclose(grads[0].input, expected, atol=1e-6)
    assert set(grads[0].parameters) == {"kernels", "bias"}


def test_conv_layer_matches_conv2d_and_the_padding_reference():
    # The protocol's forward pass is the engine's conv2d, and its reads follow the padding rule.
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 5, 4))
    w = rng.normal(size=(3, 2, 3, 2))
    for mode in ("zeros", "reflect", "replicate", "circular"):
        layer = Conv2d(w, padding=(1, 1), stride=(2, 1), padding_mode=mode)
        np.testing.assert_array_equal(
            layer.forward(x), conv2d(x, w, padding=(1, 1), stride=(2, 1), padding_mode=mode)
        )
        step = layer.step(x, 0)
        for term, cell in enumerate(step.reads):
            i, j = divmod(term % 6, 2)
            row, col = ref_source(i, 5, 1, mode), ref_source(j, 4, 1, mode)
            expected = None if row is None or col is None else (term // 6, row, col)
            assert cell == expected
