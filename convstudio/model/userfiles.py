"""The user's own files: the unsaved scene written every few seconds, and damaged files set aside.

An autosave file is versioned JSON::

    {"format": "convstudio-autosave", "version": 1, "written_by": "ConvStudio 0.7.0",
     "saved_at": "2026-11-29T14:05:00",
     "source": "lessons/mine.json" or null, "scene": {... a scene, as in a scene file ...}}

It is named after the process that writes it (``autosave-PID.json``), so that two windows
open at once never take each other's file for the remains of a crash.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .files import FileCheckError, exists, folder_problem, read_text_checked
from .i18n import translate
from .scene import (
    MAX_FILE_BYTES,
    Scene,
    SceneFileError,
    atomic_write_text,
    process_running,
    scene_from_dict,
    scene_to_dict,
)
from .version import APP_VERSION, WRITTEN_BY, written_by

FORMAT = "convstudio-autosave"
VERSION = 1
_PREFIX = "autosave-"


def set_aside(path: Path, now: datetime.datetime | None = None) -> Path:
    """Rename a damaged *path* to ``NAME.damaged-YYYYMMDD-HHMMSS.EXT`` beside it; return the name.

    The app then starts without it, and the user can still open it to mend it.

    Raises
    ------
    OSError
        When it cannot be renamed.
    """
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while exists(target):  # two damaged files in one second: keep both
        counter += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    os.replace(path, target)
    return target


@dataclass(frozen=True)
class Recovered:
    """An unsaved scene left by a window that did not close.

    Attributes
    ----------
    scene
        The scene as it was at its last autosave.
    source
        The file it had been opened from or saved to, if any.
    saved_at
        When it was written, as local time text (``2026-11-29 14:05``).
    file
        The autosave file itself (removed once the user has chosen).
    """

    scene: Scene
    source: Path | None
    saved_at: str
    file: Path


class Autosave:
    """Where this process keeps its unsaved scene, and what earlier processes left.

    Parameters
    ----------
    folder
        The per-user data folder.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{_PREFIX}{os.getpid()}.json"

    def write(self, scene: Scene, source: Path | None) -> None:
        """Keep *scene* (atomically), to be offered back if this process dies.

        Raises
        ------
        OSError
            When the folder cannot be written.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "version": VERSION,
            "written_by": WRITTEN_BY,
            "saved_at": datetime.datetime.now().isoformat(timespec="seconds"),
            "source": None if source is None else str(source),
            "scene": scene_to_dict(scene),
        }
        atomic_write_text(self.path, json.dumps(data) + "\n")

    def clear(self) -> None:
        """Forget the unsaved scene (it was saved, discarded, or the window closed).

        Never raises: a folder that cannot hold the file (see :meth:`problem`) holds none.
        """
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def problem(self) -> str | None:
        """Why unsaved work cannot be kept here, as a sentence for the user; ``None`` if it can."""
        reason = folder_problem(self.folder)
        if reason is None:
            return None
        return translate(
            "Autosave",
            "Your unsaved work cannot be kept in case ConvStudio closes unexpectedly, and "
            "your kernels cannot be saved: {0}. Scenes you save yourself are kept.",
        ).format(reason)

    def left_behind(self) -> list[Path]:
        """Autosave files of processes that are no longer running, newest first.

        Never raises: a folder that cannot be read holds none, and a file that cannot be
        looked at (a link to nothing, or to itself) is listed, for :func:`read_autosave`
        to refuse and the window to set aside.
        """
        try:
            files = list(self.folder.glob(f"{_PREFIX}*.json"))
        except OSError:
            return []
        found = []
        for file in files:
            pid = file.stem.removeprefix(_PREFIX)
            if pid.isdigit() and not process_running(int(pid)):
                found.append(file)
        return sorted(found, key=_modified, reverse=True)


def _modified(file: Path) -> float:
    """When *file* (or the link of that name) was last written; 0 when it cannot be known."""
    try:
        return file.lstat().st_mtime
    except OSError:
        return 0.0


def read_autosave(file: Path) -> Recovered:
    """Read an autosave file.

    Raises
    ------
    SceneFileError
        When it is damaged; ``str()`` says how.
    """
    try:
        text = read_text_checked(file, MAX_FILE_BYTES, translate("Autosave", "an autosave file"))
        data = json.loads(text)
    except FileCheckError as exc:
        raise SceneFileError(str(exc)) from None
    except (ValueError, RecursionError):
        raise SceneFileError(
            translate("Autosave", "{0} is not valid JSON.").format(file.name)
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SceneFileError(
            translate("Autosave", "{0} is not a ConvStudio autosave file.").format(file.name)
        )
    version = data.get("version")
    writer = written_by(data)
    if isinstance(version, int) and version > VERSION and writer is not None:
        raise SceneFileError(
            translate(
                "Autosave",
                "{0} was made by {1}; this is ConvStudio {2}, which cannot read it.",
            ).format(file.name, writer, APP_VERSION)
        )
    if version != VERSION:
        raise SceneFileError(translate("Autosave", "{0} has an unknown version.").format(file.name))
    source = data.get("source")
    saved_at = data.get("saved_at")
    if not (source is None or isinstance(source, str)) or not isinstance(saved_at, str):
        raise SceneFileError(
            translate("Autosave", "{0}: “source” or “saved_at” is damaged.").format(file.name)
        )
    scene = scene_from_dict(data.get("scene"))
    return Recovered(
        scene, None if source is None else Path(source), saved_at.replace("T", " ")[:16], file
    )


__all__ = ["Autosave", "Recovered", "read_autosave", "set_aside"]
