"""Padding and stride, and the output-size formula written out with their numbers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ..model import Studio, explain_size
from ..model.scene import Scene
from . import style
from .binding import bind

# (label, padding value); "number" takes the spin box's value.
PADDING_CHOICES = (
    ("valid", "valid", "No padding: the window stays inside the input"),
    ("same", "same", "Pad so that the output is as large as the input (stride 1 only)"),
    ("full", "full", "Pad so that every partial overlap counts: d·(f−1) on each side"),
    ("a number", "number", "Pad with the number of rings set below"),
)


class SettingsPanel(QWidget):
    """Padding and stride controls, the live size formula, and why settings are impossible."""

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
        self.padding = QComboBox()
        for index, (label, value, tip) in enumerate(PADDING_CHOICES):
            self.padding.addItem(label, value)
            self.padding.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        self.padding_amount = QSpinBox(minimum=0, maximum=16)
        self.padding_amount.setToolTip("Rings of padding added around the input")
        self.stride = QSpinBox(minimum=1, maximum=8)
        self.stride.setToolTip("How many cells the window moves at each step")
        self.formula_rows = QLabel()
        self.formula_cols = QLabel()
        self.notes = QLabel()
        self.error = QLabel()
        for label in (self.notes, self.error):
            label.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.ERROR_FG.name()}; font-weight: bold;")

        # Spin boxes apply a typed number on Enter, not digit by digit.
        for spin in (self.padding_amount, self.stride):
            spin.setKeyboardTracking(False)
        controls = QGridLayout()
        controls.addWidget(QLabel("Padding"), 0, 0)
        controls.addWidget(self.padding, 0, 1)
        controls.addWidget(QLabel("rings"), 0, 2)
        controls.addWidget(self.padding_amount, 0, 3)
        controls.addWidget(QLabel("Stride"), 1, 0)
        controls.addWidget(self.stride, 1, 1, Qt.AlignmentFlag.AlignLeft)
        controls.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("Settings")
        layout.addWidget(self.title)
        layout.addLayout(controls)
        self.size_title = QLabel("Output size  ⌊(n + 2p − f)/s⌋ + 1")
        layout.addWidget(self.size_title)
        layout.addWidget(self.formula_rows)
        layout.addWidget(self.formula_cols)
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.padding.currentIndexChanged.connect(self._on_q_padding_choice_changed)
        self.padding_amount.valueChanged.connect(self._on_q_padding_amount_changed)
        self.stride.valueChanged.connect(self._on_q_stride_changed)
        bind(self, self._document.evaluation_changed, self.set_scene)
        self.set_zoom(1.0)
        self.set_scene()

    def set_zoom(self, zoom: float) -> None:
        for title in (self.title, self.size_title):
            title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        for label in (self.formula_rows, self.formula_cols):
            label.setFont(style.font(style.UI_PT + 2, zoom=zoom))
        for label in (self.notes, self.error):
            label.setFont(style.font(style.UI_PT, zoom=zoom))

    def set_scene(self, evaluation: object = None) -> None:
        """Show the scene's settings and their consequences; never writes the document."""
        scene: Scene = self._document.scene
        with (
            QSignalBlocker(self.padding),
            QSignalBlocker(self.padding_amount),
            QSignalBlocker(self.stride),
        ):
            if isinstance(scene.padding, str):
                choice = scene.padding
                problem = self._studio.evaluation.problem
                if problem is not None:
                    self.padding_amount.setValue(problem.geometry.pad_top)
                elif scene.padding == "same":
                    self.padding_amount.setValue(_same_rings(scene)[0])
            else:
                # Padding 0 is what "valid" means: show the word the lesson uses.
                choice = "valid" if scene.padding == (0, 0) else "number"
                self.padding_amount.setValue(scene.padding[0])
            self.padding.setCurrentIndex(self.padding.findData(choice))
            self.stride.setValue(scene.stride[0])
        explanation = explain_size(scene)
        rows = cols = ""
        notes: list[str] = []
        if explanation is not None:
            rows = "rows:     " + explanation.formulas[0]
            cols = "columns: " + explanation.formulas[1]
            notes = explanation.notes
        self.formula_rows.setText(rows)
        self.formula_cols.setText(cols)
        problem = self._studio.evaluation.problem
        if problem is not None and (
            problem.geometry.unreached(0).size or problem.geometry.unreached(1).size
        ):
            notes.append("Hatched input cells are never used.")
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        error = self._studio.evaluation.error
        message = ""
        if error is not None:
            message = str(error)
            if scene.padding == "same" and scene.stride != (1, 1):
                rings = _same_rings(scene)[0]
                if rings:
                    message += (
                        f" For the {rings} ring(s) 'same' adds at stride 1, choose “a number”"
                        f" and {rings}."
                    )
                else:
                    message += " With this kernel 'same' adds no padding: choose “valid”."
            message += " The output stays empty until this is fixed."
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _on_q_padding_choice_changed(self, _index: int) -> None:
        choice = self.padding.currentData()
        if choice == "number":
            # Choosing "a number" should visibly pad: start from 1 ring, not 0.
            self._document.update_settings(padding=max(1, self.padding_amount.value()))
        else:
            self._document.update_settings(padding=choice)

    def _on_q_padding_amount_changed(self, value: int) -> None:
        self._document.update_settings(padding=value)

    def _on_q_stride_changed(self, value: int) -> None:
        scene = self._document.scene
        if scene.padding == "same" and value > 1:
            # 'same' is defined for stride 1 only (as in PyTorch). Rather than an empty
            # output, keep the rings 'same' added, so the class sees the formula change.
            rings = _same_rings(scene)
            self._document.update_settings(stride=value, padding=rings)
            self._report(
                f"'same' padding exists only for stride 1 (as in PyTorch), so the padding is "
                f"now the {rings[0]} ring(s) 'same' added. Ctrl+Z undoes this."
            )
            return
        self._document.update_settings(stride=value)


def _same_rings(scene: Scene) -> tuple[int, int]:
    """The rings 'same' adds before the input (rows, columns) at stride 1."""
    kh, kw = scene.kernels.shape[2:]
    return (kh - 1) * scene.dilation[0] // 2, (kw - 1) * scene.dilation[1] // 2
