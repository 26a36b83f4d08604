"""The command line: open the app, print an output map, or render a frame to PNG.

Qt is imported only by the commands that need it, so ``compute`` starts fast and
works on a machine with no display libraries at all.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import numpy as np

from . import __version__
from .model import Scene, SceneFileError, load_scene, scene_path
from .model.numbers import format_number, json_number
from .model.resources import DEFAULT_SCENE
from .model.scene import atomic_write_text

COMMANDS = ("compute", "render")


class CliError(Exception):
    """A problem with the arguments or files: one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see “{self.prog} --help”)")


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    launcher = _Parser(
        prog="convstudio",
        description="Step through the 2-D convolution of a CNN, number by number.",
        epilog="Commands: “convstudio compute SCENE.json” prints the output map; "
        "“convstudio render SCENE.json -o FRAME.png” draws a frame. "
        "Add --help after a command for its options.",
    )
    launcher.add_argument(
        "scene", nargs="?", help="scene file to open (default: the worked example)"
    )
    launcher.add_argument("--version", action="version", version=f"ConvStudio {__version__}")

    tools = _Parser(prog="convstudio")
    commands = tools.add_subparsers(dest="command", required=True, parser_class=_Parser)
    compute = commands.add_parser("compute", help="print the output map of a scene")
    compute.add_argument("scene", help="scene file (JSON)")
    compute.add_argument(
        "--json", action="store_true", help="print shape, output, parameters and MACs as JSON"
    )
    compute.add_argument(
        "-o", "--output", metavar="FILE.csv", help="write the output as CSV instead"
    )
    render = commands.add_parser(
        "render", help="draw the window at one step into a PNG, no display needed"
    )
    render.add_argument("scene", help="scene file (JSON)")
    render.add_argument(
        "-o", "--output", metavar="FRAME.png", required=True, help="PNG file to write"
    )
    render.add_argument(
        "--step", type=int, metavar="K", help="0-based step to show (default: all steps done)"
    )
    render.add_argument(
        "--size", default="1280x720", metavar="WxH", help="window size (default 1280x720)"
    )
    return launcher, tools


def _load(path: str) -> Scene:
    try:
        return load_scene(path)
    except SceneFileError as exc:
        raise CliError(str(exc)) from None


def _evaluate(scene: Scene) -> tuple[np.ndarray, int, int]:
    from .engine import ConvSettingsError

    try:
        problem = scene.problem()
    except ConvSettingsError as exc:
        raise CliError(f"the scene's settings are impossible: {exc}") from None
    g = problem.geometry
    return problem.output(), g.parameters, g.macs


def _text_table(output: np.ndarray) -> str:
    blocks = []
    for channel, grid in enumerate(output):
        cells = [[format_number(v) for v in row] for row in grid]
        width = max(len(c) for row in cells for c in row)
        lines = [" ".join(c.rjust(width) for c in row) for row in cells]
        if len(output) > 1:
            lines.insert(0, f"# output channel {channel + 1} of {len(output)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _csv(output: np.ndarray) -> str:
    buffer = io.StringIO()
    for channel, grid in enumerate(output):
        if channel:
            buffer.write("\n")
        for row in grid:
            buffer.write(",".join(repr(json_number(v)) for v in row) + "\n")
    return buffer.getvalue()


def compute(args: argparse.Namespace) -> int:
    """``convstudio compute``: print (or write) the output map."""
    output, parameters, macs = _evaluate(_load(args.scene))
    if args.output:
        try:
            atomic_write_text(args.output, _csv(output))
        except OSError as exc:
            raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    if args.json:
        payload = {
            "output_shape": list(output.shape),
            "output": [[[json_number(v) for v in row] for row in grid] for grid in output],
            "parameters": parameters,
            "macs": macs,
        }
        sys.stdout.write(json.dumps(payload) + "\n")
    elif not args.output:
        sys.stdout.write(_text_table(output))
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CliError(f"--size must look like 1280x720, not “{text}”") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise CliError(f"--size {text} is out of range (320x240 to 7680x4320)")
    return width, height


def render(args: argparse.Namespace) -> int:
    """``convstudio render``: draw the window at one step into a PNG."""
    scene = _load(args.scene)
    size = _size(args.size)
    if args.step is not None:
        from .engine import ConvSettingsError

        try:
            steps = scene.problem().n_steps
        except ConvSettingsError as exc:
            raise CliError(
                f"the scene's settings are impossible, so it has no steps: {exc}"
            ) from None
        if not 0 <= args.step < steps:
            raise CliError(
                f"--step must be between 0 and {steps - 1} for this scene, not {args.step}"
            )
    target = Path(args.output)
    if target.suffix.lower() != ".png":
        raise CliError(f"render writes PNG images: name the file .png, not “{target.name}”")
    if not target.parent.is_dir():
        raise CliError(f"cannot write {target}: the folder {target.parent} does not exist")
    from .qt.app import render_png

    try:
        render_png(scene, target, step=args.step, size=size)
    except OSError as exc:
        raise CliError(str(exc)) from None
    return 0


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def launch(args: argparse.Namespace) -> int:
    """``convstudio [SCENE]``: open the window."""
    path = Path(args.scene) if args.scene else scene_path(DEFAULT_SCENE)
    if args.scene and not path.exists() and not path.suffix:
        raise CliError(
            f"“{args.scene}” is neither a command ({', '.join(COMMANDS)}) nor a scene file"
        )
    scene = _load(str(path))
    if not _has_display():
        raise CliError(
            "there is no display to open the window on (DISPLAY is not set); "
            "“convstudio render SCENE.json -o frame.png” draws a frame without one"
        )
    from .qt.app import run_window
    from .qt.main_window import check_fits_window

    try:
        check_fits_window(scene)
    except SceneFileError as exc:
        raise CliError(str(exc)) from None
    return run_window(scene, path if args.scene else None)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``convstudio``, ``python -m convstudio`` and ``python main.py``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    launcher, tools = _parsers()
    try:
        if args_list and args_list[0] in COMMANDS:
            args = tools.parse_args(args_list)
            return compute(args) if args.command == "compute" else render(args)
        return launch(launcher.parse_args(args_list))
    except CliError as exc:
        sys.stderr.write(f"convstudio: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
