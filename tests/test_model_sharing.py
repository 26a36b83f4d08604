"""The shared hover state: what a hovered weight or input cell lights, and the counts."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pytest

from convstudio.model import Scene, Studio
from convstudio.model.sharing import Mark, hover_of


@pytest.fixture
def hover(studio):
    return hover_of(studio)


def emitted(signal):
    seen: list[object] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_one_hover_per_studio_that_does_not_keep_it_alive(studio):
    assert hover_of(studio) is hover_of(studio)
    other = Studio(studio.document.scene)
    assert hover_of(other) is not hover_of(studio)
    ref = weakref.ref(other)
    del other
    gc.collect()
    assert ref() is None


def test_counts_on_every_input_cell_of_the_worked_example(hover):
    marks = hover.input_marks(0, show_counts=True)
    counts = np.zeros((6, 6), dtype=int)
    for (r, c), mark in marks.items():
        assert not mark.lit
        counts[r, c] = mark.badge
    assert counts[0, 0] == counts[5, 5] == 1 and counts[2, 3] == 9
    assert len(marks) == 36
    assert hover.input_marks(0) == {}  # nothing hovered, counts off: nothing marked


def test_padding_shows_no_count(studio, hover):
    studio.document.update_settings(padding="same")
    marks = hover.input_marks(0, show_counts=True)
    assert (0, 0) not in marks and marks[1, 1] == Mark(False, 4)


def test_a_hovered_weight_lights_its_cell_at_the_current_step(studio, hover):
    changes = emitted(hover.changed)
    studio.playback.show_step(5)  # window at (1, 1)
    hover.point_at_weight(0, 0, 1, 2)
    assert changes == [()]
    assert hover.input_marks(0) == {(2, 3): Mark(True, None)}
    studio.playback.show_step(6)
    assert hover.input_marks(0) == {(2, 4): Mark(True, None)}
    hover.point_at_weight(0, 0, 1, 2)
    assert len(changes) == 1  # the same weight again: no event


def test_shift_lights_every_step_with_counts(studio, hover):
    hover.point_at_weight(0, 0, 0, 0)
    hover.set_every_step(True)
    marks = hover.input_marks(0, show_counts=True)
    assert set(marks) == {(r, c) for r in range(4) for c in range(4)}
    assert all(m == Mark(True, 1) for m in marks.values())  # the weight's counts, not windows'
    hover.set_every_step(False)
    assert hover.input_marks(0) == {}  # before the first step the weight is idle
    studio.playback.show_step(0)
    assert hover.input_marks(0) == {(0, 0): Mark(True, None)}


def test_true_convolution_lights_the_flipped_tap(studio, hover):
    studio.document.set_flip(True)
    studio.playback.show_step(0)
    hover.point_at_weight(0, 0, 0, 0)  # the top-left weight slides as the bottom-right one
    assert hover.input_marks(0) == {(2, 2): Mark(True, None)}


def test_a_hovered_cell_lights_the_outputs_it_contributes_to(hover):
    hover.point_at_cell(0, 0, 0)
    assert hover.output_lit(0) == {(0, 0)}
    assert hover.input_marks(0)[0, 0] == Mark(False, 1)
    hover.point_at_cell(0, 2, 3)
    assert hover.output_lit(0) == {(r, c) for r in range(3) for c in range(1, 4)}
    assert hover.window_count(0, 2, 3).windows == 9
    assert hover.weight is None
    hover.point_at_weight(0, 0, 0, 0)
    assert hover.cell is None and hover.output_lit(0) == frozenset()


def test_leaving_forgets_only_what_was_left(hover):
    hover.point_at_weight(0, 0, 1, 1)
    hover.leave_channel(0)
    assert hover.weight is not None
    hover.leave_kernel(0, 0)
    assert hover.weight is None
    hover.point_at_cell(0, 1, 1)
    hover.leave_kernel(0, 0)
    assert hover.cell is not None
    hover.leave_channel(0)
    assert hover.cell is None


def test_a_scene_change_keeps_what_still_exists_and_clears_the_rest(studio, hover):
    hover.point_at_weight(0, 0, 2, 2)
    studio.document.set_kernel_value(0, 0, 2, 2, 5.0)
    assert hover.weight is not None
    changes = emitted(hover.changed)
    studio.document.resize_kernel(2, 2)
    assert hover.weight is None and len(changes) == 1
    hover.point_at_cell(0, 5, 5)
    studio.document.resize_input(4, 4)
    assert hover.cell is None


def test_impossible_settings_mark_nothing(hover):
    hover.point_at_cell(0, 0, 0)
    studio = Studio(Scene(input=np.ones((2, 2)), kernels=np.ones((3, 3))))
    other = hover_of(studio)
    assert other.input_marks(0, show_counts=True) == {}
    assert other.output_lit(0) == frozenset()
