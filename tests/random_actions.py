"""A seeded random user of the real main window, run inside the event loop.

``Driver(seed, actions, folder).run()`` builds a :class:`MainWindow` over a fresh
:class:`Studio`, starts a ``QEventLoop`` and performs one random action per ``QTimer`` tick,
through the widgets and the keys, as a user would: typing into cells and spin boxes,
choosing settings, stepping, undoing, pasting, opening lessons, scene files (good and
damaged ones, made in *folder*), presets and images; and training: a target from the
kernels or a preset, scrambled or zeroed kernels, learning rates good and bad, play and
pause (Shift+Space), back, forward, reset and undo, the training lessons, and the backward
pass switched on (Ctrl+B) and stepped through. A target or a training lesson sometimes
starts a while of training (mostly training's actions and stepping). Modal dialogs never
open: the driver calls what a dialog would call. The Training panel's timer is held: while
training plays, each tick does one training step before its action, so that a seed
replays the same run.

At the start of every tick (once the events of the previous action have run) it checks:

- no Python exception escaped (``sys.excepthook``, ``sys.unraisablehook``, or the action);
- no Qt warning outside :data:`KNOWN_QT_WARNINGS`;
- every control shows the scene's value (counts, sizes, settings, bias, the transport);
- the grids show the scene's numbers, and the output map is an independent
  convolution's (sampled cells), filled exactly up to the playback position;
- the Training panel shows the session (η, μ, N, the step, the loss, the target), the
  scene holds the weights of the training step shown and the loss is theirs;
- with the backward pass on, the playback's total is the forward pass's steps plus
  :class:`TrainingSteps`'; past the forward pass, every map (the output panel's and the
  stage's later layers') shows ∂L/∂ of it as its section goes (its title says so) and its
  values before, each convolution's kernels their ∂L/∂W and new weights as they go, all
  against a :class:`TrainingSteps` built here, whose sums are checked against the engine's
  gradients and update, and its dL/dY against 2(Y − T)/N of the maps shown;
- nothing hangs (a watchdog thread: the tick must end within ``hang_seconds``).

A control mismatch must survive a few idle ticks before it counts, so that an update the
app defers on purpose is not reported. ``Report.failures`` lists each failure with the seed,
the action index and the last actions; the benchmark (``benchmarks/soak.py``) runs the same
driver longer and also reports memory and the handlers connected to the model's events.
"""

from __future__ import annotations

import _thread
import faulthandler
import json
import math
import os
import struct
import sys
import tempfile
import threading
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget
from reference import ref_pads, ref_pair, ref_source  # tests/reference.py, shared

from convstudio.engine.backprop import TrainingSteps
from convstudio.model import (
    DEFAULT_SCENE,
    RGB,
    Studio,
    format_number,
    load_scene,
    resource_dir,
    scene_path,
)
from convstudio.model.backward import backward_of
from convstudio.model.lessons import lessons
from convstudio.model.numbers import plain_decimal
from convstudio.model.scene import same_layer
from convstudio.model.trainer import TrainingState, loss_text, training_of
from convstudio.qt.kernel_panel import KernelSlice
from convstudio.qt.main_window import MainWindow

# Qt warnings that are not defects. The first two are pyproject's qt_log_ignore (the offscreen
# platform says them on every show and raise); libpng's is the damaged PNG the driver opens on
# purpose, which the image window explains in words (qt/app.py silences it for users too).
KNOWN_QT_WARNINGS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "libpng error",
    "This plugin does not support grabbing the keyboard",
)

# The Training panel's timer, held: the driver ticks it (Driver._play_training).
HELD_MS = 24 * 3600 * 1000

CELL_TEXTS = (
    "",
    "-",
    "1e999",
    "nan",
    "inf",
    "１２",
    "½",
    "x" * 10_000,
    "7" * 10_000,
    "0",
    "1",
    "255",
    "-3",
    "-0.5",
    "2,5",
    "-1,25",
    "1.5",
    "1e3",
    "1e12",
    "-1e12",
    "1e13",
    "0.0001",
    "−5",
    " 42 ",
    "1,2,3",
    "0x10",
    "1_000",
    "٣",
    "+4",
    ".5",
    "1e-300",
)

# Learning rates as a class types them: good ones, and ones the panel must refuse in words.
RATE_TEXTS = (
    "0.000001",
    "1e-6",
    "5e-6",
    "0.00001",
    "2,5e-6",
    " 1e-7 ",
    "1e-3",
    "0.5",
    "1e9",
    "1e12",
    "1e13",
    "0",
    "-1",
    "−1e-6",
    "abc",
    "",
    "nan",
    "inf",
    "1e-300",
    "1e999",
)

PASTE_TEXTS = (
    "1\t2\n3\t4",
    "1 2 3\n4 5 6\n7 8 9",
    "1;2;3",
    "1,5\t2,5",
    "a\tb",
    "",
    "\n\n",
    "1\t\t3",
    "1e999",
    "−1\t−2",
)


# ---------------------------------------------------------------- reporting


@dataclass
class Failure:
    seed: int
    index: int  # the action after which it was seen (-1: before the first)
    action: str
    kind: str  # exception, qt-warning, mismatch, output, hang
    detail: str
    recent: list[str]

    def __str__(self) -> str:
        steps = "\n".join(f"    {line}" for line in self.recent)
        return (
            f"[seed {self.seed}, action {self.index}: {self.action}] {self.kind}: "
            f"{self.detail}\n  last actions:\n{steps}"
        )


@dataclass
class Report:
    seed: int
    actions_done: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds_by_action: dict[str, float] = field(default_factory=dict)


class StopRunError(Exception):
    """Ends the run (stop on the first failure)."""


# ---------------------------------------------------------------- the reference


class ReferenceOutput:
    """An independent convolution of *scene*, computed one output cell at a time."""

    def __init__(self, scene) -> None:
        x = np.asarray(scene.input, dtype=float)
        w = np.asarray(scene.kernels, dtype=float)
        if scene.flip:
            w = w[:, :, ::-1, ::-1]
        self.w = w
        self.bias = None if scene.bias is None else np.asarray(scene.bias, dtype=float)
        _, h, wd = x.shape
        n_out, self.depth, kh, kw = w.shape
        self.kh, self.kw = kh, kw
        self.stride = ref_pair(scene.stride)
        self.dil = ref_pair(scene.dilation)
        top, bottom, left, right = ref_pads(scene.padding, (kh, kw), self.dil)
        mode = scene.padding_mode
        rows = [ref_source(p, h, top, mode) for p in range(top + h + bottom)]
        cols = [ref_source(p, wd, left, mode) for p in range(left + wd + right)]
        padded = np.zeros((x.shape[0], len(rows), len(cols)))
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                if r is not None and c is not None:
                    padded[:, i, j] = x[:, r, c]
        self.padded = padded
        (sh, sw), (dh, dw) = self.stride, self.dil
        self.shape = (
            n_out,
            (len(rows) - dh * (kh - 1) - 1) // sh + 1,
            (len(cols) - dw * (kw - 1) - 1) // sw + 1,
        )
        self.per_group = n_out // scene.groups

    def cell(self, o: int, r: int, c: int) -> tuple[float, float]:
        """The value of output cell (o, r, c) and the sum of its terms' sizes (for rounding)."""
        (sh, sw), (dh, dw) = self.stride, self.dil
        first = (o // self.per_group) * self.depth
        window = self.padded[
            first : first + self.depth,
            r * sh : r * sh + dh * (self.kh - 1) + 1 : dh,
            c * sw : c * sw + dw * (self.kw - 1) + 1 : dw,
        ]
        terms = window * self.w[o]
        total = float(terms.sum())
        size = float(np.abs(terms).sum())
        if self.bias is not None:
            total += float(self.bias[o])
            size += abs(float(self.bias[o]))
        return total, size


class ReferenceBackward:
    """What the grids show in one training step's backward pass, from the engine's
    :class:`TrainingSteps` built here (not the window's), checked against the engine's
    own gradients where a number is complete.

    ``done`` below is how many steps of the backward pass are done (the playback's
    position past the forward pass's steps).
    """

    def __init__(self, evaluation, target: np.ndarray, lr: float) -> None:
        self.steps = steps = TrainingSteps(evaluation.layers, evaluation.maps[0], target, lr)
        self.evaluation = evaluation
        self.starts: dict[tuple[str, int, str], int] = {}
        for number, section in enumerate(steps.sections):
            self.starts[(section.part, section.layer, section.parameter)] = steps.offset(number)
        # Map index -> (steps counted, running sums, cells written): carried on as the
        # position moves forward (stepping costs one step, as in the window).
        self._sums: dict[int, tuple[int, np.ndarray, np.ndarray]] = {}
        self.problems: list[str] = []  # disagreements with the engine, found once
        y, t = evaluation.final, steps.target
        wanted = 2 * (np.asarray(y, dtype=float) - t) / y.size
        if not np.allclose(steps.grad_outputs[-1], wanted, rtol=1e-9, atol=1e-12):
            self._problem("dL/dY of the backward pass is not 2(Y − T)/N of the maps shown")

    def _problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    @property
    def n_steps(self) -> int:
        return self.steps.n_steps

    def map_gradient(self, index: int, done: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(values, cells that show one) of map *index*'s gradient after *done* steps, or
        ``None``: the map shows its values (its gradient not begun, or the input)."""
        steps = self.steps
        last = len(steps.layers)
        if done <= 0 or index <= 0 or index > last:
            return None
        if index == last:  # the loss's section comes first: dL/dY cell by cell
            grad = steps.grad_outputs[-1]
            count = min(done, grad.size)
            return grad, (np.arange(grad.size) < count).reshape(grad.shape)
        start = self.starts.get(("input", index, ""))
        if start is None or done <= start:
            return None
        total = steps.layers[index].step_count(steps.maps[index].shape)
        count = min(done - start, total)
        known = self._sums.get(index)
        if known is not None and known[0] <= count:
            begun, values, touched = known[0], known[1].copy(), known[2].copy()
        else:
            begun = 0
            values = np.zeros(steps.maps[index].shape)
            touched = np.zeros(values.shape, dtype=bool)
        for k in range(begun, count):
            for cell, value in steps.step(start + k).contributions():
                values[cell] += value
                touched[cell] = True
        self._sums[index] = (count, values, touched)
        if count == total and not np.allclose(
            values, steps.grad_outputs[index - 1], rtol=1e-9, atol=1e-9
        ):
            self._problem(f"the sums sent back into map {index} are not the engine's dL/dX")
        return values, touched

    def parameter(self, layer: int, name: str, done: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(values, elements that show one) of layer *layer*'s *name* after *done* steps:
        its gradient while computed, its new value while updated; ``None``: the weights."""
        steps = self.steps
        if not 0 < done <= steps.n_steps:
            return None
        number, _ = steps.locate(done - 1)
        section = steps.sections[number]
        if section.layer != layer:
            return None
        grads = steps.gradients[layer].parameters.get(name)
        if grads is None:
            return None
        if section.part == "update" and section.parameter == name:
            values = np.asarray(getattr(steps.layers[layer], name), dtype=float) - steps.lr * grads
            new = np.asarray(getattr(steps.updated()[layer], name), dtype=float)
            if not np.allclose(values, new, rtol=1e-12, atol=0):
                self._problem(f"the update of layer {layer + 1} is not the engine's")
        elif section.part == name:
            values = grads
        else:
            return None
        count = done - steps.offset(number)
        return values, (np.arange(values.size) < count).reshape(values.shape)


# ---------------------------------------------------------------- files for the driver


def _png_bytes(width: int, height: int, colour: bool) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            if colour:
                image.setPixelColor(x, y, QColor((x * 37) % 256, (y * 53) % 256, (x * y) % 256))
            else:
                v = (x * 17 + y * 29) % 256
                image.setPixelColor(x, y, QColor(v, v, v))
    path = Path(tempfile.mkstemp(suffix=".png")[1])
    try:
        assert image.save(str(path), "PNG")
        return path.read_bytes()
    finally:
        path.unlink()


def _raw_png(width: int, height: int) -> bytes:
    """A PNG written by hand (grey, 8 bits), independent of Qt's encoder."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + bytes((x * 9 + y) % 256 for x in range(width)) for y in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_files(folder: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Scene files (good and damaged), images (good and damaged) and save targets."""
    folder.mkdir(parents=True, exist_ok=True)
    scenes: list[Path] = []

    def scene_file(name: str, content: object) -> None:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        scenes.append(path)

    def good(**extra: object) -> dict:
        scene = {
            "format": "convstudio-scene",
            "version": 1,
            "input": [[(r * 7 + c * 3) % 10 for c in range(5)] for r in range(5)],
            "kernels": [[1, 0], [0, -1]],
        }
        scene.update(extra)
        return scene

    grid3 = [[[(c + r * 2 + k) % 9 for c in range(6)] for r in range(6)] for k in range(3)]
    scene_file("good-small.json", good())
    scene_file(
        "good-groups.json",
        good(
            input=[[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[9, 8, 7], [6, 5, 4], [3, 2, 1]]],
            kernels=[[[[1, 0], [0, 1]]], [[[2, 1], [1, 2]]]],
            groups=2,
            bias=[0.5, -1],
            padding=1,
            padding_mode="reflect",
            title="Groups",
        ),
    )
    scene_file(
        "good-rgb.json",
        good(
            input=grid3,
            kernels=[[[[1, 0, -1]] * 3] * 3, [[[0, 1, 0]] * 3] * 3],
            bias=[1, 2],
            stride=[2, 1],
            dilation=[1, 2],
            padding="full",
            channel_names=["R", "G", "B"],
            true_convolution=True,
        ),
    )
    scene_file("good-big-bias.json", good(bias=[2500000.5], title="A large bias"))
    scene_file("good-fraction-bias.json", good(bias=[0.125], padding="same"))
    scene_file("good-32.json", good(input=[[(r + c) % 5 for c in range(32)] for r in range(32)]))
    scene_file("good-circular.json", good(padding=[2, 1], padding_mode="circular"))
    scene_file("impossible-same-stride.json", good(padding="same", stride=2))
    scene_file("impossible-groups.json", good(input=grid3, kernels=[[[[1]] * 3]], groups=2))
    scene_file("bad-json.json", '{"format": "convstudio-scene", "input": [[1, 2]')
    scene_file("wrong-format.json", {"format": "something-else", "version": 1})
    scene_file("future-version.json", good(version=99))
    scene_file("top-level-list.json", [[1, 2], [3, 4]])
    scene_file("top-level-number.json", "42")
    scene_file("ragged.json", good(input=[[1, 2, 3], [4, 5], [6]]))
    scene_file("nan.json", '{"format": "convstudio-scene", "version": 1, '
               '"input": [[NaN, 1], [2, 3]], "kernels": [[1]]}')  # fmt: skip
    scene_file("infinity.json", '{"format": "convstudio-scene", "version": 1, '
               '"input": [[Infinity, 1], [2, 3]], "kernels": [[1]]}')  # fmt: skip
    scene_file("huge-int.json", good(input=[[10**400, 1], [2, 3]], kernels=[[1]]))
    scene_file("large-int.json", good(input=[[10**15, 1], [2, 3]], kernels=[[1]]))
    scene_file("huge-stride.json", good(stride=10**30))
    scene_file("deep.json", '{"format": "convstudio-scene", "version": 1, "input": '
               + "[" * 100_000 + "]" * 100_000 + ', "kernels": [[1]]}')  # fmt: skip
    scene_file("five-channels.json", good(input=[[[1, 2], [3, 4]]] * 5, kernels=[[[[1]] * 5]]))
    scene_file("dilation-9.json", good(dilation=9))
    scene_file("groups-2-40.json", good(groups=2**40))
    scene_file("stride-0.json", good(stride=0))
    scene_file("padding-minus.json", good(padding=-1))
    scene_file("padding-word.json", good(padding="huge"))
    scene_file("padding-40.json", good(padding=40))
    scene_file("mode-mirror.json", good(padding_mode="mirror"))
    scene_file("bias-length.json", good(bias=[1, 2, 3]))
    scene_file("bias-text.json", good(bias="one"))
    scene_file("strings.json", good(input=[["1", "2"], ["3", "4"]]))
    scene_file("booleans.json", good(input=[[True, False], [1, 2]]))
    scene_file("null-input.json", good(input=None))
    scene_file("empty-input.json", good(input=[]))
    scene_file("empty-rows.json", good(input=[[], []]))
    scene_file("empty-kernel.json", good(kernels=[[]]))
    scene_file("input-33.json", good(input=[[1] * 33] * 33))
    scene_file("kernel-10.json", good(input=[[1] * 12] * 12, kernels=[[1] * 10] * 10))
    scene_file("names-length.json", good(channel_names=["R", "G"]))
    scene_file("long-title.json", good(title="T" * 10_000))
    scene_file("title-number.json", good(title=12))
    scene_file("flip-text.json", good(true_convolution="yes"))
    scene_file("empty.json", "")
    scene_file("bom.json", b"\xef\xbb\xbf" + json.dumps(good()).encode())
    scene_file("utf16.json", json.dumps(good()).encode("utf-16"))
    scene_file("latin1.json", b'{"format": "convstudio-scene", "title": "\xe9t\xe9"}')
    scene_file("binary.json", bytes(range(256)) * 4)
    folder_scene = folder / "a-folder.json"
    folder_scene.mkdir(exist_ok=True)
    scenes.append(folder_scene)
    scenes.append(folder / "missing.json")
    for lesson in sorted((resource_dir() / "scenes").glob("*.json")):
        scenes.append(lesson)

    images: list[Path] = []
    colour = _png_bytes(40, 30, colour=True)
    for name, data in (
        ("colour.png", colour),
        ("grey.png", _png_bytes(24, 20, colour=False)),
        ("raw-grey.png", _raw_png(36, 36)),
        ("one-pixel.png", _png_bytes(1, 1, colour=True)),
        ("truncated.png", colour[: len(colour) // 2]),
        ("header-only.png", colour[:16]),
        ("not-an-image.png", b"hello, this is text"),
        ("empty.png", b""),
    ):
        (folder / name).write_bytes(data)
        images.append(folder / name)
    images.append(folder / "missing.png")
    images.append(folder_scene)

    saves = [
        folder / "saved.json",
        folder / "saved-2.json",
        folder / "no-such-folder" / "saved.json",
        folder_scene,  # a folder: the save must fail in words
    ]
    return scenes, images, saves


# ---------------------------------------------------------------- the driver


class Driver:
    """Random actions on a real main window, one per timer tick, inside an event loop.

    Parameters
    ----------
    seed
        Seeds every random choice.
    actions
        How many actions to perform.
    folder
        Where to make the scene files and images (a temporary folder).
    stop_on_failure
        End the run at the first failure (the test); otherwise record each distinct
        failure once and carry on (the soak benchmark).
    hang_seconds
        A tick (an action and the checks) longer than this is a hang.
    on_tick
        Called as ``on_tick(index, driver)`` after every action (the benchmark samples).
    """

    def __init__(
        self,
        seed: int,
        actions: int,
        folder: Path,
        *,
        stop_on_failure: bool = True,
        hang_seconds: float = 15.0,
        on_tick: Callable[[int, Driver], None] | None = None,
    ) -> None:
        self.seed = seed
        self.total = actions
        self.rng = Random(seed)
        self.folder = folder
        self.stop_on_failure = stop_on_failure
        self.hang_seconds = hang_seconds
        self.on_tick = on_tick
        # Called once each, a tick apart, after the last action (the window still open).
        self.finish_steps: list[Callable[[Driver], None]] = []
        self.report = Report(seed)
        self.recent: deque[str] = deque(maxlen=25)
        self.index = -1
        self.action_name = "(start)"
        self._seen: set[str] = set()
        self._qt_messages: list[str] = []
        self._errors: list[str] = []
        self._suspect: list[str] | None = None
        self._suspect_ticks = 0
        self._reference_for: object = None
        self._reference: ReferenceOutput | None = None
        self._backward: tuple[object, object, float, ReferenceBackward] | None = None
        self._busy_since: float | None = None
        self._hung = False
        self._in_tick = False
        self._armed = 0.0
        self.scenes, self.images, self.saves = make_files(folder / "files")
        self.lessons = sorted((resource_dir() / "scenes").glob("*.json"))
        self.training_lessons = [
            lesson for lesson in lessons() if lesson.backward or lesson.learning_rate
        ]
        self.actions = self._action_table()
        self.training_actions = self._training_table()
        self._training_left = 0  # actions left in a while of training

    # ------------------------------------------------------------ running

    def run(self) -> Report:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "make the QApplication first"
        self.app = app
        self.studio = Studio(load_scene(scene_path(DEFAULT_SCENE)))
        self.window = MainWindow(self.studio, remember_geometry=False)
        rng = self.rng
        # What the dialogs would answer (a modal dialog would block the loop).
        self.window.ask_unsaved = lambda *_: rng.choice(["discard", "cancel"])
        self.window.ask_restore = lambda *_: rng.choice([True, False])
        # The Training panel's scramble is seeded, and its timer is played here, one
        # training step a tick while it plays (see _tick_body): a seed replays the same run.
        self.window.training_panel._rng = np.random.default_rng(self.seed)
        self._hold_training_timer()
        self.window.show()
        self.window.activateWindow()

        previous_handler = qInstallMessageHandler(self._on_qt_message)
        previous_hook, previous_unraisable = sys.excepthook, sys.unraisablehook
        sys.excepthook = self._on_exception
        sys.unraisablehook = self._on_unraisable
        watchdog = threading.Thread(target=self._watch, daemon=True)
        self._watching = True
        self._last_beat = time.monotonic()
        watchdog.start()

        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)
        self._waiting_for_window = 200  # ticks to wait for the window to become active
        start = time.perf_counter()
        self.timer.start()
        try:
            self.loop.exec()
        finally:
            self.timer.stop()
            self.report.seconds = time.perf_counter() - start
            self._watching = False
            faulthandler.cancel_dump_traceback_later()
            watchdog.join(timeout=2)
            self._close_window()
            sys.excepthook, sys.unraisablehook = previous_hook, previous_unraisable
            qInstallMessageHandler(previous_handler)
        return self.report

    def _close_window(self) -> None:
        self.window.ask_unsaved = lambda *_: "discard"  # the run is over: let it close
        self.window.close()
        self.window.deleteLater()
        # Let the deferred deletions run inside a loop, as they would in the app.
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        QApplication.clipboard().clear()

    def _tick(self) -> None:
        if self._in_tick:
            # Our timer fired inside a nested event loop: an action opened a modal dialog,
            # which would block a user's window (and this run) until answered.
            modal = QApplication.activeModalWidget()
            if modal is not None:
                self._errors.append(
                    f"a modal dialog opened: {type(modal).__name__} {modal.windowTitle()!r}"
                )
                modal.close()
            return
        self._in_tick = True
        self._last_beat = time.monotonic()
        self._busy_since = self._last_beat
        # Last resort if the watchdog cannot get the main thread back: dump and exit.
        now = time.monotonic()
        if now - self._armed > self.hang_seconds:  # arming costs a thread: not every tick
            faulthandler.dump_traceback_later(self.hang_seconds * 4, exit=True)
            self._armed = now
        try:
            self._tick_body()
        except StopRunError:
            self.loop.quit()
        except KeyboardInterrupt:  # the watchdog's
            self._fail("hang", self._hang_detail)
            self.loop.quit()
        finally:
            self._in_tick = False
            self._busy_since = None
            self._last_beat = time.monotonic()

    def _tick_body(self) -> None:
        # A user's next key or click comes after Qt has delivered what the last one posted
        # (the delegate commits a cell on Return through a queued call). A zero timer may
        # fire before those posted events, so deliver them first; we are at the top of the
        # loop's dispatch here, with nothing of the app's on the stack.
        QCoreApplication.sendPostedEvents()
        if self._waiting_for_window:
            if QApplication.activeWindow() is self.window:
                self._waiting_for_window = 0
                if self.on_tick is not None:
                    self.on_tick(-1, self)  # before the first action
            else:
                self._waiting_for_window -= 1
                if self._waiting_for_window == 0:
                    self._fail("setup", "the main window never became active")
                return
        started = time.perf_counter()
        self._check()
        self.report.seconds_by_action["(checks)"] = (
            self.report.seconds_by_action.get("(checks)", 0) + time.perf_counter() - started
        )
        if self._suspect is not None:
            return  # idle ticks until a mismatch is confirmed or gone
        if self.index + 1 >= self.total:
            if self.finish_steps:
                self.finish_steps.pop(0)(self)
                return
            self.loop.quit()
            return
        self.index += 1
        name, action = self._choose()
        self.action_name = name
        started = time.perf_counter()
        played = ""
        shown = self._windows_shown()
        try:
            played = self._play_training()
            detail = action()
            self._let_new_windows_settle(shown)
        except (StopRunError, KeyboardInterrupt):
            raise
        except Exception:
            detail = None
            self._errors.append(traceback.format_exc())
        self.action_name = f"{name} {detail}" if detail else name
        if played:
            self.action_name = f"{played}; {self.action_name}"
        self.recent.append(f"{self.index}: {self.action_name}")
        self.report.actions_done = self.index + 1
        self.report.counts[name] = self.report.counts.get(name, 0) + 1
        spent = time.perf_counter() - started
        self.report.seconds_by_action[name] = self.report.seconds_by_action.get(name, 0) + spent
        if self.on_tick is not None:
            self.on_tick(self.index, self)

    @staticmethod
    def _windows_shown() -> set[QWidget]:
        return {w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()}

    def _let_new_windows_settle(self, before: set[QWidget]) -> None:
        """A window the action opened (the kernels' dialog, the image window) becomes
        active before the user's next click, as on a desktop. The offscreen platform
        activates it later: wait for that here (at most 2 s), or its activation lands in
        the middle of the next action (it closed a cell's editor between its Return and the
        commit the Return queues, and Qt warned)."""
        new = self._windows_shown() - before
        new = {w for w in new if w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)}
        deadline = time.monotonic() + 2
        while new and QApplication.activeWindow() not in new and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def _hold_training_timer(self) -> None:
        """The Training panel's timer never fires by itself (its steps are played by
        :meth:`_play_training`, a tick at a time, whatever the machine's speed)."""
        timer = self.window.training_panel.driver.timer
        if timer.interval() != HELD_MS:
            timer.setInterval(HELD_MS)

    def _play_training(self) -> str:
        """While training plays, the tick of its timer that came since the last action."""
        self._hold_training_timer()
        session = training_of(self.studio)
        if session.state is not TrainingState.PLAYING:
            return ""
        self._training_tick()
        return f"(training played: step {session.position}, {session.state.value})"

    def _choose(self) -> tuple[str, Callable[[], str | None]]:
        table = self.actions
        if self._training_left > 0:  # a while of training (see _start_training)
            self._training_left -= 1
            table = self.training_actions
        names = [a[0] for a in table]
        weights = [a[1] for a in table]
        i = self.rng.choices(range(len(names)), weights)[0]
        return names[i], table[i][2]

    def _start_training(self) -> None:
        """Sometimes a target (or a training lesson) starts a while of training: a class
        trains, steps through the backward pass, goes back and forth and undoes, before
        it edits the scene again (an edit ends a training session)."""
        if self._training_left == 0 and self.rng.random() < 0.4:
            self._training_left = self.rng.randint(6, 16)

    # ------------------------------------------------------------ failures

    def _fail(self, kind: str, detail: str) -> None:
        signature = f"{kind}: {detail.strip().splitlines()[-1] if detail.strip() else ''}"
        if kind in ("mismatch", "output"):
            signature = ""  # their problems are remembered one by one (see _check)
        elif not self.stop_on_failure and signature in self._seen:
            return
        self._seen.add(signature)
        self.report.failures.append(
            Failure(self.seed, self.index, self.action_name, kind, detail, list(self.recent))
        )
        if self.stop_on_failure:
            raise StopRunError

    def _on_qt_message(self, kind: QtMsgType, context: object, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(known in message for known in KNOWN_QT_WARNINGS):
            return
        # Where Python was when Qt spoke: the action, or the app's handler, that caused it.
        stack = "".join(traceback.format_stack(limit=12)[:-1])
        self._qt_messages.append(f"{kind.name}: {message}\n  Python stack:\n{stack}")

    def _on_exception(self, kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._hung = True
        self._errors.append("".join(traceback.format_exception(kind, error, tb)))

    def _on_unraisable(self, unraisable) -> None:
        text = "".join(
            traceback.format_exception(
                unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback
            )
        )
        self._errors.append(f"unraisable in {unraisable.object!r}: {text}")

    def _watch(self) -> None:
        """A thread: if the main thread is stuck in one tick, say where and interrupt it."""
        while self._watching:
            time.sleep(0.2)
            busy = self._busy_since
            stuck = busy is not None and time.monotonic() - busy > self.hang_seconds
            starved = busy is None and time.monotonic() - self._last_beat > self.hang_seconds
            if (stuck or starved) and not self._hung:
                self._hung = True
                with tempfile.TemporaryFile("w+") as dump:
                    faulthandler.dump_traceback(dump, all_threads=True)
                    dump.seek(0)
                    where = dump.read()
                what = "one action" if stuck else "the event loop between actions"
                self._hang_detail = f"{what} took more than {self.hang_seconds} s; stacks:\n{where}"
                if starved:
                    self._errors.append(self._hang_detail)
                _thread.interrupt_main()

    # ------------------------------------------------------------ checks

    def _check(self) -> None:
        if self._errors:
            errors, self._errors = self._errors, []
            kind = "hang" if self._hung else "exception"
            self._fail(kind, "\n".join(errors))
        if self._qt_messages:
            messages, self._qt_messages = self._qt_messages, []
            self._fail("qt-warning", "\n".join(dict.fromkeys(messages)))
        # When carrying on after failures, one already reported is not reported again.
        problems = [p for p in self._mismatches() if f"mismatch: {p}" not in self._seen]
        if not problems:
            self._suspect = None
            return
        if self._suspect is None:
            self._suspect, self._suspect_ticks = problems, 0
            return
        self._suspect_ticks += 1
        if self._suspect_ticks < 3:
            return
        self._suspect = None
        self._seen.update(f"mismatch: {p}" for p in problems)
        kind = "output" if any(p.startswith("output") for p in problems) else "mismatch"
        self._fail(kind, "\n".join(problems))

    def _mismatches(self) -> list[str]:
        w = self.window
        studio = self.studio
        scene = studio.document.scene
        c, h, wd = scene.input.shape
        n_out, depth, kh, kw = scene.kernels.shape
        sp = w.settings_panel
        problems: list[str] = []

        def same(what: str, shown: object, wanted: object) -> None:
            if shown != wanted:
                problems.append(f"{what} shows {shown!r}, the scene has {wanted!r}")

        same("channels spin box", sp.channels.value(), c)
        same("RGB check box", sp.rgb.isChecked(), scene.channel_names == RGB)
        if scene.has_conv:
            same("kernels spin box", sp.kernels.value(), n_out)
            same("groups spin box", sp.groups.value(), scene.groups)
            same("bias check box", sp.bias.isChecked(), scene.bias is not None)
            same("true convolution check box", sp.flip.isChecked(), scene.flip)
            same("padding mode", sp.mode.currentData(), scene.padding_mode)
            same("stride spin boxes", (sp.stride.value(), sp.stride_cols.value()), scene.stride)
            same(
                "dilation spin boxes",
                (sp.dilation.value(), sp.dilation_cols.value()),
                scene.dilation,
            )
            if isinstance(scene.padding, str):
                same("padding choice", sp.padding.currentData(), scene.padding)
            else:
                choice = "valid" if scene.padding == (0, 0) else "number"
                same("padding choice", sp.padding.currentData(), choice)
                same(
                    "padding spin boxes",
                    (sp.padding_amount.value(), sp.padding_cols.value()),
                    scene.padding,
                )
        else:  # transposed convolutions alone: nothing for these controls to change
            same("kernels spin box enabled", sp.kernels.isEnabled(), False)
            same("stride spin boxes enabled", sp.stride.isEnabled(), False)
        ip, kp = w.input_panel, w.kernel_panel
        same("input size spin boxes", (ip.rows.value(), ip.cols.value()), (h, wd))
        if scene.has_conv:
            same("kernel size spin boxes", (kp.rows.value(), kp.cols.value()), (kh, kw))
        same("input grids", len(ip.grids), c)
        same(
            "kernel slices", sorted(kp.slices), [(k, d) for k in range(n_out) for d in range(depth)]
        )
        same("output maps", len(w.output_panel.maps), n_out)
        for k, spin in enumerate(kp.biases):
            same(f"bias {k + 1} visible", spin.isVisibleTo(kp), scene.bias is not None)
            if scene.bias is not None and k < len(scene.bias):
                wanted = float(scene.bias[k])
                if abs(spin.value() - wanted) > 0.005 + 1e-9 * abs(wanted):
                    problems.append(
                        f"bias {k + 1} box shows {spin.value()}, the scene has {wanted}"
                    )
        p = studio.playback
        same("slider position", w.transport.slider.value(), p.position)
        same("slider end", w.transport.slider.maximum(), p.total)
        same("step label", w.transport.position_label.text(), f"Step {p.position} of {p.total}")
        same("undo enabled", w.undo_action.isEnabled(), studio.document.can_undo)
        same("redo enabled", w.redo_action.isEnabled(), studio.document.can_redo)
        backward = self._backward_reference()
        extra = 0 if backward is None else backward.n_steps
        same("steps in all", p.total, studio.evaluation.n_steps + extra)
        self._check_training(scene, same, problems)
        if problems:
            return problems  # the grids below may not match either: one message is enough
        done = 0 if backward is None else max(0, p.position - studio.evaluation.n_steps)
        self._check_grids(scene, problems, backward, done)
        self._check_output(scene, problems, backward, done)
        if backward is not None:
            if done:
                self._check_blocks(problems, backward, done)
            problems += backward.problems
        return problems

    def _backward_reference(self) -> ReferenceBackward | None:
        """The backward pass the window steps through now (switched on, with a target of
        the last map's shape), or ``None``."""
        studio = self.studio
        evaluation = studio.evaluation
        target = studio.document.scene.target
        final = evaluation.final
        if (
            not backward_of(studio).on
            or target is None
            or final is None
            or final.shape != target.shape
            or not evaluation.maps
        ):
            return None
        rate = training_of(studio).learning_rate
        known = self._backward
        fresh = known is not None and known[0] is evaluation and known[1] is target
        if known is None or not fresh or known[2] != rate:
            known = (evaluation, target, rate, ReferenceBackward(evaluation, target, rate))
            self._backward = known
        return known[3]

    def _check_training(self, scene, same: Callable[[str, object, object], None],
                        problems: list[str]) -> None:  # fmt: skip
        """The Training panel shows the session, and the window shows the session's
        weights and their loss."""
        w, studio = self.window, self.studio
        panel = w.training_panel
        session = training_of(studio)
        backward = backward_of(studio)
        same("Step ▸ backward pass enabled", w.backward_action.isEnabled(), backward.available)
        same(
            "Step ▸ backward pass checked",
            w.backward_action.isChecked(),
            backward.on and backward.available,
        )
        shown = not w.training_dock.isHidden()
        same("View ▸ Training checked", w.training_action.isChecked(), shown)
        if not panel.rate.hasFocus():  # a rate being typed is the user's until Enter
            same("learning rate field", panel.rate.text(), plain_decimal(session.learning_rate))
        same("momentum box", panel.momentum.value(), session.momentum)
        same("training steps box", panel.steps.value(), session.steps)
        if session.state in (TrainingState.PLAYING, TrainingState.PAUSED):
            position = f"Training step {session.position} of {session.goal}"
        else:
            position = f"Training step {session.position}"
        same("training position", panel.position_label.text(), position)
        same("loss", panel.loss_label.text(), loss_text(session.loss))
        target = scene.target
        same("target grids", len(panel.target_grids), 0 if target is None else target.shape[0])
        if target is not None and panel.target_grids:
            channel = self.rng_checks.randrange(min(len(panel.target_grids), target.shape[0]))
            r, c = (self.rng_checks.randrange(n) for n in target.shape[1:])
            shown = panel.target_grids[channel].model().index(r, c).data()
            same(f"target cell ({channel + 1}, {r + 1}, {c + 1})", shown,
                 format_number(target[channel, r, c]))  # fmt: skip
        start = session.start_layers
        if start is None:
            return
        # A session: the scene holds the weights of the training step shown, and the loss
        # shown is theirs.
        shown_layers = session.layers_at(session.position)
        if len(shown_layers) != len(scene.layers) or not all(
            same_layer(a, b) for a, b in zip(scene.layers, shown_layers, strict=False)
        ):
            problems.append(
                f"the scene's weights are not those of training step {session.position}"
            )
            return
        final = studio.evaluation.final
        if final is not None and target is not None and final.shape == target.shape:
            wanted = float(np.mean((np.asarray(final, dtype=float) - target) ** 2))
            loss = session.loss
            if loss is None or not math.isclose(loss, wanted, rel_tol=1e-9, abs_tol=1e-12):
                problems.append(
                    f"the loss of training step {session.position} is {loss}, "
                    f"the maps shown give {wanted}"
                )

    def _check_grids(
        self, scene, problems: list[str], backward: ReferenceBackward | None, done: int
    ) -> None:
        rng = self.rng_checks
        c, h, wd = scene.input.shape
        for grid in self.window.input_panel.grids[:c]:
            model = grid.model
            problem = self.studio.evaluation.problem
            if problem is not None:
                top, left = problem.geometry.pad_top, problem.geometry.pad_left
            else:
                top = left = 0
            for _ in range(4):
                r, col = rng.randrange(h), rng.randrange(wd)
                shown = model.index(top + r, left + col).data()
                wanted = format_number(scene.input[grid.channel, r, col])
                if shown != wanted:
                    problems.append(
                        f"input channel {grid.channel + 1} cell ({r + 1}, {col + 1}) shows "
                        f"{shown!r}, the scene has {wanted!r}"
                    )
        n_out, depth, kh, kw = scene.kernels.shape
        # In the backward pass, the focused convolution's ∂L/∂W or new weights as they go.
        conv = self.studio.evaluation.conv_index
        found = None
        if backward is not None and conv is not None:
            found = backward.parameter(conv, "kernels", done)
        for (k, d), piece in self.window.kernel_panel.slices.items():
            if k >= n_out or d >= depth:
                continue
            r, col = rng.randrange(kh), rng.randrange(kw)
            shown = piece.model.index(r, col).data()
            # A true convolution shows the kernel as applied: turned 180°.
            weight = (kh - 1 - r, kw - 1 - col) if scene.flip else (r, col)
            if found is None:
                wanted, what = format_number(scene.kernels[(k, d, *weight)]), "the scene has"
            else:
                values, shows = found
                element = (k, d, *weight)
                wanted = format_number(float(values[element])) if shows[element] else ""
                what = f"the backward pass at its step {done} has"
            if shown != wanted:
                problems.append(
                    f"kernel {k + 1} slice {d + 1} cell ({r + 1}, {col + 1}) shows {shown!r}, "
                    f"{what} {wanted!r}"
                )

    def _check_output(
        self, scene, problems: list[str], backward: ReferenceBackward | None, done: int
    ) -> None:
        evaluation = self.studio.evaluation
        output = evaluation.output
        if output is None:
            return
        if self._reference_for is not evaluation:
            self._reference_for = evaluation
            self._reference = ReferenceOutput(scene)
        ref = self._reference
        if tuple(output.shape) != ref.shape:
            problems.append(f"output shape {output.shape}, the reference's {ref.shape}")
            return
        rng = self.rng_checks
        n_out, rows, cols = output.shape
        position = self.studio.conv_position  # of the focused convolution, in a stack
        # Past the forward pass (every output cell done), the backward pass: the map shows
        # ∂L/∂(map) once the section computing it has begun, filled as it goes.
        gradient = None
        if backward is not None and evaluation.conv_index is not None:
            gradient = backward.map_gradient(evaluation.conv_index + 1, done)
        maps = self.window.output_panel.maps
        for o, panel in enumerate(maps[:n_out]):
            titled = "∂L/∂" in panel.title.text()
            if titled != (gradient is not None):
                problems.append(
                    f"output map {o + 1}'s title is {panel.title.text()!r} at step "
                    f"{self.studio.position}, its {'gradient' if gradient else 'values'} shown"
                )
        for _ in range(6):
            o, r, c = rng.randrange(n_out), rng.randrange(rows), rng.randrange(cols)
            wanted, size = ref.cell(o, r, c)
            got = float(output[o, r, c])
            if not math.isclose(got, wanted, rel_tol=1e-9, abs_tol=1e-9 * size + 1e-12):
                problems.append(f"output ({o + 1}, {r + 1}, {c + 1}) is {got}, reference {wanted}")
            if o < len(maps):
                # The map may be drawn with the padding of the layer after it around it.
                shown = maps[o].model.cell_index(r, c).data()
                step = o * rows * cols + r * cols + c
                if gradient is not None:
                    values, shows = gradient
                    expected = format_number(float(values[o, r, c])) if shows[o, r, c] else ""
                    at = f"step {done} of the backward pass"
                else:
                    expected = format_number(got) if step < position else ""
                    at = f"step {position}"
                if shown != expected:
                    problems.append(
                        f"output map {o + 1} cell ({r + 1}, {c + 1}) shows {shown!r}, "
                        f"expected {expected!r} at {at}"
                    )

    def _check_blocks(self, problems: list[str], backward: ReferenceBackward, done: int) -> None:
        """In the backward pass, the stage's later layers: each map shows its values, or
        its gradient once begun (and says so in its title); each kernel its weights, or its
        ∂L/∂W and new weights as they go."""
        rng = self.rng_checks
        evaluation = self.studio.evaluation
        for block in self.window.stage.blocks:
            for grid in block.maps:
                model = grid.model
                index, channel = model.index_in_stack, model.channel
                if index >= len(evaluation.maps) or channel >= evaluation.maps[index].shape[0]:
                    continue
                plane = evaluation.maps[index][channel]
                gradient = backward.map_gradient(index, done)
                name = f"layer {index} map {channel + 1}"
                if ("∂L/∂" in grid.title.text()) != (gradient is not None):
                    problems.append(
                        f"{name}'s title is {grid.title.text()!r} at step {done} of the "
                        f"backward pass, its {'gradient' if gradient else 'values'} shown"
                    )
                for _ in range(2):
                    r, c = rng.randrange(plane.shape[0]), rng.randrange(plane.shape[1])
                    shown = model.index(*model.padded.position(r, c)).data()
                    if gradient is None:
                        expected = format_number(float(plane[r, c]))
                    else:
                        values, shows = gradient
                        cell = (channel, r, c)
                        expected = format_number(float(values[cell])) if shows[cell] else ""
                    if shown != expected:
                        problems.append(
                            f"{name} cell ({r + 1}, {c + 1}) shows {shown!r}, expected "
                            f"{expected!r} at step {done} of the backward pass"
                        )
            pieces = [p for slices in block.kernels for p in slices if isinstance(p, KernelSlice)]
            if not pieces:
                continue
            piece = rng.choice(pieces)
            model = piece.model
            layer = evaluation.layers[block.layer]
            kernels = np.asarray(layer.kernels)
            found = backward.parameter(block.layer, "kernels", done)
            rows, cols = kernels.shape[2:]
            r, c = rng.randrange(rows), rng.randrange(cols)
            element = (piece.kernel, piece.depth, *model.weight_at(r, c))
            if found is None:
                expected = format_number(float(kernels[element]))
            else:
                values, shows = found
                expected = format_number(float(values[element])) if shows[element] else ""
            shown = model.index(r, c).data()
            if shown != expected:
                problems.append(
                    f"layer {block.layer + 1} kernel {element} cell ({r + 1}, {c + 1}) shows "
                    f"{shown!r}, expected {expected!r} at step {done} of the backward pass"
                )

    # ------------------------------------------------------------ the actions

    def _action_table(self) -> list[tuple[str, float, Callable[[], str | None]]]:
        # The checks sample cells with their own generator, so that whether a check runs
        # does not change the actions that follow.
        self.rng_checks = Random(self.seed + 1_000_003)
        return [
            ("type into an input cell", 12, self.type_input_cell),
            ("type into a kernel cell", 10, self.type_kernel_cell),
            ("resize the input", 5, self.resize_input),
            ("resize the kernel", 5, self.resize_kernel),
            ("a Window setting", 8, self.window_setting),
            ("a Layer setting", 8, self.layer_setting),
            ("a bias value", 3, self.bias_value),
            ("a stepping key", 14, self.step_key),
            ("a transport button", 3, self.transport_button),
            ("drag the slider", 2, self.drag_slider),
            ("the speed", 1, self.speed),
            ("jump to a kernel", 1, self.kernel_jump),
            ("click an output cell", 4, self.click_output_cell),
            ("undo or redo", 7, self.undo_redo),
            ("open a lesson", 2, self.open_lesson),
            ("a preset", 3, self.preset),
            ("save a preset", 1, self.save_preset),
            ("open a scene file", 4, self.open_scene_file),
            ("save the scene", 1, self.save_scene),
            ("image mode", 2, self.image_mode),
            ("zoom", 2, self.zoom),
            ("heat maps", 1, self.heat_maps),
            ("paste", 3, self.paste),
            ("Random or Zeros", 2, self.fill_button),
            ("focus a control", 3, self.focus_control),
            ("resize the window", 1, self.resize_window),
            # Training and the backward pass; a target or a training lesson sometimes
            # starts a while of training (the table below).
            ("the Training panel", 0.3, self.training_panel),
            ("open a training lesson", 1, self.training_lesson),
            ("the backward pass", 1.5, self.backward_switch),
            ("a training target", 1.5, self.training_target),
            ("scramble or zero the kernels", 0.7, self.scramble_or_zero),
            ("a training setting", 0.7, self.training_setting),
            ("play or pause training", 1, self.play_training),
            ("step through training", 0.7, self.training_history),
        ]

    def _training_table(self) -> list[tuple[str, float, Callable[[], str | None]]]:
        """A while of training: training's actions, stepping (into the backward pass)
        and undo among them, and now and then an edit that ends the session."""
        return [
            ("a stepping key", 8, self.step_key),
            ("a transport button", 2, self.transport_button),
            ("drag the slider", 2, self.drag_slider),
            ("undo or redo", 3, self.undo_redo),
            ("click an output cell", 1, self.click_output_cell),
            ("type into a kernel cell", 2, self.type_kernel_cell),
            ("type into an input cell", 1, self.type_input_cell),
            ("the backward pass", 2.5, self.backward_switch),
            ("a training target", 1, self.training_target),
            ("scramble or zero the kernels", 1.5, self.scramble_or_zero),
            ("a training setting", 2, self.training_setting),
            ("play or pause training", 5, self.play_training),
            ("step through training", 4, self.training_history),
        ]

    # Helpers ---------------------------------------------------

    def _cell_text(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return rng.choice(CELL_TEXTS)
        if roll < 0.75:
            return str(rng.randint(-300, 300))
        if roll < 0.9:
            return f"{rng.uniform(-100, 100):.{rng.randint(0, 4)}f}"
        return f"{rng.uniform(-100, 100):.2f}".replace(".", ",")

    def _activate(self) -> bool:
        """The main window active, as a click on it makes it; False if it is not yet."""
        if QApplication.activeWindow() is self.window:
            return True
        self.window.activateWindow()
        return False

    def _key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> str:
        if not self._activate():
            return "(clicked the main window first: it was not active)"
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)
        return f"to {type(target).__name__}"

    def _type_into(self, table, row: int, col: int) -> str:
        index = table.model().index(row, col)
        if not index.isValid():
            return "(no such cell)"
        table.setFocus()
        table.setCurrentIndex(index)
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            # A padding cell: a user's double-click opens nothing (table.edit() would only
            # make Qt warn "editing failed", which no user can cause).
            table.scrollTo(index)
            rect = table.visualRect(index)
            if table.viewport().rect().contains(rect.center()):
                QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return f"({row}, {col}): double-clicked a padding cell"
        if not self._activate():
            return "(clicked the main window first: it was not active)"
        table.edit(index)
        editor = table.indexWidget(index)
        text = self._cell_text()
        shown = text if len(text) < 20 else f"{text[:6]}…×{len(text)}"
        if not isinstance(editor, QLineEdit):
            return f"({row}, {col}): no editor (not editable)"
        editor.setFocus()
        editor.selectAll()
        editor.insert(text)
        end = self.rng.choices(
            [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_PageDown,
             Qt.Key.Key_Tab, Qt.Key.Key_PageUp],
            [60, 10, 8, 10, 8, 4],
        )[0]  # fmt: skip
        QTest.keyClick(editor, end)
        return f"({row}, {col}) {shown!r} then {end.name}"

    def _spin(self, spin: QAbstractSpinBox, low: int, high: int) -> str:
        """Change a spin box as a user does: arrows, typing and Enter, or the mouse wheel."""
        rng = self.rng
        how = rng.random()
        spin.setFocus()
        if how < 0.4:
            value = rng.randint(low, high)
            spin.setValue(value)
            return f"{spin.toolTip()[:24]!r} set to {value}"
        if how < 0.7:
            key = rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp])
            QTest.keyClick(spin, key)
            return f"{spin.toolTip()[:24]!r} {key.name} -> {spin.value()}"
        typed = rng.choice([str(rng.randint(low, high)), str(rng.randint(-5, 99)), "", "1e3", "x"])
        line = spin.lineEdit()
        line.selectAll()
        line.insert(typed)
        QTest.keyClick(spin, rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Enter]))
        return f"{spin.toolTip()[:24]!r} typed {typed!r} + Enter -> {spin.value()}"

    def _show_tab(self, name: str) -> None:
        """Every setting is in the side panel: show it if a shortcut hid it."""
        self.window.set_side_panel(True)

    def _choose_combo(self, combo) -> str:
        """Pick an item as from the combo's popup (current index, then activated)."""
        if combo.count() == 0:
            return "(empty)"
        i = self.rng.randrange(combo.count())
        combo.setCurrentIndex(i)
        combo.activated.emit(i)
        return repr(combo.itemText(i))

    def _click(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    # Actions ---------------------------------------------------

    def type_input_cell(self) -> str:
        grids = self.window.input_panel.grids
        grid = self.rng.choice(grids)
        model = grid.model
        return f"channel {grid.channel + 1} " + self._type_into(
            grid.table,
            self.rng.randrange(model.rowCount()),
            self.rng.randrange(model.columnCount()),
        )

    def type_kernel_cell(self) -> str:
        slices = self.window.kernel_panel.slices
        if not slices:
            return "(no convolution: no kernel)"
        key = self.rng.choice(sorted(slices))
        piece = slices[key]
        model = piece.model
        return f"kernel {key} " + self._type_into(
            piece.table,
            self.rng.randrange(model.rowCount()),
            self.rng.randrange(model.columnCount()),
        )

    def resize_input(self) -> str:
        panel = self.window.input_panel
        # Mostly classroom sizes; a quarter of the time anything up to the limit (large
        # grids make every later action slower, and undo brings them back only sometimes).
        high = 32 if self.rng.random() < 0.25 else 10
        return self._spin(self.rng.choice([panel.rows, panel.cols]), 1, high)

    def resize_kernel(self) -> str:
        panel = self.window.kernel_panel
        return self._spin(self.rng.choice([panel.rows, panel.cols]), 1, 9)

    def window_setting(self) -> str:
        self._show_tab("Window")
        sp = self.window.settings_panel
        rng = self.rng
        what = rng.choice(["padding", "mode", "rings", "rings cols", "stride", "stride cols",
                           "dilation", "dilation cols"])  # fmt: skip
        if what == "padding":
            return "padding " + self._choose_combo(sp.padding)
        if what == "mode":
            return "mode " + self._choose_combo(sp.mode)
        spin, high = {
            "rings": (sp.padding_amount, 6),
            "rings cols": (sp.padding_cols, 6),
            "stride": (sp.stride, 8),
            "stride cols": (sp.stride_cols, 8),
            "dilation": (sp.dilation, 4),
            "dilation cols": (sp.dilation_cols, 4),
        }[what]
        low = 0 if what.startswith("rings") else 1
        return what + " " + self._spin(spin, low, high)

    def layer_setting(self) -> str:
        self._show_tab("Layer")
        sp = self.window.settings_panel
        what = self.rng.choice(["channels", "kernels", "groups", "rgb", "bias", "flip"])
        if what in ("rgb", "bias", "flip"):
            box = {"rgb": sp.rgb, "bias": sp.bias, "flip": sp.flip}[what]
            self._click(box)
            return f"{what} clicked -> {box.isChecked()}"
        spin, high = {"channels": (sp.channels, 4), "kernels": (sp.kernels, 8),
                      "groups": (sp.groups, 4)}[what]  # fmt: skip
        return what + " " + self._spin(spin, 1, high)

    def bias_value(self) -> str:
        biases = [b for b in self.window.kernel_panel.biases if b.isVisibleTo(self.window)]
        if not biases:
            return "(no bias boxes)"
        return self._spin(self.rng.choice(biases), -50, 50)

    def step_key(self) -> str:
        keys = Qt.Key
        key = self.rng.choice([keys.Key_Right, keys.Key_Left, keys.Key_PageDown, keys.Key_PageUp,
                               keys.Key_Home, keys.Key_End, keys.Key_Space, keys.Key_Right,
                               keys.Key_PageDown])  # fmt: skip
        return f"{key.name} " + self._key(key)

    def transport_button(self) -> str:
        t = self.window.transport
        button = self.rng.choice(
            [t.first_button, t.previous_button, t.play_button, t.next_button, t.last_button]
        )
        self._click(button)
        return button.toolTip()

    def drag_slider(self) -> str:
        slider = self.window.transport.slider
        value = self.rng.randint(0, max(0, slider.maximum()))
        slider.setValue(value)
        return str(value)

    def speed(self) -> str:
        return self._spin(self.window.transport.speed, 1, 20)

    def kernel_jump(self) -> str:
        jump = self.window.kernel_jump
        if not jump.isVisibleTo(self.window):
            return "(one kernel: hidden)"
        return self._choose_combo(jump)

    def click_output_cell(self) -> str:
        maps = self.window.output_panel.maps
        if not maps:
            return "(no convolution: no output map)"
        panel = self.rng.choice(maps)
        table = panel.table
        model = table.model()
        if model.rowCount() == 0 or model.columnCount() == 0:
            return "(no output)"
        index = model.index(
            self.rng.randrange(model.rowCount()), self.rng.randrange(model.columnCount())
        )
        table.scrollTo(index)
        rect = table.visualRect(index)
        if rect.isEmpty() or not table.viewport().rect().contains(rect.center()):
            return f"({index.row()}, {index.column()}) not on screen"
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return f"map {maps.index(panel) + 1} ({index.row()}, {index.column()})"

    def undo_redo(self) -> str:
        if self.rng.random() < 0.65:
            return "Ctrl+Z " + self._key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        return "Ctrl+Shift+Z " + self._key(Qt.Key.Key_Z, mods)

    def open_lesson(self) -> str:
        path = self.rng.choice(self.lessons)
        return f"{path.name} -> {self.window.open_scene(path)}"

    def preset(self) -> str:
        panel = self.window.kernel_panel
        if self.rng.random() < 0.5:
            return "from the combo " + self._choose_combo(panel.presets)
        name = self.rng.choice(panel.preset_names())
        panel.apply_preset(name)
        return repr(name)

    def save_preset(self) -> str:
        panel = self.window.kernel_panel
        name = self.rng.choice(
            ["mine", "Mine 2", "", "   ", "identity", "Sobel x", "ü½", "n" * 300, "a/b", "mine"]
        )
        return f"{name[:20]!r} -> {panel.save_preset(name)}"

    def open_scene_file(self) -> str:
        path = self.rng.choice(self.scenes)
        return f"{path.name} -> {self.window.open_scene(path)}"

    def save_scene(self) -> str:
        path = self.rng.choice(self.saves)
        return f"{path.relative_to(self.folder)} -> {self.window.save_scene(path)}"

    def image_mode(self) -> str:
        rng = self.rng
        w = self.window
        image = w._image_window  # made on first use, as the menu would
        roll = rng.random()
        if image is None or image.pixels is None or roll < 0.2:
            path = rng.choice(self.images)
            return f"open {path.name} -> {w.open_image(path)}"
        if roll < 0.5:
            box = (rng.randint(-3, 45), rng.randint(-3, 45), rng.randint(0, 40), rng.randint(0, 40))
            image.set_region(*box)
            return f"region {box} -> {image.region_box()}"
        if roll < 0.6:
            return "colour " + self._choose_combo(image.colour)
        if roll < 0.65:
            return "map " + self._choose_combo(image.map_choice)
        if roll < 0.7:
            image.close()
            return "close the image window"
        return f"step through {image.region_box()} -> {image.apply_region()}"

    def zoom(self) -> str:
        key = self.rng.choice([Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0])
        return f"Ctrl+{key.name[4:]} " + self._key(key, Qt.KeyboardModifier.ControlModifier)

    def heat_maps(self) -> str:
        return "Ctrl+H " + self._key(Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    def paste(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            text = rng.choice(PASTE_TEXTS)
        elif roll < 0.85:
            rows, cols = rng.randint(1, 6), rng.randint(1, 6)
            sep = rng.choice(["\t", " ", ",", ";"])
            text = "\n".join(
                sep.join(str(rng.randint(-9, 99)) for _ in range(cols)) for _ in range(rows)
            )
        else:
            rows, cols = rng.randint(30, 40), rng.randint(30, 40)
            text = "\n".join("\t".join("1" for _ in range(cols)) for _ in range(rows))
        QGuiApplication.clipboard().setText(text)
        if rng.random() < 0.6 or not self.window.kernel_panel.slices:
            grid = rng.choice(self.window.input_panel.grids)
            table, where = grid.table, f"input channel {grid.channel + 1}"
        else:
            key = rng.choice(sorted(self.window.kernel_panel.slices))
            table, where = self.window.kernel_panel.slices[key].table, f"kernel {key}"
        model = table.model()
        table.setFocus()
        table.setCurrentIndex(
            model.index(rng.randrange(model.rowCount()), rng.randrange(model.columnCount()))
        )
        if not self._activate():
            return "(clicked the main window first: it was not active)"
        QTest.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        shown = text if len(text) < 30 else f"{text[:12]!r}… ({len(text)} chars)"
        return (
            f"{shown!r} over {where} at {table.currentIndex().row(), table.currentIndex().column()}"
        )

    def fill_button(self) -> str:
        panel = self.window.input_panel
        button = self.rng.choice([panel.random_button, panel.zeros_button])
        self._click(button)
        return button.text()

    def focus_control(self) -> str:
        sp = self.window.settings_panel
        w = self.window
        # A scene of transposed convolutions alone has no kernel or output table.
        tables = [w.kernel_panel.table] if w.kernel_panel.slices else []
        tables += [w.output_panel.table] if w.output_panel.maps else []
        widget = self.rng.choice(
            [sp.channels, sp.kernels, sp.stride, sp.padding, sp.mode, sp.rgb, sp.bias,
             w.input_panel.table, *tables,
             w.input_panel.rows, w.kernel_panel.cols, w.transport.speed, w.kernel_panel.presets,
             w.side_panel]
        )  # fmt: skip
        for name in ("Window", "Layer"):
            page = sp.window_page if name == "Window" else sp.layer_page
            if page.isAncestorOf(widget):
                self._show_tab(name)
        widget.setFocus()
        return type(widget).__name__

    # Training and the backward pass -----------------------------

    def _panel_shown(self) -> bool:
        """The Training panel on screen, as View ▸ Training makes it; False when it was
        hidden (the user opens it first: its buttons are laid out by the next action)."""
        if not self.window.training_dock.isHidden():
            return True
        self.window.set_training_shown(True)
        return False

    def training_panel(self) -> str:
        if self.rng.random() < 0.5:
            return "T " + self._key(Qt.Key.Key_T)
        self.window.training_action.trigger()
        return f"View ▸ Training -> {not self.window.training_dock.isHidden()}"

    def training_lesson(self) -> str:
        self._start_training()
        lesson = self.rng.choice(self.training_lessons)
        return f"{lesson.name} -> {self.window.open_lesson(lesson)}"

    def backward_switch(self) -> str:
        rng = self.rng
        backward = backward_of(self.studio)
        detail = ""
        if not backward.available and rng.random() < 0.5 and self._panel_shown():
            # The switch is offered with a target: the user sets one first.
            self._click(self.window.training_panel.target_button)
            detail = "the target from the kernels, then "
        if rng.random() < 0.7:
            detail += "Ctrl+B " + self._key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        else:
            self.window.backward_action.trigger()  # the Step menu's item
            detail += "Step ▸ Step through the backward pass"
        detail += f" -> {backward.on}"
        playback = self.studio.playback
        forward = self.studio.evaluation.n_steps
        if backward.on and playback.total > forward:
            self._start_training()
            if rng.random() < 0.6:  # and goes to see it: somewhere in it, or its end
                slider = self.window.transport.slider
                slider.setValue(rng.randint(forward + 1, playback.total))
                detail += f", slider to {slider.value()} of {playback.total}"
        return detail

    def training_target(self) -> str:
        if not self._panel_shown():
            return "(opened the Training panel first)"
        panel = self.window.training_panel
        self._start_training()
        if self.rng.random() < 0.65:
            self._click(panel.target_button)
            return "the current kernels' output"
        name = self.rng.choice(sorted(panel.preset_actions))
        panel.preset_actions[name].trigger()  # chosen from the button's menu
        return f"preset {name!r}'s output"

    def scramble_or_zero(self) -> str:
        if not self._panel_shown():
            return "(opened the Training panel first)"
        panel = self.window.training_panel
        button = self.rng.choice([panel.scramble_button, panel.scramble_button, panel.zero_button])
        self._click(button)
        return button.text()

    def training_setting(self) -> str:
        if not self._panel_shown():
            return "(opened the Training panel first)"
        panel = self.window.training_panel
        rng = self.rng
        roll = rng.random()
        if roll < 0.6:
            text = rng.choice(RATE_TEXTS)
            line = panel.rate
            line.setFocus()
            line.selectAll()
            line.insert(text)
            end = rng.choices([Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab], [6, 1, 2])[0]
            QTest.keyClick(line, end)
            rate = plain_decimal(training_of(self.studio).learning_rate)
            return f"learning rate {text!r} + {end.name} -> {rate}"
        if roll < 0.8:
            return "steps " + self._spin(panel.steps, 1, 40)
        box = panel.momentum
        box.setFocus()
        if rng.random() < 0.5:
            box.setValue(rng.choice([0.0, 0.5, 0.9, 0.99]))
        else:
            QTest.keyClick(box, rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down]))
        return f"momentum -> {box.value()}"

    def play_training(self) -> str:
        """Play (Shift+Space or the button) for a few of the panel's timer ticks, and
        mostly pause again; or one training step."""
        if not self._panel_shown():
            return "(opened the Training panel first)"
        panel = self.window.training_panel
        session = training_of(self.studio)
        rng = self.rng
        prepared = ""
        if self.studio.document.scene.target is None and rng.random() < 0.7:
            # Training needs a target: the user sets one, and scrambles the kernels so
            # that there is something to learn.
            self._click(panel.target_button)
            self._click(panel.scramble_button)
            prepared = "target from the kernels, Scramble, then "
        roll = rng.random()
        if roll < 0.2:
            self._click(panel.step_button)
            return f"{prepared}+1 step -> training step {session.position}"
        if roll < 0.7:
            how = "Shift+Space " + self._key(Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
        else:
            self._click(panel.play_button)
            how = "the play button"
        ticks = rng.randint(1, 4)
        for _ in range(ticks):
            self._training_tick()
        detail = f"{prepared}{how}, {ticks} ticks -> {session.state.value} at {session.position}"
        if session.state is TrainingState.PLAYING and rng.random() < 0.7:
            self._key(Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
            detail += f", Shift+Space -> {session.state.value}"
        return detail

    def training_history(self) -> str:
        if not self._panel_shown():
            return "(opened the Training panel first)"
        panel = self.window.training_panel
        session = training_of(self.studio)
        roll = self.rng.random()
        if roll < 0.75:
            button = self.rng.choice(
                [panel.back_button, panel.back_button, panel.forward_button, panel.reset_button]
            )
            self._click(button)
            return f"{button.toolTip()} -> training step {session.position}"
        return "after training: " + self.undo_redo() + f" -> training step {session.position}"

    def _training_tick(self) -> None:
        """One tick of the Training panel's timer, made here (see :meth:`_tick_body`)."""
        training_of(self.studio).tick()

    def resize_window(self) -> str:
        # Mostly near the 1280×720 the window opens at; sometimes a 1080p projector's size
        # (a larger window fits the zoom in more steps, which makes every action slower).
        if self.rng.random() < 0.2:
            size = (self.rng.randint(1280, 1920), self.rng.randint(720, 1080))
        else:
            size = (self.rng.randint(1000, 1400), self.rng.randint(600, 800))
        self.window.resize(*size)
        return f"{size}"


# ---------------------------------------------------------------- handlers and memory


def model_events(studio: Studio) -> dict[str, object]:
    """Every event of the model, by name: what views connect to."""
    p, d = studio.playback, studio.document
    training, backward = training_of(studio), backward_of(studio)
    return {
        "studio.frame_changed": studio.frame_changed,
        "document.scene_changed": d.scene_changed,
        "document.evaluation_changed": d.evaluation_changed,
        "playback.position_changed": p.position_changed,
        "playback.state_changed": p.state_changed,
        "playback.total_changed": p.total_changed,
        "playback.speed_changed": p.speed_changed,
        "training.changed": training.changed,
        "training.state_changed": training.state_changed,
        "training.stopped": training.stopped,
        "backward.changed": backward.changed,
    }


def handler_counts(studio: Studio) -> dict[str, int]:
    """How many callbacks are connected to each model event."""
    return {name: len(signal) for name, signal in model_events(studio).items()}  # type: ignore[arg-type]


def handler_names(studio: Studio) -> dict[str, list[str]]:
    """What is connected to each model event (``module.Class.method`` of each callback)."""
    signals = model_events(studio)
    names = {}
    for name, signal in signals.items():
        slots = getattr(signal, "_slots", [])
        names[name] = sorted(getattr(slot, "slot_repr", lambda: "?")() for slot in slots)
    return names


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def current_rss_mb() -> float:
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")
