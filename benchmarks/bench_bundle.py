"""The one-folder bundle (scripts/bundle) against a pipx install: size and start-up time.

    python3 benchmarks/bench_bundle.py [--runs N] [--reuse]

Builds the bundle with ``scripts/bundle`` (minutes: not for CI; ``--reuse`` keeps a
``dist/ConvStudio`` already built) and installs ConvStudio with pipx into
``build/bench-pipx`` (pipx itself in a build environment there, so nothing of the user's is
touched). Then it runs both, interleaved, after one warm-up run each (the file cache warm, as
on a teacher's second start), headless (``QT_QPA_PLATFORM=offscreen``):

- ``--version``: the start of the program alone (the bundle's boot loader, or Python);
- ``compute worked-example``: the model and numpy, no Qt;
- ``render worked-example -o frame.png``: Qt, the real window laid out and drawn once, the
  nearest a headless run comes to the window's start-up.

Sizes are the bundle folder and pipx's environment for ConvStudio, on disk.
Linux only (the bundle is built for the system it runs on).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "ConvStudio"
PIPX = ROOT / "build" / "bench-pipx"
CASES = {
    "--version": ["--version"],
    "compute worked-example": ["compute", "worked-example"],
    "render worked-example": ["render", "worked-example", "-o", "frame.png"],
}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def build_bundle() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bundle"), "--no-check"], check=True)
    return time.perf_counter() - start


def pipx_install() -> tuple[Path, Path, float]:
    """ConvStudio installed by pipx into build/bench-pipx; its program and environment."""
    tools = PIPX / "tools"
    if not (tools / "bin" / "python").exists():
        venv.create(tools, with_pip=True)
        subprocess.run([tools / "bin" / "python", "-m", "pip", "install", "-q", "pipx"], check=True)
    env = _env(
        PIPX_HOME=str(PIPX / "home"), PIPX_BIN_DIR=str(PIPX / "bin"), PIPX_MAN_DIR=str(PIPX / "man")
    )
    start = time.perf_counter()
    subprocess.run(
        [tools / "bin" / "python", "-m", "pipx", "install", "--force", str(ROOT)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    took = time.perf_counter() - start
    return PIPX / "bin" / "convstudio", PIPX / "home" / "venvs" / "convstudio", took


def size_of(folder: Path) -> int:
    """Bytes on disk of the files under *folder* (links counted once, not followed)."""
    seen = set()
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        info = path.stat()
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            total += info.st_blocks * 512
    return total


def run_once(program: Path, args: list[str], folder: str) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run: the CPU time moves less with
    the machine's other load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(program), *args],
        env=_env(),
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep a bundle already built")
    args = parser.parse_args()
    if sys.platform != "linux":
        print("bench_bundle runs on Linux")
        return 1
    if not (args.reuse and (BUNDLE / "convstudio").exists()):
        print(f"bundle built in {build_bundle():.0f} s")
    program, environment, took = pipx_install()
    print(f"pipx install from the checkout (wheels cached): {took:.0f} s")
    candidates = {"bundle": BUNDLE / "convstudio", "pipx": program}
    print(f"{'size on disk':26} bundle {size_of(BUNDLE) / 2**20:6.0f} MB", end="")
    print(f"   pipx {size_of(environment) / 2**20:6.0f} MB")
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for program in candidates.values():
            for case_args in CASES.values():
                run_once(program, case_args, folder)  # warm-up
        for _ in range(args.runs):
            for case, case_args in CASES.items():
                for name, program in candidates.items():
                    taken = run_once(program, case_args, folder)
                    times.setdefault((name, case), []).append(taken)
    print(f"medians of {args.runs} runs, wall clock (CPU)")
    for case in CASES:
        shown = []
        for name in candidates:
            wall = statistics.median(t[0] for t in times[(name, case)])
            cpu = statistics.median(t[1] for t in times[(name, case)])
            shown.append(f"{name} {wall * 1e3:6.0f} ms ({cpu * 1e3:5.0f} ms)")
        print(f"{case:26} " + "   ".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
