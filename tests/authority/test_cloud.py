"""The simulated 금융결제원 cloud (docs/bank-flows.md "금융인증서"): issue, devices, PIN and its lock,
PIN 재설정, renewal, revocation, login — and the key never leaves the sealed database."""
from __future__ import annotations

import os
import subprocess
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from core.authority import errors as AE
from core.authority.cloud import PIN_LIMIT, pin_problem
from core.authority.products import FINANCE, find_product, products
from core.authority.proof import possession_message, verify_possession
from core.flows.login import login_with_cloud
from core.npki import policies

from .conftest import NAME, PHONE, RRN, full_session, pool_key, sms_code

PIN = "274915"
DEVICE = ("pc:test", "테스트 PC")


def issue(bank, pin=PIN):
    s = full_session(bank)
    return bank.cloud_issue(s, pin, pin, FINANCE.id, *DEVICE)


def test_the_product_is_one_declaration():
    assert find_product("금융인증서") is FINANCE and FINANCE in products()
    assert (FINANCE.key_home, FINANCE.secret, FINANCE.validity_years, FINANCE.fee) == ("cloud", "pin6", 3, 0)
    assert policies.usage_for([FINANCE.policy_oid]).kind == policies.FINANCE


@pytest.mark.parametrize("pin, reason", [("12345", "format"), ("12a456", "format"), ("111111", "same"),
                                         ("123456", "run"), ("654321", "run"), ("900315", "birth"),
                                         ("274915", None)])
def test_pin_rules(pin, reason):
    assert pin_problem(pin, RRN[:6]) == reason


def test_issue_keeps_the_key_in_the_cloud_and_connects_the_device(bank, customer):
    issued = issue(bank)
    assert issued.status == "active" and issued.fee == 0 and issued.cert_type == FINANCE.id
    cert = x509.load_der_x509_certificate(issued.cert_der)
    assert (cert.not_valid_after_utc - cert.not_valid_before_utc).days >= 3 * 365 - 1
    [account] = bank.cloud_accounts(DEVICE[0])
    assert account.customer_name == NAME and account.certificate.serial == issued.serial
    assert bank.cloud_accounts("pc:other") == []
    row = bank.db.one("SELECT key_enc FROM cloud_keys")
    der = pool_key(0).private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    assert der not in bytes(row["key_enc"])
    # one 금융인증서 per customer
    with pytest.raises(AE.AlreadyIssued):
        issue(bank)


def test_a_weak_or_mismatched_pin_is_refused_before_anything_is_signed(bank, customer):
    s = full_session(bank)
    with pytest.raises(AE.PinRejected) as exc:
        bank.cloud_issue(s, "123456", "123456", FINANCE.id, *DEVICE)
    assert exc.value.reason == "run"
    with pytest.raises(AE.PinRejected):
        bank.cloud_issue(s, PIN, "274916", FINANCE.id, *DEVICE)
    assert bank.db.one("SELECT COUNT(*) FROM certificates")[0] == 0


def test_cloud_signatures_verify_against_the_ca_chain(bank, customer, tmp_path):
    issued = issue(bank)
    signed = bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"nonce")
    cert = x509.load_der_x509_certificate(signed.cert_der)
    assert verify_possession(cert, "login", signed.signature, b"nonce")
    chain = tmp_path / "chain.pem"
    chain.write_bytes(bank.ca_chain_pem())
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    cert.verify_directly_issued_by(x509.load_pem_x509_certificates(bank.ca_chain_pem())[0])
    if shutil.which("openssl"):
        out = subprocess.run(["openssl", "verify", "-CAfile", str(chain), "-partial_chain", str(leaf)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        pub = tmp_path / "pub.pem"
        pub.write_bytes(cert.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo))
        msg = tmp_path / "msg"
        msg.write_bytes(possession_message("login", cert.serial_number, b"nonce"))
        sig = tmp_path / "sig"
        sig.write_bytes(signed.signature)
        out = subprocess.run(["openssl", "dgst", "-sha256", "-verify", str(pub), "-signature", str(sig), str(msg)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_five_wrong_pins_lock_and_only_a_reset_after_identity_unlocks(bank, customer):
    issued = issue(bank)
    for left in range(PIN_LIMIT - 1, 0, -1):
        with pytest.raises(AE.WrongPin) as exc:
            bank.cloud_sign(DEVICE[0], issued.serial, "000000", "login", b"x")
        assert exc.value.remaining == left
    with pytest.raises(AE.PinLocked):
        bank.cloud_sign(DEVICE[0], issued.serial, "000000", "login", b"x")
    with pytest.raises(AE.PinLocked):          # even the right PIN
        bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    assert bank.cloud_accounts(DEVICE[0])[0].certificate.locked
    # a session without the identity steps is not enough
    from .conftest import login
    with pytest.raises(AE.AuthorityError):
        bank.cloud_reset_pin(login(bank), "582913", "582913")
    assert bank.cloud_reset_pin(full_session(bank), "582913", "582913") == issued.serial
    with pytest.raises(AE.WrongPin):
        bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    assert bank.cloud_sign(DEVICE[0], issued.serial, "582913", "login", b"x").signature


def test_a_right_pin_resets_the_count_and_change_pin_needs_the_old_one(bank, customer):
    issued = issue(bank)
    for _ in range(PIN_LIMIT - 1):
        with pytest.raises(AE.WrongPin):
            bank.cloud_sign(DEVICE[0], issued.serial, "000000", "login", b"x")
    bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    with pytest.raises(AE.WrongPin) as exc:
        bank.cloud_sign(DEVICE[0], issued.serial, "000000", "login", b"x")
    assert exc.value.remaining == PIN_LIMIT - 1
    with pytest.raises(AE.WrongPin):
        bank.cloud_change_pin(DEVICE[0], issued.serial, "000001", "582913", "582913")
    bank.cloud_change_pin(DEVICE[0], issued.serial, PIN, "582913", "582913")
    assert bank.cloud_sign(DEVICE[0], issued.serial, "582913", "login", b"x").signature


def test_a_device_connects_only_with_the_sms_code_and_can_disconnect(bank, customer):
    issued = issue(bank)
    phone_device = "phone:01099998888"
    with pytest.raises(AE.DeviceNotConnected):
        bank.cloud_sign(phone_device, issued.serial, PIN, "login", b"x")
    with pytest.raises(AE.CustomerNotFound):
        bank.cloud_connect(NAME, "010-0000-0000", phone_device, "휴대폰")
    code = bank.cloud_connect(NAME, PHONE, phone_device, "휴대폰")
    assert code.phone_masked != PHONE
    with pytest.raises(AE.CodeMismatch):
        bank.cloud_confirm_connect(code.id, "000000" if sms_code(bank) != "000000" else "000001")
    bank.cloud_confirm_connect(code.id, sms_code(bank))
    with pytest.raises(AE.NoChallenge):               # a code works once
        bank.cloud_confirm_connect(code.id, sms_code(bank))
    [account] = bank.cloud_accounts(phone_device)
    assert account.certificate.serial == issued.serial
    assert bank.cloud_sign(phone_device, issued.serial, PIN, "login", b"x").signature
    assert bank.cloud_disconnect(phone_device) == 1
    assert bank.cloud_accounts(phone_device) == []
    with pytest.raises(AE.DeviceNotConnected):
        bank.cloud_sign(phone_device, issued.serial, PIN, "login", b"x")


def test_login_with_the_cloud_certificate(bank, customer):
    issued = issue(bank)
    result = login_with_cloud(bank, DEVICE[0], issued.serial, PIN)
    assert (result.customer_name, result.serial, result.product_id) == (NAME, issued.serial, FINANCE.id)
    with pytest.raises(AE.WrongPin):
        login_with_cloud(bank, DEVICE[0], issued.serial, "000000")
    assert bank.cloud_accounts(DEVICE[0])[0].certificate.failures == 1


def test_renew_inside_the_window_replaces_the_key_and_the_old_one_is_refused_at_login(bank, customer, clock):
    issued = issue(bank)
    with pytest.raises(AE.RenewalNotAllowed):
        bank.cloud_renew(DEVICE[0], issued.serial, PIN)
    clock.advance(days=3 * 365 - 20)
    with pytest.raises(AE.DeviceNotConnected):       # unused for more than a year: connect again
        bank.cloud_renew(DEVICE[0], issued.serial, PIN)
    code = bank.cloud_connect(NAME, PHONE, DEVICE[0], DEVICE[1])
    bank.cloud_confirm_connect(code.id, sms_code(bank))
    old_sig = bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    new = bank.cloud_renew(DEVICE[0], issued.serial, PIN)
    assert new.status == "active" and new.serial != issued.serial
    assert bank.certificate_status(issued.cert_der) == "superseded"
    assert bank.db.one("SELECT COUNT(*) FROM cloud_keys")[0] == 1
    assert bank.cloud_accounts(DEVICE[0])[0].certificate.serial == new.serial
    assert login_with_cloud(bank, DEVICE[0], new.serial, PIN).serial == new.serial     # the PIN stays
    ch = bank.login_challenge()
    with pytest.raises(AE.LoginRefused) as exc:      # the old certificate (its key is gone from the cloud)
        bank.login(ch.id, old_sig.cert_der, old_sig.r, old_sig.signature)
    assert exc.value.reason in ("signature", "renewed")


def test_revoke_deletes_the_key_and_login_is_refused(bank, customer):
    issued = issue(bank)
    with pytest.raises(AE.WrongPin):
        bank.cloud_revoke(DEVICE[0], issued.serial, "000000")
    assert bank.certificate_status(issued.cert_der) == "active"
    signed = bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"")
    with pytest.raises(AE.InvalidInput):              # renew / revoke are the cloud's own operations
        bank.cloud_sign(DEVICE[0], issued.serial, PIN, "revoke", b"")
    bank.cloud_revoke(DEVICE[0], issued.serial, PIN)
    assert bank.certificate_status(issued.cert_der) == "revoked"
    assert bank.db.one("SELECT COUNT(*) FROM cloud_keys")[0] == 0
    assert bank.cloud_accounts(DEVICE[0])[0].certificate is None
    with pytest.raises(AE.NoCloudCertificate):
        bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    assert signed.cert_der
    # a new one can be issued after the revocation
    assert issue(bank).status == "active"


def test_no_cloud_key_in_any_file_outside_the_sealed_database(bank, customer, home):
    issued = issue(bank)
    signed = bank.cloud_sign(DEVICE[0], issued.serial, PIN, "login", b"x")
    key, r = bank.cloud._key(issued.serial)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    needles = [der, der[-64:], key.private_numbers().p.to_bytes(128, "big"),
               key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())[40:120], r]
    bank.close()
    files = [Path(d) / f for d, _, fs in os.walk(home) for f in fs]
    assert any(p.name.startswith("authority.sqlite3") for p in files)
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, path
    assert signed.signature


def test_auto_renewal_renews_in_place_when_used_inside_the_window(bank, customer, clock):
    issued = issue(bank)
    with pytest.raises(AE.WrongPin):
        bank.cloud_auto_renew(DEVICE[0], issued.serial, "000000", True)
    bank.cloud_auto_renew(DEVICE[0], issued.serial, PIN, True)
    assert bank.cloud_accounts(DEVICE[0])[0].certificate.auto_renew
    # outside the window: a login keeps the certificate
    assert login_with_cloud(bank, DEVICE[0], issued.serial, PIN).serial == issued.serial
    clock.advance(days=3 * 365 - 10)
    code = bank.cloud_connect(NAME, PHONE, DEVICE[0], DEVICE[1])
    bank.cloud_confirm_connect(code.id, sms_code(bank))
    result = login_with_cloud(bank, DEVICE[0], issued.serial, PIN)
    assert result.serial != issued.serial
    assert bank.certificate_status(issued.cert_der) == "superseded"
    current = bank.cloud_accounts(DEVICE[0])[0].certificate
    assert current.serial == result.serial and current.auto_renew and current.status == "active"


def test_a_revocation_at_the_counter_deletes_the_cloud_key(bank, customer):
    issued = issue(bank)
    bank.teller().revoke(issued.serial)
    assert bank.certificate_status(issued.cert_der) == "revoked"
    assert bank.db.one("SELECT COUNT(*) FROM cloud_keys")[0] == 0
    assert bank.cloud_accounts(DEVICE[0])[0].certificate is None
