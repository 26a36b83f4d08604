"""The layer contract at run time: the engine, the model and the command line's non-drawing
commands never load Qt (``compute`` must work on a machine without display libraries)."""

from __future__ import annotations

import json
import subprocess
import sys

from convstudio.model import scene_path

QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")

PROBE = """
import json, sys
{body}
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & {qt!r})
print(json.dumps(loaded))
"""


def loaded_after(body: str) -> list[str]:
    """Which Qt packages are in ``sys.modules`` after running *body* in a fresh Python."""
    code = PROBE.format(body=body, qt=set(QT_MODULES))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_engine_model_and_cli_do_not_import_qt():
    assert loaded_after("import convstudio.engine, convstudio.model, convstudio.cli") == []


def test_the_compute_command_does_not_import_qt():
    body = (
        "import io, contextlib, convstudio.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = convstudio.cli.main(['compute', {str(scene_path('worked-example'))!r}, "
        "'--json'])\n"
        "assert status == 0 and json.loads(out.getvalue())['macs'] == 144\n"
    )
    assert loaded_after(body) == []


def test_the_probe_sees_qt_when_it_is_loaded():
    # The check above means something only if it notices Qt when Qt is there.
    assert loaded_after("import convstudio.qt.cells") == ["PySide6", "shiboken6"]
