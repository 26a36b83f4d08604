"""Installing ConvStudio as a teacher does: the wheel in a fresh environment, the icon, the
applications menu, and a damaged installation.

The wheel tests build the wheel, install it (and its dependencies, from pip's cache or the
registry) into a new virtual environment outside the checkout, and run the command line from
an empty folder. They take about a minute; ``-m "not packaging"`` leaves them out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import convstudio
from convstudio.model.desktop import desktop_entry, desktop_files
from convstudio.model.resources import (
    ICON_SIZES,
    DamagedInstallError,
    check_installation,
    icon_files,
)

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
VERSION = convstudio.__version__


def _env(**extra: str) -> dict[str, str]:
    """The environment of an installed copy: no display, no checkout on the path."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "VIRTUAL_ENV")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    env.update(extra)
    return env


def _run(args: list[str | Path], cwd: Path, timeout: float = 120, **extra: str):
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_env(**extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def _bin(environment: Path, name: str) -> Path:
    folder = environment / ("Scripts" if sys.platform == "win32" else "bin")
    return folder / (name + (".exe" if sys.platform == "win32" else ""))


# ---------------------------------------------------------------- the wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from this checkout with pip (hatchling, in an isolated build)."""
    out = tmp_path_factory.mktemp("dist")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT],
        cwd=out,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("convstudio-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment, outside the checkout, with the wheel installed."""
    environment = tmp_path_factory.mktemp("venv") / "env"
    venv.create(environment, with_pip=True)
    python = _bin(environment, "python")
    done = _run([python, "-m", "pip", "install", "-q", wheel], cwd=environment, timeout=900)
    assert done.returncode == 0, done.stderr
    return environment


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """An empty folder to run from: no file of the checkout around."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.mark.packaging
def test_the_wheel_holds_every_resource_and_the_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert shipped, "no resources in the checkout"
    missing = [n for n in shipped if f"convstudio/_resources/{n}" not in names]
    assert missing == []
    qm = sorted(p.name for p in (RESOURCES / "translations").glob("*.qm"))
    assert qm == ["convstudio_zh_CN.qm", "convstudio_zh_TW.qm"]
    for n in qm:
        assert f"convstudio/_resources/translations/{n}" in names
    for size in ICON_SIZES:
        assert f"convstudio/_resources/icons/convstudio-{size}.png" in names
    assert f"convstudio-{VERSION}.dist-info/licenses/LICENSE" in names
    metadata = zipfile.ZipFile(wheel).read(f"convstudio-{VERSION}.dist-info/METADATA").decode()
    assert f"Version: {VERSION}\n" in metadata  # hatch read convstudio.__version__
    assert "License-Expression: MIT\n" in metadata
    entry_points = zipfile.ZipFile(wheel).read(f"convstudio-{VERSION}.dist-info/entry_points.txt")
    # A console script: the command line prints on Windows too.
    assert "[console_scripts]\nconvstudio = convstudio.cli:main" in entry_points.decode()


@pytest.mark.packaging
def test_the_installed_wheel_runs_every_verb_from_anywhere(installed, elsewhere):
    convstudio_bin = _bin(installed, "convstudio")
    where = _run(
        [_bin(installed, "python"), "-c", "import convstudio; print(convstudio.__file__)"],
        cwd=elsewhere,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout  # not the checkout

    version = _run([convstudio_bin, "--version"], cwd=elsewhere)
    assert version.returncode == 0 and version.stdout.strip() == f"ConvStudio {VERSION}"

    lessons = _run([convstudio_bin, "lessons"], cwd=elsewhere)
    assert lessons.returncode == 0, lessons.stderr
    assert "worked-example" in lessons.stdout and "dilation" in lessons.stdout

    computed = _run([convstudio_bin, "compute", "worked-example", "--json"], cwd=elsewhere)
    assert computed.returncode == 0, computed.stderr
    assert json.loads(computed.stdout)["output"][0][0][0] == 429

    presets = _run([convstudio_bin, "presets"], cwd=elsewhere)
    assert presets.returncode == 0 and "Sobel x" in presets.stdout

    frame = elsewhere / "frame.png"
    drawn = _run([convstudio_bin, "render", "worked-example", "-o", frame], cwd=elsewhere)
    assert drawn.returncode == 0, drawn.stderr
    assert frame.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # In Chinese: the translations came with the wheel.
    chinese = _run([convstudio_bin, "lessons"], cwd=elsewhere, LC_ALL="zh_TW.UTF-8")
    assert "為什麼要卷積" in chinese.stdout
    assert list(elsewhere.iterdir()) == [frame]  # nothing else written where it ran


@pytest.mark.packaging
def test_a_damaged_installation_names_what_is_missing(installed, elsewhere):
    site = _run(
        [_bin(installed, "python"), "-c", "import convstudio; print(convstudio.__file__)"],
        cwd=elsewhere,
    )
    resources = Path(site.stdout.strip()).parent / "_resources"
    qm = resources / "translations" / "convstudio_zh_TW.qm"
    kept = elsewhere / "kept.qm"
    shutil.move(qm, kept)
    try:
        for args in (["lessons"], ["compute", "worked-example"], ["--install-desktop"]):
            result = _run([_bin(installed, "convstudio"), *args], cwd=elsewhere)
            assert result.returncode == 2
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
            assert "translations/convstudio_zh_TW.qm is missing" in result.stderr
    finally:
        shutil.move(kept, qm)
    moved = resources.with_name("_moved")
    resources.rename(moved)
    try:
        for language in ("C.UTF-8", "zh_TW.UTF-8"):
            result = _run(
                [_bin(installed, "convstudio"), "compute", "worked-example"],
                cwd=elsewhere,
                LC_ALL=language,
            )
            assert result.returncode == 2
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
            assert "_resources" in result.stderr
    finally:
        moved.rename(resources)


# ---------------------------------------------------------------- without building


def test_a_missing_resource_is_named(tmp_path, monkeypatch):
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    monkeypatch.setattr("convstudio.model.resources.resource_dir", lambda: copy)
    check_installation()  # whole: nothing said
    (copy / "icons" / "convstudio-48.png").unlink()
    with pytest.raises(DamagedInstallError, match=r"icons/convstudio-48\.png is missing"):
        check_installation()


def test_the_version_has_one_source():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "convstudio/__init__.py"
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    # The changelog's newest entry is this version.
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert first.split()[1] == VERSION


def test_the_icons_are_rendered_from_the_svg():
    files = icon_files()
    assert set(files) == {"scalable", *map(str, ICON_SIZES)}
    assert all(f.is_file() for f in files.values())
    # The committed PNGs are what scripts/render_icons.py draws from the SVG now.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_window_gets_the_icon(qapp):
    from PySide6.QtCore import QSize

    from convstudio.qt.about import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
    assert icon.pixmap(QSize(32, 32)).width() == 32


# ---------------------------------------------------------------- the applications menu


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return  # desktop-file-utils is not installed (scripts/setup --test installs it)
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="freedesktop menus are Linux's")
def test_install_desktop_writes_an_entry_and_icons_and_uninstall_removes_them(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {**_env(), "XDG_DATA_HOME": str(data), "HOME": str(home)}

    def convstudio(*args: str):
        return subprocess.run(
            [sys.executable, "-m", "convstudio", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = convstudio("--install-desktop")
    assert done.returncode == 0, done.stderr
    entry = data / "applications" / "convstudio.desktop"
    assert str(entry) in done.stdout
    _validate(entry)
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == f"Exec={Path(sys.executable).resolve()} -m convstudio %f"
    assert "Icon=convstudio\n" in text and "Name=ConvStudio\n" in text
    for size in ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "convstudio.png"
        assert icon.read_bytes() == icon_files()[str(size)].read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "convstudio.svg").is_file()
    assert not list(home.iterdir())  # XDG_DATA_HOME, not the home's own .local/share

    # A user's other entry stays; everything of ours goes, with the folders we made.
    other = data / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    done = convstudio("--uninstall-desktop")
    assert done.returncode == 0, done.stderr
    left = sorted(p.relative_to(data).as_posix() for p in data.rglob("*"))
    assert left == ["applications", "applications/other.desktop"]
    other.unlink()
    data.joinpath("applications").rmdir()

    again = convstudio("--uninstall-desktop")
    assert again.returncode == 0 and "not in your applications menu" in again.stdout
    assert not list(data.iterdir())


@pytest.mark.skipif(sys.platform != "linux", reason="freedesktop menus are Linux's")
def test_a_launcher_path_with_spaces_and_quotes_is_quoted(tmp_path):
    files = desktop_files(tmp_path)
    files["entry"].parent.mkdir(parents=True)
    odd = str(tmp_path / 'my "apps" $HOME' / "100% convstudio")
    text = desktop_entry([odd, "-m", "convstudio"])
    files["entry"].write_text(text, encoding="utf-8")
    _validate(files["entry"])
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    # Quoted, with ", $ and \ escaped, then the value's backslashes doubled; % doubled.
    inner = odd.replace("%", "%%").replace('"', '\\\\"').replace("$", "\\\\$")
    assert exec_line == f'Exec="{inner}" -m convstudio %f'


def test_install_desktop_is_refused_off_linux(monkeypatch, capsys):
    from convstudio import cli

    monkeypatch.setattr(cli.sys, "platform", "win32")
    assert cli.main(["--install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--install-desktop is for Linux" in err
