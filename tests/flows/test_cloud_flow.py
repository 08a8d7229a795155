"""금융인증서 through the issue flow and PIN 재설정 (docs/bank-flows.md "금융인증서"): the navigation
sends a cloud product to the PIN step instead of SAVE; nothing is written to any storage."""
from __future__ import annotations

import pytest

from core.authority import errors as AE
from core.authority.products import FINANCE
from core.flows import DONE, PIN, SAVE, FieldError, IssueFlow, ReissueFlow
from core.flows.cloud import ResetPinFlow
from core.flows.login import login_with_cloud

from .conftest import tree
from .test_issue_flow import do_first, do_second, to_identity

PIN_OK = "274915"


def test_issue_and_reissue_offer_the_cloud_product(bank, customer, flow_kw):
    assert FINANCE in IssueFlow(bank, **flow_kw).issuable()
    assert FINANCE in ReissueFlow(bank, **flow_kw).issuable()


def test_reissue_replaces_a_locked_finance_certificate_with_a_new_pin(bank, customer, flow_kw, storages):
    """재발급 of a 금융인증서 (a forgotten PIN the customer will not reset): the identity steps, the
    confirmation, a new PIN; the old certificate is revoked and its key deleted in the cloud."""
    from core.authority.cloud import PIN_LIMIT
    from core.flows import CONFIRM_REISSUE
    first = IssueFlow(bank, device=("pc:flow", "PC"), **flow_kw)
    to_identity(first, bank, cert_type=FINANCE.id)
    old = first.finish_cloud(PIN_OK, PIN_OK).serial
    old_der = bank.cloud_accounts("pc:flow")[0].certificate.cert_der
    for _ in range(PIN_LIMIT):
        with pytest.raises(AE.AuthorityError):
            login_with_cloud(bank, "pc:flow", old, "000001")
    with pytest.raises(AE.PinLocked):
        login_with_cloud(bank, "pc:flow", old, PIN_OK)
    before = tree(*(s.root for s in storages))
    flow = ReissueFlow(bank, device=("pc:flow", "PC"), **flow_kw)
    to_identity(flow, bank, cert_type=FINANCE.id)
    assert flow.step == CONFIRM_REISSUE and flow.reissue_targets() == []
    flow.confirm_reissue(True)
    assert flow.step == PIN
    done = flow.finish_cloud(bytearray(b"385027"), bytearray(b"385027"))
    assert flow.step == DONE and done.kind == "reissue" and done.serial != old
    assert bank.certificate_status(old_der) == "revoked"
    [account] = bank.cloud_accounts("pc:flow")
    assert account.certificate.serial == done.serial and not account.certificate.locked
    assert login_with_cloud(bank, "pc:flow", done.serial, "385027").serial == done.serial
    with pytest.raises(AE.NoCloudCertificate):        # the old key is gone from the cloud
        login_with_cloud(bank, "pc:flow", old, PIN_OK)
    assert tree(*(s.root for s in storages)) == before


def test_a_cloud_product_goes_to_the_pin_step_and_saves_no_file(bank, customer, flow_kw, storages):
    before = tree(*(s.root for s in storages))
    flow = IssueFlow(bank, device=("pc:flow", "테스트 PC"), **flow_kw)
    to_identity(flow, bank, cert_type=FINANCE.id)
    assert flow.step == PIN
    assert flow.pin_feedback("111111", "111111").code == "pin_same"
    assert flow.pin_feedback(PIN_OK, "274916").code == "pin_mismatch"
    assert flow.pin_feedback(PIN_OK, PIN_OK) is None
    with pytest.raises(FieldError) as exc:
        flow.finish_cloud(bytearray(b"900315"), bytearray(b"900315"))       # the birth date
    assert exc.value.field == "pin" and flow.step == PIN
    pin = bytearray(PIN_OK.encode())
    done = flow.finish_cloud(pin, bytearray(pin))
    assert pin == bytearray(len(pin))                  # wiped
    assert flow.step == DONE and done.storage is None and done.path is None and done.fee == 0
    assert done.cert_type == FINANCE.id
    assert tree(*(s.root for s in storages)) == before
    [account] = bank.cloud_accounts("pc:flow")
    assert account.certificate.serial == done.serial
    assert login_with_cloud(bank, "pc:flow", done.serial, PIN_OK).serial == done.serial
    # a file product still goes to SAVE
    again = IssueFlow(bank, **flow_kw)
    to_identity(again, bank)
    assert again.step == SAVE


def test_one_finance_certificate_per_customer(bank, customer, flow_kw):
    flow = IssueFlow(bank, device=("pc:flow", "PC"), **flow_kw)
    to_identity(flow, bank, cert_type=FINANCE.id)
    flow.finish_cloud(PIN_OK, PIN_OK)
    second = IssueFlow(bank, **flow_kw)
    with pytest.raises(Exception) as exc:
        to_identity(second, bank, cert_type=FINANCE.id)
    assert isinstance(getattr(exc.value, "cause", exc.value), AE.AlreadyIssued)


def test_reset_pin_after_the_identity_steps_unlocks(bank, customer, flow_kw):
    flow = IssueFlow(bank, device=("pc:flow", "PC"), **flow_kw)
    to_identity(flow, bank, cert_type=FINANCE.id)
    serial = flow.finish_cloud(PIN_OK, PIN_OK).serial
    for _ in range(5):
        with pytest.raises((AE.WrongPin, AE.PinLocked)):
            login_with_cloud(bank, "pc:flow", serial, "000000")
    with pytest.raises(AE.PinLocked):
        login_with_cloud(bank, "pc:flow", serial, PIN_OK)
    reset = ResetPinFlow(bank, **flow_kw)
    from .conftest import ACCOUNT, ACCOUNT_PW, NAME, RRN
    reset.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    reset.submit_terms([t.id for t in reset.terms()])
    do_first(reset, bank, "sms")
    do_second(reset, bank, "card")
    assert reset.step == PIN
    with pytest.raises(FieldError):
        reset.finish("123456", "123456")
    assert reset.finish("582913", "582913") == serial and reset.step == DONE
    assert login_with_cloud(bank, "pc:flow", serial, "582913").serial == serial


def test_reset_pin_without_a_finance_certificate_is_refused_before_any_code(bank, customer, flow_kw):
    """PIN 재설정 for a customer with no 금융인증서: said after 고객정보, before an SMS goes out."""
    from core.flows import FlowError
    from .conftest import ACCOUNT, ACCOUNT_PW, NAME, PHONE, RRN
    flow = ResetPinFlow(bank, **flow_kw)
    sent_before = len(bank.phone_messages(PHONE))
    with pytest.raises(FlowError) as exc:
        flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    assert "금융인증서" in exc.value.ko
    assert flow.step == "customer"
    assert len(bank.phone_messages(PHONE)) == sent_before
