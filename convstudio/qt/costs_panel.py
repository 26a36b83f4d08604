"""What the layer holds and costs, live: shapes, parameters, multiply-accumulates, field;
for a stack, each layer's, with the receptive field's recurrence written out."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..model import Studio, layer_costs
from ..model.layer_explain import layer_rows
from ..model.layer_names import numbered_name
from ..model.words import counted
from . import style
from .binding import bind


def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")  # thin grouping that reads the same in every language


def _keep_together(line: str) -> str:
    """*line* with the spaces of its arithmetic (or its shapes) made non-breaking."""
    label, colon, rest = line.partition(": ")
    if not colon:
        return line.replace(" ", "\u00a0")
    if "=" not in rest:
        return line  # words, which may wrap anywhere
    return label + colon + rest.replace(" ", "\u00a0")


class CostsPanel(QWidget):
    """Input → output shape; parameters; MACs per value and in all; receptive field."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        # The heading the lessons' notes name ("Open the Costs section of the side panel").
        self.title = QLabel(self.tr("Costs"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        bind(self, studio.document.evaluation_changed, self.set_evaluation)
        self.set_zoom(1.0)
        self.set_evaluation()

    def set_zoom(self, zoom: float) -> None:
        self.title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.text.setFont(style.font(style.UI_PT, zoom=zoom))

    def set_evaluation(self, evaluation: object = None) -> None:
        """Show the costs; never writes the document."""
        if self._studio.document.scene.is_stack:
            self._show_stack()
            return
        costs = layer_costs(self._studio.evaluation)
        if costs is None:
            self.text.setText(self.tr("No costs: the settings are impossible."))
            return
        c, h, w = costs.input_shape
        oc, oh, ow = costs.output_shape
        scene = self._studio.document.scene
        _, depth, kh, kw = scene.kernels.shape
        lines = [
            self.tr("Input {0}×{1}×{2}  →  output {3}×{4}×{5}").format(c, h, w, oc, oh, ow),
            self.tr("Parameters: {0}·{1}·{2}·{3}").format(oc, depth, kh, kw)
            + (self.tr(" + {0} biases").format(costs.biases) if costs.biases else "")
            + f" = {_count(costs.parameters)}",
            self.tr("Multiply-adds per output value: {0}·{1}·{2} = {3}").format(
                depth, kh, kw, costs.macs_per_output
            ),
            self.tr("Multiply-adds in all: {0}·{1}·{2}·{3} = {4}").format(
                oc, oh, ow, costs.macs_per_output, _count(costs.macs)
            ),
            # Why convolution: the same input and output, fully connected.
            self.tr("Fully connected instead: {0}·{1} + {1} = {2} parameters").format(
                c * h * w, oc * oh * ow, _count(costs.fully_connected_parameters)
            ),
            self.tr("Receptive field: {0}×{1} input cells in each of {2}").format(
                costs.receptive_field[0],
                costs.receptive_field[1],
                counted(costs.receptive_field[2], "channel"),
            ),
        ]
        # A narrow tab wraps a line after its colon, never inside the arithmetic.
        self.text.setText("\n".join(_keep_together(line) for line in lines))

    def _show_stack(self) -> None:
        """Each layer's output, parameters, multiply-adds, receptive field and jump, with
        the recurrence written out with its numbers; then the totals."""
        scene = self._studio.document.scene
        if self._studio.evaluation.error is not None:
            self.text.setText(self.tr("No costs: the settings are impossible."))
            return
        rows = layer_rows(scene.layers, scene.input.shape)
        indent = "\u00a0\u00a0\u00a0"
        lines = [
            #: r is the receptive field and j the jump (both in input pixels) of a layer's
            #: output: the formulas follow on their own lines.
            self.tr("Receptive field r and jump j, in input pixels, layer by layer:"),
            # k: the window, d: its dilation, s: its stride; _prev: the layer before's.
            indent + "r = r_prev + (k − 1)·d·j_prev".replace(" ", "\u00a0"),
            indent + "j = j_prev·s".replace(" ", "\u00a0"),
        ]
        if any(row.size_formula is not None for row in rows):
            #: u is a transposed convolution's stride: it reads its input with u − 1 zeros
            #: between cells, so j_prev is divided by u in the formulas for r and j.
            lines.append(
                indent
                + self.tr("A transposed convolution (stride u) puts its cells j_prev/u apart.")
            )
        for index, (layer, row) in enumerate(zip(scene.layers, rows, strict=True)):
            c, h, w = row.output_shape
            lines.append(
                self.tr("{0}: output {1}×{2}×{3}").format(numbered_name(index, layer), c, h, w)
            )
            if row.size_formula is not None:
                # (H − 1)·s − 2p + d·(k − 1) + output_padding + 1, with the numbers.
                size_rows, size_cols = (f.replace(" ", "\u00a0") for f in row.size_formula)
                if size_rows == size_cols:
                    lines.append(indent + self.tr("size: {0}").format(size_rows))
                else:
                    lines.append(indent + self.tr("rows: {0}").format(size_rows))
                    lines.append(indent + self.tr("columns: {0}").format(size_cols))
            lines.append(
                indent
                + self.tr("parameters {0}, multiply-adds {1}").format(
                    _count(row.parameters), _count(row.macs)
                )
            )
            lines.append(
                indent
                + self.tr("receptive field {0}×{1}, jump {2}×{3}").format(
                    *row.receptive_field, *row.jump
                )
            )
            formula_rows, formula_cols = row.recurrence
            # r's and j's formulas each on a line of its own: unbroken (a formula cut in two
            # reads wrong), a line holding both was wider than the panel and was cut.
            if formula_rows == formula_cols:
                lines += [indent + part for part in _formula_lines(formula_rows)]
            else:
                r_rows, *j_rows = _formula_lines(formula_rows)
                r_cols, *j_cols = _formula_lines(formula_cols)
                lines.append(indent + self.tr("rows: {0}").format(r_rows))
                lines += [indent * 2 + part for part in j_rows]
                lines.append(indent + self.tr("columns: {0}").format(r_cols))
                lines += [indent * 2 + part for part in j_cols]
        lines.append(
            self.tr("In all: {0} parameters, {1} multiply-adds").format(
                _count(sum(row.parameters for row in rows)), _count(sum(row.macs for row in rows))
            )
        )
        self.text.setText("\n".join(lines))


def _formula_lines(formula: str) -> list[str]:
    """``"r = … ; j = …"`` as one unbreakable line per formula."""
    return [part.strip().replace(" ", "\u00a0") for part in formula.split(";") if part.strip()]
