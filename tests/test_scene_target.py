"""A scene's training target: checked when built, written in a version 2 file and read back,
part of same_as, kept or dropped by edits; the words of training's refusals; the work
budget of a run."""

from __future__ import annotations

import json

import numpy as np
import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.model import Document, Scene, SceneFileError, load_scene, save_scene
from convstudio.model.budget import (
    STEP_LAYER_OVERHEAD,
    BudgetError,
    TrainingBudgetError,
    check_training_budget,
    estimate_training,
)
from convstudio.model.scene import TargetError, scene_from_dict, scene_to_dict
from convstudio.model.training import (
    MAX_STEPS,
    TrainingError,
    check_learning_rate,
    check_steps,
    check_trainable,
    overflow_text,
    stopped_text,
    train_scene,
    trained,
)


def lesson(**more) -> Scene:
    return Scene(WORKED_INPUT, np.zeros((3, 3)), title="Learn X", target=WORKED_OUTPUT, **more)


def small_cnn(target=None) -> Scene:
    layers = (Conv2d(np.ones((2, 1, 3, 3)), [0.0, 1.0]), Activation("relu"),
              Pool2d("max_pool2d", 2), Conv2d(np.ones((1, 2, 2, 2))))  # fmt: skip
    return Scene(np.arange(100.0).reshape(10, 10), layers=layers, target=target)


# -- the target in a scene --------------------------------------------------------------------


def test_a_target_is_a_read_only_map_of_the_last_layers_output_shape():
    scene = lesson()
    assert scene.target.shape == (1, 4, 4)  # a 2-D target is one channel
    np.testing.assert_array_equal(scene.target[0], WORKED_OUTPUT)
    assert not scene.target.flags.writeable
    assert Scene(WORKED_INPUT, WORKED_KERNEL).target is None
    assert small_cnn(np.zeros((1, 3, 3))).target.shape == (1, 3, 3)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (np.zeros((3, 3)), "“target” must be 1×4×4, the last layer's output shape, not 1×3×3."),
        (np.zeros((2, 4, 4)), "“target” must be 1×4×4, the last layer's output shape, not 2×4×4."),
        (np.zeros(16), "“target” must be 1×4×4, the last layer's output shape, not 16."),
        ([[1, "a"]], "“target” must be a grid of numbers."),
        (np.full((4, 4), np.inf), "target, channel 1, row 1, column 1: Infinity is not a number."),
    ],
)
def test_a_wrong_target_is_refused_in_one_line_naming_target(target, message):
    with pytest.raises(TargetError) as refused:
        lesson().replace(target=target)
    assert str(refused.value) == message
    with pytest.raises(TargetError):
        Scene(WORKED_INPUT, WORKED_KERNEL, target=target)


def test_nan_in_a_target_is_named_by_its_cell():
    target = WORKED_OUTPUT.copy()
    target[2, 3] = np.nan
    with pytest.raises(TargetError, match=r"^target, channel 1, row 3, column 4: NaN is not"):
        Scene(WORKED_INPUT, WORKED_KERNEL, target=target)


def test_same_as_compares_the_targets():
    scene = lesson()
    assert scene.same_as(lesson())
    assert not scene.same_as(scene.replace(target=None))
    assert not scene.replace(target=None).same_as(scene)
    assert not scene.same_as(scene.replace(target=WORKED_OUTPUT + 1))


def test_edits_keep_a_target_that_still_fits_and_drop_one_that_no_longer_does():
    scene = lesson()
    assert scene.replace(kernels=np.ones((3, 3)), bias=[2.0]).target is not None
    assert scene.replace(title="other").target is not None
    assert scene.replace(kernels=np.ones((5, 5))).target is None  # the output is 2×2 now
    assert scene.replace(input=np.zeros((7, 7))).target is None
    # While the settings are impossible there is no output to compare: it is kept.
    impossible = scene.replace(kernels=np.ones((7, 3)))
    assert impossible.output_shape() is None and impossible.target is not None
    assert impossible.replace(kernels=np.ones((3, 3))).target is not None


def test_a_document_edit_keeps_the_target_and_undo_brings_back_a_dropped_one():
    document = Document(lesson())
    document.set_kernel_value(0, 0, 0, 0, 1.0)
    assert document.scene.target is not None
    document.resize_kernel(5, 5)
    assert document.scene.target is None
    document.undo()
    np.testing.assert_array_equal(document.scene.target[0], WORKED_OUTPUT)


# -- the file ---------------------------------------------------------------------------------


def test_a_one_convolution_scene_with_a_target_is_written_as_version_2(tmp_path):
    # Version 1 has no place for a target: version 2 keeps it, and a reader that knows only
    # version 1 says a newer ConvStudio wrote the file.
    scene = lesson()
    data = scene_to_dict(scene)
    assert data["version"] == 2
    assert data["layers"] == [{"type": "conv2d", "kernels": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}]
    assert data["target"] == WORKED_OUTPUT.astype(int).tolist()
    path = tmp_path / "learn-x.json"
    save_scene(scene, path)
    again = load_scene(path)
    assert again.same_as(scene)
    assert not again.is_stack
    assert scene_to_dict(Scene(WORKED_INPUT, WORKED_KERNEL))["version"] == 1


def test_a_stack_keeps_its_target_of_several_channels(tmp_path):
    layers = (Conv2d(np.ones((2, 1, 2, 2))), Activation("tanh"))
    target = np.arange(2 * 5 * 5, dtype=float).reshape(2, 5, 5) / 7
    scene = Scene(np.ones((6, 6)), layers=layers, target=target)
    path = tmp_path / "two.json"
    save_scene(scene, path)
    again = load_scene(path)
    np.testing.assert_array_equal(again.target, target)
    assert again.same_as(scene)


def file_with(target, version=2):
    data = scene_to_dict(Scene(WORKED_INPUT, WORKED_KERNEL).replace(title="t"))
    if version == 2:
        data = {**data, "version": 2, "layers": [{"type": "conv2d", "kernels": [[1]]}]}
        for key in ("kernels", "bias", "stride", "padding", "dilation", "groups",
                    "padding_mode", "true_convolution"):  # fmt: skip
            data.pop(key, None)
    data["target"] = target
    return json.loads(json.dumps(data))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ([[1, 2], [3, 4]], "“target” must be 1×6×6, the last layer's output shape, not 1×2×2."),
        ([[1, 2], [3, "x"]], 'target, row 2, column 2: "x" is not a number.'),
        ("map", "“target” must be a non-empty list of rows of numbers."),
        ([1, 2, 3], "“target” must be a 2-D or 3-D list of numbers, not 1-D."),
    ],
)
def test_a_file_with_a_wrong_target_is_refused_naming_target(target, message):
    with pytest.raises(SceneFileError) as refused:
        scene_from_dict(file_with(target))
    assert str(refused.value) == message


def test_a_version_1_file_has_no_target():
    with pytest.raises(SceneFileError, match="Unknown field “target”"):
        scene_from_dict(file_with(WORKED_OUTPUT.tolist(), version=1))


def test_a_null_target_is_no_target():
    assert scene_from_dict(file_with(None)).target is None


# -- training's words and checks --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lr", "shown"),
    [
        (0, "0"),
        (-0.5, "-0.5"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        ("0.1", "0.1"),
        (True, "True"),
    ],
)
def test_a_learning_rate_must_be_a_number_above_zero(lr, shown):
    with pytest.raises(TrainingError) as refused:
        check_learning_rate(lr)
    assert str(refused.value) == f"The learning rate must be a number above 0, not {shown}."
    assert check_learning_rate(1e-7) == 1e-7
    assert check_learning_rate(2) == 2.0


@pytest.mark.parametrize("steps", [0, -3, MAX_STEPS + 1, 2.5, True])
def test_a_number_of_steps_must_be_whole_and_in_range(steps):
    with pytest.raises(TrainingError, match=r"^The number of steps must be 1 to 100000, not"):
        check_steps(steps)
    assert check_steps(MAX_STEPS) == MAX_STEPS


def test_training_needs_a_target():
    with pytest.raises(TrainingError) as refused:
        check_trainable(Scene(WORKED_INPUT, WORKED_KERNEL))
    assert "no target" in str(refused.value) and "\n" not in str(refused.value)
    check_trainable(lesson())


def test_overflow_says_where_it_stopped_and_what_it_kept():
    assert overflow_text(12) == (
        "The loss became too large to compute at step 12: the run stopped and kept the "
        "weights after step 11. Try a smaller learning rate."
    )
    assert "kept the starting weights" in overflow_text(1)


def test_train_scene_runs_the_engine_and_trained_keeps_the_target():
    scene = Scene(WORKED_INPUT / 255, np.zeros((3, 3)), target=WORKED_OUTPUT / 255)
    run = train_scene(scene, 300, 0.2)
    assert stopped_text(run) is None
    learned = trained(scene, run)
    np.testing.assert_allclose(learned.kernels[0, 0], WORKED_KERNEL, atol=0.02)
    assert learned.target is not None
    exploded = train_scene(lesson(), 100, 0.01)
    assert stopped_text(exploded) == overflow_text(len(exploded.losses) + 1)
    with pytest.raises(TrainingError):
        train_scene(scene, 10, -1)


# -- the work budget of a run -----------------------------------------------------------------


def test_the_budget_counts_three_passes_and_each_layers_overhead_a_step():
    scene = small_cnn(np.zeros((1, 3, 3)))
    # conv 3×3 1→2 on 10×10: 2·8·8·9 = 1152; conv 2×2 2→1 on 4×4: 3·3·8 = 72; pool: 2·4·4·4 = 128;
    # ReLU: 128 cells.
    forward = 1152 + 128 + 128 + 72
    assert estimate_training(scene, 10).macs == 10 * (3 * forward + 4 * STEP_LAYER_OVERHEAD)
    check_training_budget(scene, MAX_STEPS // 100)


def test_a_run_beyond_the_budget_says_how_many_steps_fit():
    scene = lesson()
    with pytest.raises(TrainingBudgetError) as refused:
        check_training_budget(scene, 20_000)
    per_step = 3 * 144 + STEP_LAYER_OVERHEAD
    assert refused.value.most_steps == 10**9 // per_step
    assert str(refused.value) == (
        "Training this scene for 20,000 steps needs about 2.01 billion multiply-adds; the "
        f"budget is 1 billion: use at most {10**9 // per_step:,} steps."
    )
    assert isinstance(refused.value, BudgetError)


def test_a_scene_whose_one_step_is_beyond_the_budget_is_refused_whatever_the_steps():
    big = Scene(np.zeros((1024, 1024)), np.ones((8, 1, 9, 9)))  # 2 billion a step
    with pytest.raises(TrainingBudgetError, match="multiply-adds a step; the budget is"):
        check_training_budget(big, 1)


def test_the_gradients_printed_count_in_the_budget_of_values_written():
    side = 1500  # dL/d(input) alone is 2.25 million values
    scene = Scene(np.zeros((side, side)), np.ones((1, 1)), target=np.zeros((side, side)))
    assert check_training_budget(scene, 1).written_values == 1 + 1  # a loss and a weight
    with pytest.raises(BudgetError) as refused:
        check_training_budget(scene, 1, gradients=True)
    assert str(refused.value) == (
        "This scene's output has 2.25 million values to print or write; the budget is 2 million."
    )
