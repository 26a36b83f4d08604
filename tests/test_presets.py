"""Kernel presets: the shipped file, validation messages, atomic saves, applying one."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from convstudio.model import (
    KernelPreset,
    PresetFileError,
    Scene,
    Studio,
    load_presets,
    resource_dir,
    save_presets,
)


def test_shipped_presets_load_and_include_the_lesson_kernel():
    presets = load_presets(resource_dir() / "kernels" / "presets.json")
    by_name = {p.name: p.weights for p in presets}
    np.testing.assert_array_equal(by_name["Lesson: X pattern"], [[1, 0, 1], [0, 1, 0], [1, 0, 1]])
    assert by_name["Even 2×2 (sum)"].shape == (2, 2)


def test_save_then_load_round_trips(tmp_path):
    path = tmp_path / "sub" / "kernels.json"
    presets = [KernelPreset("edge", np.array([[1.0, -1.0]])), KernelPreset("half", [[0.5]])]
    save_presets(presets, path)
    loaded = load_presets(path)
    assert [p.name for p in loaded] == ["edge", "half"]
    np.testing.assert_array_equal(loaded[1].weights, [[0.5]])


@pytest.mark.parametrize(
    ("kernels", "words"),
    [
        ([{"weights": [[1]]}], "Kernel 1 needs a “name”"),
        ([{"name": "x", "weights": [[1, 2], [3]]}], "Kernel 1 (“x”)"),
        (
            [{"name": "ok", "weights": [[1]]}, {"name": "y", "weights": [[1, "a"]]}],
            "row 1, column 2",
        ),
        ([{"name": "big", "weights": [[0] * 10] * 10}], "larger than 9×9"),
    ],
)
def test_bad_presets_name_the_kernel_and_the_cell(tmp_path, kernels, words):
    path = tmp_path / "k.json"
    path.write_text(json.dumps({"format": "convstudio-kernels", "version": 1, "kernels": kernels}))
    with pytest.raises(PresetFileError, match=words.replace("(", r"\(").replace(")", r"\)")):
        load_presets(path)


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "kernels.json"
    save_presets([KernelPreset("old", [[1]])], path)
    before = path.read_bytes()

    def refuse(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        save_presets([KernelPreset("new", [[2]])], path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kernels.json"]


def test_a_2d_preset_goes_into_every_slice_of_every_kernel():
    scene = Scene(input=np.zeros((2, 5, 5)), kernels=np.zeros((3, 2, 3, 3)))
    studio = Studio(scene)
    studio.document.set_kernel([[1, 2], [3, 4]])
    kernels = studio.document.scene.kernels
    assert kernels.shape == (3, 2, 2, 2)
    assert (kernels == np.array([[1, 2], [3, 4]])).all()


# ---------------------------------------------------------------- one kernel, or every kernel


def two_kernels_on_two_channels() -> Scene:
    kernels = np.stack([np.full((2, 3, 3), 1.0), np.full((2, 3, 3), 2.0)])
    return Scene(input=np.zeros((2, 5, 5)), kernels=kernels, bias=np.array([1.0, 2.0]))


def test_a_preset_goes_into_one_kernel_and_the_others_keep_theirs():
    from convstudio.model.document import kernels_for

    scene = two_kernels_on_two_channels()
    sobel = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    kernels = kernels_for(scene, sobel, kernel=1)
    assert (kernels[0] == 1).all()  # kernel 1 as it was
    assert (kernels[1] == np.array(sobel)).all()  # kernel 2: every slice
    across = np.arange(18.0).reshape(2, 3, 3)
    np.testing.assert_array_equal(kernels_for(scene, across, kernel=0)[0], across)
    assert (kernels_for(scene, sobel)[0] == np.array(sobel)).all()  # None: every kernel


@pytest.mark.parametrize(
    ("weights", "kernel", "words"),
    [
        ([[1, 2], [3, 4]], 1, "Every kernel here is 3×3, and this one is 2×2"),
        ([[1]], 2, "There is no kernel 3: this layer has 2 kernels."),
        (np.zeros((3, 3, 3)), 0, "This kernel has 3 slices"),
    ],
)
def test_a_preset_that_does_not_fit_one_kernel_is_refused(weights, kernel, words):
    from convstudio.model.document import EditError, kernels_for

    with pytest.raises(EditError, match=words):
        kernels_for(two_kernels_on_two_channels(), weights, kernel=kernel)


def test_a_single_kernel_takes_a_preset_of_another_size():
    from convstudio.model.document import kernels_for

    scene = Scene(input=np.zeros((1, 6, 6)), kernels=np.zeros((1, 1, 3, 3)))
    assert kernels_for(scene, np.ones((5, 5)), kernel=0).shape == (1, 1, 5, 5)


def test_a_kernels_bias_is_switched_on_for_the_kernels_it_goes_into():
    from convstudio.model.document import biases_for

    scene = two_kernels_on_two_channels()
    assert biases_for(scene, None) is scene.bias  # a kernel without one keeps the scene's
    np.testing.assert_array_equal(biases_for(scene, 5.0), [5, 5])
    np.testing.assert_array_equal(biases_for(scene, 5.0, kernel=1), [1, 5])
    unbiased = scene.replace(bias=None)
    np.testing.assert_array_equal(biases_for(unbiased, -3.0, kernel=0), [-3, 0])


def test_the_document_remembers_the_preset_until_the_kernel_is_edited():
    document = Studio(two_kernels_on_two_channels()).document
    assert document.kernel_name(0) is None
    document.set_kernel([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], name="Sobel x")
    assert [document.kernel_name(k) for k in (0, 1)] == ["Sobel x", "Sobel x"]
    document.set_kernel(np.ones((3, 3)) / 9, name="Box blur 3×3", kernel=1)
    assert [document.kernel_name(k) for k in (0, 1)] == ["Sobel x", "Box blur 3×3"]
    document.set_kernel_value(0, 1, 0, 0, 7)
    assert [document.kernel_name(k) for k in (0, 1)] == [None, "Box blur 3×3"]
    document.undo()  # the weights are the preset's again
    assert document.kernel_name(0) == "Sobel x"
    document.set_kernel(np.eye(3))  # no name: forgotten
    assert [document.kernel_name(k) for k in (0, 1)] == [None, None]


def test_a_preset_with_a_bias_is_one_undo_step():
    document = Studio(two_kernels_on_two_channels().replace(bias=None)).document
    document.set_kernel(np.eye(3), name="k", kernel=1, bias=5)
    np.testing.assert_array_equal(document.scene.bias, [0, 5])
    document.undo()
    assert document.scene.bias is None and (document.scene.kernels == 1).any()
