"""ConvProblem's per-step detail, step numbering, unreached rows and counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from reference import ref_source

from convstudio.engine import PADDING_MODES, ConvProblem, ConvSettingsError

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def problems(draw):
    """A valid ConvProblem with its raw arrays (impossible settings are redrawn)."""
    c_in = draw(st.integers(1, 4))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    n_out = groups * draw(st.integers(1, 4 // groups))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    x = draw(hnp.arrays(np.float64, (c_in, h, w), elements=FLOATS))
    weights = draw(hnp.arrays(np.float64, (n_out, c_in // groups, kh, kw), elements=FLOATS))
    bias = draw(st.none() | hnp.arrays(np.float64, (n_out,), elements=FLOATS))
    padding = draw(
        st.one_of(
            st.integers(0, 3),
            st.tuples(st.integers(0, 3), st.integers(0, 3)),
            st.sampled_from(["valid", "same", "full"]),
        )
    )
    pair = st.tuples(st.integers(1, 3), st.integers(1, 3))
    stride = (1, 1) if padding == "same" else draw(pair)
    kwargs = {
        "stride": stride,
        "dilation": draw(pair),
        "padding": padding,
        "groups": groups,
        "padding_mode": draw(st.sampled_from(PADDING_MODES)),
    }
    try:
        problem = ConvProblem(x, weights, bias, **kwargs)
    except ConvSettingsError:
        reject()
    return problem, x, weights, bias, kwargs


def reference_value(g, x, r_padded, c_padded, channel):
    r = ref_source(r_padded, g.in_height, g.pad_top, g.padding_mode)
    c = ref_source(c_padded, g.in_width, g.pad_left, g.padding_mode)
    return 0.0 if r is None or c is None else x[channel, r, c]


@SETTINGS
@given(problems())
def test_every_step_matches_the_output(case):
    problem = case[0]
    g = problem.geometry
    out = problem.output()
    assert problem.n_steps == out.size == g.n_steps
    flat = out.ravel()
    for k in range(problem.n_steps):
        step = problem.step(k)
        assert step.index == k
        assert (step.out_channel, step.out_row, step.out_col) == problem.cell_of_step(k)
        assert step.total == pytest.approx(flat[k], rel=1e-12, abs=1e-9)
        assert step.total == pytest.approx(
            out[step.out_channel, step.out_row, step.out_col], rel=1e-12, abs=1e-9
        )


@SETTINGS
@given(problems())
def test_step_detail_is_consistent(case):
    problem, x, weights, bias, _ = case
    g = problem.geometry
    depth = weights.shape[1]
    for k in range(problem.n_steps):
        s = problem.step(k)
        o, r, c = s.out_channel, s.out_row, s.out_col
        group = o // (weights.shape[0] // g.groups)
        assert s.in_channels == tuple(range(group * depth, (group + 1) * depth))
        # Receptive field, in padded coordinates.
        np.testing.assert_array_equal(
            s.padded_rows, [r * g.stride[0] + i * g.dilation[0] for i in range(g.kernel_height)]
        )
        np.testing.assert_array_equal(
            s.padded_cols, [c * g.stride[1] + j * g.dilation[1] for j in range(g.kernel_width)]
        )
        assert s.values.shape == s.weights.shape == s.products.shape == weights.shape[1:]
        np.testing.assert_array_equal(s.weights, weights[o])
        for d, channel in enumerate(s.in_channels):
            for i, pr in enumerate(s.padded_rows):
                for j, pc in enumerate(s.padded_cols):
                    assert s.values[d, i, j] == reference_value(g, x, pr, pc, channel)
        np.testing.assert_array_equal(s.products, s.values * s.weights)
        np.testing.assert_allclose(s.channel_sums, s.products.sum(axis=(1, 2)), atol=1e-12)
        assert s.bias == (0.0 if bias is None else bias[o])
        assert s.total == pytest.approx(s.channel_sums.sum() + s.bias, rel=1e-12, abs=1e-12)


@SETTINGS
@given(problems())
def test_padding_flags_and_source_indices(case):
    problem, _, _, _, kwargs = case
    g = problem.geometry
    zeros = kwargs["padding_mode"] == "zeros"
    for k in range(problem.n_steps):
        s = problem.step(k)
        assert s.is_padding.shape == (g.kernel_height, g.kernel_width)
        for i, pr in enumerate(s.padded_rows):
            row_inside = g.pad_top <= pr < g.pad_top + g.in_height
            want_row = ref_source(pr, g.in_height, g.pad_top, g.padding_mode)
            assert s.input_rows[i] == (-1 if want_row is None else want_row)
            if not zeros:
                assert s.input_rows[i] >= 0
            elif not row_inside:
                assert s.input_rows[i] == -1
            for j, pc in enumerate(s.padded_cols):
                col_inside = g.pad_left <= pc < g.pad_left + g.in_width
                assert bool(s.is_padding[i, j]) == (not (row_inside and col_inside))
        for j, pc in enumerate(s.padded_cols):
            want_col = ref_source(pc, g.in_width, g.pad_left, g.padding_mode)
            assert s.input_cols[j] == (-1 if want_col is None else want_col)
            if not zeros:
                assert s.input_cols[j] >= 0
        if zeros:
            # In zeros mode a padding cell holds 0, whatever the input is.
            assert np.all(s.values[:, s.is_padding] == 0.0)


@SETTINGS
@given(problems())
def test_cell_and_step_round_trip(case):
    problem = case[0]
    g = problem.geometry
    seen = set()
    for k in range(problem.n_steps):
        cell = problem.cell_of_step(k)
        assert 0 <= cell[0] < g.out_channels
        assert 0 <= cell[1] < g.out_height
        assert 0 <= cell[2] < g.out_width
        assert problem.step_of_cell(*cell) == k
        seen.add(cell)
    assert len(seen) == problem.n_steps
    # Steps run over kernels, then rows, then columns.
    order = [problem.cell_of_step(k) for k in range(problem.n_steps)]
    assert order == sorted(order)
    for bad in (-1, problem.n_steps):
        with pytest.raises(IndexError):
            problem.cell_of_step(bad)
        with pytest.raises(IndexError):
            problem.step(bad)


@SETTINGS
@given(problems())
def test_unreached_matches_brute_force(case):
    problem = case[0]
    g = problem.geometry
    touched_rows, touched_cols = set(), set()
    # Walk every window of every step and record the input cells it covers.
    for k in range(problem.n_steps):
        s = problem.step(k)
        for pr in s.padded_rows:
            if g.pad_top <= pr < g.pad_top + g.in_height:
                touched_rows.add(int(pr) - g.pad_top)
        for pc in s.padded_cols:
            if g.pad_left <= pc < g.pad_left + g.in_width:
                touched_cols.add(int(pc) - g.pad_left)
    want_rows = [r for r in range(g.in_height) if r not in touched_rows]
    want_cols = [c for c in range(g.in_width) if c not in touched_cols]
    assert g.unreached(0).tolist() == want_rows
    assert g.unreached(1).tolist() == want_cols


@SETTINGS
@given(problems())
def test_parameter_and_mac_counts(case):
    problem, _, weights, bias, _ = case
    g = problem.geometry
    assert g.parameters == weights.size + (0 if bias is None else bias.size)
    assert g.has_bias == (bias is not None)
    assert g.macs_per_output == weights[0].size
    assert g.macs == sum(problem.step(k).products.size for k in range(problem.n_steps))


def test_unreached_worked_by_hand():
    # 7 rows, kernel 3, stride 3: windows cover rows 0-2 and 3-5; row 6 is never read.
    p = ConvProblem(np.zeros((7, 5)), np.ones((3, 1)), stride=(3, 1))
    assert p.geometry.unreached(0).tolist() == [6]
    assert p.geometry.unreached(1).tolist() == []
    # Dilation 2 on a 1×1 output skips the odd rows inside the window too.
    p = ConvProblem(np.zeros((5, 5)), np.ones((3, 3)), dilation=2)
    assert p.geometry.unreached(0).tolist() == [1, 3]
    # Stride 2 with a 1-wide kernel skips every other column.
    p = ConvProblem(np.zeros((4, 5)), np.ones((1, 1)), stride=2)
    assert p.geometry.unreached(1).tolist() == [1, 3]


def test_counts_by_hand():
    p = ConvProblem(np.zeros((4, 8, 8)), np.ones((6, 2, 3, 3)), np.zeros(6), groups=2)
    g = p.geometry
    assert g.parameters == 6 * 2 * 3 * 3 + 6
    assert g.macs_per_output == 18
    assert g.n_steps == 6 * 6 * 6
    assert g.macs == 6 * 6 * 6 * 18


def test_worked_example_steps():
    x = np.array(
        [
            [18, 54, 51, 239, 244, 188],
            [55, 121, 75, 78, 95, 88],
            [35, 24, 204, 113, 109, 221],
            [3, 154, 104, 235, 25, 130],
            [15, 253, 225, 159, 78, 233],
            [68, 85, 180, 214, 245, 0],
        ]
    )
    p = ConvProblem(x, [[1, 0, 1], [0, 1, 0], [1, 0, 1]])
    assert p.n_steps == 16
    s = p.step(0)
    assert s.total == 429
    np.testing.assert_array_equal(s.values[0], x[:3, :3])
    np.testing.assert_array_equal(s.products[0], [[18, 0, 51], [0, 121, 0], [35, 0, 204]])
    s = p.step(p.step_of_cell(0, 3, 1))
    assert (s.out_row, s.out_col, s.total) == (3, 1, 913)
    assert not s.is_padding.any()


def test_step_with_zero_padding_by_hand():
    x = np.arange(1.0, 10.0).reshape(3, 3)
    p = ConvProblem(x, np.ones((3, 3)), np.array([0.5]), padding=1)
    s = p.step(0)  # top-left output: its window hangs over the top and left edges
    np.testing.assert_array_equal(s.input_rows, [-1, 0, 1])
    np.testing.assert_array_equal(s.input_cols, [-1, 0, 1])
    np.testing.assert_array_equal(
        s.is_padding, [[True, True, True], [True, False, False], [True, False, False]]
    )
    np.testing.assert_array_equal(s.values[0], [[0, 0, 0], [0, 1, 2], [0, 4, 5]])
    assert s.total == 12.5 == p.output()[0, 0, 0]


def test_step_with_reflect_padding_by_hand():
    x = np.arange(1.0, 10.0).reshape(3, 3)
    p = ConvProblem(x, np.ones((3, 3)), padding=1, padding_mode="reflect")
    s = p.step(0)
    np.testing.assert_array_equal(s.input_rows, [1, 0, 1])
    np.testing.assert_array_equal(s.input_cols, [1, 0, 1])
    assert s.is_padding.sum() == 5  # padding cells are flagged even though they hold numbers
    np.testing.assert_array_equal(s.values[0], [[5, 4, 5], [2, 1, 2], [5, 4, 5]])
