"""What View ▸ As a matrix shows: the current layer as a matrix, and its im2col form.

For the current layer of the studio (a convolution or a transposed convolution), one input
channel and one kernel (output channel) at a time: ``vec(output) = M · vec(input)``, the
input and output as vectors, the row of the current step lit (for a transposed
convolution stepped by scatter, the column of the input cell being scattered), zeros
marked faint; and the im2col form, a row per window times the kernel as a vector. Any
other layer gets one plain line saying why it has no matrix. The choice of channel and
kernel is one :class:`MatrixChoice` per studio (:func:`matrix_choice_of`); by default the
current step's. Qt-free: the widget paints what :func:`matrix_picture` says.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from psygnal import Signal

from ..engine.layers import Layer, LayerStep
from ..engine.matrix import (
    MATRIX_KINDS,
    Im2col,
    group_channels,
    group_kernels,
    layer_im2col,
    layer_matrix,
)
from .i18n import translate
from .layer_names import layer_name
from .limits import MAX_MATRIX_ENTRIES
from .numbers import format_number
from .stage import Length
from .studio import Studio, one_per_studio

if TYPE_CHECKING:
    from .document import Evaluation

#: Layer types that are linear but shown by no matrix here (a pool of averages).
_LINEAR_ELSEWHERE = ("avg_pool2d",)


@dataclass(frozen=True, eq=False)
class MatrixPicture:
    """Everything the matrix view draws for one moment of the studio.

    Attributes
    ----------
    layer
        The layer shown (0-based).
    refusal
        One plain line when the layer has no matrix here (then nothing else is set).
    caption
        What is shown, in a few lines: the product, the layer, the channel and kernel.
    im2col_caption
        The same for the im2col tab.
    channel, kernel
        The input channel and the kernel (output channel) shown, 0-based.
    channels, kernels
        How many of each the layer has (the choosers' lengths).
    in_group
        Whether the kernel reads the channel (else M is all zeros: another group).
    transposed
        A transposed convolution (M is the transpose of a convolution's).
    matrix
        ``(H_out·W_out, H·W)``: a row per output cell, a column per input cell.
    input, output
        ``vec(input[channel])`` and ``M · vec(input[channel])``.
    input_size, output_size
        ``(rows, columns)`` of the input and output maps (to name a row's or column's cell).
    lit_row
        The row of the current step's output cell, or ``None``.
    lit_column
        The column of the input cell a scatter step spreads, or ``None``.
    im2col
        The kernel's im2col form (all input channels of its group), or ``None``.
    im2col_lit_row
        The row of the current step in it, or ``None``.
    """

    layer: int
    refusal: str | None = None
    caption: str = ""
    im2col_caption: str = ""
    channel: int = 0
    kernel: int = 0
    channels: int = 0
    kernels: int = 0
    in_group: bool = True
    transposed: bool = False
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    input: np.ndarray = field(default_factory=lambda: np.zeros(0))
    output: np.ndarray = field(default_factory=lambda: np.zeros(0))
    input_size: tuple[int, int] = (0, 0)
    output_size: tuple[int, int] = (0, 0)
    lit_row: int | None = None
    lit_column: int | None = None
    im2col: Im2col | None = None
    im2col_lit_row: int | None = None

    @property
    def faint(self) -> np.ndarray:
        """Where M is 0: drawn faint, so that the kernel's weights stand out."""
        mask: np.ndarray = self.matrix == 0
        return mask

    def reads(self) -> np.ndarray:
        """The input cells the lit row reads (non-zero entries), as column numbers."""
        if self.lit_row is None:
            return np.zeros(0, dtype=int)
        found: np.ndarray = np.flatnonzero(self.matrix[self.lit_row])
        return found

    def writes(self) -> np.ndarray:
        """The output cells the lit column reaches (non-zero entries), as row numbers."""
        if self.lit_column is None:
            return np.zeros(0, dtype=int)
        found: np.ndarray = np.flatnonzero(self.matrix[:, self.lit_column])
        return found


def refusal_text(number: int, layer: Layer) -> str:
    """Why layer *number* (0-based) has no matrix here: one plain line."""
    if layer.kind in _LINEAR_ELSEWHERE:
        #: {0} is the layer's number from 1, {1} its short name ("avg pool 2×2").
        text = translate(
            "MatrixView",
            "Layer {0} ({1}) is linear, but only convolutions are shown as matrices.",
        )
    else:
        #: {0} is the layer's number from 1, {1} its short name ("ReLU", "max pool 2×2").
        text = translate("MatrixView", "Layer {0} ({1}) has no matrix: it is not linear.")
    return text.format(number + 1, layer_name(layer))


class MatrixChoice:
    """The input channel and kernel the user chose for the matrix view of one layer.

    A choice holds for the layer it was made on; on any other layer (and before any
    choice) the view shows the current step's channel and kernel.

    Signals
    -------
    changed()
        Another channel or kernel was chosen.
    """

    changed = Signal()

    def __init__(self, studio: Studio) -> None:
        self._studio = weakref.ref(studio)
        self._layer: int | None = None
        self._channel: int | None = None
        self._kernel: int | None = None

    def choose(self, *, channel: int | None = None, kernel: int | None = None) -> None:
        """Show *channel* and/or *kernel* of the current layer from now on."""
        studio = self._studio()
        if studio is None:
            return
        layer = studio.current_layer
        if self._layer != layer:
            self._layer, self._channel, self._kernel = layer, None, None
        if channel is not None:
            self._channel = channel
        if kernel is not None:
            self._kernel = kernel
        self.changed.emit()

    def chosen(self, layer: int) -> tuple[int | None, int | None]:
        """``(channel, kernel)`` chosen for *layer* (``None``: the current step's)."""
        if layer != self._layer:
            return None, None
        return self._channel, self._kernel

    def picture(self) -> MatrixPicture:
        """What the view shows now (see :func:`matrix_picture`)."""
        studio = self._studio()
        if studio is None:
            return MatrixPicture(layer=0, refusal="")
        channel, kernel = self.chosen(studio.current_layer)
        return matrix_picture(
            studio.evaluation, studio.current_layer, studio.layer_step, channel, kernel
        )


matrix_choice_of = one_per_studio(MatrixChoice)


def _step_choice(
    layer: Layer, shape: tuple[int, int, int], step: LayerStep | None
) -> tuple[int, int]:
    """The channel and kernel of *step* (the first channel of the kernel's group)."""
    if step is None:
        return 0, 0
    if step.operation == "scatter" and step.reads and step.reads[0] is not None:
        channel = step.reads[0][0]
        return channel, group_kernels(layer, shape, channel)[0]
    kernel = step.writes[0][0] if step.writes else 0
    return group_channels(layer, shape, kernel)[0], kernel


# The last matrices made: a step changes only what is lit, not M. The evaluation is held
# weakly: a closed window's scene is not kept alive by the cache.
_cache: dict[tuple[int, int, int, int], tuple[weakref.ref[Evaluation], np.ndarray, Im2col]] = {}


def _matrices(
    evaluation: Evaluation, number: int, channel: int, kernel: int
) -> tuple[np.ndarray, Im2col]:
    key = (id(evaluation), number, channel, kernel)
    known = _cache.get(key)
    if known is not None and known[0]() is evaluation:
        return known[1], known[2]
    layer, x = evaluation.layers[number], evaluation.maps[number]
    shape = (x.shape[0], x.shape[1], x.shape[2])
    matrix = layer_matrix(layer, shape, channel, kernel)
    matrix.flags.writeable = False
    form = layer_im2col(layer, x, kernel)
    _cache.clear()
    _cache[key] = (weakref.ref(evaluation), matrix, form)
    return matrix, form


def matrix_picture(
    evaluation: Evaluation,
    number: int,
    current: tuple[int, LayerStep] | None,
    channel: int | None = None,
    kernel: int | None = None,
) -> MatrixPicture:
    """What the matrix view shows of layer *number* of *evaluation*.

    Parameters
    ----------
    evaluation
        The studio's evaluation.
    number
        The layer (0-based): the current step's.
    current
        The current step ``(layer, LayerStep)``, or ``None`` (nothing done yet).
    channel, kernel
        The user's choice, or ``None`` for the current step's (a kernel's group's first
        channel; a scatter step's input channel and the first kernel it reaches).
    """
    if evaluation.error is not None or not evaluation.maps:
        text = translate("MatrixView", "No matrix: the scene's settings are impossible.")
        return MatrixPicture(layer=number, refusal=text)
    layer = evaluation.layers[number]
    if layer.kind not in MATRIX_KINDS:
        return MatrixPicture(layer=number, refusal=refusal_text(number, layer))
    x = evaluation.maps[number]
    y = evaluation.maps[number + 1]
    shape = (x.shape[0], x.shape[1], x.shape[2])
    step = current[1] if current is not None and current[0] == number else None
    step_channel, step_kernel = _step_choice(layer, shape, step)
    kernels = y.shape[0]
    kernel = step_kernel if kernel is None or not 0 <= kernel < kernels else kernel
    group = group_channels(layer, shape, kernel)
    if channel is None or not 0 <= channel < shape[0]:
        channel = step_channel if step_channel in group else group[0]
    entries = x.shape[1] * x.shape[2] * y.shape[1] * y.shape[2]
    if entries > MAX_MATRIX_ENTRIES:
        #: {0}×{1}: the matrix's rows and columns; {2}: the most entries shown.
        text = translate(
            "MatrixView",
            "This layer's matrix would be {0}×{1}: too large to show (at most {2} entries).",
        )
        return MatrixPicture(
            layer=number,
            refusal=text.format(
                y.shape[1] * y.shape[2], x.shape[1] * x.shape[2], MAX_MATRIX_ENTRIES
            ),
        )
    matrix, form = _matrices(evaluation, number, channel, kernel)
    transposed = layer.kind != "conv2d"
    lit_row = lit_column = None
    if step is not None:
        if step.operation == "scatter":
            read = step.reads[0] if step.reads else None
            if read is not None and read[0] == channel:
                lit_column = read[1] * x.shape[2] + read[2]
        elif step.writes and step.writes[0][0] == kernel:
            _, r, c = step.writes[0]
            lit_row = r * y.shape[2] + c
    vector = x[channel].ravel()
    return MatrixPicture(
        layer=number,
        caption=_caption(number, layer, channel, kernel, matrix.shape, group, transposed),
        im2col_caption=_im2col_caption(form, kernel, transposed),
        channel=channel,
        kernel=kernel,
        channels=shape[0],
        kernels=kernels,
        in_group=channel in group,
        transposed=transposed,
        matrix=matrix,
        input=vector,
        output=matrix @ vector,
        input_size=(x.shape[1], x.shape[2]),
        output_size=(y.shape[1], y.shape[2]),
        lit_row=lit_row,
        lit_column=lit_column,
        im2col=form,
        im2col_lit_row=lit_row,
    )


def _caption(
    number: int,
    layer: Layer,
    channel: int,
    kernel: int,
    size: tuple[int, ...],
    group: range,
    transposed: bool,
) -> str:
    lines = []
    if transposed:
        lines.append(
            translate(
                "MatrixView",
                "Mᵀ: the transpose of the matrix of the convolution with the same kernel, "
                "stride, padding and dilation.",
            )
        )
    lines.append(translate("MatrixView", "vec(output) = M · vec(input)"))
    #: {0}: the layer's number from 1; {1}: its short name; {2}: the input channel
    #: (from 1); {3}: the kernel (from 1); {4}×{5}: the matrix's rows and columns.
    lines.append(
        translate(
            "MatrixView",
            "Layer {0} ({1}), channel {2} → kernel {3}: M is {4}×{5}, a row per output "
            "cell and a column per input cell, both in reading order.",
        ).format(number + 1, layer_name(layer), channel + 1, kernel + 1, size[0], size[1])
    )
    if channel not in group:
        #: {0}: the kernel (from 1); {1}: the input channel (from 1).
        text = translate(
            "MatrixView",
            "Kernel {0} does not read channel {1} (another group): every entry of M is 0.",
        )
        lines.append(text.format(kernel + 1, channel + 1))
    elif len(group) > 1:
        lines.append(
            translate(
                "MatrixView",
                "The output adds every channel's M · vec(input) of the group, and the bias.",
            )
        )
    elif getattr(layer, "bias", None) is not None:
        lines.append(translate("MatrixView", "The output is M · vec(input) plus the bias."))
    return "\n".join(lines)


def _im2col_caption(form: Im2col, kernel: int, transposed: bool) -> str:
    rows, cols = form.windows.shape
    if transposed:
        #: {0}×{1}: the windows matrix's rows and columns; {2}: the kernel (from 1).
        text = translate(
            "MatrixView",
            "im2col of the gather form: {0}×{1}, a row per output cell holding its window "
            "over the input with zeros inserted and padded, times kernel {2} flipped as a "
            "column. That is the output without the bias.",
        )
    else:
        text = translate(
            "MatrixView",
            "im2col: {0}×{1}, a row per output cell holding its window of the input, times "
            "kernel {2} as a column. That is the output without the bias.",
        )
    return text.format(rows, cols, kernel + 1)


# ------------------------------------------------------------ the two tabs' products


@dataclass(frozen=True, eq=False)
class Product:
    """A matrix times a vector as a teacher writes it on the board: the vector across the
    top, over the matrix's columns (each entry over the column it multiplies), and the
    result down the right, beside the rows that make it.

    Attributes
    ----------
    matrix
        ``(rows, cols)``.
    top
        ``(cols,)``: the vector multiplied (written across).
    right
        ``(rows,)``: ``matrix @ top``.
    top_name, right_name
        Their symbols, left of the top row and over the right column ("x", "y").
    row_labels
        Each row's output cell, ``"row,column"`` from 1.
    spans
        ``(first column, count, text, short text)``: headings over groups of columns (the
        short one, a number, where the text is wider than its columns).
    row_group, col_group
        A stronger line every so many rows and columns (a map's row ends there).
    lit_row, lit_column
        The current step's row (or a scatter step's column), or ``None``.
    marked_top, marked_right
        Entries of the top and right vectors the lit row or column involves.
    describe
        Says what an entry is, given its row and column (see :meth:`entry_text`).
    """

    matrix: np.ndarray
    top: np.ndarray
    right: np.ndarray
    top_name: str
    right_name: str
    row_labels: tuple[str, ...]
    spans: tuple[tuple[int, int, str, str], ...]
    row_group: int
    col_group: int
    lit_row: int | None = None
    lit_column: int | None = None
    marked_top: frozenset[int] = frozenset()
    marked_right: frozenset[int] = frozenset()
    describe: Callable[[int, int], str] | None = None

    def entry_text(self, row: int, col: int) -> str:
        """What entry (*row*, *col*) is, in a sentence (the pointer's tooltip)."""
        return "" if self.describe is None else self.describe(row, col)


def _cell_labels(rows: int, cols: int) -> tuple[str, ...]:
    return tuple(f"{r + 1},{c + 1}" for r in range(rows) for c in range(cols))


def matrix_product(picture: MatrixPicture) -> Product:
    """The Matrix tab: ``M · x = y``, with x = vec(input[channel]) across the top."""
    h, w = picture.input_size
    #: A heading over the columns of M that one row of the input map feeds; {0} is the
    #: row's number from 1.
    row_word = translate("MatrixView", "input row {0}")
    spans = tuple((r * w, w, row_word.format(r + 1), str(r + 1)) for r in range(h))
    top: frozenset[int] = frozenset()
    right: frozenset[int] = frozenset()
    if picture.lit_row is not None:
        top = frozenset(int(i) for i in picture.reads())
        right = frozenset((picture.lit_row,))
    elif picture.lit_column is not None:
        top = frozenset((picture.lit_column,))
        right = frozenset(int(i) for i in picture.writes())
    out_w = picture.output_size[1]

    def describe(row: int, col: int) -> str:
        r, c = divmod(row, out_w)
        rr, cc = divmod(col, w)
        weight = float(picture.matrix[row, col])
        if weight == 0:
            #: An entry 0 of M: output cell ({0}, {1}) and input cell ({2}, {3}), from 1.
            text = translate(
                "MatrixView", "Output cell ({0}, {1}) does not read input cell ({2}, {3}): 0."
            )
            return text.format(r + 1, c + 1, rr + 1, cc + 1)
        #: An entry of M: output cell ({0}, {1}) adds input cell ({2}, {3}) times the
        #: weight {4}.
        text = translate("MatrixView", "Output cell ({0}, {1}) adds input cell ({2}, {3}) × {4}.")
        return text.format(r + 1, c + 1, rr + 1, cc + 1, format_number(weight))

    return Product(
        describe=describe,
        matrix=picture.matrix,
        top=picture.input,
        right=picture.output,
        top_name="x",
        right_name="y",
        row_labels=_cell_labels(*picture.output_size),
        spans=spans,
        row_group=picture.output_size[1],
        col_group=w,
        lit_row=picture.lit_row,
        lit_column=picture.lit_column,
        marked_top=top,
        marked_right=right,
    )


def im2col_product(picture: MatrixPicture) -> Product | None:
    """The im2col tab: the windows, times the kernel as a vector (written across)."""
    form = picture.im2col
    if form is None:
        return None
    per_channel = form.windows.shape[1] // max(1, len(form.channels))
    #: A heading over the im2col columns of one input channel; {0} is its number from 1.
    word = translate("MatrixView", "channel {0}")
    spans = tuple(
        (i * per_channel, per_channel, word.format(c + 1), str(c + 1))
        for i, c in enumerate(form.channels)
    )
    lit = picture.im2col_lit_row
    out_w = picture.output_size[1]
    kw = form.kernel_size[1]

    def describe(row: int, col: int) -> str:
        r, c = divmod(row, out_w)
        index, rest = divmod(col, max(1, per_channel))
        i, j = divmod(rest, kw)
        #: An entry of the im2col matrix: the window of output cell ({0}, {1}), on input
        #: channel {2}, at the window's row {3} and column {4} (all from 1), holds {5}.
        text = translate(
            "MatrixView",
            "The window of output cell ({0}, {1}), channel {2}, row {3}, column {4}: {5}.",
        )
        value = format_number(float(form.windows[row, col]))
        return text.format(r + 1, c + 1, form.channels[index] + 1, i + 1, j + 1, value)

    return Product(
        describe=describe,
        matrix=form.windows,
        top=form.kernel,
        right=form.output,
        top_name="w",
        right_name="y",
        row_labels=_cell_labels(*picture.output_size),
        spans=spans,
        row_group=picture.output_size[1],
        col_group=per_channel,
        lit_row=lit,
        marked_top=frozenset(range(form.kernel.size)) if lit is not None else frozenset(),
        marked_right=frozenset((lit,)) if lit is not None else frozenset(),
    )


@dataclass(frozen=True)
class ProductPlan:
    """Sizes of a :class:`Product` drawn at one font size, in pixels.

    Attributes
    ----------
    font
        The numbers' font size (pixels).
    cell_width, cell_height
        One entry of the matrix (and of the top row).
    labels
        The width of the row labels' column.
    right
        The width of the result's column (a gap, the "=" and the values).
    heading
        The height of the spans' headings over the top row.
    width, height
        The whole product.
    scrolls
        The font is the smallest allowed and the product is larger than the room.
    """

    font: float
    cell_width: int
    cell_height: int
    labels: int
    right: int
    heading: int
    width: int
    height: int
    scrolls: bool


def plan_product(
    rows: int,
    cols: int,
    room: tuple[int, int],
    *,
    cell_width: Length,
    cell_height: Length,
    labels: Length,
    right: Length,
    heading: Length,
    smallest: float,
    largest: float,
) -> ProductPlan:
    """The largest font (between *smallest* and *largest*) at which a product of *rows* ×
    *cols* fits *room* (width, height); at *smallest* it may not, and then it scrolls.

    Every length is affine in the font size (measured by the caller): the whole width is
    ``labels + cols × cell_width + right``, the height ``heading + (rows + 1) ×
    cell_height`` (the top row is one cell high).
    """

    def size(font: float) -> tuple[int, int]:
        width = labels.at(font) + cols * cell_width.at(font) + right.at(font)
        return width, heading.at(font) + (rows + 1) * cell_height.at(font)

    def fits(font: float) -> bool:
        width, height = size(font)
        return width <= room[0] and height <= room[1]

    # Whole pixels round up per cell: bisect on what is drawn, not on the affine sums.
    if fits(largest):
        font = largest
    elif not fits(smallest):
        font = smallest
    else:
        low, high = smallest, largest
        for _ in range(40):
            middle = (low + high) / 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        font = low
    width, height = size(font)
    return ProductPlan(
        font=font,
        cell_width=cell_width.at(font),
        cell_height=cell_height.at(font),
        labels=labels.at(font),
        right=right.at(font),
        heading=heading.at(font),
        width=width,
        height=height,
        scrolls=width > room[0] or height > room[1],
    )


__all__ = [
    "MatrixChoice",
    "MatrixPicture",
    "Product",
    "ProductPlan",
    "im2col_product",
    "matrix_choice_of",
    "matrix_picture",
    "matrix_product",
    "plan_product",
    "refusal_text",
]
