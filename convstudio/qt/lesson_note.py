"""The teacher's note of the lesson open: what to look at, and what to ask the class."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..model.lessons import Lesson, lessons
from ..model.words import lesson_text
from . import style

# The stage draws its text at about this zoom when presenting at 1280×720 (1.0–1.7 in the
# lessons; more at 1920×1080): a fixed size, or the note and the stage would resize each other.
PRESENTING_ZOOM = 1.2


class LessonNote(QWidget):
    """The lesson's number and title over its note; empty (and hidden) for other scenes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)  # the side panel is narrow
        self.title.setFont(style.font(style.UI_PT, bold=True))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setFont(style.font(style.UI_PT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.lesson: Lesson | None = None
        self.set_lesson(None)

    def set_large(self, large: bool) -> None:
        """The stage's text size (under the stage while presenting: read from the room), or
        the side panel's."""
        points = style.EQUATION_PT * PRESENTING_ZOOM if large else style.UI_PT
        self.title.setFont(style.font(points, bold=True))
        self.text.setFont(style.font(points))

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Show *lesson*'s note (``None``: a scene of the user's own, nothing to show)."""
        self.lesson = lesson
        if lesson is None:
            self.title.clear()
            self.text.clear()
            return
        self.title.setText(
            self.tr("Lesson {0} of {1}: {2}").format(
                lesson.number, len(lessons()), lesson_text(lesson.title)
            )
        )
        self.text.setText(lesson_text(lesson.note))
