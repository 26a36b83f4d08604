"""The engine's refusals phrased through translate(): the same English as str(error)."""

import inspect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convstudio.engine import (
    PADDING_MODES,
    PADDING_WORDS,
    BiasShapeError,
    ChannelMismatchError,
    ConvSettingsError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    KernelTooLargeError,
    NegativePaddingError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    ShapeError,
    TooLargeError,
    UnknownPaddingError,
    conv2d,
    plan,
)
from convstudio.engine import errors as engine_error_classes
from convstudio.model.i18n import set_translator
from convstudio.model.refusals import settings_error_text

# Every error class with a few argument sets: singular and plural counts, both axes,
# with and without dilation or groups, and the phrases the engine really passes.
CONSTRUCTED = {
    ShapeError: [
        ("input", (5,), "H×W or C×H×W"),
        ("input", (1, 1, 5, 5), "H×W or C×H×W"),
        ("input", (), "H×W or C×H×W"),
        ("kernel", (3,), "kH×kW, C×kH×kW or O×C×kH×kW"),
        ("kernel", (), "kH×kW, C×kH×kW or O×C×kH×kW"),
        ("input", (0, 5), "at least 1 in every dimension"),
        ("kernel", (1, 0, 3, 3), "at least 1 in every dimension"),
        ("bias", (2, 2), "a single row"),  # a phrase the engine does not use today
        ("bias", (), "a single row"),
    ],
    InvalidStrideError: [(0,), (-2,), (-10,)],
    InvalidDilationError: [(0,), (-1,)],
    NegativePaddingError: [(-1,), (-3,)],
    UnknownPaddingError: [
        ("padding", "half", PADDING_WORDS),
        ("padding", 1.5, PADDING_WORDS),
        ("padding mode", "mirror", PADDING_MODES),
        ("padding mode", "", PADDING_MODES),
        ("padding style", "odd", ("a", "b")),  # a word the engine does not use today
    ],
    SamePaddingStrideError: [((2, 2),), ((1, 2),), ((3, 1),)],
    KernelTooLargeError: [
        (0, 3, 5),
        (1, 1, 2),
        (0, 1, 4, 1),
        (1, 4, 5, 2),
        (0, 1, 7, 3),
        (1, 2, 9, 4),
    ],
    PaddingTooLargeError: [
        ("reflect", 0, 2, 2),
        ("reflect", 1, 3, 3),
        ("reflect", 0, 1, 1),
        ("circular", 0, 3, 2),
        ("circular", 1, 5, 1),
    ],
    GroupsError: [(3, 2, 2), (4, 3, 2), (2, 2, 3), (1, 1, 2), (1, 3, 2), (2, 2, 0), (2, 2, -1)],
    ChannelMismatchError: [(3, 2, 1), (4, 4, 2), (1, 3, 1), (2, 3, 2), (6, 1, 3), (3, 2, 0)],
    BiasShapeError: [(2, 3), (3, 1), (1, 0)],
    TooLargeError: [
        ("padded input", 123_456_789, 100_000_000),
        ("output", 100_000_001, 100_000_000),
        ("weights", 2_000, 1_000),  # a word the engine does not use today
    ],
}


def constructed_errors():
    return [cls(*args) for cls, cases in CONSTRUCTED.items() for args in cases]


def _engine_error(call):
    with pytest.raises(ConvSettingsError) as info:
        call()
    return info.value


ones = np.ones
# Impossible settings given to the engine itself, as tests/test_engine_conv.py provokes them.
ENGINE_CALLS = [
    lambda: conv2d(ones((5,)), ones((3, 3))),
    lambda: conv2d(ones((1, 1, 5, 5)), ones((3, 3))),
    lambda: conv2d(ones((5, 5)), ones((3,))),
    lambda: conv2d(ones((5, 5)), ones((1, 1, 1, 3, 3))),
    lambda: conv2d(ones((0, 5)), ones((3, 3))),
    lambda: conv2d(ones((5, 5)), ones((1, 0, 3, 3))),
    lambda: conv2d(ones(()), ones((3, 3))),
    lambda: conv2d(ones((4, 4)), ones((2, 2)), stride=0),
    lambda: conv2d(ones((4, 4)), ones((2, 2)), stride=(-2, 1)),
    lambda: conv2d(ones((4, 4)), ones((2, 2)), dilation=(2, 0)),
    lambda: conv2d(ones((4, 4)), ones((2, 2)), padding=-1),
    lambda: conv2d(ones((4, 4)), ones((2, 2)), padding=(0, -2)),
    lambda: conv2d(ones((5, 5)), ones((3, 3)), padding="half"),
    lambda: conv2d(ones((5, 5)), ones((3, 3)), padding_mode="mirror"),
    lambda: conv2d(ones((5, 5)), ones((3, 3)), stride=2, padding="same"),
    lambda: conv2d(ones((5, 5)), ones((3, 3)), stride=(1, 2), padding="same"),
    lambda: conv2d(ones((3, 7)), ones((5, 5))),
    lambda: conv2d(ones((1, 7)), ones((2, 2))),
    lambda: conv2d(ones((9, 2)), ones((2, 3)), padding=(0, 1), dilation=2),
    lambda: conv2d(ones((9, 1)), ones((1, 2)), dilation=3),
    lambda: conv2d(ones((2, 5)), ones((1, 1)), padding=2, padding_mode="reflect"),
    lambda: conv2d(ones((5, 3)), ones((1, 1)), padding=(1, 3), padding_mode="reflect"),
    lambda: conv2d(ones((2, 5)), ones((1, 1)), padding=3, padding_mode="circular"),
    lambda: conv2d(ones((2, 8)), ones((5, 1)), padding="same", padding_mode="reflect"),
    lambda: conv2d(ones((3, 4, 4)), ones((2, 1, 2, 2)), groups=2),
    lambda: conv2d(ones((1, 4, 4)), ones((1, 1, 2, 2)), groups=2),
    lambda: conv2d(ones((2, 4, 4)), ones((2, 2, 2, 2)), groups=0),
    lambda: conv2d(ones((3, 4, 4)), ones((2, 2, 3, 3))),
    lambda: conv2d(ones((4, 4, 4)), ones((2, 4, 1, 1)), groups=2),
    lambda: conv2d(ones((1, 4, 4)), ones((2, 2, 2, 2))),
    lambda: conv2d(ones((1, 4, 4)), ones((2, 1, 2, 2)), np.array([1.0, 2.0, 3.0])),
    lambda: conv2d(ones((1, 4, 4)), ones((1, 1, 2, 2)), np.array([])),
    # The size limits are checked on shapes alone: plan() allocates nothing.
    lambda: plan((1, 20_000, 20_000), (1, 1, 1, 1)),
    lambda: plan((1, 5_000, 5_000), (1, 1, 1, 1), padding=3_000),
    lambda: plan((1, 9_000, 9_000), (2, 1, 1, 1)),
]


def engine_errors():
    return [_engine_error(call) for call in ENGINE_CALLS]


@pytest.fixture
def fake_translator():
    set_translator(lambda context, text: "«" + text + "»")
    try:
        yield
    finally:
        set_translator(None)


def test_every_error_class_is_covered():
    classes = {
        cls
        for _, cls in inspect.getmembers(engine_error_classes, inspect.isclass)
        if issubclass(cls, ConvSettingsError) and cls is not ConvSettingsError
    }
    assert classes == set(CONSTRUCTED)
    assert classes == {type(e) for e in engine_errors()}


@pytest.mark.parametrize("error", constructed_errors(), ids=repr)
def test_constructed_error_reads_as_its_english(error):
    assert settings_error_text(error) == str(error)


@pytest.mark.parametrize("error", engine_errors(), ids=repr)
def test_engine_error_reads_as_its_english(error):
    assert settings_error_text(error) == str(error)


@settings(max_examples=300, deadline=None)
@given(
    x=st.tuples(st.integers(0, 3), st.integers(0, 6), st.integers(0, 6)),
    w=st.tuples(st.integers(0, 4), st.integers(0, 3), st.integers(0, 7), st.integers(0, 7)),
    stride=st.tuples(st.integers(-1, 3), st.integers(-1, 3)),
    dilation=st.tuples(st.integers(-1, 3), st.integers(-1, 3)),
    padding=st.one_of(
        st.tuples(st.integers(-1, 6), st.integers(-1, 6)),
        st.sampled_from([*PADDING_WORDS, "half"]),
    ),
    groups=st.integers(-1, 4),
    mode=st.sampled_from([*PADDING_MODES, "mirror"]),
    bias=st.one_of(st.none(), st.integers(0, 5)),
)
def test_any_refused_plan_reads_as_its_english(x, w, stride, dilation, padding, groups, mode, bias):
    try:
        plan(
            x,
            w,
            stride=stride,
            padding=padding,
            dilation=dilation,
            groups=groups,
            padding_mode=mode,
            bias_length=bias,
        )
    except ConvSettingsError as error:
        assert settings_error_text(error) == str(error)


def test_an_error_it_does_not_know_reads_as_its_english():
    assert settings_error_text(ConvSettingsError("Something else.")) == "Something else."


@pytest.mark.usefixtures("fake_translator")
@pytest.mark.parametrize("error", constructed_errors() + engine_errors(), ids=repr)
def test_text_goes_through_translate(error):
    text = settings_error_text(error)
    assert text != str(error)
    assert text.startswith("«") and text.endswith("»")
