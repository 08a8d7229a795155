"""The issuance flow, branch by branch, without Qt (docs/bank-flows.md "Issuance in four steps", "Limits")."""
from __future__ import annotations

import errno

import pytest

from core.authority import errors as AE
from core.errors import Cancelled
from core.flows import (CUSTOMER, DONE, FIRST_FACTOR, SAVE, SECOND_FACTOR, TERMS, TYPE, FieldError, FlowError,
                        IssueFlow, StepOrderError)
from core.npki import policies
from core.npki.certfolder import CertFolder, read_cert_folder
from core.npki.vid import verify_vid
from core.npki import keyfile
from core.storage import safewrite
from core.storage.registry import create_phone

from .conftest import ACCOUNT, ACCOUNT_PW, GOOD_PASSWORD, NAME, PHONE, RRN, bank_state, sms_code, tree


def to_identity(flow, bank, *, first="sms", second="card", cert_type=policies.BANKING):
    """Drive TYPE → CUSTOMER → TERMS → first factor → second factor, as a person would."""
    flow.choose_type(cert_type)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    flow.submit_terms([t.id for t in flow.terms()])
    do_first(flow, bank, first)
    do_second(flow, bank, second)


def do_first(flow, bank, first):
    if first == "sms":
        flow.send_sms()
        flow.submit_sms(sms_code(bank))
    else:
        started = flow.start_ars()
        assert flow.poll_ars() is False          # still ringing
        bank.answer_call(PHONE, started.code)    # the person keys the code on the phone
        assert flow.poll_ars() is True
    assert flow.step == SECOND_FACTOR


def do_second(flow, bank, second):
    if second == "card":
        flow.choose_second("card")
        ch = flow.card_challenge()
        serial = bank.devices.card_serial_of(NAME)
        flow.submit_card(bank.devices.card_answer(serial, ch.first, ch.second))
    else:
        flow.choose_second("otp")
        flow.submit_otp(bank.devices.otp_code(bank.devices.otp_serial_of(NAME), at=bank.now()))


def assert_good_certificate(path, bank, password=GOOD_PASSWORD):
    entry = read_cert_folder(path, path.parent.parent.name)
    assert isinstance(entry, CertFolder)
    plain = entry.check_password(password)
    assert verify_vid(entry.info.certificate(), keyfile.random_num(plain), RRN)
    assert bank.certificate_status(entry.info.der) == "active"
    return entry


@pytest.mark.parametrize("first", ["sms", "ars"])
@pytest.mark.parametrize("second", ["card", "otp"])
@pytest.mark.parametrize("where", ["hdd", "usb", "phone"])
def test_issue_every_channel_and_storage(bank, customer, flow_kw, first, second, where, request):
    storage = request.getfixturevalue(where)
    flow = IssueFlow(bank, **flow_kw)
    assert flow.step == TYPE
    to_identity(flow, bank, first=first, second=second)
    assert flow.step == SAVE
    done = flow.finish(storage, GOOD_PASSWORD, GOOD_PASSWORD)
    assert flow.step == DONE and done.storage is storage and storage.contains(done.path)
    assert done.fee == 0 and done.cert_type == policies.BANKING
    assert (done.not_after - done.not_before).days in (364, 365, 366)
    assert_good_certificate(done.path, bank)


def test_general_purpose_debits_the_fee_once(bank, customer, flow_kw, usb):
    before = bank.teller().customers()[0].accounts[0]["balance"]
    flow = IssueFlow(bank, **flow_kw)
    to_identity(flow, bank, cert_type=policies.GENERAL)
    assert flow.fee == 4400
    done = flow.finish(usb, bytearray(GOOD_PASSWORD.encode()), GOOD_PASSWORD)
    assert done.fee == 4400
    assert bank.teller().customers()[0].accounts[0]["balance"] == before - 4400
    assert assert_good_certificate(done.path, bank).info.usage.kind == policies.GENERAL


def test_finish_wipes_a_bytearray_password(bank, customer, flow_kw, hdd):
    flow = IssueFlow(bank, **flow_kw)
    to_identity(flow, bank)
    pw = bytearray(GOOD_PASSWORD.encode())
    flow.finish(hdd, pw, GOOD_PASSWORD)
    assert pw == bytearray(len(pw))


# --- STEP 1 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("field,values", [
    ("name", ("", RRN, ACCOUNT, ACCOUNT_PW)),
    ("name", ("홍길동1", RRN, ACCOUNT, ACCOUNT_PW)),
    ("rrn", (NAME, "900315123456", ACCOUNT, ACCOUNT_PW)),
    ("rrn", (NAME, "9013321234567", ACCOUNT, ACCOUNT_PW)),             # 13th month
    ("rrn", (NAME, "٩٠٠٣١٥١٢٣٤٥٦٧", ACCOUNT, ACCOUNT_PW)),      # Arabic-Indic digits: not [0-9] after NFKC
    ("account", (NAME, RRN, "123456789", ACCOUNT_PW)),
    ("account", (NAME, RRN, "1234567890123456", ACCOUNT_PW)),
    ("account_password", (NAME, RRN, ACCOUNT, "12a4")),
    ("account_password", (NAME, RRN, ACCOUNT, "12345")),
])
def test_customer_fields_are_checked_before_the_bank(bank, customer, flow_kw, field, values):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    with pytest.raises(FieldError) as err:
        flow.submit_customer(*values)
    assert err.value.field == field and err.value.message("ko") and err.value.message("en")
    assert flow.step == CUSTOMER
    assert bank.db.one("SELECT COUNT(*) FROM sessions")[0] == 0


def test_wrong_account_password_counts_down_then_locks(bank, customer, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(FieldError) as err:
            flow.submit_customer(NAME, RRN, ACCOUNT, "0000")
        assert err.value.field == "account_password" and err.value.remaining == remaining
        assert f"{remaining}" in err.value.message("ko")
    with pytest.raises(FlowError) as err:
        flow.submit_customer(NAME, RRN, ACCOUNT, "0000")
    assert err.value.code == "account_locked"
    with pytest.raises(FlowError) as err:          # even the right password now
        flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    assert err.value.code == "account_locked" and "창구" in err.value.message("ko")
    assert flow.step == CUSTOMER


def test_unknown_customer(bank, customer, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    with pytest.raises(FlowError) as err:
        flow.submit_customer("김철수", RRN, ACCOUNT, ACCOUNT_PW)
    assert err.value.code == "customer_not_found"


def test_lockout_in_the_middle_of_a_flow(bank, customer, flow_kw, hdd):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    flow.submit_terms([t.id for t in flow.terms()])
    bank.teller().lock_account(NAME)               # e.g. wrong PINs in another channel
    with pytest.raises(FlowError) as err:
        flow.send_sms()
    assert err.value.code == "account_locked"
    assert flow.step == FIRST_FACTOR


def test_customer_without_card_or_otp_is_told_what_to_do(bank, flow_kw):
    bank.teller().add_customer(name=NAME, rrn=RRN, phone=PHONE, account=ACCOUNT, account_password=ACCOUNT_PW)
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    with pytest.raises(FlowError) as err:
        flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    assert "OTP" in err.value.message("ko")


# --- STEP 2 ------------------------------------------------------------------------------------------

def test_every_required_term_is_needed(bank, customer, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    terms = flow.terms()
    required = [t for t in terms if t.required]
    with pytest.raises(FieldError) as err:
        flow.submit_terms([t.id for t in required[1:]])
    assert err.value.field == "terms" and required[0].title_ko in err.value.message("ko")
    assert flow.step == TERMS
    flow.submit_terms([t.id for t in required])
    assert flow.step == FIRST_FACTOR
    rows = bank.db.all("SELECT terms_id, version FROM terms_agreements")
    assert {(r["terms_id"], r["version"]) for r in rows} == {(t.id, t.version) for t in required}


# --- STEP 3 ------------------------------------------------------------------------------------------

def at_first_factor(bank, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    flow.submit_terms([t.id for t in flow.terms()])
    return flow


def test_sms_code_expires_mid_step_and_a_new_one_works(bank, customer, flow_kw, clock):
    flow = at_first_factor(bank, flow_kw)
    flow.send_sms()
    assert flow.seconds_left() == 180
    code = sms_code(bank)
    clock.advance(181)
    assert flow.seconds_left() == 0
    with pytest.raises(FieldError) as err:
        flow.submit_sms(code)
    assert err.value.field == "sms_code" and err.value.code == "code_expired"
    with pytest.raises(FieldError):              # the expired code is gone: a new one must be requested
        flow.submit_sms(code)
    sent = flow.send_sms()
    assert sent.resends_left == 4
    flow.submit_sms(sms_code(bank))
    assert flow.step == SECOND_FACTOR


def test_wrong_sms_codes_count_down(bank, customer, flow_kw):
    flow = at_first_factor(bank, flow_kw)
    flow.send_sms()
    good = sms_code(bank)
    wrong = f"{(int(good) + 1) % 10 ** 6:06d}"
    with pytest.raises(FieldError) as err:
        flow.submit_sms(wrong)
    assert err.value.remaining == 4
    with pytest.raises(FieldError) as err:
        flow.submit_sms("12 34")
    assert err.value.code == "format"
    with pytest.raises(FieldError):
        flow.submit_sms("١٢٣٤٥٦")          # digits, but not ASCII digits even after NFKC


def test_ars_expires_and_can_be_declined(bank, customer, flow_kw, clock):
    flow = at_first_factor(bank, flow_kw)
    flow.start_ars()
    clock.advance(121)
    with pytest.raises(FlowError) as err:
        flow.poll_ars()
    assert err.value.code == "code_expired" and flow.ars is None
    flow.start_ars()
    bank.decline_call(PHONE)
    with pytest.raises(FlowError) as err:
        flow.poll_ars()
    assert err.value.code == "call_declined"
    started = flow.start_ars()
    bank.answer_call(PHONE, started.code)
    assert flow.poll_ars() and flow.step == SECOND_FACTOR


def test_switching_channel_forgets_the_other(bank, customer, flow_kw):
    flow = at_first_factor(bank, flow_kw)
    flow.start_ars()
    flow.send_sms()
    assert flow.ars is None and flow.data["first_channel"] == "sms"
    flow.submit_sms(sms_code(bank))
    assert flow.step == SECOND_FACTOR


def test_wrong_card_answer_asks_new_cells(bank, customer, flow_kw):
    flow = at_first_factor(bank, flow_kw)
    do_first(flow, bank, "sms")
    ch = flow.card_challenge()
    assert flow.card_challenge() is ch              # stable while the page is shown
    serial = bank.devices.card_serial_of(NAME)
    right = bank.devices.card_answer(serial, ch.first, ch.second)
    wrong = f"{(int(right) + 1) % 10000:04d}"
    with pytest.raises(FieldError) as err:
        flow.submit_card(wrong)
    assert err.value.field == "card_answer" and err.value.remaining == 4
    assert "자리" not in err.value.message("ko") or "남은" in err.value.message("ko")
    ch2 = flow.card_challenge()
    flow.submit_card(bank.devices.card_answer(serial, ch2.first, ch2.second))
    assert flow.step == SAVE


def test_reused_otp_is_refused(bank, customer, flow_kw):
    flow = at_first_factor(bank, flow_kw)
    do_first(flow, bank, "sms")
    code = bank.devices.otp_code(bank.devices.otp_serial_of(NAME), at=bank.now())
    flow.choose_second("otp")
    flow.submit_otp(code)
    flow.back()                                    # back to the OTP page: the same code again
    with pytest.raises(FieldError) as err:
        flow.submit_otp(code)
    assert err.value.field == "otp_code" and err.value.code == "otp_replay"


# --- STEP 4 ------------------------------------------------------------------------------------------

def at_save(bank, flow_kw, **kw):
    flow = IssueFlow(bank, **flow_kw)
    to_identity(flow, bank, **kw)
    return flow


@pytest.mark.parametrize("password,repeat,field,code", [
    ("short1!", "short1!", "password", "too_short"),
    ("abcdefghijk", "abcdefghijk", "password", "no_digit"),
    ("Sky#Lantern7x ", "Sky#Lantern7x ", "password", "edge_space"),
    ("Sky|Lant#ern7x", "Sky|Lant#ern7x", "password", "forbidden_char"),
    ("하늘#Lantern7x", "하늘#Lantern7x", "password", "non_ascii"),
    ("x!900315Qwz", "x!900315Qwz", "password", "personal"),          # birth date from the RRN
    ("x!45678901234Qz", "x!45678901234Qz", "password", "personal"),  # account number digits
    (GOOD_PASSWORD, GOOD_PASSWORD + "x", "password_repeat", None),
    ("", "", "password", "empty"),
])
def test_password_policy_at_save(bank, customer, flow_kw, hdd, npki_root, password, repeat, field, code):
    flow = at_save(bank, flow_kw)
    before = tree(npki_root)
    with pytest.raises(FieldError) as err:
        flow.finish(hdd, password, repeat)
    assert err.value.field == field
    if code:
        assert err.value.code == code
    assert flow.step == SAVE and tree(npki_root) == before
    assert bank.db.one("SELECT COUNT(*) FROM certificates")[0] == 0
    feedback = flow.password_feedback(password, repeat)
    assert not feedback.ok


def test_no_storage_chosen(bank, customer, flow_kw):
    flow = at_save(bank, flow_kw)
    with pytest.raises(FieldError) as err:
        flow.finish(None, GOOD_PASSWORD, GOOD_PASSWORD)
    assert err.value.field == "storage"


def test_drive_pulled_before_saving(bank, customer, flow_kw, usb, hdd):
    flow = at_save(bank, flow_kw)
    assert usb in flow.storages()
    usb.mount.rmdir()                                # pulled
    assert usb not in flow.storages()
    with pytest.raises(FieldError) as err:
        flow.finish(usb, GOOD_PASSWORD, GOOD_PASSWORD)
    assert err.value.field == "storage" and err.value.code == "storage_gone"
    assert bank.db.one("SELECT COUNT(*) FROM certificates")[0] == 0
    done = flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)   # choose another place and go on
    assert_good_certificate(done.path, bank)


def test_disk_full_while_saving_cancels_the_pending_certificate(bank, customer, flow_kw, hdd, npki_root,
                                                                 monkeypatch):
    flow = at_save(bank, flow_kw, cert_type=policies.GENERAL)
    before_bank, before_files = bank_state(bank), tree(npki_root)

    # the disk fills up once the operation's intent is on record (a full data folder refuses before)
    armed, real_begin, real_fsync = [], flow.journal.begin, safewrite.ops.fsync

    def begin(*a, **k):
        intent = real_begin(*a, **k)
        armed.append(True)
        return intent

    def full(*a, **k):
        if armed:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(*a, **k)
    monkeypatch.setattr(flow.journal, "begin", begin)
    monkeypatch.setattr(safewrite.ops, "fsync", full)
    with pytest.raises(FieldError) as err:
        flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert err.value.field == "storage" and err.value.code == "storage_full"
    monkeypatch.undo()
    assert tree(npki_root) == before_files
    after = bank_state(bank)
    assert after["balances"] == before_bank["balances"] and after["ledger"] == before_bank["ledger"]
    assert [s for _, s in after["certs"]] == ["cancelled"]
    assert flow.step == SAVE
    done = flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)     # space again: it works
    assert_good_certificate(done.path, bank)


def test_bank_failure_at_confirmation_removes_the_saved_files(bank, customer, flow_kw, hdd, npki_root,
                                                              monkeypatch):
    flow = at_save(bank, flow_kw, cert_type=policies.GENERAL)
    before_bank, before_files = bank_state(bank), tree(npki_root)

    def crashed(serial):
        raise RuntimeError("bank crashed")
    monkeypatch.setattr(bank, "confirm_delivery", crashed)
    with pytest.raises(RuntimeError):
        flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    monkeypatch.undo()
    assert {k: v for k, v in tree(npki_root).items()} == before_files
    after = bank_state(bank)
    assert after["balances"] == before_bank["balances"] and after["ledger"] == before_bank["ledger"]
    assert [s for _, s in after["certs"]] == ["cancelled"]


def test_insufficient_balance_for_general_purpose_refused_at_step_1(bank, customer, flow_kw, hdd, npki_root):
    bank.teller().set_balance(NAME, 1000)
    flow = IssueFlow(bank, **flow_kw)
    with pytest.raises(FlowError) as err:
        to_identity(flow, bank, cert_type=policies.GENERAL)
    assert err.value.code == "insufficient_balance" and flow.step == CUSTOMER
    assert bank.phone_messages(PHONE) == []      # refused before any channel was used
    assert tree(npki_root) == {} and bank.db.one("SELECT COUNT(*) FROM certificates")[0] == 0


def test_second_issue_of_the_same_type_points_to_reissue(bank, customer, flow_kw, hdd):
    at_save(bank, flow_kw).finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    flow = IssueFlow(bank, **flow_kw)
    with pytest.raises(FlowError) as err:     # refused at STEP 1, before terms or any channel
        to_identity(flow, bank)
    assert err.value.code == "already_issued" and "재발급" in err.value.message("ko")
    assert flow.step == CUSTOMER


def test_second_issue_raced_past_step_1_is_refused_at_the_bank(bank, customer, flow_kw, hdd):
    first, second = at_save(bank, flow_kw), at_save(bank, flow_kw)    # both passed STEP 1 before either saved
    first.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    with pytest.raises(FlowError) as err:
        second.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert err.value.code == "already_issued"
    assert [s for _, s in bank_state(bank)["certs"]] == ["active"]


# --- Back and Cancel ---------------------------------------------------------------------------------------

def _secret_values_in(obj, secrets, seen=None) -> list[str]:
    """Every secret found anywhere in the object graph of the flow (strings, bytes, dicts, lists)."""
    seen = seen if seen is not None else set()
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    found = []
    if isinstance(obj, (str, bytes, bytearray)):
        text = obj.decode("latin-1") if isinstance(obj, (bytes, bytearray)) else obj
        return [s for s in secrets if s in text]
    if isinstance(obj, dict):
        for k, v in obj.items():
            found += _secret_values_in(k, secrets, seen) + _secret_values_in(v, secrets, seen)
    elif isinstance(obj, (list, tuple, set)):
        for v in obj:
            found += _secret_values_in(v, secrets, seen)
    elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("core.flows"):
        found += _secret_values_in(vars(obj), secrets, seen)
    return found


def test_back_restores_fields_but_never_secrets(bank, customer, flow_kw, hdd):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.GENERAL)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    flow.submit_terms([t.id for t in flow.terms()])
    flow.send_sms()
    code = sms_code(bank)
    flow.submit_sms(code)
    assert flow.back() == FIRST_FACTOR and flow.sms is None       # the code is not kept
    assert flow.back() == TERMS
    assert flow.data["terms"] == sorted(t.id for t in flow.terms())
    assert flow.back() == CUSTOMER
    assert (flow.data["name"], flow.data["rrn"], flow.data["account"]) == (NAME, RRN, ACCOUNT)
    assert flow.back() == TYPE and flow.data["cert_type"] == policies.GENERAL
    assert not flow.can_back()
    with pytest.raises(FieldError):
        flow.finish if False else flow.choose_type("no-such-type")
    flow.choose_type(policies.GENERAL)
    # Forward again: STEP 1 needs the account password again (it was never kept).
    flow.submit_customer(flow.data["name"], flow.data["rrn"], flow.data["account"], ACCOUNT_PW)
    flow.submit_terms(flow.data["terms"])
    do_first(flow, bank, "sms")
    do_second(flow, bank, "card")
    with pytest.raises(FieldError):
        flow.finish(hdd, GOOD_PASSWORD, "mismatch" + GOOD_PASSWORD)
    leaked = _secret_values_in(flow, [ACCOUNT_PW + "", GOOD_PASSWORD, code])
    assert leaked == [] and RRN not in repr(flow.data) and ACCOUNT not in repr(flow.data)
    done = flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert done.fee == 4400
    assert _secret_values_in(flow, [GOOD_PASSWORD]) == []


def test_step_methods_refuse_the_wrong_step(bank, customer, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    with pytest.raises(StepOrderError):
        flow.submit_terms([])
    with pytest.raises(StepOrderError):
        flow.finish(None, GOOD_PASSWORD, GOOD_PASSWORD)


def _advance_to(flow, bank, step):
    order = [TYPE, CUSTOMER, TERMS, FIRST_FACTOR, SECOND_FACTOR, SAVE]
    actions = {
        TYPE: lambda: flow.choose_type(policies.GENERAL),
        CUSTOMER: lambda: flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW),
        TERMS: lambda: flow.submit_terms([t.id for t in flow.terms()]),
        FIRST_FACTOR: lambda: do_first(flow, bank, "sms"),
        SECOND_FACTOR: lambda: do_second(flow, bank, "otp"),
    }
    for s in order[:order.index(step)]:
        actions[s]()
    assert flow.step == step


@pytest.mark.parametrize("step", [TYPE, CUSTOMER, TERMS, FIRST_FACTOR, SECOND_FACTOR, SAVE])
def test_cancel_at_every_step_leaves_everything_as_before(bank, customer, flow_kw, storages, step):
    roots = [s.root.parent for s in storages]
    before_bank, before_files = bank_state(bank), tree(*roots)
    flow = IssueFlow(bank, **flow_kw)
    _advance_to(flow, bank, step)
    if step == FIRST_FACTOR:
        flow.send_sms()                           # a code is out: still nothing to keep
    if step == SAVE:
        with pytest.raises(FieldError):
            flow.finish(storages[1], GOOD_PASSWORD, "other")
    flow.cancel()
    assert flow.finished and flow.session is None
    assert bank_state(bank) == before_bank
    files = tree(*roots)
    assert {k: v for k, v in files.items() if "/phones/" not in k or "/NPKI/" in k} == \
        {k: v for k, v in before_files.items() if "/phones/" not in k or "/NPKI/" in k}
    with pytest.raises(StepOrderError):
        flow.choose_type(policies.BANKING)


class CancelAt:
    """A Progress whose Cancel button is pressed at the n-th check."""

    def __init__(self, n):
        self.n = n
        self.updates = []

    def update(self, fraction, text):
        self.updates.append((fraction, text.en))

    def cancelled(self):
        self.n -= 1
        return self.n < 0


@pytest.mark.parametrize("checks_before_cancel", [0, 1])
def test_cancel_during_saving(bank, customer, flow_kw, usb, checks_before_cancel):
    flow = at_save(bank, flow_kw, cert_type=policies.GENERAL)
    before_bank, before_files = bank_state(bank), tree(usb.mount)
    progress = CancelAt(checks_before_cancel)
    with pytest.raises(Cancelled):
        flow.finish(usb, GOOD_PASSWORD, GOOD_PASSWORD, progress)
    flow.cancel()
    assert tree(usb.mount) == before_files
    after = bank_state(bank)
    assert after["balances"] == before_bank["balances"] and after["ledger"] == before_bank["ledger"]
    # Cancelled before the bank signed: no record; after: the signed one is recorded as cancelled.
    assert [s for _, s in after["certs"]] == ([] if checks_before_cancel == 0 else ["cancelled"])
    assert progress.updates and all(0 <= f <= 1 for f, _ in progress.updates)


def test_key_is_made_on_the_callers_executor(bank, customer, flow_kw, hdd):
    from concurrent.futures import ThreadPoolExecutor

    from core.flows import KeyMaker
    from .conftest import pool_key
    import threading
    threads = []

    def factory():
        threads.append(threading.current_thread().name)
        return pool_key(5)
    with ThreadPoolExecutor(1, thread_name_prefix="keygen") as pool:
        flow_kw = dict(flow_kw, keys=KeyMaker(factory, pool))
        flow = at_save(bank, flow_kw)
        flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert threads and threads[0].startswith("keygen")


def test_is_customer_phone_matches_the_served_customer_only(bank, customer, flow_kw, phone, usb):
    """The storage list of STEP 4 offers only the customer's own mock phone: the bank gives the masked
    number (first 3 and last 4 digits) after STEP 1, and an owner label must name this customer."""
    flow = IssueFlow(bank, **flow_kw)
    assert not flow.is_customer_phone(phone)                 # no customer known before STEP 1
    flow.choose_type(policies.BANKING)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    digits = "".join(ch for ch in PHONE if ch.isdigit())
    assert flow.is_customer_phone(phone)
    other_number = create_phone("010-9999-0000", "다른사람")
    same_mask_other_owner = create_phone(digits[:3] + "7777" + digits[-4:], "다른사람")
    unlabelled = create_phone(digits[:3] + "8888" + digits[-4:])
    assert not flow.is_customer_phone(other_number)
    assert not flow.is_customer_phone(same_mask_other_owner)
    assert flow.is_customer_phone(unlabelled)               # a phone nobody labelled: the mask decides
    assert not flow.is_customer_phone(usb)                  # not a phone at all
