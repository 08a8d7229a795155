"""금융인증서 — 클라우드 in the main window (docs/bank-flows.md "금융인증서"): the cloud is its own row in
the storage list; its page lists the connected customers' 금융인증서 and offers 보기, 로그인, PIN 변경,
PIN 재설정 (wizard), 갱신, 자동갱신, 폐기, 기기 연결 해제 and 기기 연결 — driven as a person would, the
PIN and code dialogs answered through their test hooks."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QTableWidget

from core.authority.cloud import PIN_LIMIT
from core.authority.products import FINANCE
from core.flows import DONE, PIN, IssueFlow
from core.flows.scripted import SimulatedCustomer, persona_for
from gui.cloud_panel import ConnectDialog, PinDialog
from gui.dialogs import Btn, MessageBox
from gui.main_window import MainWindow
from gui.models import CLOUD_ID, STORAGE_ROLE
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import demo, field, next_page, to_save, type_into, wait_done

PIN_OK = "274915"


def issue_finance(bank, customer, device: str) -> int:
    """A 금융인증서 for `customer`, issued by the simulated customer, connecting `device`."""
    persona = persona_for(bank, customer.key)
    flow = IssueFlow(bank, device=(device, "이 PC"))
    flow.choose_type(FINANCE.id)
    SimulatedCustomer(bank, persona).verify(flow, customer.account_password)
    assert flow.step == PIN
    return flow.finish_cloud(PIN_OK, PIN_OK).serial


@pytest.fixture
def main(qtbot, ctx, npki_root):
    w = MainWindow(ctx, watch=False, watch_phones=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.scanFinished, timeout=20_000):
        w.start()
    yield w
    w.shutdown()


def open_cloud(qtbot, w):
    panel = w.cloud_panel
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        w.storage_list.setCurrentIndex(w.storage_model.cloud_index())
    assert field(w, QStackedWidget, "mainPages").currentWidget() is panel
    return panel


def click_and_wait(qtbot, w, name: str):
    """Click a cloud button; wait for the operation's result line and the fresh list."""
    with qtbot.waitSignal(w.cloud_panel.loaded, timeout=15_000):
        with qtbot.waitSignal(w.operationFinished, timeout=15_000) as sig:
            field(w, QPushButton, name).click()
    return sig.args[0]


def cells(panel, row: int = 0) -> list[str]:
    t = panel.findChild(QTableWidget, "cloudTable")
    return [t.item(row, c).text() for c in range(t.columnCount())]


def test_cloud_row_lists_the_connected_certificate_and_refuses_file_actions(qtbot, ctx, demo_bank, main):
    c = demo("card")
    issue_finance(demo_bank, c, demo_bank.this_device())
    panel = open_cloud(qtbot, main)
    assert main.storage_model.cloud_index().data(STORAGE_ROLE) == CLOUD_ID
    qtbot.waitUntil(lambda: "1" in main.storage_model.cloud_index().data())
    row = cells(panel)
    assert row[0] == c.name and row[2] in ("Valid", "유효")
    qtbot.waitUntil(lambda: field(main, QLabel, "countLabel").text() in ("1 finance certificate", "금융인증서 1개"))
    # no file actions on a cloud key; the page says why
    for act in (main.act_copy, main.act_move, main.act_export, main.act_delete, main.act_change):
        assert not act.isEnabled()
    note = field(main, QLabel, "cloudNote").text()
    assert "copied" in note or "복사" in note
    # 보기
    field(main, QPushButton, "cloudViewButton").click()
    qtbot.waitUntil(lambda: main.findChild(QLabel, "cloudDetail_owner") is not None)
    assert c.name in main.findChild(QLabel, "cloudDetail_owner").text()
    assert "KFTC" in main.findChild(QLabel, "cloudDetail_home").text()
    # back to the files: the table page returns
    main.storage_list.setCurrentIndex(main.storage_model.index(0))
    assert field(main, QStackedWidget, "mainPages").currentWidget() is main.files_page


def test_login_wrong_pin_counts_and_locks_then_reset_pin_in_the_wizard_unlocks(qtbot, ctx, demo_bank, main,
                                                                                wizards):
    c = demo("card")
    serial = issue_finance(demo_bank, c, demo_bank.this_device())
    panel = open_cloud(qtbot, main)
    PinDialog.set_next_answer((PIN_OK,))
    assert c.name in click_and_wait(qtbot, main, "cloudLoginButton")
    # a wrong PIN: the bank's words, and the dialog asks again (answered with Cancel)
    PinDialog.history.clear()
    PinDialog.set_next_answer(("111112",))
    PinDialog.set_next_answer(None)
    text = click_and_wait(qtbot, main, "cloudLoginButton")
    assert str(PIN_LIMIT - 1) in text
    qtbot.waitUntil(lambda: len(PinDialog.history) == 2)
    assert PinDialog.history[-1][1] is not None          # asked again, with the error above
    for i in range(PIN_LIMIT - 1):
        PinDialog.set_next_answer(("111112",))
        if i < PIN_LIMIT - 2:         # the last wrong PIN locks: nothing is asked again
            PinDialog.set_next_answer(None)
        click_and_wait(qtbot, main, "cloudLoginButton")
    qtbot.waitUntil(lambda: panel.accounts and panel.accounts[0].certificate.locked)
    assert "Locked" in cells(panel)[4] or "잠김" in cells(panel)[4]
    assert not field(main, QPushButton, "cloudLoginButton").isEnabled()
    assert field(main, QPushButton, "cloudResetPinButton").isEnabled()
    # PIN 재설정: the identity steps in the certificate-centre wizard, then a new PIN
    opened = []
    main.open_flow = lambda kind: opened.append(wizards(kind)) or opened[-1]
    field(main, QPushButton, "cloudResetPinButton").click()
    [w] = opened
    assert w.kind == "reset_pin"
    to_save(qtbot, w, ctx, c, first="sms", second="card")
    assert w.flow.step == PIN
    type_into(qtbot, w, "pinEdit", "385027")
    type_into(qtbot, w, "pinRepeatEdit", "385027")
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        next_page(qtbot, w)
        wait_done(qtbot, w)
    assert w.flow.step == DONE
    assert "PIN" in field(w, QLabel, "doneReminder").text()
    assert not panel.accounts[0].certificate.locked
    PinDialog.set_next_answer(("385027",))
    assert c.name in click_and_wait(qtbot, main, "cloudLoginButton")
    assert panel.accounts[0].certificate.serial == serial


def test_change_pin_auto_renew_renew_and_revoke(qtbot, ctx, demo_bank, fake_clock, main):
    c = demo("otp")
    serial = issue_finance(demo_bank, c, demo_bank.this_device())
    panel = open_cloud(qtbot, main)
    PinDialog.set_next_answer((PIN_OK, "385027", "385027"))
    assert "PIN" in click_and_wait(qtbot, main, "cloudChangePinButton")
    # renewal opens 30 days before expiry (3 years): not yet
    assert not field(main, QPushButton, "cloudRenewButton").isEnabled()
    for _ in range(3):        # a device unused for a year is no longer connected: log in now and then
        fake_clock.advance(days=358)
        PinDialog.set_next_answer(("385027",))
        click_and_wait(qtbot, main, "cloudLoginButton")
    assert (panel.accounts[0].certificate.not_after - fake_clock()).days <= 30
    assert field(main, QPushButton, "cloudRenewButton").isEnabled()
    PinDialog.set_next_answer(("385027",))
    click_and_wait(qtbot, main, "cloudRenewButton")
    new = panel.accounts[0].certificate
    assert new.serial != serial and new.not_after - fake_clock() > dt.timedelta(days=3 * 365 - 5)
    assert not field(main, QPushButton, "cloudRenewButton").isEnabled()
    PinDialog.set_next_answer(("385027",))
    click_and_wait(qtbot, main, "cloudAutoRenewButton")
    assert panel.accounts[0].certificate.auto_renew
    assert cells(panel)[5] in ("On", "동의")
    # 폐기 asks first: No keeps the certificate (and the answer was really used)
    MessageBox.set_next_answer(Btn.No)
    field(main, QPushButton, "cloudRevokeButton").click()
    assert MessageBox._answers.pop() == (False, None)
    assert panel.accounts[0].certificate is not None
    assert demo_bank.cloud_accounts(demo_bank.this_device())[0].certificate is not None
    # 폐기: confirm, then the PIN
    MessageBox.set_next_answer(Btn.Yes)
    PinDialog.set_next_answer(("385027",))
    click_and_wait(qtbot, main, "cloudRevokeButton")
    assert panel.accounts[0].certificate is None
    assert field(main, QLabel, "cloudEmpty").isVisible()
    assert demo_bank.cloud_accounts(demo_bank.this_device())[0].certificate is None


def test_disconnect_then_connect_again_with_the_sms_code(qtbot, ctx, demo_bank, main):
    c = demo("card")
    issue_finance(demo_bank, c, demo_bank.this_device())
    panel = open_cloud(qtbot, main)
    MessageBox.set_next_answer(Btn.Yes)
    click_and_wait(qtbot, main, "cloudDisconnectButton")
    assert panel.accounts == []
    qtbot.waitUntil(lambda: "0" in main.storage_model.cloud_index().data())
    # 기기 연결: name and phone, then the code that arrived on the mock phone (a wrong one first)
    PinDialog.history.clear()
    ConnectDialog.set_next_answer((c.name, c.phone))
    persona = persona_for(demo_bank, c.key)
    PinDialog.set_next_answer(("000000",))
    # then the code read from the phone when the question comes, as a person would
    PinDialog.set_next_answer(lambda: (SimulatedCustomer(demo_bank, persona).sms_code(),))
    with qtbot.waitSignal(panel.loaded, timeout=15_000):
        field(main, QPushButton, "cloudConnectButton").click()
    assert PinDialog.history[-1][1] is not None          # the wrong code was refused and it asked again
    assert [a.customer_name for a in panel.accounts] == [c.name]


def test_unknown_customer_cannot_connect(qtbot, ctx, demo_bank, main):
    open_cloud(qtbot, main)
    ConnectDialog.set_next_answer(("없는사람", "010-0000-0000"))
    with qtbot.waitSignal(main.operationFinished, timeout=10_000) as sig:
        field(main, QPushButton, "cloudConnectButton").click()
    assert "customer" in sig.args[0].lower() or "고객" in sig.args[0]


def test_the_cloud_page_stays_when_another_storage_goes(qtbot, ctx, demo_bank, main, usb):
    """A stick pulled while the cloud's page is shown (the stick was the last storage looked at)
    does not throw the person back to 모든 저장매체; the toolbar's 갱신 picks no hidden file."""
    main.refresh()
    qtbot.waitUntil(lambda: any(s.kind == "removable" for s in main.storage_model.storages()), timeout=10_000)
    stick = next(s for s in main.storage_model.storages() if s.kind == "removable")
    main.storage_list.setCurrentIndex(main.storage_model.index(main.storage_model.row_of(stick.id) + 1))
    main.select_keys([r.key for r in main.cert_model.rows][:1])
    open_cloud(qtbot, main)
    import shutil
    shutil.rmtree(usb)
    main._on_drives_changed()
    qtbot.waitUntil(lambda: main.storage_model.storage(stick.id) is None, timeout=10_000)
    assert main.cloud_shown() and main.storage_model.is_cloud(main.storage_list.currentIndex())
    opened = []
    import gui.wizard as wizard_module
    original = wizard_module.open_flow_wizard
    wizard_module.open_flow_wizard = lambda parent, ctx, kind, cert=None, **kw: opened.append(cert)
    try:
        main.open_flow("renew")
    finally:
        wizard_module.open_flow_wizard = original
    assert opened == [None]
