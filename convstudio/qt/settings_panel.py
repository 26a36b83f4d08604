"""The layer's settings, and the output-size formula written out with their numbers.

Layer: channels (or RGB), kernels, groups, bias, true convolution. Window: padding,
stride and dilation for rows and columns, and the padding mode. A pair of spin boxes
moves together while the two are equal; changing the columns box alone makes them differ.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engine import PADDING_MODES, GroupsError
from ..model import RGB, EditError, Studio, explain_size, limits
from ..model.document import kept
from ..model.limits import Limit
from ..model.refusals import reason_text
from ..model.scene import Scene
from ..model.words import counted
from . import style
from .binding import bind

# (label, padding value, tooltip); "number" takes the spin boxes' values.
# Labels and tooltips are translated where they are shown (context "SettingsPanel").
PADDING_CHOICES = (
    (
        QT_TRANSLATE_NOOP("SettingsPanel", "valid"),
        "valid",
        QT_TRANSLATE_NOOP("SettingsPanel", "No padding: the window stays inside the input"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsPanel", "same"),
        "same",
        QT_TRANSLATE_NOOP(
            "SettingsPanel", "Pad so that the output is as large as the input (stride 1 only)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsPanel", "full"),
        "full",
        QT_TRANSLATE_NOOP(
            "SettingsPanel", "Pad so that every partial overlap counts: d·(f−1) on each side"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsPanel", "a number"),
        "number",
        QT_TRANSLATE_NOOP("SettingsPanel", "Pad with the rings set beside"),
    ),
)
MODE_TIPS = {
    "zeros": QT_TRANSLATE_NOOP("SettingsPanel", "Padded cells are 0"),
    "reflect": QT_TRANSLATE_NOOP(
        "SettingsPanel", "Padded cells mirror the input, without repeating the edge"
    ),
    "replicate": QT_TRANSLATE_NOOP("SettingsPanel", "Padded cells repeat the nearest edge cell"),
    "circular": QT_TRANSLATE_NOOP("SettingsPanel", "Padded cells wrap around from the other side"),
}


def _spin(limit: Limit, tip: str) -> QSpinBox:
    """A spin box over *limit*'s range: the model, not the widget, says what is allowed."""
    spin = QSpinBox(minimum=limit.minimum, maximum=limit.maximum)
    spin.setToolTip(tip)
    spin.setKeyboardTracking(False)  # a typed number applies on Enter, not digit by digit
    return spin


class SettingsPanel(QWidget):
    """Every setting of the layer, the live size formula, and why settings are impossible.

    Parameters
    ----------
    studio
        The studio to show and edit.
    report
        Called with a sentence when a change is refused or adjusted.
    """

    def __init__(
        self,
        studio: Studio,
        report: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report or (lambda _text: None)
        self._studio = studio
        self._document = studio.document

        # Layer
        self.channels = _spin(
            limits.CHANNELS, self.tr("Input channels: {0}").format(limits.CHANNELS.words)
        )
        self.rgb = QCheckBox(self.tr("RGB"))
        self.rgb.setToolTip(self.tr("Three channels named R, G and B, like a colour image"))
        self.kernels = _spin(
            limits.KERNELS, self.tr("Kernels: each makes one output map (channel)")
        )
        self.groups = _spin(
            limits.GROUPS, self.tr("Groups: each kernel sees channels/groups channels")
        )
        self.bias = QCheckBox(self.tr("bias"))
        self.bias.setToolTip(self.tr("Add one number per kernel to its map"))
        self.flip = QCheckBox(self.tr("true convolution"))
        self.flip.setToolTip(
            self.tr(
                "Flip the kernel before sliding it, as mathematics does; deep learning does not "
                "(cross-correlation). The equation shows the weights actually used."
            )
        )
        # Window
        self.padding = QComboBox()
        for index, (label, value, tip) in enumerate(PADDING_CHOICES):
            self.padding.addItem(QCoreApplication.translate("SettingsPanel", label), value)
            self.padding.setItemData(
                index, QCoreApplication.translate("SettingsPanel", tip), Qt.ItemDataRole.ToolTipRole
            )
        self.padding_amount = _spin(limits.PADDING, self.tr("Rings of padding above and below"))
        self.padding_cols = _spin(limits.PADDING, self.tr("Rings of padding left and right"))
        self.stride = _spin(limits.STRIDE, self.tr("How many rows the window moves at each step"))
        self.stride_cols = _spin(limits.STRIDE, self.tr("How many columns the window moves"))
        self.dilation = _spin(limits.DILATION, self.tr("Rows between the kernel's taps"))
        self.dilation_cols = _spin(limits.DILATION, self.tr("Columns between the kernel's taps"))
        self.mode = QComboBox()
        for index, mode in enumerate(PADDING_MODES):
            self.mode.addItem(mode, mode)
            self.mode.setItemData(
                index,
                QCoreApplication.translate("SettingsPanel", MODE_TIPS[mode]),
                Qt.ItemDataRole.ToolTipRole,
            )
        # Consequences
        self.formula_rows = QLabel()
        self.formula_cols = QLabel()
        self.groups_note = QLabel()
        self.notes = QLabel()
        self.error = QLabel()
        # The side panel is narrow: long formulas (two-digit sizes) wrap rather than cut.
        for label in (
            self.formula_rows,
            self.formula_cols,
            self.groups_note,
            self.notes,
            self.error,
        ):
            label.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.ERROR_FG.name()}; font-weight: bold;")

        layer = QGridLayout()
        layer.addWidget(QLabel(self.tr("Channels")), 0, 0)
        layer.addWidget(self.channels, 0, 1)
        layer.addWidget(self.rgb, 0, 2, 1, 2)
        layer.addWidget(QLabel(self.tr("Kernels")), 1, 0)
        layer.addWidget(self.kernels, 1, 1)
        layer.addWidget(self.bias, 1, 2, 1, 2)
        layer.addWidget(QLabel(self.tr("Groups")), 2, 0)
        layer.addWidget(self.groups, 2, 1)
        layer.addWidget(self.flip, 3, 0, 1, 4)
        layer.setColumnStretch(3, 1)
        window = QGridLayout()
        window.addWidget(QLabel(self.tr("rows")), 0, 2)
        window.addWidget(QLabel(self.tr("cols")), 0, 3)
        window.addWidget(QLabel(self.tr("Padding")), 1, 0)
        window.addWidget(self.padding, 1, 1)
        window.addWidget(self.padding_amount, 1, 2)
        window.addWidget(self.padding_cols, 1, 3)
        window.addWidget(QLabel(self.tr("Stride")), 2, 0)
        window.addWidget(self.stride, 2, 2)
        window.addWidget(self.stride_cols, 2, 3)
        window.addWidget(QLabel(self.tr("Dilation")), 3, 0)
        window.addWidget(self.dilation, 3, 2)
        window.addWidget(self.dilation_cols, 3, 3)
        window.addWidget(QLabel(self.tr("Pad with")), 4, 0)
        window.addWidget(self.mode, 4, 1)
        window.setColumnStretch(4, 1)

        # Three parts the window may place apart (tabs, and the formula under the output);
        # on its own the panel stacks them.
        self.title = QLabel(self.tr("Layer"))
        self.window_title = QLabel(self.tr("Window"))
        self.size_title = QLabel(self.tr("Output size"))
        self.size_rule = QLabel("⌊(n + 2p − f)/s⌋ + 1")
        self.layer_page = _page(self.title, layer, self.groups_note)
        self.window_page = _page(self.window_title, window)
        self.size_box = _page(
            self.size_title,
            self.size_rule,
            self.formula_rows,
            self.formula_cols,
            self.notes,
            self.error,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for page in (self.window_page, self.layer_page, self.size_box):
            layout.addWidget(page)
        layout.addStretch(1)

        self.channels.valueChanged.connect(self._on_q_channels_changed)
        self.rgb.toggled.connect(self._on_q_rgb_toggled)
        self.kernels.valueChanged.connect(self._on_q_kernels_changed)
        self.groups.valueChanged.connect(self._on_q_groups_changed)
        self.bias.toggled.connect(self._on_q_bias_toggled)
        self.flip.toggled.connect(self._document.set_flip)
        self.padding.currentIndexChanged.connect(self._on_q_padding_choice_changed)
        self.padding_amount.valueChanged.connect(self._on_q_padding_rows_changed)
        self.padding_cols.valueChanged.connect(self._on_q_padding_cols_changed)
        self.stride.valueChanged.connect(self._on_q_stride_rows_changed)
        self.stride_cols.valueChanged.connect(self._on_q_stride_cols_changed)
        self.dilation.valueChanged.connect(self._on_q_dilation_rows_changed)
        self.dilation_cols.valueChanged.connect(self._on_q_dilation_cols_changed)
        self.mode.currentIndexChanged.connect(self._on_q_mode_changed)
        bind(self, self._document.evaluation_changed, self.set_scene)
        self.set_zoom(1.0)
        self.set_scene()

    def set_zoom(self, zoom: float) -> None:
        for title in (self.title, self.window_title, self.size_title):
            title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        for label in (self.size_rule, self.formula_rows, self.formula_cols):
            label.setFont(style.font(style.UI_PT + 2, zoom=zoom))
        for label in (self.groups_note, self.notes, self.error):
            label.setFont(style.font(style.UI_PT, zoom=zoom))

    # ------------------------------------------------------------ model → widgets

    def _controls(self) -> list[QWidget]:
        return [
            self.channels, self.rgb, self.kernels, self.groups, self.bias, self.flip,
            self.padding, self.padding_amount, self.padding_cols, self.stride,
            self.stride_cols, self.dilation, self.dilation_cols, self.mode,
        ]  # fmt: skip

    def set_scene(self, evaluation: object = None) -> None:
        """Show the scene's settings and their consequences; never writes the document."""
        scene: Scene = self._document.scene
        blockers = [QSignalBlocker(w) for w in self._controls()]
        try:
            self._show_settings(scene)
        finally:
            del blockers
        # Transposed convolutions alone: no convolution for these settings to change.
        for widget in self._controls()[2:]:
            widget.setEnabled(scene.has_conv)
        self._show_consequences(scene)

    def _show_settings(self, scene: Scene) -> None:
        channels = scene.input.shape[0]
        self.channels.setValue(channels)
        self.rgb.setChecked(scene.channel_names == RGB)
        self.kernels.setValue(scene.kernels.shape[0])
        self.groups.setValue(scene.groups)
        self.bias.setChecked(scene.bias is not None)
        self.flip.setChecked(scene.flip)
        if isinstance(scene.padding, str):
            choice = scene.padding
            problem = self._studio.evaluation.problem
            if problem is not None:
                rings = (problem.geometry.pad_top, problem.geometry.pad_left)
            else:
                rings = _word_rings(scene)
        else:
            # Padding 0 is what "valid" means: show the word the lesson uses.
            choice = "valid" if scene.padding == (0, 0) else "number"
            rings = scene.padding
        self.padding.setCurrentIndex(self.padding.findData(choice))
        self.padding_amount.setValue(rings[0])
        self.padding_cols.setValue(rings[1])
        self.stride.setValue(scene.stride[0])
        self.stride_cols.setValue(scene.stride[1])
        self.dilation.setValue(scene.dilation[0])
        self.dilation_cols.setValue(scene.dilation[1])
        self.mode.setCurrentIndex(self.mode.findData(scene.padding_mode))

    def _show_consequences(self, scene: Scene) -> None:
        explanation = explain_size(scene)
        rows = cols = ""
        notes: list[str] = []
        if explanation is not None:
            rows = self.tr("rows:     ") + explanation.formulas[0]
            cols = self.tr("columns: ") + explanation.formulas[1]
            notes = list(explanation.notes)
        self.formula_rows.setText(rows)
        self.formula_cols.setText(cols)
        self.size_rule.setVisible(scene.has_conv)  # no convolution: no size of one
        problem = self._studio.evaluation.problem
        if problem is not None and (
            problem.geometry.unreached(0).size or problem.geometry.unreached(1).size
        ):
            notes.append(self.tr("Hatched input cells are never used."))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.groups_note.setText(_groups_note(scene))
        self.groups_note.setVisible(bool(self.groups_note.text()))
        error = self._studio.evaluation.error
        message = ""
        if error is not None:  # a scene opened impossible: edits may mend it
            message = self.tr("{0}{1} The output stays empty until this is fixed.").format(
                reason_text(error, scene.layers), _same_hint(scene)
            )
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # ------------------------------------------------------------ widgets → model

    def _apply(self, **settings: object) -> bool:
        return self._try(self._document.update_settings, **settings)

    def _try(self, edit: Callable[..., None], *args: object, **kwargs: object) -> bool:
        """Make an edit; a refused one is reported and the controls show the scene again."""
        try:
            edit(*args, **kwargs)
        except EditError as exc:
            scene = self._document.scene
            wanted = kwargs.get("padding", scene.padding)
            stride = kwargs.get("stride", scene.stride)
            cause = exc.__cause__
            hint = ""
            if wanted == "same" and cause is not None:
                hint = _same_hint(scene.replace(padding=wanted, stride=stride))
            elif isinstance(cause, GroupsError):
                hint = _groups_hint(cause)
            # What to do instead goes before "the settings stay as they were".
            self._report(kept(f"{reason_text(cause)}{hint}") if hint else str(exc))
            self.set_scene()
            return False
        return True

    def _on_q_channels_changed(self, value: int) -> None:
        self._keeping_groups(self._document.set_channels, value)

    def _on_q_rgb_toggled(self, checked: bool) -> None:
        channels = self._document.scene.input.shape[0]
        if checked:
            self._keeping_groups(self._document.set_channels, 3, RGB)
        else:
            self._keeping_groups(self._document.set_channels, channels)

    def _on_q_kernels_changed(self, value: int) -> None:
        self._keeping_groups(self._document.set_kernel_count, value)

    def _keeping_groups(self, edit: Callable[..., None], *args: object) -> None:
        """Make a channel or kernel count edit; say so if the groups had to go back to 1."""
        groups = self._document.scene.groups
        if self._try(edit, *args) and groups > 1 and self._document.scene.groups == 1:
            scene = self._document.scene
            self._report(
                self.tr(
                    "{0} groups do not divide {1} and {2}, so the groups are back to 1. "
                    "Ctrl+Z undoes this."
                ).format(
                    groups,
                    counted(scene.input.shape[0], "channel"),
                    counted(scene.kernels.shape[0], "kernel"),
                )
            )

    def _on_q_groups_changed(self, value: int) -> None:
        self._apply(groups=value)

    def _on_q_bias_toggled(self, checked: bool) -> None:
        self._try(self._document.set_bias_enabled, checked)

    def _on_q_mode_changed(self, _index: int) -> None:
        self._apply(padding_mode=self.mode.currentData())

    def _on_q_padding_choice_changed(self, _index: int) -> None:
        choice = self.padding.currentData()
        if choice == "number":
            # Choosing "a number" should visibly pad: start from 1 ring, not 0.
            rows = max(1, self.padding_amount.value())
            cols = max(1, self.padding_cols.value())
            self._apply(padding=(rows, cols))
        else:
            self._apply(padding=choice)

    def _numeric_padding(self) -> tuple[int, int]:
        scene = self._document.scene
        if isinstance(scene.padding, str):
            return self.padding_amount.value(), self.padding_cols.value()
        return scene.padding

    def _on_q_padding_rows_changed(self, value: int) -> None:
        self._apply(padding=_linked(self._numeric_padding(), value))

    def _on_q_padding_cols_changed(self, value: int) -> None:
        self._apply(padding=(self._numeric_padding()[0], value))

    def _on_q_stride_rows_changed(self, value: int) -> None:
        self._set_stride(_linked(self._document.scene.stride, value))

    def _on_q_stride_cols_changed(self, value: int) -> None:
        self._set_stride((self._document.scene.stride[0], value))

    def _set_stride(self, stride: tuple[int, int]) -> None:
        scene = self._document.scene
        if scene.padding == "same" and stride != (1, 1):
            # 'same' is defined for stride 1 only (as in PyTorch). Rather than an empty
            # output, keep the rings 'same' added, so the class sees the formula change.
            rings = _same_rings(scene)
            if self._apply(stride=stride, padding=rings):
                self._report(
                    self.tr(
                        "'same' padding exists only for stride 1 (as in PyTorch), so the padding "
                        "is now the {0} 'same' added. Ctrl+Z undoes this."
                    ).format(counted(rings[0], "ring"))
                )
            return
        self._apply(stride=stride)

    def _on_q_dilation_rows_changed(self, value: int) -> None:
        self._apply(dilation=_linked(self._document.scene.dilation, value))

    def _on_q_dilation_cols_changed(self, value: int) -> None:
        self._apply(dilation=(self._document.scene.dilation[0], value))


def _groups_hint(error: GroupsError) -> str:
    """Which count to change first so that *error*'s groups divide both."""
    groups = error.groups
    if groups > 1 and error.in_channels % groups == 0:
        return QCoreApplication.translate(
            "settings_panel", " Set the kernels to a multiple of {0} first, then the groups."
        ).format(groups)
    return ""


def _same_hint(scene: Scene) -> str:
    """What to choose instead of 'same' padding at a stride above 1 ('' otherwise)."""
    if scene.padding != "same" or scene.stride == (1, 1):
        return ""
    rings = _same_rings(scene)[0]
    if rings:
        return QCoreApplication.translate(
            "settings_panel", " For the {0} 'same' adds at stride 1, choose “a number” and {1}."
        ).format(counted(rings, "ring"), rings)
    return QCoreApplication.translate(
        "settings_panel", " With this kernel 'same' adds no padding: choose “valid”."
    )


def _page(*parts: QWidget | QGridLayout) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    for part in parts:
        if isinstance(part, QGridLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addStretch(1)
    return page


def _linked(old: tuple[int, int], rows: int) -> tuple[int, int]:
    """A new rows value; the columns follow while the two were equal."""
    return (rows, rows) if old[0] == old[1] else (rows, old[1])


def _word_rings(scene: Scene) -> tuple[int, int]:
    """The rings (before the input) that a padding word stands for, worked out by hand
    for when the engine cannot: the settings are impossible for another reason."""
    kh, kw = scene.kernels.shape[2:]
    if scene.padding == "full":
        return (kh - 1) * scene.dilation[0], (kw - 1) * scene.dilation[1]
    if scene.padding == "same":
        return _same_rings(scene)
    return 0, 0


def _same_rings(scene: Scene) -> tuple[int, int]:
    """The rings 'same' adds before the input (rows, columns) at stride 1."""
    kh, kw = scene.kernels.shape[2:]
    return (kh - 1) * scene.dilation[0] // 2, (kw - 1) * scene.dilation[1] // 2


def _channel_name(scene: Scene, channel: int) -> str:
    return scene.channel_names[channel] if scene.channel_names else str(channel + 1)


def _groups_note(scene: Scene) -> str:
    """Which input channels each kernel sees, when that is not simply all of them."""
    channels = scene.input.shape[0]
    kernels = scene.kernels.shape[0]
    groups = scene.groups
    if groups == 1 or channels % groups or kernels % groups:
        return ""
    per_group, kernels_per_group = channels // groups, kernels // groups
    parts = []
    for kernel in range(kernels):
        first = kernel // kernels_per_group * per_group
        seen = ", ".join(_channel_name(scene, c) for c in range(first, first + per_group))
        word = (
            QCoreApplication.translate("settings_panel", "channel")
            if per_group == 1
            else QCoreApplication.translate("settings_panel", "channels")
        )
        parts.append(
            QCoreApplication.translate("settings_panel", "kernel {0} sees {1} {2}").format(
                kernel + 1, word, seen
            )
        )
    kind = (
        QCoreApplication.translate("settings_panel", " (depthwise)") if groups == channels else ""
    )
    return (
        QCoreApplication.translate("settings_panel", "{0} groups{1}: ").format(groups, kind)
        + "; ".join(parts)
        + "."
    )
