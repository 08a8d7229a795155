import datetime as dt
import subprocess

import pytest
from cryptography import x509

from core.authority import errors as E
from core.authority import make_csr, sign_possession
from core.authority.api import GENERAL, BANKING
from core.authority.timeutil import days_left
from core.npki import keyfile, policies
from core.npki.certificate import KST, parse_certificate
from core.npki.vid import verify_vid

from .conftest import NAME, OTHER_RRN, RRN, full_session, login, new_r, pool_key, user_csr

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def issue_active(bank, *, cert_type=BANKING, second="card", op="issue", key_index=4):
    s = full_session(bank, second=second)
    r = new_r()
    issued = getattr(bank, op)(s, user_csr(key_index), r, cert_type)
    assert issued.status == "pending"
    active = bank.confirm_delivery(issued.serial)
    assert active.status == "active"
    return active, r


def openssl(*args, input=None):
    return subprocess.run(["openssl", *args], capture_output=True, text=True, input=input)


def test_issued_certificate_verifies_and_shows_the_profile(bank, customer, tmp_path):
    issued, r = issue_active(bank)
    chain = tmp_path / "chain.pem"
    chain.write_bytes(bank.ca_chain_pem())
    der = tmp_path / "signCert.der"
    der.write_bytes(issued.cert_der)
    pem = tmp_path / "signCert.pem"
    assert openssl("x509", "-inform", "DER", "-in", str(der), "-out", str(pem)).returncode == 0
    v = openssl("verify", "-CAfile", str(chain), str(pem))
    assert v.returncode == 0 and "OK" in v.stdout, v.stdout + v.stderr
    text = openssl("x509", "-in", str(pem), "-noout", "-text", "-nameopt", "utf8,sep_comma_plus").stdout
    assert "personal4IB" in text and "DOJANGBANK" in text and "O=Dojang" in text
    assert "Key Usage: critical" in text and "Digital Signature, Non Repudiation" in text
    assert "Certificate Policies: critical" in text and policies.DOJANG_BANKING in text
    assert "X509v3 Subject Key Identifier" in text and "X509v3 Authority Key Identifier" in text
    assert "CRL Distribution Points" in text and "Subject Alternative Name" in text
    assert "sha256WithRSAEncryption" in text
    info = parse_certificate(issued.cert_der)
    assert info.cn.startswith(f"{NAME}()") and info.usage.kind == policies.BANKING and info.usage.is_test
    nb, na = info.not_before.astimezone(KST), info.not_after.astimezone(KST)
    assert (nb.hour, nb.minute, nb.second) == (0, 0, 0) and (na.hour, na.minute, na.second) == (23, 59, 59)
    assert na.date() == nb.date().replace(year=nb.year + 1)
    assert issued.folder_name.startswith(f"cn={NAME}()") and issued.folder_name.endswith(",o=Dojang,c=kr")
    cert = x509.load_der_x509_certificate(issued.cert_der)
    notice = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value[0].policy_qualifiers
    assert any(isinstance(q, x509.UserNotice) and "시험용" in q.explicit_text for q in notice)


def test_vid_matches_the_customer_rrn_only(bank, customer):
    issued, r = issue_active(bank)
    cert = x509.load_der_x509_certificate(issued.cert_der)
    assert verify_vid(cert, r, RRN)
    assert not verify_vid(cert, r, OTHER_RRN)
    assert not verify_vid(cert, new_r(), RRN)
    # and through the real key file the client would save
    plain = keyfile.build_private_key_info(pool_key(4), r)
    enc = keyfile.encrypt_key(plain, "Dojang#test77")
    assert verify_vid(cert, keyfile.random_num(keyfile.check_password(enc, cert, "Dojang#test77")), RRN)


def test_general_debits_the_fee_on_delivery(bank, customer):
    s = full_session(bank)
    issued = bank.issue(s, user_csr(4), new_r(), GENERAL)
    assert bank.teller().customers()[0].accounts[0]["balance"] == 10_000     # not yet
    bank.confirm_delivery(issued.serial)
    assert bank.teller().customers()[0].accounts[0]["balance"] == 10_000 - 4_400
    ledger = bank.teller().ledger(NAME)
    assert ledger == [{"amount": -4400, "memo": "범용 공동인증서 발급 수수료", "serial": format(issued.serial, "x"),
                       "at": ledger[0]["at"]}]
    assert parse_certificate(issued.cert_der).usage.kind == policies.GENERAL


def test_banking_is_free(bank, customer):
    issue_active(bank)
    assert bank.teller().customers()[0].accounts[0]["balance"] == 10_000


def test_insufficient_balance_is_a_clear_refusal(bank, customer):
    bank.teller().set_balance(NAME, 4_399)
    s = full_session(bank)
    with pytest.raises(E.InsufficientBalance) as exc:
        bank.issue(s, user_csr(4), new_r(), GENERAL)
    assert "4,400" in exc.value.message("ko") and "4,400" in exc.value.message("en")
    assert bank.db.one("SELECT COUNT(*) FROM certificates")[0] == 0


def test_balance_drop_between_issue_and_delivery(bank, customer):
    s = full_session(bank)
    issued = bank.issue(s, user_csr(4), new_r(), GENERAL)
    bank.teller().set_balance(NAME, 100)
    with pytest.raises(E.InsufficientBalance):
        bank.confirm_delivery(issued.serial)
    assert bank.db.one("SELECT status FROM certificates")[0] == "pending"
    bank.cancel_pending(issued.serial)
    assert bank.teller().customers()[0].accounts[0]["balance"] == 100


def test_every_step_is_required(bank, customer):
    s = login(bank)
    with pytest.raises(E.StepMissing) as exc:
        bank.issue(s, user_csr(4), new_r(), BANKING)
    assert exc.value.step == "terms"
    with pytest.raises(E.SessionInvalid):
        bank.issue("nope", user_csr(4), new_r(), BANKING)


def test_bad_requests(bank, customer):
    s = full_session(bank)
    with pytest.raises(E.BadRequest):
        bank.issue(s, b"garbage", new_r(), BANKING)
    with pytest.raises(E.BadRequest):
        bank.issue(s, user_csr(4), b"", BANKING)
    with pytest.raises(E.InvalidInput):
        bank.issue(s, user_csr(4), new_r(), "platinum")


def test_second_issue_of_the_same_type_points_to_reissue(bank, customer):
    issue_active(bank)
    s = full_session(bank)
    with pytest.raises(E.AlreadyIssued):
        bank.issue(s, user_csr(5), new_r(), BANKING)


def test_reissue_revokes_the_old_certificate(bank, customer, tmp_path):
    old, _ = issue_active(bank)
    new, _ = issue_active(bank, op="reissue", key_index=5, second="otp")
    assert bank.certificate_status(old.cert_der) == "revoked"
    assert bank.certificate_status(new.cert_der) == "active"
    crl = x509.load_der_x509_crl(bank.crl_der())
    assert crl.get_revoked_certificate_by_serial_number(old.serial) is not None
    assert crl.get_revoked_certificate_by_serial_number(new.serial) is None


def test_revoke_shows_in_openssl_crl(bank, customer, tmp_path):
    issued, _ = issue_active(bank)
    with pytest.raises(E.PossessionFailed):
        bank.revoke(issued.cert_der, signature=sign_possession(pool_key(5), "revoke", issued.cert_der))
    bank.revoke(issued.cert_der, signature=sign_possession(pool_key(4), "revoke", issued.cert_der),
                reason="key_compromise")
    assert bank.certificate_status(issued.cert_der) == "revoked"
    crl_file = tmp_path / "dojang.crl"
    crl_file.write_bytes(bank.crl_der())
    chain = tmp_path / "chain.pem"
    chain.write_bytes(bank.ca_chain_pem())
    out = openssl("crl", "-inform", "DER", "-in", str(crl_file), "-noout", "-text")
    assert out.returncode == 0
    assert format(issued.serial, "X").upper() in out.stdout.replace(":", "").upper()
    assert "Key Compromise" in out.stdout
    check = openssl("crl", "-inform", "DER", "-in", str(crl_file), "-noout", "-CAfile", str(chain))
    assert check.returncode == 0 and "verify OK" in (check.stdout + check.stderr)
    with pytest.raises(E.NotActive):
        bank.revoke(issued.cert_der, signature=sign_possession(pool_key(4), "revoke", issued.cert_der))


def test_revoke_by_owner_session(bank, customer):
    issued, _ = issue_active(bank)
    bank.revoke(issued.cert_der, session=login(bank))
    assert bank.certificate_status(issued.cert_der) == "revoked"


def _set_days_left(clock, not_after, days):
    target = not_after.astimezone(KST).date() - dt.timedelta(days=days)
    clock.t = dt.datetime.combine(target, dt.time(12, 0), KST).astimezone(dt.timezone.utc)


def test_renewal_window_31_refused_30_accepted(bank, customer, clock):
    old, _ = issue_active(bank)
    csr = user_csr(5)
    sig = sign_possession(pool_key(4), "renew", old.cert_der, csr)
    _set_days_left(clock, old.not_after, 31)
    assert days_left(old.not_after, clock()) == 31
    with pytest.raises(E.RenewalNotAllowed) as exc:
        bank.renew(old.cert_der, csr, new_r(), sig)
    assert exc.value.days_left == 31
    _set_days_left(clock, old.not_after, 30)
    new = bank.renew(old.cert_der, csr, new_r(), sig)
    assert new.status == "pending" and new.operation == "renew"
    assert bank.certificate_status(old.cert_der) == "active"        # until delivery
    bank.confirm_delivery(new.serial)
    assert bank.certificate_status(old.cert_der) == "superseded"
    assert bank.certificate_status(new.cert_der) == "active"
    assert new.not_before.astimezone(KST).date() == clock().astimezone(KST).date()
    with pytest.raises(E.NotActive):
        bank.renew(old.cert_der, csr, new_r(), sig)


def test_renewal_needs_possession_and_validity(bank, customer, clock):
    old, _ = issue_active(bank)
    csr = user_csr(5)
    _set_days_left(clock, old.not_after, 10)
    with pytest.raises(E.PossessionFailed):
        bank.renew(old.cert_der, csr, new_r(), sign_possession(pool_key(5), "renew", old.cert_der, csr))
    with pytest.raises(E.PossessionFailed):   # signature over another CSR
        bank.renew(old.cert_der, csr, new_r(), sign_possession(pool_key(4), "renew", old.cert_der, user_csr(4)))
    clock.t = old.not_after + dt.timedelta(seconds=1)
    with pytest.raises(E.NotActive):
        bank.renew(old.cert_der, csr, new_r(), sign_possession(pool_key(4), "renew", old.cert_der, csr))


def test_register_checks_the_vid(bank, customer, npki_root):
    from tests.factory import make_cert, user_dir
    mine = make_cert(user_dir(npki_root, "yessign"), idn=RRN, key_index=0)
    theirs = make_cert(user_dir(npki_root, "KICA"), org="KICA", idn=OTHER_RRN, key_index=0)
    s = full_session(bank)
    r_mine = keyfile.random_num(keyfile.decrypt_key(mine.sign_key, "dojang!2026test"))
    r_theirs = keyfile.random_num(keyfile.decrypt_key(theirs.sign_key, "dojang!2026test"))
    with pytest.raises(E.VidMismatch):
        bank.register(s, theirs.sign_cert, r_theirs)
    with pytest.raises(E.VidMismatch):
        bank.register(s, mine.sign_cert, r_theirs)
    reg = bank.register(s, mine.sign_cert, r_mine)
    assert "yessign" in reg.issuer
    assert [c.serial for c in bank.registered_certificates(s)] == [reg.serial]
