"""A Linux desktop's applications menu: the freedesktop entry and the icon, per user.

``convstudio --install-desktop`` writes::

    $XDG_DATA_HOME/applications/convstudio.desktop
    $XDG_DATA_HOME/icons/hicolor/{16x16,…,256x256}/apps/convstudio.png
    $XDG_DATA_HOME/icons/hicolor/scalable/apps/convstudio.svg

(``XDG_DATA_HOME`` is ``~/.local/share`` unless set), and ``--uninstall-desktop`` removes those
files and the folders it made that are left empty. Nothing needs root.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from .resources import icon_files
from .scene import atomic_write_bytes, atomic_write_text

#: The entry's file name without ``.desktop``; Qt's ``setDesktopFileName`` says it too.
DESKTOP_ID = "convstudio"

# The entry is read in the desktop's language, so it carries every language at once
# (the .desktop way), not the language this process speaks.
_GENERIC_NAME = {"": "Convolution lesson", "zh_TW": "卷積教學", "zh_CN": "卷积教学"}
_COMMENT = {
    "": "Step through the 2-D convolution of a CNN, number by number",
    "zh_TW": "一步一步看卷積神經網路的 2D 卷積，每個數字都看得到",
    "zh_CN": "一步一步看卷积神经网络的 2D 卷积，每个数字都看得到",
}
_KEYWORDS = "convolution;CNN;kernel;neural network;deep learning;卷積;卷积;"
# Characters that the Exec key's quoting rules reserve (Desktop Entry Specification 1.4).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    home = env.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


def launch_command() -> list[str]:
    """How the desktop starts this ConvStudio: its own script, or ``python -m convstudio``.

    Absolute paths, so the entry works without the folder on ``PATH`` (pipx's
    ``~/.local/bin`` is often missing from a desktop session's).
    """
    if getattr(sys, "frozen", False):  # a one-folder bundle: its executable
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem == "convstudio" and script.is_file():
        return [str(script.resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "convstudio"]


def _exec_argument(text: str) -> str:
    """One argument of ``Exec``, quoted where the specification asks."""
    text = text.replace("%", "%%")
    if _RESERVED.isdisjoint(text):
        return text
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in text)
    return f'"{escaped}"'


def _value(text: str) -> str:
    """A string value of a desktop entry: backslashes and line ends escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of ``convstudio.desktop`` for a launcher *command* (absolute paths)."""

    def localised(key: str, texts: Mapping[str, str]) -> list[str]:
        return [
            f"{key}[{code}]={text}" if code else f"{key}={text}" for code, text in texts.items()
        ]

    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=ConvStudio",
        *localised("GenericName", _GENERIC_NAME),
        *localised("Comment", _COMMENT),
        "Exec=" + _value(" ".join(_exec_argument(a) for a in command) + " %f"),
        "TryExec=" + _value(command[0]),
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "Categories=Education;ArtificialIntelligence;",
        f"Keywords={_KEYWORDS}",
        f"StartupWMClass={DESKTOP_ID}",
    ]
    return "\n".join(lines) + "\n"


def desktop_files(home: Path) -> dict[str, Path]:
    """Where the entry (``"entry"``) and each icon (``"16"`` … ``"scalable"``) go under *home*."""
    icons = home / "icons" / "hicolor"
    files = {"entry": home / "applications" / f"{DESKTOP_ID}.desktop"}
    for size in icon_files():
        folder = "scalable" if size == "scalable" else f"{size}x{size}"
        suffix = ".svg" if size == "scalable" else ".png"
        files[size] = icons / folder / "apps" / f"{DESKTOP_ID}{suffix}"
    return files


def install_desktop(home: Path, command: Sequence[str]) -> list[Path]:
    """Write the entry and the icons under *home* (a data home); return the files written.

    Raises
    ------
    OSError
        When a folder cannot be made or a file written (what was written stays; running
        it again, or ``--uninstall-desktop``, finishes or undoes it).
    """
    sources = icon_files()
    written = []
    for key, target in desktop_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if key == "entry":
            atomic_write_text(target, desktop_entry(command))
        else:
            atomic_write_bytes(target, sources[key].read_bytes())
        written.append(target)
    return written


def uninstall_desktop(home: Path) -> list[Path]:
    """Remove what :func:`install_desktop` wrote under *home*, and the folders it left empty.

    Returns the files removed (none, if it was not installed).

    Raises
    ------
    OSError
        When a file cannot be removed.
    """
    removed = []
    folders: set[Path] = set()
    for target in desktop_files(home).values():
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(target)
        # Folders install_desktop may have made, deepest first, never the data home itself.
        folder = target.parent
        while folder != home and home in folder.parents:
            folders.add(folder)
            folder = folder.parent
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        with contextlib.suppress(OSError):  # only an empty one: others' entries stay
            folder.rmdir()
    return removed


__all__ = [
    "DESKTOP_ID",
    "data_home",
    "desktop_entry",
    "desktop_files",
    "install_desktop",
    "launch_command",
    "uninstall_desktop",
]
