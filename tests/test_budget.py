"""The work budget: estimated from shapes, before anything is computed."""

from __future__ import annotations

import re
import tracemalloc

import numpy as np
import pytest

from convstudio.model import Scene
from convstudio.model.budget import (
    MEMORY_BUDGET_BYTES,
    OUTPUT_BUDGET_VALUES,
    OUTPUT_KINDS,
    WORK_BUDGET_MACS,
    BudgetError,
    Work,
    check_budget,
    estimate_work,
)

rng = np.random.default_rng(3)

SCENES = {
    "worked": Scene(np.ones((6, 6)), np.ones((3, 3))),
    "channels-padded": Scene(rng.random((3, 120, 90)), rng.random((8, 3, 5, 5)), padding=2),
    "depthwise-reflect": Scene(
        rng.random((4, 150, 150)),
        rng.random((4, 1, 3, 3)),
        groups=4,
        padding="same",
        padding_mode="reflect",
    ),
    "strided": Scene(rng.random((1, 300, 200)), rng.random((2, 1, 7, 7)), stride=2, padding=30),
    "grouped-dilated": Scene(
        rng.random((6, 100, 100)), rng.random((6, 2, 3, 3)), groups=3, dilation=2
    ),
    "full": Scene(rng.random((2, 50, 60)), rng.random((3, 2, 4, 2)), padding="full"),
}


@pytest.mark.parametrize("name", list(SCENES))
def test_the_estimate_matches_the_engine(name):
    scene = SCENES[name]
    work = estimate_work(scene)
    problem = scene.problem()
    assert work.macs == problem.geometry.macs
    tracemalloc.start()
    try:
        problem.output()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    held = peak + scene.input.nbytes + scene.kernels.nbytes
    if held > 1_000_000:  # tiny scenes are all interpreter overhead
        assert 0.8 * held <= work.memory_bytes <= 1.5 * held


def huge_padding() -> Scene:
    # The 431-byte file of the issue: a 6×6 input padded by 4096 on every side.
    return Scene(np.ones((3, 6, 6)), np.ones((3, 3, 3, 3)), padding=4096)


def test_a_scene_over_the_budget_is_refused_before_any_array_is_built():
    scene = huge_padding()
    tracemalloc.start()
    try:
        with pytest.raises(BudgetError) as info:
            check_budget(scene)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000  # the padded input alone would be 1.6 GB
    message = str(info.value)
    assert re.fullmatch(
        r"This scene needs [0-9.]+ billion multiply-adds and [0-9.]+ GB; "
        r"the budget is 1 billion and 1 GB\.",
        message,
    ), message
    assert info.value.work.macs > WORK_BUDGET_MACS
    assert info.value.work.memory_bytes > MEMORY_BUDGET_BYTES


def test_a_big_kernel_on_a_big_input_is_refused():
    scene = Scene(np.zeros((1, 2000, 2000)), np.zeros((1, 1, 300, 300)))
    with pytest.raises(BudgetError, match=r"needs 260\.4 billion multiply-adds"):
        check_budget(scene)


def test_memory_alone_can_exceed_the_budget():
    # A 1×1 kernel: few multiply-adds for its size, but input, padding and output are large.
    scene = Scene(np.zeros((1, 10, 10)), np.ones((1, 1, 1, 1)), padding=4096)
    work = estimate_work(scene)
    assert work.macs < WORK_BUDGET_MACS < work.memory_bytes
    with pytest.raises(BudgetError, match=r"GB; the budget is 1 billion and 1 GB"):
        check_budget(scene)


def test_a_lesson_is_within_the_budget_and_returns_its_estimate():
    work = check_budget(SCENES["worked"])
    assert work == Work(macs=144, memory_bytes=work.memory_bytes)
    assert 0 < work.memory_bytes < 10_000


def test_impossible_settings_are_estimated_not_raised():
    # The engine refuses "same" with stride 2 and groups that do not divide: it says so later.
    scene = Scene(np.ones((3, 8, 8)), np.ones((2, 1, 3, 3)), padding="same", stride=2, groups=2)
    assert estimate_work(scene).macs >= 0
    kernel_too_big = Scene(np.ones((2, 2)), np.ones((5, 5)))
    assert estimate_work(kernel_too_big).macs == 0


def test_the_budget_can_be_given():
    with pytest.raises(BudgetError, match="the budget is 100 and 1 kB"):
        check_budget(SCENES["worked"], macs_budget=100, memory_budget=1024)


def test_a_need_just_past_the_budget_never_reads_as_equal_to_it():
    from convstudio.model.budget import BudgetError, Work

    text = str(BudgetError(Work(macs=1_000_000_001, memory_bytes=2**30 + 1), 10**9, 2**30))
    assert text == (
        "This scene needs just over 1 billion multiply-adds and just over 1 GB; "
        "the budget is 1 billion and 1 GB."
    )


def test_printing_the_output_is_counted_one_estimate_per_kind():
    # The 95-byte scene: the convolution is within the budget, printing it is not.
    scene = Scene(np.ones((1, 1)), np.ones((1, 1)), padding=4000)
    check_budget(scene)
    values = 8001 * 8001
    estimates = {kind: estimate_work(scene, [kind]) for kind in OUTPUT_KINDS}
    # JSON prints the output twice: as "output", and as the one layer's in "layers".
    assert {kind: w.written_values for kind, w in estimates.items()} == {
        "text": values,
        "json": 2 * values,
        "csv": values,
    }
    bare = estimate_work(scene).memory_bytes
    assert bare < estimates["csv"].memory_bytes < estimates["text"].memory_bytes
    assert estimates["text"].memory_bytes < estimates["json"].memory_bytes
    assert estimate_work(scene, ["json", "csv"]).written_values == 3 * values
    for kind in OUTPUT_KINDS:
        with pytest.raises(BudgetError, match=r"^This scene needs 64 million multiply-adds and"):
            check_budget(scene, outputs=[kind])


def test_many_values_to_print_are_refused_with_their_count():
    scene = Scene(np.ones((1, 1500, 1500)), np.ones((1, 1, 1, 1)))
    check_budget(scene)  # computing it is cheap
    with pytest.raises(BudgetError) as info:
        check_budget(scene, outputs=["csv", "json"])
    assert str(info.value) == (
        "This scene's output has 6.75 million values to print or write; the budget is 2 million."
    )
    work = check_budget(scene, outputs=["csv"], values_budget=2 * OUTPUT_BUDGET_VALUES)
    assert work.written_values == 2_250_000
