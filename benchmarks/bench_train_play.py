"""Training at speed in the real window: steps per second with the loss curve live.

The worked example (the lesson's 6×6 input and 3×3 kernel), target = the X kernel's map,
kernels zeroed, the Training dock shown (its loss curve drawn at every tick), the window
1280×720 offscreen. Two measurements, each in the same run as a reference:

1. played: Play N steps (300 by default) with the window's own driver and timer, from
   Play until finished; steps per second, and how many steps a tick did on average (the
   driver does more than one when a tick comes late, to keep 60 per second).
2. one step per tick: N ticks of exactly one training step each, each timed until the
   loss curve has repainted: the most steps per second the window could play one at a
   time. Interleaved with the reference: one label's text set and repainted.

    .venv/bin/python benchmarks/bench_train_play.py [--steps N] [--backward]

``--backward`` plays with Step ▸ Step through the backward pass on (as lesson 30 opens): the
backward pass of the new weights is made ready at every step too.
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

from bench_step import PaintCounter, until_painted  # benchmarks/ is on the path as a script
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.trainer import TrainingState, training_of
from convstudio.qt.app import application
from convstudio.qt.main_window import DISCARD, MainWindow


def window_training(steps: int, backward: bool) -> tuple[MainWindow, Studio]:
    studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
    window = MainWindow(studio, remember_geometry=False)
    window.ask_unsaved = lambda _what: DISCARD  # the trained scene is not to be kept
    window.resize(1280, 720)
    window.show()
    window.set_training_shown(True)
    window.set_backward(backward)
    session = training_of(studio)
    session.set_target_from_kernels()
    session.zero_kernels()
    session.set_steps(steps)
    QApplication.processEvents()
    return window, studio


def measure_played(steps: int, backward: bool) -> dict[str, float]:
    """Wall time of Play N until finished, with the window's own timer."""
    window, studio = window_training(steps, backward)
    session = training_of(studio)
    ticks = [0]
    session.changed.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    wall, cpu = time.perf_counter(), time.process_time()
    session.play()
    deadline = wall + 60
    while session.state is TrainingState.PLAYING and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    elapsed = time.perf_counter() - wall
    cpu_used = time.process_time() - cpu
    done = session.position
    window.close()
    return {
        "steps": done,
        "seconds": elapsed,
        "rate": done / elapsed,
        "cpu": cpu_used,
        "per_tick": done / max(1, ticks[0] - 2),  # two changes are Play's and Finished's
    }


def measure_one_per_tick(steps: int, backward: bool) -> dict[str, float]:
    """Median wall and CPU time of a tick of one training step until the curve repainted,
    and of the reference."""
    window, studio = window_training(steps, backward)
    session = training_of(studio)
    curve = window.training_panel.curve
    assert curve is not None
    painted, label_painted = PaintCounter(), PaintCounter()
    curve.viewport().installEventFilter(painted)
    label = window.transport.position_label
    label.installEventFilter(label_painted)
    session.play()
    window.training_panel.driver.timer.stop()  # ticked by hand, one step each
    QApplication.processEvents()
    times: dict[str, list[float]] = {"tick": [], "tick_cpu": [], "ref": [], "ref_cpu": []}
    for i in range(steps):
        wall, cpu = time.perf_counter(), time.process_time()
        session.tick(1)
        until_painted(painted)
        times["tick"].append(time.perf_counter() - wall)
        times["tick_cpu"].append(time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        label.setText(f"reference {i}")
        until_painted(label_painted)
        times["ref"].append(time.perf_counter() - wall)
        times["ref_cpu"].append(time.process_time() - cpu)
    assert session.position == steps
    window.close()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--backward", action="store_true", help="the backward pass switched on")
    args = parser.parse_args()
    application()
    played = measure_played(args.steps, args.backward)
    print(
        f"played: {played['steps']:.0f} steps in {played['seconds']:.2f} s = "
        f"{played['rate']:.0f} steps/s ({played['per_tick']:.2f} steps a tick on average, "
        f"CPU {played['cpu']:.2f} s)"
    )
    t = measure_one_per_tick(args.steps, args.backward)
    print(
        f"one step per tick: {t['tick'] * 1e3:.2f} ms wall, {t['tick_cpu'] * 1e3:.2f} ms CPU "
        f"(median) = at most {1 / t['tick']:.0f} steps/s; reference {t['ref'] * 1e3:.2f} ms "
        f"wall, {t['ref_cpu'] * 1e3:.2f} ms CPU; CPU ratio {t['tick_cpu'] / t['ref_cpu']:.1f}"
    )
    print(
        "tick = one training step, the weights put in the document (the stage's kernels\n"
        "and maps) and the loss curve, until the curve has repainted; ref = one label's\n"
        "text set and repainted in the same window. Target: ≥ 60 steps/s played."
    )


if __name__ == "__main__":
    main()
