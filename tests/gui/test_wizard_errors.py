"""Every error path of the wizard shows its message inline, next to what caused it."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QRadioButton

from core.flows import CUSTOMER, FIRST_FACTOR, SAVE, SECOND_FACTOR
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, agree_all, card_digits, click, demo, do_card, do_otp, do_sms,
                                      error_text, field, fill_customer, next_page, otp_code, read_back, read_sms_code, storage_id_of,
                                      save_to, set_password, to_save, type_into, wait_done)


def _start(qtbot, wizards):
    w = wizards("issue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    return w


def test_wrong_account_password_counts_down_then_locks(qtbot, wizards, demo_bank):
    c = demo("card")
    w = _start(qtbot, wizards)
    for remaining in (4, 3, 2, 1):
        fill_customer(qtbot, w, c, account_password="0000")
        assert w.flow.step == CUSTOMER
        msg = error_text(w, "account_password")
        assert "비밀번호" in msg and str(remaining) in msg, msg
        assert field(w, QLineEdit, "accountPasswordEdit").text() == ""       # typed again, never kept
        assert field(w, QLineEdit, "customerNameEdit").text() == c.name      # the rest stays
    fill_customer(qtbot, w, c, account_password="0000")
    locked = error_text(w, "wizard")
    assert "잠" in locked and ("창구" in locked or "영업점" in locked), locked
    fill_customer(qtbot, w, c)                       # even the right PIN now
    assert w.flow.step == CUSTOMER and error_text(w, "wizard") == locked


def test_a_locked_demo_account_says_so(qtbot, wizards):
    w = _start(qtbot, wizards)
    fill_customer(qtbot, w, demo("locked"))
    assert w.flow.step == CUSTOMER and "잠" in error_text(w, "wizard")


def test_customer_fields_are_checked_inline(qtbot, wizards):
    c = demo("card")
    w = _start(qtbot, wizards)
    type_into(qtbot, w, "customerNameEdit", c.name)
    type_into(qtbot, w, "rrnFrontEdit", c.rrn[:6])
    type_into(qtbot, w, "rrnBackEdit", "12")
    type_into(qtbot, w, "accountEdit", c.account)
    type_into(qtbot, w, "accountPasswordEdit", c.account_password)
    next_page(qtbot, w)
    assert error_text(w, "rrn") and not error_text(w, "name") and w.flow.step == CUSTOMER


def test_terms_must_be_agreed(qtbot, wizards):
    w = _start(qtbot, wizards)
    fill_customer(qtbot, w, demo("card"))
    next_page(qtbot, w)
    assert "필수 약관" in error_text(w, "terms")
    first = w.flow.terms()[0]
    click(qtbot, w, f"termViewButton_{first.id}")
    text = field(w, QPlainTextEdit, f"termText_{first.id}")
    assert text.isVisible() and text.toPlainText() == first.text      # the full text, not a summary
    agree_all(qtbot, w)
    assert w.flow.step == FIRST_FACTOR


def test_wrong_card_digits_then_new_cells(qtbot, ctx, wizards):
    c = demo("card")
    w = _start(qtbot, wizards)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    right = card_digits(qtbot, w)
    wrong = f"{(int(right) + 1) % 10000:04d}"
    do_card(qtbot, w, digits=wrong)
    msg = error_text(w, "card_answer")
    assert w.flow.step == SECOND_FACTOR and "4" in msg, msg
    assert field(w, QLineEdit, "cardFirstEdit").text() == ""
    do_card(qtbot, w)                                      # the new cells, read off the card again
    assert w.flow.step == SAVE


def test_reused_otp_is_refused(qtbot, ctx, wizards):
    c = demo("otp")
    w = _start(qtbot, wizards)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    code = do_otp(qtbot, w)
    assert w.flow.step == SAVE
    click(qtbot, w, "wizardBackButton")
    assert w.flow.step == SECOND_FACTOR and field(w, QLineEdit, "otpCodeEdit").text() == ""
    do_otp(qtbot, w, code=code)
    assert w.flow.step == SECOND_FACTOR and "OTP" in error_text(w, "otp_code")


def test_expired_sms_code(qtbot, ctx, wizards, fake_clock):
    c = demo("card")
    w = _start(qtbot, wizards)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    code = do_sms(qtbot, w, ctx, c, submit=False)
    assert "남은 시간 3:00" in field(w, QLabel, "smsCountdownLabel").text()
    fake_clock.advance(181)
    qtbot.waitUntil(lambda: "지났습니다" in field(w, QLabel, "smsCountdownLabel").text(), timeout=5000)
    next_page(qtbot, w)
    assert w.flow.step == FIRST_FACTOR and "시간" in error_text(w, "sms_code")
    click(qtbot, w, "smsSendButton")                       # a new code works
    assert "4회" in field(w, QLabel, "smsInfoLabel").text()
    new = read_sms_code(qtbot, ctx, c, seen={code})
    type_into(qtbot, w, "smsCodeEdit", new)
    next_page(qtbot, w)
    assert w.flow.step == SECOND_FACTOR


def test_weak_and_mismatched_passwords(qtbot, ctx, wizards, npki_root):
    c = demo("card")
    w = wizards("issue")
    to_save(qtbot, w, ctx, c)
    save_to(qtbot, w, "hdd", "abcdefghijk")
    assert w.flow.step == SAVE and error_text(w, "password")
    assert "✖" in field(w, QLabel, "passwordProblemLabel").text()      # the live feedback said so too
    birth = c.rrn[:6]
    save_to(qtbot, w, "hdd", f"x!{birth}Qwz9")
    assert "생년월일" in error_text(w, "password") or "개인" in error_text(w, "password") or error_text(w, "password")
    save_to(qtbot, w, "hdd", GOOD_PASSWORD, GOOD_PASSWORD + "x")
    assert error_text(w, "password_repeat") and not error_text(w, "password")
    assert list(npki_root.rglob("signCert.der")) == [p for p in npki_root.rglob("signCert.der")
                                                     if c.name not in str(p)]
    save_to(qtbot, w, "hdd", GOOD_PASSWORD)
    wait_done(qtbot, w)
    read_back(w.flow.result.path, GOOD_PASSWORD)


def test_no_storage_chosen(qtbot, ctx, wizards, demo_bank):
    w = wizards("issue")
    to_save(qtbot, w, ctx, demo("card"))
    save_to(qtbot, w, None, GOOD_PASSWORD)
    assert "저장할 위치" in error_text(w, "storage")
    assert demo_bank.db.one("SELECT COUNT(*) FROM certificates WHERE status != 'active'")[0] == 0


def test_drive_pulled_before_saving(qtbot, ctx, wizards, demo_bank, usb):
    w = wizards("issue")
    to_save(qtbot, w, ctx, demo("card"))
    page = w.pages[SAVE]
    assert not field(w, QLabel, "noRemovableLabel").isVisible()
    before = demo_bank.db.one("SELECT COUNT(*) FROM certificates")[0]
    lst = field(w, QListWidget, "storageList")
    # choose the stick, type the password, then the stick is pulled before 발급 is clicked
    page.select_storage(storage_id_of(w, "removable"))
    set_password(qtbot, w, GOOD_PASSWORD)
    usb.rmdir()
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: not w.busy and bool(error_text(w, "storage")), timeout=10000)
    assert w.flow.step == SAVE and demo_bank.db.one("SELECT COUNT(*) FROM certificates")[0] == before
    # the list notices by itself (live refresh) and says how to get the drive back
    qtbot.waitUntil(lambda: all("MYSTICK" not in lst.item(i).text() for i in range(lst.count())), timeout=5000)
    assert field(w, QLabel, "noRemovableLabel").isVisible()
    usb.mkdir()                                            # plugged in again: it comes back by itself
    qtbot.waitUntil(lambda: any("MYSTICK" in lst.item(i).text() for i in range(lst.count())), timeout=5000)
    save_to(qtbot, w, "removable", GOOD_PASSWORD)
    wait_done(qtbot, w)
    read_back(w.flow.result.path, GOOD_PASSWORD)


def test_values_pasted_from_the_demo_panel_fill_the_customer_page(qtbot, ctx, wizards, demo_bank):
    """A newcomer without a Hangul keyboard copies the name and the whole 주민등록번호 from the demo panel."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from gui.demo_panel import show_demo_panel
    c = demo("card")
    w = _start(qtbot, wizards)
    panel = show_demo_panel(None, ctx)
    qtbot.addWidget(panel)
    click(qtbot, panel, "demoCopy_name_card")
    assert QGuiApplication.clipboard().text() == c.name
    name = field(w, QLineEdit, "customerNameEdit")
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, panel, "demoCopy_rrn_card")
    front, back = field(w, QLineEdit, "rrnFrontEdit"), field(w, QLineEdit, "rrnBackEdit")
    front.setFocus()
    qtbot.keyClick(front, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (name.text(), front.text(), back.text()) == (c.name, c.rrn[:6], c.rrn[6:])
    assert w.focusWidget() is back                                      # ready for what comes next
    front.clear()
    back.clear()
    QGuiApplication.clipboard().setText(f"{c.rrn[:6]}-{c.rrn[6:]}")      # with the hyphen, as printed
    front.setFocus()
    qtbot.keyClick(front, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (front.text(), back.text()) == (c.rrn[:6], c.rrn[6:])
    # a typo fixed by typing into the full first field never touches the hidden second one
    front.setFocus()
    front.setCursorPosition(3)
    qtbot.keyClicks(front, "9")
    assert (front.text(), back.text()) == (c.rrn[:6], c.rrn[6:])
    type_into(qtbot, w, "accountEdit", c.account)
    type_into(qtbot, w, "accountPasswordEdit", c.account_password)
    next_page(qtbot, w)
    assert w.flow.step != CUSTOMER, error_text(w, "wizard")
