"""Editing the kernels (and biases) of any convolution of a stack through the document:
each edit emits once, a refused one changes nothing, undo and redo round-trip, and the
focused convolution stays the default."""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.model import EditError, Scene, Studio


def cnn(focus: int | None = None, flip: bool = False) -> Scene:
    """8×8 → conv 3×3 → ReLU → max pool 2×2 → conv 2×2 (two kernels, no bias)."""
    layers = (
        Conv2d(np.ones((3, 3))),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.array([[[[1.0, -1.0], [0.5, 2.0]]], [[[0.0, 1.0], [2.0, 3.0]]]]), flip=flip),
    )
    x = np.arange(64.0).reshape(8, 8) % 7 - 3
    return Scene(x, layers=layers, focus=focus)


class Heard:
    """Counts the document's signals."""

    def __init__(self, document):
        self.scenes = self.evaluations = 0
        document.scene_changed.connect(self._scene)
        document.evaluation_changed.connect(self._evaluation)

    def _scene(self, _scene):
        self.scenes += 1

    def _evaluation(self, _evaluation):
        self.evaluations += 1

    @property
    def once(self):
        return self.scenes == 1 and self.evaluations == 1

    @property
    def none(self):
        return self.scenes == 0 and self.evaluations == 0


@pytest.fixture
def studio() -> Studio:
    return Studio(cnn())


def test_a_later_convolutions_weight_is_set_once_and_the_first_is_untouched(studio):
    document = studio.document
    first = document.scene.layers[0].kernels.copy()
    heard = Heard(document)
    document.set_kernel_value(1, 0, 0, 1, 7.0, layer=3)
    assert heard.once
    scene = document.scene
    assert scene.layers[3].kernels[1, 0, 0, 1] == 7.0
    assert scene.layers[3].kernels[0, 0, 0, 1] == -1.0
    np.testing.assert_array_equal(scene.layers[0].kernels, first)
    # The focus stays where it was (the first convolution), and the maps follow the edit.
    assert scene.focus == 0 and scene.conv_index == 0
    x = document.evaluation.maps[3]
    assert document.evaluation.maps[4][1, 0, 0] == pytest.approx(
        (x[0, 0:2, 0:2] * scene.layers[3].kernels[1, 0]).sum()
    )


def test_without_a_layer_the_focused_convolution_is_edited():
    studio = Studio(cnn(focus=3))
    studio.document.set_kernel_value(0, 0, 1, 1, 9.0)
    assert studio.document.scene.layers[3].kernels[0, 0, 1, 1] == 9.0
    assert studio.document.scene.layers[0].kernels[0, 0, 1, 1] == 1.0


def test_undo_and_redo_round_trip_a_later_weight(studio):
    document = studio.document
    before = document.scene
    document.set_kernel_value(0, 0, 1, 0, -4.0, layer=3)
    after = document.scene
    heard = Heard(document)
    document.undo()
    assert heard.once
    assert document.scene.same_as(before)
    document.redo()
    assert document.scene.same_as(after)
    assert document.scene.layers[3].kernels[0, 0, 1, 0] == -4.0


@pytest.mark.parametrize(
    ("layer", "where", "words"),
    [
        (1, (0, 0, 0, 0), "Layer 2 (ReLU): it has no kernels: it is not a convolution."),
        (7, (0, 0, 0, 0), "There is no layer 8: the layers are numbered 1 to 4."),
        (3, (2, 0, 0, 0), "That kernel cell is no longer in the scene"),
        (3, (0, 0, 2, 0), "That kernel cell is no longer in the scene"),
        (3, (0, 0, -1, 0), "That kernel cell is no longer in the scene"),
    ],
)
def test_a_refused_weight_changes_nothing_and_says_why(studio, layer, where, words):
    document = studio.document
    before = document.scene
    heard = Heard(document)
    with pytest.raises(EditError, match=words.replace("(", r"\(").replace(")", r"\)")):
        document.set_kernel_value(*where, 5.0, layer=layer)
    assert heard.none
    assert document.scene is before
    assert not document.can_undo


def test_a_block_is_pasted_into_a_later_convolution_as_one_step(studio):
    document = studio.document
    heard = Heard(document)
    document.paste_kernel(1, 0, 0, 0, [[4.0, 5.0], [6.0, 7.0]], layer=3)
    assert heard.once
    np.testing.assert_array_equal(document.scene.layers[3].kernels[1, 0], [[4, 5], [6, 7]])
    np.testing.assert_array_equal(document.scene.layers[3].kernels[0, 0], [[1, -1], [0.5, 2]])
    document.undo()
    np.testing.assert_array_equal(document.scene.layers[3].kernels[1, 0], [[0, 1], [2, 3]])


def test_a_block_pasted_flipped_lands_where_it_shows_in_a_later_true_convolution():
    studio = Studio(cnn(flip=True))
    # Shown flipped, cell (0, 0) is weight (1, 1): the pasted 9 goes there.
    studio.document.paste_kernel(0, 0, 0, 0, [[9.0]], flipped=True, layer=3)
    np.testing.assert_array_equal(
        studio.document.scene.layers[3].kernels[0, 0], [[1, -1], [0.5, 9]]
    )


def test_a_paste_too_large_for_a_later_kernel_changes_nothing(studio):
    document = studio.document
    before = document.scene
    heard = Heard(document)
    with pytest.raises(EditError, match="the largest is 9×9"):
        document.paste_kernel(0, 0, 0, 0, [[1.0] * 10], layer=3)
    assert heard.none and document.scene is before


def test_a_later_convolutions_bias_is_set_once_and_undone(studio):
    document = studio.document
    heard = Heard(document)
    document.set_bias_value(1, -2.5, layer=3)
    assert heard.once
    np.testing.assert_array_equal(document.scene.layers[3].bias, [0.0, -2.5])
    assert document.scene.layers[0].bias is None
    document.undo()
    assert document.scene.layers[3].bias is None
    with pytest.raises(EditError):
        document.set_bias_value(0, 1.0, layer=2)
    assert document.scene.layers[3].bias is None
