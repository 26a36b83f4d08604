"""The window in Chinese: every visible word translated, the language switched while it runs
(remembered, state kept), and every lesson whole at both screen sizes in every language."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMenu,
    QWidget,
)
from test_qt_small_screen import LESSONS, SIZES, check_whole_stage, lesson_window, settle

from convstudio.model import Studio, load_scene, resource_dir
from convstudio.qt.language import cjk_families, current_language, install_language
from convstudio.qt.main_window import MainWindow

CHINESE = ["zh_TW", "zh_CN"]
# The real questions, before conftest's autouse fixture answers them for every test.
ASK_UNSAVED = MainWindow._ask_unsaved_dialog
ASK_RESTORE = MainWindow._ask_restore_dialog
# English that stays English in every language: PyTorch's names and values (the lesson
# teaches them), key names, file formats, symbols of the formula, the app's name.
KEPT = re.compile(
    r"torch\.nn\.Conv2d|Conv2d|PyTorch|in_channels|out_channels|kernel_size|stride|padding_mode"
    r"|ceil_mode|count_include_pad|negative_slope|r_prev|j_prev|CNN"
    r"|padding|dilation|groups|bias|True|False|None|valid|same|full|zeros|reflect|replicate"
    r"|circular|ConvStudio|Ctrl|Shift|Alt|PageDown|PageUp|PgDown|PgUp|Home|End|Space|Esc"
    r"|Del|Tab|Enter|F\d+|RGB|MACs?|JSON|PNG|GIF|AlexNet|ResNeXt|MobileNet|Sobel|Prewitt"
    r"|Scharr|ms|px|ReLU|GPUs?|depthwise|CSV|Language|English|\b[A-Za-z]\b"
    r"|dL|mean\("  # the loss and its gradient, written as formulas
)


@pytest.fixture
def speaking(qapp):
    from PySide6.QtCore import QCoreApplication, QEvent

    # Windows of earlier tests are closed and deleted later: delete them now, or every
    # language change would reach them all.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def speak(language: str) -> None:
        assert install_language(language)

    yield speak
    install_language("en")


def english_words(text: str) -> list[str]:
    """Words of two letters or more left once file paths and the kept names are taken out."""
    return re.findall(r"[A-Za-z]{2,}", KEPT.sub(" ", re.sub(r"/\S+", " ", text)))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a user can read in *root*: labels, buttons, menus, combo items, tooltips,
    the window title."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__
        if widget.toolTip():
            found.append((f"{name} tooltip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((name, widget.text()))
        elif isinstance(widget, QComboBox):
            found += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            found.append(("menu", widget.title()))
            for action in widget.actions():
                found.append(("menu item", action.text()))
                if action.toolTip() != action.text().replace("&", ""):
                    found.append(("menu tooltip", action.toolTip()))
    return [(kind, text) for kind, text in found if text]


def untranslated(root: QWidget) -> list[tuple[str, str, list[str]]]:
    return [
        (kind, text, words)
        for kind, text in visible_texts(root)
        if (words := english_words(re.sub(r"<[^>]+>", " ", text)))
    ]


@pytest.mark.parametrize("language", CHINESE)
def test_no_word_of_the_main_window_is_left_in_english(qtbot, speaking, language):
    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "rgb-two-kernels.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    window.set_heat_maps(True)
    window.studio.playback.seek(5)
    settle()
    assert untranslated(window) == []


@pytest.mark.parametrize("language", CHINESE)
def test_no_word_of_the_image_window_and_the_library_is_left_in_english(
    qtbot, speaking, language, tmp_path
):
    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    images = window.image_window()
    qtbot.addWidget(images)
    assert untranslated(images) == []
    window.kernel_panel.save_preset("我的卷積核")
    library = window.kernel_panel.open_library()
    assert library is not None
    assert untranslated(library) == []
    library.close()


def test_switching_the_language_rebuilds_the_window_and_keeps_the_work(qtbot, speaking):
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    document = window.studio.document
    document.set_input_value(0, 0, 0, 7)
    window.studio.playback.seek(3)
    window.set_side_panel(False)
    window.set_heat_maps(True)
    assert window.menuBar().actions()[0].text() == "&File"

    window.language_actions["zh_TW"].trigger()
    settle()
    assert current_language() == "zh_TW"
    assert window.menuBar().actions()[0].text() != "&File"
    assert re.search(r"[\u4e00-\u9fff]", window.menuBar().actions()[0].text())
    assert window.language_actions["zh_TW"].isChecked()
    # The work and the view are as they were.
    assert document.scene.input[0, 0, 0] == 7
    assert window.studio.playback.position == 3
    assert window.side_panel.isHidden() and not window.side_panel_action.isChecked()
    assert window.heat_maps_action.isChecked()
    assert window.output_panel.heat_maps()[0].isVisible()
    np.testing.assert_array_equal(window.input_panel.grids[0].table.model().shape(), (6, 6))
    # Editing still reaches the model through the new views (and the old ones are gone).
    window.input_panel.grids[0].table.model().setData(
        window.input_panel.grids[0].table.model().index(1, 1), "9"
    )
    assert document.scene.input[0, 1, 1] == 9
    document.undo()
    assert document.scene.input[0, 1, 1] != 9

    window.language_actions["en"].trigger()
    assert window.menuBar().actions()[0].text() == "&File"


def test_switching_back_and_forth_leaves_nothing_behind(qtbot, speaking):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    studio = window.studio

    def counts() -> tuple[int, int, int]:
        settle()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        objects = len(window.findChildren(QObject))
        return objects, len(studio.frame_changed), len(studio.document.scene_changed)

    window.set_language("zh_TW")
    window.set_language("en")
    before = counts()
    for _ in range(3):
        window.set_language("zh_CN")
        window.set_language("en")
    assert counts() == before  # old menus, actions, views and their handlers are gone


def test_the_language_is_remembered_and_the_system_is_followed(qtbot, speaking, monkeypatch):
    from PySide6.QtCore import QSettings

    from convstudio.qt import language

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert language.chosen_language() == "zh_CN"
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")))
    qtbot.addWidget(window)
    window.set_language("zh_TW")
    assert QSettings().value("language") == "zh_TW"
    assert language.chosen_language() == "zh_TW"  # remembered beats the system
    language.remember_language(None)
    assert language.chosen_language() == "zh_CN"


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("presenting", [False, True], ids=["editing", "presenting"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_shows_whole_in_chinese(qtbot, speaking, name, size, presenting, language):
    speaking(language)
    window = lesson_window(qtbot, name, size, presenting)
    window.studio.playback.seek(window.studio.playback.total)
    check_whole_stage(window)
    if not presenting:
        # The side panel's one-line labels are whole too (wrapped text wraps).
        for label in window.side_panel.findChildren(QLabel):
            if label.isVisible() and not label.wordWrap() and label.text():
                assert label.width() >= label.sizeHint().width() - 2, label.text()


@pytest.mark.parametrize("language", CHINESE)
def test_the_windows_questions_are_in_chinese_too(qtbot, speaking, language, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from convstudio.model.userfiles import Recovered

    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    asked: list[tuple[str, str]] = []
    boxes: list[QMessageBox] = []

    def capture(_parent, title, text, *_args, **_kwargs):
        asked.append((title, text))
        return QMessageBox.StandardButton.No

    def shown(box):
        boxes.append(box)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "information", capture)
    monkeypatch.setattr(QMessageBox, "question", capture)
    monkeypatch.setattr(QMessageBox, "exec", shown)
    window._show_keys()  # F1
    scene = window.studio.document.scene
    ASK_RESTORE(window, Recovered(scene, None, "2026-11-29 14:05", resource_dir()))
    ASK_UNSAVED(window, window.tr("quit"))  # Save, Discard, Cancel: Qt's own buttons
    assert len(asked) == 2 and len(boxes) == 1, (asked, boxes)
    for title, text in asked:
        assert english_words(title) == [] and english_words(text) == [], (title, text)
    assert untranslated(boxes[0]) == []


def mnemonic(text: str) -> str | None:
    """The letter after a single & (Alt+letter), lower case; ``None`` when there is none."""
    found = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", *CHINESE])
def test_every_menu_has_its_own_alt_key(qtbot, speaking, language):
    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    keys = [mnemonic(title) for title in titles]
    assert None not in keys, titles
    assert len(set(keys)) == len(keys), titles  # Alt+L opened Lessons and Language both
    for menu in window.menuBar().findChildren(QMenu):  # and inside each menu
        items = [a.text() for a in menu.actions() if not a.isSeparator() and "&" in a.text()]
        items_keys = [mnemonic(text) for text in items]
        assert len(set(items_keys)) == len(items_keys), (menu.title(), items)


@pytest.mark.parametrize(
    ("language", "play", "next_step", "previous_step"),
    [("zh_TW", "空白鍵", "右方向鍵", "左方向鍵"), ("zh_CN", "空格键", "右方向键", "左方向键")],
)
def test_the_step_menu_names_its_keys_in_chinese(
    qtbot, speaking, language, play, next_step, previous_step
):
    from PySide6.QtGui import QKeySequence

    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    native = QKeySequence.SequenceFormat.NativeText
    # What the menu shows beside each action: its first shortcut in the platform's words.
    shown = [
        action.shortcut().toString(native)
        for action in (window.play_action, window.next_action, window.previous_action)
    ]
    assert shown == [play, next_step, previous_step]
    assert "Shift+F5" in window.present_action.shortcuts()[1].toString(native)


@pytest.mark.parametrize("language", CHINESE)
def test_every_file_dialog_is_whole_in_chinese(qtbot, speaking, language, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog, QTreeView

    from convstudio.qt import file_dialog

    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    left: dict[str, list[tuple[str, str, list[str]]]] = {}

    def look(dialog: QFileDialog) -> bool:
        dialog.show()  # as the user sees it: labels, buttons, tooltips, headers, menus
        texts = visible_texts(dialog)
        view = dialog.findChild(QTreeView, "treeView")
        model = view.model()
        texts += [
            ("header", model.headerData(i, Qt.Orientation.Horizontal))
            for i in range(model.columnCount())
        ]
        texts += [("action", action.text()) for action in dialog.findChildren(QAction)]
        left[dialog.windowTitle()] = [
            (kind, text, words)
            for kind, text in texts
            # The filters' patterns (*.json) and the folders' paths are not words.
            if (words := english_words(re.sub(r"\(\*[^)]*\)", " ", text)))
        ]
        dialog.hide()
        return False

    monkeypatch.setattr(file_dialog, "run", look)
    window.open_scene_dialog()
    window.save_scene_dialog()
    window.import_kernel_dialog()
    window.export_kernel_dialog()
    window.open_image_dialog()
    assert len(left) == 5
    assert all(found == [] for found in left.values()), left


@pytest.mark.parametrize("language", ["en", *CHINESE])
def test_the_costs_section_carries_the_heading_the_notes_name(qtbot, speaking, language):
    from convstudio.model.lessons import lessons
    from convstudio.model.words import lesson_text

    speaking(language)
    window = MainWindow(Studio(load_scene(resource_dir() / "scenes" / "worked-example.json")),
                        remember_geometry=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    heading = window.costs_panel.title
    assert heading.isVisible() and heading.text()
    assert heading.font().bold()  # a heading, as the settings' are
    naming = [lesson for lesson in lessons() if "Costs section" in lesson.note]
    assert naming  # the lessons point to it
    for lesson in naming:
        # English says "the Costs section"; Chinese quotes the heading: 「成本」, “成本”.
        assert heading.text() in lesson_text(lesson.note), (lesson.name, heading.text())


def test_back_in_english_no_chinese_font_is_left_in_the_fonts(speaking):
    # The window's fonts copy the application's: a CJK fallback kept from the language
    # before would draw English digits with other glyphs than a fresh English window.
    from convstudio.qt import style

    english = style.font(style.UI_PT).families()
    speaking("zh_TW")
    assert len(style.font(style.UI_PT).families()) > len(english) or not cjk_families("zh_TW")
    speaking("en")
    assert style.font(style.UI_PT).families() == english
