"""The certificate list reads the issuing bank's word on its own certificates: one the bank has
revoked is shown 폐지됨 / revoked — with the bank open or not yet opened (read-only look-up)
(docs/bank-core.md "Crash recovery")."""
from __future__ import annotations

import pytest

from core.authority.demo import DEMO_CUSTOMERS
from gui.context import AppContext
from gui.main_window import MainWindow
from tests.gui.wizard_helpers import *  # noqa: F401,F403

EXPIRING = next(c for c in DEMO_CUSTOMERS if c.key == "expiring")


def _window(qtbot, context):
    main = MainWindow(context, watch=False, watch_phones=False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.start()
    return main


@pytest.mark.parametrize("bank_open", [True, False])
def test_a_revoked_certificate_is_not_shown_as_valid(qtbot, demo_bank, fake_clock, bank_open):
    main = None
    context = AppContext(open_authority=lambda: demo_bank, clock=fake_clock, language="en")
    if bank_open:
        context.authority()
    main = _window(qtbot, context)
    model = main.cert_model

    def row():
        return next(r for r in model.rows if r.good and r.entry.info.display_name == EXPIRING.name)
    assert "Revoked" not in model.status_text(row()) and "폐지됨" not in model.status_text(row())
    demo_bank.teller().revoke(row().entry.info.serial)            # at the counter; the files stay
    with qtbot.waitSignal(main.scanFinished, timeout=20_000):
        main.refresh()
    qtbot.waitUntil(lambda: model.status_text(row()) in ("폐지됨", "Revoked"), timeout=10_000)
    assert model.is_outdated(row())


def test_log_in_with_a_certificate_then_refused_once_revoked(qtbot, demo_bank, fake_clock):
    from core.authority.demo import DEMO_CERT_PASSWORD
    from gui.dialogs import PasswordDialog
    context = AppContext(open_authority=lambda: demo_bank, clock=fake_clock, language="en")
    main = _window(qtbot, context)
    row = next(r for r in main.cert_model.rows if r.good and r.entry.info.display_name == EXPIRING.name)
    main.select_keys([row.key])

    def login() -> str:
        PasswordDialog.set_next_password(DEMO_CERT_PASSWORD)
        with qtbot.waitSignal(main.operationFinished, timeout=20_000) as blocker:
            main.findChild(type(main.act_login), "actionCertLogin").trigger()
        return blocker.args[0]
    said = login()
    assert EXPIRING.name in said and ("로그인했습니다" in said or "Logged in" in said)
    demo_bank.teller().revoke(row.entry.info.serial)
    assert login() == "This certificate has been revoked."           # the bank's words, in English
