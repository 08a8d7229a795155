"""The GUI language: which one, compiling the Linguist files, installing the translators.

Korean is the source language (every `tr()` string is Korean), so Korean needs only Qt's own
`qtbase_ko.qm` (standard buttons); English loads every `resources/i18n/*_en.qm`.

Choice: the `language` setting (ko/en; "" = automatic) → `DOJANG_LANG` → the system locale
(Korean locale → Korean, anything else → English). Switching at run time installs the other
translators; Qt then sends LanguageChange to every widget and windows retranslate themselves.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import core.i18n

log = logging.getLogger(__name__)
SUPPORTED = ("ko", "en")
SETTING = "language"


def i18n_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / "i18n"


def choose_language(store=None) -> str:
    """The language to use now: setting, then DOJANG_LANG, then the system locale."""
    if store is not None:
        value = str(store.value(SETTING, "") or "")
        if value in SUPPORTED:
            return value
    forced = os.environ.get("DOJANG_LANG", "").strip().lower()
    if forced in SUPPORTED:
        return forced
    return "ko" if QLocale.system().name().lower().startswith("ko") else "en"


def _lrelease() -> str | None:
    import shutil       # here, not at the top: only a stale .ts needs it (start-up, docs/gui-state.md)
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    return None


def compile_translations(directory: Path | None = None) -> list[Path]:
    """Compile every `.ts` whose `.qm` is missing or older; returns the `.qm` files written.

    A frozen build ships compiled `.qm` files and has no lrelease: then nothing happens."""
    directory = directory or i18n_dir()
    written: list[Path] = []
    if not directory.is_dir():
        return written
    tool = None
    for ts in sorted(directory.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or _lrelease()
        if tool is None:
            log.warning("pyside6-lrelease not found; %s not compiled", ts.name)
            break
        import subprocess
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
            written.append(qm)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("compiling %s failed (%s)", ts.name, type(exc).__name__)
    return written


_installed: list[QTranslator] = []
_installed_lang: str | None = None


def install_translators(lang: str, app: QCoreApplication | None = None) -> list[str]:
    """Replace the installed translators with those of `lang`; returns the files loaded."""
    global _installed_lang
    app = app or QCoreApplication.instance()
    _installed_lang = lang
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    loaded: list[str] = []
    if lang == "ko":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        t = QTranslator(app)
        if t.load("qtbase_ko", qt_dir):
            app.installTranslator(t)
            _installed.append(t)
            loaded.append("qtbase_ko")
    for qm in sorted(i18n_dir().glob(f"*_{lang}.qm")):
        t = QTranslator(app)
        if t.load(str(qm)):
            app.installTranslator(t)
            _installed.append(t)
            loaded.append(qm.name)
    return loaded


def apply_language(lang: str, ctx=None, app: QCoreApplication | None = None) -> list[str]:
    """Make `lang` the language of the GUI and of core messages (and of `ctx`)."""
    if lang not in SUPPORTED:
        lang = "en"
    core.i18n.set_language(lang)
    if ctx is not None:
        ctx.language = lang
    return install_translators(lang, app)


def installed_language() -> str | None:
    return _installed_lang


def ensure_language(lang: str, app: QCoreApplication | None = None) -> None:
    """Make sure the translators of `lang` are installed (a window built without `setup`, e.g. in
    tests or tools, still speaks its context's language). Compiles stale `.ts` files first."""
    if lang not in SUPPORTED or _installed_lang == lang:
        return
    compile_translations()
    install_translators(lang, app)


def setup(app: QCoreApplication, ctx=None, store=None) -> str:
    """Start-up: compile what is stale, choose the language, install it. Returns the language."""
    compile_translations()
    lang = choose_language(store)
    apply_language(lang, ctx, app)
    return lang
