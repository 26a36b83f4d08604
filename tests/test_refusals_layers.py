"""The layers' refusals (pooling, and a stack naming its layer) phrased through translate():
the same English as str(error), and every word in the user's language."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convstudio.engine import KernelTooLargeError
from convstudio.engine.layers import (
    Conv2d,
    Pool2d,
    PoolEmptyWindowError,
    PoolKernelSizeError,
    PoolPaddingError,
    PoolTooSmallError,
    StackLayerError,
    shapes,
)
from convstudio.engine.layers import pooling as pooling_module
from convstudio.model.i18n import set_translator
from convstudio.model.refusals import settings_error_text

CONSTRUCTED = {
    PoolKernelSizeError: [(0,), (-2,)],
    PoolPaddingError: [(0, 2, 2), (1, 3, 4), (0, 1, 1)],
    PoolTooSmallError: [(0, 1, 2, 0), (1, 2, 3, 0), (0, 1, 5, 1), (1, 3, 7, 2)],
    PoolEmptyWindowError: [(0, 0), (1, 3)],
}


def constructed_errors():
    errors = [cls(*args) for cls, cases in CONSTRUCTED.items() for args in cases]
    return [
        *errors,
        StackLayerError(2, "max_pool2d", (1, 1, 1), PoolTooSmallError(0, 1, 2, 0)),
        StackLayerError(1, "conv2d", (1, 2, 2), KernelTooLargeError(0, 2, 3)),
    ]


def test_every_pooling_error_is_covered():
    classes = {
        value
        for value in vars(pooling_module).values()
        if isinstance(value, type)
        and value.__name__.startswith("Pool")
        and "Error" in value.__name__
    }
    assert classes == set(CONSTRUCTED)


@pytest.mark.parametrize("error", constructed_errors(), ids=repr)
def test_a_layers_refusal_reads_as_its_english(error):
    assert settings_error_text(error) == str(error)


@pytest.fixture
def fake_translator():
    set_translator(lambda context, text: "«" + text + "»")
    try:
        yield
    finally:
        set_translator(None)


@pytest.mark.usefixtures("fake_translator")
@pytest.mark.parametrize("error", constructed_errors(), ids=repr)
def test_a_layers_refusal_goes_through_translate(error):
    text = settings_error_text(error)
    assert text != str(error)
    assert text.startswith("«") and text.endswith("»")
    if isinstance(error, StackLayerError):  # the layer's words, then its own error's
        assert text.count("«") >= 2


@settings(max_examples=200, deadline=None)
@given(
    side=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    kind=st.sampled_from(["max_pool2d", "avg_pool2d"]),
    kernel=st.tuples(st.integers(-1, 5), st.integers(-1, 5)),
    stride=st.one_of(st.none(), st.integers(1, 3)),
    padding=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    dilation=st.integers(1, 3),
    ceil_mode=st.booleans(),
)
def test_any_refused_pool_in_a_stack_reads_as_its_english(
    side, kind, kernel, stride, padding, dilation, ceil_mode
):
    pool = Pool2d(
        kind,
        kernel,
        stride=stride,
        padding=padding,
        dilation=dilation if kind == "max_pool2d" else 1,
        ceil_mode=ceil_mode,
    )
    try:
        shapes((Conv2d(np.ones((1, 1))), pool), (1, *side))
    except StackLayerError as error:
        assert settings_error_text(error) == str(error)
