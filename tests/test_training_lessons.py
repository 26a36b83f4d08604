"""The training lessons (issue 20): every figure a note states is checked here against the
engine's gradient descent and the window's training session, and each note speaks all three
languages with its figures as they are."""

from __future__ import annotations

import re

import numpy as np
import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT
from test_stack_lessons import opened, translations
from test_transpose_lessons import TRANSPOSED

from convstudio.engine.layers import Conv2d
from convstudio.engine.training import mse_loss, train
from convstudio.model import Studio
from convstudio.model.lessons import lessons
from convstudio.model.trainer import TrainingState, training_of

TRAINING = ["learn-x-kernel", "learn-edge-kernel", "learning-rate-too-large"]
SOBEL = np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]])


def loss_after(layers, x, target) -> float:
    y = x
    for layer in layers:
        y = layer.forward(y)
    return mse_loss(y, target)[0]


def thousands(value: float, decimals: int) -> str:
    """``448 479.875``: the notes' way of writing a large number."""
    return f"{value:,.{decimals}f}".replace(",", " ")


def test_the_training_lessons_follow_the_transposed_ones():
    names = [lesson.name for lesson in lessons()]
    first = names.index(TRAINING[0])
    assert names[first : first + len(TRAINING)] == TRAINING
    assert names[first - 1] == TRANSPOSED[-1]
    for name in TRAINING:
        lesson, scene, evaluation = opened(name)
        assert scene.target is not None and scene.target.shape == evaluation.final.shape
        assert np.all(scene.kernels == 0)  # nothing to find but by descent
        sentences = [s for s in lesson.note.replace("?", ".").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 5, name
        assert f"η = {lesson.learning_rate:.6f}".rstrip("0") in lesson.note


def test_the_x_kernel_is_learned_from_its_map():
    lesson, scene, _ = opened("learn-x-kernel")
    note = lesson.note
    np.testing.assert_array_equal(scene.input[0], WORKED_INPUT)
    np.testing.assert_array_equal(scene.target[0], WORKED_OUTPUT)
    start = loss_after(scene.layers, scene.input, scene.target)
    assert thousands(start, 3) == "448 479.875" and "starts at 448 479.875" in note
    assert (lesson.learning_rate, lesson.training_steps) == (0.000005, 300)
    run = train(scene.layers, scene.input, scene.target, 300, lesson.learning_rate)
    assert run.stopped is None
    assert loss_after(run.layers, scene.input, scene.target) < 0.02 and "below 0.02" in note
    kernel = run.layers[0].kernels[0, 0]
    assert np.abs(kernel - WORKED_KERNEL).max() <= 0.002 and "within 0.002" in note
    assert "1 0 1 / 0 1 0 / 1 0 1" in note and "16 positions" in note


def test_an_edge_kernel_is_learned_from_a_photo():
    lesson, scene, evaluation = opened("learn-edge-kernel")
    note = lesson.note
    assert scene.input.shape == (1, 8, 8) and "8×8 patch" in note
    np.testing.assert_array_equal(scene.target, Conv2d(SOBEL).forward(scene.input))
    assert scene.target.min() == -695 and "strongest at the edge: −695" in note
    assert "1 0 −1 / 2 0 −2 / 1 0 −1" in note
    start = loss_after(scene.layers, scene.input, scene.target)
    assert thousands(start, 3) == "101 066.528" and "at 101 066.528" in note
    assert (lesson.learning_rate, lesson.training_steps) == (0.00001, 1000)
    run = train(scene.layers, scene.input, scene.target, 1000, lesson.learning_rate)
    assert loss_after(run.layers, scene.input, scene.target) < 0.1 and "below 0.1" in note
    assert np.abs(run.layers[0].kernels[0, 0] - SOBEL).max() <= 0.02 and "within 0.02" in note
    assert evaluation.final.shape == (1, 6, 6)


def test_a_learning_rate_too_large_explodes_and_the_window_stops_it():
    lesson, scene, _ = opened("learning-rate-too-large")
    note = lesson.note
    x_lesson, x_scene, _ = opened("learn-x-kernel")
    assert scene.same_as(x_scene.replace(title=scene.title))  # the same problem
    assert lesson.learning_rate == 2 * x_lesson.learning_rate and "twice the rate" in note
    run = train(scene.layers, scene.input, scene.target, 3, lesson.learning_rate)
    shown = ", ".join(thousands(loss, 3) for loss in run.losses)
    assert shown == "448 479.875, 2 161 260.848, 10 607 563.207" and shown in note
    assert all(4.5 < b / a < 5.5 for a, b in zip(run.losses, run.losses[1:], strict=False))
    # The window's run: it stops where a weight would pass ±10¹², keeping the step before.
    studio = Studio(scene)
    session = training_of(studio)
    session.set_learning_rate(lesson.learning_rate)
    session.set_steps(lesson.training_steps)
    session.play()
    while session.state is TrainingState.PLAYING:
        session.tick(10)
    assert session.state is TrainingState.OVERFLOW and session.last == 35
    assert "at step 36" in note and "after step 35" in note
    assert np.all(np.abs(studio.document.scene.kernels) <= 1e12)
    # Stable only below 2 / the loss's largest curvature (the Hessian of a linear least
    # squares: 2·PᵀP/N over the 16 windows P).
    windows = np.lib.stride_tricks.sliding_window_view(WORKED_INPUT, (3, 3)).reshape(16, 9)
    largest = np.linalg.eigvalsh(2 * windows.T @ windows / 16).max()
    assert f"{2 / largest:.7f}" == "0.0000062" and "about 0.0000062" in note
    assert x_lesson.learning_rate < 2 / largest < lesson.learning_rate


@pytest.mark.parametrize("name", TRAINING)
def test_each_training_lesson_speaks_all_three_languages(name):
    lesson, scene, _ = opened(name)
    words = [("Lessons", lesson.title), ("Lessons", lesson.note), ("Scenes", scene.title)]
    figures = re.findall(r"\d[\d ]*\.\d+|η = [\d.]+|[−\d][ −\d/]+\d|∂L/∂[WY]", lesson.note)
    assert figures, name
    for language in ("zh_TW", "zh_CN"):
        found = translations(language)
        for context, english in words:
            message = found.get((context, english))
            assert message is not None, (language, context, english)
            text = message.findtext("translation") or ""
            assert message.find("translation").get("type") is None, (language, english)
            assert re.search(r"[\u4e00-\u9fff]", text), (language, english)
        note = found[("Lessons", lesson.note)].findtext("translation") or ""
        for figure in figures:
            assert figure.strip() in note, (language, figure)
