"""The lessons, in the lesson's order: their list, their figures, the command line, the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication
from test_cli import run

from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path
from convstudio.model.explain import fully_connected_parameters, layer_costs
from convstudio.model.lessons import LessonFileError, lesson_named, lessons, read_lessons
from convstudio.model.trainer import training_of
from convstudio.qt.main_window import MainWindow

ORDER = [
    "why-convolution",
    "worked-example",
    "no-padding-drawbacks",
    "zero-padding",
    "valid-and-same",
    "odd-kernels",
    "stride",
    "stride-floor",
    "rgb-one-kernel",
    "rgb-two-kernels",
    "costs",
    "groups",
    "depthwise",
    "one-by-one",
    "dilation",
    "conv2d",
    # Stacks of layers (issue 18): their figures are checked in test_stack_lessons.py.
    "two-convolutions",
    "three-convolutions",
    "relu",
    "max-pooling",
    "average-pooling",
    "small-cnn",
    # Transposed convolutions (issue 19): their figures are checked in
    # test_transpose_lessons.py (two hold no convolution, so no Costs of one).
    "transposed-upsampling",
    "checkerboard",
    "convolution-transpose",
    "down-and-up",
    # Learning the kernel (issue 20): test_training_lessons.py checks their figures.
    "learn-x-kernel",
    "learn-edge-kernel",
    "learning-rate-too-large",
    "gradient-through-pooling",
]

# name: (output shape, parameters, fully connected parameters), worked out by hand.
FIGURES = {
    "why-convolution": ((1, 4, 4), 3 * 3 * 3 + 1, 108 * 16 + 16),
    "worked-example": ((1, 4, 4), 9, 36 * 16 + 16),  # 592, as the issue says
    "no-padding-drawbacks": ((1, 4, 4), 9, 592),
    "zero-padding": ((1, 6, 6), 9, 36 * 36 + 36),  # p = (3 − 1)/2 = 1: 8×8 → 6×6
    "valid-and-same": ((1, 6, 6), 9, 36 * 36 + 36),
    "odd-kernels": ((1, 6, 6), 4, 36 * 36 + 36),
    "stride": ((1, 2, 2), 9, 25 * 4 + 4),  # ⌊(5 − 3)/2⌋ + 1 = 2
    "stride-floor": ((1, 2, 2), 9, 36 * 4 + 4),  # ⌊(6 − 3)/2⌋ + 1 = ⌊1.5⌋ + 1 = 2
    "rgb-one-kernel": ((1, 4, 4), 27, 108 * 16 + 16),
    "rgb-two-kernels": ((2, 4, 4), 2 * 27 + 2, 108 * 32 + 32),
    "costs": ((3, 4, 4), 3 * 27 + 3, 108 * 48 + 48),
    "groups": ((4, 3, 3), 4 * 2 * 9, 100 * 36 + 36),  # each kernel 2 deep: 4 channels / 2
    "depthwise": ((3, 4, 4), 3 * 9, 108 * 48 + 48),
    "one-by-one": ((2, 6, 6), 2 * 3, 108 * 72 + 72),
    "dilation": ((1, 3, 3), 9, None),
    "conv2d": ((2, 4, 4), 2 * 9 + 2, 49 * 32 + 32),  # ⌊(7 + 2 − 3)/2⌋ + 1 = 4
    # A stack's Costs figures here are its focused (first) convolution's.
    "two-convolutions": ((1, 5, 5), 9, 49 * 25 + 25),
    "three-convolutions": ((1, 5, 5), 9, 49 * 25 + 25),
    "relu": ((1, 4, 4), 9, 592),
    "max-pooling": ((1, 4, 4), 9, 592),
    "average-pooling": ((1, 4, 4), 9, 592),
    "small-cnn": ((1, 6, 6), 9, 64 * 36 + 36),
    "convolution-transpose": ((1, 2, 2), 9, 16 * 4 + 4),
    "down-and-up": ((1, 2, 2), 4, 16 * 4 + 4),
    "learn-x-kernel": ((1, 4, 4), 9, 592),
    "learn-edge-kernel": ((1, 6, 6), 9, 64 * 36 + 36),
    "learning-rate-too-large": ((1, 4, 4), 9, 592),
}


def test_the_lessons_come_in_the_lessons_order():
    assert [lesson.name for lesson in lessons()] == ORDER
    assert [lesson.number for lesson in lessons()] == list(range(1, len(ORDER) + 1))
    for lesson in lessons():
        sentences = [s for s in lesson.note.replace("?", ".").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 5, lesson.name
        assert lesson.file.is_file(), lesson.name


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_lessons_figures(name):
    shape, parameters, fully_connected = FIGURES[name]
    scene = load_scene(lesson_named(name).file)
    costs = layer_costs(Studio(scene).evaluation)
    assert costs is not None
    assert costs.output_shape == shape
    assert costs.parameters == parameters
    if fully_connected is not None:
        assert costs.fully_connected_parameters == fully_connected


def test_the_lessons_large_fully_connected_layer():
    # The lesson's own numbers: a 1000×1000 RGB image into 1000 neurons.
    assert fully_connected_parameters(1000 * 1000 * 3, 1000) == 3_000_000_000 + 1000
    assert "3\u00a0000\u00a0000\u00a0000" in lesson_named("why-convolution").note


def test_convstudio_lessons_lists_them_in_order():
    result = run("lessons", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [entry["name"] for entry in listed] == ORDER
    assert set(listed[0]) == {"name", "title", "note", "file"}
    assert listed[1]["title"] == lesson_named("worked-example").title
    text = run("lessons").stdout
    assert text.index("why-convolution") < text.index("worked-example") < text.index("conv2d")


def test_a_lessons_name_works_wherever_a_scene_file_does(tmp_path):
    result = run("compute", "--json", "worked-example")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["output"][0][0][:2] == [429, 505]
    assert payload["fully_connected_parameters"] == 592
    frame = tmp_path / "stride.png"
    assert run("render", "stride", "-o", frame).returncode == 0
    assert frame.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    unknown = run("compute", "no-such-lesson")
    assert unknown.returncode == 2 and "no-such-lesson" in unknown.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json", "cannot be read"),
        ('{"format": "other", "version": 1, "lessons": []}', "not a ConvStudio lesson list"),
        ('{"format": "convstudio-lessons", "version": 2, "lessons": []}', "version 2"),
        ('{"format": "convstudio-lessons", "version": 1, "lessons": []}', "lists no lessons"),
        ('{"format": "convstudio-lessons", "version": 1, "lessons": [{"name": "a"}]}', "title"),
        (
            '{"format": "convstudio-lessons", "version": 1, "lessons": [{"name": "a", '
            '"title": "t", "note": "n", "file": "f", "step": -1}]}',
            "step",
        ),
        (
            '{"format": "convstudio-lessons", "version": 1, "lessons": [{"name": "a", '
            '"title": "t", "note": "n", "file": "f", "learning_rate": 0}]}',
            "learning_rate must be a number > 0",
        ),
        (
            '{"format": "convstudio-lessons", "version": 1, "lessons": [{"name": "a", '
            '"title": "t", "note": "n", "file": "f", "training_steps": 2.5}]}',
            "training_steps must be a whole number",
        ),
        (
            '{"format": "convstudio-lessons", "version": 1, "lessons": [{"name": "a", '
            '"title": "t", "note": "n", "file": "f", "backward": "yes"}]}',
            "backward must be true or false",
        ),
    ],
)
def test_a_damaged_lesson_list_says_what_is_wrong(tmp_path, text, words):
    path = tmp_path / "lessons.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonFileError, match=words):
        read_lessons(path)


@pytest.fixture
def lesson_window(qtbot):
    lesson = lesson_named("worked-example")
    window = MainWindow(Studio(load_scene(lesson.file)), lesson.file, remember_geometry=False)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda action: "discard"
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_lessons_menu_lists_them_in_order(lesson_window):
    menu = next(a.menu() for a in lesson_window.menuBar().actions() if a.text() == "&Lessons")
    titles = [a.text() for a in menu.actions() if a.text()[:1].isdigit()]
    assert titles == [f"{x.number}. {x.title}" for x in lessons()]


def test_next_and_previous_lesson_keys_go_through_the_lessons_with_their_notes(lesson_window):
    window = lesson_window
    assert window.note.isVisible()
    assert window.note.title.text().startswith(f"Lesson 2 of {len(ORDER)}: ")
    window.next_lesson_action.trigger()
    assert window.note.lesson.name == "no-padding-drawbacks"
    assert window.studio.document.scene.title == load_scene(lesson_named(ORDER[2]).file).title
    assert window.input_panel.show_counts  # the lesson about edges shows the counts
    assert window.path is None  # a copy: saving never writes into the app's own files
    window.previous_lesson_action.trigger()
    assert window.note.lesson.name == "worked-example"
    assert not window.input_panel.show_counts
    window.previous_lesson_action.trigger()
    window.previous_lesson_action.trigger()  # before the first: stays on the first
    assert window.note.lesson.name == "why-convolution"


def test_the_note_hides_and_is_hidden_while_presenting_unless_asked(lesson_window):
    window = lesson_window
    window.note_action.trigger()  # N
    assert not window.note.isVisible()
    window.note_action.trigger()
    assert window.note.isVisible()
    window.set_presenting(True, full_screen=False)
    QApplication.processEvents()
    assert not window.note.isVisible()
    window.note_action.trigger()  # asked for while presenting
    assert window.note.isVisible()
    window.set_presenting(False, full_screen=False)
    assert window.note.isVisible()


def test_a_scene_of_ones_own_has_no_note(lesson_window, tmp_path):
    from convstudio.model import save_scene

    path = tmp_path / "mine.json"
    save_scene(lesson_window.studio.document.scene, path)
    assert lesson_window.open_scene(path)
    assert lesson_window.note.lesson is None and not lesson_window.note.isVisible()


def test_a_training_lesson_opens_with_its_learning_rate_and_steps(qtbot):
    window = MainWindow(Studio(load_scene(scene_path(DEFAULT_SCENE))), remember_geometry=False)
    qtbot.addWidget(window)
    lesson = lesson_named("learn-edge-kernel")
    assert window.open_lesson(lesson)
    session = training_of(window.studio)
    assert (session.learning_rate, session.steps) == (0.00001, 1000)
    assert window.training_action.isChecked()  # a scene with a target opens its panel
    panel = window.training_panel
    assert panel.rate.text() == "0.00001" and panel.steps.value() == 1000
    # Opened as a file (the command line, File ▸ Open), a lesson's file sets them too.
    session.set_learning_rate(0.5)
    assert window.open_scene(lesson_named("learn-x-kernel").file)
    assert (session.learning_rate, session.steps) == (0.000005, 300)
    # And from the command line: the window made with the lesson's file.
    other = MainWindow(Studio(load_scene(lesson.file)), path=lesson.file, remember_geometry=False)
    qtbot.addWidget(other)
    assert training_of(other.studio).learning_rate == 0.00001
