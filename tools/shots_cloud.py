"""Screenshots of the 금융인증서 screens, in Korean and English: the wizard's type page with 금융인증서
chosen, its PIN page and 클라우드 completion page; the main window's 금융인증서 — 클라우드 page (normal
and PIN-locked), its 보기, PIN and 기기 연결 dialogs; the PIN 재설정 wizard's PIN and completion pages.

Called by tools/screenshots.py (`make screenshots`); issues one 금융인증서 for the demo customer with a
보안카드 in the throw-away bank."""
from __future__ import annotations

from pathlib import Path

from tools.shots_main import _settle
from tools.shots_wizard import _demo, _key_factory, _second, _to_second, _wait

PIN = "274915"


def _save(widget, out_dir: Path, name: str) -> None:
    widget.show()
    _settle()
    widget.grab().save(str(out_dir / f"cloud_{name}.png"))


def _issue(out_dir: Path, ctx, keys, c, lang: str) -> None:
    """The issue wizard with 금융인증서: type, PIN (with a refused PIN), done."""
    from PySide6.QtWidgets import QLineEdit, QRadioButton
    from gui.wizard import FlowWizard
    bank = ctx.authority()
    w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
    w.resize(760, 660)
    w.findChild(QRadioButton, "typeFinanceRadio").setChecked(True)
    _save(w, out_dir, f"wizard_type_{lang}")
    w.next()
    _to_second(w, bank, c)
    _second(w, bank, c)
    w.findChild(QLineEdit, "pinEdit").setText("123456")
    w.findChild(QLineEdit, "pinRepeatEdit").setText("123456")
    w.next()
    _save(w, out_dir, f"wizard_pin_refused_{lang}")
    w.findChild(QLineEdit, "pinEdit").setText(PIN)
    w.findChild(QLineEdit, "pinRepeatEdit").setText(PIN)
    w.next()
    _wait(w)
    _settle()
    _save(w, out_dir, f"wizard_done_{lang}")
    w.done(0)


def _reset(out_dir: Path, ctx, keys, c, lang: str) -> None:
    from PySide6.QtWidgets import QLineEdit
    from gui.wizard import FlowWizard
    bank = ctx.authority()
    w = FlowWizard(None, ctx, "reset_pin", key_factory=keys, watch_phones=False)
    w.resize(760, 660)
    _to_second(w, bank, c)
    _second(w, bank, c)
    _save(w, out_dir, f"reset_pin_page_{lang}")
    w.findChild(QLineEdit, "pinEdit").setText("385027")
    w.findChild(QLineEdit, "pinRepeatEdit").setText("385027")
    w.next()
    _wait(w)
    _settle()
    _save(w, out_dir, f"reset_pin_done_{lang}")
    w.done(0)


def _window(out_dir: Path, ctx, lang: str, pin: str) -> None:
    from core.authority.cloud import PIN_LIMIT
    from core.errors import DojangError
    from gui.cloud_panel import CloudDetailsDialog, ConnectDialog, PinDialog
    from gui.main_window import MainWindow
    w = MainWindow(ctx, watch=False, watch_phones=False)
    w.resize(1180, 660)
    w.show()
    w.start()
    _settle(lambda: not w.scanning)
    panel = w.cloud_panel
    w.storage_list.setCurrentIndex(w.storage_model.cloud_index())
    _settle(lambda: bool(panel.accounts))
    _save(w, out_dir, f"window_{lang}")
    a = panel.accounts[0]
    d = CloudDetailsDialog(panel, a, lang, ctx.clock())
    _save(d, out_dir, f"details_{lang}")
    d.close()
    wrong = PinDialog(panel, panel.tr("인증서로 로그인"), panel.tr("{0}님의 금융인증서로 모의 은행에 로그인합니다. PIN을 "
                                                             "입력하세요.").format(a.customer_name), (panel.tr("PIN"),),
                      error=_wrong_pin_text(ctx, lang))
    _save(wrong, out_dir, f"pin_dialog_{lang}")
    wrong.close()
    change = PinDialog(panel, panel.tr("PIN 변경"), panel.tr("현재 PIN을 확인한 뒤 새 PIN으로 바꿉니다. 같은 숫자 반복, "
                                                           "연속된 숫자, 생년월일은 쓸 수 없습니다."),
                       (panel.tr("현재 PIN"), panel.tr("새 PIN"), panel.tr("새 PIN 확인")))
    _save(change, out_dir, f"change_pin_{lang}")
    change.close()
    connect = ConnectDialog(panel)
    _save(connect, out_dir, f"connect_{lang}")
    connect.close()
    if lang == "en":      # locked after five wrong PINs: only PIN 재설정 is offered
        bank = ctx.authority()
        for _ in range(PIN_LIMIT):
            try:
                bank.cloud_sign(panel.device, a.certificate.serial, "000001", "login", b"x")
            except DojangError:
                pass
        panel.refresh()
        _settle(lambda: panel.accounts and panel.accounts[0].certificate.locked)
        _save(w, out_dir, "window_locked_en")
    w.shutdown()
    w.close()


def _wrong_pin_text(ctx, lang: str) -> str:
    from core.authority.errors import WrongPin
    return WrongPin(3).message(lang)


def shots(out_dir: Path, ctx) -> None:
    from gui import i18n
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = _key_factory()
    c = _demo("card")
    previous = ctx.language
    try:
        i18n.apply_language("ko", ctx)
        _issue(out_dir, ctx, keys, c, "ko")
        _window(out_dir, ctx, "ko", PIN)
        i18n.apply_language("en", ctx)
        # another customer (one 금융인증서 each) with a card: an OTP code used here would be refused
        # as a replay in the phone shots that follow
        _issue(out_dir, ctx, keys, _demo("low-balance"), "en")
        _window(out_dir, ctx, "en", PIN)
        for lang in ("en", "ko"):
            i18n.apply_language(lang, ctx)
            _reset(out_dir, ctx, keys, c, lang)
    finally:
        i18n.apply_language(previous, ctx)
