"""Each layer step's equation with its numbers, the Costs table's recurrence, and the
torch.nn.Sequential that computes the stack (run through torch where it is installed)."""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.engine.layers import Activation, Conv2d, Pool2d, forward
from convstudio.model.layer_explain import (
    divisor_note,
    layer_rows,
    step_equation,
    torch_sequential,
)

WINDOW = np.array([[1.0, 13.0], [9.0, 11.0]])


@pytest.mark.parametrize(
    ("layer", "x", "expected"),
    [
        (Activation("relu"), [[-13.0]], "ReLU(−13) = 0"),
        (Activation("leaky_relu", 0.1), [[-13.0]], "LeakyReLU(−13) = −1.3"),
        (Activation("sigmoid"), [[0.0]], "σ(0) = 0.5"),
        (Pool2d("max_pool2d", 2), WINDOW, "max(1, 13, 9, 11) = 13"),
        (Pool2d("avg_pool2d", 2), WINDOW, "(1 + 13 + 9 + 11) / 4 = 8.5"),
        # Padding never wins a max and is not listed; an average lists the zeros it counts.
        (Pool2d("max_pool2d", 2, padding=1), [[-4.0]], "max(−4) = −4"),
        (Pool2d("avg_pool2d", 2, padding=1), [[8.0]], "(8 + 0 + 0 + 0) / 4 = 2"),
        (Pool2d("avg_pool2d", 2, padding=1, count_include_pad=False), [[8.0]], "(8) / 1 = 8"),
        (Conv2d([[1.0, -1.0], [0.0, 1.0]], bias=[-2.0]), WINDOW,
         "1×1 + 13×(−1) + 9×0 + 11×1 − 2 = −3"),
    ],
)  # fmt: skip
def test_each_step_writes_its_equation_with_the_numbers(layer, x, expected):
    assert step_equation(layer.step(np.array(x), 0)) == expected


def test_an_average_says_what_its_divisor_counts():
    x = np.array([[8.0]])
    counted = Pool2d("avg_pool2d", 2, padding=1).step(x, 0)
    assert divisor_note(counted, True) == (
        "The divisor 4 counts the padding too (the input gives 1 of the cells)."
    )
    left_out = Pool2d("avg_pool2d", 2, padding=1, count_include_pad=False).step(x, 0)
    assert divisor_note(left_out, False) == (
        "The divisor 1 counts only the input's cells, not the padding."
    )
    assert divisor_note(Pool2d("avg_pool2d", 2).step(WINDOW, 0), True) is None


def test_the_costs_table_writes_the_recurrence_out():
    layers = [Conv2d(np.ones((2, 1, 3, 3)), bias=[0, 0]), Activation("relu"),
              Pool2d("max_pool2d", 2), Conv2d(np.ones((1, 2, 3, 3)))]  # fmt: skip
    rows = layer_rows(layers, (1, 12, 12))
    assert [r.output_shape for r in rows] == [(2, 10, 10), (2, 10, 10), (2, 5, 5), (1, 3, 3)]
    assert [r.parameters for r in rows] == [20, 0, 0, 18]
    assert [r.macs for r in rows] == [2 * 100 * 9, 0, 0, 9 * 18]
    assert [r.receptive_field for r in rows] == [(3, 3), (3, 3), (4, 4), (8, 8)]
    assert [r.jump for r in rows] == [(1, 1), (1, 1), (2, 2), (2, 2)]
    assert rows[3].recurrence[0] == "r = 4 + (3 − 1)·1·2 = 8; j = 2·1 = 2"


def test_the_sequential_names_every_module():
    layers = [Conv2d(np.ones((2, 3, 3, 3)), padding="full", stride=(1, 2)),
              Activation("leaky_relu", 0.2), Pool2d("avg_pool2d", 3, stride=2, padding=1,
                                                     count_include_pad=False)]  # fmt: skip
    code = torch_sequential(layers, (3, 9, 9))
    assert code.splitlines() == [
        "nn.Sequential(",
        "    nn.Conv2d(3, 2, kernel_size=3, stride=(1, 2), padding=2, dilation=1, groups=1,"
        " bias=False, padding_mode='zeros'),",
        "    nn.LeakyReLU(negative_slope=0.2),",
        "    nn.AvgPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=False,"
        " count_include_pad=False),",
        ")",
    ]


def test_the_sequential_computes_the_stack_in_torch():
    torch = pytest.importorskip("torch")
    from torch import nn

    rng = np.random.default_rng(5)
    layers = [Conv2d(rng.normal(size=(2, 1, 3, 3)), bias=rng.normal(size=2), padding=1),
              Activation("tanh"), Pool2d("max_pool2d", 2, ceil_mode=True),
              Conv2d(rng.normal(size=(1, 2, 2, 2)), padding_mode="reflect", padding=1)]  # fmt: skip
    x = rng.normal(size=(1, 7, 7))
    model = eval(torch_sequential(layers, (1, 7, 7)), {"nn": nn})
    convs = [m for m in model if isinstance(m, nn.Conv2d)]
    for module, layer in zip(convs, [layers[0], layers[3]], strict=True):
        module.weight.data = torch.from_numpy(np.array(layer.kernels)).float()
        if layer.bias is not None:
            module.bias.data = torch.from_numpy(np.array(layer.bias)).float()
    out = model(torch.from_numpy(x[None]).float()).detach().numpy()[0]
    np.testing.assert_allclose(out, forward(layers, x)[-1], rtol=1e-4, atol=1e-4)
