"""The layer engine on a four-layer 32×32 stack: one step of each layer, the forward pass
and the backward pass (a training step's work), against references measured in the same run.

    .venv/bin/python benchmarks/bench_layers.py [--rounds N]

The stack is conv 3×3 (1→4, padding 1) → ReLU → max pool 2×2 → conv 3×3 (4→2). The references
are a frame of the app's budget (16.7 ms, one repaint at 60 Hz, as a fixed yardstick) and,
where torch is installed, torch's forward and backward of the same stack in float64 on the
CPU (limited to 2 threads). Ratios below 1 mean ours is faster.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from convstudio.engine.layers import Activation, Conv2d, Pool2d, backward, forward

FRAME_MS = 1000 / 60


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    """The median of *rounds* samples, each looping *fn* for at least 20 ms."""
    fn()
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        if time.perf_counter() - start > 0.02:
            break
        loops *= 2
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter() - start) / loops * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1, 32, 32))
    layers = [
        Conv2d(rng.normal(size=(4, 1, 3, 3)), bias=rng.normal(size=4), padding=1),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(rng.normal(size=(2, 4, 3, 3)), bias=rng.normal(size=2)),
    ]
    maps = forward(layers, x)
    grad = np.ones_like(maps[-1])
    rows: list[tuple[str, float]] = []
    for index, layer in enumerate(layers):
        middle = layer.step_count(maps[index].shape) // 2
        rows.append(
            (
                f"one step of layer {index + 1} ({layer.kind})",
                median_ms(lambda lay=layer, m=maps[index], k=middle: lay.step(m, k), args.rounds),
            )
        )
    rows.append(("forward pass, 4 layers", median_ms(lambda: forward(layers, x), args.rounds)))
    rows.append(
        ("backward pass, 4 layers", median_ms(lambda: backward(layers, maps, grad), args.rounds))
    )
    rows.append(
        (
            "training step (forward + backward)",
            median_ms(lambda: backward(layers, forward(layers, x), grad), args.rounds),
        )
    )
    torch_ms = torch_training_step(layers, x, args.rounds)
    print(f"{'what':40} {'ms':>9} {'/ frame':>9} {'/ torch':>9}")
    for name, ms in rows:
        versus = f"{ms / torch_ms:9.2f}" if torch_ms and name.startswith("training") else ""
        print(f"{name:40} {ms:9.3f} {ms / FRAME_MS:9.3f} {versus:>9}")
    if torch_ms:
        print(f"{'torch: training step, float64':40} {torch_ms:9.3f} {torch_ms / FRAME_MS:9.3f}")
    else:
        print("torch: not installed")
    return 0


def torch_training_step(layers: list, x: np.ndarray, rounds: int) -> float | None:
    """torch's forward and backward of the same stack, or None without torch."""
    try:
        import torch
    except ImportError:
        return None
    from torch import nn

    torch.set_num_threads(2)
    first, _, _, last = layers
    model = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 2, 3)
    ).double()
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(np.array(first.kernels)))
        model[3].weight.copy_(torch.from_numpy(np.array(last.kernels)))
    tx = torch.from_numpy(x[None]).requires_grad_(True)

    def step() -> None:
        model.zero_grad()
        model(tx).sum().backward()

    return median_ms(step, rounds)


if __name__ == "__main__":
    sys.exit(main())
