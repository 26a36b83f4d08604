"""Fill translations into the ``.ts`` files from a JSON list, then bring everything up to date.

    .venv/bin/python scripts/fill_translations.py words.json [more.json ...]

Each JSON file is a list of ``{"context": ..., "source": ..., "zh_TW": ..., "zh_CN": ...}``
(``context`` is the class name for ``tr()``, or the first argument of ``translate``). The
script runs ``update_translations.py`` first (so that new strings are in the ``.ts`` files),
sets each listed translation (finished), runs it again (lupdate tidies the file, lrelease builds
the ``.qm``) and lists every message still unfinished. It exits 1 when one is left, or when a
listed source is not in the code.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import update_translations


def fill(ts: Path, language: str, words: list[dict[str, str]]) -> list[str]:
    """Set *words* into *ts*; return the listed sources the file does not have."""
    tree = ET.parse(ts)
    messages = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            messages[(name, message.findtext("source"))] = message
    missing = []
    for word in words:
        message = messages.get((word["context"], word["source"]))
        if message is None:
            missing.append(f"{word['context']}: {word['source']!r}")
            continue
        translation = message.find("translation")
        assert translation is not None
        translation.text = word[language]
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def unfinished(ts: Path) -> list[str]:
    """The messages of *ts* that have no finished translation."""
    left = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                left.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return left


def main() -> int:
    words: list[dict[str, str]] = []
    for name in sys.argv[1:]:
        words.extend(json.loads(Path(name).read_text(encoding="utf-8")))
    folder = update_translations.FOLDER
    update_translations.update(folder)
    problems = []
    for language in update_translations.LANGUAGES:
        ts = folder / f"convstudio_{language}.ts"
        problems += [f"not in the code: {m}" for m in fill(ts, language, words)]
    update_translations.update(folder)
    for language in update_translations.LANGUAGES:
        ts = folder / f"convstudio_{language}.ts"
        problems += [f"unfinished ({language}): {m}" for m in unfinished(ts)]
    for line in dict.fromkeys(problems):
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
