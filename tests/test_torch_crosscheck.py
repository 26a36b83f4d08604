"""conv2d against torch: F.conv2d for zero padding, nn.Conv2d for the other modes.

Skipped when torch is not installed; the engine tests never need it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

torch = pytest.importorskip("torch")

from convstudio.engine import PADDING_MODES, ConvSettingsError, conv2d  # noqa: E402

FLOATS = st.floats(-8, 8, allow_nan=False, allow_infinity=False, allow_subnormal=False)
PAIR = st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3), st.integers(1, 3)))


@st.composite
def cases(draw, mode):
    c_in = draw(st.integers(1, 4))
    groups = draw(st.sampled_from([g for g in range(1, c_in + 1) if c_in % g == 0]))
    n_out = groups * draw(st.integers(1, 4 // groups))
    h, w = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    padding = draw(
        st.one_of(
            st.integers(0, 3),
            st.tuples(st.integers(0, 3), st.integers(0, 3)),
            st.sampled_from(["valid", "same", "full"]),
        )
    )
    stride = 1 if padding == "same" and draw(st.booleans()) else draw(PAIR)
    return {
        "x": draw(hnp.arrays(np.float64, (c_in, h, w), elements=FLOATS)),
        "w": draw(hnp.arrays(np.float64, (n_out, c_in // groups, kh, kw), elements=FLOATS)),
        "bias": draw(st.none() | hnp.arrays(np.float64, (n_out,), elements=FLOATS)),
        "stride": stride,
        "padding": padding,
        "dilation": draw(PAIR),
        "groups": groups,
        "padding_mode": mode,
    }


def torch_padding(case):
    """torch has no 'full': spell it as d·(k−1) on each side."""
    if case["padding"] != "full":
        return case["padding"]
    d = case["dilation"]
    dh, dw = (d, d) if isinstance(d, int) else d
    kh, kw = case["w"].shape[2:]
    return dh * (kh - 1), dw * (kw - 1)


def run_torch(case):
    x = torch.from_numpy(case["x"])[None]
    w = torch.from_numpy(case["w"])
    b = None if case["bias"] is None else torch.from_numpy(case["bias"])
    if case["padding_mode"] == "zeros":
        out = torch.nn.functional.conv2d(
            x,
            w,
            b,
            stride=case["stride"],
            padding=torch_padding(case),
            dilation=case["dilation"],
            groups=case["groups"],
        )
        return out[0].numpy()
    layer = torch.nn.Conv2d(
        w.shape[1] * case["groups"],
        w.shape[0],
        tuple(w.shape[2:]),
        stride=case["stride"],
        padding=torch_padding(case),
        dilation=case["dilation"],
        groups=case["groups"],
        bias=b is not None,
        padding_mode=case["padding_mode"],
        dtype=torch.float64,
    )
    with torch.no_grad():
        layer.weight.copy_(w)
        if b is not None:
            layer.bias.copy_(b)
        return layer(x)[0].numpy()


@pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning")
@pytest.mark.parametrize("mode", PADDING_MODES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_matches_torch(mode, data):
    case = data.draw(cases(mode))
    try:
        want = run_torch(case)
    except (RuntimeError, ValueError) as exc:
        # Settings torch refuses must be refused by the engine as well.
        with pytest.raises(ConvSettingsError):
            conv2d(
                case["x"],
                case["w"],
                case["bias"],
                stride=case["stride"],
                padding=case["padding"],
                dilation=case["dilation"],
                groups=case["groups"],
                padding_mode=mode,
            )
        assert str(exc)
        return
    got = conv2d(
        case["x"],
        case["w"],
        case["bias"],
        stride=case["stride"],
        padding=case["padding"],
        dilation=case["dilation"],
        groups=case["groups"],
        padding_mode=mode,
    )
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)


def test_worked_example_matches_torch():
    x = np.array(
        [
            [18, 54, 51, 239, 244, 188],
            [55, 121, 75, 78, 95, 88],
            [35, 24, 204, 113, 109, 221],
            [3, 154, 104, 235, 25, 130],
            [15, 253, 225, 159, 78, 233],
            [68, 85, 180, 214, 245, 0],
        ],
        dtype=np.float64,
    )
    w = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=np.float64)
    want = torch.nn.functional.conv2d(
        torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None]
    )
    np.testing.assert_array_equal(conv2d(x, w), want[0, 0].numpy())
