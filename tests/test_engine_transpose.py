"""The transposed convolution layer: against a slow loop written from its definition (every
input value times the kernel, added into the output), against its gather form (a
convolution of the stuffed, padded input with the flipped kernels), its two ways of
stepping, its progress part way, its gradients, its refusals, and its place in a stack
(traces, receptive fields). torch is checked in test_torch_layers.py."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convstudio.engine import ConvSettingsError, GroupsError
from convstudio.engine.layers import (
    Activation,
    Conv2d,
    ConvTranspose2d,
    Layer,
    OutputPaddingError,
    Pool2d,
    Progress,
    TransposeKernelLayoutError,
    TransposeTooSmallError,
    Window,
    forward,
    receptive_fields,
    shapes,
    trace,
)

FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- slow references from the definition ------------------------------------------------------


def ref_contributions(x, w, stride, padding, output_padding, dilation, groups):
    """Every (input cell, output cell, weight, its tap (local kernel, row, column)) of the
    definition, in the scatter's order: input cell by input cell (row-major), then output
    channel, kernel row, kernel column."""
    c_in, h, wd = x.shape
    _, og, kh, kw = w.shape
    (s0, s1), (p0, p1), (o0, o1), (d0, d1) = stride, padding, output_padding, dilation
    ho = (h - 1) * s0 - 2 * p0 + d0 * (kh - 1) + o0 + 1
    wo = (wd - 1) * s1 - 2 * p1 + d1 * (kw - 1) + o1 + 1
    cg = c_in // groups
    found = []
    for c in range(c_in):
        for r in range(h):
            for col in range(wd):
                for local in range(og):
                    o = c // cg * og + local
                    for i in range(kh):
                        for j in range(kw):
                            rr, cc = r * s0 - p0 + i * d0, col * s1 - p1 + j * d1
                            if 0 <= rr < ho and 0 <= cc < wo:
                                found.append(
                                    ((c, r, col), (o, rr, cc), w[c, local, i, j], (local, i, j))
                                )
    return found, (groups * og, ho, wo)


def ref_transpose(x, w, bias, stride, padding, output_padding, dilation, groups, done=None):
    """The output by the definition (after the first *done* input cells), and the count of
    contributions each output cell received."""
    contributions, shape = ref_contributions(
        x, w, stride, padding, output_padding, dilation, groups
    )
    out = np.zeros(shape) if bias is None else np.broadcast_to(bias[:, None, None], shape).copy()
    counts = np.zeros(shape, dtype=int)
    _, h, wd = x.shape
    for (c, r, col), cell, weight, _ in contributions:
        if done is not None and (c * h + r) * wd + col >= done:
            continue
        out[cell] += x[c, r, col] * weight
        counts[cell] += 1
    return out, counts


@st.composite
def transposes(draw, stepping=None):
    """A layer with every option drawn, and an input it may (or may not) accept."""
    groups = draw(st.integers(1, 2))
    c_in = groups * draw(st.integers(1, 2))
    og = draw(st.integers(1, 2))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 4)))  # rectangular kernels too
    stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    dilation = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    padding = (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
    output_padding = tuple(draw(st.integers(0, max(stride[a], dilation[a]) - 1)) for a in (0, 1))
    layer = ConvTranspose2d(
        draw(hnp.arrays(np.float64, (c_in, og, *k), elements=FLOATS)),
        bias=draw(st.none() | hnp.arrays(np.float64, (groups * og,), elements=FLOATS)),
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
        groups=groups,
        stepping=stepping or draw(st.sampled_from(["scatter", "gather"])),
    )
    x = draw(
        hnp.arrays(
            np.float64, (c_in, draw(st.integers(1, 4)), draw(st.integers(1, 4))), elements=FLOATS
        )
    )
    return layer, x


def _pairs(layer):
    """(stride, padding, output_padding, dilation) of *layer*, each a pair."""
    pair = lambda v: v if isinstance(v, tuple) else (v, v)  # noqa: E731
    return (pair(layer.stride), pair(layer.padding), pair(layer.output_padding),
            pair(layer.dilation))  # fmt: skip


def reference(layer, x, done=None):
    return ref_transpose(x, layer.kernels, layer.bias, *_pairs(layer), layer.groups, done)


def accepted(layer, x):
    try:
        layer.output_shape(x.shape)
    except ConvSettingsError:
        return False
    return True


# -- forward: the definition, the gather form, the steps --------------------------------------


@given(transposes())
@SLOW
def test_forward_is_the_definitions_scatter(case):
    layer, x = case
    assume(accepted(layer, x))
    expected, _ = reference(layer, x)
    np.testing.assert_allclose(layer.forward(x), expected, rtol=1e-12, atol=1e-12)
    assert layer.output_shape(x.shape) == expected.shape


@given(transposes())
@SLOW
def test_the_gather_form_is_a_convolution_giving_the_same_output(case):
    layer, x = case
    assume(accepted(layer, x))
    padded, conv = layer.gather_form(x)
    assert isinstance(conv, Conv2d)
    np.testing.assert_allclose(conv.forward(padded), layer.forward(x), rtol=1e-12, atol=1e-12)
    # The window describes the same reading: stuffed, padded by d·(k − 1) − p, stride 1.
    window = layer.window()
    assert window.stride == (1, 1)
    assert window.input_dilation == tuple(np.broadcast_to(layer.stride, 2))


@given(transposes(stepping="scatter"))
@SLOW
def test_scatter_steps_rebuild_the_output_one_input_cell_at_a_time(case):
    layer, x = case
    assume(accepted(layer, x))
    expected_writes, _ = ref_contributions(x, layer.kernels, *_pairs(layer), layer.groups)
    c_in, h, w = x.shape
    assert layer.step_count(x.shape) == c_in * h * w
    out = np.zeros(layer.output_shape(x.shape))
    if layer.bias is not None:
        out += layer.bias[:, None, None]
    seen = []
    for k in range(layer.step_count(x.shape)):
        step = layer.step(x, k)
        assert step.operation == "scatter"
        assert step.reads == (np.unravel_index(k, x.shape),)
        assert step.values == (x[step.reads[0]],) and step.result == x[step.reads[0]]
        assert len(step.weights) == len(step.writes)
        for cell, weight in zip(step.writes, step.weights, strict=True):
            out[cell] += step.result * weight
            seen.append((step.reads[0], cell, weight))
    assert seen == [(a, b, c) for a, b, c, _ in expected_writes]
    np.testing.assert_allclose(out, layer.forward(x), rtol=1e-12, atol=1e-12)


@given(transposes(stepping="gather"))
@SLOW
def test_gather_steps_are_convolution_terms_summing_to_each_output_cell(case):
    layer, x = case
    assume(accepted(layer, x))
    y = layer.forward(x)
    assert layer.step_count(x.shape) == y.size
    padded, conv = layer.gather_form(x)
    window = layer.window()
    cg = x.shape[0] // layer.groups
    for k in range(y.size):
        step = layer.step(x, k)
        cell = np.unravel_index(k, y.shape)
        assert step.operation == "conv2d" and step.writes == (tuple(map(int, cell)),)
        terms = sum(v * w for v, w in zip(step.values, step.weights, strict=True))
        assert step.result == pytest.approx(terms + step.bias, abs=1e-9)
        assert step.result == pytest.approx(y[cell], abs=1e-9)
        # Each term is the equivalent convolution's: its weight the flipped kernel's, its
        # value the stuffed input's (a read input cell, or None for a zero).
        conv_step = conv.step(padded, k)
        assert step.weights == conv_step.weights
        assert step.values == pytest.approx(conv_step.values, abs=0)
        kh, kw = layer.kernels.shape[2:]
        for index, read in enumerate(step.reads):
            c, rest = divmod(index, kh * kw)
            i, j = divmod(rest, kw)
            q = (cell[1] - window.padding[0] + i * window.dilation[0],
                 cell[2] - window.padding[1] + j * window.dilation[1])  # fmt: skip
            s = window.input_dilation
            whole = q[0] % s[0] == 0 and q[1] % s[1] == 0
            inside = whole and 0 <= q[0] // s[0] < x.shape[1] and 0 <= q[1] // s[1] < x.shape[2]
            channel = cell[0] // (layer.kernels.shape[1]) * cg + c
            assert read == ((channel, q[0] // s[0], q[1] // s[1]) if inside else None)


def test_both_steppings_give_the_same_numbers():
    rng = np.random.default_rng(1)
    w, x = rng.normal(size=(2, 3, 3, 3)), rng.normal(size=(2, 4, 4))
    scatter = ConvTranspose2d(w, [1.0, 2.0, 3.0], stride=2, padding=1, output_padding=1)
    gather = ConvTranspose2d(w, [1.0, 2.0, 3.0], stride=2, padding=1, output_padding=1,
                             stepping="gather")  # fmt: skip
    np.testing.assert_array_equal(scatter.forward(x), gather.forward(x))
    assert scatter.output_shape(x.shape) == (3, 8, 8)
    assert scatter.step_count(x.shape) == 32 and gather.step_count(x.shape) == 3 * 64
    assert (
        scatter.window()
        == gather.window()
        == Window(
            kernel=(3, 3), stride=(1, 1), padding=(1, 1), dilation=(1, 1), input_dilation=(2, 2)
        )
    )


def test_a_2x2_input_upsampled_by_a_2x2_kernel_at_stride_2_is_four_copies():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    layer = ConvTranspose2d(np.array([[1.0, 10.0], [100.0, 1000.0]]), stride=2)
    out = layer.forward(x)[0]
    assert out.shape == (4, 4)
    np.testing.assert_array_equal(out[:2, :2], [[1, 10], [100, 1000]])
    np.testing.assert_array_equal(out[2:, 2:], [[4, 40], [400, 4000]])
    step = layer.step(x, 1)
    assert step.writes == ((0, 0, 2), (0, 0, 3), (0, 1, 2), (0, 1, 3))
    assert step.weights == (1.0, 10.0, 100.0, 1000.0) and step.result == 2.0


def test_the_stuffed_input_has_stride_minus_one_zeros_between_cells():
    layer = ConvTranspose2d(np.ones((3, 3)), stride=(2, 3))
    stuffed = layer.stuffed(np.array([[1.0, 2.0], [3.0, 4.0]]))[0]
    np.testing.assert_array_equal(stuffed, [[1, 0, 0, 2], [0, 0, 0, 0], [3, 0, 0, 4]])


def test_more_padding_than_the_kernel_reaches_cuts_the_stuffed_input():
    # p = 2 > d·(k − 1) = 1: the gather form's padding is −1, cutting a row and column.
    x = np.arange(16.0).reshape(1, 4, 4)
    layer = ConvTranspose2d(np.arange(4.0).reshape(2, 2), stride=2, padding=2)
    assert layer.window().padding == (-1, -1)
    padded, conv = layer.gather_form(x)
    assert padded.shape == (1, 5, 5)
    np.testing.assert_allclose(conv.forward(padded), layer.forward(x))
    np.testing.assert_allclose(layer.forward(x), reference(layer, x)[0])


# -- progress: the running sums and the counts -------------------------------------------------


@given(transposes(stepping="scatter"), st.data())
@SLOW
def test_scatter_progress_is_the_bias_plus_the_contributions_so_far(case, data):
    layer, x = case
    assume(accepted(layer, x))
    done = data.draw(st.integers(0, x.size))
    progress = layer.progress(x, done)
    assert isinstance(progress, Progress)
    values, counts = reference(layer, x, done)
    np.testing.assert_allclose(progress.values, values, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(progress.counts, counts)
    assert progress.counts.dtype.kind == "i"


@given(transposes(stepping="scatter"))
@SLOW
def test_after_every_step_the_progress_is_the_output_and_every_contribution_counted(case):
    layer, x = case
    assume(accepted(layer, x))
    progress = layer.progress(x, layer.step_count(x.shape))
    np.testing.assert_array_equal(progress.values, layer.forward(x))
    contributions, _ = ref_contributions(x, layer.kernels, *_pairs(layer), layer.groups)
    assert progress.counts.sum() == len(contributions)
    assert progress.counts.sum() == sum(
        len(layer.step(x, k).writes) for k in range(layer.step_count(x.shape))
    )


def test_kernel_3_at_stride_2_counts_the_checkerboard():
    # Odena et al. 2016: overlap is uneven, 1, 2 and 4 contributions in a grid pattern.
    layer = ConvTranspose2d(np.ones((3, 3)), stride=2)
    counts = layer.progress(np.ones((1, 3, 3)), 9).counts[0]
    assert counts.shape == (7, 7)
    np.testing.assert_array_equal(counts[:3, :3], [[1, 1, 2], [1, 1, 2], [2, 2, 4]])
    assert sorted(set(counts.ravel())) == [1, 2, 4]
    assert layer.progress(np.ones((1, 3, 3)), 0).counts.sum() == 0


def test_the_old_layers_and_gather_stepping_have_no_progress():
    x = np.ones((1, 4, 4))
    for layer in (
        Conv2d(np.ones((3, 3))),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        ConvTranspose2d(np.ones((2, 2)), stride=2, stepping="gather"),
    ):
        assert layer.progress(x, 3) is None


# -- parameters --------------------------------------------------------------------------------


def test_with_parameters_replaces_the_named_parameters_of_every_layer_type():
    conv = Conv2d(np.ones((1, 1, 2, 2)), bias=[1.0], stride=2)
    new = conv.with_parameters({"kernels": np.zeros((1, 1, 2, 2))})
    assert isinstance(new, Conv2d) and new.stride == 2
    assert not new.kernels.any() and new.bias.tolist() == [1.0]
    tconv = ConvTranspose2d(np.ones((1, 2, 2, 2)), bias=[1.0, 2.0], stride=2, stepping="gather")
    new_t = tconv.with_parameters({"bias": np.array([5.0, 6.0])})
    assert isinstance(new_t, ConvTranspose2d) and new_t.stepping == "gather"
    assert new_t.bias.tolist() == [5.0, 6.0] and new_t.kernels.tolist() == tconv.kernels.tolist()
    assert not new_t.bias.flags.writeable
    for layer in (Activation("tanh"), Pool2d("avg_pool2d", 2)):
        assert layer.with_parameters({}) is layer
        with pytest.raises(ValueError):
            layer.with_parameters({"kernels": np.ones((1, 1))})
    with pytest.raises(ValueError):
        tconv.with_parameters({"weight": np.ones(1)})
    assert isinstance(tconv, Layer)


def test_parameters_and_multiply_adds_count_every_weight_once_per_input_value():
    layer = ConvTranspose2d(np.ones((2, 3, 3, 3)), bias=np.ones(3), stride=2)
    assert layer.parameter_count((2, 4, 4)) == 2 * 3 * 9 + 3
    assert layer.macs((2, 4, 4)) == 2 * 16 * 3 * 9
    grouped = ConvTranspose2d(np.ones((4, 1, 2, 2)), groups=2)
    assert grouped.output_shape((4, 3, 3)) == (2, 4, 4)
    assert grouped.macs((4, 3, 3)) == 4 * 9 * 1 * 4


# -- backward ----------------------------------------------------------------------------------


def numeric_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[index] += eps
        down[index] -= eps
        grad[index] = (f(up) - f(down)) / (2 * eps)
    return grad


@given(transposes(), st.randoms(use_true_random=False))
@SLOW
def test_gradients_match_finite_differences_and_the_slow_loop(case, rng):
    layer, x = case
    assume(accepted(layer, x))
    out_shape = layer.output_shape(x.shape)
    grad_y = np.array([rng.uniform(-1, 1) for _ in range(int(np.prod(out_shape)))]).reshape(
        out_shape
    )
    grads = layer.backward(x, grad_y)
    # The loss Σ y·g is linear in x and in W: central differences are exact up to rounding.
    np.testing.assert_allclose(
        grads.input,
        numeric_gradient(lambda x_: float((layer.forward(x_) * grad_y).sum()), x),
        atol=1e-6,
    )
    np.testing.assert_allclose(
        grads.parameters["kernels"],
        numeric_gradient(
            lambda w_: float((layer.with_parameters({"kernels": w_}).forward(x) * grad_y).sum()),
            np.array(layer.kernels),
        ),
        atol=1e-6,
    )
    # By the definition: each contribution x·w to y passes g back to x and to w.
    grad_x, grad_w = np.zeros(x.shape), np.zeros(layer.kernels.shape)
    contributions, _ = ref_contributions(x, layer.kernels, *_pairs(layer), layer.groups)
    for (c, r, col), out_cell, weight, (local, i, j) in contributions:
        grad_x[c, r, col] += grad_y[out_cell] * weight
        grad_w[c, local, i, j] += grad_y[out_cell] * x[c, r, col]
    np.testing.assert_allclose(grads.input, grad_x, atol=1e-9)
    np.testing.assert_allclose(grads.parameters["kernels"], grad_w, atol=1e-9)
    if layer.bias is None:
        assert "bias" not in grads.parameters
    else:
        np.testing.assert_allclose(grads.parameters["bias"], grad_y.sum(axis=(1, 2)))


# -- refusals ----------------------------------------------------------------------------------


def test_output_padding_must_be_smaller_than_the_stride_or_the_dilation():
    with pytest.raises(OutputPaddingError) as refused:
        ConvTranspose2d(np.ones((3, 3)), stride=2, output_padding=2).output_shape((1, 3, 3))
    assert str(refused.value) == (
        "The output padding of 2 rows must be smaller than the stride (2) or the dilation (1)."
    )
    assert (refused.value.output_padding, refused.value.stride) == (2, 2)
    # Smaller than the dilation is enough (torch allows it).
    layer = ConvTranspose2d(np.ones((3, 3)), stride=1, dilation=2, output_padding=(0, 1))
    assert layer.output_shape((1, 3, 3)) == (1, 7, 8)
    with pytest.raises(OutputPaddingError, match="cannot be negative"):
        ConvTranspose2d(np.ones((3, 3)), output_padding=-1).window()


def test_kernels_of_a_convolutions_layout_are_refused_with_both_shapes():
    # A convolution's layout (C_out, C_in, kH, kW) = (2, 3, 3, 3) for an input of 3 channels.
    layer = ConvTranspose2d(np.ones((2, 3, 3, 3)))
    with pytest.raises(TransposeKernelLayoutError) as refused:
        layer.output_shape((3, 4, 4))
    assert str(refused.value) == (
        "A transposed convolution's kernels must be (C_in, C_out/groups, kH, kW) = "
        "(3, …, 3, 3) for this input, but they are (2, 3, 3, 3)."
    )
    assert refused.value.in_channels == 3 and refused.value.shape == (2, 3, 3, 3)


def test_padding_that_leaves_no_output_is_refused_with_the_formula():
    layer = ConvTranspose2d(np.ones((1, 1, 1, 3)), padding=(1, 0))
    with pytest.raises(TransposeTooSmallError) as refused:
        layer.output_shape((1, 1, 2))
    assert str(refused.value) == (
        "The output would have -1 rows: (1 − 1)·1 − 2·1 + 1·(1 − 1) + 0 + 1 = -1; use less padding."
    )


def test_other_impossible_settings_are_refused_with_their_numbers():
    with pytest.raises(GroupsError):
        ConvTranspose2d(np.ones((3, 1, 2, 2)), groups=2).output_shape((3, 4, 4))
    with pytest.raises(ConvSettingsError, match="bias needs one value per kernel \\(2\\)"):
        ConvTranspose2d(np.ones((1, 2, 2, 2)), bias=[1.0]).output_shape((1, 4, 4))
    with pytest.raises(ConvSettingsError, match="stride must be at least 1"):
        ConvTranspose2d(np.ones((2, 2)), stride=0).output_shape((1, 4, 4))
    with pytest.raises(ConvSettingsError, match="padding cannot be negative"):
        ConvTranspose2d(np.ones((2, 2)), padding=-1).window()
    with pytest.raises(ValueError, match="stepping"):
        ConvTranspose2d(np.ones((2, 2)), stepping="sideways")
    with pytest.raises(ConvSettingsError):
        ConvTranspose2d(np.ones((1, 1, 1, 2, 2)))


# -- in a stack: traces and receptive fields ---------------------------------------------------


def dependencies(layers, input_shape, row, col):
    """Brute force: the input cells that change output (row, col) of the last layer, with
    all-ones kernels (no cancelling): exactly where a 1 placed there reaches it."""
    c, h, w = input_shape
    rows, cols = [], []
    for index in np.ndindex(c, h, w):
        x = np.zeros((c, h, w))
        x[index] = 1.0
        if np.any(forward(layers, x)[-1][:, row, col] != 0):
            rows.append(index[1])
            cols.append(index[2])
    return ((min(rows), max(rows)), (min(cols), max(cols))) if rows else (None, None)


@given(
    st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(0, 3),
    st.integers(1, 2), st.booleans(), st.integers(2, 5), st.data(),
)  # fmt: skip
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_trace_through_a_transposed_convolution_is_exact(
    k, s, kw, p, d, conv_first, side, data
):
    tconv = ConvTranspose2d(np.ones((1, 1, k, kw)), stride=(s, 1), padding=(p, 0), dilation=d)
    layers = [Conv2d(np.ones((2, 2))), tconv] if conv_first else [tconv, Conv2d(np.ones((2, 2)))]
    try:
        sizes = shapes(layers, (1, side, side))
    except ConvSettingsError:
        assume(False)
    _, h, w = sizes[-1]
    row, col = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    spans = trace(layers, (1, side, side), len(layers) - 1, row, col)
    assert spans[0] == dependencies(layers, (1, side, side), row, col)


def test_receptive_fields_through_a_transposed_convolution_are_exact_fractions():
    up = ConvTranspose2d(np.ones((2, 2)), stride=2)
    fields = receptive_fields([up])
    # Stuffed input: cells half an input pixel apart; the 2×2 kernel spans 1 + 1·½.
    assert fields[0].size == (Fraction(3, 2), Fraction(3, 2))
    assert fields[0].jump == (Fraction(1, 2), Fraction(1, 2))
    # A stride-2 convolution then a stride-2 transposed one: back to whole pixels, jump 1.
    down_up = receptive_fields([Conv2d(np.ones((2, 2)), stride=2), up])
    assert down_up[1].jump == (1, 1) and isinstance(down_up[1].jump[0], int)
    assert down_up[1].size == (3, 3)
    # Kernel 3, stride 2: r = 1 + 2·½ = 2.
    assert receptive_fields([ConvTranspose2d(np.ones((3, 3)), stride=2)])[0].size == (2, 2)
