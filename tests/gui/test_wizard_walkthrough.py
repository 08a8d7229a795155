"""What a newcomer's walkthrough of the issuance wizard found: where am I (step chips), the demo customers
guide where the values are typed, only the customer's own phone to save to, device windows that close
after their step, one way of masking the card serial, and an honest completion page."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton, QWidget

from core.flows import CUSTOMER, SAVE, SECOND_FACTOR, TYPE
from core.storage import registry
from core.storage.base import PHONE
from gui.devices import show_card_viewer
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import (GOOD_PASSWORD, agree_all, click, demo, do_card, do_otp, do_sms, field,
                                      fill_customer, next_page, save_to, to_save, wait_done)


def _chip(w, name):
    chip = field(w, QLabel, name)
    return chip.property("state"), chip.text()


def test_type_page_has_its_own_step_chip(qtbot, wizards):
    w = wizards("issue")
    assert w.flow.step == TYPE
    assert _chip(w, "stepChip_type") == ("current", "종류 선택")
    assert _chip(w, "stepChip_1") == ("todo", "1  고객정보")
    next_page(qtbot, w)
    assert w.flow.step == CUSTOMER
    assert _chip(w, "stepChip_type") == ("done", "✔ 종류 선택")
    assert _chip(w, "stepChip_1") == ("current", "1  고객정보")
    assert w.indicator.current_text() == "1  고객정보"
    # flows without the type page keep the bank's four numbered steps only
    for kind in ("register", "renew"):
        other = wizards(kind)
        assert other.findChild(QLabel, "stepChip_type") is None
        assert other.findChild(QLabel, "stepChip_1").property("state") == "current"


def test_demo_customers_guide_on_the_customer_page(qtbot, wizards):
    w = wizards("issue")
    next_page(qtbot, w)
    assert w.flow.step == CUSTOMER
    click(qtbot, w, "customerDemoPanelButton")
    panel = w.findChild(QWidget, "demoPanel")
    assert panel is not None and panel.isVisible()
    assert panel.findChild(QLabel, "demo_account_card").text() == demo("card").account
    click(qtbot, w, "customerDemoPanelButton")             # again: the open guide comes forward, no second one
    assert len([p for p in w.findChildren(QWidget, "demoPanel") if p.isVisible()]) == 1
    # the same condition as the type page: register has a customer page but no type page, so no button
    register = wizards("register")
    assert register.flow.step == CUSTOMER
    assert register.findChild(QPushButton, "customerDemoPanelButton") is None
    assert register.findChild(QPushButton, "demoPanelButton") is None


def test_save_page_offers_only_the_customers_own_phone(qtbot, ctx, wizards, demo_bank):
    c = demo("card")
    for other in (demo("otp"), demo("expired")):          # other customers' phones are on this PC too
        registry.create_phone(other.phone, other.name)
    assert len(registry.list_phones()) >= 3
    w = wizards("issue")
    to_save(qtbot, w, ctx, c, first="sms", second="card")
    page = w.pages[SAVE]
    page.refresh_storages()
    phones = [s for s in page._storages if s.kind == PHONE]
    assert [s.meta.get("number") for s in phones] == [c.phone]
    lst = field(w, QListWidget, "storageList")
    assert lst.count() == len(page._storages) and page.selected_storage() is None    # nothing chosen for them
    save_to(qtbot, w, "phone", GOOD_PASSWORD)
    wait_done(qtbot, w)
    assert registry.phone_storage(c.phone).contains(w.flow.result.path)


def _windows(name):
    return [t for t in QApplication.topLevelWidgets() if t.objectName() == name and t.isVisible()]


def test_card_window_closes_when_the_card_step_is_done(qtbot, ctx, wizards):
    c = demo("card")
    w = wizards("issue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    assert w.flow.step == SECOND_FACTOR
    click(qtbot, w, "showCardButton")
    assert w.find_open("card") is not None
    # a wrong answer keeps it open (new cells are asked)
    do_card(qtbot, w, digits="0000")
    assert w.flow.step == SECOND_FACTOR and w.find_open("card") is not None
    do_card(qtbot, w)
    assert w.flow.step == SAVE
    qtbot.waitUntil(lambda: w.find_open("card") is None and not _windows("cardViewer"), timeout=3000)


def test_a_card_window_the_person_opened_stays_open(qtbot, ctx, wizards):
    c = demo("card")
    mine = show_card_viewer(None, ctx, c.name)            # e.g. from the demo customers guide
    w = wizards("issue")
    to_save(qtbot, w, ctx, c, first="sms", second="card")
    assert w.flow.step == SAVE
    assert mine.isVisible()
    mine.close()


def test_otp_window_closes_when_the_otp_step_is_done(qtbot, ctx, wizards):
    c = demo("otp")
    w = wizards("issue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    do_otp(qtbot, w)
    assert w.flow.step == SAVE
    qtbot.waitUntil(lambda: w.find_open("otp") is None and not _windows("otpWindow"), timeout=3000)


def test_card_serial_is_masked_the_same_in_wizard_and_card(qtbot, ctx, wizards, demo_bank):
    c = demo("card")
    w = wizards("issue")
    next_page(qtbot, w)
    fill_customer(qtbot, w, c)
    agree_all(qtbot, w)
    do_sms(qtbot, w, ctx, c)
    click(qtbot, w, "showCardButton")
    viewer = w.find_open("card")
    on_card = re.search(r"SC\*+\d{4}", viewer.findChild(QLabel, "cardSerial").text()).group()
    prompt = field(w, QLabel, "cardPromptLabel").text()
    assert f"({on_card})" in prompt, (on_card, prompt)
    serial = demo_bank.devices.card_serial_of(c.name)
    assert serial not in prompt and on_card.endswith(serial[-4:])


def test_done_page_says_it_is_a_test_certificate(qtbot, ctx, wizards):
    w = wizards("issue")
    to_save(qtbot, w, ctx, demo("card"), first="sms", second="card")
    save_to(qtbot, w, "hdd", GOOD_PASSWORD)
    wait_done(qtbot, w)
    assert field(w, QLabel, "done_type").text().endswith("(테스트)")      # as the main window's list says
    intro = field(w, QLabel, "donePageIntro").text()
    assert "테스트 인증서" in intro and "실제 은행" in intro and "인터넷뱅킹에서 바로" not in intro


@pytest.fixture
def english(ctx):
    """English translators for the test (put back by tests/gui/conftest.py)."""
    from gui import i18n
    i18n.compile_translations()
    i18n.install_translators("en", QApplication.instance())


def test_english_says_account_password_like_the_demo_guide(english):
    tr = QCoreApplication.translate
    field_label = tr("Wizard", "계좌 비밀번호(&P)").replace("&", "")
    assert field_label == tr("DemoPanel", "계좌 비밀번호") == "Account password"
    for source in ("본인 확인을 위해 은행에 등록된 정보를 입력하세요. 계좌 비밀번호는 통장 비밀번호 4자리입니다.",
                   "계좌 비밀번호를 정해진 횟수 이상 틀리면 인증서 업무가 잠기고, 영업점(데모: 창구 패널)에서 풀어야 합니다."):
        assert "PIN" not in tr("Wizard", source) and "password" in tr("Wizard", source)
    assert tr("Wizard", " (테스트)") == " (test)"
