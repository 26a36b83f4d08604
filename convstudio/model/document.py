"""The document: the scene being edited, its evaluation, and undo/redo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from psygnal import Signal

from ..engine import ConvProblem, ConvSettingsError, as_pair
from ..engine.layers import Conv2d, Layer, LayerStep, StackLayerError
from ..engine.layers import shapes as stack_shapes
from .i18n import translate
from .layer_edit import channels_before, fit_channels, new_layer, read_setting, with_settings
from .layer_edit import resized as _resized
from .layer_format import LAYER_TYPES, MAX_LAYERS
from .layer_names import layer_name, type_name
from .limits import MAX_CHANNELS, MAX_GRID, MAX_KERNEL, MAX_KERNELS, LimitError, check_scene_limits
from .numbers import NumberError
from .refusals import layer_refusal, reason_text
from .scene import CONVOLUTIONS, Scene, SceneFileError
from .words import counted

RGB = ("R", "G", "B")
_HISTORY = 200


@runtime_checkable
class Weighted(Protocol):
    """A layer with kernels and a bias that the stage edits (a convolution, or a
    transposed one: its kernels in torch's layout, input channels first)."""

    @property
    def kernels(self) -> np.ndarray: ...

    @property
    def bias(self) -> np.ndarray | None: ...


def output_maps(layer: Weighted) -> int:
    """How many output maps (and biases) a layer with kernels has."""
    if isinstance(layer, Conv2d):
        return int(layer.kernels.shape[0])
    # Torch's layout of a transposed convolution: (C_in, C_out / groups, kH, kW).
    return int(layer.kernels.shape[1]) * int(getattr(layer, "groups", 1))


class EditError(ValueError):
    """An edit the document refused; ``str()`` says why. The document is unchanged."""


def kept(reason: object, layers: Sequence[Layer] | None = None) -> str:
    """A refused edit's message: *reason* (a sentence, or an engine error to phrase, which
    names a layer of *layers* by its short name), then that the settings stay as they were."""
    #: {0} is why the edit was refused (one or more sentences).
    text = translate("Document", "{0} The settings stay as they were.")
    return text.format(reason_text(reason, layers))


@dataclass(frozen=True)
class Evaluation:
    """The result of a scene: maps to step through, or the reason there are none.

    Steps are numbered across the stack: all of layer 1's, then layer 2's, … (a scene of
    one convolution has only its own).

    Attributes
    ----------
    problem
        The engine's problem of the focused convolution (on the map it is given), or
        ``None`` when the settings are impossible.
    error
        The engine's error when they are (a :class:`StackLayerError` naming the layer when
        the scene is a stack).
    layers
        The scene's layers.
    maps
        The input, then every layer's output (``(C, H, W)`` each); empty on an error.
    counts
        How many steps each layer offers; empty on an error.
    conv_index
        Which layer :attr:`problem` is; ``None`` when the stack holds no convolution (a
        transposed convolution alone): then :attr:`problem` is ``None`` too, and
        :attr:`error` is ``None`` when the stack can run.
    """

    problem: ConvProblem | None
    error: ConvSettingsError | None
    layers: tuple[Layer, ...] = ()
    maps: tuple[np.ndarray, ...] = ()
    counts: tuple[int, ...] = ()
    conv_index: int | None = 0

    @property
    def n_steps(self) -> int:
        """Steps of the whole stack."""
        if self.counts:
            return sum(self.counts)
        return 0 if self.problem is None else self.problem.n_steps

    @property
    def output(self) -> np.ndarray | None:
        """The focused convolution's output, ``(C_out, H_out, W_out)``, or ``None``."""
        return None if self.problem is None else self.problem.output()

    @property
    def final(self) -> np.ndarray | None:
        """The last layer's output, or ``None``."""
        return self.maps[-1] if self.maps else self.output

    def offset(self, layer: int) -> int:
        """The number of the first step of *layer* (the steps of the layers before it)."""
        return sum(self.counts[:layer])

    def locate(self, step: int) -> tuple[int, int]:
        """``(layer, step within that layer)`` of the stack's step *step*."""
        if not 0 <= step < self.n_steps:
            raise IndexError(f"step {step} is outside 0..{self.n_steps - 1}")
        for layer, count in enumerate(self.counts):
            if step < count:
                return layer, step
            step -= count
        return 0, step  # one convolution without counts

    def layer_position(self, position: int, layer: int | None) -> int:
        """Of the stack's *position* (steps done), how many steps of *layer* are done
        (``None``, no focused convolution: none)."""
        if layer is None:
            return 0
        if not self.counts:
            return position
        return min(max(position - self.offset(layer), 0), self.counts[layer])

    def layer_step(self, step: int) -> tuple[int, LayerStep]:
        """The layer of step *step* and that layer's :class:`LayerStep`, computed now."""
        layer, k = self.locate(step)
        return layer, self.layers[layer].step(self.maps[layer], k)


def no_convolution_text() -> str:
    """Why an edit of one convolution's settings (its kernels, a preset) is refused in a
    stack of transposed convolutions alone."""
    return translate(
        "Document",
        "This scene has no convolution (only transposed ones): edit its layers "
        "on the stage or in Layers.",
    )


def evaluate(scene: Scene) -> Evaluation:
    """Evaluate *scene*; impossible settings become an :class:`Evaluation` with an error."""
    try:
        sizes = stack_shapes(scene.layers, scene.input.shape)
    except ConvSettingsError as exc:
        # A scene of one convolution keeps the convolution's own error, as it always had.
        error = exc.error if isinstance(exc, StackLayerError) and not scene.is_stack else exc
        return Evaluation(None, error, scene.layers, conv_index=scene.conv_index)
    index = scene.conv_index  # None: no convolution to focus, every layer its own forward
    maps = [scene.input]
    problem: ConvProblem | None = None
    for i, layer in enumerate(scene.layers):
        if i == index:  # the focused convolution's problem keeps its output for the views
            try:
                problem = scene.conv.problem(maps[-1])
            except ConvSettingsError as exc:
                return Evaluation(None, exc, scene.layers, conv_index=index)
            maps.append(problem.output())
        else:
            maps.append(layer.forward(maps[-1]))
    counts = tuple(
        layer.step_count(shape) for layer, shape in zip(scene.layers, sizes, strict=False)
    )
    return Evaluation(problem, None, scene.layers, tuple(maps), counts, index)


def kernels_for(
    scene: Scene, weights: Any, kernel: int | None = None, max_channels: int = MAX_CHANNELS
) -> np.ndarray:
    """*weights* as the kernels of *scene*: a kH×kW kernel goes into every slice of every
    kernel, a C×kH×kW one becomes every kernel.

    Parameters
    ----------
    scene
        The scene whose kernels are replaced.
    weights
        kH×kW, C×kH×kW, or (only for every kernel) K×C×kH×kW.
    kernel
        Only this kernel (0-based) takes *weights*, the others keep theirs; ``None``: every
        kernel. All kernels of a layer have one size, so a kernel of another size goes
        into every kernel or none (when there are several).
    max_channels
        The most input channels a scene may have where the kernel goes (the window's limit
        by default): a refusal never asks for more.

    Raises
    ------
    EditError
        When *weights* is not a grid of numbers of an allowed size, has a slice count
        other than the channels each kernel reads, or (for one kernel of several) is not
        the size of the others.
    """
    try:
        w = np.asarray(weights, dtype=np.float64)
    except (TypeError, ValueError):
        raise EditError(_not_a_grid()) from None
    if w.ndim < 2 or w.ndim > (4 if kernel is None else 3):
        raise EditError(_not_a_grid())
    _check_side("kernel", w.shape[-2], w.shape[-1], MAX_KERNEL)
    count, depth, kh, kw = scene.kernels.shape
    if w.ndim == 4:
        return w
    if w.ndim == 3 and w.shape[0] != depth and w.shape[0] > max_channels:
        raise EditError(
            #: {0} is "500000 slices", {1} "4 channels" (both translated apart).
            translate(
                "Document",
                "This kernel has {0}, one per input channel, but the input can have at most {1}.",
            ).format(counted(w.shape[0], "slice"), counted(max_channels, "channel"))
        )
    if w.ndim == 3 and w.shape[0] != depth:
        raise EditError(
            #: {0} is "3 slices", {1} "1 channel" (both translated apart), {2} a number.
            translate(
                "Document",
                "This kernel has {0}, one per input channel, but each kernel here reads "
                "{1}: set the input to {2} channels first.",
            ).format(counted(w.shape[0], "slice"), counted(depth, "channel"), w.shape[0])
        )
    one = np.broadcast_to(w, (depth, *w.shape[-2:]))
    if kernel is None or count == 1:
        return np.broadcast_to(one, (count, *one.shape)).copy()
    if not 0 <= kernel < count:
        raise EditError(
            #: {0} is a kernel's number, {1} "2 kernels" (translated apart).
            translate("Document", "There is no kernel {0}: this layer has {1}.").format(
                kernel + 1, counted(count, "kernel")
            )
        )
    if w.shape[-2:] != (kh, kw):
        raise EditError(
            #: {0}×{1}: the size of every kernel of the layer; {2}×{3}: the size of the new one.
            translate(
                "Document",
                "Every kernel here is {0}×{1}, and this one is {2}×{3}: put it into every "
                "kernel, or make the kernels {2}×{3} first.",
            ).format(kh, kw, w.shape[-2], w.shape[-1])
        )
    result = scene.kernels.copy()
    result[kernel] = one
    return result


def biases_for(scene: Scene, bias: float | None, kernel: int | None = None) -> np.ndarray | None:
    """The biases of *scene* once a kernel that carries *bias* (a kernel file's) is put into
    *kernel* (0-based; ``None``: every kernel): *bias* is switched on if it was off, the
    other kernels' biases stay (0 when they had none). No *bias*: the scene's, unchanged.
    """
    if bias is None:
        return scene.bias
    count = scene.kernels.shape[0]
    result = np.zeros(count) if scene.bias is None else scene.bias.copy()
    if kernel is None or count == 1:
        result[:] = bias
    else:
        result[kernel] = bias
    return result


def _not_a_grid() -> str:
    return translate("Document", "The kernel must be a grid of numbers.")


class Document:
    """The scene being edited. Every change replaces the scene and emits once.

    An edit that would leave settings that cannot work together is refused with an
    :class:`EditError` that says why, and the scene stays as it was.

    Parameters
    ----------
    scene
        The scene to start with.

    Raises
    ------
    LimitError
        When *scene* is beyond what the window can show (see :mod:`.limits`).

    Signals
    -------
    scene_changed(Scene)
        After any change, including undo and redo.
    evaluation_changed(Evaluation)
        Right after ``scene_changed``, with the new result.
    """

    scene_changed = Signal(object)
    evaluation_changed = Signal(object)

    def __init__(self, scene: Scene) -> None:
        check_scene_limits(scene)
        self._scene = scene
        self._evaluation = evaluate(scene)
        self._undo: list[Scene] = []
        # Kernel → the preset it was set from, and the weights it then had (see kernel_name).
        self._kernel_sources: dict[int, tuple[str, np.ndarray]] = {}
        self._redo: list[Scene] = []
        self._preparers: list[Callable[[Evaluation], Callable[[], None]]] = []

    def add_preparer(self, prepare: Callable[[Evaluation], Callable[[], None]]) -> None:
        """Call *prepare* with each new evaluation before any signal says the scene changed.

        State derived from the document (the playback's total, the current step) is put in
        place there, so that no handler of :attr:`scene_changed` sees a mixture of the new
        scene and the old derived state. *prepare* returns a function called once the
        document's signals have been delivered (even if a handler failed), to announce
        what it derived.
        """
        self._preparers.append(prepare)

    @property
    def scene(self) -> Scene:
        return self._scene

    @property
    def evaluation(self) -> Evaluation:
        return self._evaluation

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # ------------------------------------------------------------ whole scene

    def set_scene(self, scene: Scene, *, undoable: bool = True) -> None:
        """Replace the scene (an edit, or a file opened).

        Settings that cannot work together (groups that do not divide the channels, a
        kernel larger than the padded input, reflect padding wider than the input, …) are
        refused and the scene stays as it was. A scene that is already impossible (opened
        that way) takes any edit, so that it can be mended one setting at a time.

        Raises
        ------
        EditError
            When *scene* is beyond a limit of :mod:`.limits`, or impossible while the
            current scene is not; it says why.
        """
        if scene.same_as(self._scene):
            return
        try:
            check_scene_limits(scene)
        except LimitError as exc:
            raise EditError(kept(exc)) from exc
        evaluation = evaluate(scene)
        if evaluation.error is not None and self._evaluation.error is None:
            raise EditError(kept(evaluation.error, scene.layers)) from evaluation.error
        if undoable:
            self._undo.append(self._scene)
            del self._undo[:-_HISTORY]
            self._redo.clear()
        self._apply(scene, evaluation)

    def undo(self) -> None:
        """Go back one change; does nothing when there is none."""
        if self._undo:
            self._redo.append(self._scene)
            self._apply(self._undo.pop())

    def redo(self) -> None:
        """Redo the last undone change; does nothing when there is none."""
        if self._redo:
            self._undo.append(self._scene)
            self._apply(self._redo.pop())

    def _apply(self, scene: Scene, evaluation: Evaluation | None = None) -> None:
        if evaluation is None:
            evaluation = evaluate(scene)  # first: if this fails, the document is unchanged
        self._scene = scene
        self._evaluation = evaluation
        finishers = [prepare(evaluation) for prepare in self._preparers]
        try:
            self.scene_changed.emit(scene)
            self.evaluation_changed.emit(self._evaluation)
        finally:
            for finish in finishers:
                finish()

    # ------------------------------------------------------------ input

    def set_input_value(self, channel: int, row: int, col: int, value: float) -> None:
        """Set one input cell.

        Raises
        ------
        EditError
            When the cell is not in the input (any more: a grid edited while the scene
            was replaced under it).
        """
        _check_cell("input", self._scene.input.shape, (channel, row, col))
        x = self._scene.input.copy()
        x[channel, row, col] = value
        self.set_scene(self._scene.replace(input=x))

    def resize_input(self, rows: int, cols: int) -> None:
        """Resize every input channel, keeping the top-left numbers; new cells are 0.

        Raises
        ------
        EditError
            When a side is outside 1..32.
        """
        _check_side("input", rows, cols, MAX_GRID)
        self.set_scene(self._scene.replace(input=_with_grid_size(self._scene.input, rows, cols)))

    def fill_input(self, kind: str, rng: np.random.Generator | None = None) -> None:
        """Fill the input with ``"zeros"`` or ``"random"`` integers 0..255 (pixel values)."""
        shape = self._scene.input.shape
        if kind == "zeros":
            x = np.zeros(shape)
        elif kind == "random":
            x = (rng or np.random.default_rng()).integers(0, 256, size=shape).astype(float)
        else:
            raise ValueError(f"unknown fill {kind!r}")
        self.set_scene(self._scene.replace(input=x))

    def paste_input(self, channel: int, row: int, col: int, block: list[list[float]]) -> None:
        """Paste *block* with its top-left at (row, col); the grid grows to hold it (up to 32).

        Raises
        ------
        EditError
            When the block does not fit in a 32×32 grid from there.
        """
        x = _pasted(self._scene.input, (channel,), row, col, block, MAX_GRID, "grid")
        self.set_scene(self._scene.replace(input=x))

    # ------------------------------------------------------------ kernels

    def set_kernel_value(
        self, kernel: int, depth: int, row: int, col: int, value: float, layer: int | None = None
    ) -> None:
        """Set one weight of slice *depth* of kernel *kernel* of convolution *layer*
        (0-based in the stack; by default the focused convolution).

        Raises
        ------
        EditError
            When there is no such layer, it is not a convolution, or there is no such
            weight (any more).
        """
        index, conv = self._conv_at(layer)
        _check_cell("kernel", conv.kernels.shape, (kernel, depth, row, col))
        w = conv.kernels.copy()
        w[kernel, depth, row, col] = value
        self.set_scene(self._with_conv(index, kernels=w))

    def paste_kernel(
        self,
        kernel: int,
        depth: int,
        row: int,
        col: int,
        block: list[list[float]],
        *,
        flipped: bool = False,
        layer: int | None = None,
    ) -> None:
        """Paste *block* into one kernel slice from (row, col); every kernel grows to hold it.

        *flipped*: (row, col) and *block* are as the kernels are shown flipped 180° (a true
        convolution's kernel as applied); the block lands where it was pasted as shown.
        *layer*: the convolution pasted into (0-based; by default the focused one).

        Raises
        ------
        EditError
            When there is no such convolution, or the block does not fit in a 9×9 kernel
            from there.
        """
        index, conv = self._conv_at(layer)
        kernels = conv.kernels
        if flipped:
            kernels = kernels[..., ::-1, ::-1]
        w = _pasted(kernels, (kernel, depth), row, col, block, MAX_KERNEL, "kernel")
        if flipped:
            w = np.ascontiguousarray(w[..., ::-1, ::-1])
        self.set_scene(self._with_conv(index, kernels=w))

    def _focused_conv(self) -> tuple[int, Conv2d]:
        """The focused convolution and its index, or an :class:`EditError` when the stack
        holds none (a transposed convolution alone): the edits of one convolution have
        nothing to change."""
        scene = self._scene
        index = scene.conv_index
        if index is None:
            raise EditError(no_convolution_text())
        return index, scene.conv

    def _conv_at(self, layer: int | None) -> tuple[int, Weighted]:
        """Convolution *layer* of the stack (or a transposed one: any layer with kernels)
        and its index (``None``: the focused convolution)."""
        scene = self._scene
        if layer is None:
            return self._focused_conv()
        self._check_layer(layer)
        conv = scene.layers[layer]
        if not isinstance(conv, Weighted):
            raise EditError(
                layer_refusal(
                    layer,
                    layer_name(conv),
                    translate("Document", "it has no kernels: it is not a convolution."),
                )
            )
        return layer, conv

    def _with_conv(self, index: int, **changes: Any) -> Scene:
        """The scene with convolution *index*'s settings changed (checked as any edit)."""
        scene = self._scene
        if index == scene.conv_index:
            return scene.replace(**changes)  # the focused one: its settings are the scene's
        layers = list(scene.layers)
        conv = layers[index]
        assert isinstance(conv, Weighted)  # _conv_at found it
        layers[index] = dataclasses.replace(conv, **changes)  # type: ignore[type-var]
        return scene.replace(layers=tuple(layers))

    def resize_kernel(self, rows: int, cols: int) -> None:
        """Resize every kernel, keeping the top-left weights; new weights are 0.

        Raises
        ------
        EditError
            When a side is outside 1..9.
        """
        self._focused_conv()
        _check_side("kernel", rows, cols, MAX_KERNEL)
        kernels = _with_grid_size(self._scene.kernels, rows, cols)
        self.set_scene(self._scene.replace(kernels=kernels))

    def set_kernel(
        self,
        weights: Any,
        *,
        name: str | None = None,
        kernel: int | None = None,
        bias: float | None = None,
    ) -> None:
        """Replace the kernels with *weights* (any engine weight form), e.g. from a preset.

        Parameters
        ----------
        weights
            The new weights, fitted by :func:`kernels_for`.
        name
            The preset's name: :meth:`kernel_name` gives it until the weights are edited.
        kernel
            Only this kernel (0-based) takes the weights; ``None``: every kernel.
        bias
            The bias that comes with the weights (a kernel file's), see :func:`biases_for`.

        Raises
        ------
        EditError
            When *weights* is not a grid of numbers of an allowed size, or does not fit.
        """
        self._focused_conv()
        w = kernels_for(self._scene, weights, kernel)
        b = biases_for(self._scene, bias, kernel)
        self.set_scene(self._scene.replace(kernels=w, bias=b))
        changed = range(w.shape[0]) if kernel is None or w.shape[0] == 1 else (kernel,)
        if kernel is None:
            self._kernel_sources.clear()
        for k in changed:
            if name:
                self._kernel_sources[k] = (name, w[k].copy())
            else:
                self._kernel_sources.pop(k, None)

    def kernel_name(self, kernel: int = 0) -> str | None:
        """The name of the preset kernel *kernel* (0-based) was set from, while it still has
        the preset's weights (an edit forgets it, its undo brings it back); else ``None``."""
        source = self._kernel_sources.get(kernel)
        if not self._scene.has_conv:
            return None
        kernels = self._scene.kernels
        if source is None or kernel >= kernels.shape[0]:
            return None
        name, weights = source
        return name if np.array_equal(weights, kernels[kernel]) else None

    # ------------------------------------------------------------ channels and kernels

    def set_channels(self, count: int, names: tuple[str, ...] = ()) -> None:
        """Use *count* input channels (1..4), named by *names* (e.g. :data:`RGB`) or numbered.

        New channels and kernel slices are zeros; the groups fall back to 1 when they no
        longer divide the channels. In a stack, the convolution the input reaches first is
        fitted (see :func:`.layer_edit.fit_channels`).

        Raises
        ------
        EditError
            When *count* is outside 1..4.
        """
        if not 1 <= count <= MAX_CHANNELS:
            raise EditError(
                translate("Document", "The input can have {0} to {1} channels, not {2}.").format(
                    1, MAX_CHANNELS, count
                )
            )
        scene = self._scene
        x = _resized(scene.input, 0, count)
        # The input feeds the first layer, and through it the first convolution: fitted
        # there, not in the focused one (which may be deeper in a stack).
        layers = fit_channels(scene.layers, count)
        self.set_scene(scene.replace(input=x, layers=layers, channel_names=tuple(names)))

    def set_kernel_count(self, count: int) -> None:
        """Use *count* kernels (1..8): one output map each. New kernels are zeros.

        Raises
        ------
        EditError
            When *count* is outside 1..8.
        """
        if not 1 <= count <= MAX_KERNELS:
            raise EditError(
                translate("Document", "There can be {0} to {1} kernels, not {2}.").format(
                    1, MAX_KERNELS, count
                )
            )
        start, _ = self._focused_conv()
        scene = self._scene
        groups = scene.groups if count % scene.groups == 0 else 1
        kernels = _resized(scene.kernels, 0, count)
        bias = None if scene.bias is None else _resized(scene.bias, 0, count)
        changed = scene.replace(kernels=kernels, bias=bias, groups=groups)
        # Groups back to 1 change this convolution's depth; its new kernel count, the
        # depth of the next convolution of a stack.
        layers = fit_channels(changed.layers, scene.input.shape[0], start=start)
        self.set_scene(changed.replace(layers=layers))

    def set_bias_enabled(self, enabled: bool) -> None:
        """Add a bias per kernel (starting at 0), or take the biases away."""
        self._focused_conv()
        scene = self._scene
        if enabled == (scene.bias is not None):
            return
        bias = np.zeros(scene.kernels.shape[0]) if enabled else None
        self.set_scene(scene.replace(bias=bias))

    def set_bias_value(self, kernel: int, value: float, layer: int | None = None) -> None:
        """Set the bias of *kernel* of convolution *layer* (0-based; by default the focused
        one), turning its biases on if they were off."""
        index, conv = self._conv_at(layer)
        maps = output_maps(conv)
        _check_cell("bias", (maps,), (kernel,))
        bias = np.zeros(maps) if conv.bias is None else conv.bias.copy()
        bias[kernel] = value
        self.set_scene(self._with_conv(index, bias=bias))

    def set_flip(self, flip: bool) -> None:
        """True convolution (flip each kernel) or cross-correlation (as deep learning does)."""
        self._focused_conv()
        self.set_scene(self._scene.replace(flip=bool(flip)))

    # ------------------------------------------------------------ settings

    def update_settings(self, **settings: Any) -> None:
        """Change any of ``stride``, ``padding``, ``dilation``, ``groups``, ``padding_mode``.

        A value that is wrong on its own (a stride of 0) is refused, and so are settings
        that are impossible together (see :meth:`set_scene`).

        Raises
        ------
        EditError
            For an unknown name, a value that is wrong on its own, or settings that cannot
            work together.
        """
        changes: dict[str, Any] = {}
        for name, value in settings.items():
            try:
                changes[name] = _checked_setting(name, value)
            except (TypeError, ValueError) as exc:
                raise EditError(str(exc)) from None
        groups = changes.get("groups")
        index, _ = self._focused_conv()
        scene = self._scene
        channels = channels_before(scene.layers, index, scene.input.shape[0])
        if groups is not None and channels % groups == 0:
            # Each kernel sees channels/groups slices: keep the kernels' depth in step.
            changes["kernels"] = _resized(self._scene.kernels, 1, channels // groups)
        self.set_scene(self._scene.replace(**changes))

    # ------------------------------------------------------------ the stack of layers

    def select_layer(self, index: int) -> None:
        """Make layer *index* (0-based) the current one: the side panel edits it, and the
        one-convolution views show it when it is a convolution (``scene.focus``).

        Not an undo step of its own and not a change of the scene's numbers (the scene
        is not modified): the scene is replaced by the same one with another focus, and
        both signals emit once. Undo and redo bring back the focus each scene had.

        Raises
        ------
        EditError
            When there is no such layer.
        """
        scene = self._scene
        self._check_layer(index)
        if index != scene.focus:
            self._apply(scene.replace(focus=index))

    def add_layer(self, kind: str, after: int | None = None) -> None:
        """Insert a new layer of type *kind* after layer *after* (by default the current
        one; ``-1``: before the first), and select it.

        Its settings are :func:`.layer_edit.new_layer`'s (a convolution: one 3×3 kernel
        with a slice per channel of the map it is given); the next convolution's kernels
        are fitted to the new layer's channels.

        Raises
        ------
        EditError
            When the scene has :data:`MAX_LAYERS` layers already, *kind* is unknown, or a
            layer could not take the map it would then be given (naming it).
        """
        scene = self._scene
        layers = scene.layers
        after = scene.focus if after is None else after
        if after != -1:
            self._check_layer(after)
        if kind not in LAYER_TYPES:
            raise EditError(
                #: {0} is the type asked for; {1} the types, as a file names them.
                translate("Document", "Unknown layer type {0}: use one of {1}.").format(
                    repr(kind), ", ".join(LAYER_TYPES)
                )
            )
        if len(layers) >= MAX_LAYERS:
            raise EditError(
                translate(
                    "Document", "A scene holds at most {0} layers: remove one before adding one."
                ).format(MAX_LAYERS)
            )
        at = after + 1
        layer = new_layer(kind, channels_before(layers, at, scene.input.shape[0]))
        stack = (*layers[:at], layer, *layers[at:])
        self._set_layers(fit_channels(stack, scene.input.shape[0], start=at + 1), at)

    def remove_layer(self, index: int) -> None:
        """Remove layer *index*; the one after it (or before, for the last) is selected.

        Raises
        ------
        EditError
            When it is the scene's only convolution (a scene keeps at least one), or a
            later layer could not take the map it would then be given (naming it).
        """
        scene = self._scene
        self._check_layer(index)
        self._check_keeps_a_convolution(index, "")
        stack = (*scene.layers[:index], *scene.layers[index + 1 :])
        if index == scene.focus:
            focus = min(index, len(stack) - 1)
        else:
            focus = scene.focus - (scene.focus > index)
        self._set_layers(fit_channels(stack, scene.input.shape[0], start=index), focus)

    def move_layer(self, index: int, delta: int) -> None:
        """Move layer *index* by *delta* places (−1: up, towards the input); the current
        layer stays current. Convolutions given other channels are fitted.

        Raises
        ------
        EditError
            When that is past either end, or a layer could not take the map it would then
            be given (naming it).
        """
        scene = self._scene
        self._check_layer(index)
        target = index + delta
        if not 0 <= target < len(scene.layers):
            name = layer_name(scene.layers[index])
            if target < 0:
                reason = translate("Document", "it is the first layer already.")
            else:
                reason = translate("Document", "it is the last layer already.")
            raise EditError(layer_refusal(index, name, reason))
        if delta == 0:
            return
        order = list(range(len(scene.layers)))
        order.insert(target, order.pop(index))
        stack = tuple(scene.layers[i] for i in order)
        start = min(index, target)
        self._set_layers(
            fit_channels(stack, scene.input.shape[0], start=start), order.index(scene.focus)
        )

    def set_layer_type(self, index: int, kind: str) -> None:
        """Make layer *index* a layer of type *kind*, with that type's defaults (settings
        of the same name carry over between pooling layers), and select it.

        Raises
        ------
        EditError
            When *kind* is unknown, the layer is the only convolution, or a layer could
            not take the map it would then be given (naming it).
        """
        scene = self._scene
        self._check_layer(index)
        old = scene.layers[index]
        if kind not in LAYER_TYPES:
            raise EditError(
                translate("Document", "Unknown layer type {0}: use one of {1}.").format(
                    repr(kind), ", ".join(LAYER_TYPES)
                )
            )
        if kind == old.kind:
            self.select_layer(index)
            return
        if kind not in ("conv2d", "conv_transpose2d"):
            self._check_keeps_a_convolution(index, type_name(kind))
        channels = channels_before(scene.layers, index, scene.input.shape[0])
        stack = list(scene.layers)
        stack[index] = new_layer(kind, channels, like=old)
        self._set_layers(fit_channels(stack, scene.input.shape[0], start=index + 1), index)

    def update_layer(self, index: int, **settings: Any) -> None:
        """Change settings of layer *index*, a pooling layer or an activation, by their
        keys (PyTorch's names: ``kernel_size``, ``stride`` (``None``: the window's size),
        ``padding``, ``dilation``, ``ceil_mode``, ``count_include_pad``,
        ``negative_slope``). A convolution's settings go through :meth:`update_settings`
        on the focused convolution.

        Raises
        ------
        EditError
            Naming the layer and the key: a value wrong on its own (checked as a file's
            value is), settings that do not go together (padding over half the window),
            or a layer that could not take the map it would then be given.
        ValueError
            When layer *index* is a convolution.
        """
        scene = self._scene
        self._check_layer(index)
        layer = scene.layers[index]
        if isinstance(layer, Conv2d):
            raise ValueError("a convolution's settings go through update_settings")
        values: dict[str, Any] = {}
        try:
            for name, value in settings.items():
                try:
                    values[name] = read_setting(layer.kind, name, value)
                except KeyError:
                    raise EditError(
                        layer_refusal(
                            index,
                            layer_name(layer),
                            translate("Document", "it has no setting {0}.").format(repr(name)),
                        )
                    ) from None
            changed = with_settings(layer, values)
        except SceneFileError as exc:
            raise EditError(layer_refusal(index, layer_name(layer), str(exc))) from None
        stack = list(scene.layers)
        stack[index] = changed
        self._set_layers(tuple(stack), scene.focus)

    def _set_layers(self, layers: Sequence[Layer], focus: int) -> None:
        self.set_scene(self._scene.replace(layers=tuple(layers), focus=focus))

    def _check_layer(self, index: int) -> None:
        count = len(self._scene.layers)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
            raise EditError(
                #: {0} is a layer's number from 1, as asked for; {1} the last layer's number.
                translate(
                    "Document", "There is no layer {0}: the layers are numbered 1 to {1}."
                ).format(index + 1 if isinstance(index, int) else repr(index), count)
            )

    def _check_keeps_a_convolution(self, index: int, becoming: str) -> None:
        """Refuse to remove (or, with the name of what it would become, to retype) layer
        *index* when it is the scene's only convolution."""
        layers = self._scene.layers
        if not isinstance(layers[index], CONVOLUTIONS):
            return
        if sum(isinstance(layer, CONVOLUTIONS) for layer in layers) > 1:
            return
        if becoming:
            #: {0} is a layer type ("max pooling").
            reason = translate(
                "Document",
                "it is the scene's only convolution, and a scene keeps at least one: "
                "add another convolution before making this one {0}.",
            ).format(becoming)
        else:
            reason = translate(
                "Document",
                "it is the scene's only convolution, and a scene keeps at least one: "
                "add another convolution before removing this one.",
            )
        raise EditError(layer_refusal(index, layer_name(layers[index]), reason))


def _checked_setting(name: str, value: Any) -> Any:
    """*value* in the scene's form, or an error naming what is wrong with it."""
    if name in ("stride", "dilation"):
        pair = as_pair(value, name)
        if min(pair) < 1:
            if name == "stride":
                raise EditError(translate("Document", "The stride must be at least {0}.").format(1))
            raise EditError(translate("Document", "The dilation must be at least {0}.").format(1))
        return pair
    if name == "padding":
        if isinstance(value, str):
            if value not in ("valid", "same", "full"):
                raise EditError(
                    #: {0} is what was asked for; {1}, {2}, {3} are valid, same and full,
                    #: the padding's names as the user types them (they stay in English).
                    translate(
                        "Document", "Unknown padding {0}: use {1}, {2}, {3} or a number."
                    ).format(repr(value), "valid", "same", "full")
                )
            return value
        pair = as_pair(value, name)
        if min(pair) < 0:
            raise EditError(translate("Document", "The padding cannot be negative."))
        return pair
    if name == "groups":
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise EditError(
                translate(
                    "Document",
                    "The number of groups must be a whole number of at least {0}, not {1}.",
                ).format(1, repr(value))
            )
        return int(value)
    if name == "padding_mode":
        if value not in ("zeros", "reflect", "replicate", "circular"):
            raise EditError(
                #: {0} is what was asked for; {1}…{4} are zeros, reflect, replicate and
                #: circular, the padding modes as a file holds them (they stay in English).
                translate("Document", "Unknown padding mode {0}: use {1}, {2}, {3} or {4}.").format(
                    repr(value), "zeros", "reflect", "replicate", "circular"
                )
            )
        return value
    raise EditError(translate("Document", "Unknown setting {0}.").format(repr(name)))


def _with_grid_size(array: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """*array* with its last two axes cut or zero-extended to rows × cols (top-left kept)."""
    out = np.zeros((*array.shape[:-2], rows, cols))
    r, c = min(rows, array.shape[-2]), min(cols, array.shape[-1])
    out[..., :r, :c] = array[..., :r, :c]
    return out


def _pasted(
    array: np.ndarray,
    at: tuple[int, ...],
    row: int,
    col: int,
    block: list[list[float]],
    limit: int,
    what: Literal["grid", "kernel"],
) -> np.ndarray:
    """*array* with *block* written into grid *at* from (row, col), grown to hold it."""
    height, width = len(block), max(len(r) for r in block)
    rows, cols = max(array.shape[-2], row + height), max(array.shape[-1], col + width)
    if rows > limit or cols > limit:
        if what == "kernel":
            message = translate(
                "Document",
                "The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} "
                "kernel, and the largest is {6}×{7}.",
            )
        else:
            message = translate(
                "Document",
                "The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} "
                "grid, and the largest is {6}×{7}.",
            )
        raise EditError(message.format(height, width, row + 1, col + 1, rows, cols, limit, limit))
    out = _with_grid_size(array, rows, cols)
    grid = out[at]  # a view of the one grid the block goes into
    for r, values in enumerate(block):
        grid[row + r, col : col + len(values)] = values
    return out


def _check_cell(
    what: Literal["input", "kernel", "bias"], shape: tuple[int, ...], index: tuple[int, ...]
) -> None:
    # Checked, not left to numpy: a negative index would wrap round to another cell.
    if all(0 <= i < n for i, n in zip(index, shape, strict=True)):
        return
    if what == "input":
        message = translate(
            "Document",
            "That input cell is no longer in the scene (it changed meanwhile); "
            "the number was not kept.",
        )
    elif what == "kernel":
        message = translate(
            "Document",
            "That kernel cell is no longer in the scene (it changed meanwhile); "
            "the number was not kept.",
        )
    else:
        message = translate(
            "Document",
            "That bias cell is no longer in the scene (it changed meanwhile); "
            "the number was not kept.",
        )
    raise EditError(message)


def _check_side(what: Literal["input", "kernel"], rows: int, cols: int, limit: int) -> None:
    for side in (rows, cols):
        if 1 <= side <= limit:
            continue
        if what == "kernel":
            message = translate(
                "Document", "The kernel can have {0} to {1} rows and columns, not {2}."
            )
        else:
            message = translate(
                "Document", "The input can have {0} to {1} rows and columns, not {2}."
            )
        raise EditError(message.format(1, limit, side))


__all__ = ["Document", "EditError", "Evaluation", "NumberError", "evaluate", "kept"]
