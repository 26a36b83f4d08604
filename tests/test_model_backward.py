"""The backward pass stepped after the forward pass: the switch extends the playback's
total, each part's step shows its numbers on the maps and kernels, switching off returns
to the forward pass, and a scene without a target has no backward pass."""

from __future__ import annotations

import numpy as np
from test_model_stack import small_cnn

from convstudio.engine.backprop import TrainingSteps
from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.backward import backward_of
from convstudio.model.numbers import plain_decimal
from convstudio.model.trainer import training_of


def learn_x() -> Studio:
    """The worked example, its X kernel's map as the target, the kernel zeroed."""
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    session = training_of(studio)
    session.set_target_from_kernels()
    session.zero_kernels()
    return studio


def cnn_with_target() -> Studio:
    scene = small_cnn()
    studio = Studio(scene)
    final = studio.evaluation.final
    assert final is not None
    studio.document.set_scene(scene.replace(target=np.ones(final.shape)))
    return studio


def engine_steps(studio: Studio) -> TrainingSteps:
    scene = studio.document.scene
    lr = training_of(studio).learning_rate
    return TrainingSteps(scene.layers, scene.input, scene.target, lr)


def seek_part(studio: Studio, part: str, layer: int, k: int = 0) -> None:
    """Make step *k* of *part* of *layer* current."""
    steps = backward_of(studio).steps
    assert steps is not None
    for number, section in enumerate(steps.sections):
        if (section.part, section.layer) == (part, layer):
            studio.playback.seek(studio.evaluation.n_steps + steps.offset(number) + k + 1)
            return
    raise AssertionError(f"no {part} section of layer {layer}")


def test_the_switch_extends_the_total_and_off_returns_to_the_forward_pass():
    studio = learn_x()
    backward = backward_of(studio)
    forward = studio.evaluation.n_steps
    assert backward.available and not backward.on
    assert studio.playback.total == forward
    backward.set_on(True)
    assert studio.playback.total == forward + engine_steps(studio).n_steps
    studio.playback.last()
    backward.set_on(False)
    assert studio.playback.total == forward
    assert studio.playback.position == forward
    assert backward.current is None


def test_without_a_target_there_is_no_backward_pass():
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    backward = backward_of(studio)
    assert studio.document.scene.target is None
    assert not backward.available
    backward.set_on(True)
    assert studio.playback.total == studio.evaluation.n_steps
    assert backward.steps is None


def test_the_forward_pass_is_stepped_as_before_and_then_the_loss():
    studio = learn_x()
    backward = backward_of(studio)
    backward.set_on(True)
    forward = studio.evaluation.n_steps
    studio.playback.seek(forward)
    assert studio.current is not None and backward.current is None
    studio.playback.next()  # the loss's first cell
    assert studio.current is None and studio.layer_step is None
    step = backward.current
    assert step is not None and step.part == "loss"
    y, t = studio.evaluation.final, studio.document.scene.target
    assert step.grads == (y[0, 0, 0],) and step.factors == (t[0, 0, 0],)
    gradient = backward.map_gradient(1)
    assert gradient is not None
    assert gradient.done.sum() == 1
    assert gradient.values[0, 0, 0] == 2 * (y[0, 0, 0] - t[0, 0, 0]) / y.size
    assert backward.map_cells(1).writes == {(0, 0, 0)}
    assert str(backward.equation()) == "∂L/∂Y = 2 × (0 − 429) / 16 = −53.625"
    assert backward.heading() is not None and "∂L/∂Y" in backward.heading()


def test_a_weights_gradient_fills_the_kernel_and_lights_what_it_met():
    studio = learn_x()
    backward = backward_of(studio)
    backward.set_on(True)
    seek_part(studio, "kernels", 0, 4)  # the centre weight's gradient
    step = backward.current
    assert step is not None and step.part == "kernels"
    engine = engine_steps(studio)
    shown = backward.parameter(0, "kernels")
    assert shown is not None
    values, done, current = shown
    np.testing.assert_allclose(values, engine.gradients[0].parameters["kernels"])
    assert done.sum() == 5 and current == step.writes[0]
    # The output's gradient is whole; the input shows its values with the cells met lit.
    gradient = backward.map_gradient(1)
    assert gradient is not None and gradient.done.all()
    assert backward.map_gradient(0) is None
    met = backward.map_cells(0).reads
    assert met == {cell for cell in step.factor_cells if cell is not None}
    assert len(backward.map_cells(1).reads) == 16
    assert str(backward.equation()).startswith("∂L/∂W = ")
    assert backward.parameter(0, "bias") is None


def test_the_update_shows_the_new_weights_as_they_are_made():
    studio = learn_x()
    backward = backward_of(studio)
    backward.set_on(True)
    seek_part(studio, "update", 0, 2)
    shown = backward.parameter(0, "kernels")
    assert shown is not None
    values, done, _current = shown
    engine = engine_steps(studio)
    np.testing.assert_allclose(values, engine.updated()[0].kernels)
    assert done.sum() == 3
    lr = training_of(studio).learning_rate
    equation = str(backward.equation())
    assert equation.startswith("W = ") and plain_decimal(lr) in equation


def test_the_input_gradient_of_a_later_layer_fills_by_running_sums():
    studio = cnn_with_target()
    backward = backward_of(studio)
    backward.set_on(True)
    engine = engine_steps(studio)
    # Layer 4 (conv 2×2) sends dL/dY back to map 3 (the pool's output), step by step.
    seek_part(studio, "input", 3, 0)
    assert studio.current_layer == 3  # the stage frames the layer being stepped back
    first = backward.map_gradient(3)
    assert first is not None
    step = backward.current
    assert step is not None and step.part == "input" and step.layer == 3
    assert backward.map_cells(3).writes == set(step.writes)
    assert backward.map_cells(4).reads == set(step.grad_cells)
    np.testing.assert_allclose(first.values, engine.input_progress(3, 1))
    # Max pooling (layer 3) sends each dL/dY to its window's winner and 0 to the rest,
    # one window a step (here the windows tile the map); stepping back sums again.
    count = next(s.count for s in engine.sections if (s.part, s.layer) == ("input", 2))
    assert count == 4
    seek_part(studio, "input", 2, count - 1)
    whole = backward.map_gradient(2)
    assert whole is not None and whole.done.all() and whole.done.size == 16
    assert np.count_nonzero(whole.values) <= 4  # one winner a window
    np.testing.assert_allclose(whole.values, engine.gradients[2].input)
    seek_part(studio, "input", 2, 1)
    assert studio.current_layer == 2
    again = backward.map_gradient(2)
    assert again is not None
    np.testing.assert_allclose(again.values, engine.input_progress(2, 2))
    assert "winner" in str(backward.equation())


def test_a_new_learning_rate_is_the_updates_rate():
    studio = learn_x()
    backward = backward_of(studio)
    backward.set_on(True)
    training_of(studio).set_learning_rate(0.5)
    seek_part(studio, "update", 0, 0)
    step = backward.current
    assert step is not None
    assert step.result == step.factors[0] - 0.5 * step.grads[0]


def test_a_new_scene_keeps_the_total_in_step():
    studio = learn_x()
    backward = backward_of(studio)
    backward.set_on(True)
    scene = studio.document.scene
    studio.document.set_scene(scene.replace(target=None))
    assert studio.playback.total == studio.evaluation.n_steps
    assert not backward.available
    studio.document.set_scene(scene)
    assert studio.playback.total > studio.evaluation.n_steps


def test_the_layer_keys_in_the_backward_pass_go_back_to_the_forward_pass_only():
    studio = cnn_with_target()
    backward_of(studio).set_on(True)
    seek_part(studio, "input", 2, 0)
    position = studio.playback.position
    studio.step_layer(+1)  # no later layer: it stays (not back to the first step)
    assert studio.playback.position == position
    studio.step_layer(-1)  # the forward pass's last layer
    assert studio.playback.position == studio.evaluation.offset(3) + 1
