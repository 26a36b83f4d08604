"""Launch to first window shown, as a ratio to a bare PySide6 + pyqtgraph window.

Each candidate runs in a fresh Python process; the time is from starting the process
to the child reporting that its window has been shown and painted once. Candidates
are interleaved so that machine noise hits them alike. Runs offscreen.

    .venv/bin/python benchmarks/bench_launch.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 720)
window.show()
app.processEvents()
print("shown", flush=True)
"""

# What `convstudio` does up to app.exec(): the CLI, the scene, the real window.
CONVSTUDIO = """
import sys
from convstudio import cli
from convstudio.model import load_scene, scene_path
from convstudio.qt.app import application
from convstudio.qt.main_window import MainWindow
from convstudio.model import Studio
app = application()
window = MainWindow(Studio(load_scene(scene_path("worked-example"))), remember_geometry=False)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def launch(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait()
    if line.strip() != "shown":
        raise RuntimeError("the child did not show its window")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    launch(BARE)  # warm the file cache for both
    launch(CONVSTUDIO)
    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(launch(BARE))
        ours.append(launch(CONVSTUDIO))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 + pyqtgraph window: {b * 1e3:7.0f} ms (median of {args.runs})")
    print(f"ConvStudio main window:          {o * 1e3:7.0f} ms")
    print(f"ratio ConvStudio / bare:         {o / b:7.2f}   (target: at most 1.5)")


if __name__ == "__main__":
    main()
