"""Time convstudio's numpy conv2d against scipy and torch, measured in the same run.

Every case first checks that each reference computes the same numbers as ours
(``np.allclose``, and the largest absolute difference is printed), then times all
candidates of the case in interleaved rounds: round 1 runs ours, ref A, ref B, ...,
round 2 runs them again in a rotated order, and so on, so that noise on a shared
machine hits every candidate alike. Each sample loops a candidate enough times to
last at least ``--min-sample-ms``; the figure reported is the median per-call time.

``ratio = ours / reference``: below 1 means ours is faster. The "ratio IQR" column
is the spread (25th-75th percentile) of the per-round ratios, a gauge of the noise.

scipy and torch are optional; their rows read "not installed" when missing.

Run:  python benchmarks/bench_conv.py [--quick]
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

try:
    from convstudio.engine.conv import ConvProblem, conv2d
except ImportError:  # not installed: use the checkout this script lives in
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from convstudio.engine.conv import ConvProblem, conv2d

try:
    import scipy
    import scipy.ndimage
    import scipy.signal
except ImportError:
    scipy = None

try:
    import torch
    import torch.nn.functional as torch_f
except ImportError:
    torch = None

TORCH_THREADS = 2
SEED = 20240601


@dataclass
class Candidate:
    """One implementation to time; ``crop(to_numpy(result))`` must match ours."""

    label: str
    run: Callable[[], object] | None  # None: the library is missing
    to_numpy: Callable[[object], np.ndarray] = np.asarray
    rtol: float = 1e-5
    atol: float = 1e-8
    crop: Callable[[np.ndarray], np.ndarray] = lambda a: a
    note: str = ""
    # Filled in by the benchmark.
    max_diff: float = math.nan
    ok: bool | None = None
    per_call: list[float] = field(default_factory=list)


@dataclass
class Case:
    name: str
    ours: Candidate
    references: list[Candidate]


# --------------------------------------------------------------------------- candidates


def _torch_candidates(x: np.ndarray, w: np.ndarray, padding: int | str) -> list[Candidate]:
    """torch.nn.functional.conv2d on float64 and float32 tensors (made outside the timing)."""
    if torch is None:
        return [
            Candidate("torch conv2d f64", None, note="not installed"),
            Candidate("torch conv2d f32", None, note="not installed"),
        ]
    x4 = x.reshape((1,) * (4 - x.ndim) + x.shape)
    w4 = w.reshape((1,) * (4 - w.ndim) + w.shape)
    out: list[Candidate] = []
    for dtype, label, rtol, atol in (
        (torch.float64, "torch conv2d f64", 1e-5, 1e-8),
        (torch.float32, "torch conv2d f32", 1e-4, 1e-4),
    ):
        xt = torch.from_numpy(x4).to(dtype).contiguous()
        wt = torch.from_numpy(w4).to(dtype).contiguous()

        def run(xt=xt, wt=wt):
            with torch.no_grad():
                return torch_f.conv2d(xt, wt, padding=padding)

        def to_numpy(result, squeeze_to=x.ndim == 2 and w.ndim == 2):
            a = result.detach().to(torch.float64).numpy()[0]
            return a[0] if squeeze_to else a

        out.append(Candidate(label, run, to_numpy=to_numpy, rtol=rtol, atol=atol))
    return out


def single_channel_case(rng: np.random.Generator, n: int, k: int) -> Case:
    x = rng.standard_normal((n, n))
    w = rng.standard_normal((k, k))
    ours = Candidate("ours (numpy f64)", lambda: conv2d(x, w, padding="valid"))
    refs: list[Candidate] = []
    if scipy is None:
        refs.append(Candidate("scipy.signal.correlate2d", None, note="not installed"))
        refs.append(Candidate("scipy.ndimage.correlate", None, note="not installed"))
    else:
        refs.append(
            Candidate(
                "scipy.signal.correlate2d",
                lambda: scipy.signal.correlate2d(x, w, mode="valid"),
            )
        )
        # ndimage returns an n x n "same"-size output (zero-padded here): it does
        # slightly more work than a valid correlation, and is cropped for the check.
        h = k // 2
        refs.append(
            Candidate(
                "scipy.ndimage.correlate",
                lambda: scipy.ndimage.correlate(x, w, mode="constant", cval=0.0),
                crop=lambda a, h=h: a[h : a.shape[0] - h, h : a.shape[1] - h],
                note="n x n output, cropped",
            )
        )
    refs.extend(_torch_candidates(x, w, padding=0))
    return Case(f"1ch {n}x{n}, {k}x{k}, valid", ours, refs)


def multi_channel_case(
    rng: np.random.Generator, c: int, n: int, o: int, k: int, padding: int, f32: bool = False
) -> Case:
    x = rng.standard_normal((c, n, n))
    w = rng.standard_normal((o, c, k, k))
    if f32:
        # What image mode runs: the engine's float32 path, checked loosely against torch.
        problem = ConvProblem(x, w, padding=padding)
        ours = Candidate("ours (numpy f32)", lambda: problem.compute(np.float32))
        refs = _torch_candidates(x, w, padding=padding)
        for ref in refs:
            ref.rtol, ref.atol = 1e-4, 1e-3
        name = f"{c}ch {n}x{n} -> {o} x {k}x{k} f32"
    else:
        ours = Candidate("ours (numpy f64)", lambda: conv2d(x, w, padding=padding))
        refs = _torch_candidates(x, w, padding=padding)
        name = f"{c}ch {n}x{n} -> {o} x {k}x{k}, pad {padding}"
    return Case(name, ours, refs)


# --------------------------------------------------------------------------- measurement


def check(ours_result: np.ndarray, ref: Candidate) -> None:
    """Fill ``ref.max_diff`` and ``ref.ok`` from one run of the reference."""
    got = ref.crop(np.asarray(ref.to_numpy(ref.run()), dtype=np.float64))
    if got.shape != ours_result.shape:
        ref.ok = False
        ref.note = f"shape {got.shape} != ours {ours_result.shape}"
        return
    ref.max_diff = float(np.max(np.abs(got - ours_result)))
    ref.ok = bool(np.allclose(got, ours_result, rtol=ref.rtol, atol=ref.atol))


def _one_call(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def time_interleaved(
    candidates: list[Candidate], rounds: int, min_sample: float, warmup: int
) -> None:
    """Time *candidates* in interleaved, rotated rounds; fill each ``per_call`` list."""
    runnable = [c for c in candidates if c.run is not None]
    loops: dict[int, int] = {}
    for c in runnable:
        for _ in range(warmup):
            c.run()
        once = min(_one_call(c.run) for _ in range(2))
        loops[id(c)] = max(1, math.ceil(min_sample / max(once, 1e-9)))
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(rounds):
            shift = r % len(runnable)
            for c in runnable[shift:] + runnable[:shift]:
                n = loops[id(c)]
                fn = c.run
                t0 = time.perf_counter()
                for _ in range(n):
                    fn()
                c.per_call.append((time.perf_counter() - t0) / n)
    finally:
        if gc_was_enabled:
            gc.enable()


def run_case(case: Case, rounds: int, min_sample: float, warmup: int) -> None:
    ours_result = np.asarray(case.ours.run(), dtype=np.float64)
    for ref in case.references:
        if ref.run is not None:
            check(ours_result, ref)
    time_interleaved([case.ours, *case.references], rounds, min_sample, warmup)


# --------------------------------------------------------------------------- report


def _fmt_ms(seconds: float) -> str:
    return f"{seconds * 1e3:9.3f}"


def print_environment(args: argparse.Namespace) -> None:
    print("ConvStudio conv2d benchmark")
    print(f"  python      {platform.python_version()} on {platform.platform()}")
    print(f"  cpus        {os.cpu_count()}")
    print(f"  numpy       {np.__version__}")
    blas = _blas_info()
    for line in blas:
        print(f"  blas        {line}")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        if var in os.environ:
            print(f"  env         {var}={os.environ[var]}")
    print(f"  scipy       {scipy.__version__ if scipy is not None else 'not installed'}")
    if torch is not None:
        print(
            f"  torch       {torch.__version__}, threads={torch.get_num_threads()}"
            f" (interop {torch.get_num_interop_threads()})"
        )
    else:
        print("  torch       not installed")
    print(
        f"  timing      {args.rounds} interleaved rounds, samples >= {args.min_sample_ms:g} ms,"
        f" {args.warmup} warm-up call(s); median per call"
    )
    print()


def _blas_info() -> list[str]:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        threadpool_info = None
    if threadpool_info is not None:
        lines = []
        for pool in threadpool_info():
            if pool.get("user_api") != "blas":
                continue
            lines.append(
                f"{pool.get('internal_api')} {pool.get('version')}"
                f" core={pool.get('architecture')} threads={pool.get('num_threads')}"
                f" ({os.path.basename(pool.get('filepath', ''))})"
            )
        return lines or ["threadpoolctl found no BLAS"]
    try:
        deps = np.show_config(mode="dicts")["Build Dependencies"]
        b = deps["blas"]
        return [
            f"{b.get('name')} {b.get('version')} (numpy build info; threadpoolctl not installed)"
        ]
    except Exception:  # numpy < 1.26 has no mode="dicts"
        return ["unknown (threadpoolctl not installed)"]


def print_table(cases: list[Case]) -> bool:
    header = (
        f"{'case':<32} {'reference':<25} {'max|diff|':>9} {'check':>5}"
        f" {'ours ms':>9} {'ref ms':>9} {'ratio':>6} {'ratio IQR':>11}"
    )
    print(header)
    print("-" * len(header))
    all_ok = True
    for case in cases:
        ours_med = float(np.median(case.ours.per_call))
        first = True
        for ref in case.references:
            name = case.name if first else ""
            first = False
            if ref.run is None:
                print(f"{name:<32} {ref.label:<25} {'':>15} {_fmt_ms(ours_med)}  {ref.note}")
                continue
            ref_med = float(np.median(ref.per_call))
            paired = np.asarray(case.ours.per_call) / np.asarray(ref.per_call)
            q1, q3 = np.percentile(paired, [25, 75])
            status = "ok" if ref.ok else "FAIL"
            all_ok &= bool(ref.ok)
            line = (
                f"{name:<32} {ref.label:<25} {ref.max_diff:9.1e} {status:>5}"
                f" {_fmt_ms(ours_med)} {_fmt_ms(ref_med)} {ours_med / ref_med:6.2f}"
                f" {f'{q1:.2f}-{q3:.2f}':>11}"
            )
            if ref.note:
                line += f"  [{ref.note}]"
            print(line)
    print()
    print("ratio = ours / reference (median per-call times); below 1 means ours is faster.")
    print("check = np.allclose(reference, ours); f32 rows use rtol=atol=1e-4.")
    return all_ok


def build_cases(rng: np.random.Generator) -> list[Case]:
    cases = [single_channel_case(rng, n, k) for n in (512, 1024) for k in (3, 7)]
    cases.append(multi_channel_case(rng, c=3, n=512, o=8, k=3, padding=1))
    cases.append(multi_channel_case(rng, c=1, n=1024, o=1, k=7, padding=3))
    # Image mode computes in float32: the same two images through that path.
    cases.append(multi_channel_case(rng, c=3, n=512, o=8, k=3, padding=1, f32=True))
    cases.append(multi_channel_case(rng, c=1, n=1024, o=1, k=7, padding=3, f32=True))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter samples")
    parser.add_argument("--rounds", type=int, help="interleaved rounds per case")
    parser.add_argument("--min-sample-ms", type=float, help="minimum length of one sample")
    args = parser.parse_args(argv)
    if args.rounds is not None and args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.rounds is None:
        args.rounds = 5 if args.quick else 15
    if args.min_sample_ms is None:
        args.min_sample_ms = 10.0 if args.quick else 30.0
    args.warmup = 1 if args.quick else 2

    if torch is not None:
        torch.set_num_threads(TORCH_THREADS)
    print_environment(args)

    start = time.perf_counter()
    cases = build_cases(np.random.default_rng(SEED))
    for case in cases:
        run_case(case, args.rounds, args.min_sample_ms / 1e3, args.warmup)
    all_ok = print_table(cases)
    print(f"total {time.perf_counter() - start:.1f} s")
    if not all_ok:
        print("some references disagree with ours (check column)", file=sys.stderr)
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
