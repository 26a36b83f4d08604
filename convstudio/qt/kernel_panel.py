"""The kernel editor: every weight editable, size set by rows and columns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from ..model import MAX_KERNEL, EditError, NumberError, Studio, format_number, parse_number
from . import style
from .binding import bind
from .cells import LOOK_ROLE, CellLook, NumberTable

AnyIndex = QModelIndex | QPersistentModelIndex
Report = Callable[[str], None]
_WEIGHT_LOOK = CellLook(foreground=style.WEIGHT_FG)


class KernelModel(QAbstractTableModel):
    """Slice *depth* of kernel *kernel* as an editable table."""

    def __init__(self, studio: Studio, kernel: int, depth: int, report: Report) -> None:
        super().__init__()
        self._document = studio.document
        self._kernel = kernel
        self._depth = depth
        self._report = report
        self._weights = self._document.scene.kernels[kernel, depth]
        bind(self, self._document.scene_changed, self._on_scene_changed)

    def _on_scene_changed(self, scene: object) -> None:
        weights = self._document.scene.kernels[self._kernel, self._depth]
        if weights.shape != self._weights.shape:
            self.beginResetModel()
            self._weights = weights
            self.endResetModel()
        else:
            self._weights = weights
            rows, cols = weights.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._weights.shape[0]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._weights.shape[1]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(self._weights[index.row(), index.column()])
        if role == LOOK_ROLE:
            return _WEIGHT_LOOK
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Weight at row {index.row() + 1}, column {index.column() + 1}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            number = parse_number(str(value))
        except NumberError as exc:
            self._report(f"{exc} The weight keeps its value.")
            return False
        self._document.set_kernel_value(
            self._kernel, self._depth, index.row(), index.column(), number
        )
        return True


class KernelPanel(QWidget):
    """Kernel size controls and the weights table."""

    def __init__(self, studio: Studio, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = studio.document
        self._report = report
        self.title = QLabel()
        self.title.setFont(style.font(style.UI_PT, bold=True))
        self.rows = QSpinBox(minimum=1, maximum=MAX_KERNEL, prefix="rows ")
        self.cols = QSpinBox(minimum=1, maximum=MAX_KERNEL, prefix="cols ")
        self.table = NumberTable()
        self.model = KernelModel(studio, 0, 0, report)
        self.table.setModel(self.model)
        self.table.setToolTip("Type a weight into any cell.")
        self.table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        controls = QHBoxLayout()
        controls.addWidget(self.title)
        controls.addWidget(self.rows)
        controls.addWidget(self.cols)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.table)
        self.rows.valueChanged.connect(self._on_q_size_changed)
        self.cols.valueChanged.connect(self._on_q_size_changed)
        bind(self, self._document.scene_changed, self.set_scene)
        self.set_scene()

    def set_scene(self, scene: object = None) -> None:
        """Show the kernel size; never writes the document."""
        kh, kw = self._document.scene.kernels.shape[2:]
        with QSignalBlocker(self.rows), QSignalBlocker(self.cols):
            self.rows.setValue(kh)
            self.cols.setValue(kw)
        self.title.setText(f"Kernel  {kh}×{kw}")
        self.table.updateGeometry()

    def set_zoom(self, zoom: float) -> None:
        self.title.setFont(style.font(style.UI_PT, bold=True, zoom=zoom))
        self.table.set_zoom(zoom)

    def _on_q_size_changed(self, _value: int) -> None:
        try:
            self._document.resize_kernel(self.rows.value(), self.cols.value())
        except EditError as exc:
            self._report(str(exc))
            self.set_scene()
