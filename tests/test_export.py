"""Exports: the numbers as CSV, frame timing, a rendered frame against the real window, and
the window's File ▸ Export actions (no modal dialog opens: the choosers are replaced)."""

from __future__ import annotations

import errno
import io
import json
import os

import numpy as np
import pytest

from convstudio.model import Scene, load_scene, scene_path
from convstudio.model.budget import MEMORY_BUDGET_BYTES, estimate_gif, most_gif_frames
from convstudio.model.export import (
    MAX_GIF_PIXELS,
    ExportError,
    check_gif_size,
    frame_ms,
    numbers_csv,
    run_positions,
)

WORKED = scene_path("worked-example")


def read_blocks(text: str) -> dict[str, np.ndarray]:
    """The CSV's blocks by header (the line after ``# ``), as arrays of floats."""
    blocks: dict[str, np.ndarray] = {}
    for chunk in text.strip("\n").split("\n\n"):
        header, *rows = chunk.split("\n")
        assert header.startswith("# "), chunk
        if rows:
            blocks[header[2:]] = np.array([[float(v) for v in row.split(",")] for row in rows])
        else:
            blocks[header[2:]] = np.empty((0, 0))
    return blocks


# ---------------------------------------------------------------- Qt-free


@pytest.mark.parametrize(
    ("speed", "ms"), [(2.0, 500), (1.0, 1000), (3.0, 330), (0.25, 4000), (30.0, 30), (60.0, 20)]
)
def test_frame_time_is_the_speed_in_whole_hundredths(speed, ms):
    assert frame_ms(speed) == ms


def test_a_run_is_one_frame_per_step_without_the_empty_step_0():
    assert list(run_positions(16)) == list(range(1, 17))
    assert list(run_positions(0)) == []


def test_a_gif_too_large_for_memory_is_refused_with_the_most_frames():
    check_gif_size(16, 1280, 720)
    check_gif_size(651, 1280, 720)
    with pytest.raises(ExportError, match=r"at most 651 frames at that size"):
        check_gif_size(MAX_GIF_PIXELS // (1280 * 720) + 1, 1280, 720)
    with pytest.raises(ExportError, match="no steps"):
        check_gif_size(0, 1280, 720)


def test_a_gif_is_counted_in_the_memory_budget():
    # The 13 s and 1.5 GB: the worked example's 16 steps at 7680×4320 (1.58 GB
    # measured, within 600 million pixels); 2 frames fit in 1 GB at that size.
    assert MAX_GIF_PIXELS > 16 * 7680 * 4320
    assert estimate_gif(16, 7680, 4320).memory_bytes > MEMORY_BUDGET_BYTES
    with pytest.raises(ExportError, match=r"16 frames at 7680×4320 .*at most 2 frames"):
        check_gif_size(16, 7680, 4320)
    check_gif_size(2, 7680, 4320)
    assert most_gif_frames(7680, 4320) == 2


def test_the_csv_round_trips_the_worked_example():
    scene = load_scene(WORKED)
    blocks = read_blocks(numbers_csv(scene))
    assert list(blocks) == ["input channel 1", "kernel 1 × channel 1", "output map 1"]
    np.testing.assert_array_equal(blocks["input channel 1"], scene.input[0])
    np.testing.assert_array_equal(blocks["kernel 1 × channel 1"], scene.kernels[0, 0])
    np.testing.assert_array_equal(blocks["output map 1"], scene.problem().output()[0])
    assert numbers_csv(scene).splitlines()[-4] == "429,505,686,856"


def test_the_csv_round_trips_channels_kernels_bias_and_groups():
    scene = load_scene(scene_path("rgb-two-kernels"))
    blocks = read_blocks(numbers_csv(scene))
    names = scene.channel_names
    for c, name in enumerate(names):
        np.testing.assert_array_equal(blocks[f"input {name}"], scene.input[c])
    for k in range(scene.kernels.shape[0]):
        for s, name in enumerate(names):
            np.testing.assert_array_equal(blocks[f"kernel {k + 1} × {name}"], scene.kernels[k, s])
    np.testing.assert_array_equal(blocks["bias"][0], scene.bias)
    output = scene.problem().output()
    for k in range(len(output)):
        np.testing.assert_array_equal(blocks[f"output map {k + 1}"], output[k])
    # Depthwise: kernel k multiplies channel k only, and says so.
    depthwise = load_scene(scene_path("depthwise"))
    headers = [h for h in read_blocks(numbers_csv(depthwise)) if h.startswith("kernel")]
    assert headers == [f"kernel {k + 1} × {n}" for k, n in enumerate(depthwise.channel_names)]


def test_the_csv_writes_fractions_exactly():
    scene = Scene(np.array([[0.1, 1 / 3], [-2.5, 1e-7]]), np.array([[0.5]]))
    blocks = read_blocks(numbers_csv(scene))
    np.testing.assert_array_equal(blocks["input channel 1"], scene.input[0])
    np.testing.assert_array_equal(blocks["output map 1"], scene.input[0] * 0.5)


def test_the_csv_of_impossible_settings_says_there_is_no_output():
    scene = Scene(np.ones((2, 2)), np.ones((3, 3)))
    text = numbers_csv(scene)
    assert text.splitlines()[-1].startswith("# output: none, the settings are impossible: ")
    assert "output map 1" not in text


# ---------------------------------------------------------------- the frame is the window


def grab_of_a_shown_window(qtbot, scene, size, position):
    """What a user sees: a MainWindow shown at *size*, at *position*, no focus box."""
    from PySide6.QtWidgets import QApplication

    from convstudio.model import Studio
    from convstudio.qt.main_window import MainWindow

    studio = Studio(scene)
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    studio.playback.seek(position)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    if QApplication.focusWidget() is not None:
        QApplication.focusWidget().clearFocus()
    QApplication.processEvents()
    assert (window.width(), window.height()) == size
    return window.grab().toImage()


def pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(bytes(rgb.constBits()), np.uint8)
    return data.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3].copy()


@pytest.mark.parametrize(
    ("name", "size", "step"),
    [("worked-example", (1280, 720), 5), ("rgb-two-kernels", (1280, 720), 3)],
)
def test_render_draws_exactly_what_the_window_shows(qtbot, tmp_path, name, size, step):
    from PySide6.QtGui import QImage
    from test_cli import run

    target = tmp_path / "frame.png"
    result = run(
        "render", scene_path(name), "-o", target, "--step", step, "--size", "{}x{}".format(*size)
    )
    assert result.returncode == 0, result.stderr
    rendered = pixels(QImage(str(target)))
    shown = pixels(grab_of_a_shown_window(qtbot, load_scene(scene_path(name)), size, step + 1))
    assert rendered.shape == shown.shape == (size[1], size[0] * 3)
    differing = np.count_nonzero(np.any(rendered != shown, axis=1))
    assert differing == 0, f"{differing} rows differ"


def test_the_smallest_window_is_refused_not_scaled(qapp):
    from convstudio.qt.export import FrameRenderer, FrameSizeError

    with pytest.raises(FrameSizeError) as caught:
        FrameRenderer(load_scene(WORKED), (640, 400))
    assert caught.value.size == (640, 400)
    assert caught.value.smallest[0] > 640


def test_render_png_writes_the_frame_of_a_step(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from convstudio.qt.app import render_png
    from convstudio.qt.export import render_frame_png

    scene = load_scene(WORKED)
    render_png(scene, tmp_path / "step.png", step=2, size=(1600, 900))
    image = QImage(str(tmp_path / "step.png"))
    assert (image.width(), image.height()) == (1600, 900)
    assert (tmp_path / "step.png").read_bytes() == render_frame_png(scene, (1600, 900), 3)


def test_an_impossible_scene_renders_as_the_window_shows_it(qapp):
    from PySide6.QtGui import QImage

    from convstudio.qt.export import render_frame_png

    data = render_frame_png(Scene(np.ones((2, 2)), np.ones((3, 3))), (1280, 720))
    assert not QImage.fromData(data).isNull()


# ---------------------------------------------------------------- the window's actions


@pytest.fixture
def export_window(qtbot, studio, monkeypatch):
    """A main window with the export actions on a File menu of its own, and the size and
    file choosers replaced: ``answers`` holds what the next file dialog returns."""
    from gui_helpers import FileDialogs
    from PySide6.QtWidgets import QMenu

    from convstudio.qt import export, file_dialog
    from convstudio.qt.main_window import MainWindow

    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    menu = QMenu(window)
    export.add_export_actions(window, menu)
    window.export_menu = menu
    window.answers = {"size": (1280, 720), "file": ""}
    monkeypatch.setattr(export, "choose_size", lambda w, title: window.answers["size"])
    dialogs = FileDialogs(monkeypatch)

    def answer(dialog) -> bool:  # "" cancels
        dialogs.answer = window.answers["file"] or None
        return dialogs._run(dialog)

    monkeypatch.setattr(file_dialog, "run", answer)
    return window


def trigger(window, text: str) -> None:
    (action,) = [a for a in window.export_menu.actions() if a.text().replace("&", "") == text]
    action.trigger()


def test_the_menu_has_the_three_exports(export_window):
    texts = [a.text().replace("&", "") for a in export_window.export_menu.actions()]
    assert texts == ["Export frame…", "Export run…", "Export numbers…"]


def test_export_frame_writes_the_current_step_at_the_chosen_size(export_window, tmp_path):
    from PySide6.QtGui import QImage

    export_window.studio.playback.seek(4)
    export_window.answers.update(size=(1920, 1080), file=str(tmp_path / "slide.png"))
    trigger(export_window, "Export frame…")
    image = QImage(str(tmp_path / "slide.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    assert not export_window.messages.isVisible()
    assert export_window.studio.playback.position == 4  # the window's own step is kept


def test_export_frame_adds_png_to_a_name_without_suffix(export_window, tmp_path):
    export_window.answers["file"] = str(tmp_path / "slide")
    trigger(export_window, "Export frame…")
    assert [p.name for p in tmp_path.iterdir()] == ["slide.png"]


def test_export_run_writes_one_frame_per_step_at_the_window_speed(export_window, tmp_path):
    from PIL import Image

    export_window.studio.playback.set_speed(4.0)
    export_window.answers["file"] = str(tmp_path / "run.gif")
    trigger(export_window, "Export run…")
    with Image.open(tmp_path / "run.gif") as gif:
        assert gif.n_frames == 16
        assert gif.size == (1280, 720)
        durations = []
        for i in range(gif.n_frames):
            gif.seek(i)
            durations.append(gif.info["duration"])
    assert durations == [250] * 16


def test_export_numbers_writes_the_csv(export_window, tmp_path):
    export_window.answers["file"] = str(tmp_path / "numbers.csv")
    trigger(export_window, "Export numbers…")
    text = (tmp_path / "numbers.csv").read_text(encoding="utf-8")
    assert text == numbers_csv(export_window.studio.document.scene)


def test_cancelling_a_chooser_writes_nothing(export_window, tmp_path):
    export_window.answers.update(size=None, file=str(tmp_path / "slide.png"))
    trigger(export_window, "Export frame…")
    export_window.answers.update(size=(1280, 720), file="")
    trigger(export_window, "Export run…")
    trigger(export_window, "Export numbers…")
    assert list(tmp_path.iterdir()) == []
    assert not export_window.messages.isVisible()


class _FullDisk:
    """The ``os`` module as the atomic writer sees it, with every write failing: a full disk."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def write(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize(
    ("action", "name", "problem", "expected"),
    [
        ("Export frame…", "slide.jpg", None, "Name the file .png, not “slide.jpg”"),
        ("Export run…", "run.png", None, "Name the file .gif, not “run.png”"),
        ("Export numbers…", "folder.csv", "folder", "it is a folder, not a file."),
        ("Export frame…", "slide.png", "full", "No space left on device. Nothing was written."),
        ("Export run…", "run.gif", "full", "No space left on device. Nothing was written."),
        ("Export numbers…", "n.csv", "full", "No space left on device. Nothing was written."),
        ("Export frame…", "slide.png", "small", "is smaller than the window can be"),
    ],
)
def test_a_failed_export_is_one_message_and_leaves_no_file(
    export_window, tmp_path, monkeypatch, action, name, problem, expected
):
    from convstudio.model import scene as scene_module

    target = tmp_path / name
    if problem == "folder":
        target.mkdir()
    elif problem == "full":
        monkeypatch.setattr(scene_module, "os", _FullDisk())
    elif problem == "small":
        export_window.answers["size"] = (640, 480)
    before = sorted(tmp_path.iterdir())
    export_window.answers["file"] = str(target)
    trigger(export_window, action)
    assert export_window.messages.isVisible()
    assert expected in export_window.messages.text()
    assert "\n" not in export_window.messages.text()
    assert sorted(tmp_path.iterdir()) == before  # no file, no temporary


def test_the_export_window_is_never_shown_on_a_screen(export_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from convstudio.qt import export

    made = []
    original = export.FrameRenderer.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self.window)

    monkeypatch.setattr(export.FrameRenderer, "__init__", spy)
    export_window.answers["file"] = str(tmp_path / "slide.png")
    trigger(export_window, "Export frame…")
    from PySide6.QtCore import Qt

    assert len(made) == 1
    assert made[0].testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    assert QApplication.activeWindow() is not made[0]


def test_an_export_changes_nothing_in_the_window(export_window, tmp_path):
    """The export draws a copy: the user's scene, step and speed stay as they were."""
    from convstudio.model import scene_to_dict

    studio = export_window.studio
    studio.playback.seek(7)
    before = json.dumps(scene_to_dict(studio.document.scene))
    export_window.answers["file"] = str(tmp_path / "run.gif")
    trigger(export_window, "Export run…")
    assert json.dumps(scene_to_dict(studio.document.scene)) == before
    assert studio.playback.position == 7
    assert not studio.document.can_undo
    assert io.BytesIO((tmp_path / "run.gif").read_bytes()).read(6) == b"GIF89a"


def test_a_presented_frame_hides_the_editing_controls(qtbot):
    from convstudio.model import load_scene, scene_path
    from convstudio.qt.export import FrameRenderer

    with FrameRenderer(load_scene(scene_path("worked-example")), (1280, 720), present=True) as r:
        window = r.window
        assert window.presenting
        assert not window.side_panel.isVisible() and not window.menuBar().isVisible()
        assert window.size().width() == 1280 and window.size().height() == 720
