"""Step controls: first, previous, play/pause, next, last, a slider and a speed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from ..model import Playback, PlaybackState, Studio
from ..model.playback import MAX_SPEED, MIN_SPEED
from . import style
from .binding import bind


class PlaybackDriver(QObject):
    """Owns the timer whose timeout calls :meth:`Playback.tick` while playing."""

    def __init__(self, playback: Playback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        self.timer = QTimer(self)
        self.timer.timeout.connect(playback.tick)
        bind(self, playback.state_changed, self._on_state_changed)
        bind(self, playback.speed_changed, self._on_speed_changed)
        self._on_speed_changed(playback.speed)

    def _on_state_changed(self, state: PlaybackState) -> None:
        if state is PlaybackState.PLAYING:
            self.timer.start()
        else:
            self.timer.stop()

    def _on_speed_changed(self, _speed: float) -> None:
        self.timer.setInterval(self._playback.interval_ms)


class TransportBar(QWidget):
    """Buttons, slider and speed bound to a :class:`Playback`."""

    def __init__(self, playback: Playback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        icons = self.style()
        self.first_button = self._button(
            QStyle.StandardPixmap.SP_MediaSkipBackward, self.tr("First step (Home)")
        )
        self.previous_button = self._button(
            QStyle.StandardPixmap.SP_MediaSeekBackward, self.tr("Previous step (← or PageUp)")
        )
        self.play_button = self._button(
            QStyle.StandardPixmap.SP_MediaPlay, self.tr("Play or pause (Space)")
        )
        self.next_button = self._button(
            QStyle.StandardPixmap.SP_MediaSeekForward, self.tr("Next step (→ or PageDown)")
        )
        self.last_button = self._button(
            QStyle.StandardPixmap.SP_MediaSkipForward, self.tr("Last step (End)")
        )
        self._play_icon = icons.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = icons.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("Drag to any step"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows belong to stepping
        # Hidden while the quiz asks the output's size, it keeps its place: the bar does not
        # change its layout (nor the speed box stretch) when a question comes.
        policy = self.slider.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.slider.setSizePolicy(policy)
        self.position_label = QLabel()
        self.position_label.setFont(style.font(style.UI_PT, bold=True))
        self.speed = QDoubleSpinBox(
            minimum=MIN_SPEED, maximum=MAX_SPEED, singleStep=0.5, decimals=2
        )
        self.speed.setSuffix(self.tr(" steps/s"))
        self.speed.setToolTip(self.tr("Playing speed"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.first_button,
            self.previous_button,
            self.play_button,
            self.next_button,
            self.last_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.position_label)
        self.speed_label = QLabel(self.tr("Speed"))
        layout.addWidget(self.speed_label)
        layout.addWidget(self.speed)

        self.first_button.clicked.connect(playback.first)
        self.previous_button.clicked.connect(playback.previous)
        self.play_button.clicked.connect(playback.toggle)
        self.next_button.clicked.connect(playback.next)
        self.last_button.clicked.connect(playback.last)
        self.slider.valueChanged.connect(self._on_q_slider_changed)
        self.speed.valueChanged.connect(self._on_q_speed_changed)
        for signal in (
            playback.position_changed,
            playback.total_changed,
            playback.state_changed,
            playback.speed_changed,
        ):
            bind(self, signal, self.set_playback)
        self._total_hidden = False
        self.set_playback()

    def hide_total(self, hidden: bool) -> None:
        """Hide how many steps there are (the quiz asks the output size: it would tell)."""
        self._total_hidden = hidden
        self.slider.setVisible(not hidden)
        self.set_playback()

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def set_zoom(self, zoom: float) -> None:
        size = round(36 * zoom)
        for button in (
            self.first_button,
            self.previous_button,
            self.play_button,
            self.next_button,
            self.last_button,
        ):
            button.setIconSize(
                button.iconSize().scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio)
            )
            button.setMinimumSize(size + 12, size + 12)
        self.position_label.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))

    def set_playback(self, *_: object) -> None:
        """Show position, total, state and speed; never writes the playback."""
        p = self._playback
        with QSignalBlocker(self.slider), QSignalBlocker(self.speed):
            self.slider.setRange(0, p.total)
            self.slider.setValue(p.position)
            self.speed.setValue(p.speed)
        total = "?" if self._total_hidden else str(p.total)
        self.position_label.setText(self.tr("Step {0} of {1}").format(p.position, total))
        # As wide as the longest position of this run, "?" or not: the bar keeps its layout.
        longest = self.tr("Step {0} of {1}").format(p.total, p.total)
        self.position_label.setMinimumWidth(
            self.position_label.fontMetrics().horizontalAdvance(longest) + 4
        )
        playing = p.state is PlaybackState.PLAYING
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setToolTip(
            self.tr("Pause (Space)") if playing else self.tr("Play (Space)")
        )

    def _on_q_slider_changed(self, value: int) -> None:
        self._playback.seek(value)

    def _on_q_speed_changed(self, value: float) -> None:
        self._playback.set_speed(value)


class KernelJump(QComboBox):
    """Which kernel is being stepped; choosing one jumps to its first step."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studio = studio
        self.setToolTip(self.tr("Jump to the first step of a kernel (its output map)"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows belong to stepping
        self.activated.connect(self._on_q_activated)
        bind(self, studio.frame_changed, self.set_frame)
        self.set_frame()

    def set_frame(self) -> None:
        """List the kernels and show the current one; never writes the model."""
        count = self._studio.document.scene.kernels.shape[0]
        step = self._studio.current
        with QSignalBlocker(self):
            if self.count() != count:
                self.clear()
                self.addItems([self.tr("kernel {0}").format(k + 1) for k in range(count)])
            self.setCurrentIndex(step.out_channel if step is not None else 0)
        self.setVisible(count > 1)

    def _on_q_activated(self, index: int) -> None:
        if self._studio.evaluation.problem is not None:
            self._studio.show_cell(index, 0, 0)
