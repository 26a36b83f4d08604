"""The stage's layout (:func:`convstudio.model.stage.plan_stage`), checked by its properties.

Notes
-----
Each test states one promise of the layout and checks it on generated stages (hypothesis) or on
a case worked out by hand:

* nothing overlaps, and nothing is cut when no grid scrolls;
* a grid's table is exactly as large as its (visible) cells, numbers, frame and scroll bars;
* a larger room never gives a smaller zoom, and the zoom found is the largest that fits;
* cells grow with the zoom, and grids of the same spec get the same size;
* when even the smallest zoom does not fit, the grids scroll, showing whole cells;
* the quiz's parts and its answer, the row numbers (a padding row's word) get their whole
  measured size.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from convstudio.model.stage import (
    BlockSpec,
    GridSpec,
    Length,
    QuizSpec,
    Rect,
    StageSpec,
    bounds,
    plan_stage,
)

MIN_ZOOM = 0.55
MAX_ZOOM = 4.0
NO_LENGTH = Length()
HUGE = 100_000  # a room in which everything fits at any zoom tried here

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Footer:
    """An equation that wraps, as the Qt layer measures it: ``StageSpec.footer``.

    At least *lines* lines of *line* pixels, and as many as a text *text* pixels long
    needs in the width given. Never lower for a larger zoom or a narrower width.
    """

    line: Length
    text: Length = NO_LENGTH
    lines: int = 1

    def __call__(self, zoom: float, width: int) -> int:
        wrapped = math.ceil(self.text.at(zoom) / max(1, width))
        return max(self.lines, wrapped) * self.line.at(zoom)


# ---------------------------------------------------------------- strategies


def lengths(most: int, per_zoom: tuple[int, int] | None = None) -> st.SearchStrategy[Length]:
    """Lengths with a fixed part in ``0 … most`` and a part per zoom in *per_zoom*.

    Without *per_zoom*, the part per zoom is drawn from ``0 … most`` too.
    """
    low, high = per_zoom if per_zoom is not None else (0, most)
    return st.builds(
        Length,
        st.integers(0, most).map(float),
        st.integers(low, high).map(float),
    )


def counts(most: int) -> st.SearchStrategy[int]:
    """``1 … most`` cells, small ones more often (so that many stages fit whole)."""
    return st.integers(1, min(most, 5)) | st.integers(1, most)


def cells() -> st.SearchStrategy[Length]:
    """Cell lengths: fixed ``0 … 20``, per zoom ``5 … 80``, small ones more often."""
    return lengths(20, (5, 30)) | lengths(20, (5, 80))


def grids(max_cells: int) -> st.SearchStrategy[GridSpec]:
    return st.builds(
        GridSpec,
        rows=counts(max_cells),
        cols=counts(max_cells),
        cell_width=cells(),
        cell_height=cells(),
        row_numbers=lengths(40),
        column_numbers=lengths(40),
        title=lengths(40),
        title_width=lengths(120),
    )


footers = st.none() | st.builds(
    Footer, line=lengths(50), text=lengths(1500), lines=st.integers(1, 4)
)


@st.composite
def heat_maps(draw) -> Length:
    """Hidden (``Length()``) or a positive width."""
    if draw(st.booleans()):
        return Length()
    return draw(st.builds(Length, st.integers(1, 60).map(float), st.integers(0, 60).map(float)))


def several(items: st.SearchStrategy, least: int, most: int) -> st.SearchStrategy[tuple]:
    """``least … most`` items, few more often (a stage that scrolls costs many layouts)."""
    sizes = st.integers(least, min(most, 2)) | st.integers(least, most)
    return sizes.flatmap(lambda n: st.lists(items, min_size=n, max_size=n).map(tuple))


# The quiz's bar: a prompt, a guess box, Reveal and the score (each up to a long Chinese
# sentence wide), and sometimes an answer about the size that wraps.
quiz_parts = st.lists(
    st.tuples(lengths(30, (0, 400)), lengths(20, (10, 40))), min_size=1, max_size=4
).map(tuple)
quizzes = st.none() | st.builds(
    QuizSpec,
    parts=quiz_parts,
    said=st.none() | st.builds(Footer, line=lengths(30), text=lengths(1500)),
    said_width=lengths(60, (0, 100)),
)

stages = st.builds(
    StageSpec,
    inputs=several(grids(16), 1, 4),
    kernels=several(several(grids(9), 1, 3), 1, 4),
    maps=several(grids(16), 0, 4),
    kernel_heading=lengths(40),
    kernel_heading_width=lengths(40),
    footer=footers,
    footer_width=lengths(600),
    heat_map_width=heat_maps(),
    quiz=quizzes,
)
widths = st.integers(300, 2500)
heights = st.integers(200, 1500)


# ---------------------------------------------------------------- helpers


def plan(spec: StageSpec, width: int, height: int, **kwargs):
    kwargs.setdefault("min_zoom", MIN_ZOOM)
    kwargs.setdefault("max_zoom", MAX_ZOOM)
    return plan_stage(spec, width, height, **kwargs)


def places(spec: StageSpec, result):
    """Every grid of a plan with its spec: ``(kind, spec, place)`` for inputs, slices, maps."""
    pairs = []
    for kind, specs, found in (
        ("input", spec.inputs, result.inputs),
        ("kernel", tuple(itertools.chain(*spec.kernels)), tuple(itertools.chain(*result.kernels))),
        ("map", spec.maps, result.maps),
        (
            "block",
            tuple(g for b in spec.blocks for g in (*itertools.chain(*b.kernels), *b.maps)),
            tuple(g for b in result.blocks for g in b.grids()),
        ),
    ):
        assert len(specs) == len(found), kind
        pairs += [(kind, g, p) for g, p in zip(specs, found, strict=True)]
    return pairs


def overlaps(parts: list[Rect]) -> list[tuple[Rect, Rect]]:
    return [(a, b) for a, b in itertools.combinations(parts, 2) if a.intersects(b)]


def expected_table(grid: GridSpec, place) -> tuple[int, int]:
    """The table's size for the cells it shows: numbers, cells, frame, scroll bars."""
    bar_w = grid.scroll_bar if place.scrolls_down else 0
    bar_h = grid.scroll_bar if place.scrolls_across else 0
    return (
        place.row_numbers + place.visible_cols * place.cell_width + grid.frame + bar_w,
        place.column_numbers + place.visible_rows * place.cell_height + grid.frame + bar_h,
    )


def fits(result, width: int, height: int) -> bool:
    return result.size[0] <= width and result.size[1] <= height


def next_zoom(zoom: float) -> float:
    return (round(zoom * 100) + 1) / 100


# Found by hypothesis: a kernel taller than the room at min_zoom, beside a 1 × 1 input, and a
# footer wider than the room. Kernels did not scroll and a footer's least width did not give
# way, so no plan fitted, yet the plan said it did not scroll. Kept as explicit examples.
ONE_CELL = GridSpec(1, 1, Length(0, 5), Length(0, 5))
TALL_KERNEL = StageSpec(
    inputs=(ONE_CELL,), kernels=((GridSpec(9, 1, Length(0, 5), Length(0, 80)),),), maps=()
)
WIDE_FOOTER = StageSpec(
    inputs=(ONE_CELL,), kernels=((ONE_CELL,),), maps=(), footer_width=Length(400, 0)
)


# ---------------------------------------------------------------- 1. nothing overlaps


@SETTINGS
@given(spec=stages, width=widths, height=heights)
def test_parts_never_overlap(spec, width, height):
    result = plan(spec, width, height)
    assert overlaps(result.parts()) == []


# ---------------------------------------------------------------- 2. nothing is cut


@SETTINGS
@given(spec=stages, width=widths, height=heights)
@example(spec=TALL_KERNEL, width=300, height=200)
def test_nothing_is_cut_when_nothing_scrolls(spec, width, height):
    result = plan(spec, width, height)
    room = Rect(0, 0, width, height)
    outside = [r for r in result.parts() if not room.contains(r)]
    # Only a room smaller than any stage (titles wider than it) may leave parts outside,
    # and the plan says so.
    assert result.overflows or outside == [], f"zoom {result.zoom}, size {result.size}"
    if result.overflows:
        assert outside != []
    if result.scrolls:
        return
    for kind, grid, place in places(spec, result):
        assert (place.visible_rows, place.visible_cols) == (grid.rows, grid.cols), kind
        assert not place.scrolls, kind
        assert place.table.width == (
            place.row_numbers + grid.cols * place.cell_width + grid.frame
        ), kind
        assert place.table.height == (
            place.column_numbers + grid.rows * place.cell_height + grid.frame
        ), kind


@SETTINGS
@given(spec=stages, width=widths, height=heights)
def test_the_quiz_and_the_row_numbers_get_their_whole_size(spec, width, height):
    result = plan(spec, width, height)
    zoom = result.zoom
    for kind, grid, place in places(spec, result):
        # The row numbers: a padding row's word ("填充") is never cut to "pa".
        assert place.row_numbers >= grid.row_numbers.at(zoom), kind
    if spec.quiz is None:
        assert result.quiz == () and result.said.height == 0
        return
    assert len(result.quiz) == len(spec.quiz.parts)
    for (part_w, part_h), rect in zip(spec.quiz.parts, result.quiz, strict=True):
        assert rect.width >= part_w.at(zoom) and rect.height >= part_h.at(zoom)
    if spec.quiz.said is not None and result.said.height:
        assert result.said.height >= spec.quiz.said(zoom, result.said.width)
    if not result.overflows:
        room = Rect(0, 0, width, height)
        assert all(room.contains(r) for r in (*result.quiz, result.said))
        # Under the equation, apart from it and from every grid.
        assert all(r.y >= result.footer.bottom for r in result.quiz)


def test_a_long_score_wraps_to_a_row_of_its_own_whole():
    """The score of a Chinese quiz is wider than what is left of the row: it goes whole
    to the next row (it was cut to "2 題答對" when the row was one box)."""
    spec = replace(
        worked_example(extras=False),
        quiz=QuizSpec(
            parts=(
                (Length(0, 300), Length(0, 30)),
                (Length(10, 90), Length(8, 30)),
                (Length(20, 60), Length(8, 30)),
                (Length(0, 250), Length(0, 30)),
            ),
            said=Footer(Length(0, 30), text=Length(0, 900)),
            said_width=Length(0, 120),
        ),
    )
    for width, height in ((1280, 720), (1920, 1080)):
        result = plan(spec, width, height)
        zoom = result.zoom
        assert not result.overflows
        score = result.quiz[3]
        assert score.width >= math.ceil(250 * zoom)
        assert score.right <= width
        assert overlaps(result.parts()) == []
        assert result.said.height >= spec.quiz.said(zoom, result.said.width)


# ---------------------------------------------------------------- 3. larger room, larger zoom


@SETTINGS
@given(
    spec=stages,
    width=widths,
    height=heights,
    more_w=st.integers(0, 1000),
    more_h=st.integers(0, 1000),
)
def test_larger_room_never_gives_smaller_zoom(spec, width, height, more_w, more_h):
    small = plan(spec, width, height)
    large = plan(spec, width + more_w, height + more_h)
    assert large.zoom >= small.zoom


# ---------------------------------------------------------------- 4. the zoom is the largest


@SETTINGS
@given(
    spec=stages,
    width=widths,
    height=heights,
    zooms=st.tuples(st.integers(25, 150), st.integers(0, 400)),
)
@example(spec=TALL_KERNEL, width=300, height=200, zooms=(55, 345))
@example(spec=WIDE_FOOTER, width=300, height=200, zooms=(55, 345))
def test_zoom_found_is_the_largest(spec, width, height, zooms):
    low, extra = zooms
    min_zoom, max_zoom = low / 100, (low + extra) / 100
    result = plan(spec, width, height, min_zoom=min_zoom, max_zoom=max_zoom)
    assert min_zoom <= result.zoom <= max_zoom
    if not result.overflows:
        assert fits(result, width, height), f"zoom {result.zoom}, size {result.size}"
    if round(result.zoom * 100) == round(max_zoom * 100):
        return
    above = plan(spec, width, height, zoom=next_zoom(result.zoom))
    assert above.scrolls or not fits(above, width, height), (
        f"found {result.zoom}, but {above.zoom} fits: size {above.size}"
    )


# ---------------------------------------------------------------- 5. cells grow with the zoom


@SETTINGS
@given(spec=stages, zooms=st.lists(st.integers(25, 500), min_size=2, max_size=6))
def test_cells_grow_with_the_zoom(spec, zooms):
    cells = []
    for zoom in sorted(zooms):
        result = plan(spec, HUGE, HUGE, zoom=zoom / 100)
        assert not result.scrolls
        cells.append([(p.cell_width, p.cell_height) for _, _, p in places(spec, result)])
    for smaller, larger in itertools.pairwise(cells):
        for (w1, h1), (w2, h2) in zip(smaller, larger, strict=True):
            assert w1 <= w2
            assert h1 <= h2


def test_cells_grow_by_the_zoom_concretely():
    grid = GridSpec(2, 2, Length(2, 10), Length(0, 30))
    spec = StageSpec(inputs=(grid,), kernels=((grid,),), maps=())
    at_1 = plan(spec, HUGE, HUGE, zoom=1.0).inputs[0]
    at_2 = plan(spec, HUGE, HUGE, zoom=2.0).inputs[0]
    assert (at_1.cell_width, at_1.cell_height) == (12, 30)
    assert (at_2.cell_width, at_2.cell_height) == (22, 60)


# ---------------------------------------------------------------- 6. same spec, same size


@SETTINGS
@given(
    grid=grids(16),
    slice_=grids(9),
    channels=st.integers(1, 4),
    n_kernels=st.integers(1, 4),
    n_maps=st.integers(2, 4),
    width=widths,
    height=heights,
)
def test_grids_of_the_same_spec_get_the_same_size(
    grid, slice_, channels, n_kernels, n_maps, width, height
):
    spec = StageSpec(
        inputs=(grid,) * channels,
        kernels=((slice_,) * channels,) * n_kernels,
        maps=(grid,) * n_maps,
    )
    result = plan(spec, width, height)
    same = [*result.inputs, *result.maps]
    sizes = {(p.cell_width, p.cell_height, p.table.width, p.table.height) for p in same}
    assert len(sizes) == 1, sizes
    titles = {(p.title.width, p.title.height) for p in same}
    assert len(titles) == 1, titles
    slices = list(itertools.chain(*result.kernels))
    sizes = {(p.cell_width, p.cell_height, p.table.width, p.table.height) for p in slices}
    assert len(sizes) == 1, sizes


def test_two_equal_maps_get_equal_tables():
    grid = GridSpec(4, 4, Length(0, 60), Length(0, 42), Length(2, 10), Length(2, 10))
    kernel = GridSpec(3, 3, Length(0, 44), Length(0, 42))
    spec = StageSpec(
        inputs=(GridSpec(6, 6, Length(0, 62), Length(0, 57)),),
        kernels=((kernel,), (kernel,)),
        maps=(grid, grid),
        heat_map_width=Length(0, 40),
    )
    for width, height in ((1920, 1080), (800, 600), (300, 200)):
        result = plan(spec, width, height)
        first, second = result.maps
        assert first.table.width == second.table.width
        assert first.table.height == second.table.height
        assert result.heat_maps[0].width == result.heat_maps[1].width
        assert overlaps(result.parts()) == []


# ---------------------------------------------------------------- 7. too much: grids scroll


def test_huge_grid_in_small_room_scrolls_whole_cells():
    big = GridSpec(16, 16, Length(20, 80), Length(20, 80))
    small = GridSpec(3, 3, Length(2, 8), Length(2, 8))
    spec = StageSpec(inputs=(big,), kernels=((small,),), maps=(replace(big, rows=14, cols=14),))
    result = plan(spec, 600, 300)
    assert result.zoom == MIN_ZOOM
    assert result.scrolls
    # At 0.55 a big cell is 20 + 44 = 64 px and a small one 7 px (the kernel: 21 + 2 = 23).
    # Across: two windows of c cells, 64c + 2 + 16 each, the kernel, two gaps: 128c + 91 ≤ 600
    # gives c = 3; down: 64c + 18 ≤ 300 gives c = 4. So 3 × 3 cells show.
    for grid, place in ((big, result.inputs[0]), (spec.maps[0], result.maps[0])):
        assert (place.cell_width, place.cell_height) == (64, 64)
        assert (place.visible_rows, place.visible_cols) == (3, 3)
        assert place.scrolls_across and place.scrolls_down
        assert (place.table.width, place.table.height) == expected_table(grid, place)
        assert (place.table.width, place.table.height) == (64 * 3 + 2 + 16,) * 2
    kernel = result.kernels[0][0]
    assert (kernel.visible_rows, kernel.visible_cols) == (3, 3)
    assert not kernel.scrolls
    room = Rect(0, 0, 600, 300)
    assert all(room.contains(r) for r in result.parts())
    assert overlaps(result.parts()) == []


@settings(SETTINGS, max_examples=30)
@given(
    inputs=st.lists(
        st.builds(
            GridSpec,
            rows=st.integers(8, 16),
            cols=st.integers(8, 16),
            cell_width=lengths(20, (60, 80)),
            cell_height=lengths(20, (60, 80)),
            row_numbers=lengths(40),
            column_numbers=lengths(40),
            title=lengths(40),
            title_width=lengths(120),
        ),
        min_size=1,
        max_size=4,
    ).map(tuple),
    spec=stages,
    width=st.integers(300, 800),
    height=st.integers(200, 500),
)
def test_when_min_zoom_does_not_fit_grids_scroll(inputs, spec, width, height):
    # Inputs of 8 × 8 cells and more, each at least 60 × 0.55 = 33 px: rarely do they fit the
    # room whole at MIN_ZOOM (in any arrangement); the cases where they do are left out.
    spec = replace(spec, inputs=inputs)
    whole = plan(spec, HUGE, HUGE, zoom=MIN_ZOOM)
    assume(not fits(whole, width, height))
    result = plan(spec, width, height)
    assert result.zoom == MIN_ZOOM
    if result.overflows:  # even windows of one cell do not fit: said, and whole grids
        assert not fits(result, width, height)
        return
    assert result.scrolls
    for kind, grid, place in places(spec, result):
        assert place.scrolls_across == (place.visible_cols < grid.cols), kind
        assert place.scrolls_down == (place.visible_rows < grid.rows), kind
        assert 1 <= place.visible_rows <= grid.rows, kind
        assert 1 <= place.visible_cols <= grid.cols, kind
        assert (place.table.width, place.table.height) == expected_table(grid, place), kind
    # The largest grid shows fewer cells than it has (windows are capped alike).
    grids = [*spec.inputs, *itertools.chain(*spec.kernels), *spec.maps]
    placed = [*result.inputs, *itertools.chain(*result.kernels), *result.maps]
    largest = max(grids, key=lambda g: max(g.rows, g.cols))
    place = placed[grids.index(largest)]
    assert place.visible_rows < largest.rows or place.visible_cols < largest.cols
    assert overlaps(result.parts()) == []
    assert fits(result, width, height), f"size {result.size}"
    room = Rect(0, 0, width, height)
    assert all(room.contains(r) for r in result.parts())


# ---------------------------------------------------------------- 8. the worked example


def worked_example(*, extras: bool) -> StageSpec:
    """The lesson's 6×6 input, 3×3 kernel, 4×4 output, measured like the Qt layer does."""
    numbers = Length(4, 10) if extras else Length()
    top = Length(2, 8) if extras else Length()
    title = Length(2, 8) if extras else Length()
    title_width = Length(0, 50) if extras else Length()

    def grid(rows: int, cols: int, w: float, h: float) -> GridSpec:
        return GridSpec(rows, cols, Length(0, w), Length(0, h), numbers, top, title, title_width)

    return StageSpec(
        inputs=(grid(6, 6, 62, 57),),
        kernels=((grid(3, 3, 44, 42),),),
        maps=(grid(4, 4, 60, 42),),
        kernel_heading=Length(4, 20) if extras else Length(),
        kernel_heading_width=Length(0, 100) if extras else Length(),
        footer=Footer(Length(0, 30), lines=3),
    )


@pytest.mark.parametrize(
    ("width", "height", "zoom"),
    [
        # The map under the kernel, right of the input; the footer under both. Across:
        # 6⌈62z⌉ + 2 + 16 + 4⌈60z⌉ + 2 = 1016 + 16 + 654 = 1686 at 2.71. Down: kernel, gap,
        # map, gap, footer: 3⌈42z⌉ + 2 + 16 + 4⌈42z⌉ + 2 + 16 + 3⌈30z⌉ = 344 + 16 + 458 + 16
        # + 246 = 1080 at 2.71; at 2.72, 347 + 16 + 462 + 16 + 246 = 1087 > 1080.
        (1920, 1080, 2.71),
        # At 1.76, 224 + 16 + 298 + 16 + 159 = 713; at 1.77, 227 + 16 + 302 + 16 + 162 = 723.
        (1280, 720, 1.76),
    ],
)
def test_worked_example_zoom_by_hand(width, height, zoom):
    result = plan(worked_example(extras=False), width, height)
    assert result.zoom == zoom
    # One column each; the map under the kernel, the footer under both, right of the input.
    assert result.arrangement == (1, 1, 1, True, False, False, True)
    assert not result.scrolls
    assert fits(result, width, height)
    assert overlaps(result.parts()) == []
    footer = result.footer
    assert footer.x == result.inputs[0].table.right + 16
    assert footer.height >= round(90 * zoom)


@pytest.mark.parametrize(
    ("width", "height", "low", "high"),
    [
        # Across, without rounding: 382z + 6, 142z + 6, 250z + 6 (numbers 10z + 4, frames 2)
        # and two gaps: 774z + 50, at most 1920 for z ≤ 2.416 and 1280 for z ≤ 1.589.
        (1920, 1080, 1.9, 2.41),
        (1280, 720, 1.2, 1.58),
    ],
)
def test_worked_example_with_numbers_and_titles(width, height, low, high):
    result = plan(worked_example(extras=True), width, height)
    assert low < result.zoom <= high
    assert not result.scrolls
    assert fits(result, width, height)
    room = Rect(0, 0, width, height)
    assert all(room.contains(r) for r in result.parts())
    assert overlaps(result.parts()) == []


# ---------------------------------------------------------------- 7. a stack of layers

# A stack's later layers: a heading, a convolution's kernels, a pooling layer's window or
# nothing (an activation), and 1–3 maps each.
blocks = st.builds(
    BlockSpec,
    heading=lengths(30, (10, 30)),
    heading_width=lengths(60, (0, 300)),
    kernels=st.just(()) | several(several(grids(5), 1, 2), 1, 2),
    maps=several(grids(12), 1, 3),
)
stacks = st.builds(
    StageSpec,
    inputs=several(grids(12), 1, 3),
    kernels=several(several(grids(5), 1, 3), 1, 3),
    maps=several(grids(12), 1, 3),
    kernel_heading=lengths(40),
    kernel_heading_width=lengths(40),
    footer=footers,
    footer_width=lengths(600),
    heat_map_width=heat_maps(),
    quiz=quizzes,
    blocks=several(blocks, 1, 5),
    heading=lengths(30, (10, 30)),
    heading_width=lengths(60, (0, 300)),
)
STACK_SETTINGS = settings(SETTINGS, max_examples=40)


@STACK_SETTINGS
@given(spec=stacks, width=widths, height=heights)
def test_a_stack_never_overlaps_and_is_never_cut(spec, width, height):
    result = plan(spec, width, height)
    assert len(result.blocks) == len(spec.blocks)
    assert overlaps(result.parts()) == []
    room = Rect(0, 0, width, height)
    assert result.overflows or all(room.contains(r) for r in result.parts())
    for kind, grid, place in places(spec, result):
        assert (place.table.width, place.table.height) == expected_table(grid, place), kind
        if not result.scrolls:
            assert (place.visible_rows, place.visible_cols) == (grid.rows, grid.cols), kind
    # The first layer's heading too, over its kernels and maps.
    assert result.heading.height >= spec.heading.at(result.zoom)
    assert result.heading.width >= spec.heading_width.at(result.zoom)
    assert all(g.outline.y >= result.heading.bottom for g in result.maps)
    for block, placed in zip(spec.blocks, result.blocks, strict=True):
        # The heading gets its whole size, over the block's grids.
        assert placed.heading.height >= block.heading.at(result.zoom)
        assert placed.heading.width >= block.heading_width.at(result.zoom)
        assert all(g.outline.y >= placed.heading.bottom for g in placed.grids())


@STACK_SETTINGS
@given(spec=stacks, width=widths, height=heights)
def test_a_stack_flows_in_order_and_the_equation_goes_under_it(spec, width, height):
    """Each block comes after the one before it: to its right in the same row, or in a
    row below; the equation (and the quiz) lies under every block."""
    result = plan(spec, width, height)
    assume(not result.overflows)
    first = [result.input_box(), result.kernel_box(), result.map_box()]
    boxes = [Rect(0, 0, *_size(first)), *(b.box() for b in result.blocks)]
    for before, after in itertools.pairwise(boxes):
        same_row = after.y == before.y and after.x >= before.right
        assert same_row or after.y >= before.y + 1, (before, after)
    # Inside the first box too, read left to right and then down: the input, the first
    # layer (its heading, kernels and maps), then the second layer's block.
    layer_one = bounds([result.heading, result.kernel_box(), result.map_box()])
    reading = [result.input_box(), layer_one, *(b.box() for b in result.blocks[:1])]
    for before, after in itertools.pairwise(reading):
        beside = after.x >= before.right and before.y <= after.y < before.bottom
        assert beside or after.y >= before.bottom, (before, after)
    if result.footer.height:
        assert all(result.footer.y >= b.bottom for b in boxes)
    assert all(r.y >= max(b.bottom for b in boxes) for r in result.quiz)


def _size(rects: list[Rect]) -> tuple[int, int]:
    shown = [r for r in rects if r.width and r.height]
    return max(r.right for r in shown), max(r.bottom for r in shown)


@STACK_SETTINGS
@given(
    spec=stacks,
    width=widths,
    height=heights,
    more_w=st.integers(0, 1000),
    more_h=st.integers(0, 1000),
)
def test_a_larger_room_never_gives_a_stack_a_smaller_zoom(spec, width, height, more_w, more_h):
    small = plan(spec, width, height)
    large = plan(spec, width + more_w, height + more_h)
    assert large.zoom >= small.zoom


@STACK_SETTINGS
@given(spec=stacks, width=widths, height=heights)
def test_the_zoom_found_for_a_stack_is_the_largest(spec, width, height):
    result = plan(spec, width, height)
    if not result.overflows:
        assert fits(result, width, height)
    if result.scrolls or round(result.zoom * 100) == round(MAX_ZOOM * 100):
        return
    above = plan(spec, width, height, zoom=next_zoom(result.zoom))
    assert above.scrolls or not fits(above, width, height)


def test_a_wide_stack_wraps_to_a_second_row():
    """Six layers of 8×8 maps do not fit side by side at a useful size in 1280 pixels:
    the blocks wrap, and the zoom is larger than in one row."""
    grid = GridSpec(8, 8, Length(3, 30), Length(4, 20), title=Length(2, 14))
    block = BlockSpec(heading=Length(2, 16), heading_width=Length(4, 100), maps=(grid,))
    spec = StageSpec(
        inputs=(grid,),
        kernels=((GridSpec(3, 3, Length(3, 30), Length(4, 20)),),),
        maps=(grid,),
        blocks=(block,) * 5,
    )
    result = plan(spec, 1280, 720)
    rows = {b.box().y for b in result.blocks}
    assert len(rows) >= 2
    one_row = plan(spec, 1280, 720, zoom=result.zoom)
    assert not one_row.scrolls and overlaps(one_row.parts()) == []
    assert result.block_arrangement[0] < len(spec.blocks) + 1


def test_a_scene_of_one_convolution_is_laid_out_as_before():
    """No blocks: the plan is the one without the stack's fields."""
    spec = worked_example(extras=True)
    result = plan(spec, 1280, 720)
    assert result.blocks == () and result.block_arrangement == (1, False, 1)
