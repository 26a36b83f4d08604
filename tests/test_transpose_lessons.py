"""The transposed convolution's lessons (issue 19): every figure a note states is checked
here against the engine, and each note speaks all three languages with its formulas as
they are."""

from __future__ import annotations

import re

import numpy as np
import pytest
from test_stack_lessons import STACKS, opened, translations

from convstudio.engine.layers import Conv2d, ConvTranspose2d, trace
from convstudio.model.layer_explain import layer_rows, step_equation
from convstudio.model.lessons import lessons

TRANSPOSED = ["transposed-upsampling", "checkerboard", "convolution-transpose", "down-and-up"]


def size_formula(scene, layer: int) -> str:
    """The output size's formula as the Costs rows write it (rows; the lessons' are square)."""
    formula = layer_rows(scene.layers, scene.input.shape)[layer].size_formula
    assert formula is not None and formula[0] == formula[1]
    return formula[0]


def matrix(layer, shape) -> np.ndarray:
    """The layer's matrix, column by column: its output for each unit input (row-major)."""
    columns = []
    for index in range(int(np.prod(shape))):
        unit = np.zeros(int(np.prod(shape)))
        unit[index] = 1.0
        columns.append(layer.forward(unit.reshape(shape)).ravel())
    return np.stack(columns, axis=1)


def test_the_transposed_lessons_come_after_the_stack_lessons():
    names = [lesson.name for lesson in lessons()]
    first = names.index(TRANSPOSED[0])
    assert names[first : first + len(TRANSPOSED)] == TRANSPOSED
    assert names[first - len(STACKS) : first] == STACKS
    for name in TRANSPOSED:
        lesson, scene, evaluation = opened(name)
        assert any(isinstance(layer, ConvTranspose2d) for layer in scene.layers)
        assert max(max(m.shape[1:]) for m in evaluation.maps) <= 8  # readable on a projector
        assert lesson.step <= evaluation.n_steps
        sentences = [s for s in lesson.note.replace("?", ".").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 5, name


def test_a_transposed_convolution_upsamples_2x2_to_4x4_without_overlap():
    lesson, scene, evaluation = opened("transposed-upsampling")
    note = lesson.note
    (layer,) = scene.layers
    assert [m.shape for m in evaluation.maps] == [(1, 2, 2), (1, 4, 4)]
    assert layer.window().input_dilation == (2, 2) and layer.kernels.shape[2:] == (2, 2)
    # "the value 2 puts 2 × (1, 2, 3, 4) = (2, 4, 6, 8) into the top right 2×2 block"
    step = evaluation.layer_step(1)[1]
    assert step.result == 2 and step.weights == (1, 2, 3, 4)
    assert step.writes == ((0, 0, 2), (0, 0, 3), (0, 1, 2), (0, 1, 3))
    assert evaluation.final[0, :2, 2:].ravel().tolist() == [2, 4, 6, 8]
    assert "2 × (1, 2, 3, 4) = (2, 4, 6, 8)" in note and "top right 2×2 block" in note
    assert step_equation(step) == "x = 2: 2 × (1, 2, 3, 4) added into 4 cells"
    # "no two blocks overlap, and every output cell gets 1 contribution"
    counts = layer.progress(evaluation.maps[0], evaluation.counts[0]).counts
    assert (counts == 1).all() and "every output cell gets 1 contribution" in note
    formula = size_formula(scene, 0)
    assert formula == "(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4" and formula in note
    assert lesson.step == 0


def test_kernel_3_at_stride_2_gives_the_checkerboard_of_counts():
    lesson, scene, evaluation = opened("checkerboard")
    note = lesson.note
    (layer,) = scene.layers
    x = evaluation.maps[0]
    assert x.size == 9 and (x == 1).all() and "nine 1s" in note
    assert (layer.kernels == 1).all() and layer.kernels.shape[2:] == (3, 3)
    assert layer.stepping == "scatter" and layer.window().input_dilation == (2, 2)
    # Each step adds the kernel into a 3×3 block; neighbours 2 apart share a row.
    first, second = (evaluation.layer_step(k)[1] for k in (0, 1))
    assert len(first.writes) == 9
    shared = {cell[2] for cell in first.writes} & {cell[2] for cell in second.writes}
    assert shared == {2}
    counts = layer.progress(x, evaluation.counts[0]).counts
    assert set(counts.ravel().tolist()) == {1, 2, 4} and "1, 2 or 4" in note
    np.testing.assert_array_equal(evaluation.final, counts)  # the output is the counts
    # The pattern repeats every 2 cells inside: a checkerboard, not a border effect.
    assert counts[0, 2, 2] == 4 and counts[0, 2, 3] == 2 and counts[0, 3, 3] == 1
    # "With a 4×4 kernel at stride 2 every inner cell gets 2·2 = 4 contributions"
    even = ConvTranspose2d(np.ones((4, 4)), stride=2)
    inner = even.progress(np.ones((1, 5, 5)), 25).counts[0, 2:-2, 2:-2]
    assert (inner == 2 * 2).all() and "2·2 = 4 contributions" in note
    # "kernel size not divisible by the stride": 3 is not, 4 is.
    assert 3 % 2 and not 4 % 2
    assert "Deconvolution and Checkerboard Artifacts" in note and "Distill, 2016" in note
    assert "Odena, Dumoulin and Olah" in note


def test_a_convolution_and_its_transpose_are_a_matrix_and_its_transpose():
    lesson, scene, evaluation = opened("convolution-transpose")
    note = lesson.note
    conv, tconv = scene.layers
    assert isinstance(conv, Conv2d) and isinstance(tconv, ConvTranspose2d)
    np.testing.assert_array_equal(conv.kernels, tconv.kernels)  # the same kernel
    assert [m.shape for m in evaluation.maps] == [(1, 4, 4), (1, 2, 2), (1, 4, 4)]
    m = matrix(conv, (1, 4, 4))
    assert m.shape == (4, 16) and "M is 4×16" in note and "16 values" in note
    assert all(np.count_nonzero(row) == 9 for row in m) and "9 weights" in note
    assert all(16 - np.count_nonzero(row) == 7 for row in m) and "7 zeros" in note
    mt = matrix(tconv, (1, 2, 2))
    assert mt.shape == (16, 4) and "Mᵀ, 16×4" in note
    np.testing.assert_array_equal(mt, m.T)
    np.testing.assert_array_equal(evaluation.maps[1].ravel(), m @ evaluation.maps[0].ravel())
    np.testing.assert_array_equal(evaluation.final.ravel(), m.T @ evaluation.maps[1].ravel())
    # "21 goes back into a 3×3 block as 21 × (1, 2, 1, 2, 4, 2, 1, 2, 1)"
    assert evaluation.maps[1][0, 0, 0] == 21
    step = evaluation.layer_step(evaluation.offset(1))[1]
    assert step.result == 21 and step.weights == (1, 2, 1, 2, 4, 2, 1, 2, 1)
    assert len(step.writes) == 9 and "21 × (1, 2, 1, 2, 4, 2, 1, 2, 1)" in note
    # Back to 4×4 but not to the input: MᵀM is not the identity.
    assert not np.array_equal(m.T @ m, np.eye(16))
    assert not np.array_equal(evaluation.final, evaluation.maps[0])
    assert "View ▸ As a matrix" in note
    assert lesson.step == evaluation.counts[0] == 4  # opens with the convolution done


def test_stride_2_down_and_up_gives_back_the_size_not_the_values():
    lesson, scene, evaluation = opened("down-and-up")
    note = lesson.note
    conv, tconv = scene.layers
    assert [m.shape for m in evaluation.maps] == [(1, 4, 4), (1, 2, 2), (1, 4, 4)]
    assert conv.window().stride == (2, 2) and tconv.window().input_dilation == (2, 2)
    x = evaluation.maps[0][0]
    assert x[:2, :2].ravel().tolist() == [1, 2, 5, 6]
    assert evaluation.maps[1][0, 0, 0] == 1 + 2 + 5 + 6 == 14 and "1 + 2 + 5 + 6 = 14" in note
    assert evaluation.final[0, :2, :2].ravel().tolist() == [14, 14, 14, 14]
    assert "14, 14, 14, 14, not 1, 2, 5, 6" in note
    formula = size_formula(scene, 1)
    assert formula == "(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4" and formula in note
    # Four numbers into one sum: any kernel gives the block's four cells from 14 alone.
    assert trace(scene.layers, scene.input.shape, 1, 0, 0)[0] == ((0, 1), (0, 1))
    assert lesson.step == evaluation.counts[0] == 4


TERMS = {
    # The lesson's words for what each note is about (繁體中文, 简体中文).
    "transposed-upsampling": (
        ["轉置卷積", "卷積核", "步長", "上採樣"],
        ["转置卷积", "卷积核", "步长", "上采样"],
    ),
    "checkerboard": (["卷積核", "步長", "棋盤格", "重疊"], ["卷积核", "步长", "棋盘格", "重叠"]),
    "convolution-transpose": (
        ["矩陣", "轉置卷積", "卷積核", "矩陣形式"],
        ["矩阵", "转置卷积", "卷积核", "矩阵形式"],
    ),
    "down-and-up": (["轉置卷積", "反卷積", "步長"], ["转置卷积", "反卷积", "步长"]),
}


@pytest.mark.parametrize("name", TRANSPOSED)
def test_each_transposed_lesson_speaks_all_three_languages(name):
    lesson, scene, _ = opened(name)
    words = [("Lessons", lesson.title), ("Lessons", lesson.note), ("Scenes", scene.title)]
    # Every formula and figure of the note is in the translation as it is.
    figures = re.findall(r"\([^()]*\)·\d[^=]*= \d+|\d+ × \([^)]*\)(?: = \([^)]*\))?", lesson.note)
    figures += re.findall(r"\d+(?: \+ \d+)+ = \d+|\d·\d = \d|\d+×\d+", lesson.note)
    assert figures, name
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
        for figure in figures:
            assert figure in note, (language, figure)
