"""The "layers" of a version 2 scene: one table read by one reader, refusals that name the
layer and the key, and a round trip through the file's form."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d
from convstudio.model.layer_format import (
    LAYER_TYPES,
    MAX_LAYERS,
    layer_from_dict,
    layer_to_dict,
    layers_from_list,
)
from convstudio.model.scene import SceneFileError

PAIR = st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3), st.integers(1, 3)).map(list))


@st.composite
def layer_dicts(draw):
    kind = draw(st.sampled_from(sorted(LAYER_TYPES)))
    data = {"type": kind}
    if kind == "conv2d":
        kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        data["kernels"] = [[draw(st.integers(-9, 9)) for _ in range(kw)] for _ in range(kh)]
        if draw(st.booleans()):
            data["bias"] = [draw(st.integers(-5, 5))]
        if draw(st.booleans()):
            data["stride"] = draw(PAIR)
        if draw(st.booleans()):
            choices = ["valid", "full", 1, [0, 2]] + (["same"] if "stride" not in data else [])
            data["padding"] = draw(st.sampled_from(choices))
        if draw(st.booleans()):
            data["padding_mode"] = draw(st.sampled_from(["zeros", "reflect", "circular"]))
        if draw(st.booleans()):
            data["true_convolution"] = draw(st.booleans())
    elif kind == "conv_transpose2d":
        kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        channels = draw(st.integers(1, 2))
        kernel = [[draw(st.integers(-9, 9)) for _ in range(kw)] for _ in range(kh)]
        data["kernels"] = kernel if channels == 1 else [[kernel], [kernel]]
        if draw(st.booleans()):
            data["bias"] = [draw(st.integers(-5, 5))]
        stride = draw(st.integers(1, 3))
        if draw(st.booleans()):
            data["stride"] = stride
            data["output_padding"] = draw(st.integers(0, stride - 1))
        if draw(st.booleans()):
            data["padding"] = draw(PAIR)
        if draw(st.booleans()):
            data["stepping"] = draw(st.sampled_from(["scatter", "gather"]))
    elif kind == "leaky_relu" and draw(st.booleans()):
        data["negative_slope"] = draw(st.sampled_from([0.1, 0.2, 0.01]))
    elif kind in ("max_pool2d", "avg_pool2d"):
        k = draw(st.integers(1, 4))
        data["kernel_size"] = k
        if draw(st.booleans()):
            data["stride"] = draw(PAIR)
        if draw(st.booleans()):
            data["padding"] = draw(st.integers(0, k // 2))
        if draw(st.booleans()):
            data["ceil_mode"] = draw(st.booleans())
        if kind == "avg_pool2d" and draw(st.booleans()):
            data["count_include_pad"] = draw(st.booleans())
    return data


def canonical(data):
    """The file's shortest spelling: equal pairs as one number, defaults left out."""
    layer = layer_from_dict(data, 1)
    return layer_to_dict(layer)


@given(st.lists(layer_dicts(), min_size=1, max_size=MAX_LAYERS))
@settings(deadline=None)
def test_layers_round_trip_through_the_file_form(data):
    layers = layers_from_list(data)
    written = [layer_to_dict(layer) for layer in layers]
    again = layers_from_list(json.loads(json.dumps(written)))
    assert [layer_to_dict(layer) for layer in again] == written
    for original, copy in zip(layers, again, strict=True):
        assert type(original) is type(copy)
        assert original.kind == copy.kind
        assert original.window() == copy.window()


def test_a_transposed_convolution_is_read_in_torchs_layout_and_written_back():
    data = {
        "type": "conv_transpose2d",
        "kernels": [[[[1, 2], [3, 4]], [[0, 0], [0, 1]]]],  # (C_in 1, C_out 2, 2, 2)
        "bias": [1, -1],
        "stride": 2,
        "padding": [0, 1],
        "output_padding": 1,
        "stepping": "gather",
    }
    layer = layer_from_dict(data, 1)
    assert isinstance(layer, ConvTranspose2d) and layer.kernels.shape == (1, 2, 2, 2)
    assert layer.output_shape((1, 3, 3)) == (2, 7, 5)
    assert layer.stepping == "gather" and layer.bias.tolist() == [1.0, -1.0]
    assert layer_to_dict(layer) == data
    plain = layer_from_dict({"type": "conv_transpose2d", "kernels": [[1, 1], [1, 1]]}, 2)
    assert plain.kernels.shape == (1, 1, 2, 2) and plain.stepping == "scatter"
    assert layer_to_dict(plain) == {"type": "conv_transpose2d", "kernels": [[1, 1], [1, 1]]}


def test_each_type_builds_the_engines_layer():
    layers = layers_from_list(
        [
            {"type": "conv2d", "kernels": [[1, 0], [0, 1]], "bias": 3, "padding": "same"},
            {"type": "leaky_relu", "negative_slope": 0.1},
            {"type": "max_pool2d", "kernel_size": 2},
            {"type": "avg_pool2d", "kernel_size": [3, 2], "stride": 2, "count_include_pad": False},
        ]
    )
    conv, leaky, pool, avg = layers
    assert isinstance(conv, Conv2d) and conv.bias.tolist() == [3.0] and conv.padding == "same"
    assert isinstance(leaky, Activation) and leaky.negative_slope == 0.1
    assert isinstance(pool, Pool2d) and pool.window().stride == (2, 2)  # stride = the window
    assert isinstance(avg, Pool2d) and avg.window().kernel == (3, 2)
    assert avg.count_include_pad is False


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([{"type": "swish"}], "Layer 1: unknown type"),
        ([{"type": "relu"}, {"kernels": [[1]]}], "Layer 2: the key “type” is missing."),
        ([{"type": "relu", "slope": 1}], "Layer 1 (relu): unknown key “slope”."),
        ([{"type": "conv2d"}], "Layer 1 (conv2d): the key “kernels” is missing."),
        ([{"type": "max_pool2d"}], "Layer 1 (max_pool2d): the key “kernel_size” is missing."),
        (
            [
                {"type": "relu"},
                {"type": "relu"},
                {"type": "max_pool2d", "kernel_size": 2, "padding": 2},
            ],
            "Layer 3 (max_pool2d): “padding” is 2, more than half the window of 2: at most 1.",
        ),
        ([{"type": "avg_pool2d", "kernel_size": 2, "dilation": 2}], "unknown key “dilation”"),
        ([{"type": "max_pool2d", "kernel_size": 0}], "Layer 1 (max_pool2d): “kernel_size”"),
        ([{"type": "max_pool2d", "kernel_size": 2, "ceil_mode": 1}], "“ceil_mode” must be true"),
        ([{"type": "conv2d", "kernels": [[1, "a"]]}], "Layer 1 (conv2d): kernels, row 1, column 2"),
        ([{"type": "conv2d", "kernels": [[1]], "padding_mode": "mirror"}], "“padding_mode”"),
        ([{"type": "leaky_relu", "negative_slope": None}], "“negative_slope” must be a number"),
        (
            [{"type": "conv2d", "kernels": [[1]], "padding": "same", "stride": [1, 2]}],
            "Layer 1 (conv2d): “padding” “same” needs a stride of 1, not [1, 2].",
        ),
        ([], "“layers” must be a non-empty list"),
        ({"type": "relu"}, "“layers” must be a non-empty list"),
        ([{"type": "relu"}] * (MAX_LAYERS + 1), f"at most {MAX_LAYERS}"),
        ([3], "Layer 1: a layer must be a JSON object."),
        (
            [{"type": "conv_transpose2d", "kernels": [[1]], "stride": 2, "output_padding": 2}],
            "Layer 1 (conv_transpose2d): “output_padding” is 2; it must be smaller than the "
            "stride (2) or the dilation (1).",
        ),
        (
            [{"type": "conv_transpose2d", "kernels": [[1]], "stepping": "sideways"}],
            "Layer 1 (conv_transpose2d): “stepping” must be one of scatter, gather, not "
            '"sideways".',
        ),
        ([{"type": "conv_transpose2d"}], "Layer 1 (conv_transpose2d): the key “kernels” is"),
        (
            [{"type": "conv_transpose2d", "kernels": [[1]], "output_padding": -1}],
            "Layer 1 (conv_transpose2d): “output_padding”",
        ),
        (
            [{"type": "conv_transpose2d", "kernels": [[1]], "padding_mode": "zeros"}],
            "Layer 1 (conv_transpose2d): unknown key “padding_mode”.",
        ),
    ],
)
def test_each_refusal_names_the_layer_and_the_key(data, expected):
    with pytest.raises(SceneFileError) as refused:
        layers_from_list(data)
    assert expected in str(refused.value)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["type", "kernels", "kernel_size", "stride", "padding", "bias", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(
    st.lists(
        st.one_of(
            layer_dicts(),
            JSON,
            st.fixed_dictionaries({"type": st.sampled_from(sorted(LAYER_TYPES))}, optional={
                "kernels": JSON, "kernel_size": JSON, "stride": JSON, "padding": JSON,
                "bias": JSON, "ceil_mode": JSON, "negative_slope": JSON,
            }),
        ),
        max_size=8,
    )
)  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_any_input_loads_or_gives_one_line_that_names_the_layer(data):
    try:
        layers = layers_from_list(data)
    except SceneFileError as refused:
        text = str(refused)
        assert "\n" not in text and len(text) < 300
        assert text.startswith(("Layer ", "“layers”"))
        return
    assert 1 <= len(layers) <= MAX_LAYERS
    for layer in layers:
        # Whatever loaded can be written and read back the same.
        assert canonical(layer_to_dict(layer)) == layer_to_dict(layer)
        assert np.isfinite(getattr(layer, "negative_slope", 0.0))
