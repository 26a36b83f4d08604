"""A transposed convolution in the model: a scene that holds one alone (no focused
convolution), its file form, its place in the Layers panel's edits (added, retyped, its
channels fitted, its settings changed with undo), its names, equations, Costs rows and
PyTorch code, its limits and its budget, and its refusals in the user's words."""

from __future__ import annotations

import tracemalloc
from fractions import Fraction

import numpy as np
import pytest

from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d
from convstudio.model import EditError, Scene, Studio
from convstudio.model.budget import estimate_work
from convstudio.model.document import evaluate
from convstudio.model.layer_edit import (
    channels_before,
    fit_channels,
    layer_values,
    new_layer,
    settings_of,
)
from convstudio.model.layer_explain import layer_rows, step_equation, torch_module
from convstudio.model.layer_names import layer_name, type_name
from convstudio.model.limits import LimitError, check_scene_limits
from convstudio.model.refusals import settings_error_text
from convstudio.model.scene import NoConvolutionError, scene_from_dict, scene_to_dict

UP = ConvTranspose2d(np.array([[1.0, 2.0], [3.0, 4.0]]), stride=2)
X = np.array([[1.0, 2.0], [3.0, 4.0]])


def alone() -> Scene:
    return Scene(X, layers=(UP,))


# -- a scene of transposed convolutions alone ------------------------------------------------


def test_a_scene_may_hold_a_transposed_convolution_alone():
    scene = alone()
    assert scene.conv_index is None and not scene.has_conv and scene.is_stack
    # The one-convolution views read a stand-in of no kernels, in no layer.
    assert scene.conv.kernels.shape[0] == 0 and all(scene.conv is not x for x in scene.layers)
    with pytest.raises(NoConvolutionError):
        scene.problem()
    with pytest.raises(NoConvolutionError):
        scene.replace(stride=2)
    # The one-convolution views read a convolution of no kernels: nothing to show.
    assert scene.kernels.shape == (0, 1, 1, 1) and scene.bias is None
    assert scene.stride == (1, 1) and scene.padding == (0, 0) and scene.groups == 1
    evaluation = evaluate(scene)
    assert evaluation.error is None and evaluation.problem is None
    assert evaluation.conv_index is None
    assert evaluation.counts == (4,)
    np.testing.assert_array_equal(
        evaluation.final[0],
        [[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]],
    )
    assert evaluation.layer_position(3, evaluation.conv_index) == 0
    with pytest.raises(ValueError, match="at least one convolution"):
        Scene(X, layers=(Activation("relu"),))


def test_a_scene_of_a_transposed_convolution_is_saved_as_version_2_and_read_back():
    scene = alone()
    data = scene_to_dict(scene)
    assert data["version"] == 2
    assert data["layers"] == [
        {"type": "conv_transpose2d", "kernels": [[1, 2], [3, 4]], "stride": 2}
    ]
    again = scene_from_dict(data)
    assert again.same_as(scene) and isinstance(again.layers[0], ConvTranspose2d)


def test_the_edits_of_one_convolution_are_refused_in_words_without_one():
    studio = Studio(alone())
    document = studio.document
    for edit in (
        lambda: document.set_kernel_value(0, 0, 0, 0, 5.0),
        lambda: document.resize_kernel(3, 3),
        lambda: document.set_kernel(np.ones((3, 3))),
        lambda: document.set_kernel_count(2),
        lambda: document.set_bias_enabled(True),
        lambda: document.set_bias_value(0, 1.0),
        lambda: document.set_flip(True),
        lambda: document.update_settings(stride=2),
    ):
        with pytest.raises(EditError, match="no convolution"):
            edit()
    assert document.scene.same_as(alone()) and not document.can_undo
    assert document.kernel_name(0) is None
    # The stepping of points a step at any position (no focused convolution to follow).
    studio.playback.seek(2)
    assert studio.conv_position == 0 and studio.current is None
    assert studio.layer_step is not None and studio.layer_step[1].operation == "scatter"


def test_the_only_transposed_convolution_is_kept_and_may_become_a_convolution():
    studio = Studio(Scene(np.ones((4, 4)), layers=(UP, Activation("relu"))))
    document = studio.document
    with pytest.raises(EditError, match="only convolution"):
        document.remove_layer(0)
    with pytest.raises(EditError, match="only convolution"):
        document.set_layer_type(0, "relu")
    document.set_layer_type(0, "conv2d")
    assert isinstance(document.scene.layers[0], Conv2d) and document.scene.conv_index == 0
    document.set_layer_type(0, "conv_transpose2d")
    assert document.scene.conv_index is None
    # A convolution and a transposed one: either may go.
    document.add_layer("conv2d", after=0)
    document.remove_layer(0)
    assert [layer.kind for layer in document.scene.layers] == ["conv2d", "relu"]


# -- the Layers panel's edits ----------------------------------------------------------------


def test_a_new_transposed_convolution_upsamples_every_channel_by_2():
    layer = new_layer("conv_transpose2d", 3)
    assert isinstance(layer, ConvTranspose2d)
    assert layer.kernels.shape == (3, 1, 2, 2) and layer.window().input_dilation == (2, 2)
    assert layer.output_shape((3, 4, 5)) == (1, 8, 10)
    assert [s.name for s in settings_of("conv_transpose2d")] == [
        "stride",
        "padding",
        "output_padding",
        "dilation",
    ]
    assert [s.form for s in settings_of("conv_transpose2d")] == ["pair"] * 4


def test_a_transposed_convolution_added_to_a_stack_reads_its_channels_and_feeds_the_next():
    scene = Scene(np.ones((6, 6)), layers=(Conv2d(np.ones((2, 1, 3, 3))), Conv2d(np.ones((2, 2)))))
    studio = Studio(scene)
    studio.document.add_layer("conv_transpose2d", after=0)
    layers = studio.document.scene.layers
    assert isinstance(layers[1], ConvTranspose2d) and layers[1].kernels.shape == (2, 1, 2, 2)
    assert channels_before(layers, 2, 1) == 1
    assert studio.evaluation.error is None
    assert [m.shape for m in studio.evaluation.maps] == [(1, 6, 6), (2, 4, 4), (1, 8, 8), (1, 7, 7)]
    studio.document.undo()
    assert len(studio.document.scene.layers) == 2


def test_a_transposed_convolutions_kernels_are_fitted_to_the_channels_it_is_given():
    tconv = ConvTranspose2d(np.ones((2, 3, 2, 2)), bias=[1.0, 2.0, 3.0])
    fitted = fit_channels([Conv2d(np.ones((4, 1, 1, 1))), tconv], 1)
    assert fitted[1].kernels.shape == (4, 3, 2, 2) and not fitted[1].kernels[2:].any()
    grouped = ConvTranspose2d(np.ones((2, 1, 2, 2)), groups=2)
    (refit,) = fit_channels([grouped], 3)
    assert refit.groups == 1 and refit.kernels.shape == (3, 2, 2, 2)
    assert refit.output_shape((3, 4, 4))[0] == 2  # the output maps are kept
    assert fit_channels([tconv], 2)[0] is tconv


def test_changing_a_transposed_convolutions_settings_and_stepping_is_one_undo_step_each():
    studio = Studio(alone())
    document = studio.document
    document.update_layer(0, stride=3, output_padding=1)
    layer = document.scene.layers[0]
    assert layer.stride == (3, 3) and layer.output_padding == (1, 1)
    assert studio.evaluation.final.shape == (1, 6, 6)
    document.update_layer(0, stepping="gather")
    assert document.scene.layers[0].stepping == "gather" and studio.evaluation.counts == (36,)
    assert layer_values(document.scene.layers[0])["kernels"] is document.scene.layers[0].kernels
    with pytest.raises(EditError, match="Layer 1 \\(tconv 2×2\\): “output_padding” is 3"):
        document.update_layer(0, output_padding=3)
    with pytest.raises(EditError, match="“stepping” must be one of scatter, gather"):
        document.update_layer(0, stepping="both")
    document.undo()
    assert document.scene.layers[0].stepping == "scatter"
    document.undo()
    assert document.scene.layers[0].stride == (2, 2)


# -- names, equations, costs, code -----------------------------------------------------------


def test_a_transposed_convolution_has_a_short_name_and_a_type_name():
    assert layer_name(UP) == "tconv 2×2"
    assert type_name("conv_transpose2d") == "transposed convolution"


def test_a_scatter_step_says_the_value_times_the_kernel_and_where_it_goes():
    step = UP.step(X[None], 1)
    assert step_equation(step) == "x = 2: 2 × (1, 2, 3, 4) added into 4 cells"
    kernel = np.arange(16.0).reshape(4, 4) - 2
    whole = ConvTranspose2d(kernel).step(np.full((1, 5, 5), -1.5), 0)
    assert step_equation(whole) == (
        "x = −1.5: −1.5 × (−2, −1, 0, 1, 2, 3, 4, 5, 6, …) added into 16 cells"
    )
    # Padding 3 cuts off all but the kernel's last weight at the corner.
    corner = ConvTranspose2d(kernel, padding=3).step(np.full((1, 5, 5), -1.5), 0)
    assert step_equation(corner) == "x = −1.5: −1.5 × (13) added into 1 cell"
    gather = ConvTranspose2d(UP.kernels, stride=2, stepping="gather")
    assert step_equation(gather.step(X[None], 0)) == "0×4 + 0×3 + 0×2 + 1×1 = 1"


def test_the_pytorch_module_is_conv_transpose2d_with_every_argument():
    layer = ConvTranspose2d(np.ones((2, 3, 3, 2)), bias=np.zeros(6), stride=(2, 1), padding=1,
                            output_padding=(1, 0), dilation=1, groups=2)  # fmt: skip
    assert torch_module(layer, (2, 4, 4)) == (
        "nn.ConvTranspose2d(2, 6, kernel_size=(3, 2), stride=(2, 1), padding=1, "
        "output_padding=(1, 0), groups=2, bias=True, dilation=1)"
    )


def test_the_costs_write_the_output_size_and_the_receptive_field_with_the_numbers():
    layers = [Conv2d(np.ones((3, 3)), stride=2), ConvTranspose2d(np.ones((3, 3)), stride=2,
                                                               output_padding=1)]  # fmt: skip
    conv, up = layer_rows(layers, (1, 8, 8))
    assert conv.size_formula is None
    assert up.size_formula == ("(3 − 1)·2 − 2·0 + 1·(3 − 1) + 1 + 1 = 8",) * 2
    assert up.output_shape == (1, 8, 8)
    assert up.recurrence[0] == "r = 3 + (3 − 1)·1·2/2 = 5; j = 2/2·1 = 1"
    assert up.parameters == 9 and up.macs == 9 * 9
    (alone_row,) = layer_rows([ConvTranspose2d(np.ones((2, 2)), stride=2)], (1, 2, 2))
    assert alone_row.receptive_field == (Fraction(3, 2),) * 2
    assert alone_row.recurrence[0] == "r = 1 + (2 − 1)·1·1/2 = 3/2; j = 1/2·1 = 1/2"
    assert alone_row.jump == (Fraction(1, 2),) * 2
    (half,) = layer_rows([ConvTranspose2d(np.ones((2, 2)), stride=(2, 1))], (1, 2, 2))
    assert half.recurrence[1] == "r = 1 + (2 − 1)·1·1 = 2; j = 1·1 = 1"
    assert half.jump == (Fraction(1, 2), 1) and isinstance(half.jump[1], int)


# -- limits, budget, refusals ----------------------------------------------------------------


def test_a_transposed_convolution_beyond_the_windows_limits_is_refused_naming_it():
    check_scene_limits(alone())
    big = Scene(X, layers=(ConvTranspose2d(np.ones((1, 9, 2, 2))),))
    with pytest.raises(LimitError, match="Layer 1 \\(conv_transpose2d\\): There are 9 kernels"):
        check_scene_limits(big)
    wide = Scene(X, layers=(ConvTranspose2d(np.ones((10, 10))),))
    with pytest.raises(LimitError, match="The kernel is 10×10"):
        check_scene_limits(wide)
    nan = Scene(X, layers=(ConvTranspose2d(np.array([[np.nan]])),))
    with pytest.raises(LimitError, match="Some weights are not finite"):
        check_scene_limits(nan)


def test_the_budget_estimates_a_transposed_convolution_as_the_engine_computes_it():
    rng = np.random.default_rng(0)
    layer = ConvTranspose2d(rng.random((3, 2, 3, 3)), stride=2, padding=1, output_padding=1)
    scene = Scene(rng.random((3, 200, 150)), layers=(layer,))
    work = estimate_work(scene)
    assert work.macs == layer.macs((3, 200, 150))
    tracemalloc.start()
    try:
        out = layer.forward(scene.input)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.shape == (2, 400, 300)
    held = peak + scene.input.nbytes
    assert 0.7 * held <= work.memory_bytes <= 1.5 * held


def test_a_stack_refusal_of_a_transposed_convolution_names_it_and_its_kernels():
    evaluation = evaluate(
        Scene(np.ones((3, 4, 4)), layers=(ConvTranspose2d(np.ones((2, 3, 3, 3))),))
    )
    assert settings_error_text(evaluation.error, evaluation.layers) == (
        "Layer 1 (tconv 3×3): A transposed convolution's kernels must be (C_in, C_out/groups, "
        "kH, kW) = (3, …, 3, 3) for this input, but they are (2, 3, 3, 3)."
    )
    small = evaluate(Scene(np.ones((1, 1)), layers=(ConvTranspose2d(np.ones((1, 1)), padding=1),)))
    assert settings_error_text(small.error, small.layers) == (
        "Layer 1 (tconv 1×1): The output would have -1 rows: (1 − 1)·1 − 2·1 + 1·(1 − 1) + 0 + "
        "1 = -1; use less padding."
    )
    layers = (
        Conv2d(np.ones((1, 1))),
        Pool2d("max_pool2d", 4),
        ConvTranspose2d(np.ones((3, 3)), padding=2),
    )
    pooled = Scene(np.ones((4, 4)), layers=layers)
    assert evaluate(pooled).error.layer == 2
