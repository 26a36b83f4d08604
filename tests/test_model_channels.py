"""Channels, kernels, biases, groups and true convolution in the model; costs and torch call."""

from __future__ import annotations

import numpy as np
import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine import conv2d
from convstudio.model import (
    RGB,
    EditError,
    Scene,
    Studio,
    evaluate,
    layer_costs,
    load_scene,
    save_scene,
    torch_call,
)


@pytest.fixture
def studio() -> Studio:
    return Studio(Scene(input=WORKED_INPUT, kernels=WORKED_KERNEL))


def test_rgb_gives_three_named_channels_and_deeper_kernels(studio):
    studio.document.set_channels(3, RGB)
    scene = studio.document.scene
    assert scene.input.shape == (3, 6, 6) and scene.kernels.shape == (1, 3, 3, 3)
    assert scene.channel_names == ("R", "G", "B")
    np.testing.assert_array_equal(scene.input[0], WORKED_INPUT)  # kept
    assert not scene.input[1:].any() and not scene.kernels[0, 1:].any()  # new ones are zeros
    # New channels are zero, so the map is still the lesson's.
    np.testing.assert_array_equal(studio.evaluation.output[0], WORKED_OUTPUT)


def test_channel_and_kernel_counts_are_bounded(studio):
    with pytest.raises(EditError, match="1 to 4 channels"):
        studio.document.set_channels(5)
    with pytest.raises(EditError, match="1 to 8 kernels"):
        studio.document.set_kernel_count(0)
    assert studio.document.can_undo is False


def test_kernels_and_biases_grow_together(studio):
    studio.document.set_bias_enabled(True)
    studio.document.set_kernel_count(3)
    scene = studio.document.scene
    assert scene.kernels.shape == (3, 1, 3, 3) and scene.bias.tolist() == [0, 0, 0]
    studio.document.set_bias_value(2, 5)
    studio.document.set_kernel_value(2, 0, 1, 1, 1)
    out = studio.evaluation.output
    assert out.shape == (3, 4, 4)
    np.testing.assert_array_equal(out[2], WORKED_INPUT[1:5, 1:5] + 5)
    studio.document.set_bias_enabled(False)
    assert studio.document.scene.bias is None


def test_groups_keep_the_kernel_depth_in_step(studio):
    studio.document.set_channels(4)
    studio.document.set_kernel_count(4)
    studio.document.update_settings(groups=4)  # depthwise
    assert studio.document.scene.kernels.shape == (4, 1, 3, 3)
    assert studio.evaluation.error is None
    studio.document.update_settings(groups=2)
    assert studio.document.scene.kernels.shape == (4, 2, 3, 3)
    with pytest.raises(EditError, match="3 groups must divide"):  # does not divide 4
        studio.document.update_settings(groups=3)
    assert studio.document.scene.groups == 2
    # Fewer channels than the groups need: groups fall back to 1.
    studio.document.update_settings(groups=2)
    studio.document.set_channels(3)
    assert studio.document.scene.groups == 1
    assert studio.document.scene.kernels.shape == (4, 3, 3, 3)


def test_true_convolution_flips_the_kernel(studio):
    kernel = np.arange(9.0).reshape(3, 3)
    studio.document.set_kernel(kernel)
    studio.document.set_flip(True)
    expected = conv2d(WORKED_INPUT, kernel[::-1, ::-1])
    np.testing.assert_allclose(studio.evaluation.output[0], expected)
    studio.playback.next()
    np.testing.assert_array_equal(studio.current.weights[0], kernel[::-1, ::-1])
    assert studio.current.total == pytest.approx(expected[0, 0])


def test_new_fields_round_trip_through_a_file(studio, tmp_path):
    studio.document.set_channels(3, RGB)
    studio.document.set_flip(True)
    path = tmp_path / "rgb.json"
    save_scene(studio.document.scene, path)
    assert load_scene(path).same_as(studio.document.scene)


def test_costs_of_the_lesson_layers(studio):
    costs = layer_costs(studio.evaluation)
    assert (costs.parameters, costs.macs_per_output, costs.macs) == (9, 9, 144)
    studio.document.set_channels(3)
    studio.document.set_kernel_count(2)
    studio.document.set_bias_enabled(True)
    studio.document.update_settings(dilation=2)
    costs = layer_costs(studio.evaluation)
    assert costs.output_shape == (2, 2, 2)
    assert (costs.weights, costs.biases, costs.parameters) == (54, 2, 56)
    assert costs.macs == 2 * 2 * 2 * 27
    assert costs.receptive_field == (5, 5, 3)
    assert layer_costs(evaluate(studio.document.scene.replace(dilation=(4, 4)))) is None


def test_torch_call_names_every_argument(studio):
    studio.document.set_channels(3)
    studio.document.set_kernel_count(2)
    studio.document.resize_kernel(3, 5)
    studio.document.update_settings(padding="full", stride=(1, 2), padding_mode="reflect")
    call = torch_call(studio.document.scene)
    for argument in (
        "in_channels=3",
        "out_channels=2",
        "kernel_size=(3, 5)",
        "stride=(1, 2)",
        "padding=(2, 4)",
        "dilation=1",
        "groups=1",
        "bias=False",
        "padding_mode='reflect'",
    ):
        assert argument in call


def test_the_torch_call_computes_what_the_scene_shows(studio):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    studio.document.set_channels(2)
    studio.document.set_kernel_count(2)
    studio.document.set_bias_enabled(True)
    studio.document.update_settings(padding="same", padding_mode="circular", groups=2)
    document = studio.document
    document.set_scene(
        document.scene.replace(
            input=rng.normal(size=(2, 6, 6)),
            kernels=rng.normal(size=(2, 1, 3, 3)),
            bias=rng.normal(size=2),
        )
    )
    layer = eval(torch_call(document.scene), {"torch": torch}).double()
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(document.scene.kernels))
        layer.bias.copy_(torch.tensor(document.scene.bias))
        theirs = layer(torch.tensor(document.scene.input)[None])[0].numpy()
    np.testing.assert_allclose(studio.evaluation.output, theirs, atol=1e-9)


def test_absurd_padding_is_refused_by_its_limit_before_anything_is_built(studio):
    before = studio.document.scene
    limit = "padding is 100000; the window takes 0 to 32 rings of padding"
    with pytest.raises(EditError, match=limit):
        studio.document.update_settings(padding=100_000)
    assert studio.document.scene is before
    assert studio.evaluation.problem is not None


def test_saved_files_are_readable_by_others_as_a_plain_write_would_be(studio, tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        path = tmp_path / "shared.json"
        save_scene(studio.document.scene, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o640)
        save_scene(studio.document.scene, path)  # an existing file keeps its mode
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(umask)
