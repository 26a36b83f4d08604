"""Qt-free parts of exporting: the numbers as CSV, a run's frames and their timing.

The pictures themselves are drawn by the Qt layer (``convstudio.qt.export``); what is
decided here (which steps become frames, how long each shows, how large a GIF may
grow) is plain arithmetic that tests and the command line check without a window.
"""

from __future__ import annotations

import io

import numpy as np

from ..engine import ConvSettingsError
from ..engine.layers import Conv2d
from ..engine.layers import forward as stack_forward
from .budget import MEMORY_BUDGET_BYTES, estimate_gif, most_gif_frames
from .i18n import translate
from .numbers import json_number
from .scene import Scene

# GIF delays are whole hundredths of a second, and browsers show a delay under 2/100 s
# as 1/10 s: the fastest speed (30 steps/s) becomes 30 ms, not 100 ms.
MIN_FRAME_MS = 20
# The most pixels of a whole run: each is drawn and encoded (a few seconds per 10⁸). Its
# memory is counted apart, in the budget (see budget.estimate_gif).
MAX_GIF_PIXELS = 600_000_000


class ExportError(ValueError):
    """An export that cannot be made as asked; ``str()`` is a plain sentence."""


def frame_ms(speed: float) -> int:
    """How long one frame of a run shows at *speed* steps per second, in milliseconds.

    Rounded to the hundredths of a second that a GIF stores, and at least
    :data:`MIN_FRAME_MS`.

    Parameters
    ----------
    speed
        Steps per second (the playback's speed), > 0.
    """
    if not speed > 0:
        raise ExportError(
            translate("Export", "The speed must be above {0} steps per second, not {1}.").format(
                0, speed
            )
        )
    return max(MIN_FRAME_MS, 10 * round(100 / speed))


def run_positions(total: int) -> range:
    """The playback positions that make a run: one per step, ``1..total``.

    Position 0 (nothing computed yet, an empty output) is left out: every frame of a
    run shows one more output value than the one before it.
    """
    return range(1, total + 1)


def check_gif_size(frames: int, width: int, height: int) -> None:
    """Refuse a GIF whose frames would not fit in memory, before any is drawn.

    Raises
    ------
    ExportError
        When *frames* × *width* × *height* exceeds :data:`MAX_GIF_PIXELS`, or drawing and
        encoding the frames would need more than the memory budget
        (:func:`convstudio.model.budget.estimate_gif`), or there is no frame at all.
    """
    if frames < 1:
        raise ExportError(translate("Export", "This scene has no steps to put in a GIF."))
    pixels = frames * width * height
    if (
        pixels > MAX_GIF_PIXELS
        or estimate_gif(frames, width, height).memory_bytes > MEMORY_BUDGET_BYTES
    ):
        most = max(1, min(MAX_GIF_PIXELS // (width * height), most_gif_frames(width, height)))
        raise ExportError(
            translate(
                "Export",
                "A GIF of {0} frames at {1}×{2} is too large (at most {3} frames at that size); "
                "choose a smaller size or fewer steps.",
            ).format(frames, width, height, most)
        )


def _channel_name(scene: Scene, channel: int) -> str:
    if scene.channel_names:
        return scene.channel_names[channel]
    return f"channel {channel + 1}"


def _write_block(buffer: io.StringIO, header: str, grid: np.ndarray) -> None:
    if buffer.tell():
        buffer.write("\n")
    buffer.write(f"# {header}\n")
    for row in grid:
        # repr of int or float: exact, and read back by float() or any spreadsheet.
        buffer.write(",".join(repr(json_number(v)) for v in row) + "\n")


def numbers_csv(scene: Scene) -> str:
    """The input, kernels and output of *scene* as CSV, one block per grid.

    Each block starts with a ``# ...`` header line (which grid), then one line per row;
    blocks are separated by a blank line. Numbers are written exactly (``repr``).
    Blocks: ``# input R`` (one per channel), ``# kernel 1 × R`` (one per kernel and
    slice, named by the input channel it multiplies), ``# bias`` (one row, when there
    is a bias), ``# output map 1`` (one per kernel). When the settings are impossible
    there is no output, and one line ``# output: none, ...`` says why.

    A stack writes the input, then layer by layer its kernels and bias (for a convolution)
    and its output, each header after the layer's number and type
    (``# layer 2 (conv2d) kernel 1 × channel 1``, ``# layer 3 (relu) output map 1``).

    The headers are English in every language: they are the file's format, which
    programs that read it back rely on.
    """
    buffer = io.StringIO()
    channels = scene.input.shape[0]
    for c in range(channels):
        _write_block(buffer, f"input {_channel_name(scene, c)}", scene.input[c])
    if not scene.is_stack:
        _write_conv(buffer, scene, scene.conv, "", names=True)
        try:
            output = scene.problem().output()
        except ConvSettingsError as exc:
            buffer.write(f"\n# output: none, the settings are impossible: {exc}\n")
            return buffer.getvalue()
        _write_maps(buffer, "", output)
        return buffer.getvalue()
    try:
        maps: list[np.ndarray] | None = stack_forward(scene.layers, scene.input)
    except ConvSettingsError as exc:
        maps, error = None, exc
    for number, layer in enumerate(scene.layers, start=1):  # in the order the data flows
        prefix = f"layer {number} ({layer.kind}) "
        if isinstance(layer, Conv2d):
            _write_conv(buffer, scene, layer, prefix, names=number == 1)
        if maps is not None:
            _write_maps(buffer, prefix, maps[number])
    if maps is None:
        buffer.write(f"\n# output: none, the settings are impossible: {error}\n")
    return buffer.getvalue()


def _write_conv(buffer: io.StringIO, scene: Scene, conv: Conv2d, prefix: str, names: bool) -> None:
    """The kernels and bias of *conv*; its slices named by the input's channels when it
    reads the input (*names*), else by number."""
    kernels, per_group = conv.kernels.shape[0], conv.kernels.shape[1]
    per_kernel_group = max(1, kernels // max(1, conv.groups))
    channels = scene.input.shape[0] if names else per_group * max(1, conv.groups)
    for k in range(kernels):
        first = (k // per_kernel_group) * per_group  # the first channel this kernel sees
        for s in range(per_group):
            if first + s >= channels:
                name = f"slice {s + 1}"
            elif names:
                name = _channel_name(scene, first + s)
            else:
                name = f"channel {first + s + 1}"
            _write_block(buffer, f"{prefix}kernel {k + 1} × {name}", conv.kernels[k, s])
    if conv.bias is not None:
        _write_block(buffer, f"{prefix}bias", conv.bias[None, :])


def _write_maps(buffer: io.StringIO, prefix: str, output: np.ndarray) -> None:
    for k, grid in enumerate(output):
        _write_block(buffer, f"{prefix}output map {k + 1}", grid)


__all__ = [
    "MAX_GIF_PIXELS",
    "MIN_FRAME_MS",
    "ExportError",
    "check_gif_size",
    "frame_ms",
    "numbers_csv",
    "run_positions",
]
