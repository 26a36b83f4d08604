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

from convstudio.engine.backprop import TrainingSteps
from convstudio.engine.layers import Conv2d
from convstudio.engine.training import mse_loss, train
from convstudio.model import Studio, load_scene
from convstudio.model.backward import backward_of
from convstudio.model.lessons import lesson_named, lessons
from convstudio.model.trainer import TrainingState, training_of
from convstudio.qt.main_window import MainWindow

TRAINING = ["learn-x-kernel", "learn-edge-kernel", "learning-rate-too-large"]
POOLING = "gradient-through-pooling"
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


@pytest.mark.parametrize("name", [*TRAINING, POOLING])
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


def test_a_gradient_through_max_pooling_and_relu():
    lesson, scene, evaluation = opened("gradient-through-pooling")
    note = lesson.note
    names = [x.name for x in lessons()]
    assert names.index("gradient-through-pooling") == names.index(TRAINING[-1]) + 1
    assert [layer.kind for layer in scene.layers] == ["conv2d", "max_pool2d", "relu"]
    np.testing.assert_array_equal(scene.input[0], WORKED_INPUT)
    pooled = evaluation.maps[2][0].ravel()
    assert list(pooled) == [-127, 154, -76, 321] and "−127, 154, −76 and 321" in note
    np.testing.assert_array_equal(scene.target, np.full((1, 2, 2), 100.0))
    steps = TrainingSteps(scene.layers, scene.input, scene.target, lesson.learning_rate)
    by_hand = (100**2 + 54**2 + 100**2 + 221**2) / 4
    assert steps.loss == by_hand and thousands(by_hand, 2) == "17 939.25"
    assert "(100² + 54² + 100² + 221²) / 4 = 17 939.25" in note
    assert list(steps.grad_outputs[2].ravel()) == [-50, 27, -50, 110.5]
    assert "−50, 27, −50 and 110.5" in note
    # ReLU stops the two −50s: what it received (the pooled value) was negative.
    np.testing.assert_array_equal(steps.grad_outputs[1].ravel(), [0, 27, 0, 110.5])
    # Max pooling sends each to its block's winner alone: 27 to the 154, 110.5 to the 321.
    grad_map = steps.grad_outputs[0][0]
    conv_map = evaluation.maps[1][0]
    assert conv_map[1, 2] == 154 and grad_map[1, 2] == 27
    assert conv_map[2, 2] == 321 and grad_map[2, 2] == 110.5
    assert np.count_nonzero(grad_map) == 2 and "14 of the 16 cells get 0" in note
    # The first weight's gradient: the two windows' input values it met, 75 and 204.
    x = scene.input[0]
    assert (x[1, 2], x[2, 2]) == (75, 204)
    first = steps.gradients[0].parameters["kernels"][0, 0, 0, 0]
    assert first == 27 * 75 + 110.5 * 204 == 24567
    assert "27 × 75 + 110.5 × 204 = 24 567" in note
    # Trained, the loss stops at 5 000: the left blocks stay negative and send nothing back.
    assert (lesson.learning_rate, lesson.training_steps) == (0.000005, 200)
    assert "Play 200 steps at η = 0.000005" in note
    for count in (200, 2000):
        run = train(scene.layers, scene.input, scene.target, count, lesson.learning_rate)
        assert run.stopped is None
        assert abs(loss_after(run.layers, scene.input, scene.target) - 5000) < 1e-3
        left = run.layers[1].forward(run.layers[0].forward(scene.input))[0][:, 0]
        assert np.all(left < 0)
    assert "stops at 5 000 = (100² + 0 + 100² + 0) / 4" in note
    # It opens where the backward pass begins.
    assert lesson.backward and lesson.step == evaluation.n_steps


def test_the_pooling_lesson_opens_at_the_backward_pass_however_it_is_opened(qtbot):
    lesson = lesson_named("gradient-through-pooling")
    window = MainWindow(Studio(load_scene(lesson.file)), lesson.file, remember_geometry=False)
    qtbot.addWidget(window)
    studio = window.studio
    forward = studio.evaluation.n_steps
    assert window.backward_action.isChecked() and backward_of(studio).on
    assert studio.playback.position == lesson.step == forward
    assert studio.playback.total > forward
    studio.playback.next()
    assert backward_of(studio).current.part == "loss"
    # From the Lessons menu too, after a lesson without the backward pass.
    window.ask_unsaved = lambda action: "discard"
    assert window.open_lesson(lesson_named("learn-x-kernel"))
    assert not window.backward_action.isChecked()
    assert window.open_lesson(lesson)
    assert window.backward_action.isChecked() and studio.playback.position == forward
