"""The current step's equation, with the real numbers: 18×1 + 54×0 + … = 429.

Painted by hand from words of coloured pieces: a rich-text label re-laid out 49
terms in about 6 ms, more than the rest of a step together; this takes well under 1.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QStyle, QWidget

from ..engine import StepDetail
from ..engine.layers import LayerStep
from ..model import Studio, format_number
from ..model.backward import BackwardPass, backward_of
from ..model.layer_explain import divisor_note, step_equation
from ..model.quiz import Verdict, quiz_of
from ..model.stack_marks import scatter_targets
from . import style
from .binding import bind
from .cells import MEASURE_ZOOM

HINT = QT_TRANSLATE_NOOP("EquationView", "Press → or PageDown to take the first step; Space plays.")
IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "EquationView", "No output: the settings are impossible (see the red note under the output)."
)
HIDDEN = "?"  # a result the class predicts before it is shown
RIGHT_FG = QColor("#1b7a1b")  # dark green: apart from the red weights, legible on white


class Piece(NamedTuple):
    """A run of text in one colour and style."""

    text: str
    colour: QColor = style.TEXT_FG
    italic: bool = False
    bold: bool = False


Word = list[Piece]  # never broken across lines
Line = list[Word]  # starts on a new row


def _number(value: float) -> str:
    text = format_number(value)
    return f"({text})" if value < 0 else text


def equation_lines(
    step: StepDetail,
    names: tuple[str, ...] = (),
    with_bias: bool = False,
    hidden: bool = False,
    layer: int | None = None,
) -> list[Line]:
    """The words of *step*: a heading, one line of products per input channel, the sum.

    *names* are the input channels' names (R, G, B), if they have any; *with_bias* shows
    the bias even when it is 0; *hidden* writes "?" for every sum (quiz mode); *layer*
    (0-based) names the layer in the heading, as a stack's other layers are named.
    """

    def result(value: float) -> str:
        return HIDDEN if hidden else format_number(value)

    if layer is not None:
        heading = QCoreApplication.translate(
            "equation_view", "Layer {0}, output row {1}, column {2}"
        ).format(layer + 1, step.out_row + 1, step.out_col + 1)
        if step.out_channel:
            heading = QCoreApplication.translate("equation_view", "{0} of map {1}").format(
                heading, step.out_channel + 1
            )
    elif step.out_channel:
        heading = QCoreApplication.translate(
            "equation_view", "Output row {0}, column {1} of map {2}"
        ).format(step.out_row + 1, step.out_col + 1, step.out_channel + 1)
    else:
        heading = QCoreApplication.translate("equation_view", "Output row {0}, column {1}").format(
            step.out_row + 1, step.out_col + 1
        )
    # The result goes in the heading too: with a 9×9 kernel the sum may scroll out of view.
    # Word by word: a narrow stage wraps the heading instead of cutting it.
    lines: list[Line] = [
        [[Piece(word, bold=True)] for word in heading.split(" ")]
        + [[Piece("=", bold=True)], [Piece(result(step.total), bold=True)]]
    ]
    for depth, channel in enumerate(step.in_channels):
        words: Line = []
        if len(step.in_channels) > 1:
            name = names[channel] if channel < len(names) else str(channel + 1)
            words.append(
                [Piece(QCoreApplication.translate("equation_view", "channel {0}:").format(name))]
            )
        for i in range(step.values.shape[1]):
            for j in range(step.values.shape[2]):
                padding = bool(step.is_padding[i, j])
                value = Piece(
                    _number(step.values[depth, i, j]),
                    style.PADDING_FG if padding else style.TEXT_FG,
                    italic=padding,
                )
                weight = Piece(_number(step.weights[depth, i, j]), style.WEIGHT_FG)
                value = value._replace(text=value.text + "×")  # one piece fewer to draw
                words.append([value, weight])
                words.append([Piece("+")])
        words[-1] = [Piece("=")]
        words.append([Piece(result(step.channel_sums[depth]), bold=True)])
        lines.append(words)
    with_bias = with_bias or bool(step.bias)
    if len(step.in_channels) > 1 or with_bias:
        words = []
        for total in step.channel_sums:
            words += [[Piece(HIDDEN if hidden else _number(total))], [Piece("+")]]
        if with_bias:
            words += [
                [
                    Piece(QCoreApplication.translate("equation_view", "bias")),
                    Piece(" "),
                    Piece(_number(step.bias)),
                ],
                [Piece("+")],
            ]
        words[-1] = [Piece("=")]
        words.append([Piece(result(step.total), bold=True)])
        lines.append(words)
    return lines


def layer_lines(layer: int, step: LayerStep, note: str | None = None, maps: int = 1) -> list[Line]:
    """The words of a step of any layer of a stack: a heading naming the layer and the
    cell, then the equation with its numbers (``max(1, 13, 9, 11) = 13``), and what an
    average's divisor counts (*note*)."""
    if step.operation == "scatter":
        return scatter_lines(layer, step, maps)
    channel, row, col = step.writes[0]
    heading = QCoreApplication.translate(
        "equation_view", "Layer {0}, output row {1}, column {2}"
    ).format(layer + 1, row + 1, col + 1)
    if channel:
        heading = QCoreApplication.translate("equation_view", "{0} of map {1}").format(
            heading, channel + 1
        )
    left, _, right = step_equation(step).rpartition(" = ")
    # The result in the heading too, as a convolution's: a long equation may wrap.
    lines: list[Line] = [
        [[Piece(word, bold=True)] for word in heading.split(" ")]
        + [[Piece("=", bold=True)], [Piece(right, bold=True)]]
    ]
    words: Line = [[Piece(word)] for word in left.split(" ")]
    words += [[Piece("=")], [Piece(right, bold=True)]]
    lines.append(words)
    if note:
        lines.append([[Piece(word, style.PADDING_FG)] for word in note.split(" ")])
    return lines


def scatter_lines(layer: int, step: LayerStep, maps: int = 1) -> list[Line]:
    """The words of a scatter step (a transposed convolution by its definition): a
    heading naming the layer and the input cell read, then what it adds where, one line
    per line of the model's text."""
    read = next((cell for cell in step.reads if cell is not None), None)
    channel, row, col = read if read is not None else (0, 0, 0)
    value = format_number(step.result)
    if channel:
        #: {0} the layer's number, {1} the input channel, {2} {3} the cell, {4} its value.
        heading = QCoreApplication.translate(
            "equation_view", "Layer {0}, input channel {1}, row {2}, column {3} = {4}"
        ).format(layer + 1, channel + 1, row + 1, col + 1, value)
    else:
        #: {0} the layer's number, {1} {2} the input cell read, {3} its value.
        heading = QCoreApplication.translate(
            "equation_view", "Layer {0}, input row {1}, column {2} = {3}"
        ).format(layer + 1, row + 1, col + 1, value)
    lines: list[Line] = [[[Piece(word, bold=True)] for word in heading.split(" ")]]
    for text in step_equation(step).split("\n"):
        lines.append([[Piece(word)] for word in text.split(" ") if word])
    targets = scatter_targets(step, maps)
    if targets:  # the cells lit on the output map, in words
        lines.append([[Piece(word, style.PADDING_FG)] for word in targets.split(" ")])
    return lines


def backward_lines(backward: BackwardPass, step: int | None = None) -> list[Line]:
    """The words of a step of the backward pass (the current one, or step *step* of it):
    a heading naming the part and the layer, then the equation with its numbers."""
    heading, equation = backward.heading(step), backward.equation(step)
    lines: list[Line] = [[[Piece(word, bold=True)] for word in (heading or "").split(" ")]]
    if equation is None:
        return lines
    # The result in bold, as the forward pass's, wherever the sentence puts it (words
    # join where a language writes no space: "0：梯度到此為止").
    words: Line = [[]]
    for text, bold in ((equation.before, False), (equation.result, True), (equation.after, False)):
        for i, chunk in enumerate(text.split(" ")):
            if i:
                words.append([])
            if chunk:
                words[-1].append(Piece(chunk, bold=bold))
    lines.append([word for word in words if word])
    return lines


def plain_text(lines: list[Line]) -> str:
    """The lines as plain text, one per row."""
    return "\n".join(" ".join("".join(p.text for p in word) for word in line) for line in lines)


def wrapped_line_count(lines: list[list[float]], space: float, width: float) -> int:
    """How many rows *lines* of words (their widths) take when wrapped to *width*.

    The canvas's own rule: a word goes on the row if it fits, or starts the row. Never
    fewer rows for a narrower width.
    """
    count = 0
    for words in lines:
        count += 1
        x = 0.0
        for w in words:
            if x > 0 and x + w > width:
                count, x = count + 1, 0.0
            x += w + space
    return count


class EquationCanvas(QWidget):
    """Paints lines of words, wrapping between words to the widget's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        # (width, layout) of the last layout: paint and heightForWidth ask for it often.
        self._cache: tuple[int, tuple[list[tuple[int, int, Word]], int]] | None = None
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_point_size(style.EQUATION_PT)

    def set_point_size(self, points: float) -> None:
        self._fonts = {}
        for italic in (False, True):
            for bold in (False, True):
                f = style.font(points, bold=bold)
                f.setItalic(italic)
                self._fonts[(italic, bold)] = f
        self._metrics = {key: QFontMetrics(f) for key, f in self._fonts.items()}
        self._cache = None
        self.updateGeometry()
        self.update()

    def set_lines(self, lines: list[Line]) -> None:
        height = self.heightForWidth(self.width())
        self._lines = lines
        self._cache = None
        # A new geometry re-lays out the whole window: ask for one only when it is needed.
        if self.heightForWidth(self.width()) != height:
            self.updateGeometry()
        self.update()

    def text(self) -> str:
        return plain_text(self._lines)

    def natural_widths(
        self, lines: list[Line] | None = None
    ) -> tuple[list[list[float]], float, float]:
        """The words' widths of *lines* (the lines shown), a space and a row's height, per
        unit of zoom."""
        fonts = {}
        for key, f in self._fonts.items():
            big = QFont(f)
            big.setPointSizeF(style.EQUATION_PT * MEASURE_ZOOM)
            fonts[key] = QFontMetricsF(big)
        plain = fonts[(False, False)]
        words = [
            [
                sum(fonts[(p.italic, p.bold)].horizontalAdvance(p.text) for p in word)
                / MEASURE_ZOOM
                for word in line
            ]
            for line in (self._lines if lines is None else lines)
        ]
        return (
            words,
            plain.horizontalAdvance(" ") / MEASURE_ZOOM,
            plain.lineSpacing() / MEASURE_ZOOM,
        )

    def _word_width(self, word: Word) -> int:
        return sum(self._metrics[(p.italic, p.bold)].horizontalAdvance(p.text) for p in word)

    def _layout(self, width: int) -> tuple[list[tuple[int, int, Word]], int]:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        self._cache = (width, self._compute_layout(width))
        return self._cache[1]

    def _compute_layout(self, width: int) -> tuple[list[tuple[int, int, Word]], int]:
        metrics = self._metrics[(False, False)]
        space = metrics.horizontalAdvance(" ")
        line_height = metrics.lineSpacing()
        placed: list[tuple[int, int, Word]] = []
        y = 0
        for line in self._lines:
            x = 0
            for word in line:
                w = self._word_width(word)
                if x > 0 and x + w > width:
                    x, y = 0, y + line_height
                placed.append((x, y, word))
                x += w + space
            y += line_height
        return placed, y

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout(width)[1]

    def sizeHint(self) -> QSize:
        # A fixed hint (heading and one row of terms): longer equations scroll in the view,
        # and the window's zoom does not hinge on how the current equation wraps.
        return QSize(600, 2 * self._metrics[(False, False)].lineSpacing())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        ascent = self._metrics[(False, False)].ascent()
        placed, _ = self._layout(self.width())
        for x, y, word in placed:
            for piece in word:
                key = (piece.italic, piece.bold)
                painter.setFont(self._fonts[key])
                painter.setPen(piece.colour)
                painter.drawText(QPoint(x, y + ascent), piece.text)
                x += self._metrics[key].horizontalAdvance(piece.text)
        painter.end()


class EquationView(QScrollArea):
    """Shows the equation of the current step; long kernels wrap and scroll, never clip."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self._quiz = quiz_of(studio)
        self._backward = backward_of(studio)
        self.canvas = EquationCanvas()
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.set_zoom(1.0)
        self._measured: list[tuple[list[list[float]], float, float]] | None = None
        bind(self, studio.document.evaluation_changed, self._forget_measure)
        bind(self, self._quiz.changed, self._forget_measure)
        bind(self, studio.frame_changed, self.set_frame)
        bind(self, self._quiz.changed, self.set_frame)
        bind(self, self._backward.changed, self._forget_measure)
        bind(self, self._backward.changed, self.set_frame)
        self.set_frame()

    def set_zoom(self, zoom: float) -> None:
        self.canvas.set_point_size(style.EQUATION_PT * zoom)

    def height_for(self, zoom: float, width: int) -> int:
        """The height that shows an equation of this scene whole at *zoom* in *width*.

        Measured on the first step of every map (other steps' numbers may be wider: a tenth
        more room for every word). Beyond that the equation scrolls.
        """
        if self._measured is None:
            self._measured = self._measure()
        rows, line = 2, self._measured[0][2]
        for words, space, _ in self._measured:
            scaled = [[w * zoom * 1.1 for w in row] for row in words]
            rows = max(rows, wrapped_line_count(scaled, space * zoom, width - self._bar_width()))
        return math.ceil(rows * line * zoom) + 4

    def _measure(self) -> list[tuple[list[list[float]], float, float]]:
        problem = self._studio.evaluation.problem
        scene = self._studio.document.scene
        evaluation = self._studio.evaluation
        # A stack without a convolution (transposed ones only) has no problem, yet steps.
        if (problem is None and not evaluation.maps) or self._quiz.asking_size:
            return [self.canvas.natural_widths()]
        samples = []
        for layer, count in enumerate(evaluation.counts):
            # Every other layer of a stack: its first step's equation and its last's.
            if layer == evaluation.conv_index or not count:
                continue
            for k in {0, count - 1}:
                step = evaluation.layers[layer].step(evaluation.maps[layer], k)
                samples.append(self.canvas.natural_widths(self._layer_lines(layer, step)))
        for channel in range(scene.kernels.shape[0] if problem is not None else 0):
            assert problem is not None
            step = problem.step(problem.step_of_cell(channel, 0, 0))
            lines = equation_lines(
                step, scene.channel_names, scene.bias is not None, False, self._layer()
            )
            samples.append(self.canvas.natural_widths(lines))
        steps = self._backward.steps
        for number in range(len(steps.sections) if steps is not None else 0):
            # The backward pass's: the first step of each part of each layer.
            assert steps is not None
            lines = backward_lines(self._backward, steps.offset(number))
            samples.append(self.canvas.natural_widths(lines))
        return samples or [self.canvas.natural_widths()]

    def _forget_measure(self, *_: object) -> None:
        self._measured = None

    def _bar_width(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def set_frame(self) -> None:
        """Show the current step; never writes the model."""
        step = self._studio.current
        if self._quiz.asking_size:
            message = self.tr("Quiz: how large is the output? Guess its rows × columns first.")
            self.canvas.set_lines([[[Piece(word, bold=True)] for word in message.split(" ")]])
        elif self._backward.current is not None:
            self.canvas.set_lines(backward_lines(self._backward))
        elif step is not None:
            scene = self._studio.document.scene
            hidden = self._quiz.value_hidden
            lines = equation_lines(
                step, scene.channel_names, scene.bias is not None, hidden, self._layer()
            )
            verdict = self._quiz.verdict
            if verdict is not None:
                lines[0] += self._verdict_words(verdict)
            self.canvas.set_lines(lines)
        elif self._studio.layer_step is not None:
            layer, layer_step = self._studio.layer_step
            self.canvas.set_lines(self._layer_lines(layer, layer_step))
        else:
            evaluation = self._studio.evaluation
            # No problem is impossible only where there is a convolution to have one.
            impossible = evaluation.problem is None and evaluation.conv_index is not None
            message = IMPOSSIBLE if impossible or evaluation.error is not None else HINT
            message = QCoreApplication.translate("EquationView", message)
            self.canvas.set_lines([[[Piece(word)] for word in message.split(" ")]])

    def _layer(self) -> int | None:
        """The focused convolution's layer in a stack, named in its heading; None for a
        scene of one convolution (its heading as it always was)."""
        if not self._studio.document.scene.is_stack:
            return None
        return self._studio.evaluation.conv_index

    def _layer_lines(self, layer: int, step: LayerStep) -> list[Line]:
        stack_layer = self._studio.evaluation.layers[layer]
        include = bool(getattr(stack_layer, "count_include_pad", True))
        maps = self._studio.evaluation.maps[layer + 1].shape[0]
        return layer_lines(layer, step, divisor_note(step, include), maps)

    def _verdict_words(self, verdict: Verdict) -> Line:
        """ "— your 430: wrong, it is 429", in words the back row reads."""
        guess, truth = format_number(verdict.guess), format_number(verdict.truth)
        if verdict.right:
            text, colour = self.tr("— your {0}: right!").format(guess), RIGHT_FG
        else:
            text = self.tr("— your {0}: wrong, it is {1}").format(guess, truth)
            colour = style.ERROR_FG
        return [[Piece(word, colour, bold=True)] for word in text.split(" ")]

    def text(self) -> str:
        """The equation as plain text (for tests and copying)."""
        return self.canvas.text()
