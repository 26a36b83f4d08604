"""Bring the translations up to date with the code: the ``.ts`` sources, then the ``.qm`` files.

    .venv/bin/python scripts/update_translations.py            # update resources/translations
    .venv/bin/python scripts/update_translations.py --check    # exit 1 if anything is stale

1. The words of the shipped lessons, scenes and presets (JSON data), and Qt's standard
   button texts and key names, are written as ``translate(...)`` calls into
   ``resources/translations/data_words.py``, so that ``pyside6-lupdate`` finds them beside
   the code's.
2. ``pyside6-lupdate`` updates ``convstudio_zh_TW.ts`` and ``convstudio_zh_CN.ts`` (no source
   locations: a line moved in the code must not make a translation file stale).
3. ``pyside6-lrelease`` builds the ``.qm`` files the app loads.

``--check`` does the same in a temporary folder and compares: a test runs it in CI.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FOLDER = RESOURCES / "translations"
LANGUAGES = ("zh_TW", "zh_CN")
DATA_WORDS = "data_words.py"
# The standard buttons the app's dialogs show, as Qt 6 spells them (qplatformtheme.cpp).
QT_BUTTONS = ("OK", "Cancel", "Close", "Save", "Discard", "&Yes", "&No", "Open", "Help", "Apply")
# Key names the Step menu shows beside its actions (qkeysequence.cpp): qtbase's zh_TW calls
# → "右鍵", which reads as the right mouse button, so the app names them its own way.
QT_KEYS = ("Space", "Left", "Right")


def _tool(name: str) -> str:
    """A Qt tool of the PySide6 in this Python's environment."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} was not found: install PySide6-Essentials in this environment")
    return found


def data_words() -> str:
    """The Python text of ``translate`` calls for every word of the shipped data."""
    lines = [
        '"""The words of the shipped lessons, scenes and presets, for pyside6-lupdate.',
        "",
        "Written by scripts/update_translations.py from the JSON files; never imported.",
        '"""',
        "",
        "from convstudio.model.i18n import translate",
        "",
    ]

    def add(context: str, text: str) -> None:
        if text:
            lines.append(f"translate({context!r}, {json.dumps(text, ensure_ascii=False)})")

    lessons = json.loads((RESOURCES / "lessons.json").read_text(encoding="utf-8"))["lessons"]
    for lesson in lessons:
        add("Lessons", lesson["title"])
        add("Lessons", lesson["note"])
    for scene_file in sorted((RESOURCES / "scenes").glob("*.json")):
        scene = json.loads(scene_file.read_text(encoding="utf-8"))
        add("Scenes", scene.get("title", ""))
    presets = json.loads((RESOURCES / "kernels" / "presets.json").read_text(encoding="utf-8"))
    groups: list[str] = []
    for preset in presets["kernels"]:
        add("Presets", preset["name"])
        add("Presets", preset.get("description", ""))
        if preset.get("group") and preset["group"] not in groups:
            groups.append(preset["group"])
    for group in groups:
        add("Presets", group)
    # Qt's standard buttons (Close, Cancel, Save…): qtbase's translation may be missing (the
    # window loads it when found), and Qt looks these up under this context in every
    # translator, the app's first.
    for word in QT_BUTTONS:
        add("QPlatformTheme", word)
    for word in QT_KEYS:
        add("QShortcut", word)
    return "\n".join(dict.fromkeys(lines)) + "\n"  # a word used twice is listed once


def update(folder: Path) -> None:
    """Write the data words, the ``.ts`` and the ``.qm`` files into *folder*."""
    (folder / DATA_WORDS).write_text(data_words(), encoding="utf-8")
    sources = sorted(str(p) for p in (ROOT / "convstudio").rglob("*.py"))
    sources.append(str(folder / DATA_WORDS))
    for language in LANGUAGES:
        ts = folder / f"convstudio_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
             "-target-language", language, *sources, "-ts", str(ts)],
            check=True,
        )  # fmt: skip
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def stale() -> list[str]:
    """The files of ``resources/translations`` that :func:`update` would change."""
    with tempfile.TemporaryDirectory() as temp:
        scratch = Path(temp)
        for language in LANGUAGES:
            ts = FOLDER / f"convstudio_{language}.ts"
            if ts.exists():
                shutil.copy(ts, scratch / ts.name)
        update(scratch)
        return [
            p.name
            for p in sorted(scratch.iterdir())
            if not (FOLDER / p.name).exists() or (FOLDER / p.name).read_bytes() != p.read_bytes()
        ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what is out of date")
    args = parser.parse_args()
    if args.check:
        found = stale()
        if found:
            print("Out of date (run scripts/update_translations.py): " + ", ".join(found))
            return 1
        return 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    update(FOLDER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
