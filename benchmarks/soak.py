"""Soak: a long run of random user actions on the real window; do memory and handlers stay flat?

Runs the driver of ``tests/random_actions.py`` (the one ``tests/test_random_actions.py``
runs for 3 × 2000 actions) for 20 000 actions by default, inside the event loop, and prints:

- actions per second (overall, and per sample of ``--sample-every`` actions);
- memory: the resident set now and at its peak (``ru_maxrss``) at the start and the end,
  and with ``--tracemalloc`` Python's own allocations (slower);
- how many handlers are connected to each model event at the start, at the end as the
  actions left the window, and at the end once the worked example is open again (the
  scene of the start, so those counts should equal the start's);
- every distinct failure the checks found (the run carries on after one).

Exit status 1 when a failure was found or a handler count on the worked example grew.

    .venv/bin/python benchmarks/soak.py [--actions N] [--seed S] [--sample-every K]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the checkout, and the driver in tests/

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The driver saves presets and scenes: keep the user's settings and kernels out of it.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convstudio-soak-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="convstudio-soak-data-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample-every", type=int, default=1000, metavar="K")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python memory")
    parser.add_argument(
        "--stop-on-failure", action="store_true", help="stop at the first failure (as the test)"
    )
    args = parser.parse_args()

    import tracemalloc

    from random_actions import Driver, current_rss_mb, handler_counts, handler_names, peak_rss_mb

    from convstudio.model import scene_path
    from convstudio.qt.app import application

    if args.tracemalloc:
        tracemalloc.start()
    application()
    samples: dict[str, object] = {}
    last = {"time": time.perf_counter(), "index": -1}

    def memory() -> dict[str, float]:
        figures = {"rss": current_rss_mb(), "peak": peak_rss_mb()}
        if args.tracemalloc:
            current, peak = tracemalloc.get_traced_memory()
            figures |= {"traced": current / 2**20, "traced_peak": peak / 2**20}
        return figures

    def on_tick(index: int, driver: Driver) -> None:
        if index == -1:
            # Views made on first use (the image window, the heat maps) are made before the
            # first measure, so that making them later does not count as growth.
            driver.window.image_window()
            driver.window.set_heat_maps(True)
            driver.window.set_heat_maps(False)
            gc.collect()
            samples["start_memory"] = memory()
            samples["start_handlers"] = handler_counts(driver.studio)
            samples["start_names"] = handler_names(driver.studio)
            last["time"] = time.perf_counter()
            samples["start_time"] = last["time"]
            return
        done = index + 1
        if done % args.sample_every and done != args.actions:
            return
        now = time.perf_counter()
        rate = (index - last["index"]) / (now - last["time"])
        last.update(time=now, index=index)
        m = memory()
        handlers = sum(handler_counts(driver.studio).values())
        print(
            f"  {done:6d} actions  {rate:6.1f} actions/s  RSS {m['rss']:7.1f} MB  "
            f"peak {m['peak']:7.1f} MB  handlers {handlers:5d}  "
            f"failures {len(driver.report.failures)}",
            flush=True,
        )

    def measure_as_left(driver: Driver) -> None:
        samples["end_time"] = time.perf_counter()
        samples["left_handlers"] = handler_counts(driver.studio)
        image = driver.window._image_window
        if image is not None:
            image.close()
        driver.window.set_heat_maps(False)
        driver.window.ask_unsaved = lambda *_: "discard"  # the driver's may say "cancel"
        samples["reopened"] = driver.window.open_scene(scene_path("worked-example"))

    def measure_on_worked_example(driver: Driver) -> None:
        gc.collect()
        samples["end_handlers"] = handler_counts(driver.studio)
        samples["end_names"] = handler_names(driver.studio)
        samples["end_memory"] = memory()

    with tempfile.TemporaryDirectory(prefix="convstudio-soak-") as folder:
        driver = Driver(
            args.seed,
            args.actions,
            Path(folder),
            stop_on_failure=args.stop_on_failure,
            on_tick=on_tick,
        )
        # Deleted views unbind when Qt destroys them: a tick between the two measures.
        idle = [lambda d: None] * 3
        driver.finish_steps = [measure_as_left, *idle, measure_on_worked_example]
        print(f"soak: seed {args.seed}, {args.actions} actions", flush=True)
        report = driver.run()

    done = report.actions_done
    seconds = samples.get("end_time", time.perf_counter()) - samples.get("start_time", 0)
    print(f"\n{done} actions in {seconds:.1f} s: {done / seconds:.1f} actions/s")
    start_m, end_m = samples.get("start_memory"), samples.get("end_memory")
    if start_m and end_m:
        print(
            f"memory: RSS {start_m['rss']:.1f} MB -> {end_m['rss']:.1f} MB; "
            f"peak (ru_maxrss) {start_m['peak']:.1f} MB -> {end_m['peak']:.1f} MB"
        )
        if args.tracemalloc:
            print(
                f"        Python (tracemalloc) {start_m['traced']:.1f} MB -> "
                f"{end_m['traced']:.1f} MB, peak {end_m['traced_peak']:.1f} MB"
            )
    grew = False
    start_h = samples.get("start_handlers", {})
    left_h = samples.get("left_handlers", {})
    end_h = samples.get("end_handlers", {})
    print("handlers connected:  start -> end as left -> end on the worked example again")
    if not samples.get("reopened"):
        print("  (the worked example could not be opened again: the last column is not comparable)")
    for name, count in start_h.items():
        end = end_h.get(name, "?")
        flag = ""
        if isinstance(end, int) and end > count:
            grew, flag = True, f"   GREW by {end - count}"
        print(f"  {name:30s} {count:5d} -> {left_h.get(name, '?'):5} -> {end:5}{flag}")
        if flag:
            extra = Counter(samples["end_names"][name]) - Counter(samples["start_names"][name])
            for slot, n in sorted(extra.items()):
                print(f"      +{n} {slot}")
    counts = ", ".join(f"{n} {c}" for n, c in sorted(report.counts.items(), key=lambda x: -x[1]))
    print(f"actions: {counts}")
    print(f"failures: {len(report.failures)}")
    for failure in report.failures:
        print(f"\n{failure}")
    return 1 if report.failures or grew else 0


if __name__ == "__main__":
    sys.exit(main())
