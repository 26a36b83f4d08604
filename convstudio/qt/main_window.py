"""The main window: wires the views to one studio. It holds no lesson logic."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import (
    EditError,
    LimitError,
    SceneFileError,
    Studio,
    load_scene,
    resource_dir,
    save_scene,
)
from ..model.backward import backward_of
from ..model.i18n import LANGUAGE_NAMES, LANGUAGES
from ..model.lessons import Lesson, lesson_of, lessons
from ..model.library import user_library
from ..model.notices import Notice, listed_in_full, summed_up
from ..model.presets import is_kernel_file
from ..model.quiz import quiz_of
from ..model.scene import remove_interrupted_saves
from ..model.stack_marks import stepping_layer
from ..model.trainer import training_of
from ..model.userfiles import Autosave, Recovered, read_autosave, set_aside
from ..model.words import lesson_text, preset_text, scene_title
from . import settings, style
from .about import AboutDialog
from .binding import bind
from .costs_panel import CostsPanel
from .equation_view import EquationView
from .export import add_export_actions
from .file_dialog import ask_file
from .input_panel import InputPanel
from .kernel_panel import KernelPanel
from .language import current_language, install_language, remember_language
from .layers_panel import LayersPanel
from .lesson_note import LessonNote
from .matrix_view import MatrixView
from .output_panel import OutputsPanel
from .quiz_view import QuizView
from .settings_panel import SettingsPanel
from .side_panel import SidePanel
from .stage import Stage
from .step_keys import TAKES_KEYS_WHILE_PRESENTING, StepKeysFilter, commit_open_edit
from .torch_panel import TorchPanel
from .training_panel import TrainingPanel
from .transport import KernelJump, PlaybackDriver, TransportBar

if TYPE_CHECKING:
    from .image_window import ImageWindow

# Translated where it is used (context "MainWindow").
SCENE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "ConvStudio scenes (*.json);;All files (*)")
KERNEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "ConvStudio kernels (*.json);;All files (*)")
# A scene the window can show (32×32 × 4 channels, 8 kernels of 4×9×9) is a few hundred kB
# of JSON; a larger file is refused before it is read, rather than after seconds of parsing.
WINDOW_FILE_BYTES = 2 * 1024 * 1024
AUTOSAVE_MS = 5000  # a crash or a kill loses at most five seconds of a teacher's work
SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"
MESSAGE_MS = 9000  # long enough to read a sentence
NOTICES_MS = 30000  # long enough to open the list of what start-up found
ZOOM_STEPS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class MessageBar(QLabel):
    """A plain sentence for the user (a refused edit, a file that could not be read).

    It takes its own room in the window's layout, under the stage and above the step bar:
    floating, it covered the step controls (and whatever else was under it). What start-up
    has to say (damaged files set aside, a bad setting, a data folder that cannot be used) is
    gathered with :meth:`add_notice`: one line sums them all up, and "Details…" lists each
    in full.

    Attributes
    ----------
    notices
        The notices summed up now (empty while it shows a single message).
    details_button
        Shown when several notices are summed up; opens :attr:`details`.
    details
        The dialog of every notice in full, once opened.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFont(style.font(style.UI_PT))
        self.setAcceptDrops(True)  # a kernel or scene file dropped on the window
        self.setStyleSheet(
            "MessageBar { background: #fdecea; color: #8c1d18; border: 2px solid #b3261e; "
            "border-radius: 4px; padding: 6px; }"
        )
        self.notices: list[str] = []
        self.details: QDialog | None = None
        self._details_text: QPlainTextEdit | None = None
        self.details_button = QPushButton(self)
        self.details_button.setFont(style.font(style.UI_PT))
        self.details_button.clicked.connect(self.show_details)
        self._retranslate()
        self.details_button.hide()
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._timer.timeout.connect(self.hide)

    def _retranslate(self) -> None:
        # The bar lives as long as the window (it is not built again with the views).
        self.details_button.setText(self.tr("Details…"))
        self.details_button.setToolTip(self.tr("Everything ConvStudio had to say at start"))
        if self.details is not None:
            self.details.setWindowTitle(self.tr("What ConvStudio found at start"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def show_message(self, text: str) -> None:
        """Say *text*, in place of whatever was said before."""
        self.notices.clear()
        self._show(text, with_details=False)
        self._timer.start(MESSAGE_MS)

    def add_notice(self, notice: str) -> None:
        """Add *notice* (a :class:`~convstudio.model.notices.Notice` names its file) to what
        is shown: one line that sums up every notice since the bar was last dismissed."""
        self.notices.append(notice)
        several = len(self.notices) > 1
        self._show(summed_up(self.notices), with_details=several)
        # A list to read stays longer than one sentence.
        self._timer.start(NOTICES_MS if several else MESSAGE_MS)
        if self.details is not None and self.details.isVisible():
            self._fill_details()

    def _show(self, text: str, *, with_details: bool) -> None:
        self.setText(text)
        self.details_button.setVisible(with_details)
        self._place_button()
        self.show()

    def show_details(self) -> QDialog:
        """Open (or bring up) the list of every notice in full."""
        if self.details is None:
            self.details = QDialog(self.window())
            text = self._details_text = QPlainTextEdit(self.details)
            text.setReadOnly(True)
            close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            close.rejected.connect(self.details.reject)
            layout = QVBoxLayout(self.details)
            layout.addWidget(text)
            layout.addWidget(close)
            self.details.resize(900, 480)
            self._retranslate()
        self._fill_details()
        self.details.show()
        self.details.raise_()
        return self.details

    def details_text(self) -> str:
        """What the list of notices shows."""
        return "" if self._details_text is None else self._details_text.toPlainText()

    def _fill_details(self) -> None:
        if self._details_text is not None:
            self._details_text.setPlainText(listed_in_full(self.notices))

    def _place_button(self) -> None:
        """The "Details…" button at the bar's right, in a margin the text wraps short of."""
        button = self.details_button.sizeHint() if self.details_button.isVisibleTo(self) else None
        self.setContentsMargins(0, 0, 0 if button is None else button.width() + 12, 0)
        self.setMinimumHeight(0 if button is None else button.height() + 16)
        if button is not None:
            self.details_button.setGeometry(
                self.width() - button.width() - 10,
                (self.height() - button.height()) // 2,
                button.width(),
                button.height(),
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not event.spontaneous() and not self.window().isHidden():
            self.notices.clear()  # dismissed: what comes next is said afresh

    def mousePressEvent(self, event: object) -> None:
        self.hide()  # a click dismisses it


class MainWindow(QMainWindow):
    """Input, kernel, settings and output side by side; the equation and the controls below.

    Parameters
    ----------
    studio
        What to show.
    path
        The file the scene came from, if any (for Save).
    remember_geometry
        Restore and save the window's size and place (off for rendering and tests).
    autosave
        Where to keep the unsaved scene every few seconds (off when ``None``).

    Attributes
    ----------
    ask_unsaved
        Asked before an edited scene would be lost (quitting, opening another): given
        what is about to happen, returns :data:`SAVE`, :data:`DISCARD` or :data:`CANCEL`.
        A dialog by default; tests and scripts replace it.
    ask_restore
        Asked at start when an earlier window left unsaved work: given it, returns
        whether to restore it.
    """

    def __init__(
        self,
        studio: Studio,
        path: Path | None = None,
        *,
        remember_geometry: bool = True,
        autosave: Autosave | None = None,
    ) -> None:
        super().__init__()
        # First: views built below may already have something to say (a damaged file).
        self.messages = MessageBar(self)
        self._remember_geometry = remember_geometry
        self.studio = studio
        self._saved_scene = studio.document.scene
        self._image_window: ImageWindow | None = None
        self.path = _editable(path)
        self.ask_unsaved: Callable[[str], str] = self._ask_unsaved_dialog
        self.ask_restore: Callable[[Recovered], bool] = self._ask_restore_dialog
        self._autosave = autosave
        self._autosaved_scene = studio.document.scene
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        if autosave is not None:
            self._autosave_timer.start()
        self.quiz = quiz_of(studio)
        self.driver = PlaybackDriver(studio.playback, self)
        self._step_keys = StepKeysFilter(self)
        QApplication.instance().installEventFilter(self._step_keys)
        self.presenting = False
        self._side_panel_was_shown = True
        self._note_before = True
        self._was_full_screen = False
        self._blank = QWidget(self)
        self._blank.setStyleSheet("background: black;")
        self._blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._blank.hide()
        self._retranslate_queued = False
        # Until the window is built, what the views report is gathered as start-up
        # notices; when they are built again (a new language), it was said already.
        self._starting = True
        self._rebuilding = False
        self._autosave_problem_said = False
        self._build_views()
        self._normal_geometry = self.geometry()
        bind(self, self.quiz.changed, self._on_quiz_changed)
        bind(self, self.studio.document.scene_changed, self._update_title)
        bind(self, self.studio.document.scene_changed, self._on_scene_changed)
        bind(self, self.studio.frame_changed, self._show_stepping)
        bind(self, self.studio.document.evaluation_changed, self._show_backward)
        bind(self, backward_of(self.studio).changed, self._show_backward)
        self._show_backward()
        self._update_title()
        # A lesson opened from the command line (or the default one) shows its note.
        opened = lesson_of(path) if path is not None else None
        if opened is not None:
            self._show_lesson(opened)
            # Training first: a lesson's step may count into the backward pass.
            self._set_lesson_training(opened)
            if opened.step:
                studio.playback.seek(opened.step)
        else:
            self._show_note()
        if studio.document.scene.target is not None:  # a scene made to be trained
            self.set_training_shown(True)
        # The stage fits any room; below this, the side panel and the bar would crowd it.
        self.setMinimumSize(QSize(800, 480))
        self.resize(1280, 720)
        if autosave is not None:
            self._say_autosave_problem()
        self._starting = False

    # ------------------------------------------------------------ views

    def _build_views(self) -> None:
        """Make the panels, the stage, the side panel, the menus and their actions.

        Every view shows the studio (model), and holds nothing of its own but view options:
        a new language builds them all again (:meth:`retranslate`).
        """
        self._built_language = current_language()
        studio = self.studio
        report = self._report
        self.input_panel = InputPanel(studio, report)
        self.kernel_panel = KernelPanel(studio, report, user_library(user_data_folder()))
        self.settings_panel = SettingsPanel(studio, report)
        self.layers_panel = LayersPanel(studio, report)
        self.costs_panel = CostsPanel(studio)
        self.torch_panel = TorchPanel(studio)
        self.output_panel = OutputsPanel(studio)
        self.equation = EquationView(studio)
        self.quiz_view = QuizView(studio, report)
        # A guess is typed while presenting too: the read-only stage lets this box have keys.
        self.quiz_view.guess_box.setProperty(TAKES_KEYS_WHILE_PRESENTING, True)
        self.transport = TransportBar(studio.playback)
        self.kernel_jump = KernelJump(studio)
        self.transport.layout().insertWidget(5, self.kernel_jump)
        # The stage lays out the grids, kernels, maps and equation as one, as large as the
        # room allows; everything else is in the side panel, which presenting hides.
        self.stage = Stage(
            studio,
            self.input_panel,
            self.kernel_panel,
            self.output_panel,
            self.equation,
            self.quiz_view,
        )
        # While presenting, no click, wheel or key reaches a control on the stage.
        self._step_keys.read_only_area = self.stage
        self.side_panel = SidePanel(
            [
                self.input_panel.controls,
                self.layers_panel,
                self.kernel_panel.controls,
                self.settings_panel,
                self.costs_panel,
                self.torch_panel,
            ]
        )
        central = QWidget()
        # The window itself holds the focus at first: no cell takes a typed key until the
        # user clicks into a grid or presses Tab to it.
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        # View ▸ As a matrix takes the stage's room (the whole of it: see qt/matrix_view.py).
        self.matrix_view = MatrixView(studio)
        self.matrix_view.hide()
        stage_area = QWidget()
        area = QVBoxLayout(stage_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.stage, 1)
        area.addWidget(self.matrix_view, 1)
        left.addWidget(stage_area, 1)
        # The teacher's note: at the top of the side panel while editing (the stage keeps
        # its height), under the stage while presenting when asked for (N).
        self.note = LessonNote()
        self.side_panel.insert_top(self.note)
        self._left = left
        # The message above the step bar, in room of its own (the stage gives it up while
        # a message shows); a new language builds this again and takes the bar along.
        left.addWidget(self.messages)
        left.addWidget(self.transport)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 1)
        layout.addWidget(self.side_panel)
        self.setCentralWidget(central)
        self.setFont(style.font(style.UI_PT))
        # Training at speed: under the stage, where a curve reads best wide and the class
        # sees it with the kernels and maps it changes; hidden until asked for (T).
        self.training_panel = TrainingPanel(studio, report)
        self.training_dock = QDockWidget(self.tr("Training"), self)
        self.training_dock.setObjectName("training")
        self.training_dock.setWidget(self.training_panel)
        self.training_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.training_dock)
        self.training_dock.hide()

        self._build_actions()
        self.training_dock.visibilityChanged.connect(self._on_training_dock_visibility)
        central.setFocus()

    def retranslate(self) -> None:
        """Build every view again in the language now installed, as the user left it."""
        presenting = self.presenting
        if presenting:
            self.set_presenting(False, full_screen=False)
        kept = {
            "side panel": self.side_panel_action.isChecked(),
            "note": self.note_action.isChecked(),
            "heat maps": self.heat_maps_action.isChecked(),
            "window counts": self.window_counts_action.isChecked(),
            "matrix": self.matrix_action.isChecked(),
            "training": self.training_action.isChecked(),
        }
        # The dock is the window's, not the central widget's: it goes with the old views.
        self.removeDockWidget(self.training_dock)
        self.training_dock.deleteLater()
        user_zoom = self.user_zoom
        lesson = self.note.lesson
        # Every action belongs to the views (_build_actions): the window's own and the
        # lesson menu's alike.
        for action in self.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.removeAction(action)
            action.deleteLater()
        # clear() leaves the menus themselves behind, as children of the bar.
        for old_menu in self.menuBar().findChildren(QMenu):
            old_menu.deleteLater()
        self.menuBar().clear()
        old = self.centralWidget()
        self._rebuilding = True
        try:
            self._build_views()
        finally:
            self._rebuilding = False
        old.deleteLater()
        self.set_side_panel(kept["side panel"])
        self.note_action.setChecked(kept["note"])
        self.set_heat_maps(kept["heat maps"])
        self.window_counts_action.setChecked(kept["window counts"])
        self.input_panel.set_show_counts(kept["window counts"])
        self.set_matrix_shown(kept["matrix"])
        self.set_training_shown(kept["training"])
        self.set_user_zoom(user_zoom)
        self._on_quiz_changed()
        self._show_lesson(lesson)
        self._update_title()
        if presenting:
            self.set_presenting(True, full_screen=False)

    def set_matrix_shown(self, shown: bool) -> None:
        """Show the current layer as a matrix in the stage's place, or the stage again."""
        shown = bool(shown)
        self.matrix_action.setChecked(shown)
        self.stage.setVisible(not shown)
        self.matrix_view.setVisible(shown)

    def set_language(self, language: str) -> None:
        """Speak *language* from now on (remembered); the window is built again in it."""
        if language == current_language():
            return
        install_language(language)
        if self._remember_geometry:
            remember_language(language)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Sent once per translator added or removed: build once, after the last, and only
        # if the window is not already in the new language (set_language builds at once).
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_queued:
            self._retranslate_queued = True
            QTimer.singleShot(0, self, self._retranslate_if_needed)  # dropped if deleted

    def _retranslate_if_needed(self) -> None:
        self._retranslate_queued = False
        # A closed window is built again only if it is shown again (showEvent).
        if self._built_language != current_language() and self.isVisible():
            self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        if self._built_language != current_language():
            self.retranslate()
        super().showEvent(event)

    # ------------------------------------------------------------ actions

    def _action(self, text: str, slot: object, *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        if keys:
            # A standard key may already be one of the others (Save As is Ctrl+Shift+S on
            # Linux): the same sequence twice makes Qt call the shortcut ambiguous.
            sequences: list[QKeySequence] = []
            for key in keys:
                for sequence in _sequences(key):
                    if not sequence.isEmpty() and sequence not in sequences:
                        sequences.append(sequence)
            action.setShortcuts(sequences)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        p = self.studio.playback
        d = self.studio.document
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("&Open scene…"), self.open_scene_dialog, QKeySequence.StandardKey.Open
            )
        )
        file_menu.addAction(self._action(self.tr("Open &image…"), self.open_image_dialog, "Ctrl+I"))
        # Back to the file the scene came from; a scene with none asks for a name.
        self.save_action = self._action(
            self.tr("&Save scene"), self.save, QKeySequence.StandardKey.Save
        )
        file_menu.addAction(self.save_action)
        file_menu.addAction(
            self._action(
                self.tr("Save scene &as…"),
                self.save_scene_dialog,
                QKeySequence.StandardKey.SaveAs,
                "Ctrl+Shift+S",
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Import &kernel…"), self.import_kernel_dialog))
        file_menu.addAction(self._action(self.tr("E&xport kernel…"), self.export_kernel_dialog))
        file_menu.addAction(self._action(self.tr("&Your kernels…"), self.kernel_panel.open_library))
        add_export_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        # The lessons in the lesson's order, and the keys that go through them.
        lesson_menu = menu.addMenu(self.tr("&Lessons"))
        self.next_lesson_action = self._action(
            self.tr("&Next lesson"), lambda: self.step_lesson(+1), "Ctrl+PgDown"
        )
        self.previous_lesson_action = self._action(
            self.tr("&Previous lesson"), lambda: self.step_lesson(-1), "Ctrl+PgUp"
        )
        lesson_menu.addAction(self.next_lesson_action)
        lesson_menu.addAction(self.previous_lesson_action)
        self.note_action = self._action(self.tr("&Teacher's note"), self.set_note_shown, "N")
        self.note_action.setCheckable(True)
        self.note_action.setChecked(True)
        lesson_menu.addAction(self.note_action)
        lesson_menu.addSeparator()
        for lesson in lessons():
            action = QAction(f"{lesson.number}. {lesson_text(lesson.title)}", self)
            action.triggered.connect(lambda _=False, x=lesson: self.open_lesson(x))
            lesson_menu.addAction(action)

        edit = menu.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), d.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), d.redo, QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        step = menu.addMenu(self.tr("&Step"))
        # Presenter remotes send PageDown/PageUp; keyboards use the arrows.
        self.play_action = self._action(self.tr("&Play / pause"), p.toggle, "Space")
        # PageDown/PageUp step even inside a cell editor: apply what was typed first.
        # With the quiz on, the next-step key first reveals a hidden value, then steps.
        self.next_action = self._action(
            self.tr("&Next step"),
            lambda: (commit_open_edit(), self.quiz.reveal() or p.next()),
            "Right",
            "PgDown",
        )
        self.previous_action = self._action(
            self.tr("P&revious step"), lambda: (commit_open_edit(), p.previous()), "Left", "PgUp"
        )
        self.first_action = self._action(self.tr("&First step"), p.first, "Home")
        self.last_action = self._action(self.tr("&Last step"), p.last, "End")
        # A layer's first step: [ and ] at a keyboard; Alt+PageDown/PageUp beside the
        # remote's keys (Ctrl+PageDown/PageUp go through the lessons).
        self.next_layer_action = self._action(
            self.tr("Next la&yer"),
            lambda: (commit_open_edit(), self.studio.step_layer(+1)),
            "]",
            "Alt+PgDown",
        )
        self.previous_layer_action = self._action(
            self.tr("Previous lay&er"),
            lambda: (commit_open_edit(), self.studio.step_layer(-1)),
            "[",
            "Alt+PgUp",
        )
        for action in (
            self.play_action,
            self.next_action,
            self.previous_action,
            self.first_action,
            self.last_action,
            self.next_layer_action,
            self.previous_layer_action,
        ):
            step.addAction(action)

        view = menu.addMenu(self.tr("&View"))
        self.side_panel_action = self._action(self.tr("&Side panel"), self.set_side_panel, "F9")
        self.side_panel_action.setCheckable(True)
        self.side_panel_action.setChecked(True)
        view.addAction(self.side_panel_action)
        view.addAction(
            self._action(
                self.tr("Zoom &in"),
                lambda: self.step_zoom(+1),
                QKeySequence.StandardKey.ZoomIn,
                "Ctrl+=",
            )
        )
        view.addAction(
            self._action(
                self.tr("Zoom &out"), lambda: self.step_zoom(-1), QKeySequence.StandardKey.ZoomOut
            )
        )
        view.addAction(
            self._action(self.tr("&Actual size"), lambda: self.set_user_zoom(1.0), "Ctrl+0")
        )
        view.addAction(self._action(self.tr("&Full screen"), self._toggle_full_screen, "F11"))
        self.heat_maps_action = self._action(self.tr("&Heat maps"), self.set_heat_maps, "Ctrl+H")
        self.heat_maps_action.setCheckable(True)
        view.addAction(self.heat_maps_action)
        # For a teacher at the keyboard: in how many windows each input value takes part.
        self.window_counts_action = self._action(
            self.tr("&Window counts"), self.input_panel.set_show_counts, "Ctrl+Shift+W"
        )
        self.window_counts_action.setCheckable(True)
        view.addAction(self.window_counts_action)
        # Gradient descent at speed: the target, the learning rate, the loss curve.
        self.training_action = self._action(self.tr("&Training"), self.set_training_shown, "T")
        self.training_action.setCheckable(True)
        view.addAction(self.training_action)
        self.train_play_action = self._action(
            self.tr("Play / pause &training"), self._toggle_training, "Shift+Space"
        )
        step.addAction(self.train_play_action)
        # With a target: one training step's backward pass and update follow the forward
        # pass, stepped on the same grids by the same keys.
        self.backward_action = self._action(
            self.tr("Step through the &backward pass"), self.set_backward, "Ctrl+B"
        )
        self.backward_action.setCheckable(True)
        step.addAction(self.backward_action)
        # Predict, then reveal: the class guesses each value (and each new output size).
        self.quiz_action = self._action(self.tr("&Quiz"), self.quiz.set_on, "Q")
        self.quiz_action.setCheckable(True)
        view.addAction(self.quiz_action)
        # A transposed convolution: by its definition (each input cell scatters its kernel)
        # or as the equivalent convolution (each output cell gathers a window).
        self.stepping_menu = view.addMenu(self.tr("Step the transposed convolution b&y"))
        group = QActionGroup(self.stepping_menu)
        self.stepping_actions: dict[str, QAction] = {}
        for mode, text in (
            ("scatter", self.tr("Input cells: each adds its value times the kernel (scatter)")),
            ("gather", self.tr("Output cells: each is a window of the input spread out (gather)")),
        ):
            action = QAction(text, group)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_stepping(m))
            self.stepping_menu.addAction(action)
            self.stepping_actions[mode] = action
        view.aboutToShow.connect(self._show_stepping)
        self._show_stepping()
        # The current layer as M · x = y, and im2col, in the stage's place (M: matrix).
        self.matrix_action = self._action(self.tr("As a &matrix"), self.set_matrix_shown, "M")
        self.matrix_action.setCheckable(True)
        view.addAction(self.matrix_action)
        view.addSeparator()
        # Some presenter remotes send Shift+F5 (PowerPoint's "from the current slide").
        self.present_action = self._action(
            self.tr("&Present"), self.set_presenting, "F5", "Shift+F5"
        )
        self.present_action.setCheckable(True)
        view.addAction(self.present_action)
        # Only while presenting: Esc closes a cell editor otherwise, and B and . are typed.
        self.leave_action = self._action(
            self.tr("Leave the presentation"), lambda: self.set_presenting(False), "Esc"
        )
        # A presenter remote's "blank screen" key sends B or a full stop.
        self.blank_action = self._action(self.tr("&Blank screen"), self.toggle_blank, "B", ".")
        for action in (self.leave_action, self.blank_action):
            action.setEnabled(False)

        # Each language named in itself, and the menu's name in English too: whoever cannot
        # read the current language still finds theirs. G: L is the Lessons menu's.
        title = self.tr("Lan&guage")
        named = "Language" in title.replace("&", "")
        language_menu = menu.addMenu(title if named else f"{title} (Language)")
        group = QActionGroup(language_menu)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], group)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keys"), self._show_keys, "F1"))
        help_menu.addAction(self._action(self.tr("&About ConvStudio"), self.show_about))

    # ------------------------------------------------------------ files

    def ask_file(
        self,
        title: str,
        name_filter: str,
        *,
        save: bool = False,
        folder: Path | None = None,
        name: str = "",
    ) -> Path | None:
        """Ask for a file with the app's one file dialog (:func:`.file_dialog.ask_file`):
        in the folder last used, else the user's documents; ``None`` when cancelled."""
        return ask_file(
            self,
            title,
            name_filter,
            save=save,
            folder=folder,
            name=name,
            remember=self._remember_geometry,
        )

    def open_scene_dialog(self) -> None:
        if not self.keep_work(self.tr("open another scene")):
            return
        folder = self.path.parent if self.path else None
        path = self.ask_file(self.tr("Open scene"), self.tr(SCENE_FILTER), folder=folder)
        if path is not None:
            self.open_scene(path, asked=True)

    def import_kernel_dialog(self) -> None:
        path = self.ask_file(self.tr("Import kernel"), self.tr(KERNEL_FILTER))
        if path is not None:
            self.kernel_panel.import_kernel(path)

    def export_kernel_dialog(self) -> None:
        document = self.studio.document
        # Named after the preset kernel 1 came from while unedited ("Sobel x"), else after
        # the scene; the kernel inside is named after the preset, else the file chosen.
        preset = document.kernel_name(0)
        title = preset_text(preset) if preset else document.scene.title or self.tr("kernel")
        path = self.ask_file(
            self.tr("Export kernel"),
            self.tr(KERNEL_FILTER),
            save=True,
            name=f"{_file_stem(title)}.kernel.json",
        )
        if path is not None:
            self.kernel_panel.export_kernel(path)

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """A kernel file dropped on the window goes into the editor; a scene file opens."""
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        path = files[0]
        if is_kernel_file(path):
            self.kernel_panel.import_kernel(path)
        else:
            self.open_scene(path)

    def open_scene(self, path: Path, *, asked: bool = False) -> bool:
        """Load *path*; on failure say why and keep the current scene.

        An edited scene is not replaced before :attr:`ask_unsaved` agrees (unless *asked*
        already). A shipped lesson opens as an untitled copy: saving it asks for a new file.
        """
        # A number still being typed belongs to the scene it was typed in: apply it now,
        # before its grid goes (its editor would otherwise commit into the next scene).
        commit_open_edit()
        if not asked and not self.keep_work(self.tr("open another scene")):
            return False
        try:
            scene = load_scene(path, max_bytes=WINDOW_FILE_BYTES)
        except SceneFileError as exc:
            self.messages.show_message(
                self.tr("Could not open the scene. {0} Your work is unchanged.").format(exc)
            )
            return False
        try:
            self.studio.document.set_scene(scene)
        except EditError as exc:
            if isinstance(exc.__cause__, LimitError):
                text = self.tr("Could not open the scene {0}: {1} Your work is unchanged.")
            else:
                text = self.tr(
                    "Could not open the scene. {0} has settings that cannot work together: "
                    "{1} Your work is unchanged."
                )
            self.messages.show_message(text.format(path.name, exc.__cause__ or exc))
            return False
        self.studio.playback.first()
        self._saved_scene = scene
        self.path = _editable(path)
        self._forget_autosave()
        self._update_title()
        lesson = lesson_of(path)
        self._show_lesson(lesson)
        if scene.target is not None:  # a scene made to be trained: its panel opens
            self.set_training_shown(True)
        self._set_lesson_training(lesson)
        return True

    def _set_lesson_training(self, lesson: Lesson | None) -> None:
        """A lesson's learning rate, steps and backward pass switch, however it was opened
        (the Lessons menu, the command line, File ▸ Open)."""
        if lesson is None:
            return
        training = training_of(self.studio)
        if lesson.learning_rate is not None:
            training.set_learning_rate(lesson.learning_rate)
        if lesson.training_steps is not None:
            training.set_steps(lesson.training_steps)
        self.set_backward(lesson.backward)

    def open_lesson(self, lesson: Lesson) -> bool:
        """Open *lesson* (a copy), at its step and with its view options."""
        if not self.open_scene(lesson.file):
            return False
        if lesson.step:
            self.studio.playback.seek(lesson.step)
        return True

    def step_lesson(self, direction: int) -> bool:
        """Open the next (+1) or previous (−1) lesson; from another scene, the first."""
        found = lessons()
        current = self.note.lesson
        index = found.index(current) + direction if current in found else 0
        if not 0 <= index < len(found):
            return False
        return self.open_lesson(found[index])

    def _show_lesson(self, lesson: Lesson | None) -> None:
        self.note.set_lesson(lesson)
        self._show_note()
        # A new scene is read from the top: the note's title, then the sizes.
        self.side_panel.scroll_to_top()
        if lesson is not None:
            self.window_counts_action.setChecked(lesson.window_counts)
            self.input_panel.set_show_counts(lesson.window_counts)

    def set_note_shown(self, shown: bool) -> None:
        """Show the teacher's note of the lesson open (N), or hide it."""
        self.note_action.setChecked(shown)
        self._show_note()

    def _show_note(self) -> None:
        self.note.setVisible(self.note.lesson is not None and self.note_action.isChecked())

    def keep_work(self, action: str) -> bool:
        """Whether *action* may go ahead: an edited scene is saved or given up first."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved(action)
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def is_modified(self) -> bool:
        """The scene differs from the file it came from (or was never saved)."""
        scene, saved = self.studio.document.scene, self._saved_scene
        # Another layer selected is the same scene (the focus is not saved).
        return scene is not saved and (saved is None or not scene.same_as(saved))

    def _ask_unsaved_dialog(self, action: str) -> str:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(
            self.tr("The scene has changes that are not saved. Save them before you {0}?").format(
                action
            )
        )
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        return {buttons.Save: SAVE, buttons.Discard: DISCARD}.get(buttons(answer), CANCEL)

    def image_window(self) -> ImageWindow:
        """The image window, made on first use (pyqtgraph's image views cost start-up time)."""
        if self._image_window is None:
            from .image_window import ImageWindow

            self._image_window = ImageWindow(self.studio, self._report)
            # After "Step through this region" the remote's PageDown must reach this window.
            self._image_window.region_applied.connect(self._take_focus)
            # The photo's region is no longer the lesson's scene: its note would mislead.
            self._image_window.region_applied.connect(lambda: self._show_lesson(None))
        return self._image_window

    def _take_focus(self) -> None:
        self.raise_()
        self.activateWindow()
        self.centralWidget().setFocus()

    def open_image_dialog(self) -> None:
        from .image_window import IMAGE_FILTER

        path = self.ask_file(
            self.tr("Open image"), QCoreApplication.translate("ImageWindow", IMAGE_FILTER)
        )
        if path is not None:
            self.open_image(path)

    def open_image(self, path: Path) -> bool:
        """Show *path* next to the current kernels' result; say why if it cannot be read."""
        window = self.image_window()
        if not window.open_image(path):
            return False
        self.messages.hide()  # an earlier failure is no longer news
        window.show()
        window.raise_()
        return True

    def save(self) -> bool:
        """Save to the file the scene came from (Ctrl+S); a scene without one (untitled,
        a lesson's copy) asks for a name first. Whether it was saved."""
        commit_open_edit()  # the number still being typed is part of the scene
        if self.path is None:
            return self.save_scene_dialog()
        return self.save_scene(self.path)

    def save_scene_dialog(self) -> bool:
        """Ask where to save; the first time, in the folder last used or the documents."""
        if self.path is not None:
            folder: Path | None = self.path.parent
            name = self.path.name
        else:
            folder = None
            # A lesson's copy is offered under its title in the language in use.
            title = scene_title(self.studio.document.scene.title) or self.tr("Untitled")
            name = f"{_file_stem(title)}.json"
        path = self.ask_file(
            self.tr("Save scene as"), self.tr(SCENE_FILTER), save=True, folder=folder, name=name
        )
        return path is not None and self.save_scene(path)

    def save_scene(self, path: Path) -> bool:
        """Save atomically; on failure say why and change nothing (title, file, undo).

        An edited scene saved under a new name takes that name as its title, so that a
        student's copy of the worked example does not reopen as "Worked example".
        """
        document = self.studio.document
        scene = document.scene
        if self.is_modified() and path != self.path:
            scene = scene.replace(title=path.stem)
        try:
            save_scene(scene, path)
        except OSError as exc:
            self.messages.show_message(
                self.tr("Could not save to {0}: {1}. Nothing was changed.").format(
                    path, exc.strerror or exc
                )
            )
            return False
        # Only now the title: it names the file, and is not an edit to undo.
        document.set_scene(scene, undoable=False)
        self.path = path
        self._saved_scene = document.scene
        self._forget_autosave()
        self._remember_folder(path.parent)
        self._update_title()
        return True

    # ------------------------------------------------------------ work kept

    def autosave_now(self) -> None:
        """Write the unsaved scene to the user's data folder, when it changed since last time."""
        scene = self.studio.document.scene
        if self._autosave is None or scene is self._autosaved_scene:
            return
        if not self.is_modified():
            self._forget_autosave()
            return
        try:
            self._autosave.write(scene, self.path)
        except OSError:
            # A full disk: the next tick tries again; the window works on. A folder that
            # can never hold it is said (once).
            self._say_autosave_problem()
            return
        self._autosaved_scene = scene

    def _say_autosave_problem(self) -> None:
        """Say once, and why, that unsaved work cannot be kept (the data folder is unusable)."""
        if self._autosave is None or self._autosave_problem_said:
            return
        problem = self._autosave.problem()
        if problem is None:
            return
        self._autosave_problem_said = True
        self.messages.add_notice(Notice(problem, self._autosave.folder.name))

    def _forget_autosave(self) -> None:
        self._autosaved_scene = self.studio.document.scene
        if self._autosave is not None:
            self._autosave.clear()

    def restore_unsaved_work(self) -> None:
        """Offer back what a window that crashed or was killed had not saved.

        A damaged restore file is set aside under a dated name, and said once.
        """
        if self._autosave is None:
            return
        for file in self._autosave.left_behind():
            try:
                recovered = read_autosave(file)
            except SceneFileError as exc:
                self._set_aside(file, exc)
                continue
            if self.ask_restore(recovered):
                try:
                    self.studio.document.set_scene(recovered.scene)
                except EditError as exc:
                    self._set_aside(file, exc)
                    continue
                self.studio.playback.first()
                self.path = _editable(recovered.source)
                # The note of the lesson the restored scene came from, if any; never the
                # note of the scene it replaced.
                source = recovered.source
                self._show_lesson(None if source is None else lesson_of(source))
                self._saved_scene = None  # restored, not saved: the title says so
                self._update_title()
                self.autosave_now()
            file.unlink(missing_ok=True)
            return  # one at a time: the others stay for the next start

    def _set_aside(self, file: Path, reason: Exception) -> None:
        try:
            kept = set_aside(file)
        except OSError:
            file.unlink(missing_ok=True)
            kept = None
        self.messages.add_notice(
            Notice(
                self.tr("The unsaved work of an earlier session could not be read ({0}).").format(
                    reason
                )
                + (self.tr(" It was kept as {0}.").format(kept) if kept else ""),
                file.name,
                set_aside=kept is not None,
            )
        )

    def _ask_restore_dialog(self, recovered: Recovered) -> bool:
        title = scene_title(recovered.scene.title) or self.tr("Untitled")
        answer = QMessageBox.question(
            self,
            self.tr("Restore unsaved work"),
            self.tr(
                "ConvStudio did not close properly last time. Restore the scene “{0}” "
                "as it was at {1}?"
            ).format(title, recovered.saved_at),
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_interrupted_saves(self) -> None:
        """Remove the temporary files of saves that a crash or a kill interrupted."""
        folders = {str(user_data_folder()), str(user_library(user_data_folder()).folder)}
        if self._remember_geometry:
            folders.update(settings.read("files/folders", list))
            self._say_settings_problems()
        for folder in folders:
            # A folder gone or unreadable: nothing of ours to tidy there.
            with contextlib.suppress(OSError):
                remove_interrupted_saves(folder)

    def _remember_folder(self, folder: Path) -> None:
        if not self._remember_geometry:
            return
        folders = [str(folder)] + [
            f for f in settings.read("files/folders", list) if f != str(folder)
        ]
        settings.write("files/folders", folders[:10])

    # ------------------------------------------------------------ view

    def _report(self, text: str) -> None:
        if self._rebuilding:
            return  # said when the views were first built
        if self._starting:
            self.messages.add_notice(text)
        else:
            self.messages.show_message(text)

    def _show_stepping(self) -> None:
        """The View menu's "step by" switch: the current transposed convolution's setting,
        or off without one; never writes the model."""
        layer = stepping_layer(self.studio)
        self.stepping_menu.setEnabled(layer is not None)
        mode = (
            None
            if layer is None
            else getattr(self.studio.document.scene.layers[layer], "stepping", None)
        )
        for name, action in self.stepping_actions.items():
            action.setChecked(name == mode)

    def _show_backward(self, *_: object) -> None:
        """The Step menu's backward pass switch: offered with a target; never writes the
        model."""
        backward = backward_of(self.studio)
        self.backward_action.setEnabled(backward.available)
        self.backward_action.setChecked(backward.on and backward.available)

    def set_backward(self, on: bool) -> None:
        """Step through one training step's backward pass and update after the forward
        pass (*on*), or the forward pass alone."""
        backward_of(self.studio).set_on(on)
        self._show_backward()

    def set_stepping(self, mode: str) -> None:
        """Step the current transposed convolution by *mode* ("scatter" or "gather"): one
        undoable edit; a refusal is said, never raised."""
        commit_open_edit()
        layer = stepping_layer(self.studio)
        if layer is not None:
            try:
                self.studio.set_stepping(layer, mode)
            except EditError as exc:
                self._report(str(exc))
        self._show_stepping()

    def _on_scene_changed(self, *_: object) -> None:
        # A message about an earlier mistake is stale once the user has changed something;
        # what start-up found is not (a restored scene must not hide it).
        if not self.messages.notices:
            self.messages.hide()

    @property
    def zoom(self) -> float:
        """The zoom the stage is drawn at: the largest that fits, times the user's own."""
        return self.stage.zoom

    @property
    def user_zoom(self) -> float:
        return self.stage.user_zoom

    def set_user_zoom(self, zoom: float) -> None:
        """Set the user's zoom, as a factor of the largest that shows everything (1.0)."""
        self.stage.set_user_zoom(zoom)

    def step_zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - self.user_zoom))
        self.set_user_zoom(steps[max(0, min(len(steps) - 1, nearest + direction))])

    def set_side_panel(self, visible: bool) -> None:
        """Show the side panel (sizes, presets, settings, costs, PyTorch) or hide it."""
        self.side_panel_action.setChecked(visible)
        self.side_panel.setVisible(visible)

    def set_training_shown(self, visible: bool) -> None:
        """Show the Training panel (under the stage) or hide it."""
        self.training_action.setChecked(visible)
        self.training_dock.setVisible(visible)

    def _on_training_dock_visibility(self, visible: bool) -> None:
        # Closed by its own button: the menu's check follows (a minimised window too is
        # "not visible", so only an explicit close is taken as one).
        if not visible and self.training_dock.isHidden():
            self.training_action.setChecked(False)

    def _toggle_training(self) -> None:
        """Play or pause training (the panel opens to show it)."""
        if not self.training_dock.isVisible():
            self.set_training_shown(True)
        try:
            self.training_panel.session.toggle()
        except EditError as exc:
            self._report(str(exc))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._blank.isVisible():
            self._blank.setGeometry(self.rect())

    def set_heat_maps(self, visible: bool) -> None:
        """Show each output map as a heat map beside its numbers, or not."""
        self.heat_maps_action.setChecked(visible)
        self.output_panel.set_heat_maps_visible(visible and not self.quiz.asking_size)
        self.stage.relayout()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_presenting(self, presenting: bool, *, full_screen: bool = True) -> None:
        """The stage full screen for a class: no menus and no editing controls, or back.

        While presenting, the stepping keys, Home/End, Space, B/. (blank) and Esc work; a
        typed key or a double-click never reaches a control, nor a click or the wheel a
        control on the stage (:class:`StepKeysFilter`), so no number changes.
        *full_screen* False keeps the window's size (a frame drawn for a slide).
        """
        presenting = bool(presenting)
        self.present_action.setChecked(presenting)
        if presenting == self.presenting:
            return
        self.presenting = presenting
        commit_open_edit()
        self._step_keys.read_only = presenting
        for action in (self.leave_action, self.blank_action):
            action.setEnabled(presenting)
        editing = not presenting
        self.menuBar().setVisible(editing)
        # The teacher's note is for the teacher: hidden while presenting unless asked (N).
        if presenting:
            self._note_before = self.note_action.isChecked()
            self._left.insertWidget(1, self.note)  # under the stage, above the step bar
        else:
            self.side_panel.insert_top(self.note)
        self.note.set_large(presenting)
        self.set_note_shown(editing and self._note_before)
        if presenting:
            self._side_panel_was_shown = not self.side_panel.isHidden()
        self.side_panel.setVisible(editing and self._side_panel_was_shown)
        for widget in (self.transport.speed, self.transport.speed_label):
            widget.setVisible(editing)
        if not full_screen:
            pass
        elif presenting:
            self._was_full_screen = self.isFullScreen()
            self._normal_geometry = self.geometry()
            self.centralWidget().setFocus()
            # Without a window manager (a bare X server, a kiosk) full screen is only a wish:
            # take the whole screen first (a geometry set afterwards would end full screen).
            self.setGeometry(self.screen().geometry())
            self.showFullScreen()
        else:
            self._blank.hide()
            if not self._was_full_screen:
                self.showNormal()
                self.setGeometry(self._normal_geometry)

    def _on_quiz_changed(self, *_: object) -> None:
        self.quiz_action.setChecked(self.quiz.on)
        # While the class guesses the output size, nothing on screen may tell it: not the
        # formula under the map, the number of steps, the costs, nor the heat maps.
        asking = self.quiz.asking_size
        self.settings_panel.size_box.setVisible(not asking)
        self.transport.hide_total(asking)
        self.costs_panel.setVisible(not asking)
        self.output_panel.set_heat_maps_visible(not asking and self.heat_maps_action.isChecked())

    def toggle_blank(self) -> None:
        """Black out the screen (the remote's "blank" key), or bring the stage back."""
        if self._blank.isVisible():
            self._blank.hide()
            return
        self._blank.setGeometry(self.rect())
        self._blank.show()
        self._blank.raise_()

    def _show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keys"),
            self.tr(
                "Space: play / pause\n→ or PageDown: next step\n← or PageUp: previous step\n"
                "Home / End: first / last step\n"
                "] / [ or Alt+PageDown / Alt+PageUp: next / previous layer\n"
                "Ctrl+Z / Ctrl+Shift+Z: undo / redo\n"
                "Ctrl+= / Ctrl+- / Ctrl+0: larger / smaller / actual size\nF11: full screen\n"
                "Ctrl+O / Ctrl+S / Ctrl+Shift+S: open / save / save as\nCtrl+I: open an image\n"
                "Ctrl+PageDown / Ctrl+PageUp: next / previous lesson\n"
                "N: the teacher's note on / off\n"
                "F9: side panel on / off\n"
                "Ctrl+H: heat maps on / off\nCtrl+Shift+W: window counts on / off\n"
                "T: training panel on / off; Shift+Space: play / pause training\n"
                "Ctrl+B: step through the backward pass on / off (a scene with a target)\n"
                "M: the current layer as a matrix on / off\n"
                "F5 or Shift+F5: present (Esc leaves); B or .: blank screen\n"
                "Q: quiz on / off (→ or PageDown reveals, then steps)\n"
                "Point at a weight: the values it multiplies (hold Shift: at every step)\n"
                "Double-click or type in a cell to edit it; Ctrl+V pastes a block."
            ),
        )

    def show_about(self) -> None:
        """Help ▸ About: the version, the licences and the versions a bug report needs."""
        AboutDialog(self).exec()

    def _update_title(self, *_: object) -> None:
        scene = self.studio.document.scene
        title = scene_title(scene.title) or (self.path.stem if self.path else self.tr("Untitled"))
        edited = "*" if self.is_modified() else ""  # changed since opened or saved
        self.setWindowTitle(self.tr("{0}{1} — ConvStudio").format(title, edited))
        self.undo_action.setEnabled(self.studio.document.can_undo)
        self.redo_action.setEnabled(self.studio.document.can_redo)

    # ------------------------------------------------------------ Qt events

    def restore_geometry(self) -> None:
        """Put the window where the user last left it; say what was wrong with the settings."""
        if self._remember_geometry:
            geometry = settings.read("window/geometry", QByteArray)
            if geometry is not None:
                self.restoreGeometry(geometry)
            self._say_settings_problems()

    def _say_settings_problems(self) -> None:
        """Say what was wrong with the settings read so far (each thing once)."""
        for notice in settings.take_notices():
            self.messages.add_notice(notice)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.studio.playback.pause()
        self.training_panel.session.pause()
        if not self.keep_work(self.tr("quit")):
            event.ignore()
            return
        self._autosave_timer.stop()
        self._forget_autosave()
        if self._image_window is not None:
            # Deleted while Qt still runs: pyqtgraph's scenes crash if Python tears them
            # down after the application.
            self._image_window.close()
            self._image_window.deleteLater()
            self._image_window = None
        QApplication.instance().removeEventFilter(self._step_keys)
        if self._remember_geometry:
            settings.write("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def user_data_folder() -> Path:
    """The per-user folder of the app's own files (kernels, unsaved work)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder)


def _editable(path: Path | None) -> Path | None:
    """*path*, or ``None`` for a shipped lesson: saving one must never overwrite the app."""
    if path is None:
        return None
    try:
        path.resolve().relative_to(resource_dir().resolve())
    except ValueError:
        return path
    return None


def _file_stem(title: str) -> str:
    """A file name made from *title*: no folder separators or characters a system refuses."""
    stem = "".join("-" if c in '/\\:*?"<>|' or not c.isprintable() else c for c in title)
    return stem.strip(" .")[:80] or "scene"


def _sequences(key: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]
