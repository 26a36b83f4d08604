"""How long View ▸ As a matrix takes, against one repaint of the same window.

For an 8×8 input with a 3×3 kernel (M is 36×64, the largest the view shows whole), a 16×16
one (196×256: it scrolls) and a 3-channel 8×8 with 2 kernels, at 1920×1080 presenting and
1280×720 editing, the median time of:

- **layout + paint**: the view's picture made anew (M and im2col computed, no cache), both
  tabs' products set (measured and planned), and the Matrix tab painted (``grab()`` of its
  viewport): what a new scene or a change of channel costs;
- **step**: ``playback.next()`` with the view's handler (the lit row moved and scrolled),
  and the Matrix tab painted;
- **repaint**: ``window.grab()`` with the stage shown (one full repaint of the window into a
  pixmap), the reference, measured in the same run and interleaved.

    .venv/bin/python benchmarks/bench_matrix.py [--repeat N]
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

from convstudio.engine.layers import Conv2d
from convstudio.model import Scene, Studio
from convstudio.model import matrix_view as matrix_model
from convstudio.qt.main_window import MainWindow


def scenes() -> list[tuple[str, Scene]]:
    rng = np.random.default_rng(0)
    kernel = np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]])
    return [
        ("8×8, 3×3", Scene(rng.integers(0, 10, (8, 8)).astype(float), layers=(Conv2d(kernel),))),
        (
            "16×16, 3×3",
            Scene(rng.integers(0, 10, (16, 16)).astype(float), layers=(Conv2d(kernel),)),
        ),
        (
            "8×8×3, 2 kernels",
            Scene(
                rng.integers(0, 10, (3, 8, 8)).astype(float),
                layers=(Conv2d(rng.integers(-2, 3, (2, 3, 3, 3)).astype(float)),),
            ),
        ),
    ]


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    columns = ("scene", "size", "M", "layout+paint", "step", "repaint", "ratio", "step ratio")
    print("{:<18} {:<16} {:>8} {:>13} {:>9} {:>9} {:>6} {:>10}".format(*columns))
    for name, scene in scenes():
        for size, present in (((1920, 1080), True), ((1280, 720), False)):
            studio = Studio(scene)
            window = MainWindow(studio, remember_geometry=False)
            window.resize(*size)
            window.show()
            if present:
                window.set_presenting(True, full_screen=False)
            studio.playback.seek(1)
            QApplication.processEvents()
            view = window.matrix_view
            canvas = view.matrix_canvas
            layout, step, repaint = [], [], []
            for i in range(args.repeat):
                window.set_matrix_shown(False)
                QApplication.processEvents()
                repaint.append(timed(window.grab))
                window.set_matrix_shown(True)
                QApplication.processEvents()

                def fresh() -> None:
                    matrix_model._cache.clear()
                    view.set_picture(matrix_model.matrix_choice_of(studio).picture())
                    # A new product each time: measured and planned again, as on a new scene.
                    canvas.set_product(None)
                    canvas.set_product(matrix_model.matrix_product(view.picture))
                    canvas.viewport().grab()

                layout.append(timed(fresh))

                def one_step(position: int = 2 + i % 20) -> None:
                    studio.playback.seek(position)
                    canvas.viewport().grab()

                step.append(timed(one_step))
            shape = "×".join(str(n) for n in canvas.product.matrix.shape)
            lay, stp, ref = (statistics.median(t) * 1000 for t in (layout, step, repaint))
            label = f"{size[0]}×{size[1]}" + (" present" if present else "")
            print(
                f"{name:<18} {label:<16} {shape:>8} {lay:>11.1f}ms {stp:>7.1f}ms {ref:>7.1f}ms"
                f" {lay / ref:>6.2f} {stp / ref:>10.2f}"
            )
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    print("ratio: layout+paint / repaint, step ratio: step / repaint (the window's repaint,")
    print("measured in the same run)")


if __name__ == "__main__":
    main()
