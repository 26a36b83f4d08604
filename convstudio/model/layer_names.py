"""A layer's short name in the user's language: "conv 3×3", "ReLU", "max pool 2×2".

The side panel's list, the refusals that name a layer ("Layer 3 (max pool 2×2): …") and
the type selector read them here. The file format keeps its own names (``max_pool2d``).
"""

from __future__ import annotations

from ..engine.layers import Layer
from .i18n import translate


def type_name(kind: str) -> str:
    """What a layer type is called in a menu: "convolution", "max pooling", …

    A type this module does not know is given back as it is (its file name).
    """
    names = {
        "conv2d": translate("LayerNames", "convolution"),
        "relu": translate("LayerNames", "ReLU"),
        "leaky_relu": translate("LayerNames", "leaky ReLU"),
        "sigmoid": translate("LayerNames", "sigmoid"),
        "tanh": translate("LayerNames", "tanh"),
        "max_pool2d": translate("LayerNames", "max pooling"),
        "avg_pool2d": translate("LayerNames", "average pooling"),
        "conv_transpose2d": translate("LayerNames", "transposed convolution"),
    }
    return names.get(kind, kind)


def layer_name(layer: Layer) -> str:
    """*layer*'s short name with its window: "conv 3×3", "ReLU", "max pool 2×2"."""
    kind = layer.kind
    if kind in ("conv2d", "max_pool2d", "avg_pool2d", "conv_transpose2d"):
        try:
            rows, cols = layer.window().kernel
        except ValueError:  # settings the engine refuses ('same' at stride 2): the size alone
            kernels = getattr(layer, "kernels", None)
            if kernels is None:
                return type_name(kind)
            rows, cols = kernels.shape[-2:]
        if kind == "conv2d":
            #: A convolution layer's short name; {0}×{1} is its kernel's size.
            text = translate("LayerNames", "conv {0}×{1}")
        elif kind == "conv_transpose2d":
            #: A transposed convolution layer's short name; {0}×{1} is its kernel's size.
            text = translate("LayerNames", "tconv {0}×{1}")
        elif kind == "max_pool2d":
            #: A max pooling layer's short name; {0}×{1} is its window's size.
            text = translate("LayerNames", "max pool {0}×{1}")
        else:
            text = translate("LayerNames", "avg pool {0}×{1}")
        return text.format(rows, cols)
    return type_name(kind)


def numbered_name(index: int, layer: Layer) -> str:
    """The list's entry of layer *index* (0-based): "3 max pool 2×2"."""
    #: {0} is the layer's number from 1, {1} its short name ("max pool 2×2").
    return translate("LayerNames", "{0} {1}").format(index + 1, layer_name(layer))


__all__ = ["layer_name", "numbered_name", "type_name"]
