"""Connect a Qt object to model signals for exactly as long as the object lives."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


def bind(owner: QObject, signal: Any, slot: Callable[..., Any]) -> None:
    """Connect psygnal *signal* to *slot*, and disconnect it when *owner* is destroyed.

    Without this, a model outliving a closed view would call into a deleted C++ object.
    """
    signal.connect(slot)

    def _disconnect(*_: object) -> None:
        with contextlib.suppress(ValueError):  # already disconnected
            signal.disconnect(slot)

    owner.destroyed.connect(_disconnect)
