"""At 1280×720, the smallest screen the app supports, the RGB lessons show what each step
is about: the whole receptive field on every channel, and every slice of the kernel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from convstudio.model import Studio, load_scene, resource_dir
from convstudio.qt.main_window import MainWindow


def lesson_window(qtbot, name: str) -> MainWindow:
    window = MainWindow(
        Studio(load_scene(resource_dir() / "scenes" / name)), remember_geometry=False
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1280, 720))
    return window


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


@pytest.mark.parametrize("name", ["rgb-one-kernel.json", "rgb-two-kernels.json"])
def test_every_slice_of_the_current_kernel_shows_whole(qtbot, name):
    window = lesson_window(qtbot, name)
    playback = window.studio.playback
    panel = window.kernel_panel
    for k in (1, playback.total):
        playback.seek(k)
        kernel = window.studio.current.out_channel
        for (owner, depth), piece in panel.slices.items():
            if owner == kernel:
                assert on_screen(piece.table, piece.table.rect()), (k, depth)


def cut_columns(table) -> list[int]:
    """The columns *table* shows only in part."""
    width = table.viewport().width()
    cut = []
    for column in range(table.model().columnCount()):
        left = table.columnViewportPosition(column)
        right = left + table.columnWidth(column)
        if right > 0 and left < width and not (left >= 0 and right <= width):
            cut.append(column)
    return cut


def test_a_scrolled_grid_shows_no_sliver_of_a_column(qtbot):
    # A cut column's digits beside the row numbers read as another number ("1 5" as 15).
    window = lesson_window(qtbot, "rgb-one-kernel.json")
    playback = window.studio.playback
    playback.seek(playback.total)  # the field at the bottom right: the grids are scrolled
    for grid in window.input_panel.grids:
        table = grid.table
        assert table.horizontalScrollBar().value() > 0
        assert cut_columns(table) == [], grid.channel


def test_wider_numbers_keep_whole_cells(qtbot):
    # A weight with decimals widens every input cell: the grids are fitted again.
    window = lesson_window(qtbot, "rgb-one-kernel.json")
    window.studio.document.set_kernel_value(0, 0, 0, 0, 0.125)
    QApplication.sendPostedEvents()  # the layout requests that the wider cells posted
    playback = window.studio.playback
    playback.seek(playback.total)
    for grid in window.input_panel.grids:
        table = grid.table
        assert table.columnWidth(0) > 70  # "×0.125" needs it
        assert cut_columns(table) == [], grid.channel


def test_a_grid_refits_when_its_cells_grow_in_the_same_room(qtbot, studio):
    from convstudio.qt.output_panel import OutputPanel

    panel = OutputPanel(studio)
    qtbot.addWidget(panel)
    panel.setFixedSize(230, 200)  # the room stays; only the cells change
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_zoom(1.5)
    QApplication.sendPostedEvents()
    table = panel.table
    for size, cell in (
        (table.viewport().width(), table.columnWidth(0)),
        (table.viewport().height(), table.rowHeight(0)),
    ):
        assert size % cell == 0, (size, cell)


def shown_in_part(area) -> list[int]:
    """Indexes of the items of *area* (kernels, maps) that its view cuts."""
    view = area.viewport()
    cut = []
    for index, item in enumerate(area._items()):
        seen = QRect(item.mapTo(view, QPoint(0, 0)), item.size())
        if seen.intersects(view.rect()) and not view.rect().contains(seen):
            cut.append(index)
    return cut


@pytest.mark.parametrize("kernels", [None, 4])
@pytest.mark.parametrize("name", ["rgb-two-kernels.json", "depthwise.json"])
def test_no_kernel_or_map_shows_in_part(qtbot, name, kernels):
    # A kernel cut at the edge of its area would read as a smaller kernel.
    window = lesson_window(qtbot, name)
    if kernels:
        window.studio.document.set_kernel_count(kernels)
        for _ in range(3):  # the new maps and kernels are laid out
            QApplication.processEvents()
    playback = window.studio.playback
    for k in range(1, playback.total + 1, 5):
        playback.seek(k)
        kernel = window.studio.current.out_channel
        for area, current in (
            (window.kernel_panel._blocks_area, window.kernel_panel._blocks[kernel]),
            (window.output_panel._area, window.output_panel.maps[kernel]),
        ):
            assert shown_in_part(area) == [], (k, type(area.widget()))
            assert on_screen(current, current.rect()), k


@pytest.mark.parametrize("tab", [0, 1])
def test_every_setting_shows_whole_beside_two_rgb_kernels(qtbot, tab):
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    window.tabs.setCurrentIndex(tab)
    QApplication.sendPostedEvents()
    panel = window.settings_panel
    controls = (
        [panel.padding, panel.stride, panel.dilation_cols, panel.mode]
        if tab == 0
        else [panel.channels, panel.kernels, panel.groups, panel.flip]
    )
    for control in controls:
        assert on_screen(control, control.rect()), control.objectName() or type(control)


@pytest.fixture
def fits(monkeypatch):
    """Counts the grid and item fitting passes; a runaway loop fails instead of hanging."""
    from convstudio.qt.cells import WholeCellsHost
    from convstudio.qt.scrolling import WholeItemsArea

    counts = {"cells": 0, "items": 0}

    def counted(kind, method):
        def run(self):
            counts[kind] += 1
            if counts[kind] > 2000:
                raise RuntimeError(f"{kind} fitting does not settle")
            return method(self)

        return run

    monkeypatch.setattr(WholeCellsHost, "_fit_table", counted("cells", WholeCellsHost._fit_table))
    monkeypatch.setattr(
        WholeItemsArea, "_snap_to_items", counted("items", WholeItemsArea._snap_to_items)
    )
    return counts


LESSONS = sorted(p.name for p in (resource_dir() / "scenes").glob("*.json"))


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_settles_at_every_screen_size(qtbot, fits, name, size):
    # Fitting a grid to whole cells resizes it, which must not ask for another fit
    # for ever: the one-by-one lesson once froze the window at 1280×720.
    window = MainWindow(
        Studio(load_scene(resource_dir() / "scenes" / name)), remember_geometry=False
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(5):
        QApplication.processEvents()
    fits.update(cells=0, items=0)
    window.studio.playback.seek(window.studio.playback.total // 2)
    for _ in range(5):
        QApplication.processEvents()
    assert fits["cells"] < 50 and fits["items"] < 50, fits


def test_unticking_rgb_on_the_depthwise_lesson_keeps_three_numbered_channels(qtbot, fits):
    window = lesson_window(qtbot, "depthwise.json")
    window.settings_panel.rgb.setChecked(False)
    for _ in range(5):
        QApplication.processEvents()
    scene = window.studio.document.scene
    assert scene.input.shape == (3, 6, 6) and scene.groups == 3
    titles = [grid.title.text() for grid in window.input_panel.grids]
    assert titles == ["channel 1", "channel 2", "channel 3"]


def test_a_layer_built_by_hand_fits_as_the_same_lesson_opened(qtbot):
    # The grids' scroll areas must tell the window that new channels need room: the
    # window then shrinks the zoom as for the depthwise lesson opened from its file.
    window = lesson_window(qtbot, "worked-example.json")
    panel = window.settings_panel
    panel.rgb.setChecked(True)
    panel.kernels.setValue(3)
    panel.groups.setValue(3)
    for _ in range(5):
        QApplication.processEvents()
    assert window.zoom == 0.8
    window.studio.playback.seek(12)
    grid = window.input_panel.grids[0]
    step = window.studio.current
    first = grid.model.index(int(step.padded_rows[0]), int(step.padded_cols[0]))
    last = grid.model.index(int(step.padded_rows[-1]), int(step.padded_cols[-1]))
    field = grid.table.visualRect(first).united(grid.table.visualRect(last))
    assert on_screen(grid.table.viewport(), field)


def test_heat_maps_on_a_short_window_show_the_current_map_whole(qtbot):
    window = lesson_window(qtbot, "rgb-two-kernels.json")
    window.set_heat_maps(True)
    for _ in range(3):
        QApplication.processEvents()
    playback = window.studio.playback
    for k in (1, playback.total):
        playback.seek(k)
        current = window.output_panel.maps[window.studio.current.out_channel]
        assert on_screen(current, current.rect()), k
        assert on_screen(current.heat_map, current.heat_map.rect()), k
        assert shown_in_part(window.output_panel.heat_panel) == [], k


def test_an_rgb_lesson_on_a_1080p_projector_gets_more_than_the_smallest_zoom(qtbot):
    window = MainWindow(
        Studio(load_scene(resource_dir() / "scenes" / "rgb-two-kernels.json")),
        remember_geometry=False,
    )
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080))
    assert window.zoom > 0.8
    # And every cell of every channel still shows: the zoom only grows as far as that.
    for grid in window.input_panel.grids:
        assert grid.table.horizontalScrollBar().maximum() == 0
        assert grid.table.verticalScrollBar().maximum() == 0
