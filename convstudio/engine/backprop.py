"""One training step of a stack, number by number: the backward pass and the update as
steps, each with the terms of its equation, in the order a class follows them.

The order is the chain rule's, from the loss back to the first layer:

1. ``"loss"``: dL/dY of the last layer, one step per output value, 2(Y − T)/N;
2. for each layer from the last to the first:

   - ``"kernels"`` and ``"bias"`` (a layer with weights): one step per weight, the sum over
     the output positions of dL/dY times the input value that weight met there (a bias met
     1 everywhere: the sum of dL/dY);
   - ``"input"`` (every layer but the first: nothing learns from the input's gradient): one
     step per forward step, sending that step's dL/dY back to the cells it read, as the
     forward step weighed them (a convolution's weights: a transposed convolution, scattered;
     max pooling: all of it to the winner; average pooling: an equal share to each counted
     cell; an activation: times its local derivative). The input's gradient is the running
     sum of these scatters. A transposed convolution stepped by scatter is undone the other
     way: each input cell gathers the dL/dY of the cells it was sent to, times the weights;

3. ``"update"``: one step per weight, W − η·dL/dW.

Every step is built from the forward pass's own :class:`~.base.LayerStep`, so that a layer
is stepped backwards exactly as it was stepped forwards; the sums agree with
:func:`.stack.backward` (tests check it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .conv import pad
from .layers import Conv2d, ConvTranspose2d, Layer, LayerStep
from .layers.base import Cell
from .training import train_step


@dataclass(frozen=True)
class GradStep:
    """One number of the backward pass (or of the update) and its equation's terms.

    Attributes
    ----------
    part
        ``"loss"``, ``"kernels"``, ``"bias"``, ``"input"`` or ``"update"``.
    layer
        The layer (0-based) whose dL/dY, parameters or input gradient this is; for
        ``"loss"`` the last layer.
    writes
        The elements this step adds to, in the part's own array: cells ``(c, r, col)`` of a
        map (``"loss"``, ``"input"``), ``(o, c, i, j)`` of the kernels, ``(o,)`` of the bias.
        An ``"input"`` step scatters to several cells; the others write one element.
    grads
        dL/dY values the step reads (for ``"loss"``: the output value Y; for ``"update"``:
        the weight's gradient).
    grad_cells
        Where each of *grads* is in the layer's dL/dY (``"kernels"``/``"bias"``: one per
        output position; ``"input"``: the one cell being sent back; ``"loss"``: the output
        cell; ``"update"``: the weight).
    factors
        What each is multiplied by (``"kernels"``: the input values the weight met;
        ``"input"``: one per write; ``"loss"``: the target; ``"update"``: the old weight).
    factor_cells
        For ``"kernels"``, the input cell each factor came from (``None``: padding); else
        empty.
    rule
        How the factors were chosen: ``"conv2d"``, ``"max"``, ``"mean"``, an activation's
        name, or the part's name for ``"loss"``, ``"kernels"``, ``"bias"``, ``"update"``.
    result
        The value written: dL/dY (``"loss"``), the gradient (``"kernels"``, ``"bias"``),
        the new weight (``"update"``); for ``"input"``, *grads*[0] (the step adds
        ``grads[0] × factor`` to each write).
    """

    part: str
    layer: int
    writes: tuple[tuple[int, ...], ...]
    grads: tuple[float, ...]
    grad_cells: tuple[tuple[int, ...], ...]
    factors: tuple[float, ...]
    result: float
    rule: str
    factor_cells: tuple[Cell | None, ...] = ()

    def contributions(self) -> list[tuple[tuple[int, ...], float]]:
        """What an ``"input"`` step adds to the input's gradient, cell by cell: one dL/dY
        times each factor, or (a scattering layer's step, undone) the sum of several."""
        if self.rule == "scatter":
            total = sum(g * f for g, f in zip(self.grads, self.factors, strict=True))
            return [(self.writes[0], total)]
        return [
            (cell, self.grads[0] * f) for cell, f in zip(self.writes, self.factors, strict=True)
        ]


@dataclass(frozen=True)
class Section:
    """A run of steps of one part of one layer."""

    part: str
    layer: int
    count: int
    parameter: str = ""


def _derivative(step: LayerStep, negative_slope: float = 0.01) -> float:
    """An activation's local derivative at the step's input, from the step's own numbers
    (a leaky ReLU's slope at 0 is its *negative_slope*, as torch's and the engine's
    backward take it: the step's numbers cannot tell it there)."""
    value, result = step.values[0], step.result
    if step.operation == "relu":
        return 1.0 if value > 0 else 0.0
    if step.operation == "leaky_relu":
        return 1.0 if value > 0 else (result / value if value else negative_slope)
    if step.operation == "sigmoid":
        return result * (1.0 - result)
    if step.operation == "tanh":
        return 1.0 - result * result
    raise ValueError(f"no local derivative for {step.operation!r}")


def send_back(
    step: LayerStep, negative_slope: float = 0.01
) -> tuple[tuple[Cell, ...], tuple[float, ...]]:
    """The input cells a forward step's dL/dY goes back to, and what it is multiplied by
    for each: the rule of the forward step, read from its own terms (padding gets nothing;
    *negative_slope*: a leaky ReLU's, for an input of exactly 0)."""
    cells: list[Cell] = []
    factors: list[float] = []
    if step.operation == "conv2d":
        for cell, weight in zip(step.reads, step.weights, strict=True):
            if cell is not None:
                cells.append(cell)
                factors.append(weight)
    elif step.operation == "max":
        # The winner gets dL/dY, the window's other cells 0: written too, so that a map
        # of the gradient shows those zeros as known, not as still to come.
        assert step.winner is not None
        assert step.reads[step.winner] is not None  # padding never wins
        for number, cell in enumerate(step.reads):
            if cell is not None:
                cells.append(cell)
                factors.append(1.0 if number == step.winner else 0.0)
    elif step.operation == "mean":
        assert step.divisor is not None
        for cell in step.reads:
            if cell is not None:
                cells.append(cell)
                factors.append(1.0 / step.divisor)
    else:
        cell = step.reads[0]
        assert cell is not None
        cells.append(cell)
        factors.append(_derivative(step, negative_slope))
    return tuple(cells), tuple(factors)


class TrainingSteps:
    """The backward pass and update of one training step, stepped.

    Parameters
    ----------
    layers
        The stack.
    x
        The input, ``(C, H, W)`` (or ``(H, W)``).
    target
        The target, the last layer's output shape.
    lr
        The learning rate η.
    """

    def __init__(
        self, layers: Sequence[Layer], x: np.ndarray, target: np.ndarray, lr: float
    ) -> None:
        self.layers = tuple(layers)
        self.lr = float(lr)
        # The training step itself: its forward pass, gradients and updated layers.
        self._done = train_step(self.layers, x, target, self.lr)
        self.maps = list(self._done.maps)
        self.target = np.asarray(target, dtype=np.float64).reshape(self.maps[-1].shape)
        self.loss = self._done.loss
        grad = self._done.grad_output
        assert grad is not None
        # dL/dY of every layer: grad_outputs[m] is dL/d(output of layer m).
        self.gradients = self._done.gradients
        self.grad_outputs = [g.input for g in self.gradients[1:]] + [grad]
        self.sections = self._sections()

    def _sections(self) -> list[Section]:
        last = len(self.layers) - 1
        sections = [Section("loss", last, self.maps[-1].size)]
        for index in range(last, -1, -1):
            layer, x = self.layers[index], self.maps[index]
            params = self.gradients[index].parameters
            for name in ("kernels", "bias"):
                if name in params:
                    sections.append(Section(name, index, params[name].size))
            if index > 0:
                shape = (x.shape[0], x.shape[1], x.shape[2])
                sections.append(Section("input", index, layer.step_count(shape)))
        # Every weight is updated after the whole backward pass, first layer first: the
        # update needs every gradient, and a later layer's needs the old weights of none.
        for index, gradients in enumerate(self.gradients):
            for name in ("kernels", "bias"):
                if name in gradients.parameters:
                    size = gradients.parameters[name].size
                    sections.append(Section("update", index, size, parameter=name))
        return sections

    @cached_property
    def n_steps(self) -> int:
        """How many steps the backward pass and update take."""
        return sum(section.count for section in self.sections)

    def locate(self, index: int) -> tuple[int, int]:
        """``(section, step within it)`` of step *index*."""
        if not 0 <= index < self.n_steps:
            raise IndexError(f"step {index} is outside 0..{self.n_steps - 1}")
        for number, section in enumerate(self.sections):
            if index < section.count:
                return number, index
            index -= section.count
        raise AssertionError("unreachable")

    def offset(self, section: int) -> int:
        """The index of the first step of *section*."""
        return sum(s.count for s in self.sections[:section])

    def step(self, index: int) -> GradStep:
        """Step *index* of the backward pass and update, computed on demand."""
        number, k = self.locate(index)
        section = self.sections[number]
        if section.part == "loss":
            return self._loss_step(k)
        if section.part == "input":
            return self._input_step(section.layer, k)
        if section.part == "update":
            return self._update_step(section.layer, k, section.parameter)
        return self._parameter_step(section.layer, section.part, k)

    def undone(self, index: int) -> tuple[int, LayerStep] | None:
        """The forward step whose ∂L/∂Y step *index* sends back (an ``"input"`` step): its
        layer and :class:`LayerStep`. ``None`` for the other parts."""
        number, k = self.locate(index)
        section = self.sections[number]
        if section.part != "input":
            return None
        layer = section.layer
        return layer, self.layers[layer].step(self.maps[layer], k)

    def _loss_step(self, k: int) -> GradStep:
        y, t = self.maps[-1], self.target
        cell = tuple(int(v) for v in np.unravel_index(k, y.shape))
        return GradStep(
            part="loss",
            layer=len(self.layers) - 1,
            writes=(cell,),
            grads=(float(y[cell]),),
            grad_cells=(cell,),
            factors=(float(t[cell]),),
            result=float(self.grad_outputs[-1][cell]),
            rule="loss",
        )

    def _input_step(self, index: int, k: int) -> GradStep:
        layer, x = self.layers[index], self.maps[index]
        forward = layer.step(x, k)
        grad_y = self.grad_outputs[index]
        if forward.operation == "scatter":
            # The forward step sent one input value to many cells: its gradient gathers
            # theirs back, each times the weight it was sent with.
            cell = forward.reads[0]
            assert cell is not None
            grads = tuple(float(grad_y[c]) for c in forward.writes)
            return GradStep(
                part="input",
                layer=index,
                writes=(cell,),
                grads=grads,
                grad_cells=forward.writes,
                factors=forward.weights,
                result=float(np.dot(grads, forward.weights)) if grads else 0.0,
                rule="scatter",
            )
        cells, factors = send_back(forward, float(getattr(layer, "negative_slope", 0.01)))
        out = forward.writes[0]
        return GradStep(
            part="input",
            layer=index,
            writes=cells,
            grads=(float(grad_y[out]),),
            grad_cells=(out,),
            factors=factors,
            result=float(grad_y[out]),
            rule=forward.operation,
        )

    def _parameter_step(self, index: int, name: str, k: int) -> GradStep:
        layer = self.layers[index]
        grad_y = self.grad_outputs[index]
        value = float(self.gradients[index].parameters[name].reshape(-1)[k])
        if name == "bias":
            cells = tuple((k, r, c) for r in range(grad_y.shape[1]) for c in range(grad_y.shape[2]))
            grads = tuple(float(grad_y[cell]) for cell in cells)
            return GradStep(
                part="bias",
                layer=index,
                writes=((k,),),
                grads=grads,
                grad_cells=cells,
                factors=(1.0,) * len(cells),
                result=value,
                rule="bias",
            )
        if isinstance(layer, ConvTranspose2d):
            return _transpose_kernel_step(layer, self.maps[index], grad_y, index, k, value)
        assert isinstance(layer, Conv2d), layer.kind
        return _kernel_step(layer, self.maps[index], grad_y, index, k, value)

    def _update_step(self, index: int, k: int, name: str) -> GradStep:
        layer = self.layers[index]
        old = np.asarray(getattr(layer, name), dtype=np.float64)
        element = tuple(int(v) for v in np.unravel_index(k, old.shape))
        grad = float(self.gradients[index].parameters[name][element])
        weight = float(old[element])
        return GradStep(
            part="update",
            layer=index,
            writes=(element,),
            grads=(grad,),
            grad_cells=(element,),
            factors=(weight,),
            result=weight - self.lr * grad,
            rule=name,
        )

    def input_progress(self, index: int, done: int) -> np.ndarray:
        """dL/dX of layer *index* after the first *done* of its ``"input"`` steps: the sum of
        the scatters so far (all of them: the layer's input gradient)."""
        total = np.zeros(self.maps[index].shape)
        for k in range(done):
            for cell, value in self._input_step(index, k).contributions():
                total[cell] += value
        return total

    def input_partial_sums(self, index: int) -> np.ndarray:
        """Every value dL/dX of layer *index* takes on the way, cell by cell, as its
        ``"input"`` steps add into it (the final values among them), flat and unordered.

        A layer that works channel by channel with windows that never share a cell (an
        activation; pooling whose window is no longer than its stride) writes each cell
        once: its partial sums are 0 and the final values, with no step computed.
        """
        final = self.grad_outputs[index - 1]
        if _writes_each_cell_once(self.layers[index]):
            return np.append(final.reshape(-1), 0.0)
        sums = np.zeros(final.shape)
        found = [0.0]
        for k in range(self.layers[index].step_count(_shape3(self.maps[index]))):
            for cell, value in self._input_step(index, k).contributions():
                sums[cell] += value
                found.append(float(sums[cell]))
        return np.asarray(found)

    def updated(self) -> list[Layer]:
        """The layers after the update W − η·dL/dW (every step done)."""
        return list(self._done.layers)


def _shape3(x: np.ndarray) -> tuple[int, int, int]:
    return (x.shape[0], x.shape[1], x.shape[2])


def _writes_each_cell_once(layer: Layer) -> bool:
    """Whether the backward steps of *layer* write each input cell at most once: it works
    channel by channel (neither kind of convolution) and no two windows share a cell."""
    if isinstance(layer, (Conv2d, ConvTranspose2d)):
        return False
    w = layer.window()
    return all(
        w.input_dilation[axis] == 1 and w.dilation[axis] * (w.kernel[axis] - 1) < w.stride[axis]
        for axis in (0, 1)
    )


def _kernel_step(
    layer: Conv2d, x: np.ndarray, grad_y: np.ndarray, index: int, k: int, value: float
) -> GradStep:
    """dL/dW for weight *k* of a convolution: Σ over output positions of dL/dY × the input
    value that weight met there (a padding cell of zero padding met nothing)."""
    g = layer.geometry((x.shape[0], x.shape[1], x.shape[2]))
    o, c, i, j = (int(v) for v in np.unravel_index(k, layer.kernels.shape))
    if layer.flip:  # a flipped kernel's tap (i, j) sits at the window's mirrored place
        i, j = g.kernel_height - 1 - i, g.kernel_width - 1 - j
    channel = (o // g.kernels_per_group) * g.channels_per_group + c
    xp = pad(x, g)
    (sh, sw), (dh, dw) = g.stride, g.dilation
    rows, cols = g.row_index(), g.col_index()
    grads, cells, factors, sources = [], [], [], []
    for r in range(g.out_height):
        pr = r * sh + i * dh
        for col in range(g.out_width):
            pc = col * sw + j * dw
            grads.append(float(grad_y[o, r, col]))
            cells.append((o, r, col))
            factors.append(float(xp[channel, pr, pc]))
            inside = rows[pr] >= 0 and cols[pc] >= 0
            sources.append((channel, int(rows[pr]), int(cols[pc])) if inside else None)
    kernel_index = tuple(int(v) for v in np.unravel_index(k, layer.kernels.shape))
    return GradStep(
        part="kernels",
        layer=index,
        writes=(kernel_index,),
        grads=tuple(grads),
        grad_cells=tuple(cells),
        factors=tuple(factors),
        result=value,
        rule="kernels",
        factor_cells=tuple(sources),
    )


def _transpose_kernel_step(
    layer: ConvTranspose2d, x: np.ndarray, grad_y: np.ndarray, index: int, k: int, value: float
) -> GradStep:
    """dL/dW for weight *k* ``(c, o, i, j)`` of a transposed convolution: Σ over the input
    cells of x times dL/dY at the output cell that weight sent x to (cut-off cells: none)."""
    c, local, i, j = (int(v) for v in np.unravel_index(k, layer.kernels.shape))
    out_shape = layer.output_shape((x.shape[0], x.shape[1], x.shape[2]))
    window = layer.window()
    (sh, sw), (dh, dw) = window.input_dilation, window.dilation
    pad_h = dh * (layer.kernels.shape[2] - 1) - window.padding[0]  # torch's padding
    pad_w = dw * (layer.kernels.shape[3] - 1) - window.padding[1]
    per_group = layer.kernels.shape[1]
    groups = layer.groups
    o = c // (x.shape[0] // groups) * per_group + local
    grads, cells, factors, sources = [], [], [], []
    for r in range(x.shape[1]):
        out_r = r * sh - pad_h + i * dh
        if not 0 <= out_r < out_shape[1]:
            continue
        for col in range(x.shape[2]):
            out_c = col * sw - pad_w + j * dw
            if 0 <= out_c < out_shape[2]:
                grads.append(float(grad_y[o, out_r, out_c]))
                cells.append((o, out_r, out_c))
                factors.append(float(x[c, r, col]))
                sources.append((c, r, col))
    return GradStep(
        part="kernels",
        layer=index,
        writes=((c, local, i, j),),
        grads=tuple(grads),
        grad_cells=tuple(cells),
        factors=tuple(factors),
        result=value,
        rule="kernels",
        factor_cells=tuple(sources),
    )
