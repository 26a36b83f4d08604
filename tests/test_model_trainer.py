"""The training session: play N steps at speed, pause, the loss exploding, back and
forward through the history, reset, undo as one step, the settings' refusals, and the
target and kernel controls."""

from __future__ import annotations

import math

import numpy as np
import pytest

from convstudio.engine.layers import Activation, Conv2d
from convstudio.engine.training import train
from convstudio.model import DEFAULT_SCENE, EditError, Studio, load_scene, scene_path
from convstudio.model.presets import builtin_presets
from convstudio.model.trainer import (
    DEFAULT_LEARNING_RATE,
    MAX_HISTORY,
    TrainingSession,
    TrainingState,
    loss_text,
    steps_due,
    training_of,
)

X_KERNEL = np.array([[1.0, 0, 1], [0, 1, 0], [1, 0, 1]])


def worked_example() -> Studio:
    """The lesson's worked example, target = the X kernel's map, kernels zeroed."""
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    session.set_target_from_kernels()
    session.zero_kernels()
    return studio


def weights(studio: Studio) -> np.ndarray:
    return np.array(studio.document.scene.kernels)


def engine_run(studio: Studio, steps: int, lr: float, momentum: float = 0.0):
    scene = studio.document.scene
    return train(scene.layers, scene.input, scene.target, steps, lr, momentum)


def play_to_end(session: TrainingSession, per_tick: int = 1) -> int:
    ticks = 0
    while session.state is TrainingState.PLAYING:
        session.tick(per_tick)
        ticks += 1
        assert ticks < 100_000
    return ticks


def test_play_n_steps_one_per_tick_gives_the_engines_weights():
    studio = worked_example()
    session = training_of(studio)
    expected = engine_run(studio, 30, DEFAULT_LEARNING_RATE)
    session.set_steps(30)
    session.play()
    assert session.state is TrainingState.PLAYING
    assert play_to_end(session) == 30
    assert session.state is TrainingState.FINISHED
    assert session.position == session.last == 30
    np.testing.assert_allclose(weights(studio), expected.layers[0].kernels)
    # One loss per step, each before its update, then the last weights' own.
    np.testing.assert_allclose(session.losses[:30], expected.losses)
    assert session.losses[30] < session.losses[0]
    assert session.loss == session.losses[30]


def test_several_steps_per_tick_reach_the_same_weights():
    studio = worked_example()
    session = training_of(studio)
    expected = engine_run(studio, 30, DEFAULT_LEARNING_RATE)
    session.set_steps(30)
    session.play()
    assert play_to_end(session, per_tick=7) == 5  # 7+7+7+7+2: a tick never passes the end
    np.testing.assert_allclose(weights(studio), expected.layers[0].kernels)


def test_pause_keeps_the_weights_and_play_goes_on_to_the_runs_end():
    studio = worked_example()
    session = training_of(studio)
    session.set_steps(10)
    session.play()
    for _ in range(4):
        session.tick()
    session.pause()
    assert session.state is TrainingState.PAUSED
    session.tick()  # a tick while paused does nothing
    assert session.position == 4
    session.play()
    play_to_end(session)
    assert session.position == 10
    # Play again: another N from there.
    session.play()
    play_to_end(session)
    assert session.position == 20


def test_the_loss_exploding_stops_and_keeps_the_last_finite_weights():
    studio = worked_example()
    session = training_of(studio)
    stopped: list[str] = []
    session.stopped.connect(stopped.append)
    session.set_learning_rate(0.01)  # far beyond 2/curvature for pixels 0..255
    session.set_steps(1000)
    session.play()
    play_to_end(session, per_tick=5)
    assert session.state is TrainingState.OVERFLOW
    assert 0 < session.last < 1000
    shown = weights(studio)
    assert np.all(np.isfinite(shown)) and np.all(np.abs(shown) <= 1e12)
    np.testing.assert_array_equal(shown, session.layers_at(session.last)[0].kernels)
    assert all(math.isfinite(loss) for loss in session.losses)
    # One plain line that says what happened and what was kept.
    assert len(stopped) == 1 and "\n" not in stopped[0]
    assert f"step {session.last + 1} " in stopped[0]
    assert f"kept the weights after step {session.last}." in stopped[0]
    # The numbers were still numbers: it is the window's limit that was passed, said so.
    assert "±10¹²" in stopped[0]


def test_back_forward_and_reset_show_earlier_weights():
    studio = worked_example()
    session = training_of(studio)
    session.set_steps(5)
    session.play()
    play_to_end(session)
    start = session.layers_at(0)[0].kernels
    session.back()
    assert session.position == 4
    np.testing.assert_array_equal(weights(studio), session.layers_at(4)[0].kernels)
    session.back()
    session.forward()
    assert session.position == 4
    session.reset()
    assert session.position == 0
    np.testing.assert_array_equal(weights(studio), start)
    assert session.loss == session.losses[0]
    session.back()  # nothing before the start
    assert session.position == 0
    # The history stays until a new step: Forward still goes back to the trained weights.
    session.seek(5)
    np.testing.assert_array_equal(weights(studio), session.layers_at(5)[0].kernels)


def test_a_step_from_an_earlier_one_drops_the_later_steps():
    studio = worked_example()
    session = training_of(studio)
    session.set_steps(6)
    session.play()
    play_to_end(session)
    session.seek(2)
    session.step()
    assert session.position == session.last == 3
    expected = engine_run_from_start(studio, session, 3)
    np.testing.assert_allclose(weights(studio), expected)


def engine_run_from_start(studio: Studio, session: TrainingSession, steps: int) -> np.ndarray:
    scene = studio.document.scene
    run = train(session.layers_at(0), scene.input, scene.target, steps, session.learning_rate)
    return run.layers[0].kernels


def test_navigation_while_playing_pauses():
    studio = worked_example()
    session = training_of(studio)
    session.set_steps(10)
    session.play()
    session.tick()
    session.tick()
    session.back()
    assert session.state is TrainingState.IDLE
    assert session.position == 1


def test_a_whole_session_is_one_undo_step_and_undo_redo_follow_the_history():
    studio = worked_example()
    document = studio.document
    session = training_of(studio)
    zeroed = document.scene
    session.set_steps(8)
    session.play()
    play_to_end(session)
    session.back()  # shows step 7: no undo step of its own
    document.undo()
    assert document.scene is zeroed  # the starting weights, in one undo
    assert session.position == 0 and session.last == 8  # the history is kept
    document.redo()
    assert session.position == 7
    np.testing.assert_array_equal(weights(studio), session.layers_at(7)[0].kernels)
    # Reset is that undo; redo comes back.
    session.reset()
    assert document.scene is zeroed and document.can_redo
    document.redo()
    assert session.position == 7
    # Undo once more, past the start: the zeroing itself is undone, the session ends.
    document.undo()
    document.undo()
    np.testing.assert_array_equal(weights(studio), X_KERNEL[None, None])
    assert session.last == 0 and session.state is TrainingState.IDLE


def test_an_edit_of_the_weights_starts_a_new_session():
    studio = worked_example()
    session = training_of(studio)
    session.step()
    session.step()
    assert session.last == 2
    studio.document.set_kernel_value(0, 0, 1, 1, 0.5)
    assert session.last == 0 and session.start_layers is None
    session.step()
    assert session.start_layers[0].kernels[0, 0, 1, 1] == 0.5


def test_choosing_a_layer_keeps_the_session():
    studio = Studio(load_scene(scene_path("relu")))
    session = training_of(studio)
    session.set_target_from_kernels()
    session.scramble_kernels(np.random.default_rng(1))
    session.step()
    session.step()
    studio.document.select_layer(1)
    assert session.last == 2 and session.position == 2


def test_momentum_gives_the_engines_momentum_run():
    studio = worked_example()
    session = training_of(studio)
    session.set_momentum(0.9)
    session.set_learning_rate(1e-7)
    session.set_steps(12)
    expected = engine_run(studio, 12, 1e-7, momentum=0.9)
    session.play()
    play_to_end(session, per_tick=5)
    np.testing.assert_allclose(weights(studio), expected.layers[0].kernels)


def test_momentum_continues_from_a_step_gone_back_to():
    studio = worked_example()
    session = training_of(studio)
    session.set_momentum(0.5)
    for _ in range(6):
        session.step()
    sixth = weights(studio)
    session.seek(3)
    for _ in range(3):
        session.step()  # with step 3's velocity, not the one of step 6
    np.testing.assert_allclose(weights(studio), sixth)


@pytest.mark.parametrize("value", [0, -1e-3, float("nan"), "abc", None, True, float("inf")])
def test_a_bad_learning_rate_is_refused_and_the_old_one_kept(value):
    studio = worked_example()
    session = training_of(studio)
    session.set_learning_rate(2e-6)
    with pytest.raises(EditError) as refused:
        session.set_learning_rate(value)
    assert session.learning_rate == 2e-6
    assert "learning rate" in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("value", [-0.1, 1.0, float("nan"), "x"])
def test_a_bad_momentum_is_refused_and_the_old_one_kept(value):
    session = training_of(worked_example())
    with pytest.raises(EditError, match="momentum"):
        session.set_momentum(value)
    assert session.momentum == 0.0


def test_momentum_is_off_by_default_and_steps_are_bounded():
    session = training_of(worked_example())
    assert session.momentum == 0.0
    with pytest.raises(EditError):
        session.set_steps(0)
    with pytest.raises(EditError):
        session.set_steps(MAX_HISTORY + 1)
    assert session.steps == 50


def test_no_target_no_training():
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    with pytest.raises(EditError, match="no target"):
        session.play()
    with pytest.raises(EditError, match="no target"):
        session.step()
    assert session.state is TrainingState.IDLE and session.loss is None
    assert studio.document.scene.kernels.shape == (1, 1, 3, 3)


def test_target_from_the_current_kernels_and_undo():
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    session.set_target_from_kernels()
    np.testing.assert_array_equal(studio.document.scene.target, studio.evaluation.final)
    assert session.loss == 0.0
    studio.document.undo()
    assert studio.document.scene.target is None


def test_a_new_loss_without_a_session_is_announced_once():
    # Soak, seed 2: a target set, an input value typed, and the panel still showed L = 0.
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    session.set_target_from_kernels()
    heard: list[float | None] = []
    session.changed.connect(lambda: heard.append(session.loss))
    studio.document.set_input_value(0, 0, 0, 7.0)
    assert heard == [session.loss] and session.loss and session.loss > 0
    studio.document.undo()
    assert heard[-1] == 0.0 and len(heard) == 2


def test_target_from_a_preset_keeps_the_kernels():
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    preset = next(p for p in builtin_presets() if p.weights.shape == (3, 3))
    session.set_target_from_preset(preset)
    scene = studio.document.scene
    np.testing.assert_array_equal(scene.kernels[0, 0], X_KERNEL)
    with_preset = scene.replace(kernels=preset.weights[None, None])
    from convstudio.model import evaluate

    np.testing.assert_allclose(scene.target, evaluate(with_preset).final)
    studio.document.undo()
    assert studio.document.scene.target is None


def test_a_preset_that_does_not_fit_is_refused():
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    studio.document.set_channels(2)
    rgb = next((p for p in builtin_presets() if p.weights.ndim == 3), None)
    if rgb is None:
        pytest.skip("no preset across channels")
    with pytest.raises(EditError):
        session.set_target_from_preset(rgb)
    assert studio.document.scene.target is None


def test_a_preset_of_another_size_is_refused_in_words():
    # Soak, seed 2: a 3×3 preset's output under a 4×4 kernel is another size, and the
    # target it gave escaped as a TargetError (a traceback) instead of a refusal.
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    studio.document.resize_kernel(4, 4)
    before = studio.document.scene
    preset = next(p for p in builtin_presets() if p.weights.shape == (3, 3))
    with pytest.raises(
        EditError, match=r"With Lesson: X pattern the output would be 1×4×4.*, 1×3×3:"
    ):
        session.set_target_from_preset(preset)
    assert studio.document.scene is before


def test_a_preset_target_without_a_convolution_is_refused_in_words():
    # Soak, seed 2: transposed convolutions alone have no kernels for a preset to go in;
    # a NoConvolutionError escaped (a traceback).
    studio = Studio(load_scene(scene_path("transposed-upsampling")))
    assert studio.document.scene.conv_index is None
    before = studio.document.scene
    with pytest.raises(EditError, match="no convolution"):
        training_of(studio).set_target_from_preset(builtin_presets()[0])
    assert studio.document.scene is before


def test_scramble_is_seeded_bounded_undoable_and_zero_keeps_no_bias():
    studio = Studio(load_scene(scene_path("relu")))
    document = studio.document
    session = training_of(studio)
    before = document.scene
    session.scramble_kernels(np.random.default_rng(7))
    first = [
        np.array(layer.kernels) for layer in document.scene.layers if hasattr(layer, "kernels")
    ]
    document.undo()
    assert document.scene is before
    session.scramble_kernels(np.random.default_rng(7))
    again = [
        np.array(layer.kernels) for layer in document.scene.layers if hasattr(layer, "kernels")
    ]
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    for layer in document.scene.layers:
        if isinstance(layer, Conv2d):
            bound = 1 / math.sqrt(np.prod(layer.kernels.shape[1:]))
            assert np.all(np.abs(layer.kernels) <= bound + 0.005)
            assert np.array_equal(np.round(layer.kernels, 2), layer.kernels)
            assert not np.all(layer.kernels == 0)
    session.zero_kernels()
    for old, layer in zip(before.layers, document.scene.layers, strict=True):
        if isinstance(layer, Conv2d):
            assert np.all(layer.kernels == 0)
            assert (layer.bias is None) == (old.bias is None)
            if layer.bias is not None:
                assert np.all(layer.bias == 0)
        else:
            assert isinstance(layer, Activation) or layer == old
    document.undo()
    document.undo()
    assert document.scene is before


def test_a_stack_trains_like_the_engine():
    studio = Studio(load_scene(scene_path("small-cnn")))
    session = training_of(studio)
    session.set_target_from_kernels()
    session.scramble_kernels(np.random.default_rng(3))
    session.set_learning_rate(1e-9)
    session.set_steps(5)
    session.play()
    play_to_end(session)
    scene = studio.document.scene
    run = train(session.layers_at(0), scene.input, scene.target, 5, 1e-9)
    for trained, expected in zip(scene.layers, run.layers, strict=True):
        if isinstance(trained, Conv2d):
            np.testing.assert_allclose(trained.kernels, expected.kernels)


def test_training_shows_the_forward_pass_whole():
    studio = worked_example()
    studio.playback.seek(3)  # part-way through the convolution's steps
    training_of(studio).step()
    assert studio.playback.position == studio.playback.total == 16


def test_the_seam_for_a_stepped_backward_pass():
    studio = worked_example()
    session = training_of(studio)
    assert session.last_step() is None
    session.step()
    step = session.last_step()
    assert step is not None
    np.testing.assert_allclose(step.layers[0].kernels, weights(studio))
    assert step.grad_output.shape == studio.document.scene.target.shape
    # The step as it was taken, whatever the settings are now; and at an earlier step.
    session.set_momentum(0.5)
    session.step()
    session.set_learning_rate(5e-7)
    session.set_momentum(0.0)
    np.testing.assert_allclose(session.last_step().layers[0].kernels, weights(studio))
    session.back()
    np.testing.assert_allclose(session.last_step().layers[0].kernels, weights(studio))


def test_loss_text_and_catch_up():
    assert loss_text(12.5) == "L = mean((Y − T)²) = 12.5"
    assert loss_text(None) == "L = mean((Y − T)²)"
    assert loss_text(float("inf")).endswith("= ∞")
    assert steps_due(0.0, 0) == 1  # at least one step a tick
    assert steps_due(0.5, 10, rate=60) == 20  # 30 due at 60 per second: catch up
    assert steps_due(0.5, 40, rate=60) == 1
    assert steps_due(0.015, 0) == 1  # on time: one step a tick of 15 ms


def test_one_session_per_studio():
    studio = worked_example()
    assert training_of(studio) is training_of(studio)
    assert training_of(Studio(studio.document.scene)) is not training_of(studio)


def test_before_a_session_new_weights_change_the_loss_shown_and_say_so():
    """No training step yet: the loss shown is the scene's, so an edit of the weights
    (Scramble, Zero, a weight typed) announces a change, as a step does."""
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    session.set_target_from_kernels()
    assert session.loss == 0
    heard = []
    session.changed.connect(lambda: heard.append(session.loss))
    session.zero_kernels()
    assert heard and heard[-1] == session.loss == 448479.875
    heard.clear()
    session.scramble_kernels(np.random.default_rng(3))
    assert heard and heard[-1] == session.loss > 0
