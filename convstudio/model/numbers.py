"""Reading and writing the numbers a user types and sees."""

from __future__ import annotations

import math
import re

import numpy as np

from .i18n import translate
from .limits import MAX_ABS_VALUE


class NumberError(ValueError):
    """Text that is not a number a cell can hold; ``str()`` says why in plain words."""


# Anything a person might use to separate numbers copied from a spreadsheet or a slide.
_SEPARATORS = re.compile(r"[\t,; ]+")


def parse_number(text: str) -> float:
    """Parse a cell's text as a finite number.

    Parameters
    ----------
    text
        What the user typed, e.g. ``"12"``, ``"-0.5"``, ``"1e3"``.

    Raises
    ------
    NumberError
        With a sentence that quotes the text and says what is wrong.
    """
    stripped = text.strip().replace("−", "-")  # a minus sign pasted from a slide
    if stripped.count(",") == 1 and "." not in stripped:
        stripped = stripped.replace(",", ".")  # a decimal comma: 1,5 is one and a half
    if not stripped:
        raise NumberError(
            translate("Numbers", "A cell cannot be empty: type a number such as {0}.").format(0)
        )
    try:
        value = float(stripped)
    except ValueError:
        raise NumberError(
            translate("Numbers", "“{0}” is not a number.").format(_quoted(text))
        ) from None
    if not math.isfinite(value):
        raise NumberError(
            translate("Numbers", "“{0}” is not a finite number.").format(_quoted(text))
        )
    if abs(value) > MAX_ABS_VALUE:
        raise NumberError(
            translate("Numbers", "{0} is too large: keep numbers within {1}.").format(
                _quoted(text), "±10¹²"
            )
        )
    return value


def _quoted(text: str) -> str:
    """What the user typed, cut short: a message never repeats a whole pasted page."""
    return shortened(text.strip(), 24)


def shortened(text: str, limit: int = 40, *, middle: bool = False) -> str:
    """*text* cut to *limit* characters and escaped, for a message that quotes it.

    Every quote of what a user typed or a file holds goes through here, so that a message
    stays one short line: a control character (a newline, ESC, NUL; a line separator) is
    shown as its escape (``\\n``, ``\\x1b``), as is a lone surrogate, which no terminal or
    UTF-8 file can take. Only the first (or the last) *limit* characters are looked at, so a
    megabyte costs no more than a word.

    Parameters
    ----------
    text
        What to quote.
    limit
        The most characters shown, the ellipsis and the escapes included.
    middle
        Cut out the middle rather than the end (a path, whose file name is at its end).
    """
    if len(text) <= limit:
        whole = _escaped(text)
        if len(whole) <= limit:
            return whole
    if not middle or limit < 3:
        return _escaped(text[:limit])[: limit - 1] + "…"
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return _escaped(text[:head])[:head] + "…" + _escaped(text[-tail:])[-tail:]


# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
# overrides and isolates (which would reorder the rest of the line on a terminal).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(text: str) -> str:
    """*text* with every control character and lone surrogate as its backslash escape."""
    text = _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def parse_block(text: str) -> list[list[float]]:
    """Parse a block of numbers copied from a spreadsheet (tab, space, comma or ; separated).

    Raises
    ------
    NumberError
        Naming the row and column of the first bad entry.
    """
    rows: list[list[float]] = []
    for line_number, line in enumerate(text.strip("\n").splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" in line:
            # A spreadsheet's copy: one tab per cell boundary, so an empty cell stays a gap.
            cells = [cell.strip() for cell in line.rstrip("\r\n").split("\t")]
        else:
            cells = [cell for cell in _SEPARATORS.split(line.strip()) if cell]
        row: list[float] = []
        for col, cell in enumerate(cells):
            try:
                row.append(parse_number(cell))
            except NumberError as exc:
                raise NumberError(
                    #: {2} is what is wrong with the number there (a sentence).
                    translate("Numbers", "Pasted row {0}, column {1}: {2}").format(
                        line_number, col + 1, exc
                    )
                ) from None
        rows.append(row)
    if not rows:
        raise NumberError(translate("Numbers", "There are no numbers to paste."))
    return rows


def format_number(value: float) -> str:
    """Show *value* compactly: integers without a decimal point, others to 3 decimals."""
    if value == 0:
        return "0"  # also turns -0.0 into 0
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    if abs(value) >= 1e6 or abs(value) < 1e-3:
        return f"{value:.3g}"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def plain_decimal(value: float) -> str:
    """*value* in plain decimals, never in e-notation: a learning rate of 0.00001 as a
    class reads it, not 1e-05."""
    return str(np.format_float_positional(value, trim="-"))


def json_number(value: float) -> int | float:
    """The JSON form of *value*: an int when it is whole."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)
