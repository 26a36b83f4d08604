"""Sentences and formulas that explain the current settings, with their numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import ConvSettingsError, as_pair, resolve_padding
from .numbers import format_number
from .scene import Scene

_AXES = ("rows", "columns")


@dataclass(frozen=True)
class SizeExplanation:
    """The output-size formula per axis, written out with the current numbers.

    Attributes
    ----------
    formulas
        ``(rows, columns)``, e.g. ``"⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"``.
    notes
        Plain sentences: inexact divisions and what they leave out, dilated extents.
    """

    formulas: tuple[str, str]
    notes: list[str] = field(default_factory=list)


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n != 1 else word[:-1]}"


def explain_size(scene: Scene) -> SizeExplanation | None:
    """Write ⌊(n + 2p − f)/s⌋ + 1 out for both axes; ``None`` when padding cannot be resolved."""
    _, h, w = scene.input.shape
    _, _, kh, kw = scene.kernels.shape
    stride = as_pair(scene.stride)
    dilation = as_pair(scene.dilation)
    try:
        top, bottom, left, right = resolve_padding(scene.padding, (kh, kw), dilation, stride)
    except ConvSettingsError:
        return None
    formulas: list[str] = []
    notes: list[str] = []
    left_over: list[tuple[str, int]] = []  # (division text, padded cells never reached)
    for axis, (n, f, before, after) in enumerate(((h, kh, top, bottom), (w, kw, left, right))):
        s, d = stride[axis], dilation[axis]
        extent = d * (f - 1) + 1
        pad_text = f"2·{before}" if before == after else f"{before} + {after}"
        numerator = n + before + after - extent
        if numerator < 0:
            formulas.append(f"⌊({n} + {pad_text} − {extent})/{s}⌋ + 1 < 1: the kernel does not fit")
            left_over.append(("", 0))
            continue
        formulas.append(f"⌊({n} + {pad_text} − {extent})/{s}⌋ + 1 = {numerator // s + 1}")
        if d > 1:
            notes.append(
                f"Dilation {d}: the kernel's {f} taps span {d}·({f}−1)+1 = {extent} {_AXES[axis]}."
            )
        division = f"({n} + {pad_text} − {extent})/{s} = {format_number(numerator / s)}"
        left_over.append((division, numerator % s))
    (rows_text, rows_left), (cols_text, cols_left) = left_over
    if rows_left and cols_left and rows_text == cols_text:
        notes.append(
            f"{rows_text} is not whole: the last {_plural(rows_left, 'rows')} and "
            f"{_plural(cols_left, 'columns')} are never reached."
        )
    else:
        for axis, (text, count) in enumerate(left_over):
            if count:
                notes.append(
                    f"{text} is not whole: the last {_plural(count, _AXES[axis])} "
                    f"{'are' if count > 1 else 'is'} never reached."
                )
    return SizeExplanation((formulas[0], formulas[1]), notes)


def equation_terms(values: list[float], weights: list[float]) -> str:
    """``18×1 + 54×0 + …`` for one channel's products (negative numbers in parentheses)."""

    def show(v: float) -> str:
        text = format_number(v)
        return f"({text})" if v < 0 else text

    return " + ".join(f"{show(v)}×{show(k)}" for v, k in zip(values, weights, strict=True))
