"""What a stack of layers says in words and formulas: each step's equation with its numbers,
each layer's costs and receptive field (the recurrence written out), and the PyTorch code.

Everything here reads the engine's layer protocol (:class:`~convstudio.engine.layers.LayerStep`,
``window()``) and never asks a layer's type, except to spell its PyTorch call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..engine import as_pair
from ..engine.layers import (
    Activation,
    Conv2d,
    ConvTranspose2d,
    Layer,
    LayerStep,
    Length,
    Pool2d,
    Shape,
    shapes,
    transpose_output_size,
)
from .explain import equation_terms
from .i18n import translate
from .numbers import format_number

# A scatter step lists at most this many weights; more end in "…" (a 9×9 kernel's 81).
SCATTER_WEIGHTS = 9

# How an activation is written in an equation (the lesson's own notation).
FUNCTION_NAMES = {"relu": "ReLU", "leaky_relu": "LeakyReLU", "sigmoid": "σ", "tanh": "tanh"}


def _shown(value: float) -> str:
    """A number as the equations show it, with a real minus sign."""
    return format_number(value).replace("-", "−")


def step_equation(step: LayerStep) -> str:
    """The step's equation with its numbers.

    ``ReLU(−13) = 0``, ``max(1, 13, 9, 11) = 13``, ``(1 + 13 + 9 + 11) / 4 = 8.5``, a
    convolution's ``18×1 + 54×0 + … = 429`` (padding's zeros included, as the window shows),
    or a transposed convolution's scatter step, ``x = 3: 3 × (1, 0, 2, 1) added into 4 cells``.
    """
    if step.operation == "scatter":
        return _scatter_equation(step)
    result = _shown(step.result)
    if step.operation == "conv2d":
        terms = equation_terms(list(step.values), list(step.weights))
        if step.bias:
            terms += (
                f" + {format_number(step.bias)}" if step.bias > 0 else f" − {_shown(-step.bias)}"
            )
        return f"{terms} = {result}".replace("-", "−")
    if step.operation == "max":
        # Padding never wins a max: only the cells of the input are listed.
        values = [_shown(v) for v, cell in zip(step.values, step.reads, strict=True) if cell]
        return f"max({', '.join(values)}) = {result}"
    if step.operation == "mean":
        # The input's cells, then a 0 for each padding cell the divisor counts.
        inside = [v for v, cell in zip(step.values, step.reads, strict=True) if cell]
        assert step.divisor is not None
        counted = inside + [0.0] * (step.divisor - len(inside))
        total = " + ".join(_paren(v) for v in counted)
        return f"({total}) / {step.divisor} = {result}"
    name = FUNCTION_NAMES[step.operation]
    return f"{name}({_shown(step.values[0])}) = {result}"


def _scatter_equation(step: LayerStep) -> str:
    value = _shown(step.values[0])
    weights = [_shown(w) for w in step.weights[:SCATTER_WEIGHTS]]
    if len(step.weights) > SCATTER_WEIGHTS:
        weights.append("…")
    count = len(step.writes)
    if count == 0:
        #: A transposed convolution's step: {0} is the input value read.
        text = translate(
            "LayerExplain", "x = {0}: times the kernel, it lands only in the cut-off padding."
        )
        return text.format(value)
    if count == 1:
        #: A transposed convolution's step: {0} the input value, {1} the weights it is
        #: multiplied by (a list), {2} how many output cells the products are added into.
        text = translate("LayerExplain", "x = {0}: {0} × ({1}) added into {2} cell")
    else:
        text = translate("LayerExplain", "x = {0}: {0} × ({1}) added into {2} cells")
    return text.format(value, ", ".join(weights), count)


def _paren(value: float) -> str:
    text = _shown(value)
    return f"({text})" if value < 0 else text


def divisor_note(step: LayerStep, count_include_pad: bool) -> str | None:
    """What an average's divisor counts, when the window reaches into padding; else None."""
    if step.operation != "mean" or all(cell is not None for cell in step.reads):
        return None
    inside = sum(cell is not None for cell in step.reads)
    if count_include_pad:
        #: {0} is the divisor; {1} how many of the window's cells are the input's.
        text = translate(
            "LayerExplain",
            "The divisor {0} counts the padding too (the input gives {1} of the cells).",
        )
    else:
        text = translate(
            "LayerExplain", "The divisor {0} counts only the input's cells, not the padding."
        )
    return text.format(step.divisor, inside)


@dataclass(frozen=True)
class LayerRow:
    """One layer of the Costs table.

    Attributes
    ----------
    output_shape
        ``(C, H, W)``.
    parameters, macs
        Learned numbers and multiply-accumulates with them.
    receptive_field, jump
        ``(rows, cols)`` in input pixels (a :class:`~fractions.Fraction` when not whole,
        after a transposed convolution).
    recurrence
        ``(rows, cols)`` formulas, e.g. ``"r = 3 + (3 − 1)·1·1 = 5; j = 1·1 = 1"``; a layer
        that stuffs its input with zeros (a transposed convolution, input dilation u)
        divides by u: ``"r = 1 + (2 − 1)·1·1/2 = 3/2; j = 1/2·1 = 1/2"``.
    size_formula
        ``(rows, cols)``: how a transposed convolution's output size is found, with the
        numbers, ``"(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4"``; ``None`` for other layers.
    """

    output_shape: Shape
    parameters: int
    macs: int
    receptive_field: tuple[Length, Length]
    jump: tuple[Length, Length]
    recurrence: tuple[str, str]
    size_formula: tuple[str, str] | None = None


def length_text(value: Length) -> str:
    """A length in input pixels: ``5``, or a fraction ``3/2``."""
    return str(value)


def _factor(value: Fraction) -> str:
    """A length as a factor of a product: a fraction in parentheses, ``(1/2)``."""
    return str(value) if value.denominator == 1 else f"({value})"


def _whole(value: Fraction) -> Length:
    return int(value) if value.denominator == 1 else value


def size_formula(layer: ConvTranspose2d, size: int, axis: int) -> str:
    """``(H − 1)·s − 2p + d·(k − 1) + output_padding + 1 = …`` along *axis* (0: rows),
    with *layer*'s numbers for an input of *size* rows (or columns)."""
    s = as_pair(layer.stride, "stride")[axis]
    p = as_pair(layer.padding, "padding")[axis]
    op = as_pair(layer.output_padding, "output_padding")[axis]
    d = as_pair(layer.dilation, "dilation")[axis]
    k = layer.kernels.shape[2 + axis]
    out = transpose_output_size(size, k, s, p, d, op)
    return f"({size} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = {out}"


def layer_rows(layers: Sequence[Layer], input_shape: Shape) -> list[LayerRow]:
    """The Costs table of a stack, layer by layer, with the recurrence
    r = r_prev + (k − 1)·d·j_prev and j = j_prev·s written out.

    Raises
    ------
    StackLayerError
        When a layer cannot take its input (naming the layer).
    """
    sizes = shapes(layers, input_shape)
    rows: list[LayerRow] = []
    field, jump = [Fraction(1), Fraction(1)], [Fraction(1), Fraction(1)]
    for layer, before, after in zip(layers, sizes, sizes[1:], strict=False):
        window = layer.window()
        formulas = []
        for axis in (0, 1):
            k, d, s = window.kernel[axis], window.dilation[axis], window.stride[axis]
            u = window.input_dilation[axis]
            step = jump[axis] / u
            grown = field[axis] + (k - 1) * d * step
            # Stuffed with zeros (u > 1): the map's cells are j/u input pixels apart.
            j_text = _factor(jump[axis]) + (f"/{u}" if u > 1 else "")
            formulas.append(
                f"r = {field[axis]} + ({k} − 1)·{d}·{j_text} = {grown}; "
                f"j = {j_text}·{s} = {step * s}"
            )
            field[axis], jump[axis] = grown, step * s
        rows.append(
            LayerRow(
                output_shape=after,
                parameters=layer.parameter_count(before),
                macs=layer.macs(before),
                receptive_field=(_whole(field[0]), _whole(field[1])),
                jump=(_whole(jump[0]), _whole(jump[1])),
                recurrence=(formulas[0], formulas[1]),
                size_formula=(
                    (size_formula(layer, before[1], 0), size_formula(layer, before[2], 1))
                    if isinstance(layer, ConvTranspose2d)
                    else None
                ),
            )
        )
    return rows


def _pair_text(pair: object) -> str:
    """A torch argument: ``'same'``, ``3`` or ``(1, 2)``."""
    if isinstance(pair, str):
        return repr(pair)
    if isinstance(pair, int):
        return str(pair)
    assert isinstance(pair, (tuple, list))
    first, second = (int(v) for v in pair)
    return str(first) if first == second else f"({first}, {second})"


def torch_module(layer: Layer, input_shape: Shape) -> str:
    """The ``torch.nn`` module that computes *layer* on a map of *input_shape*."""
    if isinstance(layer, Conv2d):
        out_channels, _, kh, kw = layer.kernels.shape
        padding: object = layer.padding
        if padding == "full":
            padding = tuple(
                d * (k - 1) for d, k in zip(layer.window().dilation, (kh, kw), strict=True)
            )
        arguments = [
            str(input_shape[0]),
            str(out_channels),
            f"kernel_size={_pair_text((kh, kw))}",
            f"stride={_pair_text(layer.stride)}",
            f"padding={_pair_text(padding)}",
            f"dilation={_pair_text(layer.dilation)}",
            f"groups={layer.groups}",
            f"bias={layer.bias is not None}",
            f"padding_mode={layer.padding_mode!r}",
        ]
        return f"nn.Conv2d({', '.join(arguments)})"
    if isinstance(layer, ConvTranspose2d):
        _, per_group, kh, kw = layer.kernels.shape
        arguments = [
            str(input_shape[0]),
            str(per_group * layer.groups),
            f"kernel_size={_pair_text((kh, kw))}",
            f"stride={_pair_text(layer.stride)}",
            f"padding={_pair_text(layer.padding)}",
            f"output_padding={_pair_text(layer.output_padding)}",
            f"groups={layer.groups}",
            f"bias={layer.bias is not None}",
            f"dilation={_pair_text(layer.dilation)}",
        ]
        return f"nn.ConvTranspose2d({', '.join(arguments)})"
    if isinstance(layer, Activation):
        if layer.kind == "leaky_relu":
            return f"nn.LeakyReLU(negative_slope={format_number(layer.negative_slope)})"
        return {"relu": "nn.ReLU()", "sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()"}[layer.kind]
    if isinstance(layer, Pool2d):
        window = layer.window()
        arguments = [
            f"kernel_size={_pair_text(window.kernel)}",
            f"stride={_pair_text(window.stride)}",
            f"padding={_pair_text(window.padding)}",
        ]
        if layer.kind == "max_pool2d":
            arguments.append(f"dilation={_pair_text(window.dilation)}")
        arguments.append(f"ceil_mode={layer.ceil_mode}")
        if layer.kind == "avg_pool2d":
            arguments.append(f"count_include_pad={layer.count_include_pad}")
            return f"nn.AvgPool2d({', '.join(arguments)})"
        return f"nn.MaxPool2d({', '.join(arguments)})"
    raise TypeError(f"no torch module for {layer.kind!r}")


def torch_sequential(layers: Sequence[Layer], input_shape: Shape) -> str:
    """The ``torch.nn.Sequential(...)`` that computes the stack (``from torch import nn``)."""
    sizes = shapes(layers, input_shape)
    modules = [torch_module(layer, shape) for layer, shape in zip(layers, sizes, strict=False)]
    code = "nn.Sequential(\n" + "".join(f"    {module},\n" for module in modules) + ")"
    if any(isinstance(layer, Conv2d) and layer.flip for layer in layers):
        #: A comment under Python code; {0} is Python code.
        comment = translate(
            "LayerExplain",
            "ConvStudio flips the kernels of true convolutions; Conv2d does not: "
            "give it the flipped weights, {0}.",
        ).format("weight.flip(-2, -1)")
        code += f"\n# {comment}"
    return code
