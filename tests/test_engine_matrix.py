"""A convolution as a matrix: the direct construction against the layer's forward pass on
basis maps, M·vec(x) against the output, a transposed convolution's matrix against the
transpose of the convolution's and a slow scatter loop, and im2col against the output."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from convstudio.engine import ConvSettingsError
from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.engine.matrix import (
    NoMatrixError,
    conv_matrix,
    group_channels,
    layer_im2col,
    layer_matrix,
    matrix_from_forward,
    transposed_matrix,
    transposed_output_size,
)

CASES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def conv_cases(draw):
    """A convolution with every option, and an input it can run on."""
    groups = draw(st.integers(1, 2))
    c_in = groups * draw(st.integers(1, 2))
    c_out = groups * draw(st.integers(1, 2))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
    padding = draw(
        st.sampled_from(["valid", "same", "full"]) | st.tuples(st.integers(0, 2), st.integers(0, 2))
    )
    stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    if padding == "same":
        stride = (1, 1)
    dilation = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    kernels = rng.integers(-4, 5, (c_out, c_in // groups, kh, kw)).astype(float)
    bias = rng.integers(-9, 10, c_out).astype(float) if draw(st.booleans()) else None
    layer = Conv2d(
        kernels,
        bias,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        padding_mode=mode,
        flip=draw(st.booleans()),
    )
    try:
        layer.output_shape((c_in, h, w))
    except ConvSettingsError:
        assume(False)
    return layer, rng.integers(-9, 10, (c_in, h, w)).astype(float)


@given(conv_cases())
@CASES
def test_conv_matrix_times_the_input_is_the_output(case):
    layer, x = case
    y = layer.forward(x)
    for o in range(y.shape[0]):
        total = sum(layer_matrix(layer, x.shape, c, o) @ x[c].ravel() for c in range(len(x)))
        bias = 0.0 if layer.bias is None else layer.bias[o]
        np.testing.assert_allclose(total + bias, y[o].ravel(), atol=1e-9)


@given(conv_cases())
@CASES
def test_the_direct_matrix_is_the_one_read_off_the_forward_pass(case):
    layer, x = case
    for o in range(layer.output_shape(x.shape)[0]):
        for c in range(len(x)):
            direct = layer_matrix(layer, x.shape, c, o)
            np.testing.assert_array_equal(direct, matrix_from_forward(layer, x.shape, c, o))
            if c not in group_channels(layer, x.shape, o):
                assert not direct.any()  # another group's channel: the zero matrix


@given(conv_cases())
@CASES
def test_im2col_times_the_kernel_is_the_output_and_its_rows_are_the_steps(case):
    layer, x = case
    y = layer.forward(x)
    _, ho, wo = y.shape
    for o in range(y.shape[0]):
        form = layer_im2col(layer, x, o)
        bias = 0.0 if layer.bias is None else layer.bias[o]
        np.testing.assert_allclose(form.output + bias, y[o].ravel(), atol=1e-9)
        assert form.channels == tuple(group_channels(layer, x.shape, o))
        # A row is the step's values, the kernel its weights: the view and the equation agree.
        cell = (ho * wo) // 2
        step = layer.step(x, o * ho * wo + cell)
        np.testing.assert_array_equal(form.windows[cell], step.values)
        np.testing.assert_array_equal(form.kernel, step.weights)


def test_a_worked_matrix_has_the_kernel_along_its_rows():
    # 3×3 input, 2×2 kernel, valid: row (0, 0) reads cells 0, 1, 3, 4.
    m = conv_matrix(np.array([[1.0, 2.0], [3.0, 4.0]]), (3, 3))
    assert m.shape == (4, 9)
    np.testing.assert_array_equal(m[0], [1, 2, 0, 3, 4, 0, 0, 0, 0])
    np.testing.assert_array_equal(m[3], [0, 0, 0, 0, 1, 2, 0, 3, 4])


# -- transposed convolutions -------------------------------------------------------------


def slow_transposed(x, w, s, p, d, op):
    """From the definition: each input value times the kernel, added into the output."""
    h, wd = x.shape
    kh, kw = w.shape
    ho = (h - 1) * s[0] - 2 * p[0] + d[0] * (kh - 1) + op[0] + 1
    wo = (wd - 1) * s[1] - 2 * p[1] + d[1] * (kw - 1) + op[1] + 1
    out = np.zeros((ho, wo))
    for a in range(h):
        for b in range(wd):
            for i in range(kh):
                for j in range(kw):
                    r, c = a * s[0] - p[0] + i * d[0], b * s[1] - p[1] + j * d[1]
                    if 0 <= r < ho and 0 <= c < wo:
                        out[r, c] += x[a, b] * w[i, j]
    return out


@st.composite
def transposed_cases(draw):
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    p = (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
    op = tuple(draw(st.integers(0, max(s[i], d[i]) - 1)) for i in range(2))
    h, w = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    ho = transposed_output_size(h, kh, s[0], p[0], d[0], op[0])
    wo = transposed_output_size(w, kw, s[1], p[1], d[1], op[1])
    assume(ho >= 1 and wo >= 1)
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    kernel = rng.integers(-4, 5, (kh, kw)).astype(float)
    return kernel, (h, w), s, p, d, op, rng.integers(-9, 10, (h, w)).astype(float)


@given(transposed_cases())
@CASES
def test_a_transposed_matrix_scatters_as_the_definition(case):
    kernel, hw, s, p, d, op, x = case
    m = transposed_matrix(kernel, hw, stride=s, padding=p, dilation=d, output_padding=op)
    expected = slow_transposed(x, kernel, s, p, d, op)
    np.testing.assert_allclose(m @ x.ravel(), expected.ravel(), atol=1e-9)


@given(transposed_cases())
@CASES
def test_a_transposed_matrix_is_the_transpose_of_the_convolutions(case):
    kernel, (h, w), s, p, d, op, _ = case
    m = transposed_matrix(kernel, (h, w), stride=s, padding=p, dilation=d, output_padding=op)
    ho = transposed_output_size(h, kernel.shape[0], s[0], p[0], d[0], op[0])
    wo = transposed_output_size(w, kernel.shape[1], s[1], p[1], d[1], op[1])
    # The convolution with the same kernel, stride, padding and dilation, from the
    # transposed one's output size back to its input size.
    # With an output_padding not below the stride (allowed below the dilation), the
    # convolution has windows past the transposed one's input: those rows are not its.
    conv = conv_matrix(kernel, (ho, wo), stride=s, padding=(p[0], p[0], p[1], p[1]), dilation=d)
    rows, cols = h + op[0] // s[0], w + op[1] // s[1]
    assert conv.shape == (rows * cols, ho * wo)
    kept = conv.reshape(rows, cols, -1)[:h, :w].reshape(h * w, -1)
    np.testing.assert_array_equal(m, kept.T)


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "layer", [Activation("relu"), Pool2d("max_pool2d", 2), Pool2d("avg_pool2d", 2)]
)
def test_a_layer_that_is_not_a_convolution_has_no_matrix(layer):
    with pytest.raises(NoMatrixError) as raised:
        layer_matrix(layer, (1, 4, 4), 0, 0)
    assert raised.value.kind == layer.kind
    with pytest.raises(NoMatrixError):
        layer_im2col(layer, np.zeros((1, 4, 4)), 0)


# -- the ConvTranspose2d layer (the "tconv" engine; skipped until it is there) -------------


def _conv_transpose2d():
    layers = pytest.importorskip("convstudio.engine.layers")
    if not hasattr(layers, "ConvTranspose2d"):
        pytest.skip("no ConvTranspose2d layer in this engine yet")
    return layers.ConvTranspose2d


@st.composite
def transposed_layer_cases(draw):
    groups = draw(st.integers(1, 2))
    c_in = groups * draw(st.integers(1, 2))
    per_group_out = draw(st.integers(1, 2))
    kernel, (h, w), s, p, d, op, _ = draw(transposed_cases())
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    kernels = rng.integers(-4, 5, (c_in, per_group_out, *kernel.shape)).astype(float)
    bias = rng.integers(-9, 10, groups * per_group_out).astype(float)
    x = rng.integers(-9, 10, (c_in, h, w)).astype(float)
    return dict(
        kernels=kernels,
        bias=bias,
        stride=s,
        padding=p,
        dilation=d,
        output_padding=op,
        groups=groups,
    ), x


@given(transposed_layer_cases())
@CASES
def test_a_transposed_layers_matrix_is_its_forward_and_the_convolutions_transpose(case):
    conv_transpose2d = _conv_transpose2d()
    settings_, x = case
    layer = conv_transpose2d(**settings_)
    y = layer.forward(x)
    for o in range(y.shape[0]):
        total = sum(layer_matrix(layer, x.shape, c, o) @ x[c].ravel() for c in range(len(x)))
        np.testing.assert_allclose(total + settings_["bias"][o], y[o].ravel(), atol=1e-9)
        form = layer_im2col(layer, x, o)
        np.testing.assert_allclose(form.output + settings_["bias"][o], y[o].ravel(), atol=1e-9)
        for c in range(len(x)):
            m = layer_matrix(layer, x.shape, c, o)
            np.testing.assert_array_equal(m, matrix_from_forward(layer, x.shape, c, o))
            if c in group_channels(layer, x.shape, o):
                weights = settings_["kernels"][c, o % settings_["kernels"].shape[1]]
                np.testing.assert_array_equal(
                    m,
                    transposed_matrix(
                        weights,
                        x.shape[1:],
                        stride=settings_["stride"],
                        padding=settings_["padding"],
                        dilation=settings_["dilation"],
                        output_padding=settings_["output_padding"],
                    ),
                )
            else:
                assert not m.any()


@given(transposed_layer_cases())
@CASES
def test_a_transposed_layers_m_is_the_transpose_of_the_conv2d_layers_with_its_kernel(case):
    conv_transpose2d = _conv_transpose2d()
    settings_, x = case
    layer = conv_transpose2d(**settings_)
    _, ho, wo = layer.output_shape(x.shape)
    s, p = settings_["stride"], settings_["padding"]
    h, w = x.shape[1:]
    kernel = settings_["kernels"][0, 0]
    conv = Conv2d(kernel, stride=s, padding=p, dilation=settings_["dilation"])
    forward_m = layer_matrix(conv, (1, ho, wo), 0, 0)
    rows, cols = (
        h + settings_["output_padding"][0] // s[0],
        w + settings_["output_padding"][1] // s[1],
    )
    kept = forward_m.reshape(rows, cols, -1)[:h, :w].reshape(h * w, -1)
    np.testing.assert_array_equal(layer_matrix(layer, x.shape, 0, 0), kept.T)


@given(transposed_layer_cases())
@CASES
def test_a_transposed_layers_im2col_rows_are_its_gather_steps(case):
    conv_transpose2d = _conv_transpose2d()
    settings_, x = case
    layer = conv_transpose2d(**settings_, stepping="gather")
    c_out, ho, wo = layer.output_shape(x.shape)
    for o in range(c_out):
        form = layer_im2col(layer, x, o)
        cell = (ho * wo) // 2
        step = layer.step(x, o * ho * wo + cell)
        np.testing.assert_array_equal(form.windows[cell], step.values)
        np.testing.assert_array_equal(form.kernel, step.weights)


@given(transposed_layer_cases())
@CASES
def test_a_transposed_layers_im2col_is_its_gather_forms_convolutions(case):
    conv_transpose2d = _conv_transpose2d()
    settings_, x = case
    layer = conv_transpose2d(**settings_)
    padded, conv = layer.gather_form(x)
    for o in range(layer.output_shape(x.shape)[0]):
        mine, theirs = layer_im2col(layer, x, o), layer_im2col(conv, padded, o)
        np.testing.assert_array_equal(mine.windows, theirs.windows)
        np.testing.assert_array_equal(mine.kernel, theirs.kernel)
