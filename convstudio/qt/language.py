"""The language the window speaks: Qt translators, the model's words, and a CJK font.

The language is the one chosen in the Language menu (remembered), else the system's
(``LANG=zh_TW.UTF-8``), else English. Installing translators makes Qt send every widget a
``LanguageChange`` event; the main window then builds its views again in the new words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from ..model.i18n import LANGUAGES, language_from_environment, language_of, set_translator
from ..model.resources import resource_dir
from . import settings, style

_SETTING = "language"
# Fonts that draw Chinese well, Traditional or Simplified shapes first as the language
# writes them: Linux (Noto, WenQuanYi, Droid), Windows, macOS.
_CJK_FONTS = {
    "zh_TW": (
        "Noto Sans CJK TC",
        "Noto Sans TC",
        "Source Han Sans TC",
        "Microsoft JhengHei",
        "PingFang TC",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ),
    "zh_CN": (
        "Noto Sans CJK SC",
        "Noto Sans SC",
        "Source Han Sans SC",
        "Microsoft YaHei",
        "PingFang SC",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ),
}
_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> str:
    """The folder of the app's ``.ts`` sources and ``.qm`` files."""
    return str(resource_dir() / "translations")


def system_language() -> str:
    """What the environment asks for, else what the system's locale is, else English."""
    from_environment = language_from_environment()
    if from_environment is not None:
        return from_environment
    for name in QLocale.system().uiLanguages():
        language = language_of(name)
        if language is not None:
            return language
    return "en"


def chosen_language() -> str:
    """The language remembered from the Language menu, else :func:`system_language`."""
    remembered = settings.read(_SETTING, str)
    if remembered in LANGUAGES:
        return remembered
    return system_language()


def remember_language(language: str | None) -> None:
    """Remember *language* for the next start (``None``: follow the system again)."""
    if language is None:
        settings.remove(_SETTING)
    else:
        settings.write(_SETTING, language)


def current_language() -> str:
    """The language installed now."""
    return _current


def install_language(language: str) -> bool:
    """Speak *language* from now on: the app's and Qt's own translations, the model's words
    and a font with Chinese glyphs. Returns whether the app's translation was found.

    English needs no file; a missing ``.qm`` leaves the words in English.
    """
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    found = language == "en"
    if language != "en":
        # Qt's own words: key names, the file dialog's labels, the standard buttons.
        # qtbase, not the qt_ catalogue: that one also asks for the multimedia module's
        # file, which PySide6-Essentials does not ship, and then loads nothing at all.
        qt = QTranslator()
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            _installed.append(qt)
        # Installed last, so asked first: where both have a word, the app's own wins.
        ours = QTranslator()
        if ours.load(f"convstudio_{language}", translations_dir()):
            _installed.append(ours)
            found = True
    _current = language if found else "en"
    style.set_fallback_families(cjk_families(_current))
    set_translator(_translate if _installed else None)
    if isinstance(app, QGuiApplication) and app.font() != style.font(style.UI_PT):
        app.setFont(style.font(style.UI_PT))  # every widget is polished again: only on change
    if app is not None:
        for translator in _installed:
            app.installTranslator(translator)  # Qt sends every widget a LanguageChange
    return found


def _translate(context: str, text: str) -> str:
    # Through the application when there is one (the window); the translators themselves
    # when not (the command line creates no application).
    if QCoreApplication.instance() is not None:
        return QCoreApplication.translate(context, text)
    for translator in reversed(_installed):  # as Qt asks them: the last installed first
        found = translator.translate(context, text)
        if found:
            return found
    return text


def cjk_families(language: str) -> list[str]:
    """The installed font families that draw *language*'s glyphs, best first (none for
    English: the Latin font draws every digit, as the legibility floors were measured)."""
    if language not in _CJK_FONTS:
        return []
    if QGuiApplication.instance() is None:  # the command line draws nothing
        return []
    installed = set(QFontDatabase.families())
    return [family for family in _CJK_FONTS[language] if family in installed]
