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
    assert len(levels) == 2 and np.isclose(levels[1][1], 4 + np.log10(2)).any()


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


@pytest.mark.parametrize("zoom", [0.6, 1.0, 1.6])
def test_the_loss_axis_has_room_for_its_name_beside_its_widest_label(qtbot, curve, zoom):
    """A loss of 0 (the target just set from the kernels) is drawn at 10⁻¹²: its labels,
    the widest, stood over the axis's name, "loss L (log scale)"."""
    curve.set_labels("training step", "loss L (log scale)")
    curve.set_zoom(zoom)
    curve.set_losses([0.0], shown=0)
    curve.resize(500, 300)
    curve.show()
    qtbot.waitExposed(curve)
    axis = curve.plot_item.getAxis("left")
    qtbot.waitUntil(lambda: axis.width() == axis.fixedWidth)
    metrics = QFontMetrics(axis.style["tickFont"])
    widest = max(metrics.horizontalAdvance(text) for _, text in labelled(curve, 100))
    assert widest >= metrics.horizontalAdvance("10⁻¹²") - 1
    # pyqtgraph draws the name from 5 pixels left of the axis's edge, the labels right
    # aligned before the tick's length and offset.
    name = axis.label.boundingRect().height() - 5
    ticks = axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"])
    assert axis.width() >= name + widest + ticks
