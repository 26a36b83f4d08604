"""The user's kernels: use, rename, delete (with undo), and show the folder they are kept in.

The rules (which names, what a refusal says) are the library's (model/library.py); this
dialog lists, asks and shows what it answered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import KernelPreset
from ..model.library import Entry, KernelLibrary, LibraryError, Removed
from .preset_icons import PREVIEW_SIDE, preview_icon

_ENTRY_ROLE = Qt.ItemDataRole.UserRole


class LibraryDialog(QDialog):
    """The user's kernel library.

    Parameters
    ----------
    library
        The library to show and change.
    use
        Called with a kernel the user chose to put into the editor.

    Signals
    -------
    changed
        The library changed (the preset picker lists it again).
    """

    changed = Signal()

    def __init__(
        self,
        library: KernelLibrary,
        use: Callable[[KernelPreset], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your kernels"))
        self._library = library
        self._use = use
        # Deleted kernels, the last on top: Undo brings back one at a time.
        self._removed: list[Removed] = []
        self.list = QListWidget()
        self.list.setIconSize(QSize(PREVIEW_SIDE, PREVIEW_SIDE))
        self.list.setMinimumSize(360, 240)
        self.use_button = QPushButton(self.tr("&Use"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.undo_button = QPushButton(self.tr("U&ndo delete"))
        self.folder_button = QPushButton(self.tr("Show the &folder"))
        self.folder_button.setToolTip(
            self.tr("Open the folder of your kernel files, to copy or share them")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place = QLabel(self.tr("Kept in {0}").format(library.folder))
        self.place.setWordWrap(True)
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        buttons = QVBoxLayout()
        for button in (
            self.use_button,
            self.rename_button,
            self.delete_button,
            self.undo_button,
            self.folder_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.place)
        layout.addWidget(close)

        self.use_button.clicked.connect(self.use_selected)
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.folder_button.clicked.connect(self.show_folder)
        self.list.itemActivated.connect(lambda _item: self.use_selected())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.list, lambda: self.rename_selected())
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        self.refresh()

    # ------------------------------------------------------------ reading

    def refresh(self, select: str | None = None) -> None:
        """List the library as it is on disk now (another window may have saved)."""
        current = select or (self.selected().name if self.selected() else None)
        self.list.clear()
        for entry in self._library.entries():
            size = "×".join(str(n) for n in entry.preset.weights.shape)
            item = QListWidgetItem(preview_icon(entry.preset), f"{entry.name}  ({size})")
            item.setData(_ENTRY_ROLE, entry)
            if entry.legacy:
                item.setToolTip(
                    self.tr(
                        "Still kept in the older kernels.json: it can be used, and can be "
                        "renamed or deleted once it has been moved into the folder."
                    )
                )
            self.list.addItem(item)
            if entry.name == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not self.list.count():
            self.message.setText(
                self.tr(
                    "You have no kernels of your own yet: “Save…” beside the presets keeps "
                    "the kernel in the editor here."
                )
            )
        self._enable()

    def names(self) -> list[str]:
        """The kernels listed, in order."""
        return [self._entry(self.list.item(i)).name for i in range(self.list.count())]

    def selected(self) -> Entry | None:
        item = self.list.currentItem()
        return None if item is None else self._entry(item)

    def select(self, name: str) -> None:
        """Make *name* the current kernel."""
        self.list.setCurrentRow(self.names().index(name))

    @staticmethod
    def _entry(item: QListWidgetItem) -> Entry:
        entry = item.data(_ENTRY_ROLE)
        assert isinstance(entry, Entry)
        return entry

    def _enable(self) -> None:
        entry = self.selected()
        self.use_button.setEnabled(entry is not None)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(entry is not None and not entry.legacy)
        self.undo_button.setEnabled(bool(self._removed))
        if self._removed:
            self.undo_button.setToolTip(self.tr("Bring back “{0}”").format(self._removed[-1].name))

    # ------------------------------------------------------------ changing

    def use_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._use(entry.preset)

    def rename_selected(self, new_name: str | None = None) -> bool:
        """Rename the current kernel to *new_name* (asked for when ``None``)."""
        entry = self.selected()
        if entry is None:
            return False
        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self, self.tr("Rename kernel"), self.tr("New name:"), text=entry.name
            )
            if not ok:
                return False
        try:
            renamed = self._library.rename(entry.name, new_name)
        except LibraryError as exc:
            self.message.setText(str(exc))
            return False
        except OSError as exc:
            self.message.setText(
                self.tr("Could not rename “{0}”: {1}. It keeps its name.").format(
                    entry.name, exc.strerror or exc
                )
            )
            return False
        self.message.setText(self.tr("“{0}” is now called “{1}”.").format(entry.name, renamed.name))
        self._changed(renamed.name)
        return True

    def delete_selected(self) -> bool:
        entry = self.selected()
        if entry is None or entry.legacy:
            return False
        row = self.list.currentRow()
        try:
            removed = self._library.delete(entry.name)
        except LibraryError as exc:
            self.message.setText(str(exc))
            return False
        except OSError as exc:
            self.message.setText(
                self.tr("Could not delete “{0}”: {1}.").format(entry.name, exc.strerror or exc)
            )
            return False
        self._removed.append(removed)
        self.message.setText(
            self.tr("“{0}” was deleted. Undo delete (Ctrl+Z) brings it back.").format(entry.name)
        )
        self._changed(None)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        return True

    def undo_delete(self) -> bool:
        if not self._removed:
            return False
        removed = self._removed[-1]
        try:
            self._library.restore(removed)
        except LibraryError as exc:
            self.message.setText(str(exc))
            return False
        except OSError as exc:
            self.message.setText(
                self.tr("Could not bring back “{0}”: {1}.").format(
                    removed.name, exc.strerror or exc
                )
            )
            return False
        self._removed.pop()
        self.message.setText(self.tr("“{0}” is back.").format(removed.name))
        self._changed(removed.name)
        return True

    def show_folder(self) -> bool:
        """Open the library's folder in the system's file manager (made if need be)."""
        folder = self._library.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.message.setText(
                self.tr("Could not make the folder {0}: {1}.").format(folder, exc.strerror or exc)
            )
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.message.setText(
                self.tr("No file manager could be opened. Your kernels are in {0}.").format(folder)
            )
            return False
        return True

    def _changed(self, select: str | None) -> None:
        self.refresh(select)
        self.changed.emit()
