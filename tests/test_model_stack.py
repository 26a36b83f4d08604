"""A scene as a stack of layers: version 2 files, the focused convolution, the evaluation's
steps across layers and the studio's position in them."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convstudio.engine.layers import Activation, Conv2d, Pool2d, StackLayerError
from convstudio.model import Scene, Studio
from convstudio.model.document import evaluate
from convstudio.model.scene import SceneFileError, load_scene, scene_from_dict, scene_to_dict
from tests.lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT


def small_cnn(focus: int | None = None) -> Scene:
    """conv 3×3 → ReLU → max pool 2×2 → conv 2×2 on the worked example's input."""
    layers = (
        Conv2d(WORKED_KERNEL, [-500.0]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.array([[1.0, -1.0], [0.5, 2.0]])),
    )
    return Scene(WORKED_INPUT, layers=layers, title="small CNN", focus=focus)


def v2(**changes):
    data = {
        "format": "convstudio-scene",
        "version": 2,
        "input": WORKED_INPUT.astype(int).tolist(),
        "layers": [
            {"type": "conv2d", "kernels": WORKED_KERNEL.astype(int).tolist()},
            {"type": "relu"},
            {"type": "max_pool2d", "kernel_size": 2},
        ],
    }
    data.update(changes)
    return data


def test_a_version_1_file_opens_as_a_scene_of_one_convolution():
    scene = scene_from_dict(
        {"format": "convstudio-scene", "version": 1, "input": [[1, 2], [3, 4]], "kernels": [[1]]}
    )
    assert len(scene.layers) == 1 and isinstance(scene.layers[0], Conv2d)
    assert not scene.is_stack
    assert scene_to_dict(scene)["version"] == 1  # what every ConvStudio reads


def test_a_version_2_file_reads_its_layers_and_round_trips(tmp_path):
    scene = scene_from_dict(v2(title="t", channel_names=["Y"]))
    assert [layer.kind for layer in scene.layers] == ["conv2d", "relu", "max_pool2d"]
    assert scene.channel_names == ("Y",)
    data = scene_to_dict(scene)
    assert data["version"] == 2 and "kernels" not in data
    assert [layer["type"] for layer in data["layers"]] == ["conv2d", "relu", "max_pool2d"]
    path = tmp_path / "stack.json"
    from convstudio.model.scene import save_scene

    save_scene(scene, path)
    again = load_scene(path)
    assert again.same_as(scene)
    assert json.loads(path.read_text())["layers"][2] == {"type": "max_pool2d", "kernel_size": 2}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"layers": []}, "“layers” must be a non-empty list"),
        ({"layers": [{"type": "relu"}]}, "at least one “conv2d” or “conv_transpose2d” layer"),
        ({"kernels": [[1]]}, "Unknown field “kernels”"),
        ({"layers": [{"type": "conv2d"}]}, "Layer 1 (conv2d): the key “kernels” is missing."),
        ({"layers": [{"type": "conv2d", "kernels": [[1]]}, {"type": "pool"}]}, "Layer 2:"),
    ],
)
def test_a_damaged_version_2_file_is_one_line_that_names_the_layer(changes, expected):
    data = v2(**changes)
    with pytest.raises(SceneFileError) as caught:
        scene_from_dict(data)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=4),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["type", "kernels", "kernel_size", "stride", "padding", "x"]),
                inner,
                max_size=3,
            )
        ),
        max_leaves=8,
    )
)
def test_fuzzed_layers_load_or_give_one_line(layers):
    try:
        scene_from_dict(v2(layers=layers))
    except SceneFileError as error:
        assert str(error) and "\n" not in str(error)


def test_the_focused_convolution_is_what_the_one_convolution_settings_read_and_replace():
    scene = small_cnn()
    assert scene.focus == 0 and scene.conv_index == 0
    assert np.array_equal(scene.kernels[0, 0], WORKED_KERNEL)
    second = scene.replace(focus=3)
    assert second.conv_index == 3 and second.kernels.shape == (1, 1, 2, 2)
    changed = second.replace(stride=2)
    assert changed.layers[3].stride == (2, 2) and changed.layers[0].stride == (1, 1)
    # A focus on a layer that is not a convolution reads the first convolution.
    assert scene.replace(focus=1).conv_index == 0
    # The focus is where the panels are, not part of what the scene holds.
    assert second.same_as(scene)
    assert not changed.same_as(scene)


def test_a_scene_keeps_at_least_one_convolution():
    with pytest.raises(ValueError, match="at least one convolution"):
        Scene(WORKED_INPUT, layers=(Activation("relu"),))


def test_the_evaluation_numbers_steps_across_the_stack():
    evaluation = evaluate(small_cnn())
    assert evaluation.error is None
    shapes = [m.shape for m in evaluation.maps]
    assert shapes == [(1, 6, 6), (1, 4, 4), (1, 4, 4), (1, 2, 2), (1, 1, 1)]
    assert evaluation.counts == (16, 16, 4, 1)
    assert evaluation.n_steps == 37
    assert np.array_equal(evaluation.maps[1][0], WORKED_OUTPUT - 500)
    assert np.array_equal(evaluation.maps[2][0], np.maximum(WORKED_OUTPUT - 500, 0))
    assert evaluation.locate(0) == (0, 0)
    assert evaluation.locate(16) == (1, 0)
    assert evaluation.locate(33) == (2, 1)
    assert evaluation.locate(36) == (3, 0)
    with pytest.raises(IndexError):
        evaluation.locate(37)
    assert evaluation.offset(2) == 32
    assert [evaluation.layer_position(20, i) for i in range(4)] == [16, 4, 0, 0]
    layer, step = evaluation.layer_step(32)
    assert layer == 2 and step.operation == "max"
    pooled = np.maximum(WORKED_OUTPUT - 500, 0)[:2, :2]
    assert step.result == pooled.max()


def test_a_layer_that_refuses_its_input_is_named_and_a_single_convolution_keeps_its_error():
    tiny = Scene(np.ones((3, 3)), layers=(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2)))
    evaluation = evaluate(tiny)
    assert isinstance(evaluation.error, StackLayerError)
    assert evaluation.error.layer == 1 and evaluation.n_steps == 0
    alone = evaluate(Scene(np.ones((3, 3)), np.ones((4, 4))))
    assert alone.error is not None and not isinstance(alone.error, StackLayerError)


def test_the_studio_steps_layer_by_layer():
    studio = Studio(small_cnn())
    assert studio.playback.total == 37 and studio.current_layer == 0
    studio.playback.seek(17)  # the first step of the ReLU
    assert studio.current_layer == 1
    assert studio.current is None  # not a step of the focused convolution
    layer, step = studio.layer_step
    assert layer == 1 and step.operation == "relu"
    assert studio.conv_position == 16 and studio.layer_position(1) == 1
    studio.show_layer(2)
    assert studio.position == 33 and studio.current_layer == 2
    studio.show_cell(0, 1, 1, layer=2)
    assert studio.layer_step[1].writes == ((0, 1, 1),)
    studio.show_cell(0, 2, 3, layer=0)
    assert studio.current is not None and studio.current.out_row == 2
    assert studio.current.out_col == 3
    studio.playback.seek(studio.playback.total)
    assert studio.current_layer == 3


def test_the_focused_convolution_of_a_stack_reads_the_map_it_is_given():
    scene = small_cnn(focus=3)
    problem = scene.problem()
    expected = np.maximum(WORKED_OUTPUT - 500, 0).reshape(2, 2, 2, 2).max(axis=(1, 3))
    assert np.array_equal(
        problem.output()[0],
        expected[:1, :1] - expected[:1, 1:] + 0.5 * expected[1:, :1] + 2 * expected[1:, 1:],
    )
    studio = Studio(scene)
    studio.playback.seek(studio.playback.total)
    assert studio.current is not None  # the last step is the focused convolution's
    assert studio.conv_position == 1


def test_a_saved_stack_has_a_line_per_layer(tmp_path):
    # A teacher reads and edits scene files by hand: one layer per line, as one row per line.
    from convstudio.model.scene import save_scene

    path = tmp_path / "stack.json"
    save_scene(small_cnn(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [line.strip() for line in lines if line.strip().startswith('{"type"')]
    assert [s.split('"')[3] for s in starts] == ["conv2d", "relu", "max_pool2d", "conv2d"]
    assert load_scene(path).same_as(small_cnn())
