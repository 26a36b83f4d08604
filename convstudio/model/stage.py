"""The stage's layout: where the grids, kernels, maps and equation go, and how large.

One function, :func:`plan_stage`, decides it, in plain Python: given each grid's size in
cells, what its cells, numbers and titles need at a zoom, and the room, it returns the
largest zoom at which everything shows whole, and the rectangle of every part. The Qt
layer measures (fonts) and obeys (geometry); it does no layout arithmetic of its own.

Every length the Qt layer measures is affine in the zoom (:class:`Length`): a fixed part
(frames, margins) and a part that grows with the fonts. Rounding up to whole pixels keeps
each length non-decreasing in the zoom, so "fits at zoom z" holds for every smaller zoom,
and a bisection over hundredths finds the largest. A larger room fits every zoom a
smaller one fits, so it never gives smaller numbers.

The stage is three columns, left to right: the input channels, the kernels (one block
per kernel: its heading over its slices side by side), the output maps (each with its
heat map to its right when shown). The equation goes under all three, or under the
kernels and maps only (beside a tall input). Channels, kernel blocks and maps may each
wrap into several columns; every arrangement is tried and the one with the largest
zoom wins (ties: the first tried, fewest columns).

A stack of layers adds one block per later layer (:class:`BlockSpec`: a heading, the
layer's kernels or pooling window, its maps), in the order the data flows: the three
columns above are the first block, the others follow it left to right and wrap to further
rows (every count of blocks to a row is tried, as the columns are); the equation then
goes under all of them.

When nothing fits even at ``min_zoom`` (or a zoom is imposed that does not fit), the
grids show a window of their cells (they scroll inside, whole cells only) as large as
fits: the receptive field and the current output cell are kept in view by the Qt layer.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "BlockPlace",
    "BlockSpec",
    "GridPlace",
    "GridSpec",
    "Length",
    "QuizSpec",
    "Rect",
    "StagePlan",
    "StageSpec",
    "bounds",
    "plan_stage",
]

MIN_ZOOM = 0.4
MAX_ZOOM = 4.0
# What the back row of a lecture hall reads: the least height in pixels of an output value's
# digits, by (several input channels, presenting, screen size). A lesson of one channel has
# room for larger numbers than one of three, so its floor is higher.
LEGIBILITY_FLOORS: dict[tuple[bool, bool, tuple[int, int]], int] = {
    (False, True, (1920, 1080)): 40,
    (False, True, (1280, 720)): 26,
    (False, False, (1920, 1080)): 26,
    (False, False, (1280, 720)): 17,
    (True, True, (1920, 1080)): 20,
    (True, True, (1280, 720)): 13,
    (True, False, (1920, 1080)): 16,
    (True, False, (1280, 720)): 11,
}


@dataclass(frozen=True)
class Length:
    """A length in pixels that grows with the zoom: ``fixed + per_zoom × zoom``.

    Parameters
    ----------
    fixed
        Pixels that do not scale (frames, margins).
    per_zoom
        Pixels per unit of zoom (what grows with the fonts); never negative.
    """

    fixed: float = 0.0
    per_zoom: float = 0.0

    def at(self, zoom: float) -> int:
        """Whole pixels at *zoom*, rounded up (so that text measured at 1.0 fits)."""
        # The small tolerance keeps 2.0000000001 (float noise) from becoming 3.
        return max(0, math.ceil(self.fixed + max(0.0, self.per_zoom) * zoom - 1e-6))


NONE = Length()


@dataclass(frozen=True)
class GridSpec:
    """One grid of cells and what surrounds it.

    Parameters
    ----------
    rows, cols
        Cells down and across.
    cell_width, cell_height
        One cell (every cell of a grid is the same size).
    row_numbers
        Width of the row numbers left of the cells (``Length()`` when hidden).
    column_numbers
        Height of the column numbers over the cells (``Length()`` when hidden).
    title, title_width
        Height and width of the title over the grid (``Length()`` when it has none).
    frame
        Pixels of border around the cells, both sides together.
    scroll_bar
        Width of a scroll bar, taken when the grid shows only part of its cells.
    min_window
        The fewest rows and columns it may show when it must scroll: the receptive field
        of an input grid, the whole of a kernel.
    """

    rows: int
    cols: int
    cell_width: Length
    cell_height: Length
    row_numbers: Length = NONE
    column_numbers: Length = NONE
    title: Length = NONE
    title_width: Length = NONE
    frame: int = 2
    scroll_bar: int = 16
    min_window: int = 1


@dataclass(frozen=True)
class QuizSpec:
    """The quiz's bar, measured in the language in use, under the equation.

    Parameters
    ----------
    parts
        Width and height of each part of its row, left to right (the prompt, the guess
        box, Reveal, the score): the row wraps where the width runs out, a part never does.
    said
        Height of the answer about the output's size (a sentence that wraps) at a zoom and
        a width, under the row; never smaller for a larger zoom or a narrower width.
        ``None``: nothing said.
    said_width
        The least width the answer needs (its longest word).
    """

    parts: tuple[tuple[Length, Length], ...]
    said: Callable[[float, int], int] | None = None
    said_width: Length = NONE


@dataclass(frozen=True)
class BlockSpec:
    """One layer of a stack after the first block: its heading, kernels (or window), maps.

    Parameters
    ----------
    heading, heading_width
        Height and width of the layer's heading (its number, type and settings).
    kernels
        Per kernel, its slices (a convolution), or one grid (a pooling layer's window);
        empty for an activation.
    maps
        One grid per output map.
    """

    heading: Length = NONE
    heading_width: Length = NONE
    kernels: tuple[tuple[GridSpec, ...], ...] = ()
    maps: tuple[GridSpec, ...] = ()


@dataclass(frozen=True)
class StageSpec:
    """Everything on the stage, measured.

    Parameters
    ----------
    inputs
        One grid per input channel.
    kernels
        Per kernel, its slices (one grid per input channel it reads).
    maps
        One grid per output map (none when the settings are impossible).
    kernel_heading, kernel_heading_width
        Height and width of a kernel's heading (its name and bias) over its slices.
    footer
        Height of the equation (and what goes with it) under the grids, given the zoom
        and the width it gets: it wraps. Never smaller for a larger zoom or a narrower
        width. ``None``: no footer.
    footer_width
        The least width the footer needs.
    heat_map_width
        Width of one heat map beside its map (``Length()`` when heat maps are hidden).
    quiz
        The quiz's bar, at the foot of the footer (``None`` when the quiz is off).
    gap
        Pixels between parts.
    blocks
        The later layers of a stack, in the order the data flows (none for one layer).
    heading, heading_width
        Height and width of the first layer's heading, over its kernels and maps (a
        stack's only: not drawn without blocks).
    """

    inputs: tuple[GridSpec, ...]
    kernels: tuple[tuple[GridSpec, ...], ...]
    maps: tuple[GridSpec, ...]
    kernel_heading: Length = NONE
    kernel_heading_width: Length = NONE
    footer: Callable[[float, int], int] | None = None
    footer_width: Length = NONE
    heat_map_width: Length = NONE
    quiz: QuizSpec | None = None
    gap: int = 16
    blocks: tuple[BlockSpec, ...] = ()
    heading: Length = NONE
    heading_width: Length = NONE


@dataclass(frozen=True)
class Rect:
    """A rectangle in pixels, from the stage's top-left corner."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def intersects(self, other: Rect) -> bool:
        """Whether the two share any pixel (touching edges do not)."""
        return (
            self.width > 0
            and self.height > 0
            and other.width > 0
            and other.height > 0
            and self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def moved(self, dx: int, dy: int) -> Rect:
        """The same rectangle, *dx* right and *dy* down."""
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


def bounds(rects: list[Rect]) -> Rect:
    """The smallest rectangle around *rects* (empty ones left out)."""
    shown = [r for r in rects if r.width > 0 and r.height > 0]
    if not shown:
        return Rect(0, 0, 0, 0)
    x, y = min(r.x for r in shown), min(r.y for r in shown)
    return Rect(x, y, max(r.right for r in shown) - x, max(r.bottom for r in shown) - y)


@dataclass(frozen=True)
class GridPlace:
    """Where one grid goes and how large its cells are.

    ``table`` holds the numbers, the cells, the frame and (when it scrolls) the scroll
    bars; ``visible_rows × visible_cols`` cells show at once, whole.
    """

    title: Rect
    table: Rect
    cell_width: int
    cell_height: int
    row_numbers: int
    column_numbers: int
    visible_rows: int
    visible_cols: int
    scrolls_across: bool = False
    scrolls_down: bool = False

    @property
    def scrolls(self) -> bool:
        return self.scrolls_across or self.scrolls_down

    @property
    def outline(self) -> Rect:
        """The title and the table together."""
        return bounds([self.title, self.table])


@dataclass(frozen=True)
class BlockPlace:
    """Where one :class:`BlockSpec` goes: its heading, kernels' slices and maps."""

    heading: Rect
    kernels: tuple[tuple[GridPlace, ...], ...]
    maps: tuple[GridPlace, ...]

    def box(self) -> Rect:
        """Around the whole block."""
        grids = [p.outline for p in (*itertools.chain(*self.kernels), *self.maps)]
        return bounds([self.heading, *grids])

    def grids(self) -> list[GridPlace]:
        return [*itertools.chain(*self.kernels), *self.maps]


@dataclass(frozen=True)
class StagePlan:
    """The answer of :func:`plan_stage`."""

    zoom: float
    inputs: tuple[GridPlace, ...]
    kernel_headings: tuple[Rect, ...]
    kernels: tuple[tuple[GridPlace, ...], ...]
    maps: tuple[GridPlace, ...]
    heat_maps: tuple[Rect, ...]
    footer: Rect  # the equation's
    size: tuple[int, int]  # width and height used
    scrolls: bool  # some grid shows only part of its cells
    overflows: bool = False  # the room is too small for any stage: parts lie beyond it
    arrangement: tuple[int, int, int, bool, bool, bool, bool] = field(
        default=(1, 1, 1, False, False, False, False)
    )
    quiz: tuple[Rect, ...] = ()  # one per part of the quiz's row (QuizSpec.parts)
    said: Rect = field(default=Rect(0, 0, 0, 0))  # the quiz's answer about the size
    blocks: tuple[BlockPlace, ...] = ()  # the stack's later layers (StageSpec.blocks)
    heading: Rect = field(default=Rect(0, 0, 0, 0))  # the first layer's (a stack's)
    # Blocks to a row (counting the first three columns as one), the maps of a block under
    # its kernels, the maps' columns in a block.
    block_arrangement: tuple[int, bool, int] = (1, False, 1)

    def input_box(self) -> Rect:
        """Around the input channels."""
        return bounds([p.outline for p in self.inputs])

    def kernel_box(self) -> Rect:
        """Around the kernels' headings and slices."""
        slices = [p.outline for p in itertools.chain(*self.kernels)]
        return bounds([*self.kernel_headings, *slices])

    def quiz_box(self) -> Rect:
        """Around the quiz's row and its answer (empty when the quiz is off)."""
        return bounds([*self.quiz, self.said])

    def map_box(self) -> Rect:
        """Around the output maps and their heat maps."""
        return bounds([*(p.outline for p in self.maps), *self.heat_maps])

    def parts(self) -> list[Rect]:
        """Every rectangle drawn (titles, tables, headings, heat maps, footer)."""
        rects: list[Rect] = []
        block_grids = [g for b in self.blocks for g in b.grids()]
        for place in (
            *self.inputs,
            *itertools.chain(*self.kernels),
            *self.maps,
            *block_grids,
        ):
            rects += [place.title, place.table]
        rects += [*self.kernel_headings, *self.heat_maps, self.footer, *self.quiz, self.said]
        rects += [b.heading for b in self.blocks]
        rects.append(self.heading)
        return [r for r in rects if r.width > 0 and r.height > 0]


# ---------------------------------------------------------------- sizes


class _Sized:
    """A grid's pixel sizes at one zoom, showing *rows* × *cols* of its cells."""

    __slots__ = (
        "cell_h", "cell_w", "cols", "height", "numbers_h", "numbers_w", "rows", "scrolled",
        "spec", "table_h", "table_w", "title_h", "width",
    )  # fmt: skip

    def __init__(self, spec: GridSpec, zoom: float, cap: int | None) -> None:
        least = max(1, spec.min_window)
        self.spec = spec
        self.rows = spec.rows if cap is None else min(spec.rows, max(cap, least))
        self.cols = spec.cols if cap is None else min(spec.cols, max(cap, least))
        self.cell_w = max(1, spec.cell_width.at(zoom))
        self.cell_h = max(1, spec.cell_height.at(zoom))
        self.numbers_w = spec.row_numbers.at(zoom)
        self.numbers_h = spec.column_numbers.at(zoom)
        self.title_h = spec.title.at(zoom)
        # Whether it scrolls across and down (a bar under or beside the cells).
        across, down = self.cols < spec.cols, self.rows < spec.rows
        self.scrolled = (across, down)
        bar_w = spec.scroll_bar if down else 0
        bar_h = spec.scroll_bar if across else 0
        self.table_w = self.numbers_w + self.cols * self.cell_w + spec.frame + bar_w
        # The height of title and table together (the table alone is table_h − title_h).
        self.table_h = self.title_h + self.numbers_h + self.rows * self.cell_h + spec.frame + bar_h
        self.width = max(self.table_w, spec.title_width.at(zoom))
        self.height = self.table_h


def _columns(sizes: list[tuple[int, int]], per_row: int, gap: int) -> tuple[int, int]:
    """Width and height of items laid out *per_row* to a row, left to right, top down."""
    if not sizes:
        return 0, 0
    width = height = 0
    for start in range(0, len(sizes), per_row):
        row = sizes[start : start + per_row]
        width = max(width, sum(w for w, _ in row) + gap * (len(row) - 1))
        height += max(h for _, h in row) + (gap if start else 0)
    return width, height


@dataclass(frozen=True)
class _Arrangement:
    input_columns: int
    kernel_columns: int
    map_columns: int
    footer_right: bool  # under the kernels and maps only, beside the input
    slices_down: bool = False  # a kernel's slices one under another, not side by side
    inputs_on_top: bool = False  # the kernels and maps in a row under the input
    maps_under: bool = False  # the maps under the kernels, in one column with them
    blocks_per_row: int = 1  # a stack's blocks to a row, the first three columns included
    block_maps_under: bool = False  # a block's maps under its kernels, not beside them
    block_map_columns: int = 1  # a block's maps in this many columns


class _Layout:
    """One arrangement at one zoom: its total size, and its rectangles on demand."""

    def __init__(
        self,
        spec: StageSpec,
        how: _Arrangement,
        zoom: float,
        cap: int | None = None,
        sizes: Sizes | None = None,
    ) -> None:
        self.spec, self.how, self.zoom, self.cap = spec, how, zoom, cap
        gap = spec.gap
        # One search builds hundreds of layouts of the same grids: each grid is sized once
        # per zoom and cap (keyed by identity: hashing the specs cost more than sizing).
        known = {} if sizes is None else sizes

        def sized(g: GridSpec) -> _Sized:
            key = (id(g), zoom, cap)
            found = known.get(key)
            if found is None:
                found = known[key] = _Sized(g, zoom, cap)
            return found

        self.inputs = [sized(g) for g in spec.inputs]
        self.kernels = [[sized(g) for g in k] for k in spec.kernels]
        self.maps = [sized(g) for g in spec.maps]
        self.block_grids = [
            ([[sized(g) for g in k] for k in b.kernels], [sized(g) for g in b.maps])
            for b in spec.blocks
        ]
        self.heading_h = spec.kernel_heading.at(zoom) if spec.kernels else 0
        heading_w = spec.kernel_heading_width.at(zoom) if self.heading_h else 0
        self.heat_w = spec.heat_map_width.at(zoom) if spec.maps else 0
        # A footer's least width counts only when there is one, and not once the grids
        # show windows of their cells: it must not keep them from fitting.
        capped = any(
            g.scrolled != (False, False)
            for g in (*self.inputs, *itertools.chain(*self.kernels), *self.maps)
        ) or any(
            g.scrolled != (False, False)
            for kernels, maps in self.block_grids
            for g in (*itertools.chain(*kernels), *maps)
        )
        self.footer_min_w = (
            spec.footer_width.at(zoom) if spec.footer is not None and not capped else 0
        )
        quiz = spec.quiz
        if quiz is not None:  # the quiz's parts are never cut: its widest always counts
            widest = [w.at(zoom) for w, _ in quiz.parts]
            if quiz.said is not None:
                widest.append(quiz.said_width.at(zoom))
            self.footer_min_w = max(self.footer_min_w, *widest, 0)
        small = gap // 2  # slices of one kernel sit close: they are one kernel
        memo_key = ("blocks", zoom, cap, how.slices_down)
        memo = known.get(memo_key)
        if memo is not None:
            self.blocks = memo
        elif how.slices_down:
            self.blocks = [
                (
                    max(max((s.width for s in k), default=0), heading_w),
                    self.heading_h + sum(s.height for s in k) + small * (len(k) - 1),
                )
                for k in self.kernels
            ]
        else:
            self.blocks = [
                (
                    max(sum(s.width for s in k) + small * (len(k) - 1), heading_w),
                    self.heading_h + max((s.height for s in k), default=0),
                )
                for k in self.kernels
            ]
        known[memo_key] = self.blocks
        self.map_items = [
            (m.width + (gap + self.heat_w if self.heat_w else 0), m.height) for m in self.maps
        ]
        self.in_w, self.in_h = _columns(
            [(s.width, s.height) for s in self.inputs], how.input_columns, gap
        )
        self.k_w, self.k_h = _columns(self.blocks, how.kernel_columns, gap)
        self.m_w, self.m_h = _columns(self.map_items, how.map_columns, gap)

        # Where the kernels, the maps and the footer start: beside the input, or under it.
        def after(x: int, w: int) -> int:
            return x + w + (gap if w else 0)

        if how.inputs_on_top:
            self.row_y = after(0, self.in_h)
            self.kernel_x = 0
        else:
            self.row_y = 0
            self.kernel_x = after(0, self.in_w)
        # A stack's first layer: its heading over its kernels and maps.
        self.layer_heading_y = self.row_y
        self.layer_heading_h = spec.heading.at(zoom) if spec.blocks else 0
        layer_heading_w = spec.heading_width.at(zoom) if self.layer_heading_h else 0
        if self.layer_heading_h:
            self.row_y += self.layer_heading_h + gap // 2
        if how.maps_under:  # one column: the kernels, the maps under them
            self.map_x, self.map_y = self.kernel_x, after(self.row_y, self.k_h)
            column_w = max(self.k_w, self.m_w)
            self.row_h = self.map_y - self.row_y + self.m_h
            right = self.kernel_x + column_w
        else:
            self.map_x, self.map_y = after(self.kernel_x, self.k_w), self.row_y
            self.row_h = max(self.k_h, self.m_h)  # the kernels' and maps' row
            right = self.map_x + self.m_w if self.m_w else self.map_x - gap
        self.grids_right = max(self.in_w, right, self.kernel_x + layer_heading_w)
        self.layer_heading_w = max(layer_heading_w, right - self.kernel_x)
        self.grids_h = max(self.in_h, self.row_y + self.row_h)
        # A stack's later layers: blocks after the first three columns, wrapping in rows.
        self.block_sizes = [
            self._block_size(b, k, m)
            for b, (k, m) in zip(spec.blocks, self.block_grids, strict=True)
        ]
        if spec.blocks:
            self.flow = [(self.grids_right, self.grids_h), *self.block_sizes]
            self.grids_right, self.grids_h = _columns(self.flow, how.blocks_per_row, gap)
        if spec.blocks:  # the equation under everything
            self.footer_x0, self.footer_y0 = 0, after(0, self.grids_h)
        elif how.footer_right and how.inputs_on_top:  # right of the kernels and maps
            self.footer_x0, self.footer_y0 = after(self.kernel_x, right - self.kernel_x), self.row_y
        elif how.footer_right:  # under the kernels and maps, beside the input
            self.footer_x0, self.footer_y0 = after(0, self.in_w), after(0, self.row_h)
        else:  # under everything
            self.footer_x0 = 0
            self.footer_y0 = after(0, max(self.in_h, self.row_y + self.row_h))
        self.width = max(self.grids_right, self.footer_x0 + self.footer_min_w)

    def footer_height(self, room_width: int) -> int:
        """The footer's height (the equation's and the quiz's) when it gets all the width
        it can in *room_width*."""
        width = max(1, room_width - self.footer_x0)
        footer = self.spec.footer
        height = 0 if footer is None else footer(self.zoom, width)
        if self.spec.quiz is not None:
            quiz_h = _quiz_places(self.spec.quiz, self.zoom, width, self.spec.gap // 2)[2]
            height += (self.spec.gap // 2 if height else 0) + quiz_h
        return height

    def height_in(self, room_width: int) -> int:
        """The stage's height in a room *room_width* wide (the footer wraps to it)."""
        footer_h = self.footer_height(room_width)
        grids_h = self.grids_h
        if not footer_h:
            return grids_h
        return max(grids_h, self.footer_y0 + footer_h)

    def _kernel_column(self, kernels: list[list[_Sized]]) -> tuple[int, int]:
        """A block's kernels, one under another, each its slices side by side."""
        small = self.spec.gap // 2
        rows = [
            (sum(s.width for s in k) + small * (len(k) - 1), max((s.height for s in k), default=0))
            for k in kernels
        ]
        return _columns(rows, 1, small)

    def _block_size(
        self, block: BlockSpec, kernels: list[list[_Sized]], maps: list[_Sized]
    ) -> tuple[int, int]:
        gap, how = self.spec.gap, self.how
        heading_h = block.heading.at(self.zoom)
        heading_w = block.heading_width.at(self.zoom)
        k_w, k_h = self._kernel_column(kernels)
        m_w, m_h = _columns([(m.width, m.height) for m in maps], how.block_map_columns, gap)
        both = bool(k_w and m_w)
        if how.block_maps_under:
            width, height = max(k_w, m_w), k_h + m_h + (gap if both else 0)
        else:
            width, height = k_w + m_w + (gap if both else 0), max(k_h, m_h)
        top = heading_h + (gap // 2 if heading_h else 0)
        return max(width, heading_w), top + height

    def _place_block(self, block: BlockSpec, index: int, x: int, y: int) -> BlockPlace:
        gap, how = self.spec.gap, self.how
        small = gap // 2
        kernels, maps = self.block_grids[index]
        width = self.block_sizes[index][0]
        heading_h = block.heading.at(self.zoom)
        heading = Rect(x, y, width, heading_h)
        top = y + heading_h + (small if heading_h else 0)
        placed_kernels = []
        ky = top
        for k in kernels:
            sx = x
            slices = []
            for s in k:
                slices.append(_grid_place(s, sx, ky))
                sx += s.width + small
            placed_kernels.append(tuple(slices))
            ky += max((s.height for s in k), default=0) + small
        k_w, k_h = self._kernel_column(kernels)
        if how.block_maps_under:
            mx, my = x, top + k_h + (gap if k_h else 0)
        else:
            mx, my = x + k_w + (gap if k_w else 0), top
        sizes = [(m.width, m.height) for m in maps]
        placed_maps = tuple(
            _grid_place(m, ox, oy)
            for (ox, oy), m in zip(
                _origins(sizes, how.block_map_columns, gap, mx, my), maps, strict=True
            )
        )
        return BlockPlace(heading, tuple(placed_kernels), placed_maps)

    def fits(self, width: int, height: int) -> bool:
        return self.width <= width and self.height_in(width) <= height

    def plan(self, width: int, height: int) -> StagePlan:
        gap = self.spec.gap
        inputs = self._place_grids(self.inputs, 0, 0, self.how.input_columns)
        headings: list[Rect] = []
        kernels: list[tuple[GridPlace, ...]] = []
        for origin, k, (block_w, _) in zip(
            _origins(self.blocks, self.how.kernel_columns, gap, self.kernel_x, self.row_y),
            self.kernels,
            self.blocks,
            strict=True,
        ):
            bx, by = origin
            headings.append(Rect(bx, by, block_w, self.heading_h))
            sx, sy = bx, by + self.heading_h
            slices = []
            for s in k:
                slices.append(_grid_place(s, sx, sy))
                if self.how.slices_down:
                    sy += s.height + gap // 2
                else:
                    sx += s.width + gap // 2
            kernels.append(tuple(slices))
        maps: list[GridPlace] = []
        heat: list[Rect] = []
        for (mx, my), m in zip(
            _origins(self.map_items, self.how.map_columns, gap, self.map_x, self.map_y),
            self.maps,
            strict=True,
        ):
            maps.append(_grid_place(m, mx, my))
            if self.heat_w:
                heat.append(Rect(mx + m.width + gap, my, self.heat_w, m.height))
        # The footer takes the rest of the room right of and below its corner; the quiz's
        # bar sits at its foot, the equation above it.
        footer_h = self.footer_height(width)
        fx, fy = self.footer_x0, self.footer_y0
        footer = Rect(fx, fy, max(0, width - fx), max(footer_h, height - fy))
        quiz: tuple[Rect, ...] = ()
        said = Rect(fx, fy, 0, 0)
        if self.spec.quiz is not None:
            small = gap // 2
            parts, said, quiz_h = _quiz_places(self.spec.quiz, self.zoom, footer.width, small)
            quiz_y = footer.bottom - quiz_h
            quiz = tuple(r.moved(fx, quiz_y) for r in parts)
            said = said.moved(fx, quiz_y)
            footer = Rect(fx, fy, footer.width, max(0, quiz_y - small - fy))
            if self.spec.footer is None:
                footer = Rect(fx, fy, 0, 0)
        if not footer_h:
            footer = Rect(fx, fy, 0, 0)
        blocks: list[BlockPlace] = []
        if self.spec.blocks:
            corners = _origins(self.flow, self.how.blocks_per_row, gap, 0, 0)[1:]
            blocks = [
                self._place_block(b, i, bx, by)
                for i, (b, (bx, by)) in enumerate(zip(self.spec.blocks, corners, strict=True))
            ]
        grids = (
            *self.inputs,
            *itertools.chain(*self.kernels),
            *self.maps,
            *(g for kernels, maps in self.block_grids for g in (*itertools.chain(*kernels), *maps)),
        )
        scrolls = any(s.scrolled != (False, False) for s in grids)
        return StagePlan(
            zoom=self.zoom,
            inputs=tuple(inputs),
            kernel_headings=tuple(headings),
            kernels=tuple(kernels),
            maps=tuple(maps),
            heat_maps=tuple(heat),
            footer=footer,
            quiz=quiz,
            said=said,
            size=(self.width, self.height_in(width)),
            scrolls=scrolls,
            heading=Rect(
                self.kernel_x, self.layer_heading_y, self.layer_heading_w, self.layer_heading_h
            ),
            blocks=tuple(blocks),
            block_arrangement=(
                self.how.blocks_per_row,
                self.how.block_maps_under,
                self.how.block_map_columns,
            ),
            arrangement=(
                self.how.input_columns,
                self.how.kernel_columns,
                self.how.map_columns,
                self.how.footer_right,
                self.how.slices_down,
                self.how.inputs_on_top,
                self.how.maps_under,
            ),
        )

    def _place_grids(self, grids: list[_Sized], x: int, y: int, per_row: int) -> list[GridPlace]:
        sizes = [(g.width, g.height) for g in grids]
        return [
            _grid_place(g, gx, gy)
            for (gx, gy), g in zip(
                _origins(sizes, per_row, self.spec.gap, x, y), grids, strict=True
            )
        ]


def _quiz_places(quiz: QuizSpec, zoom: float, width: int, gap: int) -> tuple[list[Rect], Rect, int]:
    """The quiz's parts in rows of *width* (a part wraps whole to the next row), the answer
    under them, and the height of all, from (0, 0)."""
    rects: list[Rect] = []
    x = y = row_h = 0
    for part_w, part_h in quiz.parts:
        w, h = part_w.at(zoom), part_h.at(zoom)
        if x and x + w > width:  # no room left in this row
            x, y, row_h = 0, y + row_h + gap, 0
        rects.append(Rect(x, y, w, h))
        x += w + gap
        row_h = max(row_h, h)
    height = y + row_h
    said = Rect(0, height, 0, 0)
    said_h = 0 if quiz.said is None else quiz.said(zoom, max(1, width))
    if said_h:
        top = height + (gap if height else 0)
        said = Rect(0, top, width, said_h)
        height = top + said_h
    return rects, said, height


def _origins(
    sizes: list[tuple[int, int]], per_row: int, gap: int, x: int, y: int
) -> list[tuple[int, int]]:
    """Top-left corners of items laid out as :func:`_columns` measures them."""
    origins = []
    for start in range(0, len(sizes), per_row):
        row = sizes[start : start + per_row]
        cx = x
        for w, _ in row:
            origins.append((cx, y))
            cx += w + gap
        y += max(h for _, h in row) + gap
    return origins


def _grid_place(s: _Sized, x: int, y: int) -> GridPlace:
    across, down = s.scrolled
    return GridPlace(
        title=Rect(x, y, s.width, s.title_h),
        table=Rect(x, y + s.title_h, s.table_w, s.table_h - s.title_h),
        cell_width=s.cell_w,
        cell_height=s.cell_h,
        row_numbers=s.numbers_w,
        column_numbers=s.numbers_h,
        visible_rows=s.rows,
        visible_cols=s.cols,
        scrolls_across=across,
        scrolls_down=down,
    )


def _arrangements(spec: StageSpec) -> list[_Arrangement]:
    """Every arrangement worth trying, fewest columns first (the first wins a tie)."""
    several_slices = any(len(k) > 1 for k in spec.kernels)
    blocks = spec.blocks
    # A stack's equation goes under every block: never beside the input.
    footer_sides = (False,) if blocks else (False, True)
    block_ways = [(1, False, 1)]
    if blocks:
        most_maps = max(len(b.maps) for b in blocks)
        block_ways = [
            (per_row, under, columns)
            for per_row in range(1, len(blocks) + 2)
            for under in ((False, True) if any(b.kernels and b.maps for b in blocks) else (False,))
            for columns in range(1, min(3, max(1, most_maps)) + 1)
        ]
    found = [
        _Arrangement(i, k, m, right, down, top, under, per_row, block_under, block_columns)
        for under in ((False, True) if spec.maps else (False,))
        for top in (False, True)
        for right in footer_sides
        for down in ((False, True) if several_slices else (False,))
        for i in range(1, max(1, len(spec.inputs)) + 1)
        for k in range(1, min(3, max(1, len(spec.kernels))) + 1)
        for m in range(1, min(4, max(1, len(spec.maps))) + 1)
        for per_row, block_under, block_columns in block_ways
        # The first layer under the input, and the second beside them both, would read
        # input → layer 2 → layer 1: under the input only when the blocks go down too.
        if not (top and per_row > 1)
    ]
    return sorted(
        found,
        key=lambda a: (
            a.input_columns + a.kernel_columns + a.map_columns + a.block_map_columns,
            a.inputs_on_top,
            a.maps_under,
            a.footer_right,
            a.slices_down,
            -a.blocks_per_row,  # the data flows along one row when it can
            a.block_maps_under,
        ),
    )


# What one search has sized already: grids by identity, zoom and cap; kernel blocks.
Sizes = dict[tuple[object, ...], Any]


def _largest_zoom(
    spec: StageSpec,
    how: _Arrangement,
    width: int,
    height: int,
    low: int,
    high: int,
    sizes: Sizes,
) -> int | None:
    """The largest zoom in hundredths within [low, high] at which *how* fits, or None."""
    if not _Layout(spec, how, low / 100, sizes=sizes).fits(width, height):
        return None
    while low < high:  # fits(low) holds; fits is monotone in the zoom
        middle = (low + high + 1) // 2
        if _Layout(spec, how, middle / 100, sizes=sizes).fits(width, height):
            low = middle
        else:
            high = middle - 1
    return low


def plan_stage(
    spec: StageSpec,
    width: int,
    height: int,
    *,
    min_zoom: float = MIN_ZOOM,
    max_zoom: float = MAX_ZOOM,
    zoom: float | None = None,
) -> StagePlan:
    """Lay out the stage in a room of *width* × *height* pixels.

    Parameters
    ----------
    spec
        The grids and parts, measured.
    width, height
        The room.
    min_zoom, max_zoom
        The zooms allowed, in steps of 0.01.
    zoom
        A zoom to use instead of the largest that fits (the user's own); grids that do
        not fit at it show part of their cells.

    Returns
    -------
    StagePlan
        The zoom and every part's rectangle. Nothing overlaps; every part lies within
        the room unless even the grids' windows of one cell do not fit.
    """
    width, height = max(1, width), max(1, height)
    sizes: Sizes = {}
    low, high = round(min_zoom * 100), round(max_zoom * 100)
    candidates = _arrangements(spec)
    if zoom is None:
        best: tuple[int, _Arrangement] | None = None
        for how in candidates:
            # Only an arrangement that beats the best so far needs its own search.
            floor = low if best is None else best[0] + 1
            if floor > high:
                break
            found = _largest_zoom(spec, how, width, height, floor, high, sizes)
            if found is not None:
                best = (found, how)
        if best is not None:
            return _Layout(spec, best[1], best[0] / 100, sizes=sizes).plan(width, height)
        zoom = min_zoom
    # Too much for the room at this zoom: every grid shows a window of its cells (at most
    # *cap* rows and columns), as large as fits, in the arrangement that overflows least.
    whole = [_Layout(spec, how, zoom, sizes=sizes) for how in candidates]
    fitting = [layout for layout in whole if layout.fits(width, height)]
    if fitting:
        return fitting[0].plan(width, height)

    def overflow(layout: _Layout) -> float:
        return max(layout.width / width, layout.height_in(width) / height)

    ranked = [layout.how for layout in sorted(whole, key=overflow)]
    # The receptive field and whole kernels first; if even those windows do not fit, the
    # kernels scroll too, and then every grid down to one cell.
    kernels_scroll = replace(
        spec,
        kernels=_any_window(spec.kernels),
        blocks=tuple(replace(b, kernels=_any_window(b.kernels)) for b in spec.blocks),
    )
    all_scroll = replace(
        kernels_scroll,
        inputs=tuple(replace(g, min_window=1) for g in spec.inputs),
        blocks=tuple(
            replace(b, maps=tuple(replace(g, min_window=1) for g in b.maps))
            for b in kernels_scroll.blocks
        ),
    )
    for trial in (spec, kernels_scroll, all_scroll):
        windowed = _windows(trial, ranked, zoom, width, height, {} if trial is not spec else sizes)
        if windowed is not None:
            return windowed
    # Not even windows of one cell fit: the room is smaller than any stage. Whole grids,
    # cut at the room's edge, and the plan says so.
    return replace(_Layout(spec, ranked[0], zoom, sizes=sizes).plan(width, height), overflows=True)


def _any_window(kernels: tuple[tuple[GridSpec, ...], ...]) -> tuple[tuple[GridSpec, ...], ...]:
    """*kernels* allowed to scroll down to one cell."""
    return tuple(tuple(replace(g, min_window=1) for g in k) for k in kernels)


def _windows(
    spec: StageSpec,
    ranked: list[_Arrangement],
    zoom: float,
    width: int,
    height: int,
    sizes: Sizes,
) -> StagePlan | None:
    """The plan whose grids show the largest windows (at most *cap* rows and columns,
    never fewer than their ``min_window``) that fit, or None."""
    # The arrangements that fit with the smallest windows, least crowded first; the
    # largest windows among a few of them.
    possible = [
        how for how in ranked if _Layout(spec, how, zoom, 1, sizes=sizes).fits(width, height)
    ]
    if not possible:
        return None
    grids = (
        *spec.inputs,
        *itertools.chain(*spec.kernels),
        *spec.maps,
        *(g for b in spec.blocks for g in (*itertools.chain(*b.kernels), *b.maps)),
    )
    largest = max((max(g.rows, g.cols) for g in grids), default=1)
    widest: tuple[int, _Arrangement] = (1, possible[0])
    for how in possible[:6]:
        low, high = widest[0] + 1, largest
        if low > high or not _Layout(spec, how, zoom, low, sizes=sizes).fits(width, height):
            continue
        while low < high:  # fits with cap *low*; a larger cap never needs less room
            middle = (low + high + 1) // 2
            if _Layout(spec, how, zoom, middle, sizes=sizes).fits(width, height):
                low = middle
            else:
                high = middle - 1
        widest = (low, how)
    return _Layout(spec, widest[1], zoom, widest[0], sizes=sizes).plan(width, height)
