"""QApplication set-up and the start of the GUI: translators, context, window first, scan after."""
from __future__ import annotations

import gc
import importlib
import sys

# no `Qt` namespace here: loading it costs ~14 ms, paid after the placeholder's first paint instead
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from core import __version__
from core.locations import bank_exists
from core.npki import PFX_SUFFIXES

from .context import AppContext


# The table's model, the delegates and every slot are Python: painting a screenful of rows takes the
# GIL hundreds of times. With a worker thread busy in Python (a copy, a scan, grouping copies), each
# take could wait the default 5 ms switch interval, so one repaint stalled for tens of milliseconds.
# A short interval hands the GIL back to the GUI thread quickly (docs/gui-state.md "Snappy").
GUI_SWITCH_INTERVAL = 0.0005


class _EmitProbe(QObject):
    fired = Signal()


_BOOL_PAD: list = []


def emit_loses_bool_references() -> bool:
    """True when this PySide6 drops a reference to True on every Signal.emit made from Python
    (PySide6 6.12.0: emit hands back True without owning it). Python 3.11's True is an ordinary
    object: a few thousand emits free it and Python aborts ("bool_dealloc"). 3.12 made it immortal."""
    if sys.version_info >= (3, 12):
        return False
    probe = _EmitProbe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return before - sys.getrefcount(True) >= 8


def guard_emit_refcount() -> None:
    """pyproject keeps PySide6 6.12 out; should it be installed anyway (a system package, a manual
    upgrade), hold a million references to True so that a session does not run out (8 MB) and say
    so on stderr, instead of the window dying hours later (docs/gui-state.md)."""
    if not _BOOL_PAD and emit_loses_bool_references():
        _BOOL_PAD.extend([True] * (1 << 20))
        import logging
        import PySide6
        logging.getLogger(__name__).warning(
            "PySide6 %s loses a reference on every signal emit; upgrade or downgrade PySide6 "
            "(see README, Dependencies)", PySide6.__version__)


def create_app(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    guard_emit_refcount()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Dojang")
    app.setApplicationDisplayName("도장 Dojang")
    app.setOrganizationName("Dojang")
    app.setApplicationVersion(__version__)
    return app


def set_app_icon(app: QApplication) -> None:
    """The windows' icon. Not in create_app: the SVG icon engine and the icon's sizes for the window
    system cost milliseconds before the first paint, so the start sets it right after that paint."""
    from .icons import icon
    app.setWindowIcon(icon("app"))


def build_window(app: QApplication | None = None, ctx: AppContext | None = None):
    """Language + context + main window (not shown, not scanning yet). Returns (window, ctx)."""
    app, ctx = setup_language(app, ctx)
    set_app_icon(app)
    from .main_window import MainWindow
    window = MainWindow(ctx)
    freeze_startup_heap()
    return window, ctx


def freeze_startup_heap() -> None:
    """What the imports and the window made (modules, classes, functions, widget wrappers: ~40,000
    objects) lives as long as the app: gc.freeze moves it out of the collector's reach. A full
    collection walked all of it — 20–40 ms holding the GIL, so the GUI thread stood still when one
    ran during a copy or a scan."""
    gc.freeze()


def setup_language(app: QApplication | None = None, ctx: AppContext | None = None):
    from . import i18n
    from .settings import settings
    app = app or create_app()
    ctx = ctx or AppContext()
    i18n.setup(app, ctx, settings())
    return app, ctx


class Placeholder(QMainWindow):
    """The main window's frame, shown before the certificate and storage code is imported: same title,
    same place and size, one line saying the list is being loaded. The real window takes its place as
    soon as it is built (docs/gui-state.md "Snappy")."""

    def __init__(self):
        super().__init__()
        self.setObjectName("mainWindowPlaceholder")
        # the main window's own strings (context MainWindow, in main_en.ts)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "도장 — 공동인증서 관리"))
        label = QLabel(QCoreApplication.translate("MainWindow", "인증서 목록을 불러오는 중…"), self)
        label.setObjectName("placeholderLabel")
        label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.setCentralWidget(label)
        from .settings import settings
        geometry = settings().value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 640)


class _PaintSeen(QObject):
    def __init__(self, widget):
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def open_main_window(app: QApplication, ctx: AppContext):
    """Paint the placeholder, then import and build the main window and put it in its place.
    Returns the main window (shown, not scanning yet)."""
    import time

    from PySide6.QtCore import QEventLoop
    placeholder = Placeholder()
    painted = _PaintSeen(placeholder)
    placeholder.show()
    deadline = time.monotonic() + 1.0       # the first paint happens here, before the heavy imports
    while not painted.seen and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    set_app_icon(app)
    from .main_window import MainWindow
    window = MainWindow(ctx)
    freeze_startup_heap()
    window.show()
    placeholder.close()
    placeholder.deleteLater()
    return window


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


class FileOpenHandler(QObject):
    """macOS sends a double-clicked or dropped-on-the-Dock file as a FileOpen event, not as argv."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()
            if path and path.lower().endswith(PFX_SUFFIXES):
                # after the event returns: the import opens dialogs of its own
                QTimer.singleShot(0, lambda: self.window.import_pfx_file(path))
                return True
        return False


def quit_with(window, app: QApplication) -> None:
    """The app ends when its main window closes: every other top-level window (phones, which only
    hide; the demo panel; 보안카드/OTP; a wizard) is closed with it, then the event loop quits — no
    process left running with no window (docs/gui-state.md)."""
    def closed() -> None:
        for top in app.topLevelWidgets():
            if top is not window and top.isWindow():
                top.close()
        app.quit()
    window.closed.connect(closed)


def run(open_pfx: str | None = None) -> int:
    """open_pfx: a .pfx/.p12 to import once the window is up (the file association's argument)."""
    app, ctx = setup_language(create_app())
    window = open_main_window(app, ctx)
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    quit_with(window, app)
    # The scan starts after the first paint: the window appears at once and fills in.
    QTimer.singleShot(0, window.start)
    if not bank_exists():
        # first start: the bank writes the demo customers' certificates, which the welcome page
        # mentions; the window refreshes when they are there (MainWindow._on_bank_opened)
        QTimer.singleShot(0, window.open_bank_in_background)
    if open_pfx:
        QTimer.singleShot(0, lambda: window.import_pfx_file(open_pfx))
    else:
        QTimer.singleShot(0, lambda: _maybe_welcome(window, ctx))
    code = app.exec()
    app.removeEventFilter(handler)
    ctx.close()
    return code
