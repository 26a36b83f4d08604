"""Draw the README's screenshots from the real window, off screen.

    .venv/bin/python scripts/screenshots.py [--out docs]

Each picture is the main window laid out at its size (as ``convstudio render`` draws it) on a
shipped lesson, at a step, with the view options the README describes: the worked example
while editing and presenting, the RGB lesson at both projector sizes, the quiz (a wrong guess
scored), the window counts, a small CNN stepped and with a receptive field lit, a transposed
convolution's checkerboard, a convolution as a matrix, a kernel learned, and the backward
pass stepped through max pooling and ReLU.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from convstudio.model import load_scene, scene_path
from convstudio.qt.export import FrameRenderer


def _quiz(renderer: FrameRenderer) -> None:
    """Quiz on at step 2: step 1 guessed wrong (430 against 429), step 2's value asked."""
    window = renderer.window
    window.quiz_action.trigger()
    renderer.studio.playback.seek(1)
    window.quiz.guess(430.0)
    renderer.studio.playback.seek(2)


def _counts(renderer: FrameRenderer) -> None:
    renderer.window.window_counts_action.trigger()


def _field(renderer: FrameRenderer) -> None:
    """The last map's cell pointed at: its receptive field lit in every earlier map."""
    from convstudio.model.stack_marks import field_of

    maps = len(renderer.studio.document.scene.layers)
    field_of(renderer.studio).point_at(maps, 0, 0, 0)


def _matrix(renderer: FrameRenderer) -> None:
    renderer.window.set_matrix_shown(True)


def _trained(renderer: FrameRenderer) -> None:
    """Lesson 27 trained as its note says: 300 steps at η = 0.000005."""
    from convstudio.model.trainer import TrainingState, training_of

    renderer.window.set_training_shown(True)
    session = training_of(renderer.studio)
    session.set_learning_rate(0.000005)
    session.set_steps(300)
    session.play()
    while session.state is TrainingState.PLAYING:
        session.tick(25)


def _backward(renderer: FrameRenderer) -> None:
    """Lesson 30 as it opens: the backward pass on, at the lesson's learning rate."""
    from convstudio.model.trainer import training_of

    session = training_of(renderer.studio)
    session.set_learning_rate(0.000005)
    session.set_steps(200)
    renderer.window.set_backward(True)


SHOTS: dict[str, tuple[str, tuple[int, int], int | None, dict[str, object], Callable | None]] = {
    # name: (lesson, size, steps done, FrameRenderer options, what to do before the frame)
    "screenshot.png": ("worked-example", (1280, 720), 6, {}, None),
    "screenshot-rgb.png": ("rgb-two-kernels", (1920, 1080), 7, {}, None),
    "screenshot-present.png": ("worked-example", (1920, 1080), 6, {"present": True}, None),
    "screenshot-present-720.png": ("rgb-two-kernels", (1280, 720), 7, {"present": True}, None),
    "screenshot-rgb-720.png": ("rgb-two-kernels", (1280, 720), 7, {}, None),
    "screenshot-quiz.png": ("worked-example", (1280, 720), None, {}, _quiz),
    "screenshot-counts.png": ("worked-example", (1280, 720), 0, {}, _counts),
    "screenshot-stack.png": ("small-cnn", (1920, 1080), 77, {"present": True}, None),
    "screenshot-stack-field.png": ("small-cnn", (1280, 720), 82, {}, _field),
    "screenshot-checkerboard.png": ("checkerboard", (1920, 1080), 5, {"present": True}, None),
    "screenshot-matrix.png": ("convolution-transpose", (1920, 1080), 5, {}, _matrix),
    "screenshot-training.png": ("learn-x-kernel", (1920, 1080), None, {}, _trained),
    # The backward pass at the first weight's gradient: 27 × 75 + 110.5 × 204.
    "screenshot-backward.png": (
        "gradient-through-pooling",
        (1920, 1080),
        37,
        {"present": True},
        _backward,
    ),
    "screenshot-backward-720.png": ("gradient-through-pooling", (1280, 720), 34, {}, _backward),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs")
    parser.add_argument("names", nargs="*", help="only these pictures (default: all)")
    args = parser.parse_args()
    for name, (lesson, size, position, options, before) in SHOTS.items():
        if args.names and name not in args.names:
            continue
        with FrameRenderer(load_scene(scene_path(lesson)), size, **options) as renderer:  # type: ignore[arg-type]
            if before is not None:
                before(renderer)
            steps = renderer.studio.playback.position if position is None else position
            renderer.frame(steps).save(str(args.out / name))
        print(f"{args.out / name}: {lesson} at {size[0]}×{size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
