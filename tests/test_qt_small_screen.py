"""The stage on real screens: every shipped lesson whole (nothing scrolls, nothing cut,
nothing overlaps) at 1280×720 and 1920×1080, editing and presenting; the receptive field
and the current kernel in view at every step; larger scenes scroll on whole cells."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from convstudio.model import Scene, Studio, load_scene, resource_dir
from convstudio.qt.main_window import MainWindow
from convstudio.qt.stage import Stage

LESSONS = sorted(p.name for p in (resource_dir() / "scenes").glob("*.json"))
SIZES = [(1280, 720), (1920, 1080)]


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def open_window(qtbot, scene: Scene, size=(1280, 720), presenting=False) -> MainWindow:
    window = MainWindow(Studio(scene), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    if presenting:
        # The window's size, not the screen's: the offscreen screen is one size only.
        window.set_presenting(True, full_screen=False)
    settle()
    return window


def lesson_window(qtbot, name: str, size=(1280, 720), presenting=False) -> MainWindow:
    return open_window(qtbot, load_scene(resource_dir() / "scenes" / name), size, presenting)


def on_screen(widget: QWidget, rect: QRect) -> bool:
    """Whether *rect* (in *widget*'s coordinates) shows whole: no widget it lies in (a scroll
    area's viewport, the window) clips any of it."""
    ancestor: QWidget | None = widget
    while ancestor is not None:
        corners = (
            widget.mapTo(ancestor, rect.topLeft()),
            widget.mapTo(ancestor, rect.bottomRight()),
        )
        if not all(ancestor.rect().contains(corner) for corner in corners):
            return False
        if ancestor.isWindow():
            return True
        ancestor = ancestor.parentWidget()
    return True


def stage_pieces(window: MainWindow) -> list[QWidget]:
    """Every part the stage places: grids with their titles, headings, heat maps, footer."""
    pieces: list[QWidget] = [*window.input_panel.grids, *window.kernel_panel.slices.values()]
    pieces += [h for h in window.kernel_panel.headings if not h.isHidden()]
    pieces += window.output_panel.maps
    pieces += [m for m in window.output_panel.heat_maps() if not m.isHidden()]
    pieces.append(window.stage.footer)
    for block in window.stage.blocks:  # a stack's later layers
        pieces += [block.heading, *block.grids()]
    return [p for p in pieces if not p.isHidden()]


def in_stage(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window.stage, QPoint(0, 0)), widget.size())


def cut_cells(table) -> list[tuple[str, int]]:
    """Rows and columns that *table* shows only in part."""
    cut = []
    for axis, count, position, size, extent in (
        ("column", table.model().columnCount(), table.columnViewportPosition,
         table.columnWidth, table.viewport().width()),
        ("row", table.model().rowCount(), table.rowViewportPosition,
         table.rowHeight, table.viewport().height()),
    ):  # fmt: skip
        for i in range(count):
            start = position(i)
            end = start + size(i)
            if end > 0 and start < extent and not (start >= 0 and end <= extent):
                cut.append((axis, i))
    return cut


def check_whole_stage(window: MainWindow) -> None:
    """Nothing scrolls, every part lies in the stage, no two overlap, no cell is cut."""
    plan = window.stage.plan
    assert plan is not None and not plan.scrolls and not plan.overflows
    stage_rect = window.stage.rect()
    rects = [(type(p).__name__, in_stage(window, p)) for p in stage_pieces(window)]
    for name, rect in rects:
        assert stage_rect.contains(rect), (name, rect, stage_rect)
    for (a, ra), (b, rb) in itertools.combinations(rects, 2):
        assert not ra.intersects(rb), (a, ra, b, rb)
    tables = [p.table for p in (*window.input_panel.grids, *window.output_panel.maps)]
    tables += [s.table for s in window.kernel_panel.slices.values()]
    tables += [g.table for block in window.stage.blocks for g in block.grids()]
    for table in tables:
        assert table.horizontalScrollBar().maximum() == 0
        assert table.verticalScrollBar().maximum() == 0
        assert cut_cells(table) == []
        # The title is whole over its table.
        title = table.parentWidget().title
        if not title.isHidden():
            assert title.width() >= title.sizeHint().width() - 2, title.text()


@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_shows_whole_without_scrolling(qtbot, name, size, presenting):
    window = lesson_window(qtbot, name, size, presenting)
    playback = window.studio.playback
    for position in (1, playback.total):
        playback.seek(position)
        check_whole_stage(window)


@pytest.mark.parametrize("padding", ["valid", "same", "full"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_worked_example_padded_shows_whole(qtbot, padding, size):
    window = lesson_window(qtbot, "worked-example.json", size)
    window.studio.document.update_settings(padding=padding)
    settle()
    window.studio.playback.seek(window.studio.playback.total)
    check_whole_stage(window)
    # Padding shows on every side: the padded grid's first and last rows and columns.
    assert cut_cells(window.input_panel.table) == []


def test_a_larger_room_never_gives_smaller_numbers(qtbot):
    window = lesson_window(qtbot, "rgb-two-kernels.json", (1280, 720))
    zooms = []
    for size in ((1280, 720), (1366, 768), (1600, 900), (1920, 1080)):
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.size().toTuple() == size)
        zooms.append(window.zoom)
    assert zooms == sorted(zooms) and zooms[0] < zooms[-1]


def test_presenting_gives_the_stage_more_room_and_larger_numbers(qtbot):
    window = lesson_window(qtbot, "worked-example.json", (1280, 720))
    editing = window.zoom
    window.set_presenting(True, full_screen=False)
    settle()
    assert not window.side_panel.isVisible()
    assert window.zoom > editing
    window.set_presenting(False, full_screen=False)
    settle()
    assert window.side_panel.isVisible() and window.zoom == editing


def test_the_side_panel_hides_and_the_stage_takes_its_room(qtbot):
    window = lesson_window(qtbot, "rgb-one-kernel.json", (1280, 720))
    shown = window.zoom
    window.side_panel_action.trigger()  # F9
    settle()
    assert not window.side_panel.isVisible()
    assert window.zoom > shown
    check_whole_stage(window)
    window.side_panel_action.trigger()
    settle()
    assert window.side_panel.isVisible() and window.zoom == shown


@pytest.mark.parametrize("name", ["rgb-one-kernel.json", "rgb-two-kernels.json"])
def test_every_step_shows_the_whole_field_on_every_channel(qtbot, name):
    window = lesson_window(qtbot, name)
    playback = window.studio.playback
    for k in range(1, playback.total + 1):
        playback.seek(k)
        step = window.studio.current
        for grid in window.input_panel.grids:
            table, model = grid.table, grid.model
            first = model.index(int(step.padded_rows[0]), int(step.padded_cols[0]))
            last = model.index(int(step.padded_rows[-1]), int(step.padded_cols[-1]))
            field = table.visualRect(first).united(table.visualRect(last))
            assert on_screen(table.viewport(), field), (k, grid.channel)


def test_a_scene_too_large_for_the_screen_scrolls_on_whole_cells_and_follows_the_step(qtbot):
    rng = np.random.default_rng(0)
    scene = Scene(rng.integers(0, 256, (3, 32, 32)), rng.integers(-1, 2, (4, 3, 5, 5)))
    window = open_window(qtbot, scene)
    assert window.stage.plan.scrolls
    playback = window.studio.playback
    for position in (1, 200, playback.total // 2, playback.total):
        playback.seek(position)
        step = window.studio.current
        for grid in window.input_panel.grids:
            table = grid.table
            assert cut_cells(table) == [], (position, grid.channel)
            if grid.channel in step.in_channels:
                first = grid.model.index(int(step.padded_rows[0]), int(step.padded_cols[0]))
                last = grid.model.index(int(step.padded_rows[-1]), int(step.padded_cols[-1]))
                field = table.visualRect(first).united(table.visualRect(last))
                assert on_screen(table.viewport(), field), (position, grid.channel)
        current = window.output_panel.maps[step.out_channel].table
        assert cut_cells(current) == []
        cell = current.visualRect(current.model().index(step.out_row, step.out_col))
        assert on_screen(current.viewport(), cell), position


def test_wider_numbers_widen_the_cells_and_keep_the_stage_whole(qtbot):
    window = lesson_window(qtbot, "rgb-one-kernel.json")
    before = window.input_panel.table.columnWidth(0)
    window.studio.document.set_kernel_value(0, 0, 0, 0, -0.125)
    settle()
    table = window.input_panel.table
    weight = table.fontMetrics().horizontalAdvance("×-0.125")
    assert table.columnWidth(0) > before or table.columnWidth(0) >= weight
    window.studio.playback.seek(window.studio.playback.total)
    check_whole_stage(window)


def test_steps_never_lay_the_stage_out_again(qtbot, monkeypatch):
    # A step moves the field; only edits, the room and the view options move the stage.
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    counted = []
    layout = Stage._relayout
    monkeypatch.setattr(Stage, "_relayout", lambda self: (counted.append(1), layout(self)))
    playback = window.studio.playback
    for position in range(1, playback.total + 1, 3):
        playback.seek(position)
    settle()
    assert counted == []
    window.studio.document.set_kernel_count(3)
    settle()
    assert 1 <= len(counted) <= 6  # laid out for the new kernel, and settled


def test_quiz_reveals_never_lay_the_stage_out_again(qtbot, monkeypatch):
    # The quiz lays the stage out when it comes, goes or asks the size; not at each reveal.
    window = lesson_window(qtbot, "worked-example.json")
    window.quiz.set_on(True)
    settle()
    counted = []
    layout = Stage._relayout
    monkeypatch.setattr(Stage, "_relayout", lambda self: (counted.append(1), layout(self)))
    for _ in range(3):
        window.next_action.trigger()  # reveal, then step
        window.next_action.trigger()
    settle()
    assert counted == []
    window.quiz.set_on(False)
    settle()
    assert len(counted) == 1


@pytest.mark.parametrize("kernels", [1, 4])
def test_more_kernels_and_their_maps_stay_whole(qtbot, kernels):
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    window.studio.document.set_kernel_count(kernels)
    settle()
    for position in (1, window.studio.playback.total):
        window.studio.playback.seek(position)
        check_whole_stage(window)


def test_heat_maps_on_a_short_window_stand_whole_beside_their_maps(qtbot):
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    window.set_heat_maps(True)
    settle()
    check_whole_stage(window)
    for output_map in window.output_panel.maps:
        heat = output_map.heat_map
        assert heat is not None and heat.isVisible()
        assert in_stage(window, heat).top() == in_stage(window, output_map).top()


def test_unticking_rgb_on_the_depthwise_lesson_keeps_three_numbered_channels(qtbot):
    window = lesson_window(qtbot, "depthwise.json")
    window.settings_panel.rgb.setChecked(False)
    settle()
    scene = window.studio.document.scene
    assert scene.input.shape == (3, 6, 6) and scene.groups == 3
    titles = [grid.title.text() for grid in window.input_panel.grids]
    assert titles == ["channel 1", "channel 2", "channel 3"]
    check_whole_stage(window)


def test_every_setting_in_the_side_panel_shows_its_whole_width(qtbot):
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    panel = window.settings_panel
    viewport = window.side_panel.viewport()
    controls = [
        panel.padding, panel.stride, panel.dilation_cols, panel.mode, panel.channels,
        panel.kernels, panel.groups, panel.flip, window.input_panel.zeros_button,
        window.kernel_panel.save_preset_button, panel.formula_cols,
    ]  # fmt: skip
    for control in controls:
        left = control.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + control.width() <= viewport.width(), control.objectName()
        window.side_panel.ensureWidgetVisible(control)
        assert on_screen(control, control.rect()), type(control).__name__


@pytest.mark.parametrize("name", LESSONS)
def test_the_side_panel_is_never_cut_at_its_right_edge(qtbot, name):
    """The side panel scrolls down, never across: everything in it fits its width at
    1280×720 (a long choice, "transposed convolution", once pushed it 27 pixels wider, and
    the settings' spin boxes were 10 pixels too wide for it in every lesson)."""
    window = lesson_window(qtbot, name)
    panel = window.side_panel
    content = panel.widget()
    assert content.minimumSizeHint().width() <= panel.viewport().width(), name
    assert content.width() <= panel.viewport().width(), name
