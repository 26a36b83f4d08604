"""How much work a scene asks for, known before anything is computed.

A scene file of a few hundred bytes can ask for billions of multiply-adds (padding 4096,
a 300×300 kernel): :func:`check_budget` refuses it at once, with the figures, instead of
letting the engine run for minutes or exhaust memory. The estimate uses shapes only and
builds no array.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import ConvSettingsError, resolve_padding
from ..engine import conv as _conv
from .i18n import translate
from .scene import Scene

WORK_BUDGET_MACS = 10**9
MEMORY_BUDGET_BYTES = 2**30
_FLOAT_BYTES = 8  # the engine computes in float64


@dataclass(frozen=True)
class Work:
    """What computing a scene's output costs.

    Attributes
    ----------
    macs
        Multiply-adds of the whole output.
    memory_bytes
        Peak memory of the arrays the engine's ``conv2d`` holds: the input, its padded
        copy, the output and the engine's working bands.
    """

    macs: int
    memory_bytes: int


class BudgetError(ValueError):
    """A scene that needs more work or memory than the budget; ``str()`` gives the figures.

    Attributes
    ----------
    work
        The scene's estimated work.
    """

    def __init__(self, work: Work, macs_budget: int, memory_budget: int) -> None:
        self.work = work
        macs, memory = _count(work.macs), _bytes(work.memory_bytes)
        macs_limit, memory_limit = _count(macs_budget), _bytes(memory_budget)
        # A need just past the budget rounds to the budget's own figure: say so.
        if work.macs > macs_budget and macs == macs_limit:
            macs = translate("Budget", "just over {0}").format(macs)
        if work.memory_bytes > memory_budget and memory == memory_limit:
            memory = translate("Budget", "just over {0}").format(memory)
        super().__init__(
            #: {0} and {2} are counts ("1.04 billion"), {1} and {3} sizes ("3 GB", "544 bytes").
            translate(
                "Budget", "This scene needs {0} multiply-adds and {1}; the budget is {2} and {3}."
            ).format(macs, memory, macs_limit, memory_limit)
        )


def estimate_work(scene: Scene) -> Work:
    """Estimate the multiply-adds and peak memory of computing *scene*'s output.

    Only shapes are used (the engine's own padding rules and band sizes), so the estimate
    costs microseconds whatever the scene asks for. Settings the engine will refuse are
    estimated as if unpadded; the engine reports them.

    Parameters
    ----------
    scene
        The scene to estimate.

    Returns
    -------
    Work
        The multiply-adds and the peak bytes.
    """
    c_in, h, w = scene.input.shape
    c_out, depth, kh, kw = scene.kernels.shape
    groups = max(1, scene.groups)
    try:
        top, bottom, left, right = resolve_padding(
            scene.padding, (kh, kw), scene.dilation, scene.stride
        )
    except ConvSettingsError:
        top = bottom = left = right = 0
    hp, wp = h + top + bottom, w + left + right
    (sh, sw), (dh, dw) = scene.stride, scene.dilation
    ho = max(0, (hp - dh * (kh - 1) - 1) // max(1, sh) + 1)
    wo = max(0, (wp - dw * (kw - 1) - 1) // max(1, sw) + 1)
    macs = c_out * ho * wo * depth * kh * kw

    cells = c_in * h * w + c_out * ho * wo
    if top or bottom or left or right:
        cells += c_in * hp * wp  # conv2d pads into a new array
    # The working band of conv.py's _correlate: a scratch band of output rows with one
    # channel per group, else an im2col band and its matmul product.
    if depth == 1:
        rows = min(ho, max(1, _conv._BAND_BYTES // max(1, c_out * wo * _FLOAT_BYTES)))
        cells += c_out * rows * wo
    else:
        taps = depth * kh * kw
        rows = min(ho, max(1, _conv._IM2COL_BYTES // max(1, groups * taps * wo * _FLOAT_BYTES)))
        cells += groups * taps * rows * wo + c_out * rows * wo
    return Work(macs=macs, memory_bytes=cells * _FLOAT_BYTES)


def check_budget(
    scene: Scene,
    *,
    macs_budget: int = WORK_BUDGET_MACS,
    memory_budget: int = MEMORY_BUDGET_BYTES,
) -> Work:
    """Refuse *scene* if computing it needs more than the budget.

    Parameters
    ----------
    scene
        The scene to check.
    macs_budget, memory_budget
        The most multiply-adds and bytes allowed.

    Returns
    -------
    Work
        The estimate, when it is within the budget.

    Raises
    ------
    BudgetError
        When the multiply-adds or the memory exceed the budget.
    """
    work = estimate_work(scene)
    if work.macs > macs_budget or work.memory_bytes > memory_budget:
        raise BudgetError(work, macs_budget, memory_budget)
    return work


def _figure(value: float) -> str:
    # Two decimals below 10, so 1.04 billion does not read as the budget's 1 billion.
    return f"{value:.{2 if value < 10 else 1}f}".rstrip("0").rstrip(".")


def _count(n: int) -> str:
    """*n* in words: "1.04 billion", "3.2 million", "999,999"."""
    if n >= 10**9:
        return translate("Budget", "{0} billion").format(_figure(n / 10**9))
    if n >= 10**6:
        return translate("Budget", "{0} million").format(_figure(n / 10**6))
    return f"{n:,}"


def _bytes(n: int) -> str:
    # The units' symbols are the same in every language; "bytes" is a word.
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if n >= size:
            return f"{_figure(n / size)} {unit}"
    return translate("Budget", "{0} bytes").format(n)


__all__ = [
    "MEMORY_BUDGET_BYTES",
    "WORK_BUDGET_MACS",
    "BudgetError",
    "Work",
    "check_budget",
    "estimate_work",
]
