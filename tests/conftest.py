"""Shared test set-up: Qt runs offscreen, and the user's settings are never touched."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings writes window geometry under XDG_CONFIG_HOME: keep it out of the user's home.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convstudio-test-config-")
# The user's saved kernels live under XDG_DATA_HOME.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="convstudio-test-data-")
# The tests read English words; a developer's LANG=zh_TW.UTF-8 must not change them (the
# tests of the translations ask for their language themselves).
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

import pytest


@pytest.fixture
def studio():
    """A fresh studio on the lesson's worked example (6×6 input, 3×3 kernel, 4×4 output)."""
    from convstudio.model import DEFAULT_SCENE, Studio, load_scene, scene_path

    return Studio(load_scene(scene_path(DEFAULT_SCENE)))


@pytest.fixture
def messages() -> list[str]:
    """Collects the sentences a view reports (a refused edit, an unreadable file)."""
    return []


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """The windows' questions never open a modal dialog in a test: each is recorded here and
    answered "discard" (unsaved changes) or "no" (restore earlier work). A test that needs
    another answer sets ``window.ask_unsaved`` / ``window.ask_restore`` itself."""
    asked: list[str] = []
    try:
        from convstudio.qt import main_window
    except ImportError:  # the Qt-free tests run without Qt's libraries too
        return asked

    def unsaved(self, action):
        asked.append(action)
        return main_window.DISCARD

    def restore(self, recovered):
        asked.append(f"restore {recovered.scene.title}")
        return False

    monkeypatch.setattr(main_window.MainWindow, "_ask_unsaved_dialog", unsaved)
    monkeypatch.setattr(main_window.MainWindow, "_ask_restore_dialog", restore)
    return asked
