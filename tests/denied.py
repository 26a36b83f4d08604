"""A folder that cannot be read, as ``chmod 000`` makes it for anyone but root.

The tests run as root in some containers, where ``chmod 000`` changes nothing; so, for the
Python code of the process, :func:`deny` makes every look into *folder* fail as it fails for
a user: ``PermissionError`` (EACCES) from ``stat``, listing, opening, making and removing
anything inside it, and from listing the folder itself.
"""

from __future__ import annotations

import builtins
import errno
import functools
import io
import os
from collections.abc import Callable
from typing import Any


def _inside(path: Any, folder: str, *, itself: bool) -> bool:
    if isinstance(path, int):  # a file descriptor
        return False
    try:
        name = os.path.normpath(os.path.abspath(os.fsdecode(path)))
    except (TypeError, ValueError):
        return False
    return name.startswith(folder + os.sep) or (itself and name == folder)


def _denying(call: Callable[..., Any], folder: str, *, itself: bool) -> Callable[..., Any]:
    @functools.wraps(call)
    def denied(path: Any = ".", *args: Any, **kwargs: Any) -> Any:
        if _inside(path, folder, itself=itself):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return call(path, *args, **kwargs)

    return denied


def deny(folder: str | os.PathLike[str]) -> None:
    """Make *folder* unreadable to this process's Python code, as ``chmod 000`` would."""
    where = os.path.normpath(os.path.abspath(os.fspath(folder)))
    if os.geteuid() != 0:  # the real thing, where it works
        os.chmod(where, 0)
        return
    for name in ("stat", "lstat", "open", "mkdir", "unlink", "remove", "rmdir"):
        setattr(os, name, _denying(getattr(os, name), where, itself=False))
    for name in ("listdir", "scandir"):
        setattr(os, name, _denying(getattr(os, name), where, itself=True))
    for name in ("replace", "rename"):
        setattr(os, name, _denying(getattr(os, name), where, itself=False))
    builtins.open = io.open = _denying(builtins.open, where, itself=False)
    access = os.access

    def denied_access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if _inside(path, where, itself=True):
            return mode == os.F_OK
        return access(path, mode, *args, **kwargs)

    os.access = denied_access
