"""QApplication set-up and the start of the GUI: translators, context, window first, scan after."""
from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core import __version__

from .context import AppContext
from .icons import icon


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Dojang")
    app.setApplicationDisplayName("도장 Dojang")
    app.setOrganizationName("Dojang")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    return app


def build_window(app: QApplication | None = None, ctx: AppContext | None = None):
    """Language + context + main window (not shown, not scanning yet). Returns (window, ctx)."""
    from . import i18n
    from .main_window import MainWindow
    from .settings import settings

    app = app or create_app()
    ctx = ctx or AppContext()
    i18n.setup(app, ctx, settings())
    return MainWindow(ctx), ctx


def _maybe_welcome(window, ctx) -> None:
    try:
        welcome = importlib.import_module("gui.welcome")
    except ImportError:
        return
    from .settings import settings
    try:
        if welcome.should_show(settings()):
            welcome.show_welcome(window, ctx)
    except AttributeError:
        pass


def run() -> int:
    app = create_app()
    window, ctx = build_window(app)
    window.show()
    # The scan starts after the first paint: the window appears at once and fills in.
    QTimer.singleShot(0, window.start)
    QTimer.singleShot(0, lambda: _maybe_welcome(window, ctx))
    code = app.exec()
    ctx.close()
    return code
