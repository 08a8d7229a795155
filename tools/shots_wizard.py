"""Screenshots of every page of the certificate-centre wizard (Korean; a few in English).

`shots(out_dir, ctx)` is called by tools/screenshots.py with a context on a throw-away bank seeded
with the demo customers. Run alone:
`QT_QPA_PLATFORM=offscreen .venv/bin/python tools/shots_wizard.py [out_dir]` (temporary DOJANG_HOME,
NPKI root and a fake USB stick, so nothing real is touched).

The wizard is driven through its own widgets and step methods; the person's devices (phone, card,
OTP token) are answered through the bank's simulated-device API.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "Sky#Lantern7x"


def _save(widget, out_dir: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(out_dir / f"wizard_{name}.png"))


def _demo(key: str):
    from core.authority.demo import DEMO_CUSTOMERS
    return next(c for c in DEMO_CUSTOMERS if c.key == key)


def _key_factory():
    from cryptography.hazmat.primitives.asymmetric import rsa
    key = rsa.generate_private_key(65537, 2048)     # one key for every shot: the pictures need no fresh pairs
    return lambda: key


def _customer(w, c, pin=None) -> None:
    from PySide6.QtWidgets import QLineEdit
    values = {"customerNameEdit": c.name, "rrnFrontEdit": c.rrn[:6], "rrnBackEdit": c.rrn[6:],
              "accountEdit": c.account, "accountPasswordEdit": pin or c.account_password}
    for name, value in values.items():
        w.findChild(QLineEdit, name).setText(value)


def _sms_code(bank, c) -> str:
    return re.search(r"\[(\d{6})\]", bank.phone_messages(c.phone)[-1].text).group(1)


def _to_second(w, bank, c, first="sms") -> None:
    from PySide6.QtWidgets import QLineEdit
    if w.flow.step == "type":
        w.next()
    _customer(w, c)
    w.next()
    w.pages["terms"].all.click()
    w.next()
    page = w.pages["first_factor"]
    if first == "sms":
        page.sms_radio.setChecked(True)
        page.send_sms()
        w.findChild(QLineEdit, "smsCodeEdit").setText(_sms_code(bank, c))
        w.next()
    else:
        page.ars_radio.setChecked(True)
        page.start_ars()
        bank.answer_call(c.phone, w.flow.ars.code)
        page.tick()


def _second(w, bank, c) -> None:
    from PySide6.QtWidgets import QLineEdit
    flow = w.flow
    if flow.data.get("second_kind") == "card":
        ch = flow.card_challenge()
        answer = bank.devices.card_answer(bank.devices.card_serial_of(c.name), ch.first, ch.second)
        w.findChild(QLineEdit, "cardFirstEdit").setText(answer[:2])
        w.findChild(QLineEdit, "cardSecondEdit").setText(answer[2:])
    else:
        code = bank.devices.otp_code(bank.devices.otp_serial_of(c.name), at=bank.now())
        w.findChild(QLineEdit, "otpCodeEdit").setText(code)
    w.next()


def _password(w, widget_name="newPasswordWidget", pw=PASSWORD, repeat=None) -> None:
    from gui.password_widget import PasswordWidget
    pwd = w.findChild(PasswordWidget, widget_name)
    pwd.line_edit.setText(pw)
    if pwd.repeat_edit is not None:
        pwd.repeat_edit.setText(pw if repeat is None else repeat)


def _wait(w) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    while w.busy:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _issue_shots(out_dir: Path, ctx, keys) -> None:
    from core.flows import Text
    from gui.wizard import FlowWizard
    bank = ctx.authority()
    card, otp = _demo("card"), _demo("otp")

    w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
    _save(w, out_dir, "01_type")
    w.next()
    _save(w, out_dir, "02_customer_empty")
    _customer(w, card, pin="0000")
    w.next()
    _save(w, out_dir, "03_customer_wrong_pin")
    _customer(w, card)
    w.next()
    _save(w, out_dir, "04_terms")
    first = w.flow.terms()[0].id
    from PySide6.QtWidgets import QPushButton
    w.findChild(QPushButton, f"termViewButton_{first}").click()
    w.pages["terms"].all.click()
    _save(w, out_dir, "05_terms_agreed_full_text")
    w.next()
    page = w.pages["first_factor"]
    page.ars_radio.setChecked(True)
    _save(w, out_dir, "06_ars_before")
    page.start_ars()
    _save(w, out_dir, "07_ars_waiting")
    page.sms_radio.setChecked(True)
    page.send_sms()
    _save(w, out_dir, "08_sms_sent")
    from PySide6.QtWidgets import QLineEdit
    w.findChild(QLineEdit, "smsCodeEdit").setText("000000")
    w.next()
    _save(w, out_dir, "09_sms_wrong_code")
    w.findChild(QLineEdit, "smsCodeEdit").setText(_sms_code(bank, card))
    w.next()
    _save(w, out_dir, "10_security_card")
    w.findChild(QLineEdit, "cardFirstEdit").setText("00")
    w.findChild(QLineEdit, "cardSecondEdit").setText("00")
    w.next()
    _save(w, out_dir, "11_security_card_wrong")
    _second(w, bank, card)
    _save(w, out_dir, "12_save_empty")
    _password(w, pw="abcd1234", repeat="abcd")
    w.next()
    _save(w, out_dir, "13_save_weak_password")
    save = w.pages["save"]
    save.refresh_storages()
    removable = [s for s in save._storages if s.kind == "removable"]
    save.select_storage((removable or save._storages)[0].id)
    _password(w)
    _save(w, out_dir, "14_save_ready")
    save.set_busy(True)
    save.on_progress(0.4, Text("은행에 인증서 발급을 요청하는 중입니다…", "Asking the bank to sign the certificate…"))
    w.busy = True
    w._update_buttons()
    _save(w, out_dir, "15_save_busy")
    w.busy = False
    save.set_busy(False)
    w._update_buttons()
    _password(w)
    w.next()
    _wait(w)
    _save(w, out_dir, "16_done_issue")
    w.done(0)

    # OTP customer: the OTP page, 범용 to the hard disk
    w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
    from core.npki import policies
    w.pages["type"].radios[policies.GENERAL].setChecked(True)
    _to_second(w, bank, otp, first="ars")
    _save(w, out_dir, "17_otp")
    w.done(0)


def _other_shots(out_dir: Path, ctx, keys) -> None:
    from core.authority.demo import DEMO_CERT_PASSWORD
    from core.storage import registry
    from gui.wizard import FlowWizard
    bank = ctx.authority()
    expired, expiring = _demo("expired"), _demo("expiring")

    w = FlowWizard(None, ctx, "reissue", key_factory=keys, watch_phones=False)
    _to_second(w, bank, expired)
    _second(w, bank, expired)
    _save(w, out_dir, "20_reissue_confirm")
    w.next()
    _save(w, out_dir, "21_reissue_confirm_missing")
    w.done(0)

    w = FlowWizard(None, ctx, "renew", key_factory=keys, watch_phones=False)
    _save(w, out_dir, "30_renew_pick")
    hdd = registry.all_storages()[0]
    cert = next(c for c in hdd.certificates() if c.info.display_name == expiring.name)
    w.pages["pick_cert"].select_path(cert.path)
    w.next()
    _password(w, "certPasswordWidget", DEMO_CERT_PASSWORD)
    _save(w, out_dir, "31_renew_password")
    w.next()
    _save(w, out_dir, "32_renew_save")
    w.done(0)

    w = FlowWizard(None, ctx, "revoke", (hdd, cert), key_factory=keys, watch_phones=False)
    _password(w, "certPasswordWidget", DEMO_CERT_PASSWORD)
    _save(w, out_dir, "40_revoke_password")
    w.done(0)

    w = FlowWizard(None, ctx, "register", key_factory=keys, watch_phones=False)
    _to_second(w, bank, _demo("card"))
    _second(w, bank, _demo("card"))
    _save(w, out_dir, "50_register_pick")
    w.done(0)


def _english_shots(out_dir: Path, ctx, keys) -> None:
    import core.i18n
    from gui import i18n
    from gui.wizard import FlowWizard
    i18n.compile_translations()
    i18n.apply_language("en", ctx)
    try:
        bank = ctx.authority()
        w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
        _save(w, out_dir, "en_01_type")
        w.next()
        _save(w, out_dir, "en_02_customer_empty")
        _to_second(w, bank, _demo("otp"), first="sms")
        _save(w, out_dir, "en_17_otp")
        _second(w, bank, _demo("otp"))
        _password(w, pw="qwer1234!!", repeat="qwer1234!!")
        w.next()
        _save(w, out_dir, "en_13_save_weak_password")
        save = w.pages["save"]
        save.refresh_storages()
        save.select_storage(next(s.id for s in save._storages if s.kind == "hdd"))
        _password(w)
        w.next()
        _wait(w)
        _save(w, out_dir, "en_16_done_issue")
        w.done(0)
        w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
        # another card customer: 김보안 now holds a banking certificate, and the bank refuses a second early
        _to_second(w, bank, _demo("low-balance"), first="sms")
        _save(w, out_dir, "en_10_security_card")
        w.done(0)
    finally:
        i18n.apply_language("ko", ctx)
        core.i18n.set_language("ko")


def _new_channel_shot(out_dir: Path, ctx, keys) -> None:
    """A channel the wizard does not know (the tests' simulated fingerprint reader) on the generic panel."""
    from core.authority.channels import register_channel, unregister_channel
    from gui.wizard import FlowWizard
    from tests.fake_channel import BIO, BioChannel
    register_channel(BioChannel())
    try:
        w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
        _to_second(w, ctx.authority(), _demo("expired"), first="sms")
        page = w.pages["second_factor"]
        page.choose(BIO)
        page.panels[BIO].start()
        _save(w, out_dir, "18_new_channel_generic_panel")
        w.done(0)
    finally:
        unregister_channel(BIO)


def shots(out_dir: Path, ctx) -> None:
    import core.i18n
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DOJANG_FAKE_REMOVABLE"):
        stick = Path(tempfile.mkdtemp(prefix="dojang-usb-")) / "SANDISK"
        stick.mkdir()
        os.environ["DOJANG_FAKE_REMOVABLE"] = str(stick)
    previous = ctx.language
    core.i18n.set_language("ko")
    ctx.language = "ko"
    keys = _key_factory()
    try:
        _issue_shots(out_dir, ctx, keys)
        _other_shots(out_dir, ctx, keys)
        _english_shots(out_dir, ctx, keys)
        _new_channel_shot(out_dir, ctx, keys)
    finally:
        core.i18n.set_language(previous)
        ctx.language = previous


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    tmp = Path(tempfile.mkdtemp(prefix="dojang-shots-"))
    os.environ["DOJANG_HOME"] = str(tmp / "home")
    os.environ["DOJANG_NPKI_ROOT"] = str(tmp / "NPKI")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring
    from PySide6.QtWidgets import QApplication

    from core.authority import Authority, Config
    from core.locations import app_home
    from gui.context import AppContext
    from tests.authority.conftest import MemoryKeyring, key_factory

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    keyring.set_keyring(MemoryKeyring())
    bank = Authority.open(app_home(), config=Config(), key_factory=key_factory())
    ctx = AppContext(open_authority=lambda: bank, clock=bank.now, language="ko")
    shots(out, ctx)
    bank.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
