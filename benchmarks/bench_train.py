"""One training step of the four-layer 32×32 stack: forward, backward and the update.

    .venv/bin/python benchmarks/bench_train.py [--rounds N]

The stack is bench_step.py's (conv 3×3 with bias −100 → ReLU → max pool 2×2 → conv 3×3 on a
32×32 input of pixels), trained towards the output of other kernels. Printed: the median
time of one step of :func:`convstudio.engine.training.train_step` (the mean squared error,
the backward pass of every layer, W ← W − η·dL/dW), and its ratio to a reference measured
in the same run: one forward pass of the same stack (a training step is about three). Where
torch is installed, torch's same step (float64, CPU, 2 threads) is a second reference.
Issue 20's goal: a step ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from bench_layers import median_ms

from convstudio.engine.layers import Activation, Conv2d, Layer, Pool2d, forward
from convstudio.engine.training import train_step

GOAL_MS = 10.0


def stack(seed: int = 0) -> list[Layer]:
    """bench_step.py's stack: conv 3×3 (bias −100) → ReLU → max pool 2×2 → conv 3×3."""
    rng = np.random.default_rng(seed)
    return [
        Conv2d(rng.integers(-2, 3, (1, 1, 3, 3)).astype(float), [-100.0]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(rng.integers(-2, 3, (1, 1, 3, 3)).astype(float)),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    x = np.random.default_rng(0).integers(0, 256, (1, 32, 32)).astype(float)
    layers = stack()
    target = forward(stack(seed=1), x)[-1]
    lr = 1e-9  # the step is timed from the same weights each time: any rate will do

    step_ms = median_ms(lambda: train_step(layers, x, target, lr), args.rounds)
    forward_ms = median_ms(lambda: forward(layers, x), args.rounds)
    torch_ms = torch_step(layers, x, target, lr, args.rounds)
    print(f"{'what':44} {'ms':>8} {'/ forward':>10} {'/ torch':>8}")
    versus = f"{step_ms / torch_ms:8.2f}" if torch_ms else f"{'':8}"
    print(f"{'training step (forward, backward, update)':44} {step_ms:8.3f} "
          f"{step_ms / forward_ms:10.2f} {versus}")  # fmt: skip
    print(f"{'reference: one forward pass':44} {forward_ms:8.3f} {1.0:10.2f}")
    if torch_ms:
        print(f"{'reference: torch, the same step (float64)':44} {torch_ms:8.3f} "
              f"{torch_ms / forward_ms:10.2f}")  # fmt: skip
    else:
        print("torch: not installed")
    verdict = "met" if step_ms <= GOAL_MS else "NOT met"
    print(f"goal: one step ≤ {GOAL_MS:g} ms: {verdict} ({step_ms:.3f} ms)")
    return 0


def torch_step(
    layers: list[Layer], x: np.ndarray, target: np.ndarray, lr: float, rounds: int
) -> float | None:
    """torch's forward, mean squared error, backward and SGD update, or None without torch."""
    try:
        import torch
    except ImportError:
        return None
    from torch import nn

    torch.set_num_threads(2)
    first, _, _, last = layers
    assert isinstance(first, Conv2d) and isinstance(last, Conv2d)
    model = nn.Sequential(
        nn.Conv2d(1, 1, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(1, 1, 3, bias=False)
    ).double()
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(np.array(first.kernels)))
        model[0].bias.fill_(-100.0)
        model[3].weight.copy_(torch.from_numpy(np.array(last.kernels)))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    tx, tt = torch.from_numpy(x[None]), torch.from_numpy(target[None])

    def step() -> None:
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(tx), tt)
        loss.backward()
        optimizer.step()

    return median_ms(step, rounds)


if __name__ == "__main__":
    sys.exit(main())
