"""Previews of kernel presets: what each does to a sample picture that ships with the app."""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
from PySide6.QtGui import QIcon, QImage, QPixmap

from ..model import KernelPreset, resource_dir
from ..model.presets import preset_preview

PREVIEW_SIDE = 40  # pixels of a preset's preview in the picker


@cache
def _sample_picture() -> np.ndarray | None:
    """The sample picture the previews show, ``(H, W, 3)``; None if it is missing."""
    image = QImage(str(resource_dir() / "kernels" / "sample.png"))
    if image.isNull():
        return None
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(bytes(image.constBits()), np.uint8)
    return data.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3)


def preview_icon(preset: KernelPreset) -> QIcon:
    """A small picture of what *preset* does to the sample picture (empty if it cannot)."""
    w = preset.weights
    return _preview_icon(w.tobytes(), w.shape)


# The picker is listed again each time it opens: a kernel's picture is made once.
@lru_cache(maxsize=256)
def _preview_icon(weights: bytes, shape: tuple[int, ...]) -> QIcon:
    preset = KernelPreset("", np.frombuffer(weights, np.float64).reshape(shape))
    rgb = _sample_picture()
    if rgb is None:
        return QIcon()
    grey = np.ascontiguousarray(preset_preview(preset, rgb))
    height, width = grey.shape
    image = QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(image))
