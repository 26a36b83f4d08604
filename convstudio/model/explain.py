"""Sentences and formulas that explain the current settings, with their numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import ConvSettingsError, as_pair, resolve_padding
from .document import Evaluation
from .i18n import translate
from .numbers import format_number
from .scene import Scene


@dataclass(frozen=True)
class SizeExplanation:
    """The output-size formula per axis, written out with the current numbers.

    Attributes
    ----------
    formulas
        ``(rows, columns)``, e.g. ``"⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"``.
    notes
        Plain sentences: inexact divisions and what they leave out, dilated extents.
    """

    formulas: tuple[str, str]
    notes: list[str] = field(default_factory=list)


def _dilation_note(axis: int, dilation: int, taps: int, extent: int) -> str:
    """The note on a dilated kernel's extent along *axis* (0: rows, 1: columns)."""
    spread = f"{dilation}·({taps}−1)+1"
    if axis == 0:
        #: {0} is the dilation, {1} the kernel's size, {2} a formula (2·(3−1)+1), {3} a number.
        text = translate("Explain", "Dilation {0}: the kernel's {1} taps span {2} = {3} rows.")
    else:
        text = translate("Explain", "Dilation {0}: the kernel's {1} taps span {2} = {3} columns.")
    return text.format(dilation, taps, spread, extent)


def _unreached_note(axis: int, division: str, count: int) -> str:
    """The note on the last *count* padded rows (axis 0) or columns (1) no step reaches."""
    if axis == 0:
        if count == 1:
            #: {0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} a number.
            text = translate("Explain", "{0} is not whole: the last {1} row is never reached.")
        else:
            text = translate("Explain", "{0} is not whole: the last {1} rows are never reached.")
    elif count == 1:
        text = translate("Explain", "{0} is not whole: the last {1} column is never reached.")
    else:
        text = translate("Explain", "{0} is not whole: the last {1} columns are never reached.")
    return text.format(division, count)


def _unreached_both_note(division: str, rows: int, columns: int) -> str:
    """The note when both axes divide alike: the same count of rows and of columns."""
    if rows == 1:
        #: {0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} and {2} are numbers.
        text = translate(
            "Explain", "{0} is not whole: the last {1} row and {2} column are never reached."
        )
    else:
        text = translate(
            "Explain", "{0} is not whole: the last {1} rows and {2} columns are never reached."
        )
    return text.format(division, rows, columns)


def explain_size(scene: Scene) -> SizeExplanation | None:
    """Write ⌊(n + 2p − f)/s⌋ + 1 out for both axes; ``None`` when padding cannot be resolved,
    or when the scene has no convolution (transposed ones alone: their size is in Costs)."""
    if not scene.has_conv:
        return None
    _, h, w = scene.input.shape
    _, _, kh, kw = scene.kernels.shape
    stride = as_pair(scene.stride)
    dilation = as_pair(scene.dilation)
    try:
        top, bottom, left, right = resolve_padding(scene.padding, (kh, kw), dilation, stride)
    except ConvSettingsError:
        return None
    formulas: list[str] = []
    notes: list[str] = []
    left_over: list[tuple[str, int]] = []  # (division text, padded cells never reached)
    for axis, (n, f, before, after) in enumerate(((h, kh, top, bottom), (w, kw, left, right))):
        s, d = stride[axis], dilation[axis]
        extent = d * (f - 1) + 1
        pad_text = f"2·{before}" if before == after else f"{before} + {after}"
        numerator = n + before + after - extent
        if numerator < 0:
            size = f"⌊({n} + {pad_text} − {extent})/{s}⌋ + 1"
            #: {0} is the output-size formula, such as ⌊(6 + 2·0 − 7)/1⌋ + 1.
            formulas.append(translate("Explain", "{0} < 1: the kernel does not fit").format(size))
            left_over.append(("", 0))
            continue
        formulas.append(f"⌊({n} + {pad_text} − {extent})/{s}⌋ + 1 = {numerator // s + 1}")
        if d > 1:
            notes.append(_dilation_note(axis, d, f, extent))
        division = f"({n} + {pad_text} − {extent})/{s} = {format_number(numerator / s)}"
        left_over.append((division, numerator % s))
    (rows_text, rows_left), (cols_text, cols_left) = left_over
    if rows_left and cols_left and rows_text == cols_text:
        # The same division leaves the same count on both axes.
        notes.append(_unreached_both_note(rows_text, rows_left, cols_left))
    else:
        for axis, (text, count) in enumerate(left_over):
            if count:
                notes.append(_unreached_note(axis, text, count))
    return SizeExplanation((formulas[0], formulas[1]), notes)


def equation_terms(values: list[float], weights: list[float]) -> str:
    """``18×1 + 54×0 + …`` for one channel's products (negative numbers in parentheses)."""

    def show(v: float) -> str:
        text = format_number(v)
        return f"({text})" if v < 0 else text

    return " + ".join(f"{show(v)}×{show(k)}" for v, k in zip(values, weights, strict=True))


@dataclass(frozen=True)
class Costs:
    """What a layer with these settings holds and costs.

    Attributes
    ----------
    input_shape, output_shape
        ``(C, H, W)``.
    weights, biases
        Counts: ``C_out·(C_in/groups)·kH·kW`` and ``C_out`` (or 0).
    macs_per_output, macs
        Multiply-accumulates for one output value and for the whole output.
    receptive_field
        ``(rows, columns, channels)`` of input one output value depends on.
    """

    input_shape: tuple[int, int, int]
    output_shape: tuple[int, int, int]
    weights: int
    biases: int
    macs_per_output: int
    macs: int
    receptive_field: tuple[int, int, int]

    @property
    def parameters(self) -> int:
        return self.weights + self.biases

    @property
    def fully_connected_parameters(self) -> int:
        """What a fully connected layer from this input to this output would need."""
        c, h, w = self.input_shape
        oc, oh, ow = self.output_shape
        return fully_connected_parameters(c * h * w, oc * oh * ow)


def fully_connected_parameters(inputs: int, outputs: int) -> int:
    """Weights and biases of a fully connected layer of *outputs* neurons over *inputs*
    values: a weight from every input value to every neuron, and a bias per neuron
    (the lesson's 1000×1000×3 image into 1000 neurons: 3 000 000 000 weights)."""
    return inputs * outputs + outputs


def layer_costs(evaluation: Evaluation) -> Costs | None:
    """The costs of the evaluated scene, or ``None`` when its settings are impossible."""
    if evaluation.problem is None:
        return None
    g = evaluation.problem.geometry
    weights = g.out_channels * g.channels_per_group * g.kernel_height * g.kernel_width
    return Costs(
        input_shape=(g.in_channels, g.in_height, g.in_width),
        output_shape=g.output_shape,
        weights=weights,
        biases=g.out_channels if g.has_bias else 0,
        macs_per_output=g.macs_per_output,
        macs=g.macs,
        receptive_field=(*g.extent, g.channels_per_group),
    )


def _torch_value(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def torch_call(scene: Scene) -> str:
    """The ``torch.nn.Conv2d(...)`` call that computes what the scene shows."""
    out_channels, _, kh, kw = scene.kernels.shape
    if scene.padding == "full":
        # torch has no 'full': write the rings it stands for, d·(k−1) per side.
        full = (scene.dilation[0] * (kh - 1), scene.dilation[1] * (kw - 1))
        padding = _torch_value(full)
    elif isinstance(scene.padding, str):
        padding = repr(scene.padding)
    else:
        padding = _torch_value(scene.padding)
    arguments = [
        f"in_channels={scene.input.shape[0]}",
        f"out_channels={out_channels}",
        f"kernel_size={_torch_value((kh, kw))}",
        f"stride={_torch_value(scene.stride)}",
        f"padding={padding}",
        f"dilation={_torch_value(scene.dilation)}",
        f"groups={scene.groups}",
        f"bias={scene.bias is not None}",
        f"padding_mode={scene.padding_mode!r}",
    ]
    call = "torch.nn.Conv2d(\n    " + ",\n    ".join(arguments) + ",\n)"
    if scene.flip:
        #: A comment under Python code: each line becomes a "# " line; {0} is Python code.
        comment = translate(
            "Explain",
            "ConvStudio flips each kernel here (true convolution); Conv2d does not:\n"
            "give it the flipped weights, {0}.",
        ).format("weight.flip(-2, -1)")
        call += "".join(f"\n# {line}" for line in comment.splitlines())
    return call
