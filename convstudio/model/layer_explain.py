"""What a stack of layers says in words and formulas: each step's equation with its numbers,
each layer's costs and receptive field (the recurrence written out), and the PyTorch code.

Everything here reads the engine's layer protocol (:class:`~convstudio.engine.layers.LayerStep`,
``window()``) and never asks a layer's type, except to spell its PyTorch call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..engine.layers import Activation, Conv2d, Layer, LayerStep, Pool2d, Shape, shapes
from .explain import equation_terms
from .i18n import translate
from .numbers import format_number

# How an activation is written in an equation (the lesson's own notation).
FUNCTION_NAMES = {"relu": "ReLU", "leaky_relu": "LeakyReLU", "sigmoid": "σ", "tanh": "tanh"}


def _shown(value: float) -> str:
    """A number as the equations show it, with a real minus sign."""
    return format_number(value).replace("-", "−")


def step_equation(step: LayerStep) -> str:
    """The step's equation with its numbers.

    ``ReLU(−13) = 0``, ``max(1, 13, 9, 11) = 13``, ``(1 + 13 + 9 + 11) / 4 = 8.5``, or a
    convolution's ``18×1 + 54×0 + … = 429`` (padding's zeros included, as the window shows).
    """
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
        ``(rows, cols)`` in input pixels.
    recurrence
        ``(rows, cols)`` formulas, e.g. ``"r = 3 + (3 − 1)·1·1 = 5; j = 1·1 = 1"``.
    """

    output_shape: Shape
    parameters: int
    macs: int
    receptive_field: tuple[int, int]
    jump: tuple[int, int]
    recurrence: tuple[str, str]


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
    field, jump = [1, 1], [1, 1]
    for layer, before, after in zip(layers, sizes, sizes[1:], strict=False):
        window = layer.window()
        formulas = []
        for axis in (0, 1):
            k, d, s = window.kernel[axis], window.dilation[axis], window.stride[axis]
            grown = field[axis] + (k - 1) * d * jump[axis]
            formulas.append(
                f"r = {field[axis]} + ({k} − 1)·{d}·{jump[axis]} = {grown}; "
                f"j = {jump[axis]}·{s} = {jump[axis] * s}"
            )
            field[axis], jump[axis] = grown, jump[axis] * s
        rows.append(
            LayerRow(
                output_shape=after,
                parameters=layer.parameter_count(before),
                macs=layer.macs(before),
                receptive_field=(field[0], field[1]),
                jump=(jump[0], jump[1]),
                recurrence=(formulas[0], formulas[1]),
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
