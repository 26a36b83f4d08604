"""Translations: the .ts files match the code and are finished, the .qm files match them, the
language follows the system and switches while the window runs, and every word shows."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_cli import headless_env, run

from convstudio.model.i18n import language_from_environment, language_of, translate

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
CHINESE = ["zh_TW", "zh_CN"]
PLACEHOLDER = re.compile(r"\{\d+\}")


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(FOLDER / f"convstudio_{language}.ts").getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translation(message: ET.Element) -> str:
    return message.find("translation").text or ""


# ---------------------------------------------------------------- the files


def test_the_translation_files_are_up_to_date_with_the_code():
    # lupdate over the code (and the shipped data's words) changes nothing, and lrelease of
    # the .ts gives the .qm that ships: no string was added, changed or left out since.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", CHINESE)
def test_every_string_is_translated(language):
    unfinished = [
        (context, source)
        for context, source, message in messages(language)
        if message.find("translation").get("type") == "unfinished" or not translation(message)
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", CHINESE)
def test_translations_keep_placeholders_mnemonics_and_numbers(language):
    for context, source, message in messages(language):
        text = translation(message)
        where = (context, source, text)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert text.count("&") == source.count("&"), where
        # Digits stay ASCII: every number of the English is in the translation.
        numbers = re.findall(r"\d+", PLACEHOLDER.sub("", text))
        for number in re.findall(r"\d+", PLACEHOLDER.sub("", source)):
            assert number in numbers, where
            numbers.remove(number)


ROW_COLUMN = {
    # Taiwan: 列 is a row (across), 行 a column (down); the mainland the other way round.
    # The other character is used for nothing else, so a reader is never left to guess.
    "zh_TW": {"row": "列", "column": "行"},
    "zh_CN": {"row": "行", "column": "列"},
}


@pytest.mark.parametrize("language", CHINESE)
def test_rows_and_columns_use_one_convention(language):
    words = ROW_COLUMN[language]
    for context, source, message in messages(language):
        text = translation(message)
        lower = source.lower()
        # A line of a text file is a row of it.
        has_row = re.search(r"\b(rows?|lines?)\b", lower) is not None
        has_column = re.search(r"\bcol(umn)?s?\b", lower) is not None
        where = (context, source, text)
        if has_row:
            assert words["row"] in text, where
        if has_column:
            assert words["column"] in text, where
        if not has_row:
            # The row's character is used for nothing else (no 進行, no 列表).
            assert words["row"] not in text, where
        if not has_column:
            assert words["column"] not in text, where


def test_the_lessons_terms_are_used():
    zh_tw = " ".join(translation(m) for _, _, m in messages("zh_TW"))
    for term in ("卷積", "卷積核", "填充", "步長", "感受野", "通道", "分組", "特徵圖", "參數"):
        assert term in zh_tw, term
    zh_cn = " ".join(translation(m) for _, _, m in messages("zh_CN"))
    for term in ("卷积核", "步长", "填充", "感受野", "通道", "分组卷积", "特征图", "参数"):
        assert term in zh_cn, term


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("zh_TW.UTF-8", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh-Hant-TW", "zh_TW"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("en_GB.UTF-8", "en"),
        ("fr_FR.UTF-8", None),
        ("C", None),
    ],
)
def test_locale_names_map_to_languages(code, language):
    assert language_of(code) == language


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "zh_TW.UTF-8"}, "zh_TW"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_TW:en"}, "zh_TW"),
        ({"LANG": "C", "LANGUAGE": "zh_TW"}, None),  # gettext ignores LANGUAGE under C
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:zh_CN"}, "zh_CN"),
        ({}, None),
    ],
)
def test_the_environment_chooses_the_language(environment, language):
    assert language_from_environment(environment) == language


@pytest.fixture
def speaking(qapp):
    """Install a language for one test, and English again after it."""
    from convstudio.qt.language import install_language

    def speak(language: str) -> None:
        assert install_language(language)

    yield speak
    install_language("en")


@pytest.mark.parametrize("language", CHINESE)
def test_the_model_and_the_window_speak_the_installed_language(speaking, language):
    from PySide6.QtCore import QCoreApplication

    speaking(language)
    english = "The stride must be at least {0}, not {1}."
    assert translate("Refusals", english) != english
    assert QCoreApplication.translate("MainWindow", "&File") != "&File"


def test_english_needs_no_file_and_comes_back(speaking):
    from PySide6.QtCore import QCoreApplication

    speaking("zh_TW")
    speaking("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert translate("Refusals", "The stride must be at least {0}, not {1}.").startswith("The")


# ---------------------------------------------------------------- the command line


@pytest.mark.parametrize(
    ("locale", "expected"), [("zh_TW.UTF-8", "卷積核"), ("zh_CN.UTF-8", "卷积核")]
)
def test_the_command_line_follows_lang(locale, expected):
    env = {**headless_env(), "LC_ALL": locale, "LANG": locale}
    listed = run("presets", env=env)
    assert listed.returncode == 0, listed.stderr
    assert expected in listed.stdout
    refused = run("compute", "no-such-scene.json", env=env)
    assert refused.returncode == 2
    assert re.search(r"[\u4e00-\u9fff]", refused.stderr), refused.stderr
    # The JSON output is data: the same in every language.
    english = run("compute", "worked-example", "--json").stdout
    assert run("compute", "worked-example", "--json", env=env).stdout == english
