"""The model's words in the user's language, without Qt.

Every sentence the model (or the command line) gives a user is written::

    translate("Scene", "Row {0}, column {1}: {2} is not a number.").format(r, c, shown(v))

``pyside6-lupdate`` finds these calls as it finds Qt's own ``QCoreApplication.translate``,
so the model's sentences are translated in the same ``.ts`` files as the windows'
(``resources/translations/``). The window, or the command line, installs the function that
looks them up (:func:`set_translator`); until then the English is given back unchanged, so
the model stays testable without Qt.

Numbers, ``×`` and ``−`` stay as they are in every language; a template takes them as
``{0}``, ``{1}``… so that a translation may put them in its own order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

Translator = Callable[[str, str], str]

#: The languages the app speaks, in the order the Language menu lists them.
LANGUAGES = ("en", "zh_TW", "zh_CN")
#: Each language's name in itself: a user who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"en": "English", "zh_TW": "繁體中文", "zh_CN": "简体中文"}


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """*text* (an English template) in the current language.

    Parameters
    ----------
    context
        Where the words belong (``"Scene"``, ``"Limits"``): translators see them together.
    text
        The English words, a literal string (``pyside6-lupdate`` reads it from the source).
    """
    return _translator(context, text) or text


def set_translator(translator: Translator | None) -> None:
    """Look the model's words up with *translator* from now on (``None``: English)."""
    global _translator
    _translator = translator or _english


def language_of(code: str) -> str | None:
    """The app's language for a locale name (``zh_TW.UTF-8``, ``zh-Hant``, ``en_GB``), or
    ``None`` when it speaks none of it.

    Taiwan, Hong Kong, Macao and "Hant" write Traditional Chinese; every other Chinese
    locale (``zh``, ``zh_CN``, ``zh_SG``, "Hans") Simplified.
    """
    name = code.split(".")[0].split("@")[0].replace("-", "_").lower()
    if name.startswith("zh"):
        parts = set(name.split("_")[1:])
        return "zh_TW" if parts & {"tw", "hk", "mo", "hant"} else "zh_CN"
    if name == "en" or name.startswith("en_"):
        return "en"
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, as gettext reads it, or ``None`` if it says
    nothing the app speaks.

    ``LANGUAGE`` (a list, ``zh_TW:en``) comes first unless the locale is ``C``; then
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``.
    """
    env = os.environ if environ is None else environ
    locale = next((env[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(v)), "")
    wanted = []
    if env.get("LANGUAGE") and locale.split(".")[0] not in ("C", "POSIX"):
        wanted += env["LANGUAGE"].split(":")
    wanted.append(locale)
    for code in wanted:
        if code and code not in ("C", "POSIX"):
            language = language_of(code)
            if language is not None:
                return language
    return None


__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "language_from_environment",
    "language_of",
    "set_translator",
    "translate",
]
