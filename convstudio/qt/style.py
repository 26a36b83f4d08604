"""Colours and sizes chosen for a projector: high contrast, large numbers."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

# Cells: what a student at the back must tell apart.
INPUT_BG = QColor("#ffffff")
PADDING_BG = QColor("#d9dde3")
PADDING_FG = QColor("#4a5563")
FIELD_BG = QColor("#ffd54a")  # the receptive field
FIELD_BORDER = QColor("#c26a00")
WEIGHT_FG = QColor("#b3261e")
UNREACHED_HATCH = QColor("#c0392b")
EMPTY_BG = QColor("#f1f3f5")
FILLED_BG = QColor("#ffffff")
CURRENT_BG = QColor("#ffd54a")
TEXT_FG = QColor("#111111")
GRID_LINE = QColor("#9aa3ad")
ERROR_FG = QColor("#b3261e")
# Weight sharing and local connection: what the hovered weight or cell reaches.
LIT_BG = QColor("#8fd0ff")  # light blue: apart from the yellow field, the grey padding
BADGE_BG = QColor("#0b3d91")  # a count on a cell: white on dark blue, legible on any cell
BADGE_FG = QColor("#ffffff")
# A map filled by scatter: shaded by how many values were added into each cell (white to
# lilac; apart from the yellow step, the blue hover, the grey padding).
COUNT_MOST_BG = QColor("#a08bd4")


def count_background(share: float) -> QColor:
    """A cell's shade for *share* (0..1) of the map's largest count of contributions."""
    share = min(max(share, 0.0), 1.0)
    low, high = INPUT_BG, COUNT_MOST_BG
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


# Point sizes at zoom 1.0. The stage scales them all alike (model/stage.py picks the zoom),
# so that what it measured is what is drawn.
VALUE_PT = 24
WEIGHT_PT = 12
UI_PT = 14
EQUATION_PT = 20
BADGE_PT = 14  # counts on cells: the smallest size the back row reads


MIN_PT = 14  # the side panel's and the dialogs' text never scales below this


# Fonts for the glyphs the default font lacks (Chinese), set with the language: digits and
# Latin letters keep the default font, the one the legibility floors were measured with.
_fallbacks: list[str] = []


def set_fallback_families(families: list[str]) -> None:
    """Draw what the default font cannot with *families*, best first."""
    _fallbacks[:] = families


def font(points: float, *, bold: bool = False, zoom: float = 1.0) -> QFont:
    """A font of *points* × *zoom* points."""
    f = QFont()
    # Always set, even to no fallback: QFont() copies the application's font, which keeps
    # the families of the language before (Chinese glyphs would then draw English digits).
    f.setFamilies([f.family(), *_fallbacks])
    f.setPointSizeF(points * zoom)
    f.setBold(bold)
    return f
