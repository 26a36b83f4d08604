"""Which ConvStudio this is: in every file it writes, in a refusal of a newer file, on the
command line and in Help ▸ About."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import convstudio
from convstudio.model import Scene, SceneFileError, load_scene, save_scene, scene_path
from convstudio.model.presets import (
    KernelPreset,
    PresetFileError,
    load_kernel_file,
    load_presets,
    save_kernel_file,
    save_presets,
)
from convstudio.model.userfiles import Autosave, read_autosave
from convstudio.model.version import WRITTEN_BY

VERSION = convstudio.__version__
FUTURE = "ConvStudio 9.1.0"


def test_the_version_is_a_release_number():
    parts = VERSION.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts)
    assert f"ConvStudio {VERSION}" == WRITTEN_BY


def test_every_file_written_says_which_convstudio_wrote_it(tmp_path):
    scene = load_scene(scene_path("worked-example"))
    save_scene(scene, tmp_path / "scene.json")
    save_kernel_file(KernelPreset("k", np.eye(3)), tmp_path / "kernel.json")
    save_presets([KernelPreset("k", np.eye(3))], tmp_path / "kernels.json")
    autosave = Autosave(tmp_path / "data")
    autosave.write(scene, None)
    for path in (tmp_path / "scene.json", tmp_path / "kernel.json", tmp_path / "kernels.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["written_by"] == WRITTEN_BY
    saved = json.loads(autosave.path.read_text(encoding="utf-8"))
    assert saved["written_by"] == WRITTEN_BY
    assert saved["scene"]["written_by"] == WRITTEN_BY
    # ... and each reads back.
    assert load_scene(tmp_path / "scene.json").same_as(scene)
    assert load_kernel_file(tmp_path / "kernel.json").name == "k"
    assert [p.name for p in load_presets(tmp_path / "kernels.json")] == ["k"]
    assert read_autosave(autosave.path).scene.same_as(scene)


def _future_scene(path, **changes):
    data = {
        "format": "convstudio-scene",
        "version": 3,
        "written_by": FUTURE,
        "input": [[1, 2], [3, 4]],
        "kernels": [[1]],
        **changes,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_scene_from_a_newer_convstudio_names_both_versions(tmp_path):
    path = _future_scene(tmp_path / "future.json", shape="hexagonal")
    with pytest.raises(SceneFileError) as caught:
        load_scene(path)
    text = str(caught.value)
    assert f"made by {FUTURE}; this is ConvStudio {VERSION}" in text
    assert "(version 3)" in text and f"Install {FUTURE} or newer" in text
    assert "\n" not in text


def test_a_newer_scene_without_its_writer_keeps_the_plain_refusal(tmp_path):
    path = _future_scene(tmp_path / "future.json", written_by=None)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["written_by"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SceneFileError, match="newer ConvStudio"):
        load_scene(path)


def test_a_kernel_file_from_a_newer_convstudio_names_both_versions(tmp_path):
    path = tmp_path / "kernel.json"
    for data in (
        {"format": "convstudio-kernel", "version": 3, "written_by": FUTURE, "name": "k"},
        {"format": "convstudio-kernels", "version": 3, "written_by": FUTURE, "kernels": []},
    ):
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(PresetFileError) as caught:
            load_kernel_file(path)
        assert f"made by {FUTURE}; this is ConvStudio {VERSION}" in str(caught.value)


def test_an_autosave_from_a_newer_convstudio_names_it(tmp_path):
    autosave = Autosave(tmp_path)
    autosave.write(Scene(np.ones((2, 2)), np.ones((1, 1))), None)
    data = json.loads(autosave.path.read_text(encoding="utf-8"))
    data.update(version=2, written_by=FUTURE)
    autosave.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SceneFileError) as caught:
        read_autosave(autosave.path)
    assert f"was made by {FUTURE}; this is ConvStudio {VERSION}" in str(caught.value)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("C.UTF-8", f"This scene was made by {FUTURE}; this is ConvStudio {VERSION}"),
        ("zh_TW.UTF-8", f"這個場景是 {FUTURE} 做的；這裡是 ConvStudio {VERSION}"),
        ("zh_CN.UTF-8", f"这个场景是 {FUTURE} 做的；这里是 ConvStudio {VERSION}"),
    ],
)
def test_the_command_line_refuses_a_newer_scene_in_one_line(tmp_path, language, words):
    from test_cli import headless_env

    path = _future_scene(tmp_path / "future.json")
    for args in (["compute", str(path)], ["render", str(path), "-o", str(tmp_path / "f.png")]):
        result = subprocess.run(
            [sys.executable, "-m", "convstudio", *args],
            env={**headless_env(), "LC_ALL": language},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert words in result.stderr
    assert not (tmp_path / "f.png").exists()


# ---------------------------------------------------------------- Help ▸ About


def test_help_about_shows_the_version_the_licences_and_a_copyable_report(qtbot, studio):
    import numpy
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    from convstudio.qt.about import THIRD_PARTY, AboutDialog
    from convstudio.qt.main_window import MainWindow

    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    assert [a.text() for a in help_menu.actions()] == ["&Keys", "&About ConvStudio"]

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About ConvStudio"
    assert dialog.title.text() == f"ConvStudio {VERSION}"
    for name, licence in THIRD_PARTY:
        assert f"{name}: {licence}" in dialog.licences.text()
    assert "LGPL-3.0" in dialog.licences.text()
    report = dialog.report.toPlainText()
    for line in (
        f"ConvStudio {VERSION}",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"numpy {numpy.__version__}",
        "pyqtgraph ",
        "psygnal ",
        "Pillow ",
    ):
        assert line in report
    assert "?" not in report  # every version found
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.title)))
    assert "MIT" in texts and "卷積神經網路學習1 卷積層" in texts
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report


def test_about_speaks_chinese(qtbot):
    from convstudio.qt.about import AboutDialog
    from convstudio.qt.language import install_language

    install_language("zh_TW")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "關於 ConvStudio"
        assert "授權：MIT" in " ".join(
            label.text() for label in dialog.findChildren(type(dialog.title))
        )
    finally:
        install_language("en")
