"""Kernel presets: named kernels in a versioned JSON file.

::

    {"format": "convstudio-kernels", "version": 1,
     "kernels": [{"name": "Lesson: X", "weights": [[1, 0, 1], [0, 1, 0], [1, 0, 1]]}]}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .files import FileCheckError, read_text_checked
from .limits import MAX_ABS_VALUE, MAX_KERNEL
from .numbers import json_number, shortened
from .scene import SceneFileError, atomic_write_text, shown

# Hundreds of kernels of 9×9 fit in far less; a larger file is not a preset file.
MAX_FILE_BYTES = 4 * 1024 * 1024

FORMAT = "convstudio-kernels"
VERSION = 1


class PresetFileError(SceneFileError):
    """A preset file that cannot be read; ``str()`` names the preset and the problem."""


@dataclass(frozen=True, eq=False)
class KernelPreset:
    """A named 2-D kernel."""

    name: str
    weights: np.ndarray

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
        raise PresetFileError(
            f"This is not a ConvStudio kernel file (“format” must be {FORMAT!r})."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise PresetFileError(f"Kernel files of version {version!r} cannot be read here.")
    kernels = data.get("kernels")
    if not isinstance(kernels, list):
        raise PresetFileError("“kernels” must be a list of {name, weights}.")
    presets = []
    for number, item in enumerate(kernels, start=1):
        where = f"Kernel {number}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise PresetFileError(f"{where} needs a “name” (text).")
        where += f" (“{shortened(item['name'])}”)"  # a message never repeats a whole file
        rows = item.get("weights")
        if (
            not isinstance(rows, list)
            or not rows
            or not all(isinstance(r, list) and len(r) == len(rows[0]) and r for r in rows)
        ):
            raise PresetFileError(
                f"{where}: “weights” must be rows of numbers, all the same length."
            )
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise PresetFileError(
                        f"{where}, row {r}, column {c}: {shown(value)} is not a number."
                    )
                # Compare before converting: a huge JSON integer is an int numpy cannot take.
                if not abs(value) <= MAX_ABS_VALUE:  # also true for NaN
                    raise PresetFileError(
                        f"{where}, row {r}, column {c}: {shown(value)} is not a finite "
                        "number within ±10¹²."
                    )
        if len(rows) > MAX_KERNEL or len(rows[0]) > MAX_KERNEL:
            raise PresetFileError(f"{where} is larger than {MAX_KERNEL}×{MAX_KERNEL}.")
        presets.append(KernelPreset(item["name"], np.array(rows, dtype=np.float64)))
    return presets


def load_presets(path: str | os.PathLike[str]) -> list[KernelPreset]:
    """Read a preset file.

    Raises
    ------
    PresetFileError
        When it cannot be read or is not a valid preset file.
    """
    p = Path(path)
    try:
        data = json.loads(read_text_checked(p, MAX_FILE_BYTES, "a kernel file"))
    except FileCheckError as exc:
        raise PresetFileError(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise PresetFileError(
            f"{p.name} is not valid JSON (line {exc.lineno}: {exc.msg})."
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise PresetFileError(f"{p.name} holds a number too long to read.") from None
    except RecursionError:
        raise PresetFileError(f"{p.name} is nested too deeply to be a kernel file.") from None
    try:
        return presets_from_dict(data)
    except PresetFileError as exc:
        raise PresetFileError(f"{p.name}: {exc}") from None


def save_presets(presets: list[KernelPreset], path: str | os.PathLike[str]) -> None:
    """Write *presets* atomically (creating the folder)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "kernels": [
            {"name": p.name, "weights": [[json_number(v) for v in row] for row in p.weights]}
            for p in presets
        ],
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def with_preset(presets: list[KernelPreset], preset: KernelPreset) -> list[KernelPreset]:
    """*presets* with *preset* added, replacing one of the same name."""
    return [p for p in presets if p.name != preset.name] + [preset]
