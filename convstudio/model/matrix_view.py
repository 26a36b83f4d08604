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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from psygnal import Signal

from ..engine.layers import Layer, LayerStep
from ..engine.matrix import (
    MATRIX_KINDS,
    Im2col,
    group_channels,
    layer_im2col,
    layer_matrix,
)
from .i18n import translate
from .layer_names import layer_name
from .limits import MAX_MATRIX_ENTRIES
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
        kernel = step.writes[0][0] if step.writes else 0
        return channel, kernel
    kernel = step.writes[0][0] if step.writes else 0
    return group_channels(layer, shape, kernel)[0], kernel


# The last matrices made: a step changes only what is lit, not M.
_cache: dict[tuple[int, int, int, int], tuple[object, np.ndarray, Im2col]] = {}


def _matrices(
    evaluation: Evaluation, number: int, channel: int, kernel: int
) -> tuple[np.ndarray, Im2col]:
    key = (id(evaluation), number, channel, kernel)
    known = _cache.get(key)
    if known is not None and known[0] is evaluation:
        return known[1], known[2]
    layer, x = evaluation.layers[number], evaluation.maps[number]
    shape = (x.shape[0], x.shape[1], x.shape[2])
    matrix = layer_matrix(layer, shape, channel, kernel)
    matrix.flags.writeable = False
    form = layer_im2col(layer, x, kernel)
    _cache.clear()
    _cache[key] = (evaluation, matrix, form)
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


__all__ = ["MatrixChoice", "MatrixPicture", "matrix_choice_of", "matrix_picture", "refusal_text"]
