"""Screenshots of 모바일 발급: the certificate centre in the mock phone's bank app, every step of an
issuance (bank app, type, customer, terms, SMS over the app, OTP, save, done), in Korean and English.

`shots(out_dir, ctx)` is called by tools/screenshots.py with a context on a throw-away bank.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "Sky#Lantern7x"


def _save(widget, out_dir: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(out_dir / f"phonecenter_{name}.png"))


def _text(w, name: str, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit
    w.findChild(QLineEdit, name).setText(text)


def _issue(out_dir: Path, ctx, lang: str, key: str) -> None:
    import re

    from PySide6.QtWidgets import QCheckBox, QLineEdit

    from core.authority.demo import DEMO_CUSTOMERS
    from core.flows import DONE
    from gui.devices import show_otp_window
    from gui.password_widget import PasswordWidget
    from gui.phone_window import close_phone_windows, show_phone_window
    from tools.shots_main import _settle

    c = next(c for c in DEMO_CUSTOMERS if c.key == key)
    phone = show_phone_window(None, ctx, c.phone, seen_messages=set())
    phone.show_page("bank")
    _save(phone, out_dir, f"{lang}_bank_app")
    w = phone.open_center("issue")
    _save(phone, out_dir, f"{lang}_type")
    w.next()
    _text(w, "customerNameEdit", c.name)
    _text(w, "rrnFrontEdit", c.rrn[:6])
    _text(w, "rrnBackEdit", c.rrn[6:])
    _text(w, "accountEdit", c.account)
    _text(w, "accountPasswordEdit", c.account_password)
    _save(phone, out_dir, f"{lang}_customer")
    w.next()
    box = w.findChild(QCheckBox, "termsAllCheck")
    if not box.isChecked():
        box.click()
    _save(phone, out_dir, f"{lang}_terms")
    w.next()
    w.current_page.send_sms()
    phone.poll()
    code = re.search(r"\[(\d{6})\]", phone.heads_up_text.text()).group(1)
    _text(w, "smsCodeEdit", code)
    _save(phone, out_dir, f"{lang}_sms")
    w.next()
    token = show_otp_window(None, ctx, c.name)
    token.reveal()
    code = re.sub(r"\D", "", token.code_label.text())
    token.close()
    _text(w, "otpCodeEdit", code)
    _save(phone, out_dir, f"{lang}_otp")
    w.next()
    pw = w.findChild(PasswordWidget, "newPasswordWidget")
    pw.findChild(QLineEdit, "passwordEdit").setText(PASSWORD)
    pw.findChild(QLineEdit, "passwordRepeatEdit").setText(PASSWORD)
    _save(phone, out_dir, f"{lang}_save")
    w.next()
    _settle(lambda: w.flow.step == DONE and not w.busy)
    _save(phone, out_dir, f"{lang}_done")
    # the teller takes it back, so the wizard's own shots can issue to this customer again
    ctx.authority().teller().revoke(w.flow.result.serial)
    w.next()
    _settle(lambda: phone.page() == "bank")
    _save(phone, out_dir, f"{lang}_bank_after")
    close_phone_windows(ctx)


def _renew(out_dir: Path, ctx, lang: str) -> None:
    """The demo 'expiring' customer's certificate brought to the phone, then 갱신 there."""
    import shutil

    from PySide6.QtWidgets import QLineEdit

    from core.authority.demo import DEMO_CERT_PASSWORD, DEMO_CUSTOMERS
    from core.flows import PICK_CERT
    from core.storage import registry
    from gui.password_widget import PasswordWidget
    from gui.phone_window import close_phone_windows, show_phone_window

    c = next(c for c in DEMO_CUSTOMERS if c.key == "expiring")
    phone = show_phone_window(None, ctx, c.phone, seen_messages=set())
    storage = registry.phone_storage(c.phone)
    if not storage.certificates():
        old = next(e for s in registry.all_storages() if s.kind != storage.kind for e in s.certificates()
                   if e.info.display_name == c.name)
        shutil.copytree(old.path, storage.root / old.path.parent.parent.name / "USER" / old.path.name)
    phone.show_page("bank")
    w = phone.open_center("renew")
    mine = storage.certificates()[0]
    w.pages[PICK_CERT].select_path(mine.path)
    _save(phone, out_dir, f"{lang}_renew_pick")
    w.next()
    pw = w.findChild(PasswordWidget, "certPasswordWidget")
    pw.findChild(QLineEdit, "passwordEdit").setText(DEMO_CERT_PASSWORD)
    _save(phone, out_dir, f"{lang}_renew_password")
    w.next()
    _save(phone, out_dir, f"{lang}_renew_save")
    w.done(0)                # leave the renewal unfinished (the flow cancels: nothing changes)
    close_phone_windows(ctx)


def shots(out_dir: Path, ctx) -> None:
    import core.i18n
    from gui import i18n

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = ctx.language
    try:
        i18n.apply_language("ko", ctx)
        _issue(out_dir, ctx, "ko", "otp")
        _renew(out_dir, ctx, "ko")
        i18n.apply_language("en", ctx)
        _issue(out_dir, ctx, "en", "expired")
        _renew(out_dir, ctx, "en")
    finally:
        i18n.apply_language("ko", ctx)
        core.i18n.set_language("ko")
        ctx.language = previous
