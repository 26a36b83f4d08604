"""Images as inputs: limits, channels, the whole-image result, and the region a student steps.

Decoding the file is the Qt layer's job; this module says which files may be decoded (a
PNG or JPEG by its first bytes, whole, of bounded size and memory) and works on the pixels.
The whole-image result is computed in bands of output rows, so that a caller on another
thread can show progress and stop it between bands.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..engine import ConvGeometry, ConvSettingsError, correlate_padded, plan
from .files import FileCheckError, check_readable_file
from .i18n import translate
from .layer_edit import fit_channels
from .limits import MAX_GRID
from .scene import Scene

MAX_IMAGE_SIDE = 4096
PREVIEW_SIDE = 512
"""The preview samples the image down to at most this many pixels a side."""
PREVIEW_WORK = 200_000_000
"""Multiply-adds of a whole-image result below which no preview is made first: such a
result is ready in about 0.2 s, and a preview would only delay it (by a quarter or more)."""

# About this many multiply-adds per band (10-30 ms here): progress moves and a cancel
# is noticed that often, while the per-band overhead (~0.1 ms) stays negligible.
_BAND_WORK = 32_000_000

# The largest image file read (a 4096² photo as an uncompressed PNG is 48-96 MB).
MAX_IMAGE_BYTES = 256 * 2**20
# The most memory one decoded image may take: a 4096² PNG of 16-bit RGBA is 128 MB. Qt's
# reader is held to it too, whatever a file's header claims.
MAX_DECODE_MB = 160

# The formats the window offers, by their first bytes (whatever the file's name says):
# anything else, an SVG named photo.png for one, is refused before a decoder sees it.
_FORMATS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}

# What a whole file ends with; a download or copy cut short does not. Some cameras append
# a few bytes after the end marker, so the marker is looked for in the last few KB.
_TAIL_BYTES = 4096
_ENDINGS = {
    b"\x89PNG\r\n\x1a\n": b"IEND\xaeB`\x82",  # the IEND chunk's type and fixed CRC
    b"\xff\xd8": b"\xff\xd9",  # JPEG: start and end of image markers
}


class ImageError(ValueError):
    """An image that cannot be used; ``str()`` says why in plain words."""


class Cancelled(Exception):  # noqa: N818 -- a signal to stop, not an error
    """The caller stopped a whole-image computation (a newer edit wants its own)."""


def check_complete(path: Path) -> None:
    """Refuse a PNG or JPEG file that is cut short; other files pass.

    Qt decodes a truncated JPEG without an error and paints the missing part grey, so
    the file's end marker is checked first (only the last few KB are read).

    Raises
    ------
    ImageError
        When the file is a PNG without its IEND chunk or a JPEG without its end marker.
    """
    with path.open("rb") as file:
        head = file.read(8)
        size = file.seek(0, 2)
        file.seek(max(0, size - _TAIL_BYTES))
        tail = file.read()
    for start, end in _ENDINGS.items():
        if head.startswith(start) and end not in tail:
            raise ImageError(
                translate(
                    "Image",
                    "{0} is cut short (the file ends before the image does); it cannot be shown.",
                ).format(path.name)
            )


def image_format(path: Path) -> str:
    """Which format to decode *path* as, from its content: ``"png"`` or ``"jpeg"``.

    Reads the first and last few KB only. The name's suffix plays no part: decoding is
    only ever tried in the format found here, so no other decoder (Qt's SVG reader, say)
    sees a file that merely claims to be an image.

    Raises
    ------
    ImageError
        When *path* is not a readable regular file of at most ``MAX_IMAGE_BYTES``, does
        not start as a PNG or JPEG does, or is cut short (:func:`check_complete`).
    """
    try:
        check_readable_file(path, MAX_IMAGE_BYTES)
        with path.open("rb") as file:
            head = file.read(8)
        for start, kind in _FORMATS.items():
            if head.startswith(start):
                check_complete(path)
                return kind
    except FileCheckError as exc:
        raise ImageError(str(exc)) from None
    except OSError as exc:  # it changed since the check, or cannot be read after all
        reason = exc.strerror or str(exc)
        raise ImageError(translate("Files", "Cannot read {0}: {1}.").format(path, reason)) from None
    raise ImageError(
        translate("Image", "{0} is not an image that can be read (PNG or JPEG).").format(path.name)
    )


def check_decode_size(name: str, width: int, height: int, bits_per_pixel: int) -> None:
    """Refuse an image whose decoded pixels would take more than ``MAX_DECODE_MB``.

    Raises
    ------
    ImageError
        Naming the memory it would take and the limit.
    """
    needed = width * height * max(1, bits_per_pixel) / 8 / 2**20
    if needed > MAX_DECODE_MB:
        raise ImageError(
            translate(
                "Image",
                "{0} would take {1} MB of memory to decode; ConvStudio decodes images of "
                "up to {2} MB.",
            ).format(name, f"{needed:.0f}", MAX_DECODE_MB)
        )


def check_image_size(width: int, height: int) -> None:
    """Refuse images too large to convolve at once.

    Raises
    ------
    ImageError
        For an empty image, or one wider or taller than 4096 pixels.
    """
    if width < 1 or height < 1:
        raise ImageError(translate("Image", "The image is empty."))
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ImageError(
            translate(
                "Image",
                "The image is {0}×{1} pixels; ConvStudio takes images up to {2}×{3}. "
                "Scale it down first.",
            ).format(width, height, MAX_IMAGE_SIDE, MAX_IMAGE_SIDE)
        )


def as_channels(rgb: np.ndarray, channels: int) -> np.ndarray:
    """*rgb* ``(H, W, 3)`` as ``(channels, H, W)``: R, G, B for 3, grey copies otherwise."""
    if channels == 3:
        return np.moveaxis(rgb.astype(np.float64), -1, 0)
    # ITU-R BT.601 luma: the grey a photo editor makes.
    grey = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    return np.repeat(np.round(grey)[None], channels, axis=0)


def image_planes(rgb: np.ndarray, channels: int) -> np.ndarray:
    """*rgb* ``(H, W, 3)`` as the float32 planes the scene's channels read.

    ``(3, H, W)`` R, G, B for 3 channels, else ``(1, H, W)``: the grey of
    :func:`as_channels`, which every channel repeats. The same numbers as converting each
    band as it is computed, made once per image instead of once per edit (that conversion
    was half the whole-image work of a 7×7 kernel).
    """
    height, width = rgb.shape[:2]
    if channels == 3:
        return np.ascontiguousarray(np.moveaxis(rgb, -1, 0), dtype=np.float32)
    out = np.empty((1, height, width), dtype=np.float32)
    rows = max(1, (1 << 18) // max(1, width))  # float64 temporaries of ~6 MB
    for top in range(0, height, rows):
        out[0, top : top + rows] = as_channels(rgb[top : top + rows], 1)[0]
    return out


class ImagePlanes:
    """One image's planes for the mode last asked (grey or R, G, B), made on first use.

    Only one mode's planes are kept (a 4096² photo's R, G, B take 192 MB). A lock lets
    the worker make them while the GUI thread may ask too.
    """

    def __init__(self, rgb: np.ndarray) -> None:
        self.rgb = rgb
        self._lock = threading.Lock()
        self._kept: tuple[bool, np.ndarray] | None = None

    def planes(self, channels: int) -> np.ndarray:
        """The planes for a scene of *channels* channels (see :func:`image_planes`)."""
        colour = channels == 3
        with self._lock:
            if self._kept is None or self._kept[0] != colour:
                self._kept = None  # the other mode's go first: never both at once
                self._kept = (colour, image_planes(self.rgb, channels))
            return self._kept[1]


class NoImageConvolutionError(ConvSettingsError):
    """A scene of transposed convolutions alone: no convolution to run on an image."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "Image",
                "The image is convolved with the scene's convolution, and this scene has "
                "none (only transposed convolutions).",
            )
        )


def image_geometry(scene: Scene, height: int, width: int) -> ConvGeometry:
    """The geometry of the scene's settings on a *height* × *width* image (a few µs).

    Raises
    ------
    ConvSettingsError
        When the scene's settings cannot run on the image (or it has no convolution).
    """
    if not scene.has_conv:
        raise NoImageConvolutionError()
    return plan(
        (scene.input.shape[0], height, width),
        scene.kernels.shape,
        stride=scene.stride,
        padding=scene.padding,
        dilation=scene.dilation,
        groups=scene.groups,
        padding_mode=scene.padding_mode,
        bias_length=None if scene.bias is None else len(scene.bias),
    )


def image_work(geometry: ConvGeometry) -> int:
    """Multiply-adds of the whole-image result (to choose how to run it)."""
    g = geometry
    taps = g.channels_per_group * g.kernel_height * g.kernel_width
    return g.out_channels * g.out_height * g.out_width * taps


def preview_step(height: int, width: int, side: int = PREVIEW_SIDE) -> int:
    """Take every this-many-th pixel for a preview at most *side* pixels a side (1: none)."""
    return max(1, -(-max(height, width) // side))


def image_output(
    scene: Scene,
    rgb: np.ndarray,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    planes: np.ndarray | None = None,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """The scene's kernels and settings applied to the whole image, ``(C_out, H', W')``.

    Computed in float32 (a picture needs no more, and it is about twice as fast as
    float64), in bands of output rows: the input of only one band is ever held as
    floats, so the peak is the result plus a few MB.

    Parameters
    ----------
    scene
        Its kernels and settings apply; its number of channels says how the pixels are
        read (3: R, G, B; otherwise grey copies, as :func:`as_channels`).
    rgb
        ``(H, W, 3)`` uint8 pixels.
    progress
        Called as ``progress(done, total)`` after each band.
    cancelled
        Asked before each band; when it returns True the computation stops.
    planes
        *rgb* already as :func:`image_planes` for the scene's channels (kept from an
        earlier edit): the bands are cut from them instead of converting the pixels.
    out
        Where to write the result (overwritten), float32 of the result's shape: an
        earlier result's memory, which then needs no new pages (see :func:`spare_buffer`).

    Raises
    ------
    ConvSettingsError
        When the scene's settings cannot run on the image.
    Cancelled
        When *cancelled* returned True.
    """
    channels = scene.input.shape[0]
    g = image_geometry(scene, *rgb.shape[:2])
    kernels = np.asarray(scene.kernels, dtype=np.float64)
    groups = scene.groups
    if channels != 3:
        # Every channel is the same grey picture, so each kernel's slices add up to one:
        # the same sums, with a channel's share of the work and memory.
        kernels = kernels.sum(axis=1, keepdims=True)
        channels, groups = 1, 1
    shape = (g.out_channels, g.out_height, g.out_width)
    if out is None:
        out = np.empty(shape, dtype=np.float32)
    elif out.shape != shape or out.dtype != np.float32:
        raise ValueError(f"out is {out.dtype} {out.shape}; the result is float32 {shape}")
    source_rows, source_cols = g.row_index(), g.col_index()  # -1 for a zero
    stride = g.stride[0]
    reach = (g.kernel_height - 1) * g.dilation[0]
    band = max(1, reach // stride, _BAND_WORK // max(1, g.out_width * kernels.size))
    total = -(-g.out_height // band)
    for done, top in enumerate(range(0, g.out_height, band), start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        bottom = min(g.out_height, top + band)
        rows = source_rows[top * stride : (bottom - 1) * stride + reach + 1]
        # The band's padded input: rows and columns taken by the padding mode's index.
        if planes is None:
            x = as_channels(rgb[rows.clip(0)][:, source_cols.clip(0)], channels)
            x[:, rows < 0] = 0.0
            x[:, :, source_cols < 0] = 0.0
        else:
            x = _band_input(planes, rows, source_cols)
        # Written where it is kept: no band-sized result to allocate, zero and copy.
        correlate_padded(
            x, kernels, scene.bias, stride=g.stride, dilation=g.dilation, groups=groups,
            flip=scene.flip, dtype=np.float32, out=out[:, top:bottom],
        )  # fmt: skip
        if progress is not None:
            progress(done, total)
    return out


def spare_buffer(kept: list[np.ndarray]) -> np.ndarray | None:
    """Take the array out of *kept* (a one-item list) if nothing else holds it, else None.

    A 4096² result of 5 maps is 335 MB: allocating it anew for every edit costs the
    kernel's page faults (zeroing 2 MB pages), and freeing the last one an unmapping of
    that size. Meanwhile the GUI thread slept 18-41 ms at a time, neither running nor
    waiting for a CPU (likely its own page faults waiting for the memory-map lock); with
    the memory reused, at most 1.5 ms. An earlier result nobody holds any more is written
    over instead; one still held (``window.result`` kept by a caller, or a view of it) is
    left alone, and freed as usual when its holder lets go.
    """
    array = kept.pop() if kept else None
    # Counted as an array held by one local name only is (2 up to Python 3.13: the name
    # and getrefcount's argument; newer versions may count fewer): any more, and someone
    # else holds it.
    alone = np.empty(0)
    if array is None or array.base is not None:
        return None
    if sys.getrefcount(array) > sys.getrefcount(alone):
        return None
    return array


def _run(index: np.ndarray) -> tuple[int, int, int] | None:
    """``(first, stop, source)`` when *index* is -1s around one run of consecutive sources."""
    inside = np.flatnonzero(index >= 0)
    if inside.size == 0:
        return None
    first, stop, source = int(inside[0]), int(inside[-1]) + 1, int(index[inside[0]])
    if stop - first != inside.size or index[stop - 1] - source != stop - first - 1:
        return None
    if not (np.diff(index[first:stop]) == 1).all():
        return None
    return first, stop, source


def _band_input(planes: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``planes[:, rows][:, :, cols]`` as a new C-contiguous float32 array, 0 where -1.

    Zero padding reads a block of the planes: copied as one slice (the indices' gather
    costs as much as a third of a 7×7 kernel's arithmetic). Other modes gather, with
    take(), which keeps the result C-contiguous (``planes[:, r][:, :, c]`` is not, and
    every tap's view would then stride across memory).
    """
    row_run, col_run = _run(rows), _run(cols)
    if row_run is not None and col_run is not None:
        (r0, r1, source_row), (c0, c1, source_col) = row_run, col_run
        # Only the margins are zeroed: np.zeros would clear the whole band first, while
        # holding the GIL (which the GUI thread then waits for).
        x = np.empty((planes.shape[0], rows.size, cols.size), dtype=np.float32)
        x[:, :r0] = 0.0
        x[:, r1:] = 0.0
        x[:, r0:r1, :c0] = 0.0
        x[:, r0:r1, c1:] = 0.0
        x[:, r0:r1, c0:c1] = planes[
            :, source_row : source_row + r1 - r0, source_col : source_col + c1 - c0
        ]
        return x
    x = np.take(np.take(planes, rows.clip(0), axis=1), cols.clip(0), axis=2)
    x[:, rows < 0] = 0.0
    x[:, :, cols < 0] = 0.0
    return x


def colour_indices(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """*values* as uint8 indices into a 256-colour map that spans *low* to *high*.

    Done off the GUI thread, this leaves the view only a table look-up to draw (a
    4096² float map costs about 50 ms to colour at paint time, its indices 3 ms).
    """
    out = np.empty(values.shape, dtype=np.uint8)
    scale = 256.0 / (high - low)
    rows = max(1, (1 << 20) // max(1, values[0].size))  # bands of ~4 MB of floats
    for top in range(0, values.shape[0], rows):
        band = (values[top : top + rows] - np.float32(low)) * np.float32(scale)
        np.clip(band, 0, 255, out=band)
        out[top : top + rows] = band  # truncates, as pyqtgraph does
    return out


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
        raise ImageError(
            translate("Image", "A region can be 1 to {0} pixels on each side.").format(MAX_GRID)
        )
    if top < 0 or left < 0 or top + rows > height or left + cols > width:
        raise ImageError(translate("Image", "The region must lie inside the image."))
    pixels = rgb[top : top + rows, left : left + cols]
    channels = 3 if colour else 1
    x = as_channels(pixels, channels)
    names = ("R", "G", "B") if colour else ()
    title = translate("Image", "Image region {0}×{1} at row {2}, column {3}").format(
        rows, cols, top + 1, left + 1
    )
    if not scene.has_conv:  # transposed convolutions alone: each fitted to its channels
        layers = fit_channels(scene.layers, channels)
        return scene.replace(input=x, layers=layers, channel_names=names, title=title)
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
    return scene.replace(input=x, kernels=kernels, groups=groups, channel_names=names, title=title)


__all__ = [
    "MAX_DECODE_MB",
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_SIDE",
    "PREVIEW_SIDE",
    "PREVIEW_WORK",
    "Cancelled",
    "ConvSettingsError",
    "ImageError",
    "ImagePlanes",
    "as_channels",
    "check_complete",
    "check_decode_size",
    "check_image_size",
    "colour_indices",
    "image_format",
    "image_geometry",
    "image_output",
    "image_planes",
    "image_work",
    "preview_step",
    "region_scene",
    "spare_buffer",
]
