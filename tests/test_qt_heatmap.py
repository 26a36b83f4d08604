"""Heat maps: off by default, made on demand, filled as the steps go, coloured by sign."""

from __future__ import annotations

import sys

import numpy as np

from convstudio.qt import style
from convstudio.qt.heatmap_view import DIVERGING, SEQUENTIAL, colour_levels
from convstudio.qt.main_window import MainWindow


def test_colour_levels_centre_mixed_signs_on_zero():
    assert colour_levels(np.array([-3.0, 1.0])) == (DIVERGING, (-3.0, 3.0))
    assert colour_levels(np.array([2.0, 5.0])) == (SEQUENTIAL, (2.0, 5.0))
    assert colour_levels(np.array([4.0, 4.0])) == (SEQUENTIAL, (3.5, 4.5))


def test_heat_maps_are_made_on_demand_and_follow_the_steps(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    panel = window.output_panel.maps[0]
    assert panel.heat_map is None  # nothing built (nor pyqtgraph needed) until asked for
    window.set_heat_maps(True)
    assert window.heat_maps_action.isChecked()
    heat = panel.heat_map
    assert heat is not None and heat.isVisible()
    assert "pyqtgraph" in sys.modules
    studio.playback.seek(5)
    shown = heat.shown()
    expected = studio.evaluation.output[0]
    np.testing.assert_array_equal(shown.ravel()[:5], expected.ravel()[:5])
    assert np.isnan(shown.ravel()[5:]).all()  # not computed yet: blank
    studio.document.set_kernel([[0, 0, 0], [0, -1, 0], [0, 0, 1]])  # both signs now
    assert heat.bar.levels()[0] == -heat.bar.levels()[1]
    window.set_heat_maps(False)
    assert not heat.isVisible()
    studio.document.set_kernel_count(2)  # a new map follows the switch: no heat map
    assert window.output_panel.maps[1].heat_map is None


def test_heat_maps_are_titled_and_their_numbers_readable(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.set_heat_maps(True)
    heat = window.output_panel.maps[0].heat_map
    assert heat.plot.titleLabel.text == ""  # one map: the numbers' title says it all
    studio.document.set_kernel_count(2)
    window.set_heat_maps(True)
    titles = [m.heat_map.plot.titleLabel.text for m in window.output_panel.maps]
    assert titles == ["Map 1", "Map 2"]
    # Colour-bar numbers as large as the window's text, and dark on the white background.
    window.set_user_zoom(1.3)
    tick_font = heat.bar.axis.style["tickFont"]
    assert tick_font.pointSizeF() == style.font(style.UI_PT, zoom=window.zoom).pointSizeF()
    assert heat.bar.axis.textPen().color().name() == "#111111"
