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

With ``--legibility``: the 8×8 case drawn presenting at 1920×1080 and 1280×720 (English
and 繁體中文), read back by tesseract as ``bench_legibility.py`` reads the stage (each value
cut out and set apart on a white sheet): of the matrix's non-zero entries and the result's
values in view, how many were read, and their median digit height in the frame's pixels.

    .venv/bin/python benchmarks/bench_matrix.py [--repeat N] [--legibility]
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


def legibility() -> None:
    """Digit heights of the matrix view, read back by OCR (see the module's notes)."""
    import io

    from bench_legibility import Cell, cells_apart, read_cells
    from PIL import Image
    from PySide6.QtCore import QRect

    from convstudio.model.numbers import format_number
    from convstudio.qt.export import png_bytes
    from convstudio.qt.language import install_language

    print(f"{'language':<9} {'size':<10} {'read':>9} {'digit height':>13}")
    for language in ("en", "zh_TW"):
        install_language(language)
        for size in ((1920, 1080), (1280, 720)):
            studio = Studio(scenes()[0][1])
            window = MainWindow(studio, remember_geometry=False)
            window.resize(*size)
            window.show()
            window.set_presenting(True, full_screen=False)
            window.set_matrix_shown(True)
            studio.playback.seek(12)
            for _ in range(3):
                QApplication.processEvents()
            canvas = window.matrix_view.matrix_canvas
            viewport = canvas.viewport()
            frame = Image.open(io.BytesIO(png_bytes(window.grab().toImage()))).convert("RGB")
            shown = viewport.rect()
            cells = []
            matrix = canvas.product.matrix
            spots = [
                (canvas.entry_rect(i, j), matrix[i, j])
                for i, j in zip(*np.nonzero(matrix), strict=True)
            ]
            spots += [(canvas.result_rect(i), v) for i, v in enumerate(canvas.product.right)]
            for rect, value in spots:
                whole = rect.toRect()
                inside = shown.contains(whole)
                corner = viewport.mapTo(window, whole.topLeft())
                place = QRect(corner, whole.size()) if inside else QRect()
                cells.append(Cell(format_number(value), place))
            sheet, places = cells_apart(frame, cells, 16, 0.0)
            reading = read_cells(sheet, cells, places, 11)
            height = statistics.median(reading.heights) if reading.heights else 0.0
            label = f"{size[0]}×{size[1]}"
            print(f"{language:<9} {label:<10} {reading.read:>4}/{len(cells):<4} {height:>11.1f}px")
            window.close()
            window.deleteLater()
            QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--legibility", action="store_true", help="read the digits by OCR")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    if args.legibility:
        legibility()
        return
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

                def fresh(view=view, studio=studio, canvas=canvas) -> None:  # type: ignore[no-untyped-def]
                    matrix_model._cache.clear()
                    view.set_picture(matrix_model.matrix_choice_of(studio).picture())
                    # A new product each time: measured and planned again, as on a new scene.
                    canvas.set_product(None)
                    canvas.set_product(matrix_model.matrix_product(view.picture))
                    canvas.viewport().grab()

                layout.append(timed(fresh))

                def one_step(position=2 + i % 20, studio=studio, canvas=canvas) -> None:  # type: ignore[no-untyped-def]
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
