"""Which ConvStudio this is, and which one wrote a file.

Every file the app writes carries ``"written_by": "ConvStudio X.Y.Z"`` beside its
``format`` and ``version``. The ``version`` decides whether a file can be read; ``written_by``
only lets a refusal name the ConvStudio to install (and a teacher tell whose copy made it).
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from .numbers import shortened

#: This ConvStudio's version (one source: ``convstudio.__version__``).
APP_VERSION = __version__
#: What every written file says in ``written_by``.
WRITTEN_BY = f"ConvStudio {__version__}"


def written_by(data: Any) -> str | None:
    """The ``written_by`` of a file's JSON object, quoted short, or ``None`` if it has none."""
    if isinstance(data, dict) and isinstance(data.get("written_by"), str):
        return shortened(data["written_by"]) or None
    return None


__all__ = ["APP_VERSION", "WRITTEN_BY", "written_by"]
