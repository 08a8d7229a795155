"""Screenshots of what issue 16 changed (docs/gui-state.md, docs/copies.md), in Korean and English:
the main window with an old copy left on the phone (이전 인증서, 사본 n개, 모두 새 인증서로 바꾸기), the
placeholder frame painted before the main window, the password widget after a fixed password (no
stale red line), the demo panel's 복사 confirmation, the teller panel after a live switch to English,
the phone's lock-screen date and its empty certificate list, and the Cancel question after
verification.

Called by tools/screenshots.py (`make screenshots`)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tools.shots_main import _settle


def _save(widget, out_dir: Path, name: str) -> None:
    widget.show()
    _settle()
    widget.grab().save(str(out_dir / f"state_{name}.png"))


def _old_copy_on_the_phone(ctx) -> None:
    """An older certificate of 홍길동 with the same subject, on the mock phone: a renewal left it behind."""
    from core.storage import registry
    from tests import factory
    world = ctx.world
    if world.get("old_copy"):
        return
    hdd_user = Path(world["npki"]) / "yessign" / "USER"
    folder = next(p.name for p in hdd_user.iterdir() if "홍길동" in p.name)
    suffix = re.search(r"\(\)(\w+),", folder).group(1)
    phone = next(p for p in registry.list_phones() if p.meta.get("number") == "010-2345-6789")
    factory.make_cert(Path(phone.root) / "yessign" / "USER", name="홍길동", cn_suffix=suffix, key_index=0,
                      start=dt.date.today() - dt.timedelta(days=400))
    world["old_copy"] = True


def shots(out_dir: Path, ctx) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget, QVBoxLayout

    from gui import i18n
    from gui.app import Placeholder
    from gui.demo_panel import DemoPanel
    from gui.main_window import MainWindow
    from gui.password_widget import PasswordWidget
    from gui.phone_window import show_phone_window
    from gui.teller_panel import TellerPanel
    from gui.wizard import FlowWizard

    out_dir = Path(out_dir)
    _old_copy_on_the_phone(ctx)
    for lang in ("ko", "en"):
        i18n.apply_language(lang, ctx)
        # the placeholder frame
        p = Placeholder()
        p.resize(900, 420)
        _save(p, out_dir, f"placeholder_{lang}")
        p.close()
        # main window: old copy marked, the banner with its button
        w = MainWindow(ctx, watch=False, watch_phones=False)
        w.resize(1180, 660)
        w.show()
        w.start()
        _settle(lambda: not w.scanning and w.stale_banner.isVisible(), timeout=30)
        keys = [r.key for r in w.cert_model.rows if r.good and r.storage.kind == "phone"
                and w.cert_model.is_outdated(r)]
        w.select_keys(keys[:1])
        _save(w, out_dir, f"main_old_copy_{lang}")
        w.shutdown()
        w.close()
        # the password widget: a refused password, then fixed — the red line is gone
        host = QWidget()
        host.setObjectName("passwordShotHost")
        lay = QVBoxLayout(host)
        pw = PasswordWidget(host, repeat=True, strength=True, lang=lang)
        lay.addWidget(pw)
        from PySide6.QtWidgets import QLabel
        err = QLabel(host)
        lay.addWidget(err)
        pw.adopt_error_label(err, "password")
        host.resize(460, 10)
        pw.line_edit.setText("abcdefghijk")
        pw.repeat_edit.setText("abcdefghijk")
        pw.show_error(pw.problem_label.text().lstrip("✖ "), "password")
        _save(host, out_dir, f"password_refused_{lang}")
        pw.line_edit.setText("Sky#Lantern7xQ")
        pw.repeat_edit.setText("Sky#Lantern7xQ")
        host.adjustSize()
        _save(host, out_dir, f"password_fixed_{lang}")
        host.close()
        # demo panel: 복사 confirmed on the button
        panel = DemoPanel(ctx)
        panel.resize(820, 520)
        panel.show()
        _settle()
        b = panel.findChild(QPushButton, "demoCopy_account_card")
        if b is not None:
            b.click()
        _save(panel, out_dir, f"demo_copied_{lang}")
        panel.close()
        # phone: the lock-screen date and the empty list
        phone = show_phone_window(None, ctx, "010-4444-5555")
        phone.show_page("lock")
        _save(phone, out_dir, f"phone_lock_{lang}")
        phone.show_page("bank")
        _save(phone, out_dir, f"phone_empty_{lang}")
        phone.close()
        # Cancel after verification asks
        wiz = FlowWizard(None, ctx, "issue", watch_phones=False)
        wiz.show()
        _settle()
        wiz._ask_cancel()
        _settle()
        box = next((b for b in wiz.findChildren(QMessageBox) if b.isVisible()), None)
        if box is not None:
            _save(box, out_dir, f"cancel_question_{lang}")
            box.close()
        wiz.done(0)
    # the teller panel opened in Korean, then switched to English live
    i18n.apply_language("ko", ctx)
    teller = TellerPanel(ctx)
    teller.resize(980, 520)
    teller.show()
    _settle()
    i18n.apply_language("en", ctx)
    _settle()
    _save(teller, out_dir, "teller_switched_en")
    teller.close()
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QLineEdit):
            top.close()
