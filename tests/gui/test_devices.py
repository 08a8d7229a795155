"""OTP token window and 보안카드 viewer, against the bank's own checks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from core.authority import errors as E
from gui.devices import mask_serial, show_card_viewer, show_otp_window
from tests.gui.phone_helpers import *  # noqa: F401,F403
from tests.gui.phone_helpers import demo, sms_code_of


def _past_first_factor(bank, key):
    c = demo(key)
    s = bank.verify_customer(c.name, c.rrn, c.account, c.account_password)
    bank.agree_terms(s, {t.id: t.version for t in bank.terms()})
    bank.send_sms(s)
    bank.check_sms(s, sms_code_of(bank.phone_messages(c.phone)[-1].text))
    return s, c


def test_otp_window_code_is_accepted_once(qtbot, ctx, demo_bank, fake_clock):
    s, c = _past_first_factor(demo_bank, "otp")
    window = show_otp_window(None, ctx, c.name)
    qtbot.addWidget(window)
    code_label = window.findChild(QLabel, "otpCode")
    assert code_label.text() == ""                      # nothing until the button is pressed
    qtbot.mouseClick(window.findChild(QPushButton, "otpButton"), Qt.MouseButton.LeftButton)
    code = code_label.text()
    assert len(code) == 6 and code.isdigit()
    bar = window.findChild(QProgressBar, "otpRemaining")
    assert 0 < bar.value() <= 60 and bar.maximum() == 60
    demo_bank.check_otp(s, code)
    assert demo_bank.session_status(s).second_factor == "otp"
    # the same code again (a second session) is refused as a replay
    s2, _ = _past_first_factor(demo_bank, "otp")
    with pytest.raises(E.OtpReplay):
        demo_bank.check_otp(s2, code)
    # the token blanks when its 60 s step is over, and shows a new code when pressed again
    fake_clock.advance(60)
    qtbot.waitUntil(lambda: code_label.text() == "", timeout=3000)
    window.reveal()
    assert code_label.text() != code
    demo_bank.check_otp(s2, code_label.text())
    assert "OTP" in window.findChild(QLabel, "otpSerial").text()
    serial = demo_bank.devices.otp_serial_of(c.name)
    assert serial not in window.findChild(QLabel, "otpSerial").text()


def test_card_viewer_cells_answer_the_challenge(qtbot, ctx, demo_bank):
    s, c = _past_first_factor(demo_bank, "card")
    ch = demo_bank.card_challenge(s)
    viewer = show_card_viewer(None, ctx, c.name, highlight=(ch.first, ch.second))
    qtbot.addWidget(viewer)
    serial = demo_bank.devices.card_serial_of(c.name)
    cells = demo_bank.devices.card_cells(serial)
    assert len(viewer.cell_labels) == len(cells)
    first = viewer.findChild(QLabel, f"cardCell_{ch.first}").text()
    second = viewer.findChild(QLabel, f"cardCell_{ch.second}").text()
    answer = first[:2] + second[2:]
    assert answer == demo_bank.devices.card_answer(serial, ch.first, ch.second)
    demo_bank.check_card(s, answer)
    assert demo_bank.session_status(s).second_factor == "card"
    shown = viewer.findChild(QLabel, "cardSerial").text()
    assert serial not in shown and serial[-4:] in shown
    # the viewer shows this card's own cells; demo cards are random, not the spec's example
    assert all(viewer.cell(n) == v for n, v in cells.items())
    from core.authority.demo import demo_info
    others = [d["card_cells"] for d in demo_info(demo_bank) if d["card_cells"] and d["name"] != c.name]
    assert others and all(o != cells for o in others)
    assert not (cells[8] == "2442" and cells[35] == "8808")


def test_same_window_again_and_errors(qtbot, ctx, demo_bank):
    a = show_card_viewer(None, ctx, "김보안")
    b = show_card_viewer(None, ctx, demo_bank.devices.card_serial_of("김보안"))
    assert a is b
    qtbot.addWidget(a)
    with pytest.raises(E.NoDevice):
        show_otp_window(None, ctx, "김보안")                # a card customer has no OTP token
    assert mask_serial("SC1234567890") == "SC******7890"
    assert mask_serial("OTP123456789") == "OTP*****6789"
