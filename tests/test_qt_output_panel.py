"""The output panel: cells fill as the steps go; clicking a cell jumps to its step."""

from __future__ import annotations

import numpy as np
import pytest
from lesson import WORKED_INPUT, WORKED_KERNEL
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from convstudio.model import PlaybackState, Scene, Studio
from convstudio.qt import style
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.output_panel import OutputPanel

WORKED_OUTPUT = [
    [429, 505, 686, 856],
    [261, 792, 412, 640],
    [633, 653, 851, 751],
    [608, 913, 713, 657],
]


@pytest.fixture
def panel(qtbot, studio):
    panel = OutputPanel(studio)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown(panel):
    model = panel.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def look(panel, row, col):
    return panel.model.index(row, col).data(LOOK_ROLE)


def current_cells(panel):
    model = panel.model
    return [
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if look(panel, r, c).border
    ]


def record_changes(model):
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, *_: seen.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    return seen


def covered(seen, row, col):
    return any(r0 <= row <= r1 and c0 <= col <= c1 for r0, c0, r1, c1 in seen)


def click_cell(qtbot, table, row, col):
    rect = table.visualRect(table.model().index(row, col))
    assert rect.isValid() and table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ---------------------------------------------------------------- model → widget


def test_starts_empty(panel, qtmodeltester):
    assert panel.title.text() == "Output  4×4"
    assert shown(panel) == [[""] * 4] * 4
    assert look(panel, 0, 0).background == style.EMPTY_BG
    assert current_cells(panel) == []
    qtmodeltester.check(panel.model, force_py=True)


def test_cells_fill_step_by_step(panel, studio):
    studio.playback.seek(1)
    assert shown(panel)[0] == ["429", "", "", ""]
    assert current_cells(panel) == [(0, 0)]
    assert look(panel, 0, 0).background == style.CURRENT_BG

    studio.playback.next()
    assert shown(panel)[0] == ["429", "505", "", ""]
    assert current_cells(panel) == [(0, 1)]
    assert look(panel, 0, 0).background == style.FILLED_BG
    assert shown(panel)[1] == [""] * 4

    studio.playback.last()
    assert shown(panel) == [[str(v) for v in row] for row in WORKED_OUTPUT]
    assert current_cells(panel) == [(3, 3)]


def test_stepping_back_empties_cells_and_repaints_them(panel, studio):
    studio.playback.seek(6)
    seen = record_changes(panel.model)
    studio.playback.seek(4)
    assert shown(panel)[1] == ["", "", "", ""]
    assert shown(panel)[0] == ["429", "505", "686", "856"]
    assert current_cells(panel) == [(0, 3)]
    # Both the cells that emptied and the new current cell are repainted.
    assert covered(seen, 1, 0) and covered(seen, 1, 1) and covered(seen, 0, 3)


def test_a_jump_across_rows_repaints_every_row_between(panel, studio):
    seen = record_changes(panel.model)
    studio.playback.last()
    assert all(covered(seen, r, c) for r in range(4) for c in range(4))


def test_an_input_edit_updates_the_filled_values(panel, studio):
    studio.playback.last()
    studio.document.set_input_value(0, 0, 0, 0)  # 429 − 18×1
    assert shown(panel)[0][0] == "411"
    assert current_cells(panel) == [(3, 3)]


def test_padding_changes_the_map_size(panel, studio):
    studio.document.update_settings(padding="same")
    assert panel.title.text() == "Output  6×6"
    assert (panel.model.rowCount(), panel.model.columnCount()) == (6, 6)
    studio.playback.seek(1)
    assert panel.model.index(0, 0).data() == "139"  # 18×1 + 121×1: the rest is padding


@pytest.mark.parametrize(
    "studio",
    [Studio(Scene(input=WORKED_INPUT, kernels=WORKED_KERNEL, padding="same", stride=2))],
    ids=["opened impossible"],
)
def test_impossible_settings_empty_the_map(panel, studio):
    assert studio.evaluation.problem is None
    assert (panel.model.rowCount(), panel.model.columnCount()) == (0, 0)
    assert panel.title.text() == "Output: none (see the red note)"
    studio.document.update_settings(stride=1)
    assert panel.title.text() == "Output  6×6"
    assert panel.model.rowCount() == 6


def test_a_second_output_map(qtbot, studio):
    kernels = np.stack([studio.document.scene.kernels[0], np.ones((1, 3, 3))])
    studio.document.set_kernel(kernels)
    second = OutputPanel(studio, channel=1)
    qtbot.addWidget(second)
    studio.playback.seek(16)  # all of map 1, nothing of map 2
    assert shown(second) == [[""] * 4] * 4
    studio.playback.seek(17)
    assert shown(second)[0][0] == str(int(studio.document.scene.input[0, :3, :3].sum()))
    assert current_cells(second) == [(0, 0)]


# ---------------------------------------------------------------- widget → model


def test_clicking_a_cell_jumps_to_its_step(qtbot, panel, studio):
    click_cell(qtbot, panel.table, 2, 1)
    assert studio.position == 2 * 4 + 1 + 1
    assert (studio.current.out_row, studio.current.out_col) == (2, 1)
    assert current_cells(panel) == [(2, 1)]
    assert panel.model.index(2, 1).data() == "653"
    assert panel.model.index(2, 2).data() == ""

    click_cell(qtbot, panel.table, 0, 0)
    assert studio.position == 1


def test_clicking_a_cell_while_playing_pauses_there(qtbot, panel, studio):
    studio.playback.play()
    click_cell(qtbot, panel.table, 3, 3)
    assert studio.position == 16
    assert studio.playback.state is PlaybackState.FINISHED


def test_cells_widen_so_that_every_value_shows_whole(qtbot, studio):
    from PySide6.QtGui import QFontMetrics

    from convstudio.model import format_number

    panel = OutputPanel(studio)
    qtbot.addWidget(panel)
    narrow = panel.table.horizontalHeader().defaultSectionSize()
    studio.document.set_kernel([[1 / 9] * 3] * 3)  # values like 106.449
    studio.document.set_input_value(0, 0, 0, -123456.5)
    metrics = QFontMetrics(panel.table.itemDelegate().value_font)
    widest = max(
        metrics.horizontalAdvance(format_number(v)) for v in studio.evaluation.output.ravel()
    )
    width = panel.table.horizontalHeader().defaultSectionSize()
    assert width > narrow
    assert width >= widest + 8


def test_the_current_cell_stays_in_view_when_the_map_shrinks(qtbot, panel, studio):
    studio.document.update_settings(padding="same")  # a 6×6 map
    studio.playback.last()
    panel.setFixedSize(200, 150)  # say, heat maps took the room below
    QApplication.processEvents()
    table = panel.table
    current = table.visualRect(table.model().index(5, 5))
    assert table.viewport().rect().contains(current)
