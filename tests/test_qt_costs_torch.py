"""The Costs and PyTorch tabs: what the layer holds and costs, and the Conv2d call that
computes it, both following every change of the settings."""

from __future__ import annotations

import pytest
from lesson import impossible_scene
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from convstudio.model import RGB, Studio, load_scene, resource_dir, torch_call
from convstudio.qt.costs_panel import CostsPanel
from convstudio.qt.settings_panel import SettingsPanel
from convstudio.qt.torch_panel import TorchPanel

IMPOSSIBLE = "No costs: the settings are impossible."
WORKED_CALL = """torch.nn.Conv2d(
    in_channels=1,
    out_channels=1,
    kernel_size=3,
    stride=1,
    padding=0,
    dilation=1,
    groups=1,
    bias=False,
    padding_mode='zeros',
)"""


def lesson(name: str) -> Studio:
    return Studio(load_scene(resource_dir() / "scenes" / name))


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def costs(panel):
    # Non-breaking spaces keep each formula on one line; they read as spaces.
    return panel.text.text().replace("\u00a0", " ").split("\n")


# ---------------------------------------------------------------- costs


def test_the_worked_example_costs(qtbot, studio):
    panel = shown(qtbot, CostsPanel(studio))
    assert costs(panel) == [
        "Input 1×6×6  →  output 1×4×4",
        "Parameters: 1·1·3·3 = 9",
        "Multiply-adds per output value: 1·3·3 = 9",
        "Multiply-adds in all: 1·4·4·9 = 144",
        "Fully connected instead: 36·16 + 16 = 592 parameters",
        "Receptive field: 3×3 input cells in each of 1 channel",
    ]


def test_channels_kernels_and_biases_add_to_the_costs(qtbot, studio):
    panel = shown(qtbot, CostsPanel(studio))
    studio.document.set_channels(3, RGB)
    assert costs(panel)[:4] == [
        "Input 3×6×6  →  output 1×4×4",
        "Parameters: 1·3·3·3 = 27",
        "Multiply-adds per output value: 3·3·3 = 27",
        "Multiply-adds in all: 1·4·4·27 = 432",
    ]
    studio.document.set_kernel_count(2)
    studio.document.set_bias_enabled(True)
    assert costs(panel) == [
        "Input 3×6×6  →  output 2×4×4",
        "Parameters: 2·3·3·3 + 2 biases = 56",
        "Multiply-adds per output value: 3·3·3 = 27",
        "Multiply-adds in all: 2·4·4·27 = 864",
        "Fully connected instead: 108·32 + 32 = 3 488 parameters",
        "Receptive field: 3×3 input cells in each of 3 channels",
    ]
    studio.document.undo()  # the bias off again
    assert costs(panel)[1] == "Parameters: 2·3·3·3 = 54"


def test_large_counts_are_grouped_by_thousands(qtbot, studio):
    panel = shown(qtbot, CostsPanel(studio))
    studio.document.resize_input(32, 32)
    studio.document.set_channels(4)
    studio.document.set_kernel_count(8)
    studio.document.resize_kernel(9, 9)
    studio.document.update_settings(padding="same")
    assert costs(panel) == [
        "Input 4×32×32  →  output 8×32×32",
        "Parameters: 8·4·9·9 = 2 592",
        "Multiply-adds per output value: 4·9·9 = 324",
        "Multiply-adds in all: 8·32·32·324 = 2 654 208",
        "Fully connected instead: 4096·8192 + 8192 = 33 562 624 parameters",
        "Receptive field: 9×9 input cells in each of 4 channels",
    ]


def test_depthwise_costs_one_channel_per_kernel(qtbot):
    studio = lesson("depthwise.json")
    panel = shown(qtbot, CostsPanel(studio))
    assert costs(panel) == [
        "Input 3×6×6  →  output 3×4×4",
        "Parameters: 3·1·3·3 = 27",
        "Multiply-adds per output value: 1·3·3 = 9",
        "Multiply-adds in all: 3·4·4·9 = 432",
        "Fully connected instead: 108·48 + 48 = 5 232 parameters",
        "Receptive field: 3×3 input cells in each of 1 channel",
    ]


def test_dilation_widens_the_receptive_field_not_the_parameters(qtbot):
    studio = lesson("dilation.json")
    panel = shown(qtbot, CostsPanel(studio))
    assert costs(panel) == [
        "Input 1×7×7  →  output 1×3×3",
        "Parameters: 1·1·3·3 = 9",
        "Multiply-adds per output value: 1·3·3 = 9",
        "Multiply-adds in all: 1·3·3·9 = 81",
        "Fully connected instead: 49·9 + 9 = 450 parameters",
        "Receptive field: 5×5 input cells in each of 1 channel",
    ]


def test_impossible_settings_have_no_costs(qtbot):
    studio = Studio(impossible_scene())
    panel = shown(qtbot, CostsPanel(studio))
    assert panel.text.text() == IMPOSSIBLE
    studio.document.update_settings(padding=1)  # possible again: 8×8 padded, 2×6 output
    assert costs(panel)[0] == "Input 1×6×6  →  output 1×2×6"
    assert costs(panel)[1] == "Parameters: 1·1·7·3 = 21"


def test_groups_that_do_not_divide_are_refused_and_the_costs_kept(qtbot, studio):
    panel = shown(qtbot, CostsPanel(studio))
    messages: list[str] = []
    settings = shown(qtbot, SettingsPanel(studio, messages.append))
    settings.channels.setValue(2)
    settings.kernels.setValue(2)
    settings.groups.setValue(2)
    assert costs(panel)[1] == "Parameters: 2·1·3·3 = 18"
    settings.kernels.setValue(3)  # 2 groups do not divide 3 kernels: back to 1 group
    assert studio.document.scene.groups == 1
    assert costs(panel)[1] == "Parameters: 3·2·3·3 = 54"
    settings.groups.setValue(2)
    assert "2 groups must divide" in messages[-1]
    assert settings.groups.value() == 1 and studio.document.scene.groups == 1
    assert costs(panel)[1] == "Parameters: 3·2·3·3 = 54"


# ---------------------------------------------------------------- torch call


def test_the_worked_example_call(qtbot, studio):
    panel = shown(qtbot, TorchPanel(studio))
    assert panel.code.toPlainText() == WORKED_CALL
    assert panel.code.toPlainText() == torch_call(studio.document.scene)
    assert panel.code.isReadOnly()


def test_the_call_follows_the_settings(qtbot, studio):
    panel = shown(qtbot, TorchPanel(studio))
    studio.document.set_channels(3, RGB)
    studio.document.set_kernel_count(2)
    studio.document.set_bias_enabled(True)
    studio.document.resize_kernel(3, 5)
    studio.document.update_settings(
        padding=(1, 2), stride=(2, 1), dilation=(1, 2), padding_mode="reflect"
    )
    assert panel.code.toPlainText() == (
        "torch.nn.Conv2d(\n"
        "    in_channels=3,\n"
        "    out_channels=2,\n"
        "    kernel_size=(3, 5),\n"
        "    stride=(2, 1),\n"
        "    padding=(1, 2),\n"
        "    dilation=(1, 2),\n"
        "    groups=1,\n"
        "    bias=True,\n"
        "    padding_mode='reflect',\n"
        ")"
    )
    assert panel.code.toPlainText() == torch_call(studio.document.scene)
    studio.document.undo()
    assert "stride=1," in panel.code.toPlainText()
    assert "padding_mode='zeros'," in panel.code.toPlainText()


@pytest.mark.parametrize(
    ("padding", "dilation", "shown_padding"),
    [("same", 1, "padding='same',"), ("valid", 1, "padding='valid',"), ("full", 2, "padding=4,")],
)
def test_padding_words_in_the_call(qtbot, studio, padding, dilation, shown_padding):
    panel = shown(qtbot, TorchPanel(studio))
    studio.document.update_settings(padding=padding, dilation=dilation)
    lines = panel.code.toPlainText().split("\n")
    assert lines[5] == "    " + shown_padding


def test_the_call_of_the_depthwise_lesson(qtbot):
    studio = lesson("depthwise.json")
    panel = shown(qtbot, TorchPanel(studio))
    lines = panel.code.toPlainText().split("\n")
    assert lines[1:3] == ["    in_channels=3,", "    out_channels=3,"]
    assert lines[7] == "    groups=3,"


def test_true_convolution_adds_a_note(qtbot, studio):
    panel = shown(qtbot, TorchPanel(studio))
    studio.document.set_flip(True)
    assert panel.code.toPlainText() == WORKED_CALL + (
        "\n# ConvStudio flips each kernel here (true convolution); Conv2d does not:"
        "\n# give it the flipped weights, weight.flip(-2, -1)."
    )


def test_the_call_follows_the_settings_panel(qtbot, studio):
    panel = shown(qtbot, TorchPanel(studio))
    settings = shown(qtbot, SettingsPanel(studio))
    settings.stride_cols.setValue(2)
    settings.bias.setChecked(True)
    text = panel.code.toPlainText()
    assert "    stride=(1, 2),\n" in text
    assert "    bias=True,\n" in text


def test_copy_puts_exactly_the_call_on_the_clipboard(qtbot, studio):
    panel = shown(qtbot, TorchPanel(studio))
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something else")
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == WORKED_CALL
    studio.document.set_kernel_count(4)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == torch_call(studio.document.scene)
    assert "    out_channels=4,\n" in clipboard.text()


# ---------------------------------------------------------------- a stack of layers


def small_cnn_studio() -> Studio:
    """10×10 → conv 3×3 (bias) → ReLU → max pool 2×2 → conv 2×2."""
    import numpy as np

    from convstudio.engine.layers import Activation, Conv2d, Pool2d
    from convstudio.model import Scene

    layers = (
        Conv2d(np.ones((3, 3)), [1.0]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.ones((2, 2))),
    )
    return Studio(Scene(np.zeros((10, 10)), layers=layers))


def test_a_stacks_costs_are_listed_layer_by_layer_with_the_recurrence(qtbot):
    studio = small_cnn_studio()
    panel = shown(qtbot, CostsPanel(studio))
    indent = "   "
    assert costs(panel) == [
        "Receptive field r and jump j, in input pixels, layer by layer:",
        indent + "r = r_prev + (k − 1)·d·j_prev",
        indent + "j = j_prev·s",
        "1 conv 3×3: output 1×8×8",
        indent + "parameters 10, multiply-adds 576",
        indent + "receptive field 3×3, jump 1×1",
        indent + "r = 1 + (3 − 1)·1·1 = 3",
        indent + "j = 1·1 = 1",
        "2 ReLU: output 1×8×8",
        indent + "parameters 0, multiply-adds 0",
        indent + "receptive field 3×3, jump 1×1",
        indent + "r = 3 + (1 − 1)·1·1 = 3",
        indent + "j = 1·1 = 1",
        "3 max pool 2×2: output 1×4×4",
        indent + "parameters 0, multiply-adds 0",
        indent + "receptive field 4×4, jump 2×2",
        indent + "r = 3 + (2 − 1)·1·1 = 4",
        indent + "j = 1·2 = 2",
        "4 conv 2×2: output 1×3×3",
        indent + "parameters 4, multiply-adds 36",
        indent + "receptive field 6×6, jump 2×2",
        indent + "r = 4 + (2 − 1)·1·2 = 6",
        indent + "j = 2·1 = 2",
        "In all: 14 parameters, 612 multiply-adds",
    ]


def test_a_stacks_costs_follow_its_edits(qtbot):
    studio = small_cnn_studio()
    panel = shown(qtbot, CostsPanel(studio))
    studio.document.update_layer(2, kernel_size=(2, 3))  # rows and columns differ now
    lines = costs(panel)
    assert "3 max pool 2×3: output 1×4×2" in lines
    at = lines.index("   rows: r = 3 + (2 − 1)·1·1 = 4")
    assert lines[at + 1 : at + 4] == [
        "      j = 1·2 = 2",
        "   columns: r = 3 + (3 − 1)·1·1 = 5",
        "      j = 1·3 = 3",
    ]
    studio.document.undo()
    assert "3 max pool 2×2: output 1×4×4" in costs(panel)
    studio.document.remove_layer(1)
    studio.document.remove_layer(1)
    studio.document.remove_layer(1)  # one convolution again: the costs as before stacks
    assert costs(panel)[0] == "Input 1×10×10  →  output 1×8×8"


def test_a_stack_opened_impossible_has_no_costs_and_no_code(qtbot):
    import numpy as np

    from convstudio.engine.layers import Conv2d, Pool2d
    from convstudio.model import Scene

    scene = Scene(np.ones((3, 3)), layers=(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2)))
    studio = Studio(scene)
    costs_panel = shown(qtbot, CostsPanel(studio))
    torch_panel = shown(qtbot, TorchPanel(studio))
    assert costs_panel.text.text() == IMPOSSIBLE
    code = torch_panel.code.toPlainText()
    assert code.endswith("# No PyTorch code: the settings are impossible.")


def test_a_stacks_code_is_the_sequential_that_computes_it(qtbot):
    studio = small_cnn_studio()
    panel = shown(qtbot, TorchPanel(studio))
    assert panel.code.toPlainText() == (
        "from torch import nn\n"
        "nn.Sequential(\n"
        "    nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0, dilation=1, groups=1, "
        "bias=True, padding_mode='zeros'),\n"
        "    nn.ReLU(),\n"
        "    nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False),\n"
        "    nn.Conv2d(1, 1, kernel_size=2, stride=1, padding=0, dilation=1, groups=1, "
        "bias=False, padding_mode='zeros'),\n"
        ")"
    )
    studio.document.set_layer_type(1, "leaky_relu")
    assert "    nn.LeakyReLU(negative_slope=0.01),\n" in panel.code.toPlainText()
    clipboard = QGuiApplication.clipboard()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == panel.code.toPlainText()
    # The whole Sequential shows: the box is as tall as its lines.
    assert panel.code.minimumHeight() >= 7 * panel.code.fontMetrics().lineSpacing()


def test_the_stacks_code_runs_in_torch(qtbot):
    torch = pytest.importorskip("torch")
    import numpy as np

    studio = small_cnn_studio()
    panel = shown(qtbot, TorchPanel(studio))
    namespace: dict = {}
    exec(panel.code.toPlainText().replace("nn.Sequential(", "model = nn.Sequential(", 1), namespace)
    model = namespace["model"].double()
    scene = studio.document.scene
    with torch.no_grad():
        for module, layer in zip(model, scene.layers, strict=True):
            if hasattr(layer, "kernels"):
                module.weight.copy_(torch.from_numpy(np.array(layer.kernels)))
                if layer.bias is not None:
                    module.bias.copy_(torch.from_numpy(np.array(layer.bias)))
        out = model(torch.from_numpy(np.array(scene.input))[None])[0].numpy()
    np.testing.assert_allclose(out, studio.evaluation.final)


def test_no_unbreakable_line_of_a_stacks_costs_is_wider_than_the_side_panel(qtbot):
    # The formulas keep their spaces unbroken (a formula cut in two reads wrong): each
    # must then fit the panel whole, at the narrowest window.
    from test_qt_small_screen import lesson_window

    window = lesson_window(qtbot, "small-cnn.json", (1280, 720))
    panel = window.findChild(CostsPanel)
    metrics = panel.text.fontMetrics()
    lines = panel.text.text().split("\n")
    formulas = [line for line in lines if "\u00a0" in line.strip()]
    assert formulas
    # The label grows to its longest line; the side panel's scroll area is what clips.
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    area = panel.parent()
    while not isinstance(area, QScrollArea):
        area = area.parent()
    viewport = area.viewport()
    room = viewport.width() - panel.text.mapTo(viewport, QPoint(0, 0)).x()
    for line in formulas:
        assert metrics.horizontalAdvance(line) <= room, line
