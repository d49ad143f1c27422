"""Render resources/icons/snapp.svg into the PNG and ICO files a build needs.

Usage: python packaging/icons.py OUT_DIR  (packaging/build.sh runs it). The SVG
is the one source; PNG (Linux menus) and ICO (Windows executable and
installer) are generated, never edited by hand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "snapp.svg"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def render(size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main(out_dir: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([])  # noqa: F841 - QPainter needs a GUI application
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    render(256, out / "snapp.png")
    Image.open(out / "snapp.png").save(out / "snapp.ico", sizes=[(s, s) for s in ICO_SIZES])


if __name__ == "__main__":
    main(sys.argv[1])
