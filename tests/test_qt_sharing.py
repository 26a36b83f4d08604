"""Weight sharing and local connection, made visible: hovering a weight lights the input
values it multiplies, hovering an input cell lights the outputs it reaches, and the
input can show in how many windows each cell takes part."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from convstudio.model import load_scene, scene_path
from convstudio.model.sharing import hover_of
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.input_panel import InputPanel
from convstudio.qt.kernel_panel import KernelPanel
from convstudio.qt.output_panel import OutputsPanel


class Panels(QWidget):
    """The three panels on one studio, as the window places them."""

    def __init__(self, studio, report):
        super().__init__()
        self.input = InputPanel(studio, report)
        self.kernel = KernelPanel(studio, report)
        self.output = OutputsPanel(studio)
        layout = QHBoxLayout(self)
        for panel in (self.input, self.kernel, self.output):
            layout.addWidget(panel)


@pytest.fixture
def panels(qtbot, studio, messages):
    panels = Panels(studio, messages.append)
    qtbot.addWidget(panels)
    panels.show()
    qtbot.waitExposed(panels)
    return panels


def move_to(table, row, col, *, shift=False):
    """The pointer moves over a cell, as Qt delivers it: to the table's viewport."""
    centre = QPointF(table.visualRect(table.model().index(row, col)).center())
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        table.viewport().mapToGlobal(centre),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        modifiers,
    )
    QApplication.sendEvent(table.viewport(), event)


def leave(table):
    QApplication.sendEvent(table.viewport(), QEvent(QEvent.Type.Leave))


def looks(model):
    return {
        (r, c): model.index(r, c).data(LOOK_ROLE)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }


def lit(model):
    return {cell for cell, look in looks(model).items() if look.lit}


def badges(model):
    return {cell: look.badge for cell, look in looks(model).items() if look.badge is not None}


def record_changes(model):
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, *_: seen.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    return seen


def covered(seen, row, col):
    return any(r0 <= row <= r1 and c0 <= col <= c1 for r0, c0, r1, c1 in seen)


# ---------------------------------------------------------------- a weight's input values


def test_hovering_a_weight_lights_what_it_multiplies_now(panels, studio):
    studio.playback.show_step(5)  # the window at row 2, column 2
    move_to(panels.kernel.table, 1, 2)
    assert lit(panels.kernel.model) == {(1, 2)}
    assert lit(panels.input.model) == {(2, 3)}
    assert badges(panels.input.model) == {}
    changes = record_changes(panels.input.model)
    studio.playback.show_step(6)
    assert lit(panels.input.model) == {(2, 4)}
    assert covered(changes, 2, 3) and covered(changes, 2, 4)


def test_shift_lights_every_step_with_how_many_times(panels, studio):
    studio.playback.show_step(0)
    move_to(panels.kernel.table, 0, 0, shift=True)
    every = {(r, c) for r in range(4) for c in range(4)}
    assert lit(panels.input.model) == every
    assert badges(panels.input.model) == dict.fromkeys(every, "1")
    # Shift released and pressed again with the pointer still, wherever the focus is.
    QTest.keyRelease(panels.input.table, Qt.Key.Key_Shift)
    assert lit(panels.input.model) == {(0, 0)} and badges(panels.input.model) == {}
    QTest.keyPress(panels.input.table, Qt.Key.Key_Shift)
    assert lit(panels.input.model) == every
    QTest.keyRelease(panels.input.table, Qt.Key.Key_Shift)


def test_leaving_the_kernel_clears_the_light(panels, studio):
    studio.playback.show_step(0)
    move_to(panels.kernel.table, 2, 2, shift=True)
    assert lit(panels.input.model)
    changes = record_changes(panels.input.model)
    leave(panels.kernel.table)
    assert lit(panels.input.model) == set() and lit(panels.kernel.model) == set()
    assert badges(panels.input.model) == {}
    assert covered(changes, 2, 2) and covered(changes, 5, 5)
    assert hover_of(studio).weight is None


def test_a_slice_lights_its_own_channel_only(qtbot, messages):
    from convstudio.model import Studio

    studio = Studio(load_scene(scene_path("rgb-two-kernels")))
    panels = Panels(studio, messages.append)
    qtbot.addWidget(panels)
    panels.show()
    studio.playback.show_step(0)
    move_to(panels.kernel.slices[0, 1].table, 0, 0)
    assert [lit(grid.model) for grid in panels.input.grids] == [set(), {(0, 0)}, set()]
    studio.playback.show_step(16)  # kernel 2: kernel 1's weights are idle
    assert [lit(grid.model) for grid in panels.input.grids] == [set(), set(), set()]


# ---------------------------------------------------------------- an input cell's outputs


def test_hovering_an_input_cell_lights_the_outputs_it_reaches(panels, studio):
    table, output = panels.input.table, panels.output.model
    move_to(table, 0, 0)
    assert lit(output) == {(0, 0)}
    assert badges(panels.input.model) == {(0, 0): "1"}
    move_to(table, 2, 3)
    assert lit(output) == {(r, c) for r in range(3) for c in range(1, 4)}
    assert badges(panels.input.model) == {(2, 3): "9"}
    tip = panels.input.model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "9 of the 16 windows" in tip
    corner = panels.input.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 of the 16 windows" in corner
    leave(table)
    assert lit(output) == set() and badges(panels.input.model) == {}


# ---------------------------------------------------------------- the counts toggle


def test_the_counts_toggle_shows_every_input_cell_s_windows(panels, studio):
    panels.input.set_show_counts(True)
    shown = badges(panels.input.model)
    assert len(shown) == 36
    assert shown[0, 0] == shown[0, 5] == shown[5, 0] == shown[5, 5] == "1"
    assert shown[2, 2] == shown[3, 3] == "9" and shown[0, 1] == "2"
    # A step within the kernel changes no count: it repaints what it did before only.
    studio.playback.show_step(0)
    changes = record_changes(panels.input.model)
    studio.playback.show_step(1)
    assert all(r1 - r0 <= 2 and c1 - c0 <= 3 for r0, c0, r1, c1 in changes)
    panels.input.set_show_counts(False)
    assert badges(panels.input.model) == {}


def test_counts_skip_the_padding(panels, studio):
    panels.input.set_show_counts(True)
    studio.document.update_settings(padding="same")
    shown = badges(panels.input.model)
    assert set(shown) == {(r, c) for r in range(1, 7) for c in range(1, 7)}
    assert shown[1, 1] == "4" and shown[3, 3] == "9"


# ---------------------------------------------------------------- the scene changes


def test_a_smaller_kernel_clears_the_hovered_weight(panels, studio):
    studio.playback.show_step(0)
    move_to(panels.kernel.table, 2, 2)
    assert lit(panels.input.model) == {(2, 2)}
    studio.document.set_kernel_value(0, 0, 2, 2, 7.0)  # still there: still lit
    assert lit(panels.input.model) == {(2, 2)}
    studio.document.resize_kernel(2, 2)
    assert lit(panels.input.model) == set() and lit(panels.kernel.model) == set()


def test_new_settings_update_the_outputs_of_a_hovered_cell(panels, studio):
    move_to(panels.input.table, 0, 0)
    assert lit(panels.output.model) == {(0, 0)}
    studio.document.update_settings(stride=2)
    assert lit(panels.output.model) == {(0, 0)}
    move_to(panels.input.table, 2, 2)
    assert lit(panels.output.model) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    move_to(panels.input.table, 4, 4)
    assert lit(panels.output.model) == {(1, 1)}
    studio.document.resize_input(3, 3)  # the hovered cell is gone
    assert lit(panels.output.model) == set()


def test_shift_after_a_hovered_table_is_gone_reaches_nothing(qtbot, studio, messages):
    """A table deleted while the pointer was over it (no Leave) left its Shift watcher on the
    application, calling into the dead table at the next Shift: the app crashed."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    panel = KernelPanel(studio, messages.append)  # deleted below, not by qtbot
    move_to(panel.table, 0, 0)
    watcher = panel.table._shift_watch
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del panel
    assert not shiboken6.isValid(watcher)  # gone with its table
    other = QWidget()
    qtbot.addWidget(other)
    QTest.keyClick(other, Qt.Key.Key_Shift)  # crashed here when the watcher outlived it
    QTest.keyClick(other, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


# ---------------------------------------------------------------- a flipped kernel


def test_a_flipped_kernel_lights_the_cells_its_shown_weights_multiply(panels, studio):
    studio.document.set_kernel([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    studio.document.set_flip(True)
    studio.playback.show_step(0)  # the window at the top-left
    kernel, values = panels.kernel.model, panels.input.model
    # Each shown weight is the ×w tag of the input cell at its place in the window.
    for r in range(3):
        for c in range(3):
            assert values.index(r, c).data(LOOK_ROLE).weight == kernel.index(r, c).data()
    # The pointer over a shown cell: the weight typed at the other corner, and the input
    # cell under that shown cell lit.
    move_to(panels.kernel.table, 0, 1)
    weight = hover_of(studio).weight
    assert (weight.row, weight.col) == (2, 1)
    assert lit(kernel) == {(0, 1)}
    assert lit(values) == {(0, 1)}
    # The other way: a weight pointed at (as typed) lights the cell that shows it.
    leave(panels.kernel.table)
    hover_of(studio).point_at_weight(0, 0, 0, 0)
    assert lit(kernel) == {(2, 2)}
    assert lit(values) == {(2, 2)}
    studio.document.set_flip(False)  # the same weight, now shown where it was typed
    assert lit(kernel) == {(0, 0)}
