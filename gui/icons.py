"""Icons by name from resources/icons/<name>.svg (a missing file gives an empty icon, never a crash).

A name without an SVG falls back to the desktop theme's icon of the same name (Linux), so a new
name can be used before its drawing exists."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

# Every icon the project draws (tests/gui/test_icons.py checks each one exists and renders).
ICON_NAMES: tuple[str, ...] = (
    "app", "hdd", "usb", "phone", "folder", "certificate", "view", "password-check",
    "password-change", "copy", "move", "delete", "export", "import", "add-folder", "refresh",
    "issue", "reissue", "renew", "register", "revoke", "settings", "help", "status-ok",
    "status-soon", "status-expired", "status-broken", "otp", "card", "teller", "search", "show",
    "hide", "keypad", "cloud",
)


def resources_dir() -> Path:
    """resources/ in a checkout, or inside the PyInstaller bundle (sys._MEIPASS) when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = icons_dir() / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    return QIcon.fromTheme(name)  # empty QIcon when the theme has none either
