"""The shipped data's words (lesson titles and notes, scene titles, preset names, groups and
explanations) in the user's language.

The data files stay in English, and so does ``--json`` output; these words are translated
where they are shown. ``scripts/update_translations.py`` lists them for the translators
(``resources/translations/data_words.py``). A user's own titles and kernel names have no
translation and come back as they are.
"""

from __future__ import annotations

from .i18n import translate as _look_up  # not "translate": lupdate reads only literal texts


def lesson_text(text: str) -> str:
    """A lesson's title or teacher's note, translated."""
    return _look_up("Lessons", text)


def scene_title(text: str) -> str:
    """A shipped scene's title, translated (a user's own title is given back as it is)."""
    return _look_up("Scenes", text)


def preset_text(text: str) -> str:
    """A built-in preset's name, group or one-line explanation, translated."""
    return _look_up("Presets", text)


__all__ = ["lesson_text", "preset_text", "scene_title"]
