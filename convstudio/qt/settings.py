"""What the window remembers (its place, the language, recent folders), read with its type checked.

The settings file can hold anything: edited by hand, cut off by a crash, written by another
version (``geometry=hello``, a cut-off ``@ByteArray(``, an ``@Variant`` int). Every value is
read through :func:`read`, which checks its type; a wrong one is ignored (the default is
used) and said once. A settings file that is not a regular file (a named pipe would block
the start forever, a folder cannot be read) is never opened: the settings then live in
memory for this session, and that is said too.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TypeVar, overload

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

from ..model.files import folder_problem
from ..model.notices import Notice

T = TypeVar("T", str, QByteArray)

# None: the settings file is used; a dict: it cannot be, and this session's settings are here.
_memory: dict[str, object] | None = None
_checked = False
_said: set[str] = set()
_pending: list[Notice] = []


def settings_file() -> Path | None:
    """Where Qt keeps the settings on this system, when it is a file (Linux, BSD).

    Found without making a ``QSettings``: making one reads the file.
    """
    if sys.platform in ("win32", "darwin"):  # the registry, a property list
        return None
    app = QCoreApplication
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / app.organizationName() / f"{app.applicationName()}.conf"


def check_settings_file() -> None:
    """Use the settings file only if it is a regular file or absent (once, before any read)."""
    global _memory, _checked
    if _checked:
        return
    _checked = True
    path = settings_file()
    if path is None:
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        # Absent: Qt makes it on the first write, if its folder can be made.
        reason = folder_problem(path.parent)
    except (OSError, ValueError) as exc:
        reason = QCoreApplication.translate("Settings", "{0} cannot be read: {1}").format(
            path, exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        )
    else:
        reason = (
            None
            if stat.S_ISREG(mode)
            else QCoreApplication.translate("Settings", "{0} is not a regular file").format(path)
        )
    if reason is None:
        return
    _memory = {}
    _pending.append(
        Notice(
            QCoreApplication.translate(
                "Settings",
                "Your settings (the window's place, the language) cannot be read or kept: "
                "{0}. The defaults are used for now.",
            ).format(reason),
            path.name,
        )
    )


@overload
def read(key: str, kind: type[T]) -> T | None: ...
@overload
def read(key: str, kind: type[list[str]]) -> list[str]: ...
def read(key: str, kind: type) -> object:
    """The value remembered under *key* if it is a *kind* (``str``, ``QByteArray``, ``list``
    of text); else ``None`` (an empty list): a wrong value is said once and forgotten.

    A list of one item comes back from the file as bare text: it is taken as that list.
    """
    check_settings_file()
    try:
        value = _memory.get(key) if _memory is not None else QSettings().value(key)
    except Exception:  # a value PySide cannot turn into Python: as damaged as any other
        value = _Damaged()
    if value is None:
        return [] if kind is list else None
    if kind is list:
        if isinstance(value, str):
            return [value]
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return list(value)
    elif isinstance(value, kind):
        return value
    _say_damaged(key)
    remove(key)  # said once: the next start finds the default, not the damage again
    return [] if kind is list else None


def write(key: str, value: object) -> None:
    """Remember *value* under *key* (in memory only when the file cannot be used)."""
    check_settings_file()
    if _memory is not None:
        _memory[key] = value
    else:
        QSettings().setValue(key, value)


def remove(key: str) -> None:
    """Forget what is remembered under *key*."""
    check_settings_file()
    if _memory is not None:
        _memory.pop(key, None)
    else:
        QSettings().remove(key)


def take_notices() -> list[Notice]:
    """What the settings have to tell the user since last asked (each thing once)."""
    taken = list(_pending)
    _pending.clear()
    return taken


def _say_damaged(key: str) -> None:
    if key in _said:
        return
    _said.add(key)
    _pending.append(
        Notice(
            QCoreApplication.translate(
                "Settings",
                "A remembered setting ({0}) was damaged, so it was ignored and the default "
                "is used.",
            ).format(key),
            key,
        )
    )


class _Damaged:
    """A value that could not be read at all."""


__all__ = ["check_settings_file", "read", "remove", "settings_file", "take_notices", "write"]
