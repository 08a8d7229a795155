"""An exception at ANY SQL write of an issuance leaves no active certificate without a delivered key
and no debit without a certificate (docs/bank-flows.md "STEP 4 저장 및 비밀번호"; docs/bank-core.md "Two phases").
The kill-at-every-step tests (tests/crash/) cover process kills; this covers errors that the process
survives (a full disk, a locked database) at every write, in process."""
import pytest

from core.authority.api import GENERAL
from tests.crashkit import SQL_WRITES

from .conftest import full_session, new_r, open_bank, user_csr


class Boom(Exception):
    pass


class FailingConnection:
    """A sqlite3 connection that raises at its K-th write statement (COMMIT included)."""

    def __init__(self, conn, k: int):
        self._conn, self.k, self.writes = conn, k, 0

    def execute(self, sql, params=()):
        if " ".join(sql.split()[:2]).upper().startswith(SQL_WRITES):
            self.writes += 1
            if self.writes == self.k:
                raise Boom(sql)
        return self._conn.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _client_flow(bank, op, delivered):
    """What a client does: request, save the files, confirm — cancel when anything fails."""
    s = full_session(bank)
    issued = getattr(bank, op)(s, user_csr(5), new_r(), GENERAL)
    try:
        delivered.add(issued.serial)          # the key and certificate are on disk now
        bank.confirm_delivery(issued.serial)
    except Boom:
        delivered.discard(issued.serial)      # the client removes its files and cancels
        bank.cancel_pending(issued.serial)
        raise


def _check(bank, delivered, before_active):
    rows = bank.db.all("SELECT serial, status, fee FROM certificates")
    active = {int(r["serial"], 16) for r in rows if r["status"] == "active"}
    assert active - before_active <= delivered, "an active certificate without a delivered key"
    debited = -sum(r["amount"] for r in bank.db.all("SELECT amount FROM ledger"))
    ever_active_fees = sum(r["fee"] for r in rows if r["status"] not in ("pending", "cancelled"))
    assert debited == ever_active_fees, "money debited without a certificate (or the reverse)"
    assert bank.db.one("SELECT balance FROM accounts")[0] == 10_000 - debited
    return active


def _writes_of_one_flow(home, clock, memory_keyring, op) -> int:
    bank = open_bank(home / "count", clock, memory_keyring)
    try:
        from .conftest import ACCOUNT, ACCOUNT_PW, NAME, PHONE, RRN
        t = bank.teller()
        cid = t.add_customer(name=NAME, rrn=RRN, phone=PHONE, account=ACCOUNT, account_password=ACCOUNT_PW,
                             balance=10_000)
        t.issue_card(cid, cells={i: f"{(i * 7919 + 1234) % 10000:04d}" for i in range(1, 36)})
        if op == "reissue":
            bank.confirm_delivery(bank.issue(full_session(bank), user_csr(4), new_r(), GENERAL).serial)
        counter = FailingConnection(bank.store.db.conn, 0)
        bank.store.db.conn = counter
        _client_flow(bank, op, set())
        bank.store.db.conn = counter._conn
        return counter.writes
    finally:
        bank.close()


@pytest.mark.parametrize("op", ["issue", "reissue"])
def test_an_error_at_every_sql_write(home, clock, memory_keyring, customer, bank, op):
    before = set()
    if op == "reissue":
        first = bank.issue(full_session(bank), user_csr(4), new_r(), GENERAL)
        bank.confirm_delivery(first.serial)
        before = {first.serial}
    bank.close()
    total = _writes_of_one_flow(home, clock, memory_keyring, op)
    assert total > 10
    for k in range(1, total + 1):
        bank = open_bank(home, clock, memory_keyring)
        real = bank.store.db.conn
        bank.store.db.conn = FailingConnection(real, k)
        delivered: set[int] = set()
        try:
            _client_flow(bank, op, delivered)
            failed = False
        except Boom:
            failed = True
        bank.store.db.conn = real
        active = _check(bank, delivered, before)
        if failed:
            assert active == before, f"k={k}: something new became active, or the old one was retired"
        bank.close()
        again = open_bank(home, clock, memory_keyring)        # a restart sees the same
        try:
            assert _check(again, delivered, before) == active
        finally:
            again.close()
    # and the bank still works: one more reissue goes through
    again = open_bank(home, clock, memory_keyring)
    try:
        done: set[int] = set()
        _client_flow(again, "reissue", done)
        assert _check(again, done, set()) == done
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
