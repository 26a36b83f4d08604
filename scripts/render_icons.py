"""Render the app's icon (``resources/icons/convstudio.svg``) into the PNGs desktops use.

    .venv/bin/python scripts/render_icons.py            # write resources/icons/convstudio-N.png
    .venv/bin/python scripts/render_icons.py --check    # exit 1 if a PNG differs from the SVG

Qt's own ``QSvgRenderer`` draws them (PySide6-Essentials has QtSvg), so no other tool is
needed. The PNGs are committed: a desktop, a bundle and the window read them as they are.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convstudio.model.resources import ICON_SIZES  # noqa: E402

FOLDER = ROOT / "resources" / "icons"
SOURCE = FOLDER / "convstudio.svg"


def render(size: int) -> bytes:
    """The icon drawn at *size*×*size* pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE.name} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs one)
    stale = []
    for size in ICON_SIZES:
        target = FOLDER / f"convstudio-{size}.png"
        data = render(size)
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(target.name)
        else:
            target.write_bytes(data)
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
