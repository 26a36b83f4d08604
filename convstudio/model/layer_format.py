"""The ``"layers"`` of a version 2 scene file, read from one declarative table.

Each layer type is described once, by its keys (with PyTorch's names), their kinds, ranges
and defaults; one reader walks that table, so a new layer type is a new row, not a longer
function. Every refusal names the layer (its number from 1 and its type) and the key::

    {"type": "conv2d", "kernels": [[1, 0], [0, 1]], "stride": 1, "padding": "same"}
    {"type": "leaky_relu", "negative_slope": 0.1}
    {"type": "max_pool2d", "kernel_size": 2}
    {"type": "avg_pool2d", "kernel_size": 3, "stride": 2, "count_include_pad": false}

A layer's settings that do not fit the map it is given (a window larger than its input) are
the engine's to refuse, with the numbers, once the shapes are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine import PADDING_MODES, PADDING_WORDS
from ..engine.layers import ACTIVATIONS, Activation, Conv2d, Layer, Pool2d
from .i18n import translate
from .numbers import json_number, shortened
from .scene import MAX_CHANNELS, SceneFileError, _grid, _pair, shown

MAX_LAYERS = 6


@dataclass(frozen=True)
class Key:
    """One key of a layer type.

    Attributes
    ----------
    name
        As in the file (PyTorch's argument name).
    read
        Checks the file's value and returns the layer's (raises :class:`SceneFileError`).
    default
        The value when the key is absent; ``REQUIRED`` when it must be there.
    """

    name: str
    read: Callable[[Any, str], Any]
    default: Any = None


REQUIRED = object()


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise SceneFileError(
            translate("Layers", "“{0}” must be true or false, not {1}.").format(name, shown(value))
        )
    return value


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not abs(value) <= 1e12:
        raise SceneFileError(
            translate("Layers", "“{0}” must be a number, not {1}.").format(name, shown(value))
        )
    return float(value)


def _positive_pair(value: Any, name: str) -> tuple[int, int]:
    return _pair(value, name, 1)


def _optional_pair(value: Any, name: str) -> tuple[int, int] | None:
    return None if value is None else _pair(value, name, 1)


def _padding_pair(value: Any, name: str) -> tuple[int, int]:
    return _pair(value, name, 0)


def _conv_padding(value: Any, name: str) -> tuple[int, int] | str:
    if isinstance(value, str):
        if value not in PADDING_WORDS:
            raise SceneFileError(
                translate("Layers", "“{0}” must be a number or one of {1}, not {2}.").format(
                    name, ", ".join(PADDING_WORDS), shown(value)
                )
            )
        return value
    return _pair(value, name, 0)


def _mode(value: Any, name: str) -> str:
    if not isinstance(value, str) or value not in PADDING_MODES:
        raise SceneFileError(
            translate("Layers", "“{0}” must be one of {1}, not {2}.").format(
                name, ", ".join(PADDING_MODES), shown(value)
            )
        )
    return value


def _groups(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CHANNELS:
        raise SceneFileError(
            translate("Layers", "“{0}” must be a whole number from 1 to {1}, not {2}.").format(
                name, MAX_CHANNELS, shown(value)
            )
        )
    return value


def _kernels(value: Any, name: str) -> np.ndarray:
    return _grid(value, name, (2, 3, 4))


def _bias(value: Any, name: str) -> np.ndarray | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise SceneFileError(
            translate("Layers", "“{0}” must be null or a list of numbers, one per kernel.").format(
                name
            )
        )
    return _grid(value, name, (1,))


def _make_conv(v: dict[str, Any]) -> Layer:
    if v["padding"] == "same" and v["stride"] != (1, 1):
        # torch refuses it too: at a stride above 1 no output can be as large as the input.
        raise SceneFileError(
            translate("Layers", "“padding” “same” needs a stride of 1, not {0}.").format(
                _json_value(v["stride"])
            )
        )
    return Conv2d(
        v["kernels"],
        v["bias"],
        stride=v["stride"],
        padding=v["padding"],
        dilation=v["dilation"],
        groups=v["groups"],
        padding_mode=v["padding_mode"],
        flip=v["true_convolution"],
    )


def _make_pool(kind: str) -> Callable[[dict[str, Any]], Layer]:
    def make(v: dict[str, Any]) -> Layer:
        # Padding over half the window is refused whatever the input (torch refuses it too).
        for axis in (0, 1):
            if v["padding"][axis] > v["kernel_size"][axis] // 2:
                raise SceneFileError(
                    translate(
                        "Layers", "“padding” is {0}, more than half the window of {1}: at most {2}."
                    ).format(
                        v["padding"][axis], v["kernel_size"][axis], v["kernel_size"][axis] // 2
                    )
                )
        return Pool2d(kind, **v)

    return make


def _make_activation(kind: str) -> Callable[[dict[str, Any]], Layer]:
    def make(v: dict[str, Any]) -> Layer:
        return Activation(kind, **v)

    return make


_WINDOW = (
    Key("kernel_size", _positive_pair, REQUIRED),
    Key("stride", _optional_pair, None),
    Key("padding", _padding_pair, (0, 0)),
)

# type → (its keys, how the engine's layer is made from their values)
LAYER_TYPES: dict[str, tuple[tuple[Key, ...], Callable[[dict[str, Any]], Layer]]] = {
    "conv2d": (
        (
            Key("kernels", _kernels, REQUIRED),
            Key("bias", _bias, None),
            Key("stride", _positive_pair, (1, 1)),
            Key("padding", _conv_padding, (0, 0)),
            Key("dilation", _positive_pair, (1, 1)),
            Key("groups", _groups, 1),
            Key("padding_mode", _mode, "zeros"),
            Key("true_convolution", _bool, False),
        ),
        _make_conv,
    ),
    "relu": ((), _make_activation("relu")),
    "leaky_relu": ((Key("negative_slope", _number, 0.01),), _make_activation("leaky_relu")),
    "sigmoid": ((), _make_activation("sigmoid")),
    "tanh": ((), _make_activation("tanh")),
    "max_pool2d": (
        (
            *_WINDOW,
            Key("dilation", _positive_pair, (1, 1)),
            Key("ceil_mode", _bool, False),
        ),
        _make_pool("max_pool2d"),
    ),
    "avg_pool2d": (
        (
            *_WINDOW,
            Key("ceil_mode", _bool, False),
            Key("count_include_pad", _bool, True),
        ),
        _make_pool("avg_pool2d"),
    ),
}
assert set(ACTIVATIONS) <= set(LAYER_TYPES)


def _named(number: int, kind: str | None, text: str) -> SceneFileError:
    """A refusal that names the layer: "Layer 3 (max_pool2d): …"."""
    if kind is None:
        return SceneFileError(translate("Layers", "Layer {0}: {1}").format(number, text))
    return SceneFileError(translate("Layers", "Layer {0} ({1}): {2}").format(number, kind, text))


def layer_from_dict(data: Any, number: int) -> Layer:
    """Validate one layer of the file (*number* counts from 1) and build the engine's layer.

    Raises
    ------
    SceneFileError
        Naming the layer and the key.
    """
    if not isinstance(data, dict):
        raise _named(number, None, translate("Layers", "a layer must be a JSON object."))
    if "type" not in data:
        raise _named(number, None, translate("Layers", "the key “type” is missing."))
    kind = data["type"]
    if not isinstance(kind, str) or kind not in LAYER_TYPES:
        raise _named(
            number,
            None,
            translate("Layers", "unknown type {0}; use one of {1}.").format(
                shown(kind), ", ".join(LAYER_TYPES)
            ),
        )
    keys, make = LAYER_TYPES[kind]
    known = {key.name for key in keys} | {"type"}
    unknown = sorted((str(k) for k in data if k not in known), key=str)
    if unknown:
        raise _named(
            number,
            kind,
            translate("Layers", "unknown key “{0}”.").format(shortened(unknown[0])),
        )
    values: dict[str, Any] = {}
    for key in keys:
        if key.name not in data:
            if key.default is REQUIRED:
                raise _named(
                    number, kind, translate("Layers", "the key “{0}” is missing.").format(key.name)
                )
            values[key.name] = key.default
            continue
        try:
            values[key.name] = key.read(data[key.name], key.name)
        except SceneFileError as error:
            raise _named(number, kind, str(error)) from None
    try:
        return make(values)
    except SceneFileError as error:
        raise _named(number, kind, str(error)) from None


def layers_from_list(data: Any) -> tuple[Layer, ...]:
    """Validate the ``"layers"`` list of a version 2 file.

    Raises
    ------
    SceneFileError
        When it is not a list of 1 to ``MAX_LAYERS`` layers, or a layer is wrong.
    """
    if not isinstance(data, list) or not data:
        raise SceneFileError(translate("Layers", "“layers” must be a non-empty list of layers."))
    if len(data) > MAX_LAYERS:
        raise SceneFileError(
            translate("Layers", "“layers” has {0} layers; a scene holds at most {1}.").format(
                len(data), MAX_LAYERS
            )
        )
    return tuple(layer_from_dict(item, number) for number, item in enumerate(data, start=1))


# ---------------------------------------------------------------- writing


def _nested(array: np.ndarray) -> Any:
    if array.ndim == 0:
        return json_number(float(array))
    return [_nested(item) for item in array]


def kernels_json(kernels: np.ndarray) -> Any:
    """Kernels as a layer's ``"kernels"`` is written: a 2-D grid for one kernel of one
    slice, else the whole 4-D array (also the layout of their gradients)."""
    kernels = np.asarray(kernels)
    return _nested(kernels[0, 0] if kernels.shape[:2] == (1, 1) else kernels)


def _json_value(value: Any) -> Any:
    """A setting as the file spells it: a pair of equal numbers as one number."""
    if isinstance(value, (tuple, list)):
        first, second = value
        return int(first) if first == second else [int(first), int(second)]
    return value


def layer_to_dict(layer: Layer) -> dict[str, Any]:
    """The file's form of *layer*: its type, then every key that differs from the default."""
    keys, _ = LAYER_TYPES[layer.kind]
    out: dict[str, Any] = {"type": layer.kind}
    for key in keys:
        value = _value_of(layer, key.name)
        if key.name == "kernels":
            out["kernels"] = kernels_json(value)
        elif key.name == "bias":
            if value is not None:
                out["bias"] = _nested(np.asarray(value))
        elif key.default is REQUIRED or _json_value(value) != _json_value(key.default):
            out[key.name] = _json_value(value)
    return out


def _value_of(layer: Layer, name: str) -> Any:
    """The setting *name* of *layer*, as the table's key names it."""
    if name == "true_convolution":
        return getattr(layer, "flip")  # noqa: B009 — every conv2d layer has it
    return getattr(layer, name)
