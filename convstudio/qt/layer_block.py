"""One later layer of a stack on the stage: its heading, its kernels or pooling window,
and its output maps (:class:`~convstudio.qt.map_grid.MapGrid`), placed by the stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QWidget

from ..engine.layers import Conv2d, LayerStep
from ..model import EditError, Studio, format_number
from ..model.backward import backward_of, parameter_titles
from ..model.document import Weighted, output_maps
from ..model.stack_marks import layer_title
from ..model.stage import BlockPlace, BlockSpec, GridSpec, Length
from . import style
from .binding import bind
from .cells import MEASURE_ZOOM, CellLook, GridPiece, NumberTable, set_geometry
from .kernel_panel import KernelHeading, KernelSlice
from .map_grid import ArrayModel, MapGrid
from .number_box import NumberSpinBox

_WINDOW = CellLook(background=style.FIELD_BG)
_WINNER = CellLook(background=style.FIELD_BG, border=True)
# A padding cell in the window: grey and italic, as padding is everywhere on the stage.
_WINDOW_PADDING = CellLook(background=style.FIELD_BG, foreground=style.PADDING_FG, italic=True)


class LayerBlock(QWidget):
    """Layer *layer* (0-based) of the studio's stack: heading, kernels or window, maps.

    Its parts are the stage's to place (:meth:`place`); the models follow the studio. A
    convolution's weights are edited as the kernel panel's are (:class:`KernelSlice`);
    *report* says why an edit is refused.
    """

    def __init__(
        self,
        studio: Studio,
        layer: int,
        parent: QWidget | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._studio = studio
        self._report = report or (lambda _text: None)
        self.layer = layer
        evaluation = studio.evaluation
        stack_layer = evaluation.layers[layer]
        self.heading = QLabel(layer_title(layer + 1, stack_layer), self)
        self.kernels: list[list[GridPiece]] = []
        # Kernel → its heading (name and bias box), for a convolution with a bias.
        self.biases: dict[int, KernelHeading] = {}
        if isinstance(stack_layer, Conv2d):
            self._add_kernels(stack_layer)
        elif isinstance(stack_layer, Weighted):  # a transposed convolution
            self._add_transposed_kernels(stack_layer)
        elif stack_layer.kind in ("max_pool2d", "avg_pool2d"):
            self._add_window()
        channels = evaluation.maps[layer + 1].shape[0]
        self.maps = [
            MapGrid(
                studio,
                layer + 1,
                c,
                self.tr("Map {0}").format(c + 1) if channels > 1 else "",
                self,
            )
            for c in range(channels)
        ]
        # The kernels' titles as made: in the backward pass they say when the cells show
        # ∂L/∂W or the new weights.
        self._titles: list[tuple[GridPiece | KernelHeading, str]] = [
            (piece, piece.title.text())
            for pieces in self.kernels
            for piece in pieces
            if isinstance(piece, KernelSlice) and piece.title.text()
        ]
        self._titles += [(heading, heading.title.text()) for heading in self.biases.values()]
        self._backward = backward_of(studio)
        bind(self, studio.frame_changed, self._show_titles)
        bind(self, self._backward.changed, self._show_titles)
        self._show_titles()
        self.set_current(False)

    def _show_titles(self) -> None:
        """The kernels' titles, "∂L/∂ Kernel 2" while they show their gradients; never
        writes the model."""
        backward = self._backward
        on = backward.steps is not None
        for holder, plain in self._titles:
            holder.title_texts = parameter_titles(plain) if on else ()
            text = backward.parameter_title(self.layer, plain) if on else plain
            if holder.title.text() != text:
                holder.title.setText(text)

    def _add_kernels(self, conv: Conv2d) -> None:
        count, depth = conv.kernels.shape[:2]
        for k in range(count):
            slices: list[GridPiece] = []
            for d in range(depth):
                # Typed, pasted and shown (flipped for a true convolution) as the kernel
                # panel's weights, into this layer's kernels.
                piece = KernelSlice(self._studio, k, d, self._report, self, layer=self.layer)
                piece.table.show_headers(False)
                if d == 0 and count > 1 and conv.bias is None:
                    piece.title.setText(self.tr("Kernel {0}").format(k + 1))
                    piece.title.show()
                slices.append(piece)
            self.kernels.append(slices)
            if conv.bias is not None:
                # Its name and bias over its slices, as the kernel panel's heading.
                self.biases[k] = self._kernel_heading(k, count, float(conv.bias[k]))

    def _add_transposed_kernels(self, layer: Weighted) -> None:
        """Torch's layout ``(C_in, C_out / groups, kH, kW)``: output map *o* is made of
        slice ``[i, o mod (C_out / groups)]`` of each input channel *i* of its group.
        Shown per output map as a convolution's kernels are, as typed (never flipped)."""
        inputs, per_group = layer.kernels.shape[:2]
        maps = output_maps(layer)
        groups = max(maps // per_group, 1)
        channels = inputs // groups
        for o in range(maps):
            group, local = divmod(o, per_group)
            slices: list[GridPiece] = []
            for i in range(group * channels, (group + 1) * channels):
                piece = KernelSlice(self._studio, i, local, self._report, self, layer=self.layer)
                piece.table.show_headers(False)
                if not slices and layer.bias is None and (maps > 1 or piece.model.flipped):
                    # Stepped by output cells, the kernel is shown as the equivalent
                    # convolution applies it: flipped, and the title says so.
                    if piece.model.flipped:
                        text = self.tr("Kernel {0}, flipped").format(o + 1)
                        text = text if maps > 1 else self.tr("flipped")
                    else:
                        text = self.tr("Kernel {0}").format(o + 1)
                    piece.title.setText(text)
                    piece.title.show()
                slices.append(piece)
            self.kernels.append(slices)
            if layer.bias is not None:
                self.biases[o] = self._kernel_heading(o, maps, float(layer.bias[o]))

    def _kernel_heading(self, kernel: int, count: int, bias: float) -> KernelHeading:
        title = QLabel(self.tr("Kernel {0}").format(kernel + 1))
        box = NumberSpinBox()
        box.setPrefix(self.tr("bias "))
        box.setToolTip(self.tr("Added to every value of map {0}").format(kernel + 1))
        with QSignalBlocker(box):
            box.setValue(bias)
        box.valueChanged.connect(lambda value: self._on_q_bias_changed(kernel, value))
        heading = KernelHeading(title, box, self)
        heading.show()
        # Only now, in the block: shown without a parent, the label would be a window.
        title.setVisible(count > 1)
        return heading

    def _on_q_bias_changed(self, kernel: int, value: float) -> None:
        try:
            self._studio.document.set_bias_value(kernel, value, layer=self.layer)
        except EditError as exc:
            self._report(str(exc))

    def _add_window(self) -> None:
        layer = self.layer
        window = self._studio.evaluation.layers[layer].window()
        shape = window.kernel
        source = self._studio.evaluation.maps[layer]

        def window_step() -> tuple[int, LayerStep] | None:
            # The forward pass's step, or in the backward pass the one sent back.
            found = self._studio.layer_step
            return found if found is not None else backward_of(self._studio).undone_step

        def values() -> np.ndarray | None:
            found = window_step()
            if found is None or found[0] != layer:
                return None
            step = found[1]
            # Padding never wins a max: shown empty, as in the map.
            shown = [np.nan if not np.isfinite(v) else v for v in step.values]
            return np.array(shown).reshape(shape)

        def look(row: int, col: int) -> CellLook:
            found = window_step()
            if found is None or found[0] != layer:
                return CellLook(background=style.EMPTY_BG)
            step, term = found[1], row * shape[1] + col
            if step.winner == term:
                return _WINNER
            return _WINDOW_PADDING if step.reads[term] is None else _WINDOW

        texts = {format_number(v) for v in np.unique(source)} | {"0"}
        model = ArrayModel(self._studio, shape, values, look, texts)
        piece = GridPiece(NumberTable(), self)
        piece.table.setModel(model)
        piece.table.show_headers(False)
        piece.title.setText(self.tr("window"))
        piece.title.show()
        self.kernels.append([piece])

    def kernel_slices(self) -> list[KernelSlice]:
        """A convolution's editable slices (none for other layers)."""
        return [g for k in self.kernels for g in k if isinstance(g, KernelSlice)]

    def grids(self) -> list[GridPiece]:
        return [*(g for k in self.kernels for g in k), *self.maps]

    def set_current(self, current: bool) -> None:
        """Emphasise the heading of the layer being stepped; never writes the model."""
        mark_heading(self.heading, current)

    def spec(self) -> BlockSpec:
        """The block, measured for the stage's layout."""
        height, width = heading_lengths(self.heading)
        return BlockSpec(
            heading=height,
            heading_width=width,
            kernels=tuple(
                tuple(self._slice_spec(k, d, g) for d, g in enumerate(pieces))
                for k, pieces in enumerate(self.kernels)
            ),
            maps=tuple(m.grid_spec() for m in self.maps),
        )

    def _slice_spec(self, kernel: int, depth: int, piece: GridPiece) -> GridSpec:
        spec = piece.grid_spec()
        heading = self.biases.get(kernel)
        if heading is None or depth != 0:
            return spec
        # The heading takes the first slice's title's place.
        width, height = heading.lengths()
        return replace(spec, title=height, title_width=width)

    def place(self, place: BlockPlace, zoom: float, margin: int) -> None:
        """Put the heading and grids where the plan says (*place* is in the plan's
        coordinates, *margin* pixels inside the stage's)."""
        box = place.box()
        set_geometry(self, box.moved(margin, margin))
        self.heading.setFont(heading_font(zoom))
        set_geometry(self.heading, place.heading.moved(-box.x, -box.y))
        for k, (pieces, places) in enumerate(zip(self.kernels, place.kernels, strict=False)):
            for piece, grid in zip(pieces, places, strict=False):
                piece.place(grid, zoom, box)
            heading = self.biases.get(k)
            if heading is not None and places:
                heading.set_zoom(zoom)
                set_geometry(heading, places[0].title.moved(-box.x, -box.y))
        for piece, grid in zip(self.maps, place.maps, strict=False):
            piece.place(grid, zoom, box)


def heading_font(zoom: float) -> QFont:
    """A layer's heading's font at *zoom*."""
    return style.font(style.UI_PT, bold=True, zoom=zoom)


def heading_lengths(heading: QLabel) -> tuple[Length, Length]:
    """Height and width of a layer's heading, as they grow with the zoom."""
    metrics = QFontMetricsF(heading_font(MEASURE_ZOOM))
    width = metrics.horizontalAdvance(heading.text()) / MEASURE_ZOOM
    return Length(4, metrics.height() / MEASURE_ZOOM), Length(12, width)


def mark_heading(heading: QLabel, current: bool) -> None:
    """The layer being stepped: its heading on the current cell's yellow; the others grey."""
    heading.setStyleSheet(
        f"background: {style.CURRENT_BG.name()}; color: {style.TEXT_FG.name()};"
        if current
        else f"color: {style.PADDING_FG.name()};"
    )
