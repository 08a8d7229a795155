"""Reissue, renew, register and revoke (docs/bank-flows.md "The certificate centre"), without Qt."""
from __future__ import annotations

import datetime as dt

import pytest

from core.flows import (CERT_PASSWORD, CONFIRM_REISSUE, DONE, PICK_CERT, SAVE, FieldError, FlowError, IssueFlow,
                        RegisterFlow, ReissueFlow, RenewFlow, RevokeFlow, start_flow)
from core.npki import policies
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage import operations as ops
from tests.factory import PASSWORD, make_cert

from .conftest import GOOD_PASSWORD, NAME, RRN, bank_state, tree
from .test_issue_flow import assert_good_certificate, do_first, do_second, to_identity

OTHER_PASSWORD = "Moon%River42q"


def issue_one(bank, flow_kw, storage, cert_type=policies.BANKING, password=GOOD_PASSWORD):
    flow = IssueFlow(bank, **flow_kw)
    to_identity(flow, bank, cert_type=cert_type)
    return flow.finish(storage, password, password)


def entry_at(path) -> CertFolder:
    e = read_cert_folder(path, path.parent.parent.name)
    assert isinstance(e, CertFolder)
    return e


# --- reissue -----------------------------------------------------------------------------------------------

def test_reissue_revokes_and_deletes_every_old_copy(bank, customer, flow_kw, hdd, usb, phone):
    first = issue_one(bank, flow_kw, hdd)
    old = entry_at(first.path)
    ops.copy_cert(old, usb)                                # the person also kept a copy on the stick
    flow = ReissueFlow(bank, **flow_kw)
    to_identity(flow, bank)
    assert flow.step == CONFIRM_REISSUE
    targets = flow.reissue_targets()
    assert sorted(s.id for s, _ in targets) == sorted([hdd.id, usb.id])
    with pytest.raises(FieldError) as err:
        flow.confirm_reissue(False)
    assert err.value.field == "confirm" and "되돌릴 수 없습니다" in err.value.message("ko")
    flow.confirm_reissue(True)
    assert flow.step == SAVE
    done = flow.finish(phone, OTHER_PASSWORD, OTHER_PASSWORD)
    assert_good_certificate(done.path, bank, OTHER_PASSWORD)
    assert bank.certificate_status(old.info.der) == "revoked"
    assert len(done.removed) == 2 and not any(p.exists() for p in done.removed)
    assert hdd.certificates() == [] and usb.certificates() == []
    assert len(phone.certificates()) == 1


def test_reissue_keeps_other_certificates(bank, customer, flow_kw, hdd, npki_root):
    issue_one(bank, flow_kw, hdd, policies.GENERAL)
    foreign = make_cert(npki_root / "yessign" / "USER", name=NAME, idn=RRN)
    flow = ReissueFlow(bank, **flow_kw)
    to_identity(flow, bank)                                # reissue the *banking* type
    assert flow.reissue_targets() == []
    flow.confirm_reissue(True)
    flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    kinds = sorted(c.info.usage.kind for c in hdd.certificates())
    assert kinds == sorted([policies.GENERAL, policies.BANKING, policies.BANKING])
    assert foreign.path.exists()


def test_reissue_replaces_an_expired_certificate(bank, customer, flow_kw, hdd, clock):
    first = issue_one(bank, flow_kw, hdd)
    clock.advance(days=400)
    flow = ReissueFlow(bank, **flow_kw)
    to_identity(flow, bank)
    assert [c.path for _, c in flow.reissue_targets()] == [first.path]
    flow.confirm_reissue(True)
    done = flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert done.removed == (first.path,)
    assert [c.path for c in hdd.certificates()] == [done.path]


def test_cancel_at_confirm_reissue_keeps_the_old_certificate(bank, customer, flow_kw, hdd, npki_root):
    issue_one(bank, flow_kw, hdd)
    before_bank, before_files = bank_state(bank), tree(npki_root)
    flow = ReissueFlow(bank, **flow_kw)
    to_identity(flow, bank)
    flow.cancel()
    assert bank_state(bank) == before_bank and tree(npki_root) == before_files


# --- renew -------------------------------------------------------------------------------------------------

def test_renew_within_30_days_replaces_the_certificate_in_place(bank, customer, flow_kw, usb, clock):
    first = issue_one(bank, flow_kw, usb)
    old = entry_at(first.path)
    flow = RenewFlow(bank, **flow_kw)
    cand = [c for c in flow.candidates() if c.cert.path == old.path][0]
    assert not cand.eligible and "30일" in cand.reason.ko     # 365 days left: too early
    with pytest.raises(FieldError):
        flow.pick(cand.storage, cand.cert)
    clock.t = old.info.not_after - dt.timedelta(days=30)
    flow = RenewFlow(bank, **flow_kw)
    cand = [c for c in flow.candidates() if c.cert.path == old.path][0]
    assert cand.eligible
    flow.pick(cand.storage, cand.cert)
    assert flow.step == CERT_PASSWORD
    with pytest.raises(FieldError) as err:
        flow.submit_cert_password("Wrong#pass123")
    assert err.value.field == "cert_password" and err.value.code == "wrong_password"
    flow.submit_cert_password(bytearray(GOOD_PASSWORD.encode()))
    assert flow.step == SAVE
    with pytest.raises(FieldError):
        flow.finish("weak", "weak")
    done = flow.finish(OTHER_PASSWORD, OTHER_PASSWORD)
    assert done.path == old.path                                # same folder: same subject
    new = assert_good_certificate(done.path, bank, OTHER_PASSWORD)
    assert new.info.serial != old.info.serial and new.info.subject == old.info.subject
    assert bank.certificate_status(old.info.der) == "superseded"
    assert new.info.not_after > old.info.not_after
    assert [c.path for c in usb.certificates()] == [old.path]


def test_renew_refuses_expired_and_foreign_certificates(bank, customer, flow_kw, hdd, npki_root, clock):
    issue_one(bank, flow_kw, hdd)
    make_cert(npki_root / "yessign" / "USER", name=NAME, idn=RRN)
    clock.advance(days=400)
    reasons = {c.cert.info.issuer_o: c.reason for c in RenewFlow(bank, **flow_kw).candidates()}
    assert "재발급" in reasons["Dojang"].ko
    assert "yessign" in reasons["yessign"].ko


def test_renewal_that_the_bank_does_not_confirm_puts_the_old_one_back(bank, customer, flow_kw, hdd, clock,
                                                                      monkeypatch):
    first = issue_one(bank, flow_kw, hdd)
    old = entry_at(first.path)
    old_bytes = {n: p.read_bytes() for n, p in old.files.items()}
    clock.t = old.info.not_after - dt.timedelta(days=5)
    flow = RenewFlow(bank, cert=(hdd, old), **flow_kw)
    flow.submit_cert_password(GOOD_PASSWORD)

    def crashed(serial):
        raise RuntimeError("power cut")
    monkeypatch.setattr(bank, "confirm_delivery", crashed)
    with pytest.raises(RuntimeError):
        flow.finish(OTHER_PASSWORD, OTHER_PASSWORD)
    monkeypatch.undo()
    assert {n: p.read_bytes() for n, p in entry_at(first.path).files.items()} == old_bytes
    assert bank.certificate_status(old.info.der) == "active"
    entry_at(first.path).check_password(GOOD_PASSWORD)


def test_back_from_renew_password_forgets_the_key(bank, customer, flow_kw, hdd, clock):
    first = issue_one(bank, flow_kw, hdd)
    old = entry_at(first.path)
    clock.t = old.info.not_after - dt.timedelta(days=1)
    flow = RenewFlow(bank, cert=(hdd, old), **flow_kw)
    flow.submit_cert_password(GOOD_PASSWORD)
    assert flow._old_key is not None
    assert flow.back() == CERT_PASSWORD and flow._old_key is None
    assert flow.back() == PICK_CERT


# --- register -------------------------------------------------------------------------------------------

def test_register_another_institutions_certificate(bank, customer, flow_kw, usb):
    mine = make_cert(usb.root / "yessign" / "USER", name=NAME, idn=RRN)
    someone_else = make_cert(usb.root / "SignKorea" / "USER", name="김철수", idn="8001011234561",
                             org="SignKorea", usage=policies.GENERAL, key_index=1)
    flow = RegisterFlow(bank, **flow_kw)
    flow.submit_customer(NAME, RRN, "12345678901234", "8049")
    flow.submit_terms([t.id for t in flow.terms()])
    do_first(flow, bank, "ars")
    do_second(flow, bank, "otp")
    assert flow.step == PICK_CERT
    cands = {c.cert.path: c for c in flow.candidates()}
    assert cands[mine.path].eligible and cands[someone_else.path].eligible
    flow.pick(usb, cands[someone_else.path].cert)
    with pytest.raises(FlowError) as err:                  # right password, but not this person's
        flow.submit_cert_password(PASSWORD)
    assert err.value.code == "vid_mismatch"
    flow.back()
    flow.pick(usb, cands[mine.path].cert)
    with pytest.raises(FieldError):
        flow.submit_cert_password("Nope#nope123")
    done = flow.submit_cert_password(PASSWORD)
    assert flow.step == DONE and done.kind == "register"
    assert bank.db.one("SELECT COUNT(*) FROM registered_certs")[0] == 1


def test_register_refuses_own_and_expired_certificates(bank, customer, flow_kw, hdd, npki_root, clock):
    issue_one(bank, flow_kw, hdd)
    make_cert(npki_root / "yessign" / "USER", name=NAME, idn=RRN, start=dt.date(2020, 1, 1))
    flow = RegisterFlow(bank, **flow_kw)
    reasons = [c.reason for c in flow.candidates()]
    assert all(r is not None for r in reasons) and len(reasons) == 2


# --- revoke -------------------------------------------------------------------------------------------------

def test_revoke_with_password_and_confirmation(bank, customer, flow_kw, hdd, usb):
    first = issue_one(bank, flow_kw, hdd)
    old = entry_at(first.path)
    ops.copy_cert(old, usb)
    flow = start_flow("revoke", bank, **flow_kw)
    assert isinstance(flow, RevokeFlow)
    cand = [c for c in flow.candidates() if c.storage is hdd][0]
    flow.pick(cand.storage, cand.cert)
    with pytest.raises(FieldError) as err:
        flow.submit_cert_password(GOOD_PASSWORD, confirmed=False)
    assert err.value.field == "confirm"
    with pytest.raises(FieldError):
        flow.submit_cert_password("Wrong#pass123", confirmed=True)
    assert bank.certificate_status(old.info.der) == "active"
    done = flow.submit_cert_password(GOOD_PASSWORD, confirmed=True)
    assert bank.certificate_status(old.info.der) == "revoked"
    assert len(done.removed) == 2 and hdd.certificates() == [] and usb.certificates() == []
    from cryptography import x509
    crl = x509.load_der_x509_crl(bank.crl_der())
    assert crl.get_revoked_certificate_by_serial_number(old.info.serial) is not None


def test_revoke_can_keep_the_files(bank, customer, flow_kw, hdd):
    first = issue_one(bank, flow_kw, hdd)
    flow = RevokeFlow(bank, cert=(hdd, entry_at(first.path)), **flow_kw)
    done = flow.submit_cert_password(GOOD_PASSWORD, confirmed=True, delete_files=False)
    assert done.removed == () and first.path.exists()
    flow2 = RevokeFlow(bank, **flow_kw)
    assert "폐기된" in flow2.candidates()[0].reason.ko


def test_start_flow_knows_every_kind(bank, flow_kw):
    for kind in ("issue", "reissue", "renew", "register", "revoke"):
        assert start_flow(kind, bank, **flow_kw).kind == kind
    with pytest.raises(ValueError):
        start_flow("steal", bank, **flow_kw)


def test_notices_for_fee_and_copies_that_could_not_be_deleted(bank, customer, flow_kw, hdd, usb, monkeypatch):
    from core.errors import StorageError
    from core.flows import CollectingNotices
    first = issue_one(bank, flow_kw, hdd, policies.GENERAL)
    ops.copy_cert(entry_at(first.path), usb)
    notices = CollectingNotices()
    flow = ReissueFlow(bank, notices=notices, **flow_kw)
    to_identity(flow, bank, cert_type=policies.GENERAL)
    assert notices.items[0][0] == "info" and "4,400" in notices.items[0][1].ko
    flow.confirm_reissue(True)
    real_delete = ops.delete_cert

    def stuck_on_usb(cert, storage=None):
        if storage is usb:
            raise StorageError()
        return real_delete(cert, storage)
    monkeypatch.setattr(ops, "delete_cert", stuck_on_usb)
    done = flow.finish(hdd, OTHER_PASSWORD, OTHER_PASSWORD)
    assert len(done.removed) == 1 and len(done.kept) == 1
    assert notices.items[-1][0] == "warning" and str(done.kept[0][0]) in notices.items[-1][1].en
