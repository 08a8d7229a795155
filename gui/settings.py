"""The GUI's own settings (window geometry, language, first-run flag) in one INI file.

The file lives in the app data folder (`core.locations.app_home()`), so tests that point
DOJANG_HOME at a temporary folder get their own settings, and the portable build keeps them next
to the executable."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from core.locations import app_home, ensure_dir

SETTINGS_FILE = "dojang.ini"


def settings() -> QSettings:
    """A QSettings on <app_home>/dojang.ini. Cheap; create one where needed, don't keep it global."""
    home = ensure_dir(app_home())
    return QSettings(str(home / SETTINGS_FILE), QSettings.Format.IniFormat)
