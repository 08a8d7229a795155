"""Screenshots of the 모바일 OTP, in Korean and English: the phone's bank app on its 모바일 OTP tab, and
the PC wizard's STEP 3 with 모바일 OTP chosen.

Called by tools/screenshots.py (`make screenshots`); the teller registers a 모바일 OTP for the demo
customer with a 보안카드 in the throw-away bank."""
from __future__ import annotations

from pathlib import Path

from tools.shots_main import _settle
from tools.shots_wizard import _demo, _key_factory, _to_second


def _save(widget, out_dir: Path, name: str) -> None:
    widget.show()
    _settle()
    widget.grab().save(str(out_dir / f"mobileotp_{name}.png"))


def shots(out_dir: Path, ctx) -> None:
    from PySide6.QtWidgets import QRadioButton
    from gui import i18n
    from gui.phone_window import close_phone_windows, show_phone_window
    from gui.wizard import FlowWizard
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bank = ctx.authority()
    c = _demo("card")
    bank.teller().issue_mobile_otp(c.name)
    keys = _key_factory()
    previous = ctx.language
    try:
        for lang in ("ko", "en"):
            i18n.apply_language(lang, ctx)
            phone = show_phone_window(None, ctx, c.phone, seen_messages=set())
            phone.show_mobile_otp()
            _save(phone, out_dir, f"phone_{lang}")
            close_phone_windows(ctx)
            w = FlowWizard(None, ctx, "issue", key_factory=keys, watch_phones=False)
            w.resize(760, 660)
            _to_second(w, bank, c)
            w.findChild(QRadioButton, "secondMobile_otpRadio").setChecked(True)
            _save(w, out_dir, f"wizard_{lang}")
            w.cancel()
            w.done(0)
    finally:
        i18n.apply_language(previous, ctx)
