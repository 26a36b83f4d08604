"""Scenes: the numbers and settings of one convolution, and their JSON file format.

A scene file is versioned JSON::

    {"format": "convstudio-scene", "version": 1, "written_by": "ConvStudio 0.7.0",
     "title": "Worked example",
     "input": [[18, 54, ...], ...], "kernels": [[1, 0, 1], [0, 1, 0], [1, 0, 1]],
     "bias": null, "stride": 1, "padding": 0, "dilation": 1, "groups": 1,
     "padding_mode": "zeros"}
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..engine import PADDING_MODES, PADDING_WORDS, ConvProblem, as_pair
from ..engine.geometry import IntOrPair
from ..engine.layers import Conv2d, ConvTranspose2d, Layer, Pool2d
from ..engine.layers import forward as stack_forward
from ..engine.layers import shapes as stack_shapes
from .files import FileCheckError, read_text_checked, shown_name
from .i18n import translate
from .numbers import json_number, shortened
from .version import APP_VERSION, WRITTEN_BY, written_by

FORMAT = "convstudio-scene"
# Version 1: one convolution (its keys at the top level); 2: an input and "layers".
VERSION = 2
# Guards against a damaged or hostile file asking for gigabytes.
MAX_SIDE = 4096
MAX_CHANNELS = 64
MAX_FILE_BYTES = 64 * 1024 * 1024

Pair = tuple[int, int]


# The layers a scene must hold one of: a convolution, or a transposed convolution.
CONVOLUTIONS = (Conv2d, ConvTranspose2d)


class NoConvolutionError(LookupError):
    """The settings of one convolution asked of a scene whose stack holds none."""


class SceneFileError(ValueError):
    """A scene file that cannot be read; ``str()`` names the field (and row, where it applies)."""


class TargetError(ValueError):
    """A target that is not the last layer's output shape, or holds non-numbers; ``str()``
    is one line naming “target”."""


def _frozen(array: np.ndarray) -> np.ndarray:
    out = np.array(array, dtype=np.float64)  # always a private copy
    out.flags.writeable = False
    return out


# replace()'s "target not given": keep it if it still fits.
_KEEP: Any = object()

# The settings of a convolution that a scene exposes for its focused convolution layer
# (the views and edits of one convolution read and write them as before stacks existed).
CONV_FIELDS = ("kernels", "bias", "stride", "padding", "dilation", "groups", "padding_mode", "flip")


def _normal_conv(layer: Conv2d) -> Conv2d:
    """*layer* with its settings in one form: ``(h, w)`` pairs or a padding word."""
    padding = layer.padding
    return Conv2d(
        layer.kernels,
        layer.bias,
        stride=as_pair(layer.stride, "stride"),
        padding=padding if isinstance(padding, str) else as_pair(padding, "padding"),
        dilation=as_pair(layer.dilation, "dilation"),
        groups=layer.groups,
        padding_mode=layer.padding_mode,
        flip=layer.flip,
    )


def _normal(layer: Layer) -> Layer:
    """*layer* with its sizes as ``(h, w)`` pairs, however it was built (``2`` or
    ``(2, 2)``), so that two layers with the same settings compare equal."""
    if isinstance(layer, Conv2d):
        return _normal_conv(layer)
    if isinstance(layer, Pool2d):
        return dataclasses.replace(
            layer,
            kernel_size=as_pair(layer.kernel_size, "kernel_size"),
            stride=None if layer.stride is None else as_pair(layer.stride, "stride"),
            padding=as_pair(layer.padding, "padding"),
            dilation=as_pair(layer.dilation, "dilation"),
        )
    if isinstance(layer, ConvTranspose2d):
        return dataclasses.replace(
            layer,
            stride=as_pair(layer.stride, "stride"),
            padding=as_pair(layer.padding, "padding"),
            output_padding=as_pair(layer.output_padding, "output_padding"),
            dilation=as_pair(layer.dilation, "dilation"),
        )
    return layer


# eq=False: arrays do not compare with ==; use same_as().
@dataclass(frozen=True, eq=False, init=False)
class Scene:
    """An input and a stack of layers (a small network). Immutable: edits make a new scene.

    A scene of one convolution is built as before stacks existed,
    ``Scene(x, kernels, bias, stride=…, padding=…)``; a stack with ``Scene(x, layers=(…))``.
    The settings of one convolution (``kernels``, ``bias``, ``stride``, …) read the
    *focused* convolution: the layer at :attr:`focus` when it is one, else the first; and
    :meth:`replace` with those names changes that layer.

    Attributes
    ----------
    input
        ``(C_in, H, W)`` float64, read-only.
    layers
        The engine's layers (:class:`~convstudio.engine.layers.Layer`), first to last; at
        least one is a convolution or a transposed convolution. A stack without a
        convolution (a transposed convolution alone, say) has no focused convolution:
        :attr:`conv_index` is ``None``, :attr:`conv` and the settings of one convolution
        below read a stand-in convolution of no kernels, and changing them or asking for
        its :meth:`problem` raises :class:`NoConvolutionError`.
    title
        Shown in the window title.
    channel_names
        Names of the input channels (e.g. R, G, B), or empty for numbers.
    focus
        The layer the side panel edits, 0-based (not saved; not part of :meth:`same_as`).
    target
        What the last layer should output, for training: ``None``, or ``(C, H, W)`` float64
        (read-only) of the last layer's output shape (a 2-D array is one channel). Checked
        when the stack has an output; :meth:`replace` drops a target that the changed
        stack's output no longer fits, as channel names that no longer fit are dropped.
    kernels
        ``(C_out, C_in/groups, kH, kW)`` float64, read-only (the focused convolution's).
    bias
        ``None`` or ``(C_out,)`` float64, read-only.
    stride, dilation
        ``(h, w)`` pairs.
    padding
        ``(h, w)`` pair or one of ``"valid"``, ``"same"``, ``"full"``.
    groups
        Channel groups.
    padding_mode
        ``"zeros"``, ``"reflect"``, ``"replicate"`` or ``"circular"``.
    flip
        True convolution: each kernel is flipped before it slides (the lesson's
        "convolution"); False is deep learning's cross-correlation.
    """

    input: np.ndarray
    layers: tuple[Layer, ...]
    title: str
    channel_names: tuple[str, ...]
    focus: int
    target: np.ndarray | None

    def __init__(
        self,
        input: np.ndarray,
        kernels: np.ndarray | None = None,
        bias: np.ndarray | None = None,
        stride: IntOrPair = (1, 1),
        padding: IntOrPair | str = (0, 0),
        dilation: IntOrPair = (1, 1),
        groups: int = 1,
        padding_mode: str = "zeros",
        title: str = "",
        flip: bool = False,
        channel_names: tuple[str, ...] | list[str] = (),
        *,
        layers: tuple[Layer, ...] | list[Layer] | None = None,
        focus: int | None = None,
        target: np.ndarray | None = None,
    ) -> None:
        x = np.asarray(input, dtype=np.float64)
        if x.ndim == 2:
            x = x[None]
        if layers is None:
            if kernels is None:
                raise TypeError("a scene needs kernels or layers")
            layers = (
                Conv2d(
                    kernels,
                    bias,
                    stride=stride,
                    padding=padding,
                    dilation=dilation,
                    groups=groups,
                    padding_mode=padding_mode,
                    flip=flip,
                ),
            )
        elif kernels is not None:
            raise TypeError("give a scene kernels or layers, not both")
        stack = tuple(_normal(layer) for layer in layers)
        convs = [i for i, layer in enumerate(stack) if isinstance(layer, CONVOLUTIONS)]
        if not convs:
            raise ValueError("a scene holds at least one convolution layer")
        if focus is None or not 0 <= focus < len(stack):
            focus = convs[0]
        object.__setattr__(self, "input", _frozen(x))
        object.__setattr__(self, "layers", stack)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "focus", focus)
        names = tuple(channel_names)
        if names and len(names) != self.input.shape[0]:
            names = ()  # names that no longer fit the channels are dropped, not misapplied
        object.__setattr__(self, "channel_names", names)
        object.__setattr__(self, "target", None if target is None else self._checked(target))

    def output_shape(self) -> tuple[int, int, int] | None:
        """The last layer's output shape, or ``None`` when the stack has no output (its
        settings are impossible for this input)."""
        try:
            return stack_shapes(self.layers, _shape3(self.input))[-1]
        except ValueError:  # a ConvSettingsError: StackLayerError names the layer
            return None

    def _checked(self, target: np.ndarray) -> np.ndarray:
        """*target* as a frozen ``(C, H, W)`` float64 array, or a :class:`TargetError`."""
        try:
            t = np.array(target, dtype=np.float64)
        except (TypeError, ValueError):
            raise TargetError(translate("Scene", "“target” must be a grid of numbers.")) from None
        if t.ndim == 2:
            t = t[None]
        expected = self.output_shape()
        if t.ndim != 3 or (expected is not None and t.shape != expected):
            found = "×".join(str(n) for n in t.shape) or "1"
            if expected is None:
                text = translate("Scene", "“target” must be a map of C×H×W numbers, not {0}.")
                raise TargetError(text.format(found))
            #: {0} and {1} are shapes such as 1×4×4 (channels×rows×columns)
            text = translate(
                "Scene", "“target” must be {0}, the last layer's output shape, not {1}."
            )
            raise TargetError(text.format("×".join(str(n) for n in expected), found))
        if not np.all(np.isfinite(t)):
            c, r, col = (int(i) for i in np.argwhere(~np.isfinite(t))[0])
            raise TargetError(
                translate("Scene", "{0}: {1} is not a number.").format(
                    _where("target", (c, r, col), 3), shown(float(t[c, r, col]))
                )
            )
        return _frozen(t)

    def target_fits(self, target: np.ndarray | None) -> bool:
        """Whether *target* may be this scene's (``None`` always may)."""
        if target is None:
            return True
        try:
            self._checked(target)
        except TargetError:
            return False
        return True

    # -- the focused convolution, as a scene of one convolution had it

    @property
    def conv_index(self) -> int | None:
        """The focused convolution's index in :attr:`layers`, or ``None`` when the stack
        holds no convolution (only transposed ones)."""
        if isinstance(self.layers[self.focus], Conv2d):
            return self.focus
        return next((i for i, layer in enumerate(self.layers) if isinstance(layer, Conv2d)), None)

    @property
    def has_conv(self) -> bool:
        """Whether the scene has a focused convolution (a :class:`Conv2d` layer)."""
        return self.conv_index is not None

    @property
    def conv(self) -> Conv2d:
        """The focused convolution layer; for a stack without one, a stand-in convolution
        of no kernels (shape ``(0, C_in, 1, 1)``, in no layer): the views of one
        convolution then show no kernel and no window, and
        :class:`~.document.Document` refuses their edits (see :attr:`conv_index`)."""
        index = self.conv_index
        if index is None:
            none = np.zeros((0, self.input.shape[0], 1, 1))
            return Conv2d(none, stride=(1, 1), padding=(0, 0), dilation=(1, 1))
        layer = self.layers[index]
        assert isinstance(layer, Conv2d)
        return layer

    @property
    def kernels(self) -> np.ndarray:
        return self.conv.kernels

    @property
    def bias(self) -> np.ndarray | None:
        return self.conv.bias

    @property
    def stride(self) -> Pair:
        return self.conv.stride  # type: ignore[return-value]  # made a pair in __init__

    @property
    def padding(self) -> Pair | str:
        return self.conv.padding  # type: ignore[return-value]

    @property
    def dilation(self) -> Pair:
        return self.conv.dilation  # type: ignore[return-value]

    @property
    def groups(self) -> int:
        return self.conv.groups

    @property
    def padding_mode(self) -> str:
        return self.conv.padding_mode

    @property
    def flip(self) -> bool:
        return self.conv.flip

    @property
    def is_stack(self) -> bool:
        """Anything but a scene of one convolution (which is written as version 1): more
        than one layer, or one transposed convolution."""
        return len(self.layers) > 1 or not isinstance(self.layers[0], Conv2d)

    def replace(self, **changes: Any) -> Scene:
        """A copy with *changes* applied (arrays are copied and frozen again).

        The names of :data:`CONV_FIELDS` change the focused convolution; ``input``,
        ``layers``, ``title``, ``channel_names``, ``focus`` and ``target`` the scene. A
        target not given is kept when the changed scene's output still fits it, else
        dropped; a target given must fit (:class:`TargetError`).
        """
        target = changes.pop("target", _KEEP)
        scene = self._changed(changes)
        if target is _KEEP:
            target = self.target if scene.target_fits(self.target) else None
        return scene if target is None else scene._changed({"target": target})

    def _changed(self, changes: dict[str, Any]) -> Scene:
        """A copy with *changes* applied and no target (:meth:`replace` sets it after)."""
        conv_changes = {k: changes.pop(k) for k in CONV_FIELDS if k in changes}
        fields: dict[str, Any] = {
            "input": self.input,
            "layers": self.layers,
            "title": self.title,
            "channel_names": self.channel_names,
            "focus": self.focus,
            "target": None,
        }
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Scene has no field {sorted(unknown)[0]!r}")
        fields.update(changes)
        scene = Scene(**fields)
        if not conv_changes:
            return scene
        index = scene.conv_index
        if index is None:
            raise NoConvolutionError("this scene's layers hold no convolution (conv2d)")
        conv = scene.conv
        layers = list(scene.layers)
        layers[index] = dataclasses.replace(conv, **conv_changes)
        return Scene(**{**fields, "layers": tuple(layers)})

    def same_as(self, other: Scene) -> bool:
        """True when both scenes hold the same numbers and settings (the focus aside)."""
        return (
            len(self.layers) == len(other.layers)
            and all(same_layer(a, b) for a, b in zip(self.layers, other.layers, strict=True))
            and np.array_equal(self.input, other.input)
            and self.title == other.title
            and self.channel_names == other.channel_names
            and _same_array(self.target, other.target)
        )

    def problem(self, x: np.ndarray | None = None) -> ConvProblem:
        """The focused convolution's problem: on the map it is given in the stack, or
        on input *x*.

        Raises
        ------
        ConvSettingsError
            When the settings are impossible (a :class:`StackLayerError` naming the layer
            when an earlier layer of a stack refuses its input).
        """
        if x is None:
            index = self.conv_index
            if index is None:
                raise NoConvolutionError("this scene's layers hold no convolution (conv2d)")
            x = self.input if index == 0 else stack_forward(self.layers[:index], self.input)[-1]
        return self.conv.problem(x)


def _shape3(x: np.ndarray) -> tuple[int, int, int]:
    return x.shape[0], x.shape[1], x.shape[2]


def _same_array(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Both ``None``, or arrays of the same shape and values."""
    if a is None or b is None:
        return a is b
    return bool(np.array_equal(a, b))


def same_layer(a: Layer, b: Layer) -> bool:
    """True when two layers have the same type and settings (arrays compared by value)."""
    if type(a) is not type(b):
        return False
    for f in dataclasses.fields(a):  # type: ignore[arg-type]
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if isinstance(va, np.ndarray) or isinstance(vb, np.ndarray):
            if va is None or vb is None:
                if va is not vb:
                    return False
            elif not np.array_equal(va, vb):
                return False
        elif va != vb:
            return False
    return True


# ---------------------------------------------------------------- reading


def _where(field_name: str, index: tuple[int, ...], ndim: int) -> str:
    """Where in the field *field_name* (a grid of *ndim* dimensions) *index* is, as
    ``input, row 2, column 3``."""
    if not index:
        return field_name
    # One whole phrase per dimension and depth, so that a translation may reorder them.
    templates = {
        1: (translate("Scene", "{0}, entry {1}"),),
        2: (
            translate("Scene", "{0}, row {1}"),
            translate("Scene", "{0}, row {1}, column {2}"),
        ),
        3: (
            translate("Scene", "{0}, channel {1}"),
            translate("Scene", "{0}, channel {1}, row {2}"),
            translate("Scene", "{0}, channel {1}, row {2}, column {3}"),
        ),
        4: (
            translate("Scene", "{0}, kernel {1}"),
            translate("Scene", "{0}, kernel {1}, slice {2}"),
            translate("Scene", "{0}, kernel {1}, slice {2}, row {3}"),
            translate("Scene", "{0}, kernel {1}, slice {2}, row {3}, column {4}"),
        ),
    }[ndim]
    index = index[:ndim]
    return templates[len(index) - 1].format(field_name, *(i + 1 for i in index))


def _dimensions(ndims: tuple[int, ...]) -> str:
    """``2-D or 3-D``: the numbers of dimensions a field may have."""
    forms = [translate("Scene", "{0}-D").format(n) for n in ndims]
    text = forms[0]
    for form in forms[1:]:
        text = translate("Scene", "{0} or {1}").format(text, form)
    return text


def _grid(value: Any, field_name: str, ndims: tuple[int, ...]) -> np.ndarray:
    """Validate a nested list of numbers with a regular shape."""
    if not isinstance(value, list) or not value:
        raise SceneFileError(
            translate("Scene", "“{0}” must be a non-empty list of rows of numbers.").format(
                field_name
            )
        )

    # A loop, not recursion: a list nested a thousand deep must be refused, not crash.
    ndim = 0
    probe = value
    while isinstance(probe, list) and probe and ndim < 5:
        ndim += 1
        probe = probe[0]
    if ndim not in ndims:
        if ndim < 5:
            found = translate("Scene", "{0}-D").format(ndim)
        else:
            found = translate("Scene", "{0}-D or more").format(5)
        raise SceneFileError(
            translate("Scene", "“{0}” must be a {1} list of numbers, not {2}.").format(
                field_name, _dimensions(ndims), found
            )
        )

    shape: list[int] = []
    probe = value
    for _ in range(ndim):
        shape.append(len(probe))
        probe = probe[0]
    rows: list[np.ndarray] = []

    def cell(v: Any, index: tuple[int, ...]) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise SceneFileError(
                translate("Scene", "{0}: {1} is not a number.").format(
                    _where(field_name, index, ndim), shown(v)
                )
            )
        # Compare first: a huge JSON integer is a Python int that numpy cannot take.
        if abs(v) > 1e12 or not np.isfinite(v):
            raise SceneFileError(
                translate("Scene", "{0}: {1} is out of range.").format(
                    _where(field_name, index, ndim), shown(v)
                )
            )
        return float(v)

    def walk(v: Any, index: tuple[int, ...]) -> None:
        level = len(index)
        if not isinstance(v, list):
            raise SceneFileError(
                translate("Scene", "{0}: expected a list, got {1}.").format(
                    _where(field_name, index, ndim), shown(v)
                )
            )
        if len(v) != shape[level]:
            raise SceneFileError(
                translate(
                    "Scene",
                    "{0} has {1} entries, but the first has {2}: "
                    "every row must be the same length.",
                ).format(_where(field_name, index, ndim), len(v), shape[level])
            )
        if level < ndim - 1:
            for i, item in enumerate(v):
                walk(item, (*index, i))
            return
        # A row of numbers: checked whole by numpy (ten times faster than cell by cell);
        # cell by cell only to name a bad one.
        row = _number_row(v)
        if row is None:
            row = np.array([cell(item, (*index, i)) for i, item in enumerate(v)])
        rows.append(row)

    if any(n > MAX_SIDE for n in shape[-2:]) or any(n > MAX_CHANNELS for n in shape[:-2]):
        raise SceneFileError(
            translate("Scene", "“{0}” is too large ({1}).").format(
                field_name, "×".join(map(str, shape))
            )
        )
    walk(value, ())
    return np.concatenate(rows).astype(np.float64).reshape(shape)


def _number_row(values: list[Any]) -> np.ndarray | None:
    """*values* as float64 when every one is a finite number within ±1e12, else None."""
    if not all(type(v) is int or type(v) is float for v in values):  # bool is not int here
        return None
    try:
        row = np.array(values, dtype=np.float64)
    except OverflowError:  # an integer beyond float range
        return None
    return row if bool(np.all(np.abs(row) <= 1e12)) else None  # NaN fails the comparison


SHOWN_CHARS = 40


def shown(value: Any, limit: int = SHOWN_CHARS) -> str:
    """*value* as the file spells it (true, null, "text"), cut to about *limit* characters.

    A message quotes a bad value, never a whole megabyte of it; building the text stops
    once it is long enough, so a list nested a thousand deep costs *limit* steps.
    """
    # JSON's escapes already spell a control character; shortened cuts it, as every quote.
    return shortened(_spelled(value, limit + 1), limit)


def _spelled(value: Any, limit: int) -> str:
    """*value* in JSON, stopping soon after *limit* characters."""
    if isinstance(value, list):
        parts, size = [], 1
        for item in value:
            if size > limit:
                break
            parts.append(_spelled(item, limit - size))
            size += len(parts[-1]) + 2
        return "[" + ", ".join(parts) + ("]" if size <= limit else "")
    if isinstance(value, dict):
        parts, size = [], 1
        for key, item in value.items():
            if size > limit:
                break
            parts.append(_spelled(str(key), limit) + ": " + _spelled(item, limit - size))
            size += len(parts[-1]) + 2
        return "{" + ", ".join(parts) + ("}" if size <= limit else "")
    if isinstance(value, str):
        return json.dumps(value[: limit + 1], ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        # Python refuses to spell an integer of more than 4300 digits; none needs spelling.
        digits = int(value.bit_length() * 0.30103) + 1
        return translate("Scene", "a number of about {0} digits").format(digits)
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)[: limit + 1]


def _pair(value: Any, field_name: str, minimum: int) -> Pair:
    items = value if isinstance(value, list) else [value, value]
    if len(items) != 2 or any(isinstance(v, bool) or not isinstance(v, int) for v in items):
        raise SceneFileError(
            translate("Scene", "“{0}” must be a whole number or a list of two, not {1}.").format(
                field_name, shown(value)
            )
        )
    for v in items:
        if v < minimum:
            raise SceneFileError(
                translate("Scene", "“{0}” must be at least {1}, not {2}.").format(
                    field_name, minimum, shown(v)
                )
            )
        if v > MAX_SIDE:
            raise SceneFileError(
                translate("Scene", "“{0}” must be at most {1}, not {2}.").format(
                    field_name, MAX_SIDE, shown(v)
                )
            )
    return int(items[0]), int(items[1])


_KNOWN = {"format", "version", "written_by", "title", "input", "kernels", "bias"} | {
    "true_convolution",
    "channel_names",
    "stride",
    "padding",
    "dilation",
    "groups",
    "padding_mode",
}


def scene_from_dict(data: Any) -> Scene:
    """Validate the JSON structure of a scene and build it.

    Raises
    ------
    SceneFileError
        The first problem, by field (and by row and column where that applies).
    """
    if not isinstance(data, dict):
        raise SceneFileError(
            translate("Scene", "The file does not hold a scene (expected a JSON object).")
        )
    if data.get("format") != FORMAT:
        raise SceneFileError(
            translate(
                "Scene", "This is not a ConvStudio scene: “format” is {0}, expected {1}."
            ).format(shown(data.get("format")), shown(FORMAT))
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SceneFileError(
            translate("Scene", "“version” must be a whole number, not {0}.").format(shown(version))
        )
    if version > VERSION and written_by(data) is not None:
        raise SceneFileError(
            translate(
                "Scene",
                "This scene was made by {0}; this is ConvStudio {1}, which cannot read its "
                "format (version {2}). Install {0} or newer to open it.",
            ).format(written_by(data), APP_VERSION, version)
        )
    if version > VERSION:
        raise SceneFileError(
            translate(
                "Scene",
                "This scene was saved by a newer ConvStudio (version {0}); "
                "this one reads version {1}.",
            ).format(shown(version), VERSION)
        )
    if version < 1:
        raise SceneFileError(
            translate("Scene", "“version” must be 1 or 2, not {0}.").format(shown(version))
        )
    if version >= 2:
        return _with_target(_stack_from_dict(data), data.get("target"))
    title, x = _title_and_input(data, _KNOWN, "kernels")
    w = _grid(data["kernels"], "kernels", (2, 3, 4))
    bias = data.get("bias")
    if bias is not None:
        if isinstance(bias, (int, float)) and not isinstance(bias, bool):
            bias = [bias]
        b = _grid(bias, "bias", (1,)) if isinstance(bias, list) and bias else None
        if b is None:
            raise SceneFileError(
                translate("Scene", "“bias” must be null or a list of numbers, one per kernel.")
            )
        bias = b
    padding = data.get("padding", 0)
    if isinstance(padding, str):
        if padding not in PADDING_WORDS:
            raise SceneFileError(
                translate("Scene", "“padding” must be a number or one of {0}, not {1}.").format(
                    ", ".join(PADDING_WORDS), shown(padding)
                )
            )
        padding_value: Pair | str = padding
    else:
        padding_value = _pair(padding, "padding", 0)
    mode = data.get("padding_mode", "zeros")
    if mode not in PADDING_MODES:
        raise SceneFileError(
            translate("Scene", "“padding_mode” must be one of {0}, not {1}.").format(
                ", ".join(PADDING_MODES), shown(mode)
            )
        )
    groups = data.get("groups", 1)
    if isinstance(groups, bool) or not isinstance(groups, int) or groups < 1:
        raise SceneFileError(
            translate("Scene", "“groups” must be a whole number of at least 1, not {0}.").format(
                shown(groups)
            )
        )
    if groups > MAX_CHANNELS:  # groups divide the channels, which are at most this
        raise SceneFileError(
            translate("Scene", "“groups” must be at most {0}, not {1}.").format(
                MAX_CHANNELS, shown(groups)
            )
        )
    flip = data.get("true_convolution", False)
    if not isinstance(flip, bool):
        raise SceneFileError(
            translate("Scene", "“true_convolution” must be true or false, not {0}.").format(
                shown(flip)
            )
        )
    names = _channel_names(data, x)
    return Scene(
        flip=flip,
        channel_names=names,
        input=x,
        kernels=w,
        bias=bias,
        stride=_pair(data.get("stride", 1), "stride", 1),
        padding=padding_value,
        dilation=_pair(data.get("dilation", 1), "dilation", 1),
        groups=groups,
        padding_mode=mode,
        title=title,
    )


def _title_and_input(data: dict[Any, Any], known: set[str], body: str) -> tuple[str, np.ndarray]:
    """What every version checks first: no unknown field, ``input`` and *body* present,
    the title, and the input grid."""
    unknown = sorted(set(data) - known, key=str)
    if unknown:
        raise SceneFileError(
            translate("Scene", "Unknown field “{0}”.").format(shortened(str(unknown[0])))
        )
    for required in ("input", body):
        if required not in data:
            raise SceneFileError(translate("Scene", "The field “{0}” is missing.").format(required))
    title = data.get("title", "")
    if not isinstance(title, str):
        raise SceneFileError(translate("Scene", "“title” must be text."))
    x = _grid(data["input"], "input", (2, 3))
    return title, x


_KNOWN_V2 = {"format", "version", "written_by", "title", "input", "channel_names", "layers"} | {
    "target"
}


def _stack_from_dict(data: dict[Any, Any]) -> Scene:
    """A version 2 scene: an input and its ``"layers"`` (read by :mod:`.layer_format`)."""
    from .layer_format import layers_from_list  # it reads grids with this module's helpers

    title, x = _title_and_input(data, _KNOWN_V2, "layers")
    names = _channel_names(data, x)
    layers = layers_from_list(data["layers"])
    if not any(isinstance(layer, CONVOLUTIONS) for layer in layers):
        raise SceneFileError(
            translate(
                "Scene", "“layers” must hold at least one “conv2d” or “conv_transpose2d” layer."
            )
        )
    return Scene(x, layers=layers, title=title, channel_names=names)


def _with_target(scene: Scene, target: Any) -> Scene:
    """*scene* with the file's ``"target"`` (``null`` or absent: none), checked."""
    if target is None:
        return scene
    try:
        return scene.replace(target=_grid(target, "target", (2, 3)))
    except TargetError as exc:
        raise SceneFileError(str(exc)) from None


def _channel_names(data: dict[Any, Any], x: np.ndarray) -> tuple[str, ...]:
    names = data.get("channel_names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise SceneFileError(
            translate("Scene", "“channel_names” must be a list of names, one per input channel.")
        )
    channels = x.shape[0] if x.ndim == 3 else 1
    if names and len(names) != channels:
        if channels == 1:
            text = translate(
                "Scene", "“channel_names” has {0} names, but the input has {1} channel."
            )
        else:
            text = translate(
                "Scene", "“channel_names” has {0} names, but the input has {1} channels."
            )
        raise SceneFileError(text.format(len(names), channels))
    return tuple(names)


def load_scene(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> Scene:
    """Read and validate a scene file.

    Only a regular file of at most *max_bytes* is read: a named pipe, a device or a huge
    file is refused before reading.

    Raises
    ------
    SceneFileError
        When the file cannot be read, is not JSON, or is not a valid scene.
    """
    p = Path(path)
    try:
        text = read_text_checked(p, max_bytes, translate("Scene", "a scene file"))
    except FileCheckError as exc:
        raise SceneFileError(str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SceneFileError(
            translate("Scene", "{0} is not valid JSON (line {1}, column {2}: {3}).").format(
                shown_name(p), exc.lineno, exc.colno, exc.msg
            )
        ) from None
    except ValueError:
        # Python refuses integers of more than 4300 digits (sys.set_int_max_str_digits).
        raise SceneFileError(
            translate("Scene", "{0} holds a number too long to read.").format(shown_name(p))
        ) from None
    except RecursionError:
        raise SceneFileError(_too_deep(p)) from None
    try:
        return scene_from_dict(data)
    except SceneFileError as exc:
        # The file's name, then what is wrong in it.
        raise SceneFileError(translate("Scene", "{0}: {1}").format(shown_name(p), exc)) from None
    except RecursionError:  # a safety net: the parser itself does not recurse deeply
        raise SceneFileError(_too_deep(p)) from None


def _too_deep(p: Path) -> str:
    return translate("Scene", "{0} is nested too deeply to be a scene.").format(shown_name(p))


# ---------------------------------------------------------------- writing


def _nested(array: np.ndarray) -> Any:
    if array.ndim == 0:
        return json_number(float(array))
    return [_nested(item) for item in array]


def _pair_json(pair: Pair) -> int | list[int]:
    return pair[0] if pair[0] == pair[1] else [pair[0], pair[1]]


def scene_to_dict(scene: Scene) -> dict[str, Any]:
    """The JSON form of *scene*, using the shortest input and kernel forms that fit.

    A scene of one convolution without a target is written as version 1, which every
    ConvStudio reads; a stack, or a scene with a target (for training), as version 2: a
    version 1 file has no place for a target, and a reader that knows only version 1 then
    says that a newer ConvStudio wrote the file rather than that "target" is unknown.
    """
    x = scene.input[0] if scene.input.shape[0] == 1 else scene.input
    version_2 = scene.is_stack or scene.target is not None
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": 2 if version_2 else 1,
        "written_by": WRITTEN_BY,
        "title": scene.title,
        "input": _nested(x),
    }
    names = {"channel_names": list(scene.channel_names)} if scene.channel_names else {}
    if version_2:
        from .layer_format import layer_to_dict

        body = {**head, **names, "layers": [layer_to_dict(layer) for layer in scene.layers]}
        if scene.target is not None:
            t = scene.target[0] if scene.target.shape[0] == 1 else scene.target
            body["target"] = _nested(t)
        return body
    w: np.ndarray = scene.kernels
    if w.shape[0] == 1:
        w = w[0]
        if w.shape[0] == 1:
            w = w[0]
    padding = scene.padding if isinstance(scene.padding, str) else _pair_json(scene.padding)
    return {
        **head,
        "kernels": _nested(w),
        "bias": None if scene.bias is None else _nested(scene.bias),
        "stride": _pair_json(scene.stride),
        "padding": padding,
        "dilation": _pair_json(scene.dilation),
        "groups": scene.groups,
        "padding_mode": scene.padding_mode,
        "true_convolution": scene.flip,
        **names,
    }


# A temporary left by a save that was killed: ".NAME.convstudio-PID-RANDOM.tmp". The pid
# says whose it is, so a later start can tell an abandoned one from a save in progress.
_TEMP_NAME = re.compile(r"\..*\.convstudio-([0-9]+)-[a-z0-9_]+\.tmp", re.DOTALL)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* in UTF-8, as :func:`atomic_write_bytes` writes bytes."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write *data* to *path* so that a crash leaves either the old file or the new one.

    The temporary, in the same folder, is named ``.NAME.convstudio-PID-RANDOM.tmp``;
    :func:`remove_interrupted_saves` removes those a killed process left.

    Raises
    ------
    OSError
        When the folder cannot be written or the disk is full; *path* is then unchanged.
    """
    target = Path(path)
    fd, temp = tempfile.mkstemp(
        # A long name is cut so that the temporary's name stays within 255 bytes.
        prefix=f".{target.name[:40]}.convstudio-{os.getpid()}-",
        suffix=".tmp",
        dir=target.parent,
    )
    try:
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        try:
            # os.write, not a buffered file: after a short write (a disk filling up) the io
            # layer can drop the rest without an error; os.write reports every failure.
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def process_running(pid: int) -> bool:
    """Whether process *pid* may still be running (True when unsure)."""
    if sys.platform == "win32" or pid <= 0:
        return True  # os.kill(pid, 0) would terminate a Windows process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:
        return False  # no such pid can exist
    except OSError:
        return True  # e.g. PermissionError: another user's live process
    return True


def remove_interrupted_saves(
    folder: str | os.PathLike[str], name: str | None = None, *, ours: bool = False
) -> list[Path]:
    """Remove the temporaries that saves killed midway left in *folder*.

    Only files named as :func:`atomic_write_text` names them, whose process is no longer
    running, are removed; a save in progress in another process keeps its temporary.

    Parameters
    ----------
    folder
        Where to look.
    name
        Only the temporaries of saves of this file name (a command clears its own
        target's); by default every one.
    ours
        Remove this process's own temporaries instead: its save is being stopped (a
        TERM, INT or HUP signal).

    Returns
    -------
    list of pathlib.Path
        The files removed (none when *folder* cannot be read).
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    prefix = None if name is None else f".{name[:40]}.convstudio-"
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or (prefix is not None and not entry.name.startswith(prefix)):
            continue
        pid = int(match.group(1))
        if (pid != os.getpid()) if ours else process_running(pid):
            continue
        try:
            if entry.is_symlink() or not entry.is_file():
                continue
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def save_scene(scene: Scene, path: str | os.PathLike[str]) -> None:
    """Save *scene* as JSON, atomically.

    Raises
    ------
    OSError
        When the folder cannot be written.
    """
    atomic_write_text(path, _dumps(scene_to_dict(scene)))


def _dumps(data: dict[str, Any]) -> str:
    # One matrix row per line: readable and diffable by a teacher.
    def rows(value: Any, indent: str) -> str:
        # A list of rows, or of layers (a stack's): one item per line.
        if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
            inner = indent + "  "
            body = (",\n" + inner).join(rows(v, inner) for v in value)
            return "[\n" + inner + body + "\n" + indent + "]"
        return _json_text(value)

    lines = [f'  "{key}": {rows(value, "  ")}' for key, value in data.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _json_text(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800") has no UTF-8 form; JSON's escape keeps it.
        text = json.dumps(value)
    return text
