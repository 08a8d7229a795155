"""Dojang entry point.

- `python main.py` opens the window; `python main.py <command>` is the CLI.
- `python main.py some.pfx` (what a file association runs) opens the window and starts importing it.
- `python main.py --self-check [DIR]` is the smoke test of a build (also of the frozen one): it opens
  the bank and the main window on throw-away data and prints one line per check; exit 0 = all good.
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.npki import PFX_SUFFIXES


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from core.logsafe import configure_logging
    configure_logging()
    _private_by_default()
    if argv and argv[0] in ("--version", "-V"):
        from core import __version__
        print(f"Dojang {__version__}")
        return 0
    if argv and argv[0] == "--self-check":
        return self_check(argv[1] if len(argv) > 1 else None)
    if len(argv) == 1 and _is_pfx_file(argv[0]):
        return _run_with_import(argv[0])
    if argv and not argv[0].startswith("-psn_"):  # macOS Finder passes -psn_…; that is a GUI start
        from core.cli import main as cli_main
        return cli_main(argv)
    from core.errors import DojangError
    from core.locations import check_app_home
    try:
        check_app_home()        # a bad DOJANG_HOME: say so (stderr and a message box), never a traceback
    except DojangError as exc:
        return _cannot_start(exc.message())
    sys.excepthook = _report_unexpected
    from gui.app import run
    return run()


def _report_unexpected(exc_type, exc, tb) -> None:
    """An exception nobody caught in the window (a Qt slot): one line on stderr and a report with
    secrets masked (core/crashreport), instead of a raw traceback (docs/hostile-input.md)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from core.crashreport import write_report
    from core.i18n import pick
    exc = exc if exc is not None else exc_type()
    exc.__traceback__ = tb
    where = write_report(exc, "window")
    print(pick(f"예기치 않은 오류가 발생했습니다 ({exc_type.__name__}). 자세한 보고서: {where or '-'}",
               f"Unexpected error ({exc_type.__name__}). Full report: {where or '-'}"), file=sys.stderr)


def _cannot_start(text: str) -> int:
    """The window cannot open: one line on stderr; on Windows and macOS (often started without a
    terminal) also a message box. Linux desktops start Dojang from a terminal or see the stderr log."""
    from core.textsafe import visible
    print(visible(text), file=sys.stderr)
    if sys.platform in ("win32", "darwin"):
        try:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication, QMessageBox
            _app = QApplication.instance() or QApplication(sys.argv[:1])
            box = QMessageBox(QMessageBox.Icon.Critical, "Dojang", visible(text))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
        except Exception:  # noqa: BLE001 - no GUI: the line on stderr is the message
            pass
    return 1


def _private_by_default() -> None:
    """Everything Dojang creates is readable by the user only, whatever the umask; a data folder
    left group/world-readable (an older version, another umask) is fixed once, with a notice
    (docs/hostile-input.md "Private by default"). Windows: the profile folder's ACLs do this."""
    import os
    if os.name != "posix":
        return
    os.umask(0o077)
    from core.fsperm import tighten_tree
    from core.i18n import pick
    from core.locations import app_home, is_own_entry
    try:
        home = app_home()
        fixed = tighten_tree(home, only=is_own_entry) if home.is_dir() else []
    except OSError:
        return
    if fixed:
        print(pick(f"알림: 데이터 폴더의 {len(fixed)}개 항목을 본인만 읽을 수 있게 바꿨습니다: {home}",
                   f"Notice: made {len(fixed)} item(s) in the data folder readable by you only: {home}"),
              file=sys.stderr)


# --- opening a .pfx / .p12 (file association) ------------------------------------------------------

def _is_pfx_file(arg: str) -> bool:
    p = Path(arg)
    return p.suffix.lower() in PFX_SUFFIXES and p.is_file()


def _run_with_import(path: str) -> int:
    """The GUI start of gui.app.run, then the window's PFX import with the file already chosen
    (destination, password and conflicts are asked exactly as when the user picks it from the menu)."""
    from gui import app as gui_app
    return gui_app.run(open_pfx=str(Path(path).resolve()))


# --- self-check -------------------------------------------------------------------------------------

def _memory_keyring():
    """An in-memory keyring: the self-check's throw-away bank must not leave a key in the user's keyring."""
    import keyring.backend

    class SelfCheckKeyring(keyring.backend.KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    return SelfCheckKeyring()


def _attach_console() -> None:
    """A windowed Windows build has no stdout: print into the console it was started from, if any."""
    if sys.stdout is not None or sys.platform != "win32":
        return
    import ctypes
    import io
    import os
    if ctypes.windll.kernel32.AttachConsole(-1):  # type: ignore[attr-defined]  # ATTACH_PARENT_PROCESS
        sys.stdout = io.TextIOWrapper(open("CONOUT$", "wb", buffering=0), encoding="utf-8", line_buffering=True)
        sys.stderr = sys.stdout
    else:
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")


def self_check(directory: str | None = None, timeout: float = 20.0) -> int:
    """Open the bank and the main window on throw-away data; one line per check; 0 = all passed.

    DIR (optional) keeps the data (DIR/home, DIR/NPKI) for a look afterwards; otherwise a temporary
    folder is used and removed. Real user data (app folder, NPKI folder, keyring) is never touched."""
    import os
    import tempfile
    import time

    started = time.monotonic()
    _attach_console()
    tmp = None
    if directory:
        base = Path(directory).resolve()
        base.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="dojang-selfcheck-")
        base = Path(tmp.name)
    os.environ["DOJANG_HOME"] = str(base / "home")
    os.environ["DOJANG_NPKI_ROOT"] = str(base / "NPKI")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    results: list[tuple[bool, str, str]] = []

    def check(name: str, fn) -> object:
        try:
            ok, detail, value = fn()
        except Exception as exc:  # noqa: BLE001 - a self-check reports every failure and goes on
            ok, detail, value = False, f"{type(exc).__name__}: {exc}", None
        results.append((ok, name, detail))
        print(f"{'OK  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
        return value

    from core import __version__
    print(f"Dojang {__version__} self-check ({'frozen' if getattr(sys, 'frozen', False) else 'source'}, "
          f"data in {base})", flush=True)
    from PySide6.QtCore import qInstallMessageHandler
    previous = None

    def quiet(mode, context, message):
        # The offscreen platform warns about every top-level window: noise in a check report.
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    try:
        return _run_checks(check, results, timeout, started)
    finally:
        qInstallMessageHandler(previous)
        if tmp is not None:
            tmp.cleanup()


def _run_checks(check, results, timeout: float, started: float) -> int:
    import time

    def qt():
        from PySide6.QtCore import qVersion
        from gui.app import create_app
        app = create_app()
        return True, f"Qt {qVersion()}, platform {app.platformName()}", app

    app = check("qt", qt)
    if app is None:
        return 1

    def translations():
        from PySide6.QtCore import QTranslator
        from gui import i18n
        i18n.compile_translations()  # a checkout compiles stale .ts; a frozen build ships .qm only
        files = sorted(i18n.i18n_dir().glob("*_en.qm"))
        if not files:
            return False, f"no *_en.qm in {i18n.i18n_dir()}", None
        broken, empty = [], []
        for f in files:
            t = QTranslator()
            if not t.load(str(f)):
                broken.append(f.name)
            elif t.isEmpty():
                empty.append(f.name)  # loads, but translates nothing yet (all entries unfinished)
        if broken:
            return False, f"cannot load {', '.join(broken)}", None
        loaded = i18n.install_translators("en", app)
        i18n.install_translators("ko", app)  # back to the source language; build_window chooses again
        detail = f"{len(files)} English files ({', '.join(f.name for f in files)})"
        if empty:
            detail += f"; warning: no finished entries in {', '.join(empty)}"
        return len(loaded) == len(files) and len(empty) < len(files), detail, None

    check("translations", translations)

    def icons():
        from gui.icons import ICON_NAMES, icon
        if icon("app").isNull():
            return False, "app icon missing", None
        missing = [n for n in ICON_NAMES if icon(n).isNull()]
        return not missing, f"{len(ICON_NAMES) - len(missing)}/{len(ICON_NAMES)} icons" + (
            f", missing {', '.join(missing)}" if missing else ""), None

    check("icons", icons)

    def terms():
        from core.authority.terms import load_terms
        items = load_terms()
        short = [t.id for t in items if len(t.text.strip()) < 50]
        return bool(items) and not short, f"{len(items)} terms texts" + (f", empty: {short}" if short else ""), None

    check("terms", terms)

    def bank():
        from core.authority import Authority
        from gui.context import AppContext
        ctx = AppContext()
        ctx.open_authority = lambda: Authority.open(clock=ctx.clock, keyring_backend=_memory_keyring())
        t0 = time.monotonic()
        authority = ctx.authority()
        from core.authority.demo import demo_info
        customers = demo_info(authority)
        return len(customers) > 0, f"opened, {len(customers)} demo customers ({time.monotonic() - t0:.1f} s)", ctx

    ctx = check("bank", bank)
    if ctx is None:
        return 1

    def window():
        from PySide6.QtCore import QEventLoop, QTimer
        from gui.app import build_window
        win, _ = build_window(app, ctx)
        finished: list[bool] = []
        loop = QEventLoop()
        win.scanFinished.connect(lambda: (finished.append(True), loop.quit()))
        win.show()
        win.start()
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        if not finished:
            loop.exec()
        rows = len(win.cert_model.rows)
        return bool(finished), (f"shown, scan finished, {rows} certificates listed" if finished
                                else f"scan did not finish within {timeout:.0f} s"), win

    win = check("main window", window)

    def demo_certs():
        from core.authority.demo import DEMO_CERT_PASSWORD
        from core.locations import npki_root
        root = npki_root().resolve()
        rows = [r for r in win.cert_model.rows if r.good and root in Path(r.entry.path).resolve().parents]
        if len(rows) != 2:
            return False, f"{len(rows)} demo certificates listed under {root} (expected 2)", None
        opened = len(rows[0].entry.check_password(DEMO_CERT_PASSWORD)) > 0  # WrongPassword raises
        name = rows[0].entry.path.name.split(",")[0]
        return opened, f"2 listed, {name} opens with the demo password", None

    if win is not None:
        check("demo certificates", demo_certs)

        def welcome():
            import importlib
            from PySide6.QtWidgets import QDialog
            try:
                mod = importlib.import_module("gui.welcome")
            except ImportError:
                return True, "no welcome page in this build", None
            mod.show_welcome(win, ctx)
            app.processEvents()
            dlg = win.findChild(QDialog, "welcomeDialog")
            ok = dlg is not None and dlg.isVisible()
            if dlg is not None:
                dlg.close()
            return ok, "shown" if ok else "welcome dialog not shown", None

        check("welcome page", welcome)
        win.shutdown()
        win.close()
    ctx.close()
    failed = [name for ok, name, _ in results if not ok]
    print(f"{'PASSED' if not failed else 'FAILED: ' + ', '.join(failed)} in {time.monotonic() - started:.1f} s",
          flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
