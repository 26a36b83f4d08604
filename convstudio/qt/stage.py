"""The stage: input grids, kernels, output maps and the equation, laid out as one.

:class:`Stage` measures its parts (:meth:`spec`), asks
:func:`convstudio.model.stage.plan_stage` where they go, and puts them there. It does no
layout arithmetic of its own, and holds no layout: the parts are placed by geometry.
"""

from __future__ import annotations

import weakref
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ..model import Studio
from ..model.quiz import quiz_of
from ..model.stack_marks import layer_title
from ..model.stage import (
    NONE,
    BlockSpec,
    GridSpec,
    Length,
    Rect,
    StagePlan,
    StageSpec,
    bounds,
    plan_stage,
)
from . import style
from .binding import bind
from .cells import NumberTable, set_geometry
from .equation_view import EquationView
from .input_panel import InputPanel
from .kernel_panel import KernelPanel
from .layer_block import LayerBlock, heading_font, heading_lengths, mark_heading
from .output_panel import OutputsPanel
from .quiz_view import QuizView

MARGIN = 4  # pixels around the stage
HEAT_MAP_EXTRA = 96  # pixels of a heat map beside its image: the colour bar and its numbers


class Stage(QWidget):
    """Holds the parts of the stage and keeps them where the plan says.

    Parameters
    ----------
    studio
        The studio shown.
    input_panel, kernel_panel, output_panel, equation, quiz_view
        The parts; they become the stage's children.
    """

    def __init__(
        self,
        studio: Studio,
        input_panel: InputPanel,
        kernel_panel: KernelPanel,
        output_panel: OutputsPanel,
        equation: EquationView,
        quiz_view: QuizView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._studio = studio
        self.input_panel, self.kernel_panel, self.output_panel = (
            input_panel,
            kernel_panel,
            output_panel,
        )
        self.equation, self.quiz_view = equation, quiz_view
        # The equation and the quiz's bar under it: placed by the plan, as every part.
        self.footer = QWidget(self)
        equation.setParent(self.footer)
        quiz_view.setParent(self.footer)
        for panel in (input_panel, kernel_panel, output_panel):
            panel.setParent(self)
            panel.show()
        self.user_zoom = 1.0
        self.plan: StagePlan | None = None
        # What the last plan was made for and which widgets it placed.
        self._planned: object = None
        self._placed: tuple[weakref.ref[QWidget], ...] = ()
        self._laying_out = False
        # Tables whose cells_changed lays the stage out again (wider numbers came).
        self._watched: weakref.WeakSet[NumberTable] = weakref.WeakSet()
        # An edit changes the parts in several events (the scene, the evaluation, each
        # table's new texts): they mark the stage out of date, and it is laid out once, on
        # the studio's frame_changed, which comes after all of them and before any paint.
        self._stale = False
        bind(self, studio.document.scene_changed, self.mark_stale)
        bind(self, studio.document.evaluation_changed, self.mark_stale)
        # The quiz changes the parts only when it comes, goes, or asks the size (its row,
        # the question, the heat maps): a reveal at each step must not lay out again.
        self._quiz = quiz_of(studio)
        self._quiz_shape = self._quiz_shape_now()
        bind(self, self._quiz.changed, self._on_quiz_changed)
        # A stack's later layers: one block each, made again with every new evaluation.
        self.blocks: list[LayerBlock] = []
        # The first layer's heading, over the focused convolution's kernels and maps.
        self.heading = QLabel(self)
        self.heading.hide()
        self._blocks_for: object = None
        self._current_layer = -1
        bind(self, studio.document.evaluation_changed, self._sync_blocks)
        self._sync_blocks()
        bind(self, studio.frame_changed, self._on_frame_changed)

    # ------------------------------------------------------------ the stack

    @property
    def head_layer(self) -> int | None:
        """The layer the input, kernel and output panels show in the first columns (the
        focused convolution when it is the first layer), or ``None``: then every layer
        has a block, and the first columns hold the input alone."""
        evaluation = self._studio.evaluation
        scene = self._studio.document.scene
        if not scene.is_stack or evaluation.conv_index == 0:
            return 0
        return None

    def _sync_blocks(self, *_: object) -> None:
        evaluation = self._studio.evaluation
        if evaluation is self._blocks_for:
            return
        self._blocks_for = evaluation
        typed_in = self._typed_in()
        for block in self.blocks:
            block.hide()
            block.deleteLater()
        self.blocks = []
        head = self.head_layer
        if self._studio.document.scene.is_stack and evaluation.maps:
            first = 0 if head is None else head + 1
            for layer in range(first, len(evaluation.layers)):
                block = LayerBlock(self._studio, layer, self, self.kernel_panel.report)
                block.show()
                self.blocks.append(block)
        if typed_in is not None:
            # Once the edit is over (its editor closed): the weight typed stays current,
            # so that the next number can be typed there at once.
            QTimer.singleShot(0, self, lambda: self._type_in(*typed_in))
        for panel in (self.kernel_panel, self.output_panel):
            panel.setVisible(head is not None)
        # The heat maps beside the maps, or gone with them.
        self.output_panel.set_heat_maps_visible(self.output_panel.heat_maps_visible)
        if self.blocks and head is not None:
            self.heading.setText(layer_title(head + 1, evaluation.layers[head]))
        self.heading.setVisible(bool(self.blocks) and head is not None)
        self._current_layer = -1
        self._show_current_layer()
        self.mark_stale()

    def _typed_in(self) -> tuple[int, int, int, int, int] | None:
        """The later layer's kernel cell that has the keyboard (layer, kernel, slice,
        row, column; slice −1: the kernel's bias box), to give it back in the block made
        for the new evaluation."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for block in self.blocks:
            for kernel, heading in block.biases.items():
                if heading.bias is focus or heading.bias.isAncestorOf(focus):
                    return block.layer, kernel, -1, 0, 0
            for piece in block.kernel_slices():
                table = piece.table
                if table is focus or table.isAncestorOf(focus):
                    index = table.currentIndex()
                    return block.layer, piece.kernel, piece.depth, index.row(), index.column()
        return None

    def _type_in(self, layer: int, kernel: int, depth: int, row: int, col: int) -> None:
        for block in self.blocks:
            if block.layer != layer:
                continue
            heading = block.biases.get(kernel)
            if depth == -1 and heading is not None:
                heading.bias.setFocus()
            for piece in block.kernel_slices():
                if (piece.kernel, piece.depth) == (kernel, depth):
                    model = piece.table.model()
                    if 0 <= row < model.rowCount() and 0 <= col < model.columnCount():
                        piece.table.setCurrentIndex(model.index(row, col))
                    piece.table.setFocus()

    def _show_current_layer(self) -> None:
        """Emphasise the layer being stepped (its heading, a frame around its block)."""
        if not self._studio.document.scene.is_stack:
            return
        layer = self._studio.current_layer
        if layer == self._current_layer:
            return
        self._current_layer = layer
        for block in self.blocks:
            block.set_current(block.layer == layer)
        mark_heading(self.heading, layer == self.head_layer)
        self.update()

    def current_box(self) -> Rect | None:
        """Around the parts of the layer being stepped, in the plan's coordinates; ``None``
        for a scene of one convolution (nothing to tell apart)."""
        plan = self.plan
        if plan is None or not self._studio.document.scene.is_stack:
            return None
        layer = self._studio.current_layer
        for block, place in zip(self.blocks, plan.blocks, strict=False):
            if block.layer == layer:
                return place.box()
        if layer == self.head_layer:
            return bounds([plan.heading, plan.kernel_box(), plan.map_box()])
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        box = self.current_box()
        if box is None or self.plan is None:
            return
        # In the gap around the block: it touches none of the parts.
        pad = max(2, self._gap() // 2 - 2)
        painter = QPainter(self)
        pen = QPen(style.FIELD_BORDER, 3)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawRoundedRect(
            box.x + MARGIN - pad,
            box.y + MARGIN - pad,
            box.width + 2 * pad,
            box.height + 2 * pad,
            6,
            6,
        )
        painter.end()

    def _gap(self) -> int:
        return max(12, round(self.fontMetrics().height() * 0.6))

    @property
    def zoom(self) -> float:
        """The zoom the parts are drawn at (1.0 is the default size)."""
        return self.plan.zoom if self.plan is not None else 1.0

    # ------------------------------------------------------------ measuring

    def spec(self) -> StageSpec:
        """Every part, measured for :func:`plan_stage`."""
        kernel_panel = self.kernel_panel
        kernels, depth = self._studio.document.scene.kernels.shape[:2]
        slices = _alike(
            [
                [kernel_panel.slices[k, d].grid_spec() for d in range(depth)]
                for k in range(kernels)
                if (k, 0) in kernel_panel.slices
            ]
        )
        heading_w, heading_h = NONE, NONE
        for heading in kernel_panel.headings:
            width, height = heading.lengths()
            if not heading.title.isHidden() or not heading.bias.isHidden():
                heading_w = _longer(heading_w, width)
                heading_h = _longer(heading_h, height)
        # Maps of one layer, channels of one input, slices of the kernels: each drawn alike.
        (maps,) = _alike([[m.grid_spec() for m in self.output_panel.maps]])
        if self.head_layer is None:  # every layer in a block of its own
            slices, maps = (), ()
            heading_w = heading_h = NONE
        heading = heading_lengths(self.heading) if not self.heading.isHidden() else (NONE, NONE)
        heat = NONE
        if self.output_panel.heat_maps_visible and maps:
            first = maps[0]
            # A square image as tall as the map's cells, and its colour bar.
            heat = Length(
                HEAT_MAP_EXTRA + first.cell_height.fixed * first.rows,
                first.cell_height.per_zoom * first.rows,
            )
        return StageSpec(
            inputs=_alike([[g.grid_spec() for g in self.input_panel.grids]])[0],
            kernels=slices,
            maps=maps,
            kernel_heading=heading_h,
            kernel_heading_width=heading_w,
            footer=self._footer_height,
            footer_width=Length(0, 360),
            heat_map_width=heat,
            quiz=self.quiz_view.quiz_spec() if self._quiz.on else None,
            gap=self._gap(),
            blocks=tuple(_alike_block(block.spec()) for block in self.blocks),
            heading=heading[0],
            heading_width=heading[1],
        )

    def _footer_height(self, zoom: float, width: int) -> int:
        # The plan asks again and again for the same few widths at each zoom it tries.
        key = (zoom, width)
        if key not in self._footer_heights:
            self._footer_heights[key] = self._measure_footer(zoom, width)
        return self._footer_heights[key]

    def _measure_footer(self, zoom: float, width: int) -> int:
        return self.equation.height_for(zoom, width)

    # ------------------------------------------------------------ placing

    def _quiz_shape_now(self) -> tuple[object, ...]:
        # What changes the quiz's room: on or off, asking the size, an answer about the
        # size said, the score's digits.
        quiz = self._quiz
        return (quiz.on, quiz.asking_size, quiz.size_verdict, len(str(quiz.score.total)))

    def _on_quiz_changed(self) -> None:
        shape = self._quiz_shape_now()
        if shape != self._quiz_shape:
            self._quiz_shape = shape
            self.mark_stale()

    def mark_stale(self, *_: object) -> None:
        """The parts changed: lay out again once the change is complete."""
        if not self._stale:
            self._stale = True
            # A change outside the studio's events (a view option): no frame_changed comes.
            QTimer.singleShot(0, self, self._on_frame_changed)

    def _on_frame_changed(self, *_: object) -> None:
        if self._stale:
            self.relayout()
        self._show_current_layer()

    def relayout(self, *_: object) -> None:
        """Plan the stage for its size and put every part in place."""
        if self._laying_out or self.width() <= 2 * MARGIN or self.height() <= 2 * MARGIN:
            return
        self._laying_out = True
        self._stale = False
        try:
            self._relayout()
        finally:
            self._laying_out = False

    def _relayout(self) -> None:
        self._footer_heights: dict[tuple[float, int], int] = {}
        spec = self.spec()
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        key = (spec, width, height, self.user_zoom)
        pieces = self._pieces()
        # Training puts new weights in every tick: the same parts with new numbers of the
        # same widths plan the same, and placing them again would only cost the tick.
        if key == self._planned and self.plan is not None:
            if pieces == self._placed:
                return
            self._apply(self.plan)  # a stack's blocks made again: the same places
            self._placed = pieces
            return
        plan = plan_stage(spec, width, height)
        if self.user_zoom != 1.0:
            plan = plan_stage(spec, width, height, zoom=round(plan.zoom * self.user_zoom, 2))
        self.plan = plan
        self._apply(plan)
        self._planned, self._placed = key, pieces

    def _pieces(self) -> tuple[weakref.ref[QWidget], ...]:
        """Which widgets the plan places (a new block is a new widget to place); weakly,
        so that a widget gone is never taken for a new one."""
        return tuple(
            weakref.ref(w)
            for w in (
                *self.input_panel.grids,
                *self.kernel_panel.slices.values(),
                *self.kernel_panel.headings,
                *self.output_panel.maps,
                *self.blocks,
            )
        )

    def _apply(self, plan: StagePlan) -> None:
        zoom = plan.zoom
        pieces = [
            *self.input_panel.grids,
            *self.kernel_panel.slices.values(),
            *self.output_panel.maps,
            *(g for block in self.blocks for g in block.grids()),
        ]
        for piece in pieces:
            if piece.table not in self._watched:
                self._watched.add(piece.table)
                piece.table.cells_changed.connect(self.mark_stale)
        # Each panel covers its own parts only (a panel over another's would take its
        # clicks); the plan's rectangles are the stage's, inside its margin.
        inputs, kernels, maps = plan.input_box(), plan.kernel_box(), plan.map_box()
        for panel, box in (
            (self.input_panel, inputs),
            (self.kernel_panel, kernels),
            (self.output_panel, maps),
        ):
            set_geometry(panel, box.moved(MARGIN, MARGIN))
            panel.set_zoom(zoom)
        for grid, place in zip(self.input_panel.grids, plan.inputs, strict=False):
            grid.place(place, zoom, inputs)
        panel = self.kernel_panel
        for k, (heading, rect) in enumerate(
            zip(panel.headings, plan.kernel_headings, strict=False)
        ):
            heading.set_zoom(zoom)
            set_geometry(heading, rect.moved(-kernels.x, -kernels.y))
            for d, place in enumerate(plan.kernels[k]):
                panel.slices[k, d].place(place, zoom, kernels)
        for output_map, place in zip(self.output_panel.maps, plan.maps, strict=False):
            output_map.place(place, zoom, maps)
        for output_map, rect in zip(self.output_panel.maps, plan.heat_maps, strict=False):
            if output_map.heat_map is not None:
                set_geometry(output_map.heat_map, rect.moved(-maps.x, -maps.y))
        for block, block_place in zip(self.blocks, plan.blocks, strict=False):
            block.place(block_place, zoom, MARGIN)
        self.heading.setFont(heading_font(zoom))
        set_geometry(self.heading, plan.heading.moved(MARGIN, MARGIN))
        self.update()  # the frame around the current layer
        self.equation.set_zoom(zoom)
        self.quiz_view.set_zoom(zoom)
        quiz = plan.quiz_box()
        footer = bounds([plan.footer, quiz])
        set_geometry(self.footer, footer.moved(MARGIN, MARGIN))
        set_geometry(self.equation, plan.footer.moved(-footer.x, -footer.y))
        set_geometry(self.quiz_view, quiz.moved(-footer.x, -footer.y))
        if plan.quiz:  # planned only while the quiz is on
            self.quiz_view.place(
                tuple(r.moved(-quiz.x, -quiz.y) for r in plan.quiz),
                plan.said.moved(-quiz.x, -quiz.y),
            )

    def set_user_zoom(self, zoom: float) -> None:
        """The user's own zoom, as a factor of the largest that fits (1.0)."""
        self.user_zoom = zoom
        self.relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()


def _alike(groups: list[list[GridSpec]]) -> tuple[tuple[GridSpec, ...], ...]:
    """*groups* with the same cell size everywhere: the largest of any of them."""
    every = [g for group in groups for g in group]
    if not every:
        return tuple(tuple(group) for group in groups)
    width, height = every[0].cell_width, every[0].cell_height
    for g in every[1:]:
        width, height = _longer(width, g.cell_width), _longer(height, g.cell_height)
    return tuple(
        tuple(replace(g, cell_width=width, cell_height=height) for g in group) for group in groups
    )


def _alike_block(block: BlockSpec) -> BlockSpec:
    """A layer's maps drawn alike, and its kernels' slices alike (as the first layer's)."""
    (maps,) = _alike([list(block.maps)])
    return replace(block, maps=maps, kernels=_alike([list(k) for k in block.kernels]))


def _longer(a: Length, b: Length) -> Length:
    """The longer of two lengths at the zooms that matter (both parts, separately)."""
    return Length(max(a.fixed, b.fixed), max(a.per_zoom, b.per_zoom))
