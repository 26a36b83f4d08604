"""The stack's layers in the side panel: the list in data-flow order with the current one
marked, add (after the current one), remove, move up and down, the type, and the settings
of a pooling layer or an activation.

The settings are generated from the model's description of each type
(:func:`~convstudio.model.layer_edit.settings_of`, read from the file format's table):
a new type or key is a new row, not a new widget. A convolution's settings stay in the
:class:`~convstudio.qt.settings_panel.SettingsPanel`, which edits the current convolution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..engine.layers import Conv2d
from ..model import EditError, Studio
from ..model.layer_edit import (
    Setting,
    choice_label,
    layer_values,
    setting_label,
    settings_of,
)
from ..model.layer_format import LAYER_TYPES, MAX_LAYERS
from ..model.layer_names import layer_name, numbered_name, type_name
from ..model.scene import CONVOLUTIONS, Scene
from . import style
from .binding import bind

# A leaky ReLU's slope: any number a class would try (torch takes any float).
SLOPE_RANGE = (-10.0, 10.0)


class LayersPanel(QWidget):
    """The layers of the scene, and the current one's type and settings.

    Parameters
    ----------
    studio
        The studio to show and edit.
    report
        Called with a sentence when a change is refused.
    """

    def __init__(
        self,
        studio: Studio,
        report: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._studio = studio
        self._document = studio.document
        self._report = report or (lambda _text: None)
        self._zoom = 1.0
        # The settings shown: (the layer's type, its settings) → their widgets by key.
        self._settings_kind: str | None = None
        self.setting_widgets: dict[str, QWidget] = {}

        # The heading the lessons' notes name ("the Layers section").
        self.title = QLabel(self.tr("Layers"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setToolTip(
            self.tr("The layers, input first. Click one to edit it and step from its start.")
        )
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a layer after the current one"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        # Says which layer a new one follows: the one marked ▸, not the one being stepped.
        self.add_after = self.add_menu.addAction("")
        self.add_after.setEnabled(False)
        self.add_menu.addSeparator()
        self.add_actions: dict[str, QAction] = {}
        for kind in LAYER_TYPES:
            action = self.add_menu.addAction(type_name(kind))
            action.triggered.connect(lambda _=False, k=kind: self._on_q_add(k))
            self.add_actions[kind] = action
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QToolButton()
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the current layer"))
        # Arrows, not words: the side panel is narrow on a 1280-pixel screen.
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(self.tr("Move the current layer up, towards the input"))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("Move the current layer down, towards the output"))
        self.type = _narrow(QComboBox())
        for kind in LAYER_TYPES:
            self.type.addItem(type_name(kind), kind)
        self.type.setToolTip(self.tr("The current layer's type"))
        # Which convolution Kernel, Window and Layer below edit (another layer's type
        # has its settings here).
        self.conv_note = QLabel()
        self.conv_note.setWordWrap(True)
        self.settings_grid = QGridLayout()
        self.settings_grid.setColumnStretch(2, 1)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        type_row = QHBoxLayout()
        self.type_label = QLabel(self.tr("Type"))
        type_row.addWidget(self.type_label)
        type_row.addWidget(self.type, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(type_row)
        layout.addWidget(self.conv_note)
        layout.addLayout(self.settings_grid)

        self.list.currentRowChanged.connect(self._on_q_row_changed)
        # A click on the current layer jumps to its first step again.
        self.list.itemClicked.connect(self._on_q_item_clicked)
        self.remove_button.clicked.connect(self._on_q_remove)
        self.up_button.clicked.connect(lambda: self._on_q_move(-1))
        self.down_button.clicked.connect(lambda: self._on_q_move(+1))
        self.type.currentIndexChanged.connect(self._on_q_type_changed)
        bind(self, self._document.scene_changed, self.set_scene)
        self.set_zoom(1.0)
        self.set_scene()

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.list.setFont(style.font(style.UI_PT, zoom=zoom))
        if hasattr(self, "type"):  # built: the items carry their own fonts, and the height
            self.set_scene()

    # ------------------------------------------------------------ model → widgets

    def set_scene(self, scene: object = None) -> None:
        """Show the layers, the current one and its settings; never writes the document."""
        scene_now: Scene = self._document.scene
        layers = scene_now.layers
        focus = scene_now.focus
        with QSignalBlocker(self.list):
            names = [numbered_name(i, layer) for i, layer in enumerate(layers)]
            if self.list.count() != len(names):
                self.list.clear()
                self.list.addItems(names)
            for row, name in enumerate(names):
                item = self.list.item(row)
                font = self.list.font()
                font.setBold(row == focus)  # the current one marked, not only by colour
                item.setFont(font)
                item.setText(("▸ " if row == focus else "   ") + name)
            self.list.setCurrentRow(focus)
        # As tall as its rows (at most six), so the panel scrolls rather than the list.
        rows = max(len(layers), 1)
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 2
        )
        current = layers[focus]
        convolutions = sum(isinstance(layer, CONVOLUTIONS) for layer in layers)
        only_conv = isinstance(current, CONVOLUTIONS) and convolutions == 1
        self.add_button.setEnabled(len(layers) < MAX_LAYERS)
        #: {0} is a layer's number, {1} its name ("conv 3×3").
        self.add_after.setText(
            self.tr("After layer {0} ({1}):").format(focus + 1, layer_name(current))
        )
        self.add_button.setToolTip(
            self.tr("Add a layer after the current one")
            if len(layers) < MAX_LAYERS
            else self.tr("A scene holds at most {0} layers.").format(MAX_LAYERS)
        )
        self.remove_button.setEnabled(not only_conv)
        self.remove_button.setToolTip(
            self.tr("A scene keeps at least one convolution.")
            if only_conv
            else self.tr("Remove the current layer")
        )
        self.up_button.setEnabled(focus > 0)
        self.down_button.setEnabled(focus < len(layers) - 1)
        with QSignalBlocker(self.type):
            self.type.setCurrentIndex(self.type.findData(current.kind))
        if isinstance(current, Conv2d):
            note = self.tr("Its kernels and settings are in Kernel, Window and Layer below.")
        elif scene_now.conv_index is None:
            # Transposed convolutions alone: nothing for the one-convolution sections.
            note = self.tr("No layer is a convolution: Kernel, Window and Layer below are empty.")
        else:
            #: {0} is a layer's number, {1} its name ("conv 3×3").
            note = self.tr("Kernel, Window and Layer below show layer {0} ({1}).").format(
                scene_now.conv_index + 1, layer_name(scene_now.conv)
            )
        self.conv_note.setText(note)
        self._show_settings(
            current.kind, {} if isinstance(current, Conv2d) else layer_values(current)
        )

    def _show_settings(self, kind: str, values: dict[str, Any]) -> None:
        if kind != self._settings_kind:
            self._build_settings(kind)
        for name, widget in self.setting_widgets.items():
            value = values.get(name)
            with QSignalBlocker(widget):
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QComboBox):
                    widget.setCurrentIndex(widget.findData(value))
                elif isinstance(widget, QDoubleSpinBox):
                    widget.setValue(float(value))
                elif isinstance(widget, QSpinBox):
                    # None (a pool's stride by default): the special value below the range.
                    widget.setValue(widget.minimum() if value is None else int(value[0]))

    def _build_settings(self, kind: str) -> None:
        """Make one row per setting of *kind* (none for a convolution or ReLU)."""
        while self.settings_grid.count():
            item = self.settings_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.setting_widgets = {}
        self._settings_kind = kind
        for row, setting in enumerate(settings_of(kind)):
            widget = self._setting_widget(setting)
            self.setting_widgets[setting.name] = widget
            widget.setToolTip(setting.name)  # PyTorch's own name for it
            if isinstance(widget, QCheckBox):
                self.settings_grid.addWidget(widget, row, 0, 1, 3)
            else:
                self.settings_grid.addWidget(QLabel(setting_label(setting.name)), row, 0)
                self.settings_grid.addWidget(widget, row, 1)

    def _setting_widget(self, setting: Setting) -> QWidget:
        name = setting.name
        if setting.form == "switch":
            box = QCheckBox(setting_label(name))
            box.toggled.connect(lambda checked, n=name: self._on_q_setting(n, checked))
            return box
        if setting.form == "choice":
            combo = _narrow(QComboBox())
            for value in setting.choices:
                combo.addItem(choice_label(name, value), value)
            combo.currentIndexChanged.connect(
                lambda _index, n=name, c=combo: self._on_q_setting(n, c.currentData())
            )
            return combo
        if setting.form == "number":
            number = QDoubleSpinBox(minimum=SLOPE_RANGE[0], maximum=SLOPE_RANGE[1])
            number.setDecimals(3)
            number.setSingleStep(0.01)
            number.setKeyboardTracking(False)
            number.valueChanged.connect(lambda value, n=name: self._on_q_setting(n, value))
            return number
        limit = setting.limit
        low, high = (limit.minimum, limit.maximum) if limit is not None else (0, 99)
        optional = setting.form == "optional pair"
        spin = QSpinBox(minimum=low - 1 if optional else low, maximum=high)
        if optional:
            #: A pool's stride when none is set: the window's size (PyTorch's default).
            spin.setSpecialValueText(self.tr("= window"))
        spin.setKeyboardTracking(False)  # a typed number applies on Enter
        spin.valueChanged.connect(
            lambda value, n=name, s=spin, o=optional: self._on_q_pair(
                n, None if o and value == s.minimum() else value
            )
        )
        return spin

    # ------------------------------------------------------------ widgets → model

    def _try(self, edit: Callable[..., None], *args: Any, **kwargs: Any) -> bool:
        """Make an edit; a refused one is reported and the panel shows the scene again."""
        try:
            edit(*args, **kwargs)
        except EditError as exc:
            self._report(str(exc))
            self.set_scene()
            return False
        return True

    def _on_q_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self._try(self._document.select_layer, row):
            self._studio.show_layer(row)

    def _on_q_item_clicked(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if row == self._document.scene.focus:
            self._studio.show_layer(row)

    def _on_q_add(self, kind: str) -> None:
        if self._try(self._document.add_layer, kind):
            self._studio.show_layer(self._document.scene.focus)

    def _on_q_remove(self) -> None:
        self._try(self._document.remove_layer, self._document.scene.focus)

    def _on_q_move(self, delta: int) -> None:
        self._try(self._document.move_layer, self._document.scene.focus, delta)

    def _on_q_type_changed(self, _index: int) -> None:
        self._try(
            self._document.set_layer_type, self._document.scene.focus, self.type.currentData()
        )

    def _on_q_pair(self, name: str, rows: int | None) -> None:
        """One box for rows and columns: the columns follow while the two are equal (a
        file's 2×3 window keeps its 3 when the rows change)."""
        layer = self._document.scene.layers[self._document.scene.focus]
        old = layer_values(layer).get(name)
        if rows is None or old is None or old[0] == old[1]:
            self._on_q_setting(name, rows)
        else:
            self._on_q_setting(name, (rows, old[1]))

    def _on_q_setting(self, name: str, value: Any) -> None:
        # Through the studio: a layer whose steps change keeps a sensible position.
        self._try(self._studio.update_layer, self._document.scene.focus, **{name: value})


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo box that never widens the side panel: its longest choice ("transposed
    convolution") may be cut in the box, and is whole in the list."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo
