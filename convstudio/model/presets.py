"""Kernel presets: named kernels in a versioned JSON file.

::

    {"format": "convstudio-kernels", "version": 1,
     "kernels": [{"name": "Lesson: X", "weights": [[1, 0, 1], [0, 1, 0], [1, 0, 1]],
                  "group": "lesson", "description": "…"}]}

``weights`` is kH×kW, or C×kH×kW for one kernel across C channels; ``group`` and
``description`` are optional.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .files import FileCheckError, read_text_checked, shown_name
from .i18n import translate
from .limits import MAX_ABS_VALUE, MAX_KERNEL
from .numbers import json_number, shortened
from .scene import MAX_CHANNELS, SceneFileError, atomic_write_text, shown
from .version import APP_VERSION, WRITTEN_BY, written_by
from .words import counted

# What the kernel file format promises: hundreds of kernels of 9×9 fit in far less, and a
# larger file is not a kernel file.
MAX_FILE_BYTES = 1024 * 1024
# Long enough for "Sobel x, sharpened twice"; short enough for the picker's line. The one
# limit of a kernel's name: files, the user's library and exported kernels keep to it.
MAX_NAME = 60

FORMAT = "convstudio-kernels"
VERSION = 1


class PresetFileError(SceneFileError):
    """A preset file that cannot be read; ``str()`` names the preset and the problem."""


@dataclass(frozen=True, eq=False)
class KernelPreset:
    """A named kernel: kH×kW, or C×kH×kW across C channels.

    Attributes
    ----------
    group
        Where the picker lists it (``"blur and smoothing"``); empty for the user's own.
    description
        One line: what it does, and why.
    """

    name: str
    weights: np.ndarray
    group: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        w = np.array(self.weights, dtype=np.float64)
        w.flags.writeable = False
        object.__setattr__(self, "weights", w)


def presets_from_dict(data: Any) -> list[KernelPreset]:
    """Validate a preset file's JSON.

    Raises
    ------
    PresetFileError
        The first problem, naming the preset by number and name.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PresetFileError(_wrong_format(FORMAT))
    _check_version(data.get("version"), data)
    kernels = data.get("kernels")
    if not isinstance(kernels, list):
        raise PresetFileError(
            translate("Presets", "“kernels” must be a list of {{name, weights}}.").format()
        )
    presets = []
    for number, item in enumerate(kernels, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise PresetFileError(
                translate("Presets", "Kernel {0} needs a “name” (text).").format(number)
            )
        # A message never repeats a whole file: the name is shortened.
        where = translate("Presets", "Kernel {0} (“{1}”)").format(number, shortened(item["name"]))
        if len(item["name"]) > MAX_NAME:
            raise PresetFileError(
                translate("Presets", "{0}: a name has at most {1} characters.").format(
                    where, MAX_NAME
                )
            )
        weights: Any = item.get("weights")
        # C×kH×kW: a list of grids (its first row's first entry is itself a list).
        deep = (
            isinstance(weights, list)
            and bool(weights)
            and isinstance(weights[0], list)
            and bool(weights[0])
            and isinstance(weights[0][0], list)
        )
        grids: list[Any] = weights if deep else [weights]
        if len(grids) > MAX_CHANNELS:  # one slice per input channel, and no scene has more
            raise PresetFileError(
                #: {1} is "500000 slices", {2} "64 input channels" (both translated apart).
                translate(
                    "Presets", "{0} has {1}, one per input channel; a scene has at most {2}."
                ).format(
                    where, counted(len(grids), "slice"), counted(MAX_CHANNELS, "input channel")
                )
            )
        shapes = set()
        for depth, rows in enumerate(grids, start=1):
            place = translate("Presets", "{0}, slice {1}").format(where, depth) if deep else where
            _check_grid(rows, place)
            shapes.add((len(rows), len(rows[0])))
        if len(shapes) > 1:
            raise PresetFileError(
                translate("Presets", "{0}: every slice of “weights” must be the same size.").format(
                    where
                )
            )
        group, description = item.get("group", ""), item.get("description", "")
        if not isinstance(group, str) or not isinstance(description, str):
            raise PresetFileError(
                translate("Presets", "{0}: “group” and “description” must be text.").format(where)
            )
        presets.append(
            KernelPreset(item["name"], np.array(weights, dtype=np.float64), group, description)
        )
    return presets


def _check_grid(rows: Any, where: str) -> None:
    """Raise :class:`PresetFileError` unless *rows* is a grid of finite numbers the editor
    can hold; the message names the row and column."""
    if (
        not isinstance(rows, list)
        or not rows
        or not all(isinstance(r, list) and len(r) == len(rows[0]) and r for r in rows)
    ):
        raise PresetFileError(
            translate(
                "Presets", "{0}: “weights” must be rows of numbers, all the same length."
            ).format(where)
        )
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise PresetFileError(
                    translate("Presets", "{0}, row {1}, column {2}: {3} is not a number.").format(
                        where, r, c, shown(value)
                    )
                )
            # Compare before converting: a huge JSON integer is an int numpy cannot take.
            if not abs(value) <= MAX_ABS_VALUE:  # also true for NaN
                raise PresetFileError(
                    translate(
                        "Presets",
                        "{0}, row {1}, column {2}: {3} is not a finite number within ±10¹².",
                    ).format(where, r, c, shown(value))
                )
    if len(rows) > MAX_KERNEL or len(rows[0]) > MAX_KERNEL:
        raise PresetFileError(
            translate("Presets", "{0} is larger than {1}×{2}.").format(
                where, MAX_KERNEL, MAX_KERNEL
            )
        )


def load_presets(path: str | os.PathLike[str]) -> list[KernelPreset]:
    """Read a preset file.

    Raises
    ------
    PresetFileError
        When it cannot be read or is not a valid preset file.
    """
    p = Path(path)
    data = _read_json(p)
    try:
        return presets_from_dict(data)
    except PresetFileError as exc:
        raise PresetFileError(_in_file(p, exc)) from None


def _in_file(p: Path, exc: PresetFileError) -> str:
    """*exc*'s sentence after the name of the file it is about."""
    return translate("Presets", "{0}: {1}").format(shown_name(p), exc)


def _wrong_format(expected: str) -> str:
    """The message for a file that does not say it is a kernel file of *expected* format."""
    return translate(
        "Presets", "This is not a ConvStudio kernel file (“format” must be {0})."
    ).format(repr(expected))


def _check_version(version: Any, data: Any) -> None:
    """Refuse any version but one this app writes (1 to :data:`VERSION`), as scene files do;
    a newer file names the ConvStudio that wrote it."""
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version <= VERSION:
        return
    writer = written_by(data)
    newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
    if writer is not None and newer:
        raise PresetFileError(
            translate(
                "Presets",
                "This kernel file was made by {0}; this is ConvStudio {1}, which cannot "
                "read its format (version {2}). Install {0} or newer to open it.",
            ).format(writer, APP_VERSION, version)
        )
    raise PresetFileError(
        translate("Presets", "Kernel files of version {0} cannot be read here.").format(
            shown(version)
        )
    )


def _read_json(path: Path) -> Any:
    """The JSON of a kernel file (a regular file of bounded size), or a one-line error."""
    try:
        text = read_text_checked(path, MAX_FILE_BYTES, translate("Presets", "a kernel file"))
        return json.loads(text)
    except FileCheckError as exc:
        raise PresetFileError(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise PresetFileError(
            translate("Presets", "{0} is not valid JSON (line {1}: {2}).").format(
                shown_name(path), exc.lineno, exc.msg
            )
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise PresetFileError(
            translate("Presets", "{0} holds a number too long to read.").format(shown_name(path))
        ) from None
    except RecursionError:
        raise PresetFileError(
            translate("Presets", "{0} is nested too deeply to be a kernel file.").format(
                shown_name(path)
            )
        ) from None


def save_presets(presets: list[KernelPreset], path: str | os.PathLike[str]) -> None:
    """Write *presets* atomically (creating the folder)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "written_by": WRITTEN_BY,
        "kernels": [_entry(p) for p in presets],
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _entry(preset: KernelPreset) -> dict[str, Any]:
    def grid(weights: np.ndarray) -> list[list[float | int]]:
        return [[json_number(v) for v in row] for row in weights]

    w = preset.weights
    entry: dict[str, Any] = {
        "name": preset.name,
        "weights": grid(w) if w.ndim == 2 else [grid(s) for s in w],
    }
    if preset.group:
        entry["group"] = preset.group
    if preset.description:
        entry["description"] = preset.description
    return entry


# ---------------------------------------------------------------- one kernel per file

KERNEL_FORMAT = "convstudio-kernel"


def kernel_to_dict(preset: KernelPreset, bias: float | None = None) -> dict[str, Any]:
    """The shareable one-kernel file of *preset*::

    {"format": "convstudio-kernel", "version": 1, "name": …, "description": …,
     "weights": [[…]] or [[[…]]], "bias": …}
    """
    entry = _entry(preset)
    return {
        "format": KERNEL_FORMAT,
        "version": VERSION,
        "written_by": WRITTEN_BY,
        "name": preset.name,
        "description": preset.description,
        "weights": entry["weights"],
        "bias": None if bias is None else json_number(bias),
    }


def save_kernel_file(
    preset: KernelPreset, path: str | os.PathLike[str], bias: float | None = None
) -> None:
    """Write *preset* as a one-kernel file, atomically."""
    text = json.dumps(kernel_to_dict(preset, bias), ensure_ascii=False, indent=1) + "\n"
    atomic_write_text(path, text)


def load_kernel_file(path: str | os.PathLike[str]) -> KernelPreset:
    """Read a one-kernel file (or a kernel list holding exactly one kernel).

    Raises
    ------
    PresetFileError
        Naming the file and what is wrong (field, row, column).
    """
    p = Path(path)
    data = _read_json(p)
    try:
        if not isinstance(data, dict) or data.get("format") not in (KERNEL_FORMAT, FORMAT):
            # A list holding one kernel is read too, but a one-kernel file is what is asked.
            raise PresetFileError(_wrong_format(KERNEL_FORMAT))
        if data.get("format") == KERNEL_FORMAT:
            _check_version(data.get("version"), data)
            bias = data.get("bias")
            if bias is not None and (
                isinstance(bias, bool)
                or not isinstance(bias, (int, float))
                or not abs(bias) <= MAX_ABS_VALUE
            ):
                raise PresetFileError(
                    translate("Presets", "“bias”: {0} is not a finite number or null.").format(
                        shown(bias)
                    )
                )
            listed = {"format": FORMAT, "version": VERSION, "kernels": [data]}
            (preset,) = presets_from_dict(listed)
            return preset
        presets = presets_from_dict(data)
    except PresetFileError as exc:
        raise PresetFileError(_in_file(p, exc)) from None
    if len(presets) != 1:
        raise PresetFileError(
            translate("Presets", "{0} holds {1} kernels, not one.").format(
                shown_name(p), len(presets)
            )
        )
    return presets[0]


def kernel_file_bias(path: str | os.PathLike[str]) -> float | None:
    """The bias a one-kernel file carries (``None`` if it has none).

    Raises
    ------
    PresetFileError
        When the file cannot be read as JSON.
    """
    data = _read_json(Path(path))
    bias = data.get("bias") if isinstance(data, dict) else None
    if isinstance(bias, bool) or not isinstance(bias, (int, float)):
        return None
    return float(bias)


def is_kernel_file(path: str | os.PathLike[str]) -> bool:
    """Whether *path* says it is a kernel file (one kernel or a list), not a scene: a
    dropped file goes where it belongs, and a damaged kernel file gets a kernel's error."""
    p = Path(path)
    try:
        if not p.is_file():  # a FIFO or a device would block, or never end
            return False
        with p.open("rb") as file:
            head = file.read(512)
    except OSError:
        return False
    return b'"convstudio-kernel' in head


def builtin_presets() -> list[KernelPreset]:
    """The presets that ship with the app, grouped in the order the picker shows them."""
    from .resources import resource_dir

    return load_presets(resource_dir() / "kernels" / "presets.json")


def preset_preview(preset: KernelPreset, rgb: np.ndarray) -> np.ndarray:
    """What *preset* makes of the sample picture *rgb* ``(H, W, 3)``, as grey 0–255 ``(H, W)``.

    A kH×kW kernel sees the picture in grey; a C×kH×kW one sees R, G and B (C = 3) or C
    grey copies. *same* padding with replicated borders keeps the size and adds no dark
    frame. The result is stretched to 0–255 (what a heat map does), edges kernels by their
    magnitude, so that every preview shows where the kernel answers.
    """
    from ..engine import conv2d
    from .image import as_channels

    w = preset.weights
    channels = 1 if w.ndim == 2 else w.shape[0]
    picture = as_channels(rgb, channels)
    weights = w[None, None] if w.ndim == 2 else w[None]
    # Replicated borders need padding on both sides: an even kernel is placed with zeros.
    kh, kw = w.shape[-2:]
    mode = "replicate" if kh % 2 and kw % 2 else "zeros"
    out = conv2d(picture, weights, padding="same", padding_mode=mode)[0]
    if out.min() < 0:  # a derivative: how strongly, either sign
        out = np.abs(out)
    low, high = float(out.min()), float(out.max())
    if high - low < 1e-9:
        return np.full(out.shape, 128, dtype=np.uint8)
    stretched: np.ndarray = np.round((out - low) * (255.0 / (high - low))).astype(np.uint8)
    return stretched
