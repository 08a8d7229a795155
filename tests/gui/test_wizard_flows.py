"""The wizard end to end, driven like a person: typing, clicking, answering the mock phone, reading
the 보안카드 and the OTP token — then the certificate on disk is opened with the core codec."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QRadioButton

from core.authority.demo import DEMO_CERT_PASSWORD
from core.flows import DONE, PICK_CERT, SAVE
from core.npki import policies
from core.npki.vid import verify_vid
from core.npki import keyfile
from core.storage import registry
from tests import factory
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, click, demo, do_ars, do_card, do_otp, do_sms, error_text, field,
                                      fill_customer, agree_all, next_page, read_back, save_to, set_password, to_save,
                                      wait_done)

OTHER_PASSWORD = "Moon%River42q"


def _balance(bank, c):
    summary = next(s for s in bank.teller().customers() if s.demo_key == c.key)
    return summary.accounts[0]["balance"]


def test_ars_and_security_card_to_a_removable_drive(qtbot, ctx, demo_bank, wizards, usb):
    c = demo("card")
    done = []
    w = wizards("issue")
    w.completed.connect(done.append)
    assert field(w, QLabel, "stepChip_1").text().endswith("고객정보")
    to_save(qtbot, w, ctx, c, first="ars", second="card")
    assert w.flow.step == SAVE and w.indicator.current_text() == "4  저장 및 비밀번호"
    save_to(qtbot, w, "removable", GOOD_PASSWORD)
    wait_done(qtbot, w)
    assert done and done[0].kind == "issue"
    path = done[0].path
    assert str(path).startswith(str(usb))
    entry = read_back(path, GOOD_PASSWORD)
    assert verify_vid(entry.info.certificate(), keyfile.random_num(entry.check_password(GOOD_PASSWORD)), c.rrn)
    assert demo_bank.certificate_status(entry.info.der) == "active"
    assert str(usb) in field(w, QLabel, "done_path").text()
    assert "찾을 수 없습니다" in field(w, QLabel, "doneReminder").text()
    assert field(w, QLabel, "done_fee").text() == "무료"
    next_page(qtbot, w)                          # 닫기
    qtbot.waitUntil(lambda: not w.isVisible())


def test_sms_and_otp_to_the_hard_disk(qtbot, ctx, demo_bank, wizards, npki_root):
    c = demo("otp")
    w = wizards("issue")
    to_save(qtbot, w, ctx, c, first="sms", second="otp")
    save_to(qtbot, w, "hdd", GOOD_PASSWORD)
    wait_done(qtbot, w)
    path = w.flow.result.path
    assert str(path).startswith(str(npki_root))
    entry = read_back(path, GOOD_PASSWORD)
    assert entry.info.display_name == c.name and entry.info.usage.kind == policies.BANKING


def test_general_purpose_debits_the_account(qtbot, ctx, demo_bank, wizards):
    c = demo("card")
    before = _balance(demo_bank, c)
    w = wizards("issue")
    to_save(qtbot, w, ctx, c, cert_type="typeGeneralRadio", first="sms", second="card")
    save_to(qtbot, w, "phone", GOOD_PASSWORD)
    wait_done(qtbot, w)
    entry = read_back(w.flow.result.path, GOOD_PASSWORD)
    assert entry.info.usage.kind == policies.GENERAL
    assert _balance(demo_bank, c) == before - 4400
    assert "4,400" in field(w, QLabel, "done_fee").text()
    assert registry.phone_storage(c.phone).contains(w.flow.result.path)


def test_reissue_replaces_the_expired_certificate(qtbot, ctx, demo_bank, wizards, npki_root):
    c = demo("expired")
    old = [e for e in registry.all_storages()[0].certificates() if e.info.display_name == c.name]
    assert len(old) == 1
    w = wizards("reissue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_ars(qtbot, w, ctx, c)
    do_otp(qtbot, w)
    targets = field(w, QListWidget, "reissueTargetList")
    assert targets.count() == 1 and targets.item(0).toolTip() == str(old[0].path)
    next_page(qtbot, w)                                         # not confirmed yet
    assert "되돌릴 수 없습니다" in error_text(w, "confirm")
    click(qtbot, w, "reissueConfirmCheck", QCheckBox)
    next_page(qtbot, w)
    save_to(qtbot, w, "hdd", OTHER_PASSWORD)
    wait_done(qtbot, w)
    done = w.flow.result
    read_back(done.path, OTHER_PASSWORD)
    assert done.removed == (old[0].path,) and not old[0].path.exists()
    assert str(old[0].path) in field(w, QLabel, "done_removed").text()


def test_renew_within_30_days_with_an_injected_clock(qtbot, ctx, demo_bank, wizards, fake_clock):
    c = demo("expiring")
    hdd = registry.all_storages()[0]
    old = next(e for e in hdd.certificates() if e.info.display_name == c.name)
    # 20 days before expiry at the fake clock's "now": eligible. Move the clock 5 more days on.
    fake_clock.advance(days=5)
    w = wizards("renew")
    assert w.flow.step == PICK_CERT
    page = w.pages[PICK_CERT]
    page.select_path(old.path)
    assert field(w, QLabel, "certReasonLabel").text() == ""
    next_page(qtbot, w)
    set_password(qtbot, w, "Wrong#pass123", widget="certPasswordWidget")
    next_page(qtbot, w)
    assert error_text(w, "cert_password")
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    assert w.flow.step == SAVE
    assert str(old.path) in field(w, QLabel, "renewPlaceLabel").text()
    save_to(qtbot, w, None, OTHER_PASSWORD)
    wait_done(qtbot, w)
    new = read_back(old.path, OTHER_PASSWORD)
    assert new.info.serial != old.info.serial
    assert demo_bank.certificate_status(old.info.der) == "superseded"
    # the renewed one is a year away from expiry: a second renewal explains the 30-day rule
    w2 = wizards("renew", cert=(hdd, new))
    assert w2.flow.step == PICK_CERT and "30" in error_text(w2, "wizard")


def test_register_another_institutions_certificate(qtbot, ctx, demo_bank, wizards, usb):
    c = demo("card")
    mine = factory.make_cert(usb / "NPKI" / "yessign" / "USER", name=c.name, idn=c.rrn)
    w = wizards("register")
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    do_card(qtbot, w)
    assert w.flow.step == PICK_CERT
    w.pages[PICK_CERT].select_path(mine.path)
    next_page(qtbot, w)
    set_password(qtbot, w, factory.PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    assert w.flow.step == DONE
    assert demo_bank.db.one("SELECT COUNT(*) FROM registered_certs")[0] == 1
    assert mine.path.exists()


def test_revoke_with_confirmation_and_file_deletion(qtbot, ctx, demo_bank, wizards):
    c = demo("expiring")
    hdd = registry.all_storages()[0]
    old = next(e for e in hdd.certificates() if e.info.display_name == c.name)
    w = wizards("revoke", cert=(hdd, old))
    assert w.flow.step == "cert_password"
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)                               # not confirmed
    assert "다시 쓸 수 없습니다" in error_text(w, "confirm") or "never" in error_text(w, "confirm")
    assert demo_bank.certificate_status(old.info.der) == "active"
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    click(qtbot, w, "revokeConfirmCheck", QCheckBox)
    assert field(w, QCheckBox, "revokeDeleteCheck").isChecked()
    next_page(qtbot, w)
    assert w.flow.step == DONE
    assert demo_bank.certificate_status(old.info.der) == "revoked"
    assert not old.path.exists()


def test_main_window_style_preselection_and_ineligible_reason(qtbot, ctx, demo_bank, wizards):
    """The main window passes the selected CertFolder alone; an ineligible one opens the picker with why."""
    hdd = registry.all_storages()[0]
    expiring = next(e for e in hdd.certificates() if e.info.display_name == demo("expiring").name)
    expired = next(e for e in hdd.certificates() if e.info.display_name == demo("expired").name)
    w = wizards("renew", cert=expiring)
    assert w.flow.step == "cert_password" and w.flow.picked[0].id == hdd.id
    assert expiring.info.display_name in field(w, QLabel, "pickedCertLabel").text()
    click(qtbot, w, "wizardBackButton")
    assert w.flow.step == PICK_CERT
    w2 = wizards("renew", cert=expired)
    assert w2.flow.step == PICK_CERT and "재발급" in error_text(w2, "wizard")


def test_pc_wizard_reads_the_mobile_otp_on_the_customers_phone(qtbot, ctx, demo_bank, wizards, npki_root):
    """On the PC, 모바일 OTP opens the customer's phone on the app's 모바일 OTP tab; the person types
    what it shows. A wrong code counts toward the 모바일 OTP's own lock."""
    from PySide6.QtWidgets import QLabel, QRadioButton
    from gui.phone_window import phone_window_for
    from tests.gui.wizard_helpers import agree_all, click, do_sms, error_text, fill_customer, next_page, type_into
    c = demo("otp")
    demo_bank.teller().issue_mobile_otp(c.name)
    w = wizards("issue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    click(qtbot, w, "secondMobile_otpRadio", QRadioButton)
    click(qtbot, w, "showMobileOtpButton")
    phone = phone_window_for(ctx, c.phone)
    qtbot.waitUntil(lambda: phone is not None and phone.page() == "bank")
    code = phone.findChild(QLabel, "phoneMobileOtpCode").text().replace(" ", "")
    wrong = f"{(int(code) + 1) % 10 ** 6:06d}"
    type_into(qtbot, w, "mobileOtpCodeEdit", wrong)
    next_page(qtbot, w)
    assert "모바일 OTP 번호" in error_text(w, "mobile_otp_code") and "9" in error_text(w, "mobile_otp_code")
    type_into(qtbot, w, "mobileOtpCodeEdit", code)
    next_page(qtbot, w)
    assert w.flow.step == SAVE
