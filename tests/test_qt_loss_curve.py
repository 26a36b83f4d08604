"""The loss curve's log axis: labels at whole powers of ten only, never overlapping."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics

from convstudio.qt.loss_curve import LossCurve


def labelled(curve: LossCurve, size: float) -> list[tuple[float, str]]:
    axis = curve.plot_item.getAxis("left")
    low, high = curve.plot_item.getViewBox().viewRange()[1]
    found = []
    for spacing, values in axis.tickValues(low, high, size):
        for value, text in zip(values, axis.tickStrings(values, 1.0, spacing), strict=True):
            if text:
                found.append((value, text))
    return found


@pytest.fixture
def curve(qtbot):
    widget = LossCurve()
    qtbot.addWidget(widget)
    return widget


def test_one_loss_shows_the_decades_around_it_and_no_minor_labels(curve):
    curve.set_losses([17939.25], shown=0, goal=200)
    shown = labelled(curve, 100)
    assert [text for _, text in shown] == ["10⁴", "10⁵"]
    # The minor ticks (2·10⁴ …) are still there, for the grid.
    axis = curve.plot_item.getAxis("left")
    low, high = curve.plot_item.getViewBox().viewRange()[1]
    levels = axis.tickValues(low, high, 100)
    assert len(levels) == 2 and np.isclose(levels[1][1][0], 4 + np.log10(2))


@pytest.mark.parametrize("size", [60, 100, 300])
def test_many_decades_thin_out_so_labels_never_overlap(curve, size):
    curve.set_losses([1e6, 1e-12], shown=1, goal=10)
    shown = labelled(curve, size)
    axis = curve.plot_item.getAxis("left")
    height = QFontMetrics(axis.style["tickFont"]).height()
    low, high = curve.plot_item.getViewBox().viewRange()[1]
    pixels = np.array([v for v, _ in shown]) * size / (high - low)
    assert len(pixels) >= 1 + size // 100
    assert np.all(np.diff(pixels) >= height)  # the labels' pitch: none overlaps the next
    assert all(text.startswith("10") for _, text in shown)
    assert "10⁰" in [t for _, t in shown]  # 0 is a multiple of every step
