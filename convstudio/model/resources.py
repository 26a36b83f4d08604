"""Where the files the app loads at run time live: a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

from .i18n import LANGUAGES, translate

_PACKAGE = Path(__file__).resolve().parent.parent


class DamagedInstallError(FileNotFoundError):
    """A file the app ships is missing; ``str()`` names it, in one line."""


def resource_dir() -> Path:
    """The ``resources`` folder: inside the package when installed, at the top of a checkout."""
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise DamagedInstallError(
        translate(
            "Resources",
            "ConvStudio's installation is damaged: its resources folder {0} is missing. "
            "Install ConvStudio again.",
        ).format(_PACKAGE / "_resources")
    )


#: The sizes of the app's icon as PNG (``icons/convstudio-N.png``), as desktops ask for them.
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icon_files() -> dict[str, Path]:
    """The app's icon: ``"scalable"`` (the SVG source) and ``"16"`` … ``"256"`` (PNGs)."""
    folder = resource_dir() / "icons"
    files = {str(n): folder / f"convstudio-{n}.png" for n in ICON_SIZES}
    return {"scalable": folder / "convstudio.svg", **files}


def check_installation() -> None:
    """Refuse, naming the first missing file, an installation that lost part of its resources.

    A few dozen ``stat`` calls: cheap enough for every start, and a damaged copy (a file
    deleted by hand, an unzipped wheel cut short) says what it lacks before anything fails
    deeper down.

    Raises
    ------
    DamagedInstallError
        Naming the file missing (relative to the resources folder).
    """
    folder = resource_dir()
    needed = [
        folder / "lessons.json",
        folder / "kernels" / "presets.json",
        folder / "kernels" / "sample.png",
        *icon_files().values(),
        *(folder / "translations" / f"convstudio_{code}.qm" for code in LANGUAGES if code != "en"),
    ]
    scenes = folder / "scenes"
    if scenes.is_dir():
        needed.append(scene_path(DEFAULT_SCENE))
    else:
        needed.append(scenes)
    for path in needed:
        if not path.exists():
            raise DamagedInstallError(
                translate(
                    "Resources",
                    "ConvStudio's installation is damaged: {0} is missing from {1}. "
                    "Install ConvStudio again.",
                ).format(path.relative_to(folder).as_posix(), folder)
            )


def scene_path(name: str) -> Path:
    """Path of the lesson scene *name* (without ``.json``)."""
    return resource_dir() / "scenes" / f"{name}.json"


DEFAULT_SCENE = "worked-example"
# Qt's organisation and application names: they name the per-user folders (settings,
# saved kernels, unsaved work) for the window and the command line alike.
APP_NAME = "ConvStudio"
