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
