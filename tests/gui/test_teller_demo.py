"""Demo customers panel and teller panel, driven by object names."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from core.authority import errors as E
from core.authority.demo import DEMO_CUSTOMERS
from gui.demo_panel import show_demo_panel
from gui.devices import CardViewer, OtpWindow
from gui.phone_window import phone_window_for
from gui.teller_panel import show_teller_panel
from tests.gui.phone_helpers import *  # noqa: F401,F403
from tests.gui.phone_helpers import demo


def _click(qtbot, w, name):
    b = w.findChild(QPushButton, name)
    assert b is not None, name
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def test_demo_panel_lists_every_demo_customer_with_values(qtbot, ctx):
    panel = show_demo_panel(None, ctx)
    qtbot.addWidget(panel)
    for c in DEMO_CUSTOMERS:
        assert panel.findChild(QWidget, f"demoCustomer_{c.key}") is not None, c.key
        assert panel.findChild(QLabel, f"demo_rrn_{c.key}").text().replace("-", "") == c.rrn
        assert panel.findChild(QLabel, f"demo_account_{c.key}").text() == c.account
        assert panel.findChild(QLabel, f"demo_accountPassword_{c.key}").text() == c.account_password
        assert panel.findChild(QLabel, f"demo_phone_{c.key}").text() == c.phone
        assert (panel.findChild(QPushButton, f"demoOpenCard_{c.key}") is not None) == (c.device == "card")
        assert (panel.findChild(QPushButton, f"demoOpenOtp_{c.key}") is not None) == (c.device == "otp")
    assert "demo" in panel.findChild(QLabel, "demoBanner").text().lower() or \
        "데모" in panel.findChild(QLabel, "demoBanner").text()
    assert panel.findChild(QLabel, "demoLocked_locked") is not None
    # copy buttons put the plain digits on the clipboard
    _click(qtbot, panel, "demoCopy_rrn_card")
    assert QGuiApplication.clipboard().text() == demo("card").rrn
    # the device buttons open the right windows
    _click(qtbot, panel, "demoOpenCard_card")
    assert any(isinstance(w, CardViewer) and w.isVisible() for w in QApplication_top())
    _click(qtbot, panel, "demoOpenOtp_otp")
    assert any(isinstance(w, OtpWindow) and w.isVisible() for w in QApplication_top())
    _click(qtbot, panel, "demoOpenPhone_otp")
    assert phone_window_for(ctx, demo("otp").phone).isVisible()


def QApplication_top():
    from PySide6.QtWidgets import QApplication
    return QApplication.topLevelWidgets()


def test_teller_unlock_lets_the_locked_customer_log_in(qtbot, ctx, demo_bank):
    c = demo("locked")
    with pytest.raises(E.AccountLocked):
        demo_bank.verify_customer(c.name, c.rrn, c.account, c.account_password)
    panel = show_teller_panel(None, ctx)
    qtbot.addWidget(panel)
    table = panel.findChild(QTableWidget, "tellerCustomers")
    assert table.rowCount() == len(DEMO_CUSTOMERS)
    # nothing selected: an inline hint, nothing changes
    _click(qtbot, panel, "tellerUnlock")
    assert panel.findChild(QLabel, "tellerStatus").text()
    panel.select_customer(c.name)
    _click(qtbot, panel, "tellerUnlock")
    session = demo_bank.verify_customer(c.name, c.rrn, c.account, c.account_password)
    assert session.customer_name == c.name
    # full RRNs and account numbers never appear in the teller tables
    for r in range(table.rowCount()):
        row = " ".join(table.item(r, col).text() for col in range(table.columnCount()))
        assert all(x.rrn not in row.replace("-", "") and x.account not in row for x in DEMO_CUSTOMERS)


def test_teller_adds_a_customer_with_validation(qtbot, ctx, demo_bank):
    panel = show_teller_panel(None, ctx)
    qtbot.addWidget(panel)
    # QTest cannot synthesise Hangul key events (no key code): the name is set as an IME would commit it
    panel.findChild(QLineEdit, "tellerName").setText("오신규")
    fields = {"tellerRrn": "12345", "tellerPhone": "010-1212-3434",
              "tellerAccount": "777012345678", "tellerAccountPassword": "1234"}
    for name, value in fields.items():
        qtbot.keyClicks(panel.findChild(QLineEdit, name), value)
    _click(qtbot, panel, "tellerAddButton")
    assert panel.findChild(QLabel, "tellerAddProblems").text()          # bad RRN: inline, nothing added
    assert len(demo_bank.teller().customers()) == len(DEMO_CUSTOMERS)
    rrn = panel.findChild(QLineEdit, "tellerRrn")
    rrn.clear()
    qtbot.keyClicks(rrn, "990101-1234561")
    _click(qtbot, panel, "tellerAddButton")
    assert panel.findChild(QLabel, "tellerAddProblems").text() == ""
    added = [s for s in demo_bank.teller().customers() if s.name == "오신규"]
    assert added and added[0].card is not None
    demo_bank.verify_customer("오신규", "9901011234561", "777012345678", "1234")


def test_teller_issues_devices_and_revokes(qtbot, ctx, demo_bank):
    panel = show_teller_panel(None, ctx)
    qtbot.addWidget(panel)
    old_card = demo_bank.devices.card_serial_of("김보안")
    panel.select_customer("김보안")
    _click(qtbot, panel, "tellerIssueCard")
    assert demo_bank.devices.card_serial_of("김보안") != old_card
    _click(qtbot, panel, "tellerIssueOtp")
    assert demo_bank.devices.otp_serial_of("김보안") is not None
    certs = panel.findChild(QTableWidget, "tellerCerts")
    panel.tabs.setCurrentIndex(2)
    active = [r for r in range(certs.rowCount()) if certs.item(r, 3).text() in ("active", "사용 중")]
    assert active
    certs.selectRow(active[0])
    serial = certs.item(active[0], 0).data(Qt.ItemDataRole.UserRole)
    _click(qtbot, panel, "tellerRevoke")
    assert next(c for c in demo_bank.teller().certificates() if c["serial"] == serial)["status"] == "revoked"
    audit = panel.findChild(QTableWidget, "tellerAudit")
    texts = [audit.item(r, 2).text() for r in range(audit.rowCount())]
    assert "teller.revoke" in texts and "teller.issue_card" in texts


def test_demo_panel_copy_buttons_line_up_across_customers(qtbot, ctx):
    """Every customer card uses the same column widths: the 복사 buttons of a field sit one under another."""
    panel = show_demo_panel(None, ctx)
    qtbot.addWidget(panel)
    qtbot.waitExposed(panel)

    def x_of(name):
        b = panel.findChild(QPushButton, name)
        assert b is not None, name
        return b.mapTo(panel, b.rect().topLeft()).x()

    for field in ("name", "rrn", "account", "accountPassword", "phone"):
        xs = {c.key: x_of(f"demoCopy_{field}_{c.key}") for c in DEMO_CUSTOMERS}
        assert len(set(xs.values())) == 1, (field, xs)
    # and the right half's values start at one x too
    starts = {panel.findChild(QLabel, f"demo_account_{c.key}").mapTo(panel, QPoint(0, 0)).x() for c in DEMO_CUSTOMERS}
    assert len(starts) == 1
