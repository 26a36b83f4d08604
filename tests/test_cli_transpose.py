"""The command line on transposed convolutions (run as a user runs it, a subprocess):
``compute --json`` gives a ``conv_transpose2d`` layer's type, shape, output (checked against
a slow loop written from the definition), parameters, multiply-adds, receptive field and
jump (decimals where they are a fraction of a pixel) and traces through it; a refusal is
one line naming the layer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.test_cli import run
from tests.test_cli_stack import stack_file

INPUT = [[1, 2, 0, 3], [4, 1, 2, 2], [0, 3, 1, 1], [2, 2, 4, 0]]
KERNEL = [[1, 2, 1], [0, 1, 0], [2, 0, 1]]


def slow_transpose(x, k, stride, padding=0, output_padding=0):
    """By the definition: each input value times the kernel, added at row·s − p + i."""
    x, k = np.asarray(x, float), np.asarray(k, float)
    h, w = x.shape
    kh, kw = k.shape
    ho = (h - 1) * stride - 2 * padding + kh + output_padding
    wo = (w - 1) * stride - 2 * padding + kw + output_padding
    out = np.zeros((ho, wo))
    for r in range(h):
        for c in range(w):
            for i in range(kh):
                for j in range(kw):
                    rr, cc = r * stride - padding + i, c * stride - padding + j
                    if 0 <= rr < ho and 0 <= cc < wo:
                        out[rr, cc] += x[r, c] * k[i, j]
    return out


def test_compute_json_gives_a_transposed_convolution_like_any_layer(tmp_path):
    layers = [
        {"type": "conv2d", "kernels": [[1, 1], [1, 1]], "stride": 2},
        {"type": "conv_transpose2d", "kernels": KERNEL, "stride": 2, "padding": 1,
         "output_padding": 1},
    ]  # fmt: skip
    result = run("compute", stack_file(tmp_path, layers, input=INPUT), "--json", "--trace", "1,3,2")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    down = np.array([[8, 7], [7, 6]], dtype=float)  # the 2×2 sums at stride 2
    up = slow_transpose(down, KERNEL, stride=2, padding=1, output_padding=1)
    assert up.shape == (4, 4)
    first, second = payload["layers"]
    assert first["output"] == [down.tolist()]
    assert second["type"] == "conv_transpose2d"
    assert second["output_shape"] == [1, 4, 4] and second["output"] == [up.tolist()]
    assert payload["output"] == [up.tolist()] and payload["output_shape"] == [1, 4, 4]
    # Every input value times every weight: 4 values × 9 weights; 9 weights, no bias.
    assert (second["parameters"], second["macs"]) == (9, 36)
    # r = 2 + (3 − 1)·1·2/2 = 4 and j = 2/2·1 = 1: back to whole pixels.
    assert (first["receptive_field"], first["jump"]) == ([2, 2], [2, 2])
    assert (second["receptive_field"], second["jump"]) == ([4, 4], [1, 1])
    # Output (3, 2) reads stuffed rows 3 − 1 + i, i < 3 → 2, 3, 4 → map rows 1 and 2 (too
    # far: 2 > 1 is outside) → row 1; columns 1..3 → 1 (cells 0.5 and 1.5 are zeros between).
    assert payload["trace"] == [
        {"rows": [2, 3], "cols": [2, 3]},
        {"rows": [1, 1], "cols": [1, 1]},
    ]


def test_a_transposed_convolution_alone_has_half_pixel_jumps_as_decimals(tmp_path):
    layers = [{"type": "conv_transpose2d", "kernels": [[1, 2], [3, 4]], "stride": 2}]
    path = stack_file(tmp_path, layers, input=[[1, 2], [3, 4]])
    payload = json.loads(run("compute", path, "--json").stdout)
    (layer,) = payload["layers"]
    assert layer["output"] == [slow_transpose([[1, 2], [3, 4]], [[1, 2], [3, 4]], 2).tolist()]
    assert (layer["receptive_field"], layer["jump"]) == ([1.5, 1.5], [0.5, 0.5])
    text = run("compute", path)
    assert text.returncode == 0
    assert text.stdout.splitlines()[:3] == [
        "# Layer 1 (conv_transpose2d): 1×4×4",
        " 1  2  2  4",
        " 3  4  6  8",
    ]
    refused = run("compute", path, "--kernel", "identity")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "convstudio: error: --kernel replaces a convolution's kernels, and this scene has none"
    ]


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (
            # A convolution's layout (C_out 1, C_in 2) for an input of 2 channels.
            {"type": "conv_transpose2d", "kernels": np.ones((1, 2, 3, 3)).tolist()},
            "Layer 1 (conv_transpose2d): A transposed convolution's kernels must be (C_in, "
            "C_out/groups, kH, kW) = (2, …, 3, 3) for this input, but they are (1, 2, 3, 3).",
        ),
        (
            {"type": "conv_transpose2d", "kernels": [[1]], "stride": 2, "output_padding": 2},
            "Layer 1 (conv_transpose2d): “output_padding” is 2; it must be smaller than the "
            "stride (2) or the dilation (1).",
        ),
    ],
)
def test_a_bad_transposed_convolution_is_one_line_and_status_2(tmp_path, layer, expected):
    two_channels = [INPUT, INPUT]
    path = stack_file(tmp_path, [layer], input=two_channels)
    before = sorted(Path(tmp_path).iterdir())
    result = run("compute", path, "--json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert sorted(Path(tmp_path).iterdir()) == before
