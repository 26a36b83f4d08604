"""Image mode: from a kernel edit to the preview and to the full result, and GUI freezes.

Two cases: a 1024×1024 grey image with one 7×7 kernel, and a 4096×4096 image read as 4
channels with 5 kernels of 9×9 (dilation 4). First it creates and shows the window and
opens the image from a PNG file, as File ▸ Open image… does: the time until the image is
shown, and the longest freeze until its first result is painted. Then, for each edit
(``set_kernel_value``), the time until the preview is painted, until the full-resolution
result is painted, and the longest the GUI thread was blocked meanwhile: the largest gap
between the callbacks of a 1 ms QTimer (goal: under 16.7 ms, one 60 Hz frame), split on
Linux into the GUI thread's own work, its wait for a CPU that other work held, and the
time it slept (mostly waiting for the worker thread to release the GIL). The
references, measured in the same run: the largest gap of the same timer while nothing
runs (the machine's noise), and the same result computed on the GUI thread as image mode
used to (the whole time is then a freeze; goal: the full result painted within 1.2× of
it at 1024²). Also the GUI thread's CPU time for one more edit without the timer (the
work done on it, which a loaded machine does not inflate) and the process's peak memory
(ru_maxrss). The closing summary gives, per size, these figures against the goals.
Runs offscreen.

    .venv/bin/python benchmarks/bench_image.py [--edits N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from convstudio.model import Scene, Studio
from convstudio.model.image import image_output
from convstudio.qt.app import application
from convstudio.qt.image_window import ImageWindow


def _schedstat() -> tuple[float, float]:
    """(s on a CPU, s waiting for one) of the calling thread so far; zeros where Linux's
    per-thread schedstat is missing."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as file:
            ran, waited = file.read().split()[:2]
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(ran) / 1e9, int(waited) / 1e9


class GapMeter:
    """The largest gap between the callbacks of a 1 ms timer: how long the loop froze.

    ``parts`` splits the largest gap (on Linux): the GUI thread's own work on a CPU, its
    wait for a CPU the machine's other work held (the scheduler's run queue), and the
    rest, asleep: mostly waiting for the worker to release the GIL.
    """

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer adds its own gaps
        self.timer.timeout.connect(self._tick)
        self.largest = 0.0
        self.parts = (0.0, 0.0, 0.0)
        self._last = 0.0
        self._sched = (0.0, 0.0)

    def start(self) -> None:
        self.largest, self._last = 0.0, time.perf_counter()
        self.parts, self._sched = (0.0, 0.0, 0.0), _schedstat()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.largest

    def _tick(self) -> None:
        now = time.perf_counter()
        sched = _schedstat()
        gap = now - self._last
        if gap > self.largest:
            ran, waited = (b - a for a, b in zip(self._sched, sched, strict=True))
            self.largest, self.parts = gap, (ran, waited, max(0.0, gap - ran - waited))
        self._last, self._sched = now, sched


def measure(
    side: int, channels: int, kernels: int, k: int, dilation: int, edits: int
) -> dict[str, float]:
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, (side, side, 3), dtype=np.uint8)
    scene = Scene(
        input=np.zeros((channels, 6, 6)),
        kernels=rng.integers(-2, 3, (kernels, channels, k, k)).astype(float),
        dilation=dilation,
        padding="same",
    )
    studio = Studio(scene)
    meter = GapMeter()
    start = time.perf_counter()
    window = ImageWindow(studio, print)
    window.show()
    QApplication.processEvents()
    created = time.perf_counter() - start
    loop = QEventLoop()
    marks: dict[str, float] = {}

    def painted(name: str) -> None:
        window.result_view.viewport().repaint()
        marks[name] = time.perf_counter()
        if name == "full":
            loop.quit()

    window.preview_ready.connect(lambda: painted("preview"))
    window.result_ready.connect(lambda: painted("full"))

    def shown() -> None:
        window.source_view.viewport().repaint()
        marks["opened"] = time.perf_counter()

    window.image_loaded.connect(shown)
    # Opening the file, as File ▸ Open image… does: until its first result is painted.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "photo.png"
        image = QImage(pixels.tobytes(), side, side, 3 * side, QImage.Format.Format_RGB888)
        image.save(str(path))
        meter.start()
        start = time.perf_counter()
        if not window.open_image(path):
            raise SystemExit(f"could not open {path}")
        loop.exec()
        opening = meter.stop()
        opened = marks["opened"] - start
    preview, full, frozen, blocking, busy = [], [], [], [], []
    parts = (0.0, 0.0, 0.0)
    for i in range(edits):
        marks.clear()
        meter.start()
        start = time.perf_counter()
        studio.document.set_kernel_value(0, 0, 0, 0, float(i % 5 + 3))  # never the last value
        loop.exec()
        frozen.append(meter.stop())
        if frozen[-1] == max(frozen):
            parts = meter.parts
        full.append(marks["full"] - start)
        preview.append(marks.get("preview", marks["full"]) - start)
        # The reference: the same work on the GUI thread, as image mode used to do it.
        start = time.perf_counter()
        image_output(studio.document.scene, pixels)
        blocking.append(time.perf_counter() - start)
        # The GUI thread's CPU time for the same edit, without the timer's own ticks: the
        # work done on it, which a loaded machine does not inflate.
        cpu = time.thread_time()
        studio.document.set_kernel_value(0, 0, 0, 0, -float(i % 5 + 3))
        loop.exec()
        busy.append(time.thread_time() - cpu)
    # The reference freeze: the same timer with nothing running (the machine's own noise).
    meter.start()
    QTimer.singleShot(int(1e3 * statistics.median(full)), loop.quit)
    loop.exec()
    idle = meter.stop()
    window.close()
    window.deleteLater()  # delete the pyqtgraph scene while Qt is still running
    QApplication.processEvents()
    return {
        "created": created,
        "opened": opened,
        "opening": opening,
        "preview": statistics.median(preview),
        "full": statistics.median(full),
        "frozen": max(frozen),
        "frozen_ran": parts[0],
        "frozen_waited": parts[1],
        "frozen_asleep": parts[2],
        "busy": statistics.median(busy),
        "idle": idle,
        "blocking": statistics.median(blocking),
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="only the 1024² case")
    args = parser.parse_args()
    application()
    cases = [(1024, 1, 1, 7, 1, max(args.edits, 5))]
    if not args.quick:
        cases.append((4096, 4, 5, 9, 4, args.edits))
    print(
        f"{'case':>32} {'preview':>9} {'full':>9} {'longest freeze':>15} {'idle':>8} "
        f"{'on GUI thread':>14} {'full/GUI':>8} {'peak RSS':>9}"
    )
    notes = []
    for side, channels, kernels, k, dilation, edits in cases:
        m = measure(side, channels, kernels, k, dilation, edits)
        what = "grey" if channels == 1 else f"{channels} ch"
        case = f"{side}² {what}, {kernels}×{k}×{k}" + (f" d{dilation}" if dilation > 1 else "")
        print(
            f"{case:>32} {m['preview'] * 1e3:6.0f} ms {m['full'] * 1e3:6.0f} ms "
            f"{m['frozen'] * 1e3:12.1f} ms {m['idle'] * 1e3:5.1f} ms "
            f"{m['blocking'] * 1e3:11.0f} ms "
            f"{m['full'] / m['blocking']:8.2f} {m['rss']:6.0f} MB"
        )
        notes.append(
            f"  {side}²: longest freeze after an edit {m['frozen'] * 1e3:.1f} ms "
            f"(idle {m['idle'] * 1e3:.1f} ms; goal ≤ 16.7 ms; in it the GUI thread ran "
            f"{m['frozen_ran'] * 1e3:.1f} ms, waited for a CPU {m['frozen_waited'] * 1e3:.1f} ms "
            f"and slept {m['frozen_asleep'] * 1e3:.1f} ms), the GUI thread's CPU time "
            f"for the whole edit {m['busy'] * 1e3:.1f} ms; full result painted "
            f"{m['full'] / m['blocking']:.2f}× the bare computation (goal ≤ 1.2× at 1024²); "
            f"opening the PNG: shown after {m['opened'] * 1e3:.0f} ms, longest freeze "
            f"{m['opening'] * 1e3:.1f} ms until its result was painted; creating and showing "
            f"the window {m['created'] * 1e3:.0f} ms"
        )
    print(
        "preview/full: from the edit to that picture painted; longest freeze: the largest "
        "gap of a 1 ms timer meanwhile (goal < 16.7 ms); idle: the same with nothing "
        "running, for as long (the machine's noise); on GUI thread: the same result "
        "computed where image mode used to compute it (all of it a freeze). Peak RSS is "
        "the process's so far."
    )
    print("\n".join(["Summary:", *notes]))


if __name__ == "__main__":
    main()
