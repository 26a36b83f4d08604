"""Views that go away let go of the model: no handler, widget or grid model is left behind."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from random_actions import handler_counts

from convstudio.qt.cells import GridModel
from convstudio.qt.main_window import MainWindow


def _settle():
    """Run the deletions the views asked for (deleteLater), then collect Python's garbage."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()


def _live_grid_models():
    return sum(isinstance(o, GridModel) for o in gc.get_objects())


@pytest.fixture
def window(qtbot, studio):
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_growing_and_shrinking_the_layer_fifty_times_leaves_nothing_behind(window, studio):
    settings = window.settings_panel
    _settle()
    handlers, widgets, models = (
        handler_counts(studio),
        len(QApplication.allWidgets()),
        _live_grid_models(),
    )
    for _ in range(50):
        # Through the controls, as a teacher would: RGB with four kernels, then back.
        settings.rgb.setChecked(True)
        settings.kernels.setValue(4)
        settings.kernels.setValue(1)
        settings.rgb.setChecked(False)
        settings.channels.setValue(1)
        _settle()
    assert studio.document.scene.input.shape[0] == 1
    assert handler_counts(studio) == handlers
    assert len(QApplication.allWidgets()) == widgets
    assert _live_grid_models() == models


def test_closing_the_window_disconnects_every_view(qtbot, studio):
    before = handler_counts(studio)
    window = MainWindow(studio, remember_geometry=False)
    window.show()
    assert handler_counts(studio) != before
    window.close()
    window.deleteLater()
    _settle()
    assert handler_counts(studio) == before
