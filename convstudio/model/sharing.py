"""What the pointer is over, and what that lights: weight sharing and local connection.

One :class:`Hover` per studio (:func:`hover_of`) is shared by the panels: the kernel
panel writes the weight under the pointer, the input panel the cell under it, and
every panel reads back what to light. The lesson's rules live here; widgets paint.
"""

from __future__ import annotations

import weakref
from typing import NamedTuple

import numpy as np
from psygnal import Signal

from ..engine import (
    ConvGeometry,
    input_window_counts,
    outputs_of_cell,
    outputs_of_input,
    weight_cell_at,
    weight_cells,
    weight_uses,
)
from .studio import Studio, one_per_studio

Cell = tuple[int, int]


class HoveredWeight(NamedTuple):
    """A weight as the kernel panel shows it: kernel, slice, row, column."""

    kernel: int
    depth: int
    row: int
    col: int


class HoveredCell(NamedTuple):
    """An input grid cell, in padded coordinates: channel, row, column."""

    channel: int
    row: int
    col: int


class Mark(NamedTuple):
    """How sharing marks one input grid cell.

    Attributes
    ----------
    lit
        The hovered weight multiplies this cell.
    badge
        A count to show on the cell, or ``None``.
    """

    lit: bool = False
    badge: int | None = None


class WindowCount(NamedTuple):
    """In how many of one kernel's windows an input cell takes part."""

    kernel: int
    windows: int
    total: int


class Hover:
    """The weight or input cell under the pointer, and whether Shift is held.

    Parameters
    ----------
    studio
        The studio whose scene and step the marks follow. Held weakly, and its scene
        is followed only while something is hovered: a hover that points at nothing
        holds nothing of the studio (views that close leave no handler behind).

    Signals
    -------
    changed()
        Another weight or cell is hovered, or none, or Shift changed.
    """

    changed = Signal()

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self.weight: HoveredWeight | None = None
        self.cell: HoveredCell | None = None
        self.every_step = False
        self._following = False

    # ------------------------------------------------------------ writes

    def point_at_weight(
        self, kernel: int, depth: int, row: int, col: int, *, every_step: bool = False
    ) -> None:
        """The pointer is over a weight (the pointer is in one place: no cell then).

        *every_step*: Shift is held (see :meth:`set_every_step`).
        """
        self._set(HoveredWeight(kernel, depth, row, col), None, every_step)

    def point_at_cell(self, channel: int, row: int, col: int) -> None:
        """The pointer is over input grid cell (channel, padded row, padded column)."""
        self._set(None, HoveredCell(channel, row, col), self.every_step)

    def set_every_step(self, every_step: bool) -> None:
        """Shift held: a weight lights what it multiplies at every step, with counts."""
        self._set(self.weight, self.cell, every_step)

    def leave_kernel(self, kernel: int, depth: int) -> None:
        """The pointer left that slice: forget its weight, not one hovered since elsewhere."""
        if self.weight is not None and self.weight[:2] == (kernel, depth):
            self._set(None, self.cell, self.every_step)

    def leave_channel(self, channel: int) -> None:
        """The pointer left that channel's grid."""
        if self.cell is not None and self.cell.channel == channel:
            self._set(self.weight, None, self.every_step)

    def clear(self) -> None:
        self._set(None, None, False)

    def _set(
        self, weight: HoveredWeight | None, cell: HoveredCell | None, every_step: bool
    ) -> None:
        if (weight, cell, every_step) != (self.weight, self.cell, self.every_step):
            self.weight, self.cell, self.every_step = weight, cell, every_step
            self._follow_scene(weight is not None or cell is not None)
            self.changed.emit()

    def _follow_scene(self, follow: bool) -> None:
        studio = self._studio()
        if studio is None or follow == self._following:
            return
        self._following = follow
        if follow:
            studio.document.scene_changed.connect(self._on_scene_changed)
        else:
            studio.document.scene_changed.disconnect(self._on_scene_changed)

    def _on_scene_changed(self, _scene: object) -> None:
        # A weight or cell that is gone, or has moved, is no longer under the pointer;
        # one that is still there stays lit (a value typed under the pointer).
        g = self.geometry()
        weight, cell = self.weight, self.cell
        if weight is not None and (g is None or not _weight_exists(g, weight)):
            weight = None
        if cell is not None and (
            g is None
            or not (
                cell.channel < g.in_channels
                and cell.row < g.padded_height
                and cell.col < g.padded_width
            )
        ):
            cell = None
        self._set(weight, cell, self.every_step)

    # ------------------------------------------------------------ reads

    def geometry(self) -> ConvGeometry | None:
        studio = self._studio()
        problem = None if studio is None else studio.evaluation.problem
        return None if problem is None else problem.geometry

    def current_kernel(self) -> int:
        """The kernel being stepped (the first before any step)."""
        studio = self._studio()
        step = None if studio is None else studio.current
        return 0 if step is None else step.out_channel

    def _tap(self, weight: HoveredWeight) -> tuple[int, int]:
        """Where the shown weight sits as the kernel slides: flipped for a true convolution."""
        studio = self._studio()
        if studio is not None and studio.document.scene.flip:
            g = self.geometry()
            assert g is not None
            return g.kernel_height - 1 - weight.row, g.kernel_width - 1 - weight.col
        return weight.row, weight.col

    def window_count(self, channel: int, row: int, col: int) -> WindowCount | None:
        """In how many windows of the current kernel input cell (row, col) takes part.

        ``None`` when nothing is computed or the current kernel does not see *channel*.
        """
        g = self.geometry()
        kernel = self.current_kernel()
        if g is None or channel not in g.input_channels_of(kernel):
            return None
        count = int(input_window_counts(g, kernel)[channel, row, col])
        return WindowCount(kernel, count, g.out_height * g.out_width)

    def input_marks(self, channel: int, *, show_counts: bool = False) -> dict[Cell, Mark]:
        """The marked cells of one input grid, in padded coordinates.

        Parameters
        ----------
        channel
            The input channel.
        show_counts
            Show on every input cell (not on padding: it holds no data, and a copy's
            uses are counted on the value it copies) in how many windows of the
            current kernel it takes part.

        Returns
        -------
        dict
            ``{(padded row, padded column): Mark}`` of the cells that are marked.
        """
        g = self.geometry()
        if g is None:
            return {}
        top, left = g.pad_top, g.pad_left
        counts: dict[Cell, int] = {}
        lit: set[Cell] = set()
        if show_counts and channel in g.input_channels_of(self.current_kernel()):
            plane = input_window_counts(g, self.current_kernel())[channel]
            counts = _cells(plane, top, left, keep_zeros=True)
        cell, weight = self.cell, self.weight
        if cell is not None and cell.channel == channel and _inside(g, cell.row, cell.col):
            # The hovered cell says its own count (the tooltip says it in words).
            known = self.window_count(channel, cell.row - top, cell.col - left)
            if known is not None:
                counts[cell.row, cell.col] = known.windows
        if weight is not None and _weight_exists(g, weight):
            i, j = self._tap(weight)
            if self.every_step:
                cells = weight_cells(g, weight.kernel, weight.depth, i, j)[channel]
                lit = set(_cells(cells, 0, 0))
                uses = _cells(weight_uses(g, weight.kernel, weight.depth, i, j)[channel], top, left)
                lit |= set(uses)  # a value met only through its copies in padding
                counts = uses  # this weight's counts, not the windows', while Shift is held
            else:
                studio = self._studio()
                step = None if studio is None else studio.forward_step
                hit = (
                    None
                    if step is None
                    else weight_cell_at(g, step, weight.kernel, weight.depth, i, j)
                )
                if hit is not None and hit[0] == channel:
                    lit = {(hit[1], hit[2])}
        return {c: Mark(c in lit, counts.get(c)) for c in lit | set(counts)}

    def output_lit(self, out_channel: int) -> frozenset[Cell]:
        """Output cells of map *out_channel* that the hovered input cell contributes to."""
        g, cell = self.geometry(), self.cell
        if g is None or cell is None or cell.channel >= g.in_channels:
            return frozenset()
        if out_channel >= g.out_channels:
            return frozenset()
        if _inside(g, cell.row, cell.col):
            # An input value: through its copies in padding too.
            maps = outputs_of_input(g, cell.channel, cell.row - g.pad_top, cell.col - g.pad_left)
        else:
            maps = outputs_of_cell(g, cell.channel, cell.row, cell.col)
        return frozenset(_cells(maps[out_channel].astype(np.int64), 0, 0))

    def widest_count(self) -> int:
        """The largest count an input cell can show under this scene (cells make room)."""
        g = self.geometry()
        return 0 if g is None else int(input_window_counts(g, 0).max())


def _inside(g: ConvGeometry, row: int, col: int) -> bool:
    return (
        g.pad_top <= row < g.pad_top + g.in_height and g.pad_left <= col < g.pad_left + g.in_width
    )


def _weight_exists(g: ConvGeometry, w: HoveredWeight) -> bool:
    return (
        w.kernel < g.out_channels
        and w.depth < g.channels_per_group
        and w.row < g.kernel_height
        and w.col < g.kernel_width
    )


def _cells(plane: np.ndarray, top: int, left: int, *, keep_zeros: bool = False) -> dict[Cell, int]:
    """``{(row + top, col + left): count}`` of a 2-D count array (non-zero ones only)."""
    if keep_zeros:  # a cell no window reaches says 0: that is the point
        rows, cols = np.indices(plane.shape).reshape(2, -1)
    else:
        rows, cols = np.nonzero(plane)
    return {
        (int(r) + top, int(c) + left): int(plane[r, c]) for r, c in zip(rows, cols, strict=True)
    }


hover_of = one_per_studio(Hover)
"""The one :class:`Hover` of a studio, made on first use, shared by every panel."""
