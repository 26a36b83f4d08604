"""Start the window as ``convstudio [ARGS]`` does, say what it shows, and quit as a user would.

Run by the tests in a subprocess (offscreen, over a temporary home)::

    python tests/start_window.py [--deny FOLDER] [ARGS...]

Once the main window is shown it prints ``SHOWN`` and the message bar's text (the summary
and, when there is one, the list behind "Details…"), then closes the window (discarding
any edit) and prints ``CLOSED``. A question at start (restore earlier work?) is answered no.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
args = sys.argv[1:]
if args[:1] == ["--deny"]:
    import denied

    denied.deny(args[1])
    args = args[2:]

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from convstudio.cli import main  # noqa: E402
from convstudio.qt.app import application  # noqa: E402
from convstudio.qt.main_window import DISCARD, MainWindow  # noqa: E402

app = application()


def check() -> None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not shown:
        QTimer.singleShot(20, check)
        return
    for window in shown:
        bar = window.messages
        said = {
            "message": bar.text() if bar.isVisible() else "",
            "details": bar.details_button.isVisible(),
            "list": bar.show_details().isVisible() and bar.details_text(),
        }
        print("SHOWN " + json.dumps(said), flush=True)
        window.ask_unsaved = lambda action: DISCARD
        window.close()
    print("CLOSED", flush=True)


QTimer.singleShot(0, check)
sys.exit(main(args))
