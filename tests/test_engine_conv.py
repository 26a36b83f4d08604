"""conv2d against a slow, obvious reference, plus the engine's errors and shapes.

The reference below shares no code with the engine: it resolves padding words,
maps padded coordinates back to the input and loops over every output value,
channel and tap by hand.
"""

from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT
from reference import ref_pads, ref_pair, ref_source

from convstudio.engine import (
    PADDING_MODES,
    PADDING_WORDS,
    BiasShapeError,
    ChannelMismatchError,
    ConvProblem,
    ConvSettingsError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    KernelTooLargeError,
    NegativePaddingError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    ShapeError,
    UnknownPaddingError,
    conv2d,
    correlate_padded,
    output_size,
    pad,
    plan,
)
from convstudio.engine import conv as conv_module

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- the reference


def ref_padded(x3, pads, mode):
    """The padded input as nested lists (channel, row, column)."""
    top, bottom, left, right = pads
    channels, n_rows, n_cols = len(x3), len(x3[0]), len(x3[0][0])
    out = []
    for c in range(channels):
        rows = []
        for pr in range(top + n_rows + bottom):
            row = []
            for pc in range(left + n_cols + right):
                r = ref_source(pr, n_rows, top, mode)
                q = ref_source(pc, n_cols, left, mode)
                row.append(0.0 if r is None or q is None else float(x3[c][r][q]))
            rows.append(row)
        out.append(rows)
    return out


def ref_conv(x3, w4, bias, *, stride, pads, dilation, groups, mode):
    """Cross-correlation with plain loops. x3 is (C, H, W), w4 is (O, C/groups, kH, kW)."""
    x3 = np.asarray(x3, dtype=float).tolist()
    w4 = np.asarray(w4, dtype=float).tolist()
    sh, sw = stride
    dh, dw = dilation
    xp = ref_padded(x3, pads, mode)
    padded_h, padded_w = len(xp[0]), len(xp[0][0])
    n_out, depth = len(w4), len(w4[0])
    kh, kw = len(w4[0][0]), len(w4[0][0][0])
    out_h = 0
    while out_h * sh + dh * (kh - 1) < padded_h:
        out_h += 1
    out_w = 0
    while out_w * sw + dw * (kw - 1) < padded_w:
        out_w += 1
    kernels_per_group = n_out // groups
    result = np.zeros((n_out, out_h, out_w))
    for o in range(n_out):
        first_channel = (o // kernels_per_group) * depth
        for r in range(out_h):
            for c in range(out_w):
                total = 0.0
                for k in range(depth):
                    for i in range(kh):
                        for j in range(kw):
                            value = xp[first_channel + k][r * sh + i * dh][c * sw + j * dw]
                            total += value * w4[o][k][i][j]
                if bias is not None:
                    total += float(bias[o])
                result[o, r, c] = total
    return result


def expected_errors(
    *, c_in, h, w, n_out, depth, kh, kw, stride, padding, dilation, groups, mode, bias_len
):
    """Every ConvSettingsError subclass the settings deserve (empty when they are fine)."""
    errors = set()
    s, d = ref_pair(stride), ref_pair(dilation)
    if min(s) < 1:
        errors.add(InvalidStrideError)
    if min(d) < 1:
        errors.add(InvalidDilationError)
    if mode not in ("zeros", "reflect", "replicate", "circular"):
        errors.add(UnknownPaddingError)
    pads = None
    if isinstance(padding, str):
        if padding not in ("valid", "same", "full"):
            errors.add(UnknownPaddingError)
        elif padding == "same" and s != (1, 1):
            errors.add(SamePaddingStrideError)
        else:
            pads = ref_pads(padding, (kh, kw), d)
    elif min(ref_pair(padding)) < 0:
        errors.add(NegativePaddingError)
    else:
        pads = ref_pads(padding, (kh, kw), d)
    if groups < 1 or c_in % groups or n_out % groups:
        errors.add(GroupsError)
    if groups >= 1 and depth * groups != c_in:
        errors.add(ChannelMismatchError)
    if bias_len is not None and bias_len != n_out:
        errors.add(BiasShapeError)
    if pads is not None and min(d) >= 1:
        top, bottom, left, right = pads
        for size, amounts in ((h, (top, bottom)), (w, (left, right))):
            for amount in amounts:
                if mode == "reflect" and amount >= size:
                    errors.add(PaddingTooLargeError)
                if mode == "circular" and amount > size:
                    errors.add(PaddingTooLargeError)
        if d[0] * (kh - 1) + 1 > h + top + bottom or d[1] * (kw - 1) + 1 > w + left + right:
            errors.add(KernelTooLargeError)
    return errors


# ---------------------------------------------------------------- strategies

FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def divisors(n):
    return [g for g in range(1, n + 1) if n % g == 0]


def int_or_pair(lo, hi):
    one = st.integers(lo, hi)
    return st.one_of(one, st.tuples(one, one), st.lists(one, min_size=2, max_size=2))


PADDINGS = st.one_of(
    st.integers(0, 3),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.sampled_from(["valid", "same", "full"]),
    st.just("same"),
)


@st.composite
def conv_cases(draw, mode=None):
    """Consistent channels and groups; spatial settings that may be impossible.

    ``form`` picks one of the accepted shape forms: a 2-D input with a 2-D kernel, one
    3-D kernel across all channels, or the general (C_out, C_in/groups, kH, kW) form.
    """
    form = draw(st.sampled_from(["2-D", "one kernel", "general"]))
    if form == "2-D":
        c_in, groups, n_out = 1, 1, 1
    elif form == "one kernel":
        c_in, groups, n_out = draw(st.integers(1, 4)), 1, 1
    else:
        c_in = draw(st.integers(1, 4))
        groups = draw(st.sampled_from(divisors(c_in)))
        n_out = groups * draw(st.integers(1, 4 // groups))
    depth = c_in // groups
    h, w = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    x = draw(hnp.arrays(np.float64, (c_in, h, w), elements=FLOATS))
    weights = draw(hnp.arrays(np.float64, (n_out, depth, kh, kw), elements=FLOATS))
    bias = draw(st.none() | hnp.arrays(np.float64, (n_out,), elements=FLOATS))
    padding = draw(PADDINGS)
    if padding == "same" and draw(st.booleans()):
        stride = draw(st.sampled_from([1, (1, 1), [1, 1]]))  # 'same' needs stride 1
    else:
        stride = draw(int_or_pair(1, 3))
    kwargs = {
        "stride": stride,
        "dilation": draw(int_or_pair(1, 3)),
        "padding": padding,
        "groups": groups,
        "padding_mode": mode or draw(st.sampled_from(PADDING_MODES)),
    }
    if form == "2-D":
        x_arg, w_arg = x[0], weights[0, 0]
    elif form == "one kernel":
        x_arg = x[0] if c_in == 1 and draw(st.booleans()) else x
        w_arg = weights[0]
    else:
        x_arg = x[0] if c_in == 1 and draw(st.booleans()) else x
        w_arg = weights
    return x, weights, bias, x_arg, w_arg, kwargs


def run_reference(x, weights, bias, kwargs):
    d = ref_pair(kwargs["dilation"])
    pads = ref_pads(kwargs["padding"], weights.shape[2:], d)
    return ref_conv(
        x,
        weights,
        bias,
        stride=ref_pair(kwargs["stride"]),
        pads=pads,
        dilation=d,
        groups=kwargs["groups"],
        mode=kwargs["padding_mode"],
    )


def errors_for(x, weights, bias, kwargs):
    return expected_errors(
        c_in=x.shape[0],
        h=x.shape[1],
        w=x.shape[2],
        n_out=weights.shape[0],
        depth=weights.shape[1],
        kh=weights.shape[2],
        kw=weights.shape[3],
        stride=kwargs["stride"],
        padding=kwargs["padding"],
        dilation=kwargs["dilation"],
        groups=kwargs["groups"],
        mode=kwargs["padding_mode"],
        bias_len=None if bias is None else len(bias),
    )


# ---------------------------------------------------------------- properties


@pytest.mark.parametrize("mode", PADDING_MODES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_conv2d_matches_reference(mode, data):
    x, weights, bias, x_arg, w_arg, kwargs = data.draw(conv_cases(mode))
    errors = errors_for(x, weights, bias, kwargs)
    if errors:
        with pytest.raises(ConvSettingsError) as info:
            conv2d(x_arg, w_arg, bias, **kwargs)
        assert type(info.value) in errors, (type(info.value), errors)
        return
    got = conv2d(x_arg, w_arg, bias, **kwargs)
    want = run_reference(x, weights, bias, kwargs)
    if x_arg.ndim == 2 and w_arg.ndim == 2:
        want = want[0]
    assert got.dtype == np.float64
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-9)


@SETTINGS
@given(conv_cases())
def test_conv_problem_output_matches_reference(case):
    x, weights, bias, _, _, kwargs = case
    assume(not errors_for(x, weights, bias, kwargs))
    problem = ConvProblem(x, weights, bias, **kwargs)
    out = problem.output()
    np.testing.assert_allclose(out, run_reference(x, weights, bias, kwargs), rtol=1e-12, atol=1e-9)
    assert out.shape == problem.geometry.output_shape
    assert not out.flags.writeable


@SETTINGS
@given(conv_cases(), st.booleans())
def test_true_convolution_and_float32_match_reference(case, float32):
    """flip=True is the reference on kernels flipped by hand; float32 agrees to its precision."""
    x, weights, bias, _, _, kwargs = case
    assume(not errors_for(x, weights, bias, kwargs))
    flipped = np.ascontiguousarray(weights[:, :, ::-1, ::-1])
    want = run_reference(x, flipped, bias, kwargs)
    problem = ConvProblem(x, weights, bias, flip=True, **kwargs)
    if float32:
        got = problem.compute(np.float32)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-3)
    else:
        np.testing.assert_allclose(problem.output(), want, rtol=1e-12, atol=1e-9)
        step = problem.step(problem.n_steps - 1)
        np.testing.assert_array_equal(step.weights, flipped[step.out_channel])


@SETTINGS
@given(conv_cases())
def test_pad_matches_reference_padding(case):
    x, weights, bias, _, _, kwargs = case
    assume(not errors_for(x, weights, bias, kwargs))
    geometry = plan(x.shape, weights.shape, bias_length=None, **kwargs)
    pads = ref_pads(kwargs["padding"], weights.shape[2:], ref_pair(kwargs["dilation"]))
    assert (geometry.pad_top, geometry.pad_bottom, geometry.pad_left, geometry.pad_right) == pads
    np.testing.assert_array_equal(
        pad(x, geometry), np.array(ref_padded(x, pads, kwargs["padding_mode"]))
    )


@st.composite
def channel_cases(draw):
    """Any channels, kernels, groups and bias length; the spatial settings always fit."""
    c_in = draw(st.integers(1, 4))
    n_out = draw(st.integers(1, 4))
    depth = draw(st.integers(1, 4))
    groups = draw(st.integers(0, 4))
    x = draw(hnp.arrays(np.float64, (c_in, 4, 5), elements=FLOATS))
    weights = draw(hnp.arrays(np.float64, (n_out, depth, 2, 3), elements=FLOATS))
    bias_len = draw(st.none() | st.integers(0, 5))
    bias = None if bias_len is None else draw(hnp.arrays(np.float64, (bias_len,), elements=FLOATS))
    kwargs = {
        "stride": 1,
        "dilation": 1,
        "padding": 1,
        "groups": groups,
        "padding_mode": draw(st.sampled_from(PADDING_MODES)),
    }
    return x, weights, bias, kwargs


@SETTINGS
@given(channel_cases())
def test_channels_groups_and_bias_validated(case):
    x, weights, bias, kwargs = case
    errors = errors_for(x, weights, bias, kwargs)
    if errors:
        with pytest.raises(ConvSettingsError) as info:
            conv2d(x, weights, bias, **kwargs)
        assert type(info.value) in errors, (type(info.value), errors)
    else:
        got = conv2d(x, weights, bias, **kwargs)
        np.testing.assert_allclose(
            got, run_reference(x, weights, bias, kwargs), rtol=1e-12, atol=1e-9
        )


BAD_SCALARS = st.fixed_dictionaries(
    {
        "stride": st.one_of(st.integers(-1, 2), st.tuples(st.integers(-1, 2), st.integers(-1, 2))),
        "dilation": st.one_of(
            st.integers(-1, 2), st.tuples(st.integers(-1, 2), st.integers(-1, 2))
        ),
        "padding": st.one_of(
            st.integers(-2, 2),
            st.tuples(st.integers(-2, 2), st.integers(-2, 2)),
            st.sampled_from(["valid", "same", "full", "half", "SAME", ""]),
        ),
        "padding_mode": st.sampled_from([*PADDING_MODES, "mirror", "Zeros", "wrap"]),
    }
)


@SETTINGS
@given(BAD_SCALARS, st.integers(1, 6), st.integers(1, 6), st.integers(1, 3), st.integers(1, 3))
def test_scalar_settings_validated(kwargs, h, w, kh, kw):
    x = np.arange(h * w, dtype=float).reshape(1, h, w)
    weights = np.ones((1, 1, kh, kw))
    kwargs = {**kwargs, "groups": 1}
    errors = errors_for(x, weights, None, kwargs)
    if errors:
        with pytest.raises(ConvSettingsError) as info:
            conv2d(x, weights, **kwargs)
        assert type(info.value) in errors, (type(info.value), errors)
    else:
        np.testing.assert_allclose(
            conv2d(x, weights, **kwargs), run_reference(x, weights, None, kwargs), atol=1e-9
        )


@SETTINGS
@given(
    n=st.integers(1, 12),
    f=st.integers(1, 5),
    p=st.integers(0, 4),
    s=st.integers(1, 4),
    d=st.integers(1, 3),
)
def test_output_size_formula_matches_engine(n, f, p, s, d):
    predicted = output_size(n, f, padding=p, stride=s, dilation=d)
    x = np.zeros((n, n + 1))
    w = np.zeros((f, f))
    kwargs = {"stride": s, "padding": p, "dilation": d}
    if predicted < 1:
        with pytest.raises(KernelTooLargeError):
            conv2d(x, w, **kwargs)
        return
    out = conv2d(x, w, **kwargs)
    assert out.shape == (predicted, output_size(n + 1, f, padding=p, stride=s, dilation=d))
    # Independently: count window starts whose last tap is still inside the padded input.
    starts = [r for r in range(n + 2 * p) if r % s == 0 and r + d * (f - 1) < n + 2 * p]
    assert predicted == len(starts)


# ---------------------------------------------------------------- the lesson's example


def test_worked_example():
    out = conv2d(WORKED_INPUT, WORKED_KERNEL)
    assert out.shape == (4, 4)
    np.testing.assert_array_equal(out, WORKED_OUTPUT)


def test_worked_example_first_value_by_hand():
    # 18 + 51 + 121 + 35 + 204 = 429: the corners and the centre of the top-left window.
    assert conv2d(WORKED_INPUT, WORKED_KERNEL)[0, 0] == 18 + 51 + 121 + 35 + 204 == 429


def test_kernel_is_not_flipped():
    x = np.arange(9.0).reshape(3, 3)
    w = np.zeros((3, 3))
    w[0, 0] = 1.0  # cross-correlation: the top-left weight meets the top-left input value
    assert conv2d(x, w)[0, 0] == 0.0
    w = np.zeros((3, 3))
    w[2, 2] = 1.0
    assert conv2d(x, w)[0, 0] == 8.0


# ---------------------------------------------------------------- shapes and dtype


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "out_shape"),
    [
        ((5, 6), (3, 3), (3, 4)),
        ((5, 6), (1, 3, 3), (1, 3, 4)),
        ((5, 6), (2, 1, 3, 3), (2, 3, 4)),
        ((1, 5, 6), (3, 3), (1, 3, 4)),
        ((3, 5, 6), (3, 3, 3), (1, 3, 4)),
        ((3, 5, 6), (4, 3, 2, 2), (4, 4, 5)),
        ((4, 5, 6), (6, 2, 1, 1), (6, 5, 6)),
    ],
)
def test_output_shape_forms(x_shape, w_shape, out_shape):
    groups = x_shape[0] // w_shape[1] if len(w_shape) == 4 and len(x_shape) == 3 else 1
    out = conv2d(np.ones(x_shape), np.ones(w_shape), groups=groups)
    assert out.shape == out_shape


def test_three_d_kernel_sums_over_channels():
    x = np.stack([np.full((3, 3), 1.0), np.full((3, 3), 10.0), np.full((3, 3), 100.0)])
    out = conv2d(x, np.ones((3, 2, 2)))
    np.testing.assert_array_equal(out, np.full((1, 2, 2), 4 * 111.0))


def test_groups_keep_channels_apart():
    x = np.stack([np.full((2, 2), 1.0), np.full((2, 2), 10.0)])
    w = np.ones((4, 1, 1, 1)) * np.array([1.0, 2.0, 3.0, 4.0])[:, None, None, None]
    out = conv2d(x, w, groups=2)
    # Kernels 0 and 1 see channel 0; kernels 2 and 3 see channel 1.
    np.testing.assert_array_equal(out[:, 0, 0], [1.0, 2.0, 30.0, 40.0])


@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.float32, np.uint8, bool])
def test_result_is_float64(dtype):
    x = (np.arange(16) % 7).reshape(4, 4).astype(dtype)
    w = np.ones((2, 2), dtype=dtype)
    out = conv2d(x, w)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, conv2d(x.astype(float), w.astype(float)))


def test_fractional_weights_are_not_truncated():
    x = np.arange(1, 10, dtype=np.int64).reshape(3, 3)
    out = conv2d(x, np.full((1, 1), 0.5))
    np.testing.assert_array_equal(out, x / 2)


def test_lists_are_accepted_and_inputs_are_not_modified():
    x = np.arange(12.0).reshape(3, 4)
    w = np.array([[1.0, -1.0]])
    x0, w0 = x.copy(), w.copy()
    out = conv2d(x.tolist(), w.tolist(), [0.5], padding=1, padding_mode="reflect")
    np.testing.assert_array_equal(
        out, conv2d(x, w, np.array([0.5]), padding=1, padding_mode="reflect")
    )
    conv2d(x, w, padding=1, padding_mode="circular")
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(w, w0)


@pytest.mark.parametrize("padding", [0, 1])
def test_non_contiguous_inputs(padding):
    rng = np.random.default_rng(5)
    base = rng.standard_normal((3, 9, 12))
    x = base[:, ::2, ::-1].transpose(0, 2, 1)  # strided, reversed and transposed view
    w = rng.standard_normal((3, 3, 3, 2)).transpose(0, 1, 3, 2)
    got = conv2d(x, w, padding=padding, groups=1)
    want = conv2d(np.ascontiguousarray(x), np.ascontiguousarray(w), padding=padding)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_allclose(
        got,
        run_reference(
            x,
            w,
            None,
            {"stride": 1, "dilation": 1, "padding": padding, "groups": 1, "padding_mode": "zeros"},
        ),
        rtol=1e-12,
        atol=1e-12,
    )


def test_bias_is_added_per_kernel():
    x = np.zeros((1, 3, 3))
    out = conv2d(x, np.ones((3, 1, 2, 2)), np.array([1.0, -2.0, 0.25]))
    for k, b in enumerate([1.0, -2.0, 0.25]):
        np.testing.assert_array_equal(out[k], np.full((2, 2), b))


def windowed_reference(x, w, *, stride, dilation, padding, groups):
    """A vectorised zero-padding reference (sliding windows + einsum) for large inputs."""
    (sh, sw), (dh, dw) = stride, dilation
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    win = np.lib.stride_tricks.sliding_window_view(
        xp, (dh * (kh - 1) + 1, dw * (kw - 1) + 1), axis=(1, 2)
    )[:, ::sh, ::sw, ::dh, ::dw]
    depth, per_group = w.shape[1], w.shape[0] // groups
    parts = [
        np.einsum(
            "chwij,ocij->ohw",
            win[g * depth : (g + 1) * depth],
            w[g * per_group : (g + 1) * per_group],
        )
        for g in range(groups)
    ]
    return np.concatenate(parts)


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "groups", "stride", "dilation", "padding"),
    [
        ((1, 300, 300), (2, 1, 3, 3), 1, (1, 1), (1, 1), 1),
        ((2, 400, 400), (4, 2, 3, 3), 1, (2, 3), (2, 1), 0),
        ((2, 400, 400), (4, 1, 3, 2), 2, (3, 2), (1, 2), 2),
    ],
)
def test_large_outputs_cross_band_boundaries(x_shape, w_shape, groups, stride, dilation, padding):
    # Outputs this large are accumulated in several bands of rows.
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    kwargs = {"stride": stride, "dilation": dilation, "padding": padding, "groups": groups}
    out = conv2d(x, w, **kwargs)
    want = windowed_reference(x, w, **kwargs)
    assert out.shape == want.shape
    np.testing.assert_allclose(out, want, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("band_bytes", [1, 200, 1000])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_result_does_not_depend_on_band_size(band_bytes, data):
    # Tiny bands force the banded accumulation to start mid-output on small problems.
    x, weights, bias, _, _, kwargs = data.draw(conv_cases())
    assume(not errors_for(x, weights, bias, kwargs))
    with mock.patch.object(conv_module, "_BAND_BYTES", band_bytes):
        got = ConvProblem(x, weights, bias, **kwargs).output()
    np.testing.assert_allclose(got, run_reference(x, weights, bias, kwargs), rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("blas_work", [1, 50, 1000])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_result_does_not_depend_on_how_the_products_are_split(blas_work, data):
    # Small limits split each band's product into pieces of a few output cells.
    x, weights, bias, _, _, kwargs = data.draw(conv_cases())
    assume(not errors_for(x, weights, bias, kwargs))
    with mock.patch.object(conv_module, "_BLAS_WORK", blas_work):
        got = ConvProblem(x, weights, bias, **kwargs).output()
    np.testing.assert_allclose(got, run_reference(x, weights, bias, kwargs), rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_product_stays_small_enough_for_one_blas_thread(dtype):
    # OpenBLAS spreads a larger product over its threads, which on a loaded machine made
    # the float32 path many times slower. 4 channels of 9×9 and 8 kernels: one output row
    # alone is 8 × 324 × 400 = 1.04 M multiply-adds.
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((4, 40, 408)), rng.standard_normal((8, 4, 9, 9))
    real = np.matmul
    works: list[int] = []

    def recording(a, b, *args, **kwargs):
        works.append(a.shape[-2] * a.shape[-1] * b.shape[-1])
        return real(a, b, *args, **kwargs)

    with mock.patch.object(conv_module.np, "matmul", recording):
        got = ConvProblem(x, w).compute(dtype)
    assert works and max(works) <= conv_module._BLAS_WORK
    want = windowed_reference(x, w, stride=(1, 1), dilation=(1, 1), padding=0, groups=1)
    np.testing.assert_allclose(got, want, rtol=1e-4 if dtype == np.float32 else 1e-10, atol=1e-3)


# ---------------------------------------------------------------- 'same' padding


@pytest.mark.parametrize(
    ("kernel", "dilation", "pads"),
    [
        ((2, 2), 1, (0, 1, 0, 1)),
        ((4, 2), 1, (1, 2, 0, 1)),
        ((3, 4), 1, (1, 1, 1, 2)),
        ((2, 2), 3, (1, 2, 1, 2)),
        ((3, 3), 2, (2, 2, 2, 2)),
        ((1, 1), 1, (0, 0, 0, 0)),
    ],
)
def test_same_puts_the_extra_at_bottom_right(kernel, dilation, pads):
    g = plan((5, 6), kernel, padding="same", dilation=dilation)
    assert (g.pad_top, g.pad_bottom, g.pad_left, g.pad_right) == pads
    assert (g.out_height, g.out_width) == (5, 6)


def test_same_with_even_kernel_values():
    x = np.arange(1.0, 21.0).reshape(4, 5)
    w = np.zeros((2, 2))
    w[0, 0] = 1.0
    # With no padding at the top/left the top-left tap sits on the output's own cell.
    np.testing.assert_array_equal(conv2d(x, w, padding="same"), x)
    w = np.zeros((2, 2))
    w[1, 1] = 1.0
    want = np.zeros_like(x)
    want[:-1, :-1] = x[1:, 1:]
    np.testing.assert_array_equal(conv2d(x, w, padding="same"), want)


def test_full_padding():
    x = np.ones((2, 3))
    out = conv2d(x, np.ones((2, 2)), padding="full")
    np.testing.assert_array_equal(out, [[1, 2, 2, 1], [2, 4, 4, 2], [1, 2, 2, 1]])


@pytest.mark.parametrize(
    ("mode", "row"),
    [
        ("zeros", [0, 0, 1, 2, 3, 4, 0, 0]),
        ("replicate", [1, 1, 1, 2, 3, 4, 4, 4]),
        ("reflect", [3, 2, 1, 2, 3, 4, 3, 2]),
        ("circular", [3, 4, 1, 2, 3, 4, 1, 2]),
    ],
)
def test_padding_modes_by_hand(mode, row):
    x = np.array([[1.0, 2.0, 3.0, 4.0]])
    out = conv2d(x, np.ones((1, 1)), padding=(0, 2), padding_mode=mode)
    np.testing.assert_array_equal(out, [row])


# ---------------------------------------------------------------- errors


def test_every_error_is_a_value_error():
    for cls in (
        ShapeError,
        InvalidStrideError,
        InvalidDilationError,
        NegativePaddingError,
        UnknownPaddingError,
        SamePaddingStrideError,
        KernelTooLargeError,
        PaddingTooLargeError,
        GroupsError,
        ChannelMismatchError,
        BiasShapeError,
    ):
        assert issubclass(cls, ConvSettingsError)
        assert issubclass(cls, ValueError)


def test_kernel_too_large_rows():
    with pytest.raises(KernelTooLargeError) as info:
        conv2d(np.ones((3, 7)), np.ones((5, 5)))
    e = info.value
    assert (e.axis, e.padded_size, e.kernel_extent) == (0, 3, 5)
    assert "5 rows" in str(e) and "3 rows" in str(e)


def test_kernel_too_large_columns_with_padding_and_dilation():
    with pytest.raises(KernelTooLargeError) as info:
        conv2d(np.ones((9, 2)), np.ones((2, 3)), padding=(0, 1), dilation=2)
    e = info.value
    assert (e.axis, e.padded_size, e.kernel_extent) == (1, 4, 5)
    assert "columns" in str(e)


def test_kernel_exactly_fits():
    assert conv2d(np.ones((3, 4)), np.ones((3, 4))).shape == (1, 1)
    assert conv2d(np.ones((3, 3)), np.ones((2, 2)), dilation=2).shape == (1, 1)


@pytest.mark.parametrize(("stride", "bad"), [(0, 0), ((1, 0), 0), ((-2, 1), -2)])
def test_stride_below_one(stride, bad):
    with pytest.raises(InvalidStrideError) as info:
        conv2d(np.ones((4, 4)), np.ones((2, 2)), stride=stride)
    assert info.value.stride == bad
    assert str(bad) in str(info.value)


@pytest.mark.parametrize(("dilation", "bad"), [(0, 0), ((2, 0), 0), ((1, -1), -1)])
def test_dilation_below_one(dilation, bad):
    with pytest.raises(InvalidDilationError) as info:
        conv2d(np.ones((4, 4)), np.ones((2, 2)), dilation=dilation)
    assert info.value.dilation == bad


@pytest.mark.parametrize(("padding", "bad"), [(-1, -1), ((0, -2), -2), ([-3, 1], -3)])
def test_negative_padding(padding, bad):
    with pytest.raises(NegativePaddingError) as info:
        conv2d(np.ones((4, 4)), np.ones((2, 2)), padding=padding)
    assert info.value.padding == bad


@pytest.mark.parametrize(
    ("c_in", "n_out", "depth", "groups"),
    [(3, 2, 1, 2), (4, 3, 2, 2), (2, 2, 1, 3), (2, 2, 2, 0), (2, 2, 2, -1)],
)
def test_groups_not_dividing(c_in, n_out, depth, groups):
    with pytest.raises(GroupsError) as info:
        conv2d(np.ones((c_in, 4, 4)), np.ones((n_out, depth, 2, 2)), groups=groups)
    e = info.value
    assert (e.in_channels, e.out_channels, e.groups) == (c_in, n_out, groups)


def test_channel_mismatch():
    with pytest.raises(ChannelMismatchError) as info:
        conv2d(np.ones((3, 4, 4)), np.ones((2, 2, 3, 3)))
    e = info.value
    assert (e.in_channels, e.kernel_depth, e.groups) == (3, 2, 1)
    assert "3 channel" in str(e)


def test_channel_mismatch_with_groups():
    with pytest.raises(ChannelMismatchError) as info:
        conv2d(np.ones((4, 4, 4)), np.ones((2, 4, 1, 1)), groups=2)
    e = info.value
    assert (e.in_channels, e.kernel_depth, e.groups) == (4, 4, 2)
    assert "needs 2 slice" in str(e)


def test_three_d_kernel_with_wrong_depth():
    with pytest.raises(ChannelMismatchError):
        conv2d(np.ones((2, 4, 4)), np.ones((3, 2, 2)))


@pytest.mark.parametrize(("n_out", "bias"), [(2, [1.0, 2.0, 3.0]), (3, [1.0]), (1, [])])
def test_bias_length(n_out, bias):
    with pytest.raises(BiasShapeError) as info:
        conv2d(np.ones((1, 4, 4)), np.ones((n_out, 1, 2, 2)), np.array(bias))
    assert (info.value.expected, info.value.got) == (n_out, len(bias))


@pytest.mark.parametrize(
    ("shape", "padding", "axis", "amount", "size"),
    [((2, 5), 2, 0, 2, 2), ((5, 3), (1, 3), 1, 3, 3), ((1, 4), (1, 0), 0, 1, 1)],
)
def test_reflect_padding_too_large(shape, padding, axis, amount, size):
    with pytest.raises(PaddingTooLargeError) as info:
        conv2d(np.ones(shape), np.ones((1, 1)), padding=padding, padding_mode="reflect")
    e = info.value
    assert (e.mode, e.axis, e.padding, e.size) == ("reflect", axis, amount, size)


def test_reflect_padding_one_below_size_is_fine():
    x = np.array([[1.0, 2.0, 3.0]])
    out = conv2d(x, np.ones((1, 1)), padding=(0, 2), padding_mode="reflect")
    np.testing.assert_array_equal(out, [[3, 2, 1, 2, 3, 2, 1]])


def test_circular_padding_too_large():
    with pytest.raises(PaddingTooLargeError) as info:
        conv2d(np.ones((2, 5)), np.ones((1, 1)), padding=3, padding_mode="circular")
    e = info.value
    assert (e.mode, e.axis, e.padding, e.size) == ("circular", 0, 3, 2)


def test_circular_padding_equal_to_size_is_fine():
    x = np.array([[1.0, 2.0]])
    out = conv2d(x, np.ones((1, 1)), padding=(1, 2), padding_mode="circular")
    np.testing.assert_array_equal(out, [[1, 2, 1, 2, 1, 2]] * 3)


def test_same_padding_from_word_respects_reflect_limit():
    # 'same' with a 5-wide kernel pads 2 on each side, too much to reflect a 2-row input.
    with pytest.raises(PaddingTooLargeError):
        conv2d(np.ones((2, 8)), np.ones((5, 1)), padding="same", padding_mode="reflect")


@pytest.mark.parametrize(("stride", "pair"), [(2, (2, 2)), ((1, 2), (1, 2)), ([3, 1], (3, 1))])
def test_same_with_stride_above_one(stride, pair):
    with pytest.raises(SamePaddingStrideError) as info:
        conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=stride, padding="same")
    assert info.value.stride == pair


def test_unknown_padding_word():
    with pytest.raises(UnknownPaddingError) as info:
        conv2d(np.ones((5, 5)), np.ones((3, 3)), padding="half")
    assert info.value.value == "half"
    assert tuple(info.value.choices) == PADDING_WORDS


def test_unknown_padding_mode():
    with pytest.raises(UnknownPaddingError) as info:
        conv2d(np.ones((5, 5)), np.ones((3, 3)), padding_mode="mirror")
    assert info.value.value == "mirror"
    assert tuple(info.value.choices) == PADDING_MODES


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "what"),
    [
        ((5,), (3, 3), "input"),
        ((1, 1, 5, 5), (3, 3), "input"),
        ((5, 5), (3,), "kernel"),
        ((5, 5), (1, 1, 1, 3, 3), "kernel"),
        ((0, 5), (3, 3), "input"),
        ((5, 5), (1, 0, 3, 3), "kernel"),
    ],
)
def test_shape_errors(x_shape, w_shape, what):
    with pytest.raises(ShapeError) as info:
        conv2d(np.ones(x_shape), np.ones(w_shape))
    assert info.value.what == what


@pytest.mark.parametrize("value", [True, 1.5, "2", (1, 2, 3), (1.0, 2)])
def test_non_integer_stride_is_a_type_error(value):
    with pytest.raises(TypeError):
        conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=value)


@pytest.mark.parametrize(
    ("channels", "kernels", "groups"),
    [(1, 3, 1), (3, 4, 1), (4, 4, 2)],  # a tap at a time; im2col; im2col in groups
)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_correlate_padded_writes_its_result_where_the_caller_keeps_it(
    channels, kernels, groups, dtype
):
    # Image mode's bands land in the whole result: no band-sized temporary and copy.
    rng = np.random.default_rng(5)
    x = rng.integers(-4, 5, (channels, 13, 17)).astype(dtype)
    w = rng.integers(-3, 4, (kernels, channels // groups, 3, 3)).astype(float)
    bias = rng.integers(-2, 3, kernels).astype(float)
    kwargs = {"stride": (1, 2), "dilation": 2, "groups": groups, "dtype": dtype}
    want = correlate_padded(x, w, bias, **kwargs)
    whole = np.full((kernels, 20, want.shape[2]), np.nan, dtype=dtype)  # garbage around
    got = correlate_padded(x, w, bias, **kwargs, out=whole[:, 5 : 5 + want.shape[1]])
    assert np.shares_memory(got, whole)
    np.testing.assert_array_equal(whole[:, 5 : 5 + want.shape[1]], want)
    assert np.isnan(whole[:, :5]).all() and np.isnan(whole[:, 5 + want.shape[1] :]).all()
    # Rows that are not one block of memory (every other column) are filled all the same.
    wide = np.full((kernels, want.shape[1], 2 * want.shape[2]), np.nan, dtype=dtype)
    correlate_padded(x, w, bias, **kwargs, out=wide[:, :, ::2])
    np.testing.assert_array_equal(wide[:, :, ::2], want)
    assert np.isnan(wide[:, :, 1::2]).all()


def test_correlate_padded_refuses_an_out_of_another_shape_or_type():
    x, w = np.ones((1, 6, 6), dtype=np.float32), np.ones((2, 1, 3, 3))
    for out in (np.empty((2, 4, 3), np.float32), np.empty((2, 4, 4), np.float64)):
        with pytest.raises(ValueError, match="out is"):
            correlate_padded(x, w, out=out)
