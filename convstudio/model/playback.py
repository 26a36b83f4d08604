"""Playback: which step of the convolution is shown, as a small state machine.

The position counts steps done: 0 shows an empty output, ``total`` shows the whole
map. A driver (a timer in the Qt layer, or a test) calls :meth:`Playback.tick`.
"""

from __future__ import annotations

from enum import Enum

from psygnal import Signal

MIN_SPEED = 0.25
MAX_SPEED = 30.0


class PlaybackState(Enum):
    """Where playback is: nothing done, running, halted part-way, or all done."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"


class Playback:
    """Position, total and speed of the step-by-step animation.

    Signals
    -------
    position_changed(int)
        The number of steps done changed.
    state_changed(PlaybackState)
        The state changed.
    total_changed(int)
        The number of steps changed (the scene changed shape).
    speed_changed(float)
        Steps per second changed.
    """

    position_changed = Signal(int)
    state_changed = Signal(object)
    total_changed = Signal(int)
    speed_changed = Signal(float)

    def __init__(self, total: int = 0, speed: float = 2.0) -> None:
        self._total = max(0, total)
        self._position = 0
        self._playing = False
        self._speed = min(MAX_SPEED, max(MIN_SPEED, float(speed)))

    @property
    def position(self) -> int:
        """Steps done, ``0..total``."""
        return self._position

    @property
    def total(self) -> int:
        return self._total

    @property
    def speed(self) -> float:
        """Steps per second while playing."""
        return self._speed

    @property
    def interval_ms(self) -> int:
        """Milliseconds between ticks at the current speed."""
        return max(1, round(1000 / self._speed))

    @property
    def state(self) -> PlaybackState:
        if self._playing:
            return PlaybackState.PLAYING
        if self._position == 0:
            return PlaybackState.STOPPED
        if self._position >= self._total:
            return PlaybackState.FINISHED
        return PlaybackState.PAUSED

    @property
    def current_step(self) -> int | None:
        """The step shown as current (0-based), or ``None`` before the first."""
        return self._position - 1 if self._position > 0 else None

    # ------------------------------------------------------------ transitions

    def play(self) -> None:
        """Start playing; from the end, start again from the beginning."""
        if self._total == 0 or self._playing:
            return
        before = self.state
        if self._position >= self._total:
            self._set_position(0)
        self._playing = True
        self._emit_state(before)

    def pause(self) -> None:
        """Stop playing, staying where it is."""
        if self._playing:
            before = self.state
            self._playing = False
            self._emit_state(before)

    def toggle(self) -> None:
        """Play when halted, pause when playing."""
        if self._playing:
            self.pause()
        else:
            self.play()

    def tick(self) -> None:
        """Advance one step while playing; finish at the last step."""
        if not self._playing:
            return
        before = self.state
        self._set_position(self._position + 1)
        if self._position >= self._total:
            self._playing = False
        self._emit_state(before)

    def seek(self, position: int) -> None:
        """Show *position* steps done (clamped); a manual move pauses playback."""
        before = self.state
        self._playing = False
        self._set_position(position)
        self._emit_state(before)

    def next(self) -> None:
        self.seek(self._position + 1)

    def previous(self) -> None:
        self.seek(self._position - 1)

    def first(self) -> None:
        self.seek(0)

    def last(self) -> None:
        self.seek(self._total)

    def show_step(self, step: int) -> None:
        """Make step *step* (0-based) the current one."""
        self.seek(step + 1)

    def set_total(self, total: int) -> None:
        """Change the number of steps, keeping the position where it still exists."""
        total = max(0, total)
        if total == self._total:
            return
        before = self.state
        self._total = total
        if self._position >= total:
            self._playing = False  # nothing left to play
        # Clamp first: a listener to total_changed then reads a position that exists.
        self._set_position(self._position)
        self.total_changed.emit(total)
        self._emit_state(before)

    def set_speed(self, speed: float) -> None:
        """Set steps per second, clamped to 0.25..30."""
        speed = min(MAX_SPEED, max(MIN_SPEED, float(speed)))
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)

    # ------------------------------------------------------------ helpers

    def _set_position(self, position: int) -> None:
        position = min(self._total, max(0, position))
        if position != self._position:
            self._position = position
            self.position_changed.emit(position)

    def _emit_state(self, before: PlaybackState) -> None:
        if self.state is not before:
            self.state_changed.emit(self.state)
