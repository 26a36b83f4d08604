"""How much work a scene asks for, known before anything is computed.

A scene file of a few hundred bytes can ask for billions of multiply-adds (padding 4096,
a 300×300 kernel): :func:`check_budget` refuses it at once, with the figures, instead of
letting the engine run for minutes or exhaust memory. The estimate uses shapes only and
builds no array.

What is made of the output is counted too, one estimate per kind: printing it as text,
JSON or CSV (:data:`OUTPUT_KINDS`) costs time and memory for every value, and a GIF holds
every frame (:func:`estimate_gif`). A 95-byte scene padded by 4000 has a cheap
convolution but 64 million values to print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..engine import ConvSettingsError, as_pair, resolve_padding
from ..engine import conv as _conv
from ..engine.layers import Conv2d, Layer, Pool2d, Shape, pool_output_size
from .i18n import translate
from .scene import Scene

WORK_BUDGET_MACS = 10**9
MEMORY_BUDGET_BYTES = 2**30
_FLOAT_BYTES = 8  # the engine computes in float64
# Values printed or written as text, JSON or CSV: about a microsecond each, so this is
# seconds of work, as the budget of multiply-adds is.
OUTPUT_BUDGET_VALUES = 2_000_000
# The peak memory of each kind of output, per value printed (measured with tracemalloc on a
# million fractions: the formatted pieces, the whole text, and its encoded bytes). JSON
# prints the last output twice from one list of numbers: 55 to 63 bytes a value printed.
_OUTPUT_BYTES = {"text": 100, "json": 65, "csv": 40}
OUTPUT_KINDS = tuple(_OUTPUT_BYTES)
# A GIF keeps its 256-colour frames, a byte a pixel, until it is written; drawing and
# encoding one frame needs about 30 bytes a pixel more (the window drawn at that size, its
# ARGB and RGB copies, Pillow's palette and optimizer). Measured peaks: 16 frames at
# 1920×1080, 211 MB; at 3840×2160, 507 MB; 4 and 16 frames at 7680×4320, 1.17 and 1.58 GB.
GIF_BYTES_PER_PIXEL = 1
_FRAME_BYTES_PER_PIXEL = 30


@dataclass(frozen=True)
class Work:
    """What computing a scene's output costs.

    Attributes
    ----------
    macs
        Multiply-adds of the whole output (of every layer; see :func:`estimate_work`).
    memory_bytes
        Peak memory of the arrays the engine holds: the input, every layer's output, and
        the working arrays of the layer computing (a convolution's padded copy and bands).
    written_values
        Values printed or written.
    """

    macs: int
    memory_bytes: int
    written_values: int = 0


class BudgetError(ValueError):
    """A scene that needs more work or memory than the budget; ``str()`` gives the figures.

    Attributes
    ----------
    work
        The scene's estimated work.
    """

    def __init__(
        self,
        work: Work,
        macs_budget: int,
        memory_budget: int,
        values_budget: int = OUTPUT_BUDGET_VALUES,
    ) -> None:
        self.work = work
        if work.macs <= macs_budget and work.memory_bytes <= memory_budget:
            super().__init__(
                #: {0} and {1} are counts ("64 million", "2 million").
                translate(
                    "Budget",
                    "This scene's output has {0} values to print or write; the budget is {1}.",
                ).format(_count(work.written_values), _count(values_budget))
            )
            return
        macs, memory = _count(work.macs), _bytes(work.memory_bytes)
        macs_limit, memory_limit = _count(macs_budget), _bytes(memory_budget)
        # A need just past the budget rounds to the budget's own figure: say so.
        if work.macs > macs_budget and macs == macs_limit:
            macs = translate("Budget", "just over {0}").format(macs)
        if work.memory_bytes > memory_budget and memory == memory_limit:
            memory = translate("Budget", "just over {0}").format(memory)
        super().__init__(
            #: {0} and {2} are counts ("1.04 billion"), {1} and {3} sizes ("3 GB", "544 bytes").
            translate(
                "Budget", "This scene needs {0} multiply-adds and {1}; the budget is {2} and {3}."
            ).format(macs, memory, macs_limit, memory_limit)
        )


def estimate_work(scene: Scene, outputs: Iterable[str] = ()) -> Work:
    """Estimate the multiply-adds and peak memory of computing every layer of *scene*.

    Only shapes are used (the engine's own padding rules and band sizes), so the estimate
    costs microseconds whatever the scene asks for. Settings the engine will refuse are
    estimated as if unpadded (a layer that has no output adds nothing); the engine reports
    them.

    Every map is kept (the input and each layer's output: a stack's are all printed), and
    one layer works at a time, so the peak is every map plus the largest layer's working
    arrays. A convolution's multiply-adds are its own; pooling counts one operation per
    cell each window reads and an activation one per cell, work of the same order.

    Parameters
    ----------
    scene
        The scene to estimate.
    outputs
        What is made of the output, each of :data:`OUTPUT_KINDS` (``"text"``, ``"json"``,
        ``"csv"``): its memory is added, and its values counted as written. Text prints
        every layer's output, JSON the last one and every layer's (its ``"layers"``), CSV
        the last one.

    Returns
    -------
    Work
        The multiply-adds, the peak bytes and the values written.
    """
    shape = scene.input.shape
    macs, cells, working = 0, shape[0] * shape[1] * shape[2], 0
    sizes = []  # values of each layer's output
    for layer in scene.layers:
        layer_macs, shape, layer_working = _layer_work(layer, (shape[0], shape[1], shape[2]))
        macs += layer_macs
        sizes.append(shape[0] * shape[1] * shape[2])
        cells += sizes[-1]
        working = max(working, layer_working)
    # JSON holds the last output twice: as "output", and in "layers" with every layer's.
    printed = {"text": sum(sizes), "json": sizes[-1] + sum(sizes), "csv": sizes[-1]}
    kinds = list(outputs)
    # The output is made once it is computed: the working arrays are gone by then.
    written = sum(printed[kind] * _OUTPUT_BYTES[kind] for kind in kinds)
    return Work(
        macs=macs,
        memory_bytes=(cells + working) * _FLOAT_BYTES + written,
        written_values=sum(printed[kind] for kind in kinds),
    )


def _layer_work(layer: Layer, shape: Shape) -> tuple[int, Shape, int]:
    """``(operations, output shape, working cells)`` of *layer* on a map of *shape*."""
    if isinstance(layer, Conv2d):
        return _conv_work(layer, shape)
    c, h, w = shape
    if isinstance(layer, Pool2d):
        try:
            window = layer.window()
        except ConvSettingsError:
            return 0, (c, 0, 0), 0
        # torch's size rule alone: the layer's own check lists every window's taps.
        ho, wo = (
            max(
                0,
                pool_output_size(
                    (h, w)[axis],
                    window.kernel[axis],
                    window.stride[axis],
                    window.padding[axis],
                    window.dilation[axis],
                    layer.ceil_mode,
                ),
            )
            for axis in (0, 1)
        )
        (kh, kw), (ph, pw) = window.kernel, window.padding
        # A padded copy, and a few output-sized arrays at a time (the tap, the running
        # result; for max also the winner's row and column).
        padded = c * (h + 2 * ph + window.stride[0]) * (w + 2 * pw + window.stride[1])
        temporaries = 6 if layer.kind == "max_pool2d" else 3
        return c * ho * wo * kh * kw, (c, ho, wo), padded + temporaries * c * ho * wo
    # An activation: one operation per cell, and a temporary or two of the map's size.
    return c * h * w, shape, 2 * c * h * w


def _conv_work(layer: Conv2d, shape: Shape) -> tuple[int, Shape, int]:
    """``(multiply-adds, output shape, working cells)`` of a convolution: its padded copy
    of the input and the engine's working bands."""
    c_in, h, w = shape
    c_out, depth, kh, kw = layer.kernels.shape
    groups = max(1, layer.groups)
    stride, dilation = as_pair(layer.stride, "stride"), as_pair(layer.dilation, "dilation")
    try:
        top, bottom, left, right = resolve_padding(layer.padding, (kh, kw), dilation, stride)
    except ConvSettingsError:
        top = bottom = left = right = 0
    hp, wp = h + top + bottom, w + left + right
    (sh, sw), (dh, dw) = stride, dilation
    ho = max(0, (hp - dh * (kh - 1) - 1) // max(1, sh) + 1)
    wo = max(0, (wp - dw * (kw - 1) - 1) // max(1, sw) + 1)
    macs = c_out * ho * wo * depth * kh * kw
    cells = 0
    if top or bottom or left or right:
        cells += c_in * hp * wp  # conv2d pads into a new array
    # The working band of conv.py's _correlate: a scratch band of output rows with one
    # channel per group, else an im2col band and its matmul product.
    if depth == 1:
        rows = min(ho, max(1, _conv._BAND_BYTES // max(1, c_out * wo * _FLOAT_BYTES)))
        cells += c_out * rows * wo
    else:
        taps = depth * kh * kw
        rows = min(ho, max(1, _conv._IM2COL_BYTES // max(1, groups * taps * wo * _FLOAT_BYTES)))
        cells += groups * taps * rows * wo + c_out * rows * wo
    return macs, (c_out, ho, wo), cells


def estimate_gif(frames: int, width: int, height: int) -> Work:
    """Estimate the peak memory of drawing and encoding a GIF of *frames* at *width*×*height*.

    Returns
    -------
    Work
        No multiply-adds (the convolution is counted apart), and the peak bytes.
    """
    pixels = width * height
    return Work(
        macs=0, memory_bytes=GIF_BYTES_PER_PIXEL * frames * pixels + _FRAME_BYTES_PER_PIXEL * pixels
    )


def most_gif_frames(width: int, height: int, memory_budget: int = MEMORY_BUDGET_BYTES) -> int:
    """The most frames a GIF at *width*×*height* may have within *memory_budget* (maybe 0)."""
    pixels = max(1, width * height)
    left = memory_budget - _FRAME_BYTES_PER_PIXEL * pixels
    return max(0, left // (GIF_BYTES_PER_PIXEL * pixels))


def check_budget(
    scene: Scene,
    *,
    outputs: Iterable[str] = (),
    macs_budget: int = WORK_BUDGET_MACS,
    memory_budget: int = MEMORY_BUDGET_BYTES,
    values_budget: int = OUTPUT_BUDGET_VALUES,
) -> Work:
    """Refuse *scene* if computing it, and making *outputs* of it, needs more than the budget.

    Parameters
    ----------
    scene
        The scene to check.
    outputs
        What is made of the output (see :func:`estimate_work`).
    macs_budget, memory_budget, values_budget
        The most multiply-adds, bytes and values written allowed.

    Returns
    -------
    Work
        The estimate, when it is within the budget.

    Raises
    ------
    BudgetError
        When the multiply-adds, the memory or the values written exceed the budget.
    """
    work = estimate_work(scene, outputs)
    if (
        work.macs > macs_budget
        or work.memory_bytes > memory_budget
        or work.written_values > values_budget
    ):
        raise BudgetError(work, macs_budget, memory_budget, values_budget)
    return work


# A training step is the forward pass, then the backward pass's dL/dx and dL/dW, each
# about as many multiply-adds as the forward pass.
TRAINING_PASSES = 3
# Each layer of each step also costs numpy calls whatever its size: about 0.3 ms a layer,
# measured on the worked example, where a multiply-add of a large step costs about 2.5 ns;
# counted as this many multiply-adds, so that 10⁹ stay a few seconds of work.
STEP_LAYER_OVERHEAD = 100_000
# What a run keeps and prints per step: the loss, as a float and as JSON text.
_LOSS_BYTES = 64


class TrainingBudgetError(BudgetError):
    """A training run that needs more work or memory than the budget; ``str()`` says how
    many steps the budget allows."""

    def __init__(self, work: Work, steps: int, most_steps: int, macs_budget: int) -> None:
        self.work = work
        self.most_steps = most_steps
        if most_steps < 1:
            text = translate(
                "Budget",
                "Training this scene needs {0} multiply-adds a step; the budget is {1}.",
            ).format(_count(work.macs // max(1, steps)), _count(macs_budget))
        else:
            #: {0} and {3} are numbers of steps, {1} and {2} counts ("1.04 billion")
            text = translate(
                "Budget",
                "Training this scene for {0} steps needs about {1} multiply-adds; the budget "
                "is {2}: use at most {3} steps.",
            ).format(f"{steps:,}", _count(work.macs), _count(macs_budget), f"{most_steps:,}")
        ValueError.__init__(self, text)


def estimate_training(scene: Scene, steps: int, gradients: bool = False) -> Work:
    """Estimate the work of *steps* training steps of *scene* (see :func:`estimate_work`).

    Each step counts :data:`TRAINING_PASSES` times the forward pass's multiply-adds and
    :data:`STEP_LAYER_OVERHEAD` for each layer; the memory is every map and its gradient
    (twice the forward pass's) and each step's loss; the values written are the losses and
    the weights, and with *gradients* (``train --json --gradients``) the gradient of every
    layer's input and weights, printed as JSON.
    """
    work = estimate_work(scene)
    per_step = TRAINING_PASSES * work.macs + STEP_LAYER_OVERHEAD * len(scene.layers)
    weights = sum(getattr(layer, "kernels", np.zeros(0)).size for layer in scene.layers)
    written = steps + weights
    if gradients:
        shape = scene.input.shape
        for layer in scene.layers:
            written += shape[0] * shape[1] * shape[2]  # dL/d(this layer's input)
            _, shape, _ = _layer_work(layer, (shape[0], shape[1], shape[2]))
        written += weights
    return Work(
        macs=steps * per_step,
        memory_bytes=(
            2 * work.memory_bytes + _LOSS_BYTES * steps + _OUTPUT_BYTES["json"] * (written - steps)
        ),
        written_values=written,
    )


def check_training_budget(
    scene: Scene,
    steps: int,
    *,
    gradients: bool = False,
    macs_budget: int = WORK_BUDGET_MACS,
    memory_budget: int = MEMORY_BUDGET_BYTES,
    values_budget: int = OUTPUT_BUDGET_VALUES,
) -> Work:
    """Refuse *steps* training steps of *scene* beyond the budget, before any work.

    Raises
    ------
    TrainingBudgetError
        Too many multiply-adds: says how many steps fit.
    BudgetError
        Too much memory or too many values written.
    """
    work = estimate_training(scene, steps, gradients)
    if work.macs > macs_budget:
        per_step = work.macs // max(1, steps)
        raise TrainingBudgetError(work, steps, macs_budget // max(1, per_step), macs_budget)
    if work.memory_bytes > memory_budget or work.written_values > values_budget:
        raise BudgetError(work, macs_budget, memory_budget, values_budget)
    return work


def _figure(value: float) -> str:
    # Two decimals below 10, so 1.04 billion does not read as the budget's 1 billion.
    return f"{value:.{2 if value < 10 else 1}f}".rstrip("0").rstrip(".")


def _count(n: int) -> str:
    """*n* in words: "1.04 billion", "3.2 million", "999,999"."""
    if n >= 10**9:
        return translate("Budget", "{0} billion").format(_figure(n / 10**9))
    if n >= 10**6:
        return translate("Budget", "{0} million").format(_figure(n / 10**6))
    return f"{n:,}"


def _bytes(n: int) -> str:
    # The units' symbols are the same in every language; "bytes" is a word.
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if n >= size:
            return f"{_figure(n / size)} {unit}"
    return translate("Budget", "{0} bytes").format(n)


__all__ = [
    "GIF_BYTES_PER_PIXEL",
    "MEMORY_BUDGET_BYTES",
    "OUTPUT_BUDGET_VALUES",
    "OUTPUT_KINDS",
    "STEP_LAYER_OVERHEAD",
    "TRAINING_PASSES",
    "WORK_BUDGET_MACS",
    "BudgetError",
    "TrainingBudgetError",
    "Work",
    "check_budget",
    "check_training_budget",
    "estimate_gif",
    "estimate_training",
    "estimate_work",
    "most_gif_frames",
]
