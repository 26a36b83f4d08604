"""Files checked before they are read or written: regular files only, of a bounded size.

A named pipe would block the reader forever, ``/dev/zero`` never ends, and a damaged or
hostile file can ask for gigabytes; each is refused with one plain sentence instead.
Qt-free, for the scene, preset and image loaders alike.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .i18n import translate
from .numbers import shortened

# Files are read in pieces of this size, so a file that grows while it is read costs
# at most one piece past the limit.
_CHUNK = 1 << 20


class FileCheckError(ValueError):
    """A file refused before (or while) it is read or written; ``str()`` is one sentence."""


# A path in a message: enough for the folder and the name, never a whole screen.
PATH_CHARS = 100
NAME_CHARS = 60


def shown_path(path: str | os.PathLike[str]) -> str:
    """*path* as a message quotes it: escaped, and its middle cut out when it is long."""
    return shortened(os.fspath(path), PATH_CHARS, middle=True)


def shown_name(path: str | os.PathLike[str]) -> str:
    """*path*'s file name as a message quotes it (see :func:`shown_path`)."""
    return shortened(Path(path).name, NAME_CHARS, middle=True)


def _reason(exc: OSError | ValueError) -> str:
    """Why *exc* happened, in the system's words ("File name too long")."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def path_status(path: str | os.PathLike[str]) -> os.stat_result | None:
    """The status of *path* (links followed), or ``None`` when nothing is there.

    The one safe way to ask whether a path exists: :meth:`pathlib.Path.exists` raises for
    a name too long, a folder that cannot be searched or a NUL byte, where this says so
    in one sentence.

    Raises
    ------
    FileCheckError
        When the path cannot be looked at, naming it and the reason.
    """
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise FileCheckError(
            translate("Files", "Cannot look at {0}: {1}.").format(shown_path(path), _reason(exc))
        ) from None


def path_exists(path: str | os.PathLike[str]) -> bool:
    """Whether something is at *path*, as :func:`path_status` finds it.

    Raises
    ------
    FileCheckError
        As :func:`path_status`.
    """
    return path_status(path) is not None


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, as a user would say it."""
    if stat.S_ISDIR(mode):
        return translate("Files", "a folder")
    if stat.S_ISFIFO(mode):
        return translate("Files", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("Files", "a device")
    if stat.S_ISSOCK(mode):
        return translate("Files", "a socket")
    return translate("Files", "a special file")


def _what(what: str | None) -> str:
    """What the file should be, as the caller says it, or "a file"."""
    return translate("Files", "a file") if what is None else what


def _refuse_special(p: Path, mode: int, what: str | None) -> None:
    if stat.S_ISDIR(mode):
        raise FileCheckError(
            translate("Files", "{0} is a folder, not {1}.").format(shown_path(p), _what(what))
        )
    if not stat.S_ISREG(mode):
        raise FileCheckError(
            translate("Files", "{0} is {1}, not {2}.").format(
                shown_name(p), _kind(mode), _what(what)
            )
        )


def _too_large(p: Path, max_bytes: int, what: str | None) -> FileCheckError:
    return FileCheckError(
        translate("Files", "{0} is too large to be {1} (more than {2}).").format(
            shown_name(p), _what(what), _size_text(max_bytes)
        )
    )


def _size_text(n: int) -> str:
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return translate("Files", "{0} bytes").format(n)


def _cannot_read(p: Path, exc: OSError | ValueError) -> FileCheckError:
    if isinstance(exc, FileNotFoundError):
        return FileCheckError(translate("Files", "There is no file {0}.").format(shown_path(p)))
    return FileCheckError(
        translate("Files", "Cannot read {0}: {1}.").format(shown_path(p), _reason(exc))
    )


def check_readable_file(
    path: str | os.PathLike[str], max_bytes: int, what: str | None = None
) -> os.stat_result:
    """Refuse *path* unless it is a regular file of at most *max_bytes*, without opening it.

    Parameters
    ----------
    path
        The file to check.
    max_bytes
        The largest size accepted.
    what
        What the file should be, with its article ("a scene file"), for the messages, in
        the user's language; by default "a file".

    Returns
    -------
    os.stat_result
        The file's status.

    Raises
    ------
    FileCheckError
        When the file is missing, unreadable, not a regular file (a folder, a named pipe,
        a device such as ``/dev/zero``, a socket) or larger than *max_bytes*.
    """
    p = Path(path)
    try:
        status = os.stat(p)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise _cannot_read(p, exc) from None
    _refuse_special(p, status.st_mode, what)
    if status.st_size > max_bytes:
        raise _too_large(p, max_bytes, what)
    return status


def read_bytes_checked(
    path: str | os.PathLike[str], max_bytes: int, what: str | None = None
) -> bytes:
    """Read a regular file of at most *max_bytes*, never more than *max_bytes* + 1 bytes.

    The size is checked before the file is opened and again while it is read: a file
    that grows, or that reports no size (``/proc``), cannot exhaust memory.

    Parameters
    ----------
    path, max_bytes, what
        As for :func:`check_readable_file`.

    Raises
    ------
    FileCheckError
        As :func:`check_readable_file`, or when reading fails.
    """
    p = Path(path)
    check_readable_file(p, max_bytes, what)
    # O_NONBLOCK: if a named pipe took the file's place since the check, opening it must
    # not wait for a writer; fstat below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(p, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:
        raise _cannot_read(p, exc) from None
    try:
        _refuse_special(p, os.fstat(fd).st_mode, what)
        pieces: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            piece = os.read(fd, min(left, _CHUNK))
            if not piece:
                break
            pieces.append(piece)
            left -= len(piece)
    except OSError as exc:
        raise _cannot_read(p, exc) from None
    finally:
        os.close(fd)
    if left <= 0:
        raise _too_large(p, max_bytes, what)
    return b"".join(pieces)


def read_text_checked(path: str | os.PathLike[str], max_bytes: int, what: str | None = None) -> str:
    """Read a UTF-8 text file as :func:`read_bytes_checked` reads bytes.

    A byte-order mark (as Windows Notepad writes) is dropped.

    Raises
    ------
    FileCheckError
        As :func:`read_bytes_checked`, or when the file is not UTF-8 text.
    """
    p = Path(path)
    data = read_bytes_checked(p, max_bytes, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileCheckError(
            translate("Files", "{0} is not a text file, so it cannot be {1}.").format(
                shown_name(p), _what(what)
            )
        ) from None


def exists(path: str | os.PathLike[str]) -> bool:
    """Whether anything (a dangling symbolic link too) has the name *path*; never raises.

    ``Path.exists`` raises when the answer cannot be known (a folder that cannot be read,
    a link that loops, a name too long); for the user's own files that is "not there", and
    the write that follows says why it failed.
    """
    return os.path.lexists(path)


def folder_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why files cannot be kept in *folder*, as a phrase for a sentence; ``None`` when they can.

    A folder that does not exist yet is fine when it can be made: its nearest existing
    parent must be a folder that can be written. Never raises.

    Parameters
    ----------
    folder
        The folder that should hold the files (it is not created).

    Returns
    -------
    str or None
        E.g. "/home/ana/.local/share is a file, not a folder", in the user's language.
    """
    p = Path(folder)
    try:
        status = os.stat(p)
    except FileNotFoundError as exc:
        parent = p.parent
        if os.path.lexists(p):  # a link to nothing: a folder cannot be made there
            return translate("Files", "{0} cannot be used: {1}").format(p, exc.strerror)
        if parent == p:
            return translate("Files", "{0} does not exist").format(p)
        return folder_problem(parent)
    except NotADirectoryError:
        # Something on the way is a file: name it.
        for parent in p.parents:
            try:
                if not stat.S_ISDIR(os.stat(parent).st_mode):
                    return translate("Files", "{0} is a file, not a folder").format(parent)
            except OSError:
                continue
        return translate("Files", "{0} cannot be used: {1}").format(p, os.strerror(errno.ENOTDIR))
    except (OSError, ValueError) as exc:  # a link that loops, a parent that cannot be read
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return translate("Files", "{0} cannot be used: {1}").format(p, reason)
    if stat.S_ISREG(status.st_mode):
        return translate("Files", "{0} is a file, not a folder").format(p)
    if not stat.S_ISDIR(status.st_mode):
        return translate("Files", "{0} is {1}, not a folder").format(p, _kind(status.st_mode))
    if not os.access(p, os.R_OK | os.W_OK | os.X_OK):
        return translate("Files", "{0} cannot be used: {1}").format(p, os.strerror(errno.EACCES))
    return None


def check_writable_target(
    path: str | os.PathLike[str], *, source: str | os.PathLike[str] | None = None
) -> Path:
    """Where writing *path* should go: a regular file, or a new one, never *source*.

    A symbolic link is followed: the file it points to is replaced, and the link kept.

    Parameters
    ----------
    path
        The file to write.
    source
        A file being read, which must not be written over (hard links included).

    Returns
    -------
    pathlib.Path
        *path* with every symbolic link resolved.

    Raises
    ------
    FileCheckError
        When *path* is empty or ends in a folder separator (``out.csv/``), or is a folder,
        a named pipe, a device or a socket, or is *source*.
    """
    check_target_name(path)
    p = Path(path)
    try:
        target = Path(os.path.realpath(p))  # a NUL byte in the name raises ValueError here
        status = os.stat(target)
    except FileNotFoundError:
        return target
    except (OSError, ValueError) as exc:
        message = translate("Files", "Cannot write {0}: {1}.").format(shown_path(p), _reason(exc))
        raise FileCheckError(message) from None
    if not stat.S_ISREG(status.st_mode):
        raise FileCheckError(
            translate("Files", "Cannot write {0}: it is {1}, not a file.").format(
                shown_path(p), _kind(status.st_mode)
            )
        )
    if source is not None:
        try:
            same = os.path.samefile(source, target)
        except (OSError, ValueError):
            same = False
        if same:
            raise FileCheckError(
                translate("Files", "Cannot write {0}: it is the file being read.").format(
                    shown_path(p)
                )
            )
    return target


def check_target_name(path: str | os.PathLike[str]) -> None:
    """Refuse a name no file can be written under, before anything else is looked at.

    ``pathlib`` reads ``""`` as the current folder and ``out.csv/`` as ``out.csv``: a
    command told to write there would print to the terminal, or write a file the user
    named as a folder.

    Raises
    ------
    FileCheckError
        When *path* is empty or ends in a folder separator.
    """
    text = os.fspath(path)
    if not text:
        raise FileCheckError(translate("Files", "The name of the file to write is empty."))
    separators = tuple(s for s in (os.sep, os.altsep, "/") if s)
    if text.endswith(separators):
        raise FileCheckError(
            translate(
                "Files", "Cannot write {0}: a name ending in {1} is a folder, not a file."
            ).format(shown_path(text), text[-1])
        )


__all__ = [
    "FileCheckError",
    "check_readable_file",
    "check_target_name",
    "check_writable_target",
    "exists",
    "folder_problem",
    "path_exists",
    "path_status",
    "read_bytes_checked",
    "read_text_checked",
    "shown_name",
    "shown_path",
]
