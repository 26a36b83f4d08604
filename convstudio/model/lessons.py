"""The shipped lessons, in the order the lesson teaches them, with a teacher's note each.

``resources/lessons.json`` lists them::

    {"format": "convstudio-lessons", "version": 1,
     "lessons": [{"name": "worked-example", "title": "…", "note": "…",
                  "file": "scenes/worked-example.json", "step": 0, "window_counts": false,
                  "learning_rate": 0.000005, "training_steps": 300, "backward": false}]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .files import FileCheckError, path_exists
from .i18n import translate
from .resources import resource_dir

__all__ = ["Lesson", "LessonFileError", "lesson_named", "lessons", "scene_argument"]

LESSONS_FORMAT = "convstudio-lessons"
LESSONS_VERSION = 1


class LessonFileError(ValueError):
    """The lesson list is damaged (a broken installation): says which entry and why."""


@dataclass(frozen=True)
class Lesson:
    """One lesson: a scene and what a teacher should know about it.

    Attributes
    ----------
    name
        Short name, used on the command line (``convstudio compute worked-example``).
    title, note
        What the Lessons menu shows, and 2–5 sentences on what to look at and ask.
    file
        The scene file.
    step
        The step to open at (0: before the first).
    window_counts
        Whether to show on every input value in how many windows it takes part.
    learning_rate, training_steps
        For a scene with a target: the Training panel's η and N when the lesson opens
        (``None``: as the panel has them).
    backward
        Whether one training step's backward pass follows the forward pass's steps (a scene
        with a target; ``step`` may then count into the backward pass).
    number
        Its place in the lesson, from 1.
    """

    name: str
    title: str
    note: str
    file: Path
    step: int = 0
    window_counts: bool = False
    learning_rate: float | None = None
    training_steps: int | None = None
    backward: bool = False
    number: int = 0


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every shipped lesson, in the lesson's order."""
    return read_lessons(resource_dir() / "lessons.json")


def read_lessons(path: Path) -> tuple[Lesson, ...]:
    """The lessons listed in *path*; :class:`LessonFileError` names what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LessonFileError(
            translate("Lessons", "The lesson list {0} cannot be read: {1}").format(path.name, exc)
        ) from None
    if not isinstance(data, dict) or data.get("format") != LESSONS_FORMAT:
        raise LessonFileError(
            translate("Lessons", "{0} is not a ConvStudio lesson list.").format(path.name)
        )
    if data.get("version") != LESSONS_VERSION:
        raise LessonFileError(
            translate("Lessons", "{0} has version {1}, not 1.").format(
                path.name, repr(data.get("version"))
            )
        )
    entries = data.get("lessons")
    if not isinstance(entries, list) or not entries:
        raise LessonFileError(translate("Lessons", "{0} lists no lessons.").format(path.name))
    found: list[Lesson] = []
    for number, entry in enumerate(entries, start=1):
        found.append(_lesson(entry, number, path.parent))
    names = [lesson.name for lesson in found]
    if len(set(names)) != len(names):
        raise LessonFileError(translate("Lessons", "{0} names a lesson twice.").format(path.name))
    return tuple(found)


def _lesson(entry: object, number: int, folder: Path) -> Lesson:
    if not isinstance(entry, dict):
        raise LessonFileError(translate("Lessons", "lesson {0} is not an object.").format(number))
    texts = {}
    for key in ("name", "title", "note", "file"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            # The key is the file's own word (name, title, note, file).
            raise LessonFileError(
                translate("Lessons", "lesson {0} has no {1}.").format(number, key)
            )
        texts[key] = value
    step = entry.get("step", 0)
    if not isinstance(step, int) or isinstance(step, bool) or step < 0:
        raise LessonFileError(
            translate("Lessons", "lesson {0}: step must be a whole number ≥ 0.").format(number)
        )
    counts = entry.get("window_counts", False)
    if not isinstance(counts, bool):
        raise LessonFileError(
            translate("Lessons", "lesson {0}: window_counts must be true or false.").format(number)
        )
    rate = entry.get("learning_rate")
    if rate is not None and (
        not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 < rate < 1e6
    ):
        raise LessonFileError(
            translate("Lessons", "lesson {0}: learning_rate must be a number > 0.").format(number)
        )
    steps = entry.get("training_steps")
    if steps is not None and (not isinstance(steps, int) or isinstance(steps, bool) or steps < 1):
        raise LessonFileError(
            translate("Lessons", "lesson {0}: training_steps must be a whole number ≥ 1.").format(
                number
            )
        )
    backward = entry.get("backward", False)
    if not isinstance(backward, bool):
        raise LessonFileError(
            translate("Lessons", "lesson {0}: backward must be true or false.").format(number)
        )
    return Lesson(
        name=texts["name"],
        title=texts["title"],
        note=texts["note"],
        file=folder / texts["file"],
        step=step,
        window_counts=counts,
        learning_rate=None if rate is None else float(rate),
        training_steps=steps,
        backward=backward,
        number=number,
    )


def lesson_named(name: str) -> Lesson | None:
    """The lesson called *name*, or ``None``."""
    return next((lesson for lesson in lessons() if lesson.name == name), None)


def lesson_of(path: Path) -> Lesson | None:
    """The lesson whose scene is *path*, or ``None`` (a scene of the user's own)."""
    try:
        resolved = path.resolve()
    except OSError:
        return None
    return next((lesson for lesson in lessons() if lesson.file.resolve() == resolved), None)


def scene_argument(text: str) -> Path:
    """The scene file a command-line argument means: a path, or else a lesson's name.

    Raises
    ------
    FileCheckError
        When *text* cannot be looked at as a path (a name too long, a folder that cannot
        be searched): a lesson's name is never such a path.
    """
    path = Path(text)
    lesson = lesson_named(text)
    try:
        if path_exists(path):
            return path
    except FileCheckError:
        if lesson is None:
            raise
    return lesson.file if lesson is not None else path
