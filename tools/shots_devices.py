"""Screenshots of the device windows: the mock phone in each state, OTP token, 보안카드, demo and teller panels.

`shots(out_dir, ctx)` is called by tools/screenshots.py with a context on a throw-away bank.
Run alone: `QT_QPA_PLATFORM=offscreen .venv/bin/python tools/shots_devices.py [out_dir]` (uses a
temporary DOJANG_HOME / NPKI root, so nothing real is touched).
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
    QApplication.processEvents()
    widget.grab().save(str(out_dir / f"devices_{name}.png"))


def _session(bank, key: str):
    from core.authority.demo import DEMO_CUSTOMERS
    c = next(c for c in DEMO_CUSTOMERS if c.key == key)
    s = bank.verify_customer(c.name, c.rrn, c.account, c.account_password)
    bank.agree_terms(s, {t.id: t.version for t in bank.terms()})
    return s, c


def shots(out_dir: Path, ctx) -> None:
    from core.npki.certfolder import CertFolder
    from core.storage import phone_transfer as pt
    from core.storage import registry
    from gui.phone_window import close_phone_windows, show_phone_window

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bank = ctx.authority()
    relay = pt.Relay(clock=ctx.clock)

    # phone: lock screen with the bank's SMS as a notification, then the SMS app
    s, c = _session(bank, "card")
    phone = show_phone_window(None, ctx, c.phone, relay=relay, seen_messages=set())
    _save(phone, out_dir, "phone_home")
    phone.show_page("home")
    _save(phone, out_dir, "phone_home")
    bank.send_sms(s)
    phone.poll()
    _save(phone, out_dir, "phone_lock_notification")
    phone.show_page("sms")
    _save(phone, out_dir, "phone_sms")

    # incoming ARS call, then the keypad with one digit keyed
    ars = bank.start_ars(s)
    phone.poll()
    _save(phone, out_dir, "phone_incoming_call")
    phone.accept()
    phone.press_key(ars.code[0])
    _save(phone, out_dir, "phone_keypad")
    phone.press_key(ars.code[1])
    _save(phone, out_dir, "phone_call_done")

    # bank app: import (a PC → phone code waiting), the list, export with a code shown
    from core.authority.demo import DEMO_CERT_PASSWORD
    hdd_certs = [e for e in registry.find_storage("hdd").certificates() if isinstance(e, CertFolder)]
    phone.show_page("bank")
    phone.bank_tabs.setCurrentIndex(1)
    phone.import_code.setText("1234-5678-90")
    _save(phone, out_dir, "phone_bank_import")
    if hdd_certs:
        offer = relay.export_to_phone(hdd_certs[0], DEMO_CERT_PASSWORD, c.phone)
        phone.import_code.setText(offer.formatted)
        phone.import_password.setText(DEMO_CERT_PASSWORD)
        phone.do_import()
        _settle(phone)
        _save(phone, out_dir, "phone_bank_imported")
        phone.bank_tabs.setCurrentIndex(0)
        _save(phone, out_dir, "phone_bank_certs")
        phone.bank_tabs.setCurrentIndex(2)
        phone.export_password.setText(DEMO_CERT_PASSWORD)
        phone.do_export()
        _settle(phone)
        _save(phone, out_dir, "phone_bank_export")

    try:
        from gui.devices import show_card_viewer, show_otp_window
        otp = show_otp_window(None, ctx, "이오티")
        otp.reveal()
        _save(otp, out_dir, "otp")
        card = show_card_viewer(None, ctx, "김보안")
        _save(card, out_dir, "card")
    except ImportError:
        pass
    try:
        from gui.demo_panel import show_demo_panel
        _save(show_demo_panel(None, ctx), out_dir, "demo_panel")
    except ImportError:
        pass
    try:
        from gui.teller_panel import show_teller_panel
        _save(show_teller_panel(None, ctx), out_dir, "teller_panel")
    except ImportError:
        pass
    try:
        from gui.phone_window import PcTransferWindow
        w = PcTransferWindow(ctx, relay=relay)
        _save(w, out_dir, "pc_transfer")
        if hdd_certs:
            w.password.setText(DEMO_CERT_PASSWORD)
            w.do_send()
            _settle(w)
            _save(w, out_dir, "pc_transfer_code")
    except ImportError:
        pass
    _english_shots(out_dir, ctx, relay)
    close_phone_windows(ctx)


def _settle(window) -> None:
    """Let a transfer that runs off the GUI thread finish (and its result reach the window)."""
    from tools.shots_main import _settle as settle_until
    settle_until(lambda: not window.workers.busy, timeout=10.0)


def _english_shots(out_dir: Path, ctx, relay) -> None:
    """The phone switched to English while open (it retranslates itself), a call in English, the demo panel."""
    import core.i18n
    from gui import i18n
    from gui.phone_window import show_phone_window
    bank = ctx.authority()
    previous = ctx.language
    i18n.compile_translations()
    try:
        s, c = _session(bank, "otp")
        phone = show_phone_window(None, ctx, c.phone, relay=relay, seen_messages=set())
        phone.show_page("lock")
        i18n.apply_language("en", ctx)
        from PySide6.QtWidgets import QApplication
        QApplication.processEvents()
        _save(phone, out_dir, "en_phone_lock")
        bank.start_ars(s)
        phone.poll()
        _save(phone, out_dir, "en_phone_incoming_call")
        try:
            from gui.demo_panel import show_demo_panel
            _save(show_demo_panel(None, ctx), out_dir, "en_demo_panel")
        except ImportError:
            pass
    finally:
        i18n.apply_language("ko", ctx)
        core.i18n.set_language("ko")
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
    ctx = AppContext(open_authority=lambda: bank, language="ko")
    shots(out, ctx)
    bank.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
