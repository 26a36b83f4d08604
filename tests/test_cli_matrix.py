"""``compute --json --matrix``: the first layer's M, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json

import numpy as np

from tests.test_cli import run
from tests.test_cli_stack import INPUT, SMALL_CNN, SOBEL, stack_file


def test_matrix_is_the_first_layers_m_from_channel_1_to_kernel_1(tmp_path):
    path = stack_file(
        tmp_path,
        [{"type": "conv2d", "kernels": [[1, 2], [3, 4]]}],
        input=[[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    )
    result = run("compute", path, "--json", "--matrix")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["matrix"] == [
        [1, 2, 0, 3, 4, 0, 0, 0, 0],
        [0, 1, 2, 0, 3, 4, 0, 0, 0],
        [0, 0, 0, 1, 2, 0, 3, 4, 0],
        [0, 0, 0, 0, 1, 2, 0, 3, 4],
    ]
    # M · vec(input) is the output (one channel, no bias).
    product = np.array(payload["matrix"]) @ np.arange(1, 10)
    assert product.tolist() == np.ravel(payload["output"]).tolist()


def test_matrix_of_a_stack_is_its_first_convolutions_and_leaves_the_rest_as_it_was(tmp_path):
    path = stack_file(tmp_path, SMALL_CNN)
    plain = json.loads(run("compute", path, "--json").stdout)
    payload = json.loads(run("compute", path, "--json", "--matrix").stdout)
    matrix = np.array(payload.pop("matrix"))
    assert payload == plain
    assert matrix.shape == (16, 36)
    first = np.array(payload["layers"][0]["output"][0]).ravel()
    np.testing.assert_allclose(matrix @ np.ravel(INPUT) - 2, first)  # the bias is −2
    assert matrix[0].tolist()[:3] == SOBEL[0]


def test_matrix_without_json_or_of_a_first_layer_that_is_not_linear_is_one_line(tmp_path):
    path = stack_file(tmp_path, SMALL_CNN)
    result = run("compute", path, "--matrix")
    assert result.returncode == 2
    assert result.stderr == "convstudio: error: --matrix adds to the JSON output: add --json\n"
    relu_first = stack_file(tmp_path, [{"type": "relu"}, *SMALL_CNN], name="relu.json")
    result = run("compute", relu_first, "--json", "--matrix")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "convstudio: error: --matrix: Layer 1 (ReLU) has no matrix: it is not linear.\n"
    )


def test_matrix_of_a_transposed_convolution_is_the_transposed_m(tmp_path):
    layer = {"type": "conv_transpose2d", "kernels": [[[[1, 2], [3, 4]]]], "stride": 2}
    path = stack_file(tmp_path, [layer], input=[[1, 2], [3, 4]])
    result = run("compute", path, "--json", "--matrix")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    matrix = np.array(payload["matrix"])
    assert matrix.shape == (16, 4)
    # The convolution with the same kernel and stride, 4×4 → 2×2, transposed.
    conv = json.loads(
        run(
            "compute",
            stack_file(
                tmp_path,
                [{"type": "conv2d", "kernels": [[1, 2], [3, 4]], "stride": 2}],
                input=[[0] * 4] * 4,
                name="conv.json",
            ),
            "--json",
            "--matrix",
        ).stdout
    )["matrix"]
    np.testing.assert_array_equal(matrix, np.array(conv).T)
    np.testing.assert_array_equal(matrix @ [1, 2, 3, 4], np.ravel(payload["output"]))
