"""Heavy work on a worker thread, newest first: starting a job cancels the one before.

numpy releases the GIL in its loops, so one Python worker thread keeps the event loop
free. The work itself is Qt-free (a function of a :class:`Ticket`); this module only
owns the thread and brings what the work sends back to the GUI thread as signals, and
only from the newest job: a late answer from an older one is dropped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from ..model.image import Cancelled

# Progress reaches the GUI thread at most this often (s): a bar moves smoothly enough,
# and a 4096² result of 128 bands no longer costs the GUI thread 128 label and bar
# repaints (about half its work for the whole edit).
PROGRESS_INTERVAL = 0.1


class Ticket:
    """What a job running on the worker thread is given: its cancel flag and its voice."""

    def __init__(
        self,
        number: int,
        send: Callable[[int, str, object], None],
        progress_interval: float = PROGRESS_INTERVAL,
    ) -> None:
        self.number = number
        self._stop = threading.Event()
        self._send = send
        self._interval = progress_interval
        self._sent = -float("inf")  # when progress was last sent

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        """True once a newer job (or closing the window) has asked this one to stop."""
        return self._stop.is_set()

    def progress(self, done: int, total: int) -> None:
        """Report *done* of *total* parts; stops the job with Cancelled if it was cancelled.

        Sent on at most every *progress_interval* seconds, and always the last part.
        """
        if self.cancelled():
            raise Cancelled
        now = time.monotonic()
        if done >= total or now - self._sent >= self._interval:
            self._sent = now
            self._send(self.number, "progress", (done, total))

    def post(self, value: object) -> None:
        """Send an intermediate *value* (a preview) to the GUI thread."""
        if self.cancelled():
            raise Cancelled
        self._send(self.number, "posted", value)


class LatestJob(QObject):
    """Runs one job at a time on one worker thread; a newer job cancels the older.

    Signals are emitted in the GUI thread, only for the newest job; ``progressed`` at
    most every *progress_interval* seconds (and for the last part).
    """

    posted = Signal(object)
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    # From the worker thread to this object's (the GUI) thread.
    _delivered = Signal(int, str, object)

    def __init__(
        self, parent: QObject | None = None, progress_interval: float = PROGRESS_INTERVAL
    ) -> None:
        super().__init__(parent)
        self.progress_interval = progress_interval
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="convstudio-image")
        self._count = 0
        self._ticket: Ticket | None = None
        self._future: Future[None] | None = None
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """True from start() until the newest job's answer has been delivered."""
        return self._ticket is not None

    def start(self, work: Callable[[Ticket], Any]) -> None:
        """Run ``work(ticket)`` on the worker thread after cancelling the current job."""
        self.cancel()
        self._count += 1
        ticket = Ticket(self._count, self._delivered.emit, self.progress_interval)
        self._ticket = ticket
        self._future = self._pool.submit(self._run, work, ticket)

    def cancel(self, wait: bool = False) -> bool:
        """Ask the current job to stop; with *wait*, return only once it has.

        Returns True if a job was still running.
        """
        ticket, future = self._ticket, self._future
        self._ticket = None
        if ticket is None or future is None:
            return False
        ticket.cancel()
        if wait:
            future.cancel()  # not started yet: never will be
            if not future.cancelled():
                future.result()  # the job stops at its next check (one band)
        return True

    def shutdown(self) -> None:
        """Stop the current job and the worker thread (before this object is deleted)."""
        self.cancel(wait=True)
        self._pool.shutdown(wait=True)

    @staticmethod
    def _run(work: Callable[[Ticket], Any], ticket: Ticket) -> None:
        try:
            result = work(ticket)
            if not ticket.cancelled():
                ticket._send(ticket.number, "finished", result)
        except Cancelled:
            pass
        except Exception as exc:  # shown in the window, like any failure of the work
            if not ticket.cancelled():
                ticket._send(ticket.number, "failed", exc)

    def _on_delivered(self, number: int, kind: str, value: object) -> None:
        if self._ticket is None or number != self._ticket.number:
            return  # from a job that a newer one replaced
        if kind == "progress":
            self.progressed.emit(*value)  # type: ignore[misc]
        elif kind == "posted":
            self.posted.emit(value)
        else:
            self._ticket = None
            (self.finished if kind == "finished" else self.failed).emit(value)
