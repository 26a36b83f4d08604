"""A transposed convolution's matrix against torch.nn.functional.conv_transpose2d.

Skipped when torch is not installed; the engine tests never need it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from test_engine_matrix import CASES, transposed_cases

torch = pytest.importorskip("torch")

from convstudio.engine.matrix import transposed_matrix  # noqa: E402


@given(transposed_cases())
@CASES
def test_a_transposed_matrix_times_the_input_is_torchs_conv_transpose2d(case):
    kernel, hw, s, p, d, op, x = case
    m = transposed_matrix(kernel, hw, stride=s, padding=p, dilation=d, output_padding=op)
    expected = torch.nn.functional.conv_transpose2d(
        torch.from_numpy(x[None, None]),
        torch.from_numpy(kernel[None, None].copy()),
        stride=s,
        padding=p,
        output_padding=op,
        dilation=d,
    ).numpy()[0, 0]
    np.testing.assert_allclose(m @ x.ravel(), expected.ravel(), atol=1e-9)
