"""Images as inputs: limits, channels, and the region a student steps through.

Decoding the file is the Qt layer's job; this module works on the pixels.
"""

from __future__ import annotations

import numpy as np

from ..engine import ConvSettingsError
from .document import MAX_GRID
from .scene import Scene

MAX_IMAGE_SIDE = 4096


class ImageError(ValueError):
    """An image that cannot be used; ``str()`` says why in plain words."""


def check_image_size(width: int, height: int) -> None:
    """Refuse images too large to convolve at once.

    Raises
    ------
    ImageError
        For an empty image, or one wider or taller than 4096 pixels.
    """
    if width < 1 or height < 1:
        raise ImageError("The image is empty.")
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ImageError(
            f"The image is {width}×{height} pixels; ConvStudio takes images up to "
            f"{MAX_IMAGE_SIDE}×{MAX_IMAGE_SIDE}. Scale it down first."
        )


def as_channels(rgb: np.ndarray, channels: int) -> np.ndarray:
    """*rgb* ``(H, W, 3)`` as ``(channels, H, W)``: R, G, B for 3, grey copies otherwise."""
    if channels == 3:
        return np.moveaxis(rgb.astype(np.float64), -1, 0)
    # ITU-R BT.601 luma: the grey a photo editor makes.
    grey = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    return np.repeat(np.round(grey)[None], channels, axis=0)


def image_output(scene: Scene, rgb: np.ndarray) -> np.ndarray:
    """The scene's kernels and settings applied to the whole image, ``(C_out, H', W')``.

    Raises
    ------
    ConvSettingsError
        When the scene's settings cannot run on the image.
    """
    # float32: a picture needs no more, and it is about twice as fast as float64.
    return scene.problem(as_channels(rgb, scene.input.shape[0])).compute(np.float32)


def region_scene(
    scene: Scene, rgb: np.ndarray, top: int, left: int, rows: int, cols: int, colour: bool
) -> Scene:
    """*scene* with its input replaced by a region of the image (at most 32×32).

    *colour* keeps R, G and B as three channels; otherwise one grey channel. The kernels
    follow the new number of channels (slices added as zeros or dropped).

    Raises
    ------
    ImageError
        When the region lies outside the image or is larger than 32×32.
    """
    height, width = rgb.shape[:2]
    if not (1 <= rows <= MAX_GRID and 1 <= cols <= MAX_GRID):
        raise ImageError(f"A region can be 1 to {MAX_GRID} pixels on each side.")
    if top < 0 or left < 0 or top + rows > height or left + cols > width:
        raise ImageError("The region must lie inside the image.")
    pixels = rgb[top : top + rows, left : left + cols]
    channels = 3 if colour else 1
    x = as_channels(pixels, channels)
    kernels = scene.kernels
    groups = scene.groups if channels % scene.groups == 0 else 1
    depth = channels // groups
    if kernels.shape[1] != depth:
        grown = np.zeros((kernels.shape[0], depth, *kernels.shape[2:]))
        keep = min(depth, kernels.shape[1])
        grown[:, :keep] = kernels[:, :keep]
        if depth > kernels.shape[1]:
            # A grey kernel used on colour: the same weights on every channel.
            grown[:, keep:] = kernels[:, :1]
        kernels = grown
    return scene.replace(
        input=x,
        kernels=kernels,
        groups=groups,
        channel_names=("R", "G", "B") if colour else (),
        title=f"Image region {rows}×{cols} at row {top + 1}, column {left + 1}",
    )


__all__ = [
    "MAX_IMAGE_SIDE",
    "ConvSettingsError",
    "ImageError",
    "as_channels",
    "check_image_size",
    "image_output",
    "region_scene",
]
