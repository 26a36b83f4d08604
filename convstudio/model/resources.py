"""Where the files the app loads at run time live: a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

from .i18n import translate

_PACKAGE = Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    """The ``resources`` folder: inside the package when installed, at the top of a checkout."""
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        translate("Resources", "ConvStudio's resources folder is missing from this installation.")
    )


def scene_path(name: str) -> Path:
    """Path of the lesson scene *name* (without ``.json``)."""
    return resource_dir() / "scenes" / f"{name}.json"


DEFAULT_SCENE = "worked-example"
# Qt's organisation and application names: they name the per-user folders (settings,
# saved kernels, unsaved work) for the window and the command line alike.
APP_NAME = "ConvStudio"
