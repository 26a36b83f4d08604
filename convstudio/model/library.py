"""The user's kernel library: one kernel file per kernel, in a folder of their own.

One file per kernel means that two windows saving different kernels never write over each
other's work, that a kernel is shared by copying its file, and that a damaged file costs
one kernel, not the library. Each file is a ``convstudio-kernel`` file (see
:func:`~convstudio.model.presets.kernel_to_dict`); its name only has to be unique, the
kernel's name is the one inside it.

The older single file of saved kernels, ``kernels.json`` beside the folder, is carried over
once by :meth:`KernelLibrary.tidy`: each of its kernels becomes a file, and the old file is
kept as ``kernels.carried-over.json``. Until that has worked, its kernels are listed from it.
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .files import exists, folder_problem
from .i18n import translate
from .notices import Notice
from .numbers import shortened
from .presets import (
    MAX_NAME,
    KernelPreset,
    PresetFileError,
    kernel_file_bias,
    load_kernel_file,
    load_presets,
    save_kernel_file,
)
from .scene import atomic_write_bytes
from .userfiles import set_aside

FOLDER = "kernels"
LEGACY_FILE = "kernels.json"
CARRIED_OVER_FILE = "kernels.carried-over.json"
_DAMAGED = ".damaged-"
# Characters no file name may hold on one of the three systems, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)
}


class LibraryError(ValueError):
    """A library change refused; ``str()`` is one sentence saying why, and that nothing changed."""


@dataclass(frozen=True, eq=False)
class Entry:
    """One of the user's kernels.

    Attributes
    ----------
    preset
        The kernel, with ``group == "yours"``.
    file
        The file it is kept in.
    legacy
        Whether it is still read from the older ``kernels.json`` (not yet carried over):
        it can be used but not renamed or deleted.
    """

    preset: KernelPreset
    file: Path
    legacy: bool = False

    @property
    def name(self) -> str:
        return self.preset.name


@dataclass(frozen=True)
class Removed:
    """A deleted kernel, kept whole so that :meth:`KernelLibrary.restore` can bring it back."""

    name: str
    data: bytes


@dataclass
class Scan:
    """What the library folder holds, read without changing anything.

    Attributes
    ----------
    entries
        The kernels, sorted by name.
    damaged
        Files that could not be read, with the reason (one sentence each).
    unreadable
        Why the folder itself could not be listed (one sentence), if it could not.
    """

    entries: list[Entry] = field(default_factory=list)
    damaged: list[tuple[Path, str]] = field(default_factory=list)
    unreadable: str | None = None


class KernelLibrary:
    """The kernels a user saved, one file each in *folder*.

    Parameters
    ----------
    folder
        The library's folder (created on the first save).
    reserved
        Names a user's kernel may not take: the built-in presets', which it would hide.
    """

    def __init__(self, folder: str | os.PathLike[str], reserved: tuple[str, ...] = ()) -> None:
        self.folder = Path(folder)
        self.legacy_file = self.folder.parent / LEGACY_FILE
        self._reserved = {name.casefold() for name in reserved}

    # ------------------------------------------------------------------ reading

    def scan(self) -> Scan:
        """Read every kernel file, and the older ``kernels.json`` if it is still there."""
        found = Scan()
        files, found.unreadable = self._files()
        for path in files:
            try:
                preset = load_kernel_file(path)
            except PresetFileError as exc:
                found.damaged.append((path, str(exc)))
                continue
            found.entries.append(Entry(_yours(preset), path))
        names = {e.name for e in found.entries}
        if exists(self.legacy_file):
            try:
                old = load_presets(self.legacy_file)
            except PresetFileError as exc:
                found.damaged.append((self.legacy_file, str(exc)))
            else:
                found.entries += [
                    Entry(_yours(p), self.legacy_file, legacy=True)
                    for p in old
                    if p.name not in names
                ]
        found.entries.sort(key=lambda e: (e.name.casefold(), e.name))
        return found

    def _files(self) -> tuple[list[Path], str | None]:
        """The kernel files, and why the folder could not be listed (``None`` if it could)."""
        try:
            children = sorted(self.folder.iterdir())
        except FileNotFoundError:  # no folder yet: no kernels
            return [], None
        except OSError:  # a file, a loop, no permission: no kernels, and say why
            reason = folder_problem(self.folder) or translate(
                "Library", "{0} cannot be read"
            ).format(self.folder)
            return [], translate(
                "Library",
                "Your saved kernels cannot be read: {0}. Only the built-in ones are listed.",
            ).format(reason)
        files = [
            p
            for p in children
            if p.suffix == ".json" and _DAMAGED not in p.name and not p.name.startswith(".")
        ]
        return files, None

    def entries(self) -> list[Entry]:
        """The kernels, sorted by name (damaged files left out)."""
        return self.scan().entries

    def entry(self, name: str) -> Entry | None:
        """The kernel called *name*, if there is one."""
        return next((e for e in self.entries() if e.name == name), None)

    # ------------------------------------------------------------------ tidying

    def tidy(self, now: datetime.datetime | None = None) -> list[Notice]:
        """Set damaged files aside and carry the older ``kernels.json`` over; say what was done.

        Nothing is ever deleted: a damaged file is renamed ``NAME.damaged-DATE.json`` and
        left beside the others, and the carried-over file is kept under a new name.

        Returns
        -------
        list of Notice
            One sentence per thing done or not done, for the user, naming its file.
        """
        said: list[Notice] = []
        found = self.scan()
        # A data folder that cannot be used is said once, by whoever keeps work there
        # (:meth:`~convstudio.model.userfiles.Autosave.problem`); a kernels folder of its own.
        if found.unreadable is not None and folder_problem(self.folder.parent) is None:
            said.append(Notice(found.unreadable, self.folder.name))
        for path, reason in found.damaged:
            legacy_file = path == self.legacy_file
            # The older kernels.json is not named: "your saved kernels" are all in it.
            named = () if legacy_file else (path.name,)
            try:
                kept = set_aside(path, now)
            except OSError as exc:
                text = (
                    translate(
                        "Library",
                        "Your saved kernels could not be read: {0} It could not be set aside "
                        "({1}), and is left as it is.",
                    )
                    if legacy_file
                    else translate(
                        "Library",
                        "Your kernel file {0} could not be read: {1} It could not be set aside "
                        "({2}), and is left as it is.",
                    )
                )
                said.append(Notice(text.format(*named, reason, _reason(exc)), path.name))
            else:
                text = (
                    translate(
                        "Library",
                        "Your saved kernels could not be read: {0} It was kept as {1}, and the "
                        "others are listed.",
                    )
                    if legacy_file
                    else translate(
                        "Library",
                        "Your kernel file {0} could not be read: {1} It was kept as {2}, and the "
                        "others are listed.",
                    )
                )
                said.append(Notice(text.format(*named, reason, kept.name), path.name, True))
        legacy = [e for e in self.scan().entries if e.legacy]
        if exists(self.legacy_file) and not any(p == self.legacy_file for p, _ in found.damaged):
            try:
                for entry in legacy:
                    self._write(entry.preset, None)
                os.replace(self.legacy_file, _unused(self.folder.parent / CARRIED_OVER_FILE))
            except OSError as exc:
                text = translate(
                    "Library",
                    "Your saved kernels in {0} could not be moved into the folder {1} ({2}). "
                    "They are still listed, and {0} is unchanged.",
                )
                said.append(
                    Notice(text.format(LEGACY_FILE, self.folder, _reason(exc)), LEGACY_FILE)
                )
        return said

    # ------------------------------------------------------------------ changing

    def check_name(self, name: str, *, renaming: str | None = None) -> str:
        """*name* stripped, if a kernel may take it (*renaming*: the kernel being renamed).

        Saving under a name the user already has replaces that kernel; renaming onto it
        is refused.

        Raises
        ------
        LibraryError
            When it is empty, too long, a built-in's, or (renaming) another kernel's.
        """
        # Each refusal is two sentences, the second saying what did not happen: one whole
        # template for saving and one for renaming.
        saving = renaming is None
        name = name.strip()
        if not name:
            raise LibraryError(
                translate("Library", "A kernel needs a name. Nothing was saved.")
                if saving
                else translate("Library", "A kernel needs a name. Nothing was renamed.")
            )
        if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
            # A control character, or half of a character pair (a damaged paste): not quoted.
            raise LibraryError(
                translate(
                    "Library", "This name holds characters that cannot be saved. Nothing was saved."
                )
                if saving
                else translate(
                    "Library",
                    "This name holds characters that cannot be saved. Nothing was renamed.",
                )
            )
        if len(name) > MAX_NAME:
            text = (
                translate(
                    "Library",
                    "“{0}” is longer than {1} characters: choose a shorter name. "
                    "Nothing was saved.",
                )
                if saving
                else translate(
                    "Library",
                    "“{0}” is longer than {1} characters: choose a shorter name. "
                    "Nothing was renamed.",
                )
            )
            raise LibraryError(text.format(shortened(name), MAX_NAME))
        if name.casefold() in self._reserved:
            text = (
                translate(
                    "Library",
                    "“{0}” is the name of a built-in kernel: choose another name. "
                    "Nothing was saved.",
                )
                if saving
                else translate(
                    "Library",
                    "“{0}” is the name of a built-in kernel: choose another name. "
                    "Nothing was renamed.",
                )
            )
            raise LibraryError(text.format(name))
        if renaming is not None and name != renaming and self.entry(name) is not None:
            raise LibraryError(
                translate(
                    "Library", "You already have a kernel called “{0}”. Nothing was renamed."
                ).format(name)
            )
        return name

    def save(self, name: str, weights: np.ndarray, bias: float | None = None) -> tuple[Entry, bool]:
        """Keep *weights* (kH×kW or C×kH×kW) as the kernel *name*, replacing one of that name.

        Returns
        -------
        (Entry, bool)
            The kernel, and whether it replaced one of the same name.

        Raises
        ------
        LibraryError
            When the name is refused (:meth:`check_name`).
        OSError
            When the file cannot be written; the library is then unchanged.
        """
        name = self.check_name(name)
        old = self.entry(name)
        # The same name: the same file, written over atomically.
        same_file = old.file if old is not None and not old.legacy else None
        path = self._write(KernelPreset(name, weights), bias, same_file)
        return Entry(_yours(KernelPreset(name, weights)), path), old is not None

    def rename(self, old_name: str, new_name: str) -> Entry:
        """Give the kernel *old_name* the name *new_name* (its file is renamed to match).

        Raises
        ------
        LibraryError
            When there is no such kernel, it is still in ``kernels.json``, or the new name
            is refused.
        OSError
            When the new file cannot be written; the kernel then keeps its old name.
        """
        entry = self._changeable(old_name, renaming=True)
        new_name = self.check_name(new_name, renaming=old_name)
        if new_name == old_name:
            return entry
        try:
            bias = kernel_file_bias(entry.file)
        except PresetFileError:
            bias = None
        # The new file first: a kill in between leaves two copies, never none.
        renamed = KernelPreset(new_name, entry.preset.weights, "", entry.preset.description)
        path = self._write(renamed, bias)
        entry.file.unlink(missing_ok=True)
        return Entry(_yours(KernelPreset(new_name, entry.preset.weights)), path)

    def delete(self, name: str) -> Removed:
        """Delete the kernel *name*; the returned record brings it back (:meth:`restore`).

        Raises
        ------
        LibraryError
            When there is no such kernel, or it is still in ``kernels.json``.
        OSError
            When its file cannot be removed.
        """
        entry = self._changeable(name, renaming=False)
        data = entry.file.read_bytes()
        entry.file.unlink()
        return Removed(entry.name, data)

    def restore(self, removed: Removed) -> Path:
        """Bring a deleted kernel back, as it was.

        Raises
        ------
        LibraryError
            When a kernel of that name has been saved since.
        OSError
            When the file cannot be written.
        """
        if self.entry(removed.name) is not None:
            raise LibraryError(
                translate(
                    "Library",
                    "A kernel called “{0}” was saved since it was deleted, so it was not "
                    "brought back.",
                ).format(removed.name)
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        path = _unused(self.folder / f"{file_stem(removed.name)}.json")
        atomic_write_bytes(path, removed.data)
        return path

    def _changeable(self, name: str, *, renaming: bool) -> Entry:
        """The kernel *name*, if it can be renamed (*renaming*) or else deleted."""
        entry = self.entry(name)
        if entry is None:
            raise LibraryError(
                translate("Library", "There is no kernel called “{0}” any more.").format(
                    shortened(name)
                )
            )
        if entry.legacy:
            text = (
                translate(
                    "Library",
                    "“{0}” is still kept in the older {1}, so it cannot be renamed until it has "
                    "been moved into the library folder (at the next start).",
                )
                if renaming
                else translate(
                    "Library",
                    "“{0}” is still kept in the older {1}, so it cannot be deleted until it has "
                    "been moved into the library folder (at the next start).",
                )
            )
            raise LibraryError(text.format(name, LEGACY_FILE))
        return entry

    def _write(self, preset: KernelPreset, bias: float | None, path: Path | None = None) -> Path:
        """Write *preset* to *path*, or to a new file named after it; return the file.

        A new file never takes an existing one's name: not another kernel's, not a damaged
        file's.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        if path is None:
            path = _unused(self.folder / f"{file_stem(preset.name)}.json")
        save_kernel_file(preset, path, bias)
        return path


def user_library(data_folder: str | os.PathLike[str]) -> KernelLibrary:
    """The library in the per-user data folder *data_folder*, where the window and the
    command line both look; the built-in presets' names are reserved."""
    from .presets import builtin_presets

    builtins = tuple(p.name for p in builtin_presets())
    return KernelLibrary(Path(data_folder) / FOLDER, reserved=builtins)


def file_stem(name: str) -> str:
    """A file name for the kernel *name* that every system accepts (``"Sobel x"`` stays)."""
    # ".damaged-" marks a file set aside: a kernel's own file must never look like one.
    cleaned = _UNSAFE.sub("_", name).replace(_DAMAGED, ".damaged_")
    stem = cleaned.strip(" .")[:MAX_NAME].rstrip(" .") or "kernel"
    # Windows takes "CON" and "CON.txt" alike for the device.
    first, dot, rest = stem.partition(".")
    if first.casefold() in _WINDOWS_RESERVED:
        stem = f"{first}_{dot}{rest}"
    return stem


def _unused(path: Path) -> Path:
    """*path*, or ``NAME-2.EXT``, ``NAME-3.EXT``…: the first that does not exist."""
    counter = 1
    candidate = path
    while exists(candidate):
        counter += 1
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
    return candidate


def _yours(preset: KernelPreset) -> KernelPreset:
    return KernelPreset(preset.name, preset.weights, "yours", preset.description)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


__all__ = [
    "CARRIED_OVER_FILE",
    "FOLDER",
    "LEGACY_FILE",
    "MAX_NAME",
    "Entry",
    "KernelLibrary",
    "LibraryError",
    "Removed",
    "Scan",
    "file_stem",
    "user_library",
]
