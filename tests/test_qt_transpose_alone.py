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
    assert set(panel.setting_widgets) == {"stride", "padding", "output_padding", "dilation"}
    extra = panel.setting_widgets["output_padding"]
    assert isinstance(extra, QSpinBox)
    extra.setValue(1)
    assert studio.document.scene.layers[1].output_padding == (1, 1)
    assert studio.evaluation.final.shape == (1, 9, 9)
    extra.setValue(2)  # not smaller than the stride (2) or the dilation (1): refused
    assert messages and "“output_padding” is 2" in messages[-1]
    assert studio.document.scene.layers[1].output_padding == (1, 1)
    assert extra.value() == 1
