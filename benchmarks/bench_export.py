"""GIF export of the worked example at 1280×720: the whole run, against its own parts.

Times, in one process and interleaved round by round:

- **gif**: ``render_run_gif`` as File ▸ Export run… and ``convstudio gif`` call it: the
  window laid out off screen, 16 steps drawn (plus the palette frame), quantised and
  encoded by Pillow;
- **frames alone** (the reference): the same window made and the same 17 frames grabbed,
  no GIF;
- **pillow alone**: the 16 frames, already drawn, quantised and saved by Pillow.

Prints the medians and gif / frames-alone. Target: gif at most 2 s. Runs offscreen.

    .venv/bin/python benchmarks/bench_export.py [--rounds N] [--size WxH]
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

from convstudio.model import DEFAULT_SCENE, load_scene, scene_path
from convstudio.model.export import frame_ms, run_positions
from convstudio.qt.app import application
from convstudio.qt.export import FrameRenderer, gif_bytes, render_run_gif

SPEED = 2.0
TARGET_S = 2.0


def gif(scene, size):
    return render_run_gif(scene, size, SPEED)


def frames_alone(scene, size):
    with FrameRenderer(scene, size, speed=SPEED) as renderer:
        images = [renderer.frame(renderer.total)]
        images += [renderer.frame(p) for p in run_positions(renderer.total)]
    return images


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    app = application()
    scene = load_scene(scene_path(DEFAULT_SCENE))
    images = frames_alone(scene, size)  # warm-up, and the frames Pillow is timed on
    data = gif(scene, size)
    times: dict[str, list[float]] = {"gif": [], "frames alone": [], "pillow alone": []}
    jobs = {
        "gif": lambda: gif(scene, size),
        "frames alone": lambda: frames_alone(scene, size),
        "pillow alone": lambda: gif_bytes(images[1:], frame_ms(SPEED), images[0]),
    }
    for round_ in range(args.rounds):
        names = list(jobs)
        names = names[round_ % 3 :] + names[: round_ % 3]  # a rotated order each round
        for name in names:
            start = time.perf_counter()
            jobs[name]()
            times[name].append(time.perf_counter() - start)
            app.processEvents()  # let the closed windows be deleted between runs
    median = {name: statistics.median(values) for name, values in times.items()}
    frames = len(images) - 1
    print(f"worked example, {frames} frames at {size[0]}×{size[1]}, {args.rounds} rounds")
    print(f"GIF size: {len(data) / 1024:.0f} kB")
    for name, value in median.items():
        print(f"  {name:<13} {value * 1000:7.0f} ms   ({value / frames * 1000:.1f} ms a frame)")
    ratio = median["gif"] / median["frames alone"]
    print(f"gif / frames alone: {ratio:.2f}")
    verdict = "OK" if median["gif"] <= TARGET_S else "OVER"
    print(f"target: gif ≤ {TARGET_S:.0f} s — {verdict}")
    return 0 if median["gif"] <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
