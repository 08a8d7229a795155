"""모바일 발급: the certificate centre in the mock phone's bank app, driven as a person does
(docs/bank-flows.md "모바일 발급"): the PC wizard's flow and pages, phone-sized, with no ARS, the
SMS arriving on the same phone and the certificate saved to the phone's own storage."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QRadioButton, QScrollArea

from core import i18n as core_i18n
from core.flows import DONE, FIRST_FACTOR, SAVE, SECOND_FACTOR
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage import registry
from gui.phone_window import show_phone_window
from tests.authority.conftest import pool_key
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, agree_all, bank_state, click, demo, do_card, do_otp, field,
                                      fill_customer, next_page, set_password, tree)


@pytest.fixture
def korean(ctx):
    core_i18n.set_language("ko")
    ctx.language = "ko"
    yield
    core_i18n.set_language(None)


def _phone_bank(qtbot, ctx, c):
    """The customer's phone, unlocked, in the bank app."""
    phone = show_phone_window(None, ctx, c.phone)
    phone._center_options = {"key_factory": lambda: pool_key(5)}
    qtbot.waitExposed(phone)
    click(qtbot, phone, "phoneUnlock")
    click(qtbot, phone, "phoneAppBank")
    assert phone.page() == "bank"
    return phone


def _open(qtbot, phone, name):
    click(qtbot, phone, name)
    assert phone.page() == "center"
    wizard = phone.center_wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.width() <= 390          # inside the phone's screen
    return wizard


def _sms_on_this_phone(qtbot, phone, wizard) -> str:
    """Ask for the code; it arrives on this phone, shown over the app; read it there."""
    assert wizard.flow.step == FIRST_FACTOR
    # ARS is not offered on the phone: the bank would call the phone the person is holding
    assert [s.id for s in wizard.flow.channel_options(1)] == ["sms"]
    ars = wizard.findChild(QRadioButton, "firstArsRadio")
    assert ars is None or not ars.isVisible()
    click(qtbot, wizard, "smsSendButton")
    heads_up = field(phone, QLabel, "phoneHeadsUpText")
    qtbot.waitUntil(lambda: heads_up.isVisible() and "[" in heads_up.text(), timeout=8000)
    assert phone.page() == "center"          # the app stays; the message shows over it
    return re.search(r"\[(\d{6})\]", heads_up.text()).group(1)


def _phone_certs(c) -> list[CertFolder]:
    return registry.phone_storage(c.phone).certificates()


@pytest.mark.parametrize("key", ["card", "otp"])
def test_issue_on_the_phone_end_to_end(qtbot, ctx, demo_bank, korean, key):
    c = demo(key)
    phone = _phone_bank(qtbot, ctx, c)
    assert _phone_certs(c) == []
    w = _open(qtbot, phone, "phoneCenterIssue")
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    code = _sms_on_this_phone(qtbot, phone, w)
    from tests.gui.wizard_helpers import type_into
    type_into(qtbot, w, "smsCodeEdit", code)
    next_page(qtbot, w)
    assert w.flow.step == SECOND_FACTOR
    (do_card if c.device == "card" else do_otp)(qtbot, w)
    assert w.flow.step == SAVE
    # no storage choice: the phone's own storage
    assert not field(w, QListWidget, "storageList").isVisible()
    assert "휴대폰" in field(w, QLabel, "renewPlaceLabel").text()
    set_password(qtbot, w, GOOD_PASSWORD)
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy, timeout=20000)
    done = w.flow.result
    assert done.storage.id == registry.phone_storage(c.phone).id
    entry = read_cert_folder(done.path, done.path.parent.parent.name)
    entry.check_password(GOOD_PASSWORD)
    assert [x.path for x in _phone_certs(c)] == [done.path]
    # 확인 closes the centre; the bank app lists the new certificate
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: phone.page() == "bank" and phone.center_wizard is None, timeout=5000)
    certs = field(phone, QListWidget, "phoneCertList")
    assert certs.count() == 1 and c.name in certs.item(0).text()


def test_cancel_midway_leaves_nothing(qtbot, ctx, demo_bank, korean):
    c = demo("card")
    phone = _phone_bank(qtbot, ctx, c)
    before_bank = bank_state(demo_bank)
    before_files = tree(registry.phone_storage(c.phone).root)
    w = _open(qtbot, phone, "phoneCenterIssue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    code = _sms_on_this_phone(qtbot, phone, w)
    from tests.gui.wizard_helpers import type_into
    type_into(qtbot, w, "smsCodeEdit", code)
    next_page(qtbot, w)
    do_card(qtbot, w)
    assert w.flow.step == SAVE
    set_password(qtbot, w, GOOD_PASSWORD)
    # past verification: Cancel asks first, then closes the centre
    click(qtbot, w, "wizardCancelButton")
    box = w.findChild(QPushButton, "cancelConfirmYes")
    qtbot.waitUntil(lambda: box.isVisible(), timeout=5000)
    click(qtbot, box.parent(), "cancelConfirmYes")
    qtbot.waitUntil(lambda: phone.page() == "bank" and phone.center_wizard is None, timeout=5000)
    assert _phone_certs(c) == []
    assert tree(registry.phone_storage(c.phone).root) == before_files
    assert bank_state(demo_bank) == before_bank


def test_renew_on_the_phone(qtbot, ctx, demo_bank, korean, fake_clock):
    """The demo 'expiring' customer's certificate, brought to the phone, renewed there in place."""
    import shutil

    from core.authority.demo import DEMO_CERT_PASSWORD
    from core.flows import PICK_CERT
    c = demo("expiring")
    hdd = registry.all_storages()[0]
    old = next(e for e in hdd.certificates() if e.info.display_name == c.name)
    phone_root = registry.phone_storage(c.phone).root
    target = phone_root / old.path.parent.parent.name / "USER" / old.path.name
    shutil.copytree(old.path, target)
    fake_clock.advance(days=5)                # well inside the renewal window
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterRenew")
    assert w.flow.step == PICK_CERT
    # only the phone's certificates are offered
    assert [cand.cert.path for cand in w.flow.candidates()] == [target]
    w.pages[PICK_CERT].select_path(target)
    next_page(qtbot, w)
    set_password(qtbot, w, "Wrong#pass123", widget="certPasswordWidget")
    next_page(qtbot, w)
    assert field(w, QLabel, "cert_passwordError").text()          # the PC's check, inline
    set_password(qtbot, w, DEMO_CERT_PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    assert w.flow.step == SAVE
    assert "휴대폰" in field(w, QLabel, "renewPlaceLabel").text()
    set_password(qtbot, w, GOOD_PASSWORD)
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy, timeout=20000)
    renewed = read_cert_folder(target, target.parent.parent.name)
    renewed.check_password(GOOD_PASSWORD)
    assert renewed.info.serial != old.info.serial
    assert demo_bank.certificate_status(old.info.der) == "superseded"
    assert read_cert_folder(old.path, old.path.parent.parent.name).info.serial == old.info.serial   # the PC copy as it was


def _identity_on_the_phone(qtbot, phone, w, c):
    """STEP 1–3 on the phone: customer, terms, the SMS read on this phone, then the card or OTP."""
    from tests.gui.wizard_helpers import type_into
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    type_into(qtbot, w, "smsCodeEdit", _sms_on_this_phone(qtbot, phone, w))
    next_page(qtbot, w)
    (do_card if c.device == "card" else do_otp)(qtbot, w)


def test_reissue_on_the_phone(qtbot, ctx, demo_bank, korean):
    """The demo 'expired' customer's certificate on the phone: reissued there; the old copy goes."""
    import shutil

    from PySide6.QtWidgets import QCheckBox

    from core.flows import CONFIRM_REISSUE
    c = demo("expired")
    hdd = registry.all_storages()[0]
    old = next(e for e in hdd.certificates() if e.info.display_name == c.name)
    target = registry.phone_storage(c.phone).root / old.path.parent.parent.name / "USER" / old.path.name
    shutil.copytree(old.path, target)
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterReissue")
    next_page(qtbot, w)                       # the type (banking, as the old one)
    _identity_on_the_phone(qtbot, phone, w, c)
    assert w.flow.step == CONFIRM_REISSUE
    targets = field(w, QListWidget, "reissueTargetList")
    assert targets.count() == 1               # the phone's copy: the phone sees only its own storage
    click(qtbot, w, "reissueConfirmCheck", QCheckBox)
    next_page(qtbot, w)
    set_password(qtbot, w, GOOD_PASSWORD)
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy, timeout=20000)
    done = w.flow.result
    assert done.removed == (target,) and not target.exists()
    assert [x.path for x in _phone_certs(c)] == [done.path]
    read_cert_folder(done.path, done.path.parent.parent.name).check_password(GOOD_PASSWORD)


def test_register_another_institutions_certificate_on_the_phone(qtbot, ctx, demo_bank, korean):
    from core.flows import PICK_CERT
    from tests import factory
    c = demo("card")
    mine = factory.make_cert(registry.phone_storage(c.phone).root / "yessign" / "USER", name=c.name, idn=c.rrn)
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterRegister")
    _identity_on_the_phone(qtbot, phone, w, c)
    assert w.flow.step == PICK_CERT
    w.pages[PICK_CERT].select_path(mine.path)
    next_page(qtbot, w)
    set_password(qtbot, w, factory.PASSWORD, widget="certPasswordWidget")
    next_page(qtbot, w)
    assert w.flow.step == DONE
    assert demo_bank.db.one("SELECT COUNT(*) FROM registered_certs")[0] == 1
    assert mine.path.exists()


def test_language_switch_while_the_centre_is_open(qtbot, ctx, demo_bank, korean):
    from gui import i18n
    c = demo("card")
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterIssue")
    next_page(qtbot, w)
    from tests.gui.wizard_helpers import type_into
    type_into(qtbot, w, "customerNameEdit", c.name)
    i18n.compile_translations()
    try:
        i18n.apply_language("en", ctx)
        qtbot.waitUntil(lambda: field(w, QLabel, "wizardTitle").text() == "Issue a certificate", timeout=5000)
        assert field(phone, QPushButton, "phoneCenterIssue").text() == "Issue"
        assert w.findChild(QLineEdit, "customerNameEdit").text() == c.name      # what was typed stays
        assert w.findChild(QScrollArea, "phoneWizardScroll") is not None           # still the phone's frame
    finally:
        i18n.apply_language("ko", ctx)


def test_closing_the_phones_ends_an_open_centre_leaving_nothing(qtbot, ctx, demo_bank, korean):
    from gui.phone_window import close_phone_windows
    c = demo("card")
    before = bank_state(demo_bank)
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterIssue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    assert w.flow.session is not None
    flow = w.flow
    close_phone_windows(ctx)
    assert flow.step == "cancelled" and flow.session is None
    assert bank_state(demo_bank) == before


def test_a_finance_certificate_issued_on_the_phone_connects_the_phone(qtbot, ctx, demo_bank, korean):
    """금융인증서 from the phone's app: the PIN page instead of a storage, and the device the cloud
    connects is this phone (not the PC the mock runs on)."""
    from core.flows import PIN
    from tests.gui.wizard_helpers import type_into
    c = demo("card")
    phone = _phone_bank(qtbot, ctx, c)
    w = _open(qtbot, phone, "phoneCenterIssue")
    click(qtbot, w, "typeFinanceRadio", QRadioButton)
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    type_into(qtbot, w, "smsCodeEdit", _sms_on_this_phone(qtbot, phone, w))
    next_page(qtbot, w)
    do_card(qtbot, w)
    assert w.flow.step == PIN
    type_into(qtbot, w, "pinEdit", "274915")
    type_into(qtbot, w, "pinRepeatEdit", "274915")
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy, timeout=20000)
    assert _phone_certs(c) == []                                   # nothing in the phone's files
    digits = registry.normalise_phone_number(c.phone)
    [account] = [a for a in demo_bank.cloud_accounts(f"phone:{digits}") if a.customer_name == c.name]
    assert account.certificate.serial == w.flow.result.serial
    assert not [a for a in demo_bank.cloud_accounts(demo_bank.this_device()) if a.customer_name == c.name]


def test_issue_on_the_phone_with_the_apps_mobile_otp(qtbot, ctx, demo_bank, korean):
    """SMS on this phone plus the 모바일 OTP of this very app (the teller registered it): the app
    fills the code itself; the certificate lands in the phone's storage."""
    from tests.gui.wizard_helpers import type_into
    c = demo("card")
    demo_bank.teller().issue_mobile_otp(c.name)
    phone = _phone_bank(qtbot, ctx, c)
    # the app's 모바일 OTP tab shows the code the bank expects
    phone.show_mobile_otp()
    shown_code = field(phone, QLabel, "phoneMobileOtpCode").text().replace(" ", "")
    assert shown_code == demo_bank.devices.mobile_otp_code(c.phone)
    phone.show_page("bank")
    w = _open(qtbot, phone, "phoneCenterIssue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    type_into(qtbot, w, "smsCodeEdit", _sms_on_this_phone(qtbot, phone, w))
    next_page(qtbot, w)
    assert w.flow.step == SECOND_FACTOR
    assert set(w.flow.second_options) == {"card", "mobile_otp"}
    click(qtbot, w, "secondMobile_otpRadio", QRadioButton)
    click(qtbot, w, "showMobileOtpButton")
    assert field(w, QLineEdit, "mobileOtpCodeEdit").text() == demo_bank.devices.mobile_otp_code(c.phone)
    next_page(qtbot, w)
    assert w.flow.step == SAVE
    set_password(qtbot, w, GOOD_PASSWORD)
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: w.flow.step == DONE and not w.busy, timeout=20000)
    read_cert_folder(w.flow.result.path, w.flow.result.path.parent.parent.name).check_password(GOOD_PASSWORD)
    assert w.flow.result.storage.id == registry.phone_storage(c.phone).id
