"""금융인증서 in the issuance wizard (docs/bank-flows.md "금융인증서"): the type page lists it, the PIN page
takes the place of the storage page, the completion page says 클라우드 — and no file appears."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QRadioButton

from core.flows import DONE, PIN
from tests.gui.wizard_helpers import *  # noqa: F401,F403
from tests.gui.wizard_helpers import click, demo, error_text, field, next_page, to_save, tree, type_into, wait_done


def test_finance_certificate_end_to_end(qtbot, ctx, demo_bank, wizards, npki_root):
    c = demo("card")
    before = tree(npki_root)
    w = wizards("issue")
    assert field(w, QLabel, "wizardTitle").text() == "공동인증서 발급"
    click(qtbot, w, "typeFinanceRadio", QRadioButton)        # the title and step 4 follow the choice at once
    assert field(w, QLabel, "wizardTitle").text() == "금융인증서 발급"
    assert "PIN" in field(w, QLabel, "stepChip_4").text()
    click(qtbot, w, "typeBankingRadio", QRadioButton)
    assert field(w, QLabel, "wizardTitle").text() == "공동인증서 발급"
    assert "저장" in field(w, QLabel, "stepChip_4").text()
    to_save(qtbot, w, ctx, c, cert_type="typeFinanceRadio", first="sms", second="card")
    assert w.flow.step == PIN and w.findChild(QLabel, "pageTitle") is not None
    # the screen names what is being made: the title and the fourth step follow the chosen product
    assert field(w, QLabel, "wizardTitle").text() == "금융인증서 발급"
    assert "PIN" in field(w, QLabel, "stepChip_4").text() and "저장" not in field(w, QLabel, "stepChip_4").text()
    type_into(qtbot, w, "pinEdit", "123456")
    type_into(qtbot, w, "pinRepeatEdit", "123456")
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: bool(error_text(w, "pin")))
    assert w.flow.step == PIN
    type_into(qtbot, w, "pinEdit", "274915")
    type_into(qtbot, w, "pinRepeatEdit", "274915")
    next_page(qtbot, w)
    wait_done(qtbot, w)
    assert w.flow.step == DONE
    assert "클라우드" in field(w, QLabel, "done_storage").text()
    assert field(w, QLabel, "done_fee").text() == "무료"
    assert "PIN" in field(w, QLabel, "doneReminder").text()
    assert tree(npki_root) == before
    [account] = [a for a in demo_bank.cloud_accounts(demo_bank.this_device()) if a.customer_name == c.name]
    assert account.certificate.serial == w.flow.result.serial
    next_page(qtbot, w)
    qtbot.waitUntil(lambda: not w.isVisible())


def test_finance_certificate_reissue_in_the_wizard(qtbot, ctx, demo_bank, wizards, npki_root):
    """재발급 of a 금융인증서: the type page offers it, the confirmation speaks of the cloud (no file to
    delete), a new PIN, and the old certificate is revoked."""
    from PySide6.QtWidgets import QCheckBox
    from tests.gui.test_cloud_panel import PIN_OK, issue_finance
    c = demo("card")
    device = demo_bank.this_device()
    old = issue_finance(demo_bank, c, device)
    old_der = demo_bank.cloud_accounts(device)[0].certificate.cert_der
    before = tree(npki_root)
    w = wizards("reissue")
    to_save(qtbot, w, ctx, c, cert_type="typeFinanceRadio", first="sms", second="card")
    assert field(w, QLabel, "wizardTitle").text() == "금융인증서 재발급"
    assert "클라우드" in field(w, QLabel, "reissueWarning").text()
    click(qtbot, w, "reissueConfirmCheck", QCheckBox)
    next_page(qtbot, w)
    assert w.flow.step == PIN
    type_into(qtbot, w, "pinEdit", "385027")
    type_into(qtbot, w, "pinRepeatEdit", "385027")
    next_page(qtbot, w)
    wait_done(qtbot, w)
    assert w.pages[DONE].title.text() == "금융인증서를 재발급했습니다"
    assert demo_bank.certificate_status(old_der) == "revoked"
    [account] = [a for a in demo_bank.cloud_accounts(device) if a.customer_name == c.name]
    assert account.certificate.serial == w.flow.result.serial != old
    assert tree(npki_root) == before
    assert PIN_OK != "385027"         # the new PIN is a new one
