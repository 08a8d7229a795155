import pytest

from core.authority import errors as E
from core.authority.db import SCHEMA_VERSION

from .conftest import ACCOUNT, ACCOUNT_PW, NAME, RRN, login, open_bank


def test_schema_wal_and_foreign_keys(bank):
    assert bank.db.one("PRAGMA user_version")[0] == SCHEMA_VERSION
    assert bank.db.one("PRAGMA journal_mode")[0].lower() == "wal"
    assert bank.db.one("PRAGMA foreign_keys")[0] == 1


def test_verify_customer_ok_with_hyphens_and_fullwidth(bank, customer):
    s = bank.verify_customer(NAME, "900315-1234567", "123-4567-8901234", "８０４９")
    assert s.customer_name == NAME and s.has_card and s.has_otp
    assert s.phone_masked == "010-****-2222"


def test_non_ascii_digits_are_not_digits(bank, customer):
    with pytest.raises(E.InvalidInput):
        bank.verify_customer(NAME, RRN, ACCOUNT, "٨٠٤٩")  # Arabic-Indic digits


@pytest.mark.parametrize("name,rrn,account", [
    ("김철수", RRN, ACCOUNT), (NAME, "9003152234568", ACCOUNT), (NAME, RRN, "12345678901235")])
def test_mismatch_is_one_generic_error(bank, customer, name, rrn, account):
    with pytest.raises(E.CustomerNotFound):
        bank.verify_customer(name, rrn, account, ACCOUNT_PW)


def test_lockout_counts_down_and_survives_restart(home, clock, memory_keyring, customer, bank):
    remaining = []
    for _ in range(4):
        with pytest.raises(E.WrongAccountPassword) as exc:
            login(bank, password="0000")
        remaining.append(exc.value.remaining)
    assert remaining == [4, 3, 2, 1]
    with pytest.raises(E.AccountLocked):
        login(bank, password="0000")          # the 5th wrong one locks
    with pytest.raises(E.AccountLocked):
        login(bank)                           # the 6th is refused even when right
    bank.close()
    reopened = open_bank(home, clock, memory_keyring)
    try:
        with pytest.raises(E.AccountLocked):
            login(reopened)
        reopened.teller().unlock(NAME)
        assert login(reopened).customer_name == NAME
    finally:
        reopened.close()


def test_success_resets_the_counter(bank, customer):
    for _ in range(3):
        with pytest.raises(E.WrongAccountPassword):
            login(bank, password="1111")
    login(bank)
    with pytest.raises(E.WrongAccountPassword) as exc:
        login(bank, password="1111")
    assert exc.value.remaining == 4


def test_lock_in_the_middle_of_a_flow_ends_the_session(bank, customer):
    s = login(bank)
    bank.teller().lock_account(NAME)
    with pytest.raises(E.AccountLocked):
        bank.session_status(s)


def test_session_expires(bank, customer, clock):
    s = login(bank)
    clock.advance(bank.config.session_ttl)
    with pytest.raises(E.SessionInvalid):
        bank.session_status(s)
    with pytest.raises(E.SessionInvalid):
        bank.session_status("forged-token")


def test_terms_all_required_with_versions(bank, customer):
    s = login(bank)
    terms = bank.terms()
    assert len(terms) >= 4 and all(t.text.strip() for t in terms)
    partial = {t.id: t.version for t in terms[:-1]}
    with pytest.raises(E.TermsNotAgreed) as exc:
        bank.agree_terms(s, partial)
    assert exc.value.missing == [terms[-1].id]
    with pytest.raises(E.TermsNotAgreed):
        bank.agree_terms(s, {t.id: "old" for t in terms})
    bank.agree_terms(s, {t.id: t.version for t in terms})
    assert bank.session_status(s).terms_ok
    rows = bank.db.all("SELECT terms_id, version, agreed_at FROM terms_agreements")
    assert {(r["terms_id"], r["version"]) for r in rows} == {(t.id, t.version) for t in terms}
    assert all(r["agreed_at"] for r in rows)


def test_master_key_in_keyring_and_mismatch_detected(home, clock, memory_keyring, bank):
    assert bank.master_key_source == "keyring" and bank.master_key_notice is None
    assert memory_keyring.get_password("Dojang", "authority-master-key")
    bank.close()
    memory_keyring.store.clear()   # a different keyring (and no key file) → a new key
    with pytest.raises(E.MasterKeyError):
        open_bank(home, clock, memory_keyring)
