"""The kernels of every convolution of a stack are edited on the stage as the first one's
are: typed (a cell, Enter) or pasted into a later layer's block, checked and refused in the
same words, one undo step each, shown flipped for a true convolution, and read-only while
presenting."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_model_stack import small_cnn
from test_qt_small_screen import open_window, settle

from convstudio.engine.layers import Conv2d
from convstudio.model import Scene
from convstudio.qt.kernel_panel import KernelSlice

LATER = np.array([[1.0, -1.0], [0.5, 2.0]])  # small_cnn's layer 4 (index 3)


@pytest.fixture
def cnn(qtbot):
    return open_window(qtbot, small_cnn(), (1280, 720))


def slice_of(window, layer: int, kernel: int = 0, depth: int = 0) -> KernelSlice:
    (block,) = [b for b in window.stage.blocks if b.layer == layer]
    (piece,) = [p for p in block.kernel_slices() if (p.kernel, p.depth) == (kernel, depth)]
    return piece


def shown(piece: KernelSlice) -> list[list[str]]:
    model = piece.table.model()
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_later_convolutions_kernel_is_a_kernel_grid_on_the_stage(cnn):
    piece = slice_of(cnn, 3)
    assert shown(piece) == [["1", "-1"], ["0.5", "2"]]
    model = piece.table.model()
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_a_model_change_shows_in_the_later_kernel_grid(cnn):
    cnn.studio.document.set_kernel_value(0, 0, 1, 0, 7.0, layer=3)
    settle()
    assert shown(slice_of(cnn, 3)) == [["1", "-1"], ["7", "2"]]


def test_typing_a_weight_into_a_later_kernel_edits_that_layer_once(qtbot, cnn):
    document = cnn.studio.document
    first = document.scene.layers[0].kernels.copy()
    undo_steps = len(document._undo)
    type_into_cell(qtbot, slice_of(cnn, 3).table, 0, 1, "4")
    settle()
    np.testing.assert_array_equal(document.scene.layers[3].kernels[0, 0], [[1, 4], [0.5, 2]])
    np.testing.assert_array_equal(document.scene.layers[0].kernels, first)
    assert len(document._undo) == undo_steps + 1
    assert shown(slice_of(cnn, 3)) == [["1", "4"], ["0.5", "2"]]
    # The block is made again for the new numbers: the typed cell keeps the keyboard, so
    # the next weight can be typed at once.
    table = slice_of(cnn, 3).table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 1)
    # The last map follows the new weight; Edit ▸ Undo takes it back.
    cnn.undo_action.trigger()
    settle()
    np.testing.assert_array_equal(document.scene.layers[3].kernels[0, 0], LATER)
    assert shown(slice_of(cnn, 3)) == [["1", "-1"], ["0.5", "2"]]


def test_bad_text_in_a_later_kernel_says_why_and_changes_nothing(qtbot, cnn):
    document = cnn.studio.document
    before = document.scene
    type_into_cell(qtbot, slice_of(cnn, 3).table, 1, 1, "twelve")
    settle()
    assert document.scene is before
    assert cnn.messages.text() == "“twelve” is not a number. The weight keeps its value."
    assert shown(slice_of(cnn, 3)) == [["1", "-1"], ["0.5", "2"]]


def paste(table, row: int, col: int, text: str) -> None:
    QApplication.clipboard().setText(text)
    table.setCurrentIndex(table.model().index(row, col))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasting_a_block_into_a_later_kernel_is_one_step(qtbot, cnn):
    document = cnn.studio.document
    paste(slice_of(cnn, 3).table, 0, 0, "3\t4\n5\t6")
    settle()
    np.testing.assert_array_equal(document.scene.layers[3].kernels[0, 0], [[3, 4], [5, 6]])
    document.undo()
    np.testing.assert_array_equal(document.scene.layers[3].kernels[0, 0], LATER)


def test_a_bad_paste_into_a_later_kernel_says_why_and_changes_nothing(qtbot, cnn):
    document = cnn.studio.document
    before = document.scene
    paste(slice_of(cnn, 3).table, 0, 0, "1\tx")
    settle()
    assert document.scene is before
    assert cnn.messages.text().endswith("Nothing was pasted.")
    assert "“x”" in cnn.messages.text()


def flipped_stack() -> Scene:
    x = np.arange(36.0).reshape(6, 6) % 5
    layers = (Conv2d(np.ones((3, 3))), Conv2d(np.array([[1.0, 2.0], [3.0, 4.0]]), flip=True))
    return Scene(x, layers=layers, title="flipped")


def test_a_later_true_convolution_shows_flipped_and_edits_the_weight_typed(qtbot):
    window = open_window(qtbot, flipped_stack())
    document = window.studio.document
    piece = slice_of(window, 1)
    # Shown as applied, turned 180°: cell (0, 0) shows the weight typed at (1, 1).
    assert shown(piece) == [["4", "3"], ["2", "1"]]
    assert piece.model.weight_at(0, 0) == (1, 1)
    type_into_cell(qtbot, piece.table, 0, 0, "9")
    settle()
    np.testing.assert_array_equal(document.scene.layers[1].kernels[0, 0], [[1, 2], [3, 9]])
    assert shown(slice_of(window, 1)) == [["9", "3"], ["2", "1"]]
    paste(slice_of(window, 1).table, 0, 0, "7\t8")
    settle()
    # Pasted as shown: 7 at shown (0, 0) = typed (1, 1), 8 at shown (0, 1) = typed (1, 0).
    np.testing.assert_array_equal(document.scene.layers[1].kernels[0, 0], [[1, 2], [8, 7]])


def test_focused_on_a_later_convolution_every_convolutions_kernel_is_editable(qtbot):
    window = open_window(qtbot, small_cnn(focus=3))
    document = window.studio.document
    assert [b.layer for b in window.stage.blocks] == [0, 1, 2, 3]
    type_into_cell(qtbot, slice_of(window, 0).table, 2, 2, "-8")
    settle()
    assert document.scene.layers[0].kernels[0, 0, 2, 2] == -8
    type_into_cell(qtbot, slice_of(window, 3).table, 0, 0, "6")
    settle()
    assert document.scene.layers[3].kernels[0, 0, 0, 0] == 6
    assert document.scene.focus == 3  # editing a weight does not move the focus


def test_no_later_kernel_changes_while_presenting(qtbot, cnn):
    document = cnn.studio.document
    cnn.set_presenting(True, full_screen=False)
    settle()
    before = document.scene
    table = slice_of(cnn, 3).table
    assert table.isVisible()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClicks(table, "99")
    QTest.keyClick(table, Qt.Key.Key_Return)
    rect = table.visualRect(table.model().index(1, 1))
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.state() != table.State.EditingState
    paste(table, 0, 0, "5\t5")
    settle()
    assert document.scene is before


def biased_stack() -> Scene:
    """conv 3×3 → conv 2×2 of two kernels with biases 1.5 and −2."""
    x = np.arange(36.0).reshape(6, 6) % 5
    kernels = np.array([[[[1.0, 0.0], [0.0, 1.0]]], [[[0.0, 1.0], [1.0, 0.0]]]])
    layers = (Conv2d(np.ones((3, 3))), Conv2d(kernels, [1.5, -2.0]))
    return Scene(x, layers=layers, title="biases")


def bias_box(window, layer: int, kernel: int):
    (block,) = [b for b in window.stage.blocks if b.layer == layer]
    return block.biases[kernel].bias


def test_a_later_convolutions_bias_shows_by_its_kernel_and_follows_the_model(qtbot):
    window = open_window(qtbot, biased_stack())
    (block,) = window.stage.blocks
    assert [h.title.text() for h in block.biases.values()] == ["Kernel 1", "Kernel 2"]
    assert [bias_box(window, 1, k).text() for k in (0, 1)] == ["bias 1.5", "bias -2"]
    assert all(h.isVisible() for h in block.biases.values())
    # No heading overlaps its kernel's cells.
    for k, heading in block.biases.items():
        assert heading.geometry().bottom() < block.kernels[k][0].geometry().top() + (
            block.kernels[k][0].table.geometry().top()
        )
    window.studio.document.set_bias_value(1, 4.0, layer=1)
    settle()
    assert bias_box(window, 1, 1).text() == "bias 4"
    # A stack without a bias on its later convolution shows none.
    assert open_window(qtbot, small_cnn()).stage.blocks[2].biases == {}


def test_typing_a_later_bias_sets_it_once_and_undo_takes_it_back(qtbot):
    window = open_window(qtbot, biased_stack())
    document = window.studio.document
    box = bias_box(window, 1, 0)
    box.setFocus()
    box.lineEdit().selectAll()
    QTest.keyClicks(box, "-7")
    QTest.keyClick(box, Qt.Key.Key_Return)
    settle()
    np.testing.assert_array_equal(document.scene.layers[1].bias, [-7.0, -2.0])
    assert document.scene.layers[0].bias is None
    # The block is made again: its bias box keeps the keyboard, for the next number.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bias_box(window, 1, 0))
    final = document.evaluation.maps[2]
    assert final[0, 0, 0] == pytest.approx(
        (document.evaluation.maps[1][0, 0:2, 0:2] * np.eye(2)).sum() - 7
    )
    window.undo_action.trigger()
    settle()
    np.testing.assert_array_equal(document.scene.layers[1].bias, [1.5, -2.0])
    assert bias_box(window, 1, 0).text() == "bias 1.5"


def test_no_later_bias_changes_while_presenting(qtbot):
    window = open_window(qtbot, biased_stack())
    document = window.studio.document
    window.set_presenting(True, full_screen=False)
    settle()
    before = document.scene
    box = bias_box(window, 1, 0)
    assert box.isVisible()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    QTest.keyClicks(box, "9")
    QTest.keyClick(box, Qt.Key.Key_Up)
    QTest.keyClick(box, Qt.Key.Key_Return)
    settle()
    assert document.scene is before
