"""The lessons of a stack of layers (issue 18): every figure their notes give, computed by the
engine and the model rather than trusted, and the notes in all three languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from convstudio.engine.layers import Conv2d, LayerStep, Pool2d, receptive_fields, trace
from convstudio.model import load_scene, resource_dir
from convstudio.model.document import Evaluation, evaluate
from convstudio.model.layer_explain import layer_rows, step_equation
from convstudio.model.lessons import Lesson, lesson_named, lessons
from convstudio.model.numbers import format_number
from convstudio.model.scene import Scene

STACKS = [
    "two-convolutions",
    "three-convolutions",
    "relu",
    "max-pooling",
    "average-pooling",
    "small-cnn",
]


def opened(name: str) -> tuple[Lesson, Scene, Evaluation]:
    lesson = lesson_named(name)
    assert lesson is not None, name
    scene = load_scene(lesson.file)
    evaluation = evaluate(scene)
    assert evaluation.error is None, name
    return lesson, scene, evaluation


def sizes(evaluation: Evaluation) -> list[str]:
    """Every map's rows×columns, the input's first: ``["7×7", "5×5", "3×3"]``."""
    return [f"{m.shape[1]}×{m.shape[2]}" for m in evaluation.maps]


def growth(scene: Scene, layer: int) -> str:
    """The receptive field's recurrence at *layer* as the Costs rows write it:
    ``"r = 1 + (3 − 1)·1·1 = 3"`` (rows; the lessons' windows are square)."""
    rows, cols = layer_rows(scene.layers, scene.input.shape)[layer].recurrence
    assert rows == cols
    return rows.split("; ")[0]


def step_writing(evaluation: Evaluation, layer: int, row: int, col: int) -> LayerStep:
    """The step of *layer* that writes cell (*row*, *col*) of its output's first channel."""
    start = evaluation.offset(layer)
    for k in range(evaluation.counts[layer]):
        found, step = evaluation.layer_step(start + k)
        assert found == layer
        if (0, row, col) in step.writes:
            return step
    raise AssertionError(f"no step of layer {layer} writes ({row}, {col})")


def shown(value: float) -> str:
    return format_number(value).replace("-", "−")


def test_the_stack_lessons_come_after_the_one_convolution_lessons():
    names = [lesson.name for lesson in lessons()]
    # Then the transposed convolution's (test_transpose_lessons.py).
    start = names.index(STACKS[0])
    assert names[start : start + len(STACKS)] == STACKS
    assert names[start - 1] == "conv2d"
    for name in STACKS:
        lesson, scene, evaluation = opened(name)
        assert scene.is_stack
        assert len(scene.layers) <= 4  # every map of the stack is on the stage at once
        assert max(m.shape[1] for m in evaluation.maps) <= 8  # readable on a projector
        assert max(m.shape[2] for m in evaluation.maps) <= 8
        assert scene.title and lesson.title and lesson.note


def test_two_3x3_convolutions_see_5x5_with_18_weights_against_25():
    lesson, scene, evaluation = opened("two-convolutions")
    note = lesson.note
    assert sizes(evaluation) == ["7×7", "5×5", "3×3"]
    assert [layer.kind for layer in scene.layers] == ["conv2d", "conv2d"]
    fields = receptive_fields(scene.layers)
    assert [f.size for f in fields] == [(3, 3), (5, 5)]
    assert [f.jump for f in fields] == [(1, 1), (1, 1)]
    assert f"r = 1 + (3 − 1)·1·1 = {fields[0].size[0]}" == growth(scene, 0)
    for layer in (0, 1):
        assert growth(scene, layer) in note
    # A cell of the last map: its 3×3 window in the middle map, a 5×5 patch of the input.
    last = 1
    for row in range(3):
        for col in range(3):
            (rows, cols), (mid_rows, mid_cols) = trace(
                scene.layers, scene.input.shape, last, row, col
            )
            assert rows == (row, row + 4) and cols == (col, col + 4)  # 5×5
            assert mid_rows == (row, row + 2) and mid_cols == (col, col + 2)  # 3×3
    assert "3×3 window" in note and "5×5 patch" in note and "7×7 input" in note
    # 2·9 = 18 weights, against one 5×5 kernel's 25 that gives the same 3×3 map.
    shape = scene.input.shape
    weights = [
        scene.layers[0].parameter_count(shape),
        scene.layers[1].parameter_count(evaluation.maps[1].shape),
    ]
    assert weights == [9, 9] and sum(weights) == 18
    one = Conv2d(np.ones((5, 5)))
    assert one.output_shape(shape) == evaluation.maps[-1].shape
    assert one.parameter_count(shape) == 25
    assert "25 weights" in note and "2·9 = 18" in note
    # It opens with every map computed, as the note says.
    assert lesson.step == evaluation.n_steps
    assert "Every map is computed when the lesson opens" in note


def test_three_3x3_convolutions_see_7x7_with_27_weights_against_49():
    lesson, scene, evaluation = opened("three-convolutions")
    note = lesson.note
    assert sizes(evaluation) == ["7×7", "5×5", "3×3", "1×1"]
    fields = receptive_fields(scene.layers)
    assert [f.size[0] for f in fields] == [3, 5, 7] and all(f.jump == (1, 1) for f in fields)
    assert growth(scene, 2) == "r = 5 + (3 − 1)·1·1 = 7" and growth(scene, 2) in note
    # The one value of the last map depends on the whole 7×7 input.
    assert trace(scene.layers, scene.input.shape, 2, 0, 0)[0] == ((0, 6), (0, 6))
    # A cell of the 3×3 map sees 5×5 of the input, one of the 5×5 map 3×3.
    assert trace(scene.layers, scene.input.shape, 1, 1, 1)[0] == ((1, 5), (1, 5))
    assert trace(scene.layers, scene.input.shape, 0, 2, 2)[0] == ((2, 4), (2, 4))
    assert "one of the 3×3 map sees 5×5 of the input, one of the 5×5 map 3×3" in note
    shapes = [m.shape for m in evaluation.maps]
    weights = [layer.parameter_count(s) for layer, s in zip(scene.layers, shapes, strict=False)]
    assert sum(weights) == 27 and "3·9 = 27" in note
    one = Conv2d(np.ones((7, 7)))
    assert one.output_shape(shapes[0]) == shapes[-1] and one.parameter_count(shapes[0]) == 49
    assert "49 weights" in note
    assert lesson.step == evaluation.n_steps
    # The note's question: five 3×3 layers see 1 + 5·2 = 11.
    five = receptive_fields([Conv2d(np.ones((3, 3)))] * 5)
    assert five[-1].size == (11, 11) and "11×11" in note


def test_relu_zeroes_the_negative_values_of_the_convolution():
    lesson, scene, evaluation = opened("relu")
    note = lesson.note
    assert [layer.kind for layer in scene.layers] == ["conv2d", "relu"]
    conv, relu = evaluation.maps[1], evaluation.maps[2]
    assert sizes(evaluation) == ["6×6", "4×4", "4×4"] and "stays 4×4" in note
    negative = int((conv < 0).sum())
    assert negative > 0 and np.array_equal(relu, np.maximum(conv, 0))
    assert f"{negative} of the {conv.size} values become 0" in note
    assert int((relu == 0).sum()) == negative  # no value of the map is 0 before ReLU
    # The first window: the left column added, the right one subtracted.
    x = scene.input[0]
    left, right = x[:3, 0], x[:3, 2]
    terms = " + ".join(format_number(v) for v in left) + "".join(
        f" − {format_number(v)}" for v in right
    )
    assert conv[0, 0, 0] == left.sum() - right.sum()
    assert f"{terms} = {shown(conv[0, 0, 0])}" in note
    # The equations the note quotes are the ones the steps show.
    for value in (-222, 154, -13):
        (_, rows, cols), *_ = np.argwhere(conv == value)
        equation = step_equation(step_writing(evaluation, 1, int(rows), int(cols)))
        assert equation == f"ReLU({shown(value)}) = {shown(max(value, 0))}"
        assert equation in note
    assert scene.layers[1].parameter_count(conv.shape) == 0 and "no weights" in note
    # It opens with the convolution done: the next step is the ReLU's first.
    assert lesson.step == evaluation.counts[0] == evaluation.offset(1)
    assert "opens with the convolution done" in note


def test_max_pooling_2x2_halves_the_map_and_its_winner_takes_the_gradient():
    lesson, scene, evaluation = opened("max-pooling")
    note = lesson.note
    pool = scene.layers[1]
    assert isinstance(pool, Pool2d) and pool.kind == "max_pool2d"
    assert pool.window().kernel == (2, 2) and pool.window().stride == (2, 2)
    conv, pooled = evaluation.maps[1], evaluation.maps[2]
    assert conv.shape[1:] == (4, 4) and pooled.shape[1:] == (2, 2)
    assert pooled.shape[1] * 2 == conv.shape[1] and pooled.shape[2] * 2 == conv.shape[2]
    assert "the 4×4 map becomes 2×2, half as many rows and columns" in note
    first = step_writing(evaluation, 1, 0, 0)
    assert step_equation(first) == "max(429, 505, 261, 792) = 792"
    assert step_equation(first) in note
    assert first.winner is not None and first.values[first.winner] == 792
    assert "792 is the winner" in note
    # The gradient of an output goes back to its window's winner alone.
    gradient = pool.backward(conv, np.ones_like(pooled)).input
    winner = first.reads[first.winner]
    assert winner is not None and gradient[winner] == 1
    assert np.count_nonzero(gradient[:, :2, :2]) == 1 and int(gradient.sum()) == pooled.size
    assert pool.parameter_count(conv.shape) == 0 and "Pooling has no weights" in note
    # A pooled value sees 4×4 of the input, its neighbours 2 pixels apart.
    field = receptive_fields(scene.layers)[1]
    assert field.size == (4, 4) and field.jump == (2, 2)
    rows, cols = layer_rows(scene.layers, scene.input.shape)[1].recurrence
    assert rows == cols
    r, j = rows.split("; ")
    assert (r, j) == ("r = 3 + (2 − 1)·1·1 = 4", "j = 1·2 = 2")
    assert f"({r})" in note and f"({j})" in note and "sees 4×4 of the input" in note
    assert trace(scene.layers, scene.input.shape, 1, 0, 1)[0] == ((0, 3), (2, 5))
    assert lesson.step == evaluation.counts[0] and "opens with the convolution done" in note


def test_average_pooling_says_what_its_divisor_counts():
    lesson, scene, evaluation = opened("average-pooling")
    note = lesson.note
    pool = scene.layers[1]
    assert isinstance(pool, Pool2d) and pool.kind == "avg_pool2d"
    assert pool.window().padding == (1, 1) and not pool.count_include_pad
    assert "count_include_pad=False" in note
    assert sizes(evaluation)[1:] == ["4×4", "3×3"]
    assert "around the 4×4 map lets 2×2 windows at stride 2 make a 3×3 map" in note
    middle = step_writing(evaluation, 1, 1, 1)
    assert middle.divisor == 4 and step_equation(middle) in note
    assert step_equation(middle) == "(792 + 412 + 653 + 851) / 4 = 677"
    # The divisor counts only the map's values: 1 in a corner, 2 on an edge.
    corner, edge = step_writing(evaluation, 1, 0, 0), step_writing(evaluation, 1, 0, 1)
    assert corner.divisor == 1 and edge.divisor == 2
    inside = [v for v, cell in zip(corner.values, corner.reads, strict=True) if cell]
    assert f"{shown(inside[0])} / 1 = {shown(corner.result)}" == "429 / 1 = 429"
    assert "429 / 1 = 429" in note
    assert step_equation(edge) == "(505 + 686) / 2 = 595.5" and step_equation(edge) in note
    # torch's default would count the padding's zeros too.
    counting = Pool2d("avg_pool2d", 2, padding=1, count_include_pad=True)
    padded = counting.step(evaluation.maps[1], 0)
    assert step_equation(padded) == "(429 + 0 + 0 + 0) / 4 = 107.25"
    assert step_equation(padded) in note and "count_include_pad=True" in note
    # The note's question: counting the padding makes every border value smaller.
    border = np.ones((3, 3), dtype=bool)
    border[1, 1] = False
    including = counting.forward(evaluation.maps[1])[0]
    assert (including[border] < evaluation.final[0][border]).all()
    assert including[1, 1] == evaluation.final[0, 1, 1]
    assert "gives the border smaller values" in note
    assert lesson.step == evaluation.counts[0]


def test_the_small_cnns_last_value_sees_the_whole_8x8_input():
    lesson, scene, evaluation = opened("small-cnn")
    note = lesson.note
    assert [layer.kind for layer in scene.layers] == ["conv2d", "relu", "max_pool2d", "conv2d"]
    assert sizes(evaluation) == ["8×8", "6×6", "6×6", "3×3", "1×1"]
    assert "8×8 picture of a T into maps of 6×6, 6×6, 3×3 and 1×1" in note
    fields = receptive_fields(scene.layers)
    assert [f.size[0] for f in fields] == [3, 3, 4, 8]
    assert [f.jump[0] for f in fields] == [1, 1, 2, 2]
    assert all(f.size[0] == f.size[1] and f.jump[0] == f.jump[1] for f in fields)
    assert "is 3 after the first convolution and still 3 after ReLU" in note
    for layer in (2, 3):
        assert growth(scene, layer) in note
    assert growth(scene, 3) == "r = 4 + (3 − 1)·1·2 = 8"
    assert "the jump becomes 2" in note
    # The last value's windows reach every input value; a pooled cell's reach 4×4.
    assert trace(scene.layers, scene.input.shape, 3, 0, 0)[0] == ((0, 7), (0, 7))
    assert "all 8·8 = 64 input values" in note and scene.input.size == 64
    assert trace(scene.layers, scene.input.shape, 2, 1, 1)[0] == ((2, 5), (2, 5))
    assert "which sees 4×4 of the input" in note
    shapes = [m.shape for m in evaluation.maps]
    weights = [layer.parameter_count(s) for layer, s in zip(scene.layers, shapes, strict=False)]
    assert weights == [9, 0, 0, 9] and "only 2·9 = 18 weights" in note
    assert max(layer.window().kernel[0] for layer in scene.layers) == 3
    # ReLU does something here, and the picture's T gives the last value.
    assert (evaluation.maps[1] < 0).any() and not (evaluation.maps[2] < 0).any()
    assert evaluation.final[0, 0, 0] > 0
    assert lesson.step == evaluation.n_steps


# ---------------------------------------------------------------- the three languages


def translations(language: str) -> dict[tuple[str, str], ET.Element]:
    ts = ET.parse(resource_dir() / "translations" / f"convstudio_{language}.ts")
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in ts.getroot().iter("context")
        for message in context.iter("message")
    }


TERMS = {
    # The lesson's words for what each note is about (繁體中文, 简体中文).
    "two-convolutions": (
        ["卷積", "感受野", "卷積核", "特徵圖"],
        ["卷积", "感受野", "卷积核", "特征图"],
    ),
    "three-convolutions": (["卷積", "感受野", "卷積核"], ["卷积", "感受野", "卷积核"]),
    "relu": (["卷積核", "特徵圖"], ["卷积核", "特征图"]),
    "max-pooling": (["池化", "步長", "特徵圖", "梯度"], ["池化", "步长", "特征图", "梯度"]),
    "average-pooling": (["池化", "填充", "除數"], ["池化", "填充", "除数"]),
    "small-cnn": (["卷積", "池化", "感受野", "特徵圖"], ["卷积", "池化", "感受野", "特征图"]),
}


@pytest.mark.parametrize("name", STACKS)
def test_each_stack_lesson_speaks_all_three_languages(name):
    lesson, scene, _ = opened(name)
    words = [("Lessons", lesson.title), ("Lessons", lesson.note), ("Scenes", scene.title)]
    for language, terms in zip(("zh_TW", "zh_CN"), TERMS[name], strict=True):
        found = translations(language)
        for context, english in words:
            message = found.get((context, english))
            assert message is not None, (language, context, english)
            text = message.findtext("translation") or ""
            assert message.find("translation").get("type") is None, (language, english)
            assert re.search(r"[\u4e00-\u9fff]", text), (language, english)
        note = found[("Lessons", lesson.note)].findtext("translation") or ""
        for term in terms:
            assert term in note, (language, term)
        # Every formula of the note is in the translation as it is.
        for formula in re.findall(r"[rj] = \d[^=]*= \d+", lesson.note):
            assert formula in note, (language, formula)
