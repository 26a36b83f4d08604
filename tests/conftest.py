"""Shared test set-up: Qt runs offscreen, and the user's settings are never touched."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings writes window geometry under XDG_CONFIG_HOME: keep it out of the user's home.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convstudio-test-config-")
# The user's saved kernels live under XDG_DATA_HOME.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="convstudio-test-data-")

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
