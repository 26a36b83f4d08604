"""The side panel's Layers section: the document's stack shows in the list and the current
layer's settings, and every control writes its edit back (undo covers them all)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QSpinBox

from convstudio.engine.layers import Activation, Conv2d, Pool2d
from convstudio.model import Scene, Studio
from convstudio.model.layer_edit import settings_of
from convstudio.model.layer_format import LAYER_TYPES, MAX_LAYERS
from convstudio.qt.layers_panel import LayersPanel
from convstudio.qt.settings_panel import SettingsPanel


def cnn(size: int = 12) -> Scene:
    """12×12 → conv 3×3 → ReLU → max pool 2×2 → conv 2×2."""
    x = np.arange(size * size, dtype=float).reshape(size, size) % 7 - 3
    layers = (
        Conv2d(np.ones((3, 3))),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.array([[1.0, -1.0], [0.5, 2.0]])),
    )
    return Scene(x, layers=layers)


@pytest.fixture
def stack() -> Studio:
    return Studio(cnn())


@pytest.fixture
def panel(qtbot, stack, messages):
    panel = LayersPanel(stack, messages.append)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def rows(panel) -> list[str]:
    return [panel.list.item(i).text().strip("▸ ") for i in range(panel.list.count())]


def kinds(studio) -> list[str]:
    return [layer.kind for layer in studio.document.scene.layers]


def click_row(qtbot, panel, row):
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ---------------------------------------------------------------- model → panel


def test_the_list_shows_every_layer_in_order_with_the_current_one_marked(panel, stack):
    assert rows(panel) == ["1 conv 3×3", "2 ReLU", "3 max pool 2×2", "4 conv 2×2"]
    assert panel.list.currentRow() == 0
    assert panel.list.item(0).text().startswith("▸") and panel.list.item(0).font().bold()
    assert not panel.list.item(1).font().bold()
    stack.document.select_layer(2)
    assert panel.list.currentRow() == 2 and panel.list.item(2).font().bold()
    assert panel.type.currentData() == "max_pool2d"


def test_the_list_follows_edits_and_undo(panel, stack):
    stack.document.add_layer("tanh", after=1)
    assert rows(panel) == ["1 conv 3×3", "2 ReLU", "3 tanh", "4 max pool 2×2", "5 conv 2×2"]
    assert panel.list.currentRow() == 2
    stack.document.undo()
    assert rows(panel) == ["1 conv 3×3", "2 ReLU", "3 max pool 2×2", "4 conv 2×2"]
    stack.document.select_layer(0)
    stack.document.resize_kernel(5, 5)  # the focused convolution's size shows in its name
    assert rows(panel)[0] == "1 conv 5×5"


def test_a_pool_shows_its_settings_from_the_layer_table(panel, stack):
    stack.document.select_layer(2)
    assert list(panel.setting_widgets) == [s.name for s in settings_of("max_pool2d")]
    assert panel.setting_widgets["kernel_size"].value() == 2
    stride = panel.setting_widgets["stride"]
    assert stride.value() == stride.minimum() and stride.text() == "= window"
    assert isinstance(panel.setting_widgets["ceil_mode"], QCheckBox)
    stack.document.update_layer(2, kernel_size=3, stride=1, padding=1, ceil_mode=True)
    assert panel.setting_widgets["kernel_size"].value() == 3
    assert stride.value() == 1  # the same widget, shown again (not rebuilt)
    assert panel.setting_widgets["padding"].value() == 1
    assert panel.setting_widgets["ceil_mode"].isChecked()
    assert rows(panel)[2] == "3 max pool 3×3"


def test_the_ranges_are_the_models(panel, stack):
    stack.document.select_layer(2)
    for setting in settings_of("max_pool2d"):
        widget = panel.setting_widgets[setting.name]
        if isinstance(widget, QSpinBox) and setting.form == "pair":
            assert (widget.minimum(), widget.maximum()) == (
                setting.limit.minimum,
                setting.limit.maximum,
            )


def test_each_type_shows_its_own_settings(panel, stack):
    for kind in LAYER_TYPES:
        if kind == "conv2d":
            continue
        stack.document.set_layer_type(1, kind)
        assert list(panel.setting_widgets) == [s.name for s in settings_of(kind)], kind
        # The one-convolution sections below still show a convolution: which one.
        assert panel.conv_note.text() == "Kernel, Window and Layer below show layer 1 (conv 3×3)."
    stack.document.select_layer(3)
    assert panel.setting_widgets == {}
    assert panel.conv_note.text().startswith("Its kernels and settings are in Kernel")


def test_buttons_say_what_cannot_be_done(panel, stack):
    assert not panel.up_button.isEnabled() and panel.down_button.isEnabled()
    stack.document.select_layer(3)
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    assert panel.remove_button.isEnabled()  # another convolution remains
    stack.document.add_layer("relu")
    stack.document.add_layer("relu")
    assert len(stack.document.scene.layers) == MAX_LAYERS
    assert not panel.add_button.isEnabled()


def test_the_only_convolution_cannot_be_removed(qtbot, messages):
    studio = Studio(Scene(np.ones((5, 5)), layers=(Conv2d(np.ones((3, 3))), Activation("relu"))))
    panel = LayersPanel(studio, messages.append)
    qtbot.addWidget(panel)
    assert not panel.remove_button.isEnabled()
    assert "at least one convolution" in panel.remove_button.toolTip()


# ---------------------------------------------------------------- panel → model


def test_clicking_a_layer_selects_it_and_jumps_to_its_first_step(qtbot, panel, stack):
    stack.playback.last()
    click_row(qtbot, panel, 2)
    assert stack.document.scene.focus == 2
    assert stack.playback.current_step == stack.evaluation.offset(2)
    assert stack.current_layer == 2
    assert not stack.document.can_undo  # selecting is not an edit
    stack.playback.last()
    click_row(qtbot, panel, 2)  # the current one again: back to its first step
    assert stack.playback.current_step == stack.evaluation.offset(2)


def test_adding_from_the_menu_inserts_after_the_current_layer(qtbot, panel, stack):
    stack.document.select_layer(1)
    panel.add_actions["avg_pool2d"].trigger()
    assert kinds(stack) == ["conv2d", "relu", "avg_pool2d", "max_pool2d", "conv2d"]
    assert panel.list.currentRow() == 2
    assert stack.playback.current_step == stack.evaluation.offset(2)
    stack.document.undo()
    assert kinds(stack) == ["conv2d", "relu", "max_pool2d", "conv2d"]
    assert rows(panel)[2] == "3 max pool 2×2"


def test_remove_and_move_buttons(qtbot, panel, stack):
    stack.document.select_layer(1)
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert kinds(stack) == ["conv2d", "max_pool2d", "relu", "conv2d"]
    assert panel.list.currentRow() == 2
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert kinds(stack) == ["conv2d", "relu", "max_pool2d", "conv2d"]
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert kinds(stack) == ["conv2d", "max_pool2d", "conv2d"]
    for _ in range(3):
        stack.document.undo()
    assert kinds(stack) == ["conv2d", "relu", "max_pool2d", "conv2d"]


def test_the_type_selector_changes_the_type(panel, stack):
    stack.document.select_layer(2)
    panel.type.setCurrentIndex(panel.type.findData("avg_pool2d"))
    assert kinds(stack)[2] == "avg_pool2d"
    assert "count_include_pad" in panel.setting_widgets
    stack.document.undo()
    assert kinds(stack)[2] == "max_pool2d" and panel.type.currentData() == "max_pool2d"


def test_settings_write_their_key(panel, stack):
    stack.document.select_layer(2)
    panel.setting_widgets["kernel_size"].setValue(3)
    assert stack.document.scene.layers[2].window().kernel == (3, 3)
    panel.setting_widgets["stride"].setValue(1)
    assert stack.document.scene.layers[2].window().stride == (1, 1)
    panel.setting_widgets["stride"].setValue(0)  # "= window"
    assert stack.document.scene.layers[2].stride is None
    panel.setting_widgets["ceil_mode"].setChecked(True)
    assert stack.document.scene.layers[2].ceil_mode
    stack.document.set_layer_type(1, "leaky_relu")
    slope = panel.setting_widgets["negative_slope"]
    assert isinstance(slope, QDoubleSpinBox) and slope.value() == pytest.approx(0.01)
    slope.setValue(0.2)
    assert stack.document.scene.layers[1].negative_slope == pytest.approx(0.2)


def test_a_refused_setting_is_reported_and_the_panel_shows_the_scene_again(panel, stack, messages):
    stack.document.select_layer(2)
    before = stack.document.scene
    panel.setting_widgets["padding"].setValue(2)  # more than half a 2×2 window
    assert stack.document.scene is before
    assert messages[-1].startswith("Layer 3 (max pool 2×2): “padding” is 2, more than half")
    assert panel.setting_widgets["padding"].value() == 0


def test_a_refused_add_names_the_layer_that_cannot_take_its_map(qtbot, stack, messages):
    studio = Studio(cnn(size=8))  # 6×6 → 3×3: another pool leaves the 2×2 kernel no room
    panel = LayersPanel(studio, messages.append)
    qtbot.addWidget(panel)
    studio.document.select_layer(2)
    panel.add_actions["max_pool2d"].trigger()
    assert len(studio.document.scene.layers) == 4
    assert messages[-1].startswith("Layer 5 (conv 2×2): The kernel spans 2 rows")
    assert panel.list.count() == 4 and panel.list.currentRow() == 2


def test_the_settings_panel_edits_the_selected_convolution(qtbot, panel, stack):
    settings = SettingsPanel(stack)
    qtbot.addWidget(settings)
    click_row(qtbot, panel, 3)
    settings.kernels.setValue(2)  # the 4th layer's kernels, not the first's
    layers = stack.document.scene.layers
    assert layers[3].kernels.shape[0] == 2 and layers[0].kernels.shape[0] == 1


def test_the_panel_lets_go_of_the_document_when_closed(qtbot, stack):
    document = stack.document
    before = len(document.scene_changed)
    panel = LayersPanel(stack)
    assert len(document.scene_changed) == before + 1
    panel.deleteLater()
    qtbot.waitUntil(lambda: len(document.scene_changed) == before)


def test_the_settings_rows_show_with_their_names(qtbot, panel, stack):
    stack.document.select_layer(2)

    def shown_labels():
        return [w.text() for w in panel.findChildren(QLabel) if w.isVisible()]

    qtbot.waitUntil(lambda: "Window" in shown_labels())
    assert {"Window", "Stride", "Padding", "Dilation"} <= set(shown_labels())
    assert panel.setting_widgets["ceil_mode"].text() == "Round the size up (ceil mode)"
    assert panel.setting_widgets["ceil_mode"].toolTip() == "ceil_mode"  # PyTorch's name


def test_a_stack_opened_impossible_names_the_layer_by_its_short_name(qtbot):
    scene = Scene(np.ones((3, 3)), layers=(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2)))
    settings = SettingsPanel(Studio(scene))
    qtbot.addWidget(settings)
    assert settings.error.text().startswith(
        "Layer 2 (max pool 2×2): The input has 1 row, fewer than the window's 2"
    )


def test_a_window_of_two_sizes_keeps_its_columns_when_the_rows_change(panel, stack):
    stack.document.update_layer(2, kernel_size=(2, 3))
    stack.document.select_layer(2)
    assert panel.setting_widgets["kernel_size"].value() == 2
    panel.setting_widgets["kernel_size"].setValue(3)
    assert stack.document.scene.layers[2].window().kernel == (3, 3)
    stack.document.undo()
    panel.setting_widgets["kernel_size"].setValue(1)
    assert stack.document.scene.layers[2].window().kernel == (1, 3)


@pytest.mark.parametrize("zoom", [0.7, 1.4])
def test_a_new_zoom_reaches_every_row_and_the_list_keeps_them_all_in_view(panel, stack, zoom):
    # The rows carry their own fonts (the current one bold): a zoom must restyle them,
    # or they keep the old size until the next edit and the last row is cut.
    panel.set_zoom(zoom)
    size = panel.list.font().pointSizeF()
    assert [panel.list.item(i).font().pointSizeF() for i in range(4)] == [size] * 4
    last = panel.list.visualItemRect(panel.list.item(3))
    assert last.bottom() <= panel.list.viewport().height()
    before = panel.list.item(1).font().pointSizeF()
    stack.document.add_layer("relu")
    assert panel.list.item(1).font().pointSizeF() == before


def test_the_add_menu_says_which_layer_the_new_one_follows(panel, stack):
    assert panel.add_after.text() == "After layer 1 (conv 3×3):"
    stack.document.select_layer(2)
    assert panel.add_after.text() == "After layer 3 (max pool 2×2):"
    panel.add_actions["relu"].trigger()
    assert kinds(stack)[3] == "relu"
