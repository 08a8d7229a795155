"""Render the SVG icon set: app.png (256 px) and app.ico for the installers, and a contact sheet.

    .venv/bin/python tools/make_icons.py            # writes resources/icons/app.png, app.ico
    .venv/bin/python tools/make_icons.py --sheet    # also screenshots/icons.png (light + dark, 16/24/48 px, 2x)

Runs offscreen; needs only QtGui + QtSvg."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from gui.icons import ICON_NAMES, icons_dir  # noqa: E402


def render(name: str, px: int, dpr: float = 1.0) -> QImage:
    renderer = QSvgRenderer(str(icons_dir() / f"{name}.svg"))
    if not renderer.isValid():
        raise SystemExit(f"{name}.svg does not parse")
    side = round(px * dpr)
    img = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p, QRectF(0, 0, side, side))
    p.end()
    return img


def _png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def write_ico(path: Path, sizes=(16, 24, 32, 48, 64, 128, 256)) -> None:
    """A multi-size .ico with PNG-compressed entries (valid since Windows Vista).

    Written by hand because Qt's ico writer stores only one image per file."""
    import struct
    images = [_png_bytes(render("app", s)) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for s, blob in zip(sizes, images):
        dim = 0 if s >= 256 else s  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(header + entries + blobs)


def contact_sheet(out: Path, per_column: int = 12) -> None:
    """Each icon at 16, 24, 16@2x and 48 px, on a light and on a dark background."""
    sizes = [(16, 1.0), (24, 1.0), (16, 2.0), (48, 1.0)]
    half_w, cell_h = 230, 60
    groups = (len(ICON_NAMES) + per_column - 1) // per_column
    img = QImage(groups * 2 * half_w, 40 + per_column * cell_h, QImage.Format.Format_ARGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    font = QFont()
    font.setPixelSize(12)
    p.setFont(font)
    for g in range(groups):
        p.fillRect((2 * g + 1) * half_w, 0, half_w, img.height(), QColor("#2b2b2b"))
        for c, fg in enumerate(("#222222", "#dddddd")):
            p.setPen(QColor(fg))
            p.drawText((2 * g + c) * half_w + 8, 24, "16 · 24 · 16@2x · 48")
    for i, name in enumerate(ICON_NAMES):
        g, r = divmod(i, per_column)
        y = 40 + r * cell_h
        for c, fg in enumerate(("#222222", "#dddddd")):
            x = (2 * g + c) * half_w + 8
            for px, dpr in sizes:
                im = render(name, px, dpr)
                p.drawImage(QRectF(x, y + (48 - px * dpr) / 2, px * dpr, px * dpr), im)
                x += px * dpr + 10
            p.setPen(QColor(fg))
            p.drawText(x, y + 28, name)
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(out))


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    d = icons_dir()
    render("app", 256).save(str(d / "app.png"))
    write_ico(d / "app.ico")
    print(f"wrote {d / 'app.png'} and {d / 'app.ico'}")
    if "--sheet" in argv:
        out = ROOT / "screenshots" / "icons.png"
        contact_sheet(out)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
