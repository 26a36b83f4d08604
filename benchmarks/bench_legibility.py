"""Legibility of the output numbers on a projector, read back by OCR; and one step's time.

Every shipped lesson (``resources/scenes/*.json``), or the scene files given, is drawn at
its last step by the real main window, off screen, at 1920×1080 and 1280×720, in both
modes (a stack: every layer's maps are read, against the floors of several channels):

- **editing**: the window as it opens, resized to the screen;
- **presenting**: after ``window.set_presenting(True)`` (F5), which takes the whole screen.

The offscreen platform is given one screen of each size, so "full screen" is the size
asked for. Every output cell wholly in view (a map's table, clipped by the scroll areas
around it) is cut out of the grabbed frame without its grid line or border, set against
its own background, and laid on a white sheet one cell apart (with the grid lines gone,
OCR would join a row into one number). ``tesseract --psm 11`` reads the sheet, restricted
to ``0123456789-.``, as it is and upscaled 2× (the reading with more values read is kept);
a cell it got wrong is read once more alone (``--psm 8``). A value counts as read when the
text found in its cell is the value as the app formats it (``format_number``). The digit
height is the median height of the word boxes of the values read, in the frame's pixels.

Printed per case: values read / all the output values of the lesson (a map or rows
scrolled out of view count as unread), the values in view, the median digit height, the
floor of issue 8 for that case, pass/fail (the height at or above the floor), whether every
value was read, and each value in view that OCR got wrong. Nothing is asserted: it is a
benchmark.

Then the time of one step at a 32×32 input with a 7×7 kernel: ``playback.next()`` with
every ``frame_changed`` handler it runs (the median over many steps; target: at most
10 ms), and, as in ``bench_step.py``, until the input grid has repainted, against one
label set and repainted in the same window.

    benchmarks/setup-legibility          # installs tesseract when missing
    .venv/bin/python benchmarks/bench_legibility.py [--quick] [--steps N] [--keep DIR]
        [--language en|zh_TW|zh_CN|all] [SCENE.json ...]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # made precise by offscreen_screens() below
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from bench_step import PaintCounter, until_painted  # benchmarks/ is on the path as a script
from PIL import Image, ImageOps
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication

from convstudio.model import Scene, Studio, format_number, load_scene, resource_dir
from convstudio.model.stage import LEGIBILITY_FLOORS
from convstudio.qt.app import application
from convstudio.qt.language import install_language
from convstudio.qt.main_window import MainWindow

SIZES = ((1920, 1080), (1280, 720))
FLOORS = LEGIBILITY_FLOORS  # the classroom's floors, defined once in the model
WHITELIST = "0123456789-."
QUICK_LESSON = "worked-example"
STEP_TARGET_MS = 10.0


# ------------------------------------------------------------------ drawing


def offscreen_screens(folder: Path) -> None:
    """Before the QApplication exists: the offscreen platform with one screen per size,
    side by side, so that a window made full screen on one is exactly that size."""
    screens = [
        {
            "name": f"{w}x{h}",
            "x": sum(s[0] for s in SIZES[:i]),
            "y": 0,
            "width": w,
            "height": h,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
        for i, (w, h) in enumerate(SIZES)
    ]
    config = folder / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def settle() -> None:
    """Layout, the window's posted zoom refits and repaints (as FrameRenderer does)."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def screen_of(size: tuple[int, int]):
    for screen in QApplication.screens():
        if (screen.geometry().width(), screen.geometry().height()) == size:
            return screen
    raise RuntimeError(f"no offscreen screen of {size[0]}×{size[1]}")


def open_window(scene: Scene, size: tuple[int, int], presenting: bool) -> MainWindow:
    """The main window on *scene* at its last step, laid out on a screen of *size*."""
    studio = Studio(scene)
    window = MainWindow(studio, remember_geometry=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    screen = screen_of(size)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.show()
    settle()
    if presenting:
        window.set_presenting(True)
        settle()
    studio.playback.seek(studio.playback.total)
    settle()
    focused = window.focusWidget()
    if focused is not None and focused.hasFocus():
        focused.clearFocus()  # no focus box over a cell
    window.messages.hide()
    settle()
    if window.size() != QSize(*size):
        raise RuntimeError(f"the window is {window.width()}×{window.height()}, not {size}")
    return window


def to_pil(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(data.data())).convert("RGB")


@dataclass
class Cell:
    text: str  # the value as the window shows it
    rect: QRect  # in the window's pixels; empty when not in view


def output_cells(window: MainWindow) -> list[Cell]:
    """Every output value of the scene (a stack: of every layer), with its cell's rectangle
    when wholly in view."""
    cells = []
    evaluation = window.studio.evaluation
    grids = []  # (panel, values, the table's row and column of a map cell)
    if window.stage.head_layer is not None:
        output = evaluation.output
        grids += [
            (panel, output[c], _cell_index(panel.model))  # past a stack's padding
            for c, panel in enumerate(window.output_panel.maps)
        ]
    for block in window.stage.blocks:  # a stack's later layers: their map grids
        for grid in block.maps:
            values = evaluation.maps[block.layer + 1][grid.model.channel]
            grids.append((grid, values, grid.model.padded.position))
    for panel, values, position in grids:
        table, viewport = panel.table, panel.table.viewport()
        shown = viewport.visibleRegion()  # clipped by the scroll areas around it
        for row in range(values.shape[0]):
            for col in range(values.shape[1]):
                rect = table.visualRect(table.model().index(*position(row, col)))
                visible = panel.isVisible() and shown.intersected(rect) == QRegion(rect)
                window_rect = (
                    QRect(viewport.mapTo(window, rect.topLeft()), rect.size())
                    if visible
                    else QRect()
                )
                cells.append(Cell(format_number(values[row, col]), window_rect))
    return cells


def _cell_index(model) -> Callable[[int, int], tuple[int, int]]:
    """Where the output panel's map cell (row, col) is in its table (past a stack's
    padding, among the zeros a transposed convolution puts between the cells)."""

    def position(row: int, col: int) -> tuple[int, int]:
        index = model.cell_index(row, col)
        return index.row(), index.column()

    return position


def cells_apart(
    frame: Image.Image, cells: list[Cell], columns: int, zoom: float
) -> tuple[Image.Image, list[QRect]]:
    """The insides of the cells in view, cut out of *frame* and set apart on white.

    Each cell keeps its pixels, in a grid of *columns* with a gap of one cell between
    neighbours: with the grid lines gone, tesseract would otherwise read a row of the map
    as one long number. Returns the sheet and where each cell went (empty if not in view).
    """
    # Trimmed: the grid line, and the current cell's border (round(3 × zoom) pixels wide,
    # one pixel in: cells.CellDelegate), which OCR would read as a 1.
    inset = 2 + round(3 * zoom)
    inner = [c.rect.adjusted(inset, inset, -inset, -inset) for c in cells]
    shown = [r for c, r in zip(cells, inner, strict=True) if not c.rect.isEmpty()]
    width = max((r.width() for r in shown), default=1)
    height = max((r.height() for r in shown), default=1)
    pitch_x, pitch_y = 2 * width, 2 * height
    rows = (len(shown) + columns - 1) // columns
    sheet = Image.new("L", (columns * pitch_x + width, rows * pitch_y + height), "white")
    places, slot = [], 0
    for cell, r in zip(cells, inner, strict=True):
        if cell.rect.isEmpty():
            places.append(QRect())
            continue
        x = width // 2 + (slot % columns) * pitch_x
        y = height // 2 + (slot // columns) * pitch_y
        inside = frame.crop((r.left(), r.top(), r.right() + 1, r.bottom() + 1)).convert("L")
        # Each cell against its own background: the current cell's yellow would otherwise
        # be taken for a picture and skipped. Glyph sizes and edges stay as drawn.
        sheet.paste(ImageOps.autocontrast(inside), (x, y))
        places.append(QRect(x, y, r.width(), r.height()))
        slot += 1
    return sheet, places


# ------------------------------------------------------------------ reading


@dataclass
class Word:
    text: str
    left: float
    top: float
    width: float
    height: float


def tesseract(image: Image.Image, psm: int) -> list[Word]:
    """The words tesseract reads in *image* (TSV output, word level)."""
    png = io.BytesIO()
    image.save(png, "PNG")
    command = ["tesseract", "stdin", "stdout", "--psm", str(psm)]
    command += ["-c", f"tessedit_char_whitelist={WHITELIST}", "tsv"]
    result = subprocess.run(command, input=png.getvalue(), capture_output=True, check=True)
    words = []
    for line in result.stdout.decode().splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[0] == "5" and fields[11].strip():
            left, top, width, height = (float(v) for v in fields[6:10])
            words.append(Word(fields[11].strip(), left, top, width, height))
    return words


@dataclass
class Reading:
    read: int
    heights: list[float]  # of the values read, in frame pixels
    scale: int
    misread: list[tuple[str, str]]  # (value shown, what OCR made of it) for cells in view


def read_cells(sheet: Image.Image, cells: list[Cell], places: list[QRect], psm: int) -> Reading:
    """OCR *sheet* as it is and upscaled 2×; the reading with more values read wins."""
    best = None
    for scale in (1, 2):
        image = (
            sheet
            if scale == 1
            else sheet.resize((sheet.width * 2, sheet.height * 2), Image.Resampling.BICUBIC)
        )
        words = tesseract(image, psm)
        read, heights, misread = 0, [], []
        for cell, place in zip(cells, places, strict=True):
            if place.isEmpty():
                continue
            inside = [w for w in words if _centre_in(w, scale, place)]
            if _text(inside) != cell.text:
                # A second look at this cell alone, as one word: tesseract's page layout
                # drops some lone short numbers (a "1") that it reads well by themselves.
                pad = place.height() // 2
                alone = sheet.crop(
                    (
                        place.left() - pad,
                        place.top() - pad,
                        place.right() + pad,
                        place.bottom() + pad,
                    )
                )
                if scale == 2:
                    alone = alone.resize(
                        (alone.width * 2, alone.height * 2), Image.Resampling.BICUBIC
                    )
                inside = tesseract(alone, 8)
            if _text(inside) == cell.text:
                read += 1
                heights.append(max(w.height for w in inside) / scale)
            else:
                misread.append((cell.text, _text(inside)))
        if best is None or read > best.read:
            best = Reading(read, heights, scale, misread)
    assert best is not None
    return best


def _text(words: list[Word]) -> str:
    return "".join(w.text for w in sorted(words, key=lambda w: w.left))


def _centre_in(word: Word, scale: int, rect: QRect) -> bool:
    x = (word.left + word.width / 2) / scale
    y = (word.top + word.height / 2) / scale
    return rect.left() <= x <= rect.right() + 1 and rect.top() <= y <= rect.bottom() + 1


# ------------------------------------------------------------------ the cases


@dataclass
class Case:
    lesson: str
    multi: bool
    presenting: bool
    size: tuple[int, int]
    total: int
    in_view: int
    reading: Reading
    zoom: float

    @property
    def floor(self) -> int:
        return FLOORS[(self.multi, self.presenting, self.size)]

    @property
    def height(self) -> float:
        return statistics.median(self.reading.heights) if self.reading.heights else 0.0

    @property
    def tall_enough(self) -> bool:
        return self.height >= self.floor

    @property
    def all_read(self) -> bool:
        return self.reading.read == self.total


def measure_case(
    lesson: str, scene: Scene, size: tuple[int, int], presenting: bool, psm: int, keep: Path | None
) -> Case:
    window = open_window(scene, size, presenting)
    try:
        frame = to_pil(window.grab().toImage())
        panel = window.output_panel
        area = QRect(panel.mapTo(window, QPoint(0, 0)), panel.size())
        cells = output_cells(window)
        columns = max(m.shape[2] for m in window.studio.evaluation.maps[1:])
        sheet, places = cells_apart(frame, cells, columns=columns, zoom=window.zoom)
        if keep is not None:
            stem = f"{lesson}-{'present' if presenting else 'edit'}-{size[0]}x{size[1]}"
            frame.save(keep / f"{stem}.png")
            if not area.isEmpty():  # a stack of later layers only: no output panel
                frame.crop((area.left(), area.top(), area.right() + 1, area.bottom() + 1)).save(
                    keep / f"{stem}-output.png"
                )
            sheet.save(keep / f"{stem}-cells.png")
        reading = read_cells(sheet, cells, places, psm)
        return Case(
            lesson=lesson,
            # A stack is held to the floors of several channels: it has more to show.
            multi=scene.input.shape[0] > 1 or scene.is_stack,
            presenting=presenting,
            size=size,
            total=len(cells),
            in_view=sum(not c.rect.isEmpty() for c in cells),
            reading=reading,
            zoom=window.zoom,
        )
    finally:
        window.close()
        window.deleteLater()
        settle()


def print_cases(cases: list[Case]) -> None:
    header = ("lesson", "mode", "size", "zoom", "read", "in view", "height", "floor", "", "")
    print("{:<16} {:<10} {:>9} {:>5} {:>6} {:>7} {:>6} {:>5}  {:<6} {}".format(*header))
    for c in cases:
        read = f"{c.reading.read}/{c.total}"
        height = f"{c.height:.1f}" + ("²" if c.reading.scale == 2 else " ")
        print(
            f"{c.lesson:<16} {'presenting' if c.presenting else 'editing':<10}"
            f" {c.size[0]:>4}×{c.size[1]:<4} {c.zoom:>5.2f} {read:>6} {c.in_view:>7}"
            f" {height:>6} {'≥' + str(c.floor):>5}  {'pass' if c.tall_enough else 'FAIL':<6}"
            f" {'' if c.all_read else 'not all read'}"
        )
        for shown, seen in c.reading.misread:
            print(f"{'':<17}misread in view: {shown} as “{seen}”")
    tall = sum(c.tall_enough for c in cases)
    read = sum(c.all_read for c in cases)
    print(
        f"{tall} of {len(cases)} cases reach the floor; every value read in {read} of "
        f"{len(cases)}.\n"
        "read: output values OCR read right / all the lesson's output values; in view: values\n"
        "wholly in view (a map or rows scrolled away are not); height: median digit height of\n"
        "the values read, in frame pixels (²: the 2× upscaled cells read more); pass/FAIL:\n"
        "height against the floor of issue 8."
    )


# ------------------------------------------------------------------ one step


def measure_step(steps: int) -> dict[str, float]:
    """Median ms of one ``next()`` (its frame_changed handling), until the input grid has
    repainted (wall and CPU), and of the reference (bench_step.py's): one label's text set
    and repainted in the same window, interleaved with the steps."""
    rng = np.random.default_rng(0)
    scene = Scene(
        input=rng.integers(0, 256, (1, 32, 32)).astype(float),
        kernels=rng.integers(-2, 3, (1, 1, 7, 7)).astype(float),
        padding=3,
    )
    studio = Studio(scene)
    window = MainWindow(studio, remember_geometry=False)
    # Shown (on the offscreen platform): a window never exposed gets no paint events.
    window.setScreen(screen_of((1280, 720)))
    window.setGeometry(screen_of((1280, 720)).geometry())
    window.show()
    settle()
    grid_painted, label_painted = PaintCounter(), PaintCounter()
    window.input_panel.table.viewport().installEventFilter(grid_painted)
    label = window.transport.position_label
    label.installEventFilter(label_painted)
    playback = studio.playback
    times: dict[str, list[float]] = {"handling": [], "repainted": [], "cpu": [], "ref_cpu": []}
    for i in range(steps):
        if playback.position >= playback.total:
            playback.first()
            until_painted(grid_painted)
        start, cpu = time.perf_counter(), time.process_time()
        playback.next()
        times["handling"].append(time.perf_counter() - start)
        until_painted(grid_painted)
        times["repainted"].append(time.perf_counter() - start)
        times["cpu"].append(time.process_time() - cpu)
        cpu = time.process_time()
        label.setText(f"reference {i}")
        until_painted(label_painted)
        times["ref_cpu"].append(time.process_time() - cpu)
    window.close()
    window.deleteLater()
    settle()
    return {name: statistics.median(values) * 1e3 for name, values in times.items()}


# ------------------------------------------------------------------ main


def lessons(quick: bool) -> list[Path]:
    paths = sorted((resource_dir() / "scenes").glob("*.json"))
    return [p for p in paths if p.stem == QUICK_LESSON] if quick else paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"only {QUICK_LESSON}, fewer steps")
    parser.add_argument("--steps", type=int, help="steps timed (default 300, 60 with --quick)")
    parser.add_argument("--psm", type=int, default=11, help="tesseract page mode (11 or 6)")
    parser.add_argument("--keep", metavar="DIR", help="save every frame and OCR sheet in DIR")
    parser.add_argument(
        "scenes",
        nargs="*",
        type=Path,
        help="scene files to measure instead of the shipped lessons (a stack, say)",
    )
    parser.add_argument(
        "--language",
        choices=["en", "zh_TW", "zh_CN", "all"],
        default="en",
        help="the window's language (all: each in turn); the floors are the same in every one",
    )
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        print("tesseract is not installed: run benchmarks/setup-legibility", file=sys.stderr)
        return 2
    keep = Path(args.keep) if args.keep else None
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        offscreen_screens(Path(folder))
        application()  # the platform reads the file here
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    print(f"{(version.stdout or version.stderr).splitlines()[0]}, --psm {args.psm}")
    languages = ["en", "zh_TW", "zh_CN"] if args.language == "all" else [args.language]
    for language in languages:
        install_language(language)
        print(f"\nlanguage: {language}")
        cases = []
        kept = None if keep is None else keep / language
        if kept is not None:
            kept.mkdir(exist_ok=True)
        for path in args.scenes or lessons(args.quick):
            scene = load_scene(path)
            for presenting in (True, False):
                for size in SIZES:
                    cases.append(measure_case(path.stem, scene, size, presenting, args.psm, kept))
        print_cases(cases)
    install_language("en")

    steps = args.steps or (60 if args.quick else 300)
    step = measure_step(steps)
    verdict = "pass" if step["handling"] <= STEP_TARGET_MS else "OVER"
    print(
        f"\none step, 32×32 input, 7×7 kernel (padding 3), 1280×720, median of {steps}:\n"
        f"  next() and its frame_changed handling  {step['handling']:6.2f} ms"
        f"   target ≤ {STEP_TARGET_MS:g} ms: {verdict}\n"
        f"  until the input grid has repainted     {step['repainted']:6.2f} ms wall"
        f" (with Qt's repaint pacing), {step['cpu']:.2f} ms CPU\n"
        f"  reference, one label set and repainted {step['ref_cpu']:6.2f} ms CPU;"
        f" step / reference: {step['cpu'] / step['ref_cpu']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
