"""Weight sharing and local connection counts against a slow loop over every step."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from convstudio.engine import (
    PADDING_MODES,
    ConvProblem,
    ConvSettingsError,
    input_window_counts,
    outputs_of_cell,
    outputs_of_input,
    plan,
    weight_cell_at,
    weight_cells,
    weight_uses,
    window_counts,
)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def problems(draw):
    """A valid problem of any shape and settings (values do not matter here)."""
    c_in = draw(st.integers(1, 4))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    n_out = groups * draw(st.integers(1, 4 // groups))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    padding = draw(
        st.one_of(
            st.integers(0, 3),
            st.tuples(st.integers(0, 3), st.integers(0, 3)),
            st.sampled_from(["valid", "same", "full"]),
        )
    )
    pair = st.tuples(st.integers(1, 3), st.integers(1, 3))
    try:
        return ConvProblem(
            np.zeros((c_in, h, w)),
            np.zeros((n_out, c_in // groups, kh, kw)),
            stride=(1, 1) if padding == "same" else draw(pair),
            dilation=draw(pair),
            padding=padding,
            groups=groups,
            padding_mode=draw(st.sampled_from(PADDING_MODES)),
        )
    except ConvSettingsError:
        reject()


def slow_counts(problem):
    """Every multiplication of the run, one at a time, from the steps themselves.

    Returns {(kernel, slice, i, j): list of (padded cell, input value or None)} in step order.
    """
    uses: dict[tuple[int, int, int, int], list] = {}
    for k in range(problem.n_steps):
        step = problem.step(k)
        for d, channel in enumerate(step.in_channels):
            for i, (pr, sr) in enumerate(zip(step.padded_rows, step.input_rows, strict=True)):
                for j, (pc, sc) in enumerate(zip(step.padded_cols, step.input_cols, strict=True)):
                    value = (channel, int(sr), int(sc)) if sr >= 0 and sc >= 0 else None
                    uses.setdefault((step.out_channel, d, i, j), []).append(
                        ((channel, int(pr), int(pc)), value, k)
                    )
    return uses


def slow_windows(problem, out_channel):
    """Padded-cell and input-value window counts of one kernel (or all), slowly."""
    g = problem.geometry
    padded = np.zeros((g.in_channels, g.padded_height, g.padded_width), dtype=int)
    values = np.zeros((g.in_channels, g.in_height, g.in_width), dtype=int)
    for k in range(problem.n_steps):
        step = problem.step(k)
        if out_channel is not None and step.out_channel != out_channel:
            continue
        for channel in step.in_channels:
            read = set()
            for pr, sr in zip(step.padded_rows, step.input_rows, strict=True):
                for pc, sc in zip(step.padded_cols, step.input_cols, strict=True):
                    padded[channel, pr, pc] += 1
                    if sr >= 0 and sc >= 0:
                        read.add((int(sr), int(sc)))
            for r, c in read:
                values[channel, r, c] += 1
    return padded, values


@SETTINGS
@given(problems(), st.data())
def test_window_counts_match_a_slow_loop(problem, data):
    g = problem.geometry
    out_channel = data.draw(st.none() | st.integers(0, g.out_channels - 1))
    padded, values = slow_windows(problem, out_channel)
    assert np.array_equal(window_counts(g, out_channel), padded)
    assert np.array_equal(input_window_counts(g, out_channel), values)


@SETTINGS
@given(problems(), st.data())
def test_weight_counts_match_a_slow_loop(problem, data):
    g = problem.geometry
    kernel = data.draw(st.integers(0, g.out_channels - 1))
    depth = data.draw(st.integers(0, g.channels_per_group - 1))
    i = data.draw(st.integers(0, g.kernel_height - 1))
    j = data.draw(st.integers(0, g.kernel_width - 1))
    uses = slow_counts(problem)[kernel, depth, i, j]
    cells = np.zeros((g.in_channels, g.padded_height, g.padded_width), dtype=int)
    values = np.zeros((g.in_channels, g.in_height, g.in_width), dtype=int)
    for cell, value, _ in uses:
        cells[cell] += 1
        if value is not None:
            values[value] += 1
    assert np.array_equal(weight_cells(g, kernel, depth, i, j), cells)
    assert np.array_equal(weight_uses(g, kernel, depth, i, j), values)
    by_step = {k: cell for cell, _, k in uses}
    for k in range(g.n_steps):
        assert weight_cell_at(g, k, kernel, depth, i, j) == by_step.get(k)


@SETTINGS
@given(problems(), st.data())
def test_outputs_of_a_cell_match_a_slow_loop(problem, data):
    g = problem.geometry
    channel = data.draw(st.integers(0, g.in_channels - 1))
    pr = data.draw(st.integers(0, g.padded_height - 1))
    pc = data.draw(st.integers(0, g.padded_width - 1))
    r = data.draw(st.integers(0, g.in_height - 1))
    c = data.draw(st.integers(0, g.in_width - 1))
    of_cell = np.zeros(g.output_shape, dtype=bool)
    of_input = np.zeros(g.output_shape, dtype=bool)
    for k in range(problem.n_steps):
        step = problem.step(k)
        if channel not in step.in_channels:
            continue
        cell = (step.out_channel, step.out_row, step.out_col)
        if pr in step.padded_rows and pc in step.padded_cols:
            of_cell[cell] = True
        if r in step.input_rows and c in step.input_cols:
            of_input[cell] = True
    assert np.array_equal(outputs_of_cell(g, channel, pr, pc), of_cell)
    assert np.array_equal(outputs_of_input(g, channel, r, c), of_input)


def test_edges_are_used_less_without_padding():
    """The lesson's drawback of no padding: 1 window at a corner, 9 in the middle."""
    g = plan((6, 6), (3, 3))
    counts = input_window_counts(g)[0]
    assert counts[0, 0] == counts[0, 5] == counts[5, 0] == counts[5, 5] == 1
    assert counts[0, 1] == 2 and counts[0, 2] == 3 and counts[1, 1] == 4
    assert (counts[2:4, 2:4] == 9).all()
    assert counts.sum() == 16 * 9  # every window reads 9 cells


def test_same_padding_evens_out_the_use_of_the_edges():
    g = plan((6, 6), (3, 3), padding="same")
    assert input_window_counts(g)[0, 0, 0] == 4
    assert window_counts(g)[0, 0, 0] == 1  # the padding corner itself


def test_a_shared_weight_meets_every_reached_cell_once():
    g = plan((6, 6), (3, 3))
    assert np.array_equal(weight_cells(g, 0, 0, 0, 0)[0], np.pad(np.ones((4, 4)), ((0, 2), (0, 2))))
    assert weight_cell_at(g, 5, 0, 0, 1, 2) == (0, 2, 3)  # step 6: window at (1, 1)


def test_replicate_padding_counts_the_copies_of_a_value():
    g = plan((4, 4), (3, 3), padding=1, padding_mode="replicate")
    # Tap (0, 0) lies on padded (0, 0), (0, 1), (1, 0), (1, 1): all copies of the corner.
    assert weight_uses(g, 0, 0, 0, 0)[0, 0, 0] == 4


def test_groups_keep_kernels_to_their_channels():
    g = plan((4, 5, 5), (4, 2, 3, 3), groups=2)
    assert window_counts(g, 0)[2:].sum() == 0
    assert weight_cells(g, 3, 1, 0, 0)[3].sum() == 9 and weight_cells(g, 3, 1, 0, 0)[:3].sum() == 0
    assert outputs_of_input(g, 0, 2, 2)[2:].sum() == 0
    assert input_window_counts(g)[0, 2, 2] == 2 * 9  # two kernels see channel 0


def test_out_of_range_is_refused():
    g = plan((6, 6), (3, 3))
    with pytest.raises(IndexError):
        window_counts(g, 1)
    with pytest.raises(IndexError):
        weight_cells(g, 0, 1, 0, 0)
    with pytest.raises(IndexError):
        weight_cell_at(g, 16, 0, 0, 0, 0)
