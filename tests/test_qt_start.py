"""The app always starts, whatever the user's own files are: each damaged-data case starts
the real window (``convstudio`` in a subprocess, offscreen, over a temporary home), which
shows, says what it found in one summed-up line, and quits without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from convstudio.model import scene_path

HERE = Path(__file__).resolve().parent
DATA = Path("data") / "ConvStudio" / "ConvStudio"  # the data folder, under the home
SETTINGS = Path("config") / "ConvStudio" / "ConvStudio.conf"


def home_env(home: Path, **more: str) -> dict[str, str]:
    """The environment of a user whose home is *home*: never the real user's folders."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_DATA_HOME")
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
    )
    env.update(more)
    return env


def start(home: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    """Start the window over *home*; return what its message bar said. It must show, close,
    and write no traceback."""
    result = subprocess.run(
        [sys.executable, str(HERE / "start_window.py"), *args],
        env=env or home_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "CLOSED", result.stdout + result.stderr
    (shown,) = [line for line in lines if line.startswith("SHOWN ")]
    said = json.loads(shown.removeprefix("SHOWN "))
    assert isinstance(said, dict)
    return said


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def kept_geometry(home: Path) -> bool:
    """Whether the window's place was written on quitting."""
    return "geometry=@ByteArray(" in (home / SETTINGS).read_text(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------- autosave files


@pytest.mark.parametrize("link", ["dangling", "loop"])
def test_a_broken_link_as_an_autosave_file_is_set_aside(tmp_path, link):
    data = tmp_path / DATA
    data.mkdir(parents=True)
    file = data / f"autosave-{dead_pid()}.json"
    file.symlink_to(tmp_path / "gone.json" if link == "dangling" else file.name)
    said = start(tmp_path)
    assert "could not be read" in said["message"]
    assert file.name in said["message"]
    assert not os.path.lexists(file)
    (kept,) = data.glob("autosave-*.damaged-*.json")
    assert kept.is_symlink()  # set aside as it was, not followed


def test_left_behind_lists_broken_links_without_raising(tmp_path):
    from convstudio.model.userfiles import Autosave

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / f"autosave-{dead_pid()}.json").symlink_to(folder / "missing.json")
    loop = folder / f"autosave-{dead_pid()}.json"
    loop.symlink_to(loop.name)
    assert len(Autosave(folder).left_behind()) == 2


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "value",
    ["hello", "@ByteArray(", "@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)"],
    ids=["text", "cut-off bytes", "int"],
)
def test_a_damaged_setting_is_ignored_and_said_once(tmp_path, value):
    settings = tmp_path / SETTINGS
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[window]\ngeometry={value}\n", encoding="utf-8")
    said = start(tmp_path)
    assert said["message"] == (
        "A remembered setting (window/geometry) was damaged, so it was ignored and the "
        "default is used."
    )
    assert kept_geometry(tmp_path)  # written over with a good one on quitting
    assert start(tmp_path)["message"] == ""  # and so said once


def test_a_damaged_language_is_said_at_one_start_only(tmp_path):
    settings = tmp_path / SETTINGS
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)\n")
    assert "(language) was damaged" in str(start(tmp_path)["message"])
    assert start(tmp_path)["message"] == ""


def test_every_setting_is_read_for_its_type(qtbot, monkeypatch):
    from PySide6.QtCore import QByteArray, QSettings

    from convstudio.qt import settings

    monkeypatch.setattr(settings, "_said", set())
    monkeypatch.setattr(settings, "_pending", [])
    stored = QSettings()
    stored.setValue("test/bytes", 5)
    stored.setValue("test/text", QByteArray(b"x"))
    stored.setValue("test/list", [1, "a"])
    stored.setValue("test/one", "only")
    stored.sync()
    assert settings.read("test/bytes", QByteArray) is None
    assert settings.read("test/text", str) is None
    assert settings.read("test/list", list) == []
    assert settings.read("test/one", list) == ["only"]  # one item comes back as bare text
    assert settings.read("test/absent", str) is None
    assert not stored.contains("test/bytes")  # forgotten: the next start is not told again
    assert settings.read("test/bytes", QByteArray) is None  # asked twice: said once
    assert [n.subject for n in settings.take_notices()] == ["test/bytes", "test/text", "test/list"]
    assert settings.take_notices() == []
    stored.remove("test")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_the_settings_file_does_not_hang_the_start(tmp_path):
    settings = tmp_path / SETTINGS
    settings.parent.mkdir(parents=True)
    os.mkfifo(settings)
    said = start(tmp_path)  # within the timeout: nothing waits on the pipe
    assert said["message"].startswith(
        "Your settings (the window's place, the language) cannot be read or kept: "
    )
    assert "is not a regular file" in said["message"]


# ---------------------------------------------------------------- the data folder


def test_an_unreadable_data_folder_starts_and_says_so(tmp_path):
    data = tmp_path / DATA
    (data / "kernels").mkdir(parents=True)
    try:
        said = start(tmp_path, "--deny", str(data))
    finally:
        data.chmod(0o755)
    assert "Your unsaved work cannot be kept" in said["message"]
    assert "Permission denied" in said["message"]


@pytest.mark.parametrize("damage", ["data folder a file", "share a file", "data folder a loop"])
def test_a_data_folder_that_cannot_be_used_is_said_once_and_quitting_works(tmp_path, damage):
    env = home_env(tmp_path)
    if damage == "data folder a file":
        (tmp_path / DATA).parent.mkdir(parents=True)
        (tmp_path / DATA).write_text("not a folder")
    elif damage == "share a file":
        del env["XDG_DATA_HOME"]  # ~/.local/share, as on most systems
        (tmp_path / ".local").mkdir()
        (tmp_path / ".local" / "share").write_text("not a folder")
    else:
        (tmp_path / DATA).parent.mkdir(parents=True)
        (tmp_path / DATA).symlink_to(tmp_path / DATA)
    said = start(tmp_path, env=env)  # and no traceback from closeEvent
    assert said["message"].startswith("Your unsaved work cannot be kept in case ConvStudio")
    assert said["message"].endswith("Scenes you save yourself are kept.")
    assert kept_geometry(tmp_path)  # the quit went all the way


def test_autosave_that_fails_is_said_once(qtbot, studio, tmp_path):
    from convstudio.model.userfiles import Autosave
    from convstudio.qt.main_window import DISCARD, MainWindow

    folder = tmp_path / "data"
    window = MainWindow(studio, remember_geometry=False, autosave=Autosave(folder))
    qtbot.addWidget(window)
    window.show()
    assert not window.messages.isVisible()
    folder.write_text("made a file after the start")
    studio.document.set_input_value(0, 0, 0, 99)
    window.autosave_now()
    assert "Your unsaved work cannot be kept" in window.messages.text()
    window.messages.hide()
    studio.document.set_input_value(0, 0, 0, 98)
    window.autosave_now()
    assert not window.messages.isVisible()
    window.ask_unsaved = lambda action: DISCARD
    assert window.close()  # forgetting the autosave does not raise


def test_the_probe_names_what_is_in_the_way(tmp_path):
    from convstudio.model.files import folder_problem

    assert folder_problem(tmp_path / "new" / "deeper") is None  # made when needed
    (tmp_path / "file").write_text("x")
    assert folder_problem(tmp_path / "file") == f"{tmp_path / 'file'} is a file, not a folder"
    assert folder_problem(tmp_path / "file" / "a" / "b") == (
        f"{tmp_path / 'file'} is a file, not a folder"
    )
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert "cannot be used" in (folder_problem(tmp_path / "loop" / "x") or "")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert "cannot be used" in (folder_problem(tmp_path / "dangling") or "")


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = home_env(home)
    del env["QT_QPA_PLATFORM"]
    return subprocess.run(
        [sys.executable, str(HERE / "denied_cli.py"), str(home / DATA), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_presets_and_compute_with_an_unreadable_data_folder(tmp_path):
    data = tmp_path / DATA
    (data / "kernels").mkdir(parents=True)
    try:
        presets = run_cli(tmp_path, "presets")
        compute = run_cli(
            tmp_path, "compute", str(scene_path("worked-example")), "--kernel", "mine"
        )
        builtin = run_cli(
            tmp_path, "compute", str(scene_path("worked-example")), "--kernel", "Sobel x"
        )
    finally:
        data.chmod(0o755)
    for result in (presets, compute, builtin):
        assert "Traceback" not in result.stderr, result.stderr
    assert presets.returncode == 0
    assert "Sobel x" in presets.stdout
    warning = presets.stderr.splitlines()
    assert len(warning) == 1 and warning[0].startswith(
        "convstudio: warning: Your saved kernels cannot be read: "
    )
    assert compute.returncode == 2
    assert compute.stderr.splitlines()[-1].startswith(
        "convstudio: error: there is no kernel preset or file “mine”"
    )
    assert builtin.returncode == 0, builtin.stderr


def test_the_library_says_when_its_folder_cannot_be_listed(tmp_path):
    from convstudio.model.library import KernelLibrary

    (tmp_path / "kernels").write_text("a file where the folder should be")
    library = KernelLibrary(tmp_path / "kernels")
    found = library.scan()
    assert found.entries == [] and found.damaged == []
    assert found.unreadable is not None and "is a file, not a folder" in found.unreadable
    (said,) = library.tidy()
    assert said == found.unreadable and said.subject == "kernels"


# ---------------------------------------------------------------- several at once


def damage_three(tmp_path: Path) -> None:
    """A damaged kernel file, a damaged kernels.json and a damaged autosave."""
    data = tmp_path / DATA
    (data / "kernels").mkdir(parents=True)
    (data / "kernels" / "broken.json").write_text('{"format": "convstudio-kernel", ')
    (data / "kernels.json").write_text("[[[")
    (data / f"autosave-{dead_pid()}.json").write_text('{"format": ')


def test_several_start_up_warnings_are_summed_up_with_the_list_behind(tmp_path):
    damage_three(tmp_path)
    said = start(tmp_path)
    assert said["message"].startswith("3 files set aside at start: ")
    for name in ("broken.json", "kernels.json", "autosave-"):
        assert name in said["message"]
    assert said["details"] is True
    listed = str(said["list"]).split("\n\n")
    assert len(listed) == 3
    assert all("could not be read" in sentence for sentence in listed)


def test_two_hundred_damaged_kernel_files_are_one_line(tmp_path):
    kernels = tmp_path / DATA / "kernels"
    kernels.mkdir(parents=True)
    for n in range(200):
        (kernels / f"k{n:03}.json").write_text("{")
    said = start(tmp_path)
    assert said["message"] == (
        "200 files set aside at start: k000.json, k001.json, k002.json and 197 more."
    )
    assert len(str(said["list"]).split("\n\n")) == 200


def test_the_summary_wording():
    from convstudio.model.notices import Notice, summed_up

    one = Notice("The file a.json could not be read.", "a.json", set_aside=True)
    assert summed_up([one]) == "The file a.json could not be read."
    two = [one, Notice("The setting was damaged.", "window/geometry")]
    assert summed_up(two) == "2 problems at start: a.json, window/geometry."
    assert summed_up(["A plain sentence.", "Another."]) == "2 problems at start."
    assert summed_up([]) == ""


def test_a_message_after_start_replaces_the_summary(qtbot, studio):
    from convstudio.model.notices import Notice
    from convstudio.qt.main_window import MainWindow

    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    bar = window.messages
    bar.add_notice(Notice("First.", "a.json", set_aside=True))
    assert bar.text() == "First." and not bar.details_button.isVisible()
    bar.add_notice(Notice("Second.", "b.json", set_aside=True))
    assert bar.text() == "2 files set aside at start: a.json, b.json."
    assert bar.details_button.isVisible()
    bar.details_button.click()
    assert bar.details is not None and bar.details.isVisible()
    assert bar.details_text() == "First.\n\nSecond."
    # A later edit leaves what start-up found in place; a refusal replaces it.
    studio.document.set_input_value(0, 0, 0, 7)
    assert bar.isVisible() and bar.notices
    bar.show_message("Refused.")
    assert bar.text() == "Refused." and not bar.details_button.isVisible()
    bar.details.close()


# ---------------------------------------------------------------- a display nobody answers at


def test_a_leftover_wayland_display_is_one_clear_line(tmp_path):
    env = home_env(tmp_path, WAYLAND_DISPLAY="wayland-87", XDG_RUNTIME_DIR=str(tmp_path))
    del env["QT_QPA_PLATFORM"]
    result = subprocess.run(
        [sys.executable, "-m", "convstudio"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "convstudio: error: there is no Wayland compositor answering at "
        "WAYLAND_DISPLAY=wayland-87, and DISPLAY is not set, so the window cannot open; "
        "“convstudio render SCENE.json -o frame.png” draws a frame without one"
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="Wayland is Linux")
def test_the_probe_finds_a_listening_compositor(tmp_path, monkeypatch):
    import socket

    from convstudio.cli import wayland_display_answers

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert not wayland_display_answers("wayland-5")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-5"))
        server.listen(1)
        assert wayland_display_answers("wayland-5")
        assert wayland_display_answers(str(tmp_path / "wayland-5"))
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert not wayland_display_answers("wayland-5")


def test_the_details_button_speaks_the_language_chosen(qtbot, studio):
    from convstudio.qt.language import install_language
    from convstudio.qt.main_window import MainWindow

    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    button = window.messages.details_button
    assert button.text() == "Details…"
    try:
        install_language("zh_TW")
        qtbot.waitUntil(lambda: button.text() == "詳細資訊…")
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: button.text() == "Details…")
