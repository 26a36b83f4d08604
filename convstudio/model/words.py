"""The shipped data's words (lesson titles and notes, scene titles, preset names, groups and
explanations) in the user's language.

The data files stay in English, and so does ``--json`` output; these words are translated
where they are shown. ``scripts/update_translations.py`` lists them for the translators
(``resources/translations/data_words.py``). A user's own titles and kernel names have no
translation and come back as they are.
"""

from __future__ import annotations

from .i18n import translate

# Data words are looked up under another name: lupdate reads translate() for literal texts.
_look_up = translate


def lesson_text(text: str) -> str:
    """A lesson's title or teacher's note, translated."""
    return _look_up("Lessons", text)


def scene_title(text: str) -> str:
    """A shipped scene's title, translated (a user's own title is given back as it is)."""
    return _look_up("Scenes", text)


def preset_text(text: str) -> str:
    """A built-in preset's name, group or one-line explanation, translated."""
    return _look_up("Presets", text)


def counted(count: int, noun: str) -> str:
    """*count* and its noun in the current language: ``"1 channel"``, ``"3 channels"``.

    Parameters
    ----------
    count
        How many.
    noun
        One of ``"row"``, ``"column"``, ``"channel"``, ``"input channel"``, ``"kernel"``,
        ``"slice"``, ``"ring"``, ``"group"``, ``"step"``, ``"value"``, ``"window"``,
        ``"file"``, ``"problem"``.
    """
    one = count == 1
    forms = {
        "row": (translate("Counts", "{0} row"), translate("Counts", "{0} rows")),
        "column": (translate("Counts", "{0} column"), translate("Counts", "{0} columns")),
        "channel": (translate("Counts", "{0} channel"), translate("Counts", "{0} channels")),
        "input channel": (
            translate("Counts", "{0} input channel"),
            translate("Counts", "{0} input channels"),
        ),
        "kernel": (translate("Counts", "{0} kernel"), translate("Counts", "{0} kernels")),
        "slice": (translate("Counts", "{0} slice"), translate("Counts", "{0} slices")),
        "ring": (translate("Counts", "{0} ring"), translate("Counts", "{0} rings")),
        "group": (translate("Counts", "{0} group"), translate("Counts", "{0} groups")),
        "step": (translate("Counts", "{0} step"), translate("Counts", "{0} steps")),
        "value": (translate("Counts", "{0} value"), translate("Counts", "{0} values")),
        "window": (translate("Counts", "{0} window"), translate("Counts", "{0} windows")),
        "file": (translate("Counts", "{0} file"), translate("Counts", "{0} files")),
        "problem": (translate("Counts", "{0} problem"), translate("Counts", "{0} problems")),
    }[noun]
    return (forms[0] if one else forms[1]).format(count)


__all__ = ["counted", "lesson_text", "preset_text", "scene_title"]
