"""The mock phone window driven by object names: ARS, SMS, decline, PC → phone transfer."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPushButton

from core.authority import errors as E
from core.npki import keyfile
from core.npki.certfolder import read_cert_folder
from core.storage import registry
from gui.phone_window import PhoneWindow, ensure_phone_windows, phone_window_for, show_phone_window
from tests import factory
from tests.gui.phone_helpers import *  # noqa: F401,F403
from tests.gui.phone_helpers import demo, sms_code_of

import pytest


def _session(bank, key="card"):
    c = demo(key)
    s = bank.verify_customer(c.name, c.rrn, c.account, c.account_password)
    bank.agree_terms(s, {t.id: t.version for t in bank.terms()})
    return s, c


def _click(qtbot, window, name):
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _transfer(qtbot, window, name):
    """Click a transfer button: the work runs off the GUI thread, the button waits until it ends."""
    button = window.findChild(QPushButton, name)
    _click(qtbot, window, name)
    assert window.workers.busy and not button.isEnabled()
    qtbot.waitUntil(lambda: not window.workers.busy, timeout=10_000)
    assert button.isEnabled()


def test_answering_the_ars_call_completes_check_ars(qtbot, ctx, demo_bank):
    s, c = _session(demo_bank)
    watcher = ensure_phone_windows(None, ctx)
    started = demo_bank.start_ars(s)
    assert demo_bank.check_ars(s) is False
    # the watcher pops the right window with the incoming-call screen, by itself
    qtbot.waitUntil(lambda: phone_window_for(ctx, c.phone) is not None, timeout=5000)
    window = phone_window_for(ctx, c.phone)
    qtbot.waitUntil(lambda: window.isVisible() and window.page() == "call", timeout=5000)
    assert "ARS" in window.findChild(QLabel, "phoneCaller").text()
    _click(qtbot, window, "phoneAcceptCall")
    assert window.page() == "keypad"
    # a wrong code first: the phone says so and the bank still waits
    wrong = f"{(int(started.code) + 1) % 100:02d}"
    for d in wrong:
        _click(qtbot, window, f"phoneKeypad_{d}")
    status = window.findChild(QLabel, "phoneCallStatus")
    assert status.isVisibleTo(window) and "2" in status.text()       # tries left
    assert window.page() == "keypad"
    assert demo_bank.check_ars(s) is False
    for d in started.code:
        _click(qtbot, window, f"phoneKeypad_{d}")
    assert demo_bank.check_ars(s) is True
    qtbot.waitUntil(lambda: window._call_state == "completed", timeout=5000)
    watcher.timer.stop()


def test_declining_the_call(qtbot, ctx, demo_bank):
    s, c = _session(demo_bank)
    window = show_phone_window(None, ctx, c.phone)
    demo_bank.start_ars(s)
    window.poll()
    assert window.page() == "call"
    _click(qtbot, window, "phoneDeclineCall")
    with pytest.raises(E.CallDeclined):
        demo_bank.check_ars(s)
    assert window.page() == "lock"


def test_sms_shows_up_and_the_window_pops_up(qtbot, ctx, demo_bank):
    s, c = _session(demo_bank, "otp")
    watcher = ensure_phone_windows(None, ctx)
    assert phone_window_for(ctx, c.phone) is None
    demo_bank.send_sms(s)
    qtbot.waitUntil(lambda: phone_window_for(ctx, c.phone) is not None and phone_window_for(ctx, c.phone).isVisible(),
                    timeout=5000)
    window = phone_window_for(ctx, c.phone)
    assert window.page() == "lock"
    notes = [w for w in window.findChildren(QLabel) if "[도장은행]" in w.text() and w.isVisibleTo(window)]
    assert notes, "the lock screen shows the message as a notification"
    _click(qtbot, window, "phoneUnlock")
    _click(qtbot, window, "phoneAppSms")
    sms = window.findChild(QListWidget, "phoneSmsList")
    assert sms.count() == 1
    code = sms_code_of(sms.item(0).text())
    demo_bank.check_sms(s, code)
    assert demo_bank.session_status(s).first_factor == "sms"
    # a second message arrives while the SMS app is open: listed at once
    demo_bank.send_sms(s)
    qtbot.waitUntil(lambda: sms.count() == 2, timeout=5000)
    watcher.timer.stop()


def test_pc_to_phone_export_typed_on_the_phone(qtbot, ctx, relay, npki_root):
    made = factory.make_cert(factory.user_dir(npki_root))
    cert = read_cert_folder(made.path, "yessign")
    number = demo("card").phone
    offer = relay.export_to_phone(cert, factory.PASSWORD, number)      # the PC shows offer.formatted
    window = show_phone_window(None, ctx, number, relay=relay)
    _click(qtbot, window, "phoneUnlock")
    _click(qtbot, window, "phoneAppBank")
    window.findChild(QLineEdit, "phoneImportCode").setText(offer.formatted)
    # wrong password first: inline message, nothing written
    qtbot.keyClicks(window.findChild(QLineEdit, "phoneImportPassword"), "wrong-pass-1!")
    _transfer(qtbot, window, "phoneImportButton")
    status = window.findChild(QLabel, "phoneImportStatus")
    assert "Tries left: 4" in status.text()
    assert registry.phone_storage(number).certificates() == []
    qtbot.keyClicks(window.findChild(QLineEdit, "phoneImportPassword"), factory.PASSWORD)
    _transfer(qtbot, window, "phoneImportButton")
    assert "saved" in status.text().lower() or "저장" in status.text()
    certs = registry.phone_storage(number).certificates()
    assert len(certs) == 1
    plain = certs[0].check_password(factory.PASSWORD)
    assert keyfile.random_num(plain) == keyfile.random_num(cert.check_password(factory.PASSWORD))
    assert window.findChild(QListWidget, "phoneCertList").count() == 1


def test_phone_to_pc_export_shows_a_code(qtbot, ctx, relay):
    number = demo("otp").phone
    phone = registry.create_phone(number)
    made = factory.make_cert(factory.user_dir(phone.root))
    window = show_phone_window(None, ctx, number, relay=relay)
    window.show_page("bank")
    assert window.findChild(QComboBox, "phoneExportCert").count() == 1
    qtbot.keyClicks(window.findChild(QLineEdit, "phoneExportPassword"), factory.PASSWORD)
    _transfer(qtbot, window, "phoneExportButton")
    code = window.findChild(QLabel, "phoneExportCode").text()
    assert len(code) == 14 and code.count("-") == 2
    hdd = registry.find_storage("hdd")
    relay.import_on_pc(code, factory.PASSWORD, hdd)
    window.poll()
    assert window.findChild(QLabel, "phoneExportCode").text() == ""
    assert [c.name for c in hdd.certificates() if c.ca_folder == "yessign"] == [made.folder_name]


def test_one_window_per_number(qtbot, ctx):
    a = show_phone_window(None, ctx, demo("card").phone)
    b = show_phone_window(None, ctx, "01022223333")
    c = show_phone_window(None, ctx, demo("otp").phone)
    assert a is b and a is not c
    assert isinstance(a, PhoneWindow)


def test_pc_transfer_window_to_phone_and_back(qtbot, ctx, relay, npki_root):
    from gui.phone_window import PcTransferWindow
    number = demo("card").phone
    registry.create_phone(number)
    made = factory.make_cert(factory.user_dir(npki_root))
    pc = PcTransferWindow(ctx, relay=relay)
    qtbot.addWidget(pc)
    combo = pc.findChild(QComboBox, "pcTransferCert")
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == str(made.path)))
    phones = pc.findChild(QComboBox, "pcTransferPhone")
    phones.setCurrentIndex(phones.findData(number))
    qtbot.keyClicks(pc.findChild(QLineEdit, "pcTransferPassword"), factory.PASSWORD)
    _transfer(qtbot, pc, "pcTransferSend")
    code = pc.findChild(QLabel, "pcTransferCode").text()
    assert len(code) == 14
    phone = show_phone_window(None, ctx, number, relay=relay)
    phone.show_page("bank")
    qtbot.keyClicks(phone.findChild(QLineEdit, "phoneImportCode"), code)
    qtbot.keyClicks(phone.findChild(QLineEdit, "phoneImportPassword"), factory.PASSWORD)
    _transfer(qtbot, phone, "phoneImportButton")
    assert len(registry.phone_storage(number).certificates()) == 1
    qtbot.waitUntil(lambda: pc.findChild(QLabel, "pcTransferCode").text() == "", timeout=3000)
    # and a wrong code on the PC's receive tab is shown inline
    pc.tabs.setCurrentIndex(1)
    qtbot.keyClicks(pc.findChild(QLineEdit, "pcTransferReceiveCode"), "1111-2222-3333")
    qtbot.keyClicks(pc.findChild(QLineEdit, "pcTransferReceivePassword"), factory.PASSWORD)
    _transfer(qtbot, pc, "pcTransferReceive")
    assert pc.findChild(QLabel, "pcTransferReceiveStatus").text()


@pytest.fixture
def language(ctx):
    """language(lang): install the GUI translators of `lang` (as the settings dialog does); afterwards exactly
    the translators and core language there were before (tests/conftest.py and tests/gui/conftest.py)."""
    from gui import i18n
    i18n.compile_translations()
    return lambda lang: i18n.apply_language(lang, ctx)


def _fits(button) -> bool:
    """The label fits inside the round button (no clipped 'Declin'), and the button is still round."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton
    opt = QStyleOptionButton()
    button.initStyleOption(opt)
    # the room the style (with the stylesheet's padding) leaves for the label
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button).width()
    text_width = button.fontMetrics().horizontalAdvance(button.text())
    return button.width() == button.height() and text_width <= room


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_call_buttons_fit_their_labels(qtbot, ctx, demo_bank, language, lang):
    language(lang)
    s, c = _session(demo_bank)
    window = show_phone_window(None, ctx, c.phone)
    demo_bank.start_ars(s)
    window.poll()
    assert window.page() == "call"
    for name in ("phoneDeclineCall", "phoneAcceptCall", "phoneHangUp"):
        button = window.findChild(QPushButton, name)
        assert button.text() and _fits(button), (name, button.text(), button.size())
    assert window.findChild(QPushButton, "phoneDeclineCall").text() == ("거절" if lang == "ko" else "Decline")


def test_phone_speaks_the_language_it_is_switched_to(qtbot, ctx, demo_bank, language):
    """The bank's Korean-only ARS script is shown in English, and a language switch while the window is open
    retranslates all of it (static labels, the date, the call text), not just what is refreshed by the timer."""
    language("ko")
    s, c = _session(demo_bank)
    window = show_phone_window(None, ctx, c.phone)
    no_news = window.findChild(QLabel, "phoneNoNotifications")
    date = window.findChild(QLabel, "phoneLockDate")
    assert no_news.text() == "새 알림이 없습니다" and "요일" in date.text()
    demo_bank.start_ars(s)
    window.poll()
    call_text = window.findChild(QLabel, "phoneCallText")
    assert "본인인증" in call_text.text()

    language("en")
    qtbot.waitUntil(lambda: no_news.text() == "No new notifications", timeout=3000)
    assert "요일" not in date.text() and any(d in date.text() for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    assert call_text.text().startswith("This is the Dojang Bank ARS") and "2 digits" in call_text.text()
    assert window.findChild(QLabel, "phoneCallHeading").text() == "Incoming call"
    assert window.findChild(QPushButton, "phoneAcceptCall").text() == "Accept"
    assert _fits(window.findChild(QPushButton, "phoneDeclineCall"))
    assert window.bank_tabs.tabText(0) != "내 인증서"

    language("ko")
    qtbot.waitUntil(lambda: no_news.text() == "새 알림이 없습니다", timeout=3000)
    assert "본인인증" in call_text.text() and "요일" in date.text()
