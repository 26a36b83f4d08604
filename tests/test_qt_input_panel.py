"""The input panel: the padded grid follows the document and the playback; edits reach the
document, and refused edits say why and change nothing."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import type_into_cell
from lesson import WORKED_INPUT, WORKED_KERNEL, impossible_scene
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from convstudio.model import Studio
from convstudio.qt import style
from convstudio.qt.cells import LOOK_ROLE
from convstudio.qt.input_panel import InputPanel

KERNEL_TEXT = [["1", "0", "1"], ["0", "1", "0"], ["1", "0", "1"]]


@pytest.fixture
def panel(qtbot, studio, messages):
    panel = InputPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def text(panel, row, col):
    return panel.model.index(row, col).data(Qt.ItemDataRole.DisplayRole)


def look(panel, row, col):
    return panel.model.index(row, col).data(LOOK_ROLE)


def grid_text(panel):
    model = panel.model
    return [
        [text(panel, r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def marked(panel):
    """{(row, col): weight} of the cells drawn as the receptive field."""
    model = panel.model
    out = {}
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            cell = look(panel, r, c)
            if cell.weight is not None or cell.border:
                assert cell.border and cell.weight is not None, (r, c, cell)
                assert cell.background == style.FIELD_BG
                out[(r, c)] = cell.weight
    return out


def field(top, left, weights=KERNEL_TEXT):
    return {(top + i, left + j): w for i, row in enumerate(weights) for j, w in enumerate(row)}


def record_changes(model):
    """Rectangles announced by dataChanged (what the view repaints)."""
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, *_: seen.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    return seen


def covered(seen, row, col):
    return any(r0 <= row <= r1 and c0 <= col <= c1 for r0, c0, r1, c1 in seen)


# ---------------------------------------------------------------- model → widget


def test_shows_the_worked_example(panel, qtmodeltester):
    assert grid_text(panel) == [[f"{v:g}" for v in row] for row in WORKED_INPUT]
    assert panel.size_controls.text() == "Input 6×6"
    assert (panel.rows.value(), panel.cols.value()) == (6, 6)
    assert marked(panel) == {}  # step 0: nothing computed yet
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "1"
    qtmodeltester.check(panel.model, force_py=True)


def test_a_document_edit_updates_the_cell(panel, studio):
    seen = record_changes(panel.model)
    studio.document.set_input_value(0, 2, 3, -7.5)
    assert text(panel, 2, 3) == "-7.5"
    assert covered(seen, 2, 3)
    assert text(panel, 2, 2) == "204"  # neighbours untouched


def test_the_receptive_field_follows_the_playback(panel, studio):
    seen = record_changes(panel.model)
    studio.playback.seek(1)
    assert marked(panel) == field(0, 0)
    assert covered(seen, 0, 0) and covered(seen, 2, 2)

    seen.clear()
    studio.playback.seek(2)
    assert marked(panel) == field(0, 1)
    # The old field's first column is repainted without its mark, the new third column with.
    assert covered(seen, 0, 0) and covered(seen, 2, 3)
    assert look(panel, 0, 0).background == style.INPUT_BG

    studio.playback.seek(6)  # output row 2, column 2
    assert marked(panel) == field(1, 1)
    studio.playback.last()
    assert marked(panel) == field(3, 3)
    studio.playback.first()
    assert marked(panel) == {}


def test_the_field_shows_edited_weights(panel, studio):
    studio.playback.seek(1)
    studio.document.set_kernel_value(0, 0, 1, 1, 2.5)
    assert marked(panel)[(1, 1)] == "2.5"


def test_same_padding_grows_the_grid_with_padding_around(panel, studio):
    studio.document.update_settings(padding="same")
    model = panel.model
    assert (model.rowCount(), model.columnCount()) == (8, 8)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "pad",
        *map(str, range(1, 7)),
        "pad",
    ]
    assert text(panel, 0, 0) == "0"
    assert text(panel, 1, 1) == "18"
    assert text(panel, 6, 6) == "0"  # input row 6, column 6
    pad, inside = look(panel, 0, 5), look(panel, 1, 5)
    assert pad.italic and pad.background == style.PADDING_BG
    assert not inside.italic and inside.background == style.INPUT_BG
    assert not model.flags(model.index(0, 5)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, 5)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Padding: zero"
    # The input itself did not change size.
    assert (panel.rows.value(), panel.cols.value()) == (6, 6)
    assert panel.size_controls.text() == "Input 6×6"
    studio.playback.seek(1)
    assert marked(panel) == field(0, 0)  # the first window starts in the padding


def test_replicate_padding_shows_copies_of_the_edge(panel, studio):
    studio.document.update_settings(padding=1, padding_mode="replicate")
    assert text(panel, 0, 0) == "18"
    assert text(panel, 0, 7) == "188"
    assert text(panel, 7, 3) == "180"
    assert panel.model.index(0, 7).data(Qt.ItemDataRole.ToolTipRole) == (
        "Padding (replicate): a copy of input row 1, column 6"
    )


def test_unreached_cells_are_hatched(panel, studio):
    studio.document.update_settings(stride=2)  # (6 − 3)/2 = 1.5: row 6 and column 6 unused
    hatched = {(r, c) for r in range(6) for c in range(6) if look(panel, r, c).hatch}
    assert hatched == {(5, c) for c in range(6)} | {(r, 5) for r in range(6)}
    assert panel.model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Input row 6, column 1: no window reaches this cell"
    )


@pytest.mark.parametrize("studio", [Studio(impossible_scene())], ids=["opened impossible"])
def test_impossible_settings_show_the_bare_input(panel, studio):
    assert studio.evaluation.problem is None  # a 7×3 kernel on a 6×6 input
    assert grid_text(panel) == [[f"{v:g}" for v in row] for row in WORKED_INPUT]
    assert marked(panel) == {}
    studio.document.set_kernel(WORKED_KERNEL)  # possible again
    studio.playback.seek(1)
    assert (panel.model.rowCount(), panel.model.columnCount()) == (6, 6)
    assert marked(panel) == field(0, 0)


def test_a_resize_in_the_document_updates_the_size_controls(panel, studio):
    studio.document.resize_input(4, 9)
    assert (panel.rows.value(), panel.cols.value()) == (4, 9)
    assert panel.size_controls.text() == "Input 4×9"
    assert (panel.model.rowCount(), panel.model.columnCount()) == (4, 9)
    assert text(panel, 0, 8) == "0"
    assert text(panel, 3, 5) == "130"
    studio.document.undo()
    assert (panel.rows.value(), panel.cols.value()) == (6, 6)


# ---------------------------------------------------------------- widget → model


def test_set_data_writes_the_document(panel, studio, messages):
    index = panel.model.index(1, 2)
    assert panel.model.setData(index, "42", Qt.ItemDataRole.EditRole)
    assert studio.document.scene.input[0, 1, 2] == 42
    assert text(panel, 1, 2) == "42"
    assert messages == []


def test_typing_into_a_cell_edits_the_input(qtbot, panel, studio, messages):
    type_into_cell(qtbot, panel.table, 4, 1, "−12.25")  # a minus sign pasted from a slide
    assert studio.document.scene.input[0, 4, 1] == -12.25
    assert text(panel, 4, 1) == "-12.25"
    assert messages == []
    assert studio.document.can_undo


def test_typing_a_non_number_keeps_the_value_and_says_why(qtbot, panel, studio, messages):
    before = studio.document.scene
    type_into_cell(qtbot, panel.table, 0, 0, "abc")
    assert studio.document.scene is before
    assert text(panel, 0, 0) == "18"
    assert messages == ["“abc” is not a number. The cell keeps its value."]
    assert not studio.document.can_undo


def test_typing_an_empty_cell_is_refused(qtbot, panel, studio, messages):
    before = studio.document.scene
    type_into_cell(qtbot, panel.table, 2, 2, "")
    assert studio.document.scene is before
    assert messages == [
        "A cell cannot be empty: type a number such as 0. The cell keeps its value."
    ]


def test_editing_under_padding_maps_to_the_input_cell(qtbot, panel, studio, messages):
    studio.document.update_settings(padding=2)
    type_into_cell(qtbot, panel.table, 2, 2, "5")
    assert studio.document.scene.input[0, 0, 0] == 5
    # A padding cell is not editable at all.
    before = studio.document.scene
    assert not panel.model.setData(panel.model.index(0, 0), "9", Qt.ItemDataRole.EditRole)
    assert studio.document.scene is before
    assert messages == []


def test_a_step_while_editing_keeps_the_typed_text(qtbot, panel, studio):
    # The moving window repaints the cell being edited; the editor must not be reloaded.
    index = panel.model.index(0, 0)
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    editor = panel.table.indexWidget(index)
    editor.selectAll()
    QTest.keyClicks(editor, "123")
    studio.playback.next()
    studio.playback.next()
    assert marked(panel) == field(0, 1)
    assert editor.text() == "123"
    with qtbot.waitSignal(panel.table.itemDelegate().closeEditor, timeout=2000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert studio.document.scene.input[0, 0, 0] == 123


def test_size_spin_boxes_resize_the_input(panel, studio):
    panel.rows.setValue(8)
    assert studio.document.scene.input.shape == (1, 8, 6)
    panel.cols.setValue(3)
    assert studio.document.scene.input.shape == (1, 8, 3)
    np.testing.assert_array_equal(studio.document.scene.input[0, :6, :3], WORKED_INPUT[:, :3])
    np.testing.assert_array_equal(studio.document.scene.input[0, 6:], 0)
    assert (panel.model.rowCount(), panel.model.columnCount()) == (8, 3)
    assert panel.size_controls.text() == "Input 8×3"


def test_size_spin_box_by_keyboard(panel, studio):
    panel.rows.setFocus()
    QTest.keyClick(panel.rows, Qt.Key.Key_Up)
    assert studio.document.scene.input.shape == (1, 7, 6)


def test_fill_buttons(qtbot, panel, studio):
    qtbot.mouseClick(panel.zeros_button, Qt.MouseButton.LeftButton)
    assert studio.document.scene.input.shape == (1, 6, 6)
    assert not studio.document.scene.input.any()
    assert text(panel, 0, 0) == "0"

    qtbot.mouseClick(panel.random_button, Qt.MouseButton.LeftButton)
    x = studio.document.scene.input
    assert x.shape == (1, 6, 6)
    assert ((x >= 0) & (x <= 255) & (x == np.round(x))).all()
    assert x.any()  # 36 zeros from 0..255 would be a broken fill
    assert text(panel, 3, 4) == f"{x[0, 3, 4]:g}"


# ---------------------------------------------------------------- paste


def test_paste_grows_the_grid(panel, studio, messages):
    panel.table.paste_requested.emit(4, 4, "1\t2\t3\n4\t5\t6\n")
    x = studio.document.scene.input[0]
    assert x.shape == (6, 7)
    np.testing.assert_array_equal(x[4:6, 4:7], [[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(x[:4, :6], WORKED_INPUT[:4])
    assert x[0, 6] == 0
    assert (panel.rows.value(), panel.cols.value()) == (6, 7)
    assert panel.model.columnCount() == 7
    assert text(panel, 5, 6) == "6"
    assert messages == []


def test_paste_with_ctrl_v_from_the_clipboard(panel, studio, messages):
    QGuiApplication.clipboard().setText("7, 8\n9; 10")
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(5, 5))
    QTest.keyClick(panel.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    x = studio.document.scene.input[0]
    assert x.shape == (7, 7)
    np.testing.assert_array_equal(x[5:7, 5:7], [[7, 8], [9, 10]])
    assert messages == []


def test_paste_under_padding_starts_at_the_input_cell(panel, studio):
    studio.document.update_settings(padding=1)
    panel.model.paste(1, 1, "-1 -2")
    np.testing.assert_array_equal(studio.document.scene.input[0, 0, :3], [-1, -2, 51])


def test_a_paste_that_does_not_fit_changes_nothing(panel, studio, messages):
    before = studio.document.scene
    panel.table.paste_requested.emit(5, 5, " ".join(["1"] * 30))
    assert studio.document.scene is before
    assert panel.model.columnCount() == 6
    assert messages == [
        "The pasted block is 1×30; from row 6, column 6 it needs a 6×35 grid, and the "
        "largest is 32×32. Nothing was pasted."
    ]


def test_a_paste_with_text_in_it_changes_nothing(panel, studio, messages):
    before = studio.document.scene
    panel.table.paste_requested.emit(0, 0, "1 2\n3 x")
    assert studio.document.scene is before
    assert messages == ["Pasted row 2, column 2: “x” is not a number. Nothing was pasted."]


def test_copy_puts_the_selection_on_the_clipboard(panel):
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.model.index(1, 1))
    QTest.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "121\t75\n24\t204"


# ---------------------------------------------------------------- repainting a step


@pytest.mark.parametrize("zoom", [1.0, 1.6, 2.0, 3.0])
def test_a_cell_paints_nothing_past_its_edge(panel, studio, zoom):
    """A step repaints only the cells that changed: what a cell drew on its neighbours
    would stay there (the receptive field's border left 2-pixel lines at 1920×1080)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    studio.playback.show_step(0)
    delegate = panel.table.itemDelegate()
    delegate.set_zoom(zoom)
    index = panel.model.index(0, 0)
    assert index.data(LOOK_ROLE).border  # the field's corner: border and weight
    width, height = round(60 * zoom), round(50 * zoom)
    image = QImage(3 * width, 3 * height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(width, height, width, height)
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_HasFocus
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    white = QColor("white").rgb()
    outside = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if not option.rect.contains(x, y) and image.pixel(x, y) != white
    ]
    assert outside == []
    # The border is there, all round the cell's edge.
    edge = image.pixelColor(width + width // 2, height)
    assert edge == style.FIELD_BORDER


def test_a_step_repaints_the_cells_the_field_left_without_its_border(qtbot, panel, studio):
    """What the screen shows after a step (the earlier picture, and only the regions Qt
    repainted drawn over it) is what a whole repaint would draw."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QRegion
    from PySide6.QtWidgets import QApplication

    table = panel.table
    table.set_zoom(2.0)  # about the zoom of a presentation at 1920×1080
    table.show_scroll_bars(False, False)
    size = table.sizeHint()
    for widget in (table, panel.grids[0], panel):
        widget.resize(size)
    viewport = table.viewport()
    studio.playback.show_step(5)  # the field at rows 2-4, columns 2-4
    qtbot.waitUntil(lambda: viewport.visibleRegion().boundingRect() == viewport.rect())
    QApplication.processEvents()  # nothing of the set-up is left to paint
    screen = viewport.grab().toImage()

    class Repaints(QObject):
        def __init__(self):
            super().__init__()
            self.regions: list[QRegion] = []

        def eventFilter(self, watched, event):
            if watched is viewport and event.type() == QEvent.Type.Paint:
                self.regions.append(QRegion(event.region()))
            return False

    repaints = Repaints()
    viewport.installEventFilter(repaints)
    studio.playback.show_step(6)  # one column right: column 2 leaves the field
    qtbot.waitUntil(lambda: bool(repaints.regions))
    QApplication.processEvents()  # every repaint of that step
    viewport.removeEventFilter(repaints)
    changed = QRegion()
    for region in repaints.regions:
        changed = changed.united(region)
    # Only part of the grid was repainted (a step does not repaint the grid) ...
    assert not changed.contains(table.visualRect(panel.model.index(0, 0)).center())
    for rect in changed:
        viewport.render(screen, rect.topLeft(), QRegion(rect))
    # ... and the cell that left the field, and the one above it (whose bottom edge the
    # border reached), show no border.
    above, left = (table.visualRect(panel.model.index(r, 1)) for r in (0, 1))
    border = style.FIELD_BORDER.rgb()
    stale = [
        (x, y)
        for y in range(above.top(), left.bottom() + 1)
        for x in range(above.left(), above.right() + 1)
        if screen.pixel(x, y) == border
    ]
    assert stale == []
    whole = viewport.grab().toImage()
    differ = [
        (x, y)
        for y in range(whole.height())
        for x in range(whole.width())
        if screen.pixel(x, y) != whole.pixel(x, y)
    ]
    assert differ == []
