"""The limits, the work budget and the numbers' CSV over a whole stack of layers, not only
the focused convolution."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.engine.layers import forward as stack_forward
from convstudio.model import Document, Scene
from convstudio.model.budget import (
    MEMORY_BUDGET_BYTES,
    BudgetError,
    check_budget,
    estimate_work,
)
from convstudio.model.document import EditError, evaluate
from convstudio.model.export import numbers_csv
from convstudio.model.limits import LimitError, check_scene_limits
from tests.test_model_stack import small_cnn

LARGER = " (“convstudio compute” takes larger scenes.)"


def refusal(scene: Scene) -> str:
    with pytest.raises(LimitError) as caught:
        check_scene_limits(scene)
    return str(caught.value)


def stack(*layers, x=None) -> Scene:
    return Scene(np.ones((8, 8)) if x is None else x, layers=layers)


# -- limits


def test_every_convolution_is_checked_not_only_the_focused_one():
    scene = stack(Conv2d(np.ones((3, 3))), Activation("relu"), Conv2d(np.ones((9, 1, 1, 1))))
    assert scene.focus == 0
    assert refusal(scene) == (
        "Layer 3 (conv2d): There are 9 kernels; the window takes 1 to 8 kernels." + LARGER
    )
    dilated = stack(Conv2d(np.ones((1, 1))), Conv2d(np.ones((2, 2)), dilation=5))
    assert refusal(dilated).startswith("Layer 2 (conv2d): The dilation is 5; the window takes")
    padded = stack(Conv2d(np.ones((1, 1))), Conv2d(np.ones((1, 1)), padding=(0, 33)))
    assert refusal(padded).startswith("Layer 2 (conv2d): The padding is 0×33; the window")
    infinite = stack(Conv2d(np.ones((1, 1))), Conv2d(np.ones((1, 1)), [np.inf]))
    assert refusal(infinite).startswith("Layer 2 (conv2d): Some biases are not finite numbers")


def test_a_scene_of_one_convolution_is_refused_in_the_words_it_always_was():
    scene = Scene(np.ones((4, 4)), np.ones((9, 1, 1, 1)))
    assert refusal(scene) == "There are 9 kernels; the window takes 1 to 8 kernels." + LARGER
    wide = Scene(np.ones((40, 4)), np.ones((3, 3)))
    assert refusal(wide) == (
        "The input is 40×4; the window takes an input of 1 to 32 rows and columns." + LARGER
    )


def test_pooling_windows_are_within_the_limits():
    big = stack(Conv2d(np.ones((1, 1))), Pool2d("max_pool2d", 10), x=np.ones((20, 20)))
    assert refusal(big) == (
        "Layer 2 (max_pool2d): The pooling window is 10×10; the window takes a pooling window "
        "of 1 to 9 rows and columns." + LARGER
    )
    far = stack(Conv2d(np.ones((1, 1))), Pool2d("avg_pool2d", 2, stride=9), x=np.ones((20, 20)))
    assert refusal(far).startswith("Layer 2 (avg_pool2d): The stride is 9; the window takes")
    spread = stack(Conv2d(np.ones((1, 1))), Pool2d("max_pool2d", 2, dilation=5))
    assert refusal(spread).startswith("Layer 2 (max_pool2d): The dilation is 5;")
    # A 9×9 window's own stride (torch's default, the window's size) is within the limits.
    check_scene_limits(stack(Conv2d(np.ones((1, 1))), Pool2d("max_pool2d", 9), x=np.ones((9, 9))))


def test_every_map_a_layer_reads_is_within_the_inputs_limit():
    # Full padding grows 30×30 to 32×32 (allowed) and then to 34×34, which ReLU would read.
    fits = stack(Conv2d(np.ones((3, 3)), padding="full"), x=np.ones((30, 30)))
    check_scene_limits(fits)  # the last map is an output, as a single convolution's always was
    grown = stack(
        Conv2d(np.ones((3, 3)), padding="full"),
        Conv2d(np.ones((3, 3)), padding="full"),
        Activation("relu"),
        x=np.ones((30, 30)),
    )
    assert refusal(grown) == (
        "Layer 3 (relu): The input is 34×34; the window takes an input of 1 to 32 rows and "
        "columns." + LARGER
    )


def test_at_most_six_layers():
    seven = stack(Conv2d(np.ones((1, 1))), *[Activation("relu")] * 6)
    assert refusal(seven) == "There are 7 layers; the window takes 1 to 6 layers."
    check_scene_limits(stack(Conv2d(np.ones((1, 1))), *[Activation("relu")] * 5))


def test_a_stack_that_refuses_its_input_is_left_to_the_evaluation():
    # The pool cannot take a 1×1 map: the limits pass it on, the evaluation names the layer.
    tiny = stack(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2), x=np.ones((3, 3)))
    check_scene_limits(tiny)
    assert str(evaluate(tiny).error).startswith("Layer 2 (max_pool2d): ")


def test_the_document_refuses_an_edit_beyond_a_later_layers_limit():
    document = Document(small_cnn())
    layers = list(document.scene.layers)
    layers[3] = Conv2d(np.ones((9, 1, 2, 2)))
    with pytest.raises(EditError, match=r"^Layer 4 \(conv2d\): There are 9 kernels"):
        document.set_scene(document.scene.replace(layers=tuple(layers)))
    assert document.scene.layers[3].kernels.shape == (1, 1, 2, 2)


# -- the budget


def test_the_work_of_a_stack_is_every_layers_work():
    scene = small_cnn()  # 6×6: conv 3×3 → 4×4, ReLU, max pool 2 → 2×2, conv 2×2 → 1×1
    work = estimate_work(scene)
    # 16·9 multiply-adds, 16 ReLUs, 4 windows of 4 cells, 1·4 multiply-adds.
    assert work.macs == 144 + 16 + 16 + 4
    values = {kind: estimate_work(scene, [kind]).written_values for kind in ("text", "json", "csv")}
    # Text prints every layer's output; JSON the last, then every layer's; CSV the last.
    assert values == {"text": 16 + 16 + 4 + 1, "json": 1 + 37, "csv": 1}


def test_a_stack_whose_later_layers_need_too_much_is_refused():
    first = Conv2d(np.ones((1, 1)), padding=2500)  # a 5001×5001 map, 200 MB
    alone = Scene(np.ones((1, 1)), layers=(first,))
    assert check_budget(alone).memory_bytes < MEMORY_BUDGET_BYTES
    later = (Activation("tanh"), Activation("relu"), Activation("sigmoid"))
    deep = Scene(np.ones((1, 1)), layers=(first, *later))
    # Every map is kept (5 of 200 MB) and a sigmoid works on temporaries of its size.
    with pytest.raises(BudgetError, match=r"^This scene needs 100 million multiply-adds and 1.12"):
        check_budget(deep)


def test_the_estimate_of_a_pool_on_a_long_map_builds_no_array():
    long = np.ones((1, 1, 3_000_000))  # each of the pool's windows listed would be 216 MB
    scene = Scene(long, layers=(Conv2d(np.ones((1, 1))), Pool2d("max_pool2d", (1, 9), stride=1)))
    tracemalloc.start()
    try:
        work = estimate_work(scene)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000
    assert work.macs == 3_000_000 + (3_000_000 - 8) * 9


def test_the_estimate_of_a_stack_is_near_the_engines_peak():
    rng = np.random.default_rng(5)
    scene = Scene(
        rng.random((3, 160, 120)),
        layers=(
            Conv2d(rng.random((8, 3, 5, 5)), padding=2),
            Activation("relu"),
            Pool2d("max_pool2d", 2),
            Conv2d(rng.random((4, 8, 3, 3)), padding="same"),
            Pool2d("avg_pool2d", 3, stride=1, padding=1),
        ),
    )
    work = estimate_work(scene)
    tracemalloc.start()
    try:
        maps = stack_forward(scene.layers, scene.input)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    held = peak + scene.input.nbytes  # the input was there before
    assert 0.8 * held <= work.memory_bytes <= 1.5 * held
    assert sum(m.nbytes for m in maps) < work.memory_bytes


# -- the numbers' CSV (File ▸ Export numbers)


def read_blocks(text: str) -> dict[str, np.ndarray]:
    blocks = {}
    for block in text.strip("\n").split("\n\n"):
        header, *rows = block.splitlines()
        blocks[header.removeprefix("# ")] = np.array(
            [[float(v) for v in row.split(",")] for row in rows]
        )
    return blocks


def test_the_numbers_of_a_stack_are_written_layer_by_layer():
    scene = small_cnn()
    blocks = read_blocks(numbers_csv(scene))
    assert list(blocks) == [
        "input channel 1",
        "layer 1 (conv2d) kernel 1 × channel 1",
        "layer 1 (conv2d) bias",
        "layer 1 (conv2d) output map 1",
        "layer 2 (relu) output map 1",
        "layer 3 (max_pool2d) output map 1",
        "layer 4 (conv2d) kernel 1 × channel 1",
        "layer 4 (conv2d) output map 1",
    ]
    maps = evaluate(scene).maps
    for number in range(1, 5):
        kind = scene.layers[number - 1].kind
        np.testing.assert_array_equal(
            blocks[f"layer {number} ({kind}) output map 1"], maps[number][0]
        )
    np.testing.assert_array_equal(
        blocks["layer 4 (conv2d) kernel 1 × channel 1"], scene.layers[3].kernels[0, 0]
    )


def test_the_numbers_of_an_impossible_stack_say_why_after_the_kernels():
    tiny = stack(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2), x=np.ones((3, 3)))
    text = numbers_csv(tiny)
    assert "layer 1 (conv2d) kernel 1 × channel 1" in text
    assert text.splitlines()[-1].startswith(
        "# output: none, the settings are impossible: Layer 2 (max_pool2d): "
    )
    assert "output map" not in text
