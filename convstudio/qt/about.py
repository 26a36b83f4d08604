"""Help ▸ About ConvStudio: the version, the licences, and what a bug report needs."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import numpy
import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model.resources import ICON_SIZES, icon_files
from ..model.version import APP_VERSION
from . import style
from .language import current_language

#: The lesson the app follows, as it is titled (in Traditional Chinese).
LESSON_TITLE = "卷積神經網路學習1 卷積層"
#: What the app uses and under which licence (an SPDX name), in the order a reader looks.
THIRD_PARTY = (
    ("Qt 6, PySide6", "LGPL-3.0-only"),
    ("numpy", "BSD-3-Clause"),
    ("pyqtgraph", "MIT"),
    ("psygnal", "BSD-3-Clause"),
    ("Pillow", "MIT-CMU"),
)


def app_icon() -> QIcon:
    """The app's icon at every size it ships (for every window and the task bar)."""
    icon = QIcon()
    files = icon_files()
    for size in ICON_SIZES:  # the PNGs: the SVG would give the icon Qt's SVG engine
        path = files[str(size)]
        if path.exists():  # a damaged install is said at start; the window still opens
            icon.addFile(str(path), QSize(size, size))
    return icon


def _package_version(name: str, module: str | None = None) -> str:
    """An installed distribution's version, without importing it (pyqtgraph takes 0.3 s)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        # A frozen bundle may carry the module without its metadata.
        found = sys.modules.get(module or name)
        return str(getattr(found, "__version__", "?"))


def version_report() -> str:
    """The versions a bug report needs, one per line (English: they go to a developer)."""
    lines = [
        f"ConvStudio {APP_VERSION}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"numpy {numpy.__version__}",
        f"pyqtgraph {_package_version('pyqtgraph')}",
        f"psygnal {_package_version('psygnal')}",
        f"Pillow {_package_version('pillow', 'PIL')}",
        platform.platform(),
        f"Qt platform {QGuiApplication.platformName()}",
        f"language {current_language()}",
    ]
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Which ConvStudio this is, its licence and its parts' licences, and a copyable report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ConvStudio"))
        layout = QVBoxLayout(self)

        heading = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        heading.addWidget(logo)
        self.title = QLabel(self.tr("ConvStudio {0}").format(APP_VERSION))
        self.title.setFont(style.font(style.UI_PT * 1.5, bold=True))
        heading.addWidget(self.title, 1)
        layout.addLayout(heading)

        def paragraph(text: str) -> QLabel:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            return label

        paragraph(
            self.tr(
                "Steps through the 2-D convolution of a convolutional neural network, "
                "number by number, on numbers you can edit."
            )
        )
        paragraph(self.tr("It follows the lesson “{0}”.").format(LESSON_TITLE))
        paragraph(self.tr("Licence: MIT. Free to use, change and share."))
        parts = "\n".join(
            self.tr("{0}: {1}").format(name, licence) for name, licence in THIRD_PARTY
        )
        self.licences = paragraph(
            self.tr(
                "Made with these, each under its own licence:\n{0}\n"
                "Qt and PySide6 are used unchanged, as installed: under the LGPL you may "
                "replace them with a build of your own."
            ).format(parts)
        )

        paragraph(self.tr("For a bug report, copy these versions:"))
        self.report = QPlainTextEdit(version_report())
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = self.report.document().blockCount()
        self.report.setFixedHeight(int(self.report.fontMetrics().lineSpacing() * (lines + 1.5)))
        layout.addWidget(self.report)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy the versions"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Wide enough for the report's lines; tall enough for every wrapped paragraph.
        self.setMinimumWidth(self.report.fontMetrics().horizontalAdvance("M") * 50)
        self.resize(self.sizeHint())  # the height of the paragraphs wrapped at that width

    def copy_report(self) -> None:
        """Put the version lines on the clipboard."""
        QGuiApplication.clipboard().setText(self.report.toPlainText())
