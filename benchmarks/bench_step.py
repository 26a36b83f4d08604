"""One step update of the real window: from "next" to the repaint done.

Prints the median time of a step at 6×6/3×3 and 32×32/7×7, and its ratio to a
reference measured in the same run: the cheapest visible change the same window can
make (one label's text set and repainted). Runs offscreen; no display needed.

Then a four-layer stack on a 32×32 input (conv 3×3 → ReLU → max pool 2×2 → conv 3×3):
steps spread over all four layers (the playback is moved there first, untimed), each
timed from "next" until the equation, which every step changes, has repainted. Then a
transposed convolution, 16×16 → 32×32 (kernel 3×3, stride 2, padding 1, output padding 1),
stepped by scatter (256 steps, one per input cell) and by gather (1024, one per output
cell), timed the same way.

    .venv/bin/python benchmarks/bench_step.py [--steps N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication

from convstudio.engine.layers import Activation, Conv2d, ConvTranspose2d, Pool2d
from convstudio.model import Scene, Studio
from convstudio.qt.app import application
from convstudio.qt.main_window import MainWindow


class PaintCounter(QObject):
    """Counts paint events, to prove each timed step really repainted."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def scene(size: int, kernel: int, channels: int = 1, kernels: int = 1) -> Scene:
    rng = np.random.default_rng(0)
    return Scene(
        input=rng.integers(0, 256, (channels, size, size)).astype(float),
        kernels=rng.integers(-2, 3, (kernels, channels, kernel, kernel)).astype(float),
        padding=kernel // 2,
    )


def stack_scene(size: int = 32) -> Scene:
    """conv 3×3 → ReLU → max pool 2×2 → conv 3×3 on a *size*×*size* input."""
    rng = np.random.default_rng(0)
    layers = (
        Conv2d(rng.integers(-2, 3, (1, 1, 3, 3)).astype(float), [-100.0]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(rng.integers(-2, 3, (1, 1, 3, 3)).astype(float)),
    )
    return Scene(rng.integers(0, 256, (1, size, size)).astype(float), layers=layers)


def transpose_scene(stepping: str, size: int = 16) -> Scene:
    """A transposed convolution doubling a *size*×*size* input: kernel 3×3, stride 2,
    padding 1, output padding 1 ((16 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 32)."""
    rng = np.random.default_rng(0)
    layer = ConvTranspose2d(
        rng.integers(-2, 3, (1, 1, 3, 3)).astype(float),
        stride=2,
        padding=1,
        output_padding=1,
        stepping=stepping,
    )
    return Scene(rng.integers(0, 256, (1, size, size)).astype(float), layers=(layer,))


def measure_stack(steps: int, scene: Scene | None = None) -> dict[str, float]:
    """Median wall and CPU time of a step of *scene* (by default :func:`stack_scene`) and
    of the reference, in seconds; the steps spread evenly over the whole stack."""
    studio = Studio(stack_scene() if scene is None else scene)
    window = MainWindow(studio, remember_geometry=False)
    window.resize(1280, 720)
    window.show()
    label = window.transport.position_label
    painted, label_painted = PaintCounter(), PaintCounter()
    window.equation.canvas.installEventFilter(painted)
    label.installEventFilter(label_painted)
    QApplication.processEvents()
    total = studio.playback.total
    times: dict[str, list[float]] = {"step": [], "step_cpu": [], "ref": [], "ref_cpu": []}
    for i, start in enumerate(np.linspace(0, total - 1, steps).astype(int)):
        studio.playback.seek(int(start))  # untimed: the step from here is
        QApplication.processEvents()
        wall, cpu = time.perf_counter(), time.process_time()
        studio.playback.next()
        until_painted(painted)
        times["step"].append(time.perf_counter() - wall)
        times["step_cpu"].append(time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        label.setText(f"reference {i}")
        until_painted(label_painted)
        times["ref"].append(time.perf_counter() - wall)
        times["ref_cpu"].append(time.process_time() - cpu)
    window.close()
    return {name: statistics.median(values) for name, values in times.items()}


def until_painted(counter: PaintCounter) -> None:
    """Run the event loop until *counter*'s widget has repainted (Qt paces repaints)."""
    before = counter.count
    deadline = time.perf_counter() + 2.0
    while counter.count == before and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    if counter.count == before:
        raise RuntimeError("no repaint within 2 s")


def measure(
    size: int, kernel: int, steps: int, channels: int = 1, kernels: int = 1
) -> dict[str, float]:
    """Median wall and CPU time of a step and of the reference, in seconds."""
    studio = Studio(scene(size, kernel, channels, kernels))
    window = MainWindow(studio, remember_geometry=False)
    window.resize(1280, 720)
    window.show()
    label = window.transport.position_label
    field_painted, label_painted = PaintCounter(), PaintCounter()
    window.input_panel.table.viewport().installEventFilter(field_painted)
    label.installEventFilter(label_painted)
    QApplication.processEvents()
    times: dict[str, list[float]] = {"step": [], "step_cpu": [], "ref": [], "ref_cpu": []}
    for i in range(steps):
        # Interleave step and reference so that machine noise hits both alike.
        wall, cpu = time.perf_counter(), time.process_time()
        studio.playback.next() if studio.playback.position < studio.playback.total else (
            studio.playback.first()
        )
        until_painted(field_painted)
        times["step"].append(time.perf_counter() - wall)
        times["step_cpu"].append(time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        label.setText(f"reference {i}")
        until_painted(label_painted)
        times["ref"].append(time.perf_counter() - wall)
        times["ref_cpu"].append(time.process_time() - cpu)
    window.close()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    application()
    header = ("grid", "step wall", "step CPU", "ref wall", "ref CPU", "CPU ratio")
    print("{:>19} {:>10} {:>9} {:>9} {:>8} {:>9}".format(*header))
    for size, kernel, channels, kernels in ((6, 3, 1, 1), (32, 7, 1, 1), (16, 3, 3, 4)):
        t = measure(size, kernel, args.steps, channels, kernels)
        label = f"{size}×{size}/{kernel}×{kernel}" + (
            f" {channels}ch {kernels}k" if channels > 1 else ""
        )
        print(
            f"{label:>19}  {t['step'] * 1e3:7.2f} ms"
            f" {t['step_cpu'] * 1e3:6.2f} ms {t['ref'] * 1e3:6.2f} ms"
            f" {t['ref_cpu'] * 1e3:5.2f} ms {t['step_cpu'] / t['ref_cpu']:9.1f}"
        )
    t = measure_stack(args.steps)
    label = "32×32 4-layer stack"
    print(
        f"{label:>19}  {t['step'] * 1e3:7.2f} ms"
        f" {t['step_cpu'] * 1e3:6.2f} ms {t['ref'] * 1e3:6.2f} ms"
        f" {t['ref_cpu'] * 1e3:5.2f} ms {t['step_cpu'] / t['ref_cpu']:9.1f}"
    )
    for stepping in ("scatter", "gather"):
        t = measure_stack(args.steps, transpose_scene(stepping))
        label = f"16→32 tconv {stepping}"
        print(
            f"{label:>19}  {t['step'] * 1e3:7.2f} ms"
            f" {t['step_cpu'] * 1e3:6.2f} ms {t['ref'] * 1e3:6.2f} ms"
            f" {t['ref_cpu'] * 1e3:5.2f} ms {t['step_cpu'] / t['ref_cpu']:9.1f}"
        )
    print(
        "step = playback.next() until the input grid (the stack: the equation) has\n"
        "repainted; ref = one label's text set and repainted in the same window. Wall time\n"
        "includes Qt's repaint pacing (it waits for the next frame); CPU time is the work\n"
        "done. Target: a step under 10 ms."
    )


if __name__ == "__main__":
    main()
