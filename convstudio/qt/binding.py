"""Connect a Qt object to model signals for exactly as long as the object lives."""

from __future__ import annotations

import contextlib
import inspect
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


def bind(owner: QObject, signal: Any, slot: Callable[..., Any]) -> None:
    """Connect psygnal *signal* to *slot*, and disconnect it when *owner* is destroyed.

    Without this, a model outliving a closed view would call into a deleted C++ object.
    The disconnecting closure holds a bound *slot* weakly: a strong reference, kept by
    the owner's own ``destroyed`` connection, would keep an owner that Python alone owns
    (no Qt parent) alive and connected for ever.
    """
    signal.connect(slot)
    # A plain function holds nothing alive that matters: keep it as it is.
    ref: Callable[[], Callable[..., Any] | None] = (
        weakref.WeakMethod(slot) if inspect.ismethod(slot) else lambda: slot
    )

    def _disconnect(*_: object) -> None:
        callback = ref()
        if callback is not None:
            with contextlib.suppress(ValueError):  # already disconnected
                signal.disconnect(callback)

    owner.destroyed.connect(_disconnect)
