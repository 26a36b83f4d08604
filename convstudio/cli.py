"""The command line: open the app, print an output map, draw a frame (PNG) or a run (GIF).

Qt is imported only by the commands that need it, so ``compute`` starts fast and
works on a machine with no display libraries at all.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import socket
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

import numpy as np

from . import __version__
from .engine.layers import Conv2d, Length, receptive_fields, trace
from .model import Scene, SceneFileError, load_scene, scene_path
from .model.budget import BudgetError, check_budget, check_training_budget
from .model.document import EditError, Evaluation, biases_for, evaluate, kernels_for
from .model.explain import fully_connected_parameters
from .model.export import ExportError, check_gif_size, run_positions
from .model.files import (
    FileCheckError,
    check_target_name,
    check_writable_target,
    path_exists,
    path_status,
    shown_name,
    shown_path,
)
from .model.i18n import language_from_environment, translate
from .model.layer_format import kernels_json, layer_to_dict
from .model.lessons import lessons, scene_argument
from .model.library import user_library
from .model.limits import CHANNELS, LimitError, check_scene_limits
from .model.matrix_view import matrix_picture
from .model.numbers import format_number, json_number, plain_decimal, shortened
from .model.playback import MAX_SPEED, MIN_SPEED
from .model.presets import (
    KernelPreset,
    PresetFileError,
    builtin_presets,
    kernel_file_bias,
    load_kernel_file,
)
from .model.refusals import reason_text
from .model.resources import APP_NAME, DEFAULT_SCENE, DamagedInstallError, check_installation
from .model.scene import MAX_CHANNELS as MAX_SCENE_CHANNELS
from .model.scene import atomic_write_text, remove_interrupted_saves
from .model.training import MAX_STEPS as MAX_TRAIN_STEPS
from .model.training import (
    TrainingError,
    TrainRun,
    check_learning_rate,
    check_steps,
    check_trainable,
    first_step,
    loss_of,
    stopped_text,
    train_scene,
)
from .model.words import counted, lesson_text, preset_text

DEFAULT_SPEED = 2.0  # the window's own default (Playback)
DEFAULT_SIZE = "1280x720"  # render's and gif's window size
COMMANDS = ("compute", "render", "gif", "lessons", "presets", "train")


class CliError(Exception):
    """A problem with the arguments or files: one line on stderr, exit status 2."""


class _ReaderGoneError(Exception):
    """Standard output's reader has gone (``| head``): exit status 2, silently."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help, wrapped by display width (Chinese characters take two columns)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_to_width(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_to_width(text, width - len(indent)))


# An argparse error, which may quote several arguments, at most this long.
_ARGPARSE_CHARS = 160


def _whole_number(text: str) -> int:
    """An int argument; argparse's own refusal would quote the whole text."""
    try:
        return int(text)
    except ValueError:
        if text.strip().lstrip("+-").isdigit():  # more than Python's 4300 digits
            #: an int option's value that has too many digits, shortened
            message = translate("Cli", "“{0}” is too long a number")
        else:
            #: an int option's value that is not a whole number, shortened
            message = translate("Cli", "“{0}” is not a whole number")
        raise argparse.ArgumentTypeError(message.format(shortened(text))) from None


def _decimal_number(text: str) -> float:
    """A float argument; argparse's own refusal would quote the whole text."""
    try:
        return float(text)
    except ValueError:
        #: a decimal option's value that is not a number, shortened
        message = translate("Cli", "“{0}” is not a number")
        raise argparse.ArgumentTypeError(message.format(shortened(text))) from None


def _trace_cell(text: str) -> tuple[int, int, int]:
    """``--trace L,R,C``: three whole numbers; argparse's own refusal would quote the text."""
    parts = text.split(",")
    # Python reads up to 4300 digits; a longer number is no cell of any stack either.
    if len(parts) != 3 or not all(re.fullmatch(r" *[0-9]{1,4000} *", part) for part in parts):
        #: --trace's value that is not L,R,C, shortened
        message = translate("Cli", "“{0}” is not three whole numbers L,R,C from 0")
        raise argparse.ArgumentTypeError(message.format(shortened(text)))
    layer, row, col = (int(part) for part in parts)
    return layer, row, col


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # argparse quotes what was typed whole ("unrecognized arguments: …"): cut and escaped.
        message = shortened(message, _ARGPARSE_CHARS)
        #: an argparse error (in English), then the command to ask for help
        raise CliError(translate("Cli", "{0} (see “{1} --help”)").format(message, self.prog))

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # argparse ignores a failed write of --help or --version; a full disk is an error.
        if message and file in (None, sys.stdout):
            _print(message)
        else:
            super()._print_message(message, file)


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    launcher = _Parser(
        prog="convstudio",
        description=translate(
            "Cli", "Step through the 2-D convolution of a CNN, number by number."
        ),
        epilog=translate(
            "Cli",
            "Commands: “convstudio lessons” lists the lessons (a lesson's name works "
            "wherever a scene file does); “convstudio compute SCENE.json” prints the output map; "
            "“convstudio render SCENE.json -o FRAME.png” draws a frame; "
            "“convstudio gif SCENE.json -o RUN.gif” draws the whole run; "
            "“convstudio train SCENE.json --steps N --lr LR” learns the weights from the "
            "scene's target. Add --help after a command for its options.",
        ),
    )
    launcher.add_argument(
        "scene",
        nargs="?",
        help=translate("Cli", "scene file to open (default: the worked example)"),
    )
    launcher.add_argument(
        "--version",
        action="version",
        version=f"ConvStudio {__version__}",
        help=translate("Cli", "show the version number and exit"),
    )
    desktop = launcher.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help=translate(
            "Cli", "Linux: put ConvStudio in your applications menu (an entry and its icon)"
        ),
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help=translate("Cli", "Linux: take ConvStudio out of your applications menu again"),
    )

    tools = _Parser(prog="convstudio")
    commands = tools.add_subparsers(dest="command", required=True, parser_class=_Parser)
    scene_help = translate("Cli", "scene file (JSON), or a lesson's name")
    size_help = translate("Cli", "window size (default {0})").format(DEFAULT_SIZE)
    present_help = translate("Cli", "draw the presentation stage (F5), not the editor")
    compute = commands.add_parser(
        "compute",
        help=translate("Cli", "print the output map of a scene (of every layer, for a stack)"),
    )
    compute.add_argument("scene", help=scene_help)
    compute.add_argument(
        "--json",
        action="store_true",
        help=translate(
            "Cli",
            "print the last layer's shape and output, the parameters and MACs of the whole "
            "stack, and “layers”: each layer's type, output_shape, output, parameters, macs, "
            "receptive_field and jump ([rows, cols], in input pixels: a decimal where a "
            "transposed convolution makes them a fraction of a pixel), as JSON",
        ),
    )
    compute.add_argument(
        "--trace",
        type=_trace_cell,
        metavar="L,R,C",
        help=translate(
            "Cli",
            "with --json: add “trace”, the cells that cell (R, C) of layer L's output depends "
            "on (all 0-based): L + 1 objects {{rows: [first, last], cols: [first, last]}}, "
            "for the input, then for the output of each layer before L; null where its "
            "windows read only padding",
        ).format(),
    )
    compute.add_argument(
        "--matrix",
        action="store_true",
        help=translate(
            "Cli",
            "with --json: add “matrix”, the first layer's M as a list of rows, from its "
            "input channel 1 to its kernel 1: vec(output) = M · vec(input), the cells in "
            "reading order (a convolution or a transposed one; a transposed one's M is the "
            "transpose of the matching convolution's)",
        ),
    )
    compute.add_argument(
        "-o",
        "--output",
        metavar="FILE.csv",
        help=translate("Cli", "write the last layer's output as CSV instead"),
    )
    compute.add_argument(
        "--no-budget",
        action="store_true",
        help=translate(
            "Cli",
            "compute even a scene beyond the budget of 10⁹ multiply-adds, 1 GB and 2 million "
            "values printed or written",
        ),
    )
    render = commands.add_parser(
        "render", help=translate("Cli", "draw the window at one step into a PNG, no display needed")
    )
    render.add_argument("scene", help=scene_help)
    render.add_argument(
        "-o",
        "--output",
        metavar="FRAME.png",
        required=True,
        help=translate("Cli", "PNG file to write"),
    )
    render.add_argument(
        "--step",
        type=_whole_number,
        metavar="K",
        help=translate("Cli", "0-based step to show (default: all steps done)"),
    )
    render.add_argument("--size", default=DEFAULT_SIZE, metavar="WxH", help=size_help)
    render.add_argument("--present", action="store_true", help=present_help)
    kernel_help = translate(
        "Cli",
        "use this preset (its name, or a kernel file) in place of the kernels of the scene's "
        "first convolution",
    )
    for command in (compute, render):
        command.add_argument("--kernel", metavar="NAME_OR_FILE", help=kernel_help)
    library = commands.add_parser(
        "presets", help=translate("Cli", "list the kernel presets, built-in and yours")
    )
    library.add_argument(
        "--json",
        action="store_true",
        help=translate(
            "Cli", "print a list of {{name, group, description, weights}} as JSON"
        ).format(),
    )
    listing = commands.add_parser(
        "lessons", help=translate("Cli", "list the lessons in order, with their notes")
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help=translate("Cli", "print a list of {{name, title, note, file}} as JSON").format(),
    )
    gif = commands.add_parser(
        "gif",
        help=translate(
            "Cli", "draw the whole run into an animated GIF, one frame per step, no display needed"
        ),
    )
    gif.add_argument("scene", help=scene_help)
    gif.add_argument(
        "-o",
        "--output",
        metavar="RUN.gif",
        required=True,
        help=translate("Cli", "GIF file to write"),
    )
    gif.add_argument("--size", default=DEFAULT_SIZE, metavar="WxH", help=size_help)
    gif.add_argument("--present", action="store_true", help=present_help)
    gif.add_argument(
        "--fps",
        type=_decimal_number,
        default=DEFAULT_SPEED,
        metavar="N",
        help=translate("Cli", "steps per second, {0} to {1} (default {2})").format(
            f"{MIN_SPEED:g}", f"{MAX_SPEED:g}", f"{DEFAULT_SPEED:g}"
        ),
    )
    gif.add_argument("--kernel", metavar="NAME_OR_FILE", help=kernel_help)
    training = commands.add_parser(
        "train",
        help=translate(
            "Cli",
            "learn the weights of a scene's layers from its target by plain gradient descent "
            "(mean squared error), and print them",
        ),
    )
    training.add_argument("scene", help=scene_help)
    training.add_argument(
        "--steps",
        type=_whole_number,
        required=True,
        metavar="N",
        help=translate("Cli", "how many steps, {0} to {1}").format(1, f"{MAX_TRAIN_STEPS:,}"),
    )
    training.add_argument(
        "--lr",
        type=_decimal_number,
        required=True,
        metavar="LR",
        help=translate("Cli", "the learning rate, a number above 0"),
    )
    training.add_argument(
        "--json",
        action="store_true",
        help=translate(
            "Cli",
            "print “loss” (the loss before each step's update), “stopped” (null, or "
            "“overflow”) and “layers”: one object per layer, a convolution's trained "
            "“kernels” and “bias” (null without a bias) as the scene file writes them, "
            "{{}} for other layers, as JSON",
        ).format(),
    )
    training.add_argument(
        "--gradients",
        action="store_true",
        help=translate(
            "Cli",
            "with --json: add “gradients”, one object per layer for the first step: "
            "“grad_input” (dL/d the layer's input, its shape) and, for a convolution, "
            "“grad_kernels” and “grad_bias”",
        ),
    )
    return launcher, tools


def _load(path: str) -> Scene:
    """The scene of a file, or of a lesson named *path* (``worked-example``)."""
    return load_scene_file(_scene_file(path))


def _scene_file(text: str) -> Path:
    """The scene file *text* names (a path, or a lesson's name), or one line why not."""
    try:
        return scene_argument(text)
    except FileCheckError as exc:
        raise CliError(str(exc)) from None


def load_scene_file(path: Path) -> Scene:
    """The scene in *path*, or one line why not."""
    try:
        return load_scene(path)
    except SceneFileError as exc:
        raise CliError(str(exc)) from None


def _check(
    scene: Scene, *, budget: bool = True, window: bool = False, outputs: Sequence[str] = ()
) -> None:
    """Refuse *scene* beyond the work budget (making *outputs* of it included), or the
    window's limits, before any work."""
    try:
        if budget:
            check_budget(scene, outputs=outputs)
        if window:
            check_scene_limits(scene)
    except (BudgetError, LimitError) as exc:
        raise CliError(str(exc)) from None


def _target(output: str, scene: str) -> Path:
    """Where ``-o`` writes: a regular file or a new one, never the scene being read."""
    try:
        return check_writable_target(output, source=scene)
    except FileCheckError as exc:
        raise CliError(str(exc)) from None


def _print(text: str) -> None:
    """Write *text* to standard output, turning a failed write into one line."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise CliError(translate("Cli", "cannot print the output: standard output is closed"))
    try:
        try:
            fd = sys.stdout.fileno()
        except (OSError, ValueError):  # not a real file (a test's capture)
            fd = -1
        if fd < 0 or sys.platform == "win32":  # Windows: keep the text layer's line ends
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            # os.write, not the buffered file: after a short write (a disk filling up) the
            # io layer can drop the rest without an error; os.write reports every failure.
            sys.stdout.flush()
            view = memoryview(text.encode(sys.stdout.encoding, sys.stdout.errors or "strict"))
            while view:
                view = view[os.write(fd, view) :]
    except BrokenPipeError:
        _silence_stdout()
        raise _ReaderGoneError from None
    except OSError as exc:
        _silence_stdout()
        raise CliError(
            translate("Cli", "cannot print the output: {0}").format(exc.strerror or exc)
        ) from None


def _silence_stdout() -> None:
    # Python flushes standard output again at exit; what is left must go nowhere rather
    # than fail a second time (the Python docs' "Note on SIGPIPE").
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _guard_standard_fds() -> None:
    """Give a closed standard descriptor (``2>&-``) /dev/null, as Python saw it closed.

    Otherwise the next file opened (the CSV being written) would take its number and
    receive whatever a library writes to standard error.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def _say(line: str) -> None:
    """One line on standard error, if there is a standard error to say it on."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except OSError:
        pass


def _evaluate(scene: Scene) -> Evaluation:
    """Every map of *scene* (the input, then each layer's output), or one line why not."""
    evaluation = evaluate(scene)
    if evaluation.error is not None:
        raise CliError(
            translate("Cli", "the scene's settings are impossible: {0}").format(
                reason_text(evaluation.error)
            )
        )
    return evaluation


def _length_json(value: Length) -> int | float:
    """A length in input pixels for JSON: an int, or a decimal for a fraction of a pixel
    (after a transposed convolution; 1/2 is 0.5)."""
    return value if isinstance(value, int) else float(value)


def compute_payload(
    scene: Scene, maps: Sequence[np.ndarray], cell: tuple[int, int, int] | None = None
) -> dict[str, Any]:
    """What ``compute --json`` prints for *scene*, given its *maps* (the input, then every
    layer's output), with the ``"trace"`` of *cell* (layer, row, column) when given.

    The last layer's ``output_shape`` and ``output``, the whole stack's ``parameters`` and
    ``macs``, then ``"layers"``: one object per layer (a scene of one convolution has one).
    """
    shapes = [(m.shape[0], m.shape[1], m.shape[2]) for m in maps]
    layers = []
    for layer, shape, out, field in zip(
        scene.layers, shapes[:-1], maps[1:], receptive_fields(scene.layers), strict=True
    ):
        layers.append(
            {
                "type": layer.kind,
                "output_shape": list(out.shape),
                "output": [[[json_number(v) for v in row] for row in grid] for grid in out],
                "parameters": layer.parameter_count(shape),
                "macs": layer.macs(shape),
                "receptive_field": [_length_json(v) for v in field.size],
                "jump": [_length_json(v) for v in field.jump],
            }
        )
    final = maps[-1]
    payload: dict[str, Any] = {
        "output_shape": list(final.shape),
        "output": layers[-1]["output"],  # the same lists as the last layer's, built once
        "parameters": sum(layer["parameters"] for layer in layers),
        "macs": sum(layer["macs"] for layer in layers),
        # What a fully connected layer from this input to this output would need.
        "fully_connected_parameters": fully_connected_parameters(scene.input.size, final.size),
        "layers": layers,
    }
    if cell is not None:
        spans = trace(scene.layers, shapes[0], *cell)
        payload["trace"] = [
            {
                "rows": None if rows is None else list(rows),
                "cols": None if cols is None else list(cols),
            }
            for rows, cols in spans
        ]
    return payload


def _check_trace(scene: Scene, maps: Sequence[np.ndarray], cell: tuple[int, int, int]) -> None:
    """Refuse a ``--trace`` cell that is not in the stack, in one line."""
    layer, row, col = cell
    count = len(scene.layers)
    if layer >= count:
        raise CliError(
            #: {0} is the layer asked for, {1} the last layer's number (0-based)
            translate("Cli", "--trace: there is no layer L = {0}; L is 0 to {1}").format(
                shortened(str(layer)), count - 1
            )
        )
    _, rows, cols = maps[layer + 1].shape
    if row >= rows or col >= cols:
        raise CliError(
            #: {0}, {1}: the cell asked for; {2}: the layer (0-based), {3} its type (relu);
            #: {4}×{5}: its map's rows and columns
            translate(
                "Cli",
                "--trace: there is no cell ({0}, {1}) in the output of layer L = {2} ({3}), "
                "which is {4}×{5}: rows 0 to {6}, columns 0 to {7}",
            ).format(
                shortened(str(row)),
                shortened(str(col)),
                layer,
                scene.layers[layer].kind,
                rows,
                cols,
                rows - 1,
                cols - 1,
            )
        )


def _first_matrix(evaluation: Evaluation) -> np.ndarray:
    """``--matrix``: M of the first layer from input channel 1 to kernel 1, or one line
    why it has none (a layer that is not a convolution, a matrix too large)."""
    picture = matrix_picture(evaluation, 0, None, channel=0, kernel=0)
    if picture.refusal is not None:
        #: {0} is why there is no matrix (a sentence naming the layer).
        raise CliError(translate("Cli", "--matrix: {0}").format(picture.refusal))
    return picture.matrix


def _stack_text(scene: Scene, maps: Sequence[np.ndarray]) -> str:
    """What ``compute`` prints: the output map; for a stack every layer's, each headed."""
    if not scene.is_stack:
        return _text_table(maps[-1])
    blocks = []
    for number, (layer, out) in enumerate(zip(scene.layers, maps[1:], strict=True), start=1):
        #: the heading above each layer's output in “convstudio compute” of a stack: the
        #: layer's number from 1, its type (relu, max_pool2d), its shape (1×4×4)
        heading = translate("Cli", "# Layer {0} ({1}): {2}")
        shape = "×".join(str(n) for n in out.shape)
        blocks.append(heading.format(number, layer.kind, shape) + "\n" + _text_table(out))
    return "\n".join(blocks)


def _text_table(output: np.ndarray) -> str:
    blocks = []
    for channel, grid in enumerate(output):
        cells = [[format_number(v) for v in row] for row in grid]
        width = max(len(c) for row in cells for c in row)
        lines = [" ".join(c.rjust(width) for c in row) for row in cells]
        if len(output) > 1:
            #: the heading above each output channel in “convstudio compute”
            heading = translate("Cli", "# output channel {0} of {1}")
            lines.insert(0, heading.format(channel + 1, len(output)))
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
    """``convstudio compute``: print (or write) the output map (every layer's, for a stack)."""
    if args.trace is not None and not args.json:
        raise CliError(translate("Cli", "--trace adds to the JSON output: add --json"))
    if args.matrix and not args.json:
        raise CliError(translate("Cli", "--matrix adds to the JSON output: add --json"))
    scene = _with_kernel(_load(args.scene), args.kernel, MAX_SCENE_CHANNELS)
    # What is made of the output is work too: 64 million values are slow to print.
    outputs = (["json"] if args.json else []) + (
        ["csv"] if args.output is not None else [] if args.json else ["text"]
    )
    _check(scene, budget=not args.no_budget, outputs=outputs)
    target = _target(args.output, args.scene) if args.output is not None else None
    try:
        evaluation = _evaluate(scene)
        maps = evaluation.maps
    except MemoryError:
        raise CliError(
            translate("Cli", "there is not enough memory to compute this scene")
        ) from None
    if args.trace is not None:
        _check_trace(scene, maps, args.trace)
    matrix = _first_matrix(evaluation) if args.matrix else None
    if target is not None:
        try:
            with _writing(target):
                atomic_write_text(target, _csv(maps[-1]))
        except OSError as exc:
            raise CliError(
                translate("Cli", "cannot write {0}: {1}").format(
                    shown_path(args.output), exc.strerror or exc
                )
            ) from None
    if args.json:
        payload = compute_payload(scene, maps, args.trace)
        if matrix is not None:
            payload["matrix"] = [[json_number(v) for v in row] for row in matrix]
        _print(json.dumps(payload) + "\n")
    elif target is None:
        _print(_stack_text(scene, maps))
    return 0


def _trained_layers(run: TrainRun) -> list[dict[str, Any]]:
    """``"layers"`` of ``train --json``: a convolution's kernels and bias as its scene file
    writes them (``null`` for no bias), ``{}`` for a layer without weights."""
    out: list[dict[str, Any]] = []
    for layer in run.layers:
        written = layer_to_dict(layer)
        if "kernels" in written:
            out.append({"kernels": written["kernels"], "bias": written.get("bias")})
        else:
            out.append({})
    return out


def _first_gradients(scene: Scene, lr: float) -> list[dict[str, Any]] | None:
    """``"gradients"`` of ``train --json --gradients``: each layer's for the first step,
    or ``None`` when they are too large to be numbers."""
    step = first_step(scene, lr)
    if not step.finite or not all(np.all(np.isfinite(g.input)) for g in step.gradients):
        return None
    out: list[dict[str, Any]] = []
    for layer, grads in zip(scene.layers, step.gradients, strict=True):
        entry: dict[str, Any] = {"grad_input": _grid_json(grads.input)}
        if "kernels" in layer_to_dict(layer):
            entry["grad_kernels"] = kernels_json(grads.parameters["kernels"])
            bias = grads.parameters.get("bias")
            entry["grad_bias"] = None if bias is None else [json_number(v) for v in bias]
        out.append(entry)
    return out


def _grid_json(array: np.ndarray) -> Any:
    return [[[json_number(v) for v in row] for row in grid] for grid in array]


def _training_text(scene: Scene, run: TrainRun, steps: int, lr: float) -> str:
    """What ``train`` prints without --json: the loss before and after, then the kernels
    and bias of every layer that has them."""
    assert scene.target is not None
    lines = []
    if run.losses and run.stopped is None:
        final = loss_of(scene, run.layers)
        #: {0}: “100 steps”; {1}: the learning rate; {2}, {3}: the loss before and after
        lines.append(
            translate(
                "Cli",
                "{0} of gradient descent at learning rate {1}: the loss went from {2} to {3}.",
            ).format(
                counted(len(run.losses), "step"),
                plain_decimal(lr),
                format_number(run.losses[0]),
                format_number(final),
            )
        )
    elif run.losses:
        #: {0}: “162 steps”; {1}: the steps asked for; {2}: the learning rate; {3}, {4}: the
        #: loss before the first step and before the last step done
        lines.append(
            translate(
                "Cli",
                "{0} of {1} done at learning rate {2}: the loss went from {3} to {4}, then "
                "became too large to compute.",
            ).format(
                counted(len(run.losses), "step"),
                steps,
                plain_decimal(lr),
                format_number(run.losses[0]),
                format_number(run.losses[-1]),
            )
        )
    for number, layer in enumerate(run.layers, start=1):
        written = layer_to_dict(layer)
        if "kernels" not in written:
            continue
        kernels = np.asarray(getattr(layer, "kernels"))  # noqa: B009 — every such layer has it
        many = kernels.shape[0] * kernels.shape[1] > 1
        for index in np.ndindex(kernels.shape[:2]):
            if many:
                #: a heading in “convstudio train”: the layer's number and type, then which
                #: kernel and which of its slices (one per input channel), from 1
                heading = translate("Cli", "# Layer {0} ({1}): kernel {2}, slice {3}").format(
                    number, layer.kind, index[0] + 1, index[1] + 1
                )
            else:
                #: a heading in “convstudio train”: the layer's number and type (conv2d)
                heading = translate("Cli", "# Layer {0} ({1}): kernel").format(number, layer.kind)
            lines.append(heading)
            lines.append(_text_table(kernels[index][None]).rstrip("\n"))
        bias = getattr(layer, "bias", None)
        if bias is not None:
            #: the trained bias of a layer in “convstudio train”, one value per kernel
            lines.append(
                translate("Cli", "bias: {0}").format(" ".join(format_number(v) for v in bias))
            )
    return "\n".join(lines) + "\n"


def train(args: argparse.Namespace) -> int:
    """``convstudio train``: gradient descent from the scene's weights towards its target."""
    if args.gradients and not args.json:
        raise CliError(translate("Cli", "--gradients adds to the JSON output: add --json"))
    scene = _load(args.scene)
    try:
        steps = check_steps(args.steps)
        lr = check_learning_rate(args.lr)
        check_trainable(scene)
    except TrainingError as exc:
        raise CliError(str(exc)) from None
    try:  # before any work, as compute's budget
        check_training_budget(scene, steps, gradients=args.gradients)
    except BudgetError as exc:
        raise CliError(str(exc)) from None
    _evaluate(scene)  # impossible settings: one line naming the layer
    run = train_scene(scene, steps, lr)
    if args.json:
        payload: dict[str, Any] = {
            "loss": [json_number(v) for v in run.losses],
            "stopped": run.stopped,
            "layers": _trained_layers(run),
        }
        if args.gradients:
            payload["gradients"] = _first_gradients(scene, lr)
        _print(json.dumps(payload) + "\n")
    else:
        _print(_training_text(scene, run, steps, lr))
    stopped = stopped_text(run)
    if stopped is not None:
        # The weights kept are printed above; the run itself failed.
        raise CliError(stopped)
    return 0


def _user_data_folder() -> Path:
    """The per-user data folder, where the window keeps the user's kernels."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def _library() -> list[KernelPreset]:
    """The built-in presets, then the user's; damaged files are left out, and said."""
    return [preset for preset, _ in _library_files()]


def _library_files() -> list[tuple[KernelPreset, Path | None]]:
    """The built-in presets, then the user's with the file each is kept in (its bias).

    Only read: the window sets damaged files aside and carries ``kernels.json`` over.
    """
    found = user_library(_user_data_folder()).scan()
    if found.unreadable is not None:
        #: a warning: the user's kernels folder cannot be listed ({0} says why)
        _say(translate("Cli", "convstudio: warning: {0}").format(found.unreadable))
    for path, reason in found.damaged:
        _say(translate("Cli", "convstudio: {0} is left out: {1}").format(shown_name(path), reason))
    builtin: list[tuple[KernelPreset, Path | None]] = [(p, None) for p in builtin_presets()]
    # A kernel still listed from the older kernels.json has no bias of its own.
    return builtin + [(e.preset, None if e.legacy else e.file) for e in found.entries]


def _with_kernel(scene: Scene, choice: str | None, max_channels: int = CHANNELS.maximum) -> Scene:
    """*scene* with the preset *choice* (a name, or a kernel file) as the kernels of its first
    convolution, and the bias the kernel's file carries (switched on) if it carries one; the
    scene may have up to *max_channels* (the window's limit, or any scene's)."""
    if choice is None:
        return scene
    # The one-convolution settings (kernels_for, replace) act on the focused convolution:
    # focus the first, whatever layer the scene was focused on.
    first = next((i for i, layer in enumerate(scene.layers) if isinstance(layer, Conv2d)), None)
    if first is None:
        raise CliError(
            translate("Cli", "--kernel replaces a convolution's kernels, and this scene has none")
        )
    scene = scene.replace(focus=first)
    try:
        is_file = path_exists(choice)
    except FileCheckError as exc:
        raise CliError(str(exc)) from None
    file: Path | None
    if is_file:
        file = Path(choice)
        try:
            preset = load_kernel_file(file)
        except PresetFileError as exc:
            raise CliError(str(exc)) from None
    else:
        found = next(((p, f) for p, f in _library_files() if p.name == choice), None)
        if found is None:
            raise CliError(
                translate(
                    "Cli",
                    "there is no kernel preset or file “{0}” (“convstudio presets” lists them)",
                ).format(shortened(choice))
            )
        preset, file = found
    try:
        bias = None if file is None else kernel_file_bias(file)
    except PresetFileError as exc:
        raise CliError(str(exc)) from None
    try:
        return scene.replace(
            kernels=kernels_for(scene, preset.weights, max_channels=max_channels),
            bias=biases_for(scene, bias),
        )
    except EditError as exc:
        raise CliError(
            translate("Cli", "the kernel “{0}” does not fit this scene: {1}").format(
                shortened(preset.name), exc
            )
        ) from None


def list_presets(args: argparse.Namespace) -> int:
    """``convstudio presets``: the kernel library, group by group."""
    found = _library()
    if args.json:
        payload = [
            {
                "name": p.name,
                "group": p.group,
                "description": p.description,
                "weights": p.weights.tolist(),
            }
            for p in found
        ]
        _print(json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    lines: list[str] = []
    group = None
    for p in found:
        if p.group != group:
            group = p.group
            #: a group's heading in “convstudio presets” (the group's name)
            shown_group = translate("Cli", "yours") if group == "yours" else preset_text(group)
            heading = translate("Cli", "{0}:").format(shown_group)
            lines.append(("" if not lines else "\n") + heading)
        size = "×".join(str(n) for n in p.weights.shape)
        if p.description:
            #: a kernel preset in “convstudio presets”: name (size, 3×3), description
            line = translate("Cli", "{0} ({1}): {2}").format(
                preset_text(p.name), size, preset_text(p.description)
            )
        else:
            #: a kernel preset with no description in “convstudio presets”: name (size, 3×3)
            line = translate("Cli", "{0} ({1})").format(preset_text(p.name), size)
        lines.append(("  " + line).rstrip(": "))
    _print("\n".join(lines) + "\n")
    return 0


NOTE_WIDTH = 88  # terminal columns of a lesson's note in “convstudio lessons”
NOTE_INDENT = "    "
# A pause: a line that ends here ends between phrases. Never at a line's start.
_PAUSES = "，。、；：！？）」』〉》】"
_CLOSING = _PAUSES + ",.;:!?)]}…"
# Never at a line's end.
_OPENING = "（「『〈《【([{"


def display_width(text: str) -> int:
    """The terminal columns *text* takes: two for a wide (CJK) character, one otherwise."""
    return sum(_columns(c) for c in text)


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _may_break(text: str, at: int) -> bool:
    """Whether a line may end before ``text[at]``: at a space, or next to a wide character
    (Chinese has no spaces), but never inside a Latin word or number, before a closing
    mark or after an opening one."""
    before, after = text[at - 1], text[at]
    if before == " " or after == " ":  # not a no-break space (3 000 000 000)
        return True
    if after in _CLOSING or before in _OPENING:
        return False
    return _columns(before) == 2 or _columns(after) == 2


def wrap_to_width(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* terminal columns.

    Lines break at spaces and between Chinese characters, never inside a Latin word or a
    number (one longer than a line is cut); they end at a pause (，。：…) rather than
    inside a phrase when one falls in the second half of the line.
    """
    lines: list[str] = []
    rest = re.sub(r"[ \t\r\n]+", " ", text).strip(" ")
    while display_width(rest) > width:
        fit, used = 0, 0
        while used + _columns(rest[fit]) <= width:
            used += _columns(rest[fit])
            fit += 1
        breaks = [at for at in range(1, fit + 1) if _may_break(rest, at)]
        pauses = [
            at for at in breaks if rest[at - 1] in _PAUSES and display_width(rest[:at]) * 2 >= width
        ]
        at = (pauses or breaks or [max(fit, 1)])[-1]
        lines.append(rest[:at].rstrip(" "))
        rest = rest[at:].lstrip(" ")
    if rest:
        lines.append(rest)
    return lines


def list_lessons(args: argparse.Namespace) -> int:
    """``convstudio lessons``: the lessons in order, with their titles and notes."""
    found = lessons()
    if args.json:
        payload = [
            {"name": x.name, "title": x.title, "note": x.note, "file": str(x.file)} for x in found
        ]
        _print(json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    #: a lesson's heading in “convstudio lessons”: number, name (typed), title
    heading = translate("Cli", "{0}. {1}: {2}")
    blocks = []
    for x in found:
        lines = wrap_to_width(lesson_text(x.note), NOTE_WIDTH - len(NOTE_INDENT))
        blocks.append(
            heading.format(f"{x.number:>2}", x.name, lesson_text(x.title))
            + "\n"
            + "\n".join(NOTE_INDENT + line for line in lines)
        )
    _print("\n\n".join(blocks) + "\n")
    return 0


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CliError(
            translate("Cli", "--size must look like {0}, not “{1}”").format(
                DEFAULT_SIZE, shortened(text, 20)
            )
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise CliError(
            translate("Cli", "--size {0} is out of range ({1} to {2})").format(
                shortened(text, 20), "320x240", "7680x4320"
            )
        )
    return width, height


def _steps(scene: Scene) -> int:
    """How many steps *scene* has (every layer's, for a stack); impossible settings have none."""
    evaluation = evaluate(scene)
    if evaluation.error is not None:
        raise CliError(
            translate("Cli", "the scene's settings are impossible, so it has no steps: {0}").format(
                reason_text(evaluation.error)
            )
        )
    return evaluation.n_steps


def _picture_target(args: argparse.Namespace, suffix: str, kind: str) -> Path:
    """The ``-o`` of a drawing command: named *suffix*, in a folder that exists."""
    try:
        check_target_name(args.output)  # "" or "frame.png/", which Path would take
    except FileCheckError as exc:
        raise CliError(str(exc)) from None
    target = Path(args.output)
    if target.suffix.lower() != suffix:
        raise CliError(
            #: a command (render, gif), what it writes (“PNG images”), the suffix, the file's name
            translate("Cli", "{0} writes {1}: name the file {2}, not “{3}”").format(
                args.command, kind, suffix, shown_name(target)
            )
        )
    try:
        folder = path_status(target.parent)
    except FileCheckError as exc:
        raise CliError(str(exc)) from None
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        raise CliError(
            translate("Cli", "cannot write {0}: the folder {1} does not exist").format(
                shown_path(target), shown_path(target.parent)
            )
        )
    return _target(args.output, args.scene)


def _draw(args: argparse.Namespace, target: Path, make: Callable[[], bytes]) -> int:
    """Run *make* (which draws with Qt) and write its bytes to *target* atomically."""
    from .qt.export import FrameSizeError, write_file

    try:
        data = make()
    except FrameSizeError as exc:
        width, height = exc.smallest
        raise CliError(
            translate(
                "Cli",
                "--size {0} is smaller than the window can be for this scene (at least {1}x{2})",
            ).format(shortened(args.size, 20), width, height)
        ) from None
    except ExportError as exc:
        raise CliError(str(exc)) from None
    try:
        with _writing(target):
            write_file(target, data)
    except OSError as exc:
        raise CliError(
            translate("Cli", "cannot write {0}: {1}").format(
                shown_path(args.output), exc.strerror or exc
            )
        ) from None
    return 0


def render(args: argparse.Namespace) -> int:
    """``convstudio render``: draw the window at one step into a PNG."""
    scene = _with_kernel(_load(args.scene), args.kernel)
    _check(scene, window=True)
    size = _size(args.size)
    # Impossible settings draw no step, only a note: refused as compute and gif refuse them.
    steps = _steps(scene)
    if args.step is not None and not 0 <= args.step < steps:
        raise CliError(
            translate("Cli", "--step must be between {0} and {1} for this scene, not {2}").format(
                0, steps - 1, shortened(str(args.step))
            )
        )
    #: what “convstudio render” writes, in “render writes PNG images: name the file .png…”
    target = _picture_target(args, ".png", translate("Cli", "PNG images"))
    from .qt.export import render_frame_png

    # Position = steps done: step K (0-based) is position K + 1; no step, all done.
    position = None if args.step is None else args.step + 1
    return _draw(
        args, target, lambda: render_frame_png(scene, size, position, present=args.present)
    )


def gif(args: argparse.Namespace) -> int:
    """``convstudio gif``: draw the whole run (one frame per step) into an animated GIF."""
    scene = _with_kernel(_load(args.scene), args.kernel)
    _check(scene, window=True)
    size = _size(args.size)
    if not MIN_SPEED <= args.fps <= MAX_SPEED:  # also refuses nan
        raise CliError(
            translate("Cli", "--fps must be between {0} and {1} steps per second, not {2}").format(
                f"{MIN_SPEED:g}", f"{MAX_SPEED:g}", f"{args.fps:g}"
            )
        )
    try:
        check_gif_size(len(run_positions(_steps(scene))), *size)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    #: what “convstudio gif” writes, in “gif writes GIF animations: name the file .gif…”
    target = _picture_target(args, ".gif", translate("Cli", "GIF animations"))
    from .qt.export import render_run_gif

    return _draw(args, target, lambda: render_run_gif(scene, size, args.fps, present=args.present))


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _platforms() -> list[str]:
    """The Qt platforms asked for in ``QT_QPA_PLATFORM``, in order ("xcb;wayland",
    "xcb:option=…"); none when it is unset."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return [p.split(":")[0] for p in platform.split(";") if p]


def _uses_x11() -> bool:
    """Whether Qt would open the window on X11 (xcb), whose failure aborts the process."""
    platforms = _platforms()
    first = platforms[0] if platforms else ""
    if sys.platform != "linux" or first not in ("", "xcb"):
        return False
    return bool(first) or not os.environ.get("WAYLAND_DISPLAY")


def _uses_wayland() -> bool:
    """Whether Qt would try Wayland first: asked for, or ``WAYLAND_DISPLAY`` set and no
    platform asked for. Its failure aborts the process too, unless Qt may fall back to X11."""
    platforms = _platforms()
    if sys.platform != "linux":
        return False
    if platforms:
        return platforms[0].startswith("wayland")
    return bool(os.environ.get("WAYLAND_DISPLAY"))


def wayland_display_answers(name: str, timeout: float = 2.0) -> bool:
    """Whether a Wayland compositor listens at *name* (``WAYLAND_DISPLAY``: ``"wayland-0"``,
    or an absolute path), as libwayland finds it: in ``XDG_RUNTIME_DIR`` unless absolute."""
    if not name:
        return False
    if os.path.isabs(name):
        path = name
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return False  # libwayland cannot find any socket without it
        path = os.path.join(runtime, name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
        unix.settimeout(timeout)
        try:
            unix.connect(path)
        except (OSError, ValueError):
            return False
    return True


def _check_wayland() -> None:
    """Refuse in one line a Wayland display nobody answers at, when Qt would use it."""
    wayland = os.environ.get("WAYLAND_DISPLAY", "") or "wayland-0"
    if not _uses_wayland() or wayland_display_answers(wayland):
        return
    platforms = _platforms()
    # With no platform asked for, or X11 listed after it, Qt falls back to X11.
    falls_back = not platforms or "xcb" in platforms
    display = os.environ.get("DISPLAY", "")
    if falls_back and display and x_display_answers(display):
        return
    if falls_back and display:
        text = translate(
            "Cli",
            "there is no Wayland compositor answering at WAYLAND_DISPLAY={0} and no X display "
            "answering at DISPLAY={1}, so the window cannot open; “convstudio render "
            "SCENE.json -o frame.png” draws a frame without one",
        )
    elif falls_back:
        text = translate(
            "Cli",
            "there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, and DISPLAY is "
            "not set, so the window cannot open; “convstudio render SCENE.json -o frame.png” "
            "draws a frame without one",
        )
    else:
        text = translate(
            "Cli",
            "there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, so the window "
            "cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one",
        )
    raise CliError(text.format(shortened(wayland), shortened(display)))


def x_display_answers(display: str, timeout: float = 2.0) -> bool:
    """Whether an X server listens at *display* (``":0"``, ``":0.0"``, ``"host:1"``, ``"unix:0"``).

    Tries what libxcb tries: the abstract and the file socket ``/tmp/.X11-unix/X<n>`` for a
    local display, else TCP port 6000 + n, within *timeout* seconds.
    """
    match = re.fullmatch(r"(?:([a-z]+)/)?(.*):([0-9]+)(?:\.[0-9]+)?", display)
    if match is None:
        return False
    protocol, host, number = match.group(1), match.group(2), int(match.group(3))
    local = host in ("", "unix") and protocol in (None, "unix")
    if local:
        path = f"/tmp/.X11-unix/X{number}"
        for address in ("\0" + path, path):  # the abstract socket is what Xorg/Xvfb favour
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
                unix.settimeout(timeout)
                try:
                    unix.connect(address)
                    return True
                except OSError:
                    pass
        if host == "unix" or protocol == "unix":
            return False
    try:
        with socket.create_connection((host or "localhost", 6000 + number), timeout=timeout):
            return True
    except (OSError, ValueError, OverflowError):
        return False


def launch(args: argparse.Namespace) -> int:
    """``convstudio [SCENE]``: open the window."""
    path = _scene_file(args.scene) if args.scene else scene_path(DEFAULT_SCENE)
    try:
        found = path_exists(path)
    except FileCheckError as exc:
        raise CliError(str(exc)) from None
    if args.scene and not found and not path.suffix:
        raise CliError(
            translate(
                "Cli",
                "“{0}” is neither a command ({1}), a lesson "
                "(“convstudio lessons” lists them) nor a scene file",
            ).format(shortened(args.scene), ", ".join(COMMANDS))
        )
    scene = load_scene_file(path)
    _check(scene, budget=False, window=True)
    if not _has_display():
        raise CliError(
            translate(
                "Cli",
                "there is no display to open the window on (DISPLAY is not set); "
                "“convstudio render SCENE.json -o frame.png” draws a frame without one",
            )
        )
    # Qt would abort the process (a core dump) when it cannot connect.
    _check_wayland()
    display = os.environ.get("DISPLAY", "")
    if _uses_x11() and not x_display_answers(display):
        # Qt would abort the process (a core dump) when it cannot connect.
        raise CliError(
            translate(
                "Cli",
                "there is no X display answering at DISPLAY={0}, so the window cannot "
                "open; “convstudio render SCENE.json -o frame.png” draws a frame without one",
            ).format(display)
        )
    from .qt.app import run_window

    return run_window(scene, path)


def desktop_menu(args: argparse.Namespace) -> int:
    """``convstudio --install-desktop`` / ``--uninstall-desktop`` (Linux, per user)."""
    from .model.desktop import data_home, install_desktop, launch_command, uninstall_desktop

    if sys.platform != "linux":
        raise CliError(
            translate(
                "Cli",
                "--install-desktop is for Linux; on Windows and macOS start ConvStudio "
                "with “convstudio” (pipx puts it on your PATH)",
            )
        )
    home = data_home()
    try:
        if args.install_desktop:
            written = install_desktop(home, launch_command())
            _print(
                translate("Cli", "ConvStudio is in your applications menu: {0}").format(written[0])
                + "\n"
            )
        else:
            if uninstall_desktop(home):
                _print(translate("Cli", "ConvStudio is out of your applications menu") + "\n")
            else:
                _print(translate("Cli", "ConvStudio was not in your applications menu") + "\n")
    except OSError as exc:
        raise CliError(
            translate("Cli", "cannot change the applications menu in {0}: {1}").format(
                home, exc.strerror or exc
            )
        ) from None
    return 0


def _speak_the_environments_language() -> None:
    """Messages in the language of ``LANG`` (and ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``)."""
    language = language_from_environment()
    if language is not None and language != "en":
        from .qt.language import install_language  # Qt's translators: only when needed

        install_language(language)


def _argparse_words() -> dict[str, str]:
    """The words argparse asks gettext for (its help and its errors), in the current language.

    Listed here as ``translate`` calls so that pyside6-lupdate puts them in the ``.ts`` files.
    Messages only a programmer meets (conflicting options) are left in English.
    """
    english = (
        "usage: ",
        "positional arguments",
        "options",
        "show this help message and exit",
        "argument %(argument_name)s: %(message)s",
        "unrecognized arguments: %s",
        "the following arguments are required: %s",
        "one of the arguments %s is required",
        "not allowed with argument %s",
        "ignored explicit argument %r",
        "expected one argument",
        "expected at most one argument",
        "expected at least one argument",
        "expected %s argument",
        "expected %s arguments",
        "ambiguous option: %(option)s could match %(matches)s",
        "unexpected option string: %s",
        "invalid %(type)s value: %(value)r",
        "invalid choice: %(value)r (choose from %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "can't open '%(filename)s': %(error)s",
    )
    translated = (
        translate("argparse", "usage: "),
        translate("argparse", "positional arguments"),
        translate("argparse", "options"),
        translate("argparse", "show this help message and exit"),
        translate("argparse", "argument %(argument_name)s: %(message)s"),
        translate("argparse", "unrecognized arguments: %s"),
        translate("argparse", "the following arguments are required: %s"),
        translate("argparse", "one of the arguments %s is required"),
        translate("argparse", "not allowed with argument %s"),
        translate("argparse", "ignored explicit argument %r"),
        translate("argparse", "expected one argument"),
        translate("argparse", "expected at most one argument"),
        translate("argparse", "expected at least one argument"),
        translate("argparse", "expected %s argument"),
        translate("argparse", "expected %s arguments"),
        translate("argparse", "ambiguous option: %(option)s could match %(matches)s"),
        translate("argparse", "unexpected option string: %s"),
        translate("argparse", "invalid %(type)s value: %(value)r"),
        translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        translate("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
        translate("argparse", "can't open '%(filename)s': %(error)s"),
    )
    return dict(zip(english, translated, strict=True))


def _give_argparse_the_translations() -> None:
    """Let argparse speak the user's language: it looks its words up with the gettext
    functions it imported as ``_`` and ``ngettext``; these look them up with translate()."""
    words = _argparse_words()

    def gettext(message: str) -> str:
        # argparse also passes None (a subcommand group with no description).
        return words.get(message, message) if isinstance(message, str) else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``convstudio``, ``python -m convstudio`` and ``python main.py``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _guard_standard_fds()
    try:
        _speak_the_environments_language()
        _give_argparse_the_translations()
        launcher, tools = _parsers()
        if args_list and args_list[0] in COMMANDS:
            args = tools.parse_args(args_list)
            run = {
                "compute": compute,
                "render": render,
                "gif": gif,
                "lessons": list_lessons,
                "presets": list_presets,
                "train": train,
            }
            check_installation()
            return run[args.command](args)
        args = launcher.parse_args(args_list)
        if args.uninstall_desktop:  # works on a damaged copy too
            return desktop_menu(args)
        check_installation()
        return desktop_menu(args) if args.install_desktop else launch(args)
    except (CliError, DamagedInstallError) as exc:
        _say(translate("Cli", "convstudio: error: {0}").format(exc))
        return 2
    except _ReaderGoneError:
        return 2  # like a Unix tool whose reader has gone: no message
    except KeyboardInterrupt:
        return 130
    except _Stopped as exc:
        return 128 + exc.number


class _Stopped(BaseException):
    """A TERM, INT or HUP signal stopped a write (a BaseException, as KeyboardInterrupt)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


# The signals that stop a command: a terminal's Ctrl+C, ``kill``, a closed terminal.
_STOPPING = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, n))


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    """Around a write of *target*: no temporary of it is ever left beside it.

    First the temporaries of *target* that a killed command left are removed; then,
    until the write is done, a TERM, INT or HUP signal removes this process's own
    temporary before the process ends by that signal (as it would have).
    """
    remove_interrupted_saves(target.parent, target.name)

    def stop(number: int, _frame: FrameType | None) -> None:
        # Whatever line the write is at (even before the writer knows its temporary's
        # name), the temporary is on disk, named with this process's id.
        remove_interrupted_saves(target.parent, target.name, ours=True)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
        raise _Stopped(number)  # where a signal cannot end the process (Windows)

    previous = {}
    for number in _STOPPING:
        with suppress(OSError, ValueError):  # not the main thread: nothing to install
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


if __name__ == "__main__":
    sys.exit(main())
