"""The icon set: every name the GUI uses has a drawing that parses and paints something."""
import struct
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from gui.icons import ICON_NAMES, icon, icons_dir

SVG_NS = "{http://www.w3.org/2000/svg}"


def _painted_pixels(name: str, px: int) -> int:
    renderer = QSvgRenderer(str(icons_dir() / f"{name}.svg"))
    assert renderer.isValid(), name
    img = QImage(px, px, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    renderer.render(p, QRectF(0, 0, px, px))
    p.end()
    return sum(1 for y in range(px) for x in range(px) if img.pixelColor(x, y).alpha() > 0)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_exists_parses_and_renders(qapp, name):
    path = icons_dir() / f"{name}.svg"
    assert path.is_file(), f"missing {path}"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 24 24"
    # No text elements: glyphs would depend on the fonts installed.
    assert not list(root.iter(f"{SVG_NS}text"))
    # Visible at 16 px but not a filled square.
    painted = _painted_pixels(name, 16)
    assert 16 < painted < 16 * 16, (name, painted)
    assert not icon(name).isNull()


def test_names_are_unique_and_files_match():
    assert len(set(ICON_NAMES)) == len(ICON_NAMES)
    on_disk = {p.stem for p in icons_dir().glob("*.svg")}
    assert on_disk == set(ICON_NAMES), on_disk ^ set(ICON_NAMES)


def test_status_icons_differ_in_shape_not_only_colour(qapp):
    """Compare the alpha masks: two status icons must not cover the same pixels."""
    def mask(name):
        r = QSvgRenderer(str(icons_dir() / f"{name}.svg"))
        img = QImage(24, 24, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        r.render(p, QRectF(0, 0, 24, 24))
        p.end()
        # Shape seen by a colour-blind user: luminance of the painted pixels, thresholded.
        return tuple(img.pixelColor(x, y).lightness() > 200 and img.pixelColor(x, y).alpha() > 128
                     for y in range(24) for x in range(24))
    names = ["status-ok", "status-soon", "status-expired", "status-broken"]
    masks = {n: mask(n) for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            diff = sum(x != y for x, y in zip(masks[a], masks[b]))
            assert diff > 20, (a, b, diff)


def test_app_icon_exports_for_installers():
    png = icons_dir() / "app.png"
    img = QImage(str(png))
    assert (img.width(), img.height()) == (256, 256)
    ico = (icons_dir() / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
