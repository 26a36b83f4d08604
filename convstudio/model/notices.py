"""What the user is told at start, summed up in one line when there is more than one thing.

A damaged kernel file, a damaged autosave, a bad remembered setting and a data folder that
cannot be used are each one sentence; at start several may come at once (200 damaged
kernel files, say). The window shows one line that sums them all up, and the whole list
on demand, instead of each sentence replacing the last.
"""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import translate
from .numbers import shortened
from .words import counted

# How many subjects the summary names before "and N more": one line on a 720p projector.
NAMED = 3


class Notice(str):
    """One thing to tell the user: the sentence itself, which also knows what it is about.

    It is a ``str`` (the whole sentence: what happened, what was done, what to do), so it
    goes wherever a message goes; the summary reads its attributes.

    Attributes
    ----------
    subject
        What it is about, in a word or a name (``"x.json"``, ``"window/geometry"``), for
        the summary; empty when there is nothing to name.
    set_aside
        Whether a damaged file was set aside (renamed beside itself) because of it.
    """

    subject: str
    set_aside: bool

    def __new__(cls, text: str, subject: str = "", set_aside: bool = False) -> Notice:
        notice = super().__new__(cls, text)
        notice.subject = subject
        notice.set_aside = set_aside
        return notice


def summed_up(notices: Sequence[str]) -> str:
    """One line that says all of *notices*: the sentence itself when there is one.

    ``"3 files set aside at start: a.json, b.json, kernels.json."`` when each was a file set
    aside, else ``"4 problems at start: a.json, window/geometry, … and 1 more."``.
    """
    if not notices:
        return ""
    if len(notices) == 1:
        return str(notices[0])
    subjects = [shortened(_subject(n)) for n in notices if _subject(n)]
    #: between the names of files in a list: "a.json, b.json"
    named = translate("Notices", ", ").join(subjects[:NAMED])
    more = len(notices) - min(len(subjects), NAMED)
    if not named:
        return translate("Notices", "{0} at start.").format(counted(len(notices), "problem"))
    listed = translate("Notices", "{0} and {1} more").format(named, more) if more else named
    if all(isinstance(n, Notice) and n.set_aside for n in notices):
        text = translate("Notices", "{0} set aside at start: {1}.")
        return text.format(counted(len(notices), "file"), listed)
    return translate("Notices", "{0} at start: {1}.").format(
        counted(len(notices), "problem"), listed
    )


def listed_in_full(notices: Sequence[str]) -> str:
    """Every notice's sentence, one paragraph each, for the list shown on demand."""
    return "\n\n".join(notices)


def _subject(notice: str) -> str:
    return notice.subject if isinstance(notice, Notice) else ""


__all__ = ["NAMED", "Notice", "listed_in_full", "summed_up"]
