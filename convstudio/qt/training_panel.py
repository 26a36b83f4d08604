"""The Training panel: the target, the learning rate, momentum and N, play N steps at
speed with the loss curve live, step back through earlier training steps and reset.

It lives in a dock under the stage (View ▸ Training, T): a curve reads best wide, the
class sees it with the kernels and maps the stage updates, and it stays when the side
panel (an editing tool) is hidden. The session is the model's
(:class:`~convstudio.model.trainer.TrainingSession`); :class:`TrainingDriver` owns the
timer that ticks it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model import EditError, Studio, format_number
from ..model.backward import backward_of
from ..model.numbers import plain_decimal
from ..model.presets import KernelPreset, builtin_presets
from ..model.trainer import (
    MAX_MOMENTUM,
    MAX_STEPS,
    PLAY_RATE,
    TrainingSession,
    TrainingState,
    loss_text,
    steps_due,
    training_of,
)
from ..model.words import preset_text
from . import style
from .binding import bind
from .cells import LOOK_ROLE, AnyIndex, CellLook, GridModel, NumberTable

if TYPE_CHECKING:
    from .loss_curve import LossCurve

TICK_MS = 15  # PLAY_RATE's ticks: the driver catches up when ticks run late
MAX_STEPS_PER_TICK = 200  # a stalled window does not then run hundreds of steps at once


class TrainingDriver(QObject):
    """Owns the timer that ticks a :class:`TrainingSession` while it plays: one training
    step per tick, or more when ticks come late, so that a run plays at least
    :data:`~convstudio.model.trainer.MIN_RATE` steps per second."""

    def __init__(self, session: TrainingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._started = 0.0
        self._from = 0
        bind(self, session.state_changed, self._on_state_changed)
        # Made again with the views (a new language) while a run plays: it goes on.
        self._on_state_changed(session.state)

    def _on_state_changed(self, state: TrainingState) -> None:
        if state is TrainingState.PLAYING:
            self._started = time.perf_counter()
            self._from = self._session.position
            self.timer.start()
        else:
            self.timer.stop()

    def tick(self) -> None:
        """Do the training steps due now (see :func:`~convstudio.model.trainer.steps_due`)."""
        session = self._session
        elapsed = time.perf_counter() - self._started
        due = steps_due(elapsed, session.position - self._from, PLAY_RATE)
        session.tick(min(due, MAX_STEPS_PER_TICK))


_MARKED = CellLook(background=style.CURRENT_BG, border=True)


class TargetModel(GridModel):
    """Channel *channel* of the scene's target T, read-only."""

    def __init__(self, studio: Studio, channel: int) -> None:
        super().__init__()
        self._studio = studio
        self._channel = channel
        self._values = np.zeros((0, 0))
        self._load()
        # A loss step of the backward pass reads T beside Y: its cell is marked here.
        self._backward = backward_of(studio)
        self._marked = self._marked_now()
        bind(self, studio.frame_changed, self._on_frame_changed)

    def _marked_now(self) -> tuple[int, int] | None:
        cell = self._backward.target_cell()
        if cell is None or cell[0] != self._channel or not self._values.size:
            return None
        return cell[1], cell[2]

    def _on_frame_changed(self) -> None:
        old, self._marked = self._marked, self._marked_now()
        rows, cols = self._values.shape
        for cell in {old, self._marked} - {None}:
            if cell is not None and cell[0] < rows and cell[1] < cols:
                self.dataChanged.emit(self.index(*cell), self.index(*cell))

    def _load(self) -> None:
        target = self._studio.document.scene.target
        if target is None or self._channel >= target.shape[0]:
            self._values = np.zeros((0, 0))
        else:
            self._values = np.asarray(target[self._channel])

    def reload(self) -> None:
        """Show the scene's target again (a new target, or a new shape)."""
        old = self._values
        self._load()
        if old.shape != self._values.shape:
            self.beginResetModel()
            self.endResetModel()
        elif not np.array_equal(old, self._values) and self._values.size:
            rows, cols = self._values.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
        self.content_changed.emit()

    def values(self) -> np.ndarray:
        """The numbers shown (for tests)."""
        return self._values

    def shape(self) -> tuple[int, int]:
        rows, cols = self._values.shape
        return rows, cols

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        return {format_number(v) for v in np.unique(self._values)}, ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == LOOK_ROLE:
            return _MARKED if (index.row(), index.column()) == self._marked else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return format_number(float(self._values[index.row(), index.column()]))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TrainingPanel(QWidget):
    """Target, learning rate, momentum, N; play, one step, back, forward, reset; the loss
    with its formula and numbers, the target's numbers and the loss curve.

    Parameters
    ----------
    studio
        The studio whose scene is trained.
    report
        Called with a sentence when something is refused, or a run stops on its own.
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
        self.session = training_of(studio)
        self._report = report or (lambda _text: None)
        self._zoom = 1.0
        self.curve: LossCurve | None = None  # made when first shown (pyqtgraph then)
        self._shown_target: object = _NOTHING
        self._rng: np.random.Generator | None = None  # tests seed the scramble
        self.driver = TrainingDriver(self.session, self)

        # Target and kernels: what gradient descent starts from and aims at.
        #: Followed by two buttons: "the current kernels' output", "a preset's output".
        self.target_label = QLabel(self.tr("Target T ="))
        self.target_button = QToolButton()
        self.target_button.setText(self.tr("the current kernels' output"))
        self.target_button.setToolTip(
            self.tr("Set the target T to what the current kernels produce")
        )
        self.preset_button = QToolButton()
        self.preset_button.setText(self.tr("a preset's output"))
        self.preset_button.setToolTip(
            self.tr("Set the target T to what a preset kernel produces (the kernels stay)")
        )
        self.preset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.preset_menu = QMenu(self.preset_button)
        self._fill_presets(builtin_presets())
        self.preset_button.setMenu(self.preset_menu)
        self.kernels_label = QLabel(self.tr("Kernels:"))
        self.scramble_button = QToolButton()
        self.scramble_button.setText(self.tr("Scramble"))
        self.scramble_button.setToolTip(
            self.tr(
                "Random weights in every convolution, as PyTorch starts a layer "
                "(rounded to two decimals)"
            )
        )
        self.zero_button = QToolButton()
        self.zero_button.setText(self.tr("Zero"))
        self.zero_button.setToolTip(self.tr("Every weight and bias of every convolution 0"))

        self.rate_label = QLabel(self.tr("Learning rate η"))
        self.rate = QLineEdit()
        self.rate.setToolTip(self.tr("η in W ← W − η·dL/dW; type e.g. 1e-6 or 0.000001"))
        self.momentum_label = QLabel(self.tr("Momentum μ"))
        self.momentum = QDoubleSpinBox(minimum=0.0, maximum=MAX_MOMENTUM)
        self.momentum.setDecimals(2)
        self.momentum.setSingleStep(0.1)
        self.momentum.setKeyboardTracking(False)
        self.momentum.setSpecialValueText(self.tr("off"))
        self.momentum.setToolTip(self.tr("v ← μ·v + dL/dW, W ← W − η·v; off: plain descent"))
        self.steps_label = QLabel(self.tr("Steps N"))
        self.steps = QSpinBox(minimum=1, maximum=MAX_STEPS)
        self.steps.setKeyboardTracking(False)
        self.steps.setToolTip(self.tr("How many training steps Play does"))

        icons = self.style()
        self.reset_button = self._button(
            QStyle.StandardPixmap.SP_MediaSkipBackward, self.tr("Reset to the starting weights")
        )
        self.back_button = self._button(
            QStyle.StandardPixmap.SP_MediaSeekBackward, self.tr("The training step before")
        )
        self.play_button = self._button(
            QStyle.StandardPixmap.SP_MediaPlay, self.tr("Play N training steps (Shift+Space)")
        )
        self.step_button = QToolButton()
        self.step_button.setText(self.tr("+1 step"))
        self.step_button.setToolTip(self.tr("One training step now"))
        self.step_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forward_button = self._button(
            QStyle.StandardPixmap.SP_MediaSeekForward, self.tr("The training step after")
        )
        self._play_icon = icons.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = icons.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.position_label = QLabel()
        self.loss_label = QLabel()
        self.loss_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {style.ERROR_FG.name()};")

        self.target_title = QLabel(self.tr("Target T"))
        self.no_target = QLabel(self.tr("No target yet: set one with the buttons."))
        self.no_target.setWordWrap(True)
        self.target_grids: list[NumberTable] = []
        self._target_box = QHBoxLayout()
        self._target_box.setContentsMargins(0, 0, 0, 0)

        # Five short rows: the dock leaves the stage its height on a 720-pixel screen.
        controls = QGridLayout()
        controls.setVerticalSpacing(2)
        controls.addWidget(self.target_label, 0, 0)
        controls.addWidget(self.target_button, 0, 1, 1, 2)
        controls.addWidget(self.preset_button, 0, 3, 1, 2)
        controls.addWidget(self.kernels_label, 1, 0)
        controls.addWidget(self.scramble_button, 1, 1, 1, 2)
        controls.addWidget(self.zero_button, 1, 3, 1, 2)
        controls.addWidget(self.rate_label, 2, 0)
        controls.addWidget(self.rate, 2, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        controls.addWidget(self.momentum_label, 2, 3)
        controls.addWidget(self.momentum, 2, 4)
        controls.addWidget(self.steps_label, 3, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.steps)
        for button in (
            self.reset_button,
            self.back_button,
            self.play_button,
            self.step_button,
            self.forward_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.position_label, 1)
        controls.addLayout(buttons, 3, 1, 1, 4)
        controls.addWidget(self.loss_label, 4, 0, 1, 5)
        controls.addWidget(self.status, 5, 0, 1, 5)
        controls.setRowStretch(6, 1)
        target_column = QVBoxLayout()
        target_column.addWidget(self.target_title)
        target_column.addWidget(self.no_target)
        target_column.addLayout(self._target_box)
        target_column.addStretch(1)
        self._curve_box = QVBoxLayout()
        self._curve_box.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(controls)
        layout.addLayout(target_column)
        layout.addLayout(self._curve_box, 1)

        self.target_button.clicked.connect(lambda: self._try(self.session.set_target_from_kernels))
        self.scramble_button.clicked.connect(
            lambda: self._try(self.session.scramble_kernels, self._rng)
        )
        self.zero_button.clicked.connect(lambda: self._try(self.session.zero_kernels))
        self.rate.editingFinished.connect(self._on_q_rate)
        self.momentum.valueChanged.connect(
            lambda value: self._try(self.session.set_momentum, value)
        )
        self.steps.valueChanged.connect(lambda value: self._try(self.session.set_steps, value))
        self.reset_button.clicked.connect(self.session.reset)
        self.back_button.clicked.connect(self.session.back)
        self.play_button.clicked.connect(lambda: self._try(self.session.toggle))
        self.step_button.clicked.connect(lambda: self._try(self.session.step))
        self.forward_button.clicked.connect(self.session.forward)
        bind(self, self.session.changed, self.set_session)
        bind(self, self.session.stopped, self._on_stopped)
        bind(self, self._document.scene_changed, self.set_target)
        self.set_zoom(1.0)
        self.set_target()
        self.set_session()

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows and Space belong to stepping
        return button

    def _fill_presets(self, presets: list[KernelPreset]) -> None:
        groups: dict[str, list[KernelPreset]] = {}
        for preset in presets:
            groups.setdefault(preset_text(preset.group) or self.tr("other"), []).append(preset)
        self.preset_actions = {}
        for group, members in groups.items():
            submenu = self.preset_menu.addMenu(group)
            for preset in members:
                action = submenu.addAction(preset_text(preset.name))
                action.triggered.connect(
                    lambda _=False, p=preset: self._try(self.session.set_target_from_preset, p)
                )
                self.preset_actions[preset.name] = action

    def set_zoom(self, zoom: float) -> None:
        """Text at the window's size times *zoom*; the loss larger, for the back row."""
        self._zoom = zoom
        self.setFont(style.font(style.UI_PT, zoom=zoom))
        self.target_title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.loss_label.setFont(style.font(style.EQUATION_PT, bold=True, zoom=zoom))
        self.position_label.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        for grid in self.target_grids:
            grid.set_zoom(0.6 * zoom)
        # As wide as a rate a class types (1e-06, 0.0005), not the row's width: the curve
        # beside takes the rest.
        typical = self.rate.fontMetrics().horizontalAdvance("0.000001") + 16
        self.rate.setMaximumWidth(typical)
        self.steps.setMaximumWidth(typical)
        if self.curve is not None:
            self.curve.set_zoom(zoom)

    # ------------------------------------------------------------ model → widgets

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.curve is None:
            from .loss_curve import LossCurve

            self.curve = LossCurve(self)
            self.curve.set_labels(self.tr("training step"), self.tr("loss L (log scale)"))
            self.curve.set_zoom(self._zoom)
            self._curve_box.addWidget(self.curve)
        self.set_session()

    def set_session(self) -> None:
        """Show the session: settings, step, loss, curve, buttons; never writes it."""
        session = self.session
        if not self.rate.hasFocus():
            self.rate.setText(_rate_text(session.learning_rate))
        with QSignalBlocker(self.momentum), QSignalBlocker(self.steps):
            self.momentum.setValue(session.momentum)
            self.steps.setValue(session.steps)
        playing = session.state is TrainingState.PLAYING
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setToolTip(
            self.tr("Pause (Shift+Space)")
            if playing
            else self.tr("Play N training steps (Shift+Space)")
        )
        has_history = session.last > 0
        self.reset_button.setEnabled(has_history and session.position > 0)
        self.back_button.setEnabled(has_history and session.position > 0)
        self.forward_button.setEnabled(session.position < session.last)
        if playing or session.state is TrainingState.PAUSED:
            #: {0} is the training step shown, {1} the step the run ends at.
            text = self.tr("Training step {0} of {1}").format(session.position, session.goal)
        else:
            text = self.tr("Training step {0}").format(session.position)
        self.position_label.setText(text)
        self.loss_label.setText(loss_text(session.loss))
        if session.state is not TrainingState.OVERFLOW:
            self.status.clear()
            self.status.hide()
        if self.curve is not None and self.isVisible():
            losses = session.losses
            if not losses and session.loss is not None:
                losses = [session.loss]
            self.curve.set_losses(losses, session.position, session.goal)

    def set_target(self, *_: object) -> None:
        """Show the target's numbers, a grid per channel; never writes the document."""
        target = self._document.scene.target
        shown = self._shown_target
        if shown is not _NOTHING and _same(shown, target):
            return  # a training step: new weights, the same target
        self._shown_target = target
        channels = 0 if target is None else target.shape[0]
        while len(self.target_grids) > channels:
            self.target_grids.pop().deleteLater()
        while len(self.target_grids) < channels:
            grid = NumberTable()
            grid.setModel(TargetModel(self._studio, len(self.target_grids)))
            grid.set_zoom(0.6 * self._zoom)
            grid.setEditTriggers(NumberTable.EditTrigger.NoEditTriggers)
            self._target_box.addWidget(grid)
            self.target_grids.append(grid)
        for grid in self.target_grids:
            model = grid.model()
            if isinstance(model, TargetModel):
                model.reload()
        self.no_target.setVisible(target is None)
        self.set_session()

    def _on_stopped(self, text: str) -> None:
        # Said once, here under the loss where the class is looking (the message bar
        # would say it a second time, and take the stage's height).
        self.status.setText(text)
        self.status.show()

    # ------------------------------------------------------------ widgets → model

    def _try(self, edit: Callable[..., None], *args: Any) -> bool:
        """Make a change; a refused one is reported and the panel shows the model again."""
        try:
            edit(*args)
        except EditError as exc:
            self._report(str(exc))
            self.set_session()
            return False
        return True

    def _on_q_rate(self) -> None:
        text = self.rate.text()
        if text.strip() != _rate_text(self.session.learning_rate):
            self._try(self.session.set_learning_rate, _typed_number(text))
        # The model's rate as it writes it (not the spaces around the same rate).
        self.rate.setText(_rate_text(self.session.learning_rate))


_NOTHING = object()


def _same(a: object, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return isinstance(a, np.ndarray) and a.shape == b.shape and bool(np.array_equal(a, b))


def _rate_text(rate: float) -> str:
    return plain_decimal(rate)


def _typed_number(text: str) -> object:
    """*text* as a number when it reads as one (a decimal comma too), else as typed, so
    that the model's refusal quotes it."""
    stripped = text.strip().replace("−", "-")
    if stripped.count(",") == 1 and "." not in stripped:
        stripped = stripped.replace(",", ".")
    try:
        return float(stripped)
    except ValueError:
        return text
