"""How long the stage takes to lay itself out, against one repaint of the same window.

For every shipped lesson and two larger scenes, at 1280×720 and 1920×1080: the median time of
``Stage.relayout()`` (measure the parts, ``plan_stage``, place them), of ``plan_stage`` alone
on the measured spec, and of ``window.grab()`` (one full repaint into a pixmap), the
reference measured in the same run. The stage is laid out on a resize or an edit, never on a
step, so a ratio of a few repaints is fine; tens would be felt while dragging the window edge.

    .venv/bin/python benchmarks/bench_stage.py [--repeat N]
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
from PySide6.QtWidgets import QApplication

from convstudio.model import Scene, Studio, load_scene, resource_dir
from convstudio.model.stage import plan_stage
from convstudio.qt.main_window import MainWindow


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def scenes() -> list[tuple[str, Scene]]:
    found = [(p.stem, load_scene(p)) for p in sorted((resource_dir() / "scenes").glob("*.json"))]
    rng = np.random.default_rng(0)
    found.append(
        (
            "16×16×3, 4 kernels",
            Scene(rng.integers(0, 256, (3, 16, 16)), rng.integers(-1, 2, (4, 3, 3, 3))),
        )
    )
    found.append(
        (
            "32×32×4, 8 kernels 7×7",
            Scene(rng.integers(0, 256, (4, 32, 32)), rng.integers(-1, 2, (8, 4, 7, 7))),
        )
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    columns = ("scene", "size", "zoom", "relayout", "plan", "repaint", "ratio")
    print("{:<24} {:>9} {:>5} {:>9} {:>8} {:>8} {:>6}".format(*columns))
    for name, scene in scenes():
        for size in ((1280, 720), (1920, 1080)):
            window = MainWindow(Studio(scene), remember_geometry=False)
            window.resize(*size)
            window.show()
            for _ in range(3):
                app.processEvents()
            stage = window.stage
            relayout = median_ms(stage.relayout, args.repeat)
            spec = stage.spec()
            room = (stage.width() - 8, stage.height() - 8)
            plan = median_ms(lambda spec=spec, room=room: plan_stage(spec, *room), args.repeat)
            repaint = median_ms(window.grab, args.repeat)
            print(
                f"{name:<24} {size[0]:>4}×{size[1]:<4} {stage.zoom:>5.2f} {relayout:>7.1f}ms"
                f" {plan:>6.1f}ms {repaint:>6.1f}ms {relayout / repaint:>6.1f}"
            )
            window.close()
            window.deleteLater()
            app.processEvents()
    print("ratio: relayout / repaint (the reference, measured in the same run)")


if __name__ == "__main__":
    main()
