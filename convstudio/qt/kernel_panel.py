"""The kernel editor: every weight editable, size set by rows and columns.

Hovering a weight lights the input values it multiplies (model/sharing.py): at the
current step, or at every step with Shift held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import (
    MAX_KERNEL,
    EditError,
    KernelPreset,
    NumberError,
    PresetFileError,
    Studio,
    format_number,
    parse_block,
    parse_number,
)
from ..model.backward import backward_of, parameter_texts, parameter_titles
from ..model.document import Weighted
from ..model.library import Entry, KernelLibrary, LibraryError
from ..model.numbers import shortened
from ..model.presets import (
    MAX_NAME,
    builtin_presets,
    kernel_file_bias,
    load_kernel_file,
    save_kernel_file,
)
from ..model.sharing import hover_of
from ..model.stack_marks import kernels_flipped
from ..model.stage import Length
from ..model.words import preset_text
from . import style
from .binding import bind
from .cells import LOOK_ROLE, MEASURE_ZOOM, CellLook, GridModel, GridPiece, NumberTable
from .library_dialog import LibraryDialog
from .number_box import NumberSpinBox
from .preset_icons import PREVIEW_SIDE, preview_icon
from .size_controls import SizeControls

AnyIndex = QModelIndex | QPersistentModelIndex
Report = Callable[[str], None]
_WEIGHT_LOOK = CellLook(foreground=style.WEIGHT_FG)
_HOVERED_LOOK = CellLook(foreground=style.WEIGHT_FG, lit=True)
# The backward pass: the weight whose gradient (or new value) is being computed, and those
# not yet computed.
_GRAD_CURRENT = CellLook(background=style.CURRENT_BG, foreground=style.WEIGHT_FG, border=True)
_GRAD_EMPTY = CellLook(background=style.EMPTY_BG)


class KernelModel(GridModel):
    """Slice *depth* of kernel *kernel* as an editable table.

    For a true convolution the kernel is shown as it is applied, flipped 180°: the cell
    at (i, j) shows, edits and hovers the weight typed at (kh−1−i, kw−1−j)
    (:meth:`weight_at`).

    *layer*: the convolution of the stack it shows (0-based), or ``None`` for the focused
    one. Weight sharing is lit for the focused convolution's panel only.
    """

    def __init__(
        self, studio: Studio, kernel: int, depth: int, report: Report, layer: int | None = None
    ) -> None:
        super().__init__()
        self._document = studio.document
        self._kernel = kernel
        self._depth = depth
        self._report = report
        self.layer = layer
        conv = self._conv()
        assert conv is not None  # made for a convolution of the scene
        self._weights = conv.kernels[kernel, depth]
        self.flipped = kernels_flipped(conv)
        self.hover = hover_of(studio)
        self._hovered = self._hovered_cell()
        self._backward = backward_of(studio)
        self._shown = self._shown_now()
        bind(self, self._document.scene_changed, self._on_scene_changed)
        bind(self, self.hover.changed, self._on_hover_changed)
        bind(self, studio.frame_changed, self._on_frame_changed)
        bind(self, self._backward.changed, self._on_backward_changed)

    def _layer_index(self) -> int | None:
        return self._document.scene.conv_index if self.layer is None else self.layer

    def _shown_now(self) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]] | None:
        """In the backward pass, this slice's ∂L/∂W or new weights as they are computed
        (values, done, the current element as typed), or ``None``: the weights."""
        if self._backward.current is None:
            return None
        layer = self._layer_index()
        found = None if layer is None else self._backward.parameter(layer, "kernels")
        if found is None:
            return None
        values, done, current = found
        k, d = self._kernel, self._depth
        if k >= values.shape[0] or d >= values.shape[1]:
            return None
        here = tuple(current[2:]) if tuple(current[:2]) == (k, d) else ()
        return values[k, d], done[k, d], here

    def _on_backward_changed(self) -> None:
        self._on_frame_changed()
        self.content_changed.emit()  # its gradients' numbers want room, or give it back

    def _on_frame_changed(self) -> None:
        old, self._shown = self._shown, self._shown_now()
        if old is not None or self._shown is not None:
            rows, cols = self._weights.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def _conv(self) -> Weighted | None:
        """The convolution shown (or a transposed one), or ``None`` when the scene no
        longer has it there."""
        scene = self._document.scene
        if self.layer is None:
            return scene.conv
        if self.layer < len(scene.layers):
            conv = scene.layers[self.layer]
            if isinstance(conv, Weighted):
                return conv
        return None  # its block is made again for the new scene

    def _hovered_cell(self) -> tuple[int, int] | None:
        weight = self.hover.weight
        if (
            self.layer is not None
            or weight is None
            or (weight.kernel, weight.depth) != (self._kernel, self._depth)
        ):
            return None
        return self.weight_at(weight.row, weight.col)

    def weight_at(self, row: int, col: int) -> tuple[int, int]:
        """The weight (row, column, as typed) that cell (row, col) shows, or the reverse.

        Flipped (a true convolution), cell (i, j) shows weight (kh−1−i, kw−1−j): the map is
        its own inverse, so it also says which cell shows a weight.
        """
        if not self.flipped:
            return row, col
        rows, cols = self._weights.shape
        return rows - 1 - row, cols - 1 - col

    def _on_hover_changed(self) -> None:
        old, self._hovered = self._hovered, self._hovered_cell()
        rows, cols = self._weights.shape
        for cell in {old, self._hovered} - {None}:
            if cell is not None and 0 <= cell[0] < rows and 0 <= cell[1] < cols:
                index = self.index(*cell)
                self.dataChanged.emit(index, index)

    def _on_scene_changed(self, scene: object) -> None:
        conv = self._conv()
        if conv is None:
            return
        kernels = conv.kernels
        if self._kernel >= kernels.shape[0] or self._depth >= kernels.shape[1]:
            return  # this slice is gone; its panel removes this table
        weights = kernels[self._kernel, self._depth]
        self.flipped = kernels_flipped(conv)
        self._shown = self._shown_now()
        if weights.shape != self._weights.shape:
            self.beginResetModel()
            self._weights = weights
            self._hovered = self._hovered_cell()
            self.endResetModel()
        else:
            self._weights = weights
            self._hovered = self._hovered_cell()  # flipped or not: it may show elsewhere
            rows, cols = weights.shape
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
        self.content_changed.emit()

    def texts(self) -> tuple[Iterable[str], Iterable[str]]:
        texts = {format_number(v) for v in np.unique(self._weights)}
        layer = self._layer_index()
        if layer is not None:  # and the gradients and new weights of the backward pass
            texts |= parameter_texts(self._backward, layer, "kernels")
        return texts, ()

    def shape(self) -> tuple[int, int]:
        rows, cols = self._weights.shape
        return rows, cols

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        shown = self._shown
        if shown is not None and role in (Qt.ItemDataRole.DisplayRole, LOOK_ROLE):
            weight = self.weight_at(index.row(), index.column())
            values, done, current = shown
            if role == LOOK_ROLE:
                return (
                    _GRAD_CURRENT
                    if weight == current
                    else _WEIGHT_LOOK
                    if done[weight]
                    else _GRAD_EMPTY
                )
            return format_number(float(values[weight])) if done[weight] else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(self._weights[self.weight_at(index.row(), index.column())])
        if role == LOOK_ROLE:
            hovered = (index.row(), index.column()) == self._hovered
            return _HOVERED_LOOK if hovered else _WEIGHT_LOOK
        if role == Qt.ItemDataRole.ToolTipRole:
            row, col = self.weight_at(index.row(), index.column())
            if self.flipped:
                return self.tr(
                    "Weight typed at row {0}, column {1}, shown flipped as the true "
                    "convolution applies it. The input values it multiplies at this step "
                    "are lit; hold Shift for every step, with how many times each."
                ).format(row + 1, col + 1)
            return self.tr(
                "Weight at row {0}, column {1}. The input values it multiplies at this step "
                "are lit; hold Shift for every step, with how many times each."
            ).format(row + 1, col + 1)
        return None

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
            self._report(self.tr("{0} The weight keeps its value.").format(exc))
            return False
        row, col = self.weight_at(index.row(), index.column())
        try:
            self._document.set_kernel_value(
                self._kernel, self._depth, row, col, number, layer=self.layer
            )
        except EditError as exc:
            # Never raised into Qt: an exception out of setData can bring PySide down.
            self._report(str(exc))
            return False
        return True


class KernelSlice(GridPiece):
    """One slice of one kernel: which channel it multiplies, and its weights.

    *layer*: the convolution of the stack it edits (0-based; a later layer's block), or
    ``None`` for the focused one (the kernel panel's, which lights weight sharing).
    """

    def __init__(
        self,
        studio: Studio,
        kernel: int,
        depth: int,
        report: Report,
        parent: QWidget | None = None,
        layer: int | None = None,
    ) -> None:
        super().__init__(NumberTable(), parent)
        self._document = studio.document
        self._report = report
        self.kernel, self.depth = kernel, depth
        self.model = KernelModel(studio, kernel, depth, report, layer)
        self.table.setModel(self.model)
        if layer is None:
            self.table.hover_moved.connect(self._on_q_hover_moved)
        self.table.paste_requested.connect(self._on_q_paste)
        self.table.setToolTip(self.tr("Type a weight into any cell; Ctrl+V pastes a block."))

    def _on_q_paste(self, row: int, col: int, text: str) -> None:
        try:
            self._document.paste_kernel(
                self.kernel,
                self.depth,
                row,
                col,
                parse_block(text),
                flipped=self.model.flipped,
                layer=self.model.layer,
            )
        except (NumberError, EditError) as exc:
            self._report(self.tr("{0} Nothing was pasted.").format(exc))

    def title_font(self, zoom: float) -> QFont:
        return style.font(style.UI_PT, zoom=zoom)

    @property
    def min_window(self) -> int:  # type: ignore[override]
        """A kernel shows whole: a cut one would read as a smaller kernel."""
        return max(self.model.shape())

    def _on_q_hover_moved(self, row: int, col: int, shift: bool) -> None:
        hover = self.model.hover
        if row < 0:
            hover.leave_kernel(self.kernel, self.depth)
        else:
            row, col = self.model.weight_at(row, col)
            hover.point_at_weight(self.kernel, self.depth, row, col, every_step=shift)


_MANAGE = "manage"


class _PresetBox(QComboBox):
    """The preset picker; :attr:`opening` is emitted just before its list is shown."""

    opening = Signal()

    def showPopup(self) -> None:
        self.opening.emit()
        super().showPopup()


class KernelHeading(QWidget):
    """A kernel's name and bias, over its slices."""

    def __init__(self, title: QLabel, bias: NumberSpinBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.bias = title, bias
        # Every other text the title may show as the steps go: room is made for the widest.
        self.title_texts: tuple[str, ...] = ()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(title)
        row.addWidget(bias)
        row.addStretch(1)

    def fonts(self, zoom: float) -> tuple[QFont, QFont]:
        """The name's and the bias's fonts at *zoom*."""
        return style.font(style.UI_PT, bold=True, zoom=zoom), style.font(style.UI_PT, zoom=zoom)

    def lengths(self) -> tuple[Length, Length]:
        """Width and height, as they grow with the zoom."""
        title_font, bias_font = (QFontMetricsF(f) for f in self.fonts(MEASURE_ZOOM))
        width = 0.0
        # A flipped kernel says so on a second line.
        lines = [
            line for text in (self.title.text(), *self.title_texts) for line in text.split("\n")
        ]
        if not self.title.isHidden():
            width += max(title_font.horizontalAdvance(line + "▶ ") for line in lines)
        fixed = 8.0
        if not self.bias.isHidden():
            # The box shows its prefix and value; its frame and arrows do not grow.
            text = self.bias.prefix() + self.bias.textFromValue(self.bias.value()) + "0"
            width += bias_font.horizontalAdvance(text)
            fixed += 48
        rows = max(len(text.split("\n")) for text in (self.title.text(), *self.title_texts))
        height = max(title_font.height() * rows, bias_font.height() + 6)
        return Length(fixed, width / MEASURE_ZOOM), Length(8, height / MEASURE_ZOOM)

    def set_zoom(self, zoom: float) -> None:
        title_font, bias_font = self.fonts(zoom)
        self.title.setFont(title_font)
        self.bias.setFont(bias_font)


class KernelPanel(QWidget):
    """The kernels' weights (placed by the stage), and their size controls and presets
    (:attr:`controls`, which the window puts in its side panel).

    Parameters
    ----------
    studio
        The studio to show and edit.
    report
        Called with a sentence when an edit is refused or a file cannot be used.
    library
        The user's own kernels (listed after the built-ins, written by "Save…"); it is
        tidied once here (damaged files set aside, the older ``kernels.json`` carried over).
    """

    def __init__(
        self,
        studio: Studio,
        report: Report,
        library: KernelLibrary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = studio.document
        self._report = report
        # Where refusals go: the stage's later kernels say theirs there too.
        self.report = report
        self._library = library
        self.library_dialog: LibraryDialog | None = None
        self._builtin = builtin_presets()
        self._user: list[Entry] = []
        if library is not None:
            for sentence in library.tidy():
                report(sentence)
        self.presets = _PresetBox()
        # Another window may have saved a kernel since: the list is read as it opens.
        self.presets.opening.connect(self.reload_presets)
        self.presets.setToolTip(self.tr("Put a well-known kernel into the editor"))
        self.presets.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.presets.setMinimumContentsLength(9)
        self.presets.setIconSize(QSize(PREVIEW_SIDE, PREVIEW_SIDE))
        self.save_preset_button = QPushButton(self.tr("Save…"))
        self.save_preset_button.setToolTip(self.tr("Keep this kernel under a name, for next time"))
        self.save_preset_button.setEnabled(library is not None)
        # Where a chosen preset goes: every kernel, or (ticked) only the current one.
        self.only_current = QCheckBox()
        self.only_current.setToolTip(
            self.tr("A preset goes into every kernel; tick this to put it into the ▶ kernel only")
        )
        self.size_controls = SizeControls(self.tr("Kernel"), MAX_KERNEL)
        self.title = self.size_controls.title
        self.rows = self.size_controls.rows
        self.cols = self.size_controls.cols
        self._studio = studio
        self._zoom = 1.0
        # One table per slice of every kernel: rows are kernels, columns the slices.
        self.slices: dict[tuple[int, int], KernelSlice] = {}
        self.biases: list[NumberSpinBox] = []
        self.kernel_titles: list[QLabel] = []
        # One heading per kernel (its name and bias), over its slices side by side.
        self.headings: list[KernelHeading] = []
        self.controls = QWidget()
        layout = QVBoxLayout(self.controls)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.size_controls)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.presets)
        preset_row.addWidget(self.save_preset_button)
        preset_row.addStretch(1)
        layout.addLayout(preset_row)
        layout.addWidget(self.only_current)
        self.presets.activated.connect(self._on_q_preset_chosen)
        self.save_preset_button.clicked.connect(self._on_q_save_preset)
        self.reload_presets()
        self._show_preset_target()
        bind(self, studio.frame_changed, self._show_preset_target)
        self.size_controls.size_requested.connect(self._on_q_size_requested)
        self._sync_slices()
        bind(self, self._document.scene_changed, self.set_scene)
        bind(self, studio.frame_changed, self._mark_current)
        self._backward = backward_of(studio)
        bind(self, self._backward.changed, self._mark_current)
        self.set_scene()

    @property
    def table(self) -> NumberTable:
        """The table of kernel 1's first slice (the only one for a grey input)."""
        return self.slices[0, 0].table

    @property
    def model(self) -> KernelModel:
        return self.slices[0, 0].model

    def _sync_slices(self) -> None:
        """Rebuild the tables when the number of kernels or slices changed."""
        kernels, depth = self._document.scene.kernels.shape[:2]
        if {(k, d) for k in range(kernels) for d in range(depth)} == set(self.slices):
            return
        for old in (*self.headings, *self.slices.values()):
            old.hide()
            old.deleteLater()
        self.slices, self.biases, self.kernel_titles, self.headings = {}, [], [], []
        for k in range(kernels):
            title = QLabel(self.tr("Kernel {0}").format(k + 1))
            bias = NumberSpinBox()
            bias.setPrefix(self.tr("bias "))
            bias.setToolTip(self.tr("Added to every value of map {0}").format(k + 1))
            bias.valueChanged.connect(lambda value, k=k: self._on_q_bias_changed(k, value))
            heading = KernelHeading(title, bias, self)
            for d in range(depth):
                piece = KernelSlice(self._studio, k, d, self._report, self)
                piece.table.set_zoom(self._zoom)
                # With groups, even one slice per kernel needs saying which channel it reads.
                piece.title.setVisible(depth > 1 or self._document.scene.groups > 1)
                # Several slices side by side: their row and column numbers would cost the
                # width that shows every slice at once; the channel name says what each is.
                piece.table.show_headers(depth == 1)
                piece.show()
                self.slices[k, d] = piece
            heading.show()  # now: the bias shows at once
            self.kernel_titles.append(title)
            self.biases.append(bias)
            self.headings.append(heading)
        self._show_channel_names()

    def _show_channel_names(self) -> None:
        scene = self._document.scene
        groups = scene.groups
        per_group = scene.kernels.shape[1]
        kernels_per_group = max(1, scene.kernels.shape[0] // groups)
        for (k, d), piece in self.slices.items():
            channel = k // kernels_per_group * per_group + d
            if channel < scene.input.shape[0]:
                # "× R" as the input grid is titled "R": three slices then fit side by side
                # at 1280×720; a bare number needs the word ("× channel 2").
                name = (
                    scene.channel_names[channel]
                    if scene.channel_names
                    else self.tr("channel {0}").format(channel + 1)
                )
                piece.title.setText(f"× {name}")
                piece.setToolTip(self.tr("The weights that multiply input {0}").format(name))

    def _mark_current(self) -> None:
        step = self._studio.current
        scene = self._document.scene
        one = len(self.kernel_titles) == 1
        for k, title in enumerate(self.kernel_titles):
            current = step is not None and step.out_channel == k
            # A true convolution: the cells show the kernel as applied, and the title says so
            # (in lines no wider than the kernel's name: a wider title widens the kernel's
            # column, and the whole stage shrinks to fit it, by 8% at 1920×1080).
            if one and scene.flip:
                text = self.tr("Kernel {0}×{1}\nflipped (true\nconvolution)")
            elif one:  # its size: f of the lesson's formula
                text = self.tr("Kernel {0}×{1}")
            elif current and scene.flip:
                text = self.tr("▶ Kernel {0}\nflipped (true\nconvolution)")
            elif current:
                text = self.tr("▶ Kernel {0}")
            elif scene.flip:
                text = self.tr("Kernel {0}\nflipped (true\nconvolution)")
            else:
                text = self.tr("Kernel {0}")
            text = text.format(*scene.kernels.shape[2:]) if one else text.format(k + 1)
            # In the backward pass the title says when the cells show ∂L/∂W or new weights.
            steps = self._backward.steps
            self.headings[k].title_texts = () if steps is None else parameter_titles(text)
            if steps is not None and scene.conv_index is not None:
                text = self._backward.parameter_title(scene.conv_index, text)
            if title.text() != text:  # a new text re-lays out the window: only on change
                title.setText(text)

    def set_scene(self, scene: object = None) -> None:
        """Show the kernels, their size and biases; never writes the document."""
        document_scene = self._document.scene
        kh, kw = document_scene.kernels.shape[2:]
        self.size_controls.set_size(kh, kw)
        # Transposed convolutions alone: no convolution's kernels to resize or replace.
        self.controls.setEnabled(document_scene.has_conv)
        self._sync_slices()
        self._show_channel_names()
        for k, bias in enumerate(self.biases):
            with QSignalBlocker(bias):
                bias.setVisible(document_scene.bias is not None)
                if document_scene.bias is not None:
                    bias.setValue(float(document_scene.bias[k]))
        self._mark_current()
        for piece in self.slices.values():
            piece.table.updateGeometry()

    def set_zoom(self, zoom: float) -> None:
        """The zoom of slices made from now on (the stage sets the others')."""
        self._zoom = zoom

    def _on_q_size_requested(self, rows: int, cols: int) -> None:
        try:
            self._document.resize_kernel(rows, cols)
        except EditError as exc:
            self._report(str(exc))
            self.set_scene()

    def _on_q_bias_changed(self, kernel: int, value: float) -> None:
        self._document.set_bias_value(kernel, value)

    # ------------------------------------------------------------ presets

    def reload_presets(self) -> None:
        """List the built-in presets, then the user's kernels as they are on disk now."""
        self._user = [] if self._library is None else self._library.entries()
        with QSignalBlocker(self.presets):
            self.presets.clear()
            self.presets.addItem(self.tr("Presets…"), None)
            groups: dict[str, list[KernelPreset]] = {}
            for preset in self._builtin:
                groups.setdefault(preset_text(preset.group) or self.tr("other"), []).append(preset)
            if self._user:
                groups[self.tr("your kernels")] = [entry.preset for entry in self._user]
            model = self.presets.model()
            for group, members in groups.items():
                # A heading that cannot be chosen: the kernels below it belong together.
                self.presets.addItem(f"— {group} —", None)
                heading = model.item(self.presets.count() - 1)  # type: ignore[attr-defined]
                heading.setEnabled(False)
                for preset in members:
                    size = "×".join(str(n) for n in preset.weights.shape)
                    name = preset_text(preset.name)
                    self.presets.addItem(preview_icon(preset), f"{name}  ({size})", preset)
                    if preset.description:
                        self.presets.setItemData(
                            self.presets.count() - 1,
                            preset_text(preset.description),
                            Qt.ItemDataRole.ToolTipRole,
                        )
            if self._library is not None:
                self.presets.addItem(self.tr("Your kernels… (rename, delete)"), _MANAGE)
            self.presets.setCurrentIndex(0)

    def preset_names(self) -> list[str]:
        return [p.name for p in self._builtin] + [e.name for e in self._user]

    def _current_kernel(self) -> int | None:
        """The kernel of the current step (marked ▶), if there are several and a step."""
        step = self._studio.current
        if step is None or self._document.scene.kernels.shape[0] < 2:
            return None
        return step.out_channel

    def _show_preset_target(self) -> None:
        """Offer "only the ▶ kernel" when there are several kernels; never writes the model."""
        several = self._document.scene.kernels.shape[0] > 1
        current = self._current_kernel()
        if current is None:
            text = self.tr("Only into the ▶ kernel")
        else:
            text = self.tr("Only into ▶ kernel {0}").format(current + 1)
        if self.only_current.text() != text:  # a new text re-lays out the panel
            self.only_current.setText(text)
        self.only_current.setEnabled(current is not None)
        self.only_current.setVisible(several)

    def preset_kernel(self) -> int | None:
        """The kernel a chosen preset goes into (0-based), or ``None`` for every kernel."""
        current = self._current_kernel()
        ticked = self.only_current.isChecked() and self.only_current.isEnabled()
        return current if ticked else None

    def apply_preset(self, preset: KernelPreset | str) -> None:
        """Put *preset* (or the first preset of that name) into every slice of every kernel,
        or of the ▶ kernel only when the picker says so (:meth:`preset_kernel`)."""
        if isinstance(preset, str):
            everything = self._builtin + [e.preset for e in self._user]
            preset = next(p for p in everything if p.name == preset)
        try:
            self._document.set_kernel(preset.weights, name=preset.name, kernel=self.preset_kernel())
        except EditError as exc:
            self._report(str(exc))

    def save_preset(self, name: str) -> bool:
        """Keep kernel 1 (all its slices, and its bias) in the user's library as *name*."""
        if self._library is None or not self._has_kernel():
            return False
        scene = self._document.scene
        weights = scene.kernels[0, 0] if scene.kernels.shape[1] == 1 else scene.kernels[0]
        bias = None if scene.bias is None else float(scene.bias[0])
        try:
            entry, replaced = self._library.save(name, weights, bias)
        except LibraryError as exc:
            self._report(str(exc))
            return False
        except OSError as exc:
            self._report(self.tr("Could not save the kernel: {0}.").format(exc.strerror or exc))
            return False
        self.reload_presets()
        if replaced:
            self._report(self.tr("Your kernel “{0}” was replaced by this one.").format(entry.name))
        return True

    def _has_kernel(self) -> bool:
        """Whether there is a kernel 1 to keep; says why not (transposed convolutions alone)."""
        if self._document.scene.has_conv:
            return True
        self._report(self.tr("This scene has no convolution: there is no kernel to save."))
        return False

    def open_library(self) -> LibraryDialog | None:
        """Show the user's kernels, to use, rename, delete or share them."""
        if self._library is None:
            return None
        if self.library_dialog is None:
            self.library_dialog = LibraryDialog(self._library, self.apply_preset, self)
            self.library_dialog.changed.connect(self.reload_presets)
        else:
            self.library_dialog.refresh()
        self.library_dialog.show()
        self.library_dialog.raise_()
        return self.library_dialog

    def import_kernel(self, path: Path) -> bool:
        """Put the kernel of a kernel file into the editor; say why not when it cannot go."""
        try:
            preset = load_kernel_file(path)
        except PresetFileError as exc:
            self._report(self.tr("Could not import the kernel: {0} Nothing changed.").format(exc))
            return False
        try:
            # The file's bias comes with its kernel (load_kernel_file has read the file).
            bias = kernel_file_bias(path)
            self._document.set_kernel(preset.weights, name=preset.name, bias=bias)
        except PresetFileError as exc:
            self._report(self.tr("Could not import the kernel: {0} Nothing changed.").format(exc))
            return False
        except EditError as exc:
            self._report(self.tr("Could not import the kernel “{0}”: {1}").format(preset.name, exc))
            return False
        return True

    def export_kernel(self, path: Path, name: str | None = None) -> bool:
        """Write kernel 1 (all its slices) and its bias as a kernel file others can import.

        It is named *name*, else after the preset it was set from (while unedited), else
        after the file; a kernel file's name has at most :data:`MAX_NAME` characters.
        """
        if not self._has_kernel():
            return False
        scene = self._document.scene
        weights = scene.kernels[0, 0] if scene.kernels.shape[1] == 1 else scene.kernels[0]
        bias = None if scene.bias is None else float(scene.bias[0])
        stem = path.name.removesuffix(".json").removesuffix(".kernel") or path.stem
        name = shortened(name or self._document.kernel_name(0) or stem, MAX_NAME)
        try:
            save_kernel_file(KernelPreset(name, weights), path, bias)
        except OSError as exc:
            self._report(
                self.tr("Could not export the kernel to {0}: {1}.").format(
                    path, exc.strerror or exc
                )
            )
            return False
        return True

    def _on_q_preset_chosen(self, index: int) -> None:
        preset = self.presets.itemData(index)
        with QSignalBlocker(self.presets):
            self.presets.setCurrentIndex(0)
        if isinstance(preset, KernelPreset):
            self.apply_preset(preset)
        elif preset == _MANAGE:
            self.open_library()

    def _on_q_save_preset(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save kernel"), self.tr("Name of this kernel:")
        )
        if ok:
            self.save_preset(name)
