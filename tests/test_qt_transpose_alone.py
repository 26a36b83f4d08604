"""A transposed convolution in the window: a scene that holds one alone opens, steps and
shows its Layers settings, with nothing for the one-convolution controls to change; the
Layers panel offers the type and writes its settings."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QSpinBox

from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d
from convstudio.model import Scene, Studio
from convstudio.qt.layers_panel import LayersPanel
from convstudio.qt.main_window import MainWindow


def upsampling() -> Scene:
    layer = ConvTranspose2d(np.array([[1.0, 2.0], [3.0, 4.0]]), stride=2)
    return Scene(np.array([[1.0, 2.0], [3.0, 4.0]]), layers=(layer,), title="2×2 → 4×4")


@pytest.fixture
def window(qtbot):
    window = MainWindow(Studio(upsampling()), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_a_scene_of_one_transposed_convolution_opens_and_steps_to_its_end(qtbot, window):
    studio = window.studio
    assert studio.evaluation.error is None and studio.evaluation.n_steps == 4
    for position in range(5):
        studio.playback.seek(position)
        QApplication.processEvents()
    assert studio.layer_position(0) == 4
    # No convolution: the one-convolution controls are there but change nothing.
    assert not window.settings_panel.kernels.isEnabled()
    assert not window.settings_panel.stride.isEnabled()
    assert window.settings_panel.channels.isEnabled()  # the input's, not a convolution's
    assert not window.kernel_panel.controls.isEnabled()
    assert "No layer is a convolution" in window.layers_panel.conv_note.text()
    assert window.layers_panel.type.currentData() == "conv_transpose2d"
    assert not window.layers_panel.remove_button.isEnabled()  # the only convolution


def test_a_scene_with_a_convolution_keeps_its_controls(qtbot):
    scene = Scene(np.ones((4, 4)), layers=(ConvTranspose2d(np.ones((2, 2)), stride=2),
                                           Conv2d(np.ones((3, 3)))))  # fmt: skip
    window = MainWindow(Studio(scene), remember_geometry=False)
    qtbot.addWidget(window)
    assert window.settings_panel.kernels.isEnabled()
    assert window.kernel_panel.controls.isEnabled()


def test_the_layers_panel_adds_a_transposed_convolution_and_edits_its_settings(qtbot, messages):
    studio = Studio(Scene(np.ones((6, 6)), layers=(Conv2d(np.ones((3, 3))), Activation("relu"))))
    panel = LayersPanel(studio, messages.append)
    qtbot.addWidget(panel)
    panel.show()
    kinds = [panel.type.itemData(i) for i in range(panel.type.count())]
    assert "conv_transpose2d" in kinds and "conv_transpose2d" in panel.add_actions
    assert panel.add_actions["conv_transpose2d"].text() == "transposed convolution"
    panel.add_actions["conv_transpose2d"].trigger()
    layers = studio.document.scene.layers
    assert isinstance(layers[1], ConvTranspose2d) and studio.document.scene.focus == 1
    assert studio.evaluation.final.shape == (1, 8, 8)
    assert panel.list.item(1).text().strip("▸ ") == "2 tconv 2×2"
    assert set(panel.setting_widgets) == {
        "stride",
        "padding",
        "output_padding",
        "dilation",
        "stepping",
    }
    extra = panel.setting_widgets["output_padding"]
    assert isinstance(extra, QSpinBox)
    extra.setValue(1)
    assert studio.document.scene.layers[1].output_padding == (1, 1)
    assert studio.evaluation.final.shape == (1, 9, 9)
    extra.setValue(2)  # not smaller than the stride (2) or the dilation (1): refused
    assert messages and "“output_padding” is 2" in messages[-1]
    assert studio.document.scene.layers[1].output_padding == (1, 1)
    assert extra.value() == 1


def test_a_scene_without_a_convolution_replaces_one_with_and_back(qtbot):
    # The views of one convolution were made for the first scene: they follow the next one,
    # which has no convolution (its kernels' tables went on reading one), and back again.
    first = Scene(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    studio = Studio(first)
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    studio.playback.seek(2)
    studio.document.set_scene(upsampling())
    QApplication.processEvents()
    assert window.kernel_panel.slices == {} and window.output_panel.maps == []
    assert studio.evaluation.final.shape == (1, 4, 4)
    studio.playback.seek(3)
    QApplication.processEvents()
    studio.document.undo()
    QApplication.processEvents()
    assert len(window.kernel_panel.slices) == 1 and len(window.output_panel.maps) == 1


@pytest.mark.parametrize("name", ["down-and-up.json", "checkerboard.json"])
def test_the_costs_of_a_transposed_convolution_write_its_size_and_fit_the_side_panel(qtbot, name):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea
    from test_qt_small_screen import lesson_window

    from convstudio.qt.costs_panel import CostsPanel

    window = lesson_window(qtbot, name, (1280, 720))
    panel = window.findChild(CostsPanel)
    text = panel.text.text()
    first = (
        "(2 − 1)·2 − 2·0 + 1·(2 − 1)"
        if name == "down-and-up.json"
        else "(3 − 1)·2 − 2·0 + 1·(3 − 1)"
    )
    rest = "+ 0 + 1 = 4" if name == "down-and-up.json" else "+ 0 + 1 = 7"
    nbsp = "\u00a0"
    assert "size: " + first.replace(" ", nbsp) + "\n" in text
    assert rest.replace(" ", nbsp) in text
    assert "j_prev/u apart" in text
    # Every unbroken formula fits the panel whole, at the narrowest window.
    area = panel.parent()
    while not isinstance(area, QScrollArea):
        area = area.parent()
    room = area.viewport().width() - panel.text.mapTo(area.viewport(), QPoint(0, 0)).x()
    metrics = panel.text.fontMetrics()
    for line in text.split("\n"):
        if "\u00a0" in line.strip():
            assert metrics.horizontalAdvance(line) <= room, line


def test_no_kernel_is_saved_or_exported_without_a_convolution(qtbot, window, messages, tmp_path):
    panel = window.kernel_panel
    panel._report = messages.append
    assert panel.export_kernel(tmp_path / "k.json") is False
    assert not (tmp_path / "k.json").exists()
    assert messages == ["This scene has no convolution: there is no kernel to save."]
