"""Image mode: from a kernel edit to the whole-image result repainted.

A 512×512 RGB image with 8 kernels of 3×3 (and a 1024×1024 grey image with one 7×7
kernel): the median time from ``document.set_kernel_value`` to the result image
repainted, and, as the reference measured in the same run, the engine's conv2d alone
on the same data. Runs offscreen.

    .venv/bin/python benchmarks/bench_image.py [--edits N]
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

from convstudio.engine import conv2d
from convstudio.model import Scene, Studio
from convstudio.model.image import as_channels
from convstudio.qt.app import application
from convstudio.qt.image_window import ImageWindow


def measure(side: int, channels: int, kernels: int, k: int, edits: int) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, (side, side, 3), dtype=np.uint8)
    scene = Scene(
        input=np.zeros((channels, 6, 6)),
        kernels=rng.integers(-2, 3, (kernels, channels, k, k)).astype(float),
        padding=k // 2,
    )
    studio = Studio(scene)
    window = ImageWindow(studio, print)
    window.pixels = pixels
    window.show()
    window.recompute()
    QApplication.processEvents()
    x = as_channels(pixels, channels)
    update, engine = [], []
    for i in range(edits):
        start = time.perf_counter()
        studio.document.set_kernel_value(0, 0, 0, 0, float(i % 5))
        window.result_view.viewport().repaint()
        update.append(time.perf_counter() - start)
        start = time.perf_counter()
        conv2d(x, studio.document.scene.kernels, padding=k // 2)
        engine.append(time.perf_counter() - start)
    window.close()
    window.deleteLater()  # delete the pyqtgraph scene while Qt is still running
    QApplication.processEvents()
    return statistics.median(update), statistics.median(engine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    application()
    print(f"{'case':>28} {'edit→repaint':>13} {'conv2d alone':>13} {'ratio':>6}")
    for side, channels, kernels, k in ((512, 3, 8, 3), (1024, 1, 1, 7)):
        update, engine = measure(side, channels, kernels, k, args.edits)
        case = f"{side}² {'RGB' if channels == 3 else 'grey'}, {kernels}×{k}×{k}"
        print(f"{case:>28} {update * 1e3:10.1f} ms {engine * 1e3:10.1f} ms {update / engine:6.2f}")
    print("target: an edit shows on the 512² RGB result within 100 ms")


if __name__ == "__main__":
    main()
