"""signPri.key codec: variants A/B/C, password checks, R, OpenSSL interoperability."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PrivateFormat, NoEncryption, load_der_private_key
from hypothesis import given, settings, strategies as st

from core.errors import DojangError, KeyMismatch, MalformedKey, NonAsciiPassword, UnsupportedKeyEncryption, WrongPassword
from core.npki import asn1, keyfile, oids
from core.npki.kdf import pbkdf1_sha1
from core.npki.seed import seed_cbc_encrypt
from tests import factory

PW = "dojang!2026test"


@pytest.fixture(scope="module")
def made():
    key = factory._cached_key(0)
    r = bytes(range(20))
    plain = keyfile.build_private_key_info(key, r)
    files = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="홍길동", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4", private_key=key)
    return key, r, plain, files


def test_variant_a_roundtrip_is_byte_identical(made):
    _, _, plain, _ = made
    enc = keyfile.encrypt_key(plain, PW, "A")
    parsed = keyfile.parse_encrypted_key(enc)
    assert parsed.encryption.variant == "A" and parsed.encryption.iterations == 2048
    decrypted = keyfile.decrypt_key(enc, PW)
    assert decrypted == plain
    again = keyfile.encrypt_key(decrypted, PW, "A", salt=parsed.encryption.salt)
    assert again == enc


def test_variant_a_matches_the_spec_algorithm(made):
    """Independent re-implementation of variant A (docs/npki-format.md "Key files"): PBKDF1-SHA1, key=T[:16], IV=SHA1(T[16:20])[:16]."""
    _, _, plain, _ = made
    salt = bytes.fromhex("0102030405060708")
    enc = keyfile.encrypt_key(plain, PW, "A", salt=salt)
    t = hashlib.sha1(PW.encode() + salt).digest()
    for _ in range(2047):
        t = hashlib.sha1(t).digest()
    expected_ct = seed_cbc_encrypt(t[:16], hashlib.sha1(t[16:20]).digest()[:16], plain)
    assert asn1.EncryptedPrivateKeyInfo.load(enc)["encrypted_data"].native == expected_ct


def test_variant_c_is_read(made):
    _, _, plain, _ = made
    salt = os.urandom(8)
    key = pbkdf1_sha1(PW.encode(), salt, 2048)[:16]
    ct = seed_cbc_encrypt(key, b"0123456789012345", plain)
    data = asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": oids.SEED_CBC,
                                 "parameters": asn1.SaltAndCount({"salt": salt, "iterations": 2048})},
        "encrypted_data": ct}).dump()
    assert keyfile.parse_encrypted_key(data).encryption.variant == "C"
    assert keyfile.decrypt_key(data, PW) == plain
    # Dojang never writes C: re-encryption produces variant A
    assert keyfile.parse_encrypted_key(keyfile.reencrypt(data, plain, "new!pass1234")).encryption.variant == "A"


@pytest.mark.parametrize("prf", ["sha1", "sha256"])
@pytest.mark.parametrize("explicit_len", [False, True])
def test_variant_b_roundtrip_and_params(made, prf, explicit_len):
    _, _, plain, _ = made
    enc = keyfile.encrypt_key(plain, PW, "B", prf=prf, explicit_key_length=explicit_len)
    e = keyfile.parse_encrypted_key(enc).encryption
    assert (e.variant, e.prf, e.key_length, e.cipher_oid) == ("B", prf, 16 if explicit_len else None, oids.SEED_CBC)
    assert keyfile.decrypt_key(enc, PW) == plain
    re = keyfile.parse_encrypted_key(keyfile.reencrypt(enc, plain, "other#Pass99")).encryption
    assert (re.variant, re.prf, re.iterations) == ("B", prf, e.iterations)
    assert re.salt != e.salt and re.iv != e.iv


def test_check_password_rules(made):
    key, r, plain, files = made
    cert = x509.load_der_x509_certificate(files.sign_cert)
    assert keyfile.check_password(files.sign_key, cert, PW)
    with pytest.raises(WrongPassword):
        keyfile.check_password(files.sign_key, cert, PW + "x")
    other = factory.builder.make_cert_files(issuer=factory.test_issuer(), name="김철수", idn=factory.RRN,
                                            password=PW, policy_oid="1.2.410.200005.1.1.4",
                                            private_key=factory._cached_key(1))
    with pytest.raises(KeyMismatch):
        keyfile.check_password(other.sign_key, cert, PW)


def test_wrong_password_with_valid_padding_is_still_wrong_password(made):
    """About 1 in 256 wrong keys give valid PKCS#7 padding; search for one and check the verdict."""
    _, _, plain, _ = made
    salt = bytes(8)
    enc = keyfile.encrypt_key(plain, PW, "A", salt=salt, iterations=1)  # cheap KDF for the search
    ct = asn1.EncryptedPrivateKeyInfo.load(enc)["encrypted_data"].native
    from core.npki.seed import _cipher
    from cryptography.hazmat.primitives.ciphers import modes
    found = None
    for i in range(20000):
        candidate = f"wrong{i}"
        t = hashlib.sha1(candidate.encode() + salt).digest()
        raw_dec = _cipher(t[:16], modes.CBC(hashlib.sha1(t[16:20]).digest()[:16])).decryptor()
        padded = raw_dec.update(ct) + raw_dec.finalize()
        pad = padded[-1]
        if 1 <= pad <= 16 and padded[-pad:] == bytes([pad]) * pad:
            found = candidate
            break
    assert found, "no valid-padding wrong password found"
    with pytest.raises(WrongPassword):
        keyfile.decrypt_key(enc, found)


def test_random_num_extracted_and_missing(made):
    key, r, plain, _ = made
    assert keyfile.random_num(plain) == r
    bare = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    from core.errors import MissingRandomNum
    with pytest.raises(MissingRandomNum):
        keyfile.random_num(bare)


def test_plaintext_keeps_randomnum_that_cryptography_would_drop(made):
    key, r, plain, _ = made
    reserialised = load_der_private_key(plain, None).private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    assert keyfile.parse_private_key_info(reserialised).random_num is None  # why we keep bytes
    assert keyfile.parse_private_key_info(plain).random_num == r


def test_non_ascii_password_mentions_hangul_mode(made):
    _, _, plain, _ = made
    with pytest.raises(NonAsciiPassword) as info:
        keyfile.encrypt_key(plain, "비밀번호1234!", "A")
    assert "한/영" in info.value.message("ko") and "Hangul" in info.value.message("en")
    enc = keyfile.encrypt_key(plain, PW, "A")
    with pytest.raises(NonAsciiPassword):
        keyfile.decrypt_key(enc, "ㅁㄴㅇㄹ1234!")
    with pytest.raises(NonAsciiPassword):
        keyfile.decrypt_key(enc, "ｐａｓｓ")  # full-width letters are not ASCII either


def test_unknown_oid_is_reported_with_the_oid():
    data = asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": "1.2.3.4.5.6", "parameters": asn1.core.Null()},
        "encrypted_data": b"\x00" * 32}).dump()
    with pytest.raises(UnsupportedKeyEncryption) as info:
        keyfile.parse_encrypted_key(data)
    assert "1.2.3.4.5.6" in info.value.message("en")


def test_hostile_iteration_count_is_refused_not_run():
    data = asn1.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": oids.SEED_CBC_WITH_SHA1,
                                 "parameters": asn1.SaltAndCount({"salt": b"12345678", "iterations": 2**31})},
        "encrypted_data": b"\x00" * 32}).dump()
    with pytest.raises(MalformedKey):
        keyfile.parse_encrypted_key(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_reader_on_arbitrary_bytes_raises_only_typed_errors(data):
    try:
        keyfile.decrypt_key(data, "password123!")
    except DojangError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=200))
def test_reader_on_mutated_key_raises_only_typed_errors(made, patch, offset):
    enc = made[3].sign_key
    mutated = enc[:offset] + patch + enc[offset + len(patch):]
    try:
        keyfile.decrypt_key(mutated, PW)
    except DojangError:
        pass


# --- OpenSSL as an independent oracle ------------------------------------------------------

def _openssl_legacy_ok() -> bool:
    if not shutil.which("openssl"):
        return False
    probe = subprocess.run(["openssl", "list", "-cipher-algorithms", "-provider", "legacy"],
                           capture_output=True, text=True)
    return probe.returncode == 0 and "SEED" in probe.stdout.upper()


needs_openssl = pytest.mark.skipif(not _openssl_legacy_ok(), reason="openssl with the legacy provider (SEED) not installed")


@needs_openssl
@pytest.mark.parametrize("prf", ["hmacWithSHA1", "hmacWithSHA256"])
def test_openssl_written_variant_b_is_read(made, tmp_path, prf):
    key, _, plain, files = made
    (tmp_path / "plain.der").write_bytes(plain)
    subprocess.run(["openssl", "pkcs8", "-topk8", "-v2", "seed-cbc", "-v2prf", prf, "-iter", "2048",
                    "-provider", "legacy", "-provider", "default", "-inform", "DER", "-outform", "DER",
                    "-in", str(tmp_path / "plain.der"), "-out", str(tmp_path / "enc.der"),
                    "-passout", f"pass:{PW}"], check=True, capture_output=True)
    enc = (tmp_path / "enc.der").read_bytes()
    e = keyfile.parse_encrypted_key(enc).encryption
    assert e.variant == "B" and e.prf == ("sha256" if prf.endswith("256") else "sha1")
    got = keyfile.check_password(enc, x509.load_der_x509_certificate(files.sign_cert), PW)
    assert load_der_private_key(got, None).private_numbers() == key.private_numbers()


@needs_openssl
@pytest.mark.parametrize("prf", ["sha1", "sha256"])
def test_dojang_written_variant_b_is_decrypted_by_openssl(made, tmp_path, prf):
    key, _, plain, _ = made
    (tmp_path / "enc.der").write_bytes(keyfile.encrypt_key(plain, PW, "B", prf=prf))
    subprocess.run(["openssl", "pkcs8", "-inform", "DER", "-in", str(tmp_path / "enc.der"),
                    "-passin", f"pass:{PW}", "-provider", "legacy", "-provider", "default",
                    "-outform", "DER", "-out", str(tmp_path / "dec.der")], check=True, capture_output=True)
    decoded = load_der_private_key((tmp_path / "dec.der").read_bytes(), None)
    assert decoded.private_numbers() == key.private_numbers()
    bad = subprocess.run(["openssl", "pkcs8", "-inform", "DER", "-in", str(tmp_path / "enc.der"),
                          "-passin", "pass:wrong-password", "-provider", "legacy", "-provider", "default",
                          "-outform", "DER", "-out", str(tmp_path / "bad.der")], capture_output=True)
    assert bad.returncode != 0
