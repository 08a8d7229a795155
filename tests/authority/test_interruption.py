"""Interrupting issuance at any step leaves no active certificate without a delivered key and no
debit without a certificate (bank-flows.md §3 STEP 4; the two-phase design in core/authority/api.py)."""
import pytest

from core.authority.api import GENERAL

from .conftest import full_session, new_r, open_bank, user_csr


class Boom(Exception):
    pass


ISSUE_STEPS = ["{op}.before_sign", "{op}.signed", "{op}.recorded", "client.save", "confirm.begin",
               "confirm.debited", "confirm.retired", "confirm.activated", "confirm.end"]


def _client_flow(bank, op, delivered, fail_at):
    """What a client does: request, save the files, confirm — cancel when saving fails."""
    s = full_session(bank)
    issued = getattr(bank, op)(s, user_csr(5), new_r(), GENERAL)
    try:
        if fail_at == "client.save":
            raise Boom("disk full")
        delivered.add(issued.serial)          # the key and certificate are on disk now
    except Boom:
        bank.cancel_pending(issued.serial)
        raise
    bank.confirm_delivery(issued.serial)


def _check(bank, delivered, before_active):
    rows = bank.db.all("SELECT serial, status, fee FROM certificates")
    active = {int(r["serial"], 16) for r in rows if r["status"] == "active"}
    assert active - before_active <= delivered, "an active certificate without a delivered key"
    debited = -sum(r["amount"] for r in bank.db.all("SELECT amount FROM ledger"))
    ever_active_fees = sum(r["fee"] for r in rows if r["status"] not in ("pending", "cancelled"))
    assert debited == ever_active_fees, "money debited without a certificate (or the reverse)"
    assert bank.db.one("SELECT balance FROM accounts")[0] == 10_000 - debited
    return active


@pytest.mark.parametrize("op", ["issue", "reissue"])
@pytest.mark.parametrize("step", ISSUE_STEPS)
def test_interrupt_each_step(home, clock, memory_keyring, customer, bank, op, step):
    before = set()
    if op == "reissue":
        s = full_session(bank)
        first = bank.issue(s, user_csr(4), new_r(), GENERAL)
        bank.confirm_delivery(first.serial)
        before = {first.serial}
    target = step.format(op=op)

    def fault(name):
        if name == target:
            raise Boom(name)

    bank._fault = fault
    delivered: set[int] = set()
    with pytest.raises(Boom):
        _client_flow(bank, op, delivered, target)
    active = _check(bank, delivered, before)
    assert not (active - before)                      # nothing new became active
    if op == "reissue":
        assert active == before                       # the old certificate was not revoked
    # a restart sees the same, and the state is usable again
    bank.close()
    again = open_bank(home, clock, memory_keyring)
    try:
        _check(again, delivered, before)
        delivered2: set[int] = set()
        _client_flow(again, "reissue", delivered2, None)
        active2 = _check(again, delivered | delivered2, before)
        assert len(active2) == 1 and active2 <= delivered2
    finally:
        again.close()


def test_stale_pending_is_cancelled_on_start(home, clock, memory_keyring, customer, bank):
    s = full_session(bank)
    issued = bank.issue(s, user_csr(5), new_r(), GENERAL)
    bank.close()
    clock.advance(bank.config.pending_ttl + 1)
    again = open_bank(home, clock, memory_keyring)
    try:
        assert again.db.one("SELECT status FROM certificates")[0] == "cancelled"
        from cryptography import x509
        assert x509.load_der_x509_crl(again.crl_der()).get_revoked_certificate_by_serial_number(issued.serial)
        assert again.db.one("SELECT COUNT(*) FROM ledger")[0] == 0
    finally:
        again.close()
