"""Screenshots of the welcome page (Korean, then English after switching the language on the page).

`shots(out_dir, ctx)` is called by tools/screenshots.py with a context on a throw-away bank. Run alone:
`QT_QPA_PLATFORM=offscreen .venv/bin/python tools/shots_welcome.py [out_dir]` (temporary DOJANG_HOME
and NPKI root, so nothing real is touched).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _save(widget, out_dir: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication
    widget.show()
    widget.adjustSize()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(out_dir / f"welcome_{name}.png"))


def shots(out_dir: Path, ctx) -> None:
    from gui import i18n
    from gui.settings import settings
    from gui.welcome import show_welcome

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    before, saved = ctx.language, settings().value(i18n.SETTING, "")
    i18n.apply_language("ko", ctx)
    dlg = show_welcome(None, ctx)
    try:
        _save(dlg, out_dir, "ko")
        dlg.language_combo.setCurrentIndex(dlg.language_combo.findData("en"))  # as a user would switch
        _save(dlg, out_dir, "en")
    finally:
        dlg.close()
        settings().setValue(i18n.SETTING, saved)  # leave the shared context as it was
        i18n.apply_language(before, ctx)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    tmp = Path(tempfile.mkdtemp(prefix="dojang-shots-"))
    os.environ["DOJANG_HOME"] = str(tmp / "home")
    os.environ["DOJANG_NPKI_ROOT"] = str(tmp / "NPKI")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui import i18n
    from gui.context import AppContext

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    i18n.compile_translations()
    ctx = AppContext(open_authority=lambda: None, language="ko")  # the welcome page never opens the bank
    shots(out, ctx)
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
