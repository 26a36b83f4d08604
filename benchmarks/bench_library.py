"""The preset picker listed again as it opens (it reads the user's library from disk each time,
so that a kernel another window saved appears), against one repaint of the window.

For 0, 20 and 200 of the user's own kernels (one file each, in a temporary library):

- **scan**: ``KernelLibrary.entries()``, reading and checking every file;
- **list**: ``KernelPanel.reload_presets()`` with the previews already made (the picker as it
  opens, every time after the first);
- **first**: the same with no preview made yet (the first opening after a start);
- the reference: ``window.grab()`` of the same main window, in the same run.

    .venv/bin/python benchmarks/bench_library.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtWidgets import QApplication

from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.library import user_library
from convstudio.qt import preset_icons
from convstudio.qt.kernel_panel import KernelPanel
from convstudio.qt.main_window import MainWindow


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rng = np.random.default_rng(0)
    print(f"{'kernels':>8} {'scan ms':>8} {'list ms':>8} {'first ms':>9} {'repaint ms':>11}"
          f" {'list/repaint':>13}")  # fmt: skip
    for count in (0, 20, 200):
        with tempfile.TemporaryDirectory() as folder:
            library = user_library(folder)
            for k in range(count):
                library.save(f"kernel {k:03d}", rng.integers(-2, 3, (3, 3)).astype(float))
            window = MainWindow(Studio(load_scene(scene_path(DEFAULT_SCENE))),
                                remember_geometry=False)  # fmt: skip
            window.resize(1280, 720)
            window.show()
            app.processEvents()
            # A panel on this run's library (not the user's), beside the window.
            panel = KernelPanel(window.studio, lambda _sentence: None, library)
            scan = median_ms(library.entries, args.repeat)
            preset_icons._preview_icon.cache_clear()
            first = median_ms(panel.reload_presets, 1)
            listing = median_ms(panel.reload_presets, args.repeat)
            repaint = median_ms(window.grab, args.repeat)
            print(f"{count:>8} {scan:>8.1f} {listing:>8.1f} {first:>9.1f} {repaint:>11.1f}"
                  f" {listing / repaint:>13.2f}")  # fmt: skip
            window.close()
            window.deleteLater()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
