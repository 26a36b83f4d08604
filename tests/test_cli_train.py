"""``convstudio train``: N steps of plain gradient descent from a scene's weights towards its
target, printed as JSON (the losses, the trained kernels and biases as the scene file writes
them, the first step's gradients) or as a short summary; every refusal is one line with
exit status 2, and a run that overflows keeps and prints the last finite weights. Run as a
user runs it (a subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine.layers import Activation, Conv2d, Pool2d, backward, forward
from convstudio.engine.training import mse_loss, train
from convstudio.model import Scene, load_scene, save_scene
from convstudio.model.resources import resource_dir
from tests.test_cli import run

INPUT = np.arange(64.0).reshape(8, 8) % 7 - 3


def small_cnn() -> tuple[Conv2d, Activation, Pool2d, Conv2d]:
    """conv 3×3 (1→2, bias) → ReLU → max pool 2 → conv 2×2 (2→1, no bias)."""
    rng = np.random.default_rng(4)
    return (
        Conv2d(rng.normal(size=(2, 1, 3, 3)) * 0.3, [0.1, -0.1]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(rng.normal(size=(1, 2, 2, 2)) * 0.3),
    )


@pytest.fixture
def stack(tmp_path) -> Path:
    target = np.array([[[1.0, -1.0], [0.5, 2.0]]])
    path = tmp_path / "stack.json"
    save_scene(Scene(INPUT, layers=small_cnn(), target=target), path)
    return path


@pytest.fixture
def learn_x(tmp_path) -> Path:
    path = tmp_path / "learn-x.json"
    save_scene(Scene(WORKED_INPUT / 255, np.zeros((3, 3)), target=WORKED_OUTPUT / 255), path)
    return path


def test_json_gives_the_losses_and_the_trained_weights_in_the_scenes_layout(stack):
    result = run("train", stack, "--steps", "7", "--lr", "0.05", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = json.loads(result.stdout)
    assert set(out) == {"loss", "stopped", "layers"}
    expected = train(small_cnn(), INPUT, np.array([[[1.0, -1.0], [0.5, 2.0]]]), 7, 0.05)
    assert len(out["loss"]) == 7
    np.testing.assert_allclose(out["loss"], expected.losses, rtol=1e-12)
    assert out["stopped"] is None
    first, relu, pool, last = out["layers"]
    assert relu == {} and pool == {}
    # Kernels as the scene file writes them: 4-D for two kernels, 2-D for one of one slice.
    np.testing.assert_allclose(first["kernels"], expected.layers[0].kernels, rtol=1e-12)
    np.testing.assert_allclose(first["bias"], expected.layers[0].bias, rtol=1e-12)
    assert np.shape(last["kernels"]) == (1, 2, 2, 2)
    np.testing.assert_allclose(last["kernels"], expected.layers[3].kernels, rtol=1e-12)
    assert last["bias"] is None  # a layer without bias stays without


def test_gradients_are_the_first_steps_per_layer(stack):
    result = run("train", stack, "--steps", "3", "--lr", "0.05", "--json", "--gradients")
    assert result.returncode == 0, result.stderr
    gradients = json.loads(result.stdout)["gradients"]
    layers = small_cnn()
    maps = forward(layers, INPUT)
    _, grad_y = mse_loss(maps[-1], np.array([[[1.0, -1.0], [0.5, 2.0]]]))
    expected = backward(layers, maps, grad_y)
    assert len(gradients) == 4
    for entry, grads, x in zip(gradients, expected, maps[:-1], strict=True):
        assert np.shape(entry["grad_input"]) == x.shape  # the layer's input's shape
        np.testing.assert_allclose(entry["grad_input"], grads.input, rtol=1e-12, atol=1e-15)
    assert set(gradients[1]) == set(gradients[2]) == {"grad_input"}
    np.testing.assert_allclose(gradients[0]["grad_kernels"], expected[0].parameters["kernels"])
    np.testing.assert_allclose(gradients[0]["grad_bias"], expected[0].parameters["bias"])
    np.testing.assert_allclose(gradients[3]["grad_kernels"], expected[3].parameters["kernels"])
    assert gradients[3]["grad_bias"] is None


def test_the_x_kernel_is_learned_and_summed_up_in_words(learn_x):
    result = run("train", learn_x, "--steps", "300", "--lr", "0.2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("300 steps of gradient descent at learning rate 0.2: the loss ")
    assert lines[1] == "# Layer 1 (conv2d): kernel"
    learned = np.array([[float(v) for v in line.split()] for line in lines[2:5]])
    np.testing.assert_allclose(learned, WORKED_KERNEL, atol=0.02)
    assert len(lines) == 5  # no bias: no bias line


def test_a_run_that_overflows_says_so_and_prints_the_last_finite_weights(learn_x):
    result = run("train", learn_x, "--steps", "300", "--lr", "2", "--json")
    assert result.returncode == 2
    out = json.loads(result.stdout)
    done = len(out["loss"])
    assert out["stopped"] == "overflow" and 0 < done < 300
    assert result.stderr == (
        f"convstudio: error: The loss became too large to compute at step {done + 1}: the run "
        f"stopped and kept the weights after step {done}. Try a smaller learning rate.\n"
    )
    kept = train([Conv2d(np.zeros((3, 3)))], WORKED_INPUT / 255, WORKED_OUTPUT / 255, done, 2.0)
    np.testing.assert_array_equal(out["layers"][0]["kernels"], kept.layers[0].kernels[0, 0])
    text = run("train", learn_x, "--steps", "300", "--lr", "2")
    assert text.returncode == 2
    assert text.stdout.startswith(f"{done} steps of 300 done at learning rate 2: the loss went ")
    assert text.stdout.splitlines()[1] == "# Layer 1 (conv2d): kernel"


def test_a_scene_without_a_target_is_refused(tmp_path):
    path = tmp_path / "plain.json"
    save_scene(Scene(WORKED_INPUT, WORKED_KERNEL), path)
    result = run("train", path, "--steps", "3", "--lr", "0.1")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "convstudio: error: This scene has no target: training needs “target”, the map the "
        "last layer should output.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--steps", "3", "--lr", "0"], "The learning rate must be a number above 0, not 0."),
        (["--steps", "3", "--lr", "-0.5"], "The learning rate must be a number above 0, not -0.5."),
        (["--steps", "3", "--lr", "nan"], "The learning rate must be a number above 0, not nan."),
        (["--steps", "3", "--lr", "fast"], "argument --lr: “fast” is not a number"),
        (["--steps", "0", "--lr", "0.1"], "The number of steps must be 1 to 100000, not 0."),
        (["--steps", "2.5", "--lr", "0.1"], "argument --steps: “2.5” is not a whole number"),
        (["--steps", "10" * 30, "--lr", "0.1"], "The number of steps must be 1 to 100000, not"),
        (["--steps", "3"], "the following arguments are required: --lr"),
        (["--steps", "3", "--lr", "0.1", "--gradients"], "--gradients adds to the JSON output"),
        (
            ["--steps", "20000", "--lr", "0.1"],
            "Training this scene for 20,000 steps needs about 2.01 billion multiply-adds; the "
            "budget is 1 billion: use at most 9,956 steps.",
        ),
    ],
)
def test_bad_arguments_are_refused_in_one_line(learn_x, args, message):
    result = run("train", learn_x, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("convstudio: error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_impossible_settings_are_refused_naming_the_layer(tmp_path):
    path = tmp_path / "impossible.json"
    data = {
        "format": "convstudio-scene",
        "version": 2,
        "input": [[1, 2], [3, 4]],
        "layers": [{"type": "conv2d", "kernels": [[1, 0, 1], [0, 1, 0], [1, 0, 1]]}],
        "target": [[1]],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("train", path, "--steps", "3", "--lr", "0.1")
    assert result.returncode == 2
    assert result.stderr.startswith("convstudio: error: the scene's settings are impossible: ")
    assert result.stderr.count("\n") == 1


def test_help_names_the_options():
    result = run("train", "--help")
    assert result.returncode == 0
    for option in ("--steps", "--lr", "--json", "--gradients"):
        assert option in result.stdout


def test_the_shipped_scene_learns_the_x_kernel_from_the_worked_examples_map():
    # Issue 20's first lesson: the worked example's pixels, its map as the target, the
    # kernel zeroed. Below 2/λ_max ≈ 0.0000062 descent converges; above it, it explodes.
    path = resource_dir() / "scenes" / "learn-x-kernel.json"
    scene = load_scene(path)
    np.testing.assert_array_equal(scene.input[0], WORKED_INPUT)
    np.testing.assert_array_equal(scene.target[0], WORKED_OUTPUT)
    assert not scene.kernels.any() and scene.bias is None
    result = run("train", path, "--steps", "300", "--lr", "0.000005", "--json")
    assert result.returncode == 0, result.stderr
    learned = json.loads(result.stdout)["layers"][0]["kernels"]
    np.testing.assert_allclose(learned, WORKED_KERNEL, atol=0.002)
    exploded = run("train", path, "--steps", "2000", "--lr", "0.00001", "--json")
    assert exploded.returncode == 2
    assert json.loads(exploded.stdout)["stopped"] == "overflow"
