"""QApplication set-up and the start of the GUI."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from core import __version__


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Dojang")
    app.setApplicationDisplayName("도장 Dojang")
    app.setOrganizationName("Dojang")
    app.setApplicationVersion(__version__)
    return app


def run() -> int:
    app = create_app()
    from .main_window import MainWindow
    window = MainWindow()
    window.show()
    window.refresh()
    return app.exec()
